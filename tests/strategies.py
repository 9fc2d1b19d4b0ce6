"""Hypothesis strategies for messy government text: the raw material of the property tests.

Text is built from fragments that the detectors care about (numerals, units, qualifiers,
quotes), interleaved with the noise archives contain (every kind of whitespace, control
characters, astral-plane characters, lone surrogates) and any character at all.
"""

from __future__ import annotations

from hypothesis import strategies as st

# fmt: off
NUMBERS = [
    "0", "1", "7", "12", "2020", "1.5", "3493.59", "1,250.5", "1,000,000", "-0.9", "+3", "1.", ".5",
    "一", "两", "十", "十二", "三千五百", "二〇二〇", "〇", "零", "壹佰", "贰拾", "三四十", "八九", "百",
    "1.2万亿", "2千零30", "3千万", "八亿", "١٢", "５", "𝟙𝟚",
]
UNITS = [
    "元", "万元", "亿元", "万亿元", "美元", "港币", "万", "亿", "%", "％", "‰", "个百分点", "百分点",
    "百分之", "成", "倍", "翻一番", "番", "家", "个", "项", "人", "亩", "万亩", "平方", "平方米", "公里",
    "吨", "万吨", "千瓦", "年", "月", "日", "季度", "一季度", "上半年", "去年", "今年以来", "同期",
]
QUALIFIERS = ["约", "超", "超过", "近", "逾", "余", "多", "以上", "左右", "不足", "至少", "以内", "上下"]
PUNCTUATION = [
    "。", "，", "、", "；", "：", "！", "？", "“", "”", "‘", "’", "《", "》", "「", "」", "（", "）",
    "(", ")", "【", "】", "—", "－", "-", "~", "～", "至", "到", "和", "及", ".", ",", ":", ";",
]
WORDS = [
    "增长", "同比", "投资", "资金", "企业", "是", "的", "第",
    "其中", "共计", "实现", "十三五", "科技新政", "条",
]
WHITESPACE = [
    " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\x0b", "\x0c", "\x85", "\xa0", "\u1680", "\u2002",
    "\u2009", "\u202f", "\u205f", "\u3000", "\u2028", "\u2029",
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\xad",  # invisible marks
]
CONTROL = ["\x00", "\x01", "\x07", "\x08", "\x1b", "\x1c", "\x1f", "\x7f", "\x80", "\x9f", "\ufffe", "\uffff"]
ASTRAL = ["😀", "𠀀", "𪚥", "\U0001d7d8", "\U000e0001", "\U0010ffff"]
SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff", "\ud83d"]
# fmt: on

FRAGMENTS = NUMBERS + UNITS + QUALIFIERS + PUNCTUATION + WORDS + WHITESPACE + CONTROL + ASTRAL + SURROGATES

# Any code point at all, surrogates and unassigned ones included.
any_char = st.characters(exclude_categories=())

piece = st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(NUMBERS + UNITS), any_char)

messy_text = st.lists(piece, max_size=40).map("".join)
"""Short texts mixing every difficulty; shrinks to a readable list of fragments."""

sentence_end = st.sampled_from(["。", "！", "？", "；"])

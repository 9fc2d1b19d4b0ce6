"""The figure scans of ``detect._scan`` give exactly what the plain scans they replace give.

Each test states the plain version (a ``regex`` alternation tried at every character, a run
read from every number start) and checks the fast one against it on arbitrary text drawn from
the characters that matter, including digits of scripts newer than Python's Unicode database.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from govnews_extract.detect import _scan, count, money, multiple, percent, quantity
from govnews_extract.detect._common import CN_NUMERAL_CHARS, approx_words

# A Kawi digit (Unicode 15): ``regex`` reads it as a digit, Python 3.11's ``re`` does not.
_NEW_DIGIT = "\U00011f52"
_PIECES = [
    *"0123456789.,一二三四五六七八九十两百千万亿〇零壹佰余多个 ",
    *"-—–~～至到―－+−",
    *["12.5", "3,000", "1.", "三1", "超过", "不少于", "约", "多于", "近"],
    *"家项名人亩吨米平方公里千瓦元%的，。\n",
    _NEW_DIGIT,
    "😀",
]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)

# The plain definitions: figure characters as an alternation, a number start by lookbehinds.
_FIGURE = rf"(?:[\d.,{CN_NUMERAL_CHARS}余多\x20]|[-—–~～至])"
_PLAIN_START_RE = regex.compile(rf"(?<![\d.])(?:\d|(?<![{CN_NUMERAL_CHARS}])[{CN_NUMERAL_CHARS}])")
_PLAIN_FIGURE_RE = regex.compile(rf"{_FIGURE}+")


def _plain_figures(text: str) -> tuple[tuple[int, int, int], ...]:
    before = approx_words()["before"]
    found = []
    for m in _PLAIN_START_RE.finditer(text):
        number = m.start()
        end = _PLAIN_FIGURE_RE.match(text, number)
        assert end is not None
        found += [(number - len(w), number, end.end()) for w in before if text.endswith(w, 0, number)]
        found.append((number, number, end.end()))
    return tuple(sorted(found))


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_figures_are_the_plain_number_starts(text: str) -> None:
    _scan.figures.cache_clear()
    assert _scan.figures(text) == _plain_figures(text)


def test_new_digits_are_read_as_the_patterns_read_them() -> None:
    text = f"共{_NEW_DIGIT}{_NEW_DIGIT}家"
    assert regex.fullmatch(r"\d", _NEW_DIGIT)
    assert _scan.figures(text) == ((1, 1, 3),)


def _found(matches: Iterable[Any]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]


# Text from the pieces of counts and quantities: figures, qualifiers, classifiers, units, nouns.
_COUNT_PIECES = [
    *_PIECES,
    *["1.2亿", "4.05万", "6069万", "三四十", "200余", "1200多万", "5-8", "15—25", "百亿"],
    *["人口", "农村人口", "用户", "人员", "居民", "累计", "达到", "为", "人次", "万人", "万户"],
    *["平方公里", "千瓦", "千米", "万千瓦", "吨标准煤", "/", "kg", "度", "个百分点", "以上", "左右"],
    *["个", "家", "名", "户", "项", "批", "第", "“", "”", "《", "》", "陆地", "一个"],
]
_COUNT_TEXT = st.lists(st.sampled_from(_COUNT_PIECES), max_size=16).map("".join)


@settings(max_examples=400, deadline=None)
@given(_COUNT_TEXT)
def test_count_and_quantity_matches_are_the_plain_pattern_matches(text: str) -> None:
    # The classifier pattern run by ``re``, the first tests of the bare and quantity patterns.
    assert _found(count._classifier_matches(text)) == _found(count._count_twin().exact.finditer(text))
    assert _found(count._bare_matches(text)) == _found(count._bare_re().finditer(text))
    assert _found(quantity._quantity_matches(text)) == _found(quantity._quantity_re().finditer(text))


@settings(max_examples=300, deadline=None)
@given(_COUNT_TEXT)
def test_twins_find_the_same_matches(text: str) -> None:
    # ``re`` on text of the Basic Multilingual Plane, ``regex`` on any other.
    for twin in (count._count_twin(), count._bare_first(), quantity._quantity_first()):
        assert _found(twin.on(text).finditer(text)) == _found(twin.exact.finditer(text))


# Text from the pieces of money, percentages and multiples.
_AMOUNT_PIECES = [
    *_PIECES,
    *["3493.59万", "1.2万亿", "5亿至8亿", "八九亿", "3000多万", "三千五百万", "-0.9", "6%-6.5"],
    *["元", "万元", "亿元", "美元", "港币", "二元", "多元化", "百分之", "分之", "百分点", "个百分点", "‰"],
    *["成", "三成", "六七成", "成立", "倍", "番", "翻了", "翻一番", "增长了", "是去年的", "以上", "左右"],
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_AMOUNT_PIECES), max_size=16).map("".join))
def test_amount_twins_find_the_same_matches(text: str) -> None:
    # ``re`` on text of the Basic Multilingual Plane, ``regex`` on any other.
    twins = [money._money_twin(), money._bare_twin(), multiple._multiple_twin()]
    twins += [percent._percent_twin(), percent._percent_twin(frozenset({"cheng"}))]
    for twin in twins:
        assert _found(twin.on(text).finditer(text)) == _found(twin.exact.finditer(text))

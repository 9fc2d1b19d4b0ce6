"""Fast paths of the date detector give exactly what the plain code they replace gives.

Each test states the plain version (a ``regex`` scan of the whole text, a group looked up by
name, a count of every clause end) and checks the fast one against it on text drawn from the
pieces of dates, including digits ``re`` and ``regex`` read differently and a year's digits
beside separators.
"""

from __future__ import annotations

import itertools

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from govnews_extract._data import load_lexicon
from govnews_extract.detect import dates
from govnews_extract.detect._scan import char_positions

# A Kawi digit (Unicode 15): ``regex`` reads it as a digit, Python 3.11's ``str`` does not;
# a superscript two is a digit to ``str.isdigit`` and not to ``regex``.
_NEW_DIGIT = "\U00011f52"
_PIECES = [
    *"0123456789",
    *["2023", "2020", "1998", "12.5", "05", "16", _NEW_DIGIT, "²", "١", "😀"],
    *"-/.—~至到和、与及",
    *"一二三四五六七八九十两〇○零",
    *["年", "月", "日", "号", "季度", "上半年", "下半年", "首季", "前三季度", "第二季度", "份", "底", "初"],
    *[w for w in dates.date_words()],
    *["年人才", "多年来", "年度", "以来", "至今", "同期", "过去五年", "前", "后", "召开", "比", "较"],
    *[
        "发布时间:",
        "更新日期",
        "时间",
        "来源:",
        "，",
        "。",
        "：",
        "；",
        "\n",
        " ",
        "的",
        "是",
        "增长",
        "《",
        "》",
    ],
]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=20).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
@example(f"发布时间:2023.05.1{_NEW_DIGIT}")
@example("2023-05-16，²023-05-16，2023-0，更新日期2023/5/6，时间:2023.5，12.5，2023.5.1")
def test_numeric_starts_are_the_separator_matches_a_numeric_date_may_start_at(text: str) -> None:
    labels = "|".join(load_lexicon("lexicons/byline_labels.txt"))
    after_label = regex.compile(rf"(?<=(?:{labels}):?\d{{4}})")
    plain = [
        m.start() - 4
        for m in dates._NUMERIC_SEP_RE.finditer(text)
        if m[0] == "-" or after_label.match(text, m.start())
    ]
    assert dates._numeric_starts(text) == plain


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_char_positions_are_the_characters_offsets(text: str) -> None:
    for chars in (dates._trigger_chars() + dates._NUMERIC_SEPS, "-", "万亿千"):
        assert char_positions(text, chars) == [i for i, ch in enumerate(text) if ch in chars]


@settings(max_examples=400, deadline=None)
@given(_TEXT)
@example("多年来年初")
def test_only_words_keeps_every_match_start(text: str) -> None:
    for start in range(len(text)):
        if dates._start_re().match(text, start) is not None:
            words = dates._only_words(text[start])
            assert not words or text.startswith(words, start)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_group_tuples_are_the_groups_by_name(text: str) -> None:
    for m in dates._start_re().finditer(text):
        assert dates._StartGroups._make(m.groups())._asdict() == m.groupdict()
        tail = dates._tail_re().match(text, m.end())
        assert tail is not None
        assert dates._TailGroups._make(tail.groups())._asdict() == tail.groupdict()


@settings(max_examples=400, deadline=None)
@given(_TEXT)
@example("2020年增长，全年5月，。去年比上年")
def test_dates_share_a_clause_number_when_no_clause_end_is_between(text: str) -> None:
    ends = regex.compile(r"[，,：:。！？；!?;\n]")
    for first, second in itertools.combinations(dates.read_dates(text), 2):
        between = ends.search(text, first.start, second.start) is not None
        assert (first.clause == second.clause) == (not between)
        assert first.clause <= second.clause


# Every kind of tail, after a year: months, days, quarters, halves, parts, 以来.
_TAILS = (
    "05月1月2月3月4月5月6月7月8月9月十月一月二月三月四月五月六月七月八月九月"
    "一季度2季度三至四季度前三季度第二季度首季上半年下半年年初年底年末年度全年同期以来至今起"
)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
@example(_TAILS.replace("月", "月，2020年").replace("度", "度，2020年").replace("年", "年，2020年"))
def test_every_tail_starts_with_a_tail_first(text: str) -> None:
    for pos in range(len(text)):
        m = dates._tail_re().match(text, pos)
        if m is not None and m.end() > pos:
            assert text[pos] in dates._TAIL_FIRSTS

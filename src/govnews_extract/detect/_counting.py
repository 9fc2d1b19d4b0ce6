"""Fragments shared by the count and quantity detectors: ranges, names in quotes, scaled values.

NOTE: keep the range separators in sync with tests/test_count.py and tests/test_quantity.py.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from decimal import Decimal

import regex

from ..normalize import NormalizedText
from ..resolve.numerals import DIGITS, SMALL_UNITS, parse_number, scale_of
from ._common import (
    CN_NUMERAL_CHARS,
    NOT_AFTER_DIGIT,
    NUMERAL,
    NUMERAL_START,
    _alternation,
    amount,
    approx_pattern,
    approx_words,
    split_multiplier,
)

# Where a number may start: not inside a longer one (12|3, 十|五), not after a Latin letter
# (PM2.5, G20), and not at a Chinese digit that ends a word before an Arabic one (统一5项).
NUMBER_START = rf"{NOT_AFTER_DIGIT}(?<![A-Za-z])(?:(?=\d)|(?<![{CN_NUMERAL_CHARS}]))(?![{''.join(DIGITS)}]\d)"


def figure_ahead(approx_words: Iterable[str]) -> str:
    """A cheap first test for a pattern: a qualifier's first letter, or a numeral starts here.

    Exact for patterns that go on with an optional qualifier and then a ``NUMERAL``: the
    numeral's own start test is merely tried first, so that the positions inside a long run
    of numerals fail at once instead of after the costlier look-behinds.
    """
    firsts = regex.escape("".join(sorted({w[0] for w in approx_words})))
    return rf"(?:(?=[{firsts}])|(?=[\d{CN_NUMERAL_CHARS}]){NUMERAL_START})"


# Between the two ends of a printed range: 5-8家, 15—25度, 三至五个.
_RANGE_SEP_CHARS = r"\-—–~～至"
RANGE_SEP = f"[{_RANGE_SEP_CHARS}]"
# A character of a printed figure, qualifier or range: 1,200.5, 三四十, 200余, 5-8, 3 000.
# One character class (the same in ``re`` and ``regex``): a class is scanned much faster than
# an alternation.
FIGURE_CHARS = rf"\d.,{CN_NUMERAL_CHARS}余多\x20{_RANGE_SEP_CHARS}"
FIGURE = f"[{FIGURE_CHARS}]"


# The longest figure a pattern reads (with its range and qualifiers): far beyond any printed
# figure (a numeral of more than 28 digits has no exact value anyway).
FIGURE_REACH = 64


def figure_then(endings: Iterable[str]) -> str:
    """A first test for a pattern that reads (qualifier) figure ending, as 超过200余家.

    A numeral starts here or right after a qualifier, and one of ``endings`` follows the
    figure's characters (digits, Chinese numerals, range marks, 余/多, a space). Every match
    of such a pattern passes it, and most places fail it before the pattern's alternations
    and lookbehinds are tried: the same matches, several times faster.
    """
    before = approx_words()["before"]
    firsts = regex.escape("".join(sorted({w[0] for w in before})))
    numeral = rf"[\d{CN_NUMERAL_CHARS}]"
    figure = FIGURE
    # An ending that cannot start inside a figure can only follow all of it (no backtracking).
    # The look-ahead reads at most FIGURE_REACH characters: a list such as 1,2,3,… has a
    # start every other character, and an unbounded read from each would be quadratic.
    inside = [w for w in endings if regex.match(figure, w)]
    after = [w for w in endings if not regex.match(figure, w)]
    reach = f"{{0,{FIGURE_REACH}}}"
    ends = [rf"{figure}{reach}+(?:{_alternation(after)})"] if after else []
    ends += [rf"{figure}{reach}?(?:{_alternation(inside)})"] if inside else []
    return (
        # First the numeral's own start test (linear time: no scan from inside a long run).
        rf"(?:(?=[{firsts}])|(?=[\d{CN_NUMERAL_CHARS}]){NUMERAL_START})"
        rf"(?={numeral}|(?:{approx_pattern('before')}){numeral})"
        rf"(?=(?:{approx_pattern('before')})?(?:{'|'.join(ends)}))"
    )


# Marks around a name, and how long the name inside may be: a quoted name is short (a quoted
# speech is not, and counts inside it are real); a title in 《》 may be long.
_NAME_MARKS = (("“「『\"'‘", "”」』\"'’", 12), ("《〈", "》〉", 60))
_ANY_OPENER_RE = re.compile(f"[{re.escape(''.join(openers for openers, _, _ in _NAME_MARKS))}]")
_LONGEST_NAME = max(limit for _, _, limit in _NAME_MARKS)
# A name never runs across a sentence end or a line break.
_NAME_BREAK_RE = regex.compile(r"[。！？；!?;\n]")
# The end of the last sentence break in a text (what follows it may open a name).
_LAST_BREAK_RE = regex.compile(r"(?s:.*)[。！？；!?;\n]")
# 三四十家, 十五六个, 一百五六十: an optional head, two neighbouring digits, then the place unit.
_NEIGHBOURS_RE = regex.compile(
    r"(?P<head>.*[十百千万亿])?(?P<a>[一二两三四五六七八九])(?P<b>[二三四五六七八九])(?P<units>[十百千]?[万亿]*)"
)


def neighbour_range(numeral: str) -> tuple[Decimal, Decimal] | None:
    """The two ends of a range written as neighbouring digits, or ``None``.

    >>> neighbour_range("三四十"), neighbour_range("两三"), neighbour_range("三十四")
    ((Decimal('30'), Decimal('40')), (Decimal('2'), Decimal('3')), None)
    >>> neighbour_range("七八百万"), neighbour_range("十五六")
    ((Decimal('7000000'), Decimal('8000000')), (Decimal('15'), Decimal('16')))
    >>> neighbour_range("一百五六十"), neighbour_range("三万五六千")
    ((Decimal('150'), Decimal('160')), (Decimal('35000'), Decimal('36000')))
    """
    if numeral.isascii():
        return None  # Arabic digits (most figures): no Chinese digits to neighbour
    m = _NEIGHBOURS_RE.fullmatch(numeral)
    if m is None or DIGITS[m["b"]] != DIGITS[m["a"]] + 1:
        return None
    head = parse_number(m["head"]) if m["head"] else Decimal(0)
    if head is None:
        return None
    units = m["units"]
    scale = Decimal(SMALL_UNITS.get(units[:1], 1) * scale_of(units.lstrip("十百千")))
    return head + DIGITS[m["a"]] * scale, head + DIGITS[m["b"]] * scale


def value_range(num: str, num2: str | None, multiplier: str) -> tuple[Decimal | None, Decimal | None]:
    """``(value, value_max)`` of a printed number or range, 万/亿 multiplied out.

    A multiplier printed only on the upper end applies to both (``5-8万`` → 50000–80000).

    >>> value_range("5", "8万", ""), value_range("三四十", None, "")
    ((Decimal('50000'), Decimal('80000')), (Decimal('30'), Decimal('40')))
    >>> value_range("1200", None, "万")
    (Decimal('12000000'), None)
    """
    if num2 is None:
        ends = neighbour_range(num)
        if ends is not None:
            factor = scale_of(multiplier)
            return ends[0] * factor, ends[1] * factor
        return amount(num, multiplier), None
    high = amount(num2, multiplier)
    low_body, low_mult = split_multiplier(num)
    _, high_mult = split_multiplier(num2)
    low = parse_number(num) if low_mult or not high_mult else parse_number(low_body + high_mult)
    if low is not None and multiplier:
        low *= scale_of(multiplier)
    return low, high


def inside_name(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` stands inside a short quoted name or a title.

    >>> inside_name("开展“三个年”活动", 3, 5), inside_name("新建8家综合体", 2, 4)
    (True, False)
    >>> inside_name("《关于推进科技创新引领高质量绿色发展的二十六条意见》", 19, 23)
    True
    >>> inside_name("强调“加快发展。新建8家企业”", 10, 12)  # a name holds no sentence end
    False
    """
    if _ANY_OPENER_RE.search(text, max(0, start - _LONGEST_NAME), start) is None:
        return False  # no opener before: the common case, decided by one scan
    for opener, last_opener, closer, limit in _name_marks():
        if opener.search(text, max(0, start - limit), start) is None:
            continue
        left = text[max(0, start - limit) : start]
        broken = _LAST_BREAK_RE.match(left)
        if broken is not None:
            left = left[broken.end() :]
        opened_at = last_opener.match(left)
        if opened_at is None:
            continue
        opened = opened_at.end() - 1
        if closer.search(left, opened + 1):
            continue
        right = text[end : end + limit]
        stop = _NAME_BREAK_RE.search(right)
        closes = closer.search(right, 0, stop.start() if stop else len(right))
        if closes and (len(left) - opened - 1) + (end - start) + closes.start() <= limit:
            return True
    return False


@functools.cache
def _name_marks() -> tuple[tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], int], ...]:
    """For each kind of name marks: any opener, the last opener in a text, any closer, the
    longest name."""
    return tuple(
        (
            re.compile(f"[{re.escape(openers)}]"),
            re.compile(f"(?s:.*)[{re.escape(openers)}]"),
            re.compile(f"[{re.escape(closers)}]"),
            limit,
        )
        for openers, closers, limit in _NAME_MARKS
    )


def is_whole(value: Decimal | None) -> bool:
    """Counts are whole numbers; ``2.2个`` is not one."""
    return value is not None and value == value.to_integral_value()


# A layout run with a tab or this many line breaks is a table-cell boundary, not a PDF break
# inside a number (1728.88\n万元, 550\n\u200b\n多万公里).
_CELL_BREAKS = 3


def crosses_cell(view: NormalizedText, start: int, end: int) -> bool:
    """True when the view span ``[start, end)`` joins two table cells of the original.

    >>> from govnews_extract.normalize import normalize
    >>> crosses_cell(normalize("7.0\\n\\t\\t\\n\\t家禽"), 0, 4), crosses_cell(normalize("80亿\\n元"), 0, 4)
    (True, False)
    """
    origin = view.origin
    if end - start < 2 or origin[end - 1] - origin[start] == end - 1 - start:
        return False  # nothing was removed between the characters: no gap at all
    for i in range(start + 1, end):
        gap = view.original[view.origin[i - 1] + 1 : view.origin[i]]
        if "\t" in gap or gap.count("\n") >= _CELL_BREAKS:
            return True
    return False


def is_bare_unit(numeral: str) -> bool:
    """A numeral of place units only (百, 千, 万, 百亿): in 千家万户 or 百亿斤粮食产能基地 it is
    not a figure; with a qualifier (不足百个, 突破百亿斤) it is.

    >>> is_bare_unit("百亿"), is_bare_unit("十"), is_bare_unit("三百")
    (True, False, False)
    """
    return not numeral.strip("百千万亿佰仟萬億")


def is_lone_capital(numeral: str) -> bool:
    """A single financial-capital digit (陆 in 陆地, 伍) is a word, not a number."""
    return len(numeral) == 1 and numeral in "壹贰貳叁参肆伍陆柒捌玖拾佰仟"


# Between the numbers of a list that share one classifier or unit: 分别为3、5和8个.
_LIST_SEPS = "、和及与"
_ARABIC_CHARS = "0123456789.,"


def _numeral_ending_at(text: str, end: int) -> int:
    """Start of the numeral that ends at ``end`` (``end`` itself when there is none)."""
    chars = _ARABIC_CHARS if end and text[end - 1].isdigit() else CN_NUMERAL_CHARS
    start = end
    while start > 0 and text[start - 1] in chars:
        start -= 1
    while start < end and text[start] in ",.":
        start += 1
    return start


def listed_before(text: str, start: int) -> list[tuple[int, int]]:
    """Spans of the numbers listed right before ``start`` that share the figure's classifier.

    The list must follow a word (分别为3、5和8个), so that list markers (``1、``) stay out.

    >>> listed_before("分别为3、5和8个", 7), listed_before("1、12家", 2)
    ([(3, 4), (5, 6)], [])
    """
    spans: list[tuple[int, int]] = []
    pos = start
    while pos > 1 and text[pos - 1] in _LIST_SEPS:
        begin = _numeral_ending_at(text, pos - 1)
        if begin == pos - 1 or not regex.fullmatch(NUMERAL, text[begin : pos - 1]):
            break
        spans.append((begin, pos - 1))
        pos = begin
    if spans and not (pos > 0 and regex.match(r"\p{Han}", text[pos - 1])):
        return []
    return sorted(spans)


def list_members(text: str, head: int, head_num: str, multiplier: str) -> list[tuple[int, int, Decimal]]:
    """``(start, end, value)`` of the numbers listed before a figure that starts at ``head``.

    Each member takes the figure's 万/亿 when it prints none (分别为168、960万亩).

    >>> list_members("分别为168、960万亩", 7, "960万", "")
    [(3, 6, Decimal('1680000'))]
    """
    members = []
    for start, end in listed_before(text, head):
        value, _ = value_range(text[start:end], head_num, multiplier)
        if value is not None:
            members.append((start, end, value))
    return members

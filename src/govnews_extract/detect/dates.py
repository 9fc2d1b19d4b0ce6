"""Dates and periods: explicit (2020年5月29日, 2019年初, 2020年1-11月), year-less (5月29日,
一季度, 全年) and relative (去年, 上年同期, 今年以来, 过去一年).

This module finds the spans and reads what is printed (a :class:`Reading` each); what a
relative word hangs on is data (``data/lexicons/date_words.tsv``), and the values are
worked out in reading order by :func:`govnews_extract.resolve.dates.resolve_dates`.

Not dates (ANNOTATION.md): periods of several years (近三年, 五年来, 2000—2010年),
anniversaries (70周年), durations (3个月), plan names (十三五).

>>> import datetime as dt
>>> from govnews_extract.normalize import normalize
>>> from govnews_extract.detect import Context
>>> view = normalize("2009年粮食产量比上年增长2%。今年以来，5月29日召开大会")
>>> found = find_dates(view, Context(published=dt.date(2010, 6, 1)))
>>> [(c.fields["value"], c.fields["relative"]) for c in found]
[('2009', False), ('2008', True), ('2010', True), ('2010-05-29', False)]
"""

from __future__ import annotations

import functools
import re
from itertools import compress
from typing import NamedTuple, Protocol, cast

import regex

from .._data import load_lexicon, load_table
from ..errors import DataFileError
from ..normalize import NormalizedText
from ..resolve.dates import (
    ANCHORS,
    Anchor,
    DateWord,
    Period,
    Reading,
    resolve_dates,
    small_of,
    year_of,
)
from ..sentences import sentence_index, sentence_starts
from . import Candidate, Context
from ._common import _alternation
from ._scan import char_positions

_AR_YEAR = r"(?<![\d.])(?:1[89]|20)\d{2}(?!\d)"
_CN_DIGITS = "零〇○一二三四五六七八九十两"
_CN_YEAR = rf"(?<![{_CN_DIGITS}])[一二][零〇○一二三四五六七八九]{{3}}"
_AR_MONTH = r"(?:1[0-2]|0?[1-9])"
_CN_MONTH = r"(?:十[一二]?|[一二三四五六七八九])"
_AR_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_CN_DAY = r"(?:[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_DASH = r"[-—–～~至到]"
_LIST_MARKS = "和、与及"
_MONTH_PART = r"(?P<mpart>份|底|末|初|上旬|中旬|下旬)?"
# The end of a range of days: 5月29日至6月1日, 29日-31日.
_DAY_RANGE = rf"(?:{_DASH}(?:(?P<m3>{_AR_MONTH})月)?(?P<d2>{_AR_DAY})[日号])?"
# A quarter or a half: 一季度, 第二季度, 首季, 前三季度, 上半年 (+ 末).
_QUARTER = r"""
    (?: (?:前|(?P<qfrom>[一二三1-3])[至到-])(?P<qto>[二三四2-4])季度    # 前三季度, 一至三季度
      | 第?(?P<qn>[一二三四1-4])季度
      | (?P<qfirst>首季)(?!度)
      | (?P<half>[上下])半年
    )末?
"""
# What a quarter or a half may start with besides a numeral (see ``_QUARTER``).
_QUARTER_FIRST = "前第首上下"
# The characters one of which a date holds within its first ``_REACH + 1`` (see ``_start_re``).
_TRIGGERS = "年月日季"
_REACH = 9
# The separator of a numeric date after its four-digit year (the other way a date starts).
_NUMERIC_SEPS = "-/."
_NUMERIC_SEP_RE = regex.compile(rf"(?<=\d{{4}})[{regex.escape(_NUMERIC_SEPS)}](?=\d)")
# A digit as ``regex`` reads ``\d`` (its Unicode tables are newer than ``str.isdigit``'s).
_DIGIT_RE = regex.compile(r"\d")
# 以来 / 至今 / 起 close a period that runs to now (2010年以来, 去年至今, 今年起).
_SINCE = r"(?:以来|至今|起(?![草来步点源飞诉]))?"
_SINCE_RE = re.compile(_SINCE)  # literal characters: ``re`` runs it as ``regex`` does, faster
# A character before / after a relative word that makes it part of another word
# (过去年, 以上年龄, 同年龄).
_BLOCKED_BEFORE = {"去年": "过", "上年": "以", "前年": "提年", "年初": "年每", "年末": "年每", "年底": "年每"}
_BLOCKED_AFTER = {"上年": "纪龄级", "同年": "纪龄级代"}
# Words around a year that make it a goal (到2020年, 提出2020年…, 2020年前).
# (Literal characters only, as in the comparison words: ``re`` runs them as ``regex`` does, faster.)
_TARGET_BEFORE_RE = re.compile(r"(?:到|面向|提出|力争|预计)$")
_TARGET_AFTER = ("前",)
# Words right before a date that make it the base of a comparison (比上年, 较去年同期).
_COMPARISON_RE = re.compile(r"(?:比|较|与|同|和|跟|相比|对比)$")
# A heading: a short sentence without clause punctuation (四、2024年工作思路).
_HEADING_CHARS = 20
_HEADING_PUNCT_RE = regex.compile(r"[，,；;]")
_SENTENCE_END_CHARS = "。！？；!?;\n"
# A document title: years in it are part of a name, not dates (ANNOTATION.md).
# Literal characters only: the stdlib ``re`` scans a whole text faster than ``regex``.
_TITLE_RE = re.compile(r"《[^《》\n]{1,80}》")
# Clause ends: a year named in an earlier clause does not reach 全年 (是2010年的2.2倍，全年…).
# Literal characters only: the stdlib ``re`` scans a whole text faster than ``regex``.
_CLAUSE_END_RE = re.compile(r"[，,：:。！？；!?;\n]")


# The period no month, day, quarter or half is printed of (one shared value: it is frozen).
_NO_PERIOD = Period()


class _PeriodGroups(Protocol):
    """The groups :func:`_period` reads, which the start and the tail pattern both have."""

    @property
    def m1(self) -> str | None: ...
    @property
    def m2(self) -> str | None: ...
    @property
    def d(self) -> str | None: ...
    @property
    def m3(self) -> str | None: ...
    @property
    def d2(self) -> str | None: ...
    @property
    def qfrom(self) -> str | None: ...
    @property
    def qto(self) -> str | None: ...
    @property
    def qn(self) -> str | None: ...
    @property
    def qfirst(self) -> str | None: ...
    @property
    def half(self) -> str | None: ...


# The groups of a match by name, from ``m.groups()``: ``regex`` finds a group by name some
# twenty times slower than by number (a name may stand for several groups), and a date reads
# a dozen. The fields are the pattern's groups in order (``_compile`` checks that).
class _StartGroups(NamedTuple):
    iso: str | None
    m1: str | None
    d: str | None
    isep: str | None
    year: str | None
    listed: str | None
    head: str | None
    word: str | None
    ago: str | None
    qfrom: str | None
    qto: str | None
    qn: str | None
    qfirst: str | None
    half: str | None
    m2: str | None
    m3: str | None
    d2: str | None
    mpart: str | None


class _TailGroups(NamedTuple):
    m1: str | None
    m2: str | None
    d: str | None
    m3: str | None
    d2: str | None
    mpart: str | None
    qfrom: str | None
    qto: str | None
    qn: str | None
    qfirst: str | None
    half: str | None
    part: str | None


def _compile(pattern: str, groups: type[tuple[str | None, ...]]) -> regex.Pattern[str]:
    """``pattern`` (verbose), whose groups by number must be the fields of ``groups``."""
    compiled = regex.compile(pattern, regex.VERBOSE)
    names = sorted(compiled.groupindex, key=compiled.groupindex.__getitem__)
    if compiled.groups != len(names) or names != list(getattr(groups, "_fields", ())):
        raise AssertionError(f"the groups of the pattern are {names}, not those of {groups.__name__}")
    return compiled


@functools.cache
def date_words() -> dict[str, DateWord]:
    """The relative date words by surface."""
    words = {}
    for no, (surface, role, anchor, offset) in enumerate(load_table("lexicons/date_words.tsv", 4), 1):
        if role not in ("head", "word") or anchor not in ANCHORS:
            raise DataFileError("lexicons/date_words.tsv", no, f"bad role or anchor in {surface!r}")
        words[surface] = DateWord(surface, role == "head", cast(Anchor, anchor), int(offset))
    return words


@functools.cache
def _numeric_date() -> str:
    """A date printed with numbers only: 2023-05-16 anywhere; 2023/5/16 and 2023.05.16 after a
    byline label (发布时间：), since elsewhere they may be a decimal or a ratio."""
    labels = _alternation(list(load_lexicon("lexicons/byline_labels.txt")))
    return rf"""
        (?<![\d.\-/])(?P<iso>{_AR_YEAR})
        (?: -(?P<m1>{_AR_MONTH})-(?P<d>{_AR_DAY})
          | (?<=(?:{labels}):?\d{{4}})(?P<isep>[/.])(?P<m1>{_AR_MONTH})(?P=isep)(?P<d>{_AR_DAY})
        )(?![\d.\-/]?\d)
    """


@functools.cache
def _start_re() -> regex.Pattern[str]:
    heads = _alternation([w.surface for w in date_words().values() if w.head])
    words = _alternation([w.surface for w in date_words().values() if not w.head])
    # Every alternative starts with a digit, a Chinese numeral, a quarter word or a
    # lexicon word, and is a lexicon word or has 年, 月, 日 or 季 within its first ten
    # characters (2015和2016年 is the longest): checking that first keeps the scan from
    # trying each alternative at every character (same matches, several times faster).
    firsts = regex.escape("".join(sorted({w[0] for w in date_words()} | set(_QUARTER_FIRST))))
    return _compile(
        rf"""
        (?=[\d{_CN_DIGITS}{firsts}])
        (?=[^\n]{{0,{_REACH}}}?[{_TRIGGERS}]|\d{{4}}[-/.]\d|{_alternation(list(date_words()))})
        (?:
        {_numeric_date()}                                 # 2023-05-16, 发布时间：2023/5/16
      |
        (?<!\d[-—–～~])                                   # not the end of 2000—2010年
        (?P<year>{_AR_YEAR}|{_CN_YEAR})年
            (?!不变价|价格|代|[-—–～~]\d)                   # price bases, decades, ranges
      | (?P<listed>{_AR_YEAR})(?=[{_LIST_MARKS}]{_AR_YEAR}年)     # 2015 in 2015和2016年
      | (?P<head>{heads})                                 # 去年, 上年: take a tail
      | (?P<word>{words})                                 # 全年, 过去一年
      | (?<![\d.])(?P<ago>\d{{1,2}}|[一二两三四五六七八九十]{{1,2}})年前   # 五年前
      | {_QUARTER}
      | (?<![\d.年月])(?P<m1>{_AR_MONTH})(?:{_DASH}(?P<m2>{_AR_MONTH}))?月
            (?:(?P<d>{_AR_DAY})[日号]{_DAY_RANGE})?{_MONTH_PART}   # 5月29日, 1-11月, 2月底
      | (?<![\d.年月{_CN_DIGITS}])(?P<m1>{_CN_MONTH})月                # 三月初, 五月二十九日
            (?=份|底|末|初|上旬|中旬|下旬|{_CN_DAY}日)
            (?:(?P<d>{_CN_DAY})日)?{_MONTH_PART}
      | (?<![\d.月日])(?P<d>{_AR_DAY})日(?=[召举电发印起上下晚在，,])   # 21日召开
        )
        """,
        _StartGroups,
    )


@functools.cache
def _trigger_chars() -> str:
    """The trigger characters, and the first one of any date word without one in reach."""
    extra = {w[0] for w in date_words() if not any(ch in _TRIGGERS for ch in w[: _REACH + 1])}
    return _TRIGGERS + "".join(sorted(extra - set(_TRIGGERS)))


@functools.cache
def _is_digit(ch: str) -> bool:
    """Whether ``ch`` is a digit as ``regex`` reads ``\\d`` (``False`` for no character).
    Cached: a text has few distinct characters."""
    return _DIGIT_RE.fullmatch(ch) is not None


@functools.cache
def _may_start(ch: str) -> bool:
    """Whether a date may start with ``ch``: a digit, a numeral, a quarter or lexicon word's
    first character (the first check of ``_start_re``). Cached: a text has few distinct characters."""
    firsts = _CN_DIGITS + _QUARTER_FIRST + "".join(w[0] for w in date_words())
    return ch in firsts or _is_digit(ch)


@functools.cache
def _only_words(ch: str) -> tuple[str, ...]:
    """For a character a date may start with: the date words starting with it when only one
    of them can (年 of 年初, 年末, 年底, 过 of 过去一年); ``()`` when any date may (a digit,
    a numeral, the first character of a quarter: the other alternatives of ``_start_re``
    all start with one of those)."""
    if ch in _CN_DIGITS or ch in _QUARTER_FIRST or _is_digit(ch):
        return ()
    return tuple(w for w in date_words() if w.startswith(ch))


@functools.cache
def _may_lead(ch: str) -> bool:
    """Whether a date may hold ``ch`` before its first trigger: a digit or a character printed
    in the start pattern (whose only classes are of such characters, digits, and ``[^\\n]`` in
    a lookahead), the line break aside."""
    return ch != "\n" and (ch in _start_re().pattern or _is_digit(ch))


# The characters a tail starts with: a month's (ASCII digits, 十 to 九), a quarter's or a half's
# (those and ``_QUARTER_FIRST``), 年度/初/底/末, 全年, 同期, 以来, 至今, 起.
# NOTE: keep in sync with ``_tail_re``.
_TAIL_FIRSTS = frozenset("0123456789十一二三四五六七八九" + _QUARTER_FIRST + "年度初底末全同以至起")


@functools.cache
def _tail_re() -> regex.Pattern[str]:
    """What may follow a year: a month, day, quarter, half or part of the year."""
    month = rf"(?:{_AR_MONTH}|{_CN_MONTH})"
    return _compile(
        rf"""
        (?:
            (?P<m1>{month})(?:{_DASH}(?P<m2>{month}))?月
            (?:(?P<d>{_AR_DAY}|{_CN_DAY})[日号]{_DAY_RANGE})?{_MONTH_PART}
          | {_QUARTER}
          | (?P<part>年?(?:度|初|底|末)|全年|同期)
        )?
        {_SINCE}
        """,
        _TailGroups,
    )


def _period(g: _PeriodGroups) -> Period:
    """Month, day and quarter of a match of the start or the tail pattern."""
    month, day = small_of(g.m1), small_of(g.d)
    if g.qto:
        return Period(part=f"Q{small_of(g.qfrom) or 1}", part_max=f"Q{small_of(g.qto)}")
    if g.qn or g.qfirst:
        return Period(part=f"Q{small_of(g.qn) if g.qn else 1}")
    if g.half:
        return Period(part="H1" if g.half == "上" else "H2")
    if g.d2:
        return Period(month=month, month_max=small_of(g.m3) or month, day=day, day_max=small_of(g.d2))
    if month is None and day is None and g.m2 is None:
        return _NO_PERIOD
    return Period(month=month, month_max=small_of(g.m2), day=day)


def _tail(view: str, end: int) -> tuple[int, Period, bool] | None:
    """What extends a year (2020年, 去年) at ``end``: 5月29日, 一季度, 末, 以来; its end, the
    period it names and whether it is 同期 (``None`` when nothing follows)."""
    if view[end : end + 1] not in _TAIL_FIRSTS:  # most years have no tail: no try
        return None
    m = _tail_re().match(view, end)
    if m is None or m.end() == end:
        return None
    g = _TailGroups._make(m.groups())
    return m.end(), _period(g), g.part == "同期"


def _since_end(view: str, end: int) -> int:
    m = _SINCE_RE.match(view, end)
    return m.end() if m else end


def _blocked(view: str, start: int, surface: str) -> bool:
    end = start + len(surface)
    if start > 0 and view[start - 1] in _BLOCKED_BEFORE.get(surface, ""):
        return True
    return end < len(view) and view[end] in _BLOCKED_AFTER.get(surface, "")


def _is_comparison(view: str, start: int, end: int) -> bool:
    """比上年, 较去年同期, 是2010年的2.2倍: the date is the base of a comparison."""
    if _COMPARISON_RE.search(view, max(0, start - 2), start):
        return True
    return view[start - 1 : start] == "是" and view.startswith("的", end)


def _reading(m: regex.Match[str], g: _StartGroups, view: str, sentence: int, clause: int) -> Reading:
    start, end = m.start(), m.end()
    rule, year, word, ago, period, same_period = "date.yearless", None, None, None, _NO_PERIOD, False
    tail = None
    if g.iso:
        rule, year, period = "date.explicit", year_of(g.iso), _period(g)
    elif g.year or g.listed:
        rule, year = "date.explicit", year_of(g.year or g.listed)
        tail = _tail(view, end) if g.year else None
    elif g.head:
        rule, word = "date.relative", date_words()[g.head]
        tail = _tail(view, end)
    elif g.word:
        rule, word, end = "date.relative", date_words()[g.word], _since_end(view, end)
    elif g.ago:
        rule, ago = "date.ago", small_of(g.ago)
    else:
        end, period = _since_end(view, end), _period(g)
    if tail is not None:
        end, period, same_period = tail
    # One construction with every field (``_replace`` costs several times more).
    return Reading(
        start,
        end,
        rule,
        year=year,
        word=word,
        ago=ago,
        period=period,
        same_period=same_period,
        comparison=_is_comparison(view, start, end),
        target=_TARGET_BEFORE_RE.search(view, max(0, start - 2), start) is not None
        or view.startswith(_TARGET_AFTER, end),
        since=view.endswith(("以来", "至今"), start, end),
        sentence=sentence,
        clause=clause,
    )


def _candidate_starts(view: str) -> list[int]:
    """Every offset at which a date may start, in order (a superset of the match starts).

    Every date but a numeric one (``2023-05-16``) holds 年, 月, 日 or 季 within its first
    ``_REACH + 1`` characters on one line (``_start_re`` checks that first), and what stands
    before the first of them is characters of the pattern (digits, 前, 和, 过去的…). A search
    finds those trigger characters; the pattern is then tried only at the offsets before each
    that such characters reach back to, and that may start a date, rather than searched at
    every character (the same matches, several times faster). Numeric dates start four
    digits before their separator (:func:`_numeric_starts`).
    """
    found: list[int] = []
    last = -1  # the previous trigger: what lies before it is its own window
    for at in char_positions(view, _trigger_chars()):
        low, start = max(last + 1, at - _REACH), at
        while start > low and _may_lead(view[start - 1]):
            start -= 1
        # The offsets whose character may start a date (``compress``: no Python-level loop).
        found += compress(range(start, at + 1), map(_may_start, view[start : at + 1]))
        last = at
    numeric = _numeric_starts(view)
    return sorted({*found, *numeric}) if numeric else found


def _numeric_starts(view: str) -> list[int]:
    """Where a numeric date may start: four characters before a match of ``_NUMERIC_SEP_RE``
    (a separator with four digits before it and a digit after it), for a ``-`` anywhere and
    for a ``/`` or ``.`` after a byline label (发布时间：2023/5/16), the only place
    ``_numeric_date`` reads them: so the many decimal points are never visited. The digits
    are checked a character at a time: the cached test costs less than the lookbehind."""
    labelled = [sep for sep in _after_labels(view) if view[sep : sep + 1] in ("/", ".")]
    seps = char_positions(view, "-") + labelled
    return sorted(
        at - 4
        for at in seps
        if at >= 4 and all(map(_is_digit, view[at - 4 : at])) and _is_digit(view[at + 1 : at + 2])
    )


@functools.cache
def _label_ends() -> tuple[str, ...]:
    """The byline labels that end with no other label: every label ends with one of them
    (发布时间 and 更新时间 with 时间), so their ends are the ends of all labels."""
    labels = load_lexicon("lexicons/byline_labels.txt")
    return tuple(a for a in labels if not any(b != a and a.endswith(b) for b in labels))


def _after_labels(view: str) -> list[int]:
    """The offsets four digits after each byline label and after its colon, if any
    (``(?<=(?:{labels}):?\\d{4})`` in ``_numeric_date``)."""
    found = []
    for label in _label_ends():
        at = view.find(label)
        while at >= 0:
            end = at + len(label)
            found.append(end + 5 if view.startswith(":", end) else end + 4)
            at = view.find(label, at + 1)
    return found


def read_dates(view: str) -> list[Reading]:
    """Every date expression in the view, in order, with what is printed of it."""
    readings: list[Reading] = []
    starts = _candidate_starts(view)
    if not starts:
        return readings
    sentences = sentence_starts(view)
    # The clause number goes up by one wherever a clause end stands between two dates (only
    # whether two dates share a clause matters): the scan stops at the first end, not the last.
    clause, counted = 0, 0  # the dates before ``counted`` are numbered
    titles = [(m.start(), m.end()) for m in _TITLE_RE.finditer(view)] if "《" in view else []
    pattern = _start_re()
    pos = 0
    for start in starts:  # ``pattern.search(view, pos)`` in a loop, tried at the candidates only
        if start < pos:
            continue
        # A failed try costs more than a match: where only a date word may start, look for one
        # first (年 of 多年来, 年度: no 年初, 年末 or 年底).
        words = _only_words(view[start])
        if (words and not view.startswith(words, start)) or (m := pattern.match(view, start)) is None:
            continue
        g = _StartGroups._make(m.groups())
        surface = g.head or g.word
        if surface and _blocked(view, start, surface):
            pos = start + 1
            continue
        if titles and any(s < start < e for s, e in titles):  # 《2020年科技工作要点》 is a name
            pos = m.end()
            continue
        if _CLAUSE_END_RE.search(view, counted, start):  # starts come in order
            clause += 1
        counted = start
        reading = _reading(m, g, view, sentence_index(sentences, start), clause)
        if readings and _listed_with(readings[-1], reading, view):  # 2015和2016年同期: both bases
            readings[-1] = readings[-1]._replace(
                same_period=reading.same_period,
                comparison=readings[-1].comparison or reading.comparison,
            )
        readings.append(reading)
        pos = reading.end
    return readings


def _listed_with(first: Reading, second: Reading, view: str) -> bool:
    """Whether ``first`` is a bare year listed before ``second`` (2015 in 2015和2016年)."""
    return (
        first.end + 1 == second.start
        and view[first.end] in _LIST_MARKS
        and not view[first.start : first.end].endswith("年")
    )


def mark_sections(readings: list[Reading], view: str, starts: list[int]) -> list[Reading]:
    """Flag the dates that open a part of the text about their year.

    ``starts`` are sentence starts that know the layout (a short line before a blank line
    ends a sentence). A heading (a short sentence without clause punctuation) that names
    one date, a plain year, opens a part (``四、2024年工作思路``); a heading naming two years
    (``2023年总结及2024年思路``) is the title of the whole text and opens none. So does a
    word for this or next year (今年, 明年) that opens its sentence (``今年，…``), not one
    inside it (``为今年发展奠定基础``).

    >>> view = "2023年总结及2024年思路。四、2024年工作思路。今年，全年增长15%，为今年奠定基础"
    >>> [r.opens_section for r in mark_sections(read_dates(view), view, [0, 16, 28])]
    [False, False, True, True, False, False]
    """
    by_sentence: dict[int, list[int]] = {}
    for i, r in enumerate(readings):
        by_sentence.setdefault(sentence_index(starts, r.start), []).append(i)
    marked = list(readings)
    for sentence, indexes in by_sentence.items():
        first = readings[indexes[0]]
        word = first.word
        if word is not None and word.anchor == "now" and word.offset >= 0:
            if first.start == starts[sentence] and not first.comparison:
                marked[indexes[0]] = first._replace(opens_section=True)
            continue
        plain_year = first.rule == "date.explicit" and first.year is not None and first.period == _NO_PERIOD
        if len(indexes) != 1 or not plain_year or first.target or first.comparison or first.since:
            continue
        end = starts[sentence + 1] if sentence + 1 < len(starts) else len(view)
        text = view[starts[sentence] : end].rstrip(_SENTENCE_END_CHARS)
        if len(text) <= _HEADING_CHARS and _HEADING_PUNCT_RE.search(text) is None:
            marked[indexes[0]] = first._replace(opens_section=True)
    return marked


def find_dates(view: NormalizedText, context: Context) -> list[Candidate]:
    """Candidates for every date and period, with values resolved in reading order."""
    readings = mark_sections(read_dates(view.text), view.text, sentence_starts(view))
    title = read_dates(context.title or "")
    found = []
    for r, res in zip(readings, resolve_dates(readings, context.published, title), strict=True):
        fields = {"value": res.value, "value_max": res.value_max, "relative": res.relative}
        found.append(Candidate("date", r.start, r.end, r.rule, fields, priority=6))
    return found

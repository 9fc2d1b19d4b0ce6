"""Dates and periods: explicit (2020年5月29日, 2019年初, 2020年1-11月), year-less (5月29日,
一季度, 全年) and relative (去年, 上年同期, 今年以来, 过去一年).

The detector reads the text in order, as a reader does: a year-less date takes the year
the text is talking about at that point (the last year named in the same sentence, or
the year of the text so far); 上年 is the year before the one reported on; 去年 is the
year before publication.  What a relative word hangs on is data
(``data/lexicons/date_words.tsv``); the arithmetic is in :mod:`govnews_extract.resolve.dates`.

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
from dataclasses import dataclass, replace

import regex

from .._data import load_table
from ..errors import DataFileError
from ..normalize import NormalizedText
from ..resolve.dates import (
    ANCHORS,
    References,
    iso,
    period,
    reference_years,
    shift_month,
    small_of,
    year_of,
)
from ..sentences import sentence_index, sentence_starts
from . import Candidate, Context
from ._common import _alternation

_AR_YEAR = r"(?<![\d.])(?:1[89]|20)\d{2}(?!\d)"
_CN_YEAR = r"(?<![零〇○一二三四五六七八九十])[一二][零〇○一二三四五六七八九]{3}"
_AR_MONTH = r"(?:1[0-2]|0?[1-9])"
_CN_MONTH = r"(?:十[一二]?|[一二三四五六七八九])"
_AR_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_CN_DAY = r"(?:[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_DASH = r"[-—–～~至到]"
_LIST_MARKS = "和、与及"
_MONTH_PART = r"(?P<mpart>份|底|末|初|上旬|中旬|下旬)?"
# A quarter or a half: 一季度, 第二季度, 首季, 前三季度, 上半年 (+ 末).
_QUARTER = r"""
    (?: 前(?P<qto>[二三])季度
      | 第?(?P<qn>[一二三四1-4])季度
      | (?P<qfirst>首季)(?!度)
      | (?P<half>[上下])半年
    )末?
"""
# 以来 / 至今 / 起 close a period that runs to now (2010年以来, 去年至今, 今年起).
_SINCE = r"(?:以来|至今|起(?![草来步点源飞诉]))?"
_SINCE_RE = regex.compile(_SINCE)
# A character before a relative word that makes it part of another word (过去年, 以上年龄).
_BLOCKED_BEFORE = {"去年": "过", "上年": "以", "前年": "提年", "年初": "年每", "年末": "年每", "年底": "年每"}
# Words around a year that make it a goal (到2020年, 提出2020年…, 2020年前).
_TARGET_BEFORE_RE = regex.compile(r"(?:到|面向|提出|力争|预计)$")
_TARGET_AFTER = ("前",)
# Words right before a date that make it the base of a comparison (比上年, 较去年同期).
_COMPARISON_RE = regex.compile(r"(?:比|较|与|同|和|跟|相比|对比)$")
# Clause ends: a year named in an earlier clause does not reach 全年 (是2010年的2.2倍，全年…).
_CLAUSE_END_RE = regex.compile(r"[，,：:]")


@dataclass(frozen=True, slots=True)
class DateWord:
    """One row of ``date_words.tsv``: a relative word and what it hangs on."""

    surface: str
    head: bool
    anchor: str
    offset: int


@functools.cache
def date_words() -> dict[str, DateWord]:
    """The relative date words by surface."""
    words = {}
    for no, (surface, role, anchor, offset) in enumerate(load_table("lexicons/date_words.tsv", 4), 1):
        if role not in ("head", "word") or anchor not in ANCHORS:
            raise DataFileError("lexicons/date_words.tsv", no, f"bad role or anchor in {surface!r}")
        words[surface] = DateWord(surface, role == "head", anchor, int(offset))
    return words


@functools.cache
def _start_re() -> regex.Pattern[str]:
    heads = _alternation([w.surface for w in date_words().values() if w.head])
    words = _alternation([w.surface for w in date_words().values() if not w.head])
    return regex.compile(
        rf"""
        (?<!\d[-—–～~])                                   # not the end of 2000—2010年
        (?P<year>{_AR_YEAR}|{_CN_YEAR})年
            (?!不变价|价格|[-—–～~]\d)                      # price bases, year ranges
      | (?P<listed>{_AR_YEAR})(?=[{_LIST_MARKS}]{_AR_YEAR}年)     # 2015 in 2015和2016年
      | (?P<head>{heads})                                 # 去年, 上年: take a tail
      | (?P<word>{words})                                 # 全年, 过去一年
      | (?<![\d.])(?P<ago>\d{{1,2}}|[一二两三四五六七八九十]{{1,2}})年前   # 五年前
      | {_QUARTER}
      | (?<![\d.年月])(?P<m1>{_AR_MONTH})(?:{_DASH}(?P<m2>{_AR_MONTH}))?月
            (?:(?P<d>{_AR_DAY})[日号])?{_MONTH_PART}     # 5月29日, 1-11月, 2月底
      | (?<![\d.月日])(?P<d>{_AR_DAY})日(?=[召举电发印起上下晚在，,])   # 21日召开
        """,
        regex.VERBOSE,
    )


@functools.cache
def _tail_re() -> regex.Pattern[str]:
    """What may follow a year: a month, day, quarter, half or part of the year."""
    month = rf"(?:{_AR_MONTH}|{_CN_MONTH})"
    return regex.compile(
        rf"""
        (?:
            (?P<m1>{month})(?:{_DASH}(?P<m2>{month}))?月
            (?:(?P<d>{_AR_DAY}|{_CN_DAY})[日号])?{_MONTH_PART}
          | {_QUARTER}
          | (?P<part>年?(?:度|初|底|末)|全年|同期)
        )?
        {_SINCE}
        """,
        regex.VERBOSE,
    )


@dataclass(frozen=True, slots=True)
class Period:
    """The part of a year a date names: a month (range), a day, a quarter or a half."""

    month: int | None = None
    month_max: int | None = None
    day: int | None = None
    part: str | None = None  # Q1 … Q4, H1, H2
    part_max: str | None = None


@dataclass(frozen=True, slots=True)
class Reading:
    """One date as printed, before its year is known."""

    start: int
    end: int
    rule: str
    year: int | None = None  # printed year
    word: DateWord | None = None  # relative word
    ago: int | None = None  # N in N年前
    period: Period = Period()
    same_period: bool = False  # 同期: a comparison base
    comparison: bool = False  # printed after 比/较/与
    target: bool = False  # 到2020年, 2020年前: a goal, not what the text is about
    since: bool = False  # 2010年以来, 去年至今: a period that runs to now


def _period(m: regex.Match[str]) -> Period:
    """Month, day and quarter of a match of the start or the tail pattern."""
    month, day = small_of(m["m1"]), small_of(m["d"])
    if m["qto"]:
        return Period(part="Q1", part_max=f"Q{small_of(m['qto'])}")
    if m["qn"] or m["qfirst"]:
        return Period(part=f"Q{small_of(m['qn']) if m['qn'] else 1}")
    if m["half"]:
        return Period(part="H1" if m["half"] == "上" else "H2")
    return Period(month=month, month_max=small_of(m["m2"]), day=day)


def _tail(view: str, reading: Reading) -> Reading:
    """Extend a year (2020年, 去年) over what follows it: 5月29日, 一季度, 末, 以来."""
    m = _tail_re().match(view, reading.end)
    if m is None or m.end() == reading.end:
        return reading
    return replace(reading, end=m.end(), period=_period(m), same_period=m["part"] == "同期")


def _since_end(view: str, end: int) -> int:
    m = _SINCE_RE.match(view, end)
    return m.end() if m else end


def _blocked(view: str, start: int, surface: str) -> bool:
    before = _BLOCKED_BEFORE.get(surface, "")
    return start > 0 and view[start - 1] in before


def _is_comparison(view: str, start: int, end: int) -> bool:
    """比上年, 较去年同期, 是2010年的2.2倍: the date is the base of a comparison."""
    if _COMPARISON_RE.search(view, max(0, start - 2), start):
        return True
    return view[start - 1 : start] == "是" and view.startswith("的", end)


def _reading(m: regex.Match[str], view: str) -> Reading:
    start, end = m.start(), m.end()
    if m["year"] or m["listed"]:
        reading = Reading(start, end, "date.explicit", year=year_of(m["year"] or m["listed"]))
        reading = _tail(view, reading) if m["year"] else reading
    elif m["head"]:
        reading = _tail(view, Reading(start, end, "date.relative", word=date_words()[m["head"]]))
    elif m["word"]:
        reading = Reading(start, _since_end(view, end), "date.relative", word=date_words()[m["word"]])
    elif m["ago"]:
        reading = Reading(start, end, "date.ago", ago=small_of(m["ago"]))
    else:
        reading = Reading(start, _since_end(view, end), "date.yearless", period=_period(m))
    return replace(
        reading,
        comparison=_is_comparison(view, start, reading.end),
        target=_TARGET_BEFORE_RE.search(view, max(0, start - 2), start) is not None
        or view.startswith(_TARGET_AFTER, reading.end),
        since=view[start : reading.end].endswith(("以来", "至今")),
    )


def read_dates(view: str) -> list[Reading]:
    """Every date expression in the view, in order, with what is printed of it."""
    readings: list[Reading] = []
    pos = 0
    while (m := _start_re().search(view, pos)) is not None:
        surface = m["head"] or m["word"]
        if surface and _blocked(view, m.start(), surface):
            pos = m.start() + 1
            continue
        reading = _reading(m, view)
        if readings and _listed_with(readings[-1], reading, view):  # 2015和2016年同期: both bases
            readings[-1] = replace(
                readings[-1],
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


@dataclass(slots=True)
class _Scope:
    """What the text is talking about so far: the running year and month."""

    year: int | None = None
    month: int | None = None
    sentence: int = -1  # the sentence in which ``year`` was last named
    end: int = 0  # where it was last named


@dataclass(frozen=True, slots=True)
class _Local:
    """The running year when it was named in the same sentence / the same clause."""

    sentence: int | None
    clause: int | None


def _local(scope: _Scope, view: str, start: int, sentence: int) -> _Local:
    if scope.year is None or scope.sentence != sentence:
        return _Local(None, None)
    same_clause = _CLAUSE_END_RE.search(view, scope.end, start) is None
    return _Local(scope.year, scope.year if same_clause else None)


def _is_topic(r: Reading) -> bool:
    """Whether a date sets the year that follows; comparison bases (比上年) and goals do not."""
    if r.comparison or r.same_period or r.target:
        return False
    return not (r.word is not None and r.word.anchor == "reported" and r.word.offset < 0)


def _year(r: Reading, refs: References, scope: _Scope, near: _Local) -> tuple[int | None, bool]:
    """The year ``r`` falls in, and whether it may be reported (not just an estimate)."""
    local = near.sentence
    if r.year is not None:
        return r.year, True
    if r.word is not None:
        word = r.word
        if word.anchor == "now" and not r.comparison:
            base = refs.now
            return (base + word.offset if base is not None else None), refs.known
        if word.anchor in ("now", "reported"):  # a comparison base is the year before the report's
            base = local if word.anchor == "reported" and local is not None else refs.reported
            return (base + word.offset if base is not None else None), refs.known or base == local
        if word.anchor == "context":  # 全年: the year of this clause, else the report's
            year = _first(near.clause, refs.reported, scope.year)
            return year, year is not None
        return refs.now, refs.known  # now_month
    if r.ago is not None:
        return (refs.reported - r.ago if refs.reported is not None else None), refs.known
    year = _first(local, scope.year, refs.reported)
    return year, year is not None


def _first(*years: int | None) -> int | None:
    return next((y for y in years if y is not None), None)


def _values(r: Reading, year: int | None, published_month: int | None) -> tuple[str | None, str | None]:
    """``value`` and ``value_max`` of a date in ``year``."""
    if year is None:
        return None, None
    if r.word is not None and r.word.anchor == "now_month":
        if published_month is None:
            return None, None
        y, m = shift_month(year, published_month, r.word.offset)
        return iso(y, m), None
    p = r.period
    if p.part is not None:
        return period(year, p.part), (period(year, p.part_max) if p.part_max else None)
    if p.month is not None:
        return iso(year, p.month, p.day), (iso(year, p.month_max) if p.month_max else None)
    if p.day is not None:  # a day with no month in hand
        return None, None
    return iso(year), None


def _is_relative(r: Reading) -> bool:
    return r.year is None and (r.word is not None or r.ago is not None or r.period.part is not None)


def _named_years(readings: list[Reading]) -> list[int]:
    """Years printed in the text, goals (到2020年) aside."""
    return [r.year for r in readings if r.year is not None and not r.target]


def _topic_years(readings: list[Reading]) -> list[int]:
    """Years the text is about: printed, not a comparison base, not a single day (a dateline)."""
    return [r.year for r in readings if r.year is not None and r.period.day is None and not r.comparison]


def find_dates(view: NormalizedText, context: Context) -> list[Candidate]:
    """Candidates for every date and period, with values resolved in reading order."""
    readings = read_dates(view.text)
    title = read_dates(context.title or "")
    refs = reference_years(
        context.published, _topic_years(readings) + _topic_years(title), _named_years(readings)
    )
    published_month = context.published.month if context.published else None
    starts = sentence_starts(view.text)
    scope = _Scope()
    found = []
    for r in readings:
        sentence = sentence_index(starts, r.start)
        if r.period.day is not None and r.period.month is None:  # 21日召开: the month in hand
            r = replace(r, period=replace(r.period, month=scope.month))
        year, reportable = _year(r, refs, scope, _local(scope, view.text, r.start, sentence))
        value, value_max = _values(r, year if reportable else None, published_month)
        fields = {"value": value, "value_max": value_max, "relative": _is_relative(r)}
        found.append(Candidate("date", r.start, r.end, r.rule, fields, priority=6))
        _follow(scope, r, year, refs, sentence)
    return found


def _follow(scope: _Scope, r: Reading, year: int | None, refs: References, sentence: int) -> None:
    """Move the running year on past ``r`` when it names what the text is about."""
    if r.period.month is not None:
        scope.month = r.period.month
    if r.since and refs.reported is not None:  # after 2010年以来 the text is back in its own year
        year = max(year, refs.reported) if year is not None else refs.reported
    if year is None or not _is_topic(r) or (refs.now is not None and year > refs.now):
        return
    scope.year, scope.sentence, scope.end = year, sentence, r.end

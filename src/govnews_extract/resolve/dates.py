"""Dates as printed to ISO-like partial strings, and the years relative dates hang on.

A date mention's ``value`` is ``2020``, ``2020-05``, ``2020-05-29``, ``2020-Q1`` or
``2020-H1`` (SCHEMA.md).  These functions are pure and return ``None`` on what they
cannot read.

>>> iso(year_of("二〇二〇"), small_of("五"), small_of("二十九"))
'2020-05-29'
>>> period(2020, "Q1"), period(None, "H2")
('2020-Q1', None)

:func:`resolve_dates` gives every date of a text its value, reading in order: a
year-less date (``5月29日``, ``二季度``, ``全年``) takes the year the text is about at that
point; ``上年`` is the year before the one reported on; ``去年`` the year before publication.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple

from .numerals import parse_number

# What a relative word is anchored to (data/lexicons/date_words.tsv).
# NOTE: keep in sync with the anchor column of date_words.tsv.
Anchor = Literal["now", "reported", "context", "running", "now_month"]
ANCHORS: frozenset[str] = frozenset({"now", "reported", "context", "running", "now_month"})

# Years a government text plausibly names; 5000年 (history) and 1000 are not dates.
FIRST_YEAR, LAST_YEAR = 1800, 2099
# A text published by this month that mostly names the year before reviews that year.
REVIEW_MONTHS = 5


# Cached, as is ``small_of``: a text prints the same few years, months and days again and
# again, and reading one through ``parse_number`` costs some twenty dictionary lookups.
@functools.lru_cache(maxsize=1024)
def year_of(numeral: str | None) -> int | None:
    """A printed year: Arabic or digit-by-digit Chinese.

    >>> year_of("2020"), year_of("二○一一"), year_of("5000"), year_of(None)
    (2020, 2011, None, None)
    """
    value = parse_number(numeral) if numeral else None
    if value is None or value != value.to_integral_value():
        return None
    year = int(value)
    return year if FIRST_YEAR <= year <= LAST_YEAR else None


@functools.lru_cache(maxsize=1024)
def small_of(numeral: str | None) -> int | None:
    """A month, day or quarter number: ``12``, ``十二``, ``三十一``.

    >>> small_of("09"), small_of("十二"), small_of("三十一"), small_of("")
    (9, 12, 31, None)
    """
    value = parse_number(numeral) if numeral else None
    if value is None or value != value.to_integral_value() or not 0 < value < 100:
        return None
    return int(value)


@functools.lru_cache(maxsize=1024)  # the same few years and months again and again
def iso(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    """``2020``, ``2020-05`` or ``2020-05-29``; ``None`` without a year or for an impossible day.

    >>> iso(2020), iso(2020, 5), iso(2020, 2, 29), iso(2019, 2, 29), iso(None, 5)
    ('2020', '2020-05', '2020-02-29', None, None)
    """
    if year is None:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def period(year: int | None, part: str) -> str | None:
    """A quarter or half of a year: ``2020-Q1``, ``2020-H2``.

    >>> period(2024, "Q2")
    '2024-Q2'
    """
    return f"{year:04d}-{part}" if year is not None else None


def shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    """The month ``offset`` months away: 上月 in January is last December.

    >>> shift_month(2020, 1, -1), shift_month(2020, 5, 0)
    ((2019, 12), (2020, 5))
    """
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


@dataclass(frozen=True, slots=True)
class References:
    """The years a text's relative dates hang on.

    ``now`` is the year of publication (今年); ``reported`` is the year the text reports
    on (全年, 过去一年; 上年 is the one before).  ``known`` says whether they come from a
    publication date; estimates from the text alone serve year-less dates (``5月29日``)
    but never give a value to a word relative to the publication (去年).
    """

    now: int | None
    reported: int | None
    known: bool


def reference_years(published: dt.date | None, topics: Iterable[int], named: Iterable[int]) -> References:
    """``now`` and ``reported`` from the publication date and the years the text names.

    ``topics`` are the years the text is about (not comparison bases, not targets);
    ``named`` are all the past and present years it prints (comparison bases too).
    A report published early in a year whose topic is the previous year at least as
    often as the current one reviews the previous year (a March work report, a
    statistical bulletin).  Without a publication date, the latest year the text names
    stands in for both: news speaks of its own year and compares it with earlier ones.

    >>> reference_years(dt.date(2010, 3, 5), [2009, 2009], [2009, 2009, 2008])
    References(now=2010, reported=2009, known=True)
    >>> reference_years(dt.date(2016, 11, 24), [2015, 2015], [2015, 2015, 2013])
    References(now=2016, reported=2016, known=True)
    >>> reference_years(None, [2015], [2015, 2016, 2017])
    References(now=2017, reported=2017, known=False)
    >>> reference_years(None, [], [])
    References(now=None, reported=None, known=False)
    """
    if published is not None:
        counts = Counter(topics)
        now = published.year
        before = counts[now - 1]
        reviews = published.month <= REVIEW_MONTHS and before > 0 and before >= counts[now]
        return References(now, now - 1 if reviews else now, True)
    latest = max(named, default=None)
    return References(latest, latest, False)


@dataclass(frozen=True, slots=True)
class DateWord:
    """A relative date word (``data/lexicons/date_words.tsv``) and what it hangs on."""

    surface: str
    head: bool  # takes a tail: 去年10月, 上年末
    anchor: Anchor
    offset: int


# Period, Reading and Resolved are named tuples rather than frozen dataclasses: as immutable,
# and built several times faster (a frozen dataclass sets each field through
# ``object.__setattr__``), which counts at one of each per date.
class Period(NamedTuple):
    """The part of a year a date names: a month or day (or a range of them), a quarter, a half."""

    month: int | None = None
    month_max: int | None = None
    day: int | None = None
    day_max: int | None = None
    part: str | None = None  # Q1 … Q4, H1, H2
    part_max: str | None = None


class Reading(NamedTuple):
    """One date as printed, before its year is known; offsets and rule come from the detector."""

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
    sentence: int = 0
    clause: int = 0  # equal for two dates when no clause end (，：or a sentence end) is between them
    opens_section: bool = False  # 四、2024年工作思路 (a heading), 今年，… : a part about this year


class Resolved(NamedTuple):
    """The model fields of one date."""

    value: str | None
    value_max: str | None
    relative: bool


@dataclass(slots=True)
class _Scope:
    """What the text is talking about so far: the running year and month, and where set.

    ``section`` is the year a section of the text reports on when it is not the one of the
    whole text: the plan part of a January review (``四、2024年工作思路``, ``今年，…``).
    """

    year: int | None = None
    month: int | None = None
    sentence: int = -1
    clause: int = -1
    section: int | None = None


def resolve_dates(
    readings: Sequence[Reading], published: dt.date | None, title: Sequence[Reading] = ()
) -> list[Resolved]:
    """Values for the dates of one text, in reading order.

    In a report of March 2010: ``2009年…比上年增长…。5月29日…``

    >>> last_year = DateWord("上年", head=True, anchor="reported", offset=-1)
    >>> said = [
    ...     Reading(0, 5, "date.explicit", year=2009),
    ...     Reading(9, 11, "date.relative", word=last_year, comparison=True),
    ...     Reading(20, 25, "date.yearless", period=Period(month=5, day=29), sentence=1, clause=1),
    ... ]
    >>> [(r.value, r.relative) for r in resolve_dates(said, dt.date(2010, 3, 5))]
    [('2009', False), ('2008', True), ('2009-05-29', False)]
    """
    topics = _topic_years(readings) + _topic_years(title)
    refs = reference_years(published, topics, _named_years(readings))
    published_month = published.month if published else None
    scope = _Scope()
    resolved = []
    for r in readings:
        if r.period.day is not None and r.period.month is None:  # 21日召开: the month in hand
            r = r._replace(period=r.period._replace(month=scope.month))
        year, reportable = _year(r, refs, scope)
        value, value_max = _values(r, year if reportable else None, published_month)
        resolved.append(Resolved(value, value_max, _is_relative(r)))
        _follow(scope, r, year, refs)
    return resolved


def _named_years(readings: Sequence[Reading]) -> list[int]:
    """Years printed in the text, goals (到2020年) aside."""
    return [r.year for r in readings if r.year is not None and not r.target]


def _topic_years(readings: Sequence[Reading]) -> list[int]:
    """Years the text is about: printed, not a comparison base, not a single day (a dateline)."""
    return [r.year for r in readings if r.year is not None and r.period.day is None and not r.comparison]


def _year(r: Reading, refs: References, scope: _Scope) -> tuple[int | None, bool]:
    """The year ``r`` falls in, and whether it may be reported (not just an estimate)."""
    local = scope.year if scope.sentence == r.sentence else None
    reported = _first(scope.section, refs.reported)  # the year this part of the text reports on
    if r.year is not None:
        return r.year, True
    if r.word is not None:
        word = r.word
        if word.anchor == "now" and not r.comparison:
            return _plus(refs.now, word.offset), refs.known
        if word.anchor in ("now", "reported"):  # a comparison base is the year before the report's
            own = reported if word.offset < 0 else refs.reported  # 过去一年 is the text's, 上年 the part's
            base = local if word.anchor == "reported" and local is not None else own
            return _plus(base, word.offset), refs.known or base == local
        if word.anchor == "context":  # 全年: the year of this clause, else the report's
            clause = scope.year if scope.clause == r.clause and local is not None else None
            year = _first(clause, reported, scope.year)
            return year, year is not None
        if word.anchor == "running":  # 同年: the year just named
            year = _first(scope.year, reported)
            return year, year is not None
        return refs.now, refs.known  # now_month
    if r.ago is not None:
        return _plus(refs.reported, -r.ago), refs.known
    year = _first(local, scope.year, reported)
    return year, year is not None


def _plus(year: int | None, offset: int) -> int | None:
    return year + offset if year is not None else None


def _first(*years: int | None) -> int | None:
    for year in years:  # a plain loop: a generator costs more than the two or three tests
        if year is not None:
            return year
    return None


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
        return iso(year, p.month, p.day), (iso(year, p.month_max, p.day_max) if p.month_max else None)
    if p.day is not None:  # a day with no month in hand
        return None, None
    return iso(year), None


def _is_relative(r: Reading) -> bool:
    return r.year is None and (r.word is not None or r.ago is not None or r.period.part is not None)


def _is_topic(r: Reading) -> bool:
    """Whether a date sets the year that follows; comparison bases (比上年) and goals do not."""
    if r.comparison or r.same_period or r.target:
        return False
    return not (r.word is not None and r.word.anchor == "reported" and r.word.offset < 0)


def _open_section(scope: _Scope, r: Reading, year: int | None, refs: References) -> None:
    """A heading naming one year (``四、2024年工作思路``), or ``今年`` opening a sentence in a
    text that reviews the year before, starts a part of the text about that year: ``全年``
    and the year-less dates after it are in that year, not in the one the text reviews."""
    if r.opens_section and year is not None and (refs.now is None or year <= refs.now + 1):
        scope.section = year


def _follow(scope: _Scope, r: Reading, year: int | None, refs: References) -> None:
    """Move the running year on past ``r`` when it names what the text is about."""
    if r.period.month is not None:
        scope.month = r.period.month
    _open_section(scope, r, year, refs)
    reported = _first(scope.section, refs.reported)
    if r.since and reported is not None:  # after 2010年以来 the text is back in its own year
        year = max(year, reported) if year is not None else reported
    if year is None or not _is_topic(r) or (refs.now is not None and year > refs.now):
        return
    scope.year, scope.sentence, scope.clause = year, r.sentence, r.clause

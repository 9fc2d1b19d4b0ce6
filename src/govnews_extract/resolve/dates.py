"""Dates as printed to ISO-like partial strings, and the years relative dates hang on.

A date mention's ``value`` is ``2020``, ``2020-05``, ``2020-05-29``, ``2020-Q1`` or
``2020-H1`` (SCHEMA.md).  These functions are pure and return ``None`` on what they
cannot read.

>>> iso(year_of("二〇二〇"), small_of("五"), small_of("二十九"))
'2020-05-29'
>>> period(2020, "Q1"), period(None, "H2")
('2020-Q1', None)
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from .numerals import parse_number

# What a relative word is anchored to (data/lexicons/date_words.tsv).
# NOTE: keep in sync with the anchor column of date_words.tsv.
Anchor = Literal["now", "reported", "context", "now_month"]
ANCHORS: frozenset[str] = frozenset({"now", "reported", "context", "now_month"})

# Years a government text plausibly names; 5000年 (history) and 1000 are not dates.
FIRST_YEAR, LAST_YEAR = 1800, 2099
# A text published by this month that mostly names the year before reviews that year.
REVIEW_MONTHS = 5


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


def small_of(numeral: str | None) -> int | None:
    """A month, day or quarter number: ``12``, ``十二``, ``三十一``.

    >>> small_of("09"), small_of("十二"), small_of("三十一"), small_of("")
    (9, 12, 31, None)
    """
    value = parse_number(numeral) if numeral else None
    if value is None or value != value.to_integral_value() or not 0 < value < 100:
        return None
    return int(value)


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

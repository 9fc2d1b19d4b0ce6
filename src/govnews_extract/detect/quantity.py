"""Quantities: a number with a physical unit, the unit normalised (``200平方`` → 平方米).

Units come from ``data/lexicons/units.tsv``; 万/亿 before the unit are multiplied out
(``1128万亩`` → 11280000 亩), a ``/unit`` after it makes a rate (``吨标准煤/万元``).

>>> from govnews_extract.normalize import normalize
>>> from govnews_extract.detect import Context
>>> found = find_quantity(normalize("播种面积1128万亩，实施15—25度坡耕地退耕"), Context())
>>> [(c.fields["value"], c.fields["value_max"], c.fields["unit"]) for c in found]
[(Decimal('11280000'), None, '亩'), (Decimal('15'), Decimal('25'), '度')]
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

import regex

from .._data import load_lexicon, load_table
from ..normalize import NormalizedText
from ..resolve.numerals import BIG_UNITS
from . import Candidate, Context
from ._common import (
    ARABIC,
    NUMERAL_START,
    NUMERAL_TOKEN,
    _alternation,
    approx_of,
    approx_pattern,
    approx_words,
)
from ._counting import (
    NUMBER_START,
    RANGE_SEP,
    crosses_cell,
    figure_ahead,
    figure_then,
    inside_name,
    is_bare_unit,
    is_lone_capital,
    list_members,
    value_range,
)
from ._scan import Endings, Match, Twin, finditer_at_figures, without_names

PRIORITY = 7
# Shortest numeral first, so that the unit decides where the number ends: 5千米 is 5 公里,
# 2000万千瓦 is 2000万 + 千瓦. NOTE: keep in sync with _common.NUMERAL.
_LAZY_NUMERAL = rf"{NUMERAL_START}(?:{NUMERAL_TOKEN})(?:{NUMERAL_TOKEN})*?"
_LAZY_ARABIC = rf"{NUMERAL_START}(?>{ARABIC})(?:[{''.join(BIG_UNITS)}])*?"
# What may follow a slash to make a rate besides a physical unit.
_PER_EXTRA = ("万元", "元", "人", "户", "年", "天", "日", "小时", "秒")
_CLAUSE_END_RE = regex.compile(r"[，。；！？,;!?\n]")
_CLAUSE_REACH = 40


@dataclass(frozen=True, slots=True)
class Unit:
    name: str  # the normalised unit
    arabic_only: bool  # only after Arabic digits (25度, not 再度)
    factor: int  # the printed unit in normalised units (万度 → 10000 千瓦时)


@functools.cache
def units() -> dict[str, Unit]:
    """Unit as printed → its normalised form, from ``data/lexicons/units.tsv``."""
    return {
        surface: Unit(name, after == "arabic", int(factor))
        for surface, name, after, factor in load_table("lexicons/units.tsv", 4)
    }


def _units_after(arabic: bool) -> str:
    return _alternation([s for s, u in units().items() if u.arabic_only == arabic])


@functools.cache
def _unit_endings() -> Endings:
    return Endings.of(units())


@functools.cache
def _quantity_re() -> regex.Pattern[str]:
    return regex.compile(figure_then(units()) + _quantity_pattern(), regex.VERBOSE)


@functools.cache
def _quantity_first() -> Twin:
    """A first test for the quantity pattern: the same pattern without its group names, run by
    ``re`` (which refuses the names its two alternatives share), several times faster. Only
    where it matches is the pattern run again for the groups."""
    return Twin.of(without_names(figure_then(units()) + _quantity_pattern()), verbose=True)


def _quantity_pattern() -> str:
    per = _alternation([*units(), *_PER_EXTRA])
    not_units = _alternation(list(load_lexicon("lexicons/not_quantities.txt")))
    return rf"""
        {figure_ahead(approx_words()["before"])}      # fail fast where no figure starts
        (?P<before>{approx_pattern("before")})?       # 超过 / 约 / ≥ …
        {NUMBER_START}                                # not inside PM2.5, G20 or 统一5
        (?:
            (?P<num>{_LAZY_NUMERAL})                  # 1128万, 百亿, 15
            (?:{RANGE_SEP}(?P<num2>{_LAZY_NUMERAL}))? # 15—25
            (?P<inside>余|多)?(?P<mult>(?<=[余多])[万亿]+)?
            \ ?(?!{not_units})                        # 由12升至8, 克服
            (?P<unit>{_units_after(False)})           # 亩, 平方公里, 蒸吨
          | (?P<num>{_LAZY_ARABIC})                   # Arabic only before 度, 克, kg …
            (?:{RANGE_SEP}(?P<num2>{_LAZY_ARABIC}))?
            (?P<inside>余|多)?(?P<mult>(?<=[余多])[万亿]+)?
            \ ?(?!{not_units})(?P<unit>{_units_after(True)})
        )
        (?![A-Za-z])                                  # 5 kg, not 5 kgs or 3 million
        (?:/(?P<per>{per}))?                          # 吨标准煤/万元
        (?P<after>{approx_pattern("after")})?         # 以上 / 以下 / 左右
        """


@functools.cache
def _rate_contexts() -> tuple[tuple[regex.Pattern[str], str], ...]:
    rows = load_table("lexicons/rate_contexts.tsv", 2)
    return tuple((regex.compile(pattern), per) for pattern, per in rows)


def implied_per(text: str, start: int) -> str | None:
    """The ``per`` unit the clause before ``start`` implies, as in 万元…能耗为1.1578吨标准煤.

    >>> implied_per("万元地区生产总值能耗为1.1578吨标准煤", 11), implied_per("能耗为1吨", 3)
    ('万元', None)
    """
    clause = _CLAUSE_END_RE.split(text[max(0, start - _CLAUSE_REACH) : start])[-1]
    return next((per for pattern, per in _rate_contexts() if pattern.search(clause)), None)


def _scaled(value: Decimal | None, factor: int) -> Decimal | None:
    return value * factor if value is not None and factor != 1 else value


def _unit_name(unit: str, per: str | None) -> str:
    name = units()[unit].name
    if per:
        name += "/" + (units()[per].name if per in units() else per)
    return name


class _Groups(NamedTuple):
    """The groups of a match in the pattern's order (``m.groups()``: one call; ``regex`` looks a
    group's name up slowly). A name given to both alternatives is one group."""

    before: str | None
    num: str
    num2: str | None
    inside: str | None
    mult: str | None
    unit: str
    per: str | None
    after: str | None


def _quantity_matches(text: str) -> Iterator[Match]:
    """``_quantity_re().finditer(text)``, tried only at the figures a unit may follow that pass
    the first test."""
    first = _quantity_first().on(text)

    def near(text: str, start: int, end: int) -> bool:
        return first.match(text, start) is not None

    return finditer_at_figures(_quantity_re(), text, _unit_endings(), near)


def find_quantity(view: NormalizedText, context: Context) -> list[Candidate]:
    """Candidates for every measure printed with a physical unit."""
    text = view.text
    found = []
    for m in _quantity_matches(text):
        g = _Groups._make(m.groups())
        start, end = m.span()
        value, value_max = value_range(g.num, g.num2, g.mult or "")
        factor = units()[g.unit].factor
        value, value_max = _scaled(value, factor), _scaled(value_max, factor)
        if value is None or inside_name(text, start, end) or crosses_cell(view, start, end):
            continue
        if is_lone_capital(g.num) or (is_bare_unit(g.num) and not (g.before or g.inside)):
            continue  # 百亿斤粮食产能基地 names a target; 突破百亿斤 is a figure
        fields = {
            "value": value,
            "value_max": value_max,
            "approx": approx_of(g.before, g.inside, g.after),
            "unit": _unit_name(g.unit, g.per or implied_per(text, start)),
        }
        found.append(Candidate("quantity", start, end, "quantity.unit", fields, PRIORITY))
        for member_start, member_end, member in list_members(text, start, g.num, g.mult or ""):
            listed = {**fields, "value": _scaled(member, factor), "value_max": None, "approx": None}
            found.append(Candidate("quantity", member_start, member_end, "quantity.list", listed, PRIORITY))
    return found

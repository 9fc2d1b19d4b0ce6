"""Figures in flattened tables, typed as a reader of the table would type them.

A number cell (``4000.5``) carries no unit of its own: the reader takes it from the
column header (``产量（万吨）``, ``同比增长（±%）``), else from the row (``大牲畜（万头）``
or a unit column ``万吨``), else from the table's unit line (``单位：亿元``). The table's
structure (cells, rows, header row) comes from :mod:`govnews_extract.layout`.

>>> from govnews_extract.normalize import normalize
>>> from govnews_extract.detect import Context
>>> cells = ["单位：亿元", "指标", "绝对数", "比上年增长%", "地区生产总值", "4000.5", "10.0",
...          "第一产业", "153.6", "11.0"]
>>> found = find_table_figures(normalize("\\n".join(cells)), Context())
>>> [(c.type, str(c.fields["value"])) for c in found]
[('money', '400050000000'), ('percent', '10.0'), ('money', '15360000000'), ('percent', '11.0')]
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

import regex

from .._data import load_table
from ..layout import Cell, Row, Table, find_tables
from ..models import MentionType
from ..normalize import NormalizedText
from ..resolve.numerals import scale_of, tidy
from . import Candidate, Context
from .money import currencies

TYPES: frozenset[MentionType] = frozenset({"money", "percent", "quantity", "count"})
# Above every prose detector: inside a table, the table's reading wins.
PRIORITY = 12
_MULTIPLIER_CHARS = "十百千万亿"
_PERCENT_UNITS = {
    "%": "percent",
    "‰": "permille",
    "百分点": "percentage_point",
    "个百分点": "percentage_point",
}
_PAREN_RE = regex.compile(r"\(([^()]*)\)$")
_UNIT_LINE_RE = regex.compile(r"单位:(?P<unit>[^()]+)")
_UNIT_SEP_RE = regex.compile(r"[、,;/]")
_ROW_PREFIX_RE = regex.compile(r"^(?:#+|其中:?|内:|包括:?)")


@dataclass(frozen=True, slots=True)
class Unit:
    """What a figure in this unit is: ``万吨`` → quantity, ×10000, unit 吨."""

    type: MentionType
    scale: int
    name: str  # quantity unit, count classifier, ISO currency or percent unit
    printed: str


@functools.cache
def _base_units() -> tuple[tuple[str, MentionType, str], ...]:
    """(surface, type, unit) for every base unit, longest surface first."""
    rows: list[tuple[str, MentionType, str]] = [
        (surface, kind, unit)  # type: ignore[misc]
        for surface, kind, unit in load_table("lexicons/table_units.tsv", 3)
    ]
    rows += [(surface, "money", iso) for surface, iso in currencies().items()]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@functools.cache
def _units_by_surface() -> tuple[tuple[int, ...], dict[str, tuple[MentionType, str]]]:
    """The lengths of the base units' surfaces, longest first, and (type, unit) by surface
    (the first row of a surface wins, as in :func:`_base_units`)."""
    by_surface: dict[str, tuple[MentionType, str]] = {}
    for surface, kind, unit in _base_units():
        by_surface.setdefault(surface, (kind, unit))
    return tuple(sorted({len(s) for s in by_surface}, reverse=True)), by_surface


@functools.cache
def _header_roles() -> dict[str, str]:
    return {header: role for header, role in load_table("lexicons/table_headers.tsv", 2)}


def parse_unit(printed: str) -> Unit | None:
    """The unit printed in a header or unit cell, or ``None``.

    >>> parse_unit("万吨"), parse_unit("±%").type, parse_unit("亿千瓦时").scale
    (Unit(type='quantity', scale=10000, name='吨', printed='万吨'), 'percent', 100000000)
    >>> parse_unit("万头").name, parse_unit("亿元").name, parse_unit("指标值")
    ('头', 'CNY', None)
    """
    text = printed.strip().lstrip("±+-")
    if text in _PERCENT_UNITS:
        return Unit("percent", 1, _PERCENT_UNITS[text], printed)
    # The longest base unit the text ends with (after multipliers): one dict look-up a length,
    # rather than an ``endswith`` a unit.
    lengths, by_surface = _units_by_surface()
    for length in lengths:
        if length > len(text):
            continue
        cut = len(text) - length
        found = by_surface.get(text[cut:])
        if found is not None and all(ch in _MULTIPLIER_CHARS for ch in text[:cut]):
            return Unit(found[0], scale_of(text[:cut]), found[1], printed)
    return None


def header_unit(header: str) -> Unit | None:
    """The unit a column header gives its figures: ``产量(万吨)``, ``比上年增长%``, ``比重``.

    >>> header_unit("产量(万吨)").name, header_unit("比上年增长%").type, header_unit("比重").type
    ('吨', 'percent', 'percent')
    >>> header_unit("12月末") is None
    True
    """
    paren = _PAREN_RE.search(header)
    if paren:
        unit = parse_unit(_UNIT_LINE_RE.sub(r"\g<unit>", paren[1]))
        if unit is not None:
            return unit
    if header.endswith(("%", "‰")):
        return parse_unit(header[-1])
    if _header_roles().get(header) == "percent":
        return Unit("percent", 1, "percent", header)
    return parse_unit(header)


def _table_units(table: Table) -> tuple[Unit | None, bool]:
    """The unit of a ``单位：亿元`` line before the table, and whether it lists percent too.

    A line naming a unit and percent (``单位：万元、%``) gives the unit; growth columns
    (``增长``) are then the percent ones.
    """
    for cell in table.cells():  # the preamble's cells first; a headless table's in its first row
        found = _UNIT_LINE_RE.search(cell.text)
        if found:
            units = [u for u in map(parse_unit, _UNIT_SEP_RE.split(found["unit"])) if u is not None]
            kinds = [u for u in units if u.type != "percent"]
            return (kinds[0] if len(kinds) == 1 else None), len(kinds) < len(units)
    return None, False


def _headers(table: Table) -> list[str]:
    """The header row: from the label-column header (``指标``) on, else the last preamble cells."""
    texts = [c.text for c in table.preamble if not _UNIT_LINE_RE.search(c.text)]
    roles = _header_roles()
    for i, text in enumerate(texts):
        if roles.get(text) == "label":
            return texts[i : i + table.columns]
    return texts[-table.columns :]


def _column_header(headers: list[str], table: Table, column: int) -> str | None:
    """Header of ``column``; a shorter header row (a blank corner cell) aligns right."""
    index = column - (table.columns - len(headers))
    return headers[index] if 0 <= index < len(headers) else None


def _row_unit(row: Row) -> Unit | None:
    """A unit printed in the row: ``大牲畜(万头)`` or a unit column ``万吨``."""
    paren = _PAREN_RE.search(row.label.text)
    if paren:
        unit = parse_unit(paren[1])
        if unit is not None:
            return unit
    for cell in row.cells[1 : row.lead]:
        unit = parse_unit(cell.text)
        if unit is not None:
            return unit
    return None


def _counted(row: Row) -> str:
    """The row label as the thing counted: ``#黄牛及肉牛`` → 黄牛及肉牛, ``猪(万头)`` → 猪."""
    return _ROW_PREFIX_RE.sub("", _PAREN_RE.sub("", row.label.text))


def _value(text: str, unit: Unit) -> Decimal | None:
    """The cell's number in base units; percentages keep their printed digits (``10.0``)."""
    try:
        number = Decimal(text.rstrip("%‰").replace("−", "-").replace(",", ""))
    except InvalidOperation:
        return None
    return number if unit.type == "percent" else tidy(number * unit.scale)


def _fields(unit: Unit, value: Decimal, row: Row) -> dict[str, Any]:
    if unit.type == "money":
        return {"value": value, "currency": unit.name, "unit": unit.printed, "approx": None}
    if unit.type == "count":
        return {"value": value, "classifier": unit.name, "counted": _counted(row) or None, "approx": None}
    return {"value": value, "unit": unit.name, "approx": None}


def _figure(view: NormalizedText, cell: Cell, unit: Unit, row: Row, rule: str) -> Candidate | None:
    span = view.locate(cell.start, cell.end)
    value = _value(cell.text, unit)
    if span is None or value is None:
        return None
    return Candidate(unit.type, span[0], span[1], rule, _fields(unit, value, row), priority=PRIORITY)


def _cell_unit(
    cell: Cell, column: Unit | None, row: Unit | None, table: Unit | None
) -> tuple[Unit, str] | None:
    """Column header first, then the row's unit, then the table's unit line."""
    if cell.text.endswith(("%", "‰")):
        return parse_unit(cell.text[-1]) or Unit("percent", 1, "percent", "%"), "table.cell"
    for unit, rule in ((column, "table.column"), (row, "table.row"), (table, "table.unit_line")):
        if unit is not None:
            return unit, rule
    return None


def _column_units(headers: list[str], table: Table, growth_is_percent: bool) -> dict[int, Unit]:
    """Units the header row gives its columns, by column index."""
    units = {}
    for column in range(table.columns):
        header = _column_header(headers, table, column)
        unit = header_unit(header) if header else None
        if unit is None and header and growth_is_percent and _is_growth(header):
            unit = Unit("percent", 1, "percent", "%")
        if unit is not None:
            units[column] = unit
    return units


def _is_growth(header: str) -> bool:
    return any(word in header for word, role in _header_roles().items() if role == "growth")


def _rows_with_units(table: Table) -> Iterator[tuple[Row, Unit | None]]:
    """Data rows with the unit printed in them, else the one of the row above (``#能繁母猪``
    under ``生猪(万头)``); a section row (a label without figures) ends that inheritance."""
    inherited: Unit | None = None
    for row in table.rows:
        if not row.values:
            inherited = None
            continue
        inherited = _row_unit(row) or inherited
        yield row, inherited


def _read_table(view: NormalizedText, table: Table) -> list[Candidate]:
    table_unit, growth_is_percent = _table_units(table)
    columns = _column_units(_headers(table), table, growth_is_percent)
    found: list[Candidate] = []
    for row, row_unit in _rows_with_units(table):
        if _header_roles().get(row.label.text) == "label":  # 指标 | 2019 | 2020: a header row
            columns = _column_units([c.text for c in row.cells], table, growth_is_percent)
            continue
        for column, cell in enumerate(row.values, start=table.lead):
            chosen = _cell_unit(cell, columns.get(column), row_unit, table_unit) if cell.numeric else None
            candidate = _figure(view, cell, chosen[0], row, chosen[1]) if chosen else None
            if candidate is not None:
                found.append(candidate)
    return found


def find_table_figures(view: NormalizedText, context: Context) -> list[Candidate]:
    """Money, percent, quantity and count candidates for the number cells of flattened tables."""
    return [c for table in find_tables(view.original) for c in _read_table(view, table)]

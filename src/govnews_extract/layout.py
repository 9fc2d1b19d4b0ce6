"""Layout of the original text: lines, and the flattened tables that HTML/PDF extraction leaves.

A statistics bulletin's tables often come out one cell per line, padded with indentation
and blank lines::

    单位：亿元
    指标
    指标值
    同比增长（±%）
    地区生产总值
    4000.5
    10.0

A *table block* is a run of short lines (no sentence punctuation) among which plain numbers
make up a fair share. Inside a block every line is a cell, except that when cells are
separated by blank lines, a single line break inside a cell (``农\\n业``) is a wrap.
The cells are then cut into rows: each row is some leading text cells (the row label, maybe
a unit column) followed by the value cells; the number of leading and value cells is read
from the most common pattern of the block. What the headers *mean* is left to
:mod:`govnews_extract.detect.tables`.

>>> cells = "单位：亿元 指标 指标值 增长% 生产总值 4000.5 10.0 工业 3157.4 9.9".split()
>>> [(t.columns, len(t.rows)) for t in find_tables("\\n".join(cells))]
[(3, 2)]
"""

from __future__ import annotations

import functools
import itertools
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

import regex

from .chars import LAYOUT_RE, fold_text, is_layout, whitespace_words

# A cell longer than this is prose, not a table cell.
MAX_CELL_CHARS = 30
# Share of plain-number lines a block of short lines needs to be read as a table.
MIN_NUMERIC_SHARE = 0.25
_LINE_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_SENTENCE_PUNCT = frozenset("。！？；!?;")
_CLAUSE_END = frozenset("，、,")
# A comma that is not a thousands separator: prose, not a cell.
_CLAUSE_COMMA_RE = regex.compile(r"(?<!\d),|,(?!\d{3})")
_NUMBER_CELL_RE = regex.compile(r"[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?[%‰]?")
# A cell that stands for a missing figure (not published, not applicable): dashes, an
# ellipsis, a slash. It holds no figure but takes a figure's place in its row.
_PLACEHOLDER_CELL_RE = regex.compile(r"[-—–―−─－…/]{1,6}|\.{2,6}|·{2,6}")


class Line(NamedTuple):
    """One line of the original: ``start``/``end`` bound its visible characters.

    (A named tuple rather than a frozen dataclass: every article makes hundreds, and a
    frozen dataclass takes several times longer to build.)
    """

    start: int
    end: int
    visible: str  # the line without layout characters, full-width folded
    breaks: int  # line breaks between the previous non-blank line and this one
    blank_before: bool  # an empty (whitespace-only) line stands between them


class Cell(NamedTuple):
    """A table cell: its visible text (folded, layout removed) and its span in the original.

    (A named tuple, as :class:`Line` is: a table of a bulletin has hundreds.)
    """

    text: str
    start: int
    end: int

    @property
    def numeric(self) -> bool:
        return is_number_cell(self.text)

    @property
    def value_slot(self) -> bool:
        """A number cell or a placeholder (``—``): a cell in a row's value columns."""
        return is_number_cell(self.text) or is_placeholder_cell(self.text)


class Row(NamedTuple):
    """``lead`` leading text cells (label, unit column) then the value cells.

    (A named tuple, as :class:`Cell` is.)
    """

    cells: tuple[Cell, ...]
    lead: int

    @property
    def label(self) -> Cell:
        return self.cells[0]

    @property
    def values(self) -> tuple[Cell, ...]:
        return self.cells[self.lead :]


@dataclass(frozen=True, slots=True)
class Table:
    """A flattened table: the cells before the first data row, then the rows."""

    start: int
    end: int
    preamble: tuple[Cell, ...]  # caption, unit line, header cells, section rows before the data
    rows: tuple[Row, ...]  # data rows and label-only (section) rows, in order
    columns: int  # cells in a full data row
    lead: int  # leading text cells in a data row

    def cells(self) -> Iterator[Cell]:
        yield from self.preamble
        for row in self.rows:
            yield from row.cells


@functools.lru_cache(maxsize=4096)  # a table asks about each cell several times
def is_number_cell(text: str) -> bool:
    """A cell that holds one plain number: ``4000.5``, ``-1.6``, ``51.4%``.

    >>> is_number_cell("-1.6"), is_number_cell("持平"), is_number_cell("2012年")
    (True, False, False)
    """
    return _NUMBER_CELL_RE.fullmatch(text) is not None


@functools.lru_cache(maxsize=4096)
def is_placeholder_cell(text: str) -> bool:
    """A cell that holds a placeholder for a missing figure: ``—``, ``-``, ``…``, ``/``.

    >>> is_placeholder_cell("—"), is_placeholder_cell("……"), is_placeholder_cell("—2—")
    (True, True, False)
    """
    return _PLACEHOLDER_CELL_RE.fullmatch(text) is not None


@functools.lru_cache(maxsize=8)
def split_lines(text: str) -> tuple[Line, ...]:
    """The non-blank lines of ``text`` with their visible spans."""
    # Folding maps no character to or from a line break or a layout character, and keeps
    # the length: the folded text's lines, without layout, are the visible lines, at the
    # same offsets as the original's.
    folded = fold_text(text)
    lines = _lines_of_words(folded)
    return tuple(lines if lines is not None else _lines_one_by_one(folded))


def _lines_one_by_one(folded: str) -> list[Line]:
    """:func:`split_lines` of a folded text, one line at a time."""
    lines: list[Line] = []
    offset = 0
    breaks = 0
    blank = False
    for raw in folded.splitlines(keepends=True):
        body = raw.rstrip(_LINE_BREAKS)
        visible = body.strip()
        if not visible:
            blank = bool(lines)  # an empty line (whitespace only) between two lines
        elif visible.isprintable() and " " not in visible:
            # The common line: ``strip()`` took off whitespace only, and printable text
            # without a space holds no layout character, so it is the visible line.
            first = len(body) - len(body.lstrip())
            lines.append(Line(offset + first, offset + first + len(visible), visible, breaks, blank))
            breaks, blank = 0, False
        elif visible := LAYOUT_RE.sub("", body):
            first, last = 0, len(body)
            while is_layout(body[first]):
                first += 1
            while is_layout(body[last - 1]):
                last -= 1
            lines.append(Line(offset + first, offset + last, visible, breaks, blank))
            breaks, blank = 0, False
        # else: only layout with a zero-width mark among it, span residue rather than a blank line
        breaks += len(body) < len(raw)
        offset += len(raw)
    return lines


def _lines_of_words(folded: str) -> list[Line] | None:
    """:func:`split_lines` of a folded text whose layout is all whitespace, else ``None``.

    Built from the words between whitespace runs (``str.split``), so that blank lines and
    indentation cost nothing: a run with line breaks in it ends a line, and with two or
    more, a blank line stands in it (whitespace is all it can hold).
    """
    words = whitespace_words(folded)
    if words is None:
        return None  # a zero-width mark or a control character: not whitespace, but layout
    lines: list[Line] = []
    line: list[str] = []  # the words of the line so far
    start = end = 0  # of the line so far; ``end`` is also the end of the last word
    breaks, blank = 0, False  # of the line so far: see Line
    for at, word_end in words:
        if at > end:
            count = len((folded[end:at] + ".").splitlines()) - 1  # line breaks in the run
            if line and count:  # the run ends a line
                lines.append(Line(start, end, "".join(line), breaks, blank))
                line = []
                breaks, blank = count, count > 1
            elif not line:  # the text starts with the run
                breaks = count
        if not line:
            start = at
        line.append(folded[at:word_end])
        end = word_end
    if line:
        lines.append(Line(start, end, "".join(line), breaks, blank))
    return lines


def _is_cell_line(line: Line) -> bool:
    text = line.visible
    return (
        len(text) <= MAX_CELL_CHARS
        and _SENTENCE_PUNCT.isdisjoint(text)
        and text[-1] not in _CLAUSE_END
        and ("," not in text or _CLAUSE_COMMA_RE.search(text) is None)  # most cells hold no comma
    )


def _blocks(lines: tuple[Line, ...]) -> Iterator[list[Line]]:
    """Maximal runs of short lines that hold enough plain numbers to be a table."""
    run: list[Line] = []
    for line in [*lines, None]:
        if line is not None and _is_cell_line(line):
            run.append(line)
            continue
        numbers = sum(is_number_cell(x.visible) for x in run)
        if numbers >= 2 and numbers >= MIN_NUMERIC_SHARE * len(run):
            yield run
        run = []


def _cells(block: list[Line]) -> list[Cell]:
    """Lines to cells; a single break inside a cell is a wrap when cells are blank-line separated."""
    spaced = sum(line.breaks > 1 for line in block[1:]) > len(block[1:]) / 2
    cells: list[Cell] = []
    for line in block:
        wrap = (
            spaced
            and cells
            and line.breaks == 1
            and not is_number_cell(line.visible)
            and not is_placeholder_cell(line.visible)
            and not cells[-1].value_slot
        )
        if wrap:
            last = cells.pop()
            cells.append(Cell(last.text + line.visible, last.start, line.end))
        else:
            cells.append(Cell(line.visible, line.start, line.end))
    return cells


def _mode(values: list[int], default: int) -> int:
    """The most common value (the larger one on a tie)."""
    if not values:
        return default
    counts = Counter(values)
    return max(counts, key=lambda v: (counts[v], v))


def _runs(cells: list[Cell]) -> list[tuple[int, int]]:
    """Half-open index ranges of consecutive value cells (numbers and placeholders)."""
    runs: list[tuple[int, int]] = []
    for i, cell in enumerate(cells):
        if not cell.value_slot:
            continue
        if runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return runs


def _table(cells: list[Cell]) -> Table | None:
    """Cut a block's cells into preamble and rows."""
    runs = _runs(cells)
    if not runs:
        return None
    values = _mode([b - a for a, b in runs], 1)
    gaps = [a - b for (_, b), (a, _) in itertools.pairwise(runs)]
    lead = max(1, _mode(gaps, 1))
    first = max(0, runs[0][0] - lead)
    rows: list[Row] = []
    end = first
    for a, b in runs:
        extra = list(cells[end : max(end, a - lead)])
        if rows and extra and len(rows[-1].values) < values:
            take = min(len(extra), values - len(rows[-1].values))
            rows[-1] = Row(rows[-1].cells + tuple(extra[:take]), rows[-1].lead)
            extra = extra[take:]
        rows += [Row((cell,), 1) for cell in extra]
        rows.append(Row(tuple(cells[max(end, a - lead) : b]), min(lead, a - end)))
        end = b
    rows += [Row((cell,), 1) for cell in cells[end:]]
    return Table(cells[0].start, cells[-1].end, tuple(cells[:first]), tuple(rows), lead + values, lead)


@functools.lru_cache(maxsize=8)
def find_tables(text: str) -> tuple[Table, ...]:
    """Every flattened table in ``text``, in order."""
    lines = split_lines(text)
    # A block needs two number cells, each a whole short line; most articles have fewer
    # such lines, and looking for two is cheaper than reading the blocks.
    numbers = (x for x in lines if len(x.visible) <= MAX_CELL_CHARS and is_number_cell(x.visible))
    if next(numbers, None) is None or next(numbers, None) is None:
        return ()
    tables = []
    for block in _blocks(lines):
        table = _table(_cells(block))
        if table is not None:
            tables.append(table)
    return tuple(tables)


@functools.lru_cache(maxsize=8)
def cell_starts(text: str) -> frozenset[int]:
    """Original offsets where a table cell starts, or where a table's last cell ends.

    A line break before these offsets separates two cells: the normalized view keeps it,
    so that ``103.0`` and the next row's ``个人存款`` never read as ``103.0个``.
    """
    starts: set[int] = set()
    for table in find_tables(text):
        starts.update(cell.start for cell in table.cells())
        starts.add(table.end)
    return frozenset(starts)

"""Sentence boundaries in the normalized view.

A sentence ends after 。！？；(and their ASCII forms) or at a kept line separator.
Given the whole :class:`~govnews_extract.normalize.NormalizedText`, the layout of the
original refines this: a short line followed by a blank line (a heading) ends a sentence,
so does an indentation of ideographic spaces inside a line (a paragraph start),
and a flattened table is one sentence a row rather than one a cell, so that a figure and
its growth rate (``4000.5`` and ``10.0``) share a sentence.

>>> starts = sentence_starts("增长10%。其中，工业增长9%！")
>>> starts, sentence_index(starts, 8)
([0, 6], 1)
>>> from govnews_extract.normalize import normalize
>>> view = normalize("一、综合\\n\\n全年增长10%。\\n单位：亿元\\n指标\\n增长%\\n工业\\n9.9\\n建筑业\\n5.3")
>>> s = sentence_starts(view)
>>> [view.text[a:b] for a, b in zip(s, [*s[1:], len(view.text)])]
['一、综合', '全年增长10%。\\n', '单位:亿元\\n', '指标\\n', '增长%\\n', '工业\\n9.9\\n', '建筑业\\n5.3']
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re

import regex

from .chars import LAYOUT_CLASS, LAYOUT_RE
from .layout import MAX_CELL_CHARS, Table, find_tables, split_lines
from .normalize import NormalizedText

# Literal characters only: the stdlib ``re`` scans a whole text faster than ``regex``.
_END = r"[。！？；!?;]+[”’」』)）]*\n?|\n"
# A sentence: what comes before an end, and the end (or the text's end: no end is left out).
# Every character that is not an end character comes before one, so the matches of this
# pattern follow one another from the start, and their lengths add up to the ends.
_SENTENCE_RE = re.compile(rf"[^。！？；!?;\n]*(?:{_END}|$)")
# A line ending in one of these goes on after a blank line: it is no heading.
_GOES_ON = frozenset("，、,:：“‘(（《")
_PUNCT_RE = regex.compile(r"[。！？；!?;，,]")
# The run of layout characters that ends at a position (read backwards).
_LAYOUT_BACK_RE = regex.compile(f"{LAYOUT_CLASS}*", regex.REVERSE)


# The last view's sentence starts: the date detector and assembly both ask for the same view
# (kept by identity: hashing a view hashes its whole offset table).
_last_view: list[tuple[NormalizedText, tuple[int, ...]]] = []


def sentence_starts(text: str | NormalizedText) -> list[int]:
    """Offsets in the view at which sentences start; always begins with 0."""
    if isinstance(text, NormalizedText):
        last = _last_view[-1:]  # one read: another thread may replace the entry
        if last and last[0][0] is text:
            return list(last[0][1])
        starts = _sentence_starts(text)
        _last_view[:] = [(text, tuple(starts))]
        return starts
    return _sentence_starts(text)


def _sentence_starts(text: str | NormalizedText) -> list[int]:
    if not isinstance(text, NormalizedText):
        return [0, *_sentence_ends(text)]  # the ends are in order, after 0 and before the end
    view_text = text.text
    starts = {0, *_sentence_ends(view_text)}
    starts |= _heading_ends(text) | _indented_paragraphs(text)
    for table in find_tables(text.original):
        starts = _one_sentence_a_row(text, table, starts)
    ordered = sorted(starts)
    while len(ordered) > 1 and ordered[-1] >= len(view_text):  # 0 stays, even in an empty text
        ordered.pop()
    return ordered


@functools.lru_cache(maxsize=8)
def _sentence_ends(view_text: str) -> tuple[int, ...]:
    """Ends of sentence punctuation and line breaks before the end of the text, in order
    (the date detector and assembly both ask).

    >>> _sentence_ends("增长10%。”其中\\n工业增长9%！")
    (7, 10)
    """
    # The running sum of the sentences' lengths: several times faster than ``m.end()`` of
    # each match of the end pattern, found by ``finditer``.
    ends = list(itertools.accumulate(map(len, _SENTENCE_RE.findall(view_text))))
    while ends and ends[-1] >= len(view_text):  # the text's end, and the empty match there
        ends.pop()
    return tuple(ends)


def _view_offset(view: NormalizedText, original: int) -> int:
    """The view index of the first visible character at or after ``original``."""
    return bisect.bisect_left(view.origin, original)


def _heading_ends(view: NormalizedText) -> set[int]:
    """Starts of lines after a blank line and a heading: a short line without punctuation.

    (A short line with a full stop in it is the tail of a paragraph that a PDF broke.)
    """
    lines = split_lines(view.original)
    starts = set()
    for before, line in itertools.pairwise(lines):
        if not line.blank_before:
            continue
        text = before.visible
        if len(text) <= MAX_CELL_CHARS and not _PUNCT_RE.search(text) and text[-1] not in _GOES_ON:
            starts.add(_view_offset(view, line.start))
    return starts


def _indented_paragraphs(view: NormalizedText) -> set[int]:
    """Starts of paragraphs indented with ideographic spaces inside one line (``。\u3000\u3000保护``)."""
    starts: set[int] = set()
    text = view.original
    space = text.find("\u3000")
    while space >= 0:  # the whole layout run around each ideographic space, found from it
        before, after = _LAYOUT_BACK_RE.match(text, 0, space), LAYOUT_RE.match(text, space)
        assert before is not None and after is not None  # the space itself is layout
        start, end = before.start(), after.end()
        if end - start > 1 and start > 0 and text[start - 1] not in _GOES_ON:
            starts.add(_view_offset(view, end))
        space = text.find("\u3000", end)
    return starts


def _one_sentence_a_row(view: NormalizedText, table: Table, starts: set[int]) -> set[int]:
    """Within ``table``, sentences start at rows (and preamble cells), not at every cell."""
    inner = {_view_offset(view, cell.start) for row in table.rows for cell in row.cells[1:]}
    rows = {_view_offset(view, row.cells[0].start) for row in table.rows}
    return (starts - inner) | rows


def sentence_index(starts: list[int], offset: int) -> int:
    """Index of the sentence that holds ``offset``."""
    return bisect.bisect_right(starts, offset) - 1

"""Fast paths of normalize, layout and assembly give exactly what the plain code they replace gives.

As in ``test_fast_paths.py``: each test states the plain version and checks the optimised one
against it on arbitrary text, here drawn from messy residue (every kind of whitespace, control
and format characters, surrogates, any code point).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from govnews_extract import layout
from govnews_extract.chars import LAYOUT_RE, fold, fold_char, fold_text, visible_runs
from govnews_extract.detect import Context
from govnews_extract.detect.registry import DETECTORS, find_multi_type
from govnews_extract.layout import find_tables
from govnews_extract.models import ALL_TYPES
from govnews_extract.normalize import (
    NormalizedText,
    _broken_in_prose,
    _line_or_space,
    _maybe_apart,
    _separator,
    cell_starts,
    normalize,
    repair_ocr_digits,
)

from .strategies import messy_text

# Table residue: cells one a line, separated by blank lines or not, with layout inside.
# fmt: off
_CELL = st.sampled_from([
    "指标", "增长%", "单位：亿元", "个人存款", "12.5", "-3.0", "１２", "1,250", "—", "", "\u200b", "万吨",
    "5%。", "l2",
])
# fmt: on
_BREAK = st.sampled_from(["\n", "\n\t\n", "\r\n", "\n\n", "\n \u3000", "\u2028"])
_TABLE_TEXT = st.lists(st.tuples(_CELL, _BREAK), max_size=30).map(lambda rows: "".join(map("".join, rows)))
_TEXT = st.one_of(messy_text, _TABLE_TEXT)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_visible_runs_lie_between_the_layout_pattern_runs(text: str) -> None:
    bounds = [0, *(i for run in LAYOUT_RE.finditer(text) for i in run.span()), len(text)]
    between = [(start, end) for start, end in zip(bounds[::2], bounds[1::2], strict=True) if start < end]
    assert list(visible_runs(text)) == between


def _plain_find_tables(text: str) -> tuple[layout.Table, ...]:
    """Every block read, without the count of number lines first."""
    tables = (layout._table(layout._cells(block)) for block in layout._blocks(layout.split_lines(text)))
    return tuple(table for table in tables if table is not None)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_find_tables_reads_every_block(text: str) -> None:
    find_tables.cache_clear()
    assert find_tables(text) == _plain_find_tables(text)


def _plain_normalize(text: str) -> NormalizedText:
    """The view built one layout run at a time from the pattern's matches, offsets one by one."""
    folded = repair_ocr_digits(fold_text(text))
    cuts = cell_starts(text)
    out: list[str] = []
    origin: list[int] = []
    pos = 0
    for run in LAYOUT_RE.finditer(folded):
        start, end = run.span()
        if start > pos:
            out.append(folded[pos:start])
            origin.extend(range(pos, start))
        if out and end < len(folded):
            if end in cuts or start in cuts:
                sep = _line_or_space(run[0])
            elif _maybe_apart(folded[start - 1], folded[end]):
                sep = _separator("".join(out)[-5:], folded[end : end + 4], run[0])
                if sep and _broken_in_prose(folded, start, end):
                    sep = ""
            else:
                sep = ""
            if sep:
                out.append(sep)
                origin.append(start)
        pos = end
    out.append(folded[pos:])
    origin.extend(range(pos, len(folded)))
    return NormalizedText("".join(out), tuple(origin), text)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_normalize_is_the_plain_run_by_run_view(text: str) -> None:
    assert normalize(text) == _plain_normalize(text)


def test_views_after_a_longer_text_keep_their_own_offsets() -> None:
    # normalize() slices one shared tuple of offsets, grown to the longest text so far.
    normalize("增长10%。\n" * 5000)
    for text in ["1728.88\n万元", "", " ", "增长 10%", "增长 ３％\u3000"]:
        assert normalize(text) == _plain_normalize(text)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_lines_of_words_are_the_lines_one_by_one(text: str) -> None:
    folded = fold_text(text)
    fast = layout._lines_of_words(folded)
    if all(ch.isspace() or ch.isprintable() for ch in folded):
        assert fast == layout._lines_one_by_one(folded)
    else:
        assert fast is None


def test_candidate_fields_never_hold_the_keys_build_sets(fixture_articles: list[Path]) -> None:
    # build() copies the fields with dict(fields, start=…, …): the same record as a literal
    # with the fields last only while no detector puts these keys in its fields.
    own = {"start", "end", "text", "sentence", "rule"}
    context = Context(published=dt.date(2024, 1, 1))
    for path in fixture_articles:
        view = normalize(path.read_text(encoding="utf-8-sig"))
        candidates = [c for detect in DETECTORS.values() for c in detect(view, context)]
        candidates += find_multi_type(ALL_TYPES, view, context)
        assert candidates
        assert not [c for c in candidates if own & set(c.fields)]


def test_fold_folds_every_foldable_character_once() -> None:
    # fold() replaces each distinct character once and searches on past it: right only while
    # no character folds to one that folds again.
    foldable = [chr(c) for c in [*range(0xFF01, 0xFF5F), 0x3000, *range(0xFE50, 0xFE6C)]]
    assert all(fold_char(fold_char(ch)) == fold_char(ch) for ch in foldable)
    text = "".join(foldable) * 3
    assert fold(text) == "".join(map(fold_char, text))

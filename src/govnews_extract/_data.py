"""Package data loaders: word lists live in ``data/``, loaded once on first use."""

from __future__ import annotations

import functools
from importlib import resources

from .errors import DataFileError


def _lines(relpath: str) -> list[tuple[int, str]]:
    path = resources.files("govnews_extract").joinpath("data", *relpath.split("/"))
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataFileError(relpath, 0, "file not found") from exc
    return [
        (no, line.rstrip("\n"))
        for no, line in enumerate(raw.splitlines(), 1)
        if line.strip() and not line.lstrip().startswith("#")
    ]


@functools.cache
def load_table(relpath: str, columns: int) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated data file, each with exactly ``columns`` fields.

    >>> ("万元", "10000") in load_table("lexicons/currencies.tsv", 2)
    False
    >>> ("美元", "USD") in load_table("lexicons/currencies.tsv", 2)
    True
    """
    rows = []
    for no, line in _lines(relpath):
        fields = tuple(line.split("\t"))
        if len(fields) != columns:
            raise DataFileError(relpath, no, f"expected {columns} tab-separated fields, got {len(fields)}")
        rows.append(fields)
    return tuple(rows)


@functools.cache
def load_lexicon(relpath: str) -> tuple[str, ...]:
    """Entries of a one-entry-a-line data file, in file order."""
    return tuple(line.strip() for _, line in _lines(relpath))

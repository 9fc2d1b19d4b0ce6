"""The relational layout of batch output, read from the shipped ``schema.sql``.

``schema.sql`` is the single source of truth: the database sinks execute it (adapted to their
dialect) and the Parquet and row builders take their column lists from it.

>>> [name for name, _ in columns("articles")][:4]
['doc_id', 'source', 'digest', 'status']
>>> dict(columns("mentions"))["value"]
'NUMERIC'
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Literal

import regex

Dialect = Literal["postgres", "sqlite", "duckdb"]

_TABLE_RE = regex.compile(r"CREATE TABLE IF NOT EXISTS (\w+) \((.*?)\n\);", regex.DOTALL)
_COLUMN_RE = regex.compile(r'^\s+"?(\w+)"?\s+(TEXT|NUMERIC|DATE|INTEGER|BOOLEAN)\b', regex.MULTILINE)

# NOTE: keep in sync with the header comment of schema.sql.
_TYPE_MAP: dict[Dialect, dict[str, str]] = {
    "postgres": {},
    "sqlite": {"NUMERIC": "TEXT", "DATE": "TEXT", "BOOLEAN": "INTEGER"},
    "duckdb": {"NUMERIC": "VARCHAR"},
}


@functools.cache
def schema_sql(dialect: Dialect = "postgres") -> str:
    """The DDL of ``schema.sql`` with column types adapted to ``dialect``."""
    text = resources.files("govnews_extract.batch").joinpath("schema.sql").read_text(encoding="utf-8")
    for generic, local in _TYPE_MAP[dialect].items():
        text = regex.sub(rf"(?<=^\s+\"?\w+\"?\s+){generic}\b", local, text, flags=regex.MULTILINE)
    return text


def statements(dialect: Dialect) -> list[str]:
    """``schema_sql`` split into single statements, comments dropped."""
    lines = [line.split("--", 1)[0].rstrip() for line in schema_sql(dialect).splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


@functools.cache
def columns(table: str) -> tuple[tuple[str, str], ...]:
    """``(name, generic type)`` of each column of ``table``, in declaration order."""
    for match in _TABLE_RE.finditer(schema_sql("postgres")):
        if match.group(1) == table:
            return tuple((m.group(1), m.group(2)) for m in _COLUMN_RE.finditer(match.group(2)))
    raise KeyError(f"schema.sql has no table {table!r}")


def column_names(table: str) -> tuple[str, ...]:
    return tuple(name for name, _ in columns(table))


def quoted(names: tuple[str, ...]) -> str:
    """A column list with every name double-quoted (``end`` is a reserved word)."""
    return ", ".join(f'"{n}"' for n in names)

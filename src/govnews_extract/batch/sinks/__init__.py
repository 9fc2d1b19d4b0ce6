"""Targets, picked by the ``--out`` value: see :func:`open_sink`."""

from __future__ import annotations

from pathlib import Path

from ...errors import GovnewsError
from .base import Sink


class TargetError(GovnewsError):
    """``--out`` names no target we know."""


def target_kind(out: str) -> str:
    """sqlite, duckdb, parquet, jsonl or postgres.

    >>> [target_kind(o) for o in ("r.sqlite", "r.db", "r.duckdb", "r.jsonl", "out/", "postgresql://h/db")]
    ['sqlite', 'sqlite', 'duckdb', 'jsonl', 'parquet', 'postgres']
    """
    lower = out.lower()
    if lower.startswith(("postgresql://", "postgres://")):
        return "postgres"
    suffix = Path(lower).suffix
    kinds = {
        ".sqlite": "sqlite",
        ".sqlite3": "sqlite",
        ".db": "sqlite",
        ".duckdb": "duckdb",
        ".jsonl": "jsonl",
    }
    if suffix in kinds:
        return kinds[suffix]
    if suffix in ("", ".parquet") or lower.endswith("/") or Path(out).is_dir():
        return "parquet"
    raise TargetError(
        f"unknown target {out!r}: use .sqlite/.db, .duckdb, .jsonl, a directory or postgresql://"
    )


def open_sink(out: str) -> Sink:
    """Open (creating the tables if needed) the target ``out`` names."""
    kind = target_kind(out)
    if kind == "postgres":
        from .postgres import PostgresSink

        return PostgresSink(out)
    if kind == "duckdb":
        from .duckdb import DuckDBSink

        return DuckDBSink(out)
    if kind == "parquet":
        from .parquet import ParquetSink

        return ParquetSink(out)
    if kind == "jsonl":
        from .jsonl import JSONLSink

        return JSONLSink(out)
    from .sqlite import SQLiteSink

    return SQLiteSink(out)


__all__ = ["Sink", "TargetError", "open_sink", "target_kind"]

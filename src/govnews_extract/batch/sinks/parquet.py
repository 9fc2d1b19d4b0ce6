"""Parquet target (a directory, the ``parquet`` extra): ``articles/`` and ``mentions/`` datasets.

Each batch writes ``mentions/part-N.parquet`` and then ``articles/part-N.parquet`` (each renamed
into place whole); an articles part is the commit mark of its batch. Rows of a doc_id count from
the newest articles part that holds it, and mentions only from the part of the same number, so a
run killed between the two files or a rerun that changed a document never doubles rows. On close
the parts are compacted into one file per dataset. Decimals are exact strings, as in SQLite.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..process import Result
from ..schema import columns

_PART_RE = re.compile(r"^part-(\d+)\.parquet$")


def _arrow_schema(table: str) -> Any:
    import pyarrow as pa

    types = {"TEXT": pa.string(), "NUMERIC": pa.string(), "DATE": pa.date32(), "INTEGER": pa.int64()}
    types["BOOLEAN"] = pa.bool_()
    return pa.schema([(name, types[kind]) for name, kind in columns(table)])


class ParquetSink:
    def __init__(self, path: str | Path) -> None:
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise ImportError("the Parquet target needs: pip install 'govnews-extract[parquet]'") from None
        self.root = Path(path)
        for table in ("articles", "mentions"):
            (self.root / table).mkdir(parents=True, exist_ok=True)
        self.seq = max((n for t in ("articles", "mentions") for n in self._parts(t)), default=0)
        self.written = False

    def _parts(self, table: str) -> dict[int, Path]:
        found = (_PART_RE.match(p.name) for p in (self.root / table).iterdir())
        return {int(m.group(1)): self.root / table / m.group(0) for m in found if m}

    def _read(self, table: str, names: list[str] | None = None) -> Any:
        """Every part of ``table`` with a ``seq`` column from the file name."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        parts = []
        for seq, path in sorted(self._parts(table).items()):
            part = pq.read_table(path, columns=names, schema=_arrow_schema(table))
            parts.append(part.append_column("seq", pa.array([seq] * part.num_rows, pa.int64())))
        schema = _arrow_schema(table)
        if names:
            schema = pa.schema([schema.field(n) for n in names])
        return (
            pa.concat_tables(parts)
            if parts
            else schema.empty_table().append_column("seq", pa.array([], pa.int64()))
        )

    def _latest_articles(self, names: list[str] | None = None) -> Any:
        table = self._read("articles", names)
        newest = table.group_by("doc_id").aggregate([("seq", "max")]).rename_columns(["doc_id", "seq"])
        return table.join(newest, ["doc_id", "seq"], join_type="inner")

    def stored(self) -> dict[str, str]:
        table = self._latest_articles(["doc_id", "digest"])
        return dict(zip(table["doc_id"].to_pylist(), table["digest"].to_pylist(), strict=True))

    def _write_part(self, table: str, rows: list[dict[str, Any]], seq: int) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = _arrow_schema(table)
        data = pa.Table.from_pylist([_typed(row, schema) for row in rows], schema=schema)
        final = self.root / table / f"part-{seq:06d}.parquet"
        tmp = final.with_name(f".{final.name}.tmp")
        pq.write_table(data, tmp)
        os.replace(tmp, final)

    def write(self, results: Sequence[Result]) -> None:
        self.seq += 1
        self._write_part("mentions", [m for r in results for m in r.mentions], self.seq)
        self._write_part("articles", [r.article for r in results], self.seq)
        self.written = True

    def close(self) -> None:
        if self.written or len(self._parts("articles")) > 1:
            self._compact()

    def _compact(self) -> None:
        """One part per dataset holding the newest rows of every doc_id; older parts removed."""
        import pyarrow.parquet as pq

        old = {t: self._parts(t) for t in ("articles", "mentions")}
        articles = self._latest_articles()
        keep = articles.select(["doc_id", "seq"])
        mentions = self._read("mentions").join(keep, ["doc_id", "seq"], join_type="left semi")
        self.seq += 1
        for table, data in (("mentions", mentions), ("articles", articles)):
            data = data.drop_columns(["seq"]).sort_by([(c, "ascending") for c in _sort_keys(table)])
            final = self.root / table / f"part-{self.seq:06d}.parquet"
            tmp = final.with_name(f".{final.name}.tmp")
            pq.write_table(data.select([n for n, _ in columns(table)]), tmp)
            os.replace(tmp, final)
        for table in ("articles", "mentions"):  # articles first: its parts decide what counts
            for path in old[table].values():
                path.unlink()


def _sort_keys(table: str) -> list[str]:
    return ["doc_id", "idx"] if table == "mentions" else ["doc_id"]


def _typed(row: dict[str, Any], schema: Any) -> dict[str, Any]:
    import datetime as dt

    published = row.get("published")
    if "published" in schema.names and isinstance(published, str):
        return {**row, "published": dt.date.fromisoformat(published)}
    return row

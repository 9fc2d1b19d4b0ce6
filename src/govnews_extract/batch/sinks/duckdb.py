"""DuckDB target (``.duckdb``, the ``duckdb`` extra): one transaction per batch."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..process import Result
from ..schema import column_names, quoted, statements


class DuckDBSink:
    def __init__(self, path: str | Path) -> None:
        try:
            import duckdb
        except ImportError:
            raise ImportError("the DuckDB target needs: pip install 'govnews-extract[duckdb]'") from None
        self.connection = duckdb.connect(str(path))
        for statement in statements("duckdb"):
            self.connection.execute(statement)

    def stored(self) -> dict[str, str]:
        return dict(self.connection.execute("SELECT doc_id, digest FROM articles").fetchall())

    def write(self, results: Sequence[Result]) -> None:
        articles, mentions = column_names("articles"), column_names("mentions")
        con = self.connection
        con.execute("BEGIN TRANSACTION")
        try:
            ids = [r.article["doc_id"] for r in results]
            con.execute("DELETE FROM mentions WHERE list_contains(?, doc_id)", [ids])
            con.execute("DELETE FROM articles WHERE list_contains(?, doc_id)", [ids])
            con.executemany(
                f"INSERT INTO articles ({quoted(articles)}) VALUES ({', '.join('?' * len(articles))})",
                [[r.article[c] for c in articles] for r in results],
            )
            rows = [[m[c] for c in mentions] for r in results for m in r.mentions]
            if rows:
                con.executemany(
                    f"INSERT INTO mentions ({quoted(mentions)}) VALUES ({', '.join('?' * len(mentions))})",
                    rows,
                )
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self.connection.close()

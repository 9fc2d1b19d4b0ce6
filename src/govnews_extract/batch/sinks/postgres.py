"""PostgreSQL target (``postgresql://…``, the ``postgres`` extra, psycopg 3).

Decimals go into NUMERIC columns (exact, arbitrary precision). One transaction per batch.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..process import Result
from ..schema import column_names, quoted, statements


class PostgresSink:
    def __init__(self, dsn: str) -> None:
        try:
            import psycopg
        except ImportError:
            raise ImportError(
                "the PostgreSQL target needs: pip install 'govnews-extract[postgres]'"
            ) from None
        self.connection: Any = psycopg.connect(dsn, autocommit=False)
        with self.connection.transaction():
            # Two runs creating the tables at once would race: serialise on an advisory lock.
            self.connection.execute("SELECT pg_advisory_xact_lock(7243105)")
            for statement in statements("postgres"):
                self.connection.execute(statement)

    def stored(self) -> dict[str, str]:
        with self.connection.transaction():
            return dict(self.connection.execute("SELECT doc_id, digest FROM articles").fetchall())

    def write(self, results: Sequence[Result]) -> None:
        articles, mentions = column_names("articles"), column_names("mentions")
        updates = ", ".join(f'"{c}" = EXCLUDED."{c}"' for c in articles if c != "doc_id")
        with self.connection.transaction(), self.connection.cursor() as cur:
            ids = [r.article["doc_id"] for r in results]
            cur.execute("DELETE FROM mentions WHERE doc_id = ANY(%s)", [ids])
            cur.executemany(
                f"INSERT INTO articles ({quoted(articles)}) VALUES ({', '.join(['%s'] * len(articles))}) "
                f"ON CONFLICT (doc_id) DO UPDATE SET {updates}",
                [tuple(r.article[c] for c in articles) for r in results],
            )
            cur.executemany(
                f"INSERT INTO mentions ({quoted(mentions)}) VALUES ({', '.join(['%s'] * len(mentions))})",
                [tuple(m[c] for c in mentions) for r in results for m in r.mentions],
            )

    def close(self) -> None:
        self.connection.close()

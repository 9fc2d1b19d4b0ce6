"""SQLite target (``.sqlite``/``.db``): the default, standard library only.

WAL journal: each batch is one transaction, so a run killed at any moment leaves whole documents.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from ..process import Result
from ..schema import column_names, quoted, statements


class SQLiteSink:
    def __init__(self, path: str | Path) -> None:
        self.connection = sqlite3.connect(path, isolation_level=None)
        self.connection.execute("PRAGMA journal_mode=WAL")
        self.connection.execute("PRAGMA synchronous=NORMAL")
        for statement in statements("sqlite"):
            self.connection.execute(statement)

    def stored(self) -> dict[str, str]:
        return dict(self.connection.execute("SELECT doc_id, digest FROM articles"))

    def write(self, results: Sequence[Result]) -> None:
        articles, mentions = column_names("articles"), column_names("mentions")
        marks = ", ".join("?" * len(articles))
        cur = self.connection.cursor()
        cur.execute("BEGIN")
        try:
            cur.executemany(
                "DELETE FROM mentions WHERE doc_id = ?", [(r.article["doc_id"],) for r in results]
            )
            cur.executemany(
                f"INSERT OR REPLACE INTO articles ({quoted(articles)}) VALUES ({marks})",
                [tuple(r.article[c] for c in articles) for r in results],
            )
            cur.executemany(
                f"INSERT INTO mentions ({quoted(mentions)}) VALUES ({', '.join('?' * len(mentions))})",
                [tuple(m[c] for c in mentions) for r in results for m in r.mentions],
            )
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self.connection.close()

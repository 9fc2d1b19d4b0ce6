"""Helpers for the batch tests: a small synthetic archive in many formats, and rows read back
from any target in one comparable form."""

from __future__ import annotations

import datetime as dt
import io
import json
import random
import sqlite3
import tarfile
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from govnews_extract.batch.schema import column_names
from govnews_extract.batch.sinks import target_kind

# fmt: off
SIMPLIFIED = [
    "{place}科技局下达科技计划项目经费{money}万元，支持项目{count}项，同比增长{pct}%。",
    "今年以来，{place}新增国家高新技术企业{count}家，高新技术产业投资增长{pct}%，投入资金{money}万元。",
    "{place}统计局发布数据：全年地区生产总值{money}亿元，比上年增长{pct}%，城镇新增就业{count}人。",
]
TRADITIONAL = "{place}經濟發展局公布：上半年協議投資總額{money}億元，同比增長{pct}%，新簽約項目{count}個。"
PLACES = ["青山市", "南岭县", "白云区", "西河县", "东港市"]
PLACES_TRADITIONAL = ["青山市", "南嶺縣", "白雲區", "東港市"]
# fmt: on


def sentence(rng: random.Random, template: str | None = None) -> str:
    values = {
        "place": rng.choice(PLACES_TRADITIONAL if template == TRADITIONAL else PLACES),
        "money": f"{rng.randint(10, 9999)}.{rng.randint(0, 9)}",
        "count": rng.randint(2, 500),
        "pct": f"{rng.randint(1, 60)}.{rng.randint(0, 9)}",
    }
    return (template or rng.choice(SIMPLIFIED)).format(**values)


def article(rng: random.Random, sentences: int = 4) -> str:
    return "\n".join(sentence(rng) for _ in range(sentences))


def write_archive(root: Path, n: int, seed: int = 7) -> int:
    """``n`` good documents in mixed formats and encodings under ``root``; returns how many."""
    rng = random.Random(seed)
    made = 0
    records: list[str] = []
    members: list[tuple[str, bytes]] = []
    for i in range(n):
        kind = i % 8
        day = dt.date(2021, 1, 1) + dt.timedelta(days=i % 300)
        if kind == 0:
            (root / "txt").mkdir(exist_ok=True)
            (root / "txt" / f"{day}_doc{i}.txt").write_text(article(rng), encoding="utf-8")
        elif kind == 1:
            (root / "gbk").mkdir(exist_ok=True)
            (root / "gbk" / f"doc{i}.txt").write_bytes(article(rng).encode("gbk"))
        elif kind == 2:
            (root / "utf16").mkdir(exist_ok=True)
            (root / "utf16" / f"doc{i}.txt").write_bytes(article(rng).encode("utf-16"))
        elif kind == 3:
            (root / "big5").mkdir(exist_ok=True)
            text = "\n".join(sentence(rng, TRADITIONAL) for _ in range(3))
            (root / "big5" / f"doc{i}.txt").write_bytes(text.encode("big5"))
        elif kind == 4:
            (root / "html").mkdir(exist_ok=True)
            body = "".join(f"<p>{sentence(rng)}</p>" for _ in range(3))
            page = f'<html><head><title>通知{i}</title><meta name="PubDate" content="{day}"></head>'
            (root / "html" / f"page{i}.html").write_text(
                f"{page}<body>{body}</body></html>", encoding="utf-8"
            )
        elif kind == 5:
            records.append(
                json.dumps({"id": f"rec-{i}", "date": str(day), "text": article(rng)}, ensure_ascii=False)
            )
        else:
            members.append((f"m/doc{i}.txt", article(rng).encode("utf-8-sig" if kind == 6 else "utf-8")))
        made += 1
    (root / "records.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    half = len(members) // 2
    with zipfile.ZipFile(root / "bundle.zip", "w") as archive:
        for name, data in members[:half]:
            archive.writestr(name, data)
    with tarfile.open(root / "bundle.tar.gz", "w:gz") as archive:
        for name, data in members[half:]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return made


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _sorted(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    return sorted((tuple(_plain(v) for v in row) for row in rows), key=lambda r: (str(r[0]), str(r[1])))


Rows = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]


def read_rows(target: str) -> Rows:
    """``(articles, mentions)`` rows, normalised (decimals and dates as strings) and sorted."""
    articles, mentions = column_names("articles"), column_names("mentions")
    kind = target_kind(target)
    if kind == "jsonl":
        return _jsonl_rows(Path(target))
    if kind == "parquet":
        import pyarrow.parquet as pq

        tables = [pq.read_table(Path(target) / t).to_pylist() for t in ("articles", "mentions")]
        return (
            _sorted([tuple(r[c] for c in articles) for r in tables[0]]),
            _sorted([tuple(r[c] for c in mentions) for r in tables[1]]),
        )
    queries = [
        f"SELECT {', '.join(chr(34) + c + chr(34) for c in cols)} FROM {t}"
        for t, cols in (("articles", articles), ("mentions", mentions))
    ]
    if kind == "sqlite":
        with sqlite3.connect(target) as con:
            return _sorted(con.execute(queries[0]).fetchall()), _sorted(con.execute(queries[1]).fetchall())
    if kind == "duckdb":
        import duckdb

        with duckdb.connect(target, read_only=True) as con:
            return _sorted(con.execute(queries[0]).fetchall()), _sorted(con.execute(queries[1]).fetchall())
    import psycopg

    with psycopg.connect(target) as con:
        return _sorted(con.execute(queries[0]).fetchall()), _sorted(con.execute(queries[1]).fetchall())


def _jsonl_rows(path: Path) -> Rows:
    articles, mentions = column_names("articles"), column_names("mentions")
    arts, ments = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        record["warnings"] = json.dumps(record["warnings"], ensure_ascii=False)
        arts.append(tuple(record.get(c) for c in articles))
        for m in record["mentions"]:
            ments.append(tuple(record["doc_id"] if c == "doc_id" else m.get(c) for c in mentions))
    return _sorted(arts), _sorted(ments)


def reset_postgres(dsn: str, schema: str = "out") -> str:
    """A DSN whose search_path is a fresh, empty schema ``test_<schema>``."""
    import psycopg

    name = f"test_{schema}"
    with psycopg.connect(dsn, autocommit=True) as con:
        con.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")
        con.execute(f"CREATE SCHEMA {name}")
    return f"{dsn}{'&' if '?' in dsn else '?'}options=-csearch_path%3D{name}"

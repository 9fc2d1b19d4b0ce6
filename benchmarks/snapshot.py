"""Snapshot of parse() output, for speed work that must not change a single record.

    python benchmarks/snapshot.py OUT.jsonl [--corpus ../shared/corpus] [--mangled 400]
    cmp OUT.jsonl BEFORE.jsonl   # identical, or the change altered output

Parses, with every type and with the numeric types alone, the dev corpus articles with their
publication dates (when ``../shared`` is present), the bundled fixtures with theirs, and
``--mangled`` windows cut from those texts at seeded random places, with line breaks, spaces,
tabs and ideographic spaces inserted and, in some, digits made full-width. Writes one Article
JSON a line, in a fixed order: run it before and after a change and compare the files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from pathlib import Path

from govnews_extract import parse
from govnews_extract.models import NUMERIC_TYPES

ROOT = Path(__file__).resolve().parent.parent
_BREAKS = ["\n", " ", "\n\n", "\t", "\u3000", "\r\n"]
_FULL_WIDTH = str.maketrans("0123456789%.", "０１２３４５６７８９％．")
Doc = tuple[str, str, dt.date | None]


def _dates(meta: Path) -> dict[str, dt.date]:
    found = {}
    for line in meta.read_text(encoding="utf-8").splitlines():
        record = json.loads(line) if line.strip() else {}
        date = record.get("date")
        if date and len(date) == 10:
            found[record["id"]] = dt.date.fromisoformat(date)
    return found


def _articles(folder: Path) -> list[Doc]:
    if not (folder / "articles").is_dir():
        return []
    published = _dates(folder / "articles.jsonl") if (folder / "articles.jsonl").exists() else {}
    return [
        (p.stem, p.read_text(encoding="utf-8-sig"), published.get(p.stem))
        for p in sorted((folder / "articles").glob("*.txt"))
    ]


def _mangled(docs: list[Doc], count: int, seed: int = 20261128) -> list[Doc]:
    rng = random.Random(seed)
    out: list[Doc] = []
    for i in range(count):
        _, text, published = rng.choice(docs)
        first = rng.randrange(max(1, len(text) - 800))
        chars = list(text[first : first + rng.randint(50, 800)])
        for _ in range(rng.randint(0, 12)):
            chars.insert(rng.randrange(len(chars) + 1), rng.choice(_BREAKS))
        window = "".join(chars)
        if rng.random() < 0.3:
            window = window.translate(_FULL_WIDTH)
        out.append((f"mangled-{i}", window, published))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--mangled", type=int, default=400)
    args = ap.parse_args(argv)
    docs = _articles(args.corpus) + _articles(ROOT / "fixtures")
    docs += _mangled(docs, args.mangled)
    with args.out.open("w", encoding="utf-8") as out:
        for doc_id, text, published in docs:
            for types in (None, list(NUMERIC_TYPES)):
                article = parse(text, doc_id=doc_id, published=published, types=types)
                out.write(article.model_dump_json() + "\n")
    print(f"{len(docs)} documents, {2 * len(docs)} articles written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

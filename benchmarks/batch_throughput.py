"""Batch throughput: documents/s on 1 and 2 workers over a synthetic archive, peak memory per worker.

    python benchmarks/batch_throughput.py [--documents 20000] [--workers 1,2] [--corpus ../shared/corpus]

Builds the archive at run time in a temporary directory (nothing is committed): documents cut
from the dev corpus articles and the bundled fixtures, as .txt in UTF-8 / UTF-8 with BOM / GB18030 /
UTF-16 / Big5 (fixture text), .html pages, .jsonl records and members of .zip and .tar.gz archives,
with about 1% corrupted (empty, binary, undecodable, malformed JSON, truncated). Then runs the batch
into SQLite once per worker count and checks that every count adds up.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import resource
import sqlite3
import sys
import tarfile
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

from govnews_extract.batch import iter_documents, run
from govnews_extract.batch.decode import decode

ROOT = Path(__file__).resolve().parent.parent
# Each corruption makes one failed row; "truncated" (a cut multi-byte character) is ok with a warning.
CORRUPTIONS = ("empty", "binary", "undecodable", "bad_json", "truncated")


def source_texts(corpus: Path) -> list[str]:
    """Corpus articles (read at run time) and every fixture's decoded text."""
    texts = [p.read_text(encoding="utf-8-sig") for p in sorted((corpus / "articles").glob("*.txt"))]
    texts += [d.text or decode(d.data)[0] for d in iter_documents([ROOT / "fixtures"]) if d.kind != "html"]
    return [t for t in texts if t.strip()]


def cut(rng: random.Random, text: str) -> str:
    """A window of 200–3000 characters starting at a line break: a plausible short article."""
    size = rng.randint(200, 3000)
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    start = rng.choice([s for s in starts if s < max(1, len(text) - 100)] or [0])
    return text[start : start + size]


def corrupt(kind: str, rng: random.Random) -> bytes:
    if kind == "empty":
        return b""
    if kind == "binary":
        return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(400)
    if kind == "undecodable":
        return bytes(rng.choice([0x80, 0x81, 0xFE, 0xFF, 0xC0]) for _ in range(300))
    return "资金下达3000万元，同比增长".encode()[:-1]  # truncated in the middle of a character


def build(root: Path, n: int, corpus: Path, seed: int = 2026) -> Counter[str]:
    """Write ``n`` documents under ``root``; returns how many of each expected outcome."""
    rng = random.Random(seed)
    texts = source_texts(corpus)
    big5 = [t for t in texts if _encodable(t, "big5")]
    expected: Counter[str] = Counter()
    records, zipped, tarred = [], [], []
    for i in range(n):
        folder = root / f"d{i // 1000:03d}"
        folder.mkdir(exist_ok=True)
        if i % 100 == 37:  # about 1% corrupted
            kind = CORRUPTIONS[(i // 100) % len(CORRUPTIONS)]
            expected["ok" if kind == "truncated" else "failed"] += 1
            if kind == "bad_json":
                records.append(f'{{"id": "broken-{i}", "text": "未结束的记录')
            else:
                (folder / f"bad{i}.txt").write_bytes(corrupt(kind, rng))
            continue
        expected["ok"] += 1
        text, form = cut(rng, rng.choice(texts)), i % 10
        if form == 0:
            (folder / f"u{i}.txt").write_text(text, encoding="utf-8")
        elif form == 1:
            (folder / f"b{i}.txt").write_text(text, encoding="utf-8-sig")
        elif form == 2:
            (folder / f"g{i}.txt").write_bytes(text.encode("gb18030"))
        elif form == 3:
            (folder / f"w{i}.txt").write_bytes(text.encode("utf-16"))
        elif form == 4 and big5:
            (folder / f"t{i}.txt").write_bytes(cut(rng, rng.choice(big5)).encode("big5"))
        elif form == 5:
            paras = "".join(f"<p>{line}</p>\n" for line in text.splitlines() if line.strip())
            page = f"<html><head><title>文章{i}</title></head><body><div>{paras}</div></body></html>"
            (folder / f"p{i}.html").write_text(page, encoding="utf-8")
        elif form in (6, 7):
            records.append(json.dumps({"id": f"rec-{i}", "text": text}, ensure_ascii=False))
        elif form == 8:
            zipped.append((f"z{i}.txt", text.encode("utf-8")))
        else:
            tarred.append((f"t{i}.txt", text.encode("gb18030")))
    _write_containers(root, records, zipped, tarred)
    return expected


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _write_containers(root: Path, records: list[str], zipped: list, tarred: list) -> None:  # type: ignore[type-arg]
    (root / "records.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    with zipfile.ZipFile(root / "members.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in zipped:
            archive.writestr(name, data)
    with tarfile.open(root / "members.tar.gz", "w:gz") as archive:
        for name, data in tarred:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))


def _cpu_seconds() -> float:
    """CPU time of this process and of its reaped children (the workers, once the pool is shut)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(root: Path, out: Path, workers: int) -> dict[str, object]:
    load_before, cpu_before = os.getloadavg()[0], _cpu_seconds()
    summary = run([root], str(out), workers=workers, batch_size=64)
    cpu = _cpu_seconds() - cpu_before
    with sqlite3.connect(out) as con:
        statuses = dict(con.execute("SELECT status, count(*) FROM articles GROUP BY status").fetchall())
        mentions = con.execute("SELECT count(*) FROM mentions").fetchone()[0]
    return {
        "workers": workers,
        "documents": summary.documents,
        "ok": summary.ok,
        "failed": summary.failed,
        "rows": statuses,
        "mentions": mentions,
        "seconds": round(summary.seconds, 2),
        "documents_per_s": round(summary.documents / summary.seconds, 1),
        "cpu_seconds": round(cpu, 1),
        "documents_per_cpu_s": round(summary.documents / cpu, 1),
        "cpu_share_of_wall": round(cpu / summary.seconds, 2),
        "load_average_before": round(load_before, 2),
        "peak_rss_mb_per_worker": sorted(round(b / 2**20) for b in summary.peak_rss_bytes.values()),
        "adds_up": summary.adds_up,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--documents", type=int, default=20000)
    ap.add_argument("--workers", default="1,2", help="comma list of worker counts")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = ap.parse_args()
    if not (args.corpus / "articles").is_dir():
        print(f"no corpus at {args.corpus}: nothing to benchmark")
        return 0
    with tempfile.TemporaryDirectory(prefix="govnews-bench-") as tmp:
        root = Path(tmp) / "archive"
        root.mkdir()
        expected = build(root, args.documents, args.corpus)
        print(f"archive: {args.documents} documents, expected {dict(expected)}", flush=True)
        results = []
        for workers in (int(w) for w in args.workers.split(",")):
            result = measure(root, Path(tmp) / f"w{workers}.sqlite", workers)
            result["matches_expected"] = (
                result["ok"] == expected["ok"] and result["failed"] == expected["failed"]
            )
            print(json.dumps(result, ensure_ascii=False), flush=True)
            results.append(result)
    first = results[0]
    for result in results[1:]:
        wall = float(str(result["documents_per_s"])) / float(str(first["documents_per_s"]))
        print(f"scaling {result['workers']} vs {first['workers']} workers: {wall:.2f}x wall-clock")
    print("cpu_share_of_wall = CPU seconds the run got per wall second: on a machine shared with other")
    print("jobs it stays under the worker count, and wall-clock scaling then measures the neighbours.")
    return 0 if all(r["adds_up"] and r["matches_expected"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())

"""Throughput of the full parse against jieba segmentation and JioNLP's money extractor.

    python benchmarks/names_throughput.py [--corpus ../shared/corpus] [--repeat 3]

Prints characters per CPU-second (best of ``--repeat``, the process pinned to one core) for:
jieba segmentation alone, JioNLP's money extractor
(``pip install .[bench]``), the full ``parse()`` (every type), and each stage of it
(normalize, each detector, select + build). Falls back to the bundled fixtures when the
shared corpus is absent.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from govnews_extract import assemble, parse
from govnews_extract.detect import Context
from govnews_extract.detect.registry import DETECTORS, MULTI_TYPE_DETECTORS
from govnews_extract.models import NUMERIC_TYPES
from govnews_extract.normalize import normalize

ROOT = Path(__file__).resolve().parent.parent


def _texts(corpus: Path) -> list[str]:
    folder = corpus / "articles" if (corpus / "articles").is_dir() else ROOT / "fixtures" / "articles"
    return [p.read_text(encoding="utf-8-sig") for p in sorted(folder.glob("*.txt"))]


def _best(run: Callable[[], object], repeat: int) -> float:
    run()  # warm-up: loads dictionaries, gazetteers and caches
    times = []
    for _ in range(repeat):
        start = time.process_time()  # CPU time: a busy neighbour does not count against a stage
        run()
        times.append(time.process_time() - start)
    return min(times)


def _row(name: str, seconds: float, chars: int) -> None:
    print(f"{name:<28} {seconds * 1000:9.1f} ms  {chars / seconds / 1000:9.0f} k chars/s")


def _stages(texts: list[str], repeat: int) -> dict[str, float]:
    views = [normalize(t) for t in texts]
    cost = {"normalize": _best(lambda: [normalize(t) for t in texts], repeat)}
    found: dict[str, list[list[Any]]] = {}
    for kind, detect in DETECTORS.items():
        cost[f"detect.{kind}"] = _best(lambda d=detect: [d(v, Context()) for v in views], repeat)  # type: ignore[misc]
        found[kind] = [detect(v, Context()) for v in views]
    for name, (_, detect) in MULTI_TYPE_DETECTORS.items():
        cost[f"detect.{name}"] = _best(lambda d=detect: [d(v, Context()) for v in views], repeat)  # type: ignore[misc]
        found[name] = [detect(v, Context()) for v in views]
    per_doc = [[c for cands in found.values() for c in cands[i]] for i in range(len(views))]
    cost["select + build"] = _best(
        lambda: [assemble.build(assemble.select(c), v) for c, v in zip(per_doc, views, strict=True)], repeat
    )
    return cost


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    texts = _texts(args.corpus)
    chars = sum(map(len, texts))
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    print(f"{len(texts)} texts, {chars} characters; best of {args.repeat}, CPU time on one core")
    import jieba

    jieba.setLogLevel(60)
    baseline = {"jieba segmentation": _best(lambda: [jieba.lcut(t) for t in texts], args.repeat)}
    try:
        from jionlp.algorithm.ner.money_extractor import MoneyExtractor

        money = MoneyExtractor()
        baseline["jionlp money extractor"] = _best(lambda: [money(t) for t in texts], args.repeat)
    except ImportError:
        print("(jionlp not installed: pip install .[bench])")
    full = _best(lambda: [parse(t) for t in texts], args.repeat)
    for name, seconds in baseline.items():
        _row(name, seconds, chars)
    _row("parse() all types", full, chars)
    print("stages of parse():")
    stages = _stages(texts, args.repeat)
    for name, seconds in stages.items():
        _row("  " + name, seconds, chars)
    ok = full <= baseline["jieba segmentation"]
    ok = ok and ("jionlp money extractor" not in baseline or full <= 2 * baseline["jionlp money extractor"])
    print("throughput target met" if ok else "throughput target NOT met")
    # The detectors share one place scan per text, so time them together, as parse() runs them.
    names = _best(
        lambda: [parse(t, types=["programme", "org", "place", "person"]) for t in texts], args.repeat
    )
    numbers = _best(lambda: [parse(t, types=list(NUMERIC_TYPES)) for t in texts], args.repeat)
    _row("parse() names only", names, chars)
    _row("parse() numbers only", numbers, chars)
    return 0


if __name__ == "__main__":
    sys.exit(main())

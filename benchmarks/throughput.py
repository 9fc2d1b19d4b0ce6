"""Speed and memory: parse throughput against JioNLP's money extractor, start-up time, peak memory.

    python benchmarks/throughput.py [--corpus ../shared/corpus] [--seconds 5] [--no-jionlp] [--json out.json]

Texts: the articles of the shared dev corpus (skipped with a note when absent, as in a fresh
clone) plus the bundled ``fixtures/``. Everything runs on one core (the process is pinned).

- throughput: characters per CPU-second of ``parse(text, types=<the numeric types>)`` and, in the
  same process on the same texts, of JioNLP's ``extract_money`` (extra ``bench``); the two are
  timed in alternating rounds so that a noisy neighbour slows both alike. Ratio = ours / JioNLP.
- start-up: ``import govnews_extract`` + the first parse, in a fresh interpreter (median of 3).
- memory: peak resident set size (``ru_maxrss``) and peak traced Python allocations
  (``tracemalloc``) of a fresh interpreter that imports the package and parses every text.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NUMERIC = ["money", "percent", "multiple", "count", "quantity", "date"]

# Run in a fresh interpreter: time from before the import to after the first parse.
_STARTUP = """
import json, sys, time
t0 = time.perf_counter()
from govnews_extract import parse
t1 = time.perf_counter()
parse(sys.argv[1], types={types!r})
t2 = time.perf_counter()
print(json.dumps({{"import": t1 - t0, "first_parse": t2 - t1}}))
"""
# Run in a fresh interpreter: parse every file named on the command line, report peaks.
_MEMORY = """
import json, resource, sys, tracemalloc
from pathlib import Path
tracemalloc.start()
from govnews_extract import parse
for name in sys.argv[1:]:
    parse(Path(name).read_text(encoding="utf-8-sig"), types={types!r})
print(json.dumps({{"traced_peak": tracemalloc.get_traced_memory()[1],
                  "max_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}}))
"""


def find_texts(corpus: Path) -> tuple[list[Path], str]:
    """Corpus articles (when present) and fixtures, with a note on what was found."""
    fixtures = sorted((ROOT / "fixtures" / "articles").glob("*.txt"))
    articles = sorted((corpus / "articles").glob("*.txt")) if (corpus / "articles").is_dir() else []
    note = f"{len(articles)} corpus articles" if articles else f"no corpus at {corpus} (skipped)"
    return articles + fixtures, f"{note} + {len(fixtures)} fixtures"


def pin_to_one_core() -> str:
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity)"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


def jionlp_money() -> Callable[[str], Any] | None:
    """JioNLP's money extractor, or None when the ``bench`` extra is not installed."""
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # it prints a banner on import
            import jionlp
    except ImportError:
        return None
    extract: Callable[[str], Any] = jionlp.ner.extract_money
    return extract


def measure(runners: dict[str, Callable[[str], Any]], texts: list[str], seconds: float) -> dict[str, float]:
    """CPU seconds per runner over whole passes of ``texts``, alternating runners every pass."""
    for run in runners.values():  # warm up: data files, compiled patterns, lazy models
        for text in texts:
            run(text)
    spent = dict.fromkeys(runners, 0.0)
    passes = 0
    while passes == 0 or sum(spent.values()) < seconds:
        for name, run in runners.items():
            start = time.process_time()
            for text in texts:
                run(text)
            spent[name] += time.process_time() - start
        passes += 1
    return {name: passes * sum(map(len, texts)) / max(cpu, 1e-9) for name, cpu in spent.items()}


def fresh_interpreter(code: str, args: list[str]) -> dict[str, float]:
    """Run ``code`` in a new interpreter that imports the same package as this one."""
    import govnews_extract

    env = dict(os.environ, PYTHONPATH=str(Path(govnews_extract.__file__).resolve().parent.parent))
    out = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=True
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def startup(sample: str) -> dict[str, float]:
    runs = [fresh_interpreter(_STARTUP.format(types=NUMERIC), [sample]) for _ in range(3)]
    return {key: statistics.median(r[key] for r in runs) for key in runs[0]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--seconds", type=float, default=5.0, help="CPU seconds to spend on throughput")
    ap.add_argument("--no-jionlp", action="store_true", help="skip the JioNLP comparison")
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args(argv)

    from govnews_extract import parse

    paths, note = find_texts(args.corpus)
    texts = [p.read_text(encoding="utf-8-sig") for p in paths]
    results: dict[str, Any] = {"texts": note, "characters": sum(map(len, texts)), "cpu": pin_to_one_core()}
    runners: dict[str, Callable[[str], Any]] = {"govnews_extract": lambda t: parse(t, types=NUMERIC)}
    extract = None if args.no_jionlp else jionlp_money()
    if extract is not None:
        runners["jionlp.extract_money"] = extract
    results["chars_per_second"] = measure(runners, texts, args.seconds)
    if extract is not None:
        speeds = results["chars_per_second"]
        results["ratio"] = speeds["govnews_extract"] / speeds["jionlp.extract_money"]
    results["startup_seconds"] = startup(texts[-1])
    results["memory_bytes"] = fresh_interpreter(_MEMORY.format(types=NUMERIC), [str(p) for p in paths])
    report(results, jionlp_missing=extract is None and not args.no_jionlp)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


def report(results: dict[str, Any], *, jionlp_missing: bool) -> None:
    print(f"texts: {results['texts']}, {results['characters']:,} characters; {results['cpu']}")
    for name, speed in results["chars_per_second"].items():
        print(f"  {name:<22} {speed:>12,.0f} characters / CPU-second")
    if "ratio" in results:
        print(f"  ratio (govnews_extract / jionlp.extract_money): {results['ratio']:.2f}")
    elif jionlp_missing:
        print("  jionlp not installed (pip install -e '.[bench]'): no comparison")
    start = results["startup_seconds"]
    total = start["import"] + start["first_parse"]
    print(f"  import {start['import']:.3f}s + first parse {start['first_parse']:.3f}s = {total:.3f}s")
    mem = results["memory_bytes"]
    rss, traced = mem["max_rss"] / 2**20, mem["traced_peak"] / 2**20
    print(f"  peak RSS {rss:.1f} MB, peak traced allocations {traced:.1f} MB")


if __name__ == "__main__":
    sys.exit(main())

"""Is a change faster? The numeric parse of this tree against a git revision, in one process.

    python benchmarks/compare.py [REVISION=main] [--corpus ../shared/corpus] [--rounds 20]
    python benchmarks/compare.py main --instructions      # needs valgrind

The package as of ``REVISION`` is exported (``git archive``) under another name and imported
next to this tree's, so both parse the same texts (the corpus articles when present, and the
fixtures) in alternating rounds on one pinned core: a busy machine slows both alike. Printed:
the median over rounds of base time / new time (above 1: this tree is faster) with its
quartiles, and both throughputs.

On a shared machine even that ratio wanders by a few percent. ``--instructions`` counts
instead the machine instructions of one pass of each (``valgrind --tool=cachegrind``, one
pass subtracted from three, so that start-up and first-call work drop out): a count that does
not depend on the neighbours, to tell a 2 % change from noise. Instructions are not time
(a regex engine and the interpreter retire them at different rates): confirm with the ratio.
"""

from __future__ import annotations

import argparse
import importlib
import io
import os
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NUMERIC = ["money", "percent", "multiple", "count", "quantity", "date"]
BASE_NAME = "govnews_base"

# One pass over the texts named on the command line, ``sys.argv[2]`` times, for cachegrind.
_PASSES = """
import sys
from pathlib import Path
from {package} import parse
texts = [Path(p).read_text(encoding="utf-8-sig") for p in sys.argv[3:]]
for _ in range(int(sys.argv[2])):
    for text in texts:
        parse(text, types={types!r})
"""


def find_texts(corpus: Path) -> list[Path]:
    articles = sorted((corpus / "articles").glob("*.txt")) if (corpus / "articles").is_dir() else []
    return articles + sorted((ROOT / "fixtures" / "articles").glob("*.txt"))


def export_revision(revision: str, into: Path) -> Path:
    """The package of ``revision``, renamed ``govnews_base``, under ``into`` (put on sys.path)."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", revision, "src/govnews_extract"],
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        if hasattr(tarfile, "data_filter"):  # Python 3.11.4 and later
            tar.extractall(into, filter="data")
        else:  # our own archive of our own repository
            tar.extractall(into)
    package = into / BASE_NAME
    shutil.move(into / "src" / "govnews_extract", package)
    for source in package.rglob("*.py"):  # package data is looked up by the package's name
        text = source.read_text(encoding="utf-8")
        renamed = re.sub(r'files\("govnews_extract', f'files("{BASE_NAME}', text)
        if renamed != text:
            source.write_text(renamed, encoding="utf-8")
    return into


def pin_to_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def ratio_of_rounds(parsers: dict[str, Callable[..., Any]], texts: list[str], rounds: int) -> dict[str, Any]:
    """CPU seconds of each parser per round, alternating which goes first."""
    for parse in parsers.values():  # warm up: data files, compiled patterns
        for text in texts:
            parse(text, types=NUMERIC)
    spent: dict[str, list[float]] = {name: [] for name in parsers}
    names = list(parsers)
    for i in range(rounds):
        for name in names if i % 2 == 0 else names[::-1]:
            start = time.process_time()
            for text in texts:
                parsers[name](text, types=NUMERIC)
            spent[name].append(time.process_time() - start)
    ratios = sorted(b / n for b, n in zip(spent["base"], spent["new"], strict=True))
    characters = sum(map(len, texts))
    return {
        "ratio": statistics.median(ratios),
        "quartiles": (ratios[len(ratios) // 4], ratios[(3 * len(ratios)) // 4]),
        "chars_per_second": {name: characters / statistics.median(s) for name, s in spent.items()},
    }


def instructions_per_pass(package: str, path_entry: Path, texts: list[Path]) -> int:
    """Machine instructions of one pass of ``package``'s numeric parse over ``texts``."""

    def count(passes: int) -> int:
        code = _PASSES.format(package=package, types=NUMERIC)
        command = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
        command += [sys.executable, "-c", code, "-", str(passes), *map(str, texts)]
        env = dict(os.environ, PYTHONPATH=str(path_entry))
        out = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stderr
        found = re.search(r"I\s+refs:\s+([\d,]+)", out)
        if found is None:
            raise RuntimeError(f"no instruction count in valgrind's output:\n{out[-2000:]}")
        return int(found[1].replace(",", ""))

    return (count(3) - count(1)) // 2


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("revision", nargs="?", default="main", help="git revision to compare with (default main)")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--rounds", type=int, default=20, help="alternating rounds (default 20)")
    ap.add_argument("--instructions", action="store_true", help="count instructions with valgrind instead")
    args = ap.parse_args(argv)

    paths = find_texts(args.corpus)
    with tempfile.TemporaryDirectory() as tmp:
        try:
            base_dir = export_revision(args.revision, Path(tmp))
        except (OSError, subprocess.CalledProcessError) as error:
            print(f"cannot export {args.revision!r} with git archive (a git checkout is needed): {error}")
            return 2
        print(f"{len(paths)} texts; base {args.revision} against this tree ({ROOT})")
        if args.instructions:
            if shutil.which("valgrind") is None:
                print("valgrind is not installed: --instructions needs it")
                return 2
            base = instructions_per_pass(BASE_NAME, base_dir, paths)
            new = instructions_per_pass("govnews_extract", ROOT / "src", paths)
            print(f"  instructions per pass: base {base:,}  new {new:,}  new/base {new / base:.3f}")
            return 0
        sys.path.insert(0, str(base_dir))
        parse_base = importlib.import_module(BASE_NAME).parse
        from govnews_extract import parse as parse_new

        pin_to_one_core()
        texts = [p.read_text(encoding="utf-8-sig") for p in paths]
        result = ratio_of_rounds({"base": parse_base, "new": parse_new}, texts, max(args.rounds, 1))
    low, high = result["quartiles"]
    speeds = result["chars_per_second"]
    print(f"  base time / new time: {result['ratio']:.3f} (quartiles {low:.3f}-{high:.3f})")
    print(f"  base {speeds['base']:,.0f}, new {speeds['new']:,.0f} characters / CPU-second")
    return 0


if __name__ == "__main__":
    sys.exit(main())

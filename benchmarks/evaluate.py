"""Accuracy on the shared dev corpus: parse every article, then run the shared scorer.

    python benchmarks/evaluate.py [--corpus ../shared/corpus] [--errors] [--types money,percent]
    python benchmarks/evaluate.py --corpus fixtures      # the held-out set the project ships

A corpus is a folder with ``articles/*.txt``, ``gold/*.jsonl`` and ``articles.jsonl``.
``fixtures/`` holds articles written for this project and annotated by hand before the
library ran on them, so its figures are not tuned to (unlike the shared dev corpus).
The scoring tools always come from ``../shared/tools`` (``--tools`` to change).
Writes the predictions to ``build/pred.jsonl`` (``build/pred-<name>.jsonl`` for another
corpus). Exits 0 with a message when the corpus or the tools are absent (a fresh clone has
no ../shared).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
SHARED_TOOLS = ROOT.parent / "shared" / "tools"


def prediction_file(corpus: Path) -> Path:
    """``build/pred.jsonl`` for the shared corpus, ``build/pred-<name>.jsonl`` for another."""
    if corpus.resolve() == SHARED_CORPUS.resolve():
        return ROOT / "build" / "pred.jsonl"
    return ROOT / "build" / f"pred-{corpus.resolve().name}.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=SHARED_CORPUS)
    ap.add_argument("--errors", action="store_true", help="list every miss and false alarm")
    ap.add_argument("--types", default="", help="comma list of types to score")
    ap.add_argument("--tools", type=Path, default=SHARED_TOOLS, help="the shared scoring tools")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    args = ap.parse_args()
    tools = args.tools
    if not args.corpus.is_absolute() and not args.corpus.exists() and (ROOT / args.corpus).exists():
        args.corpus = ROOT / args.corpus  # `--corpus fixtures` from any working directory
    if not (args.corpus / "articles").is_dir() or not (tools / "score.py").is_file():
        print(f"no corpus at {args.corpus} or no scorer in {tools}: nothing to evaluate")
        return 0
    pred = prediction_file(args.corpus)
    pred.parent.mkdir(exist_ok=True)
    meta = args.corpus / "articles.jsonl"
    subprocess.run([sys.executable, tools / "parse_corpus.py", args.corpus, meta, pred], check=True)
    score = [sys.executable, tools / "score.py", "--corpus", args.corpus, "--pred", pred]
    score += ["--errors"] if args.errors else []
    score += ["--types", args.types] if args.types else []
    score += ["--json", args.json] if args.json else []
    return subprocess.run(score, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())

"""Accuracy on the shared dev corpus: parse every article, then run the shared scorer.

    python benchmarks/evaluate.py [--corpus ../shared/corpus] [--errors] [--types money,percent]

Writes the predictions to ``build/pred.jsonl``. Exits 0 with a message when the corpus is
absent (a fresh clone has no ../shared).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--errors", action="store_true", help="list every miss and false alarm")
    ap.add_argument("--types", default="", help="comma list of types to score")
    args = ap.parse_args()
    tools = args.corpus.parent / "tools"
    if not (args.corpus / "articles").is_dir() or not (tools / "score.py").is_file():
        print(f"no corpus at {args.corpus}: nothing to evaluate")
        return 0
    pred = ROOT / "build" / "pred.jsonl"
    pred.parent.mkdir(exist_ok=True)
    meta = args.corpus / "articles.jsonl"
    subprocess.run([sys.executable, tools / "parse_corpus.py", args.corpus, meta, pred], check=True)
    score = [sys.executable, tools / "score.py", "--corpus", args.corpus, "--pred", pred]
    score += ["--errors"] if args.errors else []
    score += ["--types", args.types] if args.types else []
    return subprocess.run(score, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())

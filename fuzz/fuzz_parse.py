"""Coverage-guided fuzzing of ``parse()`` with atheris (not part of the test run).

    pip install -e ".[fuzz]"
    mkdir -p build/fuzz-corpus
    python fuzz/fuzz_parse.py build/fuzz-corpus fuzz/seeds -dict=fuzz/govnews.dict -max_total_time=300

Any exception, or a mention that breaks an invariant (offsets inside the text, ``text`` equal
to the layout-free original slice, Decimal values, disjoint numeric spans), is a crash: libFuzzer
writes the input to ``crash-*``. Turn each one into a row of ``tests/test_regressions.py``.

The first input byte picks how the rest becomes text: as UTF-8 (bad bytes become lone
surrogates), as arbitrary code points, or as a sequence of the fragments the property tests
use (numerals, units, qualifiers, noise), so that mutations reach deep into the detectors.

    python fuzz/fuzz_parse.py --replay build/fuzz-corpus   # re-run a corpus without atheris
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the tests package: the same fragments and invariants as the tests
TYPE_SETS = (None, ["money"], ["percent"], ["count", "quantity"], ["date"], ["money", "percent", "date"])


class _Reader:
    """A tiny stand-in for atheris.FuzzedDataProvider, so ``--replay`` needs no atheris."""

    def __init__(self, data: bytes) -> None:
        self.data, self.pos = data, 0

    def byte(self) -> int:
        self.pos += 1
        return self.data[self.pos - 1] if self.pos <= len(self.data) else 0

    def rest(self) -> bytes:
        return self.data[self.pos :]


def text_of(reader: _Reader) -> str:
    """The input text, decoded one of three ways according to the first byte."""
    from tests.strategies import FRAGMENTS

    mode = reader.byte() % 3
    rest = reader.rest()
    if mode == 0:
        return rest.decode("utf-8", "surrogateescape")
    if mode == 1:
        return "".join(
            chr(int.from_bytes(rest[i : i + 3], "little") % 0x110000) for i in range(0, len(rest), 3)
        )
    return "".join(FRAGMENTS[b % len(FRAGMENTS)] for b in rest)


def test_one_input(data: bytes) -> None:
    # Imported here, not at the top, so that main() can instrument the package first.
    from tests.invariants import check_article

    from govnews_extract import parse

    reader = _Reader(data)
    types = TYPE_SETS[reader.byte() % len(TYPE_SETS)]
    published = "2020-06-01" if reader.byte() % 2 else None
    text = text_of(reader)
    article = parse(text, published=published, types=types)
    check_article(article)
    if types is not None:
        assert {m.type for m in article.mentions} <= set(types), article.mentions


def replay(directory: Path) -> int:
    files = sorted(p for p in directory.rglob("*") if p.is_file())
    for path in files:
        test_one_input(path.read_bytes())
    print(f"replayed {len(files)} inputs from {directory} without error")
    return 0


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--replay":
        return replay(Path(sys.argv[2]))
    import atheris

    with atheris.instrument_imports(include=["govnews_extract"]):
        import tests.invariants  # noqa: F401

        import govnews_extract.pipeline  # noqa: F401  (instrumented for coverage feedback)
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main())

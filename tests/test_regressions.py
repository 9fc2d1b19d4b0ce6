"""Every crash or hang found by the property tests, the fuzzer or the timing tests: one row each."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest

from govnews_extract import parse
from govnews_extract.assemble import select
from govnews_extract.detect import Candidate
from govnews_extract.resolve.numerals import parse_number

from .invariants import check_article

# fmt: off
CRASHED = [
    # (text, how it failed before the fix)
    ("1" * 30 + "元", "decimal.InvalidOperation: 30 digits exceed the 28-digit Decimal context"),
    ("发放" + "9" * 29 + "万元", "decimal.InvalidOperation from tidy() after silent rounding"),
    ("1亿亿亿亿亿元", "decimal.InvalidOperation: 10**40 cannot be quantized to an integer"),
    ("增长" + "1" * 40 + "%", "decimal.InvalidOperation in the percent detector"),
]
FOUND_BY_FUZZING = [
    # (text, how it failed): crash files of fuzz/fuzz_parse.py, shortened by hand
    ("3百分之20202020两两两两2020202020202020202020202020",
     "decimal.InvalidOperation: N分之M rounded to 0.01 needed more than 28 digits"),
]
HUNG = [
    # (text, how slow it was before the fix)
    ("1" * 20_000, "18 s: (\\d+)* re-split the run of digits on every backtrack"),
    ("万" * 20_000, "180 s: a numeral was tried from every position inside the run"),
    ("三" * 20_000, "quadratic: the same, for every Chinese numeral character"),
    ("三1" * 10_000, "quadratic: the same, for Arabic digits between Chinese numerals"),
    ("1" + ",000" * 5_000, "quadratic: every thousands group started a new number"),
    ("万" * 20_000 + "1" * 20_000, "quadratic: money/percent zones were scanned from inside a run"),
    ("1-" * 10_000, "quadratic: the count/quantity look-ahead read the whole list from every number"),
]
UNRESOLVABLE = ["9" * 29, "1" * 20 + "." + "1" * 20, "1" * 31 + "万", "1亿亿亿亿亿"]
# fmt: on


@pytest.mark.parametrize(("text", "before"), CRASHED, ids=[c[1] for c in CRASHED])
def test_crash_is_fixed(text: str, before: str) -> None:
    article = parse(text)
    check_article(article)
    assert article.mentions == []  # no exact value exists, so no figure is claimed


@pytest.mark.parametrize(("text", "before"), FOUND_BY_FUZZING, ids=[f[1] for f in FOUND_BY_FUZZING])
def test_fuzzing_crash_is_fixed(text: str, before: str) -> None:
    check_article(parse(text))


@pytest.mark.parametrize(("text", "before"), HUNG, ids=[h[1] for h in HUNG])
def test_hang_is_fixed(text: str, before: str) -> None:
    start = time.process_time()
    check_article(parse(text))
    assert time.process_time() - start < 3.0


@pytest.mark.parametrize("numeral", UNRESOLVABLE, ids=[n[:12] for n in UNRESOLVABLE])
def test_numerals_beyond_exact_decimals_are_unresolvable(numeral: str) -> None:
    assert parse_number(numeral) is None


# fmt: off
FOUND_BY_PROPERTIES = [
    # (text, the mention that must be found): each once broke a property test
    ("会议强调“加快发展。新建8家企业”", "8家"),  # a quote across a sentence end was taken for a name
]
# fmt: on


@pytest.mark.parametrize(("text", "mention"), FOUND_BY_PROPERTIES, ids=[f[0] for f in FOUND_BY_PROPERTIES])
def test_found_by_properties(text: str, mention: str) -> None:
    article = parse(text)
    check_article(article)
    assert mention in [m.text for m in article.mentions]


def test_largest_exact_numeral_still_resolves() -> None:
    assert parse_number("9" * 28) == Decimal("9" * 28)
    assert parse(f"投资{'9' * 20}元").money[0].value == Decimal("9" * 20)


def test_numbers_next_to_long_runs_are_still_found() -> None:
    article = parse("万" * 5000 + "，投资3亿元，" + "1" * 5000 + "。增长" + "三" * 3000 + "，约5%")
    assert [m.text for m in article.mentions] == ["3亿元", "约5%"]


def test_select_is_not_quadratic() -> None:
    # It compared each candidate with every one kept so far: 20,000 figures took ~20 s.
    cands = [Candidate("percent", i, i + 2, "percent.x", priority=9) for i in range(0, 60_000, 3)]
    start = time.process_time()
    assert len(select(cands)) == len(cands)
    assert time.process_time() - start < 1.0


# fmt: off
SELECT_CASES = [
    # (candidates as (type, start, end, priority), kept as (type, start, end))
    ([("count", 0, 3, 5), ("money", 0, 5, 10)], [("money", 0, 5)]),
    ([("count", 0, 5, 5), ("money", 0, 5, 10)], [("money", 0, 5)]),
    ([("percent", 2, 4, 9), ("money", 0, 3, 10), ("count", 3, 6, 5)], [("money", 0, 3), ("count", 3, 6)]),
    ([("programme", 0, 8, 0), ("count", 0, 2, 5), ("org", 6, 9, 0)], [("count", 0, 2), ("programme", 0, 8)]),
    ([("money", 4, 6, 10), ("money", 0, 2, 10), ("money", 2, 4, 10)],
     [("money", 0, 2), ("money", 2, 4), ("money", 4, 6)]),
]
# fmt: on


@pytest.mark.parametrize(("given", "kept"), SELECT_CASES)
def test_select_keeps_longest_then_highest_priority(
    given: list[tuple[str, int, int, int]], kept: list[tuple[str, int, int]]
) -> None:
    cands = [Candidate(t, s, e, f"{t}.x", priority=p) for t, s, e, p in given]  # type: ignore[arg-type]
    assert [(c.type, c.start, c.end) for c in select(cands)] == kept

"""Fast paths give exactly what the plain code they replace gives.

Each test states the plain version (a scan that tries every position, a pairwise overlap
check, a per-character translation) and checks the optimised one against it on arbitrary
text drawn from the characters that matter.
"""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from govnews_extract.assemble import select
from govnews_extract.chars import fold, fold_char
from govnews_extract.detect import Candidate, count, quantity
from govnews_extract.detect._amounts import approx_before
from govnews_extract.detect._common import approx_words
from govnews_extract.detect.dates import _start_re, date_words

# Characters of dates, numbers, qualifiers and layout, plus some plain text.
_ALPHABET = "".join(
    sorted(
        set(
            "0123456789一二三四五六七八九十两〇○零百千万亿年月日号季度半上下前第首末底初份至到-—~，。、和与比较以来"
        )
        | {ch for word in date_words() for ch in word}
        | {ch for word in approx_words()["before"] for ch in word}
        | set("的是在工作会议４％\u3000\n ﹪．")
        | set("个家项名人次亩吨公里平方米千克瓦时度用户人口农村余多")
    )
)
_TEXT = st.text(alphabet=_ALPHABET, max_size=40)


def _plain_start_re() -> regex.Pattern[str]:
    """The date start pattern without its first-character check."""
    pattern = _start_re().pattern
    guard = regex.search(r"\(\?=\[[^\]]*\]\)", pattern)
    assert guard is not None
    return regex.compile(pattern[: guard.start()] + pattern[guard.end() :], _start_re().flags)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_date_start_check_keeps_every_match(text: str) -> None:
    plain = _plain_start_re()
    for pos in range(len(text) + 1):
        fast, slow = _start_re().search(text, pos), plain.search(text, pos)
        assert (fast and (fast.span(), fast.groupdict())) == (slow and (slow.span(), slow.groupdict()))


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_approx_before_is_the_longest_word_before(text: str) -> None:
    words = sorted(approx_words()["before"], key=lambda w: (-len(w), w))
    for start in range(len(text) + 1):
        expected = next((w for w in words if text.endswith(w, 0, start)), None)
        assert approx_before(text, start) == expected


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_fold_is_fold_char_on_every_character(text: str) -> None:
    assert fold(text) == "".join(fold_char(ch) for ch in text)


def _plain_select(candidates: list[Candidate]) -> list[Candidate]:
    kept: list[Candidate] = []
    ranked = sorted(candidates, key=lambda c: (-(c.end - c.start), -c.priority, c.start))
    for cand in ranked:
        names = cand.type in ("programme", "org", "place", "person")
        group = [k for k in kept if (k.type in ("programme", "org", "place", "person")) == names]
        if not any(cand.start < k.end and k.start < cand.end for k in group):
            kept.append(cand)
    return sorted(kept, key=lambda c: (c.start, c.end))


_SPAN = st.tuples(
    st.integers(0, 30), st.integers(0, 8), st.integers(0, 12), st.sampled_from(["money", "count", "org"])
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_SPAN, max_size=25))
def test_select_matches_the_pairwise_overlap_check(spans: list[tuple[int, int, int, str]]) -> None:
    candidates = [Candidate(t, s, s + n, f"{t}.x", priority=p) for s, n, p, t in spans]  # type: ignore[arg-type]
    assert select(candidates) == _plain_select(candidates)


def _same_matches(fast: regex.Pattern[str], plain: regex.Pattern[str], text: str) -> None:
    def found(p: regex.Pattern[str]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
        return [(m.span(), m.groupdict()) for m in p.finditer(text)]

    assert found(fast) == found(plain)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_count_and_quantity_first_tests_keep_every_match(text: str) -> None:
    _same_matches(count._count_re(), regex.compile(count._count_pattern(), regex.VERBOSE), text)
    _same_matches(count._bare_re(), regex.compile(count._bare_pattern(), regex.VERBOSE), text)
    _same_matches(quantity._quantity_re(), regex.compile(quantity._quantity_pattern(), regex.VERBOSE), text)

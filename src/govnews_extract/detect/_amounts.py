"""Ranges, lists and qualifiers shared by the money, percent and multiple detectors.

NOTE: keep the separators in sync with ``resolve.ranges`` (which handles 八九亿-style ranges).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from decimal import Decimal
from typing import NamedTuple

import regex

from .._data import load_table
from ..models import Approx
from ..normalize import NormalizedText
from ..resolve.numerals import parse_number
from ..resolve.ranges import adjacent_range
from ._common import ARABIC, _alternation, approx_words

# Between the two ends of a range: 5亿至8亿元, 5—8亿元, 6%－6.5% (－ is folded to -), 6~8%.
# Single characters, as a character class (scanned faster than an alternation of them).
RANGE_SEP_CHARS = r"至到~\-—–―－"
RANGE_SEP = f"[{RANGE_SEP_CHARS}]"
# Between the items of a list sharing one unit: 0.3、0.1和-0.9个百分点.
LIST_SEP = r"(?:、|和|及|与|或)"
# A printed sign (full-width minus is folded by normalize; U+2212 is not).
SIGN_CHARS = r"\-+−"
SIGN = f"[{SIGN_CHARS}]"
# What may stand before a list marker such as 1、 (never an item of a list of figures).
_MARKER_BEFORE = frozenset("。；;！？!?：:（(【[\n")


@functools.cache
def context_words(relpath: str) -> dict[str, frozenset[str]]:
    """A ``word<TAB>role`` data file as role → words."""
    roles: dict[str, set[str]] = {}
    for word, role in load_table(relpath, 2):
        roles.setdefault(role, set()).add(word)
    return {role: frozenset(words) for role, words in roles.items()}


def words_pattern(words: frozenset[str]) -> str:
    """An alternation of ``words``, longest first (never empty: matches nothing if no words)."""
    if not words:
        return r"(?!)"
    return _alternation(words)


@functools.cache
def _before_words() -> tuple[frozenset[str], tuple[tuple[int, frozenset[str]], ...]]:
    """The last letters of the qualifier words before a number, and the words grouped by
    length, longest first."""
    words = approx_words()["before"]
    lengths = sorted({len(w) for w in words}, reverse=True)
    by_length = tuple((n, frozenset(w for w in words if len(w) == n)) for n in lengths)
    return frozenset(w[-1] for w in words), by_length


def approx_before(text: str, start: int) -> str | None:
    """The qualifier word printed right before ``start``, longest first.

    Looked up after a match rather than inside the regex: an optional alternation of
    forty words at the head of a pattern is tried at every position of the text.

    >>> approx_before("减税超过1335亿元", 4), approx_before("增长10%", 2)
    ('超过', None)
    """
    lasts, by_length = _before_words()
    if not start or text[start - 1] not in lasts:
        return None  # the common case, found with one look
    for n, words in by_length:  # one slice a length: at most one word of it can match
        if n <= start and (word := text[start - n : start]) in words:
            return word
    return None


def nearest_approx(before: str | None, inside: str | None, after: str | None) -> Approx | None:
    """The qualifier bound tightest to the number: inside (3000多), after (13%左右), before.

    A word before is often a comparison verb (低于13%左右的目标), so it ranks last.

    >>> nearest_approx("低于", None, "左右"), nearest_approx("超过", None, None)
    ('about', 'more_than')
    """
    if not (inside or after or before):
        return None
    words = approx_words()
    for position, word in (("inside", inside), ("after", after), ("before", before)):
        if word:
            return words[position][word]
    return None


class Range(NamedTuple):
    """A resolved value with its optional upper end (a NamedTuple: one is built a figure)."""

    value: Decimal
    value_max: Decimal | None = None


@functools.lru_cache(maxsize=4096)  # the value of a figure as printed: the same figures recur
def resolve_range(low: str, high: str | None, scale: Callable[[Decimal], Decimal]) -> Range | None:
    """Values of ``low`` (…``high``), each scaled; 八九亿-style numerals give a range alone.

    ``scale`` is part of the cache key: pass the same function for the same scaling.

    >>> resolve_range("5", "8", lambda v: v * 10**8)
    Range(value=Decimal('500000000'), value_max=Decimal('800000000'))
    >>> resolve_range("八九", None, lambda v: v)
    Range(value=Decimal('8'), value_max=Decimal('9'))
    """
    if high is None:
        pair = adjacent_range(low)
        if pair is not None:
            return Range(scale(pair[0]), scale(pair[1]))
        value = parse_number(low)
        return Range(scale(value)) if value is not None else None
    lo, hi = parse_number(low), parse_number(high)
    if lo is None or hi is None:
        return None
    return Range(scale(lo), scale(hi))


# The alternatives of LIST_SEP: each is one character.
_SEPS = frozenset("、和及与或")
_SEPS_OR_BREAK = _SEPS | {"\n"}
_ITEM_RE = regex.compile(rf"(?P<item>{SIGN}?{ARABIC})(?P<sep>{LIST_SEP})$")


def _sep_before(text: str, pos: int) -> bool:
    """A list separator ends right before ``pos``, or before a line break there (``$`` allows it)."""
    tail = text[max(0, pos - 2) : pos]
    return tail[-1:] in _SEPS or (tail[-1:] == "\n" and tail[:1] in _SEPS and len(tail) == 2)


def list_items_before(view: NormalizedText, start: int) -> list[tuple[int, int, str]]:
    """Bare Arabic list items just before ``start``: ``0.3、0.1和[-0.9个百分点]`` → 0.3, 0.1.

    Returns (start, end, numeral) in text order. Stops at anything that is not a bare
    number followed by a list separator, and drops a first item that is a list marker
    (``1、`` at the start of a line or sentence).
    """
    if view.text[start - 1 : start] not in _SEPS_OR_BREAK:
        return []  # the common case: no separator before (the first test of the loop)
    items: list[tuple[int, int, str]] = []
    pos = start
    while True:
        if not _sep_before(view.text, pos):
            break  # the search below cannot match: skip it
        m = _ITEM_RE.search(view.text, max(0, pos - 24), pos)
        if m is None or (m.start() > 0 and view.text[m.start() - 1] in "0123456789.%‰"):
            break
        items.append((m.start(), m.start("sep"), m["item"]))
        pos = m.start()
    if items and _is_marker(view, items[-1][0]):
        items.pop()
    return items[::-1]


def _is_marker(view: NormalizedText, start: int) -> bool:
    if start == 0 or view.text[start - 1] in _MARKER_BEFORE:
        return True
    gap = view.original[view.origin[start - 1] + 1 : view.origin[start]]
    return "\n" in gap

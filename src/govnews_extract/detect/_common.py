"""Regex fragments shared by the numeric detectors, built from the lexicons in ``data/``.

NOTE: keep the numeral characters in sync with ``resolve.numerals`` (DIGITS, units).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import regex

from .._data import load_table
from ..models import Approx
from ..resolve.numerals import BIG_UNITS, DIGITS, SMALL_UNITS, parse_number, scale_of

CN_NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)
# An Arabic number: thousands separators and decimals allowed. A group after "3," is not
# the start of a new thousands number (linear time on 1,000,000,…: one scan per run).
ARABIC = r"(?:(?<!\d,)\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?"
# Linear time: a numeral starts at most once or twice in a run of numeral characters, as
# every later start would only scan a suffix of what was already scanned. So no start
# inside an Arabic number (12|3) or after a Chinese numeral (十|五, 三1|三1), except an
# Arabic digit after a one-character word end (统一5项).
_NUMERAL_CHARS = rf"\d{CN_NUMERAL_CHARS}"
NUMERAL_START = rf"(?:(?=\d)(?<!\d)(?<![{_NUMERAL_CHARS}][{CN_NUMERAL_CHARS}])|(?<![{_NUMERAL_CHARS}]))"
# One token of a numeral. Arabic tokens are atomic: a run of digits is never re-split
# into shorter tokens on backtracking (that made (\d+)* take quadratic time or worse).
NUMERAL_TOKEN = rf"(?>{ARABIC})|[{CN_NUMERAL_CHARS}]"
# A numeral as printed: Arabic, Chinese or mixed (1.2万亿, 2千零30万, 三千五百万).
NUMERAL = rf"{NUMERAL_START}(?:{NUMERAL_TOKEN})(?:{NUMERAL_TOKEN})*"
# Never start a number inside a longer one.
NOT_AFTER_DIGIT = r"(?<![\d.])"


def _alternation(words: Iterable[str]) -> str:
    """An alternation of ``words`` that prefers the longest word that lets the pattern match.

    Written as a trie (万元|万人|元 → ``(?:万(?:元|人)|元)``): a word is tried only when the
    letters before it match, where a flat alternation tries every word at every position,
    which is slow for the long lists of classifiers and units. The matches are those of the
    flat alternation, longest word first: the words that match at one position are prefixes
    of each other, all on one path of the trie, and each node tries its longer words before
    the word that ends there.

    >>> _alternation(["平方米", "平方公里", "平方", "元"])
    '(?:元|平方(?:公里|米|))'
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, Any]) -> str:
    branches = [regex.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if "" in node:
        branches.append("")  # the word that ends here, after the longer ones
    if len(branches) <= 1:
        return branches[0] if branches else ""  # one path (or no word at all)
    return "(?:" + "|".join(branches) + ")"


@functools.cache
def approx_words() -> dict[str, dict[str, Approx]]:
    """Qualifier words by position (before / inside / after) → approx value."""
    table: dict[str, dict[str, Approx]] = {"before": {}, "inside": {}, "after": {}}
    for surface, position, approx in load_table("lexicons/approx.tsv", 3):
        table[position][surface] = approx  # type: ignore[assignment]
    return table


@functools.cache
def approx_pattern(position: str) -> str:
    """An alternation of the qualifier words at ``position``, longest first."""
    return _alternation(list(approx_words()[position]))


def approx_of(before: str | None, inside: str | None, after: str | None) -> Approx | None:
    """The qualifier closest to the number wins: inside, then before, then after."""
    words = approx_words()
    for position, word in (("inside", inside), ("before", before), ("after", after)):
        if word:
            return words[position][word]
    return None


_MULTIPLIERS = "".join(BIG_UNITS)


def split_multiplier(numeral: str) -> tuple[str, str]:
    """Split trailing 万/亿 off a numeral: ``3493.59万`` → (``3493.59``, ``万``).

    >>> split_multiplier("1.2万亿"), split_multiplier("三千五百万"), split_multiplier("百亿")
    (('1.2', '万亿'), ('三千五百', '万'), ('百', '亿'))
    """
    body = numeral.rstrip(_MULTIPLIERS)
    return body, numeral[len(body) :]


def amount(numeral: str, inside_multiplier: str = "") -> Decimal | None:
    """The value of ``numeral`` times any 万/亿 printed after a 余/多 qualifier."""
    value = parse_number(numeral)
    if value is None:
        return None
    return value * scale_of(inside_multiplier) if inside_multiplier else value

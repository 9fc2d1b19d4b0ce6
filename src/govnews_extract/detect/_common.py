"""Regex fragments shared by the numeric detectors, built from the lexicons in ``data/``.

NOTE: keep the numeral characters in sync with ``resolve.numerals`` (DIGITS, units).
"""

from __future__ import annotations

import functools
from decimal import Decimal

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


def _alternation(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


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

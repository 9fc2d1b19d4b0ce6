"""Numerals that state a range: two neighbouring Chinese digits (八九亿, 三四十, 十七八).

Government prose writes "eight or nine hundred million" as 八九亿: two consecutive digits
sharing the place units that follow. Read digit by digit, 八九 would be 89, so ranges
must be recognised before :func:`~govnews_extract.resolve.numerals.parse_number`.

>>> adjacent_range("八九亿")
(Decimal('800000000'), Decimal('900000000'))
>>> adjacent_range("三四十")
(Decimal('30'), Decimal('40'))
>>> adjacent_range("十七八")
(Decimal('17'), Decimal('18'))
>>> adjacent_range("三千五百") is None
True
"""

from __future__ import annotations

from decimal import Decimal

import regex

from .numerals import DIGITS, parse_number

# Digits that may open a neighbouring pair; 〇/零 never do (二〇二〇 is a year).
_PAIR_DIGITS = "".join(ch for ch, v in DIGITS.items() if v > 0)
_PAIR_RE = regex.compile(rf"(?<![{_PAIR_DIGITS}])([{_PAIR_DIGITS}])([{_PAIR_DIGITS}])(?![{_PAIR_DIGITS}])")


def adjacent_range(numeral: str) -> tuple[Decimal, Decimal] | None:
    """(low, high) when ``numeral`` holds exactly one pair of consecutive digits, else ``None``.

    >>> adjacent_range("两三千万")
    (Decimal('20000000'), Decimal('30000000'))
    >>> adjacent_range("二三") is None, adjacent_range("12") is None
    (False, True)
    """
    if numeral.isascii():
        return None  # no Chinese digit (Arabic figures: the common case, without a search)
    pairs = list(_PAIR_RE.finditer(numeral))
    if len(pairs) != 1:
        return None
    pair = pairs[0]
    first, second = DIGITS[pair[1]], DIGITS[pair[2]]
    if second != first + 1:
        return None
    low = parse_number(numeral[: pair.start()] + pair[1] + numeral[pair.end() :])
    high = parse_number(numeral[: pair.start()] + pair[2] + numeral[pair.end() :])
    if low is None or high is None:
        return None
    return low, high

"""Multiples: 翻一番 (×2), 翻两番 (×4), 增长2倍 (×3), 是去年的2倍 / 2倍于 (×2).

``value`` is the number as printed, ``factor`` the final value over the base: growth *by*
N times (a growth verb right before N倍) is a factor of N+1, a plain N倍 a factor of N.

>>> from govnews_extract.normalize import normalize
>>> from govnews_extract.detect import Context
>>> found = find_multiple(normalize("兑现金额翻了一番，申报数增长了 2倍，产值是去年的1.5倍"), Context())
>>> [(c.fields["value"], c.fields["factor"]) for c in found]
[(Decimal('1'), Decimal('2')), (Decimal('2'), Decimal('3')), (Decimal('1.5'), Decimal('1.5'))]
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import Any

from ..normalize import NormalizedText
from ..resolve.numerals import parse_number
from . import Candidate, Context
from ._amounts import approx_before, context_words, nearest_approx, words_pattern
from ._common import NOT_AFTER_DIGIT, NUMERAL, approx_pattern, approx_words
from ._scan import Match, Twin, finditer_before_marks

_CONTEXT = "lexicons/multiples.tsv"


@functools.cache
def _multiple_twin() -> Twin:
    growth = words_pattern(context_words(_CONTEXT).get("growth", frozenset()))
    return Twin.of(
        rf"""
        (?:                                                 # (qualifier before: approx_before)
            翻了?(?P<fmid>{approx_pattern("before")})?      # 翻了近一番
            (?P<fan>{NUMERAL})番(?P<ftail>多|余)?            # 翻一番, 翻了两番: factor 2**N; 翻了一番多
          | (?P<bare>翻番)                                  # doubling, no number printed
          | (?P<verb>{growth})了?                            # 增长了 …: growth BY N times
            (?P<mid>{approx_pattern("before")})?{NOT_AFTER_DIGIT}
            (?P<grown>{NUMERAL})(?P<ginside>多|余)?倍(?P<gtail>多|余)?
          | {NOT_AFTER_DIGIT}(?P<num>{NUMERAL})(?P<inside>多|余)?倍(?P<tail>多|余)?  # 是去年的2倍
        )
        (?P<after>{approx_pattern("after")})?               # 以上 / 左右 …
        """,
        verbose=True,
    )


@functools.cache
def _reach() -> int:
    """How far before its figure a multiple may start: 翻了 or a growth verb, then a qualifier."""
    verbs = [*context_words(_CONTEXT).get("growth", frozenset()), "翻"]
    return max(map(len, verbs)) + len("了") + max(map(len, approx_words()["before"]))


def _value_and_factor(m: Match) -> tuple[Decimal, Decimal | None, str] | None:
    """(value, factor, rule) of a match, or ``None`` when its number does not parse."""
    if m["bare"]:
        return Decimal(1), Decimal(2), "multiple.fan"
    if m["fan"] is not None:
        value = parse_number(m["fan"])
        if value is None:
            return None
        factor = Decimal(2 ** int(value)) if value == value.to_integral_value() and 0 < value < 10 else None
        return value, factor, "multiple.fan"
    if m["grown"] is not None:
        value = parse_number(m["grown"])
        return (value, value + 1, "multiple.growth") if value is not None else None
    value = parse_number(m["num"])
    return (value, value, "multiple.times") if value is not None else None


def find_multiple(view: NormalizedText, context: Context) -> list[Candidate]:
    """Candidates for every ratio stated as a multiple."""
    found: list[Candidate] = []
    if "倍" not in view.text and "番" not in view.text:
        return found  # every multiple has one of the two: skip the scan
    for m in finditer_before_marks(_multiple_twin().on(view.text), view.text, "倍番", _reach()):
        resolved = _value_and_factor(m)
        if resolved is None:
            continue
        value, factor, rule = resolved
        before = approx_before(view.text, m.start())
        inside = m["ginside"] or m["gtail"] or m["inside"] or m["tail"] or m["ftail"]  # 3倍多 as 3多倍
        fields: dict[str, Any] = {
            "value": value,
            "factor": factor,
            "approx": nearest_approx(m["mid"] or m["fmid"] or before, inside, m["after"]),
        }
        start = m.start() - len(before or "")
        found.append(Candidate("multiple", start, m.end(), rule, fields, priority=8))
    return found

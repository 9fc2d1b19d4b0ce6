"""Money: a numeral followed by a currency word, with 万/亿 multipliers and qualifiers.

>>> from govnews_extract.normalize import normalize
>>> from govnews_extract.detect import Context
>>> found = find_money(normalize("发放 3493.59万元创新券"), Context())
>>> [(c.fields["value"], c.fields["unit"]) for c in found]
[(Decimal('34935900'), '万元')]
"""

from __future__ import annotations

import functools

import regex

from .._data import load_table
from ..normalize import NormalizedText
from . import Candidate, Context
from ._common import NOT_AFTER_DIGIT, NUMERAL, amount, approx_of, approx_pattern, split_multiplier


@functools.cache
def currencies() -> dict[str, str]:
    """Currency word as printed → ISO 4217 code."""
    return {row[0]: row[1] for row in load_table("lexicons/currencies.tsv", 2)}


@functools.cache
def _money_re() -> regex.Pattern[str]:
    words = sorted(currencies(), key=len, reverse=True)
    return regex.compile(
        rf"""
        (?P<before>{approx_pattern("before")})?       # 约 / 超过 / 近 …
        {NOT_AFTER_DIGIT}
        (?P<num>{NUMERAL})                            # 3493.59万, 三千五百万, 1.2万亿
        (?P<inside>余|多)?                            # 3000多万元
        (?P<mult>(?<=[余多])[万亿]+)?                 # multiplier after the qualifier
        (?P<cur>{"|".join(map(regex.escape, words))}) # 元, 美元, 港币 …
        (?P<after>{approx_pattern("after")})?         # 左右 / 以上 …
        """,
        regex.VERBOSE,
    )


def find_money(view: NormalizedText, context: Context) -> list[Candidate]:
    """Candidates for every amount of money printed with a currency word."""
    found = []
    for m in _money_re().finditer(view.text):
        body, multiplier = split_multiplier(m["num"])
        if not body:
            continue  # 万元 alone (每万元GDP) is a unit, not an amount
        value = amount(m["num"], m["mult"] or "")
        if value is None:
            continue
        found.append(
            Candidate(
                "money",
                m.start(),
                m.end(),
                "money.currency",
                {
                    "value": value,
                    "currency": currencies()[m["cur"]],
                    "unit": multiplier + (m["mult"] or "") + m["cur"],
                    "approx": approx_of(m["before"], m["inside"], m["after"]),
                },
                priority=10,
            )
        )
    return found

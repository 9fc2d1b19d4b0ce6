"""Money: a numeral with a currency word, or a bare 万/亿 amount in a funding context.

>>> from govnews_extract.normalize import normalize
>>> from govnews_extract.detect import Context
>>> found = find_money(normalize("发放 3493.59万元创新券，9家企业获得3050万贷款"), Context())
>>> [(c.fields["value"], c.fields["unit"]) for c in found]
[(Decimal('34935900'), '万元'), (Decimal('30500000'), '万')]
>>> [(c.fields["value"], c.fields["value_max"]) for c in find_money(normalize("5亿至8亿元"), Context())]
[(Decimal('500000000'), Decimal('800000000'))]
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import regex

from .._data import load_table
from ..normalize import NormalizedText
from ..resolve.numerals import parse_number, scale_of
from . import Candidate, Context
from ._amounts import (
    RANGE_SEP,
    Range,
    approx_before,
    context_words,
    list_items_before,
    nearest_approx,
    resolve_range,
    words_pattern,
)
from ._common import CN_NUMERAL_CHARS, NOT_AFTER_DIGIT, NUMERAL, approx_pattern, split_multiplier
from ._scan import finditer_in_zones

_CONTEXT = "lexicons/money_context.tsv"
# Where a clause ends: a bare amount's funding context must stand in the same clause.
_CLAUSE_END = frozenset('，。；：！？,;:!?、（）()“”"‘’《》【】\n')
_AFTER_WINDOW = 8  # characters after a bare amount in which a funding noun may follow
_BEFORE_WINDOW = 16  # characters before a bare amount in which a funding word may stand


@functools.cache
def currencies() -> dict[str, str]:
    """Currency word as printed → ISO 4217 code."""
    return {row[0]: row[1] for row in load_table("lexicons/currencies.tsv", 2)}


def _context(role: str) -> frozenset[str]:
    return context_words(_CONTEXT).get(role, frozenset())


@functools.cache
def _money_re() -> regex.Pattern[str]:
    return regex.compile(
        rf"""
        {NOT_AFTER_DIGIT}                             # (a qualifier before: approx_before)
        (?P<num>{NUMERAL})                            # 3493.59万, 三千五百万, 1.2万亿, 八九亿
        (?:(?P<sep>{RANGE_SEP})(?P<hi>{NUMERAL}))?    # 5亿至8亿元, 5-8亿元
        (?P<inside>余|多)?                            # 3000多万元
        (?P<mult>(?<=[余多])[万亿]+)?                 # multiplier after the qualifier
        (?P<cur>{words_pattern(frozenset(currencies()))})  # 元, 美元, 港币 …
        (?!{words_pattern(_context("not_currency_after"))})  # not 二元结构, 多元化
        (?P<after>{approx_pattern("after")})?         # 左右 / 以上 …
        """,
        regex.VERBOSE,
    )


@functools.cache
def _bare_re() -> regex.Pattern[str]:
    return regex.compile(
        rf"""
        {NOT_AFTER_DIGIT}                             # (a qualifier before: approx_before)
        (?P<num>{NUMERAL})                            # 3050万, 百亿
        (?:(?P<sep>{RANGE_SEP})(?P<hi>{NUMERAL}))?    # 3-5亿
        (?<=[万亿])                                   # must end in 万/亿
        (?P<inside>余|多)?                            # 4万多亿
        (?P<mult>(?<=[余多])[万亿]+)?
        (?![万亿\d.])                                # the whole numeral (not 30万 of 30万亿)
        (?!{words_pattern(frozenset(currencies()))})  # with a currency word: see _money_re
        (?P<after>{approx_pattern("after")})?         # 以上 / 左右 …
        """,
        regex.VERBOSE,
    )


@functools.cache
def _zones_re() -> regex.Pattern[str]:
    """Where a match with a currency word can start: one figure character or more, then the word.

    A zone starts only where a run of figure characters starts: started inside a long run
    with no currency word after it, each try would scan the rest of the run (quadratic).
    """
    firsts = regex.escape("".join(sorted({w[0] for w in currencies()})))
    figure = rf"(?:[\d.,{CN_NUMERAL_CHARS}余多]|{RANGE_SEP})"
    return regex.compile(rf"(?<!{figure}){figure}+?[{firsts}]")


def _scaled(multiplier: str) -> Callable[[Decimal], Decimal]:
    factor = scale_of(multiplier)
    return lambda v: v * factor


def _amount(m: regex.Match[str]) -> Range | None:
    """Value (and upper end) of a match; a range's low end borrows the high end's 万/亿."""
    low_body, low_mult = split_multiplier(m["num"])
    mult = m["mult"] or ""
    if m["hi"] is None:
        return resolve_range(m["num"], None, _scaled(mult))
    hi_body, hi_mult = split_multiplier(m["hi"])
    if not low_body or not hi_body:
        return None
    # 5-8亿元 → 5亿; 1.2万至1.5万亿元 → 1.2万亿: the low end takes what its multiplier lacks.
    low = m["num"] + hi_mult[len(low_mult) :] if hi_mult.startswith(low_mult) else m["num"]
    return resolve_range(low, m["hi"], _scaled(mult))


def _candidate(start: int, end: int, rule: str, fields: dict[str, Any]) -> Candidate:
    return Candidate("money", start, end, rule, fields, priority=10)


def _currency_amounts(view: NormalizedText) -> Iterator[Candidate]:
    text = view.text
    for m in finditer_in_zones(_money_re(), text, _zones_re()):
        before = approx_before(text, m.start())
        if not split_multiplier(m["num"])[0] and before is None:
            continue  # 万元 alone (每万元GDP) is a unit, not an amount; 近亿元 is one
        start = m.start() - len(before or "")
        found = _amount(m)
        if found is None or text.endswith(tuple(_context("denominator_before")), 0, start):
            continue  # 每百元营业收入: the base of a rate, not an amount
        multiplier = split_multiplier(m["hi"] or m["num"])[1] + (m["mult"] or "")
        fields = {
            "value": found.value,
            "value_max": found.value_max,
            "currency": currencies()[m["cur"]],
            "unit": multiplier + m["cur"],
            "approx": nearest_approx(before, m["inside"], m["after"]),
        }
        if found.value_max is not None and text.endswith(tuple(_context("change_from")), 0, start):
            yield from _change(m, start, fields)  # 从500万到800万元: two amounts
        elif found.value_max is not None:
            yield _candidate(start, m.end(), "money.range", fields)
        else:
            yield _candidate(start, m.end(), "money.currency", fields)
            if before is None:
                yield from _list_items(view, m.start("num"), multiplier, fields)


def _change(m: regex.Match[str], start: int, fields: dict[str, Any]) -> Iterator[Candidate]:
    """The two ends of 从X到Y as separate amounts; X borrows Y's 万/亿 when it has none."""
    low_unit = split_multiplier(m["num"])[1] or split_multiplier(m["hi"])[1]
    low = {**fields, "value_max": None, "unit": low_unit, "approx": None}
    yield _candidate(start, m.end("num"), "money.currency", low)
    approx = nearest_approx(None, m["inside"], m["after"])
    high = {**fields, "value": fields["value_max"], "value_max": None, "approx": approx}
    yield _candidate(m.start("hi"), m.end(), "money.currency", high)


def _list_items(
    view: NormalizedText, start: int, multiplier: str, fields: dict[str, Any]
) -> Iterator[Candidate]:
    """Earlier items of a list sharing the unit: 3、5亿元 → 3亿元 too."""
    for s, e, numeral in list_items_before(view, start):
        value = parse_number(numeral)
        if value is not None:
            item = {**fields, "value": value * scale_of(multiplier), "value_max": None}
            yield _candidate(s, e, "money.list_item", item)


def _in_funding_context(view: NormalizedText, start: int, end: int) -> bool:
    """A funding noun follows in the clause, or a funding word precedes and the clause ends here."""
    text = view.text
    following = text[end : end + _AFTER_WINDOW]
    cut = next((i for i, ch in enumerate(following) if ch in _CLAUSE_END), len(following))
    following = following[:cut]
    if any(following.startswith(w) for w in _context("not_amount_after")):
        return False
    if any(w in following for w in _context("funds_after")):
        return True
    if following:
        return False  # the clause goes on with something that is not about funds
    preceding = text[max(0, start - _BEFORE_WINDOW) : start]
    cut = max((i for i, ch in enumerate(preceding) if ch in _CLAUSE_END), default=-1)
    clause = preceding[cut + 1 :]
    for word in _context("not_funds"):
        clause = clause.replace(word, "|")  # 投资者 names people, not funds
    return any(w in clause for w in _context("funds_before"))


def _bare_amounts(view: NormalizedText) -> Iterator[Candidate]:
    for m in _bare_re().finditer(view.text):
        body, multiplier = split_multiplier(m["hi"] or m["num"])
        before = approx_before(view.text, m.start())
        if not (body or before) or not _in_funding_context(view, m.start(), m.end()):
            continue  # 亿 alone is no amount, but 投资近亿 is
        mult = m["mult"] or ""
        found = _amount(m)
        if found is None:
            continue
        fields = {
            "value": found.value,
            "value_max": found.value_max,
            "currency": "CNY",
            "unit": multiplier + mult,
            "approx": nearest_approx(before, m["inside"], m["after"]),
        }
        rule = "money.bare_range" if found.value_max is not None else "money.bare_funding"
        yield _candidate(m.start() - len(before or ""), m.end(), rule, fields)


def find_money(view: NormalizedText, context: Context) -> list[Candidate]:
    """Candidates for every amount of money: with a currency word, or bare in a funding context."""
    return [*_currency_amounts(view), *_bare_amounts(view)]

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
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any, NamedTuple

from .._data import load_table
from ..normalize import NormalizedText
from ..resolve.numerals import parse_number, scale_of
from . import Candidate, Context
from ._amount_scan import StretchTest, finditer_before, finditer_holding
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
from ._common import NOT_AFTER_DIGIT, NUMERAL, approx_pattern, approx_words, split_multiplier
from ._scan import Match, Twin

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
def _words(role: str) -> tuple[str, ...]:
    """The context words of ``role`` as a tuple, as ``str.startswith`` takes them."""
    return tuple(_context(role))


@functools.cache
def _money_twin() -> Twin:
    return Twin.of(
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
        verbose=True,
    )


@functools.cache
def _bare_twin() -> Twin:
    return Twin.of(
        rf"""
        {NOT_AFTER_DIGIT}                             # (a qualifier before: approx_before)
        (?P<num>{NUMERAL})                            # 3050万, 百亿
        (?:(?P<sep>{RANGE_SEP})(?P<hi>{NUMERAL}))?    # 3-5亿
        (?<=[万亿])                                   # must end in 万/亿
        (?P<inside>余|多)?                            # 4万多亿
        (?P<mult>(?<=[余多])[万亿]+)?
        (?![万亿\d.])                                # the whole numeral (not 30万 of 30万亿)
        (?!{words_pattern(frozenset(currencies()))})  # with a currency word: see _money_twin
        (?P<after>{approx_pattern("after")})?         # 以上 / 左右 …
        """,
        verbose=True,
    )


@functools.cache
def _triggers() -> re.Pattern[str]:
    """The currency words: a match has amount characters, then one."""
    return re.compile("|".join(re.escape(w) for w in sorted(currencies(), key=lambda w: (-len(w), w))))


class _Groups(NamedTuple):
    """The groups of a match, in the pattern's order (``m.groups()``: one call, not one a name)."""

    num: str
    sep: str | None
    hi: str | None
    inside: str | None
    mult: str | None
    cur: str | None  # None in a bare amount
    after: str | None


# Group name → number, for ``m.start(n)``: the regex module looks a group's name up slowly.
_GROUP = {name: number for number, name in enumerate(_Groups._fields, start=1)}


@functools.lru_cache(maxsize=64)  # one function a multiplier: a key of resolve_range's cache
def _scaled(multiplier: str) -> Callable[[Decimal], Decimal]:
    factor = scale_of(multiplier)
    return lambda v: v * factor


def _amount(g: _Groups) -> Range | None:
    """Value (and upper end) of a match; a range's low end borrows the high end's 万/亿."""
    mult = g.mult or ""
    if g.hi is None:
        return resolve_range(g.num, None, _scaled(mult))
    low_body, low_mult = split_multiplier(g.num)
    hi_body, hi_mult = split_multiplier(g.hi)
    if not low_body or not hi_body:
        return None
    # 5-8亿元 → 5亿; 1.2万至1.5万亿元 → 1.2万亿: the low end takes what its multiplier lacks.
    low = g.num + hi_mult[len(low_mult) :] if hi_mult.startswith(low_mult) else g.num
    return resolve_range(low, g.hi, _scaled(mult))


def _candidate(start: int, end: int, rule: str, fields: dict[str, Any]) -> Candidate:
    return Candidate("money", start, end, rule, fields, priority=10)


def _currency_matches(text: str) -> Iterator[Match]:
    """``_money_twin().exact.finditer(text)``, tried only before the currency words."""
    pattern = _money_twin().on(text)
    return finditer_before(text, ((t.start(), pattern) for t in _triggers().finditer(text)))


def _currency_amounts(view: NormalizedText) -> Iterator[Candidate]:
    text = view.text
    codes = currencies()
    denominators = _words("denominator_before")
    change_from = _words("change_from")
    for m in _currency_matches(text):
        g = _Groups._make(m.groups())
        before = approx_before(text, m.start())
        body, num_multiplier = split_multiplier(g.num)
        if before is None and not body and not (g.after and g.hi is None):
            continue  # 万元 alone (每万元GDP) is a unit, not an amount; 近亿元 and 亿元以上 are ones
        start = m.start() - len(before) if before else m.start()
        found = _amount(g)
        if found is None or text.endswith(denominators, 0, start):
            continue  # 每百元营业收入: the base of a rate, not an amount
        multiplier = (split_multiplier(g.hi)[1] if g.hi else num_multiplier) + (g.mult or "")
        cur = g.cur or ""
        fields = {
            "value": found.value,
            "value_max": found.value_max,
            "currency": codes[cur],
            "unit": multiplier + cur,
            "approx": nearest_approx(before, g.inside, g.after),
        }
        if found.value_max is not None and text.endswith(change_from, 0, start):
            yield from _change(m, g, start, fields)  # 从500万到800万元: two amounts
        elif found.value_max is not None:
            yield _candidate(start, m.end(), "money.range", fields)
        else:
            yield _candidate(start, m.end(), "money.currency", fields)
            if before is None:
                yield from _list_items(view, m.start(_GROUP["num"]), multiplier, fields)


def _change(m: Match, g: _Groups, start: int, fields: dict[str, Any]) -> Iterator[Candidate]:
    """The two ends of 从X到Y as separate amounts; X borrows Y's 万/亿 when it has none."""
    low_unit = split_multiplier(g.num)[1] or split_multiplier(g.hi or "")[1]
    low = {**fields, "value_max": None, "unit": low_unit, "approx": None}
    yield _candidate(start, m.end(_GROUP["num"]), "money.currency", low)
    approx = nearest_approx(None, g.inside, g.after)
    high = {**fields, "value": fields["value_max"], "value_max": None, "approx": approx}
    yield _candidate(m.start(_GROUP["hi"]), m.end(), "money.currency", high)


def _list_items(view: NormalizedText, start: int, multiplier: str, fields: dict[str, Any]) -> list[Candidate]:
    """Earlier items of a list sharing the unit: 3、5亿元 → 3亿元 too."""
    items = []
    for s, e, numeral in list_items_before(view, start):
        value = parse_number(numeral)
        if value is not None:
            item = {**fields, "value": value * scale_of(multiplier), "value_max": None}
            items.append(_candidate(s, e, "money.list_item", item))
    return items


@functools.cache
def _words_re(role: str) -> re.Pattern[str]:
    """Any of the context words of ``role`` (a search finds one wherever it stands)."""
    return re.compile("|".join(re.escape(w) for w in sorted(_context(role), key=len, reverse=True)) or "(?!)")


# The first clause end in a text, and the last one (after everything before it).
_CLAUSE_END_RE = re.compile(f"[{re.escape(''.join(sorted(_CLAUSE_END)))}]")
_LAST_CLAUSE_END_RE = re.compile(f"(?s:.*)[{re.escape(''.join(sorted(_CLAUSE_END)))}]")


def _in_funding_context(text: str, start: int, end: int) -> bool:
    """A funding noun follows in the clause, or a funding word precedes and the clause ends here."""
    following = text[end : end + _AFTER_WINDOW]
    cut = _CLAUSE_END_RE.search(following)
    following = following[: cut.start()] if cut else following
    if following.startswith(_words("not_amount_after")):
        return False
    if _words_re("funds_after").search(following):
        return True
    if following:
        return False  # the clause goes on with something that is not about funds
    preceding = text[max(0, start - _BEFORE_WINDOW) : start]
    last = _LAST_CLAUSE_END_RE.match(preceding)
    clause = preceding[last.end() :] if last else preceding
    for word in _words("not_funds"):
        clause = clause.replace(word, "|")  # 投资者 names people, not funds
    return _words_re("funds_before").search(clause) is not None


def _may_be_funded(text: str) -> StretchTest:
    """A first test for :func:`_in_funding_context`, of a whole stretch of amount characters.

    A bare amount read from the stretch ends after its first mark (``mark``): inside the
    stretch or at its ``end``, or after a qualifier that follows the stretch (以上, 左右: no
    amount characters). For it to be in a funding context, a funding noun must follow within
    the window after it, or its clause must end right after it.
    """
    qualifiers = tuple(approx_words()["after"])
    reach = max(map(len, qualifiers), default=0)
    funds = _words_re("funds_after")

    def clause_ends_at(end: int) -> bool:
        return end >= len(text) or text[end] in _CLAUSE_END

    def keep(mark: int, end: int) -> bool:
        # The cheap tests first: most stretches (5万人, 10万亩) fail them all.
        if clause_ends_at(end) or _CLAUSE_END_RE.search(text, mark + 1, end) is not None:
            return True
        if text.startswith(qualifiers, end) and any(
            text.startswith(w, end) and clause_ends_at(end + len(w)) for w in qualifiers
        ):
            return True
        return funds.search(text, mark + 1, end + reach + _AFTER_WINDOW) is not None

    return keep


def _bare_matches(text: str) -> Iterator[Match]:
    """``_bare_twin().exact.finditer(text)``, tried only in the figures holding 万/亿 that may be in
    a funding context (the others are dropped by ``_bare_amounts`` anyway)."""
    return finditer_holding(_bare_twin().on(text), text, "万亿", _currency_words(), _may_be_funded(text))


def _bare_amounts(view: NormalizedText) -> Iterator[Candidate]:
    text = view.text
    for m in _bare_matches(text):
        num, sep, hi, inside, mult, after = m.groups()
        body, multiplier = split_multiplier(hi or num)
        before = approx_before(text, m.start())
        if not (body or before) or not _in_funding_context(text, m.start(), m.end()):
            continue  # 亿 alone is no amount, but 投资近亿 is
        found = _amount(_Groups(num, sep, hi, inside, mult, None, after))
        if found is None:
            continue
        fields = {
            "value": found.value,
            "value_max": found.value_max,
            "currency": "CNY",
            "unit": multiplier + (mult or ""),
            "approx": nearest_approx(before, inside, after),
        }
        rule = "money.bare_range" if found.value_max is not None else "money.bare_funding"
        yield _candidate(m.start() - len(before or ""), m.end(), rule, fields)


@functools.cache
def _currency_words() -> tuple[str, ...]:
    return tuple(currencies())


def find_money(view: NormalizedText, context: Context) -> list[Candidate]:
    """Candidates for every amount of money: with a currency word, or bare in a funding context."""
    return [*_currency_amounts(view), *_bare_amounts(view)]

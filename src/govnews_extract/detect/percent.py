"""Percentages (%, 百分之N, N成, 三分之一), percentage points (百分点) and per-mille (‰).

Ranges (``6%-6.5%``, ``0至1.4个百分点``) give ``value``/``value_max``; a list sharing one
unit (``0.3、0.1和-0.9个百分点``) gives one mention per number; a qualifier after the last
item of a list (``60%、80%以上``) holds for every item.

>>> from govnews_extract.normalize import normalize
>>> from govnews_extract.detect import Context
>>> [(c.fields["value"], c.fields["unit"]) for c in find_percent(
...     normalize("同比增长 57.1%，高出平均水平 35个百分点，占三成"), Context())]
[(Decimal('57.1'), 'percent'), (Decimal('35'), 'percentage_point'), (Decimal('30'), 'percent')]
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from fractions import Fraction
from operator import itemgetter
from typing import Any, NamedTuple

import regex

from ..models import Approx, PercentUnit
from ..normalize import NormalizedText
from ..resolve.numerals import parse_number, tidy
from . import Candidate, Context
from ._amount_scan import finditer_before
from ._amounts import (
    LIST_SEP,
    RANGE_SEP,
    SIGN,
    Range,
    approx_before,
    context_words,
    list_items_before,
    nearest_approx,
    resolve_range,
    words_pattern,
)
from ._common import CN_NUMERAL_CHARS, NOT_AFTER_DIGIT, NUMERAL, approx_pattern, approx_words
from ._scan import Match, Pattern, Twin, char_positions, in_bmp

_CONTEXT = "lexicons/percent_context.tsv"
_UNITS: dict[str, PercentUnit] = {
    "%": "percent",
    "‰": "permille",
    "百分点": "percentage_point",
    "个百分点": "percentage_point",
}
# Denominators of N分之M that name a unit rather than a fraction.
_PER: dict[str, PercentUnit] = {"百": "percent", "千": "permille"}
_LIST_SEP_RE = regex.compile(rf"{LIST_SEP}")


def _context(role: str) -> frozenset[str]:
    return context_words(_CONTEXT).get(role, frozenset())


# The alternatives of the pattern, each named by the trigger word it ends in.
_ALTERNATIVES = frozenset({"chinese", "fraction", "sign", "cheng"})


@functools.cache
def _percent_twin(alternatives: frozenset[str] = _ALTERNATIVES) -> Twin:
    """The pattern; with fewer ``alternatives`` the others fail at once (their groups stay)."""

    def on(name: str) -> str:
        return "" if name in alternatives else "(?!)"

    cheng_before = regex.escape("".join(_context("cheng_not_before")))
    return Twin.of(
        rf"""
        (?:                                                            # (qualifier before: approx_before)
            {on("chinese")}百分之(?P<cn>{NUMERAL})                   # 百分之三十
            (?:(?:至|到)(?:百分之)?(?P<cnhi>{NUMERAL}))?              # 百分之五至百分之十
          | {on("fraction")}(?P<den>{NUMERAL})分之(?P<frac>{NUMERAL}) # 三分之一, 千分之三
          | {on("sign")}{NOT_AFTER_DIGIT}(?P<num>{SIGN}?{NUMERAL})    # 57.1, -0.9
            (?P<u1>%|‰)?(?:(?P<sep>{RANGE_SEP})(?P<hi>{SIGN}?{NUMERAL}))?  # 6%-6.5%, 0至1.4
            (?P<unit>%|‰|个百分点|百分点)
          | {on("cheng")}(?<![{CN_NUMERAL_CHARS}{cheng_before}])      # not 统一成, 三五成群
            (?P<cheng>[一二两三四五六七八九]{{1,2}}|十)成               # 三成, 六七成
            (?!{words_pattern(_context("cheng_not_after"))})          # not 成立, 成为
            (?P<ctail>多)?                                            # 三成多
        )
        (?P<after>{approx_pattern("after")})?
        """,
        verbose=True,
    )


class _Groups(NamedTuple):
    """The groups of a match, in the pattern's order (``m.groups()``: one call, not one a name)."""

    cn: str | None
    cnhi: str | None
    den: str | None
    frac: str | None
    num: str | None
    u1: str | None
    sep: str | None
    hi: str | None
    unit: str | None
    cheng: str | None
    ctail: str | None
    after: str | None


# Group name → number, for ``m.start(n)``: the regex module looks a group's name up slowly.
_GROUP = {name: number for number, name in enumerate(_Groups._fields, start=1)}


@functools.cache
def _patterns(fast: bool) -> dict[str, Pattern]:
    """Trigger word → the pattern with the alternatives that end in it (a match's first letter
    after its amount characters is its trigger), so that the others are not tried there.

    ``fast``: the ``re`` patterns, for a text of the Basic Multilingual Plane (see ``Twin``)."""
    sign = _percent_twin(frozenset({"sign"}))
    twins = {
        "%": sign,
        "‰": sign,
        "分点": sign,  # (个)百分点
        "分之": _percent_twin(frozenset({"chinese", "fraction"})),  # 百分之, N分之M
        "成": _percent_twin(frozenset({"cheng"})),
    }
    return {word: twin.fast if fast else twin.exact for word, twin in twins.items()}


# The digits that may stand right before 成 in a match (see the cheng alternative).
_CHENG_DIGITS = frozenset("一二两三四五六七八九十")


def _triggers(text: str) -> Iterator[tuple[int, Pattern]]:
    """Where a trigger word starts, with the pattern to try before it."""
    patterns = _patterns(in_bmp(text))
    for at in char_positions(text, "%‰分成"):
        ch = text[at]
        if ch == "分":
            pattern = patterns.get(text[at : at + 2])
            if pattern is not None:
                yield at, pattern
        elif ch != "成" or text[at - 1 : at] in _CHENG_DIGITS:
            yield at, patterns[ch]


# A figure found: its start (the sort key), its candidate, and the qualifier after its unit
# that earlier items of a list share (60%、80%以上). A plain tuple: one is built a figure.
_Found = tuple[int, Candidate, Approx | None]


def _fraction(den: str, num: str) -> tuple[Decimal, PercentUnit] | None:
    """三分之一 → 33.33 percent (rounded to 0.01 when it does not terminate); 千分之三 → 3 ‰."""
    if den in _PER:
        value = parse_number(num)
        return (value, _PER[den]) if value is not None else None
    d, n = parse_number(den), parse_number(num)
    if d is None or n is None or d == 0:
        return None
    exact = Fraction(n) / Fraction(d) * 100
    value = Decimal(exact.numerator) / Decimal(exact.denominator)
    try:
        if exact.denominator != 1 and not _terminates(exact.denominator):
            value = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)
        return tidy(value), "percent"
    except InvalidOperation:
        return None  # more digits than a Decimal holds (found by fuzzing: 3分之 and 27 digits)


def _terminates(denominator: int) -> bool:
    for p in (2, 5):
        while denominator % p == 0:
            denominator //= p
    return denominator == 1


def _same(value: Decimal) -> Decimal:
    return value


def _tenfold(value: Decimal) -> Decimal:
    return value * 10


def _value(g: _Groups) -> tuple[Range, PercentUnit, str] | None:
    """The value(s), unit and rule of one match."""
    if g.cn is not None:
        found = resolve_range(g.cn, g.cnhi, _same)
        return (found, "percent", "percent.chinese") if found else None
    if g.frac is not None:
        pair = _fraction(g.den or "", g.frac)
        return (Range(pair[0]), pair[1], "percent.fraction") if pair else None
    if g.cheng is not None:
        found = resolve_range(g.cheng, None, _tenfold)
        if found is None or (len(g.cheng) == 2 and found.value_max is None):
            return None  # two digits that are not neighbours (三五成群)
        return found, "percent", "percent.cheng"
    unit = _UNITS[g.unit or ""]
    if g.u1 and _UNITS[g.u1] != unit:
        return None
    found = resolve_range(_minus(g.num or ""), g.hi and _minus(g.hi), _same)
    rule = "percent.range" if g.hi else "percent.sign"
    return (found, unit, rule) if found else None


def _minus(numeral: str) -> str:
    """The printed minus sign U+2212 as the ASCII one (normalize leaves it)."""
    return numeral.replace("−", "-")


def _pattern_matches(text: str) -> Iterator[Match]:
    """``_percent_twin().exact.finditer(text)``, tried only before the trigger words."""
    return finditer_before(text, _triggers(text))


def _matches(view: NormalizedText) -> Iterator[_Found]:
    text = view.text
    not_after = tuple(_context("not_after"))
    change_from = tuple(_context("change_from"))
    after_words = approx_words()["after"]
    for m in _pattern_matches(text):
        g = _Groups._make(m.groups())
        before = approx_before(text, m.start())
        start = m.start() - len(before) if before else m.start()
        if text.endswith(not_after, 0, start):
            continue  # 价格指数为99%: an index value
        resolved = _value(g)
        if resolved is None:
            continue
        value, unit, rule = resolved
        if value.value_max is not None and g.hi and text.endswith(change_from, 0, start):
            yield from _change(m, g, start, before, unit)  # 从10%到15%: two figures
            continue
        shared = after_words[g.after] if g.after else None
        approx = nearest_approx(before, g.ctail, g.after)
        yield start, _candidate(start, m.end(), rule, value, unit, approx), shared
        if g.num is not None and before is None and g.hi is None:
            for s, e, numeral in list_items_before(view, m.start(_GROUP["num"])):
                item = parse_number(_minus(numeral))
                if item is not None:
                    yield s, _candidate(s, e, "percent.list_item", Range(item), unit, shared), shared


def _change(m: Match, g: _Groups, start: int, before: str | None, unit: PercentUnit) -> Iterator[_Found]:
    """The two ends of 从X到Y as separate figures; the qualifier after Y stays with Y."""
    low, high = parse_number(_minus(g.num or "")), parse_number(_minus(g.hi or ""))
    if low is None or high is None:
        return
    low_end = m.end(_GROUP["u1"]) if g.u1 else m.end(_GROUP["num"])
    approx = nearest_approx(before, None, None)
    yield start, _candidate(start, low_end, "percent.sign", Range(low), unit, approx), None
    approx = nearest_approx(None, None, g.after)
    high_start = m.start(_GROUP["hi"])
    yield high_start, _candidate(high_start, m.end(), "percent.sign", Range(high), unit, approx), None


def _share_qualifiers(found: list[_Found], text: str) -> list[Candidate]:
    """``60%、80%以上``: a qualifier after the last item holds for the items before it."""
    found.sort(key=itemgetter(0))  # stable: as sorted(found, key=start)
    out = [candidate for _, candidate, _ in found]
    shared = [after for _, _, after in found]
    for i in range(len(out) - 2, -1, -1):
        this, nxt = out[i], out[i + 1]
        if (
            shared[i + 1]
            and this.fields["approx"] is None
            and _LIST_SEP_RE.fullmatch(text, this.end, nxt.start)
        ):
            out[i] = this._replace(fields={**this.fields, "approx": shared[i + 1]})
            shared[i] = shared[i + 1]
    return out


def _candidate(
    start: int, end: int, rule: str, value: Range, unit: PercentUnit, approx: Approx | None
) -> Candidate:
    fields: dict[str, Any] = {
        "value": value.value,
        "value_max": value.value_max,
        "unit": unit,
        "approx": approx,
    }
    return Candidate("percent", start, end, rule, fields, priority=9)


def find_percent(view: NormalizedText, context: Context) -> list[Candidate]:
    """Candidates for every percentage, percentage point and per-mille figure."""
    return _share_qualifiers(list(_matches(view)), view.text)

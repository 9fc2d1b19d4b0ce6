"""Percentages (%, 百分之N), percentage points (百分点) and per-mille (‰).

>>> from govnews_extract.normalize import normalize
>>> from govnews_extract.detect import Context
>>> [(c.fields["value"], c.fields["unit"]) for c in find_percent(
...     normalize("同比增长 57.1%，高出平均水平 35个百分点"), Context())]
[(Decimal('57.1'), 'percent'), (Decimal('35'), 'percentage_point')]
"""

from __future__ import annotations

import functools

import regex

from ..normalize import NormalizedText
from ..resolve.numerals import parse_number
from . import Candidate, Context
from ._common import NOT_AFTER_DIGIT, NUMERAL, approx_of, approx_pattern

_UNITS = {"%": "percent", "‰": "permille", "百分点": "percentage_point", "个百分点": "percentage_point"}


@functools.cache
def _percent_re() -> regex.Pattern[str]:
    return regex.compile(
        rf"""
        (?P<before>{approx_pattern("before")})?
        (?:
            百分之(?P<cn>{NUMERAL})                       # 百分之三十
          | {NOT_AFTER_DIGIT}(?P<num>[-+−]?{NUMERAL})     # 57.1, -0.9
            (?P<unit>%|‰|个百分点|百分点)
        )
        (?P<after>{approx_pattern("after")})?
        """,
        regex.VERBOSE,
    )


def find_percent(view: NormalizedText, context: Context) -> list[Candidate]:
    """Candidates for every percentage, percentage point and per-mille figure."""
    found = []
    for m in _percent_re().finditer(view.text):
        value = parse_number((m["cn"] or m["num"]).replace("−", "-"))
        if value is None:
            continue
        unit = _UNITS[m["unit"]] if m["unit"] else "percent"
        fields = {"value": value, "unit": unit, "approx": approx_of(m["before"], None, m["after"])}
        found.append(Candidate("percent", m.start(), m.end(), "percent.sign", fields, priority=9))
    return found

"""From candidates to records: resolve overlaps, map offsets back, build pydantic models."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import cast

from .detect import Candidate
from .models import (
    Count,
    Date,
    Mention,
    Money,
    Multiple,
    Org,
    Percent,
    Person,
    Place,
    Programme,
    Quantity,
    _Mention,
)
from .normalize import NormalizedText, strip_layout
from .sentences import sentence_index, sentence_starts

_MODELS: dict[str, type[_Mention]] = {
    "money": Money,
    "percent": Percent,
    "multiple": Multiple,
    "count": Count,
    "quantity": Quantity,
    "date": Date,
    "programme": Programme,
    "org": Org,
    "place": Place,
    "person": Person,
}
# Names may overlap numbers (十大重点产业调整振兴规划 is a count and a programme);
# within each group, spans may not overlap.
_NAME_TYPES = frozenset({"programme", "org", "place", "person"})


def select(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Keep the longest candidates, then the higher priority, so that none overlap.

    >>> a = Candidate("count", 0, 3, "count.x")
    >>> b = Candidate("money", 0, 5, "money.x")
    >>> [c.type for c in select([a, b])]
    ['money']
    """
    kept: list[Candidate] = []
    # Spans taken in each group, sorted; as they never overlap, their ends are sorted too.
    taken: dict[bool, list[tuple[int, int]]] = {True: [], False: []}
    ranked = sorted(candidates, key=lambda c: (-(c.end - c.start), -c.priority, c.start))
    for cand in ranked:
        group = taken[cand.type in _NAME_TYPES]
        before = bisect.bisect_left(group, (cand.end,))  # spans that start before cand ends
        if before and cand.start < group[before - 1][1]:
            continue
        bisect.insort(group, (cand.start, cand.end))
        kept.append(cand)
    return sorted(kept, key=lambda c: (c.start, c.end))


def build(candidates: list[Candidate], view: NormalizedText) -> list[Mention]:
    """Records for ``candidates`` with offsets and text in the original string."""
    starts = sentence_starts(view)
    records: list[Mention] = []
    for cand in candidates:
        start, end = view.span(cand.start, cand.end)
        model = _MODELS[cand.type]
        record = model(
            start=start,
            end=end,
            text=strip_layout(view.original[start:end]),
            sentence=sentence_index(starts, cand.start),
            rule=cand.rule,
            **cand.fields,
        )
        records.append(cast(Mention, record))
    return records

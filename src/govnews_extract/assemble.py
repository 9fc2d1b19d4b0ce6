"""From candidates to records: resolve overlaps, map offsets back, build pydantic models."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import TypeAdapter

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
    # Text order; a tie (one span, same priority) stays in input order, as in the ranking.
    ordered = sorted(candidates, key=lambda c: (c.start, c.end, -c.priority))
    # Only candidates that overlap others of their group compete, so the ranking runs within
    # each cluster of overlapping spans (most candidates overlap nothing and are kept as is).
    dropped = {
        i
        for names in (False, True)
        for cluster in _clusters(ordered, names)
        for i in _outranked(ordered, cluster)
    }
    if not dropped:
        return ordered
    return [cand for i, cand in enumerate(ordered) if i not in dropped]


def _clusters(ordered: list[Candidate], names: bool) -> Iterator[list[int]]:
    """The runs of two or more overlapping spans among the names (or the numbers) of
    ``ordered``, which is in text order, as indices into it."""
    cluster: list[int] = []
    reach = 0  # the furthest end in the cluster
    for i, cand in enumerate(ordered):
        if (cand.type in _NAME_TYPES) is not names:
            continue
        if cluster and cand.start < reach:
            cluster.append(i)
            reach = max(reach, cand.end)
            continue
        if len(cluster) > 1:
            yield cluster
        cluster = [i]
        reach = cand.end
    if len(cluster) > 1:
        yield cluster


def _outranked(ordered: list[Candidate], cluster: list[int]) -> list[int]:
    """The members of ``cluster`` (indices into ``ordered``) that lose to a longer or higher one."""
    if len(cluster) < 2:
        return []
    lost: list[int] = []
    # Spans taken so far, sorted; as they never overlap, their ends are sorted too.
    taken: list[tuple[int, int]] = []
    ranked = sorted(
        cluster, key=lambda i: (ordered[i].start - ordered[i].end, -ordered[i].priority, ordered[i].start)
    )
    for i in ranked:
        cand = ordered[i]
        before = bisect.bisect_left(taken, (cand.end,))  # spans that start before cand ends
        if before and cand.start < taken[before - 1][1]:
            lost.append(i)
        else:
            bisect.insort(taken, (cand.start, cand.end))
    return lost


def build(candidates: list[Candidate], view: NormalizedText) -> list[Mention]:
    """Records for ``candidates`` with offsets and text in the original string."""
    starts = sentence_starts(view)
    # The fields of each record, grouped by type: pydantic validates a whole list of one
    # model several times faster than it builds the records one call at a time.
    rows: dict[str, list[dict[str, Any]]] = {}
    for cand in candidates:
        start, end = view.span(cand.start, cand.end)
        # (``dict(fields, key=…)`` copies faster than a literal; the fields never hold these keys.)
        row = dict(
            cand.fields,
            start=start,
            end=end,
            text=strip_layout(view.original[start:end]),
            sentence=sentence_index(starts, cand.start),
            rule=cand.rule,
        )
        rows.setdefault(cand.type, []).append(row)
    built = {kind: iter(_list_validator(_MODELS[kind]).validate_python(rows[kind])) for kind in rows}
    return [next(built[cand.type]) for cand in candidates]


@functools.cache
def _list_validator(model: type[_Mention]) -> TypeAdapter[list[Any]]:
    """Validates a list of one model's records (built on first use, then kept)."""
    return TypeAdapter(list[model])  # type: ignore[valid-type]  # a model class held in a variable

"""Detectors: each finds candidate spans of one mention type in the normalized view.

A detector is a pure function ``find(view, context) -> list[Candidate]``. It never
raises on odd text (it finds nothing) and reports offsets in the *normalized* view;
:mod:`govnews_extract.assemble` resolves overlaps and maps offsets back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from ..models import MentionType
from ..normalize import NormalizedText


@dataclass(frozen=True, slots=True)
class Context:
    """What a detector may know besides the text."""

    published: dt.date | None = None
    title: str | None = None


class Candidate(NamedTuple):
    """A proposed mention: a span of the normalized view plus the record's typed fields.

    A named tuple rather than a frozen dataclass: as immutable, and made two to three times
    faster (a parse makes one for every figure it reads). ``fields`` is read, never changed:
    ``_replace`` gives a candidate with other fields.
    """

    type: MentionType
    start: int
    end: int
    rule: str
    fields: Mapping[str, Any] = {}  # shared by the candidates without fields: never mutated
    # Higher wins when two candidates of the same length overlap.
    priority: int = 0


Detector = Callable[[NormalizedText, Context], list[Candidate]]

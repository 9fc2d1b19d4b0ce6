"""Detectors: each finds candidate spans of one mention type in the normalized view.

A detector is a pure function ``find(view, context) -> list[Candidate]``. It never
raises on odd text (it finds nothing) and reports offsets in the *normalized* view;
:mod:`govnews_extract.assemble` resolves overlaps and maps offsets back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..models import MentionType
from ..normalize import NormalizedText


@dataclass(frozen=True, slots=True)
class Context:
    """What a detector may know besides the text."""

    published: dt.date | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A proposed mention: a span of the normalized view plus the record's typed fields."""

    type: MentionType
    start: int
    end: int
    rule: str
    fields: Mapping[str, Any] = field(default_factory=dict)
    # Higher wins when two candidates of the same length overlap.
    priority: int = 0


Detector = Callable[[NormalizedText, Context], list[Candidate]]

"""Optional statistical NER: entities of a user's spaCy model merged with the rules.

``parse(text, ner=...)`` takes a loaded spaCy ``Language`` with an entity recognizer, the
name of an installed model package (loaded once, never downloaded), or a ``Doc`` whose
entities are already set. ORG, GPE/LOC and PERSON entities become org, place and person
candidates; the rules win where both find the same span.
"""

from __future__ import annotations

import bisect
import functools
from typing import Any

from .detect import Candidate
from .models import MentionType
from .normalize import NormalizedText

LABELS: dict[str, MentionType] = {
    "ORG": "org",
    "GPE": "place",
    "LOC": "place",
    "PERSON": "person",
    "PER": "person",
}
_PRIORITY = 2  # below every rule (names use 3-6)


@functools.cache
def _load(name: str) -> Any:
    import spacy

    return spacy.load(name)


def entities(ner: Any, text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of the entities ``ner`` finds in ``text`` (original offsets)."""
    if isinstance(ner, str):
        ner = _load(ner)
    doc = ner if hasattr(ner, "ents") and hasattr(ner, "text") else ner(text)
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def to_view(view: NormalizedText, start: int, end: int) -> tuple[int, int] | None:
    """The view span that covers original ``[start, end)``, or None if it is all layout."""
    s = bisect.bisect_left(view.origin, start)
    e = bisect.bisect_left(view.origin, end)
    return (s, e) if s < e else None


def find_entities(view: NormalizedText, ner: Any, types: tuple[MentionType, ...]) -> list[Candidate]:
    """Candidates for the ORG/GPE/LOC/PERSON entities of ``ner``, of the wanted types only."""
    found = []
    for start, end, label in entities(ner, view.original):
        kind = LABELS.get(label)
        span = to_view(view, start, end)
        if kind is None or kind not in types or span is None:
            continue
        name = view.text[span[0] : span[1]]
        found.append(
            Candidate(kind, span[0], span[1], f"{kind}.ner_{label.lower()}", {"name": name}, _PRIORITY)
        )
    return found

"""The ordered list of detectors, one per mention type.

NOTE: keep in sync with ``models.ALL_TYPES``; a type with no detector yields nothing.

``MULTI_TYPE_DETECTORS`` holds detectors that emit several types (a table's figures are
money, percent, quantity or count by their headers): each runs when any of its types is
requested, and only candidates of requested types are kept.

Name detectors are imported on first use, so that numeric-only parses never load
the gazetteers, jieba or spaCy.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..models import MentionType
from ..normalize import NormalizedText
from . import Candidate, Context, Detector, count, dates, money, multiple, percent, quantity, tables

MULTI_TYPE_DETECTORS: dict[str, tuple[frozenset[MentionType], Detector]] = {
    "tables": (tables.TYPES, tables.find_table_figures),
}


def _find_programme(view: NormalizedText, context: Context) -> list[Candidate]:
    from .programme import find_programme

    return find_programme(view, context)


def _find_org(view: NormalizedText, context: Context) -> list[Candidate]:
    from .organisation import find_organisation

    return find_organisation(view, context)


def _find_place(view: NormalizedText, context: Context) -> list[Candidate]:
    from .place import find_place

    return find_place(view, context)


def _find_person(view: NormalizedText, context: Context) -> list[Candidate]:
    from .person import find_person

    return find_person(view, context)


DETECTORS: dict[MentionType, Detector] = {
    "money": money.find_money,
    "percent": percent.find_percent,
    "multiple": multiple.find_multiple,
    "date": dates.find_dates,
    "count": count.find_count,
    "quantity": quantity.find_quantity,
    "programme": _find_programme,
    "org": _find_org,
    "place": _find_place,
    "person": _find_person,
}


def find_multi_type(wanted: Iterable[MentionType], view: NormalizedText, context: Context) -> list[Candidate]:
    """Candidates of the ``wanted`` types from every multi-type detector that can yield one."""
    kinds = frozenset(wanted)
    return [
        cand
        for types, find in MULTI_TYPE_DETECTORS.values()
        if types & kinds
        for cand in find(view, context)
        if cand.type in kinds
    ]

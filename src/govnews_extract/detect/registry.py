"""The ordered list of detectors, one per mention type.

NOTE: keep in sync with ``models.ALL_TYPES``; a type with no detector yields nothing.

``MULTI_TYPE_DETECTORS`` holds detectors that emit several types (a table's figures are
money, percent, quantity or count by their headers): each runs when any of its types is
requested, and only candidates of requested types are kept.
"""

from __future__ import annotations

from ..models import MentionType
from . import Detector, dates, money, multiple, percent, tables

DETECTORS: dict[MentionType, Detector] = {
    "money": money.find_money,
    "percent": percent.find_percent,
    "multiple": multiple.find_multiple,
    "date": dates.find_dates,
}

MULTI_TYPE_DETECTORS: dict[str, tuple[frozenset[MentionType], Detector]] = {
    "tables": (tables.TYPES, tables.find_table_figures),
}

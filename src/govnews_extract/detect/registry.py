"""The ordered list of detectors, one per mention type.

NOTE: keep in sync with ``models.ALL_TYPES``; a type with no detector yields nothing.
"""

from __future__ import annotations

from ..models import MentionType
from . import Detector, dates, money, multiple, percent

DETECTORS: dict[MentionType, Detector] = {
    "money": money.find_money,
    "percent": percent.find_percent,
    "multiple": multiple.find_multiple,
    "date": dates.find_dates,
}

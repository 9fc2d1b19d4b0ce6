"""Typed, offset-exact records from Chinese government news.

>>> from govnews_extract import parse
>>> parse("发放 3493.59万元创新券").money[0].value
Decimal('34935900')
"""

from .models import (
    Article,
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
)
from .pipeline import parse, parse_many

__all__ = [
    "Article",
    "Count",
    "Date",
    "Mention",
    "Money",
    "Multiple",
    "Org",
    "Percent",
    "Person",
    "Place",
    "Programme",
    "Quantity",
    "parse",
    "parse_many",
]
__version__ = "0.1.0"

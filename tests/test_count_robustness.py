"""The count and quantity word lists load cleanly, and odd text never breaks the matchers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govnews_extract import parse
from govnews_extract._data import load_lexicon, load_table
from govnews_extract.models import Count, Quantity

from .invariants import check_article

TABLES = [
    ("lexicons/classifiers.tsv", 3),
    ("lexicons/not_counts.tsv", 4),
    ("lexicons/count_nouns.tsv", 2),
    ("lexicons/units.tsv", 4),
    ("lexicons/rate_contexts.tsv", 2),
]
LEXICONS = ["lexicons/counted_stops.txt", "lexicons/not_quantities.txt"]


@pytest.mark.parametrize(("path", "columns"), TABLES)
def test_table_keys_are_unique(path: str, columns: int) -> None:
    rows = load_table(path, columns)
    keys = [row[:2] if path.endswith("not_counts.tsv") else row[0] for row in rows]
    assert rows
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("path", LEXICONS)
def test_lexicon_entries_are_unique(path: str) -> None:
    entries = load_lexicon(path)
    assert entries
    assert len(entries) == len(set(entries))


def test_column_values_are_known() -> None:
    assert {row[1] for row in load_table("lexicons/classifiers.tsv", 3)} <= {"any", "small"}
    assert {row[2] for row in load_table("lexicons/classifiers.tsv", 3)} <= {"keep", "drop"}
    assert {row[0] for row in load_table("lexicons/not_counts.tsv", 4)} <= {"before", "after"}
    assert {row[1] for row in load_table("lexicons/count_nouns.tsv", 2)} <= {"noun", "link"}
    for _, _, after, factor in load_table("lexicons/units.tsv", 4):
        assert after in {"any", "arabic"}
        assert int(factor) >= 1


# Odd text built from the characters the count and quantity matchers care about.
_ODD_ALPHABET = (
    "0123456789.,-—～一二两三十百千万亿余多约近超"
    "家个名人大类条第前“”《》（）、和 \n\t\u200b亩吨米度平方公里/元%"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ODD_ALPHABET, max_size=40))
def test_odd_text_never_raises_and_keeps_the_invariants(text: str) -> None:
    article = parse(text, types=["count", "quantity"])
    check_article(article)
    for mention in article.mentions:
        assert isinstance(mention, Count | Quantity)
        assert mention.value is None or mention.value >= 0

"""Every name data file loads, has no duplicates, and is NFKC-stable where matched on the view."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from govnews_extract._data import load_lexicon, load_table

ROOT = Path(__file__).resolve().parent.parent
LISTS = [
    "gazetteers/organisations.txt",
    "gazetteers/persons.txt",
    "lexicons/titles.txt",
    "lexicons/org_bodies.txt",
    "lexicons/name_left_stops.txt",
    "lexicons/org_generic.txt",
    "lexicons/programme_generic.txt",
    "lexicons/programme_not_after.txt",
    "lexicons/programme_not_before.txt",
    "lexicons/programme_concepts.txt",
    "lexicons/programme_head_not_after.txt",
    "lexicons/programme_verbs.txt",
    "lexicons/programme_category_openers.txt",
    "lexicons/programme_inner_words.txt",
    "lexicons/place_after_words.txt",
    "lexicons/zone_left_verbs.txt",
    "lexicons/surnames.txt",
    "lexicons/company_industries.txt",
    "lexicons/byline_labels.txt",
]
TABLES = [
    ("gazetteers/places.tsv", 2),
    ("lexicons/org_suffixes.tsv", 2),
    ("lexicons/programme_heads.tsv", 3),
    ("lexicons/programme_weak_heads.tsv", 3),
    ("lexicons/zone_heads.tsv", 2),
    ("lexicons/programme_slogan_parts.tsv", 2),
    ("jieba_userdict.txt", 3),
]


@pytest.mark.parametrize("relpath", LISTS)
def test_lists_have_no_duplicates(relpath: str) -> None:
    entries = [w for line in load_lexicon(relpath) for w in line.split()]
    assert entries and len(entries) == len(set(entries))


@pytest.mark.parametrize(("relpath", "columns"), TABLES)
def test_tables_have_unique_keys(relpath: str, columns: int) -> None:
    keys = [row[0] for row in load_table(relpath, columns)]
    assert keys and len(keys) == len(set(keys))


def test_divisions_cover_every_province() -> None:
    rows = load_table("gazetteers/divisions.tsv", 7)
    assert len({r[6] for r in rows}) == 34
    assert ("331100", "city", "丽水市", "丽水", "2", "", "浙江省") in rows


def test_divisions_match_their_generator() -> None:
    if importlib.util.find_spec("jionlp") is None:
        pytest.skip("jionlp (the source of the division table) is not installed")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_divisions.py"), "--check"], check=False
    )
    assert result.returncode == 0, (
        "data/gazetteers/divisions.tsv is out of date: run scripts/make_divisions.py"
    )

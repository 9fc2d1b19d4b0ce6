"""Counts and quantities in the running text of the dev corpus, against its gold.

Article 001's figures sit in flattened tables (the tables detector's job), so it is left out.
Skipped when ../shared is absent (a fresh clone).
"""

from __future__ import annotations

import functools
import importlib
import sys
from decimal import Decimal
from types import ModuleType
from typing import Any

import pytest

from govnews_extract import Article, parse

from .conftest import corpus_dates, corpus_dir, read_corpus_article
from .invariants import check_article

TYPES = ("count", "quantity")
TABLE_ARTICLES = {"001"}
# The floor this branch reaches (exact F1 over the prose articles); a drop is a regression.
FLOOR = {"count": 0.95, "quantity": 0.95}


def _govgold() -> ModuleType:
    tools = corpus_dir().parent / "tools"
    if not (tools / "govgold.py").is_file():
        pytest.skip("../shared/tools/govgold.py is not present")
    sys.path.insert(0, str(tools))
    try:
        return importlib.import_module("govgold")
    finally:
        sys.path.remove(str(tools))


def _exact(gold: Any, pred: Any) -> bool:
    for key, want in gold.fields.items():
        if key == "counted":
            continue
        got = getattr(pred, key, None)
        if key in ("value", "value_max"):
            if (want is None) != (got is None) or (want is not None and Decimal(want) != got):
                return False
        elif want != got:
            return False
    return True


@functools.cache
def _parsed(doc: str) -> Article:
    article = parse(read_corpus_article(doc), doc_id=doc, published=corpus_dates().get(doc))
    check_article(article)
    return article


@pytest.mark.parametrize("kind", TYPES)
def test_prose_counts_and_quantities_match_the_gold(kind: str) -> None:
    govgold = _govgold()
    gold_dir, art_dir = corpus_dir() / "gold", corpus_dir() / "articles"
    n_gold = n_pred = good = 0
    for path in sorted(gold_dir.glob("*.jsonl")):
        doc = path.stem
        if doc in TABLE_ARTICLES:
            continue
        article = _parsed(doc)
        preds = [m for m in article.mentions if m.type == kind]
        golds = [g for g in govgold.load_gold(gold_dir, art_dir, doc, article.text) if g.type == kind]
        n_gold, n_pred = n_gold + len(golds), n_pred + len(preds)
        for g in golds:
            hit = [p for p in preds if p.start < g.end and g.start < p.end]
            good += bool(hit) and _exact(g, hit[0])
    f1 = 2 * good / (n_gold + n_pred) if n_gold + n_pred else 1.0
    assert f1 >= FLOOR[kind], f"{kind}: exact F1 {f1:.3f} below {FLOOR[kind]}"

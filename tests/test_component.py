"""The spaCy side: the one factory, its spans and records, and the optional NER plug-in."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from govnews_extract import parse
from govnews_extract.component import FACTORY, make_govnews_extract
from govnews_extract.segment import build_nlp

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def nlp() -> Any:
    pipeline = build_nlp()
    pipeline.add_pipe(FACTORY)
    return pipeline


def test_entry_point_names_the_factory() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    target = project["entry-points"]["spacy_factories"][FACTORY]
    module, attr = target.split(":")
    assert getattr(__import__(module, fromlist=[attr]), attr) is make_govnews_extract


def test_segmenter_is_jieba_with_our_dictionary(nlp: Any) -> None:
    assert nlp.tokenizer.segmenter == "jieba"
    assert "投促局" in [t.text for t in nlp("会同投促局审核")]


def test_spans_and_records(nlp: Any) -> None:
    doc = nlp("市委书记胡海峰到丽水市科技局调研，下达资金3500万元")
    labels = {(s.label_, s.text) for s in doc.spans["govnews"]}
    assert {("person", "胡海峰"), ("org", "丽水市科技局"), ("money", "3500万元")} <= labels
    assert all(s.id_ for s in doc.spans["govnews"])
    records = doc._.govnews_records
    assert [r.type for r in records] == [s.label_ for s in doc.spans["govnews"]]


def test_removing_a_span_removes_its_record(nlp: Any) -> None:
    doc = nlp("丽水市科技局下达资金3500万元")
    doc.spans["govnews"] = [s for s in doc.spans["govnews"] if s.label_ != "org"]
    assert [r.type for r in doc._.govnews_records] == ["money"]


def _tiny_ner() -> Any:
    """A small NER trained here on a few sentences (nothing downloaded)."""
    import spacy
    from spacy.training import Example

    spacy.util.fix_random_seed(0)
    nlp = build_nlp()
    ner = nlp.add_pipe("ner")
    data = [
        ("星河动力公布了新的计划", [(0, 4, "ORG")]),
        ("星河动力与合作方签约", [(0, 4, "ORG")]),
        ("今年星河动力扩大生产", [(2, 6, "ORG")]),
        ("我们走访了星河动力", [(5, 9, "ORG")]),
    ]
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": e}) for t, e in data]
    for _, ents in data:
        for ent in ents:
            ner.add_label(ent[2])
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(30):
        nlp.update(examples, sgd=optimizer, drop=0.0)
    return nlp


def test_ner_plug_in_merges_entities() -> None:
    text = "星河动力公布了新的计划"
    assert not parse(text, types=["org"]).mentions
    ner = _tiny_ner()
    assert [(e.text, e.label_) for e in ner(text).ents] == [("星河动力", "ORG")]
    article = parse(text, types=["org"], ner=ner)
    assert [(m.type, m.text, m.rule) for m in article.mentions] == [("org", "星河动力", "org.ner_org")]
    ner.add_pipe(FACTORY)
    doc = ner(text)
    assert [(s.label_, s.text) for s in doc.spans["govnews"]] == [("org", "星河动力")]


def test_numeric_parse_never_imports_spacy_or_jieba() -> None:
    # What keeps start-up short; the time itself is measured by benchmarks/throughput.py, not here.
    code = (
        "import sys; from govnews_extract import parse; "
        "parse('资金3500万元，增长5%', types=['money', 'percent']); "
        "assert not {'spacy', 'jieba', 'ahocorasick', 'numpy'} & set(sys.modules), sorted(sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)

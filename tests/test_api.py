from __future__ import annotations

import datetime as dt
import json

import pytest

from govnews_extract import Article, parse, parse_many


def test_parse_rejects_non_text() -> None:
    with pytest.raises(TypeError, match="str"):
        parse(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="str"):
        parse(None)  # type: ignore[arg-type]


def test_invalid_published_is_a_clear_value_error() -> None:
    with pytest.raises(ValueError, match="ISO date"):
        parse("增长10%", published="yesterday")


def test_published_accepts_date_and_iso_string() -> None:
    assert parse("x", published="2020-06-01").published == dt.date(2020, 6, 1)
    assert parse("x", published=dt.date(2020, 6, 1)).published == dt.date(2020, 6, 1)


def test_types_filters_and_validates() -> None:
    art = parse("研发经费32.5亿元，同比增长57.1%", types=["percent"])
    assert {m.type for m in art.mentions} == {"percent"}
    with pytest.raises(ValueError, match="unknown mention type"):
        parse("x", types=["cash"])


def test_doc_id_defaults_to_stable_hash() -> None:
    assert parse("同比增长57.1%").doc_id == parse("同比增长57.1%").doc_id
    assert parse("同比增长57.1%", doc_id="a").doc_id == "a"


def test_json_round_trip_keeps_decimals_as_strings() -> None:
    art = parse("发放 3493.59万元创新券", doc_id="x")
    data = json.loads(art.model_dump_json())
    assert data["mentions"][0]["value"] == "34935900"
    assert Article.model_validate_json(art.model_dump_json()) == art


def test_json_schema_is_exportable() -> None:
    schema = Article.model_json_schema()
    assert "mentions" in schema["properties"]


def test_parse_many_accepts_texts_and_dicts() -> None:
    arts = list(parse_many(["增长10%", {"text": "增长20%", "doc_id": "b"}]))
    assert [a.percentages[0].value for a in arts] == [10, 20]
    assert arts[1].doc_id == "b"


def test_models_are_frozen() -> None:
    art = parse("增长10%")
    with pytest.raises(Exception, match="frozen"):
        art.doc_id = "other"  # type: ignore[misc]

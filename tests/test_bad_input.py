"""Bad arguments fail at once with an error that says what was expected; odd text never fails."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from govnews_extract import models, parse, parse_many
from govnews_extract.errors import DocumentError, DocumentTooLongError, GovnewsError
from govnews_extract.pipeline import DEFAULT_MAX_LENGTH

from .invariants import check_article

# fmt: off
NOT_TEXT: list[Any] = [None, b"\xe5\xa2\x9e\xe9\x95\xbf10%", bytearray(b"10%"), 10, 1.5, Decimal("10"),
                       ["增长10%"], ("增长10%",), {"text": "增长10%"}, memoryview(b"10%")]
BAD_PUBLISHED: list[Any] = ["yesterday", "2020-13-01", "2020-02-30", "2020/06/01", "", "20200601x", 20200601,
                            1.5, ["2020-06-01"]]
GOOD_PUBLISHED: list[Any] = ["2020-06-01", " 2020-06-01\n", dt.date(2020, 6, 1),
                              dt.datetime(2020, 6, 1, 8, 30)]
# fmt: on


@pytest.mark.parametrize("value", NOT_TEXT, ids=[type(v).__name__ for v in NOT_TEXT])
def test_non_text_is_a_type_error_naming_str(value: Any) -> None:
    with pytest.raises(TypeError, match=rf"expects the article text as str, got {type(value).__name__}"):
        parse(value)


@pytest.mark.parametrize("name", ["doc_id", "title"])
def test_non_text_doc_id_or_title_is_a_type_error(name: str) -> None:
    with pytest.raises(TypeError, match=rf"{name} as str or None, got int"):
        parse("增长10%", **{name: 7})


def test_types_given_as_one_string_is_a_type_error() -> None:
    with pytest.raises(TypeError, match=r"list of mention types such as \['money'\]"):
        parse("增长10%", types="money")


@pytest.mark.parametrize("value", BAD_PUBLISHED, ids=[repr(v) for v in BAD_PUBLISHED])
def test_invalid_published_is_a_value_error(value: Any) -> None:
    with pytest.raises(ValueError, match="published must be"):
        parse("增长10%", published=value)


@pytest.mark.parametrize("value", GOOD_PUBLISHED, ids=[repr(v) for v in GOOD_PUBLISHED])
def test_valid_published_is_a_date(value: Any) -> None:
    assert parse("增长10%", published=value).published == dt.date(2020, 6, 1)


def test_parse_many_reports_the_same_errors() -> None:
    with pytest.raises(TypeError, match="as str"):
        list(parse_many(["增长10%", None]))  # type: ignore[list-item]


# --- the maximum length guard -------------------------------------------------------------------


def test_too_long_text_is_refused_with_a_clear_error_naming_the_document() -> None:
    with pytest.raises(DocumentTooLongError, match=r"^report-7: 11 characters exceeds max_length=10") as info:
        parse("同比增长10%，高于全", doc_id="report-7", max_length=10)
    assert isinstance(info.value, ValueError)  # callers catching ValueError see it too
    assert isinstance(info.value, DocumentError) and isinstance(info.value, GovnewsError)
    assert (info.value.doc_id, info.value.length, info.value.max_length) == ("report-7", 11, 10)


def test_too_long_text_without_doc_id_is_named_by_its_hash() -> None:
    text = "增长10%" * 3
    with pytest.raises(DocumentTooLongError) as info:
        parse(text, max_length=5)
    assert info.value.doc_id == parse(text).doc_id


def test_text_at_the_limit_is_parsed_and_none_lifts_the_limit() -> None:
    assert parse("增长10%", max_length=5).percentages[0].value == 10
    long_text = "增长10%，" * 10
    assert len(parse(long_text, max_length=None).percentages) == 10
    assert len(parse_many([long_text], max_length=None).__next__().percentages) == 10


def test_default_limit_is_a_few_megabytes() -> None:
    assert 1_000_000 <= DEFAULT_MAX_LENGTH <= 10_000_000
    with pytest.raises(DocumentTooLongError):
        parse(" " * (DEFAULT_MAX_LENGTH + 1))


# --- odd text is not an error ---------------------------------------------------------------------

# fmt: off
ODD_TEXT = [
    "", " ", "\n\n\n", "\x00", "\ufeff", "\ud800", "\udfff\ud800", "😀" * 3, "\U0010ffff",
    "\u200b1\u200b0\u200b%", "1" * 5000 + "万元", "万" * 5000 + "元", "约" * 1000 + "1元",
    "１０％", "\r\n".join("12345"), "“" * 100 + "十三五" + "”" * 100, "《" * 100 + "规划",
    "-" * 50 + "1%", "1." * 100 + "5%", "百分之" * 100, "个百分点" * 10, "万元" * 100,
]
# fmt: on


@pytest.mark.parametrize("text", ODD_TEXT, ids=[repr(t[:20]) for t in ODD_TEXT])
def test_odd_text_parses_cleanly(text: str) -> None:
    check_article(parse(text, published="2020-06-01"))


# Text with lone surrogates, and what json.loads reads back from model_dump_json(): the same
# text, except that a high surrogate right before a low one is read as the pair's character.
SURROGATE_TEXT = [
    ("增长\ud80010%", "增长\ud80010%"),
    ("\udfff增长10%\ud800", "\udfff增长10%\ud800"),
    ("\udc00\ud800增长10%", "\udc00\ud800增长10%"),
    ("\ud83d\ude00增长10%", "😀增长10%"),
]


@pytest.mark.parametrize("text, read_back", SURROGATE_TEXT, ids=[repr(t) for t, _ in SURROGATE_TEXT])
@pytest.mark.parametrize("options", [{}, {"indent": 2}, {"ensure_ascii": True}, {"exclude": {"title"}}])
def test_lone_surrogate_survives_json(text: str, read_back: str, options: dict[str, Any]) -> None:
    article = parse(text)
    written = article.model_dump_json(**options)
    written.encode("utf-8")  # no surrogate left unescaped
    data = json.loads(written)
    assert data["text"] == read_back
    assert data["mentions"][0]["value"] == "10"
    assert data == {**article.model_dump(mode="json", exclude=options.get("exclude")), "text": read_back}


def test_lone_surrogate_in_a_mention_survives_json() -> None:
    mention = parse("增长10%").mentions[0].model_copy(update={"text": "10\ud800%"})
    assert json.loads(mention.model_dump_json())["text"] == "10\ud800%"


@pytest.mark.parametrize("options", [{}, {"indent": 2}, {"ensure_ascii": True}, {"exclude": {"text"}}])
def test_surrogate_escaping_writer_writes_what_pydantic_writes(
    fixture_articles: list[Path], options: dict[str, Any]
) -> None:
    # The writer model_dump_json() falls back on, on articles pydantic can write: byte for byte.
    texts = [p.read_text(encoding="utf-8-sig") for p in fixture_articles]
    texts += ["“引号”\\\\反斜杠\t制表\x00\x1f\x7f\u2028\u3000 增长10%", "", "\\u007f\\\x7f\\\\u007f"]
    for text in texts:
        article = parse(text, published="2020-06-01", title="标题")
        kwargs = {k: v for k, v in options.items() if k not in ("indent", "ensure_ascii")}
        data = article.model_dump(mode="json", **kwargs)
        written = models._write_json(
            data, indent=options.get("indent"), ensure_ascii=options.get("ensure_ascii", False)
        )
        assert written == article.model_dump_json(**options)

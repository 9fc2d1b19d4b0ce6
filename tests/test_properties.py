"""Properties that hold for every input: parse() never raises, spans are exact, output is stable.

The generated texts (``tests/strategies.py``) mix numerals, units, qualifiers, quotes and
brackets with every kind of whitespace, control characters, astral-plane characters and lone
surrogates. The number of examples comes from the hypothesis profile (``dev`` or ``ci``,
selected by GOVNEWS_TEST_PROFILE in ``conftest.py``).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from govnews_extract import Article, parse
from govnews_extract.models import ALL_TYPES, NUMERIC_TYPES
from govnews_extract.normalize import normalize
from govnews_extract.sentences import sentence_starts

from .invariants import check_article
from .strategies import messy_text, sentence_end

PUBLISHED = "2020-06-01"


def _key(m: Any, shift: int = 0, *, with_value: bool = True) -> tuple[Any, ...]:
    """What must be found: type, span, printed text and (optionally) the resolved value."""
    value = getattr(m, "value", None) if with_value else None
    return (m.type, m.start + shift, m.end + shift, m.text, value)


def _wide(text: str) -> str:
    """ASCII printable characters to their full-width forms (１２.５％ and the like)."""
    return "".join(chr(ord(ch) + 0xFEE0) if 0x21 <= ord(ch) <= 0x7E else ch for ch in text)


@given(messy_text)
@example("1728.88\n万元\ud800")
@example("\ufeff约\u3000三千五百\n万元以上\x00😀")
@example("“十三五”期间投资\r\n80亿\n元，增长\u200b57.1％")
def test_parse_never_raises_and_every_span_is_exact(text: str) -> None:
    article = parse(text, published=PUBLISHED)
    check_article(article)  # 0 <= start < end <= len, text == layout-free slice, Decimals, disjoint
    sentences = len(sentence_starts(normalize(text)))
    for m in article.mentions:
        assert m.type in ALL_TYPES
        assert 0 <= m.sentence < sentences, m


@given(messy_text)
def test_parse_is_deterministic(text: str) -> None:
    first = parse(text, published=PUBLISHED, doc_id="d")
    assert parse(text, published=PUBLISHED, doc_id="d") == first
    assert parse(text, published=PUBLISHED, doc_id="d").model_dump() == first.model_dump()


@given(messy_text, sentence_end, messy_text)
@example("增长10", "。", "%")
@example("投资80亿", "。", "元")
@example("约", "。", "3万元")
@example("'一", "！", "一'")  # quotes that seemed to pair across the break made one programme
def test_paragraphs_are_found_independently(a: str, end: str, b: str) -> None:
    """``parse(a + "\\n\\n" + b)`` finds what ``parse(a)`` and ``parse(b)`` find, shifted.

    True by construction because ``a`` ends a sentence: no mention may run across a
    sentence end and a paragraph break. Date values may legitimately depend on earlier
    sentences (a year carried forward), so dates are compared by span, not by value.
    """
    first = a + end
    joined = parse(first + "\n\n" + b, published=PUBLISHED)
    alone_a = parse(first, published=PUBLISHED)
    alone_b = parse(b, published=PUBLISHED)
    shift = len(first) + 2

    def keys(article: Article, offset: int = 0) -> Counter[tuple[Any, ...]]:
        return Counter(_key(m, offset, with_value=m.type != "date") for m in article.mentions)

    assert keys(joined) == keys(alone_a) + keys(alone_b, shift)


@given(messy_text)
@example("同比增长57.1%，高出35个百分点")
@example("投资1,250.5万美元")
def test_full_width_text_reads_the_same(text: str) -> None:
    """Full-width digits and signs (１２.５％) fold to ASCII one for one: same spans, same values."""
    numeric = set(NUMERIC_TYPES)
    plain = [_key(m) for m in parse(text, published=PUBLISHED).mentions if m.type in numeric]
    wide = parse(_wide(text), published=PUBLISHED)
    check_article(wide)
    assert [(t, s, e, v) for t, s, e, _, v in plain] == [
        (m.type, m.start, m.end, getattr(m, "value", None)) for m in wide.mentions if m.type in numeric
    ]


@given(st.lists(messy_text, max_size=4))
def test_parse_many_equals_parse_one_by_one(texts: list[str]) -> None:
    from govnews_extract import parse_many

    assert list(parse_many(texts, published=PUBLISHED)) == [parse(t, published=PUBLISHED) for t in texts]

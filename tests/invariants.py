"""Checks every mention of every test must satisfy."""

from __future__ import annotations

from decimal import Decimal

from govnews_extract import Article
from govnews_extract.normalize import strip_layout


def check_article(article: Article) -> None:
    """Offsets valid, text equals the layout-free slice, values Decimal, numeric spans disjoint."""
    text = article.text
    previous_end = -1
    names = {"programme", "org", "place", "person"}
    for m in article.mentions:
        assert 0 <= m.start < m.end <= len(text), m
        assert m.text == strip_layout(text[m.start : m.end]), m
        assert m.text, m
        value = getattr(m, "value", None)
        if m.type not in ("date", *names):
            assert value is None or isinstance(value, Decimal), m
        if m.type not in names:
            assert m.start >= previous_end, f"overlapping numeric mentions at {m}"
            previous_end = m.end
    starts = [m.start for m in article.mentions]
    assert starts == sorted(starts)

"""An HTML view of one article: every mention highlighted and labelled with its value.

Rendered with spaCy's displaCy in its span style. The page's tokens are the pieces of text
between mention boundaries, so every mention is a whole number of tokens and overlapping
mentions (a count inside a programme's name) are both shown.
"""

from __future__ import annotations

import itertools
from typing import Any

from .models import Article, Mention

_COLORS = {
    "money": "#f4c542",
    "percent": "#8fd3a5",
    "multiple": "#b5e48c",
    "count": "#9ad0f5",
    "quantity": "#c3b1e1",
    "date": "#f7a8a8",
    "programme": "#ffb870",
    "org": "#7fd6d0",
    "place": "#a7c7e7",
    "person": "#f5a3d9",
}


def label(mention: Mention) -> str:
    """The mention's type and normalised value, as shown above the highlight.

    >>> from govnews_extract import parse
    >>> label(parse("资金3500万元").money[0])
    'money 35000000 CNY 万元'
    """
    fields = mention.model_dump(exclude={"type", "start", "end", "text", "sentence", "rule"})
    if mention.type in ("org", "person", "place", "programme"):
        shown = [fields.get("full_name") or fields["name"], fields.get("title"), fields.get("province")]
    else:
        shown = [fields.get("value"), fields.get("value_max"), fields.get("currency"), fields.get("unit")]
    return " ".join([mention.type, *(str(v) for v in shown if v not in (None, ""))])


def pieces(text: str, mentions: list[Mention]) -> list[tuple[int, int]]:
    """The text cut at every mention boundary and line break.

    >>> pieces("ab\\ncd", [])
    [(0, 2), (2, 3), (3, 5)]
    """
    cuts = {0, len(text)} | {m.start for m in mentions} | {m.end for m in mentions}
    cuts |= {i for i, ch in enumerate(text) if ch == "\n"} | {
        i + 1 for i, ch in enumerate(text) if ch == "\n"
    }
    ordered = sorted(c for c in cuts if 0 <= c <= len(text))
    return [(a, b) for a, b in itertools.pairwise(ordered) if a < b]


def render(article: Article) -> str:
    """A standalone HTML page of ``article`` with its mentions highlighted."""
    from spacy import displacy
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

    cut = pieces(article.text, article.mentions) or [(0, 0)]
    words = [article.text[a:b] or " " for a, b in cut]
    doc = Doc(Vocab(), words=words, spaces=[False] * len(words))
    index = {a: i for i, (a, _) in enumerate(cut)} | {cut[-1][1]: len(cut)}
    spans = [Span(doc, index[m.start], index[m.end], label=label(m)) for m in article.mentions]
    doc.spans["govnews"] = spans
    colors: dict[str, Any] = {s.label_: _COLORS.get(s.label_.split(" ")[0], "#ddd") for s in spans}
    options = {"spans_key": "govnews", "colors": colors}
    html: str = displacy.render(doc, style="span", options=options, page=True, minify=True)
    return html.replace("<html ", '<html lang="zh" ', 1).replace(
        "<head>", '<head><meta charset="utf-8"><title>' + _escape(article.doc_id) + "</title>", 1
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

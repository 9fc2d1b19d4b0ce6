"""An HTML view of one article: every mention highlighted and labelled with its value.

Rendered with spaCy's displaCy in its span style, over one token per character, so that
overlapping mentions (a count inside a programme's name) are both shown.
"""

from __future__ import annotations

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


def render(article: Article) -> str:
    """A standalone HTML page of ``article`` with its mentions highlighted."""
    from spacy import displacy
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

    chars = list(article.text)
    doc = Doc(Vocab(), words=chars, spaces=[False] * len(chars)) if chars else Doc(Vocab(), words=[" "])
    spans = [Span(doc, m.start, m.end, label=label(m)) for m in article.mentions if m.end <= len(doc)]
    doc.spans["govnews"] = spans
    colors: dict[str, Any] = {s.label_: _COLORS.get(s.label_.split(" ")[0], "#ddd") for s in spans}
    options = {"spans_key": "govnews", "colors": colors}
    html: str = displacy.render(doc, style="span", options=options, page=True, minify=True)
    return html.replace("<html ", '<html lang="zh" ', 1).replace(
        "<head>", '<head><meta charset="utf-8"><title>' + _escape(article.doc_id) + "</title>", 1
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

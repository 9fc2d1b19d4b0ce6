"""The spaCy component: ``nlp.add_pipe("govnews_extract")`` writes ``doc.spans["govnews"]``.

Each span's label is the mention type and its ``id_`` the rule that matched.
``doc._.govnews_records`` turns the spans back into records: a span a later component
removes takes its record with it. With ``merge_ents`` (the default) the entities of an
``ner`` component that runs earlier are merged with the rules.

>>> from govnews_extract.segment import build_nlp
>>> nlp = build_nlp()
>>> _ = nlp.add_pipe("govnews_extract")
>>> doc = nlp("丽水市科技局下达资金3500万元")
>>> [(s.label_, s.text) for s in doc.spans["govnews"]]
[('org', '丽水市科技局'), ('money', '3500万元')]
>>> doc.spans["govnews"] = [s for s in doc.spans["govnews"] if s.label_ == "money"]
>>> [(r.type, r.value) for r in doc._.govnews_records]
[('money', Decimal('35000000'))]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from .models import Article, Mention

FACTORY = "govnews_extract"
_ARTICLE_KEY = "govnews_extract.article"


def _records(doc: Doc) -> list[Mention]:
    """The records of the spans still in ``doc.spans``: the spans are the source of truth."""
    article: Article | None = doc.user_data.get(_ARTICLE_KEY)
    key = doc.user_data.get(_ARTICLE_KEY + ".key", "govnews")
    if article is None or key not in doc.spans:
        return []
    kept = [(s.start_char, s.end_char, s.label_) for s in doc.spans[key]]
    return [
        m
        for m in article.mentions
        if any(s <= m.start and m.end <= e and lab == m.type for s, e, lab in kept)
    ]


if not Doc.has_extension("govnews_records"):
    Doc.set_extension("govnews_records", getter=_records)


class GovnewsExtract(Pipe):
    """Runs ``parse()`` over the doc and records its mentions as spans."""

    def __init__(
        self, nlp: Language, name: str, *, spans_key: str, types: Sequence[str] | None, merge_ents: bool
    ) -> None:
        from .segment import load_user_dictionary

        self.name, self.spans_key, self.merge_ents = name, spans_key, merge_ents
        self.types = list(types) if types is not None else None
        load_user_dictionary()  # a pipeline built with spacy.blank("zh") segments with it too

    def __call__(self, doc: Doc) -> Doc:
        handler = self.get_error_handler()
        try:
            self.set_annotations(doc, self.match(doc))
        except Exception as exc:
            handler(self.name, self, [doc], exc)
        return doc

    def match(self, doc: Doc) -> Article:
        from .pipeline import parse

        ner = doc if self.merge_ents and doc.has_annotation("ENT_IOB") else None
        return parse(doc.text, types=self.types, ner=ner)

    def set_annotations(self, doc: Doc, article: Article) -> None:
        spans = []
        for m in article.mentions:
            span = doc.char_span(m.start, m.end, label=m.type, alignment_mode="expand")
            if span is not None:
                span.id_ = m.rule
                spans.append(span)
        doc.spans[self.spans_key] = spans
        doc.user_data[_ARTICLE_KEY] = article
        doc.user_data[_ARTICLE_KEY + ".key"] = self.spans_key


@Language.factory(
    FACTORY,
    assigns=["doc.spans"],
    default_config={"spans_key": "govnews", "types": None, "merge_ents": True},
)
def make_govnews_extract(
    nlp: Language, name: str, spans_key: str, types: Sequence[str] | None, merge_ents: bool
) -> Any:
    """The ``govnews_extract`` factory (also exposed through the ``spacy_factories`` entry point)."""
    return GovnewsExtract(nlp, name, spans_key=spans_key, types=types, merge_ents=merge_ents)

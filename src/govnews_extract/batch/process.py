"""One RawDoc → one ``articles`` row and its ``mentions`` rows; never raises.

Runs in the workers. Values in the rows are plain ``str``/``int``/``bool``/``None`` so every
sink stores the same thing: decimals as exact strings (``format(d, "f")``), dates as ISO strings.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..errors import GovnewsError
from ..models import Article
from ..pipeline import parse
from .decode import decode
from .extract import Extracted, extract_html, extract_pdf, parse_date
from .inputs import RawDoc
from .schema import column_names

Row = dict[str, Any]
_RENAMED = {"date": {"value": "date_value", "value_max": "date_value_max"}}


@dataclass
class Result:
    """The rows of one document."""

    article: Row
    mentions: list[Row] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.article["status"] == "ok")


@dataclass
class BatchResult:
    """What a worker sends back: the results and its own peak memory."""

    results: list[Result]
    pid: int
    peak_rss_bytes: int


def warm_up() -> None:
    """Load every lexicon and model once per worker, before the first document."""
    parse("2020年发放创新券3000万元，增长5%。", published="2021-01-01")
    with contextlib.suppress(ImportError):
        import trafilatura  # noqa: F401  (slow first import: pay it before the clock starts)


def process_batch(docs: list[RawDoc]) -> BatchResult:
    results = [process(doc) for doc in docs]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return BatchResult(results, os.getpid(), peak)


def process(doc: RawDoc) -> Result:
    """Decode, extract, parse; any failure becomes a ``failed`` row naming the reason."""
    if doc.error is not None:
        return failed(doc, doc.error)
    try:
        found = _extract(doc)
        if not found.text.strip():
            return failed(doc, f"empty document ({len(doc.data)} bytes, no text)", found.warnings)
        article = parse(found.text, doc_id=doc.doc_id, published=found.published, title=found.title)
    except Exception as exc:  # a batch must survive any single document
        return failed(doc, _reason(exc))
    return Result(article_row(doc, article, found.warnings), mention_rows(article))


def _reason(exc: Exception) -> str:
    return str(exc) if isinstance(exc, GovnewsError) else f"{type(exc).__name__}: {exc}"


def _extract(doc: RawDoc) -> Extracted:
    if doc.kind == "record":
        found = Extracted(doc.text or "", title=doc.title)
    elif doc.kind == "pdf":
        found = extract_pdf(doc.data)
    else:
        text, warnings = decode(doc.data)
        found = extract_html(text) if doc.kind == "html" else Extracted(text)
        found.warnings[:0] = warnings
    found.warnings[:0] = doc.warnings
    if found.published is None and doc.published:
        found.published = parse_date(doc.published)
        if found.published is None:
            found.warnings.append(f"unreadable date {doc.published!r} ignored")
    return found


def failed(doc: RawDoc, reason: str, warnings: list[str] | None = None) -> Result:
    row: Row = dict.fromkeys(column_names("articles"))
    row.update(doc_id=doc.doc_id, source=doc.source, digest=doc.digest, status="failed", error=reason)
    row.update(n_chars=0, n_mentions=0, warnings=json.dumps(warnings or [], ensure_ascii=False))
    return Result(row)


def article_row(doc: RawDoc, article: Article, warnings: list[str]) -> Row:
    row: Row = dict.fromkeys(column_names("articles"))
    row.update(doc_id=doc.doc_id, source=doc.source, digest=doc.digest, status="ok", title=article.title)
    row.update(published=article.published.isoformat() if article.published else None, text=article.text)
    row.update(n_chars=len(article.text), n_mentions=len(article.mentions))
    row["warnings"] = json.dumps([*warnings, *article.warnings], ensure_ascii=False)
    return row


def mention_rows(article: Article) -> list[Row]:
    """One row per mention; model fields without a column go to ``extra`` as JSON."""
    names = column_names("mentions")
    rows = []
    for idx, mention in enumerate(article.mentions):
        row: Row = dict.fromkeys(names)
        row.update(doc_id=article.doc_id, idx=idx)
        extra = {}
        renamed = _RENAMED.get(mention.type, {})
        for key, value in mention.model_dump().items():
            column = renamed.get(key, key)
            if column in row and column not in ("doc_id", "idx", "extra"):
                row[column] = _plain(value)
            else:
                extra[key] = _plain(value)
        row["extra"] = json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else None
        rows.append(row)
    return rows


def _plain(value: Any) -> Any:
    """Decimals as exact positional strings (``Decimal('1.2E+8')`` → ``'120000000'``)."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, list | dict):
        return json.loads(json.dumps(value, default=str))
    return value

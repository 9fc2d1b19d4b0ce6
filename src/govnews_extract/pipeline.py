"""``parse()``: text → normalized view → candidates → non-overlapping records → Article."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from . import assemble
from .detect import Context
from .detect.registry import DETECTORS, find_multi_type
from .errors import DocumentTooLongError
from .models import ALL_TYPES, Article, MentionType
from .normalize import normalize

# Longer inputs are refused (``DocumentTooLongError``): about 6 MB of Chinese text, far
# beyond any article, so a runaway input fails fast instead of occupying a worker.
DEFAULT_MAX_LENGTH = 2_000_000


def _doc_id(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _published(value: dt.date | str | None) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"published must be an ISO date (YYYY-MM-DD), got {value!r}") from None
    raise ValueError(f"published must be a datetime.date or an ISO date string, got {type(value).__name__}")


def _types(types: Iterable[str] | None) -> tuple[MentionType, ...]:
    if types is None:
        return ALL_TYPES
    if isinstance(types, str):
        raise TypeError(f"types must be a list of mention types such as [{types!r}], not a str")
    wanted = tuple(types)
    unknown = sorted(set(wanted) - set(ALL_TYPES))
    if unknown:
        raise ValueError(f"unknown mention type(s) {unknown}; choose from {list(ALL_TYPES)}")
    return tuple(t for t in ALL_TYPES if t in wanted)


def _check_arguments(text: object, doc_id: object, title: object) -> None:
    """Wrong argument types fail loudly here rather than deep inside a detector."""
    if not isinstance(text, str):
        raise TypeError(f"parse() expects the article text as str, got {type(text).__name__}")
    for name, value in (("doc_id", doc_id), ("title", title)):
        if value is not None and not isinstance(value, str):
            raise TypeError(f"parse() expects {name} as str or None, got {type(value).__name__}")


def parse(
    text: str,
    *,
    doc_id: str | None = None,
    published: dt.date | str | None = None,
    title: str | None = None,
    types: Sequence[str] | None = None,
    ner: Any = None,
    max_length: int | None = DEFAULT_MAX_LENGTH,
) -> Article:
    """Extract every mention from one article.

    ``ner`` optionally merges the ORG/GPE/LOC/PERSON entities of a spaCy model (a loaded
    ``Language``, an installed model's name, or a ``Doc``) with the rules.

    >>> art = parse("去年研发经费32.5亿元，同比增长57.1%。", published="2020-06-01")
    >>> [(m.type, m.text) for m in art.mentions if m.type in ("money", "percent")]
    [('money', '32.5亿元'), ('percent', '57.1%')]

    Raises ``TypeError`` for a text, ``doc_id`` or ``title`` that is not a ``str``, ``ValueError``
    for a bad ``published`` or ``types``, and ``DocumentTooLongError`` (a ``ValueError``) for a
    text longer than ``max_length`` characters (``None``: no limit).
    """
    _check_arguments(text, doc_id, title)
    doc_id = doc_id if doc_id is not None else _doc_id(text)
    if max_length is not None and len(text) > max_length:
        raise DocumentTooLongError(doc_id, len(text), max_length)
    context = Context(published=_published(published), title=title)
    wanted = _types(types)
    view = normalize(text)
    candidates = [c for t in wanted if t in DETECTORS for c in DETECTORS[t](view, context)]
    candidates += find_multi_type(wanted, view, context)
    if ner is not None:  # a spaCy model (or its name, or a Doc): see ner.py
        from .ner import find_entities

        candidates += find_entities(view, ner, wanted)
    mentions = assemble.build(assemble.select(candidates), view)
    return Article(
        doc_id=doc_id,
        text=text,
        published=context.published,
        title=title,
        mentions=mentions,
    )


def parse_many(items: Iterable[str | dict[str, Any]], **options: Any) -> Iterator[Article]:
    """Parse many articles: each item is a text or a dict of ``parse()`` keyword arguments."""
    for item in items:
        if isinstance(item, dict):
            yield parse(**{**options, **item})
        else:
            yield parse(item, **options)

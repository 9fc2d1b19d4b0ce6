"""Counts: a number, its qualifiers and a classifier (``495家``, ``200余家``, ``五大``).

Two shapes are found:

* number + classifier from ``data/lexicons/classifiers.tsv``: ``不少于20名``, ``1200多万名``,
  ``三四十家`` (a range), ``五大`` in ``五大行动``;
* a bare 万/亿 number that counts people named next to it (``data/lexicons/count_nouns.tsv``):
  ``1.2亿多农村人口``, ``用户3.4亿``.

Durations, ordinals, rankings and numbers inside names are dropped with the contexts of
``data/lexicons/not_counts.tsv``.

>>> from govnews_extract.normalize import normalize
>>> from govnews_extract.detect import Context
>>> found = find_count(normalize("走访服务企业200余家，新建8家市级产业创新服务综合体"), Context())
>>> [(c.fields["value"], c.fields["approx"], c.fields["classifier"]) for c in found]
[(Decimal('200'), 'more_than', '家'), (Decimal('8'), None, '家')]
>>> found[1].fields["counted"]
'市级产业创新服务综合体'
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import regex

from .._data import load_table
from ..normalize import NormalizedText
from . import Candidate, Context
from ._common import NOT_AFTER_DIGIT, NUMERAL, _alternation, approx_of, approx_pattern
from ._counting import (
    RANGE_SEP,
    crosses_cell,
    inside_name,
    is_bare_unit,
    is_lone_capital,
    is_whole,
    value_range,
)
from .money import currencies
from .quantity import units

PRIORITY = 5
# The indefinite article 一个/一批/一项 is not a count.
_ARTICLE = frozenset({"一", "壹"})
# Where the counted noun phrase after a classifier ends.
_PHRASE_END_RE = regex.compile(r"[^\p{Han}A-Za-z0-9（）()“”]")
_MAX_COUNTED = 16


@dataclass(frozen=True, slots=True)
class _Block:
    word: str
    classifiers: frozenset[str]  # empty: any classifier


@dataclass(frozen=True, slots=True)
class ClassifierUse:
    small_only: bool  # only two to ten, as in 五大行动
    in_quotes: bool  # still a count inside a quoted name


@functools.cache
def classifiers() -> dict[str, ClassifierUse]:
    """Classifier → how it may be used, from ``data/lexicons/classifiers.tsv``."""
    return {
        cls: ClassifierUse(size == "small", quoted == "keep")
        for cls, size, quoted in load_table("lexicons/classifiers.tsv", 3)
    }


@functools.cache
def _blocks(where: str) -> tuple[_Block, ...]:
    rows = load_table("lexicons/not_counts.tsv", 4)
    return tuple(
        _Block(word, frozenset() if cls == "*" else frozenset(cls.split(",")))
        for place, word, cls, _ in rows
        if place == where
    )


@functools.cache
def _count_words(role: str) -> list[str]:
    return [word for word, r in load_table("lexicons/count_nouns.tsv", 2) if r == role]


@functools.cache
def _count_re() -> regex.Pattern[str]:
    return regex.compile(
        rf"""
        (?P<before>{approx_pattern("before")})?     # 不少于 / 近 / 超过 …
        {NOT_AFTER_DIGIT}(?<![A-Za-z])
        (?P<num>{NUMERAL})                          # 495, 五, 1.2万, 三四十
        (?:{RANGE_SEP}(?P<num2>{NUMERAL}))?         # 5-8家
        (?P<inside>余|多)?                          # 200余家, 1200多万名
        (?P<mult>(?<=[余多])[万亿]+)?               # multiplier after the qualifier
        (?!{_alternation([b.word for b in _blocks("after")])})
        (?P<cls>{_alternation(list(classifiers()))})
        (?P<after>{approx_pattern("after")})?       # 以上 / 左右
        """,
        regex.VERBOSE,
    )


@functools.cache
def _bare_re() -> regex.Pattern[str]:
    nouns = _alternation(_count_words("noun"))
    links = _alternation(_count_words("link"))
    # After the number, neither a classifier, a unit nor a currency may follow directly.
    blocks = _alternation([b.word for b in _blocks("after")])
    stoppers = rf"(?!{blocks})(?:{_alternation([*classifiers(), *currencies(), *units(), '倍', '年'])})"
    return regex.compile(
        rf"""
        (?:(?<=(?P<noun>{nouns})(?:{links})?)|(?<lead>))   # 用户3.4亿, 人口超过240万
        (?P<before>{approx_pattern("before")})?
        {NOT_AFTER_DIGIT}(?<![A-Za-z])
        (?P<num>{NUMERAL})                          # 1.2亿, 6069万
        (?P<inside>余|多)?
        (?P<mult>(?<=[余多])[万亿]+)?
        (?!{stoppers})
        (?(lead)(?=(?P<noun>\p{{Han}}{{0,6}}?(?:{nouns})))   # 1.2亿多农村人口: the noun follows
        |(?=[^\p{{Han}}\d.]|$))                      # 用户3.4亿。: the noun came first
        """,
        regex.VERBOSE,
    )


def _blocked_before(text: str, start: int, classifier: str) -> bool:
    return any(
        text.endswith(b.word, 0, start) and (not b.classifiers or classifier in b.classifiers)
        for b in _blocks("before")
    )


def _plausible_number(m: regex.Match[str], view: NormalizedText) -> bool:
    """Not a word (一个, 千家万户, 陆地) and not two table cells joined (7.0 | 家禽)."""
    numeral = m["num"]
    if m.groupdict().get("num2") is None and (numeral in _ARTICLE or is_lone_capital(numeral)):
        return False
    if is_bare_unit(numeral) and not m["before"]:
        return False  # 千家万户; but 不足百个
    return not crosses_cell(view, m.start(), m.end())


def _plausible(m: regex.Match[str], value: Decimal | None, view: NormalizedText) -> bool:
    """Drop the matches that are articles, idioms, ordinals, names or not whole numbers."""
    use = classifiers()[m["cls"]]
    if use.small_only and not (value is not None and 2 <= value <= 10):
        return False
    if _blocked_before(view.text, m.start("num"), m["cls"]):
        return False
    if not use.in_quotes and inside_name(view.text, m.start(), m.end()):
        return False
    return is_whole(value) and _plausible_number(m, view)


def counted_after(text: str, end: int) -> str | None:
    """The noun phrase right after a count, cut at the first non-word character.

    >>> counted_after("新建8家市级产业创新服务综合体，", 4), counted_after("共200余家。", 6)
    ('市级产业创新服务综合体', None)
    """
    stop = _PHRASE_END_RE.search(text, end, end + _MAX_COUNTED)
    phrase = text[end : stop.start() if stop else end + _MAX_COUNTED]
    return phrase or None


def _candidate(m: regex.Match[str], rule: str, fields: dict[str, Any]) -> Candidate:
    return Candidate("count", m.start(), m.end(), rule, fields, priority=PRIORITY)


def _classifier_counts(view: NormalizedText) -> Iterator[Candidate]:
    text = view.text
    for m in _count_re().finditer(text):
        value, value_max = value_range(m["num"], m["num2"], m["mult"] or "")
        if not _plausible(m, value, view):
            continue
        yield _candidate(
            m,
            "count.classifier",
            {
                "value": value,
                "value_max": value_max,
                "approx": approx_of(m["before"], m["inside"], m["after"]),
                "classifier": m["cls"],
                "counted": counted_after(text, m.end()),
            },
        )


def _bare_counts(view: NormalizedText) -> Iterator[Candidate]:
    for m in _bare_re().finditer(view.text):
        if not (m["mult"] or m["num"][-1] in "万亿"):
            continue  # only 万/亿 figures stand without a classifier
        value, _ = value_range(m["num"], None, m["mult"] or "")
        if not is_whole(value) or inside_name(view.text, m.start(), m.end()):
            continue
        if not _plausible_number(m, view):
            continue
        fields = {
            "value": value,
            "approx": approx_of(m["before"], m["inside"], None),
            "classifier": None,
            "counted": m["noun"],
        }
        yield _candidate(m, "count.bare_people", fields)


def find_count(view: NormalizedText, context: Context) -> list[Candidate]:
    """Candidates for every count of discrete things printed in running text."""
    return [*_classifier_counts(view), *_bare_counts(view)]

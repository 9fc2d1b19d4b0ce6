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
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

import regex

from .._data import load_lexicon, load_table
from ..normalize import NormalizedText
from . import Candidate, Context
from ._common import NUMERAL, _alternation, approx_of, approx_pattern, approx_words
from ._counting import (
    FIGURE_REACH,
    NUMBER_START,
    RANGE_SEP,
    crosses_cell,
    figure_ahead,
    figure_then,
    inside_name,
    is_bare_unit,
    is_lone_capital,
    is_whole,
    list_members,
    value_range,
)
from ._scan import Endings, Match, Twin, finditer_at_figures, without_names
from .money import currencies
from .quantity import units

PRIORITY = 5
# The indefinite article 一个/一批/一项 is not a count.
_ARTICLE = frozenset({"一", "壹"})
# The counted noun phrase: words, short parenthetical remarks (省（区、市）) and quotes.
_PHRASE_RE = regex.compile(r"(?:[\p{Han}A-Za-z“”\"]|\([^()]{1,8}\))+")
_WORD_RE = regex.compile(r"[\p{Han}A-Za-z0-9“”]+")
# Patterns of plain characters and words use ``re``: it splits and searches short strings
# several times faster than ``regex``, with the same matches.
_CLAUSE_END_RE = re.compile(r"[，。；：！？,;:!?、\n]")
# Scope words before the counted noun, not part of it: 全市, 全国, 其中, 年末.
_SCOPE_RE = re.compile(r"^(?:全[市省国县区]|其中|年末|年初|目前|截至目前|全年)+")
# Conjunctions and postpositions that end a phrase but are not part of the noun.
_TAIL_RE = regex.compile(r"(?:[和及与或(]|以外|[中外内里])+$")
_MAX_COUNTED = 16
# How many characters may stand between a bare number and the noun of people after it.
_NOUN_REACH = 6


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
def _count_twin() -> Twin:
    return Twin.of(figure_then(classifiers()) + _count_pattern(), verbose=True)


def _count_pattern() -> str:
    return rf"""
        {figure_ahead(approx_words()["before"])}      # fail fast where no figure starts
        (?P<before>{approx_pattern("before")})?     # 不少于 / 近 / 超过 …
        {NUMBER_START}
        (?P<num>{NUMERAL})                          # 495, 五, 1.2万, 三四十
        (?:{RANGE_SEP}(?P<num2>{NUMERAL}))?         # 5-8家
        (?P<inside>余|多)?                          # 200余家, 1200多万名
        (?P<mult>(?<=[余多])[万亿]+)?               # multiplier after the qualifier
        (?!{_alternation([b.word for b in _blocks("after")])})
        (?P<cls>{_alternation(list(classifiers()))})
        (?P<after>{approx_pattern("after")})?       # 以上 / 左右
        """


@functools.cache
def _endings(kind: str) -> Endings:
    """What follows the figure of a count: a classifier, or 万/亿 in a bare number."""
    return Endings.of(classifiers() if kind == "classifier" else ("万", "亿"))


@functools.cache
def _bare_re() -> regex.Pattern[str]:
    return regex.compile(figure_then(("万", "亿")) + _bare_pattern(), regex.VERBOSE)


def _bare_pattern() -> str:
    nouns = _alternation(_count_words("noun"))
    links = _alternation(_count_words("link"))
    return rf"""
        {figure_ahead(approx_words()["before"])}
        (?:(?<=(?P<noun>{nouns})(?:{links}){{0,2}})|(?<lead>))   # 用户3.4亿, 人口超过240万
        {_bare_figure()}
        (?(lead)(?=(?P<noun>\p{{Han}}{{0,{_NOUN_REACH}}}?(?:{nouns})))   # 1.2亿多农村人口: the noun follows
        |(?=[^\p{{Han}}\d.]|$))                      # 用户3.4亿。: the noun came first
        """


def _bare_figure() -> str:
    """The bare number itself: a 万/亿 figure that no classifier, unit or currency follows."""
    blocks = _alternation([b.word for b in _blocks("after")])
    stoppers = rf"(?!{blocks})(?:{_alternation([*classifiers(), *currencies(), *units(), '倍', '年'])})"
    return rf"""
        (?P<before>{approx_pattern("before")})?
        {NUMBER_START}
        (?P<num>{NUMERAL})                          # 1.2亿, 6069万
        (?:(?<=[万亿])(?P<inside>余|多)?|(?P<inside>余|多)(?P<mult>[万亿]+))   # only 万/亿 figures
        (?![\d.])(?!{stoppers})
        """


@functools.cache
def _bare_first() -> Twin:
    """A first test for the bare pattern: the bare number alone (no noun, no lookbehind), run
    by ``re``. Most tries fail it (the figure goes on with a classifier: 4.05万人), several
    times faster than the whole pattern fails."""
    return Twin.of(without_names(_bare_figure()), verbose=True)


@functools.cache
def _nouns_re() -> re.Pattern[str]:
    return re.compile(_alternation(_count_words("noun")))


@functools.cache
def _noun_window() -> tuple[int, int]:
    """How far before a bare number a noun of people may start (two link words and the noun),
    and how far after its figure one may end."""
    longest = max(map(len, _count_words("noun")))
    return 2 * max(map(len, _count_words("link"))) + longest, _NOUN_REACH + longest


def _noun_near(text: str, start: int, end: int) -> bool:
    """True when a noun of people stands where a bare number read from ``start`` (its figure
    characters end at ``end``) may name it: before, behind link words, or a few words after."""
    before, after = _noun_window()
    # A figure is read at most FIGURE_REACH characters far (linear time on endless runs).
    last = min(end, start + FIGURE_REACH) + after
    return _nouns_re().search(text, max(0, start - before), last) is not None


def _bare_matches(text: str) -> Iterator[Match]:
    """``_bare_re().finditer(text)``, tried only at figures holding 万/亿 with a noun near
    that pass the first test."""
    first = _bare_first().on(text)

    def near(text: str, start: int, end: int) -> bool:
        return _noun_near(text, start, end) and first.match(text, start) is not None

    return finditer_at_figures(_bare_re(), text, _endings("bare"), near)


@functools.cache
def _blocks_before() -> dict[int, dict[str, list[_Block]]]:
    """The blocks before a number by the length of their word, then by the word."""
    by_length: dict[int, dict[str, list[_Block]]] = {}
    for b in _blocks("before"):
        by_length.setdefault(len(b.word), {}).setdefault(b.word, []).append(b)
    return by_length


def _blocked_before(text: str, start: int, classifier: str) -> bool:
    for n, words in _blocks_before().items():  # one slice a length, not one test a word
        blocks = words.get(text[start - n : start]) if n <= start else None
        if blocks and any(not b.classifiers or classifier in b.classifiers for b in blocks):
            return True
    return False


def _plausible_number(
    numeral: str, qualified: bool, num2: str | None, view: NormalizedText, start: int, end: int
) -> bool:
    """Not a word (一个, 千家万户, 陆地) and not two table cells joined (7.0 | 家禽).

    ``qualified``: a qualifier stands before or inside the figure (不足百个, 千余家); ``num2``
    is the upper end of a range (5-8家), printed or not."""
    if (numeral in _ARTICLE or is_lone_capital(numeral)) and num2 is None:
        return False
    if is_bare_unit(numeral) and not qualified:
        return False  # 千家万户; but 不足百个, 千余家
    return not crosses_cell(view, start, end)


class _Groups(NamedTuple):
    """The groups of a count match, in the pattern's order (``m.groups()``: one call, not one
    a name)."""

    before: str | None
    num: str
    num2: str | None
    inside: str | None
    mult: str | None
    cls: str
    after: str | None


def _plausible(m: Match, g: _Groups, value: Decimal | None, view: NormalizedText) -> bool:
    """Drop the matches that are articles, idioms, ordinals, names or not whole numbers."""
    use = classifiers()[g.cls]
    if use.small_only and not (value is not None and 2 <= value <= 10):
        return False
    if _blocked_before(view.text, m.start(2), g.cls):  # group 2: the number
        return False
    start, end = m.span()
    if not use.in_quotes and inside_name(view.text, start, end):
        return False
    return is_whole(value) and _plausible_number(g.num, bool(g.before or g.inside), g.num2, view, start, end)


@functools.cache
def _stops_re() -> re.Pattern[str]:
    return re.compile(_alternation(list(load_lexicon("lexicons/counted_stops.txt"))))


def _phrase_after(text: str, end: int) -> str:
    """Words, parentheses and quotes right after ``end``, up to a digit or punctuation."""
    m = _PHRASE_RE.match(text, end, end + _MAX_COUNTED)
    return m[0] if m else ""


def _unopened_close(phrase: str) -> int:
    """Where a closing quote that the phrase never opened stands (行动”聚焦 → 2), else the end."""
    close, opened = phrase.find("”"), phrase.find("“")
    return close if close >= 0 and (opened < 0 or close < opened) else len(phrase)


def counted_after(text: str, end: int) -> str | None:
    """The noun phrase right after a count, cut at the first verb or function word.

    >>> counted_after("新建8家市级产业创新服务综合体，", 4), counted_after("共200余家。", 6)
    ('市级产业创新服务综合体', None)
    >>> counted_after("9家企业获得贷款", 2), counted_after("5座处置场和1个", 2)
    ('企业', '处置场')
    """
    phrase = _phrase_after(text, end)
    phrase = phrase[: _unopened_close(phrase)]
    stop = _stops_re().search(phrase)
    phrase = phrase[: stop.start()] if stop else phrase
    phrase = _TAIL_RE.sub("", phrase)
    return phrase if len(phrase) >= 1 and not phrase.startswith(")") else None


def counted_before(text: str, start: int) -> str | None:
    """The noun phrase a count follows in its clause: 农民专业合作社达到165个 → 农民专业合作社.

    >>> counted_before("全市拥有公共图书馆6个", 9), counted_before("，共200余家", 2)
    ('公共图书馆', None)
    """
    clause = _CLAUSE_END_RE.split(text[max(0, start - _MAX_COUNTED) : start])[-1]
    words = _stops_re().split(clause)
    while words and not words[-1]:
        words.pop()  # the clause ends with a link word: 达到
    phrase = words[-1] if words else ""
    scope = _SCOPE_RE.match(phrase)
    phrase = phrase[scope.end() :] if scope else phrase
    return phrase if 2 <= len(phrase) <= 12 and _WORD_RE.fullmatch(phrase) else None


def _classifier_matches(text: str) -> Iterator[Match]:
    """``_count_twin().exact.finditer(text)``, tried only at the figures a classifier may follow."""
    return finditer_at_figures(_count_twin().on(text), text, _endings("classifier"))


def _classifier_counts(view: NormalizedText) -> Iterator[Candidate]:
    text = view.text
    for m in _classifier_matches(text):
        g = _Groups._make(m.groups())
        mult = g.mult or ""
        value, value_max = value_range(g.num, g.num2, mult)
        if not _plausible(m, g, value, view):
            continue
        start, end = m.span()
        members = list_members(text, start, g.num, mult)
        if members and _blocked_before(text, members[0][0], g.cls):
            continue  # 第三、四批
        fields = {
            "value": value,
            "value_max": value_max,
            "approx": approx_of(g.before, g.inside, g.after),
            "classifier": g.cls,
            "counted": counted_after(text, end) or counted_before(text, members[0][0] if members else start),
        }
        yield Candidate("count", start, end, "count.classifier", fields, PRIORITY)
        for member_start, member_end, member in members:
            if is_whole(member):
                listed = {**fields, "value": member, "value_max": None, "approx": None}
                yield Candidate("count", member_start, member_end, "count.list", listed, PRIORITY)


class _BareGroups(NamedTuple):
    """The groups of a bare-number match, in the pattern's order (``m.groups()``: one call;
    ``regex`` looks a group's name up slowly). A name given twice is one group."""

    noun: str | None
    lead: str | None
    before: str | None
    num: str
    inside: str | None
    mult: str | None


def _bare_counts(view: NormalizedText) -> Iterator[Candidate]:
    for m in _bare_matches(view.text):
        g = _BareGroups._make(m.groups())
        start, end = m.span()
        value, _ = value_range(g.num, None, g.mult or "")
        if not is_whole(value) or inside_name(view.text, start, end):
            continue
        if not _plausible_number(g.num, bool(g.before or g.inside), None, view, start, end):
            continue  # a bare number is no range
        fields = {
            "value": value,
            "approx": approx_of(g.before, g.inside, None),
            "classifier": None,
            "counted": g.noun,
        }
        yield Candidate("count", start, end, "count.bare_people", fields, PRIORITY)


def find_count(view: NormalizedText, context: Context) -> list[Candidate]:
    """Candidates for every count of discrete things printed in running text."""
    return [*_classifier_counts(view), *_bare_counts(view)]

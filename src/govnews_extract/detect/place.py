"""Places: administrative divisions (gazetteer, with short forms), regions, countries,
rivers and lakes, development zones and parks (``lexicons/zone_heads.tsv``), ports and
airports named after a division (天津港).

A county's short form counts when the article also names its city or province (a rare
one: its city, or its province right before it, 浙江义乌), or when a word after it shows
it is the place (汶川地震, 庆元境内, ``lexicons/place_after_words.txt``). A short form
resolves to its division's full name and province when only one division has it, or when
the article also names the division's city or province; otherwise the place is kept
unresolved rather than guessed. A lake sharing its name with a division (太湖) stays a lake.

>>> from govnews_extract.normalize import normalize
>>> from govnews_extract.detect import Context
>>> [(c.fields["name"], c.fields["full_name"], c.fields["province"])
...  for c in find_place(normalize("丽水市下辖龙泉、庆元等地"), Context())]
[('丽水市', '丽水市', '浙江省'), ('龙泉', '龙泉市', '浙江省'), ('庆元', '庆元县', '浙江省')]
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass

import regex

from .._data import load_lexicon, load_table
from ..normalize import NormalizedText
from . import Candidate, Context
from ._gazetteer import Gazetteer, automaton, find_longest, fold
from ._names import bounded_start, generic, prefix_at, printed


@dataclass(frozen=True, slots=True)
class Division:
    full_name: str
    level: str
    city: str
    province: str
    short_ok: int  # 2: a short form alone; 1: only with its city or province named; 0: never


@functools.cache
def _divisions() -> dict[str, tuple[tuple[Division, bool], ...]]:
    """Surface form → the divisions it may name, each with whether it is a short form."""
    index: dict[str, list[tuple[Division, bool]]] = defaultdict(list)
    for _code, level, full, short, ok, city, province in load_table("gazetteers/divisions.tsv", 7):
        div = Division(full, level, city, province, int(ok))
        index[full].append((div, False))
        if int(ok) > 0:
            index[short].append((div, True))
    return {k: tuple(v) for k, v in index.items()}


@functools.cache
def _other_places() -> dict[str, str]:
    return {fold(name): kind for name, kind in load_table("gazetteers/places.tsv", 2)}


@functools.cache
def _automaton() -> Gazetteer:
    return automaton(tuple(sorted({*_divisions(), *_other_places()})))


# A water body at the start of a clause, right before the name of a division (双桥河合肥市…).
_WATER_RE = regex.compile(r"\p{Han}{1,5}?(?:河|江|湖|渠|溪|港|淀)(?=下段|上段|$)")
_CLAUSE_PUNCT = "；;。，,、：:（()）\n"


@functools.cache
def _zone_re(where: str) -> re.Pattern[str]:
    """Heads of zones' and parks' names from ``lexicons/zone_heads.tsv``: those that may stand
    alone (云栖小镇) or those named only after a place (苏州工业园区), longest first."""
    heads = [fold(h) for h, w in load_table("lexicons/zone_heads.tsv", 2) if w == where]
    # Literal words only: the stdlib ``re`` scans a whole text for them twice as fast as ``regex``.
    return re.compile("|".join(sorted(heads, key=len, reverse=True)))


# 流域 after a river, lake or sea; the check looks back from 流域's end, so that the scan
# searches for the literal 流域 (a pattern opening with a lookbehind is tried at every character).
_BASIN_RE = re.compile(r"流域(?<=[江河湖海]流域)")
# Parts of a named place: 长江 + 中下游, 黄土高原 + 区.
_PART_RE = regex.compile(r"流域|中上游|中下游|区(?!\p{Han})|地区")
# A port or airport named after a division: 天津 + 港, 大庆萨尔图 + 机场.
_HUB_RE = regex.compile(r"(?:港(?![澳台])|机场|国际机场)")


def _resolve(options: tuple[tuple[Division, bool], ...], named: set[str]) -> Division | None:
    """The one division a surface names, preferring those whose city or province is named too."""
    divisions = {d for d, _ in options}
    if len(divisions) > 1:
        divisions = {d for d in divisions if d.city in named or d.province in named}
    return next(iter(divisions)) if len(divisions) == 1 else None


@dataclass(frozen=True, slots=True)
class Surface:
    """What the gazetteer knows of one surface form (丽水, 丽水市) of divisions."""

    options: tuple[tuple[Division, bool], ...]  # the divisions it may name, each with "is a short form"
    alone_ok: bool  # one of them may be named by the short form alone
    needs_parent: bool  # only short forms of counties or of rarely-short divisions: parent needed
    rule: str
    parents: tuple[str, ...]  # full names of the cities and provinces it may name


@functools.cache
def _surface(word: str) -> Surface | None:
    """The surface's facts, or None when no division has it (cached: at most one per gazetteer word)."""
    options = _divisions().get(word)
    if options is None:
        return None
    return Surface(
        options,
        alone_ok=any(d.short_ok > 0 for d, _ in options),
        needs_parent=all(is_short and (d.short_ok == 1 or d.level == "county") for d, is_short in options),
        rule="place.division_short" if all(s for _, s in options) else "place.division",
        parents=tuple(d.full_name for d, _ in options if d.level != "county"),
    )


def _province_short(province: str) -> str:
    """浙江省 → 浙江, 新疆维吾尔自治区 → 新疆, 内蒙古自治区 → 内蒙古."""
    if province.endswith(("省", "市")):
        return province[:-1]
    return province[:3] if province.startswith("内蒙古") else province[:2]


def _parent_named(div: Division, named: set[str], before: str) -> bool:
    """A short form that is rarely a place (short_ok 1) needs its city named, or its province
    right before it (浙江义乌); others their city or province anywhere in the article."""
    if div.city in named:
        return True
    if div.short_ok == 2:
        return div.province in named
    return before.endswith((div.province, _province_short(div.province)))


@functools.cache
def _context_words() -> tuple[str, ...]:
    return tuple(fold(w) for line in load_lexicon("lexicons/place_after_words.txt") for w in line.split())


@functools.cache
def _zone_verbs() -> frozenset[str]:
    return frozenset(fold(w) for line in load_lexicon("lexicons/zone_left_verbs.txt") for w in line.split())


def _division_candidate(
    hit: tuple[int, int, str], surface: Surface, named: set[str], text: str
) -> Candidate | None:
    start, end, word = hit
    options = surface.options
    if (
        surface.needs_parent
        and not any(_parent_named(d, named, text[max(0, start - 8) : start]) for d, _ in options)
        # 汶川地震, 舟曲特大山洪: a county named by what happened there
        and not (surface.alone_ok and text.startswith(_context_words(), end))
    ):
        return None
    div = _resolve(options, named)
    fields = {
        "name": word,
        "full_name": div.full_name if div else None,
        "province": div.province if div else None,
    }
    return Candidate("place", start, end, surface.rule, fields, priority=4)


@functools.lru_cache(maxsize=4)  # the org detector asks for the same text's places
def _gazetteer_candidates(text: str) -> tuple[Candidate, ...]:
    hits = [(hit, _surface(hit[2])) for hit in find_longest(_automaton(), text)]
    named = {parent for _, surface in hits if surface for parent in surface.parents}
    found: list[Candidate] = []
    for (start, end, word), surface in hits:
        cand = _division_candidate((start, end, word), surface, named, text) if surface else None
        if cand:
            found.append(cand)
        elif word in _other_places():  # 太湖 the lake, not 太湖县 unless its city is named
            found.append(Candidate("place", start, end, "place.gazetteer", {"name": word}, priority=4))
    return tuple(found)


def _clause_start(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1] not in _CLAUSE_PUNCT:
        pos -= 1
    return pos


def _water_candidates(text: str, places: list[Candidate]) -> list[Candidate]:
    """Rivers and lakes named at the start of a clause, before the division they run through."""
    found = []
    for place in places:
        if place.rule != "place.division" or place.start == 0:
            continue
        begin = _clause_start(text, place.start)
        m = _WATER_RE.match(text[begin : place.start])
        if m and begin + m.end() <= place.start:
            found.append(
                Candidate("place", begin, begin + m.end(), "place.water", {"name": m[0]}, priority=3)
            )
    return found


def _suffix_candidates(
    text: str,
    pattern: re.Pattern[str],
    rule: str,
    max_len: int,
    places: list[Candidate],
    need_place: bool = False,
) -> list[Candidate]:
    """Names ending in ``pattern``; a place inside the name is where it starts (入驻丽水经济开发区)."""
    found = []
    for m in pattern.finditer(text):
        bounded = bounded_start(text, m.start(), max_len)
        if bounded is None:
            continue
        inside = [p.start for p in places if bounded <= p.start and p.end <= m.start()]
        if need_place and not inside:
            continue
        start = min(inside, default=bounded)
        while verb := prefix_at(text, start, _zone_verbs(), m.start()):
            start += len(verb)  # 规划建设生命健康产业园 → 生命健康产业园
        if m.start() - start >= 2 and not generic(text[start : m.start()]):
            found.append(
                Candidate("place", start, m.end(), rule, {"name": text[start : m.end()]}, priority=3)
            )
    return found


def _merge_nested(text: str, places: list[Candidate]) -> list[Candidate]:
    """浙江 + 义乌, 上海市 + 长宁区: a division written right after the one it belongs to is one place."""
    merged: list[Candidate] = []
    for cand in places:
        prev = merged[-1] if merged else None
        inner = cand.fields.get("province"), _parent_names(cand)
        outer = prev.fields.get("full_name") if prev is not None else None
        if prev is not None and outer and prev.end == cand.start and outer in inner:
            fields = {**cand.fields, "name": text[prev.start : cand.end]}
            merged[-1] = Candidate("place", prev.start, cand.end, "place.nested", fields, priority=4)
        else:
            merged.append(cand)
    return merged


def _parent_names(cand: Candidate) -> str | None:
    for div, _ in _divisions().get(cand.fields.get("full_name") or "", ()):
        if div.city:
            return div.city
    return None


def _with_parts(text: str, places: list[Candidate]) -> list[Candidate]:
    """长江 + 中下游, 黄土高原 + 区: a part of a named region, river or landform."""
    out = []
    for cand in places:
        m = _PART_RE.match(text, cand.end) if cand.rule == "place.gazetteer" else None
        if cand.rule.startswith(("place.division", "place.nested")):
            m = _HUB_RE.match(text, cand.end)
        if m:
            fields = {"name": text[cand.start : m.end()]}
            cand = Candidate("place", cand.start, m.end(), "place.part", fields, priority=cand.priority)
        out.append(cand)
    return out


def division_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the places the gazetteers find, for detectors that build on places."""
    return [(c.start, c.end) for c in _gazetteer_candidates(text)]


def find_place(view: NormalizedText, context: Context) -> list[Candidate]:
    """Candidates for every place named in the text."""
    text = view.text
    places = _with_parts(text, _merge_nested(text, list(_gazetteer_candidates(text))))
    zones = _suffix_candidates(text, _zone_re("alone"), "place.zone", 8, places)
    zones += _suffix_candidates(text, _zone_re("place"), "place.zone", 10, places, need_place=True)
    basins = _suffix_candidates(text, _BASIN_RE, "place.basin", 4, places)
    found = places + _water_candidates(text, places) + zones + basins
    return [_as_printed(view, c) for c in found]


def _as_printed(view: NormalizedText, c: Candidate) -> Candidate:
    """The candidate with its name as printed in the original text."""
    fields = {**c.fields, "name": printed(view, c.start, c.end)}
    return Candidate(c.type, c.start, c.end, c.rule, fields, c.priority)

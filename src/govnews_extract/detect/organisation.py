"""Organisations: central bodies and international organisations (gazetteer), local
departments (place + department word + head: 丽水市科技局, 投促局, 团区委), named
institutions ending in a distinctive head (之江实验室, 杭州电子科技大学), companies named by
place, brand and industry (杭州光铂智能), and sub-units written right after their parent
(国家统计局大庆调查队). Names made only of generic words (省级孵化器) are left out.

>>> from govnews_extract.normalize import normalize
>>> from govnews_extract.detect import Context
>>> [c.fields["name"] for c in find_organisation(
...     normalize("丽水市科技局联合之江实验室，会同投促局开展活动"), Context())]
['丽水市科技局', '之江实验室', '投促局']
"""

from __future__ import annotations

import bisect
import functools
import itertools

import regex

from .._data import load_lexicon, load_table
from ..normalize import NormalizedText
from . import Candidate, Context
from ._gazetteer import Hit, find_all_each, fold, longest_first
from ._names import generic, is_han, left_start, prefix_at, printed, suffix_at, words
from .place import division_spans

_LEVELS = "省市区县州镇乡"
_MAX_FREE = 12
# Heads that a level alone may stand before (区委, 市政府); 市中心 is no organisation.
_LEVEL_ONLY = frozenset({"委", "编委", "政府", "人民政府"})


@functools.cache
def _suffixes() -> dict[str, str]:
    return {fold(s): mode for s, mode in load_table("lexicons/org_suffixes.tsv", 2)}


@functools.cache
def _heads() -> frozenset[str]:
    return frozenset(_suffixes())


@functools.cache
def _known() -> tuple[str, ...]:
    return tuple(load_lexicon("gazetteers/organisations.txt"))


# Heads of units written right after their parent (生态环境部土壤生态环境司, 国家统计局大庆调查队).
_SUB_UNIT_RE = regex.compile(r"\p{Han}{0,10}?(?:研究所|研究院|调查队|司|所|处)")


def _body_start(text: str, head: int, word: str, place_ends: dict[int, int]) -> int | None:
    """Start of a department name before ``head``: a body word, a level, or both (市科技)."""
    start = head - len(suffix_at(text, head, words("lexicons/org_bodies.txt")))
    if start == head and word not in _LEVEL_ONLY:
        return None
    if start not in place_ends and start > 0 and text[start - 1] in _LEVELS:
        start -= 1
    return start if start < head else None


@functools.cache
def _titles() -> frozenset[str]:
    return words("lexicons/titles.txt")


def _starts_title(text: str, begin: int, end: int) -> bool:
    """市委 in 市委书记 is part of a post, not an organisation named on its own."""
    return len(prefix_at(text, begin, _titles())) > end - begin


def _with_places(start: int, place_ends: dict[int, int]) -> int:
    """Extend a name over the places written right before it (杭州市西湖区 + 科技局)."""
    while start in place_ends:
        start = place_ends[start]
    return start


def _headed(
    text: str, heads: list[Hit], place_ends: dict[int, int], known: list[Candidate]
) -> list[Candidate]:
    found: list[Candidate] = []
    last_end = 0
    known_ends = {c.end for c in known}
    # Known names by start, with the farthest end reached by one starting there or before:
    # a head inside a known name is one that such a name reaches past.
    spans = sorted((c.start, c.end) for c in known)
    starts = [s for s, _ in spans]
    reach = list(itertools.accumulate((e for _, e in spans), max))
    for start, end, head in longest_first(heads):
        i = bisect.bisect_right(starts, start)
        if i and reach[i - 1] >= end:
            continue
        begin: int | None
        if _suffixes()[head] == "free":
            floor = max([last_end, *(e for e in known_ends if e <= start)])
            begin = left_start(text, start, _MAX_FREE, floor)
            if start - begin < 2:
                begin = None
        else:
            begin = _body_start(text, start, head, place_ends)
        if begin is None:
            continue
        if _starts_title(text, begin, end):
            continue
        begin = _with_places(begin, place_ends)
        if _suffixes()[head] == "free" and _generic(text[begin:end]):
            continue
        found.append(Candidate("org", begin, end, f"org.{_suffixes()[head]}_head", {}, priority=5))
        last_end = end
    return found


def _is_han_at(text: str, pos: int) -> bool:
    """A Han character at ``pos`` that is not the start of a stop word (开展, 的 …)."""
    if pos >= len(text) or not is_han(text[pos]):
        return False
    return not prefix_at(text, pos, words("lexicons/name_left_stops.txt"))


def _generic(name: str) -> bool:
    """省级孵化器, 三级医院: only modifiers before the head, so a kind of institution, not one."""
    head = suffix_at(name, len(name), _heads())
    return generic(name[: len(name) - len(head)])


def _extend_sub_unit(text: str, cand: Candidate, known_starts: set[int]) -> Candidate:
    """国家统计局 + 大庆调查队, 商务部 + 研究院 + 国际市场研究所: units named right after their parent."""
    end = cand.end
    for _ in range(2):
        m = _SUB_UNIT_RE.match(text, end)
        if (
            not m
            or any(end <= s < m.end() for s in known_starts)
            or (_is_han_at(text, m.end()) and m.end() - end < 3)
        ):
            break
        if left_start(text, m.end(), m.end() - end) != end:
            break
        end = m.end()
    if end == cand.end:
        return cand
    return Candidate("org", cand.start, end, cand.rule + "+unit", {}, priority=cand.priority)


@functools.cache
def _company_re() -> regex.Pattern[str]:
    industries = sorted(words("lexicons/company_industries.txt"), key=len, reverse=True)
    return regex.compile(rf"\p{{Han}}{{2,6}}(?:{'|'.join(industries)})")


def _companies(text: str, places: list[tuple[int, int]]) -> list[Candidate]:
    """Place + brand + industry, as companies are named in lists (杭州光铂智能、浙江香农通信等)."""
    found = []
    for start, end in places:
        m = _company_re().match(text, end)
        if m and not _is_han_at(text, m.end()) and left_start(text, m.end(), m.end() - end) == end:
            found.append(Candidate("org", start, m.end(), "org.company", {}, priority=4))
    return found


def find_organisation(view: NormalizedText, context: Context) -> list[Candidate]:
    """Candidates for every organisation named in the text."""
    text = view.text
    places = division_spans(text)
    place_ends = {end: start for start, end in places}
    heads, names = find_all_each((tuple(_suffixes()), _known()), text)
    known = [Candidate("org", s, e, "org.gazetteer", {}, priority=6) for s, e, _ in longest_first(names)]
    headed = _headed(text, heads, place_ends, known) + _companies(text, places)
    starts = {c.start for c in known}
    cands = [_extend_sub_unit(text, c, starts) for c in known + headed]
    return [
        Candidate("org", c.start, c.end, c.rule, {"name": printed(view, c.start, c.end)}, priority=c.priority)
        for c in cands
    ]

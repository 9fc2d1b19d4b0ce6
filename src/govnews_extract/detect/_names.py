"""Helpers shared by the name detectors: word lists and where a name starts on its left.

Names in Chinese run into the words before them (实施农村饮水安全工程). A name's head
(工程, 局, 计划 …) is easy to find; its start is found by walking left over Han
characters until a word from ``lexicons/name_left_stops.txt`` or a punctuation mark ends it.

>>> text = "今年将实施农村饮水安全工程"
>>> text[left_start(text, 11, 10):13]
'农村饮水安全工程'
"""

from __future__ import annotations

import functools

import regex

from .._data import load_lexicon
from ..normalize import NormalizedText, strip_layout
from ._gazetteer import fold

_HAN = regex.compile(r"\p{Han}")
_CLASSIFIERS = frozenset("个座项家批年度月名位条种类所元")
# Classifiers of countable things; 年, 项 and 条 also stand inside names (西部大开发新十年指导意见).
_COUNTERS = frozenset("个座家批名位所")
_NUMERALS = frozenset("0123456789一二三四五六七八九十百千万亿两几多余")


@functools.cache
def words(relpath: str) -> frozenset[str]:
    """A one-entry-a-line list (entries may be space-separated on one line), folded."""
    return frozenset(fold(w) for line in load_lexicon(relpath) for w in line.split())


@functools.cache
def _by_first(entries: frozenset[str]) -> dict[str, tuple[int, ...]]:
    """First character → the lengths of the entries starting with it, longest first."""
    lengths: dict[str, set[int]] = {}
    for entry in entries:
        if entry:
            lengths.setdefault(entry[0], set()).add(len(entry))
    return {ch: tuple(sorted(ns, reverse=True)) for ch, ns in lengths.items()}


@functools.cache
def _by_last(entries: frozenset[str]) -> dict[str, tuple[int, ...]]:
    """Last character → the lengths of the entries ending with it, longest first."""
    return _by_first(frozenset(entry[::-1] for entry in entries))


def prefix_at(text: str, pos: int, entries: frozenset[str], end: int | None = None) -> str:
    """The longest of ``entries`` that ``text`` holds at ``pos`` (ending by ``end``), or "".

    The same as trying every entry with ``text.startswith(entry, pos, end)``, but only the
    entries that start with the character at ``pos`` are tried.

    >>> prefix_at("加快建设工程", 0, frozenset({"加快", "加快建设", "建设"}))
    '加快建设'
    """
    limit = len(text) if end is None else min(end, len(text))
    for n in _by_first(entries).get(text[pos : pos + 1], ()):
        if pos + n <= limit and text[pos : pos + n] in entries:
            return text[pos : pos + n]
    return ""


def suffix_at(text: str, pos: int, entries: frozenset[str], begin: int = 0) -> str:
    """The longest of ``entries`` that ends at ``pos`` in ``text`` (starting at or after ``begin``), or ""."""
    for n in _by_last(entries).get(text[pos - 1 : pos] if pos > 0 else "", ()):
        if pos - n >= begin and text[pos - n : pos] in entries:
            return text[pos - n : pos]
    return ""


@functools.cache
def is_han(ch: str) -> bool:
    """A Han character (cached: the name detectors ask about the same few thousand characters)."""
    return bool(_HAN.match(ch))


def _stop_ends_at(
    text: str, end: int, lengths: tuple[int, ...], stops: frozenset[str], floor: int, keep: frozenset[str]
) -> bool:
    """A stop word (not one to keep) of one of ``lengths`` ends at ``end``, starting at or after ``floor``."""
    for n in lengths:
        if end - n >= floor and text[end - n : end] in stops and text[end - n : end] not in keep:
            return True
    return False


def left_start(text: str, head: int, max_len: int, floor: int = 0, keep: frozenset[str] = frozenset()) -> int:
    """Where a name whose head starts at ``head`` begins: at most ``max_len`` characters
    before the head, never before ``floor``, never across punctuation or a stop word, and
    not on a classifier right after a number (3座病险水库 → 病险水库)."""
    stops = words("lexicons/name_left_stops.txt")
    ending = _by_last(stops)  # only the stop words ending in the character left of start can end there
    lowest = max(floor, head - max_len)
    start = head
    while start > lowest:
        ch = text[start - 1]
        if not is_han(ch):
            break
        if ch in ending and _stop_ends_at(text, start, ending[ch], stops, floor, keep):
            break
        if ch in _COUNTERS and start >= 2 and text[start - 2] in _NUMERALS:
            break  # 两家之江实验室: a number and its classifier end the name on the left
        start -= 1
    counted = start
    while counted < head and text[counted] in _NUMERALS:  # 一个海外孵化器 → 海外孵化器, not 十大…规划
        counted += 1
    if (
        counted < head
        and text[counted] in _CLASSIFIERS
        and (counted > start or text[start - 1 : start] in _NUMERALS)
    ):
        return counted + 1
    return start


def bounded_start(
    text: str, head: int, max_len: int, floor: int = 0, keep: frozenset[str] = frozenset()
) -> int | None:
    """``left_start``, or None when the name would run longer than ``max_len`` (no start found)."""
    start = left_start(text, head, max_len + 1, floor, keep)
    return None if head - start > max_len else start


def printed(view: NormalizedText, start: int, end: int) -> str:
    """A span of the view as printed in the original text, layout removed (（试行） stays full-width)."""
    if start >= end:
        return ""
    s, e = view.span(start, end)
    return strip_layout(view.original[s:e])


def generic(body: str, modifiers_list: str = "lexicons/org_generic.txt") -> bool:
    """A name's body made only of modifiers from ``lexicons/org_generic.txt`` (省级, 重点 …)
    describes a kind of thing, not one named thing.

    >>> generic("省级高新技术"), generic("丽水经济")
    (True, False)
    """
    modifiers = words(modifiers_list)
    pos = 0
    while pos < len(body):
        modifier = prefix_at(body, pos, modifiers, pos + 5)  # the longest, of at most 5 characters
        if not modifier:
            return False
        pos += len(modifier)
    return True

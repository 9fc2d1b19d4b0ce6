"""Gazetteer matching shared by the name detectors: one Aho-Corasick automaton per word list.

Entries are folded like the normalized view (full-width forms to ASCII), so that a list
written ``澜沧江－湄公河合作`` matches the view's ``澜沧江-湄公河合作``.

>>> find_all(automaton(("丽水", "丽水市")), "丽水市科技局")
[(0, 2, '丽水'), (0, 3, '丽水市')]
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

import ahocorasick

from ..normalize import fold_char


def fold(word: str) -> str:
    """A word as it appears in the normalized view."""
    return "".join(fold_char(ch) for ch in word)


@functools.cache
def automaton(words: tuple[str, ...]) -> Any:
    """An automaton that reports each word (folded) with its own text as the value."""
    auto = ahocorasick.Automaton()
    for word in words:
        folded = fold(word)
        if folded:
            auto.add_word(folded, folded)
    auto.make_automaton()
    return auto


def find_all(auto: Any, text: str) -> list[tuple[int, int, str]]:
    """Every (start, end, word) occurrence, overlapping ones included, in text order."""
    if not text or len(auto) == 0:
        return []
    hits = [(end + 1 - len(word), end + 1, word) for end, word in auto.iter(text)]
    return sorted(hits)


def longest_first(hits: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop hits contained in a longer hit (丽水 inside 丽水市)."""
    kept: list[tuple[int, int, str]] = []
    for hit in sorted(hits, key=lambda h: (h[0], -(h[1] - h[0]))):
        if kept and hit[1] <= kept[-1][1]:
            continue
        kept.append(hit)
    return kept

"""Gazetteer matching shared by the name detectors: every occurrence of the words of a list.

Entries are folded like the normalized view (full-width forms to ASCII), so that a list
written ``澜沧江－湄公河合作`` matches the view's ``澜沧江-湄公河合作``.

>>> find_all(automaton(("丽水", "丽水市")), "丽水市科技局")
[(0, 2, '丽水'), (0, 3, '丽水市')]
>>> find_longest(automaton(("丽水", "丽水市", "市科技局")), "丽水市科技局")
[(0, 3, '丽水市'), (2, 6, '市科技局')]

Two ways to search, by the list's shape. pyahocorasick walks a node's children one by one,
so an automaton whose words start with few distinct characters (titles, heads of names) is
fast, but one whose words start with about a thousand (the divisions of China) spends most of
its time at the root. There a table of the pairs of characters that start a word, looked up
for every position at once with numpy, gives the few positions where a word may start, and
only those are looked up in the word set.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import ahocorasick
import numpy as np
import numpy.typing as npt

from ..chars import fold as fold_text

Hit = tuple[int, int, str]

# Above this many distinct first characters a list is searched by its pairs rather than by automaton.
_MAX_AUTOMATON_ROOT = 200


def fold(word: str) -> str:
    """A word as it appears in the normalized view (each character folded like the view's)."""
    return fold_text(word)


def _codes(text: str, top: int) -> npt.NDArray[np.uint32]:
    """The text's code points, those above ``top`` (no character of the list) cut to ``top``."""
    raw = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    cut: npt.NDArray[np.uint32] = np.minimum(raw, np.uint32(top))
    return cut


class _PairTable:
    """Which pairs of characters start a word of the list, and which characters are words.

    The pairs are a flat table: row (first character) times the row length plus column
    (second character), looked up with ``take`` (several times faster than 2-D indexing).
    """

    def __init__(self, words: frozenset[str]) -> None:
        pairs = {w[:2] for w in words if len(w) > 1}
        firsts = sorted({p[0] for p in pairs})
        seconds = sorted({p[1] for p in pairs})
        width = len(seconds) + 1
        # Code point → its row (column); "no first (second) character of a pair" is the last one.
        self.top = max((ord(ch) for w in words for ch in w[:2]), default=0) + 1
        self.row = np.full(self.top + 1, len(firsts) * width, dtype=np.intp)
        self.row[[ord(ch) for ch in firsts]] = np.arange(len(firsts)) * width
        self.column = np.full(self.top + 1, len(seconds), dtype=np.intp)
        self.column[[ord(ch) for ch in seconds]] = np.arange(len(seconds))
        self.pair = np.zeros((len(firsts) + 1) * width, dtype=bool)
        self.pair[[self.row[ord(p[0])] + self.column[ord(p[1])] for p in pairs]] = True
        singles = [ord(w) for w in words if len(w) == 1]
        self.single = np.zeros(self.top + 1, dtype=bool) if singles else None
        if self.single is not None:
            self.single[singles] = True

    def starts(self, text: str) -> list[int]:
        """Positions where a word of the list may start: a one-character word, or a word's first pair."""
        codes = _codes(text, self.top)
        found = self.pair.take(self.row.take(codes[:-1]) + self.column.take(codes[1:]))
        if self.single is not None:
            found = np.append(found, False) | self.single.take(codes)
        return list(np.flatnonzero(found).tolist())


class Gazetteer:
    """The folded words of a list, ready to be found in texts."""

    __slots__ = ("_automaton", "_lengths", "_longest_first", "_pairs", "_singles", "words")

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(filter(None, map(fold, words)))
        self._automaton: Any = None
        self._pairs: _PairTable | None = None
        if len({w[0] for w in self.words}) <= _MAX_AUTOMATON_ROOT:
            self._automaton = ahocorasick.Automaton()
            for word in self.words:
                self._automaton.add_word(word, word)
            self._automaton.make_automaton()
            return
        lengths: dict[str, set[int]] = defaultdict(set)
        for word in self.words:
            if len(word) > 1:
                lengths[word[:2]].add(len(word))
        # Lengths of the words that start with each pair of characters, shortest first / longest first.
        self._lengths = {pair: tuple(sorted(ns)) for pair, ns in lengths.items()}
        self._longest_first = {pair: ns[::-1] for pair, ns in self._lengths.items()}
        self._singles = frozenset(w for w in self.words if len(w) == 1)
        self._pairs = _PairTable(self.words)

    def __len__(self) -> int:
        return len(self.words)

    def find_all(self, text: str) -> list[Hit]:
        """Every (start, end, word) occurrence, overlapping ones included, in text order."""
        if not text or not self.words:
            return []
        if self._pairs is None:
            hits = [(end + 1 - len(word), end + 1, word) for end, word in self._automaton.iter(text)]
            return sorted(hits)
        found = []
        words, lengths, singles, size = self.words, self._lengths, self._singles, len(text)
        for i in self._pairs.starts(text):
            if text[i] in singles:
                found.append((i, i + 1, text[i]))
            for n in lengths.get(text[i : i + 2], ()):
                if i + n <= size and text[i : i + n] in words:
                    found.append((i, i + n, text[i : i + n]))
        return found

    def find_longest(self, text: str) -> list[Hit]:
        """``longest_first(self.find_all(text))``: the occurrences no longer one contains."""
        if self._pairs is None or not text:
            return longest_first(self.find_all(text))
        found = []
        reach = 0  # end of the last occurrence kept: one ending there or before is inside it
        words, lengths, singles, size = self.words, self._longest_first, self._singles, len(text)
        for i in self._pairs.starts(text):
            for n in lengths.get(text[i : i + 2], ()):
                if i + n <= reach:
                    break
                if i + n <= size and text[i : i + n] in words:
                    found.append((i, i + n, text[i : i + n]))
                    reach = i + n
                    break
            else:
                if i + 1 > reach and text[i] in singles:
                    found.append((i, i + 1, text[i]))
                    reach = i + 1
        return found


@functools.cache
def automaton(words: tuple[str, ...]) -> Gazetteer:
    """The list's words, folded, ready to be found (one per list, built on first use)."""
    return Gazetteer(words)


def find_all(auto: Gazetteer, text: str) -> list[Hit]:
    """Every (start, end, word) occurrence, overlapping ones included, in text order."""
    return auto.find_all(text)


@functools.cache
def _union(lists: tuple[tuple[str, ...], ...]) -> tuple[Gazetteer, tuple[frozenset[str], ...]]:
    folded = tuple(frozenset(filter(None, map(fold, words))) for words in lists)
    return Gazetteer(w for words in lists for w in words), folded


def find_all_each(lists: tuple[tuple[str, ...], ...], text: str) -> list[list[Hit]]:
    """``[find_all(automaton(words), text) for words in lists]``, scanning the text once.

    >>> find_all_each((("局",), ("丽水", "丽水市")), "丽水市科技局")
    [[(5, 6, '局')], [(0, 2, '丽水'), (0, 3, '丽水市')]]
    """
    auto, folded = _union(lists)
    hits = auto.find_all(text)
    return [[hit for hit in hits if hit[2] in words] for words in folded]


def find_longest(auto: Gazetteer, text: str) -> list[Hit]:
    """Every occurrence not contained in a longer one (丽水市, not 丽水 inside it)."""
    return auto.find_longest(text)


def longest_first(hits: Iterable[Hit]) -> list[Hit]:
    """Drop hits contained in a longer hit (丽水 inside 丽水市)."""
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h[0], -(h[1] - h[0]))):
        if kept and hit[1] <= kept[-1][1]:
            continue
        kept.append(hit)
    return kept

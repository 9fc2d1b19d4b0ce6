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
its time at the root. There a regular expression finds the positions whose first two
characters could start a word, and only those positions are looked up in the word set.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import ahocorasick

from ..normalize import fold_char

Hit = tuple[int, int, str]

# Above this many distinct first characters a list is searched by prefix rather than by automaton.
_MAX_AUTOMATON_ROOT = 200


def fold(word: str) -> str:
    """A word as it appears in the normalized view."""
    return "".join(fold_char(ch) for ch in word)


def _char_class(chars: Iterable[str]) -> str:
    return "[" + "".join(re.escape(ch) for ch in sorted(set(chars))) + "]"


class Gazetteer:
    """The folded words of a list, ready to be found in texts."""

    __slots__ = ("_automaton", "_lengths", "_longest_first", "_singles", "_starts", "words")

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(filter(None, map(fold, words)))
        self._automaton: Any = None
        self._starts: re.Pattern[str] | None = None
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
        # A position where a one-character word stands, or a possible first pair of a longer one.
        starts = []
        if self._singles:
            starts.append(_char_class(self._singles))
        if lengths:
            firsts, seconds = _char_class(p[0] for p in lengths), _char_class(p[1] for p in lengths)
            starts.append(f"{firsts}(?={seconds})")
        self._starts = re.compile("|".join(starts))

    def __len__(self) -> int:
        return len(self.words)

    def find_all(self, text: str) -> list[Hit]:
        """Every (start, end, word) occurrence, overlapping ones included, in text order."""
        if not text or not self.words:
            return []
        if self._starts is None:
            hits = [(end + 1 - len(word), end + 1, word) for end, word in self._automaton.iter(text)]
            return sorted(hits)
        found = []
        words, lengths, singles, size = self.words, self._lengths, self._singles, len(text)
        for m in self._starts.finditer(text):
            i = m.start()
            if text[i] in singles:
                found.append((i, i + 1, text[i]))
            for n in lengths.get(text[i : i + 2], ()):
                if i + n <= size and text[i : i + n] in words:
                    found.append((i, i + n, text[i : i + n]))
        return found

    def find_longest(self, text: str) -> list[Hit]:
        """``longest_first(self.find_all(text))``: the occurrences no longer one contains."""
        if self._starts is None or not text:
            return longest_first(self.find_all(text))
        found = []
        reach = 0  # end of the last occurrence kept: one ending there or before is inside it
        words, lengths, singles, size = self.words, self._longest_first, self._singles, len(text)
        for m in self._starts.finditer(text):
            i = m.start()
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

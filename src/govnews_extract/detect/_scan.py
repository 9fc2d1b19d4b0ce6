"""Run a detector's pattern only where a match can start: the same matches, found faster.

A pattern such as the count one is tried by ``finditer`` at every character of the text,
and each try costs its alternations and lookbehinds. But every match starts at a figure
(digits, Chinese numerals, maybe a qualifier before them) and holds a classifier or unit
right after its figure characters, or a mark such as 倍 a few characters on. One cheap scan
finds the figures (:func:`figures`), and the pattern is tried only where such a word can
follow (:func:`finditer_at_figures`, :func:`finditer_before_marks`). Money and percent
find their trigger words first instead (``_amount_scan``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import regex

from ._common import CN_NUMERAL_CHARS, approx_words
from ._counting import FIGURE

_FIGURE_CHAR_RE = regex.compile(FIGURE)


@functools.lru_cache(maxsize=8)
def in_bmp(text: str) -> bool:
    """True when every character of ``text`` lies in the Basic Multilingual Plane.

    (UTF-16 takes two bytes for each of them and four for any other: one fast C-level pass.
    A parse asks it of its text for each pattern it runs: the cache holds the last texts.)
    """
    return len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text)


Pattern = re.Pattern[str] | regex.Pattern[str]
Match = re.Match[str] | regex.Match[str]


@dataclass(frozen=True, slots=True)
class Twin:
    """A pattern compiled by both ``re`` and ``regex``: the same matches, ``re``'s found faster.

    ``re`` runs a pattern of character classes, words and fixed-width lookbehinds two to four
    times faster than ``regex`` (which the patterns that need its features keep). The two read
    ``\\d`` alike except for the digits of scripts newer than Python's Unicode database, all
    outside the Basic Multilingual Plane: for a text holding such a character, :meth:`on` gives
    the ``regex`` one, compiled the first time it is asked for (``regex`` compiles a long
    pattern slowly, and most texts never need it).
    """

    fast: re.Pattern[str]

    @classmethod
    def of(cls, pattern: str, *, verbose: bool = False) -> Twin:
        return cls(re.compile(pattern, re.VERBOSE if verbose else 0))

    @property
    def exact(self) -> regex.Pattern[str]:
        """The pattern compiled by ``regex``."""
        return _regex_twin(self.fast.pattern, bool(self.fast.flags & re.VERBOSE))

    def on(self, text: str) -> Pattern:
        """The pattern to run on ``text``."""
        return self.fast if in_bmp(text) else self.exact

    def spans(self, text: str) -> list[tuple[int, int]]:
        """The spans of the matches of ``finditer(text)``."""
        return [m.span() for m in self.on(text).finditer(text)]

    def starts(self, text: str) -> list[int]:
        """The starts of the matches of ``finditer(text)``."""
        return [m.start() for m in self.on(text).finditer(text)]


def char_positions(text: str, chars: str) -> list[int]:
    """Every position of any of ``chars`` in ``text``, in order.

    One ``str.find`` scan a character: for a few characters far cheaper than a regex search
    for a character class, which tests every character of the text against the class.

    >>> char_positions("增长12%，占三成", "%成")
    [4, 8]
    """
    found: list[int] = []
    for ch in chars:
        at = text.find(ch)
        while at >= 0:
            found.append(at)
            at = text.find(ch, at + 1)
    if len(chars) > 1:
        found.sort()
    return found


@functools.lru_cache(maxsize=64)
def _regex_twin(pattern: str, verbose: bool) -> regex.Pattern[str]:
    return regex.compile(pattern, regex.VERBOSE if verbose else 0)


# A named group: ``(?P<name>`` or ``(?<name>`` (not a lookbehind ``(?<=``, ``(?<!``).
_GROUP_NAME_RE = regex.compile(r"(?<!\\)\(\?P?<(?![=!])\w+>")


def without_names(pattern: str) -> str:
    """``pattern`` with its named groups made non-capturing: the same matches, for ``re``
    (which refuses a name given twice, as to the alternatives of one pattern).

    >>> without_names("(?P<num>[0-9]+)(?<=5)(?<unit>元)")
    '(?:[0-9]+)(?<=5)(?:元)'
    """
    return _GROUP_NAME_RE.sub("(?:", pattern)


def finditer_in_spans(text: str, spans: Iterable[tuple[int, int, Pattern]]) -> Iterator[Match]:
    """``pattern.finditer(text)`` tried only at the characters ``first`` to ``end`` of each
    span ``(first, end, pattern)`` (in order of ``end``); like ``finditer``'s, the matches do not
    overlap: a span's tries start after the last match.

    >>> import regex
    >>> pattern = regex.compile(r"\\d+%")
    >>> [m[0] for m in finditer_in_spans("增长12%，高出3%", [(2, 4, pattern), (8, 9, pattern)])]
    ['12%', '3%']
    """
    pos = 0
    for first, end, pattern in spans:
        start = max(first, pos)
        while start < end:
            m = pattern.match(text, start)
            if m is None:
                start += 1
                continue
            yield m
            pos = start = max(m.end(), start + 1)


# The figure characters that end at a position (read backwards).
_RUN_BACK_RE = regex.compile(rf"{FIGURE}*", regex.REVERSE)


def finditer_before_marks(pattern: Pattern, text: str, marks: str, reach: int) -> Iterator[Match]:
    """``pattern.finditer(text)`` for a pattern whose every match holds one of ``marks``
    (倍, 番) after at most ``reach`` characters besides figure characters (a verb, a qualifier).

    The pattern is tried only from ``reach`` characters before the figure that ends at
    each mark up to the mark: the same matches, without trying every character.

    >>> import regex
    >>> [m[0] for m in finditer_before_marks(regex.compile(r"增长\\d+倍"), "增长3倍，增长12倍", "倍", 2)]
    ['增长3倍', '增长12倍']
    """
    spans: list[tuple[int, int]] = []
    for mark in regex.finditer(f"[{regex.escape(marks)}]", text):
        run = _RUN_BACK_RE.match(text, 0, mark.start())
        first = max(0, (run.start() if run else mark.start()) - reach)
        if spans and first <= spans[-1][1]:
            spans[-1] = (spans[-1][0], mark.end())
        else:
            spans.append((first, mark.end()))
    return finditer_in_spans(text, ((first, end, pattern) for first, end in spans))


# Where a number may start: a digit not after a digit or '.', or a Chinese numeral after neither
# (a superset of ``_counting.NUMBER_START``, whose lookbehinds are tried later). The character
# comes first and the lookbehinds after it, so that a scan skips to the next digit or numeral.
_START = (
    rf"[\d{CN_NUMERAL_CHARS}](?<![\d.][\d{CN_NUMERAL_CHARS}])(?<![{CN_NUMERAL_CHARS}][{CN_NUMERAL_CHARS}])"
)
# A number start and the figure characters (digits, numerals, range marks, 余/多, a space) after
# it up to the next start: one scan gives every start, and the segments of a run of figure
# characters follow each other without a gap (a start every other character, as in 三1三1…,
# stays linear: no run is read once per start).
_SEGMENTS = Twin.of(rf"{_START}(?:(?!{_START}){FIGURE})*")


@functools.cache
def _before_shape() -> tuple[list[int], frozenset[str]]:
    """The lengths of the qualifier words before a number, and their last letters."""
    before = approx_words()["before"]
    return sorted({len(w) for w in before}), frozenset(w[-1] for w in before)


@functools.lru_cache(maxsize=8)
def figures(text: str) -> tuple[tuple[int, int, int], ...]:
    """``(start, number, end)`` of every place a figure may be read from, in order of ``start``.

    ``number`` is a number start, ``end`` the end of the run of figure characters from there,
    and ``start`` is ``number`` or the start of a qualifier printed right before it (超过200).
    One scan a text, shared by the detectors (the cache holds the last texts).

    >>> figures("超过200余家")
    ((0, 2, 6), (2, 2, 6))
    """
    segments = _SEGMENTS.spans(text)
    # The end of each segment's run: the end of the last segment that the next ones continue.
    ends = [0] * len(segments)
    end = following = -1
    for i in range(len(segments) - 1, -1, -1):
        if segments[i][1] != following:
            end = segments[i][1]
        ends[i] = end
        following = segments[i][0]
    before = approx_words()["before"]
    lengths, lasts = _before_shape()
    found: list[tuple[int, int, int]] = []
    for (number, _), end in zip(segments, ends, strict=True):
        if number and text[number - 1] in lasts:
            found += [
                (number - n, number, end)
                for n in lengths
                if n <= number and text[number - n : number] in before
            ]
        found.append((number, number, end))
    found.sort()
    return tuple(found)


@dataclass(frozen=True, slots=True)
class Endings:
    """The first characters of the words a figure must be followed by (a classifier, a unit).

    A word whose first character is not a figure character can only start where the figure
    characters end; one that starts with one (万, 千瓦) starts inside them.
    """

    after: frozenset[str]
    inside: frozenset[str]

    @classmethod
    def of(cls, words: Iterable[str]) -> Endings:
        firsts = {w[0] for w in words if w}
        inside = frozenset(ch for ch in firsts if _FIGURE_CHAR_RE.fullmatch(ch))
        return cls(frozenset(firsts) - inside, inside)


def finditer_at_figures(
    pattern: Pattern,
    text: str,
    endings: Endings,
    near: Callable[[str, int, int], bool] | None = None,
) -> Iterator[Match]:
    """``pattern.finditer(text)`` for a pattern that reads (qualifier) figure ending.

    Every match of such a pattern starts at a :func:`figures` start and holds one of the
    ``endings`` words right after (or inside) its figure characters, so ``pattern`` is tried
    only where that holds (and ``near(text, start, end)`` when given, another test every
    match passes): the same matches, without trying every character.
    """
    pos = -1
    last = -1
    for start, _, end in _figures_before(text, endings):
        if start < pos or start == last:
            continue
        if near is not None and not near(text, start, end):
            continue
        last = start
        m = pattern.match(text, start)
        if m is not None:
            yield m
            pos = max(m.end(), start + 1)


# The figure characters from a position on.
_RUN_AHEAD = Twin.of(f"{FIGURE}*")


def _figures_before(text: str, endings: Endings) -> list[tuple[int, int, int]]:
    """The :func:`figures` that one of ``endings`` may follow: a word of ``endings.after``
    right after the figure characters, or one of ``endings.inside`` from the number on."""
    after, inside = endings.after, endings.inside
    if not inside:
        return [f for f in figures(text) if text[f[2] : f[2] + 1] in after]
    # The last inside ending of each run of figure characters, by the run's end (the ``end`` of
    # its figures): a figure holds one when that stands at or after its number. Each run is
    # read once, from its first inside ending (linear time on a run such as 三万三万…).
    last: dict[int, int] = {}
    run_end = -1
    ahead = _RUN_AHEAD.on(text).match
    for at in char_positions(text, "".join(sorted(inside))):
        if at >= run_end:
            run_end = ahead(text, at).end()  # type: ignore[union-attr]
        last[run_end] = at
    if not after:
        return [f for f in figures(text) if f[1] <= last.get(f[2], -1)]
    return [f for f in figures(text) if text[f[2] : f[2] + 1] in after or f[1] <= last.get(f[2], -1)]

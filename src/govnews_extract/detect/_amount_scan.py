"""Where a money or percent match can start: the figure characters right before a trigger word.

Every match of the money and percent patterns is a stretch of *amount characters* (digits,
numerals, separators, signs, 余/多, 个) followed by a trigger word (a currency word; %, ‰,
百分点, 分之, 成) whose first character is no amount character. So a pattern need only be
tried in the stretch of amount characters right before each trigger word: the detector finds
the trigger words (a C-level search of the text), and each stretch is read backwards once (a
trigger ends the stretch before it, so no character is read twice: linear time).

>>> import regex
>>> pattern = regex.compile(r"(?<![\\d.])\\d+(?:\\.\\d+)?%")
>>> text = "增长12.5%，高出3%"
>>> [m[0] for m in finditer_before(text, ((at, pattern) for at in char_positions(text, "%")))]
['12.5%', '3%']
>>> [m[0] for m in finditer_holding(regex.compile(r"\\d+万"), "3万人，12万", "万亿")]
['3万', '12万']
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Iterable, Iterator

import regex

from ._amounts import RANGE_SEP_CHARS, SIGN_CHARS
from ._common import CN_NUMERAL_CHARS
from ._scan import Match, Pattern, Twin, char_positions, finditer_in_spans

# Every character the figure part of a money or percent match may hold: a numeral (digits, ',',
# '.', Chinese numerals), a range separator, a sign, 余/多 (3000多万元) and 个 (5个百分点). One
# character class: a regex reads a class two to three times faster than an alternation.
AMOUNT_CHAR = rf"[\d.,{CN_NUMERAL_CHARS}余多个{RANGE_SEP_CHARS}{SIGN_CHARS}]"
# The stretch of amount characters that ends at a position (read backwards) or starts at one.
_BACK_RE = regex.compile(rf"{AMOUNT_CHAR}*", regex.REVERSE)
_AHEAD = Twin.of(rf"{AMOUNT_CHAR}*")


def is_amount_char(ch: str) -> bool:
    """True when ``ch`` may stand in the figure part of a match (a trigger's first letter must not)."""
    return regex.fullmatch(AMOUNT_CHAR, ch) is not None


def finditer_before(text: str, triggers: Iterable[tuple[int, Pattern]]) -> Iterator[Match]:
    """``pattern.finditer(text)`` for patterns whose every match is amount characters, then a
    trigger word (which starts with no amount character): each pattern is tried only at the
    amount characters right before a trigger word.

    ``triggers`` gives, in order, where each trigger word starts and the pattern to try before
    it (a pattern, or the alternatives of one that can end in that trigger). It must hold every
    trigger word that follows an amount character.
    """
    back = _BACK_RE.match
    # The stretch before a trigger ends at the trigger before it (no amount character), so
    # each character is read back once (the pattern is a ``*``: it always matches).
    spans = ((back(text, 0, end).start(), end, pattern) for end, pattern in triggers)  # type: ignore[union-attr]
    return finditer_in_spans(text, spans)


# A test of a stretch of amount characters holding a mark: given where its first mark stands and
# where the stretch ends, False when no match the caller keeps can be read from it.
StretchTest = Callable[[int, int], bool]


def finditer_holding(
    pattern: Pattern,
    text: str,
    marks: str,
    not_before: tuple[str, ...] = (),
    keep: StretchTest | None = None,
) -> Iterator[Match]:
    """``pattern.finditer(text)`` for a pattern whose every match is amount characters up to
    one of ``marks`` (万, 亿) included: tried only in the stretches of amount characters that
    hold a mark, up to the last mark of each.

    A stretch that ends in its marks (and holds no other) and is followed by one of
    ``not_before`` (words that start with no amount character) is skipped too: for a pattern
    whose match ends after a mark that is followed by no other mark and by no word of
    ``not_before`` (a bare amount is never followed by a currency word, so the 5万 and 5万亿
    of 5万元 and 5万亿元 are none).

    With ``keep``, only the stretches that pass it are tried: the matches the caller keeps are
    the same, the ones it drops need not be read. (A match ends after the stretch's first mark;
    it never reaches into the next stretch, as a non-amount character stands between them.)
    """
    return finditer_in_spans(text, _holding_spans(pattern, text, marks, not_before, keep))


@functools.lru_cache(maxsize=8)
def _first_letters(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(word[0] for word in words)


def _holding_spans(
    pattern: Pattern,
    text: str,
    marks: str,
    not_before: tuple[str, ...],
    keep: StretchTest | None = None,
) -> Iterator[tuple[int, int, Pattern]]:
    """The spans :func:`finditer_holding` tries: each stretch holding a mark, up to its last."""
    back, ahead = _BACK_RE.match, _AHEAD.on(text).match
    at_marks = char_positions(text, marks)
    firsts = _first_letters(not_before)
    i = 0
    while i < len(at_marks):
        at = at_marks[i]  # the first mark of a stretch
        if text[at + 1 : at + 2] in firsts and text.startswith(not_before, at + 1):
            i += 1  # the stretch ends with its one mark, before a word of not_before: skipped
            continue
        end = ahead(text, at).end()  # type: ignore[union-attr]
        i = bisect.bisect_left(at_marks, end, i)  # the next stretch's first mark
        if not text[at:end].strip(marks) and text.startswith(not_before, end):
            continue
        if keep is not None and not keep(at, end):
            continue
        yield back(text, 0, at).start(), at_marks[i - 1] + 1, pattern  # type: ignore[union-attr]

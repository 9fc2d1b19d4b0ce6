"""Where a money or percent match can start: the figure characters right before a trigger word.

Every match of the money and percent patterns is a stretch of *amount characters* (digits,
numerals, separators, signs, 余/多, 个) followed by a trigger word (a currency word; %, ‰,
百分点, 分之, 成) whose first character is no amount character. So a pattern need only be
tried in the stretch of amount characters right before each trigger word: the trigger words
are found by one C-level search of the text, and each stretch is read backwards once (a
trigger ends the stretch before it, so no character is read twice: linear time).

>>> import re, regex
>>> pattern = regex.compile(r"(?<![\\d.])\\d+(?:\\.\\d+)?%")
>>> [m[0] for m in finditer_before_triggers(pattern, "增长12.5%，高出3%", re.compile("%"))]
['12.5%', '3%']
>>> [m[0] for m in finditer_holding(regex.compile(r"\\d+万"), "3万人，12万", "万亿")]
['3万', '12万']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

import regex

from ._amounts import RANGE_SEP, SIGN
from ._common import CN_NUMERAL_CHARS

# Every character the figure part of a money or percent match may hold: a numeral (digits, ',',
# '.', Chinese numerals), a range separator, a sign, 余/多 (3000多万元) and 个 (5个百分点).
AMOUNT_CHAR = rf"(?:[\d.,{CN_NUMERAL_CHARS}余多个]|{RANGE_SEP}|{SIGN})"
# The stretch of amount characters that ends at a position (read backwards) or starts at one.
_BACK_RE = regex.compile(rf"{AMOUNT_CHAR}*", regex.REVERSE)
_AHEAD_RE = regex.compile(rf"{AMOUNT_CHAR}*")


def is_amount_char(ch: str) -> bool:
    """True when ``ch`` may stand in the figure part of a match (a trigger's first letter must not)."""
    return regex.fullmatch(AMOUNT_CHAR, ch) is not None


def finditer_before_triggers(
    pattern: regex.Pattern[str] | Mapping[str, regex.Pattern[str]], text: str, triggers: re.Pattern[str]
) -> Iterator[regex.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match is amount characters, then a
    match of ``triggers`` (which starts with no amount character): tried only at the amount
    characters right before each match of ``triggers``.

    ``triggers`` must find every place a trigger word starts; its matches must not hide the
    start of another trigger word preceded by an amount character (true when no trigger word
    holds an amount character). ``pattern`` may be a mapping from the text of a trigger match
    to the pattern tried before it: the alternatives of the whole pattern that can end in it.
    """
    back = _BACK_RE.match
    spans = []
    for t in triggers.finditer(text):
        end = t.start()
        start = back(text, 0, end).start()  # type: ignore[union-attr]  # a ``*`` always matches
        if start < end:
            spans.append((start, end, pattern if isinstance(pattern, regex.Pattern) else pattern[t[0]]))
    return _finditer_in_spans(text, spans)


def finditer_holding(
    pattern: regex.Pattern[str], text: str, marks: str, not_before: tuple[str, ...] = ()
) -> Iterator[regex.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match is amount characters up to
    one of ``marks`` (万, 亿) included: tried only in the stretches of amount characters that
    hold a mark, up to the last mark of each.

    A stretch whose one mark is its last character and is followed by one of ``not_before`` is
    skipped too: for a pattern that rejects a mark followed by such a word (a bare amount is
    never followed by a currency word, so the 5万 of 5万元 is none).
    """
    spans = []
    end = 0
    for mark in re.finditer(f"[{re.escape(marks)}]", text):
        at = mark.start()
        if at < end:
            continue  # in the stretch already taken
        start = _BACK_RE.match(text, 0, at).start()  # type: ignore[union-attr]
        end = _AHEAD_RE.match(text, at).end()  # type: ignore[union-attr]
        if at == end - 1 and text.startswith(not_before, end):
            continue
        last = max(text.rfind(m, at, end) for m in marks)
        spans.append((start, last + 1, pattern))
    return _finditer_in_spans(text, spans)


def _finditer_in_spans(
    text: str, spans: Iterable[tuple[int, int, regex.Pattern[str]]]
) -> Iterator[regex.Match[str]]:
    """``pattern.finditer(text)`` tried only at the characters of ``spans`` (in order), each
    span with its pattern (the alternatives of one pattern that can match there)."""
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

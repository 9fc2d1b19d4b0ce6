"""Sentence boundaries in the normalized view.

A sentence ends after 。！？；(and their ASCII forms) or at a kept line separator
(a table cell boundary).

>>> starts = sentence_starts("增长10%。其中，工业增长9%！")
>>> starts, sentence_index(starts, 8)
([0, 6], 1)
"""

from __future__ import annotations

import bisect

import regex

_END_RE = regex.compile(r"[。！？；!?;]+[”’」』)）]*|\n")


def sentence_starts(text: str) -> list[int]:
    """Offsets at which sentences start; always begins with 0."""
    starts = [0]
    for m in _END_RE.finditer(text):
        if m.end() < len(text):
            starts.append(m.end())
    return starts


def sentence_index(starts: list[int], offset: int) -> int:
    """Index of the sentence that holds ``offset``."""
    return bisect.bisect_right(starts, offset) - 1

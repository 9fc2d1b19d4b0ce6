"""A cleaned view of the text for matching, with a map back to the original offsets.

PDF and HTML extraction leave full-width digits, zero-width marks and hard line breaks
inside words and numbers (``1728.88\\n万元``).  Detectors match on the cleaned view;
:meth:`NormalizedText.span` maps a match back into the original text.

>>> view = normalize("发放 3493.59\\n万元")
>>> view.text
'发放3493.59万元'
>>> view.span(2, 11)
(3, 13)
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Layout characters that never carry meaning: zero-width marks, BOM, soft hyphen.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
# Characters whose neighbours decide whether a whitespace run is kept as one separator.
_KEEP_APART = frozenset("0123456789.%")
_ASCII_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """``text`` is the cleaned view; ``origin[i]`` is the original offset of ``text[i]``."""

    text: str
    origin: tuple[int, ...]
    original: str

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the view to the original text."""
        return self.origin[start], self.origin[end - 1] + 1


def fold_char(ch: str) -> str:
    """Full-width ASCII forms and the ideographic space to their plain forms.

    >>> fold_char("３") + fold_char("％") + fold_char("．")
    '3%.'
    """
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E:
        return chr(code - 0xFEE0)
    if code == 0x3000:
        return " "
    return ch


def is_layout(ch: str) -> bool:
    """Whitespace or an invisible mark: what a mention's ``text`` leaves out."""
    return ch.isspace() or ch in _INVISIBLE or unicodedata.category(ch) == "Cc"


def strip_layout(text: str) -> str:
    """The text with layout characters removed: how SCHEMA.md prints a mention.

    >>> strip_layout("2.2个百分\\n点")
    '2.2个百分点'
    """
    return "".join(ch for ch in text if not is_layout(ch))


def _separator(prev: str, nxt: str, run: str) -> str:
    """What a run of layout characters between two visible characters becomes.

    Runs vanish (Chinese has no spaces, and PDF breaks fall anywhere), except between
    two numbers or two ASCII words, where they keep the tokens apart: table cells
    (``4000.5\\n10.0``) must not merge into one number.
    """
    apart = (prev in _KEEP_APART and nxt in _KEEP_APART) or (prev in _ASCII_WORD and nxt in _ASCII_WORD)
    if not apart:
        return ""
    return "\n" if ("\n" in run or "\r" in run) else " "


def normalize(text: str) -> NormalizedText:
    """Build the matching view of ``text``; see the module docstring."""
    out: list[str] = []
    origin: list[int] = []
    run_start = -1
    for i, raw in enumerate(text):
        ch = fold_char(raw)
        if is_layout(ch):
            if run_start < 0:
                run_start = i
            continue
        if run_start >= 0:
            if out:
                sep = _separator(out[-1], ch, text[run_start:i])
                if sep:
                    out.append(sep)
                    origin.append(run_start)
            run_start = -1
        out.append(ch)
        origin.append(i)
    return NormalizedText("".join(out), tuple(origin), text)

"""Character classes of the cleaned view: what folds, and what counts as layout.

>>> strip_layout("７４.４\\n\\u200b\\n万亿元") == "７４.４万亿元"
True
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence

import regex

# Layout characters that never carry meaning: zero-width marks, word joiner, BOM, soft hyphen.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
# The same as a pattern, for whole-string scans. NOTE: keep in sync with ``is_layout``.
LAYOUT_CLASS = r"[\s\p{Cc}\p{Cf}\u200b\u200c\u200d\u2060\ufeff\u00ad]"
LAYOUT_RE = regex.compile(rf"{LAYOUT_CLASS}+")
# Small form variants (U+FE50–U+FE6B) of punctuation, folded like the full-width forms.
_SMALL_FORMS = {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFE50, 0xFE6C)}


def fold_char(ch: str) -> str:
    """Full-width and small forms of ASCII, and the ideographic space, to their plain forms.

    >>> fold_char("３") + fold_char("％") + fold_char("．") + fold_char("﹪")
    '3%.%'
    """
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E:
        return chr(code - 0xFEE0)
    if code == 0x3000:
        return " "
    if 0xFE50 <= code <= 0xFE6B:
        return _SMALL_FORMS[ch] or ch
    return ch


@functools.lru_cache(maxsize=4)
def whitespace_words(text: str) -> tuple[tuple[int, int], ...] | None:
    """The spans of the words between whitespace runs, or ``None`` when some layout is not
    whitespace (a zero-width mark, a control character: then only ``LAYOUT_RE`` finds it).

    Every layout character that is not whitespace is unprintable, so when the words are all
    printable, the layout is exactly the whitespace between them, which ``str.split`` finds
    several times faster than a pattern scan. Kept for the next caller, as :func:`fold_text`
    is: normalize and then split_lines walk the words of the same folded article.

    >>> whitespace_words(" 增长 10%\\n"), whitespace_words("增长\\u200b10%")
    (((1, 3), (4, 7)), None)
    """
    words = text.split()
    if not "".join(words).isprintable():
        return None
    spans = []
    end = 0
    for word in words:
        # Only whitespace stands between the last word and this one, whose first character is
        # not whitespace: its first occurrence is where the word starts. (A search for one
        # character is a memchr; one for the whole word, often a paragraph, reads it all.)
        start = text.find(word[0], end)
        end = start + len(word)
        spans.append((start, end))
    return tuple(spans)


def visible_runs(text: str) -> Sequence[tuple[int, int]]:
    """The spans of the maximal runs of visible characters: what lies between the runs that
    ``LAYOUT_RE`` finds, in order.

    >>> visible_runs("  增长\\u200b10%\\n\\n工业 ")
    [(2, 4), (5, 8), (10, 12)]
    """
    words = whitespace_words(text)
    if words is not None:
        return words
    runs = []
    pos = 0
    for layout in LAYOUT_RE.finditer(text):
        if layout.start() > pos:
            runs.append((pos, layout.start()))
        pos = layout.end()
    if pos < len(text):
        runs.append((pos, len(text)))
    return runs


def is_layout(ch: str) -> bool:
    """Whitespace or an invisible mark: what a mention's ``text`` leaves out."""
    return ch.isspace() or ch in _INVISIBLE or unicodedata.category(ch) in ("Cc", "Cf")


def strip_layout(text: str) -> str:
    """The text with layout characters removed: how SCHEMA.md prints a mention.

    >>> strip_layout("2.2个百分\\n点")
    '2.2个百分点'
    """
    if text.isprintable() and " " not in text:
        return text  # every layout character is a space or unprintable: nothing to strip
    return "".join(ch for ch in text if not is_layout(ch))


@functools.cache
def _fold_table() -> dict[str, str]:
    table = {chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}
    table.update({ch: folded for ch, folded in _SMALL_FORMS.items() if folded})
    table["\u3000"] = " "
    return table


@functools.cache
def _folding_re() -> re.Pattern[str]:
    """The characters that ``fold`` changes. Replacing only these is several times faster than
    ``str.translate``, which looks up every character of the (mostly Chinese) text.
    Literal characters only: the stdlib ``re`` scans a whole text faster than ``regex``.
    (Unassigned small forms fold to themselves: they are left out.)
    """
    changed = sorted(ch for ch, folded in _fold_table().items() if folded != ch)
    return re.compile("[" + "".join(map(re.escape, changed)) + "]")


@functools.lru_cache(maxsize=4)
def fold_text(text: str) -> str:
    """:func:`fold` of a whole article, kept for the next caller (normalize, then split_lines)."""
    return fold(text)


def fold(text: str) -> str:
    """:func:`fold_char` over a whole string; every character folds to one (same offsets).

    >>> fold("４０００．５亿元，增长１０％")
    '4000.5亿元,增长10%'
    """
    table, folding = _fold_table(), _folding_re()
    # An article has a dozen distinct characters that fold (，：（）１…), hundreds of times
    # each. ``str.replace`` folds all of one character at once, in C; the next search then
    # resumes just past it, where every earlier character is already folded, so one scan in
    # all finds each distinct character once (no list of every occurrence, as ``findall`` makes).
    # No character folds to one that folds again, so nothing is folded twice.
    found = folding.search(text)
    while found is not None:
        text = text.replace(found[0], table[found[0]])
        found = folding.search(text, found.end())
    return text

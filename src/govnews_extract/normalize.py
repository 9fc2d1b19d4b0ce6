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

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from .chars import fold_char, fold_text, is_layout, strip_layout, visible_runs
from .layout import cell_starts

__all__ = ["NormalizedText", "fold_char", "is_layout", "normalize", "strip_layout"]

# Characters whose neighbours decide whether a whitespace run is kept as one separator.
_DIGITS = frozenset("0123456789")
_KEEP_APART = frozenset("0123456789.%‰")
_ASCII_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
# OCR reads 1 as l/I and 0 as O/o: a Latin l/I after a Chinese character and before a digit,
# or an O/o between two digits, is that digit.
_OCR_DIGIT_RE = regex.compile(r"(?<=\p{Han})[lI](?=\d)|(?<=\d)[Oo](?=\d)")
# A thousands group split off by a stray space: ``3 493.59`` (1–3 digits, then exactly 3).
_GROUP_BEFORE_RE = regex.compile(r"(?<![\d.,])\d{1,3}$")
_GROUP_AFTER_RE = regex.compile(r"\d{3}(?![\d])")
_OCR_DIGITS = {"l": "1", "I": "1", "O": "0", "o": "0"}
# A PDF hard line break inside a number in running prose: the line ends with digits that
# follow a Chinese character directly (投资1), the break is a single one with no indentation
# after it, and the next line goes on with the rest of the number and its unit or word
# (80亿元以上). A next line that opens with a year (2023年) starts something new.
_MIN_PROSE_LINE = 4  # a shorter line ending in digits is a label (表2, 附件1), not prose
_PROSE_BREAK_RE = regex.compile(r"[ \t\p{Cf}]*(?:\r\n|\n|\r)\p{Cf}*")
_PROSE_NUMBER_HEAD_RE = regex.compile(r"\p{Han}\d+$")
_PROSE_NUMBER_TAIL_RE = regex.compile(r"(?!\d{4}年)\d+(?:\.\d+)?(?:\p{Han}|[%‰](?![\r\n]|$))")


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """``text`` is the cleaned view; ``origin[i]`` is the original offset of ``text[i]``."""

    text: str
    origin: tuple[int, ...]
    original: str

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the view to the original text."""
        return self.origin[start], self.origin[end - 1] + 1

    def cell_starts(self) -> frozenset[int]:
        """View offsets at which a cell of a flattened table starts, and just past each table.

        The layout's real cell boundaries (:func:`govnews_extract.layout.find_tables`), for
        detectors that must not read across two cells (a number cell and the next row's
        label): a match ``[s, e)`` runs across a boundary ``b`` when ``s < b < e``.

        >>> view = normalize("单位：亿元\\n指标\\n余额\\n存款\\n775.0\\n贷款\\n103.0\\n全年财政收入增长5%。")
        >>> [view.text[i : i + 3] for i in sorted(view.cell_starts())]
        ['单位:', '指标\\n', '余额\\n', '存款\\n', '775', '贷款\\n', '103', '\\n全年']
        """
        return frozenset(bisect.bisect_left(self.origin, start) for start in cell_starts(self.original))

    def locate(self, start: int, end: int) -> tuple[int, int] | None:
        """Map a span of the original to the view; ``None`` unless both ends are visible characters.

        >>> normalize("发放 3493.59\\n万元").locate(3, 13)
        (2, 11)
        """
        first = bisect.bisect_left(self.origin, start)
        last = bisect.bisect_left(self.origin, end - 1)
        if first >= len(self.origin) or last >= len(self.origin):
            return None
        if self.origin[first] != start or self.origin[last] != end - 1:
            return None
        return first, last + 1


def repair_ocr_digits(text: str) -> str:
    """Letters that OCR put in place of digits, read as the digits (same length, same offsets).

    >>> repair_ocr_digits("毒害草治理l2万公顷，PM2.5，1O5亿元")
    '毒害草治理12万公顷，PM2.5，105亿元'
    """
    if not any(letter in text for letter in _OCR_DIGITS):
        return text  # the common case, found by four fast substring scans instead of a pattern scan
    return _OCR_DIGIT_RE.sub(lambda m: _OCR_DIGITS[m[0]], text)


def _separator(before: str, after: str, run: str) -> str:
    """What a run of layout characters between two visible characters becomes.

    ``before`` ends with the view so far, ``after`` starts with what follows the run.
    Runs vanish (Chinese has no spaces, and PDF breaks fall anywhere), except between
    two numbers or two ASCII words, where they keep the tokens apart (``PM 2.5``).
    A number broken at its decimal point (``1728.\\n88``), before its percent sign
    (``57.1\\n%``) or at a thousands group (``3 493.59``) is joined again.
    """
    if not _maybe_apart(before[-1], after[0]) or _rejoins(before, after):
        return ""
    return _line_or_space(run)


def _maybe_apart(prev: str, nxt: str) -> bool:
    """Whether :func:`_separator` may keep a run between ``prev`` and ``nxt`` (else it vanishes)."""
    return (prev in _KEEP_APART and nxt in _KEEP_APART) or (prev in _ASCII_WORD and nxt in _ASCII_WORD)


def _rejoins(before: str, after: str) -> bool:
    """Whether a run between ``before`` and ``after`` falls inside one number.

    >>> _rejoins("发放3", "493.59万"), _rejoins("2019", "2020年"), _rejoins("57.1", "%")
    (True, False, True)
    """
    if after[0] in "%‰":
        return before[-1] in _DIGITS
    if before[-1] == ".":
        return len(before) > 1 and before[-2] in _DIGITS and after[0] in _DIGITS
    return _GROUP_BEFORE_RE.search(before) is not None and _GROUP_AFTER_RE.match(after) is not None


def _broken_in_prose(folded: str, start: int, end: int) -> bool:
    """Whether the layout run ``folded[start:end]`` is a PDF line break inside a number in prose.

    Table cells never get here (their breaks are kept first, see :func:`normalize`).

    >>> text = "力争完成技改投资1\\n50亿元以上"
    >>> _broken_in_prose(text, 9, 10), _broken_in_prose("2019\\n2020年", 4, 5)
    (True, False)
    >>> _broken_in_prose("附件1\\n2023年工作要点", 3, 4), _broken_in_prose("增长6\\n2.加强管理", 3, 4)
    (False, False)
    >>> _broken_in_prose("表2\\n12个重点项目进展", 2, 3)
    False
    """
    return (
        _PROSE_BREAK_RE.fullmatch(folded, start, end) is not None
        and _PROSE_NUMBER_HEAD_RE.search(folded, max(0, start - 16), start) is not None
        and _PROSE_NUMBER_TAIL_RE.match(folded[end : end + 24]) is not None
        and len(folded[folded.rfind("\n", 0, start) + 1 : start].strip()) >= _MIN_PROSE_LINE
    )


def _line_or_space(run: str) -> str:
    return "\n" if any(ch in "\n\r\x0b\x0c\x85\u2028\u2029" for ch in run) else " "


def normalize(text: str) -> NormalizedText:
    """Build the matching view of ``text``; see the module docstring.

    Table cells (see :mod:`govnews_extract.layout`) stay apart: the break between two
    cells becomes one ``\\n`` whatever the cells hold.

    >>> normalize("个人存款\\n\\t\\n1169.0\\n\\t\\n160.3\\n\\t\\n个人贷款\\n\\t\\n42.9\\n\\t\\n5.6").text
    '个人存款\\n1169.0\\n160.3\\n个人贷款\\n42.9\\n5.6'
    """
    folded = repair_ocr_digits(fold_text(text))
    cuts = cell_starts(text)
    offsets = _offsets(len(folded))
    out: list[str] = []
    origin: list[int] = []  # the original offsets of the view's characters
    last = -1  # the end of the last run of visible characters, once there is one
    # Layout at either end of the text vanishes: only a run between two visible runs may
    # become a separator.
    for start, end in visible_runs(folded):
        if last >= 0:
            sep = _between(folded, last, start, cuts, out)
            if sep:
                out.append(sep)
                origin.append(last)
        out.append(folded[start:end])
        origin += offsets[start:end]
        last = end
    return NormalizedText("".join(out), tuple(origin), text)


def _between(folded: str, start: int, end: int, cuts: frozenset[int], out: list[str]) -> str:
    """What the layout run ``folded[start:end]`` between two visible characters becomes.

    ``out`` holds the view so far (it ends with ``folded[start - 1]``); ``cuts`` are the
    offsets at which table cells start (see :func:`normalize`).
    """
    if end in cuts or start in cuts:
        return _line_or_space(folded[start:end])
    if not _maybe_apart(folded[start - 1], folded[end]):
        return ""  # the common case, decided from the two characters alone
    sep = _separator("".join(out[-5:])[-5:], folded[end : end + 4], folded[start:end])
    return "" if sep and _broken_in_prose(folded, start, end) else sep


# Offsets 0, 1, 2 … as one shared tuple: a slice of it copies references to int objects that
# already exist, several times faster than making a view's (mostly large) offsets anew. Kept
# up to the length of the longest text seen, at most _SHARED_OFFSETS (about 9 MB).
_SHARED_OFFSETS = 1 << 18
_offset_ints: tuple[int, ...] = ()


def _offsets(length: int) -> Sequence[int]:
    """The offsets ``0 … length - 1`` (at least), cheap to slice."""
    global _offset_ints
    if length > _SHARED_OFFSETS:
        return range(length)  # a rare long text: its slices make their ints
    ints = _offset_ints  # one read: another thread may replace it
    if len(ints) < length:
        ints = _offset_ints = tuple(range(min(_SHARED_OFFSETS, max(length, 2 * len(ints)))))
    return ints

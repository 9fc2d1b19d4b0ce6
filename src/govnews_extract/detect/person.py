"""Persons: a name printed next to a post (市委书记胡海峰, 习近平总书记) and leaders often
named without one (gazetteers/persons.txt).

A name starts with a surname; where it ends is decided by segmenting (jieba) the few
characters after it, never the whole text.

>>> from govnews_extract.normalize import normalize
>>> from govnews_extract.detect import Context
>>> [(c.fields["name"], c.fields["title"]) for c in find_person(
...     normalize("市委书记胡海峰指出，要落实好习近平总书记的要求"), Context())]
[('胡海峰', '市委书记'), ('习近平', '总书记')]
"""

from __future__ import annotations

import functools

from .._data import load_lexicon
from ..normalize import NormalizedText
from ..segment import pos_tags
from . import Candidate, Context
from ._gazetteer import Hit, find_all_each, longest_first
from ._names import is_han, left_start, words


@functools.cache
def _titles() -> tuple[str, ...]:
    return tuple(load_lexicon("lexicons/titles.txt"))


@functools.cache
def _known() -> tuple[str, ...]:
    return tuple(load_lexicon("gazetteers/persons.txt"))


def _has_surname(name: str) -> bool:
    surnames = words("lexicons/surnames.txt")
    return name[:1] in surnames or name[:2] in surnames


def _name_after(text: str, pos: int) -> int | None:
    """End of a personal name starting at ``pos`` (right after a post), or None.

    A name is a surname and one or two more characters; it has two when the word that
    follows starts right after them (jieba finds a word of two or more characters there,
    or a one-character function word such as 说 or 在).
    """
    name = text[pos : pos + 3]
    if len(name) < 2 or not all(is_han(ch) for ch in name[:2]) or not _has_surname(name):
        return None
    if len(name) == 2 or not is_han(name[2]) or name[2] in words("lexicons/name_left_stops.txt"):
        return pos + 2
    following = pos_tags(text[pos + 2 : pos + 6])
    if following and len(following[0][0]) >= 2 and not following[0][1].startswith("nr"):
        return pos + 2
    return pos + 3


def _name_before(text: str, pos: int) -> int | None:
    """Start of a personal name ending at ``pos`` (right before a post), or None."""
    start = left_start(text, pos, 3)
    name = text[start:pos]
    if 2 <= len(name) <= 3 and _has_surname(name):
        return start
    return None


def _titled(text: str, titles: list[Hit], known: dict[tuple[int, int], Candidate]) -> list[Candidate]:
    found = []
    for start, end, title in longest_first(titles):
        after, before = _name_after(text, end), _name_before(text, start)
        if after is not None:
            span = (end, after)
        elif before is not None:
            span = (before, start)
        else:
            continue
        fields = {"name": text[span[0] : span[1]], "title": title}
        known.pop(span, None)
        found.append(Candidate("person", span[0], span[1], "person.titled", fields, priority=5))
    return found


def find_person(view: NormalizedText, context: Context) -> list[Candidate]:
    """Candidates for every person named in the text."""
    text = view.text
    titles, names = find_all_each((_titles(), _known()), text)
    known = {
        (s, e): Candidate("person", s, e, "person.gazetteer", {"name": w}, priority=5) for s, e, w in names
    }
    titled = _titled(text, titles, known)
    return titled + list(known.values())

"""Fast paths of the name detectors give exactly what the plain code they replace gives.

Each test states the plain version (trying every position and every length, every word of a
list) and checks the optimised one against it on text drawn from pieces of the lists.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from govnews_extract.detect import _gazetteer, _names, organisation, place, programme

_PLACES = sorted(place._automaton().words)
_NAME_WORDS = sorted(
    _names.words("lexicons/name_left_stops.txt")
    | _names.words("lexicons/programme_verbs.txt")
    | frozenset(organisation._suffixes())
)
# Pieces of place names and of the words around names, so that hits, nested hits and
# overlapping hits (丽水市 + 市科技局) come up often; odd characters (a lone surrogate, one
# beyond the BMP) for the pair table's code points.
_PIECES = st.one_of(
    st.sampled_from(_PLACES),
    st.sampled_from(_NAME_WORDS),
    st.sampled_from([*"市县区省中国新建和的，。、 1２", "\ud800", "\U00020000", "\x00", "\uffff"]),
    st.sampled_from(_PLACES).map(lambda w: w[: len(w) // 2]),
)
_TEXT = st.lists(_PIECES, max_size=25).map("".join)


def _plain_find_all(words: frozenset[str], text: str) -> list[tuple[int, int, str]]:
    return [
        (i, j, text[i:j]) for i in range(len(text)) for j in range(i + 1, len(text) + 1) if text[i:j] in words
    ]


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_place_gazetteer_finds_every_word_at_every_position(text: str) -> None:
    auto = place._automaton()
    plain = _plain_find_all(auto.words, text)
    assert _gazetteer.find_all(auto, text) == plain
    assert _gazetteer.find_longest(auto, text) == _gazetteer.longest_first(plain)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_a_large_list_with_one_character_words_finds_every_word(text: str) -> None:
    auto = _gazetteer.Gazetteer([*_PLACES, "市", "县", "局", "\U00020000"])
    assert auto._pairs is not None
    plain = _plain_find_all(auto.words, text)
    assert auto.find_all(text) == plain
    assert auto.find_longest(text) == _gazetteer.longest_first(plain)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_small_lists_find_every_word_at_every_position(text: str) -> None:
    small = (tuple(organisation._suffixes()), organisation._known(), ("局", "丽水", "丽水市", "市科技局"))
    for words in small:
        auto = _gazetteer.automaton(words)
        plain = _plain_find_all(auto.words, text)
        assert _gazetteer.find_all(auto, text) == plain
        assert _gazetteer.find_longest(auto, text) == _gazetteer.longest_first(plain)


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_one_scan_for_several_lists_finds_what_each_list_finds(text: str) -> None:
    lists = (tuple(organisation._suffixes()), organisation._known(), ("局", "丽水", "丽水市", "市科技局"))
    each = [_gazetteer.find_all(_gazetteer.automaton(words), text) for words in lists]
    assert _gazetteer.find_all_each(lists, text) == each


def test_both_searches_are_used() -> None:
    """The place list is searched by prefix, the short lists by automaton (the docstring's reason)."""
    assert place._automaton()._pairs is not None
    assert _gazetteer.automaton(tuple(organisation._suffixes()))._pairs is None


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.sampled_from(["lexicons/name_left_stops.txt", "lexicons/programme_verbs.txt"]))
def test_prefix_and_suffix_at_are_the_longest_listed_word(text: str, relpath: str) -> None:
    entries = _names.words(relpath)
    for pos in range(len(text) + 1):
        for end in (None, pos + 2, len(text)):
            fits = [w for w in entries if text.startswith(w, pos, end)]
            assert len(_names.prefix_at(text, pos, entries, end)) == max(map(len, fits), default=0)
        for begin in (0, pos - 2):
            ends = [w for w in entries if text.endswith(w, max(begin, 0), pos) and pos - len(w) >= begin]
            assert len(_names.suffix_at(text, pos, entries, begin)) == max(map(len, ends), default=0)


def _plain_left_start(text: str, head: int, max_len: int, floor: int, keep: frozenset[str]) -> int:
    stops = _names.words("lexicons/name_left_stops.txt")
    longest = max(map(len, stops))
    start = head
    while start > max(floor, head - max_len) and _names.is_han(text[start - 1]):
        if any(
            text[start - n : start] in stops and text[start - n : start] not in keep
            for n in range(1, longest + 1)
            if start - n >= floor
        ):
            break
        if text[start - 1] in _names._COUNTERS and start >= 2 and text[start - 2] in _names._NUMERALS:
            break
        start -= 1
    counted = start
    while counted < head and text[counted] in _names._NUMERALS:
        counted += 1
    if (
        counted < head
        and text[counted] in _names._CLASSIFIERS
        and (counted > start or text[start - 1 : start] in _names._NUMERALS)
    ):
        return counted + 1
    return start


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.sampled_from([frozenset(), programme._JOINERS, programme._inner_words()]))
def test_left_start_checks_every_stop_word(text: str, keep: frozenset[str]) -> None:
    for head in range(len(text) + 1):
        for max_len, floor in ((6, 0), (24, 0), (10, max(0, head - 4))):
            fast = _names.left_start(text, head, max_len, floor, keep)
            assert fast == _plain_left_start(text, head, max_len, floor, keep)


# Verbs, weak heads, the marks that end a name, and filler, so that weak-headed names (and
# near misses: too long, no verb, no closing mark) come up often.
_WEAK_TEXT = st.lists(
    st.sampled_from(
        [
            *sorted(_names.words("lexicons/programme_verbs.txt")),
            *sorted(programme._weak_heads()),
            *programme._WEAK_END,
            *"国家环境保护中央科技第三次\n",
            "生态环境保护",
            "全国农村人居环境整治提升五年",
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_WEAK_TEXT)
@example("组织开展" + "农" * 24 + "负面清单。")  # the longest verb, name and head: the window's far end
@example("组织开展" + "农" * 25 + "负面清单。")
@example("开展农专项")  # the shortest: its near end
def test_weak_heads_match_where_an_overlapped_scan_matches(text: str) -> None:
    def spans(matches: Iterable[regex.Match[str] | None]) -> list[tuple[tuple[int, int], ...]]:
        return [(m.span(), m.span("name"), m.span("head")) for m in matches if m is not None]

    plain = spans(programme._weak_re().finditer(text, overlapped=True))
    heads = _gazetteer.find_all(_gazetteer.automaton(programme._weak_head_words()), text)
    assert spans(programme._weak_re().match(text, p) for p in programme._weak_starts(text, heads)) == plain


def _plain_generic(body: str, modifiers: frozenset[str]) -> bool:
    while body:
        for n in range(min(5, len(body)), 0, -1):
            if body[:n] in modifiers:
                body = body[n:]
                break
        else:
            return False
    return True


_GENERIC_LISTS = ["lexicons/org_generic.txt", "lexicons/programme_generic.txt"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [*sorted(_names.words(_GENERIC_LISTS[0]) | _names.words(_GENERIC_LISTS[1])), *"新市丽水"]
        ),
        max_size=6,
    ).map("".join),
    st.sampled_from(_GENERIC_LISTS),
)
def test_generic_takes_the_longest_modifier_of_at_most_five_characters(body: str, relpath: str) -> None:
    assert _names.generic(body, relpath) == _plain_generic(body, _names.words(relpath))

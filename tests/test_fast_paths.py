"""Fast paths give exactly what the plain code they replace gives.

Each test states the plain version (a scan that tries every position, a pairwise overlap
check, a per-character translation) and checks the optimised one against it on arbitrary
text drawn from the characters that matter.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from govnews_extract.assemble import select
from govnews_extract.chars import fold, fold_char, is_layout, strip_layout
from govnews_extract.detect import (
    Candidate,
    _amounts,
    _counting,
    count,
    money,
    multiple,
    percent,
    quantity,
    tables,
)
from govnews_extract.detect._amount_scan import is_amount_char
from govnews_extract.detect._amounts import approx_before
from govnews_extract.detect._common import _alternation, approx_words
from govnews_extract.detect._scan import (
    finditer_at_figures,
    finditer_before_marks,
)
from govnews_extract.detect.dates import _candidate_starts, _start_re, date_words
from govnews_extract.layout import Line, split_lines
from govnews_extract.normalize import NormalizedText, normalize
from govnews_extract.sentences import (
    _END,
    _GOES_ON,
    _indented_paragraphs,
    _sentence_ends,
    _sentence_starts,
    _view_offset,
    sentence_starts,
)

# Characters of dates, numbers, qualifiers and layout, plus some plain text.
_ALPHABET = "".join(
    sorted(
        set(
            "0123456789一二三四五六七八九十两〇○零百千万亿年月日号季度半上下前第首末底初份至到-—~，。、和与比较以来"
        )
        | {ch for word in date_words() for ch in word}
        | {ch for word in approx_words()["before"] for ch in word}
        | set("的是在工作会议４％\u3000\n ﹪．")
        | set("个家项名人次亩吨公里平方米千克瓦时度用户人口农村余多")
        | set("%‰分之成元美港币人民倍番翻增长+−.,\t\u200b")
    )
)
# Pieces of figures, units and words, so that whole figures (5个百分点, 3-5亿元) come up often.
_PIECES = [
    *"0123456789",
    *["12.5", "3,000", "2020", "−0.9", "+1"],
    *"一二三四五六七八九十两百千万亿〇",
    *["%", "‰", "个百分点", "百分点", "百分之", "分之", "成", "成立"],
    *["元", "万元", "亿元", "美元", "人民币", "元人民币", "块钱"],
    *[
        "至",
        "到",
        "-",
        "—",
        "~",
        "―",
        "－",
        "～",
        "–",
        "、",
        "和",
        "及",
        "多",
        "余",
        "约",
        "近",
        "超过",
        "不少于",
        "以上",
        "左右",
    ],
    *[
        "翻",
        "番",
        "倍",
        "增长",
        "了",
        "提高",
        "是",
        "翻了",
        "翻番",
        "扩大",
        "多出",
        "达到",
        "累计",
        "新增",
        "农村人口",
        "老年人",
    ],
    *["2015和2016年", "2015和", "5月29日", "1-11月", "一至三季度", "二〇二〇年", "三月", "21日", "五年前"],
    *["年", "月", "日", "季度", "上半年", "去年", "今年", "上年", "同期", "以来", "第", "届", "前", "后"],
    *[
        "家",
        "个",
        "项",
        "名",
        "人",
        "户",
        "亩",
        "吨",
        "公里",
        "平方公里",
        "千瓦",
        "千米",
        "度",
        "用户",
        "人口",
    ],
    *["，", "。", "\n", " ", "\u3000", "\u200b", "的", "企业", "投资", "资金", "“", "”", "《", "》"],
]
_TEXT = st.one_of(
    st.text(alphabet=_ALPHABET, max_size=40),
    st.lists(st.sampled_from(_PIECES), max_size=14).map("".join),
)


def _plain_start_re() -> regex.Pattern[str]:
    """The date start pattern without its first tests (the two lookaheads before the alternatives)."""
    pattern = _start_re().pattern
    body = pattern.index("(?:\n")
    assert pattern[:body].strip().startswith("(?=")
    return regex.compile(pattern[body:], _start_re().flags)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_date_start_check_keeps_every_match(text: str) -> None:
    plain = _plain_start_re()
    for pos in range(len(text) + 1):
        fast, slow = _start_re().search(text, pos), plain.search(text, pos)
        assert (fast and (fast.span(), fast.groupdict())) == (slow and (slow.span(), slow.groupdict()))


# Dates of every shape, and what stands near them, for the date candidates.
_DATE_PIECES = [
    *_PIECES,
    *["2023-05-16", "发布时间:", "2023/5/16", "/", ".", "过去的一年", "上一年度", "首季", "前三季度"],
    *["本月", "上月", "年初", "年底", "2000—2010年", "十二月三十一日", "1—12月", "号", "份", "初"],
]


@settings(max_examples=400, deadline=None)
@given(st.one_of(_TEXT, st.lists(st.sampled_from(_DATE_PIECES), max_size=16).map("".join)))
def test_date_candidates_hold_every_match_start(text: str) -> None:
    matches = {s for s in range(len(text) + 1) if _start_re().match(text, s) is not None}
    candidates = _candidate_starts(text)
    assert candidates == sorted(set(candidates))
    assert matches <= set(candidates)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXT, _TEXT.map(lambda t: t.replace("，", "。”").replace("、", "！)\n"))))
def test_sentence_ends_are_the_ends_of_the_end_pattern(text: str) -> None:
    expected = tuple(m.end() for m in regex.finditer(_END, text) if m.end() < len(text))
    assert _sentence_ends(text) == expected


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_approx_before_is_the_longest_word_before(text: str) -> None:
    words = sorted(approx_words()["before"], key=lambda w: (-len(w), w))
    for start in range(len(text) + 1):
        expected = next((w for w in words if text.endswith(w, 0, start)), None)
        assert approx_before(text, start) == expected


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_fold_is_fold_char_on_every_character(text: str) -> None:
    assert fold(text) == "".join(fold_char(ch) for ch in text)


def _plain_select(candidates: list[Candidate]) -> list[Candidate]:
    kept: list[Candidate] = []
    ranked = sorted(candidates, key=lambda c: (-(c.end - c.start), -c.priority, c.start))
    for cand in ranked:
        names = cand.type in ("programme", "org", "place", "person")
        group = [k for k in kept if (k.type in ("programme", "org", "place", "person")) == names]
        if not any(cand.start < k.end and k.start < cand.end for k in group):
            kept.append(cand)
    return sorted(kept, key=lambda c: (c.start, c.end))


_SPAN = st.tuples(
    st.integers(0, 30), st.integers(0, 8), st.integers(0, 12), st.sampled_from(["money", "count", "org"])
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_SPAN, max_size=25))
def test_select_matches_the_pairwise_overlap_check(spans: list[tuple[int, int, int, str]]) -> None:
    candidates = [Candidate(t, s, s + n, f"{t}.x", priority=p) for s, n, p, t in spans]  # type: ignore[arg-type]
    assert select(candidates) == _plain_select(candidates)


def _same_matches(fast: regex.Pattern[str], plain: regex.Pattern[str], text: str) -> None:
    def found(p: regex.Pattern[str]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
        return [(m.span(), m.groupdict()) for m in p.finditer(text)]

    assert found(fast) == found(plain)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_count_and_quantity_first_tests_keep_every_match(text: str) -> None:
    _same_matches(count._count_twin().exact, regex.compile(count._count_pattern(), regex.VERBOSE), text)
    _same_matches(count._bare_re(), regex.compile(count._bare_pattern(), regex.VERBOSE), text)
    _same_matches(quantity._quantity_re(), regex.compile(quantity._quantity_pattern(), regex.VERBOSE), text)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_count_and_quantity_tried_at_figures_keep_every_match(text: str) -> None:
    for pattern, endings in (
        (count._count_twin().exact, count._endings("classifier")),
        (quantity._quantity_re(), quantity._unit_endings()),
    ):
        fast = [(m.span(), m.groupdict()) for m in finditer_at_figures(pattern, text, endings)]
        assert fast == [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
    fast = [(m.span(), m.groupdict()) for m in count._bare_matches(text)]
    assert fast == [(m.span(), m.groupdict()) for m in count._bare_re().finditer(text)]


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_multiples_tried_before_marks_keep_every_match(text: str) -> None:
    pattern = multiple._multiple_twin().exact
    fast = [
        (m.span(), m.groupdict()) for m in finditer_before_marks(pattern, text, "倍番", multiple._reach())
    ]
    assert fast == [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_money_and_percent_tried_before_triggers_keep_every_match(text: str) -> None:
    for fast, plain in (
        (money._currency_matches, money._money_twin().exact),
        (percent._pattern_matches, percent._percent_twin().exact),
    ):
        assert [(m.span(), m.groupdict()) for m in fast(text)] == [
            (m.span(), m.groupdict()) for m in plain.finditer(text)
        ]


# Bare amounts among funding words (the lexicon's, and a few by hand), qualifiers and clause ends.
_FUNDING_WORDS = money._context("funds_after") | money._context("funds_before") | money._context("not_funds")
_FUNDS_TEXT = st.lists(
    st.sampled_from(
        [
            *_PIECES,
            *sorted(_FUNDING_WORDS),
            *["资金", "投资", "投资者", "财政", "补助", "专项", "奖励", "经费", "（", "）", "《", "：", "亿"],
            *["人", "亩", "以上", "左右", "，", "。", "万", "元", "多", "3", "1.5", "-", "五", "近"],
        ]
    ),
    max_size=16,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.one_of(_TEXT, _FUNDS_TEXT))
@example("投资3万以上。")
@example("5万人，1亿贷款")
def test_bare_money_tried_where_funded_keeps_every_funded_match(text: str) -> None:

    def funded(matches: Iterable[regex.Match[str]]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
        return [
            (m.span(), m.groupdict()) for m in matches if money._in_funding_context(text, m.start(), m.end())
        ]

    assert funded(money._bare_matches(text)) == funded(money._bare_twin().exact.finditer(text))


def test_trigger_words_hold_no_amount_characters() -> None:
    words = [*money.currencies(), "%", "‰", "分点", "分之", "成"]
    assert not any(is_amount_char(ch) for word in words for ch in word)


def test_percent_trigger_patterns_keep_the_groups() -> None:
    assert list(percent._percent_twin().exact.groupindex) == list(percent._Groups._fields)
    assert list(money._money_twin().exact.groupindex) == list(money._Groups._fields)
    assert list(quantity._quantity_re().groupindex) == list(quantity._Groups._fields)
    assert list(count._bare_re().groupindex) == list(count._BareGroups._fields)
    assert list(count._count_twin().exact.groupindex) == list(count._Groups._fields)
    groups = dict(percent._percent_twin().exact.groupindex)
    assert all(
        dict(p.groupindex) == groups for fast in (True, False) for p in percent._patterns(fast).values()
    )


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_strip_layout_drops_exactly_the_layout_characters(text: str) -> None:
    assert strip_layout(text) == "".join(ch for ch in text if not is_layout(ch))


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.sampled_from(sorted(count.classifiers())))
def test_blocked_before_checks_every_block_word(text: str, classifier: str) -> None:
    for start in range(len(text) + 1):
        expected = any(
            text.endswith(b.word, 0, start) and (not b.classifiers or classifier in b.classifiers)
            for b in count._blocks("before")
        )
        assert count._blocked_before(text, start, classifier) == expected


def _plain_split_lines(text: str) -> tuple[Line, ...]:
    lines: list[Line] = []
    offset = breaks = 0
    blank = False
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        visible = "".join(fold_char(ch) for ch in body if not is_layout(ch))
        if visible:
            first = next(i for i, ch in enumerate(body) if not is_layout(ch))
            last = max(i for i, ch in enumerate(body) if not is_layout(ch)) + 1
            lines.append(Line(offset + first, offset + last, visible, breaks, blank))
            breaks, blank = 0, False
        elif lines and not body.strip():
            blank = True
        breaks += len(body) < len(raw)
        offset += len(raw)
    return tuple(lines)


_LAYOUT_TEXT = st.text(alphabet="发展１２。，\n\r\t \u3000\u200b\u2028\x0c\x1c\xa0﹪", max_size=30)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_TEXT, _LAYOUT_TEXT))
def test_split_lines_folds_and_strips_each_line(text: str) -> None:
    split_lines.cache_clear()
    assert split_lines(text) == _plain_split_lines(text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXT, _LAYOUT_TEXT))
def test_indented_paragraphs_look_at_every_layout_run(text: str) -> None:
    view = normalize(text)
    runs = regex.finditer(r"[\s\p{Cc}\p{Cf}\u200b\u200c\u200d\u2060\ufeff\u00ad]+", text)
    expected = {
        _view_offset(view, run.end())
        for run in runs
        if len(run[0]) > 1
        and "\u3000" in run[0]
        and run.start() > 0
        and text[run.start() - 1] not in _GOES_ON
    }
    assert _indented_paragraphs(view) == expected


@settings(max_examples=100, deadline=None)
@given(st.one_of(_TEXT, _LAYOUT_TEXT), st.one_of(_TEXT, _LAYOUT_TEXT))
def test_sentence_starts_kept_for_the_last_view_are_its_own(first: str, second: str) -> None:
    views = [normalize(first), normalize(second)]
    for view in [*views, *views, views[1]]:
        starts = sentence_starts(view)
        assert starts == _sentence_starts(view)
        starts.append(-1)  # a caller's list is its own
        assert sentence_starts(view) == _sentence_starts(view)


def _plain_in_funding_context(text: str, start: int, end: int) -> bool:
    following = text[end : end + money._AFTER_WINDOW]
    ends = money._CLAUSE_END
    following = following[: next((i for i, ch in enumerate(following) if ch in ends), len(following))]
    if any(following.startswith(w) for w in money._context("not_amount_after")):
        return False
    if any(w in following for w in money._context("funds_after")):
        return True
    if following:
        return False
    preceding = text[max(0, start - money._BEFORE_WINDOW) : start]
    clause = preceding[max((i for i, ch in enumerate(preceding) if ch in ends), default=-1) + 1 :]
    for word in money._context("not_funds"):
        clause = clause.replace(word, "|")
    return any(w in clause for w in money._context("funds_before"))


@settings(max_examples=300, deadline=None)
@given(_FUNDS_TEXT)
def test_funding_context_is_the_plain_word_check(text: str) -> None:
    view = normalize(text)
    for start in range(len(view.text)):
        for end in range(start + 1, min(len(view.text), start + 4) + 1):
            fast = money._in_funding_context(view.text, start, end)
            assert fast == _plain_in_funding_context(view.text, start, end)


def _plain_list_items_before(view: NormalizedText, start: int) -> list[tuple[int, int, str]]:
    items: list[tuple[int, int, str]] = []
    pos = start
    while True:
        m = _amounts._ITEM_RE.search(view.text, max(0, pos - 24), pos)
        if m is None or (m.start() > 0 and view.text[m.start() - 1] in "0123456789.%‰"):
            break
        items.append((m.start(), m.start("sep"), m["item"]))
        pos = m.start()
    if items and _amounts._is_marker(view, items[-1][0]):
        items.pop()
    return items[::-1]


def test_list_separators_are_single_characters() -> None:
    assert set(_amounts.LIST_SEP.removeprefix("(?:").removesuffix(")").split("|")) == _amounts._SEPS


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXT, _LAYOUT_TEXT))
def test_list_items_before_skips_only_places_without_a_separator(text: str) -> None:
    view = normalize(text)
    for start in range(len(view.text) + 1):
        assert _amounts.list_items_before(view, start) == _plain_list_items_before(view, start)


def _plain_inside_name(text: str, start: int, end: int) -> bool:
    for openers, closers, limit in _counting._NAME_MARKS:
        # a name never runs across a sentence end or a line break
        left = _counting._NAME_BREAK_RE.split(text[max(0, start - limit) : start])[-1]
        opened = max(left.rfind(ch) for ch in openers)
        if opened < 0 or any(ch in closers for ch in left[opened + 1 :]):
            continue
        right = _counting._NAME_BREAK_RE.split(text[end : end + limit])[0]
        closes = [i for i in (right.find(ch) for ch in closers) if i >= 0]
        if closes and (len(left) - opened - 1) + (end - start) + min(closes) <= limit:
            return True
    return False


_NAME_TEXT = st.lists(st.sampled_from([*_PIECES, *"“”「」『』\"'‘’《》〈〉"]), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(_NAME_TEXT)
def test_inside_name_is_the_plain_mark_search(text: str) -> None:
    for start in range(len(text)):
        for end in range(start + 1, min(len(text), start + 5) + 1):
            assert _counting.inside_name(text, start, end) == _plain_inside_name(text, start, end)


def _plain_parse_unit(printed: str) -> tables.Unit | None:
    text = printed.strip().lstrip("±+-")
    if text in tables._PERCENT_UNITS:
        return tables.Unit("percent", 1, tables._PERCENT_UNITS[text], printed)
    for surface, kind, unit in tables._base_units():  # longest first
        prefix = text[: len(text) - len(surface)]
        if text.endswith(surface) and all(ch in tables._MULTIPLIER_CHARS for ch in prefix):
            return tables.Unit(kind, tables.scale_of(prefix), unit, printed)
    return None


_UNIT_TEXT = st.lists(
    st.sampled_from(
        [s for s, _, _ in tables._base_units()] + [*"十百千万亿±+- %‰", "百分点", "产量", "指标"]
    ),
    max_size=5,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_UNIT_TEXT)
def test_parse_unit_takes_the_longest_unit_the_text_ends_with(text: str) -> None:
    assert tables.parse_unit(text) == _plain_parse_unit(text)


def _flat_alternation(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.text(alphabet="万元亿人.", min_size=0, max_size=4), max_size=8),
    st.text(alphabet="万元亿人.b", max_size=12),
    st.sampled_from(["", "b", "$", "人?b", "(?!元)"]),
)
@example(["平方", "平方米", "平方公里"], "平方公里b", "")
def test_trie_alternation_matches_as_the_flat_one(words: list[str], text: str, after: str) -> None:
    # Longest word first, and backtracking into shorter words when what follows fails.
    trie = regex.compile(f"(?:{_alternation(words)}){after}")
    flat = regex.compile(f"(?:{_flat_alternation(words)}){after}")
    for pos in range(len(text) + 1):
        got, expected = trie.match(text, pos), flat.match(text, pos)
        assert (got and got.span()) == (expected and expected.span())

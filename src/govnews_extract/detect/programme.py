"""Programmes: named plans, policies, campaigns, projects and documents.

Shapes: titles in 《》 (documents); quoted names, with the head that follows the quotes
(“科技八点半”活动 → 科技八点半活动, 科技创新“大平台”建设行动); unquoted names ending in a
programme head (全社会研发投入提升突破专项行动); the items of a list a head sums up
(天然林资源保护、退牧还草等一批重大工程); numbered policies (科技新政26条), laws and
five-year plans (十三五); titles printed without 《》 (国务院关于印发…的通知); names ending
in a weak head (专项, 督察, 负面清单, 河长制) right after a verb that introduces one
initiative (开展中央环境保护督察).

Left out: quoted slogans, concepts and figures of speech — by the words around them
(“两山”理念, 实现“零跑腿”, 工作的“牛鼻子”), by a list of known ones
(``lexicons/programme_concepts.txt``: “三农”, “走出去”) and by their shape (region
shorthands “三河三湖”, counted slogans “四个基础”, counts of programmes “五大行动”); names
made only of generic words (重点研发计划); heads that run on into another word or name
built works (集体林权制度改革, 行动目标, 新建饮水安全工程203处).

>>> from govnews_extract.normalize import normalize
>>> from govnews_extract.detect import Context
>>> from govnews_extract.assemble import select
>>> [(c.fields["name"], c.fields["kind"]) for c in select(find_programme(
...     normalize("开展“科技八点半”活动，印发《研发投入后补助办法》"), Context()))]
[('科技八点半活动', 'campaign'), ('研发投入后补助办法', 'document')]
"""

from __future__ import annotations

import bisect
import functools
import re

import regex

from .._data import load_lexicon, load_table
from ..normalize import NormalizedText
from . import Candidate, Context
from ._gazetteer import Hit, find_all_each, fold
from ._names import bounded_start, generic, left_start, prefix_at, printed, words

_MAX_UNQUOTED = 24
_MAX_PREFIX = 5  # 科技创新“大平台”建设行动; a longer run before the quotes is no part of the name
# Conjunctions inside programme names (城市废物安全处置与循环利用创新工程).
_JOINERS = frozenset({"与", "及", "和"})
_MIN_UNQUOTED = 5
_MAX_LABEL = 8  # a quoted name longer than this without a head is a quotation
_TITLE_RE = regex.compile(r"《(?P<name>[^《》\n]{2,60})》")
# Literal characters only: the stdlib ``re`` scans a whole text faster than ``regex``. A name
# holds no clause or sentence end: quotes around one (“好！”) quote speech, and quotes that
# seem to pair across a sentence end and a paragraph break belong to two sentences.
_QUOTE_RE = re.compile(r"[“\"「‘'](?P<name>[^“”\"「」‘’'\n，。；,;！？!?]{1,20})[”\"」’']")
_TITLE_QUOTES_RE = regex.compile(r"[“”\"‘’]")
_QUOTES_RE = regex.compile(r"[“”\"]")
_LIST_SPLIT_RE = regex.compile(r"、|和(?=\p{Han}{4})")
_LABEL_RE = regex.compile(r"\p{Han}[^-]*\p{Han}|\p{Han}{2}")
_NUMBERED_RE = regex.compile(r"(?:新政|政策|措施)[“\"]?(?:\d+|[一二三四五六七八九十]+)条[”\"]?")
# A list of programmes summed up by a head: 天然林资源保护、退牧还草…等一批重大生态保护与修复工程.
_LIST_END_RE = regex.compile(
    r"等(?:一批|一系列|多项|\d+项|[一二三四五六七八九十]+项)?\p{Han}{0,12}?(?P<head>工程|计划|项目|行动|规划|试点)"
)
_LIST_START = "。；;：:，,\n（(）)"
_SENTENCE_START = "。；;\n"
_NUMBERED_END_RE = regex.compile(r"\p{Han}[0-9一二三四五六七八九十百]+条$")  # 人才新政15条, 新五条
_FIVE_YEAR_RE = regex.compile(r"十[一二三四五六七八九]五(?:规划)?")
_LAW_RE = regex.compile(r"(?:保护|防治|促进|合同|管理|安全|监督)法(?:草案)?(?=[和及与、等]|\P{Han}|$)")
# “四个基础”, “三个一”: a number of things is a slogan unless a programme head ends it.
_COUNTED_SLOGAN_RE = regex.compile(r"[一二三四五六七八九十两]+个")
_COUNTING_FIRST = frozenset("一二三四五六七八九十两")
# “五大行动”: a number of programmes named by their head alone is a count (ANNOTATION.md).
_COUNTED_HEAD_RE = regex.compile(r"[一二三四五六七八九十两]+[大项条](?P<head>\p{Han}{1,4})")
_NUMERAL_CHARS = "0123456789一二三四五六七八九十百千万两几"
_NUMERAL_SET = frozenset(_NUMERAL_CHARS)
# 双 counts like a numeral in region shorthands (“双三北”): both are dropped to see what is left.
_DROP_NUMERALS = str.maketrans("", "", _NUMERAL_CHARS + "双")
_CLASSIFIER_CHARS = "个座项家批名位所把条种类处"
_ORDINAL_RE = regex.compile(r"第[一二三四五六七八九十\d]+[次批轮]")
# A weak-headed name ends before one of these (实施国家科技重大专项，…).
_WEAK_END = "，。；、,;：:和及与等）)"


@functools.cache
def _heads() -> dict[str, str]:
    return {fold(h): kind for h, kind, _ in load_table("lexicons/programme_heads.tsv", 3)}


@functools.cache
def _head_re(unquoted: bool) -> re.Pattern[str]:
    """Programme heads, longest first (literal words: the stdlib ``re`` scans a whole text
    for them twice as fast as ``regex``)."""
    rows = load_table("lexicons/programme_heads.tsv", 3)
    heads = sorted((fold(h) for h, _, where in rows if where == "yes" or not unquoted), key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(heads)})")


def _kind(name: str, default: str = "other") -> str:
    """The kind a name's head gives (SCHEMA.md): 行动 → campaign; 科技新政26条 → policy;
    十三五 → plan."""
    for n in range(min(5, len(name)), 0, -1):
        if name[-n:] in _heads():
            return _heads()[name[-n:]]
    if _NUMBERED_END_RE.search(name):
        return "policy"
    return "plan" if _FIVE_YEAR_RE.fullmatch(name) else default


def _cand(start: int, end: int, rule: str, name: str, kind: str) -> Candidate:
    return Candidate("programme", start, end, rule, {"name": name, "kind": kind}, priority=5)


def _titles(view: NormalizedText) -> list[Candidate]:
    found = []
    for m in _TITLE_RE.finditer(view.text):
        name = _TITLE_QUOTES_RE.sub("", printed(view, *m.span("name")))  # 《国家环境保护“十二五”规划》
        found.append(_cand(m.start(), m.end(), "programme.title", name, _kind(m["name"], "document")))
    return found


@functools.cache
def _tail_re() -> regex.Pattern[str]:
    return regex.compile(rf"\p{{Han}}{{0,6}}(?:{_head_re(False).pattern})")


def _tail_end(text: str, pos: int) -> int | None:
    """End of the head that completes a quoted name (“大平台”建设行动 → after 行动), if any."""
    tail = _tail_re().match(text[pos : pos + 10])
    if tail and len(tail[0]) > 1 and tail[0].endswith("年") and tail[0][-2:] not in _heads():
        tail = None  # “三个年”: 年 is a head only right after the quotes (not “十一五”前四年)
    if tail and _head_continues(text, pos + tail.end()):
        return None
    if tail and left_start(text, pos + tail.end(), tail.end()) <= pos:
        return pos + tail.end()
    return None


@functools.cache
def _org_heads() -> tuple[tuple[str, str], ...]:
    return tuple((fold(h), mode) for h, mode in load_table("lexicons/org_suffixes.tsv", 2))


@functools.cache
def _free_org_heads() -> tuple[str, ...]:
    return tuple(head for head, mode in _org_heads() if mode == "free")


@functools.cache
def _word_tuple(relpath: str) -> tuple[str, ...]:
    """A list's words as a tuple, for ``str.startswith`` / ``str.endswith`` (any of them)."""
    return tuple(words(relpath))


def _head_continues(text: str, end: int) -> bool:
    """The head just before ``end`` is part of a longer word or phrase (工程承包, 行动目标)."""
    return bool(prefix_at(text, end, words("lexicons/programme_head_not_after.txt")))


def _counted_before(text: str, start: int) -> bool:
    """A number and classifier right before ``start`` (一把“金钥匙”, 100个…试点)."""
    return start >= 2 and text[start - 1] in _CLASSIFIER_CHARS and text[start - 2] in _NUMERAL_CHARS


@functools.cache
def _slogan_parts(role: str) -> tuple[str, ...]:
    return tuple(fold(part) for part, r in load_table("lexicons/programme_slogan_parts.tsv", 2) if r == role)


def _region_shorthand(name: str) -> bool:
    """“三北”, “三河三湖”: numbers and compass or water words name a region."""
    rest = name.translate(_DROP_NUMERALS)
    return len(rest) < len(name) and bool(rest) and all(ch in _region_parts() for ch in rest)


@functools.cache
def _region_parts() -> frozenset[str]:
    return frozenset(_slogan_parts("region"))


def _is_slogan(name: str) -> bool:
    """A known concept, a region shorthand, a counted slogan (“四个基础”, but “三个年” is a
    campaign), a count of programmes (“五大行动”), a category of enterprises (“市高企”) or a
    pair of predicates (“不花钱、有学上”)."""
    numbered = name[:1] in _COUNTING_FIRST  # both counted shapes open with a numeral
    counted = _COUNTED_HEAD_RE.fullmatch(name) if numbered else None
    return (
        name in words("lexicons/programme_concepts.txt")
        or _region_shorthand(name)
        or bool(numbered and _COUNTED_SLOGAN_RE.match(name) and not _kind(name, ""))
        or bool(counted and counted["head"] in _heads())
        or name.endswith(_slogan_parts("category_end"))
        or any(p.startswith(_slogan_parts("predicate_start")) for p in name.split("、"))
    )


def _is_programme_label(text: str, m: re.Match[str]) -> bool:
    """A quoted name with no head: a programme unless it is a slogan, concept, outcome or code."""
    name = m["name"]
    parts = name.split("、")
    if len(parts) > 2 or any(len(p) > 4 for p in parts[1:]) or "-" in name or not _LABEL_RE.fullmatch(name):
        return False
    if _is_slogan(fold(name)):
        return False
    after_de = text[m.start() - 1 : m.start()] == "的" and not text.endswith(_left_verbs(), 0, m.start() - 1)
    figure = after_de or _counted_before(text, m.start())  # but 推出的“惠企十条”
    if figure and not _kind(name, ""):  # 工作的“牛鼻子”, 一把“金钥匙”: a figure of speech
        return False
    if len(name) > _MAX_LABEL and not _kind(fold(name), ""):
        return False  # “绿水青山就是金山银山”: a quotation, not a name
    if name.endswith(_free_org_heads()):
        return False  # “西湖区区校合作服务中心” is an organisation
    after = text[m.end() : m.end() + 4]
    before = text[max(0, m.start() - 3) : m.start()]
    if after.startswith(_word_tuple("lexicons/programme_not_after.txt")):
        return False
    return not before.endswith(_word_tuple("lexicons/programme_not_before.txt"))


def _quoted(view: NormalizedText) -> list[Candidate]:
    text, found = view.text, []
    for m in _QUOTE_RE.finditer(text):
        tail_end = _tail_end(text, m.end())
        before = text[max(0, m.start() - 3) : m.start()]
        if tail_end is not None and before.endswith(_word_tuple("lexicons/programme_not_before.txt")):
            continue  # 这是一项“民心工程”: a figure of speech, not a programme
        if tail_end is not None:
            start = bounded_start(text, m.start(), _MAX_PREFIX)
            if start is None or "、" in m["name"] or _generic(text[start : m.start()]):
                start = m.start()  # 重点城市“煤改气”工程 → 煤改气工程
            while verb := prefix_at(text, start, words("lexicons/programme_verbs.txt"), m.start()):
                start += len(verb)  # 强化“一件事”集成改革 → 一件事集成改革
            # “千村示范、万村整治”工程 keeps its list; “零上门、零审批”双零行动 names itself after it
            items = m["name"].split("、")
            bare_head = text[m.end() : tail_end] in _heads()
            whole = len(items) == 1 or (bare_head and all(len(i) >= 2 for i in items))
            quoted = printed(view, *m.span("name")) if whole else ""
            parts = (
                printed(view, start, m.start()),
                quoted,
                printed(view, m.end(), tail_end),
            )
            name = "".join(parts)
            found.append(_cand(start, tail_end, "programme.quoted_head", name, _kind(name)))
        elif _is_programme_label(text, m):
            name = printed(view, *m.span("name"))
            found.append(_cand(m.start(), m.end(), "programme.quoted", name, _kind(name)))
    return found


def _generic(body: str) -> bool:
    return generic(body, "lexicons/programme_generic.txt")


def _org_floor(org_ends: list[int], head: int) -> int:
    """A programme's name does not start inside a body named before it (党中央 + 八项规定)."""
    i = bisect.bisect_right(org_ends, head)
    return org_ends[i - 1] if i else 0


@functools.cache
def _known_orgs() -> tuple[str, ...]:
    return tuple(load_lexicon("gazetteers/organisations.txt"))


@functools.cache
def _org_head_words() -> tuple[str, ...]:
    return tuple(h for h, _ in _org_heads())


@functools.cache
def _unquoted_heads() -> tuple[str, ...]:
    return tuple(fold(h) for h, _, where in load_table("lexicons/programme_heads.tsv", 3) if where == "yes")


@functools.cache
def _name_heads() -> tuple[str, ...]:
    """Heads of programmes and organisations, which end a name listed before a joiner."""
    return _unquoted_heads() + _org_head_words()


@functools.cache
def _inner_words() -> frozenset[str]:
    return words("lexicons/programme_inner_words.txt")


@functools.cache
def _left_verbs() -> tuple[str, ...]:
    """Verbs a name never starts with: those that introduce a programme (加快建设…工程)."""
    return tuple(sorted(words("lexicons/programme_verbs.txt"), key=len, reverse=True))


def _after_listed_names(text: str, start: int, head: int) -> int:
    """Start after the last joiner that follows another name's head (A方案及B意见 → B意见,
    市级研发中心和省重点研发计划 → 省重点研发计划)."""
    for i in range(head - 1, start, -1):
        if text[i] in _JOINERS and text.endswith(_name_heads(), start, i):
            return i + 1
    return start


def _unquoted(view: NormalizedText, orgs: list[Hit]) -> list[Candidate]:
    text, found = view.text, []
    org_ends = sorted(e for _, e, _ in orgs)
    for m in _head_re(True).finditer(text):
        floor = _org_floor(org_ends, m.start())
        start = bounded_start(text, m.start(), _MAX_UNQUOTED, floor, _JOINERS)
        if start is not None and m.end() - start < _MIN_UNQUOTED:  # 农村电网改造升级工程, 人才引进计划
            start = bounded_start(text, m.start(), _MAX_UNQUOTED, floor, _inner_words())
            if start is not None and prefix_at(text, start, _inner_words()):
                start = None  # 完善考核办法: the verb is before the name, and the name is too short
        start = _after_listed_names(text, start, m.start()) if start is not None else None
        verb = prefix_at(text, start, words("lexicons/programme_verbs.txt")) if start is not None else ""
        start = start + len(verb) if start is not None else None  # 加快建设X工程 → X工程
        if start is None or m.end() - start < _MIN_UNQUOTED or _generic(text[start : m.start()]):
            continue
        if not _instance(text, start, m.end()):
            name = printed(view, start, m.end())
            found.append(_cand(start, m.end(), "programme.headed", name, _kind(name)))
    return found


def _instance(text: str, start: int, end: int) -> bool:
    """A headed phrase that is not one programme: its head runs on into another word
    (集体林权制度改革, 行动目标) or it names built works counted after it
    (新建饮水安全工程203处)."""
    return _head_continues(text, end) or text[end : end + 1] in _NUMERAL_SET


@functools.cache
def _weak_heads() -> dict[str, tuple[str, int]]:
    """Weak head → (kind, the shortest run of words before it that makes a name)."""
    rows = load_table("lexicons/programme_weak_heads.tsv", 3)
    return {fold(h): (kind, int(min_body)) for h, kind, min_body in rows}


@functools.cache
def _weak_re() -> regex.Pattern[str]:
    verbs = sorted(words("lexicons/programme_verbs.txt"), key=len, reverse=True)
    heads = sorted(_weak_heads(), key=len, reverse=True)
    return regex.compile(
        rf"(?:{'|'.join(verbs)})(?P<name>\p{{Han}}{{1,{_MAX_UNQUOTED}}}?(?P<head>{'|'.join(heads)}))"
        rf"(?=[{regex.escape(_WEAK_END)}]|$)"
    )


@functools.cache
def _weak_end_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?=[{regex.escape(_WEAK_END)}]|$)")


@functools.cache
def _weak_reach() -> tuple[frozenset[str], int, int]:
    """First characters of the verbs, and how far before a weak head's end a match of
    ``_weak_re`` may start (its verb, name and head at their longest, and at their shortest)."""
    verbs, heads = words("lexicons/programme_verbs.txt"), _weak_heads()
    farthest = max(map(len, verbs)) + _MAX_UNQUOTED + max(map(len, heads))
    nearest = min(map(len, verbs)) + 1 + min(map(len, heads))
    return frozenset(v[0] for v in verbs), farthest, nearest


@functools.cache
def _weak_head_words() -> tuple[str, ...]:
    return tuple(_weak_heads())


def _weak_starts(text: str, heads: list[Hit]) -> list[int]:
    """The positions where ``_weak_re`` can match: a verb's first character within reach
    before a weak head (``heads``: every occurrence in the text) that ends at punctuation.
    The heads are rare, so finding them first is much faster than trying the verbs at every
    character, and matching at each of these positions gives what an overlapped scan of the
    whole text gives."""
    firsts, farthest, nearest = _weak_reach()
    starts: set[int] = set()
    for _, end, _ in heads:
        if _weak_end_re().match(text, end):
            window = range(max(0, end - farthest), end - nearest + 1)
            starts.update(p for p in window if text[p] in firsts)
    return sorted(starts)


def _verb_led(view: NormalizedText, heads: list[Hit]) -> list[Candidate]:
    """Names ending in a weak head, right after a verb that introduces one initiative
    (开展中央环境保护督察。, 全面推行河长制，)."""
    text, found = view.text, []
    for m in filter(None, (_weak_re().match(text, p) for p in _weak_starts(text, heads))):
        start, end = m.span("name")
        ordinal = _ORDINAL_RE.match(text, start, m.start("head"))
        start = ordinal.end() if ordinal else start  # 第三次国务院大督查 → 国务院大督查
        start = max(start, text.rfind("等", start, m.start("head")) + 1)  # A等B专项 → B专项
        body = text[start : m.start("head")]
        opener = body.startswith(_word_tuple("lexicons/programme_category_openers.txt"))
        led = body.startswith(_word_tuple("lexicons/programme_verbs.txt"))
        kind, min_body = _weak_heads()[m["head"]]
        if len(body) >= min_body and (len(body) >= 4 or not _generic(body)) and not led and not opener:
            found.append(_cand(start, end, "programme.verb_led", printed(view, start, end), kind))
    return found


@functools.cache
def _about_re() -> regex.Pattern[str]:
    """关于…的意见: a document's title printed without 《》, from 关于 to its head."""
    heads = sorted((h for h, kind in _heads().items() if kind == "document"), key=len, reverse=True)
    return regex.compile(rf"关于[\p{{Han}}“”\"]{{2,40}}?的(?:{'|'.join(heads)})")


def _about(view: NormalizedText, orgs: list[Hit]) -> list[Candidate]:
    """关于…的通知, with the body that issues it when it is named right before (国务院关于…)."""
    text, found = view.text, []
    issuers = {e: s for s, e, _ in orgs}
    for m in _about_re().finditer(text):
        if text[m.start() - 1 : m.start()] != "《" and not _head_continues(text, m.end()):
            start = issuers.get(m.start(), m.start())
            name = _QUOTES_RE.sub("", printed(view, start, m.end()))
            found.append(_cand(start, m.end(), "programme.about", name, "document"))
    return found


def _patterned(view: NormalizedText) -> list[Candidate]:
    text, found = view.text, []
    for pattern, rule, kind in (
        (_NUMBERED_RE, "programme.numbered", "policy"),
        (_LAW_RE, "programme.law", "document"),
    ):
        for m in pattern.finditer(text):
            start = left_start(text, m.start(), 6)
            if m.start() - start >= 2:
                name = _QUOTES_RE.sub("", printed(view, start, m.end()))
                found.append(_cand(start, m.end(), rule, name, kind))
    found += [
        _cand(m.start(), m.end(), "programme.five_year", m[0], "plan") for m in _FIVE_YEAR_RE.finditer(text)
    ]
    return found


@functools.cache
def _long_stops() -> tuple[str, ...]:
    return tuple(w for w in words("lexicons/name_left_stops.txt") if len(w) >= 2)


def _starts_with_verb(item: str) -> bool:
    """开展省重点实验室: an item that opens with a verb or function word is a clause, not a name."""
    return item.startswith(_long_stops())


def _listed(view: NormalizedText) -> list[Candidate]:
    """Each item of a list of programmes that a head sums up (A、B和C等…工程), when the
    list opens its sentence (so that no verb such as 实施 stands before the first item)."""
    text, found = view.text, []
    for m in _LIST_END_RE.finditer(text):
        begin = m.start()
        while begin > 0 and text[begin - 1] not in _LIST_START:
            begin -= 1
        items = _LIST_SPLIT_RE.split(text[begin : m.start()])
        if (
            len(items) < 3
            or (begin > 0 and text[begin - 1] not in _SENTENCE_START)
            or _head_continues(text, m.end())
        ):
            continue
        pos = begin
        for item in items:
            start = text.index(item, pos)
            pos = start + len(item)
            if 3 <= len(item) <= 16 and _LABEL_RE.fullmatch(item) and not _starts_with_verb(item):
                kind = _heads().get(m["head"], "other")
                found.append(_cand(start, pos, "programme.listed", printed(view, start, pos), kind))
    return found


def find_programme(view: NormalizedText, context: Context) -> list[Candidate]:
    """Candidates for every programme named in the text."""
    # One scan for the bodies a name does not start inside and for the weak heads.
    orgs, weak_heads = find_all_each((_known_orgs(), _weak_head_words()), view.text)
    found = _titles(view) + _quoted(view) + _patterned(view) + _unquoted(view, orgs) + _listed(view)
    return found + _verb_led(view, weak_heads) + _about(view, orgs)

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govnews_extract import parse
from govnews_extract.chars import fold
from govnews_extract.normalize import fold_char, is_layout, normalize, strip_layout

from .invariants import check_article

# fmt: off
CASES = [
    # (original, normalized view) — PDF breaks vanish, table cells stay apart
    ("1728.88\n万元", "1728.88万元"),
    ("80亿\n元", "80亿元"),
    ("超\n百亿", "超百亿"),
    ("2.2个百分\n点", "2.2个百分点"),
    ("5\n月29日", "5月29日"),
    ("发放 3493.59万元", "发放3493.59万元"),
    ("４０００．５亿元", "4000.5亿元"),
    ("增长１０％", "增长10%"),
    ("全年\u3000实现", "全年实现"),
    ("\ufeff研发\u200b投入", "研发投入"),
    ("4000.5\n\t\t\n10.0", "4000.5\n10.0"),
    ("PM 2.5", "PM 2.5"),
    ("74.4\n\u200b\n万亿元", "74.4万亿元"),
    ("550\n\u200b\n多万公里", "550多万公里"),
    ("同比增长57.1\n%", "同比增长57.1%"),
    ("确认使用1728.\n88万元", "确认使用1728.88万元"),
    ("增长\r\n10%，\r\n其中", "增长10%,其中"),
    ("发放\u00a03493.59万元", "发放3493.59万元"),
    ("研发\u00ad投入\u200e增长", "研发投入增长"),
    ("ＧＤＰ增长６．５％", "GDP增长6.5%"),
    ("比重达到51.4﹪", "比重达到51.4%"),
    ("10.0%\n11.0", "10.0%\n11.0"),
    ("广义货币M\n2\n增长11.3%", "广义货币M\n2增长11.3%"),
    ("毒害草治理l2万公顷", "毒害草治理12万公顷"),
    ("发放 3 493.59万元", "发放3493.59万元"),
    ("共计1\n198.12万元", "共计1198.12万元"),
    ("2019 2020年", "2019 2020年"),
    ("分别增长6.5 7.0和12 15", "分别增长6.5 7.0和12 15"),
    ("投资1O5亿元，PM2.5和IT产业", "投资105亿元,PM2.5和IT产业"),
    # a PDF hard break inside the digits of a number in running prose is joined again ...
    ("投入17\n28.88万元", "投入1728.88万元"),
    ("力争完成技改投资1\n80亿元以\n上，", "力争完成技改投资180亿元以上,"),
    ("实现产值29 \r\n8.3亿元，增长1\n2.5%，", "实现产值298.3亿元,增长12.5%,"),
    # ... but not before an indented paragraph, a year, a list item or a number cell
    ("完成投资12\n\u3000\u300030亿元用于", "完成投资12\n30亿元用于"),
    ("附件1\n2023年工作要点", "附件1\n2023年工作要点"),
    ("表2\n12个重点项目进展", "表2\n12个重点项目进展"),
    ("增长6\n2.加强管理", "增长6\n2.加强管理"),
    ("生产总值4000\n10.0%", "生产总值4000\n10.0%"),
    ("合计 12\n30亿元", "合计12\n30亿元"),
]
# fmt: on

OCR_DIGITS = {("l", "1"), ("I", "1"), ("O", "0"), ("o", "0")}

# A flattened table, one cell a line with padding: the cells stay apart in the view, so that
# a number cell and the next row's label (个人存款) never merge into a count (160.3个).
TABLE = "\n\t\n".join(
    ["单位：亿元", "指标", "余额", "增加额", "单位存款", "775.0", "103.0", "个人存款", "1169.0", "160.3", ""]
)
TABLE_ROWS = "个人贷款\n\t\n42.9\n\t\n5.6\n\n\n全市有学前教育机构565所"

# fmt: off
XFAIL = [
    # letter-spaced digits stay apart
    ("2 0 2 0年", "2020年"),
]
# fmt: on


@pytest.mark.parametrize(("original", "view"), CASES, ids=[c[0] for c in CASES])
def test_normalized_view(original: str, view: str) -> None:
    assert normalize(original).text == view


@pytest.mark.parametrize("original", [c[0] for c in CASES], ids=[c[0] for c in CASES])
def test_every_view_character_maps_to_an_original_character(original: str) -> None:
    norm = normalize(original)
    assert len(norm.origin) == len(norm.text)
    assert list(norm.origin) == sorted(set(norm.origin))
    for ch, pos in zip(norm.text, norm.origin, strict=True):
        if ch not in " \n":
            assert fold_char(original[pos]) == ch or (original[pos], ch) in OCR_DIGITS


@pytest.mark.parametrize(("original", "view"), XFAIL, ids=[c[0] for c in XFAIL])
@pytest.mark.xfail(strict=True, reason="letter-spaced digits stay apart")
def test_known_gaps(original: str, view: str) -> None:
    assert normalize(original).text == view


def test_table_cells_stay_apart() -> None:
    view = normalize(TABLE + TABLE_ROWS)
    assert "103.0\n个人存款" in view.text
    assert "160.3\n个人贷款" in view.text
    assert "5.6\n全市有学前教育机构565所" in view.text
    assert "单位:亿元\n指标" in view.text


def test_cell_starts_are_the_view_offsets_of_the_table_cells() -> None:
    view = normalize(TABLE + TABLE_ROWS)
    starts = sorted(view.cell_starts())
    cells = [view.text[a:b].strip("\n") for a, b in itertools.pairwise([*starts, len(view.text)])]
    assert cells[:5] == ["单位:亿元", "指标", "余额", "增加额", "单位存款"]
    assert "160.3" in cells and "个人贷款" in cells and "5.6" in cells
    assert normalize("全年增长10%，新增企业12家。").cell_starts() == frozenset()


def test_locate_is_the_inverse_of_span() -> None:
    view = normalize(TABLE + TABLE_ROWS)
    for start in range(len(view.text)):
        for end in range(start + 1, min(len(view.text), start + 6) + 1):
            assert view.locate(*view.span(start, end)) == (start, end)
    assert view.locate(5, 7) is None  # starts on a line break


# Characters PDF/HTML residue is made of: digits (ASCII and full-width), units, CJK, punctuation,
# every kind of layout character, and OCR look-alikes.
ALPHABET = (
    "0123456789０１２.．%％,，万亿元个家人吨\n\r\t \u3000\u00a0\u200b\u200d\ufeff\u00adlIO单位：指标增长。－-"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_view_invariants_on_arbitrary_residue(text: str) -> None:
    view = normalize(text)
    assert len(view.origin) == len(view.text)
    assert all(a < b for a, b in itertools.pairwise(view.origin))
    for ch, pos in zip(view.text, view.origin, strict=True):
        if ch in " \n" and is_layout(text[pos]):
            continue
        assert fold_char(text[pos]) == ch or (text[pos], ch) in OCR_DIGITS
    assert strip_layout(fold(text)).replace("l", "1").replace("I", "1").replace("O", "0") == (
        view.text.replace(" ", "").replace("\n", "").replace("l", "1").replace("I", "1").replace("O", "0")
    )


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["指标", "增长%", "单位：亿元", "个人存款", "12.5", "-3.0", "", "\u200b", "万吨"]),
        max_size=25,
    )
)
def test_parse_never_breaks_on_table_residue(cells: list[str]) -> None:
    article = parse("\n\t\n".join(cells))
    check_article(article)

"""Figures in flattened tables (one cell a line), typed from the headers as a reader would."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import NamedTuple

import pytest

from govnews_extract import parse
from govnews_extract.layout import find_tables

from .conftest import corpus_dir, read_corpus_article
from .invariants import check_article

TABLE_TYPES = ["money", "percent", "quantity", "count"]


def padded(*cells: str) -> str:
    """Cells one a line with the indentation and blank lines HTML extraction leaves."""
    return "".join(f"\t\t{cell}\n\t\t\t\n\t\n" for cell in cells)


def plain(*cells: str) -> str:
    """Cells one a line, nothing else."""
    return "\n".join(cells)


class Case(NamedTuple):
    name: str
    text: str
    # (cell text, type, value, unit-or-classifier)
    figures: list[tuple[str, str, str, str]]


# fmt: off
TABLES = [
    Case("unit line, money and growth columns",
         padded("2019年全县生产总值", "单位：亿元", "指  标", "绝对数", "比上年增长%",
                "生产总值", "356.8", "6.9", "第一产业", "41.2", "-2.5"),
         [("356.8", "money", "35680000000", "CNY"), ("6.9", "percent", "6.9", "percent"),
          ("41.2", "money", "4120000000", "CNY"), ("-2.5", "percent", "-2.5", "percent")]),
    Case("units in column headers",
         plain("主要农产品产量", "指标名称", "产量（万吨）", "同比增长（±%）",
               "粮食", "82.5", "3.1", "#小麦", "12.0", "-0.4"),
         [("82.5", "quantity", "825000", "吨"), ("3.1", "percent", "3.1", "percent"),
          ("12.0", "quantity", "120000", "吨"), ("-0.4", "percent", "-0.4", "percent")]),
    Case("units in row labels, inherited by sub-rows, reset by section rows",
         padded("畜牧业生产情况", "指标名称", "指标值", "同比增长（±%）", "年末存栏",
                "生猪（万头）", "35.2", "4.1", "#能繁母猪", "3.3", "2.0",
                "年内出栏", "家禽（万只）", "410.5", "1.2", "肉类产量（万吨）", "6.6", "0.8"),
         [("35.2", "count", "352000", "头"), ("4.1", "percent", "4.1", "percent"),
          ("3.3", "count", "33000", "头"), ("2.0", "percent", "2.0", "percent"),
          ("410.5", "count", "4105000", "只"), ("1.2", "percent", "1.2", "percent"),
          ("6.6", "quantity", "66000", "吨"), ("0.8", "percent", "0.8", "percent")]),
    Case("a unit column, a text cell in a value column",
         padded("规模以上工业主要产品产量", "产品名称", "单位", "产量", "同比增长（±%）",
                "钢材", "万吨", "120.0", "持平", "发电量", "亿千瓦时", "45.6", "7.5",
                "汽车", "万辆", "2.4", "-12.0", "啤酒", "万千升", "8.8", "3.0"),
         [("120.0", "quantity", "1200000", "吨"),
          ("45.6", "quantity", "4560000000", "千瓦时"), ("7.5", "percent", "7.5", "percent"),
          ("2.4", "count", "24000", "辆"), ("-12.0", "percent", "-12.0", "percent"),
          ("8.8", "quantity", "88000", "千升"), ("3.0", "percent", "3.0", "percent")]),
    Case("people in ten thousands and shares, a label wrapped inside its cell",
         padded("人口构成", "指  标", "年末数（万人）", "比重（%）", "总人口", "86.1", "100.0",
                "其中：城镇", "51.3", "59.6") + "\t乡\n村\n\t\n\t\n" + padded("34.8", "40.4"),
         [("86.1", "count", "861000", "人"), ("100.0", "percent", "100.0", "percent"),
          ("51.3", "count", "513000", "人"), ("59.6", "percent", "59.6", "percent"),
          ("34.8", "count", "348000", "人"), ("40.4", "percent", "40.4", "percent")]),
    Case("full-width digits and CRLF line ends",
         "单位：万元\r\n项目\r\n金额\r\n增长%\r\n税收收入\r\n５２３．６\r\n８．１\r\n非税收入\r\n９８．０\r\n－３．２\r\n",
         [("５２３．６", "money", "5236000", "CNY"), ("８．１", "percent", "8.1", "percent"),
          ("９８．０", "money", "980000", "CNY"), ("－３．２", "percent", "-3.2", "percent")]),
    Case("years as column headers, units in the row labels",
         padded("主要指标", "指标", "2019", "2020", "生产总值（亿元）", "356.8", "381.2",
                "常住人口（万人）", "86.1", "86.4"),
         [("356.8", "money", "35680000000", "CNY"), ("381.2", "money", "38120000000", "CNY"),
          ("86.1", "count", "861000", "人"), ("86.4", "count", "864000", "人")]),
    Case("a unit line naming a unit and percent",
         plain("单位：万元、%", "项目", "金额", "增长", "税收收入", "523.6", "8.1"),
         [("523.6", "money", "5236000", "CNY"), ("8.1", "percent", "8.1", "percent")]),
    Case("no header row, the unit line right above the figures",
         plain("单位：亿元", "12.0", "3.0", "乙", "14.0", "5.0"),
         [("12.0", "money", "1200000000", "CNY"), ("3.0", "money", "300000000", "CNY"),
          ("14.0", "money", "1400000000", "CNY"), ("5.0", "money", "500000000", "CNY")]),
    Case("no unit anywhere: nothing is guessed",
         plain("指标", "数值", "增减", "甲", "12.0", "3.0", "乙", "14.0", "5.0"),
         []),
    Case("a dash placeholder cell (—) takes a figure's place (held-out set, fixtures/)",
         plain("2023年主要经济指标", "指标", "单位", "全年", "同比增长（%）",
               "地区生产总值", "亿元", "2856.3", "5.6", "固定资产投资", "亿元", "—", "4.2",
               "一般公共预算收入", "亿元", "186.2", "3.9"),
         [("2856.3", "money", "285630000000", "CNY"), ("5.6", "percent", "5.6", "percent"),
          ("4.2", "percent", "4.2", "percent"),
          ("186.2", "money", "18620000000", "CNY"), ("3.9", "percent", "3.9", "percent")]),
    Case("placeholders -, …, / and —— in either column, padded cells",
         padded("单位：亿元", "指标", "总量", "增长%", "税收收入", "-", "8.1", "非税收入", "98.0", "…",
                "基金收入", "/", "/", "国有资本收入", "——", "2.5", "债务收入", "40.0", "6.0"),
         [("8.1", "percent", "8.1", "percent"), ("98.0", "money", "9800000000", "CNY"),
          ("2.5", "percent", "2.5", "percent"),
          ("40.0", "money", "4000000000", "CNY"), ("6.0", "percent", "6.0", "percent")]),
    Case("prose with a number alone on a line is no table",
         "广义货币M\n2\n增长11.3%，细颗粒物（PM\n2.5\n）年均浓度下降9.1%。",
         []),
]

TABLES_XFAIL = [
    Case("columns separated by spaces on one line are not read",
         "单位：亿元\n指标 绝对数 增长%\n生产总值 356.8 6.9\n第一产业 41.2 -2.5",
         [("356.8", "money", "35680000000", "CNY"), ("6.9", "percent", "6.9", "percent"),
          ("41.2", "money", "4120000000", "CNY"), ("-2.5", "percent", "-2.5", "percent")]),
    Case("a growth column named only in words (发展速度) is not known to be a percent",
         plain("单位：亿元", "指标", "总量", "发展速度", "生产总值", "356.8", "106.9"),
         [("356.8", "money", "35680000000", "CNY"), ("106.9", "percent", "106.9", "percent")]),
]
# fmt: on


def table_figures(text: str) -> list[tuple[str, str, str, str]]:
    article = parse(text, types=TABLE_TYPES)
    check_article(article)
    found = []
    for m in article.mentions:
        if not m.rule.startswith("table."):
            continue
        unit = getattr(m, "currency", None) or getattr(m, "classifier", None) or getattr(m, "unit", "")
        found.append((text[m.start : m.end], m.type, str(m.value), str(unit)))  # type: ignore[union-attr]
    return found


@pytest.mark.parametrize("case", TABLES, ids=[c.name for c in TABLES])
def test_table_figures(case: Case) -> None:
    assert table_figures(case.text) == case.figures


@pytest.mark.parametrize("case", TABLES_XFAIL, ids=[c.name for c in TABLES_XFAIL])
@pytest.mark.xfail(strict=True, reason="known gap of the flattened-table reader")
def test_table_figures_known_gaps(case: Case) -> None:
    assert table_figures(case.text) == case.figures


def test_counted_is_the_row_label() -> None:
    text = padded(
        "指标名称", "指标值", "增长%", "年末存栏", "生猪（万头）", "35.2", "4.1", "#能繁母猪", "3.3", "2.0"
    )
    counts = parse(text, types=["count"]).counts
    assert [(c.counted, c.classifier) for c in counts] == [("生猪", "头"), ("能繁母猪", "头")]


def test_types_filter_applies_to_table_figures() -> None:
    text = TABLES[0].text
    assert {m.type for m in parse(text, types=["percent"]).mentions} == {"percent"}
    assert not [m for m in parse(text, types=["date"]).mentions if m.rule.startswith("table.")]


def test_a_table_cell_never_merges_with_the_next_row() -> None:
    text = padded(
        "单位：亿元", "指标", "余额", "增加额", "单位存款", "775.0", "103.0", "个人存款", "1169.0", "160.3"
    )
    article = parse(text)
    check_article(article)
    assert all(
        "\n" not in m.text and m.text in {"775.0", "103.0", "1169.0", "160.3"} for m in article.mentions
    )


def test_structure_of_a_padded_table() -> None:
    [table] = find_tables(TABLES[3].text)
    assert (table.columns, table.lead) == (4, 2)
    assert [c.text for c in table.rows[0].cells] == ["钢材", "万吨", "120.0", "持平"]


def test_corpus_article_001_table_figures() -> None:
    """Every figure of 001's tables is found with the value the gold gives it."""
    gold_path = corpus_dir() / "gold" / "001.jsonl"
    text = read_corpus_article("001")
    article = parse(text, published="2013-03-20", types=TABLE_TYPES)
    check_article(article)
    found = {(m.text, m.type, m.value) for m in article.mentions if m.rule.startswith("table.")}  # type: ignore[union-attr]
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    cells = {
        (g["text"], g["type"], Decimal(g["value"]))
        for g in gold
        if g["type"] in TABLE_TYPES and g["text"][-1].isdigit()
    }
    assert len(cells) > 100
    assert cells <= found


# fmt: off
PROSE = [
    "广义货币M\n2\n增长11.3%，细颗粒物（PM\n2.5\n）年均浓度下降9.1%。",
    "国内生产总值达到74.4\n\u200b\n万亿元，增长6.7%。光缆线路550\n\u200b\n多万公里。",
    "四是加快部署落实。5\n月29日召开动员大会，部署近三年\n高校经济工作任务。",
    "主要指标：\n增长，\n6.5\n下降，\n3.1\n持平。",
]
# fmt: on


@pytest.mark.parametrize("text", PROSE, ids=PROSE)
def test_prose_is_not_a_table(text: str) -> None:
    assert find_tables(text) == ()

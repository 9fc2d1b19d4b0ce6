from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

import pytest

from govnews_extract import parse
from govnews_extract.models import Percent

from .invariants import check_article


class Case(NamedTuple):
    sentence: str
    text: str
    value: str
    unit: str = "percent"
    approx: str | None = None
    value_max: str | None = None


# fmt: off
PERCENT_SIGNS = [
    Case("规上工业增加值同比增长 57.1%", "57.1%", "57.1"),
    Case("研发投入占比达到1.7％", "1.7％", "1.7"),  # text is the printed slice
    Case("高出全省平均水平35个百分点", "35个百分点", "35", "percentage_point"),
    Case("占比提高2.2个百分\n点", "2.2个百分点", "2.2", "percentage_point"),
    Case("增速回落0.5百分点", "0.5百分点", "0.5", "percentage_point"),
    Case("人口自然增长率为4.5‰", "4.5‰", "4.5", "permille"),
    Case("地表水盐度≥2‰时需预处理", "≥2‰", "2", "permille", "at_least"),
    Case("城镇化率比上年-0.9个百分点", "-0.9个百分点", "-0.9", "percentage_point"),
    Case("居民消费价格下降1.2%", "1.2%", "1.2"),
]

PERCENT_WORDS = [
    Case("财政补助比例提高到百分之三十", "百分之三十", "30"),
    Case("贫困发生率下降到百分之五以下", "百分之五以下", "5", approx="at_most"),
    Case("重污染天数下降超过五成", "超过五成", "50", approx="more_than"),
    Case("农产品线上销售已占三成", "三成", "30"),
    Case("网上办件量占三成多", "三成多", "30", approx="more_than"),
    Case("审批事项减少三分之一", "三分之一", "33.33"),
    Case("专项转移支付项目压减四分之一以上", "四分之一以上", "25", approx="at_least"),
    Case("出生缺陷率控制在千分之三", "千分之三", "3", "permille"),
]

PERCENT_QUALIFIERS = [
    Case("投资到位率近50%", "近50%", "50", approx="less_than"),
    Case("报销比例达到75%以上", "75%以上", "75", approx="at_least"),
    Case("贡献率超过30%", "超过30%", "30", approx="more_than"),
    Case("覆盖率接近40%", "接近40%", "40", approx="less_than"),
    Case("增长10%左右", "10%左右", "10", approx="about"),
    Case("失业率控制在5%以内", "5%以内", "5", approx="at_most"),
    Case("出口增速高于8%", "高于8%", "8", approx="more_than"),
    Case("负债率不超过60%", "不超过60%", "60", approx="at_most"),
    Case("货币供应量增速低于13%左右的预期目标", "低于13%左右", "13", approx="about"),
]

PERCENT_RANGES = [
    Case("预期目标为增长6%－6.5%", "6%－6.5%", "6", value_max="6.5"),
    Case("预期目标为增长6%-6.5%", "6%-6.5%", "6", value_max="6.5"),
    Case("预期增长6-6.5%", "6-6.5%", "6", value_max="6.5"),
    Case("收购价提高了25%到40%", "25%到40%", "25", value_max="40"),
    Case("差值在0至1.4个百分点之间", "0至1.4个百分点", "0", "percentage_point", value_max="1.4"),
    Case("差值在-0.1至0个百分点之间", "-0.1至0个百分点", "-0.1", "percentage_point", value_max="0"),
    Case("补助比例为百分之五至百分之十", "百分之五至百分之十", "5", value_max="10"),
    Case("自给率约六七成", "约六七成", "60", approx="about", value_max="70"),
]
# fmt: on


def _only_percent(sentence: str) -> list[Percent]:
    article = parse(sentence, types=["percent"])
    check_article(article)
    return article.percentages


def _check(case: Case) -> None:
    [pct] = _only_percent(case.sentence)
    assert pct.text == case.text
    assert pct.value == Decimal(case.value)
    assert pct.value_max == (Decimal(case.value_max) if case.value_max else None)
    assert pct.unit == case.unit
    assert pct.approx == case.approx


@pytest.mark.parametrize("case", PERCENT_SIGNS, ids=[c.sentence for c in PERCENT_SIGNS])
def test_percent_sign(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", PERCENT_WORDS, ids=[c.sentence for c in PERCENT_WORDS])
def test_percent_in_words(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", PERCENT_QUALIFIERS, ids=[c.sentence for c in PERCENT_QUALIFIERS])
def test_percent_qualifier(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", PERCENT_RANGES, ids=[c.sentence for c in PERCENT_RANGES])
def test_percent_range(case: Case) -> None:
    _check(case)


# fmt: off
LISTS = [
    ("三类水体比例差值分别为0.3、0.1和-0.9个百分点",
     [("0.3", "0.3"), ("0.1", "0.1"), ("-0.9个百分点", "-0.9")], "percentage_point", None),
    ("二、三产业比重分别提高0.9、5.9个百分点",
     [("0.9", "0.9"), ("5.9个百分点", "5.9")], "percentage_point", None),
    ("两项贷款增速分别高4.2和0.7个百分点",
     [("4.2", "4.2"), ("0.7个百分点", "0.7")], "percentage_point", None),
    ("通关时间分别压缩60%、80%以上",
     [("60%", "60"), ("80%以上", "80")], "percent", "at_least"),
    ("两项指标分别下降3、5%以上",
     [("3", "3"), ("5%以上", "5")], "percent", "at_least"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "items", "unit", "approx"), LISTS, ids=[c[0] for c in LISTS])
def test_list_sharing_one_unit(
    sentence: str, items: list[tuple[str, str]], unit: str, approx: str | None
) -> None:
    found = _only_percent(sentence)
    assert [(p.text, p.value) for p in found] == [(t, Decimal(v)) for t, v in items]
    assert {p.unit for p in found} == {unit}
    assert {p.approx for p in found} == {approx}


# fmt: off
NOT_PERCENT = [
    "工业生产者出厂价格总指数为99%",
    "全面建成小康社会",
    "村民三五成群参加培训",
    "统一成立工作专班",
    "坚持标准一成不变",
    "唯一成功申报的项目",
    "形成一批创新成果",
]
# fmt: on


@pytest.mark.parametrize("sentence", NOT_PERCENT)
def test_not_percent(sentence: str) -> None:
    assert _only_percent(sentence) == []


def test_list_marker_at_line_start_is_not_an_item() -> None:
    found = _only_percent("重点任务：\n2、35%的资金用于研发")
    assert [p.text for p in found] == ["35%"]


# fmt: off
PERCENT_XFAIL = [
    # Chinese decimals with 点 are not numerals yet (resolve.numerals).
    Case("增速为百分之三点五", "百分之三点五", "3.5"),
    # 两成半 = 25%: the half is not read.
    Case("成本下降两成半", "两成半", "25"),
    # A range of tenths with 至: only the upper end is found.
    Case("覆盖率达到四至五成", "四至五成", "40", value_max="50"),
]
# fmt: on


@pytest.mark.parametrize("case", PERCENT_XFAIL, ids=[c.sentence for c in PERCENT_XFAIL])
@pytest.mark.xfail(strict=True, reason="known gap")
def test_percent_known_gaps(case: Case) -> None:
    _check(case)


def test_change_from_to_is_two_figures_not_a_range() -> None:
    found = _only_percent("服务业占比从45%到52%左右")
    assert [(p.text, p.value, p.value_max, p.approx) for p in found] == [
        ("45%", Decimal(45), None, None),
        ("52%左右", Decimal(52), None, "about"),
    ]

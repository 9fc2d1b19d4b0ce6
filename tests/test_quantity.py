from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

import pytest

from govnews_extract import parse
from govnews_extract.models import Quantity

from .invariants import check_article


class Case(NamedTuple):
    sentence: str
    text: str
    value: str
    unit: str
    approx: str | None = None
    value_max: str | None = None


# Sentences written by the project in the style of government news.
# fmt: off
QUANTITIES_IN_PROSE = [
    Case("首期安排200平方办公用房", "200平方", "200", "平方米"),
    Case("建成 3000平米孵化场地", "3000平米", "3000", "平方米"),
    Case("新建厂房1.2万㎡", "1.2万㎡", "12000", "平方米"),
    Case("全市农作物种植面积1128万亩", "1128万亩", "11280000", "亩"),
    Case("粮食产量突破百亿斤", "突破百亿斤", "10000000000", "斤", "more_than"),
    Case("治理水土流失面积4.8万平方公里", "4.8万平方公里", "48000", "平方公里"),
    Case("新建改建高速公路6700多公里", "6700多公里", "6700", "公里", "more_than"),
    Case("光缆线路550\n\u200b\n多万公里", "550多万公里", "5500000", "公里", "more_than"),
    Case("新增发电装机8970万千瓦", "8970万千瓦", "89700000", "千瓦"),
    Case("淘汰落后产能2000万千瓦", "2000万千瓦", "20000000", "千瓦"),
    Case("全年退出钢铁产能超过6500万吨", "超过6500万吨", "65000000", "吨", "more_than"),
    Case("替代燃煤锅炉18.9万蒸吨", "18.9万蒸吨", "189000", "蒸吨"),
    Case("淘汰10蒸吨以下燃煤锅炉", "10蒸吨以下", "10", "蒸吨", "at_most"),
    Case("累计约19.3万标准箱受益", "约19.3万标准箱", "193000", "标准箱", "about"),
    Case("森林蓄积量达到151.4亿立方米", "151.4亿立方米", "15140000000", "立方米"),
    Case("能源消费总量729.2万吨标准煤", "729.2万吨标准煤", "7292000", "吨标准煤"),
    Case("单位GDP能耗为1.0439吨标准煤/万元", "1.0439吨标准煤/万元", "1.0439", "吨标准煤/万元"),
    Case("万元地区生产总值能耗为1.1578吨标准煤", "1.1578吨标准煤", "1.1578", "吨标准煤/万元"),
    Case("年均浓度为50微克/立方米", "50微克/立方米", "50", "微克/立方米"),
    Case("浊度高于500 NTU的水体", "高于500NTU", "500", "NTU", "more_than"),
    Case("电导率≥3000μS/cm时", "≥3000μS/cm", "3000", "μS/cm", "at_least"),
    Case("实施25度以上坡耕地退耕", "25度以上", "25", "度", "at_least"),
    Case("15—25度坡耕地退耕还林", "15—25度", "15", "度", value_max="25"),
    Case("全年用电量120万度", "120万度", "1200000", "千瓦时"),
    Case("年发电量3.5亿千瓦时", "3.5亿千瓦时", "350000000", "千瓦时"),
    Case("污水处理能力5万吨/日", "5万吨/日", "50000", "吨/日"),
    Case("建设隔离带1000公里", "1000公里", "1000", "公里"),
    Case("亩产提升10.1斤", "10.1斤", "10.1", "斤"),
    Case("步道全长3.6km", "3.6km", "3.6", "公里"),
    Case("信号在5千米外可见", "5千米", "5", "公里"),
    Case("毒害草治理l2万公顷", "l2万公顷", "120000", "公顷"),  # OCR l for 1, repaired in the view
]

# A unit character after a number that is not a measure.
NOT_QUANTITIES = [
    "排名由第12升至第8位",
    "经济一度承压",
    "风险再度上升",
    "实施百亿斤粮食产能工程",
    "建设万吨级码头",
    "PM2.5年均浓度下降",
    "2020年度考核优秀",
]

QUANTITY_XFAIL = [
    # FIXME: after a Chinese numeral 千米 is read as a unit, but 三千米 usually means 3000 米.
    Case("完成三千米长跑", "三千米", "3000", "米"),
]
# fmt: on


def _only_quantity(sentence: str) -> list[Quantity]:
    article = parse(sentence, types=["quantity"])
    check_article(article)
    return [m for m in article.mentions if isinstance(m, Quantity)]


def _check(case: Case) -> None:
    [quantity] = _only_quantity(case.sentence)
    assert quantity.text == case.text
    assert quantity.value == Decimal(case.value)
    assert quantity.unit == case.unit
    assert quantity.approx == case.approx
    assert quantity.value_max == (Decimal(case.value_max) if case.value_max else None)


@pytest.mark.parametrize("case", QUANTITIES_IN_PROSE, ids=[c.sentence for c in QUANTITIES_IN_PROSE])
def test_quantity(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("sentence", NOT_QUANTITIES)
def test_not_a_quantity(sentence: str) -> None:
    assert _only_quantity(sentence) == []


@pytest.mark.xfail(strict=True)
@pytest.mark.parametrize("case", QUANTITY_XFAIL, ids=[c.sentence for c in QUANTITY_XFAIL])
def test_quantity_known_gaps(case: Case) -> None:
    _check(case)


def test_quantity_offsets_cover_the_line_break() -> None:
    text = "光缆线路550\n\u200b\n多万公里。"
    [quantity] = _only_quantity(text)
    assert text[quantity.start : quantity.end] == "550\n\u200b\n多万公里"


def test_table_header_unit_is_not_a_quantity() -> None:
    assert _only_quantity("\t\t\t\t\t肉类总产量（万吨）\n\t\t\t\t\n") == []


def test_quantity_and_count_share_a_sentence() -> None:
    article = parse("建设5座处置场，占地200平方", types=["count", "quantity"])
    check_article(article)
    assert [(m.type, m.text) for m in article.mentions] == [("count", "5座"), ("quantity", "200平方")]


def test_listed_numbers_take_the_unit_and_multiplier() -> None:
    quantities = _only_quantity("水田和旱田分别为168、960万亩")
    assert [(q.text, q.value, q.unit) for q in quantities] == [
        ("168", Decimal(1680000), "亩"),
        ("960万亩", Decimal(9600000), "亩"),
    ]

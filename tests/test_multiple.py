from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

import pytest

from govnews_extract import parse
from govnews_extract.models import Multiple

from .invariants import check_article


class Case(NamedTuple):
    sentence: str
    text: str
    value: str
    factor: str | None
    approx: str | None = None


# fmt: off
MULTIPLES = [
    Case("兑现金额较去年同期翻了一\n番", "翻了一番", "1", "2"),
    Case("经济总量比2000年翻两番", "翻两番", "2", "4"),
    Case("财政收入十年接近翻一番", "接近翻一番", "1", "2", "less_than"),
    Case("居民收入实现翻番", "翻番", "1", "2"),
    Case("交易额翻了近一番", "翻了近一番", "1", "2", "less_than"),
    Case("全市新能源汽车产量翻了一番多", "翻了一番多", "1", "2", "more_than"),  # held-out set
    Case("出口额翻了两番余", "翻了两番余", "2", "4", "more_than"),
    Case("申报数较去年同期增长了 2倍", "增长了2倍", "2", "3"),
    Case("总产量十年增长1.3倍", "增长1.3倍", "1.3", "2.3"),
    Case("生猪价格比同期涨了一倍", "涨了一倍", "1", "2"),
    Case("发明专利拥有量增加两倍", "增加两倍", "2", "3"),
    Case("高技术产业占比提高一倍", "提高一倍", "1", "2"),
    Case("技术合同成交额增长近2倍", "增长近2倍", "2", "3", "less_than"),
    Case("出口额增长1倍多", "增长1倍多", "1", "2", "more_than"),
    Case("新增企业增长3倍以上", "增长3倍以上", "3", "4", "at_least"),
    Case("专项资金是2010年的2.2倍", "2.2倍", "2.2", "2.2"),
    Case("增速2倍于全省平均水平", "2倍", "2", "2"),
    Case("产能增长到原来的3倍", "3倍", "3", "3"),
    Case("规模约为上年的1.5倍", "1.5倍", "1.5", "1.5"),
]
# fmt: on


def _only_multiple(sentence: str) -> list[Multiple]:
    article = parse(sentence, types=["multiple"])
    check_article(article)
    return [m for m in article.mentions if isinstance(m, Multiple)]


def _check(case: Case) -> None:
    [mult] = _only_multiple(case.sentence)
    assert mult.text == case.text
    assert mult.value == Decimal(case.value)
    assert mult.factor == (Decimal(case.factor) if case.factor else None)
    assert mult.approx == case.approx


@pytest.mark.parametrize("case", MULTIPLES, ids=[c.sentence for c in MULTIPLES])
def test_multiple(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("sentence", ["全国各族人民倍感振奋", "深入实施“国高倍增计划”", "坚持主体双倍增"])
def test_not_multiple(sentence: str) -> None:
    assert _only_multiple(sentence) == []


def test_multiple_wins_over_nothing_else_in_a_full_parse() -> None:
    article = parse("财政收入增长2倍，增速12.5%")
    check_article(article)
    assert [m.type for m in article.mentions] == ["multiple", "percent"]


# fmt: off
MULTIPLE_XFAIL = [
    # 一倍半 (one and a half times).
    Case("用户数增长了一倍半", "增长了一倍半", "1.5", "2.5"),
]
# fmt: on


@pytest.mark.parametrize("case", MULTIPLE_XFAIL, ids=[c.sentence for c in MULTIPLE_XFAIL])
@pytest.mark.xfail(strict=True, reason="known gap")
def test_multiple_known_gaps(case: Case) -> None:
    _check(case)

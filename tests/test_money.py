from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

import pytest

from govnews_extract import parse

from .invariants import check_article


class Case(NamedTuple):
    sentence: str
    text: str
    value: str
    currency: str = "CNY"
    approx: str | None = None


# fmt: off
MONEY_SEEN_IN_ARCHIVES = [
    Case("发放 3493.59万元创新券", "3493.59万元", "34935900"),
    Case("减免孵化器、众创空间租金共计1198.12万元", "1198.12万元", "11981200"),
    Case("规上企业研发经费\n32.5亿元", "32.5亿元", "3250000000"),
    Case("全年实现地区生产总值4000.5亿元", "4000.5亿元", "400050000000"),
    Case("实际使用外资1.2万亿美元", "1.2万亿美元", "1200000000000", "USD"),
    Case("预计拨付三千五百万元专项资金", "三千五百万元", "35000000"),
    Case("人均月收入5500元左右", "5500元左右", "5500", approx="about"),
    Case("减税降费超过1335亿元", "超过1335亿元", "133500000000", approx="more_than"),
    Case("新增贷款5800多亿元", "5800多亿元", "580000000000", approx="more_than"),
    Case("进出口总额近3万亿元", "近3万亿元", "3000000000000", approx="less_than"),
    Case("每股派发2千零30万元", "2千零30万元", "20300000"),
    Case("投资 1,250.5 万欧元", "1,250.5万欧元", "12505000", "EUR"),
]
# fmt: on


@pytest.mark.parametrize("case", MONEY_SEEN_IN_ARCHIVES, ids=[c.sentence for c in MONEY_SEEN_IN_ARCHIVES])
def test_money(case: Case) -> None:
    article = parse(case.sentence, types=["money"])
    check_article(article)
    [money] = article.money
    assert money.text == case.text
    assert money.value == Decimal(case.value)
    assert money.currency == case.currency
    assert money.approx == case.approx


def test_unit_alone_is_not_an_amount() -> None:
    assert parse("每万元GDP能耗下降3%", types=["money"]).money == []

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govnews_extract import parse
from govnews_extract.detect.dates import date_words
from govnews_extract.models import Date

from .conftest import corpus_dates, read_corpus_article
from .invariants import check_article


class Case(NamedTuple):
    sentence: str
    published: str | None
    text: str
    value: str | None
    value_max: str | None = None
    relative: bool = False


def _dates(sentence: str, published: str | None) -> list[Date]:
    article = parse(sentence, published=published, types=["date"])
    check_article(article)
    return article.dates


def _the_date(case: Case) -> Date:
    found = [d for d in _dates(case.sentence, case.published) if d.text == case.text]
    assert len(found) == 1, [d.text for d in _dates(case.sentence, case.published)]
    return found[0]


# fmt: off
EXPLICIT = [
    Case("2020年是全市科技创新攻坚年", None, "2020年", "2020"),
    Case("在2019年初召开的发展大会上", None, "2019年初", "2019"),
    Case("到2019年底，累计建成示范园区12个", None, "2019年底", "2019"),
    Case("2012年末全市金融机构存款余额增加", "2013-03-20", "2012年末", "2012"),
    Case("共有9个项目获2020年度省重点研发计划立项", None, "2020年度", "2020"),
    Case("大会于2020年5月29日在市行政中心召开", None, "2020年5月29日", "2020-05-29"),
    Case("（2013年3月20日）", None, "2013年3月20日", "2013-03-20"),
    Case("根据2018年《国务院机构改革方案》", None, "2018年", "2018"),
    Case("该办法将于2021年1月起施行", None, "2021年1月起", "2021-01"),
    Case("2020年上半年全市实现生产总值1200亿元", None, "2020年上半年", "2020-H1"),
    Case("2019年下半年，出口降幅收窄", None, "2019年下半年", "2019-H2"),
    Case("2020年第一季度全市新增企业300家", None, "2020年第一季度", "2020-Q1"),
    Case("2020年1-11月，全市空气优良天数比例为92%", None, "2020年1-11月", "2020-01", "2020-11"),
    Case("2020年1至11月累计完成投资", None, "2020年1至11月", "2020-01", "2020-11"),
    Case("会议于2020年5月29日至6月1日举行", None, "2020年5月29日至6月1日", "2020-05-29", "2020-06-01"),
    Case("展会于2020年9月26日-28日举行", None, "2020年9月26日-28日", "2020-09-26", "2020-09-28"),
    Case("二〇二〇年五月二十九日", None, "二〇二〇年五月二十九日", "2020-05-29"),
    Case("市人民政府 二○一一年十二月十五日", None, "二○一一年十二月十五日", "2011-12-15"),
    Case("全市粮食产量自2010年以来连续5年超过百亿斤", None, "2010年以来", "2010"),
    Case("2015和2016年同期增速分别为3.3%和4.1%", None, "2015", "2015"),
    Case("比2016年全年增速高0.3个百分点", None, "2016年全年", "2016"),
    Case("重点区域农业面源污染到2025年得到初步控制", "2021-03-15", "2025年", "2025"),
    # numeric dates (held-out set, fixtures/): ISO anywhere, / and . after a byline label
    Case("发布时间：2023-05-16  来源：市统计局", "2023-06-01", "2023-05-16", "2023-05-16"),
    Case("发布日期：2023/5/16", None, "2023/5/16", "2023-05-16"),
    Case("时间：2023.05.16　来源：县政府办", None, "2023.05.16", "2023-05-16"),
    Case("截至2024-11-20，全市签约项目52个", None, "2024-11-20", "2024-11-20"),
]

YEARLESS = [
    # the year the text is about: named earlier, in the same sentence or before
    Case("2020年科技局系统全力推进。2月底开始举办认定培训", None, "2月底", "2020-02"),
    Case("2020年是攻坚年。5月29日召开高校经济发展大会", None, "5月29日", "2020-05-29"),
    Case("2012年全市金融机构贷款余额增加。12月末，存款余额增长", None, "12月末", "2012-12"),
    Case("去年一季度经济开局良好，进入二季度以后指标走低", "2025-03-05", "二季度", "2024-Q2", None, True),
    Case("2019年上半年、全年以及2020年上半年", None, "全年", "2019", None, True),
    # comparison bases, goals and periods up to now do not move the year in hand
    Case("2009年回顾。比上年增长8%。一季度出口回升", "2010-03-05", "一季度", "2009-Q1", None, True),
    Case("与2017年目标持平（2015和2016年同期为3%、5%）。一季度增长", None, "一季度", "2017-Q1", None, True),
    Case("2019年新增企业300家，到2025年达到1000家。3月底召开大会", None, "3月底", "2019-03"),
    Case("2011年回顾。收入增速为1985年以来最高。8月起价格回落", "2012-03-05", "8月起", "2011-08"),
    Case("2019年启动试点，同年10月全面推开", None, "同年10月", "2019-10", None, True),
    # a heading naming one year, or 今年 in a January review, opens a part about that year
    # (held-out set, fixtures/); the dates after it follow it
    Case("2019年经济运行回顾。全年GDP增长6%", "2020-06-10", "全年", "2019", None, True),
    Case("2023年工作总结。四、2024年工作思路。今年，全年研发投入增长15%以上",
         "2024-01-20", "全年", "2024", None, True),
    Case("2023年工作总结。四、2024年工作思路。今年，全年研发投入增长15%以上。一季度做好入库工作",
         "2024-01-20", "一季度", "2024-Q1", None, True),
    Case("2023年回顾。全年增长16%。2024年思路\n\n全年研发投入比上年增长15%。6月底前完成拨付",
         "2024-01-20", "6月底", "2024-06"),
    Case("2023年回顾。全年增长16%。2024年思路\n\n全年研发投入比上年增长15%", "2024-01-20", "上年", "2023",
         None, True),
    Case("2023年全年增长16%。今年，全年研发投入增长15%", "2024-02-20", "全年", "2024", None, True),
    # ... but a title naming both years opens none, nor does 今年 in a text about its own year
    Case("2023年总结及2024年思路。全年研发投入增长16%", "2024-01-20", "全年", "2023", None, True),
    Case("2023年回顾。全年增长16%。今年，研发投入比去年增长15%", "2024-01-20", "去年", "2023", None, True),
    Case("2023年回顾。收入增长16%，为今年发展奠定基础。全年新增企业300家", "2024-01-20", "全年", "2023",
         None, True),
    # no year named: the publication year
    Case("特别是9月26日召开的会议作出部署", "2024-10-08", "9月26日", "2024-09-26"),
    Case("今年以来，走访企业200余家。2月底开始举办培训", "2020-06-01", "2月底", "2020-02"),
    Case("一季度全市实现地区生产总值620亿元", "2017-04-20", "一季度", "2017-Q1", None, True),
    Case("前三季度新设企业近590万户", "2020-11-01", "前三季度", "2020-Q1", "2020-Q3", True),
    Case("上半年全市经济运行总体平稳", "2016-07-25", "上半年", "2016-H1", None, True),
    Case("一至三季度全市实现增加值500亿元", "2020-11-01", "一至三季度", "2020-Q1", "2020-Q3", True),
    Case("二至四季度逐季回升", "2020-12-01", "二至四季度", "2020-Q2", "2020-Q4", True),
    Case("三月初，全市启动春耕生产", "2020-04-01", "三月初", "2020-03"),
    Case("定于五月二十九日召开", "2020-04-01", "五月二十九日", "2020-05-29"),
    Case("1-11月全市规上工业增加值增长6%", "2020-12-20", "1-11月", "2020-01", "2020-11"),
    Case("新华社北京7月21日电", "2020-07-22", "7月21日", "2020-07-21"),
    Case("新华社北京7月21日电 21日召开的国务院常务会议", "2020-07-22", "21日", "2020-07-21"),
    # nothing to hang on
    Case("一季度全市实现地区生产总值620亿元", None, "一季度", None, None, True),
]

# 2010 report (published 2010-03-05) reviewing 2009: 上年 is 2008, 去年 and 全年 are 2009.
RELATIVE = [
    Case("2009年工作回顾。国内生产总值比上年增长8.7%", "2010-03-05", "上年", "2008", None, True),
    Case("国内生产总值比上年增长8.7%", "2010-06-05", "上年", "2009", None, True),
    Case("2009年是困难的一年。去年这个时候，金融危机还在蔓延", "2010-03-05", "去年", "2009", None, True),
    Case("2009年工作回顾。过去的一年，极不平凡", "2010-03-05", "过去的一年", "2009", None, True),
    Case("2009年工作回顾。全年汽车销售1364万辆", "2010-03-05", "全年", "2009", None, True),
    Case("2009年工作回顾。去年下半年开始进出口降幅收窄", "2010-03-05", "去年下半年", "2009-H2", None, True),
    Case("2010年比上年减少6.4%", "2011-03-05", "上年", "2009", None, True),
    Case("2010年工作回顾。社会保障基金比五年前增加5800多亿元", "2011-03-05", "五年前", "2005", None, True),
    Case("2024年工作回顾。这为今年发展奠定了基础", "2025-03-05", "今年", "2025", None, True),
    Case("2024年工作回顾。去年一季度经济开局良好", "2025-03-05", "去年一季度", "2024-Q1", None, True),
    # a statistical bulletin on 2012, published in 2013: comparisons are with 2011
    Case("2012年统计公报。娱乐教育价格与去年持平", "2013-03-20", "去年", "2011", None, True),
    Case("2012年统计公报。年末登记失业人员比上年末增加", "2013-03-20", "上年末", "2011", None, True),
    Case("2012年统计公报。年末登记失业人员比上年末增加", "2013-03-20", "年末", "2012", None, True),
    Case("2012年统计公报。存款余额比年初增加266亿元", "2013-03-20", "年初", "2012", None, True),
    # an ordinary news item: 去年 is the year before publication
    Case("去年10月，全市启动人才新政", "2020-06-01", "去年10月", "2019-10", None, True),
    Case("自去年以来，科技局系统抓顶层设计", "2020-06-01", "去年以来", "2019", None, True),
    Case("去年至今，创新引领是第一动力", "2020-06-01", "去年至今", "2019", None, True),
    Case("兑现金额较去年同期翻了一番", "2020-06-01", "去年同期", "2019", None, True),
    Case("今年以来，走访服务企业200余家", "2020-06-01", "今年以来", "2020", None, True),
    Case("提升退税便利度，今年底前压缩至5个工作日", "2020-07-22", "今年底", "2020", None, True),
    Case("明年将全面推开", "2020-07-22", "明年", "2021", None, True),
    Case("前年以来累计投入3亿元", "2020-07-22", "前年以来", "2018", None, True),
    Case("本月新增注册企业300家", "2020-07-22", "本月", "2020-07", None, True),
    Case("上月新增注册企业300家", "2020-01-15", "上月", "2019-12", None, True),
    Case("政府住房基金收入今年起转列", "2017-07-01", "今年起", "2017", None, True),
    # no publication date: relative to nothing
    Case("去年全市有效灌溉面积扩大", None, "去年", None, None, True),
    Case("去年兑现上一年度495家企业研发费用加计扣除", None, "上一年度", None, None, True),
    Case("比去年全年提高3.8个百分点", None, "去年全年", None, None, True),
]

NOT_DATES = [
    "近三年全市研发投入年均增长15%",
    "过去五年，我们攻坚克难",
    "今后五年，要坚持稳中求进",
    "五年来，全市科技创新成果丰硕",
    "一年来，面对外部压力加大的复杂形势",
    "隆重庆祝中华人民共和国成立70周年",
    "审批时间压缩至3个月",
    "完成“十三五”规划的主要目标",
    "完成全国生态环境十年变化（2000—2010年）调查评估",
    "扶贫标准提高到2300元（2010年不变价）",
    "60岁以上年龄段人口增加",
    "贯彻《中国制造2025》",
    # a decimal or a ratio that looks like a numeric date, with no byline label before it
    "两项指标分别为2023.05和2023/5/16",
    "电话0571-2023-05",
    "印发《2020年全市科技工作要点》",
    "同比增长11%，比同期提高0.9个百分点",
    "连续5年突破百亿斤",
    "阳春三月，万物复苏",
    "同年龄段人口增加",
]

GAPS = [
    # a plan part that names neither its year nor 今年 stays in the year the text reviews
    Case("2023年工作总结。收入增长16%。下一步，全年研发投入增长15%以上", "2024-01-20", "全年", "2024",
         None, True),
]
# fmt: on


def _check(case: Case) -> None:
    date = _the_date(case)
    assert date.value == case.value
    assert date.value_max == case.value_max
    assert date.relative == case.relative


@pytest.mark.parametrize("case", EXPLICIT, ids=[c.sentence for c in EXPLICIT])
def test_explicit_dates(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", YEARLESS, ids=[c.sentence for c in YEARLESS])
def test_yearless_dates_take_the_year_in_hand(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", RELATIVE, ids=[c.sentence for c in RELATIVE])
def test_relative_dates(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("sentence", NOT_DATES)
def test_not_dates(sentence: str) -> None:
    assert _dates(sentence, "2020-06-01") == []


@pytest.mark.parametrize("case", GAPS, ids=[c.sentence for c in GAPS])
@pytest.mark.xfail(strict=True, reason="known gap")
def test_known_gaps(case: Case) -> None:
    _check(case)


def test_target_year_does_not_become_the_year_in_hand() -> None:
    text = "2016年工作回顾。部署面向2030年的科技创新重大项目。全年资助学生8400万人次"
    [_, target, whole_year] = _dates(text, "2017-03-05")
    assert (target.value, whole_year.value) == ("2030", "2016")


def test_title_names_the_reported_year() -> None:
    article = parse("全年实现地区生产总值4000.5亿元", published="2013-03-20", title="2012年统计公报")
    assert [d.value for d in article.dates] == ["2012"]


def test_offsets_span_line_breaks() -> None:
    text = "四是加快部署。5\n月29日召开大会，去\n年至今成效明显"
    article = parse(text, published="2020-06-01", types=["date"])
    check_article(article)
    assert [(d.text, text[d.start : d.end]) for d in article.dates] == [
        ("5月29日", "5\n月29日"),
        ("去年至今", "去\n年至今"),
    ]


def test_date_words_are_loaded() -> None:
    words = date_words()
    assert words["上年"].anchor == "reported" and words["上年"].offset == -1
    assert words["去年"].anchor == "now" and words["去年"].head


def test_article_000_without_publication_date() -> None:
    article = parse(read_corpus_article("000"), doc_id="000", types=["date"])
    check_article(article)
    values = {d.text: d.value for d in article.dates}
    assert values["2月底"] == "2020-02"
    assert values["5月29日"] == "2020-05-29"
    assert values["去年10月"] is None  # relative to an unknown publication date


def test_work_report_2010_reviews_2009() -> None:
    published = corpus_dates()["014"]
    article = parse(read_corpus_article("014"), published=published, types=["date"])
    check_article(article)
    by_text: dict[str, set[str | None]] = {}
    for d in article.dates:
        by_text.setdefault(d.text, set()).add(d.value)
    assert by_text["上年"] == {"2008"}
    assert by_text["去年"] == {"2009"}
    assert by_text["全年"] == {"2009"}
    assert published == dt.date(2010, 3, 5)


_DATEISH = (
    "0123456789年月日号度初底末季上下半前全去今明本过的一二三四五六七八九十〇○以来至今起同期比较—-，。 \n"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_DATEISH, max_size=40), st.sampled_from([None, "2020-01-31", "2016-12-31"]))
def test_dates_never_raise_and_keep_invariants(text: str, published: str | None) -> None:
    article = parse(text, published=published, types=["date"])
    check_article(article)
    for d in article.dates:
        assert d.value is None or d.value[:4].isdigit()

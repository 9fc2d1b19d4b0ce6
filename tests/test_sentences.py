"""Sentence index: prose punctuation, headings before a blank line, one sentence a table row."""

from __future__ import annotations

import pytest

from govnews_extract import parse
from govnews_extract.normalize import normalize
from govnews_extract.sentences import sentence_index, sentence_starts

from .conftest import read_corpus_article


def sentences(text: str) -> list[str]:
    view = normalize(text)
    starts = sentence_starts(view)
    return [view.text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(view.text)], strict=True)]


# fmt: off
CASES = [
    ("增长10%。其中，工业增长9%！服务业增长11%",
     ["增长10%。", "其中,工业增长9%!", "服务业增长11%"]),
    ("“科技新政”落地。” 随后，发放3493.59万元",
     ["“科技新政”落地。”", "随后,发放3493.59万元"]),
    ("二、农业\n\n\n全年粮食总产量达650万吨。",
     ["二、农业", "全年粮食总产量达650万吨。"]),
    # a PDF break, even with a blank line, inside a long line's sentence is no boundary
    ("在2019年初召开的全市科技创新大会上，市委主要负责同志提出了发\n\n展目标和任务。",
     ["在2019年初召开的全市科技创新大会上,市委主要负责同志提出了发展目标和任务。"]),
    # a short line with a full stop in it is a paragraph tail, not a heading
    ("这是第一动力。”在2019年初的全市大会上发\n\n布了新的政策。",
     ["这是第一动力。”", "在2019年初的全市大会上发布了新的政策。"]),
    ("制定本规划。\u3000\u00a0 一、发展形势\u3000\u00a0 党中央高度重视。",
     ["制定本规划。", "一、发展形势", "党中央高度重视。"]),
    ("国内生产总值达到74.4\n\u200b\n万亿元，增长6.7%。",
     ["国内生产总值达到74.4万亿元,增长6.7%。"]),
    ("单位：亿元\n指标\n总量\n增长%\n工业\n50.1\n9.9\n建筑业\n8.5\n5.3\n\n全年财政收入263亿元。",
     ["单位:亿元", "指标", "总量", "增长%", "工业\n50.1\n9.9", "建筑业\n8.5\n5.3", "全年财政收入263亿元。"]),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_plain_text_input_keeps_working() -> None:
    starts = sentence_starts("增长10%。其中，工业增长9%！")
    assert starts == [0, 6]
    assert sentence_index(starts, 8) == 1


def test_a_table_figure_shares_its_sentence_with_its_growth_rate() -> None:
    text = read_corpus_article("001")
    article = parse(text, published="2013-03-20", types=["money", "percent"])
    by_text = {m.text: m for m in article.mentions if m.rule.startswith("table.")}
    assert by_text["4000.5"].sentence == by_text["10.0"].sentence
    assert by_text["153.6"].sentence == by_text["10.0"].sentence + 1

"""No pattern may backtrack catastrophically: parse time grows linearly with the input.

Each family repeats the worst case of one kind of pattern (long runs of digits, of 万, of
``1.``, of quotes, of qualifiers, of table cells ``1\\n`` …) to 20,000 and to 200,000
characters. The long text must parse in under 3 s of CPU time and in under 25 times the
time of the short one (linear growth gives 10). Every registered detector runs, so the
families keep their meaning as detectors are added; a failure names the slow detector.
"""

from __future__ import annotations

import gc
import time
from typing import NamedTuple

import pytest

from govnews_extract import parse
from govnews_extract.detect import Context
from govnews_extract.detect.registry import DETECTORS
from govnews_extract.normalize import normalize

SHORT, LONG = 20_000, 200_000
MAX_SECONDS, MAX_RATIO = 3.0, 25.0
FLOOR = 0.001  # seconds: below this the short run is timer noise


class Family(NamedTuple):
    name: str
    unit: str  # repeated to the wanted length


# fmt: off
FAMILIES = [
    Family("digits", "1"),
    Family("wan", "万"),
    Family("yi-wan", "亿万"),
    Family("one-dot", "1."),
    Family("decimals", "1.1"),
    Family("thousands", "1,"),
    Family("digit-space", "1 "),
    Family("table-cells", "1\n"),
    Family("quotes", "“”"),
    Family("open-quotes", "“"),
    Family("book-title", "《"),
    Family("brackets", "（"),
    Family("qualifiers", "约超近"),
    Family("qualifier-words", "超过不足以上左右"),
    Family("chinese-numerals", "三"),
    Family("chinese-place-units", "三千五百"),
    Family("financial-numerals", "壹佰"),
    Family("percent-signs", "%"),
    Family("percent-words", "百分之"),
    Family("ranges", "1-"),
    Family("years", "2020年"),
    Family("invisible", "\u200b \u3000"),
    Family("dense-percent", "1%"),
    Family("dense-money", "5万元"),
]
# fmt: on


def _repeat(unit: str, length: int) -> str:
    return (unit * (length // len(unit) + 1))[:length]


def _cpu_seconds(text: str, runs: int) -> float:
    """Best CPU time of ``runs`` parses (CPU, not wall: other jobs share the machine)."""
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        start = time.process_time()
        parse(text)
        best = min(best, time.process_time() - start)
    return best


def _breakdown(text: str) -> str:
    """CPU seconds per stage and per detector, to name the culprit when a family is slow."""
    start = time.process_time()
    view = normalize(text)
    parts = [f"normalize {time.process_time() - start:.2f}s"]
    for kind, find in DETECTORS.items():
        start = time.process_time()
        find(view, Context())
        parts.append(f"{kind} {time.process_time() - start:.2f}s")
    return ", ".join(parts)


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    parse("约3.5万亿元以上，增长1.5%；“十三五”《规划》2020年5月")  # load data files and compile patterns


@pytest.mark.parametrize("family", FAMILIES, ids=[f.name for f in FAMILIES])
def test_parse_time_is_linear(family: Family) -> None:
    short, long = _repeat(family.unit, SHORT), _repeat(family.unit, LONG)
    t_short = _cpu_seconds(short, runs=3)
    t_long = _cpu_seconds(long, runs=1)
    if t_long >= MAX_SECONDS or t_long >= MAX_RATIO * max(t_short, FLOOR):
        t_long = min(t_long, _cpu_seconds(long, runs=1))  # one retry absorbs a noisy neighbour
    stages = _breakdown(long) if t_long > 1 else ""
    detail = f"{family.name}: 20k {t_short:.3f}s, 200k {t_long:.3f}s ({stages})"
    assert t_long < MAX_SECONDS, detail
    assert t_long < MAX_RATIO * max(t_short, FLOOR), detail

from __future__ import annotations

import pytest

from govnews_extract.normalize import normalize

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
            assert original[pos] in (ch, chr(ord(ch) + 0xFEE0))

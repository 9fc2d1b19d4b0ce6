"""Numerals as printed (Arabic, Chinese, financial capitals, mixed) to exact Decimals.

These functions are pure and never raise on odd input: they return ``None``.

>>> parse_number("3,493.59")
Decimal('3493.59')
>>> parse_number("三千五百万")
Decimal('35000000')
>>> parse_number("2千零30万")
Decimal('20300000')
>>> parse_number("1.2万亿")
Decimal('1200000000000')
>>> parse_number("二〇二〇")
Decimal('2020')
>>> parse_number("百")
Decimal('100')
"""

from __future__ import annotations

import functools
from decimal import Context, Decimal, Inexact, InvalidOperation, localcontext

import regex

DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "Ｏ": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "两": 2, "贰": 2, "貳": 2,
    "三": 3, "叁": 3, "参": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS: dict[str, int] = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
ZEROS = frozenset("零〇○")

# One token of a numeral: an Arabic number, a Chinese digit, or a unit character.
_TOKEN_RE = regex.compile(r"\d+(?:\.\d+)?|\.\d+|[^\d]")
_THOUSANDS_RE = regex.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_PLAIN_ARABIC_RE = regex.compile(r"\d*\.?\d+")  # compiled once: regex's own cache lookup is slow
# Arithmetic on numerals must be exact: a result that needs rounding (more than 28
# significant digits, as in a run of 40 digits or 1亿亿亿亿亿) is no figure; it is dropped.
_EXACT = Context(prec=28, traps=[Inexact, InvalidOperation])


def tidy(value: Decimal) -> Decimal:
    """Drop trailing fractional zeros without switching to exponent notation.

    >>> tidy(Decimal("34935900.00")), tidy(Decimal("1.50"))
    (Decimal('34935900'), Decimal('1.5'))
    """
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def _arabic(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _digit_string(text: str) -> Decimal | None:
    """Digit-by-digit readings such as 二〇二〇 (years, codes)."""
    if len(text) > 1 and all(ch in DIGITS for ch in text):
        return Decimal("".join(str(DIGITS[ch]) for ch in text))
    return None


def _positional(text: str) -> Decimal | None:
    """Numerals with place units: 三千五百万, 2千零30万, 1.2万亿, 十二, 百."""
    total = Decimal(0)
    section = Decimal(0)
    number: Decimal | None = None
    for token in _TOKEN_RE.findall(text):
        if token in ZEROS:
            continue
        if token in DIGITS:
            number = Decimal(DIGITS[token])
        elif token[0].isdigit() or token[0] == ".":
            number = Decimal(token)
        elif token in SMALL_UNITS:
            section += (number if number is not None else Decimal(1)) * SMALL_UNITS[token]
            number = None
        elif token in BIG_UNITS:
            scale = BIG_UNITS[token]
            chunk = section + (number if number is not None else Decimal(0))
            if chunk == 0:
                chunk = Decimal(1) if total == 0 else Decimal(0)
            if scale == 10**8:
                total, section = (total + chunk) * scale, Decimal(0)
            else:
                section = chunk * scale
            number = None
        else:
            return None
    return total + section + (number if number is not None else Decimal(0))


@functools.lru_cache(maxsize=4096)  # the same figures recur; a Decimal never changes
def parse_number(text: str) -> Decimal | None:
    """The value of a numeral as printed, or ``None`` when it is not one.

    >>> parse_number("-0.9"), parse_number("十二"), parse_number("叁佰"), parse_number("亿")
    (Decimal('-0.9'), Decimal('12'), Decimal('300'), Decimal('100000000'))
    >>> parse_number("abc") is None, parse_number("9" * 40) is None
    (True, True)
    """
    text = text.strip()
    if not text:
        return None
    sign = Decimal(1)
    if text[0] in "+-−－":
        sign = Decimal(-1) if text[0] != "+" else Decimal(1)
        text = text[1:]
    if not text:
        return None
    if "," in text:
        text = _THOUSANDS_RE.sub("", text)
    try:
        with localcontext(_EXACT):
            value = _arabic(text) if _PLAIN_ARABIC_RE.fullmatch(text) else None
            if value is None:
                value = _digit_string(text)
            if value is None:
                value = _positional(text)
            return tidy(sign * value) if value is not None else None
    except (Inexact, InvalidOperation):
        return None


def scale_of(multiplier: str) -> int:
    """The integer factor of a run of 万/亿 characters: ``万亿`` → 10**12.

    >>> scale_of("万亿"), scale_of("")
    (1000000000000, 1)
    """
    factor = 1
    for ch in multiplier:
        factor *= BIG_UNITS.get(ch, SMALL_UNITS.get(ch, 1))
    return factor

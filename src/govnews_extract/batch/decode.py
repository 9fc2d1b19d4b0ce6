"""Bytes → text: BOMs, strict UTF-8, UTF-16 without BOM, then charset-normalizer (GB18030, Big5, …).

Returns the text and the warnings to attach to the Article; raises :class:`DecodeError` when the
bytes are not text at all (binary) or no encoding fits.

>>> decode("青山市科技局发放创新券".encode("gb18030") * 3)
('青山市科技局发放创新券青山市科技局发放创新券青山市科技局发放创新券', [])
>>> decode("资金3000万元".encode("utf-8")[:-1])
('资金3000万�', ['1 undecodable byte sequence(s) replaced with U+FFFD (utf-8)'])
"""

from __future__ import annotations

import codecs

import regex
from charset_normalizer import from_bytes

from ..errors import GovnewsError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# The encodings Chinese government text comes in; charset-normalizer picks among them.
CANDIDATES = ["utf_8", "gb18030", "big5", "utf_16_le", "utf_16_be"]
# Characters Chinese text is made of: ASCII and Latin-1, Greek, Cyrillic, punctuation and symbols
# (U+2000–U+33FF: ①, Ⅳ, ℃, ×, 、。《》 and kana), CJK ideographs, compatibility and full-width forms.
_PLAUSIBLE = regex.compile(
    r"[\t\n\r\x20-\x7e\u00a0-\u00ff\u0370-\u04ff\u2000-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
    r"\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0002fa1f]"
)
# At most this share of bytes may be replaced before a document counts as undecodable.
_MAX_REPLACED = 0.01


class DecodeError(GovnewsError):
    """The bytes are binary or in no encoding we can read."""


def decode(data: bytes) -> tuple[str, list[str]]:
    """Decode one document; see the module docstring."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text, warnings = _lenient(data, encoding)
            if not _looks_chinese(text.replace("\ufffd", "")):
                raise DecodeError(f"undecodable: starts with a {encoding} byte-order mark but is not text")
            return text, warnings
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16, []
    if _looks_binary(data):
        raise DecodeError("binary content, not text")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=CANDIDATES).best()
    if best is not None and best.encoding != "utf_8" and _looks_chinese(str(best)):
        return str(best), []
    for encoding in ("gb18030", "big5"):  # what charset-normalizer found too messy, if it decodes cleanly
        strict = _strict(data, encoding)
        if strict is not None and _looks_chinese(strict):
            return strict, []
    text, warnings = _lenient(data, "utf-8")
    if text.count("\ufffd") > max(1, _MAX_REPLACED * len(data)):
        raise DecodeError("undecodable: not UTF-8, UTF-16, GB18030/GBK or Big5 text")
    return text, warnings


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _looks_chinese(text: str) -> bool:
    """Mostly CJK, ASCII, Latin/Greek/Cyrillic and the symbols GB2312/Big5 carry; no
    noncharacters or private use: a decoding that produces this is not mojibake.

    >>> _looks_chinese("长江流域（108个）由Ⅳ类升为Ⅲ类，温度25℃"), _looks_chinese("胿肀\uffff샿삁\ufffe")
    (True, False)
    """
    if regex.search(r"[\ue000-\uf8ff\ufffe\uffff\ufdd0-\ufdef\p{Cs}]", text):
        return False
    plausible = len(regex.findall(_PLAUSIBLE, text))
    return plausible >= 0.9 * len(text)


def _lenient(data: bytes, encoding: str) -> tuple[str, list[str]]:
    """Decode with replacement and say how many bytes were lost."""
    text = data.decode(encoding, errors="replace")
    bad = text.count("\ufffd") - data.decode(encoding, errors="ignore").count("\ufffd")
    name = encoding.removesuffix("-sig")
    return text, [f"{bad} undecodable byte sequence(s) replaced with U+FFFD ({name})"] if bad else []


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text has a NUL in every other byte of its ASCII; Chinese text rarely any."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    for encoding, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros and zeros >= len(data) // 8 and other == 0:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return None if _looks_binary(text.encode("utf-8")) else text
    return None


def _looks_binary(data: bytes) -> bool:
    """NUL bytes or many C0 control characters: no text encoding we read produces those."""
    sample = data[:65536]
    controls = sum(sample.count(bytes([c])) for c in range(32) if c not in (9, 10, 12, 13, 27))
    return b"\x00" in sample or controls > len(sample) * 0.05

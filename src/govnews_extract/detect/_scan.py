"""Run a detector's pattern only where a match can start: the same matches, found faster.

A pattern such as the percent one is tried by ``finditer`` at every character of the text,
and each try costs its alternations and lookbehinds. But every match holds a *trigger*
(``%``, 分, 成; a currency word) after a stretch of figure characters (digits, Chinese
numerals, range marks). A *zone* is such a stretch ending in a trigger; one cheap scan
finds them all, and the pattern is tried only at the characters of the zones.

>>> import regex
>>> zones = regex.compile(r"\\d*%")
>>> [m[0] for m in finditer_in_zones(regex.compile(r"(?<![\\d.])\\d+%"), "增长12%，高出3%", zones)]
['12%', '3%']
"""

from __future__ import annotations

from collections.abc import Iterator

import regex


def finditer_in_zones(
    pattern: regex.Pattern[str], text: str, zones: regex.Pattern[str]
) -> Iterator[regex.Match[str]]:
    """``pattern.finditer(text)``, trying ``pattern`` only at the characters of ``zones``' matches.

    The result is the same when every match of ``pattern`` is non-empty and starts at a
    position where ``zones`` matches (each zone's scan then reaches it: see the module
    docstring). A try at ``s`` is ``pattern.match(text, s)``, which sees the text before
    ``s`` for its lookbehinds as a search does.
    """
    pos = 0
    for zone in zones.finditer(text):
        start, end = max(zone.start(), pos), zone.end()
        while start < end:
            m = pattern.match(text, start)
            if m is None:
                start += 1
                continue
            yield m
            pos = start = max(m.end(), start + 1)

"""Output records: the contract of ``shared/spec/SCHEMA.md`` as frozen pydantic models.

Every numeric value is a :class:`~decimal.Decimal` in base units (万 and 亿 multiplied
out) and is written to JSON as a string, so nothing is lost to floating point.

>>> from decimal import Decimal
>>> m = Money(start=0, end=9, text="3493.59万元", sentence=0, rule="money.unit",
...           value=Decimal("34935900"), unit="万元")
>>> m.model_dump(mode="json")["value"]
'34935900'
"""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic_core import PydanticSerializationError

Approx = Literal["about", "more_than", "at_least", "less_than", "at_most"]
PercentUnit = Literal["percent", "percentage_point", "permille"]
ProgrammeKind = Literal["document", "plan", "campaign", "policy", "other"]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    def model_dump_json(
        self, *, indent: int | None = None, ensure_ascii: bool = False, **options: Any
    ) -> str:
        """pydantic's JSON, except that a lone surrogate is written as its ``\\uXXXX`` escape.

        Text read with ``errors="surrogateescape"``, or cut from UTF-16 in the middle of a
        pair, can hold lone surrogates (``\\ud800``); pydantic refuses to write them. JSON
        can carry them as escapes, and ``json.loads`` reads the same string back, except that
        a high surrogate directly followed by a low one reads back as the one character the
        pair encodes (a JSON escape cannot tell the two apart). Everything else is written
        exactly as pydantic writes it.

        >>> m = Percent(start=0, end=4, text="\\udfff10%", sentence=0, value=Decimal(10))
        >>> m.model_dump_json()
        '{"start":0,"end":4,"text":"\\\\udfff10%","sentence":0,"rule":"","value":"10",...}'
        >>> json.loads(m.model_dump_json()) == m.model_dump(mode="json")
        True
        """
        try:
            return super().model_dump_json(indent=indent, ensure_ascii=ensure_ascii, **options)
        except PydanticSerializationError:
            data = self.model_dump(mode="json", **options)
            if _SURROGATE_RE.search(json.dumps(data, ensure_ascii=False)) is None:
                raise  # not a lone surrogate
            return _write_json(data, indent=indent, ensure_ascii=ensure_ascii)


_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_ESCAPED_DEL_RE = re.compile(r"(?<!\\)((?:\\\\)*)\\u007f")  # an escape, not an escaped backslash + u007f


def _write_json(data: Any, *, indent: int | None, ensure_ascii: bool) -> str:
    """``model_dump(mode="json")`` output written as pydantic writes JSON, lone surrogates escaped."""
    separators = (",", ":") if indent is None else (",", ": ")
    if ensure_ascii:  # the json module escapes every non-ASCII character, surrogates included,
        # and DEL, which pydantic writes as it is
        text = json.dumps(data, indent=indent, ensure_ascii=True, separators=separators)
        return _ESCAPED_DEL_RE.sub(lambda m: m[1] + "\x7f", text)
    text = json.dumps(data, indent=indent, ensure_ascii=False, separators=separators)
    return _SURROGATE_RE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


class _Mention(_Record):
    """Fields every mention shares; offsets point into the ORIGINAL ``Article.text``."""

    start: int = Field(ge=0, description="code-point offset of the first character in Article.text")
    end: int = Field(ge=0, description="code-point offset one past the last character")
    text: str = Field(description="the printed mention with layout whitespace removed")
    sentence: int = Field(ge=0, description="index of the sentence the mention stands in")
    rule: str = Field(default="", description="stable dotted id of the rule that matched")


class _Amount(_Mention):
    value: Decimal | None = Field(description="value in base units; null when not resolvable")
    value_max: Decimal | None = Field(default=None, description="upper end of a range")
    approx: Approx | None = Field(default=None, description="qualifier such as 约/超/以上")


class Money(_Amount):
    """An amount of money: ``3493.59万元`` → value 34935900, currency CNY."""

    type: Literal["money"] = "money"
    currency: str = Field(default="CNY", description="ISO 4217 code")
    unit: str = Field(default="元", description="the unit as printed, e.g. 万元, 亿美元")


class Percent(_Amount):
    """A percentage, percentage-point change or per-mille figure."""

    type: Literal["percent"] = "percent"
    unit: PercentUnit = "percent"


class Multiple(_Mention):
    """A ratio stated as a multiple: ``翻一番`` → value 1, factor 2."""

    type: Literal["multiple"] = "multiple"
    value: Decimal | None
    factor: Decimal | None = Field(description="final ÷ base")
    approx: Approx | None = None


class Count(_Amount):
    """A number of discrete things: ``495家企业`` → value 495, classifier 家, counted 企业."""

    type: Literal["count"] = "count"
    classifier: str | None = None
    counted: str | None = None


class Quantity(_Amount):
    """A physical measure: ``200平方`` → value 200, unit 平方米."""

    type: Literal["quantity"] = "quantity"
    unit: str


class Date(_Mention):
    """A date or period as an ISO-like partial string: ``2020``, ``2020-05-29``, ``2020-Q1``."""

    type: Literal["date"] = "date"
    value: str | None
    value_max: str | None = None
    relative: bool = False


class Programme(_Mention):
    """A named plan, policy, campaign, project or document."""

    type: Literal["programme"] = "programme"
    name: str
    kind: ProgrammeKind = "other"


class Org(_Mention):
    """An organisation as printed (abbreviations included)."""

    type: Literal["org"] = "org"
    name: str


class Place(_Mention):
    """A named place; ``full_name``/``province`` when the gazetteer resolves it."""

    type: Literal["place"] = "place"
    name: str
    full_name: str | None = None
    province: str | None = None


class Person(_Mention):
    """A person's name with the post printed next to it, if any."""

    type: Literal["person"] = "person"
    name: str
    title: str | None = None


Mention = Annotated[
    Money | Percent | Multiple | Count | Quantity | Date | Programme | Org | Place | Person,
    Field(discriminator="type"),
]
MentionType = Literal[
    "money", "percent", "multiple", "count", "quantity", "date", "programme", "org", "place", "person"
]
NUMERIC_TYPES: tuple[MentionType, ...] = ("money", "percent", "multiple", "count", "quantity", "date")
ALL_TYPES: tuple[MentionType, ...] = (*NUMERIC_TYPES, "programme", "org", "place", "person")


class Article(_Record):
    """One input document and everything extracted from it."""

    doc_id: str
    text: str = Field(description="the input exactly as received")
    published: dt.date | None = None
    title: str | None = None
    mentions: list[Mention] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    def of_type(self, kind: MentionType) -> list[Mention]:
        """Mentions of one type, in text order."""
        return [m for m in self.mentions if m.type == kind]

    @property
    def money(self) -> list[Money]:
        return [m for m in self.mentions if isinstance(m, Money)]

    @property
    def percentages(self) -> list[Percent]:
        return [m for m in self.mentions if isinstance(m, Percent)]

    @property
    def counts(self) -> list[Count]:
        return [m for m in self.mentions if isinstance(m, Count)]

    @property
    def dates(self) -> list[Date]:
        return [m for m in self.mentions if isinstance(m, Date)]

"""MkDocs hook: the output reference is generated from the pydantic models at build time.

A page writes ``<!-- fields: Money -->`` where the field table of ``Money`` belongs and
``<!-- json-schema -->`` where the JSON Schema of ``Article`` belongs; the hook replaces them.
The same schema is published as ``reference/article.schema.json``. So the reference cannot
drift from the code, and ``tests/test_docs.py`` checks that every field has a description.
"""

from __future__ import annotations

import json
import re
import types
import typing
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, TypeAdapter
from pydantic_core import to_jsonable_python

from govnews_extract import models

SCHEMA_FILE = "reference/article.schema.json"

# Meanings for fields whose model gives no ``description`` (from shared/spec/SCHEMA.md).
# A model's own description wins; a field with neither fails tests/test_docs.py.
FALLBACK = {
    "type": "the mention type; the discriminator of the `Mention` union",
    "Article.doc_id": "the caller's id, or a stable hash of the text when none is given",
    "Article.published": "publication date, if given; anchors relative dates such as 去年",
    "Article.title": "the title, if given",
    "Article.mentions": "every extracted mention, ordered by `start`",
    "Article.warnings": "non-fatal problems, e.g. undecodable bytes replaced",
    "Multiple.value": "the number as stated: 翻两番 → 2, 增长2倍 → 2",
    "Multiple.approx": "qualifier such as 约/超/以上, or null",
    "Count.classifier": "the measure word: 家, 个, 项, 名, 大 in 五大行动 …",
    "Count.counted": "the noun phrase that follows (企业), or null",
    "Quantity.unit": "the physical unit, normalised: 平方米 for 平方/平米/㎡, 亩, 公顷, 吨 …",
    "Date.value": "ISO-like partial date (2020, 2020-05, 2020-05-29, 2020-Q1, 2020-H1); null if unresolved",
    "Date.value_max": "the end of a range (2020年1-11月 → 2020-11), or null",
    "Date.relative": "true for expressions such as 去年, 今年以来, resolved against `published`",
    "Programme.name": "the name without quote marks or 《》",
    "Programme.kind": "document, plan, campaign, policy or other",
    "Org.name": "the organisation as printed, abbreviations included",
    "Place.name": "the place as printed",
    "Place.full_name": "the official name when the gazetteer resolves it (丽水 → 丽水市)",
    "Place.province": "the province when the gazetteer resolves it",
    "Person.name": "the person's name",
    "Person.title": "the post printed next to the name (市委书记), or null",
    "Percent.unit": "percent, percentage_point (百分点) or permille (‰)",
}


def record_models() -> dict[str, type[BaseModel]]:
    """Article and every mention model, by class name."""
    found: dict[str, type[BaseModel]] = {"Article": models.Article}
    for arm in typing.get_args(typing.get_args(models.Mention)[0]):
        found[arm.__name__] = arm
    return found


def type_name(annotation: Any) -> str:
    """A reader's name for a field type: ``Decimal | None`` → ``Decimal or null``."""
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return " \\| ".join(f'`"{a}"`' for a in typing.get_args(annotation))
    if origin in (typing.Union, types.UnionType):
        return " or ".join(type_name(a) for a in typing.get_args(annotation))
    if origin is list:
        return f"list of {type_name(typing.get_args(annotation)[0])}"
    if origin is typing.Annotated:
        return "Mention"
    if annotation is type(None):
        return "null"
    if annotation is Decimal:
        return "Decimal (JSON: string)"
    if annotation is typing.Any:
        return "any"
    name = getattr(annotation, "__name__", str(annotation))
    return {"date": "date (JSON: YYYY-MM-DD)"}.get(name, name)


def _json(value: Any) -> str:
    """A default as it reads in JSON: ``null``, ``"CNY"``, ``[]``."""
    return json.dumps(to_jsonable_python(value), ensure_ascii=False)


def describe(model: type[BaseModel], field: str) -> str | None:
    info = model.model_fields[field]
    return info.description or FALLBACK.get(f"{model.__name__}.{field}") or FALLBACK.get(field)


def field_table(name: str) -> str:
    """The Markdown table of one model's fields."""
    model = record_models()[name]
    rows = ["| field | type | default | meaning |", "|---|---|---|---|"]
    for field, info in model.model_fields.items():
        default = (
            "required" if info.is_required() else f"`{_json(info.get_default(call_default_factory=True))}`"
        )
        meaning = (describe(model, field) or "").replace("|", "\\|")
        rows.append(f"| `{field}` | {type_name(info.annotation)} | {default} | {meaning} |")
    return "\n".join(rows)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of an Article as the CLI and the batch JSONL write it."""
    return TypeAdapter(models.Article).json_schema(mode="serialization")


_FIELDS_RE = re.compile(r"<!--\s*fields:\s*(\w+)\s*-->")
_SCHEMA_RE = re.compile(r"^(?P<indent>[ \t]*)<!--\s*json-schema\s*-->", re.MULTILINE)


def _schema_block(indent: str) -> str:
    lines = ["```json", *json.dumps(json_schema(), ensure_ascii=False, indent=2).splitlines(), "```"]
    return "\n".join(indent + line for line in lines)


def render(markdown: str) -> str:
    """Replace the placeholders of one page."""
    markdown = _FIELDS_RE.sub(lambda m: field_table(m[1]), markdown)
    return _SCHEMA_RE.sub(lambda m: _schema_block(m["indent"]), markdown)


# --- MkDocs event handlers -------------------------------------------------------------


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    return render(markdown)


def on_files(files: Any, config: Any, **kwargs: Any) -> Any:
    from mkdocs.structure.files import File

    content = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    files.append(File.generated(config, SCHEMA_FILE, content=content))
    return files

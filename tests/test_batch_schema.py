"""The shipped schema covers the output contract, in every dialect; the docs cover every option."""

from __future__ import annotations

import re
import sqlite3

import pytest

from govnews_extract.batch.cli import batch_command
from govnews_extract.batch.schema import column_names, columns, schema_sql, statements

from .conftest import ROOT

# fmt: off
SCHEMA_MD_FIELDS = [  # shared/spec/SCHEMA.md, per mention type (date values get their own columns)
    "type", "start", "end", "text", "sentence", "value", "value_max", "approx", "currency", "unit",
    "factor", "classifier", "counted", "date_value", "date_value_max", "relative", "name", "kind",
    "full_name", "province", "title",
]
# fmt: on


@pytest.mark.parametrize("field", SCHEMA_MD_FIELDS)
def test_every_contract_field_has_a_column(field: str) -> None:
    assert field in column_names("mentions")


def test_decimal_columns_are_numeric_in_postgres_and_text_elsewhere() -> None:
    numeric = [name for name, kind in columns("mentions") if kind == "NUMERIC"]
    assert numeric == ["value", "value_max", "factor"]
    ddl = {dialect: "\n".join(statements(dialect)) for dialect in ("postgres", "sqlite", "duckdb")}
    assert "NUMERIC" not in ddl["sqlite"] and "NUMERIC" not in ddl["duckdb"]
    assert "value           VARCHAR" in ddl["duckdb"] and "value           NUMERIC" in ddl["postgres"]
    assert not re.search(r"REAL|FLOAT|DOUBLE", schema_sql("postgres").upper())


def test_sqlite_accepts_the_schema_and_keeps_decimal_strings() -> None:
    con = sqlite3.connect(":memory:")
    for statement in statements("sqlite"):
        con.execute(statement)
    con.execute(
        'INSERT INTO mentions (doc_id, idx, type, start, "end", text, sentence, rule, value) '
        "VALUES ('a', 0, 'money', 0, 5, '1.20亿元', 0, 'r', '120000000.0')"
    )
    assert con.execute("SELECT value, typeof(value) FROM mentions").fetchone() == ("120000000.0", "text")


def test_docs_describe_every_batch_option() -> None:
    docs = (ROOT / "docs" / "batch.md").read_text(encoding="utf-8")
    options = [opt for param in batch_command.params for opt in param.opts if opt.startswith("--")]
    assert options and [o for o in options if o not in docs] == []
    for table in ("articles", "mentions"):
        assert [c for c in column_names(table) if not re.search(rf"`{c}`", docs)] == []

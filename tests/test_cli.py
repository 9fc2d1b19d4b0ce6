from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from govnews_extract.cli import main


def test_parse_command_prints_one_article_per_file(fixture_articles: list[Path]) -> None:
    result = CliRunner().invoke(main, ["parse", *map(str, fixture_articles), "--published", "2021-03-02"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["doc_id"] for r in rows] == [p.stem for p in fixture_articles]
    assert rows[0]["published"] == "2021-03-02"
    assert any(m["type"] == "money" for m in rows[0]["mentions"])


def test_parse_command_json_format(fixture_articles: list[Path]) -> None:
    result = CliRunner().invoke(main, ["parse", str(fixture_articles[0]), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert isinstance(json.loads(result.output), list)

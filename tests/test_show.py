"""``govnews-extract show``: the page renders and a real headless browser shows the highlights."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from govnews_extract.cli import main

SAMPLE = "市委书记胡海峰到丽水市科技局调研，研发经费32.5亿元，同比增长57.1%，实施“雏鹰计划”。"


def _browser() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def test_show_writes_a_page(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(SAMPLE, encoding="utf-8")
    out = tmp_path / "view.html"
    result = CliRunner().invoke(main, ["show", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    for label in (
        "money 3250000000 CNY",
        "percent 57.1 percent",
        "org 丽水市科技局",
        "person 胡海峰 市委书记",
    ):
        assert label in html


def test_headless_browser_shows_the_highlights(tmp_path: Path) -> None:
    browser = _browser()
    if browser is None:
        pytest.skip("no Chromium on this machine (.ci/run installs it)")
    src = tmp_path / "a.txt"
    src.write_text(SAMPLE, encoding="utf-8")
    out = tmp_path / "view.html"
    assert CliRunner().invoke(main, ["show", str(src), "-o", str(out)]).exit_code == 0
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--dump-dom",
    ]
    dom = subprocess.run(
        [browser, *flags, out.as_uri()], capture_output=True, text=True, timeout=120, check=True
    ).stdout
    assert 'class="spans"' in dom
    for label in ("money 3250000000 CNY", "programme 雏鹰计划", "org 丽水市科技局", "person 胡海峰 市委书记"):
        assert label in dom

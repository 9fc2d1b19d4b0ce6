"""The benchmark scripts still run (a smoke test on the fixtures; the numbers are not checked)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from .conftest import ROOT


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_throughput_runs_on_fixtures_without_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    throughput = _load("throughput")
    monkeypatch.setattr(throughput, "pin_to_one_core", lambda: "not pinned (test)")
    out = tmp_path / "bench.json"
    options = ["--corpus", str(tmp_path), "--seconds", "0", "--no-jionlp", "--json", str(out)]
    assert throughput.main(options) == 0
    printed = capsys.readouterr().out
    assert "no corpus at" in printed and "characters / CPU-second" in printed and "peak RSS" in printed
    assert out.read_text(encoding="utf-8").startswith("{")

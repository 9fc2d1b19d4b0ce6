"""The benchmark scripts still run (a smoke test on the fixtures; the numbers are not checked)."""

from __future__ import annotations

import importlib.util
import shutil
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


def test_snapshot_is_the_same_twice(tmp_path: Path) -> None:
    # The equivalence check of speed work compares two snapshots: parse() and the mangled
    # windows must be deterministic for the comparison to mean anything.
    snapshot = _load("snapshot")
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    for out in (first, second):
        assert snapshot.main([str(out), "--corpus", str(tmp_path), "--mangled", "5"]) == 0
    lines = first.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 * (len(list((ROOT / "fixtures" / "articles").glob("*.txt"))) + 5)
    assert first.read_bytes() == second.read_bytes()


def test_compare_runs_against_the_checked_out_revision(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs a git checkout")
    compare = _load("compare")
    monkeypatch.setattr(compare, "pin_to_one_core", lambda: None)
    assert compare.main(["HEAD", "--corpus", str(tmp_path), "--rounds", "1"]) == 0
    printed = capsys.readouterr().out
    assert "base time / new time" in printed and "characters / CPU-second" in printed

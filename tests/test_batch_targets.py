"""Batch targets: every target holds the same rows; reruns upsert; a SIGKILLed run resumes exactly."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from govnews_extract.batch import run
from govnews_extract.batch.inputs import count_documents
from govnews_extract.batch.progress import Progress
from govnews_extract.batch.schema import columns
from govnews_extract.cli import main

from .batch_support import read_rows, reset_postgres, write_archive
from .conftest import FIXTURES, ROOT

PG_DSN = os.environ.get("GOVNEWS_TEST_POSTGRES_DSN")
needs_pg = pytest.mark.skipif(
    not PG_DSN, reason="GOVNEWS_TEST_POSTGRES_DSN not set (.ci/run starts a server)"
)


def _target(kind: str, tmp: Path, name: str = "out") -> str:
    if kind == "postgres":
        assert PG_DSN
        return reset_postgres(PG_DSN, name)
    if kind in ("duckdb", "parquet"):
        pytest.importorskip("duckdb" if kind == "duckdb" else "pyarrow")
    return str(
        tmp
        / {"sqlite": f"{name}.sqlite", "duckdb": f"{name}.duckdb", "jsonl": f"{name}.jsonl"}.get(kind, name)
    )


TARGETS = ["sqlite", "duckdb", "parquet", "jsonl", pytest.param("postgres", marks=needs_pg)]


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("archive")
    write_archive(root, 48)
    (root / "broken.txt").write_bytes(b"\x00\xff" * 30 + b"\x01")
    return root


@pytest.fixture(scope="module")
def reference(archive: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[list, list]:  # type: ignore[type-arg]
    out = str(tmp_path_factory.mktemp("ref") / "ref.sqlite")
    summary = run([archive, FIXTURES], out, workers=1)
    assert summary.adds_up and summary.failed == 1 and summary.ok == 48 + count_documents([FIXTURES])
    return read_rows(out)


@pytest.mark.parametrize("kind", TARGETS)
def test_every_target_holds_the_reference_rows(
    kind: str, archive: Path, reference: tuple, tmp_path: Path
) -> None:  # type: ignore[type-arg]
    target = _target(kind, tmp_path)
    run([archive, FIXTURES], target, workers=2, batch_size=8)
    articles, mentions = read_rows(target)
    assert len(articles) == 49 + count_documents([FIXTURES]) and len(mentions) > 300
    assert (articles, mentions) == reference


def test_decimals_are_exact_in_sqlite(reference: tuple) -> None:  # type: ignore[type-arg]
    names = [n for n, _ in columns("mentions")]
    values = [m[names.index("value")] for m in reference[1] if m[names.index("value")] is not None]
    assert values and all(isinstance(v, str) for v in values)
    assert "4680000000" in values  # 46.8亿元 in the qingshan fixture


@needs_pg
def test_postgres_stores_numeric(archive: Path) -> None:
    import psycopg

    assert PG_DSN
    dsn = reset_postgres(PG_DSN, "numeric")
    run([FIXTURES], dsn, workers=1)
    with psycopg.connect(dsn) as con:
        kinds = dict(
            con.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = 'test_numeric'"
            ).fetchall()
        )
        [total] = con.execute("SELECT sum(value) FROM mentions WHERE type = 'money'").fetchone()
        texts = [
            r[0] for r in con.execute("SELECT value::text FROM mentions WHERE type = 'money'").fetchall()
        ]
    assert kinds["value"] == "numeric" and kinds["published"] == "date"
    assert isinstance(total, Decimal) and total == sum(Decimal(t) for t in texts) > 0


@pytest.mark.parametrize("kind", TARGETS)
def test_rerun_upserts_and_skips_unchanged(kind: str, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    write_archive(src, 16, seed=3)
    target = _target(kind, tmp_path)
    first = run([src], target, workers=1)
    again = run([src], target, workers=1)
    assert (again.unchanged, again.ok, again.failed) == (first.documents, 0, 0)
    before = read_rows(target)
    changed = next((src / "txt").glob("*.txt"))
    changed.write_text("改写后：下达资金888万元，增长9.5%。", encoding="utf-8")
    third = run([src], target, workers=1)
    assert (third.ok, third.unchanged) == (1, first.documents - 1)
    articles, mentions = read_rows(target)
    assert len(articles) == len(before[0])
    mine = [m for m in mentions if m[0] == f"txt/{changed.name}"]
    assert [m[5] for m in mine] == ["888万元", "9.5%"]
    redo = run([src], target, workers=1, redo=True)
    assert redo.ok == first.documents and read_rows(target) == (articles, mentions)


def _count(kind: str, target: str) -> int:
    """How many documents a running batch has committed so far."""
    if kind == "sqlite":
        if not Path(target).exists():
            return 0
        try:
            with sqlite3.connect(target) as con:
                return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
        except sqlite3.OperationalError:
            return 0
    if kind == "jsonl":
        return Path(target).read_bytes().count(b"\n") if Path(target).exists() else 0
    if kind == "postgres":
        return _count_postgres(target)
    if kind == "duckdb":  # the writer holds the file lock; the WAL grows past the DDL's 2 KB on commits
        wal = Path(target + ".wal")
        return int(wal.exists() and wal.stat().st_size > 16384)
    parts = Path(target) / "articles"
    return len(list(parts.glob("part-*"))) if parts.exists() else 0


def _count_postgres(dsn: str) -> int:
    import psycopg

    with psycopg.connect(dsn) as con:
        [exists] = con.execute("SELECT to_regclass('articles') IS NOT NULL").fetchone() or [False]
        return int(con.execute("SELECT count(*) FROM articles").fetchone()[0]) if exists else 0  # type: ignore[index]


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-c", "from govnews_extract.cli import main; main()", "batch", *args]


def _kill_part_way(command: list[str], committed: Callable[[], int]) -> None:
    """Start the batch, SIGKILL it (workers included) as soon as it has committed something."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen(command, env=env, start_new_session=True, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while committed() == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def _stored_documents(kind: str, target: str) -> int:
    if kind == "jsonl":  # whole lines only: the torn last one is cut on the next open
        return Path(target).read_bytes().count(b"\n")
    return len(read_rows(target)[0])


KILLABLE = ["sqlite", "duckdb", "jsonl", "parquet", pytest.param("postgres", marks=needs_pg)]


@pytest.mark.parametrize("kind", KILLABLE)
def test_sigkill_part_way_then_rerun_equals_a_clean_run(kind: str, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    total = write_archive(src, 400, seed=11)
    target, clean = _target(kind, tmp_path, "killed"), _target(kind, tmp_path, "clean")
    args = ["--workers", "2", "--batch-size", "4", "--quiet"]
    _kill_part_way(_cli(str(src), "--out", target, *args), lambda: _count(kind, target))
    at_kill = _stored_documents(kind, target)
    assert 0 < at_kill < total, "the run was not killed part-way"
    resumed = subprocess.run(
        _cli(str(src), "--out", target, *args),
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        capture_output=True,
        text=True,
        check=True,
    )
    assert f"{at_kill} already stored" in resumed.stdout
    run([src], clean, workers=1)
    assert read_rows(target) == read_rows(clean)
    assert len(read_rows(target)[0]) == total


def test_cli_default_target_on_the_fixtures(tmp_path: Path) -> None:
    out = tmp_path / "results.sqlite"
    result = CliRunner().invoke(main, ["batch", str(FIXTURES), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    n = len(list(FIXTURES.rglob("*.txt"))) + len(list(FIXTURES.rglob("*.html"))) + 3  # 3 JSONL records
    assert f"{n} documents in: {n} ok, 0 failed, 0 already stored" in result.output
    assert "file(s) excluded" in result.output  # gold/ and articles.jsonl, by fixtures/.govnewsignore
    with sqlite3.connect(out) as con:
        assert con.execute("SELECT count(*) FROM articles WHERE status = 'ok'").fetchone()[0] == n
        assert con.execute("SELECT count(*) FROM articles WHERE doc_id LIKE 'gold/%'").fetchone()[0] == 0


def test_cli_reports_failures_and_bad_targets(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    errors = tmp_path / "errors.jsonl"
    args = ["batch", str(tmp_path / "in"), "--out", str(tmp_path / "o.db"), "--workers", "1"]
    result = CliRunner().invoke(main, [*args, "--errors", str(errors)])
    assert result.exit_code == 0
    assert "failed: empty.txt: empty document (0 bytes, no text)" in result.output
    assert json.loads(errors.read_text(encoding="utf-8")) == {
        "doc_id": "empty.txt",
        "source": str(tmp_path / "in" / "empty.txt"),
        "error": "empty document (0 bytes, no text)",
    }
    bad = CliRunner().invoke(main, ["batch", str(tmp_path / "in"), "--out", str(tmp_path / "o.xlsx")])
    assert bad.exit_code == 1 and "unknown target" in bad.output
    missing = CliRunner().invoke(main, ["batch", str(tmp_path / "nope"), "--out", str(tmp_path / "o.db")])
    assert missing.exit_code == 1 and "input not found" in missing.output


def test_progress_line_has_rate_and_eta() -> None:
    progress = Progress(total=100)
    progress.started -= 10
    assert progress.line(50, 49, 1) == "50/100 documents (49 ok, 1 failed), 5.0 documents/s, ETA 0:00:10"

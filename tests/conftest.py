"""Shared fixtures: the dev corpus in ../shared (skipped when absent) and the bundled fixtures."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"


def corpus_dir() -> Path:
    """The shared dev corpus; tests that need it skip when a fresh clone has none."""
    if not (SHARED_CORPUS / "articles").is_dir():
        pytest.skip("../shared/corpus is not present (fresh clone)")
    return SHARED_CORPUS


def corpus_dates() -> dict[str, dt.date]:
    dates = {}
    for line in (corpus_dir() / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            if rec.get("date") and len(rec["date"]) == 10:
                dates[rec["id"]] = dt.date.fromisoformat(rec["date"])
    return dates


def read_corpus_article(doc: str) -> str:
    return (corpus_dir() / "articles" / f"{doc}.txt").read_text(encoding="utf-8-sig")


@pytest.fixture(scope="session")
def fixture_articles() -> list[Path]:
    return sorted((FIXTURES / "articles").glob("*.txt"))


# Test profile: "dev" (default) keeps the suite quick; "ci" (.ci/run sets GOVNEWS_TEST_PROFILE=ci)
# runs thousands of generated inputs and every timing family. No deadline: the machine is shared.
TEST_PROFILE = os.environ.get("GOVNEWS_TEST_PROFILE", "dev")
settings.register_profile("dev", max_examples=150, deadline=None)
settings.register_profile(
    "ci", max_examples=1000, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(TEST_PROFILE)

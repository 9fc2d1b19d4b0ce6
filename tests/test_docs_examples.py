"""Every code example of the user guide runs (see ``tests/docs_examples.py`` for the rules)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .docs_examples import (
    EXECUTED,
    ILLUSTRATIONS,
    ROOT,
    SHELL,
    Block,
    blocks,
    executed_blocks,
    page_run,
    pages,
)

EXAMPLES = executed_blocks()


@pytest.mark.parametrize(("page", "index", "block"), EXAMPLES, ids=[b.where for _, _, b in EXAMPLES])
def test_docs_example_runs(page: Path, index: int, block: Block) -> None:
    runnable = [b for b in blocks(page) if b.lang in EXECUTED]
    status, detail = page_run(page).outcome(index, runnable)
    if status == "skip":
        pytest.skip(detail)
    if block.pending:
        if status == "fail":
            pytest.xfail(f"pending: {block.pending}")
        pytest.fail(f"{block.where}: pending example ({block.pending}) now passes: remove its marker")
    assert status == "ok", detail


def test_the_guide_has_examples_on_every_page_that_teaches_code() -> None:
    assert len(EXAMPLES) >= 40
    pages_with_examples = {p.relative_to(ROOT / "docs").as_posix() for p, _, _ in EXAMPLES}
    for page in ("getting-started.md", "mentions/money.md", "mentions/percent.md", "reference/database.md"):
        assert page in pages_with_examples


@pytest.mark.parametrize("page", pages(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_block_is_an_example_or_an_illustration(page: Path) -> None:
    """No silent blocks: shell blocks must say why they are not run; JSON must parse."""
    for block in blocks(page):
        assert block.lang in EXECUTED | ILLUSTRATIONS | SHELL, (
            f"{block.where}: unknown language {block.lang!r}"
        )
        if block.lang in SHELL:
            assert block.skip, f"{block.where}: a {block.lang} block must be a console block or say why not"
        if block.lang == "json":
            json.loads(block.body)


def test_gates_name_known_requirements() -> None:
    kinds = ("cli:", "detector:", "env:", "path:")
    for page in pages():
        for block in blocks(page):
            for req in block.requires:
                assert req.startswith(kinds) or req.replace("_", "").replace(".", "").isalnum(), block.where

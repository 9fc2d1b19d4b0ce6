"""``govnews-extract batch INPUT... --out TARGET``: see :func:`govnews_extract.batch.run`."""

from __future__ import annotations

import json
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TextIO

import click

from ..errors import GovnewsError
from .inputs import MAX_BYTES, InputOptions
from .process import Result
from .progress import Progress
from .runner import default_workers, run


class _FailureReport:
    """Prints ``failed: DOC_ID: REASON`` lines and/or appends them to an errors JSONL file."""

    def __init__(self, echo: bool, errors: TextIO | None) -> None:
        self.echo, self.errors = echo, errors

    def __call__(self, result: Result) -> None:
        if result.ok:
            return
        row = result.article
        if self.echo:
            click.echo(f"failed: {row['doc_id']}: {row['error']}", err=True)
        if self.errors:
            record = {"doc_id": row["doc_id"], "source": row["source"], "error": row["error"]}
            self.errors.write(json.dumps(record, ensure_ascii=False) + "\n")
            self.errors.flush()


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--out",
    required=True,
    help="Target: results.sqlite/.db (SQLite), .duckdb, .jsonl, a directory (Parquet) or postgresql://…",
)
@click.option(
    "--workers", type=click.IntRange(1), default=None, help="Worker processes [default: all cores]."
)
@click.option("--scheduler", default=None, help="Run on a Dask distributed cluster: tcp://host:8786.")
@click.option(
    "--batch-size", type=click.IntRange(1), default=32, show_default=True, help="Documents per task."
)
@click.option("--redo", is_flag=True, help="Reparse documents already stored (default: skip unchanged ones).")
@click.option("--text-field", default="text", show_default=True, help="JSON records: field holding the text.")
@click.option("--id-field", default="id", show_default=True, help="JSON records: id field (else file#line).")
@click.option("--title-field", default="title", show_default=True, help="JSON records: title field.")
@click.option("--date-field", default="date", show_default=True, help="JSON records: publication date field.")
@click.option(
    "--max-bytes", type=click.IntRange(1), default=MAX_BYTES, show_default=True, help="Larger documents fail."
)
@click.option(
    "--errors",
    type=click.File("a", encoding="utf-8"),
    default=None,
    help="Also append each failed document (doc_id, source, error) to this JSONL file.",
)
@click.option(
    "--exclude",
    multiple=True,
    help="Glob of paths (relative to a directory input) to pass over, e.g. 'gold/' or '*.md'; "
    "repeatable. A directory's .govnewsignore file lists more, one a line.",
)
@click.option("--quiet", is_flag=True, help="No progress and no per-document failure lines.")
def batch_command(
    inputs: tuple[str, ...],
    out: str,
    workers: int | None,
    scheduler: str | None,
    batch_size: int,
    redo: bool,
    errors: TextIO | None,
    quiet: bool,
    **fields: Any,
) -> None:
    """Parse every document of INPUTS (files, directories, globs, .zip/.tar.gz; .txt .html .json
    .jsonl .pdf) into TARGET: one `articles` row per document (ok or failed) and its `mentions`.

    Reruns skip documents already stored unchanged, so an interrupted run is resumed by starting it
    again.
    """
    fields["exclude"] = tuple(fields["exclude"])
    options = InputOptions(**fields)
    progress = None if quiet else Progress(None)
    report = _FailureReport(not quiet, errors)
    try:
        if scheduler:
            from .dask import run_on_cluster

            summary = run_on_cluster(
                inputs,
                out,
                scheduler,
                options=options,
                batch_size=batch_size,
                redo=redo,
                progress=progress,
                on_result=report,
            )
        else:
            summary = run(
                inputs,
                out,
                workers=workers or default_workers(),
                options=options,
                batch_size=batch_size,
                redo=redo,
                progress=progress,
                on_result=report,
            )
    except (GovnewsError, ImportError) as exc:
        raise click.ClickException(str(exc)) from None
    except BrokenProcessPool:
        raise click.ClickException(
            "a worker process died (out of memory?); what was written is kept: run again to resume"
        ) from None
    click.echo(str(summary))

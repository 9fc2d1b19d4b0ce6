"""``govnews-extract batch INPUT... --out TARGET``: see :func:`govnews_extract.batch.run`."""

from __future__ import annotations

from typing import Any

import click

from ..errors import GovnewsError
from .inputs import MAX_BYTES, InputOptions
from .process import Result
from .progress import Progress
from .runner import default_workers, run


def _report_failure(result: Result) -> None:
    if not result.ok:
        click.echo(f"failed: {result.article['doc_id']}: {result.article['error']}", err=True)


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
@click.option("--quiet", is_flag=True, help="No progress and no per-document failure lines.")
def batch_command(
    inputs: tuple[str, ...],
    out: str,
    workers: int | None,
    scheduler: str | None,
    batch_size: int,
    redo: bool,
    quiet: bool,
    **fields: Any,
) -> None:
    """Parse every document of INPUTS (files, directories, globs, .zip/.tar.gz; .txt .html .json
    .jsonl .pdf) into TARGET: one `articles` row per document (ok or failed) and its `mentions`.

    Reruns skip documents already stored unchanged, so an interrupted run is resumed by starting it
    again.
    """
    options = InputOptions(**fields)
    progress = None if quiet else Progress(None)
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
                on_result=None if quiet else _report_failure,
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
                on_result=None if quiet else _report_failure,
            )
    except (GovnewsError, ImportError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(str(summary))

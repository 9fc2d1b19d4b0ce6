"""Command line: ``govnews-extract parse FILE...`` (and more verbs as they land)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from .pipeline import parse


def _read_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8-sig", errors="replace")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="govnews-extract")
def main() -> None:
    """Extract typed records from Chinese government news."""


@main.command("parse")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one Article per line; json: one JSON array.",
)
@click.option(
    "--published",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Publication date (YYYY-MM-DD) that anchors relative dates such as 去年.",
)
def parse_command(files: tuple[Path, ...], fmt: str, published: dt.datetime | None) -> None:
    """Parse FILES (UTF-8 text) and print one Article per file; doc_id is the file name without extension."""
    day = published.date() if published else None
    articles = [parse(_read_text(p), doc_id=p.stem, published=day) for p in files]
    if fmt == "jsonl":
        for art in articles:
            click.echo(art.model_dump_json())
    else:
        click.echo(json.dumps([a.model_dump(mode="json") for a in articles], ensure_ascii=False, indent=1))


@main.command("show")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Where to write the HTML page.",
)
@click.option(
    "--published",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Publication date (YYYY-MM-DD) that anchors relative dates such as 去年.",
)
def show_command(file: Path, output: Path, published: dt.datetime | None) -> None:
    """Render FILE as an HTML page with every mention highlighted and labelled with its value."""
    from .show import render

    day = published.date() if published else None
    article = parse(_read_text(file), doc_id=file.stem, published=day)
    output.write_text(render(article), encoding="utf-8")
    click.echo(f"{len(article.mentions)} mentions -> {output}")


def _register_batch() -> None:
    from .batch.cli import batch_command

    main.add_command(batch_command)


_register_batch()

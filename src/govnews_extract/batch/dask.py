"""Beyond one machine: the same batch on a Dask distributed cluster (the ``dask`` extra).

- :func:`run_on_cluster` runs :func:`~govnews_extract.batch.runner.run` with the cluster's workers
  parsing and this process writing the target (a database or Parquet partitions), resumable as ever.
- :func:`to_bag` / :func:`to_dataframes` return lazy Dask collections of the same rows, for users
  who carry on in Dask (``articles.to_parquet(...)``). Workers must see the input paths.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .inputs import InputOptions, RawDoc, expand, read_path
from .process import process
from .runner import Summary, run
from .schema import columns


def run_on_cluster(inputs: Iterable[str | Path], out: str | Path, scheduler: Any, **options: Any) -> Summary:
    """``run()`` with batches parsed on the cluster at ``scheduler`` (an address or a Client)."""
    try:
        from distributed import Client
    except ImportError:
        raise ImportError("--scheduler needs: pip install 'govnews-extract[dask]'") from None
    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)  # type: ignore[no-untyped-call]
    try:
        workers = len(client.scheduler_info()["workers"])
        executor = client.get_executor()  # type: ignore[no-untyped-call]
        return run(inputs, out, executor=executor, workers=max(workers, 1), **options)
    finally:
        if client is not scheduler:
            client.close()  # type: ignore[no-untyped-call]


def _documents(item: tuple[str, str], options: InputOptions) -> Iterator[RawDoc]:
    path, rel = item
    yield from read_path(Path(path), rel, options)


def _rows(doc: RawDoc) -> dict[str, Any]:
    result = process(doc)
    return {"article": result.article, "mentions": result.mentions}


def to_bag(
    inputs: Iterable[str | Path], options: InputOptions | None = None, npartitions: int | None = None
) -> Any:
    """A ``dask.bag.Bag`` of ``{"article": row, "mentions": [rows]}``, one per input document."""
    import dask.bag as db

    opts = options or InputOptions()
    files = [(str(path), rel) for spec in inputs for path, rel in expand(spec, opts)]
    parts = npartitions or max(1, min(len(files), 64))
    bag = db.from_sequence(files, npartitions=parts)  # type: ignore[no-untyped-call]
    return bag.map(lambda item: list(_documents(item, opts))).flatten().map(_rows)


def _meta(table: str) -> dict[str, str]:
    return {
        name: "int64" if kind == "INTEGER" and name != "relative" else "object"
        for name, kind in columns(table)
    }


def to_dataframes(inputs: Iterable[str | Path], options: InputOptions | None = None) -> tuple[Any, Any]:
    """``(articles, mentions)`` Dask dataframes with the columns of ``schema.sql``."""
    bag = to_bag(inputs, options)
    articles = bag.pluck("article").to_dataframe(meta=_meta("articles"))
    mentions = bag.pluck("mentions").flatten().to_dataframe(meta=_meta("mentions"))
    return articles, mentions

"""The batch loop: read → (skip what is stored) → parse in parallel → upsert in order of completion.

Workers only parse; the main process is the single writer, one atomic transaction per batch. A
run killed at any moment leaves whole documents, and the next run skips every document whose
``doc_id`` is stored with the same digest, so it ends with exactly the rows of a clean run.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from .inputs import InputOptions, RawDoc, count_documents, iter_documents
from .process import BatchResult, Result, process_batch, warm_up
from .progress import Progress
from .sinks import Sink, open_sink


@dataclass
class Summary:
    """``documents == ok + failed + unchanged`` always holds."""

    documents: int = 0
    ok: int = 0
    failed: int = 0
    unchanged: int = 0
    with_warnings: int = 0
    seconds: float = 0.0
    peak_rss_bytes: dict[int, int] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)  # files excluded by --exclude or .govnewsignore

    @property
    def adds_up(self) -> bool:
        return self.documents == self.ok + self.failed + self.unchanged

    def __str__(self) -> str:
        rate = (self.ok + self.failed) / self.seconds if self.seconds else 0.0
        return (
            f"{self.documents} documents in: {self.ok} ok, {self.failed} failed, "
            f"{self.unchanged} already stored (unchanged); {self.with_warnings} with warnings; "
            f"{self.seconds:.1f} s, {rate:.1f} documents/s"
        ) + (f"; {len(self.ignored)} file(s) excluded" if self.ignored else "")


OnResult = Callable[[Result], None]


def _unique_ids(docs: Iterable[RawDoc]) -> Iterator[RawDoc]:
    """A doc_id seen before (a repeated JSON id, the same name in two inputs) falls back to its position."""
    seen: set[str] = set()
    for doc in docs:
        if doc.doc_id in seen:
            new_id = doc.alt_id if doc.alt_id and doc.alt_id not in seen else doc.source
            while new_id in seen:
                new_id += "+"
            warning = f"doc_id {doc.doc_id!r} already used by another document; stored as {new_id!r}"
            doc = replace(doc, doc_id=new_id, warnings=(*doc.warnings, warning))
        seen.add(doc.doc_id)
        yield doc


def _batches(docs: Iterable[RawDoc], size: int) -> Iterator[list[RawDoc]]:
    batch: list[RawDoc] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def local_executor(workers: int) -> cf.Executor:
    """Worker processes (spawned: no state shared with the writer) that load the models once."""
    context = multiprocessing.get_context("spawn")
    return cf.ProcessPoolExecutor(workers, mp_context=context, initializer=warm_up)


def run(
    inputs: Iterable[str | Path],
    out: str | Path | Sink,
    *,
    workers: int | None = None,
    options: InputOptions | None = None,
    batch_size: int = 32,
    redo: bool = False,
    executor: cf.Executor | None = None,
    progress: Progress | None = None,
    on_result: OnResult | None = None,
) -> Summary:
    """Parse every document of ``inputs`` into ``out`` (a target string or an open Sink).

    ``workers`` processes (all cores by default; 1 parses in this process); ``executor`` instead
    runs batches elsewhere (e.g. a Dask cluster's). ``redo`` reparses documents already stored.
    """
    specs = [str(i) for i in inputs]
    sink = open_sink(str(out)) if isinstance(out, str | Path) else out
    try:
        return _run(specs, sink, workers, options, batch_size, redo, executor, progress, on_result)
    finally:
        if isinstance(out, str | Path):
            sink.close()


def _run(
    inputs: list[str],
    sink: Sink,
    workers: int | None,
    options: InputOptions | None,
    batch_size: int,
    redo: bool,
    executor: cf.Executor | None,
    progress: Progress | None,
    on_result: OnResult | None,
) -> Summary:
    started = time.monotonic()
    summary = Summary()
    stored = {} if redo else sink.stored()
    if progress is not None and progress.total is None:
        progress.total = count_documents(inputs, options)
    batches = _batches(_todo(inputs, options, stored, summary), batch_size)
    record = _recorder(sink, summary, progress, on_result)
    workers = workers or default_workers()
    if executor is None and workers == 1:
        warm_up()
        for batch in batches:
            record(process_batch(batch))
    elif executor is not None:
        _pump(executor, batches, 2 * max(workers, 2), record)
    else:
        with local_executor(workers) as pool:
            _pump(pool, batches, 2 * workers, record)
    if progress:
        progress.last = 0.0
        progress.update(summary.ok + summary.failed + summary.unchanged, summary.ok, summary.failed)
        progress.finish()
    summary.seconds = time.monotonic() - started
    return summary


def _todo(
    inputs: list[str], options: InputOptions | None, stored: dict[str, str], summary: Summary
) -> Iterator[RawDoc]:
    """The documents still to parse: those not stored, or stored with another digest."""
    for doc in _unique_ids(iter_documents(inputs, options, summary.ignored)):
        summary.documents += 1
        if stored.get(doc.doc_id) == doc.digest:
            summary.unchanged += 1
        else:
            yield doc


def _recorder(
    sink: Sink, summary: Summary, progress: Progress | None, on_result: OnResult | None
) -> Callable[[BatchResult], None]:
    """Write one finished batch, count it, report it."""

    def record(batch: BatchResult) -> None:
        sink.write(batch.results)
        for result in batch.results:
            summary.ok += result.ok
            summary.failed += not result.ok
            summary.with_warnings += result.article["warnings"] != "[]"
            if on_result:
                on_result(result)
        peak = summary.peak_rss_bytes
        peak[batch.pid] = max(batch.peak_rss_bytes, peak.get(batch.pid, 0))
        if progress:
            progress.update(summary.ok + summary.failed + summary.unchanged, summary.ok, summary.failed)

    return record


def _pump(
    executor: cf.Executor,
    batches: Iterator[list[RawDoc]],
    in_flight: int,
    record: Callable[[BatchResult], None],
) -> None:
    """Keep at most ``in_flight`` batches submitted (memory stays bounded on huge archives)."""
    pending: set[cf.Future[BatchResult]] = set()
    for batch in batches:
        pending.add(executor.submit(process_batch, batch))
        if len(pending) >= in_flight:
            done, pending = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
            for future in done:
                record(future.result())
    for future in cf.as_completed(pending):
        record(future.result())

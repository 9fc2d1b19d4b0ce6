"""Batch: many documents in (files, directories, archives, JSON records), one database out.

>>> from govnews_extract.batch import run
>>> summary = run(["fixtures/"], "results.sqlite")          # doctest: +SKIP
>>> summary.documents == summary.ok + summary.failed + summary.unchanged   # doctest: +SKIP
True
"""

from .inputs import InputOptions, RawDoc, iter_documents
from .process import Result, process
from .runner import Summary, run
from .schema import columns, schema_sql
from .sinks import open_sink

__all__ = [
    "InputOptions",
    "RawDoc",
    "Result",
    "Summary",
    "columns",
    "iter_documents",
    "open_sink",
    "process",
    "run",
    "schema_sql",
]

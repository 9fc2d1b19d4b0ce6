"""JSONL target: one line per document, its ``articles`` row with its ``mentions`` rows inline.

Append-only: a line is a whole document. On reopen a torn last line (a killed run) is cut off;
on close, documents written more than once (a rerun that changed them) keep their last line.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..process import Result


def to_line(result: Result) -> str:
    record: dict[str, Any] = dict(result.article)
    record["warnings"] = json.loads(record["warnings"])
    record["mentions"] = [
        {k: v for k, v in m.items() if v is not None and k != "doc_id"} for m in result.mentions
    ]
    return json.dumps(record, ensure_ascii=False) + "\n"


class JSONLSink:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.touch()
        self._cut_torn_line()
        self.ids: dict[str, str] = {}
        self.duplicates = False
        with self.path.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                self.duplicates |= record["doc_id"] in self.ids
                self.ids[record["doc_id"]] = record["digest"]
        self.handle = self.path.open("a", encoding="utf-8")

    def _cut_torn_line(self) -> None:
        data = self.path.read_bytes()
        if data and not data.endswith(b"\n"):
            with self.path.open("r+b") as handle:
                handle.truncate(data.rfind(b"\n") + 1)

    def stored(self) -> dict[str, str]:
        return dict(self.ids)

    def write(self, results: Sequence[Result]) -> None:
        for result in results:
            self.duplicates |= result.article["doc_id"] in self.ids
            self.ids[result.article["doc_id"]] = result.article["digest"]
        self.handle.write("".join(map(to_line, results)))
        self.handle.flush()

    def close(self) -> None:
        self.handle.close()
        if self.duplicates:
            self._compact()

    def _compact(self) -> None:
        latest: dict[str, str] = {}
        with self.path.open(encoding="utf-8") as lines:
            for line in lines:
                latest[json.loads(line)["doc_id"]] = line
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text("".join(latest.values()), encoding="utf-8")
        os.replace(tmp, self.path)

"""What every target does: create the layout, say what is stored, upsert batches atomically."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from ..process import Result


class Sink(Protocol):
    """A batch target. ``write`` is atomic: after a crash a document is stored whole or not at all."""

    def stored(self) -> dict[str, str]:
        """``doc_id → digest`` of every document already stored (a rerun skips unchanged ones)."""
        ...

    def write(self, results: Sequence[Result]) -> None:
        """Upsert the documents' articles and mentions rows (replacing older rows of the same doc_id)."""
        ...

    def close(self) -> None: ...

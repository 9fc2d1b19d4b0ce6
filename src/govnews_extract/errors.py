"""Errors the library raises on purpose (detectors never raise on odd text)."""

from __future__ import annotations


class GovnewsError(Exception):
    """Base class of every error this package raises deliberately."""


class DataFileError(GovnewsError):
    """A package data file is missing or malformed; names the file and line."""

    def __init__(self, path: str, line: int, reason: str) -> None:
        super().__init__(f"data/{path}:{line}: {reason}")
        self.path, self.line, self.reason = path, line, reason


class DocumentError(GovnewsError):
    """A document could not be read or parsed; names the document and the reason."""

    def __init__(self, doc_id: str, reason: str) -> None:
        super().__init__(f"{doc_id}: {reason}")
        self.doc_id, self.reason = doc_id, reason


class DocumentTooLongError(DocumentError, ValueError):
    """A document is longer than ``parse(max_length=...)`` allows: refused, not left to run for hours."""

    def __init__(self, doc_id: str, length: int, max_length: int) -> None:
        super().__init__(doc_id, f"{length} characters exceeds max_length={max_length}")
        self.length, self.max_length = length, max_length

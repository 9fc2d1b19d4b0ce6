"""Input documents: files, directories (recursive), globs, JSON/JSONL records and zip/tar.gz members.

Reading is cheap and happens in the main process: each document becomes a :class:`RawDoc` holding
its raw bytes (decoding and extraction happen in the workers). Problems found here (oversized,
unreadable, malformed JSON, a broken archive) become a RawDoc with ``error`` set, so every input
document still ends as exactly one row.

``doc_id`` is the path relative to the input directory (``sub/a.txt``), ``archive.zip/member`` for
archive members, and for JSON records the id field or ``file#line``.
"""

from __future__ import annotations

import fnmatch
import glob
import hashlib
import json
import tarfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import regex

from ..errors import GovnewsError

MAX_BYTES = 50 * 1024 * 1024
TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".pdf": "pdf"}
RECORD_SUFFIXES = (".jsonl", ".json")
ARCHIVE_SUFFIXES = (".zip", ".tar.gz", ".tgz")
_FILE_DATE_RE = regex.compile(r"^(\d{4}-\d{2}-\d{2})")


class InputError(GovnewsError):
    """An input path given by the user does not exist or matches nothing."""


@dataclass(frozen=True)
class InputOptions:
    """Where JSON records keep their fields, and the size above which a document is refused."""

    text_field: str = "text"
    id_field: str = "id"
    title_field: str = "title"
    date_field: str = "date"
    max_bytes: int = MAX_BYTES
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class RawDoc:
    """One input document before decoding. ``kind``: text, html, pdf, record or failed."""

    doc_id: str
    source: str
    kind: str
    digest: str
    data: bytes = b""
    text: str | None = None
    title: str | None = None
    published: str | None = None
    error: str | None = None
    warnings: tuple[str, ...] = ()
    alt_id: str = field(default="", compare=False)


def suffix_kind(name: str) -> str | None:
    """text, html, pdf, record, archive or None (not an input we read).

    >>> [suffix_kind(n) for n in ("a.TXT", "b.htm", "c.jsonl", "d.tar.gz", "e.docx")]
    ['text', 'html', 'record', 'archive', None]
    """
    lower = name.lower()
    if lower.endswith(ARCHIVE_SUFFIXES):
        return "archive"
    if lower.endswith(RECORD_SUFFIXES):
        return "record"
    return TEXT_SUFFIXES.get(PurePosixPath(lower).suffix)


def _digest(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()


def _failed(doc_id: str, source: str, error: str) -> RawDoc:
    return RawDoc(doc_id, source, "failed", _digest(error.encode()), error=error)


IGNORE_FILE = ".govnewsignore"


def expand(
    spec: str | Path, options: InputOptions | None = None, ignored: list[str] | None = None
) -> Iterator[tuple[Path, str]]:
    """``(path, relative name)`` of every readable file a command-line input names.

    In a directory, files of other types and hidden files are passed over, and so are files that
    match ``options.exclude`` or a pattern of the directory's ``.govnewsignore`` (one glob a line,
    ``#`` comments; ``gold/`` excludes a folder); those are added to ``ignored``.
    """
    opts = options or InputOptions()
    path = Path(spec)
    if path.is_dir():
        patterns = (*opts.exclude, *_ignore_patterns(path))
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            rel = child.relative_to(path).as_posix()
            if not suffix_kind(child.name) or any(part.startswith(".") for part in rel.split("/")):
                continue
            if excluded(rel, patterns):
                if ignored is not None:
                    ignored.append(str(child))
                continue
            yield child, rel
    elif path.is_file():
        yield path, path.name
    elif glob.has_magic(str(spec)):
        yield from _expand_glob(str(spec))
    else:
        raise InputError(f"input not found: {spec}")


def _ignore_patterns(directory: Path) -> list[str]:
    ignore = directory / IGNORE_FILE
    if not ignore.is_file():
        return []
    lines = (line.strip() for line in ignore.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def excluded(rel: str, patterns: Iterable[str]) -> bool:
    """Whether ``rel`` (or a folder it is in) matches one of the glob ``patterns``.

    >>> [excluded(p, ["gold/", "*.md", "meta/*.jsonl"]) for p in ("gold/a.jsonl", "x/gold/b.jsonl", "a.txt")]
    [True, False, False]
    >>> excluded("meta/ids.jsonl", ["meta/*.jsonl"]), excluded("README.md", ["*.md"])
    (True, True)
    """
    parts = rel.split("/")
    prefixes = ["/".join(parts[:i]) for i in range(1, len(parts))]
    for pattern in patterns:
        if fnmatch.fnmatchcase(rel, pattern.rstrip("/")):
            return True
        if any(fnmatch.fnmatchcase(prefix, pattern.rstrip("/")) for prefix in prefixes):
            return True
    return False


def _expand_glob(pattern: str) -> Iterator[tuple[Path, str]]:
    parts = Path(pattern).parts
    fixed = [p for p in parts[: next(i for i, p in enumerate(parts) if glob.has_magic(p))]]
    base = Path(*fixed) if fixed else Path(".")
    matches = sorted(Path(m) for m in glob.glob(pattern, recursive=True) if Path(m).is_file())
    if not matches:
        raise InputError(f"no file matches {pattern}")
    for match in matches:
        yield match, match.relative_to(base).as_posix()


def iter_documents(
    inputs: Iterable[str | Path], options: InputOptions | None = None, ignored: list[str] | None = None
) -> Iterator[RawDoc]:
    """Every document in ``inputs``, in a stable order (sorted paths, archive/file order)."""
    opts = options or InputOptions()
    for spec in inputs:
        for path, rel in expand(spec, opts, ignored):
            yield from read_path(path, rel, opts)


def read_path(path: Path, rel: str, opts: InputOptions) -> Iterator[RawDoc]:
    """The documents of one file, ``rel`` being its name relative to the input."""
    kind = suffix_kind(path.name)
    source = str(path)
    try:
        if kind == "archive":
            yield from _from_archive(path, rel, opts)
        elif kind == "record" and path.name.lower().endswith(".jsonl"):
            with path.open("rb") as lines:
                yield from _from_jsonl(lines, rel, source, opts)
        elif path.stat().st_size > opts.max_bytes:
            yield _too_big(rel, source, path.stat().st_size, opts)
        else:
            yield from _from_bytes(path.read_bytes(), rel, source, opts)
    except OSError as exc:
        yield _failed(rel, source, f"cannot read: {exc.strerror or exc}")


def _too_big(doc_id: str, source: str, size: int, opts: InputOptions) -> RawDoc:
    return _failed(doc_id, source, f"oversized: {size} bytes, more than the limit of {opts.max_bytes}")


def _from_bytes(data: bytes, rel: str, source: str, opts: InputOptions) -> Iterator[RawDoc]:
    """A file's (or archive member's) documents, dispatched on its name."""
    kind = suffix_kind(rel)
    if kind == "archive":
        yield _failed(rel, source, "nested archive: archives inside archives are not read")
    elif kind == "record" and rel.lower().endswith(".jsonl"):
        yield from _from_jsonl(data.splitlines(keepends=True), rel, source, opts)
    elif kind == "record":
        yield from _from_json(data, rel, source, opts)
    else:
        match = _FILE_DATE_RE.match(PurePosixPath(rel).name)
        published = match.group(1) if match else None
        yield RawDoc(rel, source, kind or "text", _digest(data), data=data, published=published)


def _from_archive(path: Path, rel: str, opts: InputOptions) -> Iterator[RawDoc]:
    reader = _zip_members if path.name.lower().endswith(".zip") else _tar_members
    count = 0
    try:
        for name, size, read in reader(path):
            member = f"{rel}/{name}"
            count += 1
            if not suffix_kind(name):
                continue
            if size > opts.max_bytes:
                yield _too_big(member, f"{path}/{name}", size, opts)
                continue
            try:
                data = read()
            except (OSError, EOFError, zipfile.BadZipFile, tarfile.TarError, zlib.error) as exc:
                yield _failed(member, f"{path}/{name}", f"truncated or corrupt archive member: {exc}")
                continue
            yield from _from_bytes(data, member, f"{path}/{name}", opts)
    except (OSError, EOFError, zipfile.BadZipFile, tarfile.TarError, zlib.error) as exc:
        yield _failed(rel, str(path), f"truncated or corrupt archive after {count} member(s): {exc}")


def _zip_members(path: Path) -> Iterator[tuple[str, int, Any]]:
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if not info.is_dir():
                yield info.filename, info.file_size, lambda info=info: archive.read(info)


def _tar_members(path: Path) -> Iterator[tuple[str, int, Any]]:
    with tarfile.open(path, "r:*") as archive:
        for info in archive:
            if info.isfile():
                yield info.name.removeprefix("./"), info.size, lambda info=info: _tar_read(archive, info)


def _tar_read(archive: tarfile.TarFile, info: tarfile.TarInfo) -> bytes:
    handle = archive.extractfile(info)
    if handle is None:
        raise tarfile.TarError(f"{info.name} is not a regular file")
    data = handle.read()
    if len(data) != info.size:
        raise EOFError(f"member ends after {len(data)} of {info.size} bytes")
    return data


def _from_jsonl(lines: Iterable[bytes], rel: str, source: str, opts: InputOptions) -> Iterator[RawDoc]:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        doc_id = f"{rel}#{number}"
        if len(line) > opts.max_bytes:
            yield _too_big(doc_id, source, len(line), opts)
            continue
        try:
            value = json.loads(line.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            yield _failed(doc_id, source, f"malformed JSON on line {number}: {exc}")
            continue
        yield _record(value, doc_id, source, _digest(line), opts)


def _from_json(data: bytes, rel: str, source: str, opts: InputOptions) -> Iterator[RawDoc]:
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        yield _failed(rel, source, f"malformed JSON: {exc}")
        return
    if isinstance(value, dict):
        yield _record(value, rel, source, _digest(data), opts)
        return
    if not isinstance(value, list):
        yield _failed(rel, source, "JSON must be an object or an array of objects")
        return
    for index, item in enumerate(value, 1):
        raw = json.dumps(item, ensure_ascii=False, sort_keys=True).encode()
        yield _record(item, f"{rel}#{index}", source, _digest(raw), opts)


def _record(value: Any, position: str, source: str, digest: str, opts: InputOptions) -> RawDoc:
    """A JSON record: its id field (else ``file#line``), text, title and date fields."""
    if not isinstance(value, dict):
        return RawDoc(position, source, "failed", digest, error="JSON record is not an object")
    raw_id = value.get(opts.id_field)
    doc_id = str(raw_id) if isinstance(raw_id, str | int) and str(raw_id).strip() else position
    text = value.get(opts.text_field)
    title = value.get(opts.title_field)
    published = value.get(opts.date_field)
    if not isinstance(text, str):
        error = f"record has no string field {opts.text_field!r}"
        return RawDoc(doc_id, source, "failed", digest, error=error, alt_id=position)
    return RawDoc(
        doc_id,
        source,
        "record",
        digest,
        text=text,
        title=title if isinstance(title, str) else None,
        published=str(published) if published not in (None, "") else None,
        alt_id=position,
    )


def count_documents(inputs: Iterable[str | Path], options: InputOptions | None = None) -> int:
    """About how many documents :func:`iter_documents` will yield, for the progress ETA: plain files
    are not read, archive members are listed (a JSONL member counts as one)."""
    opts = options or InputOptions()
    total = 0
    for spec in inputs:
        for path, rel in expand(spec, opts):
            kind = suffix_kind(path.name)
            if kind == "record":
                total += sum(1 for _ in read_path(path, rel, opts))
            elif kind == "archive":
                total += _count_members(path)
            else:
                total += 1
    return total


def _count_members(path: Path) -> int:
    reader = _zip_members if path.name.lower().endswith(".zip") else _tar_members
    try:
        return max(1, sum(1 for name, _, _ in reader(path) if suffix_kind(name)))
    except (OSError, EOFError, zipfile.BadZipFile, tarfile.TarError, zlib.error):
        return 1

"""Collect and run the code examples of ``docs/*.md`` so the guide cannot drift from the code.

Each fenced block is one example. How it runs depends on its language:

- ``pycon``: a doctest (``>>>`` lines, expected output below them; ELLIPSIS and
  NORMALIZE_WHITESPACE are on);
- ``python``: executed; it fails when it raises (``assert`` states what must hold);
- ``console``: every ``$ `` line is run by bash; printed lines below it, if any, are the
  expected output (``...`` matches anything);
- ``sql``: run against ``results.sqlite``, the database an earlier block of the page built
  with ``govnews-extract batch``; the query must return rows.

Blocks of one page share a namespace and a working directory (a temporary directory holding a
copy of ``fixtures/``, a link to ``benchmarks/`` and, beside it, a link to ``../shared`` when
present), in page order, so a later block can use what an earlier one built.

A block can be gated by an HTML comment on the line before it (invisible on the site)::

    <!-- docs-test: requires cli:batch duckdb -->
    <!-- docs-test: skip installs packages from the network -->
    <!-- docs-test: pending money ranges (issue 2) -->

``requires`` names what must be present: ``cli:NAME`` (a CLI command), ``detector:TYPE`` (a
registered detector), ``env:NAME`` (an environment variable), ``path:PATH`` (a path relative
to the repository, e.g. ``../shared/corpus``), or a Python module. A block
whose requirements are missing is reported as skipped with the reason, never as passed.
``pending`` marks an example of a feature that is documented but not built yet: it runs as a
strict xfail, so the suite goes red the day it passes and the marker must be removed.
"""

from __future__ import annotations

import contextlib
import doctest
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
FIXTURES = ROOT / "fixtures"

# Languages that are examples (executed) and languages that are illustrations (checked lightly).
EXECUTED = frozenset({"pycon", "python", "console", "sql"})
ILLUSTRATIONS = frozenset({"text", "json", "toml", "yaml", "html"})
# Shell blocks are allowed only with an explicit skip (installation commands and the like).
SHELL = frozenset({"bash", "sh", "shell"})

_FENCE_RE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^\n`]*)\n(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
_DIRECTIVE_RE = re.compile(r"<!--\s*docs-test:\s*(?P<verb>requires|skip|pending)\b(?P<args>.*?)-->")
_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


@dataclass(frozen=True)
class Block:
    """One fenced code block of a page."""

    page: Path
    line: int
    lang: str
    body: str
    requires: tuple[str, ...] = ()
    skip: str | None = None
    pending: str | None = None

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


def _directives(text: str, fence_start: int) -> dict[str, str]:
    """The gates on the lines right above a fence: verb → arguments (``requires`` accumulate)."""
    gates: dict[str, str] = {}
    for line in reversed(text[:fence_start].rstrip().split("\n")):
        m = _DIRECTIVE_RE.search(line)
        if not m:
            break
        gates[m["verb"]] = (gates.get(m["verb"], "") + " " + m["args"].strip()).strip()
    return gates


def blocks(page: Path) -> list[Block]:
    """Every fenced block of ``page`` with its language and gates."""
    text = page.read_text(encoding="utf-8")
    found = []
    for m in _FENCE_RE.finditer(text):
        lang = (m["info"].strip().split() or [""])[0].lower()
        body = textwrap.dedent(m["body"]) if m["indent"] else m["body"]
        gates = _directives(text, m.start())
        skip = (gates["skip"] or "skipped") if "skip" in gates else None
        pending = (gates["pending"] or "pending") if "pending" in gates else None
        line = text.count("\n", 0, m.start()) + 1
        found.append(Block(page, line, lang, body, tuple(gates.get("requires", "").split()), skip, pending))
    return found


def missing(requirement: str) -> str | None:
    """Why ``requirement`` is not met, or None when it is."""
    kind, _, name = requirement.partition(":")
    if not name:
        kind, name = "module", requirement
    if kind == "cli":
        from govnews_extract.cli import main

        return None if name in getattr(main, "commands", {}) else f"CLI command {name!r} not available yet"
    if kind == "detector":
        from govnews_extract.detect.registry import DETECTORS

        return None if name in DETECTORS else f"no {name!r} detector registered yet"
    if kind == "env":
        return None if os.environ.get(name) else f"environment variable {name} not set"
    if kind == "path":
        return None if (ROOT / name).exists() else f"{name} not present (fresh clone)"
    try:
        found = importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        found = False
    return None if found else f"module {name!r} not installed"


def skip_reason(block: Block) -> str | None:
    if block.skip:
        return f"docs-test skip: {block.skip}"
    reasons = [r for r in (missing(req) for req in block.requires) if r]
    return "; ".join(reasons) or None


@contextlib.contextmanager
def _cwd(path: Path) -> Iterator[None]:
    old = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


@contextlib.contextmanager
def _environ(env: dict[str, str]) -> Iterator[None]:
    """Python examples see the environment a console does (``govnews-extract`` on PATH)."""
    old = dict(os.environ)
    os.environ.update(env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(old)


@dataclass
class PageRun:
    """Runs the blocks of one page in order, once, remembering each outcome."""

    page: Path
    workdir: Path
    namespace: dict[str, Any] = field(default_factory=dict)
    outcomes: list[tuple[str, str]] = field(default_factory=list)  # ("ok"|"skip"|"fail", detail)

    @classmethod
    def start(cls, page: Path) -> PageRun:
        """A scratch copy of the repository's layout: fixtures, benchmarks, and ../shared beside it."""
        base = Path(tempfile.mkdtemp(prefix="govnews-docs-"))
        workdir = base / "repo"
        shutil.copytree(FIXTURES, workdir / "fixtures")
        (workdir / "benchmarks").symlink_to(ROOT / "benchmarks", target_is_directory=True)
        if (ROOT.parent / "shared").is_dir():
            (base / "shared").symlink_to(ROOT.parent / "shared", target_is_directory=True)
        return cls(page, workdir, {"__name__": "__docs__"})

    def outcome(self, index: int, runnable: list[Block]) -> tuple[str, str]:
        while len(self.outcomes) <= index:
            self.outcomes.append(self._run(runnable[len(self.outcomes)]))
        return self.outcomes[index]

    def _run(self, block: Block) -> tuple[str, str]:
        reason = skip_reason(block)
        if reason:
            return "skip", reason
        runner = {"pycon": self._pycon, "python": self._python, "console": self._console, "sql": self._sql}
        with _cwd(self.workdir), _environ(_console_env()):
            try:
                problem = runner[block.lang](block)
            except Exception as exc:
                problem = f"{type(exc).__name__}: {exc}"
        return ("fail", f"{block.where}: {problem}") if problem else ("ok", "")

    def _pycon(self, block: Block) -> str | None:
        test = doctest.DocTestParser().get_doctest(block.body, self.namespace, block.where, None, block.line)
        out: list[str] = []
        runner = doctest.DocTestRunner(optionflags=_FLAGS)
        result = runner.run(test, out=out.append, clear_globs=False)
        self.namespace.update(test.globs)  # DocTest works on a copy of the namespace
        return "".join(out) if result.failed else None

    def _python(self, block: Block) -> str | None:
        exec(compile(block.body, block.where, "exec"), self.namespace)
        return None

    def _console(self, block: Block) -> str | None:
        for command, expected in console_commands(block.body):
            done = subprocess.run(
                ["bash", "-c", "set -eo pipefail\n" + command],
                capture_output=True,
                text=True,
                env=_console_env(),
                timeout=300,
            )
            if done.returncode != 0:
                return f"`{command}` exited {done.returncode}:\n{done.stderr[-2000:]}"
            if expected and not doctest.OutputChecker().check_output(expected, done.stdout, _FLAGS):
                return f"`{command}` printed:\n{done.stdout[:2000]}\nexpected:\n{expected}"
        return None

    def _sql(self, block: Block) -> str | None:
        """Run against ``results.sqlite``, which an earlier block of the page built; rows expected."""
        database = self.workdir / "results.sqlite"
        if not database.is_file():
            return "no results.sqlite: an earlier block of the page must run the batch command"
        import sqlite3

        with contextlib.closing(sqlite3.connect(database)) as con:
            rows = con.execute(block.body).fetchall()
        return None if rows else "the query returned no rows on the bundled example"


def console_commands(body: str) -> list[tuple[str, str]]:
    """``$ command`` lines (with ``\\`` continuations) and the output printed below each."""
    commands: list[tuple[str, str]] = []
    command: list[str] = []
    output: list[str] = []
    for line in body.splitlines():
        if line.startswith("$ ") or (command and not output and command[-1].endswith("\\")):
            if line.startswith("$ ") and command:
                commands.append(("\n".join(command), "".join(output)))
                command, output = [], []
            command.append(line[2:] if line.startswith("$ ") else line)
        elif command:
            output.append(line + "\n")
    if command:
        commands.append(("\n".join(command), "".join(output)))
    return commands


def _console_env() -> dict[str, str]:
    """The test's interpreter and its scripts first on PATH; the package under test importable."""
    import govnews_extract

    package_root = str(Path(govnews_extract.__file__).resolve().parent.parent)
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["PYTHONPATH"] = os.pathsep.join(p for p in [package_root, env.get("PYTHONPATH", "")] if p)
    env.setdefault("PYTHONIOENCODING", "utf-8")
    return env


_RUNS: dict[Path, PageRun] = {}


def page_run(page: Path) -> PageRun:
    if page not in _RUNS:
        _RUNS[page] = PageRun.start(page)
    return _RUNS[page]


def executed_blocks() -> list[tuple[Path, int, Block]]:
    """(page, index among the page's executed blocks, block) for every example in the docs."""
    out = []
    for page in pages():
        runnable = [b for b in blocks(page) if b.lang in EXECUTED]
        out += [(page, i, b) for i, b in enumerate(runnable)]
    return out

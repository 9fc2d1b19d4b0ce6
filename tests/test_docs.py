"""The user guide documents everything public, and the site builds without a warning."""

from __future__ import annotations

import importlib
import importlib.util
import os
import re
import subprocess
import sys
import typing
from pathlib import Path
from types import ModuleType

import click
import pytest

import govnews_extract
from govnews_extract.cli import main

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*)$", re.MULTILINE)


def _sections(page: Path) -> dict[str, str]:
    """Heading text → the page text up to the next heading of the same or a higher level."""
    text = page.read_text(encoding="utf-8")
    heads = list(_HEADING_RE.finditer(text))
    out = {}
    for i, h in enumerate(heads):
        level = len(h[1])
        end = next((n.start() for n in heads[i + 1 :] if len(n[1]) <= level), len(text))
        out[h[2].strip()] = text[h.end() : end]
    return out


def _commands(group: click.Group, prefix: str = "govnews-extract") -> list[tuple[str, click.Command]]:
    """Every command under ``group``, depth first, with its full name."""
    found: list[tuple[str, click.Command]] = [(prefix, group)]
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            found += _commands(command, f"{prefix} {name}")
        else:
            found.append((f"{prefix} {name}", command))
    return found


COMMANDS = _commands(main)
CLI_SECTIONS = _sections(DOCS / "reference" / "cli.md")


def _hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_reference_hook", DOCS / "_hooks" / "reference.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", govnews_extract.__all__)
def test_every_public_name_has_a_section_in_the_api_reference(name: str) -> None:
    headings = _sections(DOCS / "reference" / "api.md")
    assert f"`{name}`" in headings, f"docs/reference/api.md has no heading `{name}`"
    assert headings[f"`{name}`"].strip(), f"the section on `{name}` is empty"


def _batch_names() -> list[str]:
    try:
        batch = importlib.import_module("govnews_extract.batch")
    except ImportError:
        return []
    return list(getattr(batch, "__all__", []))


@pytest.mark.parametrize("name", _batch_names())
def test_every_public_batch_name_has_a_section_in_the_api_reference(name: str) -> None:
    headings = _sections(DOCS / "reference" / "api.md")
    assert f"`batch.{name}`" in headings, f"docs/reference/api.md has no heading `batch.{name}`"
    assert headings[f"`batch.{name}`"].strip(), f"the section on `batch.{name}` is empty"


@pytest.mark.parametrize("name", [n for n in govnews_extract.__all__ if n != "Mention"])
def test_every_public_name_has_a_docstring(name: str) -> None:
    assert (getattr(govnews_extract, name).__doc__ or "").strip(), name


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[p for p, _ in COMMANDS])
def test_every_command_has_a_section_naming_all_its_parameters(path: str, command: click.Command) -> None:
    section = CLI_SECTIONS.get(f"`{path}`")
    assert section is not None, f"docs/reference/cli.md has no section `{path}`"
    if path != "govnews-extract":
        assert (command.help or command.short_help or "").strip(), f"{path} has no --help text"
    for param in command.params:
        if isinstance(param, click.Option):
            assert (param.help or "").strip() or param.name == "version", f"{path} {param.opts} has no help"
            for opt in param.opts + param.secondary_opts:
                assert f"`{opt}" in section, f"{path}: option {opt} is not documented in cli.md"
        else:
            metavar = (param.name or "").upper()
            assert metavar in section, f"{path}: argument {metavar} is not documented"


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[p for p, _ in COMMANDS])
def test_documented_options_exist(path: str, command: click.Command) -> None:
    """An option named in a command's section that the command lacks is stale documentation."""
    section = CLI_SECTIONS.get(f"`{path}`", "")
    real = {opt for p in command.params for opt in (*p.opts, *p.secondary_opts)} | {"-h", "--help"}
    # `--opt` in backticks, but not inside a sibling command's usage line
    documented = set(re.findall(r"`(--?[a-z][a-z-]*)", section))
    assert documented <= real, f"{path}: documented but not an option: {sorted(documented - real)}"


def test_every_output_field_has_a_description() -> None:
    hook = _hook()
    for name, model in hook.record_models().items():
        for field in model.model_fields:
            assert hook.describe(model, field), f"{name}.{field}: add description= in models.py"


def test_output_reference_has_a_table_for_every_model() -> None:
    hook = _hook()
    page = (DOCS / "reference" / "output.md").read_text(encoding="utf-8")
    for name in hook.record_models():
        assert f"<!-- fields: {name} -->" in page, name
    rendered = hook.render(page)
    assert "<!--" not in rendered.replace("<!-- docs-test", "")
    assert '| `currency` | str | `"CNY"` | ISO 4217 code |' in rendered


def test_type_names_read_like_the_schema() -> None:
    hook = _hook()
    assert hook.type_name(typing.Optional[int]) == "int or null"  # noqa: UP045 - that is the point
    assert hook.type_name(typing.Literal["a", "b"]) == '`"a"` \\| `"b"`'


def test_module_paths_on_the_architecture_page_exist() -> None:
    page = (DOCS / "contributing" / "architecture.md").read_text(encoding="utf-8")
    paths = set(re.findall(r"govnews_extract/[\w/]+(?:\.\w+)?", page))
    assert len(paths) >= 10
    for path in paths:
        assert (ROOT / "src" / path).exists(), f"architecture.md names {path}, which does not exist"
    modules = {p.name for p in (ROOT / "src" / "govnews_extract").rglob("*.py")}
    for name in set(re.findall(r"\b\w+\.py\b", page)):
        assert name in modules, f"architecture.md names {name}, which does not exist"


def test_data_files_named_in_the_docs_exist() -> None:
    named = {
        m for page in DOCS.rglob("*.md") for m in re.findall(r"data/[\w/]+\.\w+", page.read_text("utf-8"))
    }
    assert named
    for path in named:
        assert (ROOT / "src" / "govnews_extract" / path).is_file(), (
            f"the docs name {path}, which does not exist"
        )


def test_every_page_is_in_the_nav() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in DOCS.rglob("*.md"):
        assert page.relative_to(DOCS).as_posix() in config, f"{page} is not in mkdocs.yml nav"


def test_site_builds_without_warnings(tmp_path: Path) -> None:
    pytest.importorskip("material", reason="install the docs extra: pip install -e '.[docs]'")
    site = tmp_path / "site"
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    output = (tmp_path / "site" / "reference" / "output" / "index.html").read_text(encoding="utf-8")
    assert "ISO 4217 code" in output and "value_max" in output
    assert (tmp_path / "site" / "reference" / "article.schema.json").is_file()

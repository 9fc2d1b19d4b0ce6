"""Batch inputs: encodings, formats, doc ids, and one row for every bad document."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from govnews_extract.batch import InputOptions, iter_documents, process, run
from govnews_extract.batch.decode import DecodeError, decode
from govnews_extract.batch.extract import extract_html
from govnews_extract.batch.inputs import MAX_BYTES, InputError, count_documents

from .conftest import FIXTURES

SIMPLIFIED = "青山市科技局：全年研发经费支出达到46.8亿元，同比增长18.3%。"
TRADITIONAL = "東港市經濟發展局：協議投資總額達到218.6億元，同比增長14.3%。"
ROMAN = "表1　各县水质改善情况：东溪由Ⅳ类升为Ⅲ类；西河由劣Ⅴ类升为Ⅳ类；南湖单元由Ⅴ类升为Ⅲ类。" * 3

# fmt: off
ENCODED = [
    ("utf-8", SIMPLIFIED.encode("utf-8")),
    ("utf-8 with BOM", SIMPLIFIED.encode("utf-8-sig")),
    ("utf-16 with BOM", SIMPLIFIED.encode("utf-16")),
    ("utf-16-le without BOM", SIMPLIFIED.encode("utf-16-le")),
    ("utf-16-be without BOM", SIMPLIFIED.encode("utf-16-be")),
    ("gbk", SIMPLIFIED.encode("gbk")),
    ("gb18030", SIMPLIFIED.encode("gb18030")),
    ("big5", TRADITIONAL.encode("big5")),
    ("gb18030 with roman numerals", ROMAN.encode("gb18030")),
]
# fmt: on


@pytest.mark.parametrize(("name", "data"), ENCODED, ids=[e[0] for e in ENCODED])
def test_decode_detects_the_encoding(name: str, data: bytes) -> None:
    text, warnings = decode(data)
    assert text in (SIMPLIFIED, TRADITIONAL, ROMAN)
    assert warnings == []


def test_replaced_bytes_give_a_warning() -> None:
    data = SIMPLIFIED.encode("utf-8")[:-1] + SIMPLIFIED.encode("utf-8")
    text, warnings = decode(data)
    assert text.count("\ufffd") == 1
    assert warnings == ["1 undecodable byte sequence(s) replaced with U+FFFD (utf-8)"]


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, bytes(range(256)) * 8, b"\x00\x01\x02\x03" * 100],
    ids=["png", "all bytes", "control bytes"],
)
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(DecodeError, match="binary"):
        decode(data)


@pytest.mark.parametrize(
    "data",
    [b"\xff\xfe" + bytes([0x80, 0xC0, 0xFF, 0x81, 0xFE] * 40), bytes([0x80, 0xFF, 0x81, 0xFE, 0xC0] * 40)],
    ids=["high bytes after a utf-16 BOM", "high bytes"],
)
def test_high_byte_noise_is_undecodable(data: bytes) -> None:
    with pytest.raises(DecodeError, match="undecodable"):
        decode(data)


def test_fixture_ids_titles_and_dates() -> None:
    rows = {d.doc_id: process(d).article for d in iter_documents([FIXTURES])}
    assert rows["articles/2021-03-02_qingshan_keji.txt"]["published"] == "2021-03-02"
    page = rows["pages/2021-04-15_lanxi_kejiju.html"]
    assert (page["title"], page["published"]) == ("兰溪县科技局召开一季度科技创新工作推进会", "2021-04-15")
    assert "首页" not in page["text"] and "3.62亿元" in page["text"]
    assert rows["baiyun-2021-017"]["published"] == "2021-05-20"
    assert rows["records/2021_notices.jsonl#3"]["published"] == "2021-06-18"
    assert "1865.3亿元" in rows["encodings/2021-01-28_nanling_tongji_gbk.txt"]["text"]
    assert "218.6億元" in rows["encodings/2021-07-12_donggang_big5.txt"]["text"]
    assert "7680万元" in rows["encodings/2021-09-06_xihe_nongye_utf16.txt"]["text"]
    assert all(r["status"] == "ok" and r["n_mentions"] > 0 for r in rows.values())


def test_html_without_trafilatura_keeps_visible_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    page = (FIXTURES / "pages" / "2021-04-15_lanxi_kejiju.html").read_text(encoding="utf-8")
    found = extract_html(page)
    assert "3.62亿元" in found.text and "siteId" not in found.text and "font-family" not in found.text
    assert found.warnings == ["trafilatura not installed (extra 'html'): kept all visible text"]


def _members(tmp: Path) -> None:
    with zipfile.ZipFile(tmp / "a.zip", "w") as archive:
        archive.writestr("sub/one.txt", SIMPLIFIED)
        archive.writestr("notes.docx", b"ignored")
        archive.writestr("recs.jsonl", json.dumps({"text": SIMPLIFIED}, ensure_ascii=False) + "\n")
    with tarfile.open(tmp / "b.tar.gz", "w:gz") as archive:
        data = SIMPLIFIED.encode("gbk")
        info = tarfile.TarInfo("./two.txt")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))


def test_doc_ids_follow_paths_members_and_records(tmp_path: Path) -> None:
    (tmp_path / "d" / "x").mkdir(parents=True)
    (tmp_path / "d" / "x" / "a.txt").write_text(SIMPLIFIED, encoding="utf-8")
    (tmp_path / "d" / ".hidden.txt").write_text(SIMPLIFIED, encoding="utf-8")
    _members(tmp_path / "d")
    (tmp_path / "d" / "list.json").write_text(json.dumps([{"text": "a"}, {"text": "b", "id": 7}]), "utf-8")
    ids = [d.doc_id for d in iter_documents([tmp_path / "d"])]
    assert ids == [
        "a.zip/sub/one.txt",
        "a.zip/recs.jsonl#1",
        "b.tar.gz/two.txt",
        "list.json#1",
        "7",
        "x/a.txt",
    ]
    assert count_documents([tmp_path / "d"]) == len(ids)
    assert [d.doc_id for d in iter_documents([str(tmp_path / "d" / "*" / "*.txt")])] == ["x/a.txt"]


def test_json_fields_are_configurable(tmp_path: Path) -> None:
    line = {"no": "A-1", "body": SIMPLIFIED, "headline": "通报", "pubtime": "2021年3月2日 10:00"}
    (tmp_path / "r.jsonl").write_text(json.dumps(line, ensure_ascii=False), encoding="utf-8")
    opts = InputOptions(text_field="body", id_field="no", title_field="headline", date_field="pubtime")
    [doc] = iter_documents([tmp_path / "r.jsonl"], opts)
    row = process(doc).article
    assert (row["doc_id"], row["title"], row["published"], row["status"]) == (
        "A-1",
        "通报",
        "2021-03-02",
        "ok",
    )


def test_missing_input_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="input not found"):
        list(iter_documents([tmp_path / "nope"]))


def _bad_inputs(root: Path) -> dict[str, tuple[str, str]]:
    """doc_id → (status, text the error or warning must contain)."""
    root.mkdir()
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_text(" \n\u3000\n", encoding="utf-8")
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" * 50)
    (root / "truncated.txt").write_bytes(SIMPLIFIED.encode("utf-8")[:-2])
    (root / "undecodable.txt").write_bytes(bytes([0x81, 0x30, 0xFF, 0xFE, 0x80]) * 40)
    with (root / "huge.txt").open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: costs no disk
    (root / "bad.jsonl").write_text(
        '{"text": "ok 5%"}\n{"text": \n[1, 2]\n{"title": "x"}\n', encoding="utf-8"
    )
    (root / "bad.json").write_text("{not json", encoding="utf-8")
    (root / "bad.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n")
    (root / "cut.zip").write_bytes((_zip_bytes())[:-30])
    (root / "cut.tar.gz").write_bytes(_tar_bytes()[:200])
    return {
        "empty.txt": ("failed", "empty document"),
        "blank.txt": ("failed", "empty document"),
        "binary.txt": ("failed", "binary content"),
        "truncated.txt": ("ok", "undecodable byte sequence(s) replaced"),
        "undecodable.txt": ("failed", "undecodable"),
        "huge.txt": ("failed", f"oversized: {MAX_BYTES + 1} bytes"),
        "bad.jsonl#1": ("ok", ""),
        "bad.jsonl#2": ("failed", "malformed JSON on line 2"),
        "bad.jsonl#3": ("failed", "JSON record is not an object"),
        "bad.jsonl#4": ("failed", "record has no string field 'text'"),
        "bad.json": ("failed", "malformed JSON"),
        "bad.pdf": ("failed", "malformed PDF"),
        "cut.zip": ("failed", "truncated or corrupt archive"),
        "cut.tar.gz/a.txt": ("failed", "truncated or corrupt archive member"),
        "cut.tar.gz": ("failed", "truncated or corrupt archive after 1 member(s)"),
    }


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", SIMPLIFIED * 50)
    return buffer.getvalue()


def _tar_bytes() -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        data = os.urandom(20000)
        info = tarfile.TarInfo("a.txt")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def test_every_bad_input_gets_one_row_and_the_run_continues(tmp_path: Path) -> None:
    expected = _bad_inputs(tmp_path / "in")
    summary = run([tmp_path / "in"], str(tmp_path / "out.sqlite"), workers=1)
    with sqlite3.connect(tmp_path / "out.sqlite") as con:
        rows = {r[0]: r[1:] for r in con.execute("SELECT doc_id, status, error, warnings FROM articles")}
    assert {k: v[0] for k, v in rows.items()} == {k: v[0] for k, v in expected.items()}
    for doc_id, (_, reason) in expected.items():
        assert reason in ((rows[doc_id][1] or "") + rows[doc_id][2]), doc_id
    assert (summary.documents, summary.ok, summary.failed) == (len(expected), 2, len(expected) - 2)
    assert summary.adds_up


def test_repeated_ids_keep_one_row_each(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "same", "text": SIMPLIFIED}, ensure_ascii=False)] * 2
    (tmp_path / "r.jsonl").write_text("\n".join(lines), encoding="utf-8")
    summary = run([tmp_path / "r.jsonl"], str(tmp_path / "o.sqlite"), workers=1)
    with sqlite3.connect(tmp_path / "o.sqlite") as con:
        rows = con.execute("SELECT doc_id, warnings FROM articles ORDER BY doc_id").fetchall()
    assert [r[0] for r in rows] == ["r.jsonl#2", "same"]
    assert "already used by another document" in rows[0][1]
    assert summary.ok == 2


def _minimal_pdf(text: str) -> bytes:
    """A one-page PDF whose text layer is ``text`` (ASCII, Helvetica)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_pdf_text_layer_is_parsed(tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    (tmp_path / "report.pdf").write_bytes(_minimal_pdf("Revenue grew 57.1% in 2020"))
    [doc] = iter_documents([tmp_path / "report.pdf"])
    result = process(doc)
    assert result.article["status"] == "ok", result.article["error"]
    assert "57.1%" in result.article["text"]
    assert any(m["type"] == "percent" and m["value"] == "57.1" for m in result.mentions)


def test_gbk_html_page_is_decoded_and_extracted(tmp_path: Path) -> None:
    page = (FIXTURES / "pages" / "2021-04-15_lanxi_kejiju.html").read_text(encoding="utf-8")
    (tmp_path / "page.html").write_bytes(page.replace('charset="utf-8"', 'charset="gbk"').encode("gbk"))
    [doc] = iter_documents([tmp_path / "page.html"])
    row = process(doc).article
    assert row["title"] == "兰溪县科技局召开一季度科技创新工作推进会"
    assert "1.08亿元" in row["text"] and row["published"] == "2021-04-15"


def test_exclude_patterns_and_ignore_file(tmp_path: Path) -> None:
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "a.jsonl").write_text('{"type": "money", "text": "5万元"}\n', encoding="utf-8")
    (tmp_path / "meta.jsonl").write_text('{"id": "a", "date": "2021-03-02"}\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(SIMPLIFIED, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SIMPLIFIED, encoding="utf-8")
    assert [d.doc_id for d in iter_documents([tmp_path])] == ["a.txt", "b.txt", "gold/a.jsonl#1", "a"]
    (tmp_path / ".govnewsignore").write_text("# not articles\ngold/\nmeta.jsonl\n", encoding="utf-8")
    ignored: list[str] = []
    docs = iter_documents([tmp_path], InputOptions(exclude=("b.*",)), ignored)
    assert [d.doc_id for d in docs] == ["a.txt"]
    assert sorted(Path(p).name for p in ignored) == ["a.jsonl", "b.txt", "meta.jsonl"]

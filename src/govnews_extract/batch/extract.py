"""Main text, title and date out of HTML pages and PDF files.

HTML: trafilatura (the ``html`` extra) finds the main text; without it a plain-text fallback
keeps every visible block and says so in a warning. The title and date come from the page's
``<title>``/``<meta>`` tags (``PubDate``, ``article:published_time``, … as Chinese government
sites write them). PDF: the text layer, read with pypdf (the ``pdf`` extra).

>>> page = '<html><head><title>青山市发放创新券</title><meta name="PubDate" content="2021-03-02 09:30">'
>>> page += '</head><body><p>发放创新券2856.4万元。</p><script>x=1</script></body></html>'
>>> meta = page_metadata(page)
>>> meta.title, meta.published
('青山市发放创新券', datetime.date(2021, 3, 2))
>>> plain_text(page)
'发放创新券2856.4万元。'
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from html.parser import HTMLParser

import regex

from ..errors import GovnewsError

# <meta name=… content=…> keys that carry a publication date, most specific first.
_DATE_META = (
    "pubdate",
    "publishdate",
    "article:published_time",
    "og:article:published_time",
    "dc.date.issued",
    "dc.date",
    "date",
    "firstpublishedtime",
)
_TITLE_META = ("articletitle", "og:title", "dc.title", "title")
_DATE_RE = regex.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table"}
_HIDDEN = {"script", "style", "noscript", "template", "head"}


class ExtractError(GovnewsError):
    """The file is malformed or its format needs an extra that is not installed."""


@dataclass
class Extracted:
    text: str
    title: str | None = None
    published: dt.date | None = None
    warnings: list[str] = field(default_factory=list)


def parse_date(value: str) -> dt.date | None:
    """The first Y-M-D date in ``value``: ``2021-03-02T09:30`` / ``2021年3月2日`` → date."""
    match = _DATE_RE.search(value)
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


class _PageParser(HTMLParser):
    """Collects meta tags, the <title> and the visible text with block breaks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title = ""
        self.parts: list[str] = []
        self._stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            values = {k.lower(): v or "" for k, v in attrs}
            key = (values.get("name") or values.get("property") or values.get("itemprop") or "").lower()
            if key and "content" in values:
                self.meta.setdefault(key, values["content"].strip())
        elif tag not in ("br", "img", "input", "hr", "link"):
            self._stack.append(tag)
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._stack:
            while self._stack and self._stack.pop() != tag:
                pass
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if "title" in self._stack:
            self.title += data
        elif not _HIDDEN.intersection(self._stack):
            self.parts.append(data)


def _scan(page: str) -> _PageParser:
    parser = _PageParser()
    parser.feed(page)
    parser.close()
    return parser


def page_metadata(page: str) -> Extracted:
    """Title and publication date from the page head (text left empty)."""
    parser = _scan(page)
    title = next((parser.meta[k] for k in _TITLE_META if parser.meta.get(k)), parser.title.strip() or None)
    dates = (parse_date(parser.meta[k]) for k in _DATE_META if parser.meta.get(k))
    return Extracted("", title=title, published=next((d for d in dates if d), None))


def plain_text(page: str) -> str:
    """Every visible text block, one a line (the fallback when trafilatura is absent)."""
    text = "".join(_scan(page).parts)
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def extract_html(page: str) -> Extracted:
    """Main text (trafilatura when installed) plus title and date from the metadata."""
    found = page_metadata(page)
    try:
        import trafilatura
    except ImportError:
        found.text = plain_text(page)
        found.warnings.append("trafilatura not installed (extra 'html'): kept all visible text")
        return found
    # fast: no jusText/readability second opinions (ten times slower, no better on news pages)
    main = trafilatura.extract(
        page, include_comments=False, include_tables=True, favor_recall=True, fast=True
    )
    found.text = main or plain_text(page)
    return found


def extract_pdf(data: bytes) -> Extracted:
    """The text layer of every page, pages separated by a blank line."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError
    except ImportError:
        raise ExtractError("reading PDF needs the 'pdf' extra: pip install 'govnews-extract[pdf]'") from None
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ExtractError(f"malformed PDF: {exc}") from None
    title = reader.metadata.title if reader.metadata else None
    found = Extracted("\n\n".join(pages), title=str(title) if title else None)
    if not found.text.strip():
        found.warnings.append("PDF has no text layer (scanned?)")
    return found

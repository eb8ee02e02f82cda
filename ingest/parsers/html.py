"""Parser for saved or crawled HTML pages (Korean government sites): headings, tables, lists -> sections.

Bytes are decoded with the declared charset (BOM, then the HTTP Content-Type, then <meta charset> or
http-equiv), EUC-KR labels read as CP949 (its superset, as browsers do), falling back to UTF-8 and
CP949 when the declaration is wrong. Navigation chrome (script, style, nav, header, footer, aside…)
is dropped; h1-h6 build the heading path; tables become " | " rows and lists one line per item;
sections are cut into units of at most 2000 characters (shared with the DOCX parser).
"""
from __future__ import annotations

import codecs
import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

from ingest.parsers.base import ParseError
from ingest.parsers.docx import Block, clean, guess_kind, section_units
from rag.model import Document

DROP = ("head", "title", "script", "style", "nav", "aside", "noscript", "template", "iframe", "frame", "svg",
        "select", "button", "textarea")
PAGE_CHROME = ("header", "footer")  # site chrome unless inside an article/main/section (then it is content)
DROP_ROLES = ("navigation", "banner", "contentinfo", "search")
HEADINGS = {f"h{i}": i for i in range(1, 7)}
BLOCKS = {"p", "div", "section", "article", "main", "body", "blockquote", "pre", "address", "figure",
          "figcaption", "dl", "dt", "dd", "center", "form", "fieldset", "hr", "li", "caption", "details", "summary"}
CP949_LABELS = {"euc_kr", "cp949", "ks_c_5601_1987", "ksc5601", "ksc_5601", "windows_949", "x_windows_949", "uhc",
                "ms949", "euckr"}
CRAWL_STATE = ".crawl-state.json"  # written by ingest.sources.crawl next to the pages it saves
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-.]+)""", re.I)
_CT_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", re.I)
_SKIP_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction)


def _codec(label: str | bytes | None) -> str | None:
    """Python codec for a charset label; EUC-KR family -> cp949; None when unknown."""
    if not label:
        return None
    name = (label.decode("ascii", "ignore") if isinstance(label, bytes) else label).strip().lower()
    key = name.replace("-", "_")
    if key in CP949_LABELS:
        return "cp949"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_charsets(data: bytes, content_type: str | None = None) -> list[str]:
    """Charsets the bytes declare, strongest first: BOM, HTTP header, <meta>, <?xml encoding?>."""
    found: list[str | None] = []
    if data.startswith(codecs.BOM_UTF8):
        found.append("utf-8-sig")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        found.append("utf-16")
    m = _CT_CHARSET.search(content_type or "")
    found.append(_codec(m.group(1)) if m else None)
    head = data[:4096]
    for rx in (_META_CHARSET, _XML_ENCODING):
        m = rx.search(head)
        found.append(_codec(m.group(1)) if m else None)
    return list(dict.fromkeys(c for c in found if c))


def decode_html(data: bytes, content_type: str | None = None) -> tuple[str, str]:
    """(text, codec used): declared charsets tried strictly, then UTF-8 and CP949, then UTF-8 with U+FFFD.

    Non-ASCII bytes that are valid UTF-8 are read as UTF-8 whatever the page declares: Korean EUC-KR text
    is practically never valid UTF-8, while pages re-encoded to UTF-8 often keep an old EUC-KR <meta>.
    """
    tries = declared_charsets(data, content_type)
    if not data.isascii() and not (tries and tries[0].startswith(("utf-16", "utf-8-sig"))):
        tries.insert(0, "utf-8")
    for c in dict.fromkeys(tries + ["utf-8", "cp949"]):
        try:
            return data.decode(c), c
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("utf-8", "replace"), "utf-8"


class _Walker:
    """Collects (heading path, text) blocks in document order."""

    def __init__(self) -> None:
        self.heads: list[str] = []
        self.blocks: list[Block] = []
        self.inline: list[str] = []

    def flush(self) -> None:
        text = clean("".join(self.inline))
        self.inline.clear()
        if text:
            self.blocks.append((tuple(self.heads), text))

    def walk(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if not isinstance(child, _SKIP_STRINGS):
                    self.inline.append(str(child) if node.name == "pre" else re.sub(r"\s+", " ", str(child)))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            if name in HEADINGS:
                self.flush()
                text = " ".join(child.get_text(" ").split())
                if text:
                    self.heads[:] = self.heads[: HEADINGS[name] - 1] + [text]
            elif name == "table" and not child.find(["table", *HEADINGS]):
                self.flush()
                self.add(render_table(child))
            elif name in ("ul", "ol"):
                self.flush()
                self.add("\n".join(list_lines(child)))
            elif name == "br":
                self.inline.append("\n")
            elif name in BLOCKS or name in ("table", "tr", "td", "th", "tbody", "thead", "tfoot"):
                self.flush()
                self.walk(child)
                self.flush()
            else:
                self.walk(child)

    def add(self, text: str) -> None:
        if text.strip():
            self.blocks.append((tuple(self.heads), text.strip()))


def _text(tag: Tag) -> str:
    return " ".join(tag.get_text(" ").split())


def render_table(table: Tag) -> str:
    """Caption, then one line per row of this table (not nested ones), cells joined by " | "."""
    lines = [_text(c) for c in table.find_all("caption", limit=1) if _text(c)]
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue
        cells = [_text(c) for c in tr.find_all(["th", "td"], recursive=False)]
        if any(cells):
            lines.append(" | ".join(cells))
    return "\n".join(lines)


def list_lines(lst: Tag, depth: int = 0) -> list[str]:
    """One line per <li> ("- " or "n. "), nested lists indented below their item."""
    lines, n = [], 0
    for li in lst.find_all("li", recursive=False):
        n += 1
        own, nested = [], []
        for child in li.children:
            if isinstance(child, Tag) and child.name in ("ul", "ol"):
                nested += list_lines(child, depth + 1)
            elif isinstance(child, Tag):
                own.append(child.get_text(" "))
            elif not isinstance(child, _SKIP_STRINGS):
                own.append(str(child))
        text = " ".join(" ".join(own).split())
        if text:
            lines.append("  " * depth + (f"{n}. " if lst.name == "ol" else "- ") + text)
        lines += nested
    return lines


def _strip_chrome(soup: BeautifulSoup) -> None:
    for tag in soup.select(", ".join(DROP)):
        tag.decompose()
    for tag in soup.find_all(PAGE_CHROME):
        if not tag.decomposed and not tag.find_parent(["article", "main", "section"]):
            tag.decompose()
    for tag in soup.find_all(attrs={"role": True}):
        if not tag.decomposed and tag.get("role") in DROP_ROLES:
            tag.decompose()
    for tag in soup.find_all(attrs={"hidden": True}):
        if not tag.decomposed:
            tag.decompose()


def page_url(soup: BeautifulSoup) -> str:
    """<link rel=canonical href> or <meta property=og:url content>, else ""."""
    for link in soup.find_all("link", href=True):
        if "canonical" in [r.lower() for r in (link.get("rel") or [])]:
            return link["href"].strip()
    meta = soup.find("meta", attrs={"property": "og:url"})
    return (meta.get("content") or "").strip() if meta else ""


def parse_html(data: bytes, source: str, content_type: str | None = None) -> list[Document]:
    """One Document for an HTML page given as bytes (crawler entry point); ``source`` is its URL or path."""
    text, encoding = decode_html(data, content_type)
    soup = BeautifulSoup(text, "html.parser")
    url = page_url(soup) or (source if source.startswith(("http://", "https://")) else "")
    title_tag = soup.find("title")
    title = _text(title_tag) if title_tag else ""
    h1 = soup.find("h1")
    title = title or (_text(h1) if h1 else "")
    _strip_chrome(soup)
    walker = _Walker()
    walker.walk(soup.body or soup)
    walker.flush()
    if not walker.blocks:
        raise ParseError(source, "HTML에 본문 텍스트가 없습니다(스크립트로만 그려지는 페이지일 수 있습니다).")
    name = unquote(Path(urlsplit(source).path).stem) or source
    title = title or name
    extra = {"format": "html", "encoding": encoding}
    if url:
        extra["url"] = url
    return [Document(title=title, kind=guess_kind(title, name), source=source,
                     units=section_units(walker.blocks, title), extra=extra)]


def _crawled_url(path: Path) -> str:
    """The URL a crawler saved this file from (``.crawl-state.json`` beside it), else ""."""
    state = path.parent / CRAWL_STATE
    try:
        urls = json.loads(state.read_text(encoding="utf-8")).get("urls", {})
    except (OSError, ValueError, AttributeError):
        return ""
    return next((u for u, rec in urls.items() if isinstance(rec, dict) and rec.get("file") == path.name), "")


def parse(path) -> list[Document]:
    """One Document for a saved .html file; the page URL (canonical, og:url or crawl state) in extra["url"]."""
    path = Path(path)
    docs = parse_html(path.read_bytes(), str(path), None)
    crawled = _crawled_url(path)
    for doc in docs:
        doc.extra["collection"] = path.parent.name
        if crawled:
            doc.extra.setdefault("url", crawled)
            doc.extra["crawled_from"] = crawled
    return docs

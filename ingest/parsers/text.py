"""Plain text and Markdown that is not a legalize-kr statute: sections by heading or paragraph."""
from __future__ import annotations

import re
from pathlib import Path

from ingest import visibility
from ingest.parsers.base import ParseError
from rag.model import KIND_MANUAL, UNIT_SECTION, Document, Unit

MAX_UNIT_CHARS = 2000
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+)$")


def _decode(data: bytes, path: Path) -> str:
    for enc in ("utf-8-sig", "cp949"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise ParseError(path, "텍스트 인코딩을 알 수 없습니다(UTF-8, CP949 아님)")


def sections(text: str) -> list[tuple[list[str], str]]:
    """(heading path, body) pairs; Markdown headings open sections, long bodies are cut at paragraphs."""
    out: list[tuple[list[str], str]] = []
    path: list[str] = []
    buf: list[str] = []

    def flush():
        body = "\n".join(buf).strip()
        buf.clear()
        if not body:
            return
        chunk = ""
        for para in re.split(r"\n\s*\n", body):
            if chunk and len(chunk) + len(para) > MAX_UNIT_CHARS:
                out.append((list(path), chunk.strip()))
                chunk = ""
            chunk += para + "\n\n"
        if chunk.strip():
            out.append((list(path), chunk.strip()))

    for line in text.splitlines():
        m = _MD_HEADING.match(line)
        if m:
            flush()
            level = len(m.group(1))
            path[:] = path[: level - 1] + [m.group(2).strip()]
        else:
            buf.append(line)
    flush()
    return out


def _front_matter(text: str, path: Path) -> tuple[dict, str]:
    """(front matter, body) of a Markdown file that has one; ({}, text) when it has none or it is no YAML map."""
    from ingest.parsers.legalize_md import split_front_matter

    if not text.lstrip("\ufeff").startswith("---"):
        return {}, text
    try:
        return split_front_matter(text, str(path))
    except ParseError:
        return {}, text  # a leading "---" rule, not front matter


def parse(path: Path) -> list[Document]:
    """One manual-like document whose units are heading sections."""
    text = _decode(path.read_bytes(), path)
    if not text.strip():
        raise ParseError(path, "내용이 없는 텍스트 파일입니다")
    meta, body = _front_matter(text, path)
    declared = visibility.front_matter(meta, text, str(path))
    text = body
    units = []
    seen: dict[str, int] = {}
    for heads, body in sections(text):
        label = " > ".join(heads) or path.stem
        seen[label] = seen.get(label, 0) + 1
        units.append(Unit(label=label, text=body, kind=UNIT_SECTION, title=heads[-1] if heads else "",
                          path=heads, extra={"part": seen[label]} if seen[label] > 1 else {}))
    title = str(meta.get("제목") or "").strip() or path.stem
    return [Document(title=title, kind=KIND_MANUAL, source=str(path), units=units, visibility=declared)]

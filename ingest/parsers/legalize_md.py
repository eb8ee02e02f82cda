"""Parser for legalize-kr Markdown statutes (laws, 행정규칙, 자치법규) with YAML front matter.

A file is one version of one text: the front matter gives identity and dates, ``## 제1장`` /
``### 제1절`` headings give the chapter path, ``##### 제N조 (제목)`` starts an article and
``## 부칙`` holds the addenda blocks (``부칙 <제11401호,2012.3.21>`` …).
"""
from __future__ import annotations

import html
import re
from pathlib import Path

import yaml

from ingest import visibility
from ingest.parsers.base import ParseError
from ingest.structure import article_no, article_units
from rag.grammar import ARTICLE
from rag.model import (
    KIND_ADMRULE, KIND_DECREE, KIND_LAW, KIND_ORDINANCE, KIND_OTHER, KIND_RULE, UNIT_ADDENDA,
    UNIT_SECTION, Document, Unit, parse_date,
)

_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ARTICLE = re.compile(r"^\s*" + ARTICLE)
# 제1편 / 제2장 / 제3장의2 / 제1절 / 제1관 -> depth in the chapter path
_DIVISION = re.compile(r"^제\s*\d+\s*(편|장|절|관)(?:\s*의\s*\d+)?(?:\s|$)")
_DIVISION_LEVEL = {"편": 0, "장": 1, "절": 2, "관": 3}
_NOTE = re.compile(r"\s*[<\[][^>\]]*[>\]]")
_ADDENDA_START = re.compile(r"^부\s*칙")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~])")
_BOLD = re.compile(r"(\*\*|__)(.+?)\1")
_IMG = re.compile(r"<img\b[^>]*>(?:\s*</img>)?", re.I)
_CIRCLED_GLUED = re.compile(r"^([\u2460-\u2473\u3251-\u325f])(?=\S)")

_ADMRULE_TYPES = ("훈령", "예규", "고시", "지침", "공고", "기타")


def statute_kind(category: str) -> str:
    """Document kind for a 법령구분 / 법종구분 / 행정규칙종류 value (shared with the law.go.kr parser)."""
    c = (category or "").replace(" ", "")
    if c in ("법률", "헌법"):
        return KIND_LAW
    if c == "대통령령":
        return KIND_DECREE
    if c.endswith(("총리령", "부령", "규칙")):
        return KIND_RULE
    if c.endswith(_ADMRULE_TYPES):
        return KIND_ADMRULE
    if c.endswith("조례"):
        return KIND_ORDINANCE
    return KIND_OTHER


def clean_line(line: str) -> str:
    """One Markdown line as plain Korean text: no bold markers, escapes, images or indentation."""
    s = _IMG.sub("", line)
    s = _BOLD.sub(r"\2", s)
    s = _ESCAPE.sub(r"\1", s)
    s = html.unescape(s).replace("〈", "<").replace("〉", ">").replace("\u00a0", " ")
    s = _CIRCLED_GLUED.sub(r"\1 ", s.strip())
    return re.sub(r"[ \t]{2,}", " ", s)


def heading_level(text: str) -> int | None:
    """Chapter-path depth of a 편/장/절/관 heading, None if the text is not one."""
    m = _DIVISION.match(text)
    return _DIVISION_LEVEL[m.group(1)] if m else None


def update_path(path: list[tuple[int, str]], level: int, text: str) -> list[tuple[int, str]]:
    """Chapter path after a heading at ``level``: deeper or equal levels are replaced."""
    kept = [(lv, t) for lv, t in path if lv < level]
    return kept + [(level, _NOTE.sub("", text).strip())]


def balanced_group(s: str) -> tuple[str, str] | None:
    """(inside, rest) for a leading (...) / <...> / 〈...〉 group, allowing nested parentheses."""
    s = s.lstrip()
    pairs = {"(": ")", "<": ">", "〈": "〉"}
    if not s or s[0] not in pairs:
        return None
    open_, close, depth = s[0], pairs[s[0]], 0
    for i, ch in enumerate(s):
        depth += ch == open_
        depth -= ch == close
        if depth == 0:
            return s[1:i], s[i + 1:]
    return None


def split_article(text: str) -> tuple[str, str, str] | None:
    """("7의2", title, rest) for "제7조의2 (제목) rest"; None when the text is no article heading."""
    m = _ARTICLE.match(text)
    if not m:
        return None
    rest = text[m.end():]
    group = balanced_group(rest) if rest.lstrip().startswith("(") else None
    title, rest = (group[0].strip(), group[1]) if group else ("", rest)
    return article_no(m.group(1), m.group(2)), title, rest.strip()


def addenda_header(line: str) -> dict | None:
    """Parse ``부칙(정부조직법) <제12844호,2014.11.19> …``: name, date, number and the text after it.

    Returns None when the line does not carry a 부칙 header with a date or number.
    """
    m = _ADDENDA_START.match(line)
    if not m:
        return None
    rest, name = line[m.end():], ""
    for _ in range(3):
        group = balanced_group(rest)
        if group is None:
            return None
        inside, after = group
        date = re.search(r"(\d{4})\s*\.\s*(\d{1,2})\s*\.\s*(\d{1,2})", inside)
        number = re.search(r"제\s*([\d\-]+)\s*호", inside)
        if date or number:
            day = parse_date("-".join(date.groups())) if date else None
            return {"name": name, "date": day, "no": number.group(1) if number else "",
                    "rest": after.strip()}
        name, rest = inside.strip(), after
    return None


def addenda_label(day, number: str, several: bool = True) -> str:
    """Label of one 부칙 block, identical across parsers (law_pdf too).

    "부칙" when the text has a single 부칙, else law.go.kr's own heading form "부칙 <제12844호,2014.11.19>".
    """
    number = (number or "").strip()
    if number.isdigit():
        number = str(int(number))
    parts = [f"제{number}호"] if number else []
    if day:
        parts.append(f"{day.year}.{day.month}.{day.day}")
    return f"부칙 <{','.join(parts)}>" if parts and several else "부칙"


def unique_label(label: str, used: set[str]) -> str:
    """``label`` or ``label (2)``, ``label (3)`` … so that labels within a document stay distinct."""
    out, n = label, 1
    while out in used:
        n += 1
        out = f"{label} ({n})"
    used.add(out)
    return out


def addenda_units(lines: list[str], used: set[str]) -> list[Unit]:
    """One UNIT_ADDENDA unit per 부칙 block of the ``## 부칙`` section."""
    blocks: list[tuple[dict | None, list[str]]] = []
    for line in lines:
        header = addenda_header(line)
        if header is not None or not blocks:
            blocks.append((header, [line]))
        else:
            blocks[-1][1].append(line)
    units = []
    for header, body in blocks:
        header = header or {"name": "", "date": None, "no": ""}
        label = unique_label(addenda_label(header["date"], header["no"], len(blocks) > 1), used)
        extra = {"promulgated_on": header["date"].isoformat() if header["date"] else None,
                 "promulgation_no": header["no"]}
        units.append(Unit(label=label, text="\n".join(body), kind=UNIT_ADDENDA,
                          title=header["name"], extra=extra))
    return units


def _first(meta: dict, *keys: str):
    """First non-empty front-matter value among ``keys``."""
    for k in keys:
        v = meta.get(k)
        if v not in (None, "", []):
            return v
    return None


def _text(value) -> str:
    """Front-matter scalar or list as a string ("a, b" for lists)."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v).strip() for v in value if v not in (None, ""))
    return str(value).strip()


def _number(value) -> str:
    """공포번호 without zero padding ("00642" -> "642"); non-numeric numbers ("2025-9") unchanged."""
    s = _text(value)
    return str(int(s)) if s.isdigit() else s


def _attachments(meta: dict) -> list[dict]:
    """별표/서식 attachments listed in the front matter (titles and links only)."""
    out = []
    for a in meta.get("첨부파일") or []:
        if isinstance(a, dict):
            out.append({"kind": _text(a.get("별표구분")), "no": _text(a.get("별표번호")),
                        "sub": _text(a.get("별표가지번호")), "title": html.unescape(_text(a.get("제목"))),
                        "url": _text(a.get("파일링크"))})
    return out


def document_from_meta(meta: dict, source: str) -> Document:
    """Document (without units) from legalize-kr law / admrule-kr / ordinance-kr front matter."""
    title = _text(_first(meta, "제목", "법령명", "행정규칙명", "자치법규명"))
    category = _text(_first(meta, "법령구분", "행정규칙종류", "자치법규종류"))
    if any(k.startswith("자치법규") for k in meta):
        kind = KIND_ORDINANCE  # 조례 and a municipality's 규칙 alike
    elif any(k.startswith("행정규칙") for k in meta):
        kind = KIND_ADMRULE
    else:
        kind = statute_kind(category)
    doc = Document(
        title=title, kind=kind, source=source,
        law_id=_text(_first(meta, "법령ID", "행정규칙ID", "자치법규ID")),
        mst=_text(_first(meta, "법령MST", "법령일련번호", "행정규칙일련번호", "자치법규일련번호")),
        promulgated_on=parse_date(_first(meta, "공포일자", "발령일자")),
        promulgation_no=_number(_first(meta, "공포번호", "발령번호")),
        revision_type=_text(meta.get("제개정구분")),
        ministry=_text(_first(meta, "소관부처", "소관부처명", "지자체기관명")),
        effective_from=parse_date(meta.get("시행일자")),
    )
    doc.extra = {k: v for k, v in {
        "category": category,
        "url": _text(meta.get("출처")),
        "source_status": _text(_first(meta, "상태", "현행여부")),  # informative only; dates decide
        "department": _text(meta.get("담당부서")),
        "agency_path": _text(meta.get("기관경로")),
        "attachments": _attachments(meta),
    }.items() if v}
    return doc


def split_front_matter(text: str, source: str) -> tuple[dict, str]:
    """(front matter dict, Markdown body); ParseError when the YAML is missing or broken."""
    m = _FRONT.match(text)
    if not m:
        raise ParseError(source, "YAML front matter(--- … ---)가 없습니다: legalize-kr 형식이 아닙니다")
    try:
        meta = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as e:
        raise ParseError(source, f"front matter YAML을 읽을 수 없습니다: {e}") from e
    if not isinstance(meta, dict):
        raise ParseError(source, "front matter가 key: value 형식이 아닙니다")
    return meta, text[m.end():]


class _Builder:
    """Walks the Markdown body line by line and collects article and 부칙 units."""

    def __init__(self) -> None:
        self.units: list[Unit] = []
        self.path: list[tuple[int, str]] = []
        self.article: tuple[str, str, list[tuple[int, str]]] | None = None
        self.lines: list[str] = []
        self.in_addenda = False
        self.addenda: list[str] = []
        self.loose: list[str] = []  # text outside any article or 부칙 (e.g. non-article 행정규칙)
        self.used: set[str] = set()

    def flush(self) -> None:
        """Turn the article being read into units."""
        if self.article is not None:
            no, title, path = self.article
            body = "\n".join(self.lines)
            extra = {"deleted": True} if re.match(r"^삭제\s*(<|$)", body) else None
            for u in article_units(no, title, body, [t for _, t in path], extra=extra):
                u.label = unique_label(u.label, self.used)
                self.units.append(u)
        self.article, self.lines = None, []

    def heading(self, hashes: str, text: str) -> None:
        """Handle a Markdown heading: 부칙 section, chapter/section, or article."""
        split = split_article(text) if len(hashes) > 1 else None
        if split:  # normally "#####", but any sub-heading "제N조 …" is an article
            self.flush()
            self.in_addenda = False
            self.article = (split[0], split[1], self.path)
            if split[2]:
                self.lines.append(split[2])
            return
        self.flush()
        self.in_addenda = bool(re.fullmatch(r"부\s*칙", text))
        if len(hashes) == 1 or self.in_addenda:
            return
        level = heading_level(text)
        self.path = update_path(self.path, level if level is not None else len(hashes) - 1, text)

    def line(self, raw: str) -> None:
        """Add a content line to the article or 부칙 being read."""
        s = clean_line(raw)
        if not s:
            return
        if self.in_addenda:
            self.addenda.append(s)
        elif self.article is not None:
            self.lines.append(s)
        else:
            self.loose.append(s)

    def finish(self) -> list[Unit]:
        """All units; a document without articles keeps its loose text as one "본문" unit."""
        self.flush()
        if self.loose and not self.units:
            self.units.append(Unit(label="본문", text="\n".join(self.loose), kind=UNIT_SECTION,
                                   path=[t for _, t in self.path]))
        if self.addenda:
            self.units.extend(addenda_units(self.addenda, self.used))
        return self.units


def parse_text(text: str, source: str) -> list[Document]:
    """Documents (one) from the text of a legalize-kr Markdown file."""
    meta, body = split_front_matter(text, source)
    doc = document_from_meta(meta, source)
    doc.visibility = visibility.front_matter(meta, text, source)
    builder = _Builder()
    for raw in body.splitlines():
        h = _HEADING.match(raw)
        if h:
            builder.heading(h.group(1), clean_line(h.group(2)))
            if h.group(1) == "#" and not doc.title:
                doc.title = clean_line(h.group(2))
        else:
            builder.line(raw)
    doc.units = builder.finish()
    if not doc.title:
        raise ParseError(source, "제목이 없습니다 (front matter 제목/행정규칙명/자치법규명 또는 # 제목)")
    if not doc.units:
        raise ParseError(source, "조문(##### 제N조)이나 부칙을 찾지 못했습니다")
    return [doc]


def parse(path: Path) -> list[Document]:
    """Documents (one) from a legalize-kr Markdown file."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise ParseError(path, f"UTF-8 텍스트가 아닙니다: {e}") from e
    return parse_text(text, str(path))

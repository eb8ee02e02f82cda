"""Parser for law.go.kr Open API statute bodies (lawService.do target=law/eflaw, and admrul), JSON or XML.

Both formats are read into the same nested-dict shape (the JSON one: ``{"법령": {"기본정보": …,
"조문": {"조문단위": [...]}, "부칙": …, "별표": …}}``; XML attributes such as 조문키 become keys, a
leaf with attributes becomes ``{"content": text, …}``) and then turned into one Document.
"""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from ingest.parsers.base import ParseError, sniff
from ingest.parsers.legalize_md import (
    addenda_header, addenda_label, clean_line, heading_level, split_article, statute_kind,
    unique_label, update_path,
)
from ingest.structure import CIRCLED, article_no, article_units
from rag.grammar import ARTICLE_LABEL
from rag.model import KIND_ADMRULE, UNIT_ADDENDA, UNIT_ANNEX, UNIT_SECTION, Document, Unit, parse_date

_ITEM = re.compile(r"(?<!\d)(?<!\d\.)(\d{1,3})(?:의(\d+))?\.(?!\d)")  # 호 "1." "8의2.", not dates
_ADDENDA_ARTICLE = re.compile(r"(?<!\d)" + ARTICLE_LABEL + r"\s*\(")
_ADDENDA_HEAD = re.compile(r"^(부\s*칙\s*(?:\([^)]*\)\s*)?<[^>]*>)\s*")


def _xml_value(el: ET.Element):
    """An XML element as JSON-like data; a 목 following a 호 is attached to that 호 (document order)."""
    children = list(el)
    if not children:
        return {"content": el.text or "", **el.attrib} if el.attrib else (el.text or "")
    out: dict = dict(el.attrib)
    last_ho = None
    for child in children:
        value = _xml_value(child)
        target = last_ho if child.tag == "목" and last_ho is not None else out
        old = target.get(child.tag)  # repeated elements become a list
        target[child.tag] = value if old is None else (old if isinstance(old, list) else [old]) + [value]
        if child.tag == "호" and isinstance(value, dict):
            last_ho = value
    return out


def load_tree(data: bytes, source: str) -> tuple[dict, str]:
    """(JSON-like tree, "json"|"xml") from a response body; ParseError for anything else."""
    if not data or not data.strip():
        raise ParseError(source, "빈 응답입니다 (law.go.kr API가 본문을 돌려주지 않았습니다)")
    fmt = sniff(Path(source), data[:4096])
    if fmt == "html":
        raise ParseError(source, "HTML 페이지입니다: law.go.kr 오류 페이지로 보입니다 (OC 인증키·MST·target 확인)")
    if fmt == "json":
        try:
            tree = json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            raise ParseError(source, f"JSON을 읽을 수 없습니다: {e}") from e
    elif fmt == "xml":
        try:
            root = SafeET.fromstring(data)
        except DefusedXmlException as e:
            raise ParseError(source, f"XML에 허용되지 않는 DTD/엔티티가 있습니다 ({type(e).__name__})") from e
        except ET.ParseError as e:
            raise ParseError(source, f"XML을 읽을 수 없습니다: {e}") from e
        tree = {root.tag: _xml_value(root)}
    else:
        raise ParseError(source, f"JSON이나 XML이 아닙니다 (감지된 형식: {fmt})")
    if not isinstance(tree, dict):
        raise ParseError(source, "최상위가 객체가 아닙니다: law.go.kr 본문 응답이 아닙니다")
    return tree, fmt


def _as_list(value) -> list:
    """A value that may be missing, one object or a list, as a list."""
    if value is None or value == "":
        return []
    return value if isinstance(value, list) else [value]


def _lines(value) -> list[str]:
    """Clean non-empty text lines of a string, {"content": …} object or (nested) list of them."""
    if value is None:
        return []
    if isinstance(value, dict):
        return _lines(value.get("content"))
    if isinstance(value, list):
        return [line for v in value for line in _lines(v)]
    return [s for s in (clean_line(x) for x in str(value).splitlines()) if s]


def _text(value, sep: str = " ") -> str:
    """A scalar field as one string ("a, b" for lists when sep=", ")."""
    if isinstance(value, list):
        return sep.join(_text(v) for v in value if _text(v))
    return " ".join(_lines(value))


def _number(value) -> str:
    """"07929" -> "7929"; "2024-8" unchanged."""
    s = _text(value)
    return str(int(s)) if s.isdigit() else s


def _index(value) -> int:
    """"0010" -> 10; missing -> 0."""
    return int(_number(value) or 0) if _number(value).isdigit() else 0


def _node_lines(node: dict) -> list[str]:
    """Lines of the 항/호/목 below a node, in order; a 목 list beside a 호 list joins a 호."""
    hos, moks = _as_list(node.get("호")), _as_list(node.get("목"))
    if hos and moks:  # 목 beside 호 (order lost): give them to the 호 that announces "각 목"
        owner = next((h for h in reversed(hos) if isinstance(h, dict) and "각 목" in _text(h.get("호내용"))),
                     hos[-1])
        if isinstance(owner, dict):
            owner["목"] = _as_list(owner.get("목")) + moks
            moks = []
    out: list[str] = []
    for key, children in (("항", _as_list(node.get("항"))), ("목", moks), ("호", hos)):
        for child in children:
            if isinstance(child, dict):
                out += _lines(child.get(key + "내용")) + _node_lines(child)
            else:
                out += _lines(child)
    return out


def _article(u: dict, path: list[tuple[int, str]], used: set[str]) -> list[Unit]:
    """Units of one 조문단위 whose 조문여부 is 조문."""
    head = _lines(u.get("조문내용"))
    split = split_article(head[0]) if head else None
    number, sub = _index(u.get("조문번호")), _index(u.get("조문가지번호"))
    no = article_no(number, sub or None) if number or not split else split[0]
    title = _text(u.get("조문제목")) or (split[1] if split else "")
    if split:
        head[0] = split[2]
    body = "\n".join(x for x in head + _node_lines(u) + _lines(u.get("조문참고자료")) if x)
    extra = {"changed": _text(u.get("조문변경여부")) == "Y", "key": _text(u.get("조문키"))}
    if re.match(r"^삭제\s*(<|$)", body):
        extra["deleted"] = True
    units = article_units(no, title, body, [t for _, t in path],
                          effective_from=parse_date(_text(u.get("조문시행일자"))), extra=extra)
    for unit in units:
        unit.label = unique_label(unit.label, used)
    return units


def _law_articles(articles, used: set[str]) -> list[Unit]:
    """Units of all 조문단위: 전문 entries move the chapter path, 조문 entries become articles."""
    path: list[tuple[int, str]] = []
    units: list[Unit] = []
    for u in _as_list((articles or {}).get("조문단위") if isinstance(articles, dict) else articles):
        if not isinstance(u, dict):
            continue
        kind, heading = _text(u.get("조문여부")), _text(u.get("조문내용"))
        if kind == "전문" or (not kind and heading_level(heading) is not None):
            if heading and heading != "전문":
                path = update_path(path, heading_level(heading) or 1, heading)
            continue
        units += _article(u, path, used)
    return units


def _break_sequence(text: str, pattern: re.Pattern, number) -> str:
    """Insert line breaks before markers numbered 1, 2, 3 … (and N의M) glued into one line."""
    cuts, expect = [], 1
    for m in pattern.finditer(text):
        n, sub = number(m)
        if n == expect and not sub:
            cuts.append(m.start())
            expect += 1
        elif sub and n == expect - 1:
            cuts.append(m.start())
    if len(cuts) < 2:
        return text
    for i in reversed(cuts):
        if i > 0 and text[i - 1] != "\n":
            text = text[:i].rstrip() + "\n" + text[i:]
    return text


def unglue(text: str) -> str:
    """항 ①②… and 호 1. 2. … on their own lines in 행정규칙 text that the API gives as one line."""
    circled = re.compile("[" + CIRCLED + "]")
    text = _break_sequence(text, circled, lambda m: (CIRCLED.index(m.group()) + 1, None))
    return "\n".join(_break_sequence(p, _ITEM, lambda m: (int(m.group(1)), m.group(2)))
                     for p in text.split("\n"))


def _admrule_articles(entries, used: set[str]) -> list[Unit]:
    """Units of an AdmRulService 조문내용 list: headings, "제N조(제목) …" strings, loose text."""
    path: list[tuple[int, str]] = []
    units: list[Unit] = []
    for entry in _as_list(entries):
        text = "\n".join(_lines(entry))
        split = split_article(text)
        if not split:
            if heading_level(text) is not None and len(text) < 80:
                path = update_path(path, heading_level(text), text)
            elif text:
                units.append(Unit(label=unique_label("본문", used), text=text, kind=UNIT_SECTION,
                                  path=[t for _, t in path]))
            continue
        for unit in article_units(split[0], split[1], unglue(split[2]), [t for _, t in path]):
            unit.label = unique_label(unit.label, used)
            units.append(unit)
    return units


def _addenda_entries(addenda) -> list[dict]:
    """부칙단위 objects, or the parallel 부칙공포일자/부칙공포번호/부칙내용 lists of admrul."""
    if not isinstance(addenda, dict):
        return []
    if "부칙단위" in addenda:
        return [a for a in _as_list(addenda["부칙단위"]) if isinstance(a, dict)]
    dates, nos = _as_list(addenda.get("부칙공포일자")), _as_list(addenda.get("부칙공포번호"))
    return [{"부칙공포일자": dates[i] if i < len(dates) else "", "부칙공포번호": nos[i] if i < len(nos) else "",
             "부칙내용": body} for i, body in enumerate(_as_list(addenda.get("부칙내용")))]


def _addenda_units(addenda, used: set[str]) -> list[Unit]:
    """One UNIT_ADDENDA unit per 부칙: "부칙" alone, or "부칙 <제7929호,2006.4.28>" when several."""
    units, entries = [], _addenda_entries(addenda)
    for a in entries:
        lines = _lines(a.get("부칙내용"))
        if len(lines) == 1:  # admrul gives each 부칙 as one glued line
            glued = _ADDENDA_HEAD.sub(r"\1\n", lines[0])
            glued = _break_sequence(glued, _ADDENDA_ARTICLE, lambda m: (int(m.group(1)), m.group(2)))
            lines = [y.strip() for x in glued.split("\n") for y in unglue(x).split("\n") if y.strip()]
        header = (addenda_header(lines[0]) if lines else None) or {}
        day = parse_date(_text(a.get("부칙공포일자"))) or header.get("date")
        no = _text(a.get("부칙공포번호")) or header.get("no", "")
        label = unique_label(addenda_label(day, no, len(entries) > 1), used)
        extra = {"promulgated_on": day.isoformat() if day else None, "promulgation_no": _number(no),
                 "key": _text(a.get("부칙키"))}
        units.append(Unit(label=label, text="\n".join(lines), kind=UNIT_ADDENDA,
                          title=header.get("name", ""), extra=extra))
    return units


def annex_label(category: str, number, sub) -> str:
    """"별표 10의2", "별표" (unnumbered), "별지 제3호서식"."""
    n, s = _index(number), _index(sub)
    num = f"{n}의{s}" if s else str(n)
    if category in ("서식", "별지"):
        return f"별지 제{num}호서식"
    return f"{category or '별표'} {num}" if n else (category or "별표")


def _annex_dates(value: str) -> dict[str, object]:
    """{"별표 1의2": date} from 별표시행일자문자열 such as "20250520:별표1의2,별표9"."""
    out = {}
    for part in re.split(r"[;|]", value or ""):
        day, _, names = part.partition(":")
        for name in names.split(","):
            m = re.match(r"\s*별표\s*(\d+)(?:의(\d+))?", name)
            if m and parse_date(day.strip()):
                out[annex_label("별표", m.group(1), m.group(2))] = parse_date(day.strip())
    return out


def _annex_units(annexes, dates: dict, used: set[str]) -> list[Unit]:
    """One UNIT_ANNEX unit per 별표단위 with its title and text content."""
    units = []
    for a in _as_list(annexes.get("별표단위") if isinstance(annexes, dict) else None):
        if not isinstance(a, dict):
            continue
        category = _text(a.get("별표구분")) or "별표"
        label = annex_label(category, a.get("별표번호"), a.get("별표가지번호"))
        title = _text(a.get("별표제목"))
        text = "\n".join([f"{label} {title}".strip()] + _lines(a.get("별표내용")))
        extra = {k: v for k, v in {"category": category, "key": _text(a.get("별표키")),
                                   "file": _text(a.get("별표서식파일링크")),
                                   "pdf": _text(a.get("별표서식PDF파일링크"))}.items() if v}
        units.append(Unit(label=unique_label(label, used), text=text, kind=UNIT_ANNEX, title=title,
                          effective_from=dates.get(label), extra=extra))
    return units


def _law_document(law: dict, source: str, fmt: str) -> Document:
    """Document from a target=law / eflaw body (``{"법령": …}``)."""
    info = law.get("기본정보") if isinstance(law.get("기본정보"), dict) else {}
    category = _text(info.get("법종구분"))
    revision = _text(info.get("제개정구분"))
    doc = Document(
        title=_text(info.get("법령명_한글") or info.get("법령명")), kind=statute_kind(category),
        source=source, law_id=_text(info.get("법령ID")),
        mst=_text(info.get("법령일련번호")) or _text(law.get("법령키")),
        promulgated_on=parse_date(_text(info.get("공포일자"))), promulgation_no=_number(info.get("공포번호")),
        revision_type=revision, ministry=_text(info.get("소관부처"), ", "),
        effective_from=parse_date(_text(info.get("시행일자"))), repealed=revision == "폐지",
        abbreviations=[a.strip() for a in re.split(r"[,،]", _text(info.get("법령명약칭"))) if a.strip()],
        extra={"format": fmt, "category": category, "law_key": _text(law.get("법령키"))},
    )
    used: set[str] = set()
    doc.units = (_law_articles(law.get("조문"), used) + _addenda_units(law.get("부칙"), used)
                 + _annex_units(law.get("별표"), _annex_dates(_text(info.get("별표시행일자문자열"))), used))
    return doc


def _admrule_document(rule: dict, source: str, fmt: str) -> Document:
    """Document from a target=admrul body (``{"AdmRulService": …}``)."""
    info = rule.get("행정규칙기본정보") if isinstance(rule.get("행정규칙기본정보"), dict) else {}
    doc = Document(
        title=_text(info.get("행정규칙명")), kind=KIND_ADMRULE, source=source,
        law_id=_text(info.get("행정규칙ID")), mst=_text(info.get("행정규칙일련번호")),
        promulgated_on=parse_date(_text(info.get("발령일자"))), promulgation_no=_number(info.get("발령번호")),
        revision_type=_text(info.get("제개정구분명")), ministry=_text(info.get("소관부처명")),
        effective_from=parse_date(_text(info.get("시행일자"))),
        extra={"format": fmt, "category": _text(info.get("행정규칙종류")),
               "source_status": _text(info.get("현행여부"))},
    )
    used: set[str] = set()
    doc.units = (_admrule_articles(rule.get("조문내용"), used) + _addenda_units(rule.get("부칙"), used)
                 + _annex_units(rule.get("별표"), {}, used))
    return doc


def parse_bytes(data: bytes, source: str) -> list[Document]:
    """Documents (one) from a law.go.kr lawService.do response body, JSON or XML."""
    tree, fmt = load_tree(data, source)
    if isinstance(tree.get("법령"), dict):
        doc = _law_document(tree["법령"], source, fmt)
    elif isinstance(tree.get("AdmRulService"), dict):
        doc = _admrule_document(tree["AdmRulService"], source, fmt)
    else:
        message = "; ".join(f"{k}: {v}" for k, v in tree.items() if isinstance(v, str))[:200]
        raise ParseError(source, "law.go.kr 법령 본문(법령/AdmRulService)이 아닙니다"
                         + (f" — 응답: {message}" if message else f" — 최상위 키: {list(tree)[:5]}"))
    if not doc.title:
        raise ParseError(source, "기본정보에 법령명이 없습니다")
    if not doc.units:
        raise ParseError(source, "조문·부칙·별표가 하나도 없습니다")
    return [doc]


def parse(path: Path) -> list[Document]:
    """Documents (one) from a saved law.go.kr API response file."""
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise ParseError(path, f"파일을 읽을 수 없습니다: {e}") from e
    return parse_bytes(data, str(path))

"""law.go.kr bodies the statute parser does not read yet: 자치법규 (ordin) and 법령해석례 (expc)."""
from __future__ import annotations

import json
import re

from ingest.parsers.base import ParseError
from ingest.parsers.lawgokr import load_tree, parse_bytes
from ingest.parsers.legalize_md import clean_line
from rag.model import KIND_INTERPRETATION, KIND_ORDINANCE, UNIT_SECTION, Document, Unit, parse_date


def _plain(value, sep: str = "\n") -> str:
    """Text of a scalar, {"content": …} or list value from ``load_tree``, cleaned line by line."""
    if isinstance(value, dict):
        return _plain(value.get("content"), sep)
    if isinstance(value, list):
        return sep.join(t for t in (_plain(v, sep) for v in value) if t)
    text = re.sub(r"<br\s*/?>", "\n", str(value or ""), flags=re.I)
    return sep.join(s for s in (clean_line(x) for x in text.splitlines()) if s)


def _ordinance(body: dict, source: str) -> list[Document]:
    """자치법규 (ordin LawService: 자치법규기본정보, 조문/조) mapped onto the statute shape and parsed."""
    info = body.get("자치법규기본정보") or {}
    t = lambda k: _plain(info.get(k), " ")  # noqa: E731
    units = body.get("조문", {}).get("조") if isinstance(body.get("조문"), dict) else None
    articles = [{"조문여부": {"Y": "조문", "N": "전문"}.get(_plain(u.get("조문여부")), _plain(u.get("조문여부"))),
                 "조문내용": u.get("조내용", ""), "조문제목": u.get("조제목", "")}
                for u in (units if isinstance(units, list) else [units]) if isinstance(u, dict)]
    law = {"기본정보": {"법령명_한글": t("자치법규명"), "법령ID": t("자치법규ID"), "법령일련번호": t("자치법규일련번호"),
                    "공포일자": t("공포일자"), "공포번호": t("공포번호"), "시행일자": t("시행일자"),
                    "법종구분": t("자치법규종류"), "제개정구분": t("제개정정보") or t("제개정구분명"),
                    "소관부처": t("지자체기관명")},
           "조문": {"조문단위": articles}, "부칙": body.get("부칙"), "별표": body.get("별표")}
    docs = parse_bytes(json.dumps({"법령": law}, ensure_ascii=False).encode(), source)
    for d in docs:
        d.kind, d.extra["format"] = KIND_ORDINANCE, "xml"
    return docs


def _interpretation(body: dict, source: str) -> list[Document]:
    """법령해석례 (expc ExpcService) as one document with 질의요지 / 회답 / 이유 units."""
    units = [Unit(label=k, text=_plain(body.get(k)), kind=UNIT_SECTION, title=k)
             for k in ("질의요지", "회답", "이유") if _plain(body.get(k))]
    if not units:
        raise ParseError(source, "법령해석례에 질의요지·회답·이유가 없습니다")
    seq = _plain(body.get("법령해석례일련번호"), " ")
    return [Document(title=_plain(body.get("안건명"), " "), kind=KIND_INTERPRETATION, source=source, units=units,
                     law_id=f"expc-{seq}" if seq else "", mst=seq, promulgation_no=_plain(body.get("안건번호"), " "),
                     effective_from=parse_date(_plain(body.get("해석일자"), " ")),
                     ministry=_plain(body.get("해석기관명"), " "),
                     extra={"format": "xml", "case_no": _plain(body.get("안건번호"), " "),
                            "asked_by": _plain(body.get("질의기관명"), " ")})]


def parse_body(target: str, data: bytes, source: str) -> list[Document]:
    """Documents from a lawService.do body: statutes and 행정규칙 by the lawgokr parser, 자치법규 and
    법령해석례 (which it does not read yet) by the mappings above."""
    if target in ("ordin", "expc"):
        tree, _ = load_tree(data, source)
        if isinstance(tree.get("ExpcService"), dict):
            return _interpretation(tree["ExpcService"], source)
        if isinstance(tree.get("LawService"), dict) and "자치법규기본정보" in tree["LawService"]:
            return _ordinance(tree["LawService"], source)
    return parse_bytes(data, source)

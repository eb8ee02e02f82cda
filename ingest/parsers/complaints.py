"""Past civil-complaint (민원) cases from CSV, JSONL or XLSX exports: one case = one unit.

Personal data is masked (``ingest.pii``) here, before anything is stored, embedded or logged; the
unmasked text never leaves this module. Column names vary by system, so each field accepts the
usual aliases and ``DASAN_COMPLAINT_COLUMNS`` (JSON, e.g. {"question": "민원요지"}) overrides them.
"""
from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

from ingest.parsers.base import ParseError
from rag.model import KIND_COMPLAINT, UNIT_CASE, Document, Unit, parse_date

ALIASES = {
    "id": ["id", "번호", "민원번호", "접수번호"],
    "title": ["title", "제목", "민원제목"],
    "question": ["question", "질문", "질의", "민원내용", "내용", "신청내용"],
    "answer": ["answer", "답변", "회신", "답변내용", "처리결과"],
    "department": ["department", "부서", "담당부서", "처리부서"],
    "date": ["date", "날짜", "등록일", "접수일", "처리일", "답변일"],
}
MAX_ROWS = 200_000


def columns(header: list[str]) -> dict[str, str]:
    """Field -> column name present in the header (configured names first, then aliases)."""
    override = json.loads(os.environ.get("DASAN_COMPLAINT_COLUMNS", "{}") or "{}")
    norm = {h.strip().lower(): h for h in header if h}
    out = {}
    for field, names in ALIASES.items():
        for name in [override.get(field, "")] + names:
            if name and name.strip().lower() in norm:
                out[field] = norm[name.strip().lower()]
                break
    return out


def looks_like_cases(header: list[str]) -> bool:
    cols = columns(header)
    return "question" in cols and "answer" in cols


def _rows_csv(path: Path) -> list[dict]:
    data = path.read_bytes()
    for enc in ("utf-8-sig", "cp949"):
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ParseError(path, "CSV 인코딩을 알 수 없습니다(UTF-8, CP949 아님)")
    dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;") if text.strip() else csv.excel
    return list(csv.DictReader(io.StringIO(text), dialect=dialect))


def _rows_jsonl(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise ParseError(path, f"{n}번째 줄이 올바른 JSON이 아닙니다: {e.msg}") from e
    return rows


def _rows_xlsx(path: Path) -> list[dict]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as e:
        raise ParseError(path, f"엑셀 파일을 열 수 없습니다: {e}") from e
    ws = wb.worksheets[0]
    it = ws.iter_rows(values_only=True)
    header = [str(c or "").strip() for c in next(it, [])]
    rows = [{h: ("" if v is None else str(v)) for h, v in zip(header, r)} for r in it]
    wb.close()
    return rows


def read_rows(path: Path) -> list[dict]:
    suffix = path.suffix.lower()
    rows = _rows_xlsx(path) if suffix == ".xlsx" else _rows_jsonl(path) if suffix in (".jsonl", ".json") \
        else _rows_csv(path)
    if len(rows) > MAX_ROWS:
        raise ParseError(path, f"민원 사례가 너무 많습니다({len(rows):,}건 > {MAX_ROWS:,}건): 나누어 올리세요")
    return rows


def parse(path: Path) -> list[Document]:
    """One document per export file; every case masked before it becomes a unit."""
    from ingest.pii import mask

    rows = read_rows(path)
    if not rows:
        raise ParseError(path, "민원 사례가 없습니다")
    cols = columns(list(rows[0].keys()))
    if "question" not in cols or "answer" not in cols:
        raise ParseError(path, f"질문/답변 열을 찾지 못했습니다(열: {', '.join(rows[0].keys())}). "
                               "DASAN_COMPLAINT_COLUMNS로 열 이름을 지정하세요")
    units = []
    for n, row in enumerate(rows, start=1):
        get = lambda f: str(row.get(cols[f], "") or "").strip() if f in cols else ""  # noqa: E731
        question, answer = get("question"), get("answer")
        if not question and not answer:
            continue
        title = mask(get("title")).masked
        body = f"제목: {title}\n질문: {mask(question).masked}\n답변: {mask(answer).masked}"
        case_id = get("id") or str(n)
        label = f"민원 {mask(case_id).masked}"
        units.append(Unit(label=label, text=body, kind=UNIT_CASE, title=title,
                          extra={"department": get("department"), "date": str(parse_date(get("date")) or "")}))
    return [Document(title=f"민원 사례: {path.stem}", kind=KIND_COMPLAINT, source=str(path), units=units,
                     extra={"cases": len(units)})]

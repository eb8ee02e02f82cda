"""Past civil-complaint (민원) cases from CSV, JSONL or XLSX exports: one case = one unit.

Personal data is masked (``ingest.pii``) here, before anything is stored, embedded or logged; the
unmasked text never leaves this module. Column names vary by system, so each field accepts the
usual aliases and ``DASAN_COMPLAINT_COLUMNS`` (JSON, e.g. {"question": "민원요지"}) overrides them.

Rows are read lazily and reading stops at row MAX_ROWS + 1: an export over the cap is refused as a
whole (nothing from it is stored) rather than cut, since a silently truncated case set would look
complete. An XLSX goes through the HWPX/DOCX zip guard (member count, total and per-member
uncompressed size, compression ratio) before openpyxl opens it, so a zip bomb is refused from its
directory alone.
"""
from __future__ import annotations

import csv
import io
import json
import os
import zipfile
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from ingest.parsers.base import ParseError, sniff
from rag.model import KIND_COMPLAINT, UNIT_CASE, Document, Unit, parse_date

ALIASES = {
    "id": ["id", "번호", "민원번호", "접수번호"],
    "title": ["title", "제목", "민원제목"],
    "question": ["question", "질문", "질의", "민원내용", "내용", "신청내용"],
    "answer": ["answer", "답변", "회신", "답변내용", "처리결과"],
    "department": ["department", "부서", "담당부서", "처리부서", "organization", "기관", "처리기관"],
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


def cell(value) -> str:
    """A field as text: lists of lines (JSON arrays) joined by newlines, 6837003.0 from a sheet as 6837003."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "\n".join(t for t in (cell(v) for v in value) if t)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def looks_like_cases(header: list[str]) -> bool:
    cols = columns(header)
    return "question" in cols and "answer" in cols


def _rows_csv(path: Path) -> Iterator[dict]:
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
    yield from csv.DictReader(io.StringIO(text), dialect=dialect)


def _rows_jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8-sig") as f:
        for n, line in enumerate(f, start=1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as e:
                    raise ParseError(path, f"{n}번째 줄이 올바른 JSON이 아닙니다: {e.msg}") from e


def check_xlsx(path: Path) -> None:
    """The zip guard on an XLSX container; ParseError naming the file and the limit it broke."""
    from ingest.parsers.hwpx import check_members

    fmt = sniff(path)
    if fmt == "ole":
        raise ParseError(path, "XLSX가 아니라 OLE 파일입니다: 옛 엑셀(.xls)이거나 암호가 걸린 파일입니다. "
                               "엑셀에서 암호를 해제하고 .xlsx로 다시 저장해 주세요.")
    if fmt != "zip":
        raise ParseError(path, f"XLSX(ZIP) 파일이 아닙니다(내용 형식: {fmt}): 손상되었거나 다른 형식입니다.")
    try:
        with zipfile.ZipFile(path) as z:
            check_members(path, z.infolist(), path.stat().st_size)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as e:
        raise ParseError(path, f"엑셀 파일이 잘렸거나 ZIP 구조가 손상되었습니다({e}): 원본 파일을 다시 받아 주세요.") from e


def _rows_xlsx(path: Path) -> Iterator[dict]:
    """Rows of the first sheet, streamed: the sheet XML is never held whole in memory."""
    check_xlsx(path)
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as e:
        raise ParseError(path, f"엑셀 파일을 열 수 없습니다: {e}") from e
    try:
        ws = wb.worksheets[0]
        # a forged <dimension> would pad every row to 16 384 columns or cut rows it does not cover
        ws.reset_dimensions()
        first = next(ws.iter_rows(max_row=1, values_only=True), ())
        header = [str(c or "").strip() for c in first]
        while header and not header[-1]:
            header.pop()
        if not header:
            return
        # cells right of the header have no column name, so they are not materialised at all
        for r in ws.iter_rows(min_row=2, max_col=len(header), values_only=True):
            yield {h: ("" if v is None else str(v)) for h, v in zip(header, r)}
    except ParseError:
        raise
    except Exception as e:  # lxml/expat errors, bad shared-string indices in a damaged sheet
        raise ParseError(path, f"엑셀 시트를 읽을 수 없습니다({type(e).__name__}: {e}): "
                               "엑셀에서 열어 다시 저장해 주세요.") from e
    finally:
        wb.close()


def read_rows(path: Path) -> list[dict]:
    """At most MAX_ROWS rows; reading stops at the first row past the cap and the file is refused."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx" or sniff(path) == "zip":  # detect() sends any workbook zip here, whatever its name
        rows = _rows_xlsx(path)
    elif suffix in (".jsonl", ".json"):
        rows = _rows_jsonl(path)
    else:
        rows = _rows_csv(path)
    out = list(islice(rows, MAX_ROWS + 1))
    rows.close()
    if len(out) > MAX_ROWS:
        raise ParseError(path, f"민원 사례가 너무 많습니다({MAX_ROWS:,}행 초과, 빈 행 포함): 읽기를 멈추고 "
                               f"이 파일은 저장하지 않았습니다. {MAX_ROWS:,}행 이하의 파일로 나누어 올리세요")
    return out


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
        get = lambda f: cell(row.get(cols[f])) if f in cols else ""  # noqa: E731
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

"""Pick the parser for a file from its content (the extension may lie) and run it."""
from __future__ import annotations

import importlib
import zipfile
from pathlib import Path

from ingest.parsers.base import ParseError, SkipFile, sniff
from rag.model import Document

MAX_FILE_BYTES = 512 * 1024 * 1024  # a 2 GB upload is refused before anything is read
_LEGALIZE_KEYS = ("법령MST", "제목:", "행정규칙ID", "행정규칙명", "자치법규ID", "자치법규명")
SKIP_NAMES = {"MANIFEST.tsv", ".DS_Store", "Thumbs.db"}
# what each parser reads, in words for progress lines and messages (the names are code identifiers)
PARSER_LABELS = {
    "legalize_md": "법령 마크다운", "lawgokr": "국가법령정보 XML·JSON", "law_pdf": "법령 PDF", "kgs_code": "KGS 기술기준 PDF",
    "pdf": "PDF", "hwp": "한글(HWP)", "hwpx": "한글(HWPX)", "docx": "워드(DOCX)", "html": "웹 문서(HTML)",
    "text": "텍스트", "complaints": "민원 사례",
}


def parser_label(name: str | None) -> str:
    """The Korean label of a parser name ("형식 미상" when none was picked)."""
    return PARSER_LABELS.get(name or "", name or "형식 미상")


def _module(name: str):
    try:
        return importlib.import_module(f"ingest.parsers.{name}")
    except ImportError as e:
        raise SkipFile("", f"이 형식({parser_label(name)})을 읽는 모듈을 불러올 수 없습니다: {e}") from e


def _first_pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            return ""
        return "\n".join((reader.pages[i].extract_text() or "") for i in range(min(3, len(reader.pages))))
    except Exception:
        return ""


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, OSError) as e:
        raise ParseError(path, f"손상된 ZIP 기반 문서입니다(HWPX/DOCX로 열 수 없음): {e}") from e
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "complaints"
    if any(n.startswith("Contents/") for n in names) or "mimetype" in names:
        return "hwpx"
    raise ParseError(path, "ZIP 파일이지만 HWPX나 DOCX 문서가 아닙니다")


def _case_header(path: Path) -> bool:
    """Whether a CSV header or the first JSONL object names question and answer columns."""
    import csv
    import io
    import json

    from ingest.parsers.complaints import looks_like_cases

    head = path.read_bytes()[:65536].decode("utf-8-sig", errors="ignore")
    first = head.splitlines()[0] if head.splitlines() else ""
    if first.lstrip().startswith("{"):
        try:
            obj = json.loads(first)
        except json.JSONDecodeError:
            return False
        return isinstance(obj, dict) and looks_like_cases(list(obj.keys()))
    try:
        return looks_like_cases(next(csv.reader(io.StringIO(first))))
    except (csv.Error, StopIteration):
        return False


def detect(path: Path) -> str:
    """Parser name for a file, decided from its bytes first and its name second."""
    if path.name in SKIP_NAMES or path.suffix.lower() in (".tsv",):
        raise SkipFile(path, "색인 대상이 아닌 목록/시스템 파일입니다")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ParseError(path, f"파일이 너무 큽니다({size / 2**20:.0f} MB > {MAX_FILE_BYTES // 2**20} MB 한도)")
    if size == 0:
        raise ParseError(path, "빈 파일입니다")
    fmt = sniff(path)
    if fmt == "pdf":
        text = _first_pdf_text(path)
        if _module("law_pdf").is_statute_pdf(path, text):
            return "law_pdf"
        if _module("kgs_code").is_kgs_code(path, text):
            return "kgs_code"
        return "pdf"
    if fmt == "ole":
        return "hwp"
    if fmt == "zip":
        return _zip_kind(path)
    if fmt == "xml":
        with open(path, "rb") as f:
            head = f.read(4096)
        if b"<HWPML" in head:
            return "hwp"
        if path.suffix.lower() in (".html", ".htm") or b"<html" in head.lower():
            return "html"
        return "lawgokr"
    if fmt == "json":
        return "complaints" if _case_header(path) else "lawgokr"
    if fmt == "html":
        return "html"
    if fmt == "text":
        head = path.read_text(encoding="utf-8", errors="replace")[:2000]
        if head.startswith("---") and any(k in head for k in _LEGALIZE_KEYS):
            return "legalize_md"
        if path.suffix.lower() == ".csv" and _case_header(path):
            return "complaints"
        return "text"
    raise ParseError(path, f"알 수 없는 파일 형식입니다(확장자 {path.suffix or '없음'}, 내용으로도 판별 불가)")


def parse_file(path: Path) -> tuple[str, list[Document]]:
    """(parser name, documents) for one file; raises ParseError/SkipFile with a precise reason."""
    name = detect(path)
    try:
        docs = _module(name).parse(path)
    except (ParseError, SkipFile) as e:
        if not e.path:
            e.path = str(path)
        raise
    except Exception as e:  # a parser bug must not stop the folder
        raise ParseError(path, f"{parser_label(name)} 파일을 읽다가 오류가 났습니다: {type(e).__name__}: {e}") from e
    return name, docs

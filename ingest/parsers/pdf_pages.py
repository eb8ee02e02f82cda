"""PDF pages as text, shared by the PDF parsers (guidance documents and KGS codes): opening, text
extraction, OCR of scanned pages, and removal of repeated page headers/footers."""
from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

from ingest.parsers.base import ParseError, SkipFile, sniff

OCR_DPI = 300
OCR_WORKERS = 2  # the build machines have 2 cores; tesseract runs single-threaded per page
OCR_TIMEOUT_S = 300
NO_OCR_REASON = "텍스트 층이 없는 스캔 PDF입니다: OCR(tesseract-ocr, tesseract-ocr-kor)이 설치되어 있지 않아 건너뜁니다"


# --- opening and extracting -------------------------------------------------------------------

def open_pdf(path: Path) -> PdfReader:
    """A readable PdfReader, or ParseError naming why (not a PDF, malformed, encrypted)."""
    if sniff(path) != "pdf":
        raise ParseError(path, "PDF 형식이 아닙니다(파일 머리에 %PDF- 없음)")
    try:
        reader = PdfReader(str(path), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ParseError(path, "암호화된 PDF입니다: 암호 없이 열 수 없으니 암호를 해제한 사본을 넣어 주세요")
        if len(reader.pages) == 0:
            raise ParseError(path, "손상된 PDF입니다: 페이지가 없습니다")
    except (DependencyError, FileNotDecryptedError) as e:
        raise ParseError(path, f"암호화된 PDF입니다: 복호화할 수 없습니다({e})") from e
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as e:
        raise ParseError(path, f"손상된 PDF입니다: {type(e).__name__}: {e}") from e
    return reader


def extract_pages(reader: PdfReader, path: Path, layout: bool = False) -> list[str]:
    """Text of every page in content order; with `layout`, a page whose words run together (some
    Hancom PDFs omit spaces) is re-read in layout mode, which places words by position."""
    pages, failed = [], []
    for n, page in enumerate(reader.pages, 1):
        try:
            text = page.extract_text() or "" if _may_have_text(page) else ""
            if layout and _spaceless(text):
                text = page.extract_text(extraction_mode="layout", layout_mode_space_vertically=False) or ""
                text = "\n".join(re.sub(r"[ \t]{2,}", " ", ln).strip() for ln in text.splitlines())
        except (PyPdfError, ValueError, KeyError, TypeError, ZeroDivisionError, AttributeError):
            text = ""
            failed.append(n)
        pages.append("\n".join(dedupe_overprint(ln) for ln in text.replace("\x00", "").splitlines()))
    if failed and len(failed) == len(pages):
        raise ParseError(path, "손상된 PDF입니다: 어느 페이지에서도 텍스트를 추출하지 못했습니다")
    return pages


def _may_have_text(page) -> bool:
    """False for a page without fonts (a scan, or glyphs printed as vector paths): skips a slow extraction."""
    res = page.get("/Resources") or {}
    if res.get("/Font"):
        return True
    xobjects = res.get("/XObject") or {}
    return any(xobjects[name].get_object().get("/Subtype") == "/Form" for name in xobjects)


def _spaceless(text: str) -> bool:
    """Korean text with far fewer spaces than words need (normal prose has one every 3-5 chars)."""
    flat = re.sub(r"\s*\n\s*", "", text)
    return len(re.findall(r"[가-힣]", flat)) >= 30 and flat.count(" ") < 0.1 * len(flat)


def dedupe_overprint(line: str) -> str:
    """Undo fake-bold overprinting: a line drawn 2-3 times ("제목제목"), or in layout mode doubled tokens
    ("LPG LPG 허가허가…", "부서부서부서") when most tokens are doubled."""
    whole = re.fullmatch(r"\s*(.{4,}?)\1{1,2}\s*", line)
    if whole and re.search(r"[가-힣]{2}", whole.group(1)):
        return whole.group(1).strip()
    toks = line.split()
    if len(toks) < 2:
        return line
    doubled = re.compile(r"([가-힣A-Za-z]{2,}?)\1{1,2}")
    marks = sum(1 for i, t in enumerate(toks) if re.search(r"[가-힣A-Za-z]{2}", t) and (
        doubled.fullmatch(t) or (i and (t == toks[i - 1] or toks[i - 1].endswith(t)))))
    if marks * 3 < len(toks):
        return line
    out: list[str] = []
    for t in toks:
        t = re.sub(r"([^\s\w])\1{1,2}", r"\1", doubled.sub(r"\1", t))
        if not (out and (t == out[-1] or out[-1].endswith(t))):
            out.append(t)
    return " ".join(out)


def has_marks(page) -> bool:
    """Whether a page draws something (an image or a large content stream), i.e. is worth OCR."""
    try:
        xobjects = (page.get("/Resources") or {}).get("/XObject")
        if xobjects and len(xobjects):
            return True
        contents = page.get_contents()
        return contents is not None and len(contents.get_data()) > 2000
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError):
        return False


# --- OCR ----------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def ocr_available() -> bool:
    """tesseract with Korean traineddata and pdftoppm (poppler-utils) are installed."""
    if not (shutil.which("tesseract") and shutil.which("pdftoppm")):
        return False
    try:
        out = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    return "kor" in (out.stdout + out.stderr).split()


def _ocr_one(path: Path, page_no: int, tmp: str) -> str:
    """Render one page (1-based) with pdftoppm and read it with tesseract -l kor --psm 6."""
    prefix = os.path.join(tmp, f"p{page_no}")
    subprocess.run(["pdftoppm", "-r", str(OCR_DPI), "-gray", "-png", "-singlefile", "-f", str(page_no),
                    "-l", str(page_no), str(path), prefix], check=True, capture_output=True, timeout=OCR_TIMEOUT_S)
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    out = subprocess.run(["tesseract", prefix + ".png", "-", "-l", "kor", "--psm", "6"], check=True,
                         capture_output=True, text=True, timeout=OCR_TIMEOUT_S, env=env)
    os.unlink(prefix + ".png")
    lines = [ln.strip() for ln in out.stdout.splitlines()]
    return "\n".join(ln for ln in lines if len(re.findall(r"[가-힣A-Za-z0-9]", ln)) >= 2)


def ocr_pages(path: Path, page_numbers: list[int]) -> tuple[dict[int, str], float]:
    """OCR text for the given 1-based pages (at most OCR_WORKERS at once) and the seconds it took."""
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="dasan-ocr-") as tmp, ThreadPoolExecutor(OCR_WORKERS) as pool:
        try:
            texts = list(pool.map(lambda n: _ocr_one(path, n, tmp), page_numbers))
        except (OSError, subprocess.SubprocessError) as e:
            raise ParseError(path, f"OCR 실패: {e}") from e
    return dict(zip(page_numbers, texts)), round(time.monotonic() - start, 2)


def fill_scanned_pages(reader: PdfReader, path: Path, pages: list[str], extra: dict,
                       min_chars: int = 20) -> list[str]:
    """Replace pages with under `min_chars` characters of text that draw something by their OCR text;
    SkipFile when nothing is left."""
    scanned = [i + 1 for i, t in enumerate(pages)
               if len(re.sub(r"\s", "", t)) < min_chars and has_marks(reader.pages[i])]
    if scanned and ocr_available():
        texts, seconds = ocr_pages(path, scanned)
        pages = [texts.get(i + 1, t) for i, t in enumerate(pages)]
        extra.update(ocr_pages=scanned, ocr_seconds=seconds)
    elif scanned:
        extra["skipped_scanned_pages"] = scanned
    if not any(t.strip() for t in pages):
        raise SkipFile(path, NO_OCR_REASON if scanned else "텍스트가 없는 빈 PDF입니다")
    return pages


# --- page furniture -----------------------------------------------------------------------------

_PAGE_NO = re.compile(r"^[-–(]?\s*\d{1,4}\s*[-–)]?$|^\d{1,4}\s*/\s*\d{1,4}$")


def strip_furniture(pages: list[str], edge: int = 3) -> list[list[str]]:
    """Lines per page without repeated headers/footers and page numbers (looked for near page edges)."""
    split = [[ln.strip() for ln in p.splitlines() if ln.strip()] for p in pages]
    key = lambda ln: re.sub(r"\d+", "#", re.sub(r"\s+", "", ln))  # noqa: E731
    counts: Counter = Counter()
    for lines in split:
        counts.update({key(ln) for ln in lines[:edge] + lines[-edge:]})
    texty = sum(1 for lines in split if lines)
    repeated = {k for k, n in counts.items() if n >= 3 and n >= 0.4 * texty}
    out = []
    for lines in split:
        edges = set(range(min(edge, len(lines)))) | set(range(max(0, len(lines) - edge), len(lines)))
        out.append([ln for i, ln in enumerate(lines)
                    if not (i in edges and (key(ln) in repeated or _PAGE_NO.match(ln)))])
    return out

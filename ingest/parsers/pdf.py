"""PDF parser for guidance letters (공문, 착안사항), manuals and answer collections, plus the PDF helpers
the KGS code parser shares: opening, text extraction, OCR of scanned pages, removal of repeated page
headers/footers, and packing a heading tree into units of bounded size.
"""
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
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

from ingest.parsers.base import ParseError, SkipFile, sniff
from rag.model import KIND_GUIDELINE, KIND_MANUAL, UNIT_SECTION, Document, Unit, parse_date

MIN_UNIT_CHARS = 200
MAX_UNIT_CHARS = 2000
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


# --- heading trees and packing ------------------------------------------------------------------

@dataclass
class Section:
    """A heading with its own text lines (page, line) and sub-sections; both PDF parsers build these."""

    label: str
    title: str = ""
    page: int | None = None
    lines: list[tuple[int, str]] = field(default_factory=list)
    children: list["Section"] = field(default_factory=list)
    heading_lines: int = 1  # how many of `lines` are the heading itself

    @property
    def heading(self) -> str:
        """Path entry for descendants: "2.3 저장설비기준", "Ⅲ. 착안사항"."""
        return f"{self.label} {self.title}".strip()

    def all_lines(self) -> list[tuple[int, str]]:
        """Own lines then every descendant's, in document order."""
        out = list(self.lines)
        for child in self.children:
            out += child.all_lines()
        return out

    def size(self) -> int:
        """Characters of the whole subtree (lines joined by newlines)."""
        return sum(len(t) + 1 for _, t in self.all_lines())

    def content_size(self, deep: bool = True) -> int:
        """Characters beyond bare headings (a heading line without a title counts: it carries text)."""
        skip = self.heading_lines if self.title else 0
        own = sum(len(t) for _, t in self.lines[skip:])
        return own + (sum(c.content_size() for c in self.children) if deep else 0)


@dataclass
class Piece:
    """A unit-to-be: the section it is labelled by, its ancestors' headings, its lines, its part number."""

    section: Section
    path: list[str]
    lines: list[tuple[int, str]]
    part: int = 0

    @property
    def text(self) -> str:
        """The unit text: the piece's lines joined by newlines."""
        return "\n".join(t for _, t in self.lines)


def split_lines(lines: list[tuple[int, str]], limit: int) -> list[list[tuple[int, str]]]:
    """Chunks of whole lines under `limit` characters, balanced in size (an overlong line is cut)."""
    cut_lines: list[tuple[int, str]] = []
    for page, text in lines:
        while len(text) > limit:
            cut = max(text.rfind(" ", 0, limit), limit // 2)
            cut_lines.append((page, text[:cut]))
            text = text[cut:].strip()
        cut_lines.append((page, text))
    total = sum(len(t) + 1 for _, t in cut_lines)
    target = min(limit, -(-total // -(-total // limit)))  # equal shares of the fewest chunks that fit
    chunks: list[list[tuple[int, str]]] = [[]]
    size = 0
    for page, text in cut_lines:
        if chunks[-1] and (size + len(text) + 1 > limit or size >= target):
            chunks.append([])
            size = 0
        chunks[-1].append((page, text))
        size += len(text) + 1
    return chunks if chunks[0] else []


def pack_sections(node: Section, lo: int, hi: int, path: list[str] | None = None) -> list[Piece]:
    """Pieces of lo..hi chars: a subtree that fits is one piece, small children fold into their parent
    (labelled by the parent), long text is split into numbered parts, and a parent's short lead-in
    ("2.7.4.3 반밀폐식 … 다음과 같다.") heads its first child's piece. A node with an empty label (the
    document root) never absorbs children."""
    path = path or []
    if node.label and node.size() <= hi:
        return [Piece(node, path, node.all_lines())] if node.content_size() else []
    inner = path + [node.heading] if node.label else path
    own, rest, content, folded = list(node.lines), [], node.content_size(deep=False), False
    for child in node.children:
        if node.label and child.size() < lo:
            own += child.all_lines()
            content += child.content_size()
            folded = True
        else:
            rest += pack_sections(child, lo, hi, inner)
    if not content:
        return rest
    lead_in = sum(len(t) + 1 for _, t in own)
    if node.label and not folded and rest and lead_in < lo and lead_in + len(rest[0].text) < hi:
        rest[0].lines = own + rest[0].lines
        return rest
    chunks = split_lines(own, hi)
    return [Piece(node, path, c, i + 1 if len(chunks) > 1 else 0) for i, c in enumerate(chunks)] + rest


def piece_unit(piece: Piece, kind: str) -> Unit:
    """A Unit from a packed piece (pages recorded as first page and, if different, last page)."""
    sec = piece.section
    info: dict = {}
    if piece.part:
        info["part"] = piece.part
    if piece.lines[-1][0] != piece.lines[0][0]:
        info["page_end"] = piece.lines[-1][0]
    return Unit(label=sec.label, text=piece.text, kind=kind, title=sec.title, path=list(piece.path),
                page=piece.lines[0][0], extra=info)


# --- generic documents --------------------------------------------------------------------------

_STYLES = [  # (style, pattern, ordered): earlier-seen styles become higher levels
    ("roman", re.compile(r"^([ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]{1,3})\s*\.?\s*(\S.*)$"), True),
    ("box", re.compile(r"^([□■▣◆●])\s*(\S.*)$"), False),
    ("num", re.compile(r"^(\d{1,2})\s*\.\s*(?!\d)(\S.*)$"), True),
    ("dingbat", re.compile(r"^([❶-❿])\s*(\S.*)$"), True),
    ("hangul", re.compile(r"^([가나다라마바사아자차카타파하])\s*\.\s*(\S.*)$"), True),
    ("paren", re.compile(r"^(\d{1,2})\)\s*(\S.*)$"), True),
    ("circle", re.compile(r"^([ㅇ○◦])\s+(\S.*)$"), False),
]
_ORDINAL = {"roman": "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ", "dingbat": "❶❷❸❹❺❻❼❽❾❿", "hangul": "가나다라마바사아자차카타파하"}


def _ordinal(style: str, marker: str) -> int:
    """Number of a list marker: Ⅲ -> 3, 다 -> 3, ❷ -> 2, 12 -> 12."""
    table = _ORDINAL.get(style)
    if table:
        return sum(table.index(c) + 1 for c in marker if c in table)
    return int(marker) if marker.isdigit() else 0


def _heading(line: str):
    """(style, marker, title) when the line looks like a section heading (short, not a sentence)."""
    for style, pattern, _ in _STYLES:
        m = pattern.match(line)
        if not m:
            continue
        title = _squeeze(m.group(2))
        if (re.search(r"[가-힣]", title) and len(title) <= (40 if style == "circle" else 60)
                and not re.search(r"(다|함|음|것|끝)\s*\.?$", title)):
            return style, m.group(1), title
        return None
    return None


def _squeeze(title: str) -> str:
    """Collapse spaces; letter-spaced headings ("목    적", "배 경") lose them."""
    toks = title.split()
    return "".join(toks) if len(toks) > 1 and all(len(t) == 1 for t in toks) else " ".join(toks)


def _place(stack: list, style: str, n: int, ordered: bool) -> int | None:
    """Stack depth a heading opens at: continue the nearest same-style list (n follows its last number),
    start a nested list at 1, an unordered style reuses its level; None when it is no heading."""
    same = [i for i, (s, _, _) in enumerate(stack) if s == style]
    if not ordered:
        return same[0] if same else len(stack)
    for i in reversed(same):
        if stack[i][2] < n <= stack[i][2] + 2:
            return i
    return len(stack) if n == 1 or (not same and n <= 3) else None


def build_outline(pages: list[list[str]]) -> Section:
    """Heading tree from lines: a new style or a restarted list nests under the open headings."""
    root = Section(label="", heading_lines=0)
    stack: list[tuple[str, Section, int]] = []  # (style, section, ordinal)
    ordered = {s for s, _, o in _STYLES if o}
    for page_no, lines in enumerate(pages, 1):
        for line in lines:
            h = _heading(line)
            depth = _place(stack, h[0], _ordinal(h[0], h[1]), h[0] in ordered) if h else None
            if depth is None:
                (stack[-1][1] if stack else root).lines.append((page_no, line))
                continue
            style, marker, title = h
            del stack[depth:]
            label = f"{marker}." if style in ("roman", "num", "hangul") else marker
            sec = Section(label=label, title=title, page=page_no, lines=[(page_no, line)])
            (stack[-1][1] if stack else root).children.append(sec)
            stack.append((style, sec, _ordinal(style, marker)))
    return root


def page_units(pages: list[list[str]], limit: int) -> list[Unit]:
    """Fallback units: consecutive pages up to `limit` characters, labelled by page."""
    lines = [(n, ln) for n, page in enumerate(pages, 1) for ln in page]
    units = []
    for chunk in split_lines(lines, limit):
        first, last = chunk[0][0], chunk[-1][0]
        label = f"p.{first}" if first == last else f"p.{first}-{last}"
        units.append(Unit(label=label, text="\n".join(t for _, t in chunk), kind=UNIT_SECTION, page=first))
    return units


_LETTER = re.compile(r"^(?:\d+\.\s*)?(?P<no>[가-힣A-Za-z]+-\d+호)\((?P<date>\d{2,4}\.\s*\d{1,2}\.\s*\d{1,2})\.?,?\s*"
                     r"(?P<subject>.*)\)(?:_(?P<part>[가-힣]+))?$")
_DATE_PAREN = re.compile(r"\((\d{2,4})\.(\d{1,2})\.(\d{1,2})\.?\)")


def _full_year(y: str) -> str:
    """Four-digit year from "08" or "2008" (two digits: 1950-2049)."""
    return y if len(y) == 4 else ("20" if int(y) < 50 else "19") + y


def describe(path: Path, first_text: str) -> dict:
    """Kind, title, 문서번호 and date from the file name (e.g. "17. 기술지도처-940호(08.3.12., 제목)_공문")."""
    stem = path.stem
    m = _LETTER.match(stem)
    if m:
        y, mo, d = re.split(r"\.\s*", m.group("date"))
        part = m.group("part") or ""
        title = m.group("subject").strip() + (f" ({part})" if part and part != "공문" else "")
        return {"kind": KIND_GUIDELINE, "title": title, "doc_no": m.group("no"),
                "date": parse_date(f"{_full_year(y)}-{mo}-{d}"), "part": part}
    guideline = "착안사항" in stem or "공문" in stem or "착안사항" in first_text[:200]
    dm = _DATE_PAREN.search(stem)
    when = parse_date(f"{_full_year(dm.group(1))}-{dm.group(2)}-{dm.group(3)}") if dm else None
    title = _DATE_PAREN.sub("", stem).strip() if dm else stem
    kind = KIND_GUIDELINE if guideline else KIND_MANUAL
    return {"kind": kind, "title": title, "doc_no": "", "date": when, "part": ""}


def parse(path) -> list[Document]:
    """One Document for a non-code PDF, units = heading sections (or page chunks), scanned pages OCR'd."""
    path = Path(path)
    reader = open_pdf(path)
    extra: dict = {"pages": len(reader.pages), "collection": path.parent.name}
    pages = fill_scanned_pages(reader, path, extract_pages(reader, path, layout=True), extra)
    lines = strip_furniture(pages)
    info = describe(path, "\n".join(lines[0]))
    root = build_outline(lines)
    if root.children and root.size() > MAX_UNIT_CHARS:
        pieces = pack_sections(root, MIN_UNIT_CHARS, MAX_UNIT_CHARS)
        if len(pieces) > 1 and not pieces[0].section.label and len(pieces[0].text) < MIN_UNIT_CHARS:
            preamble = pieces.pop(0)  # a short preamble heads the first section
            pieces[0].lines = preamble.lines + pieces[0].lines
        units = [piece_unit(p, UNIT_SECTION) for p in pieces]
        for unit in units:
            unit.label = unit.label or "서두"
    else:
        units = page_units(lines, MAX_UNIT_CHARS)
        if len(units) == 1:
            units[0].label = "전문"
    if info["doc_no"]:
        extra["doc_no"] = info["doc_no"]
    if info["date"]:
        extra["issued_on"] = info["date"].isoformat()
    if info["part"]:
        extra["letter_part"] = info["part"]
    doc = Document(title=info["title"], kind=info["kind"], source=str(path), units=units,
                   promulgation_no=info["doc_no"], promulgated_on=info["date"], effective_from=info["date"],
                   extra=extra)
    return [doc]

"""Parser for Korean Gas Safety (KGS) technical codes published as PDF (e.g. KGS FU432): one Document,
units = numbered clauses (2.3.3.4) sized 200-3000 characters, labelled with the printed clause number."""
from __future__ import annotations

import re
import statistics
from datetime import date
from pathlib import Path

from ingest.parsers.pdf_outline import Section, pack_sections, piece_unit
from ingest.parsers.pdf_pages import extract_pages, fill_scanned_pages, open_pdf, strip_furniture
from rag.model import KIND_CODE, UNIT_CLAUSE, Document, parse_date

MIN_UNIT_CHARS = 200
MAX_UNIT_CHARS = 3000
MAX_GAP = 3  # a clause number may skip this many siblings (deleted clauses are usually still printed)

_CODE_ID = re.compile(r"KGS\s*([A-Z]{2}\d{3})")
_COVER_ID = re.compile(r"^\s*KGS\s*[A-Z]{2}\d{3}\s+\d{4}\s*$", re.M)  # "KGS FU432 2023" on its own line
_FILE_DATE = re.compile(r"_(\d{2})(\d{2})(\d{2})$")
_APPROVED = re.compile(r"승인\s*:\s*(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일")
_DECIDED = re.compile(r"심의\s*[·ㆍ.]?\s*의결\s*:\s*(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일")
_NOTICE = re.compile(r"승인\s*\(\s*([가-힣]+\s*공고\s*제\s*\d{4}\s*-\s*\d+\s*호)")
_LEADER = re.compile(r"[·…‥.ㆍ]{4,}\s*\d+\s*$")
# "2.5.7.3 title", "1.3.22“term”", "A2.1 …", "F2. …": label then a space, quote, bracket or no text at all
_CLAUSE = re.compile(r"^([A-Z]?)(\d{1,2}(?:\.\d{1,3}){0,6})(\.?)(?=\s|[“\"'‘「<\[]|$)\s*(.*)$")
_CHAPTER = re.compile(r"^(\d{1,2})\.\s*([가-힣“\"「].{0,60})$")
_APPENDIX = re.compile(r"^부록\s*([A-Z])\b\s*(.*)$")
_RANGE_END = re.compile(r"^[~～∼]\s*[A-Z]?(\d{1,2}(?:\.\d{1,3})+)")
_NOTE = re.compile(r"\s*<[^<>]*(?:개정|신설|삭\s*제)[^<>]*>\s*")
_ITEM = re.compile(r"^(\(\d+(?:-\d+)*\)|\d+\)|[①-⑳]|\[비고\]|표\s|그림\s|[※ㅇ○□■·•-])")


def is_kgs_code(path, first_pages_text: str | None = None) -> bool:
    """Whether a PDF is a KGS code: a line "KGS XX000 YYYY" (code and edition) on its first pages and the
    가스기술기준위원회 (a letter that merely cites "KGS FP331" is not one)."""
    if first_pages_text is None:
        reader = open_pdf(Path(path))
        first_pages_text = "\n".join(p.extract_text() or "" for p in reader.pages[:3])
    return bool(_COVER_ID.search(first_pages_text)) and (
        "가스기술기준위원회" in first_pages_text or "KGS Code" in first_pages_text)


def is_toc_page(lines: list[str]) -> bool:
    """A table-of-contents page: 목차 heading or mostly "1.2 title·······12" leader lines."""
    if not lines:
        return False
    if re.sub(r"\s", "", lines[0]) in ("목차", "차례") or re.sub(r"\s", "", " ".join(lines[:2])).startswith("목차"):
        return True
    return sum(1 for ln in lines if _LEADER.search(ln)) >= max(3, 0.3 * len(lines))


def cover_info(path: Path, first_page: str) -> dict:
    """Code id, name, approval date (text, else the file-name date) from the cover page."""
    m = _CODE_ID.search(first_page) or _CODE_ID.search(path.stem)
    code = f"KGS {m.group(1)}" if m else path.stem
    name_lines = []
    for line in first_page.splitlines():
        line = line.strip()
        if not line or _CODE_ID.search(line) or re.match(r"^[A-Za-z/ ,.&()-]+$", line) or "심의" in line:
            if name_lines:
                break
            continue
        name_lines.append(line)
    info = {"code": code, "name": re.sub(r"\s+", " ", " ".join(name_lines)).strip()}
    edition = re.search(r"KGS\s*[A-Z]{2}\d{3}\s+(\d{4})", first_page)
    info["edition"] = edition.group(1) if edition else ""
    approved, decided = _APPROVED.search(first_page), _DECIDED.search(first_page)
    info["decided_on"] = parse_date("-".join(decided.groups())) if decided else None
    if approved:
        info["approved_on"], info["date_source"] = parse_date("-".join(approved.groups())), "text"
    else:
        fm = _FILE_DATE.search(path.stem)
        info["approved_on"] = parse_date(f"20{fm.group(1)}-{fm.group(2)}-{fm.group(3)}") if fm else None
        info["date_source"] = "filename" if info["approved_on"] else "none"
    return info


def reflow(lines: list[tuple[int, str]], wide: int) -> list[tuple[int, str]]:
    """Join lines broken inside a word or sentence (a line ending in a space, or a full line ending in
    Hangul before a line starting in Hangul); clause headings and list items stay on their own line."""
    out: list[tuple[int, str, str]] = []  # (page, text, raw end)
    for page, raw in lines:
        text = raw.strip()
        if out and not (_ITEM.match(text) or _CLAUSE.match(text) or _APPENDIX.match(text)) \
                and not out[-1][1].endswith((".", ">", ":")):
            prev_page, prev, prev_raw = out[-1]
            full = len(prev_raw.strip())  # the previous physical line, not the joined text
            if prev_raw.endswith((" ", "\t")) and full >= 0.6 * wide:
                out[-1] = (prev_page, f"{prev} {text}", raw)
                continue
            if re.search(r"[가-힣]$", prev) and re.match(r"[가-힣)]", text) and full >= 0.75 * wide:
                out[-1] = (prev_page, prev + text, raw)
                continue
        out.append((page, text, raw))
    return [(p, t) for p, t, _ in out]


def _nums(label: str) -> tuple[int, ...] | None:
    """(2, 3, 3, 4) for "2.3.3.4"; None for "0.05" or "1.00" (a measurement, not a clause)."""
    parts = label.split(".")
    if any(p.startswith("0") for p in parts):
        return None
    return tuple(int(p) for p in parts)


def follows(cur: tuple[int, ...], cand: tuple[int, ...]) -> bool:
    """Whether clause number `cand` can come right after `cur`: a first child (1 or 2), or a later
    sibling of cur or of one of its ancestors (within MAX_GAP), possibly with first children below."""
    for k in range(len(cur) + 1):
        if len(cand) <= k or cand[:k] != cur[:k]:
            continue
        step = cand[k] - cur[k] if k < len(cur) else cand[k]
        first = 0 < step <= MAX_GAP if k < len(cur) else step in (1, 2)
        if first and all(x == 1 for x in cand[k + 1:]):
            return True
    return False


def _title(rest: str, chapter: bool = False, limit: int = 50) -> str:
    """The clause heading when the text after the number is a short heading, not a sentence
    (nor a definition "“term”이란…", unless it is a chapter title such as "12. “d” 방폭구조…")."""
    rest = _NOTE.sub(" ", rest).strip()
    if not rest or rest[0] in "~～∼" or len(rest) > limit or re.search(r"다\s*\.?$|(함|음|것)\s*\.$|[.,]$|이란", rest):
        return ""
    return rest if chapter or not re.search(r"[“\"]", rest) else ""


def _match_heading(line: str, prefix: str, cur: tuple[int, ...], ahead: list[str]):
    """(label, nums, title, rest) when the line opens the next clause, chapter (confirmed by its first
    clause within the next lines, so table rows like "3. 인터폰" are not chapters) or appendix (the next
    letter, with a heading-like title)."""
    m = _APPENDIX.match(line)
    title = _NOTE.sub(" ", m.group(2)).strip() if m else ""
    if m and m.group(1) > prefix and (not title or _title(title, chapter=True, limit=90)):  # 부록 A, B, … in order
        return f"부록 {m.group(1)}", (), title, m.group(1)
    m = _CHAPTER.match(line) if not prefix else None
    if (m and int(m.group(1)) == (cur[0] + 1 if cur else 1) and _title(m.group(2), chapter=True)
            and any(a.startswith(f"{m.group(1)}.1") for a in ahead)):
        return m.group(1), (int(m.group(1)),), _title(m.group(2), chapter=True), ""
    m = _CLAUSE.match(line)
    if not m or m.group(1) != prefix or "." not in m.group(2) and not prefix:
        return None
    nums = _nums(m.group(2))
    if nums is None or not follows(cur, nums):
        return None
    return m.group(1) + m.group(2), nums, _title(m.group(4)), m.group(4)


def build_clauses(lines: list[tuple[int, str]]) -> Section:
    """Clause tree from body lines; text before "1. 일반사항" (cover, committee, history) is dropped."""
    root = Section(label="", heading_lines=0)
    stack: list[tuple[tuple, Section]] = []  # (numbers, section) of the open clauses
    prefix, cur, started = "", (), False
    for i, (page, line) in enumerate(lines):
        hit = _match_heading(line, prefix, cur, [t for _, t in lines[i + 1:i + 4]])
        if hit and hit[0].startswith("부록"):
            prefix, cur = hit[3], ()
            sec = Section(label=hit[0], title=hit[2], page=page, lines=[(page, line)])
            root.children.append(sec)
            stack, started = [((), sec)], True
            continue
        if not hit:
            if started and stack:
                stack[-1][1].lines.append((page, line))
            continue
        label, nums, title, rest = hit
        started = True
        while stack and not (len(stack[-1][0]) < len(nums) and nums[:len(stack[-1][0])] == stack[-1][0]):
            stack.pop()
        sec = Section(label=label, title=title, page=page, lines=[(page, line)])
        (stack[-1][1] if stack else root).children.append(sec)
        stack.append((nums, sec))
        rng = _RANGE_END.match(rest)
        cur = _nums(rng.group(1)) or nums if rng else nums
    return root


def parse(path) -> list[Document]:
    """One Document for a KGS code PDF, its units the numbered clauses."""
    path = Path(path)
    reader = open_pdf(path)
    extra: dict = {"pages": len(reader.pages)}
    pages = extract_pages(reader, path, layout=False)
    if sum(1 for p in pages if p.strip()) < len(pages) / 2:  # a scanned code; else image pages are figures
        pages = fill_scanned_pages(reader, path, pages, extra)
    raw_lines = [[ln for ln in p.splitlines() if ln.strip()] for p in pages]
    clean = strip_furniture(pages)
    info = cover_info(path, pages[0])
    toc = [i + 1 for i, lines in enumerate(clean) if is_toc_page(lines)]
    body = []
    for page_no, lines in enumerate(clean, 1):
        if page_no in toc:
            continue
        ends = {ln.strip(): ln for ln in raw_lines[page_no - 1]}  # keep trailing spaces for reflow
        body += [(page_no, ends.get(ln, ln)) for ln in lines]
    wide = statistics.quantiles([len(t.strip()) for _, t in body], n=10)[8] if len(body) > 20 else 40
    root = build_clauses(reflow(body, wide))
    units = []
    for piece in pack_sections(root, MIN_UNIT_CHARS, MAX_UNIT_CHARS):
        units.append(piece_unit(piece, UNIT_CLAUSE))
    notice = _NOTICE.search("".join(t.strip() for _, t in body[:150]))
    extra.update(code=info["code"], edition=info["edition"], date_source=info["date_source"], toc_pages=toc,
                 approved_on=_iso(info["approved_on"]), decided_on=_iso(info["decided_on"]))
    title = f"{info['code']} {info['name']}".strip()
    return [Document(title=title, kind=KIND_CODE, source=str(path), units=units,
                     promulgated_on=info["approved_on"], effective_from=info["approved_on"],
                     promulgation_no=re.sub(r"\s+", " ", notice.group(1)) if notice else "",
                     ministry="산업통상자원부" if "산업통상자원부" in pages[0] else "", extra=extra)]


def _iso(d: date | None) -> str | None:
    """ISO string of a date, None kept."""
    return d.isoformat() if d else None

"""Parser for statute PDFs saved from 국가법령정보센터 (law.go.kr "PDF 저장").

Such a file prints one law: a page header (the title) and footer ("법제처 N 국가법령정보센터") on every
page, a metadata block ([시행 …] [법률 제N호, …], 소관부처 lines), then 장/절 headings, articles and 부칙.
pypdf gives the visual lines; this module drops the page furniture, re-joins wrapped lines and cuts the
text into the units every statute parser produces (``ingest.structure.article_units``).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from pathlib import Path

import pypdf

from ingest.parsers.base import ParseError, SkipFile
from ingest.parsers.legalize_md import addenda_header, addenda_label, statute_kind, unique_label
from ingest.structure import ARTICLE_NO, CIRCLED, article_label, article_no, article_units
from rag.grammar import ARTICLE_MENTION, JE
from rag.model import UNIT_ADDENDA, Document, Unit, parse_date

_DATE = r"\d{4}\s*\.\s*\d{1,2}\s*\.\s*\d{1,2}"
# <title>(<법종>)(제N호)(YYYYMMDD).pdf: the name law.go.kr gives a saved PDF
FILE_NAME_RE = re.compile(r"^(?P<title>.+)\((?P<kind>[^()]+)\)\(제(?P<no>[\d-]+)호\)\((?P<date>\d{8})\)\.pdf$", re.I)
_EFFECTIVE_RE = re.compile(r"\[시행\s*(" + _DATE + r")\s*\.?\s*\]")
_PROMULGATION_RE = re.compile(r"\[(?P<kind>[^\[\]\d]+?)\s*제\s*(?P<no>[\d-]+)\s*호\s*,\s*(?P<date>" + _DATE
                              + r")\s*\.?\s*,?\s*(?P<rev>[^\]]*)\]")
_MINISTRY_RE = re.compile(r"^\s*(?P<org>[가-힣ㆍ·]+)\s*\([^)]*\)\s*(?P<tel>[\d\-~, ]*)\s*$")
_ABBREVIATION_RE = re.compile(r"\(\s*약칭\s*:\s*([^)]+?)\s*\)")
_ARTICLE_HEAD_RE = re.compile(r"^" + JE + ARTICLE_NO + r"\s*\(((?:[^()]|\([^()]*\))*)\)\s*(.*)$")
_ARTICLE_DELETED_RE = re.compile(r"^" + JE + ARTICLE_NO + r"\s*(?:부터\s*" + JE + ARTICLE_NO + r"\s*까지\s*)?(삭제.*)$")
_ARTICLE_START_RE = re.compile(r"^" + ARTICLE_MENTION + r"(?:의\s*\d+)?\s*(?:\(|삭제|부터)")
_DIVISION_RE = re.compile(r"^제\s*\d+\s*(?:의\s*\d+\s*)?(편|장|절|관)\s+\S")
_LEVELS = ("편", "장", "절", "관")
_ADDENDA_RE = re.compile(r"^부\s*칙(?:\s*<[^>]*>)?(?:\s*\(.*\))?\s*$")
_PENDING_RE = re.compile(r"^\[시행일\s*:?\s*(" + _DATE + r")\s*\.?\s*\]\s*(.*)$")
_FOOTER_RE = re.compile(r"^\s*법제처\s+\d+\s+국가법령정보센터\s*$")
_ITEM_RE = re.compile(r"^(\d+)(?:의(\d+))?\.(?:\s|삭제|$)")  # 호 "1." "6의2."
_SUBITEM_RE = re.compile(r"^(?:(\d+)|([가-힣]))([.)])\s")  # 목 "가." and below: "1)" "가)"
_NOTE_START_RE = re.compile(r"^\[(?:본조|전문|제목|종전|시행|조번호|[가-힣]{0,4}(?:개정|신설|이동|삭제))")
_OPEN_NOTE_RE = re.compile(r"[<\[]\s*(?:개정|신설|본조신설|전문개정|제목개정|종전|시행일)[^<>\[\]]*$")
_MOK = "가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허"
_MIN_CHARS_PER_PAGE = 30  # less text than this on average: a scan without a text layer


def is_statute_pdf(path: Path, first_page_text: str = "") -> bool:
    """Whether a PDF looks like a 국가법령정보센터 statute export (by file name or first-page text)."""
    if FILE_NAME_RE.match(Path(path).name):
        return True
    text = first_page_text or ""
    footer = "국가법령정보센터" in text and "법제처" in text
    return bool(_EFFECTIVE_RE.search(text) and (footer or _PROMULGATION_RE.search(text)))


def parse(path: Path) -> list[Document]:
    """Parse one statute PDF into a Document whose units are its articles and 부칙."""
    path = Path(path)
    pages = read_pages(path)
    doc = Document(source=str(path), **_metadata(path, pages[0]))
    doc.units = split_units(join_lines(strip_page_furniture(pages)))
    if not doc.units:
        raise ParseError(path, "조문(제N조(제목))을 찾지 못했습니다: 국가법령정보센터에서 저장한 법령 PDF인지 확인해 주세요.")
    return [doc]


def read_pages(path: Path) -> list[str]:
    """Text of each page; ParseError for a broken or encrypted PDF, SkipFile for a scan."""
    try:
        reader = pypdf.PdfReader(path)
        if reader.is_encrypted and not _decrypts(reader):
            raise ParseError(path, "암호로 보호된 PDF입니다: 암호를 해제한 파일을 다시 넣어 주세요.")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ParseError:
        raise
    except Exception as exc:  # pypdf raises many types for damaged files
        raise ParseError(path, f"PDF를 읽을 수 없습니다({type(exc).__name__}: {exc}): 파일이 손상되지 않았는지 "
                               "확인해 주세요.") from exc
    if not pages:
        raise ParseError(path, "페이지가 없는 PDF입니다: 파일이 손상되지 않았는지 확인해 주세요.")
    if sum(len(re.sub(r"\s", "", p)) for p in pages) < _MIN_CHARS_PER_PAGE * len(pages):
        raise SkipFile(path, "텍스트 층이 없는 PDF(스캔본)입니다: OCR로 텍스트를 입힌 뒤 다시 넣어 주세요.")
    return pages


def _decrypts(reader: pypdf.PdfReader) -> bool:
    """Open a PDF protected by an owner password only (an empty user password)."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # e.g. AES without the cryptography package: unreadable all the same
        return False


def _metadata(path: Path, first_page: str) -> dict:
    """Document fields from the file name and the first page's header block (the file name wins)."""
    name = FILE_NAME_RE.match(path.name)
    prom = _PROMULGATION_RE.search(first_page)
    head = first_page.split("\n")
    title, abbreviations = _printed_title(head)
    kind_name = name.group("kind") if name else (prom.group("kind").strip() if prom else "")
    number = name.group("no") if name else (prom.group("no") if prom else "")
    effective = name.group("date") if name else (_EFFECTIVE_RE.search(first_page) or [None, None])[1]
    contacts = [re.sub(r"\s+", " ", line.strip()) for line in head[:15] if _is_contact(line)]
    ministries = dict.fromkeys(_MINISTRY_RE.match(c).group("org") for c in contacts)
    return dict(
        title=title or (name.group("title").strip() if name else path.stem),
        kind=statute_kind(kind_name),
        promulgation_no=_number(number),
        effective_from=parse_date(effective),
        promulgated_on=parse_date(prom.group("date")) if prom else None,
        revision_type=prom.group("rev").strip() if prom else "",
        ministry=", ".join(ministries),
        abbreviations=abbreviations,
        extra={"statute_kind": kind_name, "contacts": contacts},
    )


def _is_contact(line: str) -> bool:
    """A 소관부처 line: "산업통상자원부 (가스산업과) 044-203-5234"."""
    m = _MINISTRY_RE.match(line)
    return bool(m and "약칭" not in line and (m.group("tel").strip() or m.group("org").endswith(("부", "처", "청"))))


def _printed_title(head: list[str]) -> tuple[str, list[str]]:
    """The title printed just above "[시행 …]" and its 약칭, if any."""
    for i, line in enumerate(head):
        if _EFFECTIVE_RE.search(line):
            for prev in reversed(head[:i]):
                if prev.strip():
                    abbr = _ABBREVIATION_RE.search(prev)
                    title = re.sub(r"\s+", " ", _ABBREVIATION_RE.sub("", prev)).strip()
                    return title, [abbr.group(1)] if abbr else []
    return "", []


# --- units ----------------------------------------------------------------------------------------

def split_units(lines: list[tuple[int, str]]) -> list[Unit]:
    """Article units (via article_units) and 부칙 units from logical lines (page, text)."""
    units: list[Unit] = []
    path: dict[str, str] = {}
    article: dict | None = None
    addenda: list[dict] = []
    for page, line in lines:
        if _ADDENDA_RE.match(line):
            addenda.append({"heading": line, "page": page, "body": []})
        elif addenda:
            addenda[-1]["body"].append(line)  # 부칙 articles (제1조(시행일) …) belong to the 부칙
        elif division := _DIVISION_RE.match(line):
            level = _LEVELS.index(division.group(1))
            path = {k: v for k, v in path.items() if _LEVELS.index(k) < level}
            path[division.group(1)] = re.sub(r"\s*<[^<>]*>\s*$", "", line)  # "제4장 … <개정 2020. 2. 18.>"
        elif head := _article_head(line, article["key"] if article else (0, 0)):
            units += _article_units(article)
            article = {**head, "page": page, "path": [path[k] for k in _LEVELS if k in path]}
        elif article is not None:
            article["body"].append(line)
    units += _article_units(article)
    pending = {u.article_no: u.effective_from for u in units if u.extra.get("pending")}
    for u in units:
        if u.article_no in pending and not u.extra.get("pending"):
            u.extra["replaced_on"] = pending[u.article_no].isoformat()
    return units + _addenda_units(addenda)


def _article_head(line: str, last: tuple[int, int]) -> dict | None:
    """An article heading `제N조(제목) …` or `제N조 삭제 …` whose number plausibly follows ``last``."""
    m = _ARTICLE_HEAD_RE.match(line)
    hit = m or _ARTICLE_DELETED_RE.match(line)
    if not hit:
        return None
    key = (int(hit.group(1)), int(hit.group(2) or 0))
    # Cross references ("제174조(제164조제1항 …") jump ahead or have a 제N조 "title". The same number
    # again is that article's not-yet-effective version, printed before "[시행일: …] 제N조".
    if key < last or (key == last and not m) or key[0] > last[0] + 20 or (m and re.match(r"제\s*\d", m.group(3))):
        return None
    if m:
        return {"key": key, "no": article_no(*key), "title": m.group(3).strip(), "body": [m.group(4)], "extra": {}}
    through = (int(hit.group(3)), int(hit.group(4) or 0)) if hit.group(3) else key
    extra = {"deleted": True, **({"deleted_through": article_label(article_no(*through))} if through != key else {})}
    return {"key": max(key, through), "no": article_no(*key), "title": "", "body": [hit.group(5)], "extra": extra}


def _article_units(article: dict | None) -> list[Unit]:
    """Units of one collected article; its own "[시행일: …] 제N조" note makes it a pending version."""
    if article is None:
        return []
    own = re.escape(article_label(article["no"])) + r"(?![의제\d])"
    effective = None
    for line in article["body"]:
        m = _PENDING_RE.match(line)
        if m and re.search(own, m.group(2)):
            effective = parse_date(m.group(1))
    extra = {**article["extra"], **({"pending": True} if effective else {})}
    body = "\n".join(line for line in article["body"] if line)
    units = article_units(article["no"], article["title"], body, path=article["path"], effective_from=effective,
                          extra=extra)
    for u in units:
        u.page = article["page"]
    return units


def _addenda_units(addenda: list[dict]) -> list[Unit]:
    """One unit per 부칙, labelled as the other statute parsers do ("부칙", or "부칙 <제N호,Y.M.D>")."""
    units, used = [], set()
    for a in addenda:
        header = addenda_header(a["heading"]) or {"name": "", "date": None, "no": ""}
        label = unique_label(addenda_label(header["date"], header["no"], len(addenda) > 1), used)
        extra = {"promulgated_on": header["date"].isoformat() if header["date"] else None,
                 "promulgation_no": _number(header["no"])}
        units.append(Unit(label=label, text="\n".join([a["heading"], *a["body"]]), kind=UNIT_ADDENDA,
                          title=header["name"], page=a["page"], extra=extra))
    return units


def _number(value: str) -> str:
    """공포번호 as the other parsers store it: "00533" -> "533"; "2024-61" unchanged."""
    return str(int(value)) if value.isdigit() else value


# --- page furniture and wrapped lines -------------------------------------------------------------

def strip_page_furniture(pages: list[str], band: int = 3) -> list[tuple[int, str]]:
    """All lines as (page, line) minus header/footer lines repeated at the top or bottom of most pages."""
    pages_lines = [p.split("\n") for p in pages]
    edges = []  # per page: {line index: key} for the first and last ``band`` non-blank lines
    for no, lines in enumerate(pages_lines, start=1):
        filled = [i for i, line in enumerate(lines) if line.strip()]
        edges.append({i: _furniture_key(lines[i], no) for i in filled[:band] + filled[-band:]})
    counts = Counter(k for keys in edges for k in set(keys.values()))
    repeated = {k for k, c in counts.items() if c >= max(2, math.ceil(len(pages) / 2))}
    return [(no, line) for no, (lines, keys) in enumerate(zip(pages_lines, edges), start=1)
            for i, line in enumerate(lines) if keys.get(i) not in repeated and not _FOOTER_RE.match(line)]


def _furniture_key(line: str, page: int) -> str:
    """Comparison key for header/footer lines: spacing and the page's own number ignored."""
    return re.sub(rf"(?<!\d){page}(?!\d)", "#", re.sub(r"\s+", " ", line.strip()))


def join_lines(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Re-join lines the PDF wrapped; headings, 항 ①, 호 "1.", 목 "가." and notes keep their own lines."""
    stats = _spacing_stats(line for _, line in lines)
    out: list[tuple[int, str]] = []
    state = {"hang": 0, "item": (0, 0), "mok": -1, "sub": 0, "subl": -1, "closed": True, "blank": True}
    page_of_last = 0
    for page, raw in lines:
        line = raw.strip()
        if not line:
            state["closed"] = state["blank"] = True
            continue
        prev = out[-1][1] if out else ""
        state["blank"] = state["blank"] or (bool(out) and page != page_of_last)  # a page top is like a blank line
        if _starts_line(line, raw, prev, state, stats[0]) or state["closed"]:  # always run: it tracks numbering
            out.append((page, line))
        else:
            out[-1] = (out[-1][0], prev + _glue(prev, line, stats) + line)
        current = out[-1][1]
        state["blank"], page_of_last = False, page
        note = current.startswith("[") and current.endswith("]")  # "[본조신설 2017. 10. 31.]"
        state["closed"] = bool((_DIVISION_RE.match(current) or _ADDENDA_RE.match(current) or note)
                               and not re.search(r"[(<\[][^)>\]]*$", current))
    return out


def _starts_line(line: str, raw: str, prev: str, state: dict, tokens: Counter) -> bool:
    """Whether ``line`` begins a logical line rather than continuing ``prev``; updates the numbering state."""
    if _OPEN_NOTE_RE.search(prev):  # "<개정 2008.\n2. 29.>" is no 호
        return False
    if (_DIVISION_RE.match(line) and (state["blank"] or raw[:1].isspace())) or _ADDENDA_RE.match(line):
        return True
    if _ARTICLE_START_RE.match(line) and (state["blank"] or state["closed"] or re.search(r"[.>\]]$", prev)):
        return _advance(state, hang=0)
    if _NOTE_START_RE.match(line):
        return True
    if line[0] in CIRCLED:
        n = CIRCLED.index(line[0]) + 1
        return state["hang"] < n <= state["hang"] + 3 and _advance(state, hang=n)
    if item := _ITEM_RE.match(line):
        n, m = int(item.group(1)), int(item.group(2) or 0)
        last, last_sub = state["item"]
        ok = (n, m) == (1, 0) or last < n <= last + 2 or (n == last and m > last_sub)
        return ok and _advance(state, hang=state["hang"], item=(n, m))
    sub = _SUBITEM_RE.match(line)
    if not sub or tokens[prev.rsplit(" ", 1)[-1] + line[:2]]:  # "…말한" + "다." is a word: a wrapped sentence
        return False
    if sub.group(1):  # "1)"
        level, value = "sub", int(sub.group(1))
        ok = sub.group(3) == ")" and value in (1, state["sub"] + 1)
    else:  # "가." (목) or "가)"
        level, value = ("mok" if sub.group(3) == "." else "subl"), _MOK.find(sub.group(2))
        ok = value == state[level] + 1
    if ok:
        state.update({level: value}, **({"sub": 0, "subl": -1} if level == "mok" else {}))
    return ok


def _advance(state: dict, hang: int, item: tuple[int, int] = (0, 0)) -> bool:
    """Record a new article (hang=0), 항 or 호 and reset the levels below it."""
    state.update(hang=hang, item=item, mok=-1, sub=0, subl=-1)
    return True


_CONTEXTS = ((2, 1), (1, 2), (1, 1))  # letters left and right of a seam, most specific first


def _spacing_stats(lines) -> tuple[Counter, Counter, Counter, Counter]:
    """Whole words, word prefixes, word pairs and letter seams seen with or without a space."""
    tokens, prefixes, pairs, seams = Counter(), Counter(), Counter(), Counter()
    for line in lines:
        words = line.split()
        tokens.update(words[1:-1])  # a line's first and last words may be cut by wrapping
        prefixes.update(w[:k] for w in words[1:] for k in range(2, len(w) + 1))
        pairs.update(zip(words, words[1:]))
        for w in words:
            seams.update((w[max(0, k - n):k], w[k:k + m], False) for k in range(1, len(w)) for n, m in _CONTEXTS)
            seams.update(("*", c) for c in w)
            seams.update(("~", w[k:k + 2]) for k in range(1, len(w) - 1))
        for a, b in zip(words, words[1:]):
            seams.update((a[-n:], b[:m], True) for n, m in _CONTEXTS)
            seams.update((("$", a[-1]), ("^", b[0])))
    return tokens, prefixes, pairs, seams


def _glue(prev: str, nxt: str, stats: tuple) -> str:
    """Space or nothing between two wrapped lines: the PDF does not say, so ask the document's own text."""
    tokens, prefixes, pairs, seams = stats
    x, y = prev.rsplit(" ", 1)[-1], nxt.split(" ", 1)[0]
    if nxt[0] in ".,)]>」’”%ㆍ·" or prev[-1] in "([<「‘“ㆍ·":
        return ""
    if prev[-1] in ",;:>.":
        return " "
    if tokens[x + y] or pairs[(x, y)]:
        return "" if tokens[x + y] > pairs[(x, y)] else " "
    if re.match(r"제\d", y):  # "제33조|제2항" continues a reference; "기준은 제33조" starts one
        return "" if re.search(r"\d+(?:조|항|호|목|조의\d+)$", x) else " "
    if (len(y) > 1 and seams[("~", y[:2])] and not (tokens[y] or prefixes[y[:2]])) or (
            seams[("*", y[0])] >= 20 and seams[("^", y[0])] * 100 < seams[("*", y[0])]) or (
            len(y) == 1 and "가" <= y <= "힣" and not tokens[y]):
        return ""  # y occurs only inside words ("에게도", "에", "과"): the line broke inside a word
    whole, continued = tokens[x], prefixes[x + y[0]]
    if len(x) > 1 and abs(whole - continued) > 1:  # x seen whole ("경우 품질") or continued ("판|매")
        return " " if whole > continued else ""
    for n, m in _CONTEXTS:  # how this document joins the letters around the seam ("목|적", "행 중")
        spaced, joined = seams[(x[-n:], y[:m], True)], seams[(x[-n:], y[:m], False)]
        if spaced + joined:
            return " " if spaced > joined else ""
    ends = (seams[("$", x[-1])] + 1) / (seams[("*", x[-1])] + 2)
    starts = (seams[("^", y[0])] + 1) / (seams[("*", y[0])] + 2)
    return " " if ends * starts > (1 - ends) * (1 - starts) else ""

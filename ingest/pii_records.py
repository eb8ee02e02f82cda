"""Identifiers placed by a record's structure rather than by a label (masker round 7, issue 10 item 9).

A label names a value; a record places it. These rules read the place:

- a machine-readable passport zone (ICAO 9303): the second line's passport number, birth date and expiry carry
  check digits (weights 7, 3, 1), so a line whose digits check is a passport page whatever the text says; the
  first line's ``SURNAME<<GIVEN`` is the holder's name;
- a roster row of a document about travellers or foreign workers (여권, passport, pax, DOB, ARC …): a cell of a
  passport's shape (one or two letters and 7–8 digits, a trailing letter; eight or nine digits after a
  two-letter country code) between cell separators (``/``, ``|``, ``;``, a tab);
- a birth date whose day and month are written first (``14.07.1993``) or in CJK characters (``1990年 12月 4日``)
  after a birth word; a date on the same
  line as a registration number that begins with its digits (``2005-07-02;050702-7******``); a date after a
  sex marker (``성명 … 여 1939년 11월 2일``); a second date that corrects a birth date in the same clause;
- the front half of a registration number with its gender digit and nothing after (``840619-1까지``) where the
  text speaks of such a number; a mobile number starred in the middle without separators (``010****8813``);
  a licence number of any shape after an English licence label (``licence no. B7742-44108-10604``).
"""
from __future__ import annotations

import re
from datetime import date

from ingest.pii_checks import birth_date_ok, rrn_head_valid
from ingest.pii_patterns import BD_WORD, RRN_BODY, Rule

# ---- machine-readable zone --------------------------------------------------------------------------
_MRZ_WEIGHTS = (7, 3, 1)


def _mrz_digit(field: str) -> int:
    """ICAO 9303 check digit: digits as themselves, A–Z as 10–35, ``<`` as 0, weights 7-3-1 repeated."""
    total = 0
    for i, ch in enumerate(field):
        v = int(ch) if ch.isdigit() else ord(ch) - 55 if "A" <= ch <= "Z" else 0
        total += v * _MRZ_WEIGHTS[i % 3]
    return total % 10


_MRZ_LINE2 = re.compile(r"(?P<no>[A-Z0-9<]{9})(?P<nc>\d)[A-Z<]{3}(?P<dob>\d{6})(?P<dc>\d)[MFX<](?P<exp>\d{6})(?P<ec>\d)")


def mrz_checks(text: str, start: int) -> bool:
    """Whether the MRZ second line at ``start`` has valid check digits for its number and both dates."""
    m = _MRZ_LINE2.match(text, start)
    return m is not None and all(_mrz_digit(m.group(f)) == int(m.group(c)) for f, c in (("no", "nc"), ("dob", "dc"), ("exp", "ec")))


_MRZ_ONLY = re.compile(r"[A-Z0-9<]{28,46}")


def _mrz_dob(text: str, start: int, end: int) -> bool:
    """Check digits that hold, or a whole line of the zone's alphabet with its ``<`` filler (a copy whose
    digits were retyped keeps the layout, not the arithmetic)."""
    line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)].strip()
    return mrz_checks(text, start - 13) or (_MRZ_ONLY.fullmatch(line) is not None and "<<<" in line)


def _mrz_number(text: str, start: int, end: int) -> bool:
    return mrz_checks(text, start)


# ---- roster rows about travellers -------------------------------------------------------------------
_TRAVEL_DOC = re.compile(r"여권|[Pp]assport|PASSPORT|\bpax\b|\bPAX\b|D\.?O\.?B|\bARC\b|외국인|국적|[Nn]ationality|비자|[Vv]isa\b|출입국")
_CELL_BEFORE = re.compile(r"(?:^|[/|;\t])[ \t]*(?:[A-Z]{2}[ \t]+)?\Z")
_CELL_AFTER = re.compile(r"[ \t]*(?:[/|;\t]|$)", re.M)


def _roster_cell(text: str, start: int, end: int) -> bool:
    """A cell of its own in a row of a document about travellers; digits alone only after a country code."""
    line_start = text.rfind("\n", 0, start) + 1
    before = _CELL_BEFORE.search(text[line_start:start])
    if before is None or not _CELL_AFTER.match(text, end) or not _TRAVEL_DOC.search(text):
        return False
    if text[start:end].isdigit() and not re.search(r"[A-Z]{2}[ \t]+\Z", before.group()):
        return False
    return re.search(r"[/|;\t]", text[line_start:text.find("\n", end) if "\n" in text[end:] else len(text)]) is not None


# ---- birth dates by their place ---------------------------------------------------------------------
_FULL_DATE = (r"(?:19|20)\d{2}[ \t]*(?:년[ \t]*\d{1,2}[ \t]*월[ \t]*\d{1,2}[ \t]*일|[.\-/][ \t]*\d{1,2}[ \t]*[.\-/][ \t]*\d{1,2}(?![\d]))")
_DAY_FIRST = r"(?<![\d.])(?:0?[1-9]|[12]\d|3[01])[ \t]*[.\-][ \t]*(?:0?[1-9]|1[0-2])[ \t]*[.\-][ \t]*(?:19|20)\d{2}(?!\d)"
_BIRTH_CUE = re.compile(r"생년월일|생일|생신|출생|태어난|D\.?O\.?B|[Bb]orn")
# Words that make a date another event's: "신청일 2026.12.01", "… 접수했고".
_OTHER_EVENT = re.compile(r"신청|접수|발급|만료|유효|기간|일자|일시|방문|예약|마감|계약|입국|출국|전입|전출|사망|날짜|부터|까지|작성|제출|"
                          r"오늘|어제|현재|기준|이사|입주|퇴사|입사|발생|\n")
_EVENT_AFTER = re.compile(r"[ \t]*(?:\.|,)?[ \t]*(?:[0-9]{1,2}[ \t]*[:시]|방문|접수|신청|사망|전입|전출|입국|출국|계약|입주|퇴사|입사|발생|부터|까지|~)")


def _same_line_rrn(text: str, start: int, end: int) -> bool:
    """A date whose YYMMDD begins a registration number on the same line: the holder's birth date."""
    nums = re.findall(r"\d+", text[start:end])
    if len(nums) != 3:
        return False
    head = f"{nums[0][-2:]}{int(nums[1]):02d}{int(nums[2]):02d}"
    line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return re.search(rf"(?<!\d){head}[ \t]*-?[ \t]*[1-8]", line) is not None and birth_date_ok(text[start:end])


def _corrected_birth(text: str, start: int, end: int) -> bool:
    """"생년월일을 2001.05.25로 잘못 넣었고 실제는 2001.02.25": a second date in the clause a birth cue opens,
    no other event's word between, a year before this one."""
    line_start = text.rfind("\n", 0, start) + 1
    seg = text[max(line_start, start - 60):start]
    cue = None
    for cue in _BIRTH_CUE.finditer(seg):
        pass
    if cue is None or _OTHER_EVENT.search(seg, cue.end()) or not re.search(r"\d{4}[ \t]*[.\-/]", seg[cue.end():]):
        return False
    year = int(re.match(r"\d{4}", text[start:end]).group())
    return year < date.today().year and birth_date_ok(text[start:end]) and not _EVENT_AFTER.match(text, end)


def _sex_date(text: str, start: int, end: int) -> bool:
    """"도해순 여 1939년 11월 2일": a past date after a sex marker, not an event's."""
    year = int(re.match(r"\d{4}", text[start:end]).group())
    return year < date.today().year - 3 and birth_date_ok(text[start:end]) and not _EVENT_AFTER.match(text, end)


# ---- registration numbers, phones, licences --------------------------------------------------------
_RRN_TALK = re.compile(r"주민|등록[ \t]*번호|등록증|\bARC\b|외국인|뒷[ \t]?자리|앞[ \t]?자리|\bRRN\b|신분증")


def _rrn_talk(text: str, start: int, end: int) -> bool:
    """The text speaks of a registration number near the half one (200 characters before, 40 after)."""
    return _RRN_TALK.search(text, max(0, start - 200), min(len(text), end + 40)) is not None


# not a business's or a trade's licence ("business license no. 123-45-67890": a 사업자등록번호 or none)
_LICENCE_LABEL = (r"(?<![Bb]usiness[ \t])(?<!BUSINESS[ \t])(?<![Tt]rade[ \t])(?:[Ll]icen[cs]e|LICEN[CS]E|[Pp]ermit|免許証?|驾照|駕照)"
                  r"(?:[ \t]*(?:[Nn]o\.?|[Nn]umber|#|番号|号码))?(?:[ \t]+(?:is|was))?[ \t]*[:：]?[ \t]*")
_LICENCE_ANY = r"(?<![A-Za-z0-9])(?=(?:[A-Z-]*\d){8})[A-Z0-9](?:[A-Z0-9]|-(?=[A-Z0-9])){7,20}(?![A-Za-z0-9])"
_STAR = r"[*＊xX●]"

RECORD_RULES: tuple[Rule, ...] = (
    Rule("mrz_birth_date", "birth_date", r"\d{6}", before=r"(?<![A-Z0-9<])[A-Z0-9<]{9}<?\d[A-Z<]{3}", after=r"\d[MFX<]\d{7}",
         context=_mrz_dob, priority=95, gate=r"[A-Z<]{3}\d{7}[MFX<]\d{7}", reach=(14, 8)),
    Rule("mrz_passport", "passport", r"(?<![A-Z0-9<])[A-Z0-9]{6,9}(?=<*\d[A-Z<]{3}\d{7}[MFX<]\d{7})",
         check=lambda v: any(c.isdigit() for c in v), context=_mrz_number, priority=95,
         gate=r"[A-Z<]{3}\d{7}[MFX<]\d{7}", reach=(13, 0)),
    Rule("mrz_name", "name", r"[A-Z]{2,}(?:<[A-Z]{2,})*<<[A-Z]{2,}(?:<[A-Z]{2,})*", before=r"(?<![^\n])P[A-Z<][A-Z]{3}",
         after=r"<{3,}[ \t]*(?:\n|$)", priority=90, role="citizen", gate=r"(?<![^\n])P[A-Z<][A-Z]{3}[A-Z]", reach=(0, 50)),
    Rule("passport_roster", "passport", r"(?<![A-Za-z0-9])(?:[A-Z]{1,2}\d{7,8}[A-Z]?|\d{8,9})(?![A-Za-z0-9])",
         context=_roster_cell, priority=73, gate=r"\d{7}", reach=(3, 3)),
    Rule("birth_date_day_first", "birth_date", _DAY_FIRST, before=BD_WORD + r"[ \t]*[:：]?[ \t]*", check=birth_date_ok,
         priority=62, gate=r"생년월일|생일|출생|D\.?O\.?B|[Bb]orn", reach=(0, 30)),
    Rule("birth_date_cjk", "birth_date", r"(?:19|20)\d{2}[ \t]*年[ \t]*\d{1,2}[ \t]*月[ \t]*\d{1,2}[ \t]*日", before=BD_WORD + r"[ \t]*[:：]?[ \t]*",
         check=birth_date_ok, priority=62, gate=r"생년월일|생일|출생|D\.?O\.?B|[Bb]orn|出生", reach=(0, 30)),
    Rule("birth_date_rrn_line", "birth_date", r"(?<![\d.\-/])" + _FULL_DATE, context=_same_line_rrn, priority=58,
         gate=r"(?:19|20)\d{2}[ \t]*[.\-/년]", reach=(0, 20)),
    Rule("birth_date_corrected", "birth_date", r"(?<![\d.\-/])" + _FULL_DATE, context=_corrected_birth, priority=57,
         gate=r"(?:19|20)\d{2}[ \t]*[.\-/년]", reach=(0, 20)),
    Rule("birth_date_after_sex", "birth_date", _FULL_DATE, before=r"(?<![가-힣A-Za-z])(?:남|여|男|女)(?:자|성)?[ \t]*[,/(]?[ \t]*",
         context=_sex_date, priority=58, gate=r"(?:남|여|男|女)(?:자|성)?[ \t]*[,/(]?[ \t]*(?:19|20)\d{2}", reach=(0, 20)),
    Rule("rrn_front_gender", "rrn", RRN_BODY + r"[ \t]*-[ \t]*[1-4](?![\d*xX●○＊\-])", check=rrn_head_valid, context=_rrn_talk,
         priority=90),
    Rule("arn_front_gender", "arn", RRN_BODY + r"[ \t]*-[ \t]*[5-8](?![\d*xX●○＊\-])", check=rrn_head_valid, context=_rrn_talk,
         priority=90),
    Rule("mobile_starred_run", "phone", rf"0(?<![\d+]0)1[016789](?:[ \t.\-]?{_STAR}{{3,4}}[ \t.\-]?\d{{4}}|[ \t.\-]?\d{{3,4}}[ \t.\-]?{_STAR}{{4}})"
         rf"(?![\d*＊])", priority=70, role="mobile", gate=r"01[016789]", reach=(0, 16)),
    Rule("licence_label_any", "driver_license", _LICENCE_ANY, before=_LICENCE_LABEL, priority=74,
         gate=r"[Ll]icen[cs]e|LICEN[CS]E|[Pp]ermit|免許|驾照|駕照", reach=(0, 50)),
)

# ---- names by their place in a record ---------------------------------------------------------------
_LATIN_WORD = r"[A-Z][A-Za-zÀ-ÖØ-öø-ÿ'’]*(?:-[A-Za-zÀ-ÖØ-öø-ÿ]+)?\.?"
_LATIN_CELL = re.compile(rf"{_LATIN_WORD}(?:[ \t]+{_LATIN_WORD}){{1,3}}")
_HANGUL_CELL = re.compile(r"[가-힣]{2,4}")
_ROW_LEAD = re.compile(r"[ \t]*(?:[-•·*]|\d{1,3}[.)]?)?[ \t]*")
_SEPARATOR = re.compile(r"[ \t]*([/|;\t])[ \t]*")
# A cell that identifies a row as a person's: a date, a registration number, a passport's shape.
_ID_CELL = re.compile(r"(?:19|20)\d{2}[.\-/]\d{1,2}[.\-/]\d{1,2}|\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2}|\d{6}[ \t]*-[ \t]*[\d*]|"
                      r"(?:[A-Z]{2}[ \t]+)?[A-Z]{1,2}\d{7,8}[A-Z]?|DOB|ARC")

_VCARD_NAME = Rule("vcard_name", "name", r"[^\n;:<>]{2,40}?(?=[ \t]*(?:\n|$))", before=r"(?<![^\n])FN(?:;[^:\n]*)?:[ \t]*",
                   priority=88, role="citizen", gate=r"(?<![^\n])FN[;:]", reach=(0, 50))
_TAG_NAME = Rule("tag_name", "name", r"[^<>\n]{2,40}?", before=r"<(?P<tag>(?:[a-z_]*_)?(?:name|fullname)|성명|이름)>[ \t]*",
                 after=r"[ \t]*</(?P=tag)>", priority=88, role="citizen", gate=r"<(?:[a-z_]*_)?(?:name|fullname)>|<(?:성명|이름)>",
                 reach=(0, 60))


def _cells(line: str) -> tuple[str, str, list[tuple[int, int]]] | None:
    """A line's lead (its bullet or number, digits as 0), separator and cells (offsets in the line), when it uses
    one kind of separator."""
    lead = _ROW_LEAD.match(line).end()
    seps = [m.group(1) for m in _SEPARATOR.finditer(line, lead)]
    if not seps or len(set(seps)) != 1:
        return None
    cells, pos = [], lead
    for m in _SEPARATOR.finditer(line, lead):
        cells.append((pos, m.start()))
        pos = m.end()
    cells.append((pos, len(line.rstrip())))
    if lead and cells[0][0] == cells[0][1]:
        cells = cells[1:]  # "1;설지환;…": the number was a cell of its own
    return re.sub(r"\d+", "0", line[:lead].strip()), seps[0], cells


def roster_names(text: str, name_ok) -> list[tuple[int, int]]:
    """Names in the rows of a roster: the cell in the column where a row that carries a date or a number
    (a person's row) has a name; the same column of a sibling row (same bullet, same separator) counts too
    ("- Jun-jun Macaraeg / 여권 분실"), never a header. A Hangul name only as a row's first cell, vetted by
    ``name_ok``; a Latin one in any of the first three."""
    rows, pos = [], 0
    for line in text.split("\n"):
        parsed = _cells(line)
        if parsed is not None:
            rows.append((pos, line, *parsed))
        pos += len(line) + 1
    columns: dict[tuple[str, str], set[int]] = {}
    for _, line, lead, sep, cells in rows:
        if len(cells) < 3 or not any(_ID_CELL.match(line[s:e]) for s, e in cells):
            continue
        for i, (s, e) in enumerate(cells[:3]):
            if _is_name(line[s:e], name_ok, i):
                columns.setdefault((lead, sep), set()).add(i)
    out = []
    for base, line, lead, sep, cells in rows:
        for i in columns.get((lead, sep), ()):
            if i < len(cells) and _is_name(line[cells[i][0]:cells[i][1]], name_ok, i):
                out.append((base + cells[i][0], base + cells[i][1]))
    return out


def _is_name(cell: str, name_ok, column: int) -> bool:
    if _LATIN_CELL.fullmatch(cell):
        words = [w for w in cell.split() if w.rstrip(".") not in ("Jr", "Sr", "II", "III")]
        return len(words) >= 2 and not any(w.lower().strip(".") in _EN_STOP for w in words)
    return column == 0 and _HANGUL_CELL.fullmatch(cell) is not None and name_ok(cell)


_EN_STOP = frozenset("the a an and or of to in on at for from with by is am are was be my your our their this that please "
                     "thank thanks hello dear sir madam korea seoul office center total sum note city tour group booking "
                     "contact hotel room name date team".split())

RECORD_RULES = RECORD_RULES + (_VCARD_NAME, _TAG_NAME)


def latin_parts(text: str, full_names: list[str]) -> list[tuple[int, int]]:
    """A word of a Latin name found in full, standing alone elsewhere in any case ("TANAKA HARUTO" … "Contact:
    Haruto"): the Latin counterpart of a given name after its full name. Words of three letters or more, not a
    function word, capitalised where they stand."""
    parts = {w.strip(".").lower() for f in full_names if _LATIN_CELL.fullmatch(f) for w in f.split()}
    parts = {p for p in parts if len(p) >= 3 and p not in _EN_STOP and p not in ("jr", "sr")}
    if not parts:
        return []
    pattern = re.compile(r"(?<![A-Za-zÀ-ÿ])(" + "|".join(re.escape(p) for p in sorted(parts)) + r")(?![A-Za-zÀ-ÿ])", re.I)
    return [m.span() for m in pattern.finditer(text) if m.group()[0].isupper()]

"""Delimited tables (masker round 4): cells of a personal field, whatever the delimiter.

A table pasted from a spreadsheet or a register arrives split by TAB or ``|`` (earlier rounds), or as CSV
(``,``), semicolon lists (``;``). A header row that names a field (성명/이름, 생년월일/생일, 주소, 연락처/전화)
makes its column's cells that field; a comma or semicolon table must keep its header's number of cells on every
row, so a sentence with commas is no table. Without a header, a row whose cells hold a name or a phone makes a
date-shaped cell of an adult's year a birth date ("3;홍길순;1951/04/09;010-…").
"""
from __future__ import annotations

import re
from datetime import date

from ingest.pii_checks import birth_date_ok
from ingest.pii_general import YEAR_BORN
from ingest.pii_layout import lines as _lines
from ingest.pii_names import dictionary_word, latin_name_ok, valid_name
from ingest.pii_patterns import BD_COMPACT, BD_DATE

_HEADER = re.compile(r"(?P<birth_date>생년월일|생일|출생|생년|DOB|[Bb]irth)|(?P<address>주[ \t]?소|거주지|소재지|[Aa]ddress)|"
                     r"(?P<account>계좌|통장)|(?P<passport>여권|[Pp]assport)|(?P<phone>연락처|전화|휴대폰|핸드폰|H\.?P|[Pp]hone|[Tt]el)|(?P<name>성[ \t]?명|이[ \t]?름|성함|[Nn]ame|"
                     # round 6: a person noun + 명 ("대원명", "학생명", "선원명"), not "업체명", "차량명"
                     r"(?:대원|단원|부원|팀원|회원|선원|조합원|학생|원아|아동|자녀|환자|고객|참가자|참석자|신청자|신청인|보호자|세대주|선주|차주|"
                     r"승선자|승객|수급자|대상자|봉사자|자원봉사자|위원|주민)[ \t]?명)")
_STAFF_HEADER = re.compile(r"직급|직위|담당|부서|소속|직책")
_MOBILE_CELL = re.compile(r"[ \t]*01[016789][ \t]*[-.]?[ \t]*\d{3,4}[ \t]*[-.]?[ \t]*\d{4}[ \t]*")
_SEPARATOR_ROW = re.compile(r"[ \t|:\-–—=+]*")
_DATE_CELL = re.compile(rf"(?:{BD_DATE}|{BD_COMPACT}|{YEAR_BORN}|(?:19|20)\d{{2}}/\d{{1,2}}/\d{{1,2}})")
_ADDRESS_WORD = re.compile(r"[가-힣0-9](?:시|군|구|동|리|로|길|읍|면|가)(?=[ \t\d,]|$)|번지|\d[ \t]?호|\d[ \t]?층")
_PHONE_CELL = re.compile(r"[ \t]*(?:01[016789]|0(?:2|[3-6][1-5]|70))[ \t]*[-.)]?[ \t]*\d{3,4}[ \t]*[-.]?[ \t]*\d{4}[ \t]*")


def _delimiter(line: str) -> str | None:
    """The row's delimiter: TAB, a pipe, or a semicolon or comma used twice with no space after (CSV)."""
    if "\t" in line.strip(" "):
        return "\t"
    if line.count("|") >= 2 or line.count("│") >= 2:
        return "|"
    for d in (";", ","):
        if line.count(d) >= 2 and not re.search(rf"{d}[ \t]", line.rstrip()):
            return d
    return None


def _cells(line: str, offset: int, delim: str) -> list[tuple[int, int]]:
    out, start = [], 0
    split = r"\||│" if delim == "|" else re.escape(delim)
    for m in re.finditer(split, line):
        out.append((offset + start, offset + m.start()))
        start = m.end()
    out.append((offset + start, offset + len(line)))
    return out


def _birth_cell(value: str, header: bool) -> tuple[int, int] | None:
    m = _DATE_CELL.search(value)
    if m is None or not (birth_date_ok(m.group().replace("/", ".")) or "생" in m.group()):
        return None
    year = re.match(r"\D*(\d{2,4})", m.group()).group(1)
    if not header and (len(year) != 4 or int(year) > date.today().year - 14 or m.group() != value):
        return None  # without a header: a whole cell, an adult's year
    return m.span()


def _name_cell(value: str) -> bool:
    return (2 <= len(value.replace(" ", "")) <= 5 and re.fullmatch(r"[가-힣]+(?: [가-힣]+)*", value) is not None
            and valid_name(value) and not dictionary_word(value.replace(" ", "")))


def table_cells(text: str) -> list[tuple[str, int, int]]:
    """(type, start, end) of cells under a header that names their field, and birth dates in headerless rows."""
    out: list[tuple[str, int, int]] = []
    header: list[str | None] | None = None
    staff = False
    delim: str | None = None
    width = 0
    for offset, line in _lines(text):
        d = _delimiter(line)
        if d is None or (header is not None and d != delim) or (d in ",;" and header is not None and
                                                                len(_cells(line, 0, d)) != width):
            header, delim = None, None
            if d is None:
                continue
        if _SEPARATOR_ROW.fullmatch(line):
            continue
        cells = _cells(line, offset, d)
        values = [text[s:e].strip() for s, e in cells]
        if header is None:
            kinds = [(m.lastgroup if (m := _HEADER.search(text, s, e)) else None) for s, e in cells]
            if any(kinds) and not any(_DATE_CELL.search(v) or _PHONE_CELL.fullmatch(v) for v in values):
                header, delim, width = kinds, d, len(cells)
                staff = _STAFF_HEADER.search(line) is not None  # a staff directory: names are the officials' policy's
                continue
            if len(cells) >= 3 and any(_PHONE_CELL.fullmatch(v) or _name_cell(v) for v in values):
                for (s, e), value in zip(cells, values):
                    span = _birth_cell(value, header=False) if value else None
                    if span:
                        vs = s + text[s:e].index(value)
                        out.append(("birth_date", vs + span[0], vs + span[1]))
            continue
        # round 6: a row with a mobile is a private roster's ("대원명 | 직책 | 연락처 010-…"), not an office directory's
        private_row = not staff or any(_MOBILE_CELL.fullmatch(v) for v in values)
        for k, (s, e) in enumerate(cells):
            kind = header[k] if k < len(header) else None
            if kind == "name" and not private_row:
                continue
            value = values[k]
            if not kind or not value:
                continue
            vs = s + text[s:e].index(value)
            if kind == "birth_date":
                span = _birth_cell(value, header=True)
                if span:
                    out.append((kind, vs + span[0], vs + span[1]))
            elif kind == "address" and re.search(r"\d", value) and _ADDRESS_WORD.search(value):
                out.append((kind, vs, vs + len(value)))
            elif kind == "phone" and sum(ch.isdigit() for ch in value) >= 9:
                out.append((kind, vs, vs + len(value)))
            elif kind == "account" and 10 <= sum(ch.isdigit() for ch in value) <= 16 and re.fullmatch(r"[\d \t-]+", value):
                out.append((kind, vs, vs + len(value)))
            elif kind == "passport" and re.fullmatch(r"[A-Z]{1,2}\d{6,8}[A-Z]?", value):
                out.append((kind, vs, vs + len(value)))
            elif kind == "name" and (_name_cell(value) or (re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}", value)
                                                             and latin_name_ok(value))
                                     or (re.fullmatch(r"[A-Z]{2,}(?: [A-Z]{2,}){1,3}", value)
                                         and latin_name_ok(value.title()))):
                out.append((kind, vs, vs + len(value)))
    return out

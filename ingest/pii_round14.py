"""Masker round 14: values placed by a table's column, a person's zodiac year, a phone in any country's form.

- **Table columns** (``column_values``): a header row whose cell names a personal field (출생연도, 생년, 연락처,
  전화, 주소, 계좌 …) makes the cells under it in the rows that follow that field's values, whether the table is
  split by pipes, TABs or aligned with runs of spaces; a year alone counts under a birth column
  (``출생연도 … 1941``). A cell must still have its field's shape (a year or date, 7–12 digits, an address with a
  number). A staff table (담당, 부서, 직위 …) lists an office's contacts and is skipped.
- **Birth years** (``zodiac_years``): a year with the zodiac animal of a person (``48년 쥐띠``, ``쥐띠 48년생``,
  ``칠십년 개띠``) names someone's birth year, unless it names the year itself (``2024년 용띠 해``); a
  ``…년생`` item between a form's separators on a line with a name or sex field (``성명 육다빈 / 95년생 / 여``).
- **Phones and other shapes** (``phone_forms``, ``bracket_locals``): an international number (``+65 9127 4083``:
  a known country code, then 7–12 digits in groups), an old exchange form (``02-3481국 2207번``), a bare 7–8
  digit local number in brackets right after a private person's name (``이웃 심재분(2294-1830)``); a card of
  15 digits (American Express, its Luhn digit checked) and a passport number spaced out after its label.
- **An address's unit read aloud** (``spoken_unit_end``): a building letter, a floor or a room in Hangul numerals
  after an address (``… 대원빌라 비동 삼층``) belongs to it, when a floor or room closes it and no word follows.
"""
from __future__ import annotations

import re
from datetime import date

from ingest.pii_layout import lines as _lines
from ingest.pii_patterns import luhn_valid
from ingest.pii_round13 import numeral_value

# ---- table columns ---------------------------------------------------------------------------------
_FIELD = re.compile(r"(?P<birth_date>출생[ \t]?(?:연도|년도|년|일)|생년(?:월일)?|생일|태어난[ \t]?해|D\.?O\.?B|Y\.?O\.?B|"
                    r"[Bb]irth(?:[ \t]?(?:[Yy]ear|[Dd]ate|[Dd]ay))?|[Yy]ear[ \t]of[ \t][Bb]irth|[Dd]ate[ \t]of[ \t][Bb]irth)|"
                    r"(?P<phone>연락처|(?:휴대)?전화(?:번호)?|휴대폰|핸드폰|H\.?P|[Pp]hone|[Tt]el|[Mm]obile)|"
                    r"(?P<address>주[ \t]?소|거주지|[Aa]ddress)|(?P<account>계좌(?:번호)?|통장)")
_STAFF = re.compile(r"직급|직위|담당|부서|소속|직책|기관|업체|회사|상호|대표")
_SPLIT = {"|": re.compile(r"[ \t]*[|│][ \t]*"), "\t": re.compile(r"[ \t]*\t[ \t]*"), "  ": re.compile(r"[ \t]{2,}")}
_ONE_SPACE = re.compile(r" ")
# A header of short column words split by single spaces ("번호 이름 생년 연락처"): a column word each.
_COLUMN_WORD = re.compile(r"번호|순번|No\.?|연번|이름|성명|성함|[Nn]ame|성별|나이|연령|비고|관계|" + _FIELD.pattern)
_YEAR_CELL = re.compile(r"(?:(?:19|20)\d{2}|['’]?\d{2})(?:[ \t]?년(?:생|도)?)?")
_DATE_CELL = re.compile(r"(?:19|20)?\d{2}[ \t]?[./-][ \t]?\d{1,2}[ \t]?[./-][ \t]?\d{1,2}\.?|(?:19|20)\d{2}[ \t]?년[ \t]?\d{1,2}[ \t]?월"
                        r"(?:[ \t]?\d{1,2}[ \t]?일)?|(?:19|20)?\d{6}")
_DIGITS_CELL = re.compile(r"\(?\d[\d \t().-]*\d")
_ADDRESS_CELL = re.compile(r"[가-힣]+(?:시|군|구|동|리|로|길|읍|면)(?=[ \t\d,]|$)[^\n]*\d|[^\n]*\d[^\n]*(?:번지|호|층|동)")


def _cells(line: str, offset: int, split: re.Pattern) -> list[tuple[int, int]]:
    """Each cell's span (stripped), in the order of the line; empty edge cells of a pipe row dropped."""
    out, start = [], 0
    for m in list(split.finditer(line)) + [None]:
        end = m.start() if m else len(line)
        s, e = start, end
        while s < e and line[s] in " \t":
            s += 1
        while e > s and line[e - 1] in " \t":
            e -= 1
        out.append((offset + s, offset + e))
        start = m.end() if m else len(line)
    if out and out[0][0] == out[0][1]:
        out = out[1:]
    if out and out[-1][0] == out[-1][1]:
        out = out[:-1]
    return out


def _cell_value(typ: str, value: str) -> tuple[int, int] | None:
    """Where a cell holds its column's value (relative span), or None when it does not have its shape."""
    if typ == "birth_date":
        m = _DATE_CELL.fullmatch(value) or _YEAR_CELL.fullmatch(value)
        if m is None:
            return None
        year = re.match(r"\D*(\d{2,4})", value).group(1)
        if len(year) == 4 and not 1900 <= int(year) <= date.today().year:
            return None
        end = re.match(r".*?(?=생?$)", value).end() if value.endswith("생") else len(value)
        return 0, end
    if typ in ("phone", "account"):
        if _DIGITS_CELL.fullmatch(value) is None:
            return None
        n = len(re.sub(r"\D", "", value))
        return (0, len(value)) if (7 <= n <= 12 if typ == "phone" else 10 <= n <= 16) else None
    if typ == "address":
        return (0, len(value)) if _ADDRESS_CELL.match(value) and len(value) >= 6 else None
    return None


def column_values(text: str) -> list[tuple[str, int, int]]:
    """Values under a personal field's header, in a pipe, TAB or space-aligned table."""
    out: list[tuple[str, int, int]] = []
    rows = _lines(text)
    i = 0
    while i < len(rows):
        offset, line = rows[i]
        i += 1
        split = next((p for d, p in _SPLIT.items() if (d in line.strip() if d != "  " else True)), None)
        head = _cells(line, offset, split) if split else []
        words = line.strip().split(" ")
        if len(head) < 3 and len(words) >= 3 and all(_COLUMN_WORD.fullmatch(w) for w in words):
            split = _ONE_SPACE  # every word of the line names a column
            head = _cells(line, offset, split)
        if len(head) < 3 and not (len(head) >= 2 and split is not _SPLIT["  "]):
            continue
        kinds = []
        for s, e in head:
            cell = re.sub(r"[ \t]*(?:\([^()]*\)|[:：])[ \t]*\Z", "", text[s:e])  # "연락처(휴대)", "생년:"
            m = _FIELD.fullmatch(cell)  # the whole cell: "출생연도별 인원" heads a statistic, not a person's year
            kinds.append(next((k for k, v in m.groupdict().items() if v), None) if m else None)
        if not any(kinds) or any(_STAFF.search(text, s, e) for s, e in head):
            continue
        while i < len(rows):
            roffset, rline = rows[i]
            if not rline.strip() or re.fullmatch(r"[ \t|:\-–—=+]*", rline):
                if rline.strip():
                    i += 1
                    continue
                break
            cells = _cells(rline, roffset, split)
            if split is _ONE_SPACE:
                cells = [c for c in cells if c[0] < c[1]]
            if len(cells) != len(head):
                cells = _aligned(cells, head, offset, roffset) if split is _SPLIT["  "] else None
                if cells is None:
                    break
            for kind, cell in zip(kinds, cells):
                if kind and cell and (span := _cell_value(kind, text[cell[0]:cell[1]])) is not None:
                    out.append((kind, cell[0] + span[0], cell[0] + span[1]))
            i += 1
    return out


def _aligned(cells: list[tuple[int, int]], head: list[tuple[int, int]], hoff: int, roff: int) -> list | None:
    """A space-aligned row with an empty or merged cell: each header cell takes the row cell that starts under it."""
    out = []
    bounds = [s - hoff for s, _ in head] + [10 ** 6]
    for k in range(len(head)):
        under = [c for c in cells if bounds[k] - 2 <= c[0] - roff < bounds[k + 1] - 2]
        out.append(under[0] if len(under) == 1 else None)
    return out if sum(c is not None for c in out) >= 2 else None


# ---- birth years by zodiac and in a form's line --------------------------------------------------
_ANIMAL = r"(?:쥐|소|범|호랑이|토끼|용|뱀|말|양|원숭이|닭|개|돼지)띠"
_ANIMAL_ASIDE = rf"(?:[ \t]*\({_ANIMAL}\))"  # "48년생(쥐띠)"
_YEAR = r"(?:(?<![\d.,/-])(?:19|20)?\d{2}|(?<![가-힣])(?:천구백[ \t]?)?[이삼사오육칠팔구]?십[일이삼사오육칠팔구]?)"
_ZODIAC = re.compile(rf"(?P<a>{_YEAR}년)(?:생)?[ \t]*(?:생[ \t]*)?(?:{_ANIMAL}|{_ANIMAL_ASIDE})|{_ANIMAL}[ \t]*\((?P<c>{_YEAR}년)(?:생)?\)|{_ANIMAL}[ \t]*(?:이고|이며|인|,)?[ \t]*(?P<b>{_YEAR}년)[ \t]?생")
_YEAR_ITSELF = re.compile(r"[ \t]*(?:의[ \t]*)?(?:해|년도)(?![가-힣])|[ \t]*해(?:입니다|이다|예요|라서|에|를|가|는)")
_FORM_YEAR = re.compile(r"(?:(?<=^)|(?<=[/|,·\t])|(?<=[ \t]{2}))[ \t]*(?P<y>(?:(?:19|20)\d{2}|['’]?\d{2})년)[ \t]?생[ \t]*(?=[/|,·\t]|$|[ \t]{2})",
                        re.MULTILINE)
_FORM_PERSON = re.compile(r"성[ \t]?명|이[ \t]?름|성함|(?:^|[/|,·\t][ \t]*)(?:남|여|男|女)(?:자|성)?[ \t]*(?:$|[/|,·\t])|\d{1,3}[ \t]?세",
                          re.MULTILINE)
_RULE_LINE = re.compile(r"대상|부터|이후|이전|이상|이하|미만|초과|해당|기준|출생자|자격|요건")  # a rule's table row, not a form
_COHORT = re.compile(r"[ \t]*(?:부터|이후|이전|까지|이상|이하|미만|초과|대상|출생자|해당|세대|들|도[ \t])")


def zodiac_years(text: str) -> list[tuple[str, int, int]]:
    """A person's birth year with their zodiac animal, or a …년생 item in a form's line with a name or sex field."""
    out: list[tuple[str, int, int]] = []
    for m in _ZODIAC.finditer(text):
        g = next(k for k in ("a", "b", "c") if m.group(k))
        if _YEAR_ITSELF.match(text, m.end()) or _COHORT.match(text, m.end()):
            continue  # "2024년 용띠 해": the year itself; "…띠부터": a cohort
        year = m.group(g)[:-1].strip()
        if not year.isdigit() and numeral_value(year.replace(" ", "")) is None:
            continue
        out.append(("birth_date", m.start(g), m.end(g)))
    for start, line in _lines(text):
        if not _FORM_PERSON.search(line) or _RULE_LINE.search(line):
            continue
        for m in _FORM_YEAR.finditer(line):
            if not _COHORT.match(line, m.end()):
                out.append(("birth_date", start + m.start("y"), start + m.end("y")))
    return out


# ---- phones in other forms -------------------------------------------------------------------------
_INTL = re.compile(r"(?<![\w+])(?<![\d][ \t])\+[ \t]?(?P<cc>[1-9]\d{0,2})[ \t.-]?(?:\(0\)[ \t]?)?(?P<rest>\d{1,8}(?:[ \t.-]\d{1,8}){0,5})(?![\d.-]?\d)")
# Country calling codes: 1 and 7 alone, the two-digit codes in use, three digits from a zone with them.
_COUNTRY = re.compile(r"[17]|2[07]|3[0-469]|4[013-9]|5[1-8]|6[0-6]|8[1246]|9[0-58]|(?:2[1-9]|3[578]|42|5[09]|6[7-9]|8[05789]|9[679])\d")
_EXCHANGE = re.compile(r"(?<![\d-])(?:0\d{1,2}[ \t]?[-)][ \t]?)?\d{3,4}[ \t]?국(?:에)?[ \t]?\d{4}(?:[ \t]?번)?(?!\d)")
# An American Express number: 34/37, 15 digits in 4-6-5 (its Luhn digit checked).
_AMEX = re.compile(r"(?<![\d-])3[47]\d{2}(?:[ \t-]?\d{6}[ \t-]?\d{5})(?![\d-])")
# A passport number spaced out after its label: "여권번호는 M 482 T 7719".
_PASSPORT_SPACED = re.compile(r"(?:여권[ \t]?번호|[Pp]assport[ \t]?(?:[Nn]o\.?|[Nn]umber))(?:은|는|:|：|[ \t])*"
                              r"(?P<v>[A-Z](?:[ \t]?[A-Z0-9]){7,8}(?<=[A-Z0-9]))(?![ \t]?[A-Za-z0-9])")
_BRACKET_LOCAL = re.compile(r"[ \t]?(?:씨|님|할머니|할아버지|어르신)?[ \t]?\([ \t]?(?P<v>[2-9]\d{2,3}[ \t]?[-.][ \t]?\d{4})[ \t]?\)")


def phone_forms(text: str) -> list[tuple[str, int, int]]:
    """International and exchange-form phone numbers, a 15-digit card (Amex) and a passport number spaced out."""
    out: list[tuple[str, int, int]] = []
    for m in _INTL.finditer(text):
        n = len(re.sub(r"\D", "", m.group("rest")))
        if 7 <= n <= 12 and len(m.group("cc")) + n <= 15 and _COUNTRY.fullmatch(m.group("cc")):
            out.append(("phone", m.start(), m.end()))
    for m in _EXCHANGE.finditer(text):
        out.append(("phone", m.start(), m.end()))
    for m in _AMEX.finditer(text):
        if luhn_valid(re.sub(r"\D", "", m.group())):
            out.append(("card", m.start(), m.end()))
    for m in _PASSPORT_SPACED.finditer(text):
        value = m.group("v").replace(" ", "").replace("\t", "")
        if 8 <= len(value) <= 9 and sum(c.isdigit() for c in value) >= 5:
            out.append(("passport", m.start("v"), m.end("v")))
    return out


def bracket_locals(text: str, names: list[tuple[int, int, bool]]) -> list[tuple[str, int, int]]:
    """A bare local number in brackets right after a private person's name; ``names``: (start, end, private)."""
    out: list[tuple[str, int, int]] = []
    for start, end, private in names:
        m = _BRACKET_LOCAL.match(text, end)
        if private and m and not re.match(r"(?:19|20)\d\d[ \t]?[-.]", m.group("v")):  # "(2023-1234)": a case's number
            out.append(("phone", m.start("v"), m.end("v")))
    return out


# ---- an address's unit read aloud ------------------------------------------------------------------
_HANGUL_NUMBER = r"[일이삼사오육칠팔구십백공]{1,6}"
# "… 대원빌라 비동 삼층", "… 이동 삼백이호": a building letter or number, a floor or a room in Hangul numerals.
_SPOKEN_UNIT = re.compile(rf"(?:[ \t]*(?:[A-Z]|에이|비|씨|디|{_HANGUL_NUMBER}|\d{{1,4}})[ \t]?동)?"
                          rf"(?:[ \t]*(?:지하[ \t]?)?{_HANGUL_NUMBER}[ \t]?층)?(?:[ \t]*{_HANGUL_NUMBER}[ \t]?호)?"
                          r"(?=$|[^가-힣]|이고|이요|이에요|입니다|예요|에요|이라|요|인데|에서|에)")


def spoken_unit_end(text: str, end: int) -> int:
    """Where an address ends when its building, floor or room is read aloud after it; a floor or room must close it."""
    m = _SPOKEN_UNIT.match(text, end)
    if m is None or not re.search(rf"{_HANGUL_NUMBER}[ \t]?(?:층|호)\Z", m.group()):
        return end
    return m.end()


"""Round 11 of the masker (sets 18 and 19 read as kinds: office documents, officials in role, birth dates).

Officials in role in the records an office keeps (kept, ``official_in_record``): the record's own role word
before the name ("담당 …", "처리 …", "응대 …", "확인 …", "조사자 …, …", "검토자 …", "접수: 돌봄매니저 …") when the
name closes its item (line end, a department in brackets, a title, a slash); a staff member's self-introduction
("상담원 …이었습니다"); a call centre's counsellor named by their post ("… 상담사분"); a department then a bare name
closing an item ("(기획예산과 …)"); a signature of a team ("평생학습팀 … 드림", "… | 일자리경제과 창업지원팀");
the column of a record table headed 담당/처리자. A citizen's name in the same record keeps its own cue (민원인,
대상자, 신청인) and no role word, so it stays masked.

Office lines: a landline on the line under an official's signature (``☎ …``, ``T …``) or said to be busy
("… 은 계속 통화중") is the office's; a number a staff member reads back to confirm ("등록된 번호가 … 맞으실까요?")
is the caller's, whoever speaks.

Birth dates: after 生; a date closed by its label in brackets ("… (생년월일)"); in apposition with a kin word
("(아들, 1986.4.19)"); a birthday with its calendar ("생신 음력 9월 9일") or as four digits ("생일이 0607로"); a year
and month of birth ("1990년 5월 출생"); "born in … on June 9, 1990"; a numbered member list's row (name, kin, date).
Addresses: romanised Korean units ("Yuseong-gu, Gung-dong 475, Room 1207"); a basement or floor tail ("…, 지층",
"…, 2F"); a Latin address's state and postcode or country; a village named in an asked address field.
"""
from __future__ import annotations

import re

from ingest.pii_checks import birth_date_ok
from ingest.pii_names import dictionary_word, valid_name
from ingest.pii_patterns import BD_DATE, Rule
from ingest.pii_round7 import BD_ENGLISH, english_birth_date_ok

_NAME = r"[가-힣]{2,4}"
# ---- officials in an office's record --------------------------------------------------------------
# The record's role words: who handled, answered, checked, received, counselled, wrote, reviewed, enforced.
_ROLE = (r"(?:담당(?:자|관)?|처리(?:자)?|응대(?:자)?|확인(?:자)?|접수(?:자)?|상담(?:자|사|원)?|단속(?:자|원)?|"
         r"조사(?:자|원|관)|검토(?:자)?|결재(?:자)?|기안(?:자)?|입력(?:자)?|기록(?:자)?|인계(?:자)?)")
# Where a role word starts an item: a line's start, after a sentence, a separator or a clock time.
_ITEM_START = r"(?:^|(?<=\n)|(?<=[.)/,>—–·|])|(?<=\d\d:\d\d))[ \t]*"
# Between the role word and the name: a post or an office ("돌봄매니저", "LH 영천지사", "복지정책과"), or the names
# listed before it ("조사자 이도현, …").
_POST = (r"(?:[A-Z]{2,5}[ \t]+)?[가-힣]{0,8}(?:과|팀|계|실|지사|센터|사무소|공단|공사|매니저|복지사|상담사|상담원|주무관|요원|"
         r"코디네이터|간호사)")
_ROLE_BEFORE = re.compile(rf"{_ITEM_START}{_ROLE}[ \t]*[:：]?[ \t]*(?:{_POST}[ \t]+){{0,2}}(?:{_NAME}[ \t]*[,、·][ \t]*){{0,3}}\Z",
                          re.MULTILINE)
_STAFF_TITLE = r"(?:상담사|상담원|주무관|주사보?|사무관|팀장|과장|계장|실장|조사관|사회복지사|선생님|매니저|요원)(?:님)?"
# What closes the official's item: the line's end, a department in brackets, a title, a slash or a list's comma.
_ITEM_END = re.compile(rf"(?:[ \t]*{_STAFF_TITLE})?(?:[ \t]*\([^()\n]{{1,16}}\))?[ \t]*(?:[.)]?[ \t]*(?:\n|$)|/|,[ \t]*{_NAME}[ \t]*(?:\n|$))")
# A staff member introducing themselves: "상담원 이하늘이었습니다".
_SELF_POST = re.compile(r"(?<![가-힣])(?:상담원|상담사|주무관|공무원|조사관)[ \t]+\Z")
_SELF_END = re.compile(r"(?:이었습니다|였습니다|입니다|이에요|예요|이었어요|였어요)(?![가-힣])")
# A call centre's counsellor named by their post: "… 통화했던 김나영 상담사분".
_COUNSELLOR = re.compile(r"[ \t]?(?:상담사|상담원)(?:분|님)?(?![가-힣])|[ \t]?(?:상담사|상담원)(?:분|님)?(?:[이가은는을를께의도]|께서|한테)")
_PUBLIC_DEPT = re.compile(r"(?<![가-힣])[가-힣]{1,8}(?:과|팀|계)[ \t]+\Z")
_DEPT_END = re.compile(r"[ \t]*(?:\)|[.]?[ \t]*(?:\n|$))")
_SIGN_END = re.compile(r"[ \t]+(?:드림|올림)[ \t]*(?:\n|$)")
_SIGN_DEPT_AFTER = re.compile(r"[ \t]*[|/][ \t]*[가-힣 ]{0,20}(?:과|팀|센터|사업소)(?:[ \t]+[가-힣]{1,10}(?:팀|계))?[ \t]*(?:\n|$)")
_PRIVATE = re.compile(r"주식회사|\(주\)|㈜|유한회사|회사|컴퍼니|상사|마케팅|영업")
_STAFF_COLUMN = re.compile(r"담당(?:자|관)?|처리자|응대자|확인자|접수자|조사자|검토자")
_RECORD_HEADER = re.compile(r"[ \t]*[\[【<]?[^\n\]】>]{0,14}(?:기록|메모|일지|요약|대장|처리부|상담|접수|통화)[^\n\]】>]{0,14}[\]】>]")
_DASH_BEFORE = re.compile(r"[^\n]{4,}[ \t](?:—|–|--)[ \t]*\Z")
_DASH_END = re.compile(r"[ \t]*(?:\n|$)")
_PASSED_TO = re.compile(r"[가-힣]{1,10}(?:과|팀|계|센터|사무소)(?:로|에|에게)?[ \t]*(?:전달|이관|인계|이첩|배정|연계|회부)(?:함|됨)?[ \t]*\([ \t]*(?:담당[ \t]*)?\Z")
_CLOSE = re.compile(r"[ \t]*(?:[ \t]*(?:주무관|주사|팀장|과장|계장))?[ \t]*\)")
_CHAIN = re.compile(rf"(?:주무관|주사보?|사무관|팀장|과장|계장)(?:님)?[ \t]*(?:→|->|⇒|에서)[ \t]*\Z")
_CHAIN_TITLE = re.compile(r"[ \t]?(?:팀장|과장|계장|실장|주무관|주사|사무관)(?:님)?(?![가-힣])")


def official_in_record(text: str, start: int, end: int) -> bool:
    """Whether the name at [start, end) is an official in role by the record's structure (see the module text)."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    line_end = text.find("\n", end)
    rest = text[end:line_end if line_end >= 0 else len(text)]
    if _ROLE_BEFORE.search(before) and _ITEM_END.match(text, end):
        return True  # "… 안내. 처리 김은주", "조사자 이도현, 장수련", "상담 곽지현(맞춤형복지팀)"
    if _SELF_POST.search(before) and _SELF_END.match(text, end):
        return True
    if _COUNSELLOR.match(text, end) and not _PRIVATE.search(before):
        return True
    if _PUBLIC_DEPT.search(before) and _DEPT_END.match(text, end) and not _PRIVATE.search(before) and re.search(r"\(", before):
        return True  # "(기획예산과 여승민)": a department's member in brackets
    if _SIGN_END.match(text, end) and _PUBLIC_DEPT.search(before) and not _PRIVATE.search(before):
        return True  # "중앙도서관 평생학습팀 최유나 드림"
    if not before.strip() and _SIGN_DEPT_AFTER.match(text, end) and not _PRIVATE.search(rest):
        return True  # "남지원 | 일자리경제과 창업지원팀"
    if _DASH_BEFORE.search(before) and _DASH_END.match(text, end) and _RECORD_HEADER.match(text):
        return True  # "[처리기록] … 12. 2. 현장 측정 예정 — 오진우": an office record's entry signed by its staff
    if _PASSED_TO.search(before) and _CLOSE.match(text, end):
        return True  # "교통행정과로 전달(임재훈)": the official a case was passed to
    if _CHAIN.search(before) and _CHAIN_TITLE.match(text, end):
        return True  # "한정우 주무관 → 오세린 팀장": a case handed between officials
    return _record_column(text, start)


def _record_column(text: str, pos: int) -> bool:
    """A cell of a record table ("|" or tab) whose column header names the staff in charge (담당, 처리자 …)."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    row = text[line_start:line_end if line_end >= 0 else len(text)]
    sep = "|" if "|" in row else "\t" if "\t" in row else None
    if sep is None:
        return False
    col = text.count(sep, line_start, pos)
    start = line_start
    while start > 0:  # up to the table's first row: its header
        prev = text.rfind("\n", 0, start - 1) + 1
        if sep not in text[prev:start - 1]:
            break
        start = prev
    if start == line_start:
        return False
    header_end = text.find("\n", start)
    cells = text[start:header_end].split(sep)
    return col < len(cells) and _STAFF_COLUMN.fullmatch(cells[col].strip()) is not None


# ---- office lines --------------------------------------------------------------------------------
_SIGN_LINE = re.compile(rf"(?:[가-힣]{{1,8}}(?:과|팀|계|센터)[ \t]+{_NAME}[ \t]+(?:드림|올림)|{_NAME}[ \t]*[|/][ \t]*[가-힣 ]{{0,20}}(?:과|팀|센터))[ \t]*\Z")
_PHONE_LABEL = re.compile(r"[ \t]*(?:☎|T\.?|Tel\.?|TEL\.?|전화|Phone)?[ \t:：]*\Z")
_BUSY = re.compile(r"[ \t]*(?:[은는이가도]|으?로)?[ \t]*(?:계속|하루[ \t]?종일|종일|며칠째|며칠[ \t]?동안|몇[ \t]?시간째)[ \t]*통화[ \t]?중")
_PERSON_NUMBER = re.compile(r"(?:씨|님|분)[ \t]*(?:의[ \t]*)?(?:번호|연락처|전화|휴대폰|핸드폰)[ \t]*(?:[은는이가]|로)?[ \t]*\Z")
_ON_FILE_BEFORE = re.compile(r"(?:등록된|등록되어[ \t]?있는|기존|가입(?:하신|된)|고객님|선생님|민원인(?:님)?)[^\n.?]{0,10}(?:번호|연락처|전화)[ \t]*(?:[가는이]|는요)?[ \t]*\Z")
_ON_FILE_AFTER = re.compile(r"[ \t]*(?:[이가]|으?로)?[ \t]*맞(?:으(?:세요|신가요|실까요|시죠|시고요)|나요|습니까|죠|지요)")


def office_line(text: str, start: int, end: int) -> bool | None:
    """True: an office's landline (under an official's signature, or busy when rung); False: a number on file
    being confirmed (the caller's); None: undecided here."""
    line_start = text.rfind("\n", 0, start) + 1
    if _ON_FILE_BEFORE.search(text, max(0, start - 24), start) and _ON_FILE_AFTER.match(text, end):
        return False
    if _PHONE_LABEL.fullmatch(text, line_start, start) and line_start > 0:
        prev_start = text.rfind("\n", 0, line_start - 1) + 1
        if _SIGN_LINE.search(text, prev_start, line_start - 1) and not _PRIVATE.search(text, prev_start, line_start - 1):
            return True
    if _BUSY.match(text, end) and not _PERSON_NUMBER.search(text, max(0, start - 16), start):
        return True
    return None


# An institution's address named as such: "병원 주소 …", "학교 주소는 …" (a place anyone may look up, no one's home).
_INSTITUTION_ADDRESS = re.compile(r"(?<![가-힣])(?:병원|의원|약국|보건소|학교|도서관|은행|우체국|대사관|영사관)[ \t]*주소(?:는|가|:|：)?[ \t]*\Z")


def institution_address(text: str, start: int) -> bool:
    """An address introduced as a hospital's, a school's or a bank's: the institution's, kept."""
    return _INSTITUTION_ADDRESS.search(text, max(0, start - 16), start) is not None


# ---- birth dates, addresses, names ---------------------------------------------------------------
_KIN = r"(?:본인|아들|딸|처|남편|아내|배우자|부|모|부친|모친|장남|장녀|차남|차녀|자녀|손자|손녀|자|녀|형|누나|오빠|언니|동생|조카)"
_MONTH_DAY = r"(?:0?[1-9]|1[0-2])[ \t]*월[ \t]*(?:0?[1-9]|[12]\d|3[01])[ \t]*일"
_YEAR_MONTH = r"(?:19|20)\d{2}[ \t]*년[ \t]*(?:0?[1-9]|1[0-2])[ \t]*월(?![ \t]*\d)"
_ROMAN_PROVINCE = (r"(?:Seoul|Busan|Daegu|Incheon|Gwangju|Daejeon|Ulsan|Sejong|Gyeonggi(?:-do)?|Gangwon(?:-do)?|Jeju(?:-do)?|"
                   r"Chungcheong(?:buk|nam)-do|Jeolla(?:buk|nam)-do|Gyeongsang(?:buk|nam)-do|Chungbuk|Chungnam|Jeonbuk|Jeonnam|"
                   r"Gyeongbuk|Gyeongnam)")
_ROMAN_UNIT = r"(?:[ \t]*,?[ \t]*(?:Room|Rm\.?|Apt\.?|Unit|Suite|Ho|#|No\.?)[ \t]*\d{1,5}(?:-\d{1,5})?)?"
_ROMAN_ADDRESS = (rf"(?:{_ROMAN_PROVINCE}[ \t]*,?[ \t]*)?[A-Z][a-z]+-(?:gu|si|gun)[ \t]*,?[ \t]*[A-Z][a-z]+\d?-(?:dong|eup|myeon|ri|ga)"
                  rf"[ \t]*,?[ \t]*(?:San[ \t]?)?\d{{1,4}}(?:-\d{{1,4}})?(?![\d-]){_ROMAN_UNIT}")


def _date_ok(v: str) -> bool:
    v = v.strip().rstrip(".").strip()
    return english_birth_date_ok(v) if re.search(r"[A-Za-z]{3}", v) else birth_date_ok(v)


def _mmdd_ok(v: str) -> bool:
    month, day = int(v[:2]), int(v[2:])
    return 1 <= month <= 12 and 1 <= day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)


ROUND11_RULES: tuple[Rule, ...] = (
    # "부 선우명철 生 1955.09.30": 生 is "born"
    Rule("birth_date_sheng", "birth_date", BD_DATE, before=r"生[ \t]*", check=_date_ok, priority=62, gate="生", reach=(0, 24)),
    # "1983. 1. 30. (생년월일)": the label closes the item
    Rule("birth_date_label_after", "birth_date", BD_DATE, after=r"[ \t.]*\([ \t]*(?:생년월일|생일|출생일?|DOB)[ \t]*\)",
         check=_date_ok, priority=62, gate=r"\((?:생년월일|생일|출생|DOB)", reach=(24, 12)),
    # "탁민수 (아들, 1986.4.19)": a kin word and the date in apposition to a person
    Rule("birth_date_kin_apposition", "birth_date", BD_DATE, before=rf"\([ \t]*{_KIN}[ \t]*,[ \t]*", after=r"[ \t.]*\)",
         check=_date_ok, priority=62, gate=rf"\([ \t]*{_KIN}[ \t]*,", reach=(0, 30)),
    # "생신 음력 9월 9일", "생일(양력) 3월 2일": a birthday with its calendar
    Rule("birth_month_day_calendar", "birth_date", _MONTH_DAY,
         before=r"(?<![가-힣])(?:생일|생신)(?:[은는이가])?[ \t]*\(?[ \t]*(?:음력|양력)[ \t]*\)?[ \t]*(?:으로|로)?[ \t]*",
         priority=61, gate=r"음력|양력", reach=(12, 16)),
    # "생일이 0607로": a birthday as four digits
    Rule("birth_mmdd", "birth_date", r"(?<!\d)\d{4}(?!\d)", before=r"(?<![가-힣])(?:생일|생신)(?:[은는이가][ \t]*|[ \t]*[:：][ \t]*)",
         check=_mmdd_ok, priority=61, gate=r"생일|생신", reach=(0, 12)),
    # "1990년 5월 출생", "출생 1938년 3월": the month of birth
    Rule("birth_year_month", "birth_date", _YEAR_MONTH, after=r"[ \t]*(?:출생|생(?![가-힣]|[ \t]*[가-힣]))",
         priority=60, gate=r"출생|생", reach=(16, 4)),
    Rule("birth_year_month_label", "birth_date", _YEAR_MONTH, before=r"(?<![가-힣])출생(?:일|년월)?[ \t]*[:：]?[ \t]*",
         priority=60, gate="출생", reach=(0, 16)),
    # "I was born in LA on June 9, 1990"
    Rule("birth_date_born_in_on", "birth_date", BD_ENGLISH, before=r"[Bb]orn[ \t]+in[ \t]+[A-Z][A-Za-z .'-]{1,30}?[ \t]+on[ \t]+",
         check=lambda v: english_birth_date_ok(v), priority=62, gate="born", reach=(0, 60)),
    # "Daejeon, Yuseong-gu, Gung-dong 475, Room 1207": Korean units romanised
    Rule("address_romanised_units", "address", _ROMAN_ADDRESS, priority=45, gate=r"-(?:dong|eup|myeon|ri|ga)\b", reach=(60, 40)),
    # "주소는 포항시 남구 오천읍 문덕리 그 농협 뒤에": a village named in an asked address field
    Rule("address_asked_village", "address",
         r"[가-힣]{1,5}(?:시|군)[ \t]+(?:[가-힣]{1,5}구[ \t]+)?[가-힣]{1,5}(?:읍|면)[ \t]+[가-힣]{1,5}리(?![가-힣])",
         before=r"(?<![가-힣])주소(?:는요?|가|는[ \t]?요|[ \t]*[:：])[ \t]*", priority=40, gate="주소", reach=(0, 50)),
)

# A numbered member list's row: "3. 주하은 딸 2004년 1월 9일 (대학생)".
_MEMBER_ROW = re.compile(rf"(?m)^[ \t]*\d{{1,2}}[.)][ \t]*(?P<n>{_NAME})[ \t]+{_KIN}[ \t]+(?P<d>{BD_DATE})(?=[ \t]*(?:\(|,|/|$))")
# A name label with the script it is written in: "성명(한글) 탕지웨이".
_SCRIPT_LABEL = re.compile(r"(?:성명|이름)[ \t]*\([ \t]*(?:한글|국문|한국어)[ \t]*\)[ \t]*[:：]?[ \t]*(?P<n>[가-힣]{3,5})(?![가-힣])")


def round11_people(text: str) -> list[tuple[str, int, int]]:
    """Names and birth dates placed by a record's structure (member rows, script-labelled names)."""
    out = []
    for m in _MEMBER_ROW.finditer(text):
        if valid_name(m.group("n")) and _date_ok(m.group("d")):
            out += [("name", *m.span("n")), ("birth_date", *m.span("d"))]
    for m in _SCRIPT_LABEL.finditer(text):
        if valid_name(m.group("n")) and not dictionary_word(m.group("n")):
            out.append(("name", *m.span("n")))
    return out


# ---- address tails --------------------------------------------------------------------------------
_TAIL = re.compile(r"(?:[ \t]*,)?[ \t]*(?:(?:지층|반지하|옥탑방?)(?:[ \t]*\d{1,3}[ \t]?호)?(?![가-힣])|(?:지층|반지하)(?=[에은는의])|"
                   r"(?:B\d|\d{1,2}[Ff])(?![A-Za-z0-9]))")
_LATIN_TAIL = re.compile(r"[ \t]*,[ \t]*(?:[A-Z]{2}[ \t]+\d{5}(?:-\d{4})?(?:[ \t]*,[ \t]*(?:USA|U\.S\.A\.|United States))?|"
                         r"(?:Canada|USA|U\.S\.A\.|United States|Australia|United Kingdom|UK|Japan|(?:South[ \t]+)?Korea))(?![A-Za-z0-9])")


def address_tail(text: str, end: int) -> int:
    """Where an address found up to ``end`` really ends: a basement or floor, a US state and postcode, a country."""
    if re.search(r"[A-Za-z]", text[max(0, end - 12):end]):
        m = _LATIN_TAIL.match(text, end)
        if m:
            return m.end()
    m = _TAIL.match(text, end)
    return m.end() if m else end


# ---- the model's spans ----------------------------------------------------------------------------
_LIVED = re.compile(r"[ \t]*(?P<at>에서?)?[ \t]*(?:사는|살고|살아|살았|삽니다|거주)")
_FIRST_PERSON = re.compile(r"(?<![가-힣])(?:저는|제가|저희는|저희|우리는|우리|나는|내가)[ \t]+\Z")
_RECORD_NUMBER = re.compile(r"(?<![\d-])\d{2,4}-\d{3,6}(?![\d-])(?=[ \t]*(?:접수|신청|처리|민원|사건|건(?![가-힣])))")


def place_lived(text: str, start: int, end: int) -> bool:
    """"저는 도곡동 사는 주민": a neighbourhood the writer lives in, not a name (a model's name span is dropped)."""
    m = _LIVED.match(text, end)  # "도곡동에 사는"; without 에 only after the writer's own subject ("저는 도곡동 사는")
    return text[end - 1:end] in ("동", "리", "읍", "면") and m is not None and (
        m.group("at") is not None or _FIRST_PERSON.search(text, max(0, start - 8), start) is not None)


def record_number_in(text: str, start: int, end: int) -> bool:
    """A reception or case number ("2024-1203 접수 건") in what a model's span would add to an address."""
    m = _RECORD_NUMBER.search(text, start, min(len(text), end + 16))  # the event word may lie past the span
    return m is not None and m.start() < end

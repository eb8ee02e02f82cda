"""Officials in role, decided from the words around a name: where the keep policy of ``ingest.pii`` needs more
than the title right after the name.

A name is an official's (kept) when a public office's department stands right before it and a title after it
("세무과 이정은 팀장", "민원실 김철수 팀장님"), when a school-only teacher's post stands before it ("영양교사 나은경
선생님"), or when a staff record's label introduces it ("확인자 백현정", "… 통화 원함. 메모 신지아" at a line's end).
It is a private person's, whatever the title, when a staff speaker in a transcript addresses them ("상담원: 현소라
님, 생년월일 …") or when a private e-mail address follows on the same line ("담당자 유가은 과장 … / x@firm.kr").
"""
from __future__ import annotations

import re

# A department of a public office right before the name: "세무과", "자치행정과", "민원실", "교통계". A word
# ending in 과 is a department only with a department's stem ("가족과" is "with the family").
_DEPT_STEM = (r"행정|정책|관리|지원|복지|민원|세무|세정|징수|환경|건축|교통|위생|도시|재무|회계|총무|청소|산림|농정|농업|건설|토목|"
              r"안전|보건|문화|체육|관광|경제|일자리|여성가족|아동|청소년|노인|장애인|주택|녹지|공원|하수|상수|도로|주차|여권|지적|"
              r"부동산|계획|감사|기획|홍보|예산|자치|교육|정보|통신|에너지|기후|생태|자원|순환|수도|식품|의약|건강|인구|보육|허가|"
              r"인허가|가정|평생학습|축산|수산|해양|항만|공보|재난|방재|토지|교육지원|학교지원|급식|시설|운영|경리|조사|수사|형사|"
              r"민원여권|차량|등록|세무1|세무2")
_DEPT = re.compile(rf"(?<![가-힣])[가-힣]{{0,6}}(?:(?:{_DEPT_STEM})과|민원실|상황실|감사실|비서실|기획실|민원계|교통계|형사계|수사계|"
                   r"경비계|생활안전계|여성청소년계)[ \t]+\Z")
_TITLE = re.compile(r"[ \t]?(?:팀장|과장|계장|실장|국장|주무관|주사|주사보|사무관|주임|담당|선생님)(?:님)?(?![가-힣])"
                    r"|[ \t]?(?:팀장|과장|계장|실장|국장|주무관|주사|사무관|주임)(?:님)?(?:[은는이가을를의께에과와도만한]|께서|한테|에게)")
# A teacher's post that only schools have: the public school's staff.
_SCHOOL_POST = re.compile(r"(?:영양|보건|사서|전문[ \t]?상담|특수|담임|진로|학생[ \t]?부장)[ \t]?교사[ \t]*\Z")
# A staff record's own labels: who checked, received, handled or wrote the record.
_RECORD_LABEL = re.compile(r"(?<![가-힣])(?:확인자|접수자|처리자|상담자|상담사|기록자|입력자|응대자|면담자|인계자|출동자|조사자|"
                           r"확인[ \t]?직원|접수[ \t]?직원)[ \t]*[:：]?[ \t]*\Z")
_MEMO_LABEL = re.compile(r"(?<![가-힣])(?:메모|기록|작성|입력)[ \t]*[:：]?[ \t]*\Z")
_LINE_END = re.compile(r"[ \t]*(?:[.)]?[ \t]*(?:\n|$))")
# A staff speaker's label in a transcript, then the name addressed: "상담원: 현소라 님, …".
_SPEAKER = re.compile(r"(?:^|\n)[ \t]*(?:상담원|상담사|직원|담당자|공무원|주무관|경찰관|접수원)[ \t]*[:：][ \t]*\Z")
_VOCATIVE = re.compile(r"[ \t]?(?:님|씨|고객님)[ \t]*[,，!?]")
# Between a name and its e-mail in a contact block: titles, contact labels, numbers and separators, no clause
# ("… 대위님 말씀대로 메일(x@firm.kr)로도 보냈습니다" is the writer's mail, not the officer's).
_GAP_WORDS = re.compile(r"(?:팀장|과장|계장|대리|주임|부장|차장|실장|사원|매니저|대표|담당자?|선생님|님|이메일|메일|[Ee]-?mail|연락처|전화|휴대폰|핸드폰|"
                        r"메일[ \t]?주소|Tel|TEL|HP|H\.P)")
_CONTACT_GAP = re.compile(r"[^가-힣\n]*")
# An elected member of a council or the National Assembly after the name: a public office holder.
_ELECTED = re.compile(r"[ \t]?(?:국회|시|구|군|도)?의원(?:님|실)?(?![가-힣])|[ \t]?(?:국회|시|구|군|도)?의원(?:님|실)?(?:[은는이가을를의께에과와도만]|께서|에게|한테|이었)")
# A staff member introducing themselves after their office: "표수진 의원실 비서 정하경입니다", "민원여권과 주무관 …입니다".
_STAFF_INTRO = re.compile(r"(?:의원실|민원실|주민센터|행정복지센터|[가-힣]{2,8}(?:과|팀))[ \t]+(?:비서관|비서|보좌관|주무관|직원|담당자?|인턴)[ \t]+\Z")
_INTRO_END = re.compile(r"(?:입니다|이에요|예요|이고요|고요)(?![가-힣])")
_MED_DEPT = re.compile(r"(?:내과|외과|소아(?:청소년)?과|산부인과|신경과|정신건강의학과|안과|이비인후과|피부과|비뇨(?:기|의학)과|재활의학과|"
                       r"가정의학과|응급의학과|영상의학과|마취통증의학과|치과|한방[가-힣]{0,4}과)[ \t]+\Z")
_MED_TITLE = re.compile(r"[ \t]?(?:교수|전문의|과장|원장|주치의|선생님)(?:님)?(?![가-힣])|[ \t]?(?:교수|전문의|주치의)(?:님)?(?:[은는이가을를의께에과와도만]|께서)")
_PRIVATE_MAIL = re.compile(r"[A-Za-z0-9._%+-]+@(?![\w.-]*(?:go\.kr|korea\.kr)\b)[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


def official_in_role(text: str, start: int, end: int) -> bool | None:
    """True: an official in role (kept); False: a private person whatever the title; None: undecided here."""
    line_end = text.find("\n", end)
    rest = text[end:line_end if line_end >= 0 else len(text)]
    before = text[max(0, start - 24):start]
    if _SPEAKER.search(text[max(0, start - 24):start]) and _VOCATIVE.match(text, end):
        return False
    mail = _PRIVATE_MAIL.search(rest[:60])
    if mail and _CONTACT_GAP.fullmatch(_GAP_WORDS.sub("", re.sub(r"\A[ \t]*[가-힣]{1,4}", "", rest[:mail.start()]))):
        return False  # the person's own contact block: "반세린 대리 02-555-0192 / serin@firm.co.kr"
    if _ELECTED.match(text, end) or (_STAFF_INTRO.search(before) and _INTRO_END.match(text, end)):
        return True  # "정민호 구의원", "표수진 의원님"; "… 의원실 비서 정하경입니다"
    if _MED_DEPT.search(before) and _MED_TITLE.match(text, end):
        return True  # "내분비내과 박성현 교수": a doctor in role
    if _DEPT.search(before) and _TITLE.match(text, end):
        return True
    if _SCHOOL_POST.search(before) or _RECORD_LABEL.search(before):
        return True
    if _MEMO_LABEL.search(before) and _LINE_END.match(text, end):
        return True
    if staff_table_row(text, start):
        return True
    if _TEACHER_AFTER.match(text, end) and _SCHOOL.search(text) and not _NOT_SCHOOL.search(text):
        return True  # "서지영 선생님께 … 3학년 2반 …": a school's teacher
    return None


_TEACHER_AFTER = re.compile(r"[ \t]?(?:담임[ \t]?)?선생님(?:께|에게|이|은|도|한테)")
_SCHOOL = re.compile(r"\d[ \t]?학년|\d[ \t]?반(?![가-힣])|(?:초등|중|고등)?학교|학교폭력|교실|급식")
_NOT_SCHOOL = re.compile(r"학원|어린이집|과외|교습소|공부방")
_TABLE_ROW = re.compile(r"[^\n]*(?:\t|\|)[^\n]*")
_STAFF_HEADER = re.compile(r"직급|직위|직책|담당[ \t]*업무|담당(?=[ \t]*[\t|])")
_TITLE_CELL = re.compile(r"(?:^|[\t|])[ \t]*(?:주무관|주사보|주사|사무관|서기관|팀장|과장|계장|실장|국장|주임|경위|경사|경장|순경|경감)[ \t]*(?:[\t|]|$)")


def staff_table_row(text: str, pos: int) -> bool:
    """A row of a staff directory: a table whose header names 직급/직위/직책 or 담당, the row holding a rank
    ("담당\t성명\t직급\t전화" then "현장조사\t김도형\t팀장\t031-…"); the row of a 민원인 in it is not."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    row = text[line_start:line_end if line_end >= 0 else len(text)]
    if not _TABLE_ROW.fullmatch(row) or not _TITLE_CELL.search(row):
        return False
    start = line_start
    while start > 0:  # back to the first row of the table: its header
        prev_start = text.rfind("\n", 0, start - 1) + 1
        if not _TABLE_ROW.fullmatch(text[prev_start:start - 1]):
            break
        start = prev_start
    header_end = text.find("\n", start)
    return _STAFF_HEADER.search(text, start, header_end if header_end >= 0 else len(text)) is not None


# An office's address: the city hall (or another office building) named in or right after it.
_OFFICE_BUILDING = re.compile(r"(?:[시구군도]청|청사|행정복지센터|주민센터|읍사무소|면사무소|동사무소)(?![로길앞])(?:[ \t]*(?:본관|별관|신관|\d+층))?")


# A dwelling in the address: a flat's unit or a housing complex, never an office building.
_DWELLING = re.compile(r"\d[ \t]?동[ \t]?\d{1,5}[ \t]?호|아파트|빌라|맨션|오피스텔|아이파크|푸르지오|래미안|자이(?![가-힣])|힐스테이트|더샵|"
                       r"주공|[가-힣]{2,}타운")


def office_address(text: str, start: int, end: int) -> bool:
    """"다산시 중앙로 100 시청 본관 2층 자치행정과에서 접수": an office's address, not a resident's."""
    after = re.split(r"[.!?](?=\s)|\n", text[end:end + 12], maxsplit=1)[0]  # the office named in the same sentence
    return _OFFICE_BUILDING.search(text[start:end] + after) is not None and not re.search(
        r"주소|거주|사는|살고|자택|저희[ \t]?집|아파트는|집은", text[max(0, start - 20):start]) and not _DWELLING.search(text, start, end)


def private_contact(text: str, end: int) -> bool:
    """A landline followed on its line by a private e-mail ("031-8041-3372 / x@firm.kr"): a company's, not an office's."""
    line_end = text.find("\n", end)
    return _PRIVATE_MAIL.search(text[end:line_end if line_end >= 0 else len(text)][:40]) is not None

"""What the masker's policy keeps visible (``ingest.pii``): officials' work contacts in role, 대표번호,
agencies' accounts and offices, example names in forms."""
from __future__ import annotations

import re

from ingest.pii_officials import office_address, official_in_role, private_contact, staff_table_row
from ingest.pii_names import OTHER_TITLES, PUBLIC_TITLES
from ingest.pii_round8 import office_number_asked, public_account
from ingest.pii_round11 import institution_address, office_line, official_in_record
from ingest.pii_patterns import CITIZEN_MARKERS, ORG_BEFORE, PRIVATE_ORG, PUBLIC_ORG, STAFF_MARKERS
from ingest.pii_types import Candidate, MaskPolicy
from ingest.pii_voice import (handover_name, office_mail, office_notice, office_sender, office_voice, public_post_name, ranked_name,
                              signature_name, signature_phone)

_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
_RELAY = re.compile(r"\(?050[2-8]?(?=[ \t)\-.])")  # 0505-…, 050-7412-…: relay (안심) numbers
# The writer's own line, whatever office words stand before: "제 사무실 번호는", "저희 가게 전화", "본인 연락처".
_OWN_NUMBER = re.compile(r"(?<![가-힣])(?:제|저의|내|본인(?:의)?|저희|우리)[ \t]+(?:[가-힣]{1,6}[ \t]*)?(?:번호|연락처|전화|휴대폰|핸드폰)"
                         r"[^\d\n]{0,8}\Z")
# A transcript line the staff says: the landline in it is the office's ("직원: 위임장 팩스로 053-…").
_STAFF_SPEAKER = re.compile(r"[ \t]*(?:직원|상담원|상담사|담당자|공무원|주무관|접수원|안내원|교환원|센터)[ \t]*[:：]")
_OFFICIAL_EMAIL = re.compile(r"@(?:[\w-]+\.)*(?:go\.kr|korea\.kr)$", re.IGNORECASE)
# A mobile then the mail in one clause ("연락 010-…, 메일 x@korea.kr"): the writer's own contacts, not an office's.
_OWN_MAIL = re.compile(r"01[016789][ \t.-]?\d{3,4}[ \t.-]?\d{4}[ \t]*[,/·][ \t]*(?:(?:이메일|메일|e-?mail|E-?mail)[ \t]*[:：]?[ \t]*)?\Z")
_PRIVATE_USE = re.compile(r"[ \t]*\(?[^)\n]{0,20}(?:개인[ \t]?(?:용무|용도|적으로|메일)|private|personal)")
# An example in a form ("예시로 홍길동이라고"): no one's name.
_EXAMPLE_BEFORE = re.compile(r"(?:예시|예[:)]|보기|견본|샘플|예컨대|예를[ \t]?들(?:어|면))[^.!?\n]{0,8}\Z")
# A title right after a name: an official in role where a public body (or a school) is named before.
_TITLE_AFTER = re.compile(rf"[ \t]?(?:(?P<pub>{PUBLIC_TITLES})|{OTHER_TITLES})(?:님)?(?=[은는이가을를의께에과와도만랑한]|[^가-힣]|$)")


def _context_role(text: str, pos: int, window: int = 60) -> str:
    """Who the nearest role marker before ``pos`` (same sentence or line) speaks of: "staff", "citizen" or ""."""
    seg_start = max(0, pos - window)
    seg = text[seg_start:pos]
    cut = 0
    for m in _SENTENCE_END.finditer(seg):
        cut = m.end()
    seg = seg[cut:]
    last_staff = max((m.end() for m in STAFF_MARKERS.finditer(seg)), default=-1)
    last_citizen = max((m.end() for m in CITIZEN_MARKERS.finditer(seg)), default=-1)
    if last_staff < 0 and last_citizen < 0:
        return ""
    return "staff" if last_staff > last_citizen else "citizen"


def _sentence_before(text: str, pos: int, window: int = 60) -> str:
    """The part of ``pos``'s sentence (or line) before it, at most ``window`` characters."""
    seg = text[max(0, pos - window):pos]
    cut = 0
    for m in _SENTENCE_END.finditer(seg):
        cut = m.end()
    return seg[cut:]


def _private_org_before(text: str, pos: int) -> bool:
    return PRIVATE_ORG.search(_sentence_before(text, pos)) is not None


def _public_org_before(text: str, pos: int) -> bool:
    """"가스안전공사 경남본부 조윤희 과장": a public body right before the name (same sentence, 30 characters)."""
    seg = _sentence_before(text, pos, 30)
    return PUBLIC_ORG.search(seg) is not None and PRIVATE_ORG.search(seg) is None and _HOUSING_OFFICE.search(seg) is None


# The mobile after a name is labelled as someone else's: "담당 박준형 경위님께 목격자 연락처 010-…".
_OTHERS_NUMBER = re.compile(r"(?<![가-힣])(?:목격자|상대방|상대|가해자|피해자|신고자|신고인|제보자|세입자|임차인|임대인|집주인|건물주|보호자|"
                            r"아이|아들|딸|남편|아내|어머니|아버지|엄마|아빠|제|저의|내)(?:의|분)?[ \t]*(?:연락처|번호|휴대폰|핸드폰|전화)")
_IMPERSONATED = re.compile(r"[^.!?\n]{0,24}?사칭")
# A landline said to be an office's ("… 2850이 송파구청 번호 맞나요?") or rung to find an official away
# ("… 로 전화하면 자리에 없다고만 합니다").
_OFFICE_AFTER = re.compile(r"[ \t]*(?:[이가은는도]|으?로|에)?[ \t,]*(?:(?:[가-힣]{1,10}(?:청|센터|사무소|공단|공사|과|팀)|[가-힣]{0,8}(?:"
                           r"경찰서|세무서|보건소|지구대|파출소))[ \t]*(?:대표[ \t]*|민원[ \t]*)?(?:전화[ \t]*)?번호|(?:전화|연락)[^.!?\n]{0,14}(?:자리에[ \t]*없|"
                           r"부재|안[ \t]?받|담당[ \t]*(?:자|공무원|주무관)))")


def _mobile_follows(text: str, c: Candidate, chosen: list[Candidate], reach: int = 40) -> bool:
    """A mobile number shortly after a name on the same line marks a private contact, not an office."""
    for o in chosen:
        if o.rule.role == "mobile" and c.end <= o.start <= c.end + reach and not _SENTENCE_END.search(
                text, c.end, o.start) and not _OTHERS_NUMBER.search(text, c.end, o.start) and not any(n.rule.type == "name" and c.end <= n.start < o.start for n in chosen):
            return True  # a sentence end or another name between: the mobile is someone else's
    return False


# A housing complex's own office: its manager is the residents' employee, not an official ("관리사무소(노경태 과장)").
_HOUSING_OFFICE = re.compile(r"관리[ \t]?사무소|관리실|관리단|경비실")
_GUARD_ROOM = re.compile(r"경비실|경비[ \t]?초소")

# A text that reports a fraud: the lines its quoted message gives are the fraudster's, not an office's.
_SCAM = re.compile(r"사기|스미싱|피싱|사칭|가짜[ \t]?(?:문자|사이트|번호)|불법[ \t]?(?:대출|사금융)|악성[ \t]?(?:앱|링크|문자)")

_OFFICE_NAMED = re.compile(r"(?:구청|시청|군청|도청|경찰서|세무서|보건소|주민센터|복지센터|[가-힣]{2,8}과)[ \t(:：]*(?:전화|☎|번호)?[ \t:：]*\Z")


def _keep(text: str, c: Candidate, chosen: list[Candidate], policy: MaskPolicy) -> bool:
    """Whether the policy keeps this candidate visible (officials' work contacts, 대표번호)."""
    role = c.rule.role
    if role == "rep":
        return policy.keep_business_numbers
    if c.rule.type == "name" and _EXAMPLE_BEFORE.search(text, max(0, c.start - 20), c.start):
        return True  # a form's example name ("예시로 홍길동이라고"), whoever's voice
    if not policy.keep_official_contacts or role in ("mobile", "citizen"):
        if not (role == "citizen" and c.rule.type == "name" and policy.keep_official_contacts):
            return False
    if c.rule.type == "phone":
        if _RELAY.match(text, c.start) or _private_org_before(text, c.start) or private_contact(text, c.end) or _OWN_NUMBER.search(
                _sentence_before(text, c.start, 30)) or _GUARD_ROOM.search(_sentence_before(text, c.start, 12)):
            # a 050x 안심번호 relays to a private phone; a company's line in a citizen's text: their contact;
            # a guard room's line: one private employee's post, no office
            return False
        if (office := office_line(text, c.start, c.end)) is not None:
            return office and role == "landline"  # round 11: under an official's signature, busy when rung; a number on file read back
        if _SCAM.search(text) and not text.startswith("080", c.start) and not _OFFICE_AFTER.match(text, c.end) and (
                text.startswith("070", c.start) or not _OFFICE_NAMED.search(text, max(0, c.start - 16), c.start)):
            return False  # a fraud reported: the "office" line the message gives is the fraudster's ("수사관 070-…"); 080 opt-out lines stay
        return role == "landline" and (_context_role(text, c.start) == "staff" or _STAFF_SPEAKER.match(
            text, text.rfind("\n", 0, c.start) + 1) is not None or _OFFICE_AFTER.match(text, c.end) is not None
                                       or office_number_asked(text, c.start, c.end, PUBLIC_ORG)
                                       or ORG_BEFORE.search(text, max(0, c.start - 30), c.start) is not None or staff_table_row(text, c.start)
                                       or office_voice(text, c.start) or signature_phone(text, c.start))  # round 8: the office's reply, notice, signature
    if c.rule.type == "account":
        return public_account(text, c.start)  # an agency's collection account ("세입계좌 국고 …")
    if c.rule.type == "email":
        # an official address in a staff context, or a department's shared mailbox ("교통행정과 공용 메일 …")
        # an agency's domain is an official's work address: citizens have no go.kr mailboxes
        # (round 6) unless it sits in the writer's own contact block after a mobile, or is said to be used privately
        # (round 8) an organisation's role mailbox, or a mailbox the office's own reply or notice gives
        return (bool(_OFFICIAL_EMAIL.search(text[c.start:c.end])) or office_mail(text, c.start, c.end)) and not _OWN_MAIL.search(
            text, max(0, c.start - 40), c.start) and not _PRIVATE_USE.match(text, c.end)
    if c.rule.type == "address":
        # "… 100 시청 본관 2층 자치행정과에서 접수"; round 11: "병원 주소 …"
        return office_address(text, c.start, c.end) or institution_address(text, c.start)
    if c.rule.type == "name":
        if _mobile_follows(text, c, chosen) or _IMPERSONATED.match(text, c.end):
            return False  # a private contact, or a title a fraudster claimed ("'… 김도현 수사관'이라고 사칭한")
        if official_in_record(text, c.start, c.end):
            return True  # round 11: "… 안내. 처리 김은주", "조사자 이도현, 장수련", "평생학습팀 최유나 드림"
        if handover_name(text, c.start) or public_post_name(text, c.start, c.end) or ranked_name(text, c.start) or office_sender(
                text, c.start, c.end) or (signature_name(text, c.start, c.end) and not _private_org_before(text, c.start)):
            return True  # round 8: a notice's handover, "담당 보호관찰관 …", "소방교 …", an office mailbox's sender, a signature
        if (in_role := official_in_role(text, c.start, c.end)) is not None:
            return in_role  # "세무과 이정은 팀장", "확인자 백현정"; "상담원: 현소라 님," (addressed), a private e-mail after
        title = _TITLE_AFTER.match(text, c.end)
        if title is not None and not _private_org_before(text, c.start) and (
                title.group("pub") or _public_org_before(text, c.start) or office_notice(text)):
            return True  # "면사무소 배은지 주사한테", "서원중학교 양지훈 교사가", whatever rule found the name
        if role in ("staff", "public_title"):
            return not _private_org_before(text, c.start)  # "회사 …, 담당 채경훈 대리": a company's employee
        # "홍길동 과장": could be anyone's and is masked, unless a public body names where they work
        return role == "title" and _public_org_before(text, c.start)
    return False

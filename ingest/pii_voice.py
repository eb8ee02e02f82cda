"""Who speaks where a contact stands: an office's reply or notice, or a role mailbox (keep policy of ``ingest.pii``).

A citizen's text may carry the office's own words: a reply under the question ("→ 답: 세무과 영치반(043-…)",
"답변: …센터입니다. 신청서는 x@…로 보내주세요") or a notice the office wrote ("○○초 행정실입니다. 담당자 변경 …
신규 남기원 실장(02-…)"). The landlines, mailboxes and staff named there are the office's, kept like an official's
contact. A mailbox whose local part names a role, not a person ("minwon@…", "support@…"), is an organisation's.
"""
from __future__ import annotations

import re

# A line that opens the office's reply: an arrow or a reply label, then a colon.
_REPLY_LINE = re.compile(r"[ \t]*(?:(?:→|->|⇒|└|ㄴ|↳)[ \t]*)?[\[【]?(?:답변|답|회신|처리[ \t]?결과|기관[ \t]?답변)[\]】]?[ \t]*[:：\]】]")
# A text that opens with an office introducing itself: "○○초 행정실입니다.", "다산시 교통행정과입니다." (not a
# group the writer belongs to: "저희는 축구팀입니다")
_OFFICE_OPENING = re.compile(r"(?![^\n.!?]{0,30}?(?:저희|우리|저는|제가|나는|내가))[ \t\[]*[^\n.!?]{0,24}?(?:행정실|민원실|교무실|[가-힣]{2,10}(?:과|팀)|주민센터|행정복지센터|구청|시청|군청|도청|"
                             r"보건소|지구대|파출소|소방서|교육청|교육지원청|사업소)[ \t]*(?:입니다|에서[ \t]*알려[ \t]?드립니다)")
_FREE_MAIL = re.compile(r"@(?:[\w-]+\.)*(?:naver|daum|hanmail|gmail|kakao|nate|hotmail|outlook|yahoo|icloud|me|live|msn|"
                        r"proton(?:mail)?|gmx|mail|yandex|qq|163|126)\.", re.IGNORECASE)
_ROLE_LOCAL = re.compile(r"(?:minwon|support|help|helpdesk|webmaster|contact|info|office|admin|service|customer|inquiry|"
                         r"qna|noreply|no-reply|opendata|privacy|counsel|sangdam)", re.IGNORECASE)
# A handover in an office's notice: the former and the new person in charge.
_HANDOVER = re.compile(r"(?:기존|전임|후임|신규|신임|변경)[ \t]*(?:담당자?|담당[ \t]?직원)?[ \t]*[:：]?[ \t]*\Z")
# A public post between 담당 and a name at a record's end: "담당 정신건강전문요원 이도현", "담당 보호관찰관 송지혜".
_PUBLIC_POST = re.compile(r"(?<![가-힣])담당[ \t]+[가-힣]{0,8}(?:요원|관찰관|조사관|감독관|공무원|주무관|상담관)[ \t]+\Z")
_RECORD_END = re.compile(r"[ \t]*[.)]?[ \t]*(?:\n|$)")


def in_reply(text: str, pos: int) -> bool:
    """Whether ``pos`` stands on a line that opens the office's reply."""
    line_start = text.rfind("\n", 0, pos) + 1
    return _REPLY_LINE.match(text, line_start) is not None


def office_notice(text: str) -> bool:
    """Whether the text opens with an office introducing itself: the office wrote it."""
    return _OFFICE_OPENING.match(text) is not None


def office_voice(text: str, pos: int) -> bool:
    """An office speaks at ``pos``: its reply line, or a notice it wrote."""
    return in_reply(text, pos) or office_notice(text)


def organisation_mail(value: str) -> bool:
    """A mailbox of an organisation's domain (no free-mail provider) whose local part names a role."""
    local = value.split("@")[0]
    return _FREE_MAIL.search(value) is None and _ROLE_LOCAL.fullmatch(local) is not None


def office_mail(text: str, start: int, end: int) -> bool:
    """An organisation's mailbox: in the office's own words (no free-mail provider), or a role mailbox."""
    value = text[start:end]
    return organisation_mail(value) or (office_voice(text, start) and _FREE_MAIL.search(value) is None)


def handover_name(text: str, start: int) -> bool:
    """"기존 고은비 → 신규 남기원 실장": the staff an office's notice hands over between."""
    return office_notice(text) and _HANDOVER.search(text, max(0, start - 12), start) is not None


def public_post_name(text: str, start: int, end: int) -> bool:
    """"… 담당 정신건강전문요원 이도현" closing a record: the public worker in charge, in role."""
    return _PUBLIC_POST.search(text, max(0, start - 24), start) is not None and _RECORD_END.match(text, end) is not None


# An office's signature: a department, the official's name, the office's landline ("– 경상남도 해양수산과 홍승재
# (055-…)", "담당: 상하수도사업소 요금팀 국민재 (031-…)"). A mobile is no office's line.
_SIGN_DEPT = r"(?<![가-힣])[가-힣]{0,10}(?:[가-힣]{2}과|팀|계|사업소|민원실|상황실)"
_LANDLINE = r"0(?:2|[3-6][1-5])[ \t.)-]*\d{3,4}[ \t.-]*\d{4}(?!\d)"
_SIGN_BEFORE_NAME = re.compile(rf"{_SIGN_DEPT}[ \t]+\Z")
_SIGN_AFTER_NAME = re.compile(rf"[ \t]*(?:\([ \t]*|[:：/,][ \t]*|[ \t]+)(?:☎|전화|TEL|Tel)?[ \t:：]*{_LANDLINE}")
_SIGN_BEFORE_PHONE = re.compile(rf"{_SIGN_DEPT}[ \t]+[가-힣]{{2,4}}[ \t]*(?:\([ \t]*|[:：/,][ \t]*|[ \t]+)(?:☎|전화|TEL|Tel)?[ \t:：]*\Z")
# A rank of the fire or police service right before a name: "소방교 …", "경위 …".
RANK = r"(?:소방(?:사|교|장|위|경|령|정)|경위|경사|경장|순경|경감|경정|총경)"
_RANK_BEFORE = re.compile(rf"(?<![가-힣]){RANK}[ \t]+\Z")
# A mail header whose sender writes from an office's mailbox: the display name is the official's.
_SENDER = re.compile(r"(?:보낸[ \t]?사람|보낸이|발신자?|From)[ \t]*[:：][ \t]*\Z")
_SENDER_MAIL = re.compile(r"[ \t]*<[ \t]*(?P<m>[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})[ \t]*>")
_GOV_MAIL = re.compile(r"@(?:[\w-]+\.)*(?:go\.kr|korea\.kr)$", re.IGNORECASE)


def signature_name(text: str, start: int, end: int) -> bool:
    """A name between a department and an office landline: an official signing for the office."""
    return _SIGN_BEFORE_NAME.search(text, max(0, start - 24), start) is not None and _SIGN_AFTER_NAME.match(text, end) is not None


def signature_phone(text: str, start: int) -> bool:
    """The landline an office's signature gives after its department and official."""
    return _SIGN_BEFORE_PHONE.search(text, max(0, start - 40), start) is not None


def ranked_name(text: str, start: int) -> bool:
    """"구급대원 소방교 …": a fire or police officer named with their rank, in role."""
    return _RANK_BEFORE.search(text, max(0, start - 8), start) is not None


def office_sender(text: str, start: int, end: int) -> bool:
    """"보낸사람: … <x@agency.go.kr>": the display name of a mail sent from an office's or a role mailbox."""
    m = _SENDER_MAIL.match(text, end)
    return (m is not None and _SENDER.search(text, max(0, start - 12), start) is not None
            and (_GOV_MAIL.search(m.group("m")) is not None or organisation_mail(m.group("m"))))

"""Address, 주민등록번호, phone and birth-date shapes the earlier families missed (unseen set 4, round 6).

Each rule is one way people write the item, not one example: apartment brands with a suffix
("래미안원베일리 112동 1801호"), a 동 name before the complex, lettered 동 ("B동 201호"), 동·호 with the words
left out ("101-1203호"), 상가 호수 with 지하, a postcode in [] or in its own form field, a lot number before
"집 사는", a labelled form field read to the end of the line, 13 digits with no hyphen, a hidden back half
with no hyphen, "생년월일 및 성별: 861203-2", international numbers, and "1959.1.1생".
"""
from __future__ import annotations

import re

from ingest.pii_checks import birth_date_ok, rrn_date_ok, rrn_date_valid, rrn_head_valid
from ingest.pii_patterns import BD_DATE, RRN_BODY, RULES, STARS, Rule

BRANDS = r"(?:아파트|빌라|맨션|오피스텔|하이츠|타운|캐슬|자이|푸르지오|래미안|힐스테이트|아이파크|더샵|e편한세상|롯데캐슬|SK뷰|센트레빌|데시앙|리슈빌|리더스마크|스위첸|포레나|꿈에그린|베르디움|서희스타힐스|주공|행복주택|임대주택|원룸|주택|연립|고시원|하우스)"
# The brand may start or end the complex's name: "삼성아파트", "래미안원베일리", "힐스테이트광교", "자이더빌리지 3단지".
COMPLEX = rf"[가-힣A-Za-z0-9]{{0,10}}{BRANDS}[가-힣A-Za-z0-9]{{0,8}}(?:[ \t]*\d{{1,2}}[ \t]?(?:단지|차))?"  # "래미안 1차"
DONG_WORD = r"(?:\d{1,4}|[A-Za-z]|[가나다라마바사])[ \t]?동"
HO = r"(?:지하[ \t]?|B)?\d{1,5}[ \t]?호(?![선기점차실])"
# Labels of other numbers: a 13-digit run after them is an order, a parcel or an account, not a person.
_OTHER_NUMBER = re.compile(r"(?:주문|송장|운송장|접수|계좌|카드|사업자|등기|일련|바코드|승인|거래|법인|사건|고객|회원|가입|예약|통장)[^\n]{0,14}\Z")


_PERSON_BEFORE = re.compile(r"(?<![가-힣])([가-힣]{2,4})[ \t]*(?:\([ \t]*|:[ \t]*|[ \t])\Z")


def _bare_rrn_context(text: str, start: int, end: int) -> bool:
    """Right after a person's name ("강복희 (4903112094817)"), never after a number's label ("번호 …")."""
    who = _PERSON_BEFORE.search(text, max(0, start - 10), start)
    if who is None or re.search(r"번호|코드|[호드값]$", who.group(1)):
        return False
    return _OTHER_NUMBER.search(text, max(0, start - 24), start) is None


def _phone_digits_ok(value: str) -> bool:
    return 9 <= len(re.sub(r"\D", "", value)) <= 14


def _field_address_ok(value: str) -> bool:
    return re.search(r"[가-힣](?:로|길|동|리|가|번지)[ \t]?(?:산[ \t]?)?\d|\d[ \t]?(?:번지|호|층)", value) is not None


SHAPE_RULES: tuple[Rule, ...] = (
    # "신대방동 삼성아파트 105동 602호", "래미안원베일리 112동 1801호", "B동 201호", "자이더빌리지 3단지 205동 1101호"
    Rule("address_complex", "address", rf"(?<![\d가-힣A-Za-z])(?:[가-힣]{{1,5}}동[ \t]+)?(?:[가-힣0-9]{{1,8}}(?:마을|지구|신도시)[ \t]+)?(?:{COMPLEX}[ \t]*)?"
         rf"{DONG_WORD}[ \t]?(?:\d{{1,3}}[ \t]?층[ \t]?)?{HO}",
         priority=39, weak=True, gate=r"동[ \t]?(?:지하[ \t]?|B)?\d{1,5}[ \t]?호", reach=(40, 2)),
    # 동 and 호 with the words left out: "101-1203호" (not "제2024-12호", a document's number)
    Rule("address_dash_unit", "address", r"(?<![\d\-제])(?<!제[ \t])[1-9]\d{0,2}-[1-9]\d{2,3}[ \t]?호(?![선기점차실])",
         priority=38, weak=True, gate=r"\d-\d{3,4}[ \t]?호", reach=(6, 2)),
    # 상가 호수: "중앙시장 상가 지하 B12호", "○○프라자 2층 201호" is the unit rule's
    Rule("address_shop", "address", r"(?<![가-힣])(?:[가-힣A-Za-z0-9]{0,10}상가|지하[ \t]?상가)[ \t]*(?:지하[ \t]?(?:\d[ \t]?층[ \t]*)?)?"
         r"(?:\d{1,2}[ \t]?층[ \t]*)?(?:B|지하[ \t]?)?\d{1,4}[ \t]?호(?![선기점차실])",
         priority=39, weak=True, gate=r"상가", reach=(12, 24)),
    # A postcode in brackets before the address: "[13529] 경기 성남시 …" (the rest is the address rules')
    Rule("address_postcode_head", "address", r"[\[(]\d{5}[\])][ \t]*" + next(r.value for r in RULES if r.name == "address"),
         priority=43, gate=r"[\[(]\d{5}[\])]", reach=(0, 90)),
    # A postcode in its own form field: "우편번호: 42020", "… 3층 / 우편번호 42020⏎" (not "우편번호 06236 지역")
    Rule("address_postcode_field", "address", r"\d{5}(?![\d-])", before=r"우편[ \t]?번호[ \t]*[:：]?[ \t]*",
         after=r"[ \t]*(?:\n|$|/|\||,|\))", priority=40, gate=r"우편[ \t]?번호", reach=(0, 20)),
    # A labelled form field read to the end of its line, when it holds a road or lot number
    Rule("address_field", "address", r"[^\s:：\-][^\n|/]{3,80}?",
         before=r"(?:(?<![가-힣])(?:현|실|자택|집|새)?[ \t]?주소(?:지)?|거주지|사는[ \t]?곳|자택|배송지|소재지)[ \t]*[:：][ \t]*",
         after=r"[ \t]*(?:\n|$|\||[ \t]/[ \t])", check=_field_address_ok, priority=37, weak=True,
         gate=r"주소|거주지|사는[ \t]?곳|자택|배송지|소재지", reach=(0, 100)),
    # A lot number before the household: "CCTV를 보면 1602-9 집 사는 사람"
    Rule("address_lot_house", "address", r"(?<![\d\-.])\d{1,4}-\d{1,3}(?![\d\-.])",
         after=r"[ \t]?(?:번지)?[ \t]?(?:집(?![가-힣])|집에|에[ \t]?(?:사는|살|거주))", priority=38, weak=True,
         gate=r"\d-\d", reach=(6, 12)),
    # 13 digits with no hyphen right after a person's name, date and gender digit valid: "강복희 (4903112094817)"
    Rule("rrn_run", "rrn", RRN_BODY + r"[1-4]\d{6}(?!\d)", check=rrn_date_valid, context=_bare_rrn_context,
         priority=90, gate=r"\d{13}", reach=(2, 1)),
    # the back half hidden, no hyphen: "9303071******"
    Rule("rrn_partial_run", "rrn", RRN_BODY + r"[ \t]?[1-4][ \t]?" + STARS + r"{6}", check=rrn_head_valid, priority=93,
         gate=r"\d{7}|\d{6}[ \t]", reach=(1, 12)),
    # "생년월일 및 성별: 861203-2", "생년월일/성별 861203 - 1"
    Rule("rrn_head_birth", "rrn", RRN_BODY + r"[ \t]*-[ \t]*[1-4](?![\d*xX●○])",
         before=r"생년월일[ \t]*(?:및|/|,|·)?[ \t]*성별[^\d\n]{0,6}", check=rrn_head_valid, priority=92,
         gate=r"성별", reach=(14, 24)),
    # International numbers (E.164, one- to three-digit country codes): "+1-213-555-0188", "+7 914 552-38-07", "+44 20 7946 0958"
    Rule("phone_intl", "phone", r"(?<![\w+])\+(?:1|7|[2-9]\d{1,2})[ \t\-.]?\(?\d{1,4}\)?(?:[ \t\-.]\d{2,4}){2,3}(?![\d\-])",
         check=_phone_digits_ok, priority=61, role="mobile", gate=r"\+\d", reach=(0, 22)),
    # "1959.1.1생이시고", "88.04.09생"
    Rule("birth_date_saeng", "birth_date", BD_DATE, after=r"[ \t]?생(?:이|으로|입|인|[ \t,.)]|$)",
         check=birth_date_ok, priority=60, gate=r"생", reach=(24, 2)),
)

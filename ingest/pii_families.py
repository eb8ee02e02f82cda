"""Identifier families the core rules (``ingest.pii_patterns``) write in only their tidy form.

Each rule here covers a whole way of writing a number rather than one example of it: digits spaced out
one by one ("8 9 0 3 1 4 - 2 0 …"), spaces around every separator ("960812 - 1 - 047293"), groups split
by spaces ("M 902 41 776"), partly hidden groups ("010-42**-7730", "서울강남 다 43**"), spelt-out
e-mail punctuation (골뱅이/에이티/쩜/dot), and labelled numbers whose checksum fails (people mistype:
after a label the label says what the number is). Letter look-alikes inside digits ("010-3l05-88l2")
are folded before any rule runs (``fold_lookalikes``).
"""
from __future__ import annotations

import re
from datetime import date

from ingest.pii_checks import birth_date_ok, brn_valid, ip_looks_real, rrn_date_ok
from ingest.pii_patterns import AREA, BD_DATE, BD_WORD, CITY, G4, G6, GACC, PROVINCES, REGIONS, RRN_CONTEXT, STARS, Rule

D = r"\d(?<![\d-]\d)"                      # a digit that starts a number
SP = r"(?:[ \t]?)"                          # at most one space between digits written apart
GSEP = r"(?:[ \t]*[-.][ \t]*(?:\n[ \t]*)?|[ \t]+)"  # between groups: dash/dot with spaces around, or spaces


def spaced(n: int) -> str:
    """``n`` digits, each perhaps set apart by one space."""
    return rf"\d(?:{SP}\d){{{n - 1}}}"


def _digits(v: str) -> str:
    return re.sub(r"\D", "", v)


def _rrn_family_ok(v: str, foreign: bool) -> bool:
    """Real date, and a gender digit that fits the century of the year (spaced-out numbers need both)."""
    d = _digits(v)
    if len(d) != 13 or not rrn_date_ok(d):
        return False
    g, yy = d[6], int(d[:2])
    older = "56" if foreign else "12"
    newer = "78" if foreign else "34"
    return g in older or (g in newer and yy <= date.today().year % 100)


def _account_ok(v: str) -> bool:
    """10-16 digits (some may be starred, 6 at least shown) that are not a mobile phone number."""
    d, stars = _digits(v), sum(c in "*＊" for c in v)
    return 10 <= len(d) + stars <= 16 and len(d) >= 6 and not (len(d) <= 11 and d.startswith("01"))


BANK_NAMES = (r"(?:(?:KB|NH|IBK|SC)?[ \t]?(?:국민|우리|하나|기업|신한|농협|우체국|카카오|토스|케이|새마을|신협|수협|SC제일|제일|씨티|"
              r"부산|대구|광주|경남|전북|제주|산업|수출입|저축)(?:은행|뱅크|금고|(?![가-힣]))|카뱅|케뱅|KB|NH|IBK|은행|뱅크)")
# The label's window may not name another number ("(토스뱅크) 제품 일련번호 SN 2023-0412-7781").
ACCOUNT_LABEL = (rf"(?:{BANK_NAMES}|계좌(?:번호)?|입금(?:[ \t]?계좌)?|송금|이체|통장|예금주)"
                 r"(?:(?!번호|일련|SN|접수|주문|송장|운송장|등기|신청|전화|연락|휴대)[^\d\n\[\].]){0,14}?")
PASSPORT_LABEL = r"(?:여권(?![가-힣]{0,2}(?:과|팀|계|민원실|창구|센터))|[Pp]assport|PASSPORT)(?:[ \t]*(?:번호|[Nn]o\.?|[Nn]umber))?[^\d\n\[\]A-Za-z]{0,12}?"
SPELT_AT = r"(?:[ \t]*(?:골뱅이|에이티|앳)[ \t]*|[ \t]*[\[({<][ \t]*(?:at|AT|골뱅이|@)[ \t]*[\])}>][ \t]*|[ \t]+(?:at|AT)[ \t]+|[ \t]*[@＠][ \t]*)"
SPELT_DOT = r"(?:[ \t]*(?:쩜|점|닷)[ \t]*|[ \t]*[\[({<][ \t]*(?:dot|DOT|\.|점|쩜)[ \t]*[\])}>][ \t]*|[ \t]+(?:dot|DOT)[ \t]+|\.)"
ANY_TLD = (r"(?:com|net|org|kr|co|io|me|edu|gov|biz|info|jp|cn|us|ru|de|uk|fr|vn|ph|th|in|au|ca|tw|hk|id|my|sg|mn|uz|kz|"
           r"ne|or|ac|go|re)(?![A-Za-z0-9])")
BUILDING = (r"(?:(?:LH|SH)?주공|[가-힣A-Za-z0-9]{1,10}(?:상가|빌딩|타워|프라자|플라자|몰|오피스텔|아파트|빌라|맨션|마을|하이츠|캐슬|자이|"
            r"푸르지오|래미안|힐스테이트|아이파크|더샵|원룸|고시원|고시텔|주택|연립|하우스|주공))(?:[ \t]*\d{1,2}[ \t]?(?:단지|차))?")
BUILDING_UNIT = (rf"(?:[가-힣0-9]{{1,8}}(?:마을|지구|신도시)[ \t]+)?{BUILDING}[ \t]*(?:(?:\d{{1,4}}|[A-Za-z가-힣])[ \t]?동[ \t]?)?(?:(?:지하[ \t]?|B)?\d{{1,3}}[ \t]?층[ \t]?)?"
                 r"(?:B|지하[ \t]?)?\d{1,5}[ \t]?호(?![선기점차])")
# After a birth label: the trailing dot of "1987. 4. 9." and the apostrophe of "'02년 11월 23일" belong to it.
BD_FAMILY = rf"['’]?(?:{BD_DATE})(?:[ \t]*\.)?"

FAMILY_RULES: tuple[Rule, ...] = (
    # Digits spaced one by one, spaces around every separator: "8 9 0 3 1 4 - 2 0 5 6 7 1 8", "960812 - 1 - 047293".
    Rule("rrn_spaced", "rrn", rf"{D}(?:{SP}\d){{5}}{GSEP}[1-4](?:{GSEP}|{SP}){spaced(6)}(?!\d)",
         check=lambda v: _rrn_family_ok(v, False), priority=93, gate=r"\d[ \t]?\d", reach=(2, 40)),
    Rule("arn_spaced", "arn", rf"{D}(?:{SP}\d){{5}}{GSEP}[5-8](?:{GSEP}|{SP}){spaced(6)}(?!\d)",
         check=lambda v: _rrn_family_ok(v, True), priority=93, gate=r"\d[ \t]?\d", reach=(2, 40)),
    # Partly hidden, spaces around the dash: "880304 - 5 ******".
    # Labelled, a mistyped date still leaves a number to hide ("주민번호 901301-1234567").
    Rule("rrn_labelled_any", "rrn", rf"{D}\d{{5}}[ \t]*[-.][ \t]*\d{{7}}(?!\d)", before=RRN_CONTEXT, priority=91, **G6),
    Rule("rrn_partial_spaced", "rrn", rf"{D}\d{{5}}[ \t]*-[ \t]*[1-4][ \t]?{STARS}{{6}}", priority=92, **G6),
    Rule("arn_partial_spaced", "arn", rf"{D}\d{{5}}[ \t]*-[ \t]*[5-8][ \t]?{STARS}{{6}}", priority=92, **G6),
    Rule("brn_spaced", "brn", rf"{D}{SP}\d{SP}\d{GSEP}{spaced(2)}{GSEP}{spaced(5)}(?!\d)",
         before=r"(?:사업자(?:[ \t]*등록)?(?:[ \t]*번호|증)?|등록[ \t]*번호)[^\d\n\[\]]{0,12}?", priority=86,
         gate=r"사업자|등록[ \t]*번호", reach=(0, 50)),
    Rule("brn_spaced_valid", "brn", rf"{D}{SP}\d{SP}\d[ \t]*-[ \t]*{spaced(2)}[ \t]*-[ \t]*{spaced(5)}(?!\d)",
         check=brn_valid, priority=85, gate=r"\d[ \t]*-[ \t]*\d", reach=(8, 20)),
    # After a bank or an account word, any 10-16 digits with dashes or spaces, whatever the bank's grouping.
    Rule("account_family", "account", rf"(?<!\+){D}(?:[ \t]*[-.]?[ \t]*[\d*]){{9,17}}(?![\d*])",
         before=ACCOUNT_LABEL, check=_account_ok, priority=72, weak=True, gate=r"\d[ \t]*[-.]?[ \t]*[\d*]", reach=GACC["reach"]),
    # Passport after its label: letters and digits in groups ("M 902 41 776", "M31 744 092"), foreign
    # ones too (US 9 digits, Philippine "P4417093B", Cambodian "N0123456").
    Rule("passport_family", "passport", r"(?<![A-Za-z0-9])(?:[A-Za-z]{1,2}[ \t-]?)?\d(?:[ \t-]?\d){6,8}(?:[ \t-]?[A-Z])?(?![A-Za-z0-9])",
         before=PASSPORT_LABEL, check=lambda v: not re.match(r"0\d{1,2}[ \t]*-", v), priority=77, gate=r"여권|[Pp]assport|PASSPORT", reach=(0, 40)),
    Rule("passport_bare", "passport", r"[MSRGD](?<![A-Za-z0-9][MSRGD])\d{3}[ \t]?\d{5}(?![A-Za-z0-9])",
         priority=74, weak=True, gate=r"[MSRGD]\d{3}", reach=(0, 10)),
    # E-mail with the @ or the dots spelt out: "hong.gd 골뱅이 naver 쩜 com", "park.mj 에이티 gmail.com",
    # "a[at]yahoo[dot]co[dot]kr", "olga.p2000 at mail dot ru".
    Rule("email_family", "email", rf"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+{SPELT_AT}[A-Za-z0-9-]+(?:{SPELT_DOT}[A-Za-z0-9-]+)*"
         rf"{SPELT_DOT}{ANY_TLD}", check=lambda v: not re.fullmatch(r"[A-Za-z]+[ \t]+(?:at|AT)[ \t].*", v) or
         bool(re.search(r"[\d._]", v.split()[0])), priority=99, gate=r"@|＠|[aA][tT]|골뱅이|에이티|앳", reach=(40, 60)),
    # Phones: a parenthesised exchange ("031-(944)-2150"), partly hidden groups ("010-42**-7730").
    Rule("landline_paren", "phone", rf"0(?<![\d+]0){AREA}[ \t]*[-.]?[ \t]*\([ \t]*\d{{3,4}}[ \t]*\)[ \t]*[-.]?[ \t]*\d{{4}}(?!\d)",
         priority=69, role="landline", weak=True, **G4),
    Rule("mobile_partial_group", "phone", rf"0(?<![\d+]0)1[016789][ \t]*-[ \t]*[\d*＊xX]{{3,4}}[ \t]*-[ \t]*[\d*＊xX]{{4}}(?![\d*＊])",
         check=lambda v: any(c in v for c in "*＊xX"), priority=70, role="mobile", gate=r"01[016789]", reach=(0, 24)),
    # Spaces around the dots: "103 . 152 . 77 . 45".
    Rule("ip_spaced", "ip", r"(?<![\d.])\d{1,3}(?:[ \t]*\.[ \t]*\d{1,3}){3}(?![\d.])",
         check=lambda v: (lambda p: all(int(x) <= 255 for x in p) and ip_looks_real(".".join(p)))(re.findall(r"\d+", v)),
         priority=54, weak=True, gate=r"\d[ \t]+\.[ \t]+\d", reach=(8, 30)),
    # Cards with every group but the last hidden: "****-****-****-7714".
    Rule("card_hidden", "card", rf"(?<![\d*])(?:{STARS}{{4}}|\d{{4}})(?P<ch>[ \t]?-[ \t]?|[ \t])[\d*xX●]{{4}}(?P=ch)[\d*xX●]{{4}}(?P=ch)\d{{4}}(?![\d-])",
         check=lambda v: any(c in v for c in "*xX●○"), priority=89, **G4),
    # Plates partly hidden: "서울 강남 다 ****", "서울강남 다 43**", "12가 34**".
    Rule("plate_hidden", "plate", rf"(?<![가-힣])(?:{REGIONS})[ \t]?[가-힣]{{2,3}}[ \t]?[가-힣][ \t]?(?:[\d*＊xX]{{4}})(?![\d*])",
         check=lambda v: any(c in v for c in "*＊xX"), priority=50, weak=True, gate=r"[가-힣][ \t]?[\d*＊xX]{4}", reach=(14, 2)),
    Rule("plate_hidden_new", "plate", r"(?<!\d)\d{2,3}[ \t]?[가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주아바사자배하허호]"
         r"[ \t]?(?:\d{2}[*＊xX]{2}|\d[*＊xX]{3}|[*＊xX]{4})(?![\d*])", priority=50, weak=True,
         gate=r"\d[가-힣][ \t]?[\d*]", reach=(4, 8)),
    # A building and its unit, with or without the town before it: "별빛상가 2층 207호", "해오름마을 3단지 305동
    # 1102호", "고양시 일산동구 마두동 강촌마을 7단지 711동 1803호" (below full road/lot addresses, above bare units).
    Rule("address_building", "address", rf"(?<![가-힣A-Za-z0-9]){BUILDING_UNIT}", priority=39.5, weak=True,
         gate=r"\d[ \t]?호", reach=(40, 2)),
    Rule("address_town_building", "address", rf"(?<![가-힣])(?:(?:{PROVINCES})[ \t]+)?{CITY}(?:[ \t]+[가-힣]{{1,5}}(?:구|읍|면))?"
         rf"(?:[ \t]+[가-힣0-9]{{1,6}}(?:동|리|가))?[ \t]+{BUILDING_UNIT}", priority=41.5, weak=True, gate=r"\d[ \t]?호", reach=(70, 2)),
    # Romanised: "Room 402, 17 Daehak-ro 63beon-gil, Geumjeong-gu, Busan".
    Rule("address_roman", "address", r"(?<![A-Za-z0-9])(?:(?:Room|Rm\.?|Apt\.?|Unit|Suite|#)[ \t]*[A-Z]?\d{1,5}(?:-\d{1,5})?,?[ \t]*)?"
         r"\d{1,4}(?:-\d{1,4})?,?[ \t]+[A-Z][a-z]+(?:-[a-z0-9]+)*-(?:ro|gil|daero|dong|ri)\b(?:[ \t]+\d{1,4}[a-z-]*(?:gil|ro))?"
         r"(?:,?[ \t]+[A-Z][a-z]+(?:-[a-z]+)*-(?:gu|si|gun|dong|eup|myeon|do)\b)*(?:,?[ \t]+(?:Seoul|Busan|Daegu|Incheon|Gwangju|"
         r"Daejeon|Ulsan|Sejong|Jeju|Gyeonggi|[A-Z][a-z]+-do)\b)?(?:,?[ \t]+\d{5})?", priority=42, gate=r"-(?:ro|gil|daero)\b", reach=(60, 80)),
    Rule("birth_date_family", "birth_date", BD_FAMILY, before=BD_WORD + r"[^\d\n\[\]'’]{0,8}?",
         check=birth_date_ok, priority=92, gate=BD_WORD, reach=(0, 40)),
    Rule("birth_date_suffix_family", "birth_date", rf"['’](?:{BD_DATE})", after=r"[ \t]*(?:생|출생|에[ \t]*태어)",
         check=birth_date_ok, priority=92, gate=r"['’]\d{2}[ \t]*년", reach=(0, 20)),
)

# Letters that stand in for digits inside a number ("010-3l05-88l2", "781116-2O49315").
# Round 5: lower-case o too, and after or before a date's or number's separator ("2023.O5.14", "O1O-…").
_LOOKALIKE = re.compile(r"(?<=\d)[lIOo](?=\d|[-.]\d)|(?<=\d[-./])[lIOo](?=\d)|(?<=\d)[lIOo](?=[lIOo]\d)"
                        r"|(?<![A-Za-z])[Oo](?=[1lI][Oo0][ \t]?-[ \t]?\d)|(?<=\d)[lIOo](?=[ \t]?-[ \t]?\d{3})"
                        # OCR keeps the spaces round a date's dots: "1957 . O3 . 28" (round 6)
                        r"|(?<=\d[ \t][-./][ \t])[lIOo](?=\d)|(?<=\d[-./][ \t])[lIOo](?=\d)|(?<=\d[ \t][-./])[lIOo](?=\d)")
_LOOKALIKE_DIGIT = {"l": "1", "I": "1", "O": "0", "o": "0"}


# Dash look-alikes between digits: the CJK one (一), the katakana long mark (ー), a box-drawing bar.
_DASH_LOOKALIKE = re.compile(r"(?<=\d)[ \t]?[一ーｰ━─][ \t]?(?=\d)")


def fold_lookalikes(text: str) -> str:
    """Same-length fold of look-alike letters flanked by digits, so offsets stay valid."""
    if _DASH_LOOKALIKE.search(text):
        text = _DASH_LOOKALIKE.sub(lambda m: re.sub(r"[一ーｰ━─]", "-", m.group()), text)
    if not _LOOKALIKE.search(text):
        return text
    return _LOOKALIKE.sub(lambda m: _LOOKALIKE_DIGIT[m.group()], text)

"""Address, birth-date, 사업자등록번호 and other shapes the earlier families missed (unseen set 6, round 8).

Each rule is one way people write the item, not one example: place names the writer hid ("○○동 한빛빌라
201호", "OO시 OO구 OO로 12": folded to a syllable before any rule runs, ``fold_placeholders``), a road or
lot address followed by "사는/거주", a road address with 번길 and a building number, a postcode labelled
before the address ("(우편번호 04524) 서울 …", "우)06236 …"), a date of birth in a person's parenthesised
profile ("홍길동(남, 1985.3.2.)"), a 생년월일 label with a note ("생년월일(6자리) 851203"), the 3-2-5
사업자등록번호 shape near a business word whatever its check digit, partly hidden 주민등록번호 in any digit, "+82" without the plus,
e-mail with a portal domain and no TLD, cards with dots, plates with a hyphen.
"""
from __future__ import annotations

import re

from ingest.pii_checks import birth_date_adult_ok, birth_date_ok, card_shape_ok, rrn_labelled_valid
from ingest.pii_families import BUILDING
from ingest.pii_names import (KIN_STOP, name_before_ok, NAME, NAME3, NAME_END, STOPWORDS, dictionary_word, plain_name_ok, valid_name,
                              weak_name_context_ok)
from ingest.pii_round7 import BD_WORD_ANY
from ingest.pii_patterns import (ADDRESS_GATE, ADDRESS_TAIL, ADDR_END, BD_DATE, BD_COMPACT, BD_WORD, CITY, DETAIL, LOT, MOBILE, NAME_COMMON,
                                 POSTCODE_TAIL, PROVINCES, PSEP, ROAD, RRN_BODY, RULES, STARS, Rule)

# A run of placeholder marks right before a place word: "○○동", "OO아파트", "××구", "ㅇㅇ로".
# 로, 길 and 가 are particles too ("****로 가려진"): only with a number after them.
_PLACE_WORD = (r"(?:특별시|광역시|시(?![작간])|군(?![가-힣])|구(?![가-힣])|읍|면(?![가-힣])|동(?!안)|리|\d{0,3}(?:로|길|가)[ \t]?\d|마을|단지|아파트|"
               r"빌라|맨션|오피스텔|빌딩|타워|상가|주공|하이츠|캐슬|프라자|플라자|주택|연립|원룸)")
_PLACEHOLDER = re.compile(rf"(?<![\dA-Za-z\-*＊])(?:[○◯●◎□■△×ㅇ＊*]{{1,4}}|[OXx]{{2,4}})(?={_PLACE_WORD})")
_STAND_IN = "뵹"  # a syllable no word, name or rule uses


# Round 6: digits of a road or lot number hidden one by one ("○○로 1*길 2*-3"): read as a digit.
_HIDDEN_DIGITS = re.compile(r"(?<=\d)[*＊]{1,3}(?=[ \t]?(?:번?길|로|번지))|(?<=[길로][ \t]\d)[*＊]{1,3}(?=-\d)"
                            r"|(?<=[길로][ \t]\d\d)[*＊]{1,2}(?=-\d)")


def fold_placeholders(text: str) -> str:
    """Same-length fold of hidden place names to Hangul, so "○○동 한빛빌라 201호" reads as an address; digits of
    a road number hidden by stars become a digit ("1*길" → "10길")."""
    if _HIDDEN_DIGITS.search(text):
        text = _HIDDEN_DIGITS.sub(lambda m: "0" * len(m.group()), text)
    if not _PLACEHOLDER.search(text):
        return text
    return _PLACEHOLDER.sub(lambda m: _STAND_IN * len(m.group()), text)


ADDRESS_VALUE = next(r.value for r in RULES if r.name == "address")
_CITY_VALUE = next(r.value for r in RULES if r.name == "address_city")
# "(우편번호 04524) 서울 …", "우)06236 서울 …", "우편번호 06236 서울 …", "[우 06236] …"
POSTCODE_HEAD = (r"(?:[\[(][ \t]*(?:우편번호|우)[ \t]*[:：)]?[ \t]*\d{5}[ \t]*[\])]|(?:\(우\)|우\)|우편번호|\[우\])[ \t]*[:：]?[ \t]*"
                 r"\d{5}(?!\d))[ \t]*,?[ \t]*")
# The household's own: the address is followed by living there ("○○로 24번길 7 사는 주민", "… 12-3에 거주").
LIVED_AFTER = r"[ \t]*(?:에서?|에서는|에는)?[ \t]*(?:사는|살고|살아요|삽니다|살았|살며|사시는|거주|주소지|전입)"
# Age and sex written before a date in a profile: "(남, 1985.3.2)", "(만 38세, 1985.3.2.)", "(여/72세/1951.2.3)".
_PROFILE_ITEM = r"(?:(?:남|여)(?:성|자)?|만?[ \t]*\d{1,3}[ \t]*(?:세|살)|(?:19|20)?\d{2}[ \t]*년생)[ \t]*[,/][ \t]*"
_RURAL_LOT = r"(?!(?:거리|소리|처리|관리|자리|우리|요리|유리|논리|원리|권리|무리|머리|다리|미리|진리|수리)[ \t]?\d)[가-힣0-9]{1,6}리[ \t]?(?:산[ \t]?)?\d{1,5}(?:-\d{1,5})?(?:[ \t]?번지)?"
_HIDDEN = STARS[:-1] + "○◯]"
PORTALS = r"(?:naver|daum|hanmail|gmail|nate|kakao|hotmail|yahoo|outlook|icloud|korea|paran|empal|dreamwiz|lycos|chol)"
_TOWN = r"(?!(?:우리|거리|소리|처리|관리|자리|이동|행동|활동|운동|노동)[ \t])(?:[가-힣]{1,5}(?:동|리)|[가-힣]{1,4}\d{1,2}가)"
BUILDING_FLOOR = rf"{BUILDING}[ \t]*(?:(?:\d{{1,4}}|[A-Za-z가-힣])[ \t]?동[ \t]*)?(?:지하[ \t]?|B)?\d{{1,2}}[ \t]?층(?:[ \t]*(?:B|지하[ \t]?)?\d{{1,5}}[ \t]?호)?"
# After an address, a parenthesised town or complex: "101동 1102호(○○아파트)", "… 12 (역삼동, 한솔빌)"
_PAREN_AFTER = re.compile(r"[ \t]*\([가-힣A-Za-z0-9·]{0,12}(?:동|리|가|아파트|빌라|맨션|오피스텔|빌딩|타워|하이츠|캐슬|마을|단지|주공|원룸|주택|\d차)"
                          r"(?:[ \t]*,[ \t]*[가-힣A-Za-z0-9·]{1,14}(?:[ \t][가-힣A-Za-z0-9]{1,10})?)?\)")


def _profile_closed(text: str, start: int, end: int) -> bool:
    """A bracket or a separator closes the date, or, at the end of a line, the profile held sex or age too; the
    word before the bracket is no dictionary word ("방문자 명단 (2025.04.02)": a list's date)."""
    if not name_before_ok(text, start, end):
        return False
    if re.match(r"[ \t]*(?:생)?[ \t]*[),/]", text[end:end + 8]):
        return True
    if re.match(r"[ \t]*[~∼]", text[end:end + 4]):  # "故 김만수(1940.3.1~2024.2.5)": born and died, not a period
        return re.search(r"故|고인|망인|별세|사망|돌아가|작고|유족|상속", text[max(0, start - 40):end + 40]) is not None
    return re.search(r"(?:남|여|성|자|세|살|년생)[ \t]*[,/][ \t]*\Z", text[max(0, start - 12):start]) is not None


def _rrn_hidden_ok(value: str) -> bool:
    """Some digits hidden, the visible ones a possible date: "900101-1234***", "9001**-1******"."""
    head = re.sub(r"\s", "", value).split("-")[0]
    if not re.search(r"[*＊xX●○◯]", value) or not head[:2].isdigit():
        return False
    month = head[2:4]
    return not month.isdigit() or 1 <= int(month) <= 12


_BUSINESS = re.compile(r"사업자|사업장|상호|가게|업체|매장|점포|식당|상회|상사|대표자?|법인|영업|개업|폐업|임대업|회사|세금계산서|부가세")


def _brn_shape_ok(text: str, start: int, end: int) -> bool:
    """The 3-2-5 shape near a business word ("임대사업자로 등록했다는데 번호가 …", "상호 …"), not after another
    number's label ("계좌 …", "접수번호 …"): a mistyped check digit still leaves a 사업자등록번호 to hide."""
    if re.search(r"(?:계좌|은행|뱅크|통장|접수|신청|사건|주문|송장|일련|관리|고유)[^\n\d]{0,10}\Z",
                 text[max(0, start - 20):start]):
        return False
    return _BUSINESS.search(text, max(0, start - 80), min(len(text), end + 30)) is not None


_MONTH = r"(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_EN_DATE = (rf"(?:\d{{1,2}}[ \t\-/]?{_MONTH}[ \t\-/,]*(?:19|20)\d{{2}}|{_MONTH}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+(?:19|20)\d{{2}})"
            r"(?!\d)")
_PROVINCE = r"(?:서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충북|충남|전북|전남|경북|경남|제주)(?:특별자치도|특별자치시|특별시|광역시|도)?"
# An address written with no space at all (elderly letters, OCR): city or county, town, village, lot.
_UNSPACED_ADDRESS = (rf"(?:{_PROVINCE})?[가-힣]{{1,4}}(?:시|군)(?:[가-힣]{{1,4}}구)?[가-힣]{{1,4}}(?:읍|면|동|가)(?:[가-힣]{{1,3}}리)?"
                     r"(?:산)?\d{1,4}(?:-\d{1,4})?(?:번지)?(?!\d)")
ROUND8_RULES: tuple[Rule, ...] = (
    Rule("address_unspaced", "address", _UNSPACED_ADDRESS, priority=41, weak=True, gate=r"[시군구][가-힣]{1,6}[읍면동가리]산?\d",
         reach=(16, 16)),  # "영천시화북면자천리302번지", "경북청도군각북면남산리412"
    # An English birth date after its label: "D.O.B: 14 MAR 1989", "Date of birth: March 3, 1990"
    Rule("birth_date_english", "birth_date", _EN_DATE, before=r"(?:D\.?O\.?B\.?|[Dd]ate[ \t]of[ \t][Bb]irth|[Bb]irth(?:[ \t]?[Dd]ate|day)?|"
         r"[Bb]orn(?:[ \t]on)?|생년월일|생일)[ \t:：.)]*", priority=90, gate=r"(?i)birth|d\.?o\.?b|born|생년월일|생일", reach=(0, 40)),
    Rule("address_postcode_label", "address", POSTCODE_HEAD + f"(?:{ADDRESS_VALUE}|{_CITY_VALUE})", priority=43.5,
         gate=r"우", reach=(2, 100)),
    # "바로 앞 ○○로 24번길 7 사는 주민", "양지동 123-4에 거주", "신부7길 15 에 삽니다"
    Rule("address_lived", "address", rf"(?<![가-힣A-Za-z0-9])(?:{CITY}[ \t]+)?(?:{ROAD}|{LOT}){ADDR_END}{DETAIL}{POSTCODE_TAIL}",
         after=LIVED_AFTER, priority=40.5, weak=True, gate=r"[로길동리가][ \t]?(?:산[ \t]?)?\d", reach=(40, 50)),
    # A road, its 번길 and the building number name one building: "단구로 170번길 12-3", "○○로 24번길 7".
    Rule("address_beongil", "address", r"(?<![가-힣A-Za-z0-9])[가-힣A-Za-z0-9]{1,12}(?:로|길)[ \t]?\d{1,4}번(?:[가-힣])?길[ \t]?"
         rf"\d{{1,4}}(?:-\d{{1,4}})?{ADDR_END}{DETAIL}{POSTCODE_TAIL}", priority=40.4, weak=True, gate=r"번(?:[가-힣])?길[ \t]?\d",
         reach=(30, 50)),
    # A whole region chain, any level left out: "청주시 상당구 가덕면 ○○리 12", "세종 조치원읍 신흥리 123"
    Rule("address_chain", "address", rf"(?<![가-힣])(?:(?:{PROVINCES})[ \t]+(?:{CITY}[ \t]+)?|{CITY}[ \t]+)"
         rf"(?:[가-힣]{{1,5}}(?:구|읍|면)[ \t]+){{1,2}}{ADDRESS_TAIL}", priority=42.2, gate=ADDRESS_GATE, reach=(70, 45)),
    # A 읍 or 면 and its 리 with the lot, the rest left out: "○○면 ○○리 산 12", "단촌면 하화리 321번지"
    Rule("address_rural", "address", rf"(?<![가-힣])[가-힣]{{1,5}}(?:읍|면)[ \t]+{_RURAL_LOT}{ADDR_END}{DETAIL}{POSTCODE_TAIL}",
         priority=40.6, weak=True, gate=r"리[ \t]?(?:산[ \t]?)?\d", reach=(20, 30)),
    # A building and its floor where someone lives, or after the town: "한빛빌라 2층에 살아요", "역삼동 ○○빌딩 5층"
    Rule("address_building_floor", "address", rf"(?<![가-힣A-Za-z0-9]){BUILDING_FLOOR}", after=LIVED_AFTER, priority=39.4,
         weak=True, gate=r"\d[ \t]?층", reach=(30, 30)),
    Rule("address_town_building_floor", "address", rf"(?<![가-힣])(?:(?:{PROVINCES})[ \t]+)?(?:{CITY}[ \t]+)?(?:[가-힣]{{1,5}}(?:구|읍|면)[ \t]+)?"
         rf"{_TOWN}[ \t]+{BUILDING_FLOOR}", priority=41.3, weak=True, gate=r"\d[ \t]?층", reach=(70, 14)),
    # A date of birth inside a person's profile: "홍길동(남, 1985.3.2.)", "홍길동 님 (만 38세, 85.03.02)"
    Rule("birth_date_profile", "birth_date", rf"(?:{BD_DATE}|{BD_COMPACT})(?:[ \t]*\.)?",
         before=rf"(?<![가-힣]){NAME_COMMON}(?:[ \t]?(?:님|씨))?[ \t]*[(,/][ \t]*(?:{_PROFILE_ITEM}){{0,2}}",
         after=r"[ \t]*(?:생)?[ \t]*(?:[),/~∼]|\n|$)", check=birth_date_ok, context=_profile_closed, priority=90, reach=(30, 16)),
    # A label with a note or a colon in brackets: "생년월일(6자리) 851203", "생년월일(양력): 1985.3.2"
    Rule("birth_date_noted", "birth_date", rf"['’]?(?:{BD_DATE}|{BD_COMPACT})(?:[ \t]*\.)?",
         before=BD_WORD + r"[ \t]*[(\[][^()\[\]\n]{1,10}[)\]][^\d\n\[\]]{0,6}?", check=birth_date_ok, priority=91,
         gate=BD_WORD, reach=(0, 40)),
    # English labels, numeric dates, and dates spaced out: "Date of Birth 02/03/1985", "birth: 1985-03-02", "생년월일 1985 03 02"
    Rule("birth_date_any_label", "birth_date", rf"(?:{BD_DATE}|{BD_COMPACT}|(?:19|20)\d{{2}}[ \t]+\d{{1,2}}[ \t]+\d{{1,2}}(?!\d))(?:[ \t]*\.)?",
         before=rf"(?:{BD_WORD_ANY}|[Bb]irth|BIRTH)[^\d\n\[\]]{{0,8}}?", check=birth_date_ok, priority=90.5,
         gate=rf"{BD_WORD_ANY}|[Bb]irth|BIRTH", reach=(0, 40)),
    # A bare record, the date between the name and the phone: "홍길동 1985.3.2 010-…", "홍길동/남/1985.3.2/010-…"
    Rule("birth_date_record_mid", "birth_date", BD_DATE,
         before=rf"(?<![가-힣]){NAME_COMMON}[ \t]*[,/|]?[ \t]*(?:(?:남|여)(?:성|자)?[ \t]*[,/|][ \t]*)?",
         after=rf"[ \t]*[,/|]?[ \t]*(?:{MOBILE})", check=birth_date_adult_ok, priority=89.5, reach=(14, 30)),
    # 3-2-5 with dashes or dots is how a 사업자등록번호 is written; a mistyped check digit still leaves one to hide.
    Rule("brn_shape", "brn", r"\d(?<![\d.-]\d)\d{2}(?P<bs>[ \t]?[-.][ \t]?)\d{2}(?P=bs)\d{5}(?![\d.-])",
         context=_brn_shape_ok, priority=84.5, weak=True, gate=r"\d{2}[ \t]?[-.][ \t]?\d{5}", reach=(8, 2)),
    # The label after the number: "2148656731 (사업자번호)", "9409092123456 (주민등록번호)", "123456789012 (신한은행)"
    Rule("brn_label_after", "brn", r"(?<![\d-])\d{3}(?:[ \t]?[-.]?[ \t]?)\d{2}(?:[ \t]?[-.]?[ \t]?)\d{5}(?![\d-])",
         after=r"[ \t]*[(\[]?[ \t]*(?:사업자(?:[ \t]?등록)?[ \t]?(?:번호|증)?|BRN)", priority=85, gate=r"사업자|BRN", reach=(24, 4)),
    Rule("rrn_label_after", "rrn", rf"{RRN_BODY}(?:[ \t]*[-.][ \t]*|[ \t]+)?\d{{7}}(?!\d)",
         after=r"[ \t]*[(\[]?[ \t]*(?:주민(?:등록)?[ \t]?번호|주민|외국인[ \t]?등록[ \t]?번호)", check=rrn_labelled_valid,
         priority=93, gate=r"주민|외국인", reach=(26, 4)),
    Rule("account_label_after", "account", r"(?<![\d-])\d{10,14}(?![\d-])",
         after=r"[ \t]*[(\[,/]?[ \t]*(?:[가-힣A-Za-z]{0,6}(?:은행|뱅크|금고)|계좌)|[ \t]*[(\[,/][ \t]*(?:국민|우리|하나|기업|신한|농협|"
         r"우체국|카카오|토스|신협|수협|KB|NH|IBK)(?![가-힣])", check=lambda v: not v.startswith("01"), priority=57, weak=True,
         context=lambda t, s, e: re.search(r"번호[^\d\n]{0,6}\Z", t[max(0, s - 12):s]) is None,
         gate=r"은행|뱅크|금고|국민|우리|하나|기업|신한|농협|우체국|카카오|토스|신협|수협|KB|NH|IBK|계좌", reach=(20, 4)),
    # Partly hidden in any digit: "900101-1234***", "9001**-1******", "90****-*******"
    Rule("rrn_hidden_any", "rrn", rf"\d(?<![\d-]\d)\d[\d*＊xX●○◯]{{4}}[ \t]*-[ \t]*[\d*＊xX●○◯]{{7}}(?![\d*＊xX●○◯])",
         check=_rrn_hidden_ok, priority=92.5, gate=r"\d{2}[\d*＊xX●○◯]{4}[ \t]*-", reach=(0, 20)),
    # "+82" written without the plus, or as 0082: "82-10-1234-5678", "0082 10 1234 5678"
    Rule("mobile_intl_bare", "phone", rf"(?<![\d+-])(?:00[ \t-]?)?82[ \t]*[-)][ \t]*(?:\(0\)[ \t]*)?1[016789]{PSEP}\d{{3,4}}{PSEP}\d{{4}}"
         r"(?![\d-])|(?<![\d+-])0082[ \t]?1[016789][ \t]?\d{3,4}[ \t]?\d{4}(?!\d)",
         priority=70, role="mobile", gate=r"82[ \t]*[-)]?[ \t]*(?:\(0\)[ \t]*)?1", reach=(6, 24)),
    # "+82" with the trunk 0 kept or in brackets: "+82 010-1234-5678", "(+82) 10-1234-5678"
    Rule("mobile_intl_zero", "phone", rf"(?:\(\+82\)|\+(?<![\d+]\+)82)[ \t-]*0?1[016789]{PSEP}\d{{3,4}}{PSEP}\d{{4}}(?![\d-])",
         priority=70.5, role="mobile", gate=r"\+82", reach=(2, 24)),
    # Odd separators, the same between groups: "010_1234_5678", "010=1234=5678", "010,1234,5678", "010*1234*5678"
    Rule("mobile_odd_sep", "phone", r"0(?<![\d+]0)1[016789](?P<os>[ \t]*[_=*,][ \t]*)\d{3,4}(?P=os)\d{4}(?![\d,])", priority=70,
         role="mobile", gate=r"01[016789][ \t]*[_=*,]", reach=(0, 20)),
    # After a phone label, any grouping of 10 or 11 digits: "연락처: 010-12-345-678"
    Rule("phone_labelled_any", "phone", r"0(?<![\d+]0)1[016789](?:[ \t]*[-.][ \t]*\d{1,4}){2,4}(?![\d-])",
         before=r"(?:연락처|전화(?:[ \t]?번호)?|휴대(?:폰|전화)|핸드폰|폰|H\.?P\.?|TEL|Tel|tel)[^\d\n\[\]]{0,6}?",
         check=lambda v: len(re.sub(r"\D", "", v)) in (10, 11), priority=66, role="mobile",
         gate=r"연락처|전화|휴대|폰|H\.?P|TEL|Tel|tel", reach=(0, 30)),
    # A portal's domain without its TLD, or a comma for the dot: "hong123@naver", "hong@naver,com"
    Rule("email_portal", "email", rf"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+[ \t]*(?:@|＠|골뱅이)[ \t]*(?:{PORTALS}"
         r"(?:[ \t]*[,.]?[ \t]*(?:com|net|co[ \t]*[,.][ \t]*kr))?(?![A-Za-z0-9.])|"
         r"(?:네이버|다음|한메일|지메일|네이트|카카오|핫메일|야후)(?:[ \t]*(?:닷컴|쩜컴|닷넷|쩜넷))?)", priority=98,
         gate=r"@|＠|골뱅이", reach=(40, 30)),
    # The TLD read out in Hangul: "sjpark 앳 naver 닷컴", "mk.lee@company 쩜 컴"
    Rule("email_hangul_tld", "email", r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+[ \t]*(?:@|＠|골뱅이|에이티|앳|\(at\)|\[at\])[ \t]*"
         r"[A-Za-z0-9-]+(?:[ \t]*(?:\.|닷|쩜|점)[ \t]*[A-Za-z0-9-]+)*?[ \t]*(?:닷|쩜|점)[ \t]*(?:컴|넷|오알지|케이알)(?![가-힣])",
         priority=98, gate=r"닷|쩜|점", reach=(60, 10)),
    # Cards with dots after a card word: "카드번호 1234.5678.9012.3456"
    Rule("card_dotted", "card", r"\d(?<![\d.]\d)\d{3}\.\d{4}\.\d{4}\.\d{1,4}(?![\d.])",
         before=r"카드(?:[ \t]*번호)?[^\d\n\[\]]{0,10}?", check=card_shape_ok, priority=91, gate=r"카드", reach=(0, 40)),
    # Plates with a hyphen before the serial: "12가-3456", "서울 12가-3456"
    Rule("plate_hyphen", "plate", r"(?<!\d)(?:(?:서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충북|충남|전북|전남|경북|경남|제주)[ \t]?)?"
         r"\d{2,3}[ \t]?[가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주아바사자배하허호][ \t]?-[ \t]?\d{4}(?!\d)",
         priority=50, weak=True, gate=r"[가-힣][ \t]?-[ \t]?\d{4}", reach=(10, 2)),
)


def paren_after_address(text: str, end: int) -> int:
    """Where an address ending at ``end`` really ends: past a parenthesised town or complex after it."""
    m = _PAREN_AFTER.match(text, end)
    return m.end() if m else end


# An address broken over lines (an envelope, a form's narrow cell): the regions on the line before, the road's
# "번길" and house number or a bare postcode on the lines after.
_REGIONS_LINE = re.compile(r"[ \t]*(?:[가-힣]{1,8}(?:특별자치도|특별자치시|특별시|광역시|도|시|군|구|읍|면)[ \t]*){2,}")
_HOUSE_NEXT = re.compile(r"[ \t]*(?:번길|길)[ \t]*\n[ \t]*\d{1,4}(?:-\d{1,4})?(?:[ \t]*\([가-힣0-9·]{1,12}\))?(?=[ \t]*(?:\n|$))")
_POSTCODE_NEXT = re.compile(r"[ \t]*\n[ \t]*[0-6]\d{4}(?=[ \t]*(?:\n|$))")


def address_extent(text: str, start: int, end: int) -> tuple[int, int]:
    """Where an address found at ``start``–``end`` really starts and ends (brackets after it, broken lines)."""
    end = paren_after_address(text, end)
    for pattern in (_HOUSE_NEXT, _POSTCODE_NEXT):
        m = pattern.match(text, end)
        end = m.end() if m else end
    line_start = text.rfind("\n", 0, start) + 1
    if line_start > 0 and not text[line_start:start].strip():
        prev_start = text.rfind("\n", 0, line_start - 1) + 1
        if _REGIONS_LINE.fullmatch(text, prev_start, line_start - 1):
            start = prev_start + len(text[prev_start:line_start - 1]) - len(text[prev_start:line_start - 1].lstrip())
    return start, end


# ---- names and officials --------------------------------------------------------------------------
# A name closing a record after the person's number or unit: "주민번호 660918 1056423 노병철.", "…, 2동 305호, 이한결"
_DATA_BEFORE = r"(?:\d{4,}|[*＊]{4,}|\d[ \t]?호)[ \t]*[,/]?[ \t]+"
# The child named after a topic: "아이는 고은채고요", "저희 애는 소율이고 6세예요", "둘째 이름은 하람이에요"
_KIN_TOPIC = (r"(?<![가-힣])(?:딸|아들|아이|애|자녀|손자|손녀|손주|조카|첫째|둘째|셋째|막내|(?:저희|우리)[ \t]?(?:애|아이|딸|아들))"
              r"(?:은|는|[ \t]?이름은|[ \t]?이름이)[ \t]+")
_KIN_COPULA = r"(?:이)?(?:고요?|구요|에요|예요|입니다|이고|라고|이라고|랍니다|이랍니다)(?![가-힣])"
# A department between a staff label and the name: "상담자: 맞춤형복지팀 이수연", "처리자 민원여권과 정하늘"
_STAFF_DEPT = (r"(?<![가-힣])(?:상담자|처리자|접수자|확인자|담당자|담당|작성자|인계자|조사자|출동자)[ \t]*[:：]?[ \t]*"
               r"[가-힣A-Za-z0-9]{1,12}(?:과|팀|계|실|센터|지구대|파출소|보건소|사무소)[ \t]+")
_SHOP_AFTER = re.compile(r"[ \t]?(?:분식|식당|김밥|치킨|반찬|국밥|칼국수|떡집|빵집|정육점|마트|슈퍼|상회|상사|카페|세탁소|미용실|"
                         r"부동산|철물|공업사|가게|집(?![가-힣]))")


def shop_name(text: str, start: int, end: int) -> bool:
    """"김가네 분식", "순자네 반찬": a business named after a household, not the person."""
    return text[end - 1:end] == "네" and _SHOP_AFTER.match(text, end) is not None


def _given_ok(text: str, start: int, end: int) -> bool:
    value = text[start:end]
    return value not in STOPWORDS and value not in KIN_STOP and not dictionary_word(value)


_PUBLIC_ACCOUNT = re.compile(r"(?:세입[ \t]?계좌|국고|(?:시|구|군|도)[ \t]?금고|공금[ \t]?계좌|법원[ \t]?보관금)[^\d\n]{0,8}\Z")
_OFFICE_QUESTION = re.compile(r"[ \t]*(?:이|가|번이|번호가?|번호)?[ \t]*맞(?:나요|는지|습니까|죠|아요|는[ \t]?번호)")
_SELF_BEFORE = re.compile(r"(?:제|저의|내|본인|우리[ \t]?집|저희[ \t]?집|집)[ \t]*(?:번호|전화|연락처)?[^\n]{0,6}\Z")


def public_account(text: str, start: int) -> bool:
    """An agency's collection account ("구청 세입계좌 국고 …"): no one's personal data."""
    return _PUBLIC_ACCOUNT.search(text, max(0, start - 24), start) is not None


def office_number_asked(text: str, start: int, end: int, public_org: re.Pattern) -> bool:
    """"보건소에 … 전화했는데 … 031-… 맞나요?": a landline asked about as a public body's own."""
    return (_OFFICE_QUESTION.match(text, end) is not None and _SELF_BEFORE.search(text, max(0, start - 14), start) is None
            and public_org.search(text, max(0, start - 100), start) is not None)


NAME_ROUND8_RULES: tuple[Rule, ...] = (
    Rule("name_after_data", "name", NAME3, before=r"(?<![\d-])" + _DATA_BEFORE, after=r"[ \t]*(?:[.,/]|\n|$)",
         check=valid_name, context=plain_name_ok, priority=26, role="citizen", gate=r"\d{4}|\d[ \t]?호|[*＊]{4}",
         reach=(0, 18)),
    Rule("name_kin_topic", "name", rf"{NAME3}|[가-힣]{{2}}", before=_KIN_TOPIC, after=_KIN_COPULA, context=_given_ok,
         priority=26, role="citizen", gate=_KIN_TOPIC, reach=(0, 12)),
    # Age and sex after the name in other shapes: "하영자 (여 45세)", "하영자 72세 여성"
    Rule("name_age", "name", "(?<![가-힣])" + NAME3, after=r"[ \t]*\([ \t]*(?:(?:남|여)(?:성|자)?[ \t]+(?:만[ \t]*)?\d{1,3}[ \t]*(?:세|살)?)"
         r"[ \t]*\)|[ \t]+(?:만[ \t]*)?\d{1,3}[ \t]*(?:세|살)[ \t]*(?:남성|여성|남자|여자|할머니|할아버지|어르신|(?:남|여)(?![가-힣]))",
         check=valid_name, context=weak_name_context_ok, priority=28, gate=r"\d{1,3}[ \t]*(?:세|살|\))", reach=(18, 12)),
    Rule("name_staff_dept", "name", NAME, before=_STAFF_DEPT, after=NAME_END + r"|[ \t]*(?:[.,)/]|\n|$)", check=valid_name,
         priority=31.5, role="staff", gate=r"상담자|처리자|접수자|확인자|담당|작성자|인계자|조사자|출동자", reach=(0, 30)),
)

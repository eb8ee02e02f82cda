"""General shapes of identifiers in free text (masker round 3), beside the format families of earlier rounds.

Earlier rounds added one written format at a time; another author's texts kept bringing new ones. These
rules describe what every such format shares instead:

- a **labelled value**: a contact label (연락처, 핸드폰, HP, Tel, ☎, M. …) then, within a few words, a number
  of any shape (any separators, letter-O typos, stars) is a phone number;
- an **unlabelled long number**: a run of 9 or more digits joined by separators is someone's number unless a
  non-personal label (접수번호, 사건번호, 주문번호, 운송장번호, 법인등록번호 …) names it, it starts with a year
  (case and order numbers do), or it is a date, an amount or a law reference (protected spans); its shape
  decides the tag (0… phone, 3-2-5 사업자번호, 6+7 주민번호, 4×4 card, else account);
- **phones read out in pieces**: "010-2204… 뒤에는 8801이요": the head alone and a tail after 뒤/끝/마지막;
- **birth dates** after an age ("만 36세(90.01.27)", "F/34 1992-06-30", the age must fit the date), after a
  name with an honorific ("서금자 여사님(1961년생, 6월 2일)"), after 음력/양력, with 년생 then the day, and
  spelt in Hangul numerals after a birth label ("사십일년 음력 사월 초여드레");
- **addresses**: a road or lot after 도로명/지번; a form's 주소 field up to its line end or the answer's copula.

``vetoed`` drops rule finds that a non-personal label names (a company's 법인등록번호 is no 주민번호).
"""
from __future__ import annotations

import re
from datetime import date

from ingest.pii_checks import birth_date_ok, brn_valid, luhn_valid, rrn_date_valid, rrn_head_valid
from ingest.pii_names import CITIZEN_ROLES, NAME3, NAME_COMMON, foreign_name_ok, latin_name_ok, name_context_ok, valid_name
from ingest.pii_patterns import ADDR_END, ADDRESS_TAIL, BD_COMPACT, BD_DATE, BD_WORD, CITY, DETAIL, PROVINCES, RRN_BODY, STARS, Rule
from ingest.pii_round9 import trade_name
from ingest.pii_voice import RANK

# ---- labelled phone numbers, any shape -------------------------------------------------------------
PHONE_LABEL = (r"(?:연락처|연락[ \t]?번호|전화(?:[ \t]?번호)?|휴대(?:폰|전화)(?:[ \t]?번호)?|핸드폰(?:[ \t]?번호)?|(?<![가-힣])폰(?:[ \t]?번호)?|"
               r"(?<![A-Za-z])(?:H\.?[ \t]?P|[Hh]p|T[Ee][Ll]|[Tt]el|[Mm]obile|[Pp]hone|[Cc]ell|FAX|[Ff]ax)\.?|(?<![A-Za-z])[TM]\.|"
               r"[☎☏📞]|팩스|안심[ \t]?번호|(?<![가-힣])(?:제|저의|내|본인|저희|우리[ \t]?집|집)[ \t]*(?:전화[ \t]*)?번호)")
# Between the label and the value: no digit, and no word that makes the number something else's.
_LABEL_GAP = (r"(?:(?!접수|사건|민원|신청|주문|송장|운송장|등기|승인|고지|계량|고객|예약|관리번호|일련|제조|모델|사업자|계좌|카드|주민|"
              r"외국인|여권|면허|차량|법인)[^\d\n\[\]]){0,12}?")
_G = r"[0-9Oo]{2,4}"
_LSEP = r"(?:[ \t]*[-.)(/_~·ㆍ,][ \t]*|[ \t]+|[ \t]*(?:에|다시|하고|의)[ \t]*)"
LOOSE_PHONE = (rf"(?<![0-9A-Za-z+])(?:\+[ \t]?82[ \t-]*(?:\(0\)[ \t]*)?|\([ \t]*)?{_G}[ \t]*\)?(?:{_LSEP}(?:{_G}|{STARS}{{3,4}}))"
               rf"{{1,3}}(?![0-9A-Za-z*])")


def loose_phone_ok(value: str) -> bool:
    """9 to 12 digits (letter O read as a zero), not starting like a year, O only beside digits."""
    if re.search(r"(?<![0-9])[Oo]{2,}(?![0-9])", value):
        return False
    digits = re.sub(r"[^0-9Oo*＊xX●○]", "", value.split("82", 1)[1] if value.lstrip().startswith("+") else value)
    if not 9 - (1 if value.lstrip().startswith("+") else 0) <= len(digits) <= 12:
        return False
    return re.match(r"[ \t(]*(?:19|20)\d{2}(?!\d)", value) is None and sum(c.isdigit() for c in digits) >= 6


def _mobile(value: str) -> bool:
    return re.match(r"[ \t(]*(?:\+[ \t]?82[ \t-]*(?:\(0\)[ \t]*)?|[0Oo])?[1lI][016789Oo]", value) is not None


# ---- unlabelled long numbers ----------------------------------------------------------------------
NUMBER = (r"(?<![0-9A-Za-z.\-/_:*])(?<!제)(?<!제[ \t])(?:\+[ \t]?82[ \t-]*)?(?:\(\d{2,4}\)|\d{2,8})(?:(?:[ \t]*[-.–)][ \t]*|/)\d{1,8}){1,4}"
          r"(?![0-9A-Za-z*]|[ \t]*[-.–/][ \t]*\d|[ \t]*(?:호|원|만|억|천|%|년|월|시|분|초|개|명|건|회|차|장|kg|km|m))")
# A non-personal number's label shortly before, on the same line.
_NUMBER_LABEL = re.compile(r"(?:접수|사건|민원|신청|주문|송장|운송장|등기|승인|고지서?|계량기|고객|예약|관리|일련|제조|모델|법인|계약|응시|"
                           r"수험|문서|증권|학번|사번|품번|부품|시리얼|[Ss]/?[Nn]|공고|특허|바코드|운송|택배|영수증|ISBN|ISSN|버전|[Vv]er|"
                           r"송금[ \t]?확인|재결|의안|용기|[Nn]o\.?|#|"
                           r"(?:납세|납부|가입|회원|인증|거래|결제|청구|처분|상품|단말|기기|제품|허가|신고|등록증|정리|판결|결정|행정)[ \t]?번호)"
                           r"[^\n]{0,14}\Z")
_PERSONAL_LABEL = re.compile(r"(?:전화|연락|휴대|핸드폰|폰|계좌|통장|입금|송금|카드|사업자|주민|외국인|여권|면허|예금주|은행|뱅크)[^\n]{0,14}\Z")


def number_kind(value: str) -> str:
    """The type an unlabelled long number's shape says, or "" when it is none of ours."""
    groups = re.findall(r"\d+", value)
    digits = "".join(groups)
    if value.lstrip().startswith("+"):
        return "phone" if 8 <= len(digits) - 2 <= 11 else ""
    if not 9 <= len(digits) <= 16 or max(len(g) for g in groups) < 3:
        return ""
    if re.match(r"\(?(?:19|20)\d{2}(?:[-./)]|(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\b)", value.strip()):
        return ""  # starts with a year: a case, order or receipt number, a date range
    checked = ([len(g) for g in groups] == [3, 2, 5] and brn_valid(value)) or (
        [len(g) for g in groups] == [4, 4, 4, 4] and luhn_valid(digits))  # a check digit outweighs the dots (round 5)
    if re.fullmatch(r"[\d.]+", value.strip()) and len(groups) >= 3 and digits[0] != "0" and not checked:
        return ""  # dotted groups: an IP, a version or a section number (a dotted phone starts with 0)
    if digits[0] == "0" and 9 <= len(digits) <= 11:
        return "phone"
    if [len(g) for g in groups] == [3, 2, 5]:  # the 사업자등록번호 shape: with its check digit (or a business named, below)
        return "brn" if brn_valid(value) else "brn?"
    if [len(g) for g in groups] == [6, 7]:  # the 주민번호 shape: only a real one (a date, a gender digit)
        return ("arn" if groups[1][0] in "5678" else "rrn") if rrn_date_valid(value) else ""
    if len(digits) in (15, 16) and len(groups) == 4 and luhn_valid(digits):
        return "card"
    return "account" if 10 <= len(digits) <= 14 and digits[0] != "0" else ""


# A business named just before a 3-2-5 number whose check digit fails (authors and typists get it wrong).
_BUSINESS_BEFORE = re.compile(r"(?:상호|수산|상사|상회|상점|㈜|\(주\)|주식회사|유한회사|대표|사업주|사업장|사업체|가게|식당|업체|회사|마트|카페|"
                              r"공업사|농장|산업|물산|건설|유통|푸드|개인사업자|법인사업자|프랜차이즈)[^\n\d]{0,16}\Z")


def _brn_context_ok(text: str, start: int, end: int) -> bool:
    return number_context_ok(text, start, end) and (number_kind(text[start:end]) == "brn" or _BUSINESS_BEFORE.search(
        text, max(0, start - 30), start) is not None)


def number_context_ok(text: str, start: int, end: int) -> bool:
    """No non-personal label just before (a personal one nearer wins: "주문 후 연락처 …")."""
    line = text[max(0, start - 24):start].rsplit("\n", 1)[-1]
    other = _NUMBER_LABEL.search(line)
    if other is None:
        return True
    mine = _PERSONAL_LABEL.search(line)
    return mine is not None and mine.start() > other.start()


# ---- phones read out in pieces --------------------------------------------------------------------
MOBILE_HEAD = r"(?<![\d+\-.])01[016789](?:[ \t]*[-.][ \t]*|[ \t]+)\d{3,4}(?![\d]|[ \t]*[-.)][ \t]*\d|[ \t]+\d)"
_TAIL_CUE = (r"(?<![가-힣])(?:뒤|뒷|끝|마지막|나머지)(?:[ \t]?(?:번호|자리|네[ \t]?자리|4[ \t]?자리|부분))?(?:에는|는|은|가|이|도)?"
             r"[ \t:：]*(?:[가-힣]{1,3}[ \t]+)?")
_PHONE_BEFORE = re.compile(r"01[016789][ \t]*[-.]?[ \t]*\d{3,4}|0\d{1,2}[ \t]*[-.)][ \t]*\d{3,4}|전화|연락처|핸드폰|휴대폰|번호")


def _phone_before(text: str, start: int, end: int) -> bool:
    return _PHONE_BEFORE.search(text, max(0, start - 60), start) is not None


# ---- birth dates ----------------------------------------------------------------------------------
_AGE = re.compile(r"(\d{1,3})[ \t]*(?:세|살)|[FMfm남여][ \t]*/[ \t]*(\d{1,3})|(\d{1,3})[ \t]*/[ \t]*[FMfm남여]")
AGE_BEFORE = (r"(?:(?:만[ \t]*)?\d{1,3}[ \t]*(?:세|살)|(?<![A-Za-z])[FMfm남여][ \t]*/[ \t]*\d{1,3}|\d{1,3}[ \t]*/[ \t]*[FMfm](?![A-Za-z])|"
              r"\d{1,3}[ \t]*/[ \t]*(?:남|여)(?:성|자)?)[ \t]*[(,/|]?[ \t]*")
HONORIFIC = r"[ \t]?(?:씨|님|여사님?|할머니|할아버지|어르신|어머님|아버님|선생님|군|양)"
YEAR_BORN = (r"(?:(?:19|20)\d{2}|['’]?\d{2})[ \t]*년[ \t]*생[ \t]*[,(/]?[ \t]*(?:\(?(?:음력|양력)\)?[ \t]*)?\d{1,2}[ \t]*월[ \t]*"
             r"\d{1,2}[ \t]*일")
_HN = "[일이삼사오육륙칠팔구십공영백천]"
_NATIVE_DAY = (r"(?:초[ \t]?(?:하루|이틀|사흘|나흘|닷새|엿새|이레|여드레|아흐레|열흘)|열[ \t]?(?:하루|이틀|사흘|나흘|닷새|엿새|이레|여드레|아흐레)|"
               r"스무[ \t]?(?:날|하루|이틀|사흘|나흘|닷새|엿새|이레|여드레|아흐레)|보름(?:날)?|그믐(?:날)?)")
HANGUL_DATE = (rf"{_HN}{{1,5}}[ \t]?년[ \t]*(?:생[ \t]*)?(?:\(?(?:음력|양력)\)?[ \t]*)?(?:(?:{_HN}{{1,3}}|정|동짓|섣)[ \t]?(?:월|달)|시월|유월)[ \t]*"
               rf"(?:{_NATIVE_DAY}|{_HN}{{1,3}}[ \t]?일)")

MIXED_DATE = (rf"(?:19|20)?\d{{2}}[ \t]*년[ \t]*(?:생[ \t]*)?(?:\(?(?:음력|양력)\)?[ \t]*)?(?:정월|동짓달|섣달|(?:\d{{1,2}}|{_HN}{{1,3}})[ \t]?월)[ \t]*"
              rf"{_NATIVE_DAY}")


def adult_year(value: str) -> bool:
    """A full year at least 14 years back (a birth date, not a recent record's date)."""
    m = re.match(r"\D*((?:19|20)\d{2})", value)
    return m is not None and int(m.group(1)) <= date.today().year - 14


CHILD_GATE = r"첫째|둘째|셋째|넷째|막내|큰|작은|아들|딸|자녀|손자|손녀"
CHILD = (r"(?<![가-힣])(?:첫째|둘째|셋째|넷째|막내|큰[ \t]?(?:애|아이|아들|딸)|작은[ \t]?(?:애|아이|아들|딸)|아들|딸|자녀|손자|손녀)"
         r"(?:[ \t]*[:：])?[ \t]+")


def age_fits(text: str, start: int, end: int) -> bool:
    """The age written before a date fits it as a birth date (texts of 2015–2030): "만 36세(90.01.27)"."""
    ages = [int(next(g for g in m.groups() if g)) for m in _AGE.finditer(text, max(0, start - 14), start)]
    nums = re.findall(r"\d+", text[start:end])
    if not ages or not nums:
        return False
    y = int(nums[0][:4] if len(nums) == 1 and len(nums[0]) == 8 else nums[0][:2] if len(nums) == 1 else nums[0])
    if y < 100:
        y += 1900 if y > 30 else 2000
    return any(2014 <= y + a <= 2031 for a in ages)


# ---- addresses ------------------------------------------------------------------------------------
ROAD_OR_LOT = (r"(?<![가-힣])[가-힣A-Za-z0-9]{1,12}?(?:로|길)(?:[ \t]?\d{1,4}(?:번)?[가-힣]?길)?[ \t]?\d{1,4}(?:-\d{1,4})?|"
               r"(?<![가-힣])[가-힣]{1,6}(?:동|리|가)[ \t]?(?:산[ \t]?)?\d{1,5}(?:-\d{1,5})?(?:[ \t]?번지)?")
# A form's or a sentence's 주소 field: "주소: <the rest of the line>", "형 주소는 <…>이고".
ADDRESS_LABEL = (r"(?:(?<![가-힣])(?:현[ \t]?|실[ \t]?|형[ \t]|집[ \t]?)?(?:주[ \t]*소(?:[ \t]*지)?|거[ \t]*주[ \t]*지|소[ \t]*재[ \t]*지)|Address|ADDRESS|"
                 r"(?:저희|우리|제|내)[ \t]?집(?:[ \t]?주소)?)(?:[ \t]*[:：][ \t]*(?:\n[ \t]*)?|(?:는|은)[ \t]+)")
ADDRESS_FIELD = r"[^\n:：]{4,90}?"
ADDRESS_FIELD_END = (r"[ \t]*(?:\n|$|(?:이고|이구요|이에요|예요|입니다|이요|이며|인데)(?![가-힣])|[,.][ \t]*(?:전화|연락처|휴대|핸드폰|이메일|메일|"
                     r"이름|성명|\n|$)|\.[ \t])")
_FIELD_WORD = re.compile(r"[가-힣](?:시|군|구|동|리|로|길|읍|면|가)(?=[ \t\d,]|$)|번지|\d[ \t]?호|\d[ \t]?층")

_FIELD_WORD_EN = re.compile(r"-(?:ro|gil|gu|si|gun|dong|eup|myeon|ri|do)\b|\b(?:Apt|Room|Rm|Bldg|Unit|Ho|Dong|Seoul|Busan|Incheon|Daegu|"
                            r"Daejeon|Gwangju|Ulsan|Sejong|Gyeonggi|Gyeongbuk|Gyeongnam|Jeonbuk|Jeonnam|Chungbuk|Chungnam|Jeju)\b|\b\d{5}\b")


def address_field_ok(value: str) -> bool:
    """An address, not "위와 같음" or a sentence: a digit, two address words, no e-mail or link."""
    words = len(_FIELD_WORD.findall(value))
    tokens = value.split()
    if tokens and sum(len(t) == 1 for t in tokens) >= 0.6 * len(tokens):  # letter-spaced (OCR): "전 라 북 도 익 산 시 …"
        words = len(re.findall(r"[가-힣](?:시|군|구|읍|면|동|리|로|길)", "".join(tokens)))
    if not re.search(r"[가-힣]", value):  # an address in English: "Apt 1202, 77 Olympic-ro, Songpa-gu, Seoul 05551"
        words = len(_FIELD_WORD_EN.findall(value))
    return (re.search(r"\d", value) is not None and words >= 2
            and not re.search(r"@|https?:|www\.", value))


# ---- vetoes ---------------------------------------------------------------------------------------
_CORPORATE = re.compile(r"법인(?:[ \t]?등록)?(?:[ \t]?번호)?[^\d\n]{0,8}\Z")


# A private network's gateway (a home router: 192.168.0.1, 10.0.0.254) identifies no one; a host's address may.
_PRIVATE_IP = re.compile(r"(?:192\.168\.\d{1,3}|10\.\d{1,3}\.\d{1,3}|172\.(?:1[6-9]|2\d|3[01])\.\d{1,3})\.(?:1|254)|127\.[\d.]+")
_GATEWAY_BEFORE = re.compile(r"(?:게이트웨이|공유기|라우터|[Gg]ateway|[Rr]outer|DNS|서브넷|[Ss]ubnet)[^\n]{0,16}\Z")


# Words a name rule can take for a name: a kinship noun cut before 님 ("어머님"), a verb before the ending -더라
# ("하시더라고요"), an adnominal verb after a role and its subject particle ("피해자가 차단한 …").
_KIN_STEM = re.compile(r"(?:어머|아버|할머|사모|시어머|시아버)(?=니|님)")
_VERB_BEFORE = re.compile(r"(?<=더)라|(?<=시)(?:고|면|며|는|니)")


_NAME_LABEL = re.compile(r"(?:한국|한글|영문|중국|외국)[ \t]?(?:명|이름)|본명|실명|가명|성명|이름")


def _not_a_name(text: str, start: int, end: int) -> bool:
    if _NAME_LABEL.fullmatch(text, start, end):
        return True  # "한국명", "본명": the label of a name
    kin = _KIN_STEM.match(text, start)
    if kin is not None and kin.end() == end:
        return True
    if _VERB_BEFORE.match(text, end):
        return True
    if re.fullmatch(RANK, text[start:end]):
        return True  # "소방교", "경위": a rank, not a name
    if trade_name(text[start:end]):
        return True  # "동방설비", "신촌경로당": a business or an institution
    return (re.search(r"[가-힣](?:가|이|는|은)[ \t]*\Z", text[max(0, start - 6):start]) is not None
            and text[end - 1] in "한된던할" and text[end:end + 1] in (" ", "\t"))


def vetoed(text: str, type_: str, start: int, end: int) -> bool:
    """A find a non-personal label names ("법인등록번호 110111-…" is a company's, no 주민번호), a private IP, a word
    that reads as no name."""
    if type_ == "name":
        return _not_a_name(text, start, end)
    if type_ == "ip":
        return _PRIVATE_IP.fullmatch(text[start:end]) is not None or _GATEWAY_BEFORE.search(text, max(0, start - 24), start) is not None
    if type_ in ("brn", "account", "card") and re.search(r"(?<![A-Za-z])(?!(?:KB|NH|IBK|SC|KEB|BNK|DGB|SH|JB|KJ)[-_])[A-Za-z]{1,4}[-_]\Z",
                                                            text[max(0, start - 6):start]):
        return True  # a code with a letter prefix ("BK-2023-118407", "SN-…"): a serial, not a person's number
    return type_ in ("rrn", "arn") and _CORPORATE.search(text, max(0, start - 16), start) is not None


def _kind_is(kind: str):
    return lambda v: number_kind(v) == kind


GENERAL_RULES: tuple[Rule, ...] = (
    Rule("phone_labelled_loose", "phone", LOOSE_PHONE, before=PHONE_LABEL + _LABEL_GAP, check=lambda v: loose_phone_ok(v) and _mobile(v),
         priority=66, role="mobile", gate=PHONE_LABEL, reach=(0, 50)),
    Rule("landline_labelled_loose", "phone", LOOSE_PHONE, before=PHONE_LABEL + _LABEL_GAP,
         check=lambda v: loose_phone_ok(v) and not _mobile(v), priority=65, role="landline", gate=PHONE_LABEL, reach=(0, 50)),
    # A home line written without its area code: "집 전화 123-4567", "우리집 번호는 765-4321".
    Rule("phone_local", "phone", r"(?<![\d-])(?!(?:19|20)\d{2}[ \t]*[.)])[2-9]\d{2,3}[ \t]*[-.)][ \t]*\d{4}(?![\d-]|[ \t]*[-.][ \t]*\d)",
         before=rf"(?:{PHONE_LABEL}|(?:집|자택|우리[ \t]?집|제|저희)[ \t]*(?:전화[ \t]*)?번호)" + _LABEL_GAP, priority=64, weak=True,
         role="landline", gate=r"\d{3,4}[ \t]*[-.)][ \t]*\d{4}", reach=(30, 2)),
    Rule("number_phone", "phone", NUMBER, check=_kind_is("phone"), priority=35, weak=True, role="landline",
         context=number_context_ok, gate=r"\d[ \t]*[-.–/)][ \t]*\d", reach=(30, 30)),
    Rule("number_brn", "brn", NUMBER, check=lambda v: number_kind(v) in ("brn", "brn?"), priority=35, weak=True,
         context=_brn_context_ok,
         gate=r"\d{3}[ \t]*[-.–/][ \t]*\d{2}[ \t]*[-.–/][ \t]*\d{5}", reach=(30, 30)),
    Rule("number_rrn", "rrn", NUMBER, check=_kind_is("rrn"), priority=35, weak=True, context=number_context_ok,
         gate=r"\d{6}[ \t]*[-.–/][ \t]*\d{7}", reach=(30, 30)),
    Rule("number_arn", "arn", NUMBER, check=_kind_is("arn"), priority=35, weak=True, context=number_context_ok,
         gate=r"\d{6}[ \t]*[-.–/][ \t]*\d{7}", reach=(30, 30)),
    Rule("number_card", "card", NUMBER, check=_kind_is("card"), priority=35, weak=True, context=number_context_ok,
         gate=r"\d{4}[ \t]*[-.–/][ \t]*\d{4}", reach=(30, 30)),
    Rule("number_account", "account", NUMBER, check=_kind_is("account"), priority=34, weak=True, context=number_context_ok,
         gate=r"\d[ \t]*[-.–/)][ \t]*\d", reach=(30, 30)),
    Rule("mobile_head", "phone", MOBILE_HEAD, priority=36, weak=True, role="mobile", gate=r"01[016789]", reach=(0, 20)),
    Rule("phone_tail", "phone", r"(?<![\d-])\d{4}(?![\d-]|[ \t]*(?:년|원|명|개|건|회|호|번지))", before=_TAIL_CUE,
         context=_phone_before, priority=36, role="mobile", gate=r"뒤|뒷|끝|마지막|나머지", reach=(0, 30)),
    Rule("rrn_partial_any", "rrn", RRN_BODY + rf"[ \t]*-[ \t]*[1-4]{STARS}{{5,8}}", check=rrn_head_valid, priority=96),
    Rule("arn_partial_any", "arn", RRN_BODY + rf"[ \t]*-[ \t]*[5-8]{STARS}{{5,8}}", check=rrn_head_valid, priority=96),
    # The front half alone after its label: "주민번호는 850101로 시작해요" (a birth date and a person's number).
    Rule("rrn_front_alone", "rrn", RRN_BODY + r"(?![\d-]|[ \t]*[-.][ \t]*\d)",
         before=r"(?<!사업자)(?<!법인)(?:주민|외국인)[ \t]?(?:등록)?[ \t]?번호[^\d\n\[\]]{0,10}?", check=lambda v: rrn_head_valid(v + "1"),
         priority=90, gate=r"주민|외국인", reach=(0, 36)),
    Rule("passport_partial", "passport", rf"[A-Z]{{1,2}}[ \t]?[\d*]{{2,5}}{STARS}{{2,6}}(?![A-Za-z0-9*])",
         before=r"(?:여권|[Pp]assport|PASSPORT)(?:[ \t]*(?:번호|[Nn]o\.?|[Nn]umber))?[^\d\n\[\]A-Za-z]{0,10}?", priority=76,
         gate=r"여권|[Pp]assport|PASSPORT", reach=(0, 30)),  # "여권 M123****"
    Rule("birth_date_age", "birth_date", rf"['’]?(?:{BD_DATE}|{BD_COMPACT})", before=AGE_BEFORE, check=birth_date_ok,
         context=age_fits, priority=89, gate=r"세|살|/", reach=(20, 30)),
    Rule("birth_date_year_born", "birth_date", YEAR_BORN, priority=90, gate="년[ \t]*생", reach=(8, 30)),
    Rule("birth_date_honorific", "birth_date", rf"['’]?(?:{YEAR_BORN}|{BD_DATE}|{BD_COMPACT})",
         before="(?<![가-힣])" + NAME_COMMON + HONORIFIC + r"[ \t]*[(,/][ \t]*", after=r"[ \t]*(?:생)?[ \t]*[),/]",
         check=lambda v: "생" in v or birth_date_ok(v), priority=90, reach=(20, 30)),
    # A child listed with a date: "둘째 고하람 2016. 4. 21", "큰딸 : 오세린, 2012.05.03".
    Rule("birth_date_child", "birth_date", rf"(?:{BD_DATE}|{BD_COMPACT})", before=CHILD + NAME3 + r"[ \t]*[(,/]?[ \t]*",
         check=birth_date_ok, priority=90, gate=CHILD_GATE, reach=(0, 40)),
    Rule("name_child_listed", "name", NAME3, before=CHILD, after=rf"[ \t]*[(,/]?[ \t]*(?:{BD_DATE}|{BD_COMPACT})", check=valid_name,
         priority=30, role="citizen", gate=CHILD_GATE, reach=(0, 40)),
    # Names a general frame gives away: a class before ("1학년 4반 오시우 아빠"), "…라는 분" after, Mr./Ms. before.
    Rule("name_class", "name", NAME3, before=r"\d[ \t]?학년[ \t]?\d{1,2}[ \t]?반[ \t]+", check=valid_name,
         priority=29, role="citizen", gate=r"학년[ \t]?\d{1,2}[ \t]?반", reach=(6, 16)),
    Rule("name_called", "name", "(?<![가-힣])" + NAME3, after=r"(?:이)?라는[ \t]?(?:분|사람|남자|여자|남성|여성|개인|학생|아이|직원|기사|이름|청년|노인)",
         check=valid_name, context=name_context_ok, priority=28, role="citizen", gate=r"라는[ \t]?(?:분|사람|남자|여자|남성|여성|개인|학생|아이|직원|기사|이름|청년|노인)",
         reach=(8, 8)),
    Rule("name_mister", "name", r"[A-Z][a-z]+(?:[ \t][A-Z][a-z]+(?:-[a-z]+)?){1,2}(?![A-Za-z])",
         before=r"(?<![A-Za-z])(?:Mr|Mrs|Ms|Miss|Dr)\.?[ \t]+", check=latin_name_ok, priority=30, role="citizen",
         gate=r"(?:Mr|Mrs|Ms|Miss|Dr)\.?[ \t]", reach=(0, 40)),
    # A long foreign name in Hangul after a citizen's label, with 씨/님: "민원인은 바트에르덴 오드게렐 씨이고".
    Rule("name_foreign_long", "name", r"[가-힣]{2,6}(?:[ \t][가-힣]{2,6}){1,3}", before=CITIZEN_ROLES + r"(?:은|는|이|가|:|：)?[ \t]*",
         after=r"[ \t]?(?:씨|님)", priority=30, role="citizen", gate=None, context=foreign_name_ok),
    Rule("birth_date_lunar", "birth_date", BD_DATE, before=r"(?:음력|양력)(?:으로(?:는|도|요)?|상|은|는)?[ \t]*",
         check=birth_date_ok, priority=88, gate="음력|양력", reach=(0, 30)),
    Rule("birth_date_hangul", "birth_date", HANGUL_DATE, before=BD_WORD + r"(?:[^\d\n\[\]]{0,8}?|[^\d\n\[\]]{0,12}\n[^\d\n\[\]]{0,12}?)",
         priority=91, gate=BD_WORD, reach=(0, 60)),  # the answer may be on the next line ("생년월일은요?\n민원인: 오십팔년 …")
    # Digits for the year, words for a lunar month and day: "음력 1938년 정월 초닷새", "생신 52년 동짓달 열엿새".
    Rule("birth_date_lunar_words", "birth_date", MIXED_DATE, before=rf"(?:{BD_WORD}|음력|양력)[^\d\n\[\]]{{0,8}}?", priority=91,
         gate=r"생|음력|양력", reach=(0, 50)),
    # A date in brackets after an elder's word with no name before: "할머니 (1938.08.15)".
    Rule("birth_date_elder", "birth_date", rf"(?:{BD_DATE}|{BD_COMPACT})", before=r"(?:할머니|할아버지|어르신|여사님?|옹)[ \t]*\([ \t]*",
         after=r"[ \t]*(?:생)?[ \t]*[),/]", check=lambda v: birth_date_ok(v) and adult_year(v), priority=89,
         gate=r"할머니|할아버지|어르신|여사|옹", reach=(0, 30)),
    Rule("address_field", "address", ADDRESS_FIELD, before=ADDRESS_LABEL, after=ADDRESS_FIELD_END, check=address_field_ok,
         priority=37, gate=r"주[ \t]*소|거[ \t]*주[ \t]*지|소[ \t]*재[ \t]*지|Address|ADDRESS|집", reach=(8, 100)),
    # Broken over lines (an envelope, a narrow form cell): the regions, then the road or lot on the next line.
    Rule("address_broken", "address", rf"(?<![가-힣])(?:{PROVINCES}|{CITY})(?:[ \t]+[가-힣]{{1,5}}(?:시|군|구|읍|면))*[ \t]*,?[ \t]*\n[ \t]*"
         + ADDRESS_TAIL, priority=42, gate=r"(?:시|군|구|도|읍|면)[ \t]*,?[ \t]*\n", reach=(30, 60)),
    # A lot number typed with a space between its digits (an elderly writer): "율원리 2 4 5 사는 …".
    Rule("address_lot_spaced", "address", rf"(?:(?:{PROVINCES})[ \t]+)?(?:{CITY}[ \t]+)?(?:[가-힣]{{1,5}}(?:읍|면)[ \t]+)?[가-힣]{{1,5}}(?:리|동)"
         r"[ \t]+\d(?:[ \t]\d){1,3}(?!\d)", after=r"[ \t]*(?:번지|에[ \t]?(?:사|살|거주)|사는|살고|거주)", priority=43,
         gate=r"(?:리|동)[ \t]+\d[ \t]\d", reach=(40, 12)),
    # A parcel: a mountain lot ("상현리 산 203") or a lot followed by a land word ("둔덕리 88 논", "… 203 외 3필지").
    Rule("address_parcel", "address", r"(?<![가-힣])[가-힣]{1,5}(?:리|동)[ \t]?(?:산[ \t]?\d{1,5}(?:-\d{1,5})?|\d{1,5}(?:-\d{1,5})?"
         r"(?=[ \t]*(?:외[ \t]?\d+[ \t]?필지|필지|임야|대지|(?:논|밭|과수원|창고|축사)(?:[에은는이을과도의]|(?![가-힣]))|(?:답|전)(?![가-힣])|에[ \t]?(?:있는|위치))))(?![\d-])",
         priority=40, weak=True, gate=r"(?:리|동)[ \t]?(?:산[ \t]?)?\d", reach=(8, 30)),
    Rule("address_road_label", "address", rf"(?:{ROAD_OR_LOT}){ADDR_END}{DETAIL}",
         before=r"(?:도로명|지번|구[ \t]?주소|새[ \t]?주소|신[ \t]?주소)(?:[ \t]?주소)?(?:으로는|으론|으로|상|은|는|이|:|：)?[ \t]*",
         priority=43, gate=r"도로명|지번|주소", reach=(0, 50)),
)

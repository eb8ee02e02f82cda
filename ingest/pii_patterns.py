"""The detection rules of the personal-data masker (``ingest.pii``): regexes, check digits, word lists.

Each ``Rule`` is a value regex with an optional context regex before it (consumed by the stdlib ``re``
pattern, a variable-width look-behind in the ``regex`` module's form that Presidio uses) and an
optional look-ahead after it, plus a validator that sees the value alone. Keeping rules in this shape
lets the evaluation host the very same rules in Presidio as ``PatternRecognizer``s.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from ingest.pii_names import (  # noqa: F401  (re-exported: the name lexicon used to live here)
    CITIZEN_ROLES, COPULA, name_before_ok, profile_name_ok, NAME_COMMON, RARE_SURNAMES, DOUBLE_SURNAMES, GIVEN, GREETING, KIN, LATIN_NAME, NAME, NAME3, NAME_END, NOUN_PREFIXES,
    OTHER_TITLES, PUBLIC_TITLES, PARENT_OF, SELF, STAFF_ROLES, STOPWORDS,
    SURNAMES, dialect_given_ok, foreign_name_ok, kin_given_ok, roman_name_ok, latin_name_ok, plain_name_ok, name_context_ok, signature_ok, valid_name, weak_name_context_ok)

# Same-length folding before matching, so offsets still index the original text: dash variants (HWP
# and Word write "900101–1234567", phone keyboards the vowel ㅡ), full-width digits, letters and punctuation, odd spaces.
FOLD = str.maketrans({**{c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uff0d\ufe63\u3161\u2500"},
                      **{chr(0xFF01 + i): chr(0x21 + i) for i in range(94)}, "\u3000": " ", "\xa0": " "})


from ingest.pii_checks import (  # noqa: E402,F401  (re-exported)
    account_shape_ok, birth_date_adult_ok, birth_date_ok, not_network_config, brn_valid, card_shape_ok, hangul_rrn_valid, ip_looks_real, luhn_valid,
    ipv6_ok, rrn_checksum_ok, rrn_date_ok, rrn_date_valid, rrn_head_valid, rrn_labelled_valid, rrn_valid, spelt_phone_ok)


# ---- building blocks -------------------------------------------------------------------------------
SEP = r"(?:[ \t]*[-.][ \t]*|[ \t]+)"              # 010-1234-5678, 010.1234.5678, 010 1234 5678, "043- 750- 1312"
PSEP = r"(?:[ \t]*(?:\)[ \t]*[-.~]?|[-.~·ㆍ/])[ \t]*(?:\n[ \t]*)?|[ \t]+)"  # also "010-1234-⏎5678"  # phones also: "010)-1234-5678", "010ㆍ1234ㆍ5678"
MOBILE = (r"(?:\+(?<![\d+]\+)[ \t]?82[ \t-]*(?:\(0\)[ \t]*)?1[016789]|\((?<![\d+]\()01[016789]\)|0(?<![\d+]0)1[016789])"
          rf"{PSEP}?\d{{3,4}}{PSEP}?\d{{4}}(?!\d|-\d)")
AREA = r"(?:2|[3-6][1-5]|70|80|50[2-8])"
LANDLINE = (rf"(?:\((?<![\d+]\()0{AREA}\)[ \t]*|(?:\+(?<![\d+]\+)[ \t]?82[ \t-]*(?:\(0\)[ \t]*)?(?:2|[3-6][1-5]|70)|"
            rf"0(?<![\d+]0){AREA}){PSEP})\d{{3,4}}{PSEP}\d{{4}}(?!\d|-\d)")
# Without separators: "05327454362", "0212345678" (the area code fixes where the number starts).
LANDLINE_PLAIN = r"0(?<![\d+-]0)(?:2\d{7,8}|(?:[3-6][1-5]|70)\d{7,8}|50[2-8]\d{7,8})(?![\d-])"
# Digits spelt in Hangul or spaced one by one: "공일공-일이삼사-오륙칠팔", "010 8 7 6 5 4 3 2 1".
HD = "[0-9공영일이삼사오육륙칠팔구]"
HSEP = r"(?:[ \t]*[-.)·~,][ \t]*|[ \t]*(?:에|다시|하고)[ \t]*|[ \t]*)"  # read out: "공일공에 팔칠육오에 …", "… 다시 …" (dash)
SPELT_MOBILE = (rf"(?<![0-9A-Za-z])(?:(?<![가-힣])|(?<=[는은가:])|(?<=번호)|(?<=연락처)|(?<=전화)|(?<=폰))[0공영Oo][ \t]?[1일lI][ \t]?[016789공영일육륙칠팔구Oo]{HSEP}(?:{HD}[ \t]?){{2,3}}{HD}{HSEP}"
                rf"(?:{HD}[ \t]?){{3}}{HD}(?!\d)")
STARS = r"[*＊xX●○]"
REP_NUMBER = r"1(?<![\d-]1)(?:5[4-9]|6[0-9]|8[0-9])\d[ \t]*-[ \t]*\d{4}(?![\d-])"
REGIONS = "서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충북|충남|전북|전남|경북|경남|제주"
PROVINCES = ("서울특별시|부산광역시|대구광역시|인천광역시|광주광역시|대전광역시|울산광역시|세종특별자치시|경기도|"
             "강원특별자치도|강원도|충청북도|충청남도|전북특별자치도|전라북도|전라남도|경상북도|경상남도|제주특별자치도|"
             "제주도|서울시|부산시|대구시|인천시|광주시|대전시|울산시|세종시|" + REGIONS)
BANKS = r"(?:은행|뱅크|계좌(?:번호)?|입금|송금|환불|예금주|통장|KB|NH|IBK|신한|농협|우체국|새마을금고|신협|수협|씨티)"
CITY = (r"(?!(?:연구|요구|추구|도구|가구|기구|입구|출구|창구|당시|다시|역시|동시|수시|임시|즉시|게시|표시|제시|지시|감시|"
        r"개시|명시|실시|무시|상시|평시|항시|전시|일시)\s)[가-힣]{1,5}(?:시|군|구)")
APT = r"[가-힣A-Za-z0-9]{0,12}(?:아파트|빌라|맨션|오피스텔|빌딩|타워|하이츠|타운|캐슬|자이|푸르지오|래미안|힐스테이트|아이파크|더샵)"
UNIT = rf"(?:(?:{APT})[ \t]*)?(?:\d{{1,4}}[ \t]?동[ \t]?)?\d{{1,5}}[ \t]?호"
# After a road or lot address, the rest of it: "에이동 2302호", "4층 401호", "3층", "B동 101호".
UNIT_DETAIL = (rf"(?:(?:{APT}|[가-힣A-Za-z0-9]{{1,15}})(?:[ \t]+[가-힣A-Za-z]{{2,8}})?(?:[ \t]+\d{{1,2}}[ \t]?단지)?[ \t]*)?(?:(?:\d{{1,4}}|[A-Za-z]|[가-힣]{{1,3}})[ \t]?동[ \t]?)?"
               r"(?:(?:지하[ \t]?|B)?\d{1,3}[ \t]?층"
               r"(?:[ \t]?(?:B|지하[ \t]?)?\d{1,5}[ \t]?호)?|(?:B|지하[ \t]?)?\d{1,5}[ \t]?호)")  # "상가 B102호"
# Between a bank word and its number: no other number's label ("입금 후 접수번호 2025-0312-004512").
ACC_WINDOW = r"(?:(?!번호|일련|SN|접수|주문|송장|등기|신청|전화|연락|휴대)[^\d\n\[\].]){0,12}?"
# Bank accounts run in 2-4 groups; the last may be a single check digit ("9002-1234-5678-9").
ACCOUNT = r"(?<![\d-])\d{2,6}(?:[ \t]*-[ \t]*[\d*]{2,7}){0,2}[ \t]*-[ \t]*\d{1,7}(?![\d-])"  # "123456-**-123456"
G6 = {"gate": r"\d{6}", "reach": (24, 18)}  # 주민등록번호 family and driver's licences hold six digits in a row
G4 = {"gate": r"\d{4}", "reach": (24, 22)}  # phones and cards end in (or are made of) runs of four digits
GACC = {"gate": r"\d[ \t]*-[ \t]*[\d*]|\d{10}", "reach": (36, 36)}
OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
IPV4 = rf"(?:{OCTET}\.){{3}}{OCTET}(?!\d|\.\d)"
IP_GATE = r"\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}"
ADDRESS_GATE = r"[로길동리가][ \t]?(?:산[ \t]?)?\d"
ADDR_END = r"(?![\d-]|[개층시분명회건년월일차원세살미톤평천만억]|가[ \t]?(?:산[ \t]?)?\d)"  # "테헤란로 123에", not "… 3개월", "… 2층"
ROAD = r"[가-힣A-Za-z0-9.·]{1,15}?(?:로|길)(?:[ \t]?\d{1,4}(?:번)?(?:[가-힣])?길)?[ \t]?\d{1,4}(?:-\d{1,4})?"
LOT = r"(?:[가-힣]{1,4}[ \t]?\d{1,2}가|[가-힣0-9]{1,6}?(?:동|리))[ \t]?(?:산[ \t]?)?\d{1,5}(?:-\d{1,5})?(?:[ \t]?번지)?"
# "(삼평동)", "(서초동, 아크로비스타)", "(신정동, 목동 신시가지 7단지)": the town and the complex, any name.
PAREN_TOWN = r"[ \t]*\([가-힣0-9]{1,6}(?:동|리|가)(?:,[ \t]*[가-힣A-Za-z0-9]{1,15}(?:[ \t][가-힣A-Za-z0-9]{1,10}){0,2})?\)"
DETAIL = (rf"(?:{PAREN_TOWN})?(?:,?[ \t]*(?:{UNIT_DETAIL}|{APT}(?![가-힣])|"
          r"(?:[가-힣A-Za-z][가-힣A-Za-z0-9]{1,14}[ \t]*)?(?!(?:19|20)\d{2}-)[1-9]\d{0,3}[ \t]?-[ \t]?[1-9]\d{2,3}(?:[ \t]?호)?(?![\d-])))?"  # "정자일로 95, 102-1503": 동-호 without the words
          r"(?:,?[ \t]*(?:반지하|옥탑[ \t]?방|옥탑|지하(?![가-힣])))?"  # "7-1 반지하", "OO빌라 옥탑방"
          rf"(?:{PAREN_TOWN})?")
POSTCODE_TAIL = (r"(?:[ \t]*,?[ \t]*(?:\([ \t]*(?:우편번호|우)[ \t]*[:：]?[ \t]*\d{5}[ \t]*\)|"  # "(우편번호 48075)"
                 r"(?:\(?우\)?|우편번호|\(우편번호\))[ \t]*[:：]?[ \t]*\d{5}(?!\d)))?")
ADDRESS_TAIL = rf"(?:{ROAD}|{LOT}){ADDR_END}{DETAIL}{POSTCODE_TAIL}"
NAME_PREFIX_CITIZEN = CITIZEN_ROLES
NAME_PREFIX_STAFF = STAFF_ROLES
TITLE_END = r"(?:님)?(?=[은는이가을를의께에과와도만로]|[^가-힣]|$)"  # "사장님과", not "대리인"
COLON = r"(?:[ \t]*[:：][ \t]*|[ \t]*\([ \t]*|[ \t]+)"
TOPIC_COLON = r"(?:님(?:은|이|께서|의)?|은|는|이|가|께서|의)?" + COLON  # "이름은 강만식", "대표님 윤…께"

# Spans that must survive: where a weak candidate overlaps one, the candidate is dropped.
PROTECTED = re.compile("|".join((
    r"(?:법률|대통령령|총리령|[가-힣]{0,8}부령|조례|규칙|훈령|예규|고시|공고)[ \t]*제[ \t]*\d+(?:-\d+)*[ \t]*호",
    r"제[ \t]*\d+[ \t]*조(?:의[ \t]*\d+)?(?:[ \t]*제[ \t]*\d+[ \t]*항)?(?:[ \t]*제[ \t]*\d+[ \t]*호)?",
    r"별[표지][ \t]*(?:제[ \t]*)?\d+(?:의[ \t]*\d+|-\d+)?(?:[ \t]*호)?",
    r"KGS[ \t]*[A-Z]{2}[ \t]*\d{3}(?:[ \t]+\d+(?:\.[ \t]?\d+)*)?",
    r"[가-힣A-Za-z]{2,}-\d+(?:-\d+)?호",
    r"(?:1(?<!\d1)9|2(?<!\d2)0)\d{2}[ \t]*[.\-/년][ \t]*\d{1,2}[ \t]*[.\-/월][ \t]*\d{1,2}[ \t]*[.일]?",
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?[ \t]?(?:만|억|천)?원?|\d+(?:\.\d+)?(?:만|억|천)?원",
    r"\d(?<![\dA-Z]\d)[A-Z]{2}-\d{4}-\d{7}(?!\d)",  # 국민신문고 신청번호
    r"(?<!\d)(?:19|20)\d{2}[가-힣]{1,3}\d{1,7}(?!\d)",  # court case numbers: 2024가단51234, 2026호파1187
)))
STAFF_MARKERS = re.compile(r"답변자|담당자|처리자|접수자|확인자|담당[ \t]*(?:공무원|부서)|담당관|담당|담임|" + PUBLIC_TITLES[3:-1] +
                           r"|소[ \t]*속|부[ \t]*서|문의처|민원실|콜센터|고객센터|상담센터|처리[ \t]*부서")
ORG_BEFORE = re.compile(  # "건축과(031-…)": an office line
    r"(?:(?<![가-힣])(?:공단|공사|구청|시청|군청|도청|본부|센터)|(?<![가-힣])문의(?:처)?|(?:조합|[가-힣]{0,6}회|재단|법인|관리|학교)[ \t]*사무실|[가-힣A-Za-z]{1,10}(?:과|팀|센터|(?<!사무)실|청|공사|공단|본부|사무소|지사|[가-힣]부)|(?:사무소|청|센터|경찰서|소방서|세무서)[ \t]+[가-힣]{1,6}계|대표[ \t]*(?:전화|번호))"
    r"[ \t]*[(:：/]*[ \t]*(?:(?:대표|민원)[ \t]*)?(?:☎|(?:전화[ \t]*)?번호(?:는|가|로)?|전화|TEL|Tel|tel)?[ \t:：.]*\Z")
# Where a named employee works: a public body (kept in role) or a private business (masked).
PUBLIC_ORG = re.compile(r"(?:공사|공단|[시구군도]청|본부|(?:주민|행정복지|민원|농업기술|보건의료)센터|보건(?:지)?소|경찰서|소방서|세무서|교육(?:지원)?청|지청|"
                        r"사무소|출장소|지구대|파출소|우체국|[가-힣]{2,}부(?=[ \t])|(?<!사립)(?<!사립[ \t])(?:초등|중|고등|고)?학교|돌봄[ \t]?교실)")
PRIVATE_ORG = re.compile(r"회사|업체|상사|상회|물산|중개사|부동산|세무사|회계사|법무사|건축사|사업장|공장|농장|고용주|사립|주식회사|\(주\)|㈜|상가|가게|식당|학원|병원|(?<![국회시구군도])의원(?![실님])|어린이집|시공사|건설사|판매처|쇼핑몰|"
                         r"택배사|보험사|카드사|대리점|매장")
CITIZEN_MARKERS = re.compile(NAME_PREFIX_CITIZEN[3:-1] + r"|휴대(?:폰|전화)|핸드폰|자택|집[ \t]*전화|본인|저희|개인|"
                             r"제[ \t]*(?:연락처|번호|전화)")


@dataclass(frozen=True)
class Rule:
    """One detector: ``before`` (context, not masked) + ``value`` (masked) + ``after`` (look-ahead)."""

    name: str
    type: str
    value: str
    before: str = ""
    after: str = ""
    check: Callable[[str], bool] | None = None
    priority: int = 50
    weak: bool = False          # dropped where it overlaps a protected span (law numbers, dates, amounts …)
    role: str = ""              # "mobile", "landline", "rep", "staff", "public_title", "title", "citizen"
    # Speed: the rule runs only near hits of ``gate`` (``reach`` characters back and forward), since
    # a leading look-behind defeats the regex engine's first-character scan; None: over the whole text.
    gate: str | None = r"\d+"
    reach: tuple[int, int] = (60, 30)
    context: Callable[[str, int, int], bool] | None = None  # sees the whole text: (text, start, end)
    compiled: re.Pattern = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        pat = (f"(?:{self.before})" if self.before else "") + f"(?P<v>{self.value})"
        object.__setattr__(self, "compiled", re.compile(pat + (f"(?={self.after})" if self.after else "")))

    def lookbehind_pattern(self) -> str:
        """The same rule as one match for the ``regex`` module (Presidio): context as a look-behind."""
        return ((f"(?<={self.before})" if self.before else "") + f"(?:{self.value})"
                + (f"(?={self.after})" if self.after else ""))


RRN_BODY = r"\d(?<![\d-]\d)\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
RRN_LABEL = (r"(?:(?<!사업자)주민(?:등록)?(?:[ \t]*증)?[ \t]*번호|외국인[ \t]*등록(?:[ \t]*증)?[ \t]*번호|(?<!사업자)등록[ \t]*번호|"
             r"외국인[ \t]*등록증|주민[ \t]*등록증)")  # "외국인등록증 번호", "외국인등록증: …"
RRN_CONTEXT = RRN_LABEL + r"[^\d\n\[\]]{0,10}"
# Labelled, a number may be split: "830707 1 234567", "앞자리 900101 뒷자리 1234567".
RRN_SPLIT = r"(?:[ \t]*[-.][ \t]*|[^\d\n\[\]]{0,12}?)"
BD_DATE = (r"(?:(?:(?:19|20)\d{2}|\d{2})[ \t]*(?:[.\-/][ \t]*\d{1,2}[ \t]*[.\-/][ \t]*\d{1,2}(?![\d])|"
           r"년(?:[ \t]*생)?(?:[ \t]*\(?[ \t]*(?:음력|양력|음|양)[ \t]*\)?)?[ \t]*\d{1,2}[ \t]*월[ \t]*\d{1,2}[ \t]*일)"
           r"|\d{1,2}[ \t]*/[ \t]*\d{1,2}[ \t]*/[ \t]*(?:19|20)\d{2}(?!\d))")  # "1950년생 5월 3일", "1950년 음력 3월 2일", "4/5/1988"
BD_COMPACT = r"(?<!\d)(?:19|20)?\d{6}(?!\d|[ \t]*-[ \t]*\d)"
BD_WORD = r"(?:생[ \t]?년[ \t]?월[ \t]?일|(?<![가-힣])생년(?=[ \t]*[:：]|[ \t]+\d)|(?:주민(?:등록)?(?:번호|등본)?|호적|신분증)[ \t]?상|신분증[ \t]*확인|(?:미성년(?:자)?|나이|연령)[ \t]*(?:여부[ \t]*)?확인|(?<![A-Za-z])(?:b\.|[Bb]orn(?:[ \t]on)?)(?=[ \t]*\d)|(?<![가-힣])생(?=[ \t]*[:：])|생일|생신|출생[ \t]*(?:일자|일|연월일)?|태어난[ \t]*(?:날짜|날|일자)?|D\.?O\.?B\.?)"
CARD_LABELLED = (r"\d(?<![\d-]\d)[\d*xX]{3}(?P<cx>[ \t]*-[ \t]*|[ \t]+|)[\d*xX]{4,6}(?P=cx)[\d*xX]{4,5}"
                 r"(?:(?P=cx)[\d*xX]{1,4})?(?![\d-])")
AT = (r"(?:[ \t]*(?:[\[({<][ \t]*(?:at|AT|골뱅이|@)[ \t]*[\])}>]|골뱅이|@)[ \t]*|[ \t]+(?:at|AT)[ \t]+)")
DOT = r"(?:[ \t]*(?:[\[({<][ \t]*(?:dot|DOT|\.|점|닷|쩜)[ \t]*[\])}>]|\.)[ \t]*|[ \t]+(?:dot|DOT|점|닷|쩜)[ \t]+)"
TLD = r"(?:com|net|org|kr|co|io|me|edu|gov|biz|info|jp|cn|us)(?![A-Za-z0-9])"
GN = {"gate": None, "check": valid_name, "context": name_context_ok}  # name rules: whole text, the vetoes
GW = {**GN, "context": weak_name_context_ok}  # after a weak cue: the dictionary veto for every length
AGE_SEX = (r"[ \t]*[(,][ \t]*(?:만[ \t]*)?(?:\d{1,3}[ \t]*(?:세|살)[ \t]*[,/)]|\d{1,3}[ \t]*[,/][ \t]*(?:남|여)|"
           r"(?:남|여)(?:성|자)?[ \t]*[,/)]|"
           r"\d{2,4}[ \t]*[.\-/년]|\d{6}[ \t]*\))")
RULES: tuple[Rule, ...] = (
    Rule("email", "email", r"(?<![A-Za-z0-9._%+*-])[A-Za-z0-9._%+-]+[A-Za-z0-9._%+*-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}",
         priority=100, gate="@", reach=(80, 260)),
    Rule("email_spelt", "email",
         rf"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+{AT}[A-Za-z0-9-]+(?:{DOT}[A-Za-z0-9-]+)*?{DOT}{TLD}",
         priority=99, gate=r"@|[aA][tT]|골뱅이", reach=(60, 60)),  # "a [at] b.com", "a 골뱅이 b.net"
    Rule("rrn", "rrn", RRN_BODY + r"(?:[ \t]*[-.][ \t]*(?:\n[ \t]*)?|[ \t]+)?[1-49]\d{6}(?!\d)", check=rrn_valid, priority=95, **G6),
    Rule("arn", "arn", RRN_BODY + r"(?:[ \t]*[-.][ \t]*(?:\n[ \t]*)?|[ \t]+)?[5-8]\d{6}(?!\d)", check=rrn_valid, priority=95, **G6),
    Rule("rrn_recent", "rrn", RRN_BODY + r"[ \t]*-[ \t]*(?:\n[ \t]*)?[1-4]\d{6}(?!\d)", check=rrn_date_valid, priority=94, **G6),
    Rule("arn_recent", "arn", RRN_BODY + r"[ \t]*-[ \t]*(?:\n[ \t]*)?[5-8]\d{6}(?!\d)", check=rrn_date_valid, priority=94, **G6),
    Rule("rrn_context", "rrn", RRN_BODY + RRN_SPLIT + r"[1-49][ \t.]?\d{6}(?!\d)",
         before=RRN_CONTEXT, check=rrn_date_valid, priority=94, **G6),
    Rule("arn_context", "arn", RRN_BODY + RRN_SPLIT + r"[5-8][ \t.]?\d{6}(?!\d)",
         before=RRN_CONTEXT, check=rrn_date_valid, priority=94, **G6),
    # Labelled, a mistyped century digit still leaves a number to hide ("외국인등록번호 910505-7…", "…-0…").
    Rule("arn_labelled", "arn", RRN_BODY + r"(?:[ \t]*[-.][ \t]*|[ \t]+)?[0-9]\d{6}(?!\d)",
         before=r"외국인[ \t]*등록(?:[ \t]*증)?(?:[ \t]*번호)?[^\d\n\[\]]{0,10}", check=rrn_labelled_valid, priority=93, **G6),
    Rule("rrn_labelled", "rrn", RRN_BODY + r"(?:[ \t]*[-.][ \t]*|[ \t]+)?[0-9]\d{6}(?!\d)",
         before=RRN_CONTEXT, check=rrn_labelled_valid, priority=93, **G6),
    # Read out in two halves: "앞자리 720815 뒷자리 1093826" (two spans, as written).
    Rule("rrn_front", "rrn", RRN_BODY + r"(?!\d)", before=r"앞[ \t]*(?:자리|번호|6[ \t]*자리|여섯[ \t]*자리)[^\d\n]{0,6}?",
         after=r"[^\d\n]{0,16}뒷[ \t]*(?:자리|번호)|\D{0,30}(?:주민|외국인)", check=lambda v: rrn_head_valid(v + "1"),
         priority=92, **G6),
    Rule("rrn_front_labelled", "rrn", RRN_BODY + r"(?![\d-])", before=r"(?:주민|외국인)[^\d\n\[\]]{0,10}앞[ \t]*(?:자리|번호|6[ \t]*자리|"
         r"여섯[ \t]*자리)?[^\d\n\[\]]{0,6}?", check=lambda v: rrn_head_valid(v + "1"), priority=91, **G6),  # "주민번호 앞자리 900101"
    Rule("rrn_back", "rrn", r"(?<!\d)[0-9]\d{6}(?!\d)",
         before=r"(?:앞[ \t]*(?:자리|번호)[^\d\n]{0,6}?\d{6}[^\d\n]{0,16}|(?:주민|외국인)[^\d\n]{0,12})"
         r"뒷[ \t]*(?:자리|번호|7[ \t]*자리|일곱[ \t]*자리)[^\d\n]{0,6}?", priority=92, **G6),
    Rule("rrn_partial", "rrn", RRN_BODY + r"[ \t]*-[ \t]*[1-4][*xX●○]{6}", check=rrn_head_valid, priority=93, **G6),
    Rule("arn_partial", "arn", RRN_BODY + r"[ \t]*-[ \t]*[5-8][*xX●○]{6}", check=rrn_head_valid, priority=93, **G6),
    Rule("rrn_head", "rrn", RRN_BODY + r"[ \t]*-[ \t]*[1-4](?![\d*xX●○])", before=RRN_CONTEXT, check=rrn_head_valid,
         priority=92, **G6),  # "…등록번호는 950217-6 로 시작하는데"
    Rule("arn_head", "arn", RRN_BODY + r"[ \t]*-[ \t]*[5-8](?![\d*xX●○])", before=RRN_CONTEXT, check=rrn_head_valid,
         priority=92, **G6),
    Rule("rrn_hangul", "rrn", rf"{HD}{{6}}[^\d\n\[\]]{{0,8}}?{HD}{{7}}", before=RRN_LABEL + r"[^\d\n\[\]]{0,10}?",
         check=hangul_rrn_valid, priority=92, gate=RRN_LABEL, reach=(0, 40)),
    Rule("birth_date", "birth_date", rf"(?:{BD_DATE}|{BD_COMPACT})", before=BD_WORD + r"[^\d\n\[\]]{0,8}?",
         check=birth_date_ok, priority=91, gate=BD_WORD, reach=(0, 40)),
    Rule("birth_date_suffix", "birth_date", rf"(?:{BD_DATE}(?:[ \t]*\.)?|{BD_COMPACT})(?:[ \t]*생(?![활산각명존]))?",
         after=r"(?<=생)|[ \t]*(?:출생|태어|에[ \t]*(?:태어|출생))", check=birth_date_ok, priority=91,
         gate=r"\d[ \t]*(?:일|\d|\.)[ \t]*(?:생|출생|태어|에[ \t]*(?:태어|출생))", reach=(24, 8)),
    Rule("birth_date_record", "birth_date", BD_DATE, before=rf"(?:{MOBILE})[ \t]*[/,|][ \t]*",
         after=r"[ \t]*(?:[/,|)\n]|$)", check=birth_date_adult_ok, priority=90, **G4),  # "홍길동 / 010-… / 1990.1.2"
    Rule("birth_date_name", "birth_date", rf"['’‘]?(?:{BD_DATE}|{BD_COMPACT})",
         before="(?<![가-힣])" + NAME_COMMON + r"(?<!일)[ \t]*[(,/][ \t]*",
         after=r"[ \t]*(?:생)?[ \t]*[),/]", check=birth_date_ok, priority=90, reach=(14, 14), context=name_before_ok),  # "류하린(2015.05.20)"
    Rule("card_labelled", "card", CARD_LABELLED, before=r"카드(?:[ \t]*번호)?[^\d\n\[\]]{0,10}?", check=card_shape_ok,
         priority=91, **G4),
    Rule("card_named", "card", CARD_LABELLED, after=r"[ \t]*[(,/]?[ \t]*[가-힣A-Za-z]{0,6}카드", check=card_shape_ok,
         priority=91, **G4),
    # Only the last digits, labelled: "카드 끝자리 4321", "카드번호 뒤 4자리는 1234".
    Rule("card_tail", "card", r"(?<![\d-])\d{4}(?![\d-])", before=r"카드[^\d\n\[\]]{0,10}?(?:끝|뒷|뒤|마지막)[ \t]*"
         r"(?:자리|번호|4[ \t]*자리|네[ \t]*자리)?(?:는|은|가|이)?[ \t:：]*", priority=88, gate=r"카드", reach=(0, 30)),
    Rule("card", "card",
         r"[3-6](?<![\d-][3-6])\d{3}(?P<cs>[ \t]?-[ \t]?|[ \t])\d{4}(?P=cs)\d{4}(?P=cs)\d{4}(?![\d-])",
         check=luhn_valid, priority=90, **G4),
    Rule("card_amex", "card", r"3(?<![\d-]3)[47]\d{2}(?P<ca>[ \t]?-[ \t]?|[ \t])\d{6}(?P=ca)\d{5}(?![\d-])",
         check=luhn_valid, priority=90, **G4),
    Rule("card_plain", "card", r"[3-6](?<!\d[3-6])\d{15}(?!\d)", check=luhn_valid, priority=89, **G4),
    Rule("card_partial", "card", r"\d(?<![\d-]\d)\d{3}(?P<cp>[ \t]?-[ \t]?|[ \t])[\d*xX●]{4}(?P=cp)[\d*xX●]{4}(?P=cp)\d{4}(?![\d-])",
         check=lambda v: any(c in v for c in "*xX●"), priority=89, **G4),  # "9410-****-****-1234", "4567 12** **** 7890"
    Rule("brn", "brn", r"\d(?<![\d-]\d)\d{2}[ \t]*-[ \t]*\d{2}[ \t]*-[ \t]*\d{5}(?![\d-])", check=brn_valid,
         priority=85),
    Rule("brn_partial", "brn", r"\d(?<![\d-]\d)\d{2}[ \t]*-[ \t]*(?:[*xX]{2}[ \t]*-[ \t]*\d{5}|\d{2}[ \t]*-[ \t]*[*xX]{5}|"
         r"\d{2}[ \t]*-[ \t]*\d{2}[*xX]{3})(?![\d*xX-])", priority=84),  # 사업자번호 3-2-5 with a hidden group
    Rule("brn_context", "brn",
         r"(?<![\d-])\d{3}(?:[ \t]*[-.][ \t]*|[ \t]+)?\d{2}(?:[ \t]*[-.][ \t]*|[ \t]+)?\d{5}(?![\d-])",
         before=r"(?:사업자(?:[ \t]*등록)?(?:[ \t]*번호|증)?|등록[ \t]*번호)[^\d\n\[\]]{0,12}?", priority=85),
    Rule("driver", "driver_license",
         r"(?:1(?<![\d-]1)[1-9]|2(?<![\d-]2)[0-8])(?P<ds>[ \t]*-[ \t]*|[ \t]+)\d{2}(?P=ds)\d{6}(?P=ds)\d{2}(?![\d-])",
         priority=80, weak=True, **G6),
    Rule("driver_region", "driver_license",
         rf"(?:{REGIONS})(?:남부|북부)?[ \t]*\d{{2}}[ \t]*-[ \t]*\d{{6}}[ \t]*-[ \t]*\d{{2}}(?![\d-])", priority=80, **G6),
    Rule("driver_context", "driver_license", r"(?<!\d)(?:1[1-9]|2[0-8])\d{10}(?!\d)",
         before=r"(?:운전[ \t]*면허(?:증)?(?:[ \t]*번호)?|면허[ \t]*번호)[^\d\n\[\]]{0,8}", priority=80, **G6),
    Rule("passport", "passport", r"[MSRODG](?<![A-Za-z0-9][MSRODG])(?:\d{8}|\d{3}[A-Z]\d{4})(?![A-Za-z0-9])",
         priority=75, weak=True),
    Rule("passport_context", "passport", r"[A-Z]{1,2}[ \t]?(?:\d{3}[A-Z]?|\d{4})[ \t]?\d{4}(?![A-Za-z0-9])",
         before=r"(?:여권|[Pp]assport|PASSPORT)(?:[ \t]*(?:번호|[Nn]o\.?|[Nn]umber))?(?:[ \t]+(?:is|was))?[^\d\n\[\]A-Za-z]{0,10}?", priority=76,
         gate=r"여권|[Pp]assport|PASSPORT", reach=(0, 30)),
    Rule("mobile", "phone", MOBILE, priority=70, role="mobile", **G4),
    Rule("landline_partial", "phone", rf"0(?<![\d+]0){AREA}{PSEP}{STARS}{{3,4}}{PSEP}\d{{4}}(?![\d*＊])", priority=69,
         role="landline", weak=True, **G4),
    Rule("landline", "phone", LANDLINE, priority=69, role="landline", weak=True, **G4),
    Rule("landline_plain", "phone", LANDLINE_PLAIN, priority=57, role="landline", weak=True, **G4),
    Rule("phone_spelt", "phone", SPELT_MOBILE, check=spelt_phone_ok, priority=67, role="mobile",
         gate=r"[0공영Oo][ \t]?[1일lI]", reach=(1, 40)),
    # Partly hidden numbers are still masked: the visible digits plus a name or context identify a person.
    Rule("mobile_partial", "phone", r"0(?<![\d+]0)1[016789]" + rf"{PSEP}(?:{STARS}{{3,4}}{PSEP}\d{{4}}|\d{{3,4}}{PSEP}{STARS}{{4}})"
         r"(?![\d*＊])", priority=70, role="mobile", gate=r"01[016789]", reach=(0, 24)),
    Rule("rep_number", "phone", REP_NUMBER, priority=68, role="rep", weak=True, **G4),
    Rule("account", "account", ACCOUNT,
         before=BANKS + ACC_WINDOW, check=account_shape_ok, priority=60, weak=True, **GACC),
    Rule("account_short", "account", ACCOUNT,
         before=r"(?:국민|우리|하나|기업|SC제일|제일|카카오|토스|케이|부산|대구|광주|경남|전북|제주|산업)(?:은행|뱅크)?"
         r"[ \t]*[:：]?[ \t]*", check=account_shape_ok, priority=60, weak=True, **GACC),
    Rule("account_after", "account", r"\d(?<![\d-]\d)\d{1,5}(?:[ \t]*-[ \t]*\d{2,7}){0,2}[ \t]*-[ \t]*\d{1,7}(?![\d-])",
         after=r"[ \t]*[(,/]?[ \t]*(?:[가-힣A-Za-z]{0,6}(?:은행|뱅크|금고)|" + BANKS[3:], check=account_shape_ok,
         priority=59, weak=True, **GACC),
    Rule("account_spaced", "account", r"(?<![\d-])\d{2,6}(?:[ \t]\d{2,7}){1,3}(?![\d-])",
         before=r"(?:(?:국민|우리|하나|기업|신한|농협|우체국|카카오|토스|케이|새마을|신협|수협|SC제일|씨티|부산|대구|광주|경남|전북|"
         r"제주|산업|KB|NH|IBK)(?:은행|뱅크|금고)?|카뱅|은행|계좌(?:번호)?|통장|예금주)[^\d\n\[\].]{0,12}?",
         check=account_shape_ok, priority=58, weak=True, gate=r"\d{2,6}[ \t]\d{2,7}[ \t]\d", reach=(30, 30)),
    Rule("account_spaced_after", "account", r"(?<![\d-])\d{2,6}(?:[ \t]\d{2,7}){1,3}(?![\d-])",
         after=r"[ \t]*[(,/]?[ \t]*(?:[가-힣A-Za-z]{0,6}(?:은행|뱅크|금고)|카뱅)", check=account_shape_ok, priority=57, weak=True,
         gate=r"\d{2,6}[ \t]\d{2,7}[ \t]\d", reach=(2, 30)),
    Rule("account_plain", "account", r"(?<!\d)\d{10,14}(?!\d)",
         before=r"(?:계좌(?:번호)?|은행|뱅크)" + ACC_WINDOW, priority=58, weak=True, **GACC),
    Rule("ip", "ip", r"(?<![\d.])" + IPV4, check=ip_looks_real, priority=55, weak=True, gate=IP_GATE, reach=(2, 2), context=not_network_config),
    Rule("ip_partial", "ip", rf"(?<![\d.*]){OCTET}\.(?:{OCTET}|{STARS}{{1,3}})\.(?:{OCTET}|{STARS}{{1,3}})\.(?:{OCTET}|{STARS}{{1,3}})"
         r"(?![\d*＊]|\.\d)", check=lambda v: any(c in v for c in "*＊xX"), priority=55,
         gate=r"\d{1,3}\.[\d*＊xX]{1,3}\.[\d*＊xX]{1,3}\.", reach=(0, 16)),
    Rule("ip_context", "ip", IPV4, before=r"(?:IP|ip|아이피)[^\d\n\[\]]{0,12}", priority=55, gate=IP_GATE, reach=(20, 2)),
    Rule("ipv6", "ip", r"(?<![0-9A-Fa-f:])[0-9A-Fa-f]{0,4}(?:::?[0-9A-Fa-f]{1,4}){2,7}(?:::)?(?![0-9A-Fa-f:])",
         check=ipv6_ok, priority=55, weak=True, gate=r"[0-9A-Fa-f]{1,4}::?[0-9A-Fa-f]{1,4}:",
         reach=(20, 40)),
    Rule("plate", "plate", rf"(?<!\d)(?:(?:{REGIONS})[ \t]?)?\d{{2,3}}[ \t]?"
         r"[가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주아바사자배하허호][ \t]?\d{4}(?!\d)",
         priority=50, weak=True, gate=r"\d[ \t]?[가-힣][ \t]?\d{4}", reach=(12, 2)),
    Rule("plate_old", "plate", rf"(?<![가-힣])(?:{REGIONS})[ \t]?[가-힣]{{2}}[ \t]?[가-힣][ \t]?\d{{4}}(?!\d)",
         priority=50, weak=True, gate=r"[가-힣][ \t]?\d{4}", reach=(12, 2)),  # motorcycles: "서울 강남 가 1234"
    Rule("address", "address",
         rf"(?:\(\d{{5}}\)[ \t]*)?(?<![가-힣])(?:{PROVINCES})[ \t]+"
         rf"(?:{CITY}(?:[ \t]+[가-힣]{{1,5}}(?:구|읍|면))?[ \t]+)?" + ADDRESS_TAIL,
         priority=42, gate=ADDRESS_GATE, reach=(60, 45)),
    Rule("address_city", "address", rf"(?<![가-힣]){CITY}(?:[ \t]+[가-힣]{{1,5}}(?:구|읍|면))?[ \t]+" + ADDRESS_TAIL,
         priority=41, weak=True, gate=ADDRESS_GATE, reach=(60, 45)),
    Rule("address_road", "address", r"(?<![가-힣])[가-힣]{2,8}(?<!으)(?:로|길)[ \t]?\d{1,4}(?:번)?(?:[가-힣])?(?:길[ \t]?\d{1,4})?"
         r"(?:-\d{1,4}(?![\d-])" + ADDR_END + DETAIL + "|" + ADDR_END + r"(?=[ \t]*(?:번지|에[ \t]*(?:살|있|거주)|이라|입니다|이에요|으로|[ \t]*\())"
         + DETAIL + ")", before=r"(?:집|주소|거주지|사는[ \t]?곳|위치|소재지|배송지|가게|매장|사무실|현장)(?:은|는|이|가|도|:)?[ \t]*",
         priority=40, weak=True, gate=ADDRESS_GATE, reach=(24, 45)),
    Rule("address_lot", "address",
         r"(?<![가-힣])[가-힣]{1,5}(?:동|리)[ \t]?(?:산[ \t]?)?\d{1,5}(?:-\d{1,5}(?:[ \t]?번지)?|[ \t]?번지)" + ADDR_END
         + DETAIL, priority=40, weak=True, gate=ADDRESS_GATE, reach=(12, 45)),
    Rule("address_room", "address",
         r"(?<![\d가-힣A-Za-z\-])(?<!제[ \t])(?<!제)(?:(?:지하[ \t]?)?\d{1,3}[ \t]?층[ \t]?)?(?:\d{3,4}|B\d{2,3})[ \t]?호"
         r"(?![선기점차])(?![ \t]*(?:공실|회의실|강의실|교실|상담실|진료실|민원실|세미나실|열람실|강당))", priority=38, weak=True,
         gate=r"\d{2,4}[ \t]?호", reach=(14, 14)),  # "같은 빌라 3층 302호", not "3층 302호 회의실"
    Rule("address_unit", "address", rf"(?<![\d가-힣])(?:(?:{APT})[ \t]*)?\d{{1,4}}[ \t]?동[ \t]?\d{{1,5}}[ \t]?호",
         priority=39, weak=True, gate=r"동[ \t]?\d{1,5}[ \t]?호", reach=(24, 2)),
    # Names: a cue before or after, never a bare word (see ingest.pii_names).
    Rule("name_form", "name", NAME, before=r"(?:(?<!\[)성[ \t]*명|(?<!\[)이[ \t]*름|성함|본명|실명)" + TOPIC_COLON,
         after=NAME_END, priority=30, role="citizen", **GN),
    Rule("name_role", "name", NAME3, before=NAME_PREFIX_CITIZEN + TOPIC_COLON, after=NAME_END, priority=30,
         role="citizen", **GN),
    Rule("name_staff", "name", NAME, before=rf"(?:{NAME_PREFIX_STAFF}(?:[ \t]*(?:{PUBLIC_TITLES}|{OTHER_TITLES}))?|"
         rf"{PUBLIC_TITLES})" + TOPIC_COLON, after=NAME_END, priority=31, role="staff", **GN),  # "담당 주무관 박영희"
    Rule("name_self", "name", NAME3, before=SELF, after=NAME_END + PARENT_OF, priority=30, role="citizen", **GW),
    Rule("name_self2", "name", NAME, before=SELF, after=COPULA, priority=30, role="citizen", **GW),
    Rule("name_copula", "name", "(?<![가-힣])" + NAME3, after=COPULA, priority=27, role="citizen", **GW),
    Rule("name_sign", "name", NAME3, before=r"(?:(?<![^\n])|(?<=[.!?)\]0-9A-Za-z~-])|(?<=니다)|(?<=세요)|(?<=해요))[ \t]*",
         after=r"[ \t]*[.!]?[ \t]*(?:\n|\Z)", priority=26, role="citizen",
         **{**GW, "context": signature_ok}),  # a signature closing the text
    Rule("name_kin", "name", r"[가-힣]{2}", before="(?<![가-힣])" + KIN + r"[ \t]+",
         after=r"이?(?:가|는|를|도|랑|한테|에게|께|의|와|하고|고요|에요|예요|[ \t])",
         context=kin_given_ok, priority=26, role="citizen", gate=KIN, reach=(0, 8)),
    # "우리 영수이가 군대서": a given name with the dialect -이 after 우리/저희.
    Rule("name_dialect", "name", "[가-힣]{2}", before=r"(?<![가-힣])(?:우리|저희|울)[ \t]+",
         after=r"이(?:가|는|를|도|랑|한테|하고|의)(?![가-힣])", context=dialect_given_ok, priority=26, role="citizen",
         gate=r"(?:우리|저희|울)[ \t]", reach=(0, 10)),
    # Latin capitals after 영문 이름/여권 or before a Hangul particle: "영문 이름이 CHOI SEOYUN으로".
    Rule("name_roman", "name", r"(?<![A-Za-z])[A-Z][A-Za-z]+(?:[ \t][A-Z][A-Za-z-]+){1,2}(?![A-Za-z])",
         after=r"[ \t]?(?:으로|로|이|가|은|는|을|를|의|씨|님|이라고|라고|입니다|이에요|예요)", check=roman_name_ok,
         priority=29, role="citizen", gate=r"[A-Z][A-Za-z]+[ \t][A-Z]", reach=(0, 40)),
    # Quoted: "'독고은비'라는 이름으로", "“김민수”라고 저장된".
    Rule("name_quoted", "name", NAME, before=r"['‘\"“「『]", after=r"['’\"”」』][ \t]*(?:이?라는|이?라고|이?란)[ \t]*"
         r"(?:이름|명의|사람|분|분이|저장)", priority=28, role="citizen", gate=None, check=valid_name),
    # A room or a unit as the label of a tenant list: "- 101호: 이재민 (010-…)", "102호: 석하영".
    Rule("name_unit", "name", NAME3, before=r"(?<![\d-])\d{1,4}[ \t]?호[ \t]*[:：][ \t]*", after=r"[ \t]*(?:[(,/\n]|$)",
         check=valid_name, priority=27, role="citizen", gate=r"\d[ \t]?호[ \t]*[:：]", reach=(4, 14)),
    # One-syllable given names written apart: "이름 이 담,", "우리 반 김 솔 학생", "형 김 결도".
    Rule("name_spaced_short", "name", rf"[{SURNAMES}][ \t][가-힣]",
         before=r"(?:(?<![가-힣])(?:이름|성명|성함)(?:은|이|:|：)?|(?<![가-힣])(?:우리[ \t]?반|같은[ \t]?반|형|누나|언니|오빠|동생))[ \t]+",
         after=r"[ \t]*(?:[,(/]|\n|$|학생|군(?![가-힣])|양(?![가-힣])|씨|님|이고|입니다|이에요|도[ \t])", priority=27,
         role="citizen", gate=None, check=lambda v: v[-1] not in "것곳번분때일날중건점쪽후외등및의는은을를이가도"),
    Rule("name_parent", "name", "(?<![가-힣])[가-힣]{2}", after=r"이[ \t]?(?:엄마|아빠|어머니|아버지|맘)(?![가-힣])",
         context=kin_given_ok, priority=26, role="citizen", gate=r"이[ \t]?(?:엄마|아빠|어머니|아버지|맘)", reach=(3, 0)),
    Rule("name_latin", "name", LATIN_NAME, before=r"(?:이름은?|성명|영문(?:[ \t]?(?:이름|성명|명))?|배우자|근로자|"
         r"I(?:[ \t]am|['’]m)(?:[ \t]+[a-z]+){0,3}|[Mm]y[ \t]name[ \t]is|Name)[ \t]*[:：]?[ \t]*", check=latin_name_ok, priority=30, role="citizen",
         gate=r"[A-Z][A-Za-z'-]+[ \t]+[A-Z]", reach=(40, 40)),
    Rule("name_honorific", "name", "(?<![가-힣])" + NAME,
         after=r"[ \t]?(?:님|씨|귀하|드림|올림|배상(?![가-힣])|拜上|할머니|할아버지|어르신|여사)", priority=29, **GN),
    Rule("name_student", "name", "(?<![가-힣])" + NAME3,  # "마태오 군(고1)", "이지은 양이"
         after=r"[ \t]?(?:군|양)(?:[ \t]*[(,]|이|은|의|과|을|에게|한테)", priority=29, **GW),
    Rule("name_customer", "name", "(?<![가-힣])" + NAME3, after=r"[ \t]?(?:고객님|선생님|여사님)",  # "주신 고객님"
         priority=29, **GN),
    Rule("name_public_title", "name", "(?<![가-힣])" + NAME3, after=rf"[ \t]?{PUBLIC_TITLES}{TITLE_END}",
         priority=29, role="public_title", **GN),
    Rule("name_title", "name", "(?<![가-힣])" + NAME3, after=rf"[ \t]?{OTHER_TITLES}{TITLE_END}",
         priority=28, role="title", **GN),
    Rule("name_profile", "name", "(?<![가-힣])" + NAME, after=AGE_SEX, priority=28, **{**GN, "context": profile_name_ok}),  # "김칠성(82세)"
    Rule("name_owner", "name", "(?<![가-힣])" + NAME3, after=r"[ \t]*(?:이름|명의)(?:으로|로|의)", priority=28, **GN),
    Rule("name_phone", "name", "(?<![가-힣])" + NAME3, after=rf"[ \t]*[(:/,]*[ \t]*(?:{MOBILE}|{LANDLINE})",
         priority=28, **GN),
    Rule("name_data", "name", "(?<![가-힣])" + NAME3, after=r"[ \t]*[(:/,][ \t]*(?:(?:주민(?:등록)?[ \t]*번호|생년월일|연락처|"
         r"전화(?:번호)?|휴대(?:폰|전화)|핸드폰|이메일|주소|사업자(?:[ \t]?등록)?[ \t]?번호|차량(?:[ \t]?번호)?|"
         r"계좌(?:[ \t]?번호)?|접수[ \t]?번호|(?:운전[ \t]?)?면허(?:[ \t]?번호)?|여권(?:[ \t]?번호)?|외국인[ \t]?등록[ \t]?번호|"
         rf"(?:[가-힣]{{0,4}}카드)(?:[ \t]?번호)?)[ \t:：]|(?:{PROVINCES})[ \t]|\d{{1,4}}[ \t]?동[ \t]?\d{{1,5}}[ \t]?호)",
         priority=28,
         **GW),  # "석미자, 주민번호 …", "노창수, 충남 공주시 …"
    # A label that names a person by what they do (양수자, 참석자, 개인사업자, 조합원 …), then the name and a
    # pause: the label is open-ended, so the name must stand alone and read as no word with an ending.
    # "저는 같은 빌라 302호 조현우.", "나는 … 사는 김분이라요": the writer's name closing a self-introduction.
    Rule("name_self_far", "name", NAME3, before=r"(?<![가-힣])(?:저는|전|제가|본인은|나는)[ \t][^.!?\n\[\]]{0,30}?[ \t]",
         after=rf"[ \t]*(?:[.!?]|\n|$)|{COPULA}", priority=26, role="citizen", **{**GN, "context": plain_name_ok}),
    Rule("name_label", "name", NAME3, before=r"(?<![가-힣])[가-힣]{1,5}(?<!공무원)(?<!연구원)(?<!위원)(?:자|인|주|원)"
         r"(?:[ \t]?명)?" + TOPIC_COLON, after=r"[ \t]*(?:[,/(]|[.!?](?!\d)|\n|$|씨|님)", priority=27,
         role="citizen", **{**GN, "context": plain_name_ok}),
    # The child in "김 하 늘 어머니입니다", "박서준 학생 보호자로서": the writer introduces themselves by the child.
    Rule("name_child", "name", "(?<![가-힣])" + NAME3, after=r"[ \t]?(?:의[ \t]?|학생[ \t]?)?(?:어머니|아버지|엄마|아빠|어머님|"
         r"아버님|할머니|할아버지|보호자|학부모)(?:입니다|이에요|예요|이고|인데|되는|로서|이며|께서|가|는|이|의)",
         priority=27, role="citizen", **GW),
    # A name then a full date of birth: "박옥순 1941년 3월 15일 생", "홍길동, 1990.02.21".
    Rule("name_birth", "name", "(?<![가-힣])" + NAME3, after=r"[ \t]*[,/(]?[ \t]*(?:(?:19|20)?\d{2}[ \t]*년[ \t]*\d{1,2}[ \t]*월"
         r"[ \t]*\d{1,2}[ \t]*일|(?:19|20)\d{2}[ \t]*[.\-/][ \t]*\d{1,2}[ \t]*[.\-/][ \t]*\d{1,2})[ \t]*\.?[ \t]*(?:생|출생)",
         priority=27, role="citizen", **GW),
    # Latin names closed by a Hangul copula or 씨/님: "PHAM THI LAN 이에요", "Lee Minho 라는 이름".
    Rule("name_latin_copula", "name", "(?<![A-Za-z])" + LATIN_NAME, after=r"[ \t]*(?:이에요|예요|입니다|이고|이며|이라고|라고|"
         r"이라는|라는|씨|님)", check=latin_name_ok, priority=29, role="citizen",
         gate=r"[A-Z][A-Za-z'-]+[ \t]+[A-Z]", reach=(0, 60)),
    # Foreign names in Hangul after a label: "배우자 응우옌 티 흐엉 씨".
    Rule("name_foreign", "name", r"[가-힣]{1,4}(?:[ \t][가-힣]{1,3}){1,3}", before=NAME_PREFIX_CITIZEN + TOPIC_COLON,
         after=r"[ \t]?(?:씨|님)", priority=25, role="citizen", gate=None, context=foreign_name_ok),
)
TYPES = tuple(dict.fromkeys(r.type for r in RULES))
TAGS = {"rrn": "[주민등록번호]", "arn": "[외국인등록번호]", "passport": "[여권번호]", "driver_license": "[운전면허번호]",
        "phone": "[전화번호]", "email": "[이메일]", "account": "[계좌번호]", "card": "[카드번호]",
        "brn": "[사업자등록번호]", "plate": "[차량번호]", "address": "[주소]", "ip": "[IP주소]", "name": "[이름]",
        "birth_date": "[생년월일]"}

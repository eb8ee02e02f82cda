"""The detection rules of the personal-data masker (``ingest.pii``): regexes, check digits, word lists.

Each ``Rule`` is a value regex with an optional context regex before it (consumed by the stdlib ``re``
pattern, a variable-width look-behind in the ``regex`` module's form that Presidio uses) and an
optional look-ahead after it, plus a validator that sees the value alone. Keeping rules in this shape
lets the evaluation host the very same rules in Presidio as ``PatternRecognizer``s.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Callable

# 한국인 성씨: the most common ~100 cover >99% of citizens; two-syllable ones are tried first.
SURNAMES = ("김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진지엄채원천방공현"
            "함변염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국은편용예경봉어나")
DOUBLE_SURNAMES = ("남궁", "황보", "제갈", "선우", "독고", "사공", "서문", "동방")
# Given-name syllables: any Hangul syllable except 님 and 씨, so "홍길동님" never swallows the honorific.
GIVEN = "가-\ub2d7\ub2d9-\uc527\uc529-힣"
NAME = f"(?:(?:{'|'.join(DOUBLE_SURNAMES)})[{GIVEN}]{{1,2}}|[{SURNAMES}][{GIVEN}]{{1,2}})"
NAME3 = f"(?:(?:{'|'.join(DOUBLE_SURNAMES)})[{GIVEN}]{{1,2}}|[{SURNAMES}][{GIVEN}]{{2}})"
NAME_END = (r"(?=님|씨|귀하|(?:께서|에게|께|은|는|이|가|을|를|의|과|와|도|만|이며|이고|입니다|이다|으로|로|외)?"
            r"(?![가-힣]))")
# Words that follow a role marker or precede 님/씨 and merely start with a surname syllable.
STOPWORDS = frozenset("""
이번 이미 이후 이전 이상 이하 이름 이유 이용 이의 이사 이장 이웃 이견 이행 이해 이메일 이와 이는 이를 이에 이분 이곳 이건
최근 최초 최종 최대 최소 최선 정말 정도 정부 정보 정식 정확 정상 정당 정기 정리 정비 정문 강제 강력 조치 조사 조금 조건 조례
조합 조항 조회 조정 조속 조장 장소 장기 장애 장비 장애인 임대 임차 임의 임시 임대인 임차인 한번 한편 한국 한전 한달 오늘
오전 오후 오래 오류 서류 서면 서비스 서명 서울 신청 신고 신분 신청서 신청인 신속 신규 신축 신분증 신고인 권리 권한 권고 황당
안내 안전 안녕 안내문 송부 송금 송달 유선 유지 유의 유형 유무 유사 전화 전부 전혀 전체 전달 전입 전세 전기 전문 홍보 고객
고지 고발 고충 고려 고장 고소 문의 문제 문서 문자 양식 양해 손해 손실 배관 배상 배달 배치 허가 허위 남은 남편 남자 심사 심의
심각 노력 노후 하지만 하여 하는 하고 하자 성명 성함 성실 차량 차후 차주 차장 주소 주소지 주민 주장 주변 주택 주차 주말 주의
주시 주무관 주사 주임 우리 우선 우편 우편물 구청 구체 구매 구입 민원 민원인 민원실 진짜 진행 진정 진술 진정인 지금 지난 지역
지원 지급 지정 지연 지적 지시 원래 원인 원본 원장 원활 방문 방법 방안 방식 공사 공동 공문 공개 공고 공무원 공유 공단 현재 현장
현황 변경 변호사 여기 여러 여부 여러분 여사 추가 추후 도로 도움 도시 도착 도지사 소유 소유자 소음 소송 소속 소관 소장 선생
선택 선정 설치 설명 설비 설계 연락 연락처 연결 연장 연도 위의 위치 위반 위해 위원 위험 위원장 기타 기존 기간 기한 기준 기관
기사 기록 기장 반드시 반영 반려 반장 인근 인정 인해 인터넷 제출 제가 제기 제공 제한 제도 국가 국민 국장 예정 예시 예약 명의
명시 경우 경찰 경로 경계 은행 용도 용역 마음 마을 마지막 사무관 어제 어머님 어르신 담당 담당자 금액 금일 모든 모두 석유
주신 하신 오신 이신 모신 주시는 하시는 오시는 이시는 배우자 모친 부친 조카 손자 손녀 장남 장녀 차남 차녀 고모 이모 삼촌
사위 남동생 여동생 형제 자매 가족 본인 대표 대표자 나는 나도 나의 나중
""".split())
# 2-syllable nouns that start no common name: "대리인 선임허가", "대표자 선정서" are not names.
NOUN_PREFIXES = frozenset("""
선정 선임 신청 신고 정당 주소 연락 전화 방문 변경 제출 확인 요청 문의 민원 관련 공사 설치 허가 조치 지정 지급 기간 기준 고충
처리 진행 통지 송부 송달 증명 인감 위임 등록 선거 서류 명의 소유 임대 임차 계약 사용 안전 안내 전체 정정 조사 본인 해당
심사 심의 경우 결정 우편 주택 주차 차량 기한 기록 소송 소음 공동 공개 방법 성명 성함 반려 명백 원고 피고
""".split())
PARTICLE_ENDINGS = "은는이가을를의에도만와과로"
ORG_ENDINGS = "과팀실청처센"  # "건축과 043-…", "민원실(…)": a unit, not a person


def valid_name(value: str) -> bool:
    """Reject stopwords, stopword + particle ("이름은"), and unit names ("건축과") that look like names."""
    if value in STOPWORDS or (len(value) == 3 and (value[:2] in NOUN_PREFIXES or value[-1] in "는를의에" or (
            value[:2] in STOPWORDS and value[-1] in PARTICLE_ENDINGS))):
        return False
    return not (len(value) >= 3 and value[-1] in ORG_ENDINGS and value[:2] not in DOUBLE_SURNAMES)


# Same-length folding before matching, so offsets still index the original text: dash variants (HWP
# and Word write "900101–1234567"), full-width digits, letters and punctuation, odd spaces.
FOLD = str.maketrans({**{c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uff0d\ufe63"},
                      **{chr(0xFF01 + i): chr(0x21 + i) for i in range(94)}, "\u3000": " ", "\xa0": " "})


# ---- check digits and dates ------------------------------------------------------------------------
def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def rrn_date_ok(digits: str) -> bool:
    """YYMMDD with the century given by the 7th digit (1,2,5,6: 1900s; 3,4,7,8: 2000s; 9,0: 1800s)."""
    if len(digits) < 7:
        return False
    g = digits[6]
    century = {"1": 1900, "2": 1900, "5": 1900, "6": 1900, "3": 2000, "4": 2000, "7": 2000, "8": 2000,
               "9": 1800, "0": 1800}[g]
    try:
        born = date(century + int(digits[:2]), int(digits[2:4]), int(digits[4:6]))
    except ValueError:
        return False
    return born <= date.today()


def rrn_checksum_ok(digits: str) -> bool:
    """주민등록번호 (and pre-Oct-2020 외국인등록번호, whose remainder is taken from 13 not 11) check digit."""
    if len(digits) != 13 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:12], (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)))
    base = 13 if digits[6] in "5678" else 11
    return (base - total % 11) % 10 == int(digits[12])


def rrn_valid(value: str) -> bool:
    d = _digits(value)
    return rrn_date_ok(d) and rrn_checksum_ok(d)


def rrn_date_valid(value: str) -> bool:
    """Date and gender digit only: numbers issued since Oct 2020 need not satisfy the check digit."""
    d = _digits(value)
    return rrn_date_ok(d) and d[6] in "12345678"


def rrn_head_valid(value: str) -> bool:
    """A partly hidden number ("900101-1******"): birth date and gender digit still identify a person."""
    return rrn_date_ok(_digits(value))


def brn_valid(value: str) -> bool:
    """사업자등록번호 check digit (weights 1,3,7,1,3,7,1,3,5 plus the carry of the 9th product)."""
    d = [int(c) for c in _digits(value)]
    if len(d) != 10:
        return False
    total = sum(x * w for x, w in zip(d[:9], (1, 3, 7, 1, 3, 7, 1, 3, 5))) + d[8] * 5 // 10
    return (10 - total % 10) % 10 == d[9]


def luhn_valid(value: str) -> bool:
    """The card number check (Luhn) over all digits."""
    d = [int(c) for c in _digits(value)][::-1]
    if not 13 <= len(d) <= 19:
        return False
    return sum(x if i % 2 == 0 else (x * 2 - 9 if x > 4 else x * 2) for i, x in enumerate(d)) % 10 == 0


def account_shape_ok(value: str) -> bool:
    """Bank account numbers run 10-14 digits (국민 6-2-6, 신한 3-3-6, 우리 4-3-6, 하나 3-6-5, 농협 3-4-4-2 …)."""
    return 10 <= len(_digits(value)) <= 14


def ip_looks_real(value: str) -> bool:
    """Without an IP context, demand two multi-digit octets: KGS clauses ("2.3.3.4") stay intact."""
    parts = value.split(".")
    return int(parts[0]) >= 10 and sum(len(p) >= 2 for p in parts) >= 2


# ---- building blocks -------------------------------------------------------------------------------
SEP = r"(?:[ \t]*[-.][ \t]*|[ \t]+)"              # 010-1234-5678, 010.1234.5678, 010 1234 5678, "043- 750- 1312"
MOBILE = (r"(?:\+(?<![\d+]\+)[ \t]?82[ \t-]*(?:\(0\)[ \t]*)?1[016789]|\((?<![\d+]\()01[016789]\)|0(?<![\d+]0)1[016789])"
          rf"{SEP}?\d{{3,4}}{SEP}?\d{{4}}(?!\d|-\d)")
AREA = r"(?:2|[3-6][1-5]|70|80|50[2-8])"
LANDLINE = (rf"(?:\((?<![\d+]\()0{AREA}\)[ \t]*|(?:\+(?<![\d+]\+)[ \t]?82[ \t-]*(?:\(0\)[ \t]*)?(?:2|[3-6][1-5]|70)|"
            rf"0(?<![\d+]0){AREA})(?:[ \t]*[-.)][ \t]*|[ \t]+))\d{{3,4}}{SEP}\d{{4}}(?!\d|-\d)")
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
G6 = {"gate": r"\d{6}", "reach": (24, 18)}  # 주민등록번호 family and driver's licences hold six digits in a row
G4 = {"gate": r"\d{4}", "reach": (24, 22)}  # phones and cards end in (or are made of) runs of four digits
GACC = {"gate": r"\d[ \t]*-[ \t]*\d|\d{10}", "reach": (36, 36)}
OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
IPV4 = rf"(?:{OCTET}\.){{3}}{OCTET}(?!\d|\.\d)"
IP_GATE = r"\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}"
ADDRESS_GATE = r"[로길동리가][ \t]?(?:산[ \t]?)?\d"
ADDR_END = r"(?![\d-]|[개층시분명회건년월일차원세살미톤평천만억])"  # "테헤란로 123에", not "… 3개월", "… 2층"
ROAD = r"[가-힣A-Za-z0-9.]{1,15}?(?:로|길)(?:[ \t]?\d{1,4}(?:번)?(?:[가-힣])?길)?[ \t]?\d{1,4}(?:-\d{1,4})?"
LOT = r"(?:[가-힣0-9]{1,6}?(?:동|리)|[가-힣]{1,4}\d{1,2}가)[ \t]?(?:산[ \t]?)?\d{1,5}(?:-\d{1,5})?(?:[ \t]?번지)?"
DETAIL = rf"(?:,?[ \t]*{UNIT}|[ \t]*\([가-힣0-9]{{1,6}}(?:동|리|가)(?:,[ \t]*{APT})?\))?"
ADDRESS_TAIL = rf"(?:{ROAD}|{LOT}){ADDR_END}{DETAIL}"
NAME_PREFIX_CITIZEN = (r"(?:(?<!\[)성[ \t]*명|(?<!\[)이[ \t]*름|성함|민원인|신청인|청구인|작성자|신고인|질의자|대리인|보호자|"
                       r"피해자|대표자|예금주|수취인|수령인|고객명|세대주|소유자|임차인|임대인|진정인|고소인|보낸[ \t]*사람|"
                       r"받는[ \t]*사람)")
NAME_PREFIX_STAFF = r"(?:답변자|담당자|담당[ \t]*공무원|담당관|처리자|상담원|담당)"
PUBLIC_TITLES = r"(?:주무관|사무관|서기관|주사보|주사|행정관|연구관|연구사|담당관|조사관|감독관)"
OTHER_TITLES = r"(?:팀장|과장|계장|대리|부장|차장|실장|사장|대표|소장|원장|변호사|세무사|노무사|기자)"
TITLE_END = r"(?:님)?(?=[은는이가을를의께에과와도만로]|[^가-힣]|$)"  # "사장님과", not "대리인"
COLON = r"(?:[ \t]*[:：][ \t]*|[ \t]*\([ \t]*|[ \t]+)"

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
)))
STAFF_MARKERS = re.compile(r"답변자|담당자|담당[ \t]*(?:공무원|부서)|담당관|담당|" + PUBLIC_TITLES[3:-1] +
                           r"|소[ \t]*속|부[ \t]*서|문의처|민원실|콜센터|고객센터|상담센터|처리[ \t]*부서")
ORG_BEFORE = re.compile(  # "건축과(031-…)": an office line
    r"(?:[가-힣A-Za-z]{1,10}(?:과|팀|센터|(?<!사무)실|청|공사|공단|본부|사무소|지사|[가-힣]부)|대표[ \t]*(?:전화|번호))"
    r"[ \t]*[(:：/]*[ \t]*(?:☎|전화|TEL|Tel|tel)?[ \t:：.]*\Z")
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
    compiled: re.Pattern = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        pat = (f"(?:{self.before})" if self.before else "") + f"(?P<v>{self.value})"
        object.__setattr__(self, "compiled", re.compile(pat + (f"(?={self.after})" if self.after else "")))

    def lookbehind_pattern(self) -> str:
        """The same rule as one match for the ``regex`` module (Presidio): context as a look-behind."""
        return ((f"(?<={self.before})" if self.before else "") + f"(?:{self.value})"
                + (f"(?={self.after})" if self.after else ""))


RRN_BODY = r"\d(?<![\d-]\d)\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
RRN_CONTEXT = r"(?:주민(?:등록)?[ \t]*번호|외국인[ \t]*등록[ \t]*번호|등록[ \t]*번호)[^\d\n\[\]]{0,10}"
RULES: tuple[Rule, ...] = (
    Rule("email", "email", r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}",
         priority=100, gate="@", reach=(80, 260)),
    Rule("rrn", "rrn", RRN_BODY + r"(?:[ \t]*-[ \t]*|[ \t]+)?[1-49]\d{6}(?!\d)", check=rrn_valid, priority=95, **G6),
    Rule("arn", "arn", RRN_BODY + r"(?:[ \t]*-[ \t]*|[ \t]+)?[5-8]\d{6}(?!\d)", check=rrn_valid, priority=95, **G6),
    Rule("rrn_recent", "rrn", RRN_BODY + r"[ \t]*-[ \t]*[1-4]\d{6}(?!\d)", check=rrn_date_valid, priority=94, **G6),
    Rule("arn_recent", "arn", RRN_BODY + r"[ \t]*-[ \t]*[5-8]\d{6}(?!\d)", check=rrn_date_valid, priority=94, **G6),
    Rule("rrn_context", "rrn", RRN_BODY + r"[1-4]\d{6}(?!\d)",
         before=RRN_CONTEXT, check=rrn_date_valid, priority=94, **G6),
    Rule("arn_context", "arn", RRN_BODY + r"[5-8]\d{6}(?!\d)",
         before=RRN_CONTEXT, check=rrn_date_valid, priority=94, **G6),
    Rule("rrn_partial", "rrn", RRN_BODY + r"[ \t]*-[ \t]*[1-4][*xX●○]{6}", check=rrn_head_valid, priority=93, **G6),
    Rule("arn_partial", "arn", RRN_BODY + r"[ \t]*-[ \t]*[5-8][*xX●○]{6}", check=rrn_head_valid, priority=93, **G6),
    Rule("card", "card",
         r"[3-6](?<![\d-][3-6])\d{3}(?P<cs>[ \t]?-[ \t]?|[ \t])\d{4}(?P=cs)\d{4}(?P=cs)\d{4}(?![\d-])",
         check=luhn_valid, priority=90, **G4),
    Rule("card_amex", "card", r"3(?<![\d-]3)[47]\d{2}(?P<ca>[ \t]?-[ \t]?|[ \t])\d{6}(?P=ca)\d{5}(?![\d-])",
         check=luhn_valid, priority=90, **G4),
    Rule("card_plain", "card", r"[3-6](?<!\d[3-6])\d{15}(?!\d)", check=luhn_valid, priority=89, **G4),
    Rule("card_partial", "card", r"[3-6](?<![\d-][3-6])\d{3}-\d{2}[*xX]{2}-[*xX]{4}-\d{4}(?![\d-])", priority=89, **G4),
    Rule("brn", "brn", r"\d(?<![\d-]\d)\d{2}[ \t]*-[ \t]*\d{2}[ \t]*-[ \t]*\d{5}(?![\d-])", check=brn_valid,
         priority=85),
    Rule("brn_context", "brn",
         r"(?<![\d-])\d{3}(?:[ \t]*-[ \t]*|[ \t]+)?\d{2}(?:[ \t]*-[ \t]*|[ \t]+)?\d{5}(?![\d-])",
         before=r"사업자(?:[ \t]*등록)?[ \t]*번호[^\d\n\[\]]{0,8}", priority=85),
    Rule("driver", "driver_license",
         r"(?:1(?<![\d-]1)[1-9]|2(?<![\d-]2)[0-8])(?P<ds>[ \t]*-[ \t]*|[ \t]+)\d{2}(?P=ds)\d{6}(?P=ds)\d{2}(?![\d-])",
         priority=80, weak=True, **G6),
    Rule("driver_region", "driver_license",
         rf"(?:{REGIONS})(?:남부|북부)?[ \t]*\d{{2}}[ \t]*-[ \t]*\d{{6}}[ \t]*-[ \t]*\d{{2}}(?![\d-])", priority=80, **G6),
    Rule("driver_context", "driver_license", r"(?<!\d)(?:1[1-9]|2[0-8])\d{10}(?!\d)",
         before=r"(?:운전[ \t]*면허(?:증)?(?:[ \t]*번호)?|면허[ \t]*번호)[^\d\n\[\]]{0,8}", priority=80, **G6),
    Rule("passport", "passport", r"[MSRODG](?<![A-Za-z0-9][MSRODG])(?:\d{8}|\d{3}[A-Z]\d{4})(?![A-Za-z0-9])",
         priority=75, weak=True),
    Rule("mobile", "phone", MOBILE, priority=70, role="mobile", **G4),
    Rule("landline", "phone", LANDLINE, priority=69, role="landline", weak=True, **G4),
    Rule("rep_number", "phone", REP_NUMBER, priority=68, role="rep", weak=True, **G4),
    Rule("account", "account", r"(?<![\d-])\d{2,6}(?:[ \t]*-[ \t]*\d{2,7}){1,3}(?![\d-])",
         before=BANKS + r"[^\d\n\[\].]{0,12}?", check=account_shape_ok, priority=60, weak=True, **GACC),
    Rule("account_short", "account", r"(?<![\d-])\d{2,6}(?:[ \t]*-[ \t]*\d{2,7}){1,3}(?![\d-])",
         before=r"(?:국민|우리|하나|기업|SC제일|제일|카카오|토스|케이|부산|대구|광주|경남|전북|제주|산업)(?:은행|뱅크)?"
         r"[ \t]*[:：]?[ \t]*", check=account_shape_ok, priority=60, weak=True, **GACC),
    Rule("account_after", "account", r"\d(?<![\d-]\d)\d{1,5}(?:[ \t]*-[ \t]*\d{2,7}){1,3}(?![\d-])",
         after=r"[ \t]*[(,/]?[ \t]*(?:[가-힣A-Za-z]{0,6}(?:은행|뱅크|금고)|" + BANKS[3:], check=account_shape_ok,
         priority=59, weak=True, **GACC),
    Rule("account_plain", "account", r"(?<!\d)\d{10,14}(?!\d)",
         before=r"(?:계좌(?:번호)?|은행|뱅크)[^\d\n\[\]]{0,12}?", priority=58, weak=True, **GACC),
    Rule("ip", "ip", r"(?<![\d.])" + IPV4, check=ip_looks_real, priority=55, weak=True, gate=IP_GATE, reach=(2, 2)),
    Rule("ip_context", "ip", IPV4, before=r"(?:IP|ip|아이피)[^\d\n\[\]]{0,12}", priority=55, gate=IP_GATE, reach=(20, 2)),
    Rule("plate", "plate", rf"(?<!\d)(?:(?:{REGIONS})[ \t]?)?\d{{2,3}}[ \t]?"
         r"[가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주아바사자배하허호][ \t]?\d{4}(?!\d)",
         priority=50, weak=True, gate=r"\d[ \t]?[가-힣][ \t]?\d{4}", reach=(12, 2)),
    Rule("address", "address",
         rf"(?<![가-힣])(?:{PROVINCES})[ \t]+(?:{CITY}(?:[ \t]+[가-힣]{{1,5}}(?:구|읍|면))?[ \t]+)?" + ADDRESS_TAIL,
         priority=42, gate=ADDRESS_GATE, reach=(60, 45)),
    Rule("address_city", "address", rf"(?<![가-힣]){CITY}(?:[ \t]+[가-힣]{{1,5}}(?:구|읍|면))?[ \t]+" + ADDRESS_TAIL,
         priority=41, weak=True, gate=ADDRESS_GATE, reach=(60, 45)),
    Rule("address_lot", "address",
         r"(?<![가-힣])[가-힣]{1,5}(?:동|리)[ \t]?(?:산[ \t]?)?\d{1,5}(?:-\d{1,5}(?:[ \t]?번지)?|[ \t]?번지)" + ADDR_END
         + DETAIL, priority=40, weak=True, gate=ADDRESS_GATE, reach=(12, 45)),
    Rule("address_unit", "address", rf"(?<![\d가-힣])(?:(?:{APT})[ \t]*)?\d{{1,4}}[ \t]?동[ \t]?\d{{1,5}}[ \t]?호",
         priority=39, weak=True, gate=r"동[ \t]?\d{1,5}[ \t]?호", reach=(24, 2)),
    Rule("name_form", "name", NAME, before=r"(?:(?<!\[)성[ \t]*명|(?<!\[)이[ \t]*름|성함)" + COLON, after=NAME_END,
         check=valid_name, priority=30, role="citizen", gate=None),
    Rule("name_role", "name", NAME3, before=NAME_PREFIX_CITIZEN + COLON, after=NAME_END, check=valid_name,
         priority=30, role="citizen", gate=None),
    Rule("name_staff", "name", NAME, before=NAME_PREFIX_STAFF + COLON, after=NAME_END, check=valid_name,
         priority=30, role="staff", gate=None),
    Rule("name_self", "name", NAME, before=r"(?:저는|본인은|제[ \t]*이름은)[ \t]+",
         after=r"(?:입니다|이고|이며|이라고|라고|이에요|예요)", check=valid_name, priority=30, role="citizen", gate=None),
    Rule("name_honorific", "name", "(?<![가-힣])" + NAME, after=r"[ \t]?(?:님|씨|귀하|드림|올림)",
         check=valid_name, priority=29, gate="님|씨|귀하|드림|올림", reach=(12, 4)),
    Rule("name_customer", "name", "(?<![가-힣])" + NAME3, after=r"[ \t]?(?:고객님|선생님|어르신|여사님)",  # "주신 고객님"
         check=valid_name, priority=29, gate="고객님|선생님|어르신|여사님", reach=(12, 4)),
    Rule("name_public_title", "name", "(?<![가-힣])" + NAME3, after=rf"[ \t]?{PUBLIC_TITLES}{TITLE_END}",
         check=valid_name, priority=29, role="public_title", gate=PUBLIC_TITLES, reach=(8, 8)),
    Rule("name_title", "name", "(?<![가-힣])" + NAME3, after=rf"[ \t]?{OTHER_TITLES}{TITLE_END}",
         check=valid_name, priority=28, role="title", gate=OTHER_TITLES, reach=(8, 8)),
    Rule("name_profile", "name", "(?<![가-힣])" + NAME, after=r"[ \t]?\([ \t]*(?:남|여)(?:성|자)?[ \t]*[,/)]",
         check=valid_name, priority=28, gate=r"\([ \t]*(?:남|여)", reach=(8, 8)),  # "홍길동(남, 45세)"
    Rule("name_phone", "name", "(?<![가-힣])" + NAME, after=rf"[ \t]*[(:/,]*[ \t]*(?:{MOBILE}|{LANDLINE})",
         check=valid_name, priority=28, gate=r"\+82|0\d", reach=(10, 24)),
)
TYPES = tuple(dict.fromkeys(r.type for r in RULES))
TAGS = {"rrn": "[주민등록번호]", "arn": "[외국인등록번호]", "passport": "[여권번호]", "driver_license": "[운전면허번호]",
        "phone": "[전화번호]", "email": "[이메일]", "account": "[계좌번호]", "card": "[카드번호]",
        "brn": "[사업자등록번호]", "plate": "[차량번호]", "address": "[주소]", "ip": "[IP주소]", "name": "[이름]"}

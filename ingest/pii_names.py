"""How the masker (``ingest.pii``) tells a person's name from an ordinary word: name shapes, the cues
around them in citizens' free text, and the word lists and dictionary look-up that veto look-alikes.

A bare string of three Hangul syllables that starts with a surname is far more often a word than a name
("지하주차장", "노인정"), so a name is masked only beside a cue: a label (성명, 민원인, 납세자 …), a
relation (아버지, 옆집 …), a self-introduction (저는 …, 제 이름은 … / … 입니다, … 이라고 합니다), age and
sex in brackets, a birth date, an honorific or a signature. Even then a candidate that the Kiwi
dictionary knows as a common noun ("장학사", "노인정"), or whose last syllable starts a longer word
("공영주|차장" inside 공영주차장), is dropped.
"""
from __future__ import annotations

import re
from functools import lru_cache

# 한국인 성씨: the most common ~100 cover >99% of citizens; two-syllable ones are tried first.
SURNAMES = ("김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진지엄채원천방공현"
            "함변염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국은편용예경봉어나")
DOUBLE_SURNAMES = ("남궁", "황보", "제갈", "선우", "독고", "사공", "서문", "동방")
# Given-name syllables: any Hangul syllable except 님 and 씨, so "홍길동님" never swallows the honorific.
GIVEN = "가-\ub2d7\ub2d9-\uc527\uc529-힣"
_DBL = "|".join(DOUBLE_SURNAMES)
# "김 민 수", "황보 영", "선우 재덕": people space out their names to dodge filters, or write them so.
# Rare surnames (계, 피, 빈 …): only with a two-syllable given name, since "X+one syllable" before 님/씨
# is too often a word ("판사님", "승객님"); a three-syllable candidate still meets the dictionary veto.
RARE_SURNAMES = "두계피빈판단당독돈묵범복빙승온옹요운음좌준즙창팽평포풍필견곡궁근간갈탄총점감태어"  # round 5: 감 태 어
_SPACED = rf"(?:(?:{_DBL})[ \t](?:[{GIVEN}][ \t]?)?[{GIVEN}]|[{SURNAMES}{RARE_SURNAMES}][ \t][{GIVEN}][ \t][{GIVEN}])"
NAME = rf"(?:{_SPACED}|(?:{_DBL})[{GIVEN}]{{1,2}}|[{SURNAMES}][{GIVEN}]{{1,2}}|[{RARE_SURNAMES}][{GIVEN}]{{2}})"
NAME_COMMON = rf"(?:{_SPACED}|(?:{_DBL})[{GIVEN}]{{1,2}}|[{SURNAMES}][{GIVEN}]{{1,2}})"
NAME3 = rf"(?:{_SPACED}|(?:{_DBL})[{GIVEN}]{{1,2}}|[{SURNAMES}{RARE_SURNAMES}][{GIVEN}]{{2}})"
# Foreign residents' names in Latin letters: "WANG LI", "Sarah Kim", "TRAN THI MAI".
LATIN_NAME = r"[A-Z][A-Za-z'-]+(?:[ \t]+[A-Z][A-Za-z'-]*){1,3}(?![A-Za-z])"
# What may follow a name: honorifics, particles, the copula in its spoken forms ("최수정이고요"), and the
# "-이" that Koreans add to a given name ending in a consonant ("김도윤이가").
NAME_END = (r"(?=[ \t]?(?:님|씨|귀하)|(?:께서|에게|한테|께|은|는|이|가|을|를|의|과|와|도|만|랑|이랑|하고|이며|이고|입니다|이다|"
            r"이에요|예요|이요|요|이라고|라고|이라는|라는|이란|란|이라던|라던|이라|라|인데|으로|로|외|이가|이는|이를|이도|이한테|이의|"
            r"이었|였|이어야|여야|이옵니다|이올시다|이인|이인데|"
            r"이헌티|헌티|이한티|한티|이한테|헌테|이헌테)?(?:는|도|만|요)?(?![가-힣]))")  # round 6: dialect 한테 (Jeolla/Chungcheong)  # "께서는", "에게도"
COPULA = (r"[ \t]?(?:입니다|이에요|예요|이오(?![가-힣])|이고요?|이구요|이며|이라고|라고|이라[ \t]?합니다|라[ \t]?합니다|인데요?|이요|"
          r"이옵니다|이올시다|(?:이)?라(?:요|예)(?![가-힣])|(?:이)?래요(?![가-힣])|(?:이)?라네요|"
          r"이었|[ \t]이어야|으로[ \t]?(?:돼|되|등록|나와|적혀)|로[ \t]?(?:돼|되|등록|나와|적혀))")
# Who the name belongs to: a citizen's label or relation ("납세자 오승철", "아버지 김칠성(82세)").
CITIZEN_ROLES = (r"(?:(?<!\[)성[ \t]*명|(?<!\[)이[ \t]*름|성함|본명|실명|민원인|신청인|청구인|작성자|신고인|질의자|대리인|"
                 r"보호자|피해자|가해자|대표자|예금주|수취인|수령인|고객명|회원명|세대주|소유자|명의자|임차인|임대인|진정인|"
                 r"고소인|납세자|신청자|지원자|응시자|가입자|계약자|세입자|집주인|주인|건물주|사업주|고용주|점주|사장|대표|"
                 r"운전자|차주|목격자|상대방|당사자|환자|근로자|학생|가해[ \t]?학생|피해[ \t]?학생|학부모(?:[ \t]?위원)?|주민|"
                 r"이웃|옆집|윗집|아랫집|앞집|친구|지인|동료|남편|아내|부인|와이프|배우자|아들|딸|자녀|손자|손녀|조카|"
                 r"남동생|여동생|동생|형|오빠|누나|언니|엄마|아빠|어머니|아버지|어머님|아버님|할머니|할아버지|시어머니|"
                 r"양모|양부|친모|친부|계모|계부|생모|생부|양어머니|양아버지|"  # round 6: adoptive and birth parents
                 r"시아버지|장모님?|장인어른|장인|모친|부친|(?:전[ \t]?)?남자[ \t]?친구|(?:전[ \t]?)?여자[ \t]?친구|"
                 r"보낸[ \t]*사람|받는[ \t]*사람|"
                 # spouses and in-laws as older writers name them, and parties to a deal, a case or a ceremony
                 r"영감|(?<![가-힣])처|집사람|바깥양반|마누라|신랑|신부|며느리|사위|시누이|처제|형수|올케|매형|매제|"
                 r"증인|참석자|참가자|양도(?:자|인)|양수(?:자|인)|매도(?:자|인)|매수(?:자|인)|선주|당첨자|"
                 r"입금자(?:[ \t]?명)?|송금인|구매자|판매자|의뢰인|위임자|수임인|입주자|세대원|조합원|조합장|회원|교원|"
                 r"라이더|택배[ \t]?기사|배달원|경리|강사|트레이너|코치|수거책|추심원|딜러|딸래미|딸내미|아들내미|경비원|관리인|간병인|"
                 r"요양보호사|도우미|중개사|중개인|세무사|수집상|(?:개인)?사업자|같은[ \t]?반(?:[ \t]?친구)?|반[ \t]?친구|선배|후배|"
                 # private persons in semi-public roles: "상인회장 남궁혁", "부녀회장 김영자", "동대표 …"
                 r"[가-힣]{1,4}회장|동[ \t]?대표|입주자[ \t]?대표|총무|반장|이장|(?<![가-힣])(?:점원|종업원|알바생|아르바이트생))")
# After a name, the next one in a list: "최다은, 한지석", "김철수와 이영희", "박민 및 최윤".
LIST_NEXT = re.compile(rf"(?:[ \t]*\([^()\n]{{1,10}}\))?(?:[ \t]*[,、/·][ \t]*|(?:와|과|랑|이랑|하고)[ \t]*|[ \t]+(?:와|과|및)[ \t]+)(?P<v>{NAME3})"
                       + rf"(?:{NAME_END}|(?=[ \t](?:부부|남매|형제|자매|모녀|부녀|모자|부자|커플)(?![가-힣])))")
# The name before a found one in a pair or a middle-dot list: "박정란과 오세민이"; "김씨랑 …" is not a name (one syllable).
LIST_PREV = re.compile(rf"(?<![가-힣])(?P<v>{NAME3})(?:(?:와|과|랑|이랑|하고)[ \t]*|[ \t]*[·ㆍ、][ \t]*)\Z")  # "… 석만길·봉춘자·하명수"
# Relations after which a bare given name is a child or friend: "딸 하늘이가", "반 친구 지민이가".
KIN = r"(?:딸|아들|애|아이|자녀|손자|손녀|손주|조카|친구|동생|첫째|둘째|셋째|넷째|막내|큰딸|작은딸|큰아들|작은아들)"
# Romanised Korean surnames, for names in Latin capitals ("CHOI SEOYEON으로 나왔습니다").
ROMAN_SURNAMES = frozenset("""KIM LEE YI RHEE PARK PAK BAK CHOI CHOE JUNG JEONG CHUNG KANG CHO JO YOON YUN JANG CHANG LIM IM
HAN OH SEO SUH SHIN SIN KWON HWANG AHN AN SONG RYU YOO YU HONG JEON JUN KO GO MOON MUN YANG SON SOHN BAE BAEK HEO HUR NAM
SIM SHIM NOH ROH HA KWAK SUNG CHA JOO JU WOO KOO KU MIN JIN JI EOM UM CHAE WON CHUN BANG GONG HYUN HAM BYUN YEOM YEO CHOO
DO SOH SEOK SUK SEON SUN SEOL SEOL MA GIL YEON WI PYO MYUNG KI BAN NA WANG GEUM OK YOOK IN MAENG JE MO TAK KUK EUN PYUN""".split())


def roman_name_ok(value: str) -> bool:
    """"CHOI SEOYEON", "Kim Minsu": two or three words, the first or the last a romanised surname."""
    words = value.split()
    return 2 <= len(words) <= 3 and (words[0].upper() in ROMAN_SURNAMES or words[-1].upper() in ROMAN_SURNAMES) and \
        not any(w.lower() in _EN_STOP for w in words)
# "저는 도윤이 엄마": the child's given name with -이, then the parent's role; not the writer's name.
PARENT_OF = r"(?![ \t]?(?:엄마|아빠|어머니|아버지|맘|할머니|할아버지|보호자))"
SELF = (r"(?:(?<![가-힣])(?:저는|전|저|제가|본인은|나는|제[ \t]*(?:이름|본명|성함)은|이름은|본명은)[ \t]+|"
        r"(?<![가-힣])저[ \t]*\([ \t]*)")
GREETING = r"(?:안녕하(?:세요|십니까)[.!,~ \t]*)"
PUBLIC_TITLES = (r"(?:주무관|사무관|서기관|주사보|주사|행정관|연구관|연구사|담당관|조사관|감독관|장학사|장학관|주임|"
                 r"수사관|경위|경사|경장|경감|경정|총경|경무관|순경|교감|소위|중위|대위|소령|중령|대령|준위)")  # not 교사: private daycare and academy teachers too
OTHER_TITLES = r"(?:팀장|과장|계장|대리|부장|차장|실장|사장|대표|소장|원장|이사장|센터장|지사장|본부장|국장|구조대장|구급대장|변호사|세무사|노무사|기자|선생님|교사|(?:돌봄[ \t]?)?전담사)"
STAFF_ROLES = r"(?:답변자|담당자|담당[ \t]*공무원|담당관|처리자|상담원|검사원|점검원|조사원|담임(?:이신|[ \t]?(?:선생님|교사))?|교장|교감|학생[ \t]?부장|보건[ \t]?교사|부대[ \t]?간부|경찰관|담당)"

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
사위 남동생 여동생 형제 자매 가족 신랑 신부 영감 마누라 형수 매형 매제 선배 후배 회원 교원 선주 증인
권사 장로 집사 목사 전도사 사모 교수 박사 장관 차관 총리 의원 시장 군수 구청장 청장 회장 이사장 선수 감독 작가
반지하 옥탑 옥탑방 원룸 투룸 고시원 하숙 자취 단칸방
전담사 배송지 배송비 수신자 발신자 명함 교사 강사 간호사 조리사 영양사 사서
판사 단장 독자 승객 간사 총장 총무 점장 운영 준비 평소 창구 포장 필요 복지 범죄 피디 팀원 피해 당시 당일 당연 독촉 본인 대표 대표자 나는 나도 나의 나중 저는 제가 주인 이웃 지인 동생 아들 딸 엄마 아빠
경위 경사 경장 경감 순경 교감 교장 계장 부장 실장 사장 과장 팀장 장학사 장학관 주무관 기사님 반장 통장 이장 동장
정작 정말로 진짜로 한참 한동안 한두 오히려 이렇게 저렇게 그렇게 어떻게 하루 이틀 사흘 나흘 매일 매번 매달 계속 다시
""".split())
# 2-syllable nouns that start no common name: "대리인 선임허가", "대표자 선정서" are not names.
NOUN_PREFIXES = frozenset("""
선정 선임 신청 신고 정당 주소 연락 전화 방문 변경 제출 확인 요청 문의 민원 관련 공사 설치 허가 조치 지정 지급 기간 기준 고충
처리 진행 통지 송부 송달 증명 인감 위임 등록 선거 서류 명의 소유 계약 사용 안전 안내 전체 조사 본인 해당
이름 심사 심의 경우 결정 우편 주택 주차 차량 기한 기록 소송 소음 공동 공개 방법 성함 반려 명백 원고 피고 지하 공영 노인
""".split())
PARTICLE_ENDINGS = "은는이가을를의에도만와과로"
ORG_ENDINGS = "과팀실청처센"  # "건축과 043-…", "민원실(…)": a unit, not a person
# After a name, a syllable that starts a particle, the copula or an honorific: "김철수가", "김철수입니다".
_ENDING_START = set("이은는가을를의에께와과도만로랑한요예라님씨입였외하으")


# Native numerals read as surname + given name: "여든둘 어르신", "예순다섯", "서른셋".
_NATIVE_NUMBER = re.compile(r"(?:스물|서른|마흔|쉰|예순|일흔|여든|아흔|두[ \t]?(?:가지|개|명|번|분|달|곳|대|장|권|잔|마리|사람|채|살|시간|주|해|차례|군데|배))")


def valid_name(value: str) -> bool:
    """Reject stopwords, stopword + particle ("이름은"), and unit names ("건축과") that look like names."""
    if " " in value or "\t" in value:  # spaced: "김 민 수", not "하 는 것"
        parts = value.split()  # "정 은 지": 은 is a given-name syllable in the middle, never at the end
        if len(parts) >= 2 and parts[0] in ("한", "두", "세", "네") and parts[1][0] in "대개명번분시살장권채잔곳벌통척":
            return False  # "한 대 꼴", "두 명 다": a native numeral and its counter
        if any(c in "는은을를의것등및에" for c in parts[-1]) or any(c in "는을를의것등및에" for c in "".join(parts[1:-1])):
            return False
    value = value.replace(" ", "").replace("\t", "")
    from ingest.pii_bare import FAMOUS  # historic and public figures: no one's personal data (imports this module)

    if value in FAMOUS or _NATIVE_NUMBER.match(value):
        return False
    if len(value) == 3 and value[-1] in "요엔죠":  # "안돼요", "명함엔": an ending, not a given-name syllable
        return False
    if value in STOPWORDS or (len(value) == 3 and (value[:2] in NOUN_PREFIXES or value[-1] in "는를의에")):
        return False  # stopword + particle ("이름은") is vetoed in context: "저는 이하은." closes a clause
    return not (len(value) >= 3 and value[-1] in ORG_ENDINGS and value[:2] not in DOUBLE_SURNAMES)


# Nouns with a final consonant that follow 딸/아들/친구 + 이 and are no child's name: "친구 동생이".
KIN_STOP = frozenset("""
동생 얼굴 방학 친척 학원 생일 성적 사진 가방 물건 이름 번호 담임 반장 선생 학생 친구 남편 부인 가족 일행 엄마 아빠 용돈 핸드폰
휴대폰 녀석 자식 새끼 자전거 발목 다리 손목 머리 건강 병원 수술 입학 졸업 진학 전학 결혼 취업 직장 회사 문제 행동 사건 사고 부상 상처 증상
""".split())


def dialect_given_ok(text: str, start: int, end: int) -> bool:
    """"우리 영수이가": a given name ending in a vowel, with the -이 older speakers add; not a word that
    itself ends in 이 ("고양이가") or a common noun."""
    value = text[start:end]
    return (len(value) == 2 and (ord(value[1]) - 0xAC00) % 28 == 0 and value not in STOPWORDS and value not in KIN_STOP
            and not _dictionary_word(value) and not _dictionary_word(value + "이"))


def kin_given_ok(text: str, start: int, end: int) -> bool:
    """A given name alone, as parents write it ("딸 하늘이가", "조카 현우가"): two syllables, not a common
    noun of that shape. Ending in a consonant it takes -이 ("하늘이가"); ending in a vowel it takes a
    particle or the copula at once ("현우가", "민서이고요") and must not be a dictionary word."""
    value, rest = text[start:end], text[end:end + 3]
    if len(value) != 2 or value in KIN_STOP or value in STOPWORDS:
        return False
    if (ord(value[1]) - 0xAC00) % 28 != 0:
        return rest.startswith("이")
    return re.match(r"가|는|를|도|랑|한테|에게|께|의|와|하고|이고|이에|예요", rest) is not None and not _dictionary_word(value)


def latin_name_ok(value: str) -> bool:
    """Two to four capitalised words, none of them an English function word or an acronym of one letter."""
    words = value.split()
    stop = _EN_STOP_UPPER if value.isupper() else _EN_STOP  # "NGUYEN VAN AN": AN is a given name here
    return 2 <= len(words) <= 4 and not any(w.lower() in stop for w in words)


_EN_STOP = frozenset("the a an and or of to in on at for from with by is am are was be my your our their this that "
                     "please thank thanks hello dear sir madam korea seoul office center".split())

_EN_STOP_UPPER = frozenset("the of and for to in on at from with by is are was please thank thanks dear sir madam "
                           "korea seoul office center".split())

_NOUNS = ("NNG", "NNB", "XSN", "NR")


@lru_cache(maxsize=4096)
def _dictionary_word(word: str, weak: bool = False) -> bool:
    """Whether Kiwi reads ``word`` as a known word or a compound of known words: "노인정", "장학사", "도저히".

    Names Kiwi does not know come out as one low-scoring guess (score about -17 and below), known names
    as NNP; a word from its dictionary scores above -16.5, a compound of words of two syllables or more
    above -22.5 (a one-syllable piece, as in 이순+희, is how Kiwi splits unknown names), and so does a
    verb with its ending ("모르고", "하셨더"). After a weak cue a word with a suffix or bound noun counts
    too ("안정+적입니다", "유지+시"); after a strong one that shape is too often a name (이유+상, 신동+명).
    """
    tokens = _tokenize(word)
    if not tokens or any(t.tag == "NNP" for t in tokens):
        return False
    if len(tokens) == 1:
        return tokens[0].len == len(word) and tokens[0].score > -16.5
    total = sum(t.score for t in tokens)
    verb_form = tokens[0].tag.startswith("V") and tokens[-1].tag.startswith("E")
    derived = weak and tokens[-1].tag.startswith(("XS", "NNB")) and tokens[0].len >= 2
    return (verb_form or derived or all(t.len >= 2 for t in tokens)) and total > -22.5


@lru_cache(maxsize=4096)
def _word_reading(word: str, weak: bool = False) -> bool:
    """Readings of a three-syllable candidate that no name has: a noun made a verb ("포함+된", "구비+할"),
    a prefix on a common noun ("최+전방"), or, for a rare surname, a known word at its start ("옹벽+이",
    "승인+일"): 계 or 피 in first place is a surname only if Kiwi sees no word there."""
    tokens = _tokenize(word)
    if not tokens:
        return False
    if (tokens[0].tag == "NNG" and tokens[0].len == 2 and tokens[-1].tag.startswith("E")
            and any(t.tag in ("XSV", "XSA") and t.len > 0 for t in tokens) and (weak or word[-1] in "된될할됨함")):
        return True  # 한 ends many given names (이별한, 규한): only after a weak cue
    if tokens[0].tag == "XPN" and len(tokens) == 2 and tokens[1].tag == "NNG" and tokens[1].score > -8:
        return True
    return word[0] in RARE_SURNAMES and tokens[0].len >= 2 and tokens[0].score > -16


def _tokenize(text: str):
    from rag.tokenize import _get_kiwi_unlocked, _lock  # the process-wide instance: one load, one lock

    with _lock:
        return _get_kiwi_unlocked().tokenize(text)


@lru_cache(maxsize=4096)
def _starts_longer_word(word: str, cut: int) -> bool:
    """Whether a noun in ``word`` runs across position ``cut``: "공영주|차장" is 공영 + 주차장."""
    return any(t.tag in ("NNG", "NNP") and t.start < cut < t.start + t.len for t in _tokenize(word))


_CLAUSE_END = re.compile(r"[ \t]*(?:[,.!?)/]|\n|$)")
_CUE_AFTER = re.compile(r"[ \t]*(?:\(|씨|님|귀하|드림|올림|고객|선생|여사|어르신|할머니|할아버지|[A-Za-z0-9])")


def name_context_ok(text: str, start: int, end: int, weak: bool = False) -> bool:
    """The checks a name candidate needs beyond its own letters: not glued to a digit or Latin letter
    ("제2공영…"), not the head of a longer word ("지하주|차장"), and not a dictionary word ("노인정").

    After a strong cue (성명, 민원인, 님 …) two-syllable candidates skip the dictionary test, since many
    two-syllable names are also words ("문선", "백기"); after a weak one (저는 …, … 입니다) nothing does.
    """
    if start > 0 and (text[start - 1].isdigit() or text[start - 1].isascii() and text[start - 1].isalpha()):
        return False
    value = text[start:end]
    if not re.fullmatch(r"[가-힣 \t]+", value):
        return True  # Latin names: their own check
    word = value.replace(" ", "").replace("\t", "")
    if len(word) == 3 and word[:2] in STOPWORDS and word[-1] in PARTICLE_ENDINGS and not _CLAUSE_END.match(text, end):
        return False  # "이상은", "정말로": a word and its particle, unless nothing follows it in the clause
    if (weak or len(word) >= 3) and _dictionary_word(word, weak):
        return False
    if len(word) == 3 and value == word and not _reads_as_noun(text, start, end):
        return False  # "피해자가 구체적으로", "세대주가 하는게": in its sentence the word has a suffix or an ending
    if len(word) == 3 and _word_reading(word, weak):
        return False
    if len(word) == 3 and word[-1] in "가를을도랑와과의" and not _CUE_AFTER.match(text, end):
        # "조카 현우가": a given name and its particle (a cue after it, "박호도 씨", says it is a name)
        tokens = _tokenize(word)
        if len(tokens) >= 2 and tokens[-1].tag.startswith("J") and tokens[-1].form == word[-1]:
            return False
    if len(word) == 3 and word[-1] == "이" and text[end:end + 1] in tuple("가는를도의랑한와"):
        return False  # "친구 지민이가": a given name with -이, left to the given-name rule
    if end < len(text) and "가" <= text[end] <= "힣" and text[end] not in _ENDING_START:
        word_end = end
        while word_end < len(text) and "가" <= text[word_end] <= "힣":
            word_end += 1
        return not _starts_longer_word(text[start:word_end], end - start)
    return True


def _reads_as_noun(text: str, start: int, end: int) -> bool:
    from ingest.pii_bare import verbal_in_context  # the bare-name detector's reading (imports this module)

    return not verbal_in_context(text, start, end)


def signature_ok(text: str, start: int, end: int) -> bool:
    """A word on a weak cue (closing the text, after a generic label or another name in a list) is a name
    only if Kiwi sees no verb, ending, particle or derivational suffix in it ("안돼요", "상담한")."""
    word = text[start:end].replace(" ", "").replace("\t", "")
    if any(t.tag.startswith(("V", "E", "J", "IC", "XS")) for t in _tokenize(word)):
        return False
    return weak_name_context_ok(text, start, end)


plain_name_ok = signature_ok
dictionary_word = _dictionary_word
_TITLE_WORD = re.compile(rf"(?:{PUBLIC_TITLES}|{OTHER_TITLES}|사람|분|님|씨)")


def foreign_name_ok(text: str, start: int, end: int) -> bool:
    """"응우옌 티 흐엉 씨": several short words, none a title or a common word ("최철 사장님" is a Korean name
    and its title, left to the other rules)."""
    words = text[start:end].split()
    if any(w in STOPWORDS or _TITLE_WORD.fullmatch(w) or _dictionary_word(w) and len(w) >= 2 for w in words):
        return False
    return signature_ok(text, start, end)


_LIVES_THERE = re.compile(r"[ \t]*(?:에[ \t]?)?(?:사는|살고|거주|에서)")


def weak_name_context_ok(text: str, start: int, end: int) -> bool:
    """``name_context_ok`` after a weak cue, where a place Kiwi knows ("저는 강원도 …") is no name either."""
    word = text[start:end]
    if _LIVES_THERE.match(text, end):
        return False  # "저는 도곡동 사는 …": a place
    if len(word) == 3 and word[-1] in "도시군구읍면리" and any(t.tag == "NNP" and t.len == 3 for t in _tokenize(word)):
        return False
    return name_context_ok(text, start, end, weak=True)


_DATE_IN_PARENS = re.compile(r"[ \t]*[(,][ \t]*(?!0)\d{2,4}[ \t]*[.\-/년]")  # not "(010-…": a phone


def profile_name_ok(text: str, start: int, end: int) -> bool:
    """A word before "(2025.04.02)" is a name only if it is no dictionary word: a list's heading dates itself
    ("방문자 명단 (…)"); before an age or a sex the strong cue's checks."""
    return name_context_ok(text, start, end, weak=_DATE_IN_PARENS.match(text, end) is not None)


_WORD_BEFORE = re.compile(r"(?<![^ \t\n])([가-힣]{2,4})[ \t]*[(,/][ \t]*\Z")  # a whole word: not "(여성, "


def name_before_ok(text: str, start: int, end: int) -> bool:
    """A date after "word (": the word is a name's, not a dictionary word's ("방문자 명단 (2025.04.02)": a list's date)."""
    m = _WORD_BEFORE.search(text, max(0, start - 12), start)
    return m is None or _PERSON_WORD.fullmatch(m.group(1)) is not None or not dictionary_word(m.group(1))


# Words for a person that stand between a name and its profile: "소병철 어르신 (1938. 1. 9.)".
_PERSON_WORD = re.compile(r"어르신|할머니|할아버지|여사님?|선생님|어머니|아버지|어머님|아버님|환자|학생|아기|아동|자녀|손자|손녀|"
                          r"아드님|따님|본인|고객님?|회원님?|입소자|이용자|수급자|대상자")

"""Names with no cue around them: "어제 김영수랑 통화했는데", "최다은한테 물어보니", "남궁민수에게 전달".

The cue rules (``ingest.pii_patterns``) mask a name only beside a label, a relation or an honorific; free
text mentions people without any. This detector looks at every Hangul word that, once a particle or the
copula is cut off, is a surname (one of ~130, or a two-syllable one) and a two-syllable given name, and
masks it when three independent pieces of evidence agree:

1. the given name is made of syllables that Korean given names are made of (a frequency table written
   from general knowledge: 민 서 지 현 … score 2, rarer ones 1, any other syllable rules the word out);
2. Kiwi does not read the word as something else: a dictionary word or a compound of them ("이용자",
   "경제+적", "전기+차"), a verb form, a place it knows (the word + 시/군/구 is one place name, as in
   남양주 → 남양주시), or a syllable-by-syllable split that has an ending or suffix in it;
3. what follows is no word that makes it a place, a business or a public figure ("이순신 장군",
   "제갈공명 식당", "유관순 열사", "조정래 작가").

Names Kiwi knows from its dictionary (김영수, 황지수) and names it has never seen (박민철: one unknown
token) both pass; what it reads as a common noun does not. Two-syllable words are left to the cue rules:
"이정", "한결" are too often words.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ingest.pii_names import DOUBLE_SURNAMES, STOPWORDS, SURNAMES, _dictionary_word, _tokenize

# Syllables of Korean given names. 2: frequent in names of every generation; 1: seen in names, less often.
_COMMON = ("민서지현수준영은우진도하윤예주연성경정희호재혁훈석철동상태승원미혜아유빈채다소나율시건가리인용종기광순숙"
           "선명환규범한결솔린별찬")
_SEEN = ("보라람름늘슬봄새해송온효형헌욱웅완국근길남녀란려련례로록룡륜모목무문배백병복봉부분비산삼생설섭세손신실심안애"
         "양억언엽옥왕요운월위융익일임자장전제조중직차창천청초춘충치탁택필학향협화황회후휘흠흥겸곤구권균금녕단담덕"
         "돈두득래렬빛샘섬을음봉옥열용준홍진환강견경계고곤규기란려림만명미백범"
         "보빈서석선섭성세소솔송수숙순슬승시신아안앵엄연영예옥완우운웅원유윤은을이인일자재전정제조종"
         "주중지진찬창채천철청초춘충치태택평포표하학한해혁현형혜호홍화환활황효후훈휘희흔")
GIVEN_WEIGHT = {**{c: 1 for c in _SEEN}, **{c: 2 for c in _COMMON}}
# Surnames of fewer than ~10,000 people that still start given-name-shaped words rarely enough.
_RARE = "계피빈판단당독돈묵범복빙승온옹요운음좌준창팽평포풍필견곡궁근간갈탄총점감태어"
_ALL_SURNAMES = SURNAMES + _RARE

# What may follow a name in running text: particles, the copula and honorifics (longest first).
_TAIL = sorted("""
께서는 께서도 께서 에게는 에게도 에게서 에게 한테는 한테도 한테서 한테 이랑은 이랑도 이랑 랑은 랑도 랑 하고는 하고도 하고
은 는 이 가 을 를 의 과 와 도 만 께 이가 이는 이를 이도 이의 이와 이한테 이랑 이에게 이고 이고요 이며 이다 이었고 이었는데
입니다 이에요 예요 이요 이라고 라고 이라는 라는 이란 란 인데 인데요 으로 로 이나 나 이든 든 이며 같은 처럼 보다 까지 부터
님 님이 님은 님께 님의 님과 씨 씨가 씨는 씨의 씨와 씨랑 씨한테 씨에게 씨도 씨를 씨께
""".split(), key=len, reverse=True)
_WORD = re.compile(r"(?<![가-힣A-Za-z0-9_\[])[가-힣]{2,9}(?![가-힣A-Za-z0-9_\]])")
# After the name: what makes it a place, a business, a thing, a public or historic figure.
_NOT_PERSON_AFTER = re.compile(
    r"[ \t]?(?:장군|대왕|열사|의사|선생(?!님)|작가|시인|화백|대통령|장관|국회의원|의원|도지사|시장|군수|구청장|총리|"
    r"식당|가네|김밥|공방|문구|상회|상사|마트|약국|병원|치과|한의원|학원|빌라|아파트|타워|센터|공원|기념관|동상|거리|길|로|"
    r"시|군|구|동|읍|면|리|역|항|교|호|산|강|천|섬|대교|터널|초등학교|중학교|고등학교|대학교|학교|은행|회사|그룹|주식회사|"
    r"법|법률|령|규칙|조례|기념|상|재단|선거|정부|정권|시대|시절|체|식|형|표|증후군|효과)(?![가-힣])"
    r"|[ \t]?(?:장군|대왕|열사|선생|식당|공방|병원|학원|아파트|센터|공원|기념관|동상|초등학교|중학교|고등학교|대학교|은행)")
_NOT_PERSON_BEFORE = re.compile(r"(?:[가-힣]+(?:시|군|구|도)[ \t]|주식회사[ \t]?|\(주\)[ \t]?|㈜[ \t]?)$")
# Final syllables that make a place or an institution of the word itself (이천시, 서현동, 조치원).
_PLACE_END = "시군구동읍면리로길역항교관원장청소국실과팀부처대회단"
FAMOUS = frozenset("이순신 세종대 임꺽정 정약용 유관순 안중근 김구 윤봉길 장영실 신사임당 이황 김유신 을지문덕 강감찬 유길준 김정호 "
                  "허준 임꺽정 전봉준 김소월 윤동주 한용운 방정환 안창호 김좌진 홍범도 서재필 최치원 정몽주 이성계 "
                  "박지원 김홍도 신윤복 정선 황희 맹사성".split())


def _split(word: str) -> tuple[str, str] | None:
    """The name part and its tail: "최다은한테" → ("최다은", "한테"); None when no name-sized part is left."""
    for tail in [""] + _TAIL:
        if tail and not word.endswith(tail):
            continue
        stem = word[:len(word) - len(tail)] if tail else word
        if len(stem) == 3 or (len(stem) in (3, 4) and stem[:2] in DOUBLE_SURNAMES):
            return stem, tail
    return None


def _given_score(given: str) -> int:
    weights = [GIVEN_WEIGHT.get(c, 0) for c in given]
    return 0 if 0 in weights else sum(weights)


@lru_cache(maxsize=8192)
def name_reading(stem: str) -> bool | str:
    """Whether ``stem`` (surname + given name) reads as a person's name and as nothing Kiwi knows better."""
    if stem in STOPWORDS or stem in FAMOUS:
        return False
    if stem[:2] in DOUBLE_SURNAMES:
        given, minimum = stem[2:], 2
    elif stem[0] in SURNAMES:
        given, minimum = stem[1:], 3
    elif stem[0] in _RARE:
        given, minimum = stem[1:], 4
    else:
        return False
    if _given_score(given) < minimum:
        return False
    if len(stem) == 3 and stem[-1] in _PLACE_END and _given_score(stem[1]) < 2:
        return False
    if stem[-1] in "교역항로길읍면":
        return False  # a bridge, a station, a road: no given name ends so
    if _dictionary_word(stem, True):
        return False
    tokens = _tokenize(stem)
    if any(t.tag.startswith(("V", "E", "XS", "J", "IC", "NR", "SN", "SL")) or t.tag == "MM" and t.start > 0
           for t in tokens):
        return False  # "남+보+라" is a name, "경제+적", "하+는+게" are not: an ending or suffix after the first
    if len(tokens) == 1 and tokens[0].tag == "NNP" and not tokens[0].oov:
        if stem[-1] in "시군구동도리산강천섬":
            return False  # a place Kiwi knows: "강서구", "제주도"
        # a known proper noun: a name, or a place Kiwi knows ("남양주" → "남양주시" is one place)
        for suffix in ("시", "군", "구", "동", "역"):
            t2 = _tokenize(stem + suffix)
            if len(t2) == 1 and t2[0].tag == "NNP" and not t2[0].oov:
                return False
    head = tokens[0]
    if head.tag == "NNG" and head.len == 2 and not head.oov and head.score > -15.5 and len(stem) == 3:
        return False  # a known noun and a one-syllable noun or suffix: "전기+차", "운영+하", "반환+금"
    if len(stem) == 3 and stem[2] in _NOUN_SUFFIXES and _common_noun(stem[:2]):
        return False  # "조리+원": Kiwi may not know the compound, but it knows 조리 and 원 makes nouns
    if any(t.tag in ("NNG", "NNP") and t.len >= 2 and t.start >= 1 and not t.oov and t.score > -11 for t in tokens):
        # "정+보원", "조+정실": a known word after the first syllable; but 이/한 also read as determiners
        # ("이+지원", "한+지석"), so such a word is a name only before a particle used of people alone
        return "weak" if head.tag == "MM" and head.len == 1 and len(tokens) == 2 else False
    return True


_PERSON_TAIL = re.compile(r"(?:이)?(?:한테|에게|랑|께|께서)(?:는|도|서)?|님.*|씨.*")
_NOUN_SUFFIXES = "원장사자실소금비료세권증기차품물액율률생부관대회단팀과청서일형표다"


@lru_cache(maxsize=4096)
def _common_noun(word: str) -> bool:
    tokens = _tokenize(word)
    return len(tokens) == 1 and tokens[0].tag in ("NNG", "MAG") and not tokens[0].oov and tokens[0].score > -15.5


@lru_cache(maxsize=8192)
def word_splits_at(word: str, cut: int) -> bool:
    """Whether Kiwi, reading the whole word, ends a morpheme at ``cut`` with nothing verbal before it and only
    particles, the copula, endings or an honorific after it: "최다은|한테" yes, "조사결|과", "설치하|는" no."""
    tokens = _tokenize(word)
    if len(tokens) == 1 and tokens[0].oov:
        return True  # "임채원이": one unknown word, the particle glued on; the name's letters decide
    if not any(t.start + t.len == cut for t in tokens) and cut != len(word):
        return False
    for t in tokens:
        if t.start < cut and t.tag.startswith(("V", "E", "XS", "J")):
            return False
        if t.start >= cut and not t.tag.startswith(("J", "VCP", "E", "XSN", "NNB")):
            return False
    return True


_SPACE = re.compile(r"\s")


def _window_tokens(text: str, start: int, end: int):
    """Kiwi's tokens over [start, end), read with a word either side (offsets relative to ``text``)."""
    left = max(0, start - 20)
    prev = [m.end() for m in _SPACE.finditer(text, left, max(left, start - 1))]
    w_start = prev[-2] if len(prev) >= 2 else (prev[-1] if prev else left)
    nxt = [m.start() for m in _SPACE.finditer(text, end, min(len(text), end + 20))]
    w_end = nxt[1] if len(nxt) >= 2 else min(len(text), end + 12)
    return w_start, [t for t in _tokenize_cached(text[w_start:w_end])
                     if t.start < end - w_start and start - w_start < t.start + t.len]


def verbal_in_context(text: str, start: int, end: int) -> bool:
    """Whether, in its sentence, part of [start, end) is a verb-making suffix or 적/들: "구체+적", "원+하+지"."""
    w_start, tokens = _window_tokens(text, start, end)
    # only after a known noun of two syllables ("구체+적", "제공+하"): Kiwi reads many given names' last
    # syllable (용, 율, 인, 하 as in 최희하) as a suffix after a piece it does not know
    return any(t.start > start - w_start and (t.tag in ("XSV", "XSA") or t.tag == "XSN" and t.form in ("적", "들"))
               and p.tag in ("NNG", "XR") and p.len >= 2 and not p.oov and p.score > -13
               for p, t in zip(tokens, tokens[1:]))


def _in_context(text: str, start: int, end: int, given_score: int) -> bool:
    """How Kiwi reads the name with the words either side: "10억원 이상일 것" is 이상+이+ㄹ, "신체의 주요한
    부위" an adjective, however many people Kiwi knows called 이상일 or 주요한. The name must come out as one
    proper noun, as one unknown word made of common name syllables, or as a surname and one-syllable pieces."""
    w_start, tokens = _window_tokens(text, start, end)
    if len(tokens) == 1 and tokens[0].oov and tokens[0].start == start - w_start:
        return given_score >= 4  # one unknown word, perhaps with its particle glued on
    if not tokens or tokens[0].start != start - w_start or tokens[-1].start + tokens[-1].len != end - w_start:
        return False
    if len(tokens) == 1:
        t = tokens[0]
        return t.tag == "NNP" or (t.oov and given_score >= 4)
    return all(t.tag in ("NNG", "NNP", "NNB", "MM", "MAG") or t.oov for t in tokens)


@lru_cache(maxsize=8192)
def _tokenize_cached(window: str):
    return _tokenize(window)


def bare_names(text: str, free) -> list[tuple[int, int]]:
    """Spans of uncued names in ``text``; ``free(start, end)`` says whether a span is still unclaimed."""
    found = []
    for m in _WORD.finditer(text):
        split = _split(m.group())
        if split is None:
            continue
        stem, tail = split
        start, end = m.start(), m.start() + len(stem)
        if not free(start, end):
            continue
        reading = name_reading(stem)
        if not reading or reading == "weak" and not _PERSON_TAIL.fullmatch(tail):
            continue
        if tail and not word_splits_at(m.group(), len(stem)):
            continue
        given = stem[2:] if stem[:2] in DOUBLE_SURNAMES else stem[1:]
        if not _in_context(text, start, end, _given_score(given)):
            continue
        if not tail and _NOT_PERSON_AFTER.match(text, end):
            continue
        if _NOT_PERSON_BEFORE.search(text, max(0, start - 12), start):
            continue
        found.append((start, end))
    return found

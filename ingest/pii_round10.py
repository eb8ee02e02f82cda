"""Round 10 of the masker's rules (every structured miss over all spent sets read as kinds; mechanisms, not strings).

Birth dates, framed by the person they describe rather than by a label:
- a date in apposition to a found name after a comma ("이름 반정우, 1968년 2월 6일.") or day first
  ("Olga Ivanova (12.05.1967, 러시아)");
- a date right after a name-shaped word that a kin or record word introduces ("아이 주시우(2017-03-08)",
  "자녀1 설지안 2014. 5. 2.", "아이: 선우지안 / 2017년 3월 9일"): the word names a person, the date is theirs;
- a member list's row: a name-shaped word opening the line, a date, then a phone or a registration number
  ("정말순 1938.05.11 055-762-3318");
- a date right after an identity document's number on a person's row ("여권 C7702148 1990.04.18"), unless an
  issue or expiry word frames it;
- after a birth label with a particle ("생일은 14 MAY 1993", "생일이 12월 19일"), and a mistyped date after the
  label ("생년월일이 1990.02.30"): what the label introduces is the person's, valid or not.
Driver's licences with a region word before all four groups ("강원 08-11-552014-71"), and twelve digits after a
licence label however the writer spaced them ("면허번호 1204187733 21").
A road the writer masked ("○○로 17길 6"): the placeholder names the street, the number is the house; a complex's
name before its 동·호; a Latin address closed by a state code and postcode; a call transcript's turns on one line.
A card listed after another on a card label's line, whatever its check digit.
"""
from __future__ import annotations

import re
from datetime import date

from ingest.pii_checks import birth_date_ok
from ingest.pii_context import CHILD_WORDS, EVENT_WORDS
from ingest.pii_intl import _DISTRICT, _NUMBER, _POSTCODE
from ingest.pii_names import SURNAMES, dictionary_word, valid_name
from ingest.pii_patterns import BD_DATE, BD_WORD, REGIONS, Rule
from ingest.pii_round7 import BD_ENGLISH, english_birth_date_ok

_DAY_FIRST = r"(?<![\d.])(?:0?[1-9]|[12]\d|3[01])[ \t]*[.\-/][ \t]*(?:0?[1-9]|1[0-2])[ \t]*[.\-/][ \t]*(?:19|20)\d{2}(?!\d)"
_DATE = rf"(?:{BD_DATE}|{_DAY_FIRST}|{BD_ENGLISH})"
# What may follow a person's date: the end of the item, a clause ending, a phone or an address.
_DATE_END = (r"(?:[ \t]*\.)?(?:[ \t]*생)?(?=[ \t]*(?:[,/)|;]|\n|$|입니다|이에요|예요|이고|이며|이구요|이고요|생|[ \t]*01[016789]|"
             r"[ \t]*0\d{1,2}[ \t-]\d{3,4}[ \t-]\d{4})|(?<=\.)[ \t]+(?=[가-힣A-Z]))")
# Words that make the date another event's: pii_context's, plus "에" before a word, issue, expiry and registration.
_EVENT_AFTER = re.compile(rf"[ \t]*(?:\.|,)?[ \t]*(?:{EVENT_WORDS}|에[ \t가-힣]|발급|만료|등록)")
_CHILD_BEFORE = re.compile(rf"(?<![가-힣]){CHILD_WORDS}[ \t\d]*(?:[:：][ \t]*)?\Z")  # "자녀2 …" too


def _past_year_ok(value: str, child: bool) -> bool:
    """A real past date; a date of the last three years after a name is a record's unless a child is meant."""
    v = value.strip().rstrip(".").strip().lstrip("'’")
    ok = english_birth_date_ok(v) if re.search(r"[A-Za-z]{3}", v) else birth_date_ok(v)
    if not ok:
        return False
    years = re.findall(r"(?:19|20)\d{2}", v)
    return not (years and int(years[-1]) >= date.today().year - 3 and not child)


# ---- a date after a found name -------------------------------------------------------------------
_AFTER_NAME = re.compile(rf"(?:[ \t]?(?:씨|님|양|군))?(?:[ \t]*,[ \t]*|[ \t]*\([ \t]*|[ \t]*[/|][ \t]*|[ \t]+)(?P<d>['’]?{_DATE}){_DATE_END}")


def dates_after_names(text: str, names: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """Birth dates in apposition to a name the rules or the model found (comma, day-first, English forms)."""
    out = []
    for start, end in names:
        m = _AFTER_NAME.match(text, end)
        if m is None or _EVENT_AFTER.match(text, m.end("d")):
            continue
        child = _CHILD_BEFORE.search(text, max(0, start - 10), start) is not None
        if _past_year_ok(m.group("d"), child):
            out.append(("birth_date", m.start("d"), m.end("d")))
    return out


# ---- a person introduced by a kin or record word, then a date --------------------------------------
_PERSON_WORD = (r"(?:아이|아기|애기|아동|자녀|아들|딸|막내|손자|손녀|첫째|둘째|셋째|넷째|장남|장녀|차남|차녀|아내|남편|배우자|"
                r"어머니|아버지|어머님|아버님|엄마|아빠|할머니|할아버지|신청인|신고인|대상자|본인|이름|성명|학생|원생|환자|"
                r"보호자|세대주|세대원|부|모|처|자|녀)")
_INTRODUCED = re.compile(rf"(?<![가-힣]){_PERSON_WORD}[ \t]*\d?[ \t]*(?:[:：][ \t]*|[ \t])(?P<n>[가-힣]{{2,4}})(?![가-힣])")
_ROW = re.compile(r"(?m)^ *(?:[-•·*]|\d{1,3}[.)])? *(?P<n>[가-힣]{2,4}) +(?P<d>(?:19|20)\d{2}[ \t]*[.\-/][ \t]*\d{1,2}[ \t]*[.\-/][ \t]*\d{1,2})"
                  r"[ \t]*\.?[ \t,/]+(?=0\d{1,2}[ \t-]?\d{3,4}[ \t-]?\d{4}(?!\d)|\d{6}[ \t]*-[ \t]*[1-8])")


def _name_shaped(value: str) -> bool:
    """A Hangul word that reads as a name: a surname first, no word Kiwi knows."""
    return (value[0] in SURNAMES or value[:2] in ("선우", "남궁", "제갈", "황보", "독고", "사공", "서문")) and valid_name(value) \
        and not dictionary_word(value)


def introduced_people(text: str) -> list[tuple[str, int, int]]:
    """(type, start, end): a name-shaped word a person word introduces, and the birth date right after it;
    a member list's row (name, date, phone). The date's frame is what makes the word a person's name."""
    out = []
    for m in _INTRODUCED.finditer(text):
        n_start, n_end = m.span("n")
        d = _AFTER_NAME.match(text, n_end)
        if d is None or not _name_shaped(m.group("n")) or _EVENT_AFTER.match(text, d.end("d")):
            continue
        child = _CHILD_BEFORE.search(text, max(0, m.start() - 1), m.start("n")) is not None or re.match(
            r"(?:아이|아기|애기|자녀|아들|딸|막내|손자|손녀|첫째|둘째|셋째|넷째|장남|장녀|차남|차녀|자|녀)", m.group()) is not None
        if _past_year_ok(d.group("d"), child):
            out += [("name", n_start, n_end), ("birth_date", d.start("d"), d.end("d"))]
    for m in _ROW.finditer(text):
        if _name_shaped(m.group("n")) and _past_year_ok(m.group("d"), False):
            out += [("name", *m.span("n")), ("birth_date", *m.span("d"))]
    return out


# ---- a date after an identity document's number --------------------------------------------------
_DOC_DATE = re.compile(rf" *[,/]? *(?P<d>(?:19|20)\d{{2}}[ \t]*[.\-/][ \t]*\d{{1,2}}[ \t]*[.\-/][ \t]*\d{{1,2}}|{_DAY_FIRST})"
                       r"(?![\d.]*\d)[ \t]*\.?(?=[ \t]*(?:[,/)|;]|\n|$))")
_ISSUE_WORD = re.compile(r"발급|만료|유효|갱신|기한|[Ii]ssue|[Ee]xpir|[Vv]alid")


def document_dates(text: str, docs: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """A passport's, a registration's or a licence's number, then a bare date closing the item: the holder's
    birth date, as rows of a roster list them; an issue or expiry word on the line makes it the document's, a date of
    the last three years an entry's or an issue's. A table's cells (tabs) are read by their header instead."""
    out = []
    for start, end in docs:
        m = _DOC_DATE.match(text, end)
        if m is None:
            continue
        line_start = text.rfind("\n", 0, start) + 1
        if _ISSUE_WORD.search(text, line_start, m.end()) or not _past_year_ok(m.group("d"), False):
            continue
        out.append(("birth_date", *m.span("d")))
    return out


# ---- a birth date read out digit by digit -------------------------------------------------------
_D = "[공영일이삼사오육륙칠팔구]"
_SPOKEN_DATE = re.compile(rf"(?<![가-힣])(?:{_D}{{2}}|{_D}{{4}})[ \t]?{_D}{{2}}[ \t]?{_D}{{2}}(?=요|이요|이에요|입니다|[ \t,.!?]|$)")
_ASKED_BIRTH = re.compile(r"생년월일|생일|생년|출생")
_DIGIT_OF = str.maketrans("공영일이삼사오육륙칠팔구", "0012345667" + "89")


def spoken_birth_dates(text: str) -> list[tuple[str, int, int]]:
    """"생년월일 말씀해 주세요 / 윤다솜이고요 구공 공삼 일사": six or eight digit syllables, grouped in twos, that
    read as a real past date, on the line after (or the turn after) a birth-date question."""
    out = []
    for m in _SPOKEN_DATE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        prev_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1
        if _ASKED_BIRTH.search(text, max(prev_start, m.start() - 120), m.start()) is None:
            continue
        digits = re.sub(r"\s", "", m.group()).translate(_DIGIT_OF)
        if birth_date_ok(digits):
            out.append(("birth_date", m.start(), m.end()))
    return out


# ---- rules ---------------------------------------------------------------------------------------
_PARTICLE = r"(?:[ \t]*(?:은|는|이|가|을|를|이요|요|이에요))?[ \t:：.)]*"
_MONTH_DAY = r"(?:0?[1-9]|1[0-2])[ \t]*월[ \t]*(?:0?[1-9]|[12]\d|3[01])[ \t]*일"
_LOOSE = r"(?:19|20)\d{2}[ \t]*[.\-/][ \t]*(?:0?[1-9]|1[0-2])[ \t]*[.\-/][ \t]*(?:0?[1-9]|[12]\d|3[01])(?!\d)"


def _loose_ok(value: str) -> bool:
    """A date a label says is a birth date, even a day the month lacks ("1990.02.30"): a past year."""
    return int(re.match(r"\d{4}", value).group()) < date.today().year


# A place where something happened, not where someone lives: "위치 ○○로 23 앞", "○○로 5 사거리에서".
_SITE = re.compile(r"[ \t]*(?:앞|옆|뒤|근처|부근|인근|건너편|맞은편|사거리|삼거리|교차로|일대|쪽|방향|도로|인도|보도|버스)")
_SITE_LABEL = re.compile(r"(?:위치|장소|현장|지점|발생지)[ \t]*(?:[:：][ \t]*|[은는][ \t]+)?\Z")


# A card listed after another on a card label's line ("분실 카드: 4617-…, 9410 1182 7763 0095 (체크)"): the label
# covers the list; a mistyped check digit does not make it anything else.
_CARD_LINE = re.compile(r"카드|[Cc]ard")
_OTHER_NUMBER = re.compile(r"(?:계좌|주문|접수|송장|운송장|일련|승인|가맹점|사업자|전화|연락처)(?:[ \t]*번호)?[^\d\n]{0,6}\Z")


def _card_listed(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 60):start]
    return _CARD_LINE.search(before) is not None and _OTHER_NUMBER.search(before) is None


def _licence_digits_ok(value: str) -> bool:
    d = re.sub(r"\D", "", value)
    return len(d) == 12 and 11 <= int(d[:2]) <= 28


# One line holding several turns of a call ("상담원: 주소는요? / 민원인: 안동시 …"): a turn per line, same length.
_INLINE_TURN = re.compile(r"[ \t]/[ \t](?=[가-힣A-Za-z]{1,6}[ \t]*[:：])")


def split_turns(text: str) -> str:
    """The text with each inline turn on a line of its own (offsets unchanged), so an asked field's answer is found."""
    return _INLINE_TURN.sub(lambda m: m.group()[0] + "\n" + m.group()[2], text) if " / " in text else text


# A complex's own name before its 동·호 ("대치힐스 202동 1404호", "스타힐스 2단지 204동 1502호"): the words name the
# building, the 호 the household (a building's 동 alone, "한빛아파트 203동 사신다고", names no one's home).
_COMPLEX_WORD = (r"(?:[가-힣A-Za-z0-9]{1,10}(?:힐스|힐즈|타운|마을|캐슬|파크|자이|푸르지오|래미안|아이파크|더샵|힐스테이트|팰리스|하이츠|"
                 r"맨션|빌라|빌리지|아파트|오피스텔|타워|리버|스위트|센트럴|레지던스|생활관|기숙사|관)|\d{1,2}[ \t]?단지)")

# A Latin address closed by a state or province code and its postcode ("1407-2680 Kingsway, Vancouver, BC V5R 5H4"):
# the code and the postcode make it an address even when the street has no road word.
_LATIN_POSTED = (rf"(?<![\w.@/-]){_NUMBER}[ \t]+[A-Z][A-Za-z'.]*(?:[ \t]+[A-Z][A-Za-z'.]*){{0,3}}(?:[ \t]*,[ \t]*{_DISTRICT}){{1,2}}"
                 rf"[ \t]*,?[ \t]+[A-Z]{{2}}[ \t]+{_POSTCODE}")

ROUND10_RULES: tuple[Rule, ...] = (
    Rule("address_latin_posted", "address", _LATIN_POSTED, priority=44.5,
         gate=r"(?<![A-Za-z])[A-Z]{2}[ \t]+(?:[A-Z]\d[A-Z]|\d{5})", reach=(90, 12)),
    Rule("address_complex_unit", "address",
         rf"(?<![가-힣A-Za-z0-9]){_COMPLEX_WORD}(?:[ \t]+{_COMPLEX_WORD}){{0,2}}[ \t]+\d{{1,4}}[ \t]?동[ \t]*\d{{1,5}}[ \t]?호"
         r"(?!\d)", priority=39, weak=True, gate=r"\d[ \t]?동", reach=(40, 12)),
    # "생일은 14 MAY 1993", "Date of birth is May 3, 1990"
    Rule("birth_date_english_particle", "birth_date", BD_ENGLISH + r"|\d{1,2}[ \t]+(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)"
         r"[ \t,]+(?:19|20)\d{2}(?!\d)", before=rf"(?:{BD_WORD}|[Bb]irth(?:[ \t]?[Dd]ate|day)|DOB)(?:[ \t]+is)?{_PARTICLE}",
         check=lambda v: english_birth_date_ok(v.title()), priority=88, gate=r"생일|생년월일|출생|생신|[Bb]irth|DOB|born",
         reach=(0, 40)),
    # "아내 생일이 12월 19일인데": a birthday with no year is still the person's
    Rule("birth_month_day", "birth_date", _MONTH_DAY, before=r"(?<![가-힣])(?:생일|생신)" + _PARTICLE,
         context=lambda text, s, e: not _EVENT_AFTER.match(text, e), priority=61,
         gate=r"생일|생신", reach=(0, 20)),
    # "생년월일이 1990.02.30 으로 잘못": the label names it; a typo does not make it anyone else's
    Rule("birth_date_label_loose", "birth_date", _LOOSE, before=r"(?:생년월일|생일|출생일)" + _PARTICLE, check=_loose_ok,
         context=lambda text, s, e: not _EVENT_AFTER.match(text, e), priority=60, gate=r"생년월일|생일|출생일", reach=(0, 30)),
    Rule("card_listed", "card", r"(?<![\d-])\d{4}(?P<ls>[ \t]?-[ \t]?|[ \t])\d{4}(?P=ls)\d{4}(?P=ls)\d{4}(?![\d-])",
         context=_card_listed, priority=83, gate=r"\d{4}[ \t-]+\d{4}", reach=(0, 24)),
    Rule("driver_region_full", "driver_license",
         rf"(?:{REGIONS})(?:남부|북부)?[ \t]*\d{{2}}[ \t]*-[ \t]*\d{{2}}[ \t]*-[ \t]*\d{{6}}[ \t]*-[ \t]*\d{{2}}(?![\d-])", priority=81,
         gate=r"\d{6}", reach=(24, 18)),
    Rule("driver_label_spaced", "driver_license", r"(?<![\d-])\d(?:[ \t\-]?\d){11}(?![\d-])", check=_licence_digits_ok,
         before=r"(?:운전[ \t]*면허(?:증)?(?:[ \t]*번호)?|면허[ \t]*번호)[^\d\n\[\]]{0,8}", priority=79, gate=r"면허", reach=(0, 40)),
    # "○○로 17길 6, 101호": the writer's placeholder (folded to the stand-in syllable) names the street
    Rule("address_masked_road", "address",
         r"(?<![가-힣])뵹{1,4}(?:대로|로|길)(?:[ \t]?\d{1,3}(?:번)?[ \t]?길)?[ \t]+\d{1,4}(?:-\d{1,4})?(?![\d가-힣]|[.,]\d)",
         context=lambda text, s, e: not _SITE.match(text, e) and not _SITE_LABEL.search(text, max(0, s - 12), s),
         priority=40, gate=r"뵹(?:대로|로|길)", reach=(4, 24)),
)

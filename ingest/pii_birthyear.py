"""Round 12 of the masker: a specific person's year of birth is personal data (``birth_date``).

Policy (lead, session 8): a birth year beside a name, a region and a case narrows a person down, so it is masked
as PIPA's "identifiable in combination" asks: ``69년생입니다``, ``변상국(1949년생)``, ``저는 1985년생``,
``사십사년생.``, ``생년 1956년``, ``1972년에 태어났어요``. The span is the year with its 년 (``1949년``); 생 stays
outside. A cohort rule describes no one and stays readable: a year followed by a range or category word
(``1960년생부터``, ``1957년생 이후 출생자는``, ``1985년생도 해당되나요``, ``1959년생이면 … 가능한지요``,
``90년생들은``), a year preceded by a range (``1953~56년생``), or any year in a sentence that states a cut-off
(``… 이후 출생자``, ``…년생까지``). Ages (``82세``, ``여든둘``) are no birth year and are not touched.

A year counts as a person's when the text says so: the year is predicated of someone (``…년생입니다``,
``…년생이시고``, ``…년생이에요``), closes a bracket or an item after a name or a profile (``(남, 1967년생)``,
``(80년생) /``), ends its sentence or line (``… 사십사년생.``), is followed by a person word (``… 년생 엄마``,
``… 년생 남성``, ``… 년생 본인``), or follows a first-person, kin or record cue in its clause (``저는``, ``저희
아버지는``, ``본인``, ``할머니``, ``메모:``). Two-digit years written as the age of a tree (``20년생 소나무``) and the
plant words 일년생/다년생 are no one's birth year.
"""
from __future__ import annotations

import re

from ingest.pii_names import dictionary_word, valid_name

# 2- or 4-digit year (19xx, 20xx, 'yy) or read out in Hangul (사십사, 칠십구, 천구백오십일)
_DIGIT_YEAR = r"'?(?<![\d.,/-])(?:19\d{2}|20\d{2}|\d{2})"
_HANGUL_YEAR = r"(?<![가-힣])(?:(?:천구백|이천)[ \t]?)?[이삼사오육칠팔구]십[일이삼사오육칠팔구]?"
_YEAR = rf"(?:{_DIGIT_YEAR}|{_HANGUL_YEAR})"
# 년생 / 년 생 / 년도 생 / 년도생, 생 not starting another word (생활, 생산, 생각 …)
_MD = r"(?:[ \t]*\d{1,2}[ \t]*월(?:[ \t]*\d{1,2}[ \t]*일)?)?"
# 생 closing a birth date, not starting another word (생활, 생산, 생각 …); also ingest/pii_round13.py
SAENG = r"생(?![활산성존명각계기긴겨겼길김략전일태물선수업애가원사식육장환리년월신])"
_BORN = re.compile(rf"(?P<y>{_YEAR}년(?:도)?{_MD})[ \t]?{SAENG}")
# 생년 1956년, 출생연도: 1956년 (no month after it: the date rules take a year with its month)
_LABEL = re.compile(rf"(?<![가-힣])(?:생년(?:월일)?|출생[ \t]?(?:연도|년도)|태어난[ \t]해)(?:은|는|이|가|도)?[ \t]*[:：]?[ \t]*"
                    rf"(?P<y>{_YEAR}년(?:도)?(?:[ \t]*\d{{1,2}}[ \t]*월)?)(?![ \t]*\d{{1,2}}[ \t]*일)")
# 1972년에 태어났어요, 1972년 태어난 저는
_BORN_VERB = re.compile(rf"(?P<y>{_YEAR}년)(?:도)?(?:에)?[ \t]*태어(?:났|난|나)")
# "… 태어난 사람은", "… 태어난 아동부터": a group, not a person
_COHORT_PEOPLE = re.compile(r"[ \t]*(?:사람|분|자|아이|아동|어린이|경우|세대)(?:은|는|도|들|부터|까지|이|의|에게|이면|만|\b)")

# after the year's 생: a range, a condition, a category, a group, a topic that states a rule
_COHORT_AFTER = re.compile(
    r"[ \t]*\)[ \t]*(?:이상|이하|미만|초과|부터|까지|이후|이전|대상|해당|출생)|"  # "25세(… 1998년생) 이상인"
    r"(?:[ \t]*\([^()]{0,12}\))?(?:은|는|의|들|도(?![가-힣])|도[ \t]|이면|이라면|인[ \t]경우|일[ \t]경우|에게|이[ \t](?!아니)|이$)|"
    r"[ \t]*(?:부터|이후|이전|까지|이상|이하|미만|초과|대상|출생자|출생아|해당|세대|남녀|여러분|분들|동갑|~|∼|-[ \t]*\d|"
    r"나무|소나무|묘목|수목|편백|잣나무|참나무|식물|인삼)")
_COHORT_BEFORE = re.compile(r"(?:~|∼|부터|-)[ \t]*\Z")
# a sentence that states a cut-off: its years are a rule's
_RULE_SENTENCE = re.compile(r"출생자|출생아|년생[ \t]?(?:부터|까지|이후|이전|이상|이하|미만|초과)|"
                            r"(?:이후|이전|부터|까지)[ \t]*(?:에[ \t]*)?(?:출생|태어난)|\d[ \t]*[~∼][ \t]*'?\d{2,4}[ \t]*년생")
_COPULA_AFTER = re.compile(r"(?:이[ \t]?아니|[ \t]*아님|이(?:고|며|에요|예요|야|라|신|시|세|십|었|였|지|니|구|던|래|다|죠|잖|랍)|입니|인데|인|임|이고|으로|이므로|"
                           r"[ \t]*(?:본인|진술))")
_PERSON_AFTER = re.compile(r"[ \t]*(?:엄마|아빠|노인|어르신|남성|여성|남자|여자|남|여|주부|가장|할머니|할아버지|아들|딸|"
                           r"청년|학생|직장인|어머니|아버지|환자|아이|본인|부부)(?![가-힣])")
_CLOSE_AFTER = re.compile(r"[ \t]*(?:[).]|,|/|\n|\Z|[!?])")
_PERSON_BEFORE = re.compile(r"(?:저는|저도|제가|전|난|나는|나도|내가|본인(?:은|이)?|저희[ \t]?[가-힣]{1,4}(?:은|는|가|이|께서)|"
                            r"(?:아버지|어머니|아버님|어머님|아빠|엄마|남편|아내|부인|아들|딸|할머니|할아버지|형|누나|오빠|언니|동생|"
                            r"조카|삼촌|고모|이모|장인|장모|시어머니|시아버지|어르신|모친|부친|본인|대상자|민원인|신청인|신고인|"
                            r"피해자|가해자|운전자|세입자|임차인|임대인|보호자|사용자|내방|나이)(?:님|분)?(?:은|는|이|가|께서|도)?|"
                            r"[:：])[ \t]*\Z")
# "할머니 탁옥순, 1947년생", "이름 전하람 02년생": a name in apposition
_NAME_COMMA = re.compile(r"(?<![가-힣])(?P<n>[가-힣]{2,4})[ \t]?(?:씨|님|여사|옹)?[ \t]*,?[ \t]*\Z")


def _clause_before(text: str, start: int) -> str:
    """The clause before ``start``: back to a sentence end, a line break, or 30 characters."""
    back = text[max(0, start - 30):start]
    cut = max(back.rfind(c) for c in ".!?\n")
    return back[cut + 1:]


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around [start, end) (split at . ! ? and line breaks; decimal points do not split)."""
    left = max((m.end() for m in re.finditer(r"[.!?](?!\d)|\n", text[:start])), default=0)
    m = re.compile(r"[.!?](?!\d)|\n").search(text, end)
    return text[left:m.start() if m else len(text)]


def _in_bracket(text: str, start: int) -> bool:
    """An open bracket before ``start`` on the same item: "(남, 1967년생", "변재성 (80년생"."""
    back = text[max(0, start - 16):start]
    return back.rfind("(") > max(back.rfind(")"), back.rfind("\n"))


def _a_persons(text: str, start: int, after: int) -> bool:
    """Whether the year at ``start`` whose birth word ends at ``after`` is said of a person, not a cohort."""
    if _COHORT_AFTER.match(text, after) or _COHORT_BEFORE.search(text[max(0, start - 6):start]):
        return False
    if _RULE_SENTENCE.search(_sentence(text, start, after)):
        return False
    if _COPULA_AFTER.match(text, after) or _PERSON_AFTER.match(text, after):
        return True
    if _in_bracket(text, start) and re.match(r"[ \t]*[),]", text[after:]):
        return True
    clause = _clause_before(text, start)
    if _PERSON_BEFORE.search(clause.rstrip(" \t")):
        return True
    named = _NAME_COMMA.search(clause)
    if named and valid_name(named.group("n")) and not dictionary_word(named.group("n")):
        return True
    return _CLOSE_AFTER.match(text, after) is not None and re.match(r"[ \t]*[.!?\n]|[ \t]*\Z", text[after:]) is not None


def birth_years(text: str) -> list[tuple[str, int, int]]:
    """A specific person's year of birth, as ``("birth_date", start, end)``: the year with its 년."""
    if "생" not in text and "태어" not in text:
        return []
    out: list[tuple[str, int, int]] = []
    for m in _BORN.finditer(text):
        start, end = m.span("y")
        if _a_persons(text, start, m.end()):
            out.append(("birth_date", start, end))
    for rx in (_LABEL, _BORN_VERB):
        for m in rx.finditer(text):
            start, end = m.span("y")
            if not _RULE_SENTENCE.search(_sentence(text, start, m.end())) and not _COHORT_PEOPLE.match(text, m.end()):
                out.append(("birth_date", start, end))
    return sorted(set(out), key=lambda t: t[1])


_YEAR_ONLY = re.compile(rf"{_YEAR}년(?:도)?")
_CUT_OFF_AFTER = re.compile(r"[ \t.]*(?:일)?[ \t]*(?:이후|이전|부터|까지|이상|이하|미만|초과)")


def model_birth_date_ok(text: str, start: int, end: int) -> bool:
    """Whether the learned tagger's birth date may stand: a year alone must be a person's by the tests above
    (the model learnt persons' years, and would take a cohort's "…1998년생) 이상인" too); digits alone must have
    a date's length (6 or 8, or 4 for a month and day): "개정안(2119747, 정부안)" is a bill's number; a date
    followed by a cut-off word is a rule's or a deadline."""
    value = text[start:end]
    if re.search(r"\d[ \t]*[~∼][ \t]*'?\d", value) or re.search(r"\d[ \t]*[~∼][ \t]*\Z", text[max(0, start - 8):start]):
        return False  # "1965~1968년생은 63세부터": a range of years is a cohort, not a person
    if _CUT_OFF_AFTER.match(text, end):
        return False  # "(1994. 1. 1. 이후 출생자)", "2024. 1. 15.까지는 허가를": a cut-off or a deadline
    if value.isdigit():
        return len(value) in (4, 6, 8)
    if _YEAR_ONLY.fullmatch(value):
        after = re.compile(r"[ \t]?생|(?:에)?[ \t]*태어").match(text, end)
        return after is not None and _a_persons(text, start, after.end())
    return True

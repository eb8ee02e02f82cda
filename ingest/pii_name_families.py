"""Name families the cued rules miss: a name and its other writing side by side, given names on their own
after the full name, partly hidden names, Latin names after a person cue, names listed after a head count.

``aliases`` and ``given_names`` run after the rules (they need what was found); ``NAME_FAMILY_RULES``
join the rule list.
"""
from __future__ import annotations

import re

from ingest.pii_names import (CITIZEN_ROLES, NAME, NAME3, NAME_END, STOPWORDS, SURNAMES, dictionary_word, latin_name_ok,
                              name_context_ok, valid_name)
from ingest.pii_patterns import Rule

HAN = r"[\u4e00-\u9fff]{2,4}"
LATIN = r"[A-Z][A-Za-z'-]+(?:[ \t]+(?:[A-Z]\.|[A-Z][A-Za-z'-]+)){1,3}"
MASKED = "*○●＊◯"

_ID_AFTER = (r"[ \t]*(?:\([^()\d\n]{1,6}\)[ \t]*)?(?:\([ \t]*|/[ \t]*)?(?:(?<!\d)\d{6}[ \t]*-?[ \t]*[1-8][\d*xX●○]|\(?01[016789]\)?[ \t.\-]?\d{3,4}|"
             r"(?:주민(?:등록)?[ \t]?번호|외국인(?:등록)?[ \t]?번호|생년월일|연락처|휴대(?:폰|전화)))")
_NATIONALITY = r"(?:국적|출신|에서[ \t]온)[ \t]+"
_ID_GATE = r"\d{6}[ \t]*-?[ \t]*[1-8]|01[016789]|주민|외국인|생년월일|연락처|휴대"
_CLASSMATE = r"(?:같은[ \t]?반(?:[ \t]?친구)?|반[ \t]?친구|친구)[ \t]+(?:[가-힣]{2}이(?:랑|하고|와)[ \t]+)?"
_PERSON_NOUNS = frozenset("학생 친구 아이 애들 남자 여자 선생 누나 언니 오빠 형님 동생 엄마 아빠 선배 후배 녀석 사람 모두 전부 다른 여러".split())

NAME_FAMILY_RULES: tuple[Rule, ...] = (
    # Partly hidden: "김*수", "박○○", "이*".
    Rule("name_starred", "name", rf"(?<![가-힣A-Za-z0-9*○●＊◯])[{SURNAMES}](?:[{MASKED}][가-힣]|[가-힣][{MASKED}]|[{MASKED}]{{1,2}})",
         after=rf"(?![{MASKED}])(?:{NAME_END}|(?![가-힣]))", priority=30, role="citizen", gate=rf"[{MASKED}]", reach=(3, 3)),
    # The object of a correction: "제 이름을 허정란이 아니라", "성함을 김민수로".
    Rule("name_form_object", "name", NAME, before=r"(?:이[ \t]*름|성함|성명)(?:을|를)[ \t]+", after=NAME_END,
         priority=30, role="citizen", gate=None, check=valid_name, context=name_context_ok),
    # The first of a list after a head count: "세 명(우창길, 편도식, …)", "피해자 3명: 김가은, …".
    Rule("name_counted", "name", NAME3, before=r"(?:[두세네]|다섯|여섯|\d{1,2})[ \t]?(?:명|분|사람)[ \t]*[(:：][ \t]*",
         after=r"[ \t]*[,、/)]", priority=27, role="citizen", gate=None, check=valid_name),
    # Latin names after a person cue or an English honorific: "남편 Michael J. Thompson", "Mr. Jang",
    # "캄보디아에서 온 SOK SREYMOM", "피진정인 Lee Jae-won".
    Rule("name_latin_cue", "name", LATIN, before=rf"(?:{CITIZEN_ROLES}|에서[ \t]온|국적|출신)[ \t]*[:：]?[ \t]*",
         check=latin_name_ok, priority=30, role="citizen", gate=r"[A-Z][A-Za-z'.-]*[ \t]+[A-Z]", reach=(30, 40)),
    # The writer's own line in a pasted form: "- 저: 양미숙, 810622-…", "본인: 김민수".
    Rule("name_self_colon", "name", NAME, before=r"(?<![가-힣])(?:저|본인|나)[ \t]*[:：][ \t]*", after=NAME_END + r"|[ \t]*[,(/\n]",
         priority=30, role="citizen", gate=None, check=valid_name, context=name_context_ok),
    # A parent signing by the child's name: "윤석구 (서아 아빠)".
    Rule("name_parent_paren", "name", r"[가-힣]{2}", before=r"\([ \t]*", after=r"[ \t]?(?:엄마|아빠|어머니|아버지|맘)[ \t]*\)",
         check=lambda v: v not in STOPWORDS and not dictionary_word(v), priority=27, role="citizen",
         gate=r"(?:엄마|아빠|어머니|아버지|맘)[ \t]*\)", reach=(8, 0)),
    # A name written straight before the person's identifier or its label, as in a tenant or household list:
    # "본인 송미란 780203-2******", "아랫채 황만수 주민번호 앞자리 …", "5번방 Li Wei 01077203349",
    # "202호 Nguyen Thi Lan (외국인등록번호 …)".
    Rule("name_before_id", "name", rf"(?<![가-힣A-Za-z]){NAME3}|(?<![A-Za-z]){LATIN}", after=_ID_AFTER,
         check=lambda v: latin_name_ok(v) if v[:1].isascii() else valid_name(v), priority=28, role="citizen",
         gate=_ID_GATE, reach=(40, 30), context=lambda t, s, e: t[s:e][:1].isascii() or name_context_ok(t, s, e)),
    # A name with its Chinese characters after a nationality: "중국 국적 왕샤오밍(王小明)"
    Rule("name_han_gloss", "name", r"[가-힣]{2,5}", before=_NATIONALITY, after=rf"[ \t]*\([ \t]*{HAN}[ \t]*\)",
         priority=30, role="citizen", gate=_NATIONALITY, reach=(0, 30)),
    Rule("name_han_gloss2", "name", HAN, before=_NATIONALITY + r"[가-힣]{2,5}[ \t]*\([ \t]*", after=r"[ \t]*\)",
         priority=30, role="citizen", gate=_NATIONALITY, reach=(0, 30)),
    # Classmates by given name with the affectionate 이: "같은 반 민석이랑 태양이가"
    Rule("name_classmate", "name", r"[가-힣]{2}", before=_CLASSMATE, after=r"이(?:가|랑|는|를|도|한테|에게|하고|와|의)(?![가-힣])",
         check=lambda v: v not in STOPWORDS and v not in _PERSON_NOUNS, priority=27, role="citizen",
         gate=r"반|친구", reach=(4, 24)),
    Rule("name_latin_honorific", "name", r"[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?", before=r"(?<![A-Za-z])(?:Mr|Mrs|Ms|Miss|Dr)\.?[ \t]+",
         priority=30, role="citizen", gate=r"(?:Mr|Mrs|Ms|Miss|Dr)\.?[ \t]", reach=(0, 30)),
)

# "로드리게스 카를로스 (RODRIGUEZ CARLOS)", "刘伟(LIU WEI)", "Daniel Seo(서다니엘, …)", "Jason(본명 제승훈)".
_HANGUL_BEFORE_LATIN = re.compile(rf"(?<![가-힣])(?P<a>[가-힣]{{2,6}}(?:[ \t][가-힣]{{1,6}}){{0,2}}|{HAN})[ \t]*\([ \t]*(?P<b>{LATIN})[ \t]*[),]")
_LATIN_BEFORE_HANGUL = re.compile(rf"(?<![A-Za-z])(?P<a>{LATIN})[ \t]*\([ \t]*(?P<b>[가-힣]{{2,6}}|{HAN})[ \t]*[),]")
_ALIAS_OF_REAL = re.compile(r"(?<![A-Za-z])(?P<a>[A-Z][a-z]+)[ \t]*\([ \t]*(?:본명|실명|한국[ \t]?이름)[ \t:]*(?P<b>" + NAME3 + r")")


def _hangul_side_ok(value: str) -> bool:
    if re.fullmatch(HAN, value):
        return True
    words = value.split()
    return all(w not in STOPWORDS and not (len(w) >= 2 and dictionary_word(w)) and not known_place(w) for w in words)


def known_place(word: str) -> bool:
    """A place Kiwi knows: the word, or the word + 시/군/구, is one proper noun it has ("대구", "안산", "김해")."""
    from ingest.pii_names import _tokenize

    for form in (word, word + "시", word + "군", word + "구"):
        tokens = _tokenize(form)
        if len(tokens) == 1 and tokens[0].tag == "NNP" and not tokens[0].oov and (form != word or word[-1] in "시군구도"):
            return True
    return False


def aliases(text: str) -> list[tuple[int, int]]:
    """Both writings of a name given side by side; either one alone would be too weak a cue."""
    out = []
    for m in _HANGUL_BEFORE_LATIN.finditer(text):
        a = m.group("a")
        # only the words right before the parenthesis that read as no word: "남편: 로드리게스 카를로스"
        words = a.split()
        while words and not _hangul_side_ok(words[0]):
            words.pop(0)
        if words and latin_name_ok(m.group("b")):
            out += [(m.end("a") - len(" ".join(words)), m.end("a")), m.span("b")]
    for m in _LATIN_BEFORE_HANGUL.finditer(text):
        if latin_name_ok(m.group("a")) and _hangul_side_ok(m.group("b")):
            out += [m.span("a"), m.span("b")]
    for m in _ALIAS_OF_REAL.finditer(text):
        if valid_name(m.group("b")):
            out += [m.span("a"), m.span("b")]
    return out


_GIVEN_AFTER = r"(?=[ \t]?(?:씨|님|쌤|선생님|샘|언니|누나|오빠|형님|형(?![가-힣])|어르신)|이(?:가|는|를|도|랑|한테|에게|하고|의|[ \t]?형|[ \t]?쪽))"


def given_names(text: str, full_names: list[str]) -> list[tuple[int, int]]:
    """The given name alone after the full name was found: "나영철 … 영철 씨가", "은하수 … 하수 쌤"."""
    given = sorted({f[1:] for f in full_names if re.fullmatch(r"[가-힣]{3}", f)})
    if not given:
        return []
    return [m.span() for m in re.finditer(rf"(?<![가-힣])(?:{'|'.join(given)}){_GIVEN_AFTER}", text)]

"""Names in any script (masker round 5): Cyrillic, Thai, Devanagari, Arabic, Bengali, Vietnamese with diacritics ….

Korean complaints quote foreign residents' names in their own script, where the Hangul and ASCII rules see nothing.
In a Korean text a run of such letters is a name far more often than anything else, so the evidence asked of it is
where it stands, not what it spells:

- a person cue before it (a name label in any language, a citizen's role or relation, a self-introduction, "…어로"
  as in "러시아어로 Рустамов Жасурбек": the name in its own script) or a person's ending after it (씨, 님, the copula,
  a particle, a bracket);
- a cased script (Cyrillic, Greek, Latin with diacritics) written as two to four capitalised words, the way names are
  written — Cyrillic and Greek need nothing more, Latin with diacritics a cue (places are written so too);
- one side of a pair "X (Y)" whose other side is a name in another script ("Md. Rafiqul Islam(라피쿨)",
  "Айгуль Токтогулова(아이굴 톡토굴로바)"): both sides are the name (``script_pairs``);
- a single capitalised Latin word after a relation noun in running text ("친구 Dilshod 도", "동료 Nuwan 목격").
"""
from __future__ import annotations

import re
import unicodedata

from ingest.pii_names import CITIZEN_ROLES, STOPWORDS, _tokenize, dictionary_word, latin_name_ok

# Letters of the scripts a name may come in besides Hangul and CJK: Latin (with its extensions), Greek, Cyrillic,
# Armenian, Hebrew, Arabic, the Indic scripts, Sinhala, Thai, Lao, Tibetan, Myanmar, Georgian, Khmer, Mongolian.
_LETTERS = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u10ff\u1780-\u18af\u1e00-\u1eff"  # not × ÷
_WORD = rf"[{_LETTERS}](?:[{_LETTERS}]|['’-](?=[{_LETTERS}]))*"
_RUN = re.compile(rf"(?<![{_LETTERS}\d])(?:[A-Z][a-z]{{0,3}}\.[ \t]?)?{_WORD}(?:[ \t]{_WORD}){{0,3}}(?![{_LETTERS}\d])")
_NON_ASCII = re.compile(r"[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u10ff\u1780-\u18af\u1e00-\u1eff]")
_CASED = frozenset({"LATIN", "CYRILLIC", "GREEK", "ARMENIAN"})

_LABEL = r"(?:[Nn]ame|NAME|ชื่อ|नाम|اسم|Имя|имя|Tên|tên|Ф\.?И\.?О\.?)"
_CUE_BEFORE = re.compile(rf"(?:{CITIZEN_ROLES}|{_LABEL}|(?<![가-힣])(?:저는|전|나는|제[ \t]?이름은|이름은|동료|통역사|룸메이트)|"
                         rf"[가-힣]{{1,6}}어로|한국[ \t]?이름은?)(?:은|는|이|가|님)?[ \t]*(?:[/:：][ \t]*(?:[가-힣]{{1,4}}[ \t]*[:：][ \t]*)?)?\Z")
_CUE_AFTER = re.compile(r"[ \t]*(?:씨|님|입니다|이에요|예요|이고|이라고|라고|[(（])|[ \t]?(?:도|가|는|이|랑|이랑|하고|한테|에게|와|과|의)(?![가-힣])")
_NOT_PERSON_AFTER = re.compile(r"[ \t]?(?:에서|에|으로|로|앱|계정|메신저|톡|어|말|식|산|제|회사|공장|대학|호텔|시|주|국)(?![가-힣])")
_STOP = frozenset("the a an and or of to in on at for from with by is am are was be my your our their this that i we you he she "
                  "it dear sir madam hello hi thanks thank please korea seoul office center company food group bank manager designer "
                  "developer engineer intern staff director leader member owner driver worker teacher student".split())
_RELATION = (r"(?<![가-힣])(?:친구|동료|형|오빠|누나|언니|동생|남편|아내|와이프|사장님?|직원|이웃|룸메이트|아들|딸|삼촌|이모|고모|사촌|"
             r"조카|손자|손녀|매니저|반장|팀장님|통역사|선생님)[ \t]+")
_SINGLE_LATIN = re.compile(_RELATION + r"(?P<v>[A-Z][a-z]{2,15})(?![A-Za-z]|[ \t][A-Z])")


def script_of(word: str) -> str:
    """The Unicode script of a word's first letter: "LATIN", "CYRILLIC", "THAI" …"""
    return unicodedata.name(word[0], "?").split(" ")[0]


def _capitalised(words: list[str]) -> bool:
    return all(w[0].isupper() or w.isupper() for w in words)


def _run_ok(words: list[str]) -> bool:
    """No function word or common English word; a cased script's words capitalised."""
    script = script_of(words[0])
    if any(w.lower().strip(".") in _STOP for w in words) or any(script_of(w) != script for w in words):
        return False
    if any(len(w.strip(".")) < 2 for w in words) or sum(len(w) for w in words) < 3:
        return False  # a symbol or a unit ("Ω(저항)", "µ"), not a name
    return script not in _CASED or _capitalised(words)


def script_names(text: str, free) -> list[tuple[int, int]]:
    """Names in a non-Hangul script with a person's cue around them; ``free(start, end)``: not taken yet."""
    if not _NON_ASCII.search(text) and not _SINGLE_LATIN.search(text):
        return []
    out = []
    for m in _RUN.finditer(text):
        if not _NON_ASCII.search(m.group()):
            continue  # plain ASCII: the Latin rules' work
        words = m.group().split()
        if not _run_ok(words) or not free(m.start(), m.end()):
            continue
        script = script_of(words[0])
        cue = _CUE_BEFORE.search(text, max(0, m.start() - 30), m.start()) is not None or (
            _CUE_AFTER.match(text, m.end()) is not None and not _NOT_PERSON_AFTER.match(text, m.end()))
        shaped = script in ("CYRILLIC", "GREEK") and 2 <= len(words) <= 4
        if cue or shaped:
            out.append(m.span())
    for m in _SINGLE_LATIN.finditer(text):
        if m.group("v").lower() not in _STOP and not _NOT_PERSON_AFTER.match(text, m.end()) and free(*m.span("v")):
            out.append(m.span("v"))
    return out


# "X (Y)" and "X(Y, Z)": a name and its other writing in brackets.
_PAIR = re.compile(rf"(?P<a>(?:[A-Z][a-z]{{0,3}}\.[ \t]?)?{_WORD}(?:[ \t]{_WORD}){{0,3}}|[가-힣]{{2,6}}(?:[ \t][가-힣]{{1,6}}){{0,3}})"
                   rf"[ \t]*[(（][ \t]*(?P<b>(?:[A-Z][a-z]{{0,3}}\.[ \t]?)?{_WORD}(?:[ \t]{_WORD}){{0,3}}|[가-힣]{{2,6}}(?:[ \t][가-힣]{{1,6}}){{0,3}})"
                   r"[ \t]*(?:[,/][^()\n]{0,20})?[)）]")
_ORG_WORD = re.compile(r"(?i)\b(?:co|inc|ltd|corp|corporation|company|group|bank|center|centre|office|industry|industrial|tech|"
                       r"service|services|market|mart|store|hotel|restaurant|cafe|school|university|hospital|church|association|"
                       r"foundation|precision|food|foods|electronics|motors|logistics|trading|construction|ministry|agency)\b")


def _transliterated(value: str) -> bool:
    """Hangul that spells a foreign name: Kiwi knows none of it as a place or a common word and finds an unknown word
    in it ("라피쿨", "아이굴 톡토굴로바"; not "대구", "청각장애 심한 정도")."""
    joined = value.replace(" ", "").replace("\t", "")
    if any(w in STOPWORDS for w in value.split()) or dictionary_word(joined):
        return False
    tokens = _tokenize(joined)
    return (any(t.oov and t.len >= 2 for t in tokens)
            and not any(t.tag == "NNP" and not t.oov for t in tokens))


def _side_ok(value: str) -> bool:
    words = value.split()
    if re.match(r"[가-힣]", value):
        return _transliterated(value)
    if _ORG_WORD.search(value):
        return False
    if not _NON_ASCII.search(value):
        return latin_name_ok(value.replace(".", "")) or (re.fullmatch(r"[A-Z][a-z]{2,15}", value) is not None
                                                        and value.lower() not in _STOP)
    return _run_ok(words)


def script_pairs(text: str, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Both sides of "X (Y)" in two scripts, when one side is a found name or both have a name's shape (a
    multi-word Latin or other-script name beside an unknown Hangul word)."""
    out = []
    for m in _PAIR.finditer(text):
        a, b = m.group("a"), m.group("b")
        if bool(re.match(r"[가-힣]", a)) == bool(re.match(r"[가-힣]", b)) and script_of(a) == script_of(b):
            continue  # the same script: a gloss, not a second writing
        found_a = any(s <= m.start("a") and m.end("a") <= e for s, e in names)
        found_b = any(s <= m.start("b") and m.end("b") <= e for s, e in names)
        strong = (len(a.split()) >= 2 and not re.match(r"[가-힣]", a)) or (len(b.split()) >= 2 and not re.match(r"[가-힣]", b))
        if not (found_a or found_b or strong) or not (found_a or _side_ok(a)) or not (found_b or _side_ok(b)):
            continue
        out += [m.span("a"), m.span("b")]
    return out


_INITIAL_BEFORE = re.compile(r"(?<![A-Za-z])[A-Z][a-z]{0,3}\.[ \t]?\Z")


def initial_start(text: str, start: int) -> int:
    """Where a Latin name starts once an initial or an abbreviated given name before it is counted ("Md. Karim",
    "J. Smith")."""
    m = _INITIAL_BEFORE.search(text, max(0, start - 6), start)
    return m.start() if m is not None and text[start:start + 1].isupper() else start

"""A learned character tagger beside the masking rules: it finds what the rules' families miss.

Rules written family by family (``ingest.pii_patterns`` …) do well on texts like those they were written
against and miss other writers' forms (a name before "(45세, 남)", a birth date in an unusual layout, 동·호수
after an address). This module labels every character of a text with a personal-data type or ``O`` using
a linear-chain CRF (python-crfsuite) trained by ``eval/pii_train.py`` on hand-annotated citizen texts.

Features of a character: itself, its class (Hangul syllable, jamo, digit, Latin, Hangul numeral word,
space, punctuation), the characters and classes ±3 around it and n-grams over them, the shape and digit
count of the number it is part of, label words nearby (성명, 연락처, 주소, 생년월일, 카드, 계좌 …), the Kiwi
part-of-speech tag of the morpheme holding it, surname/given-name syllable tables, and the span a rule
found there (type, role, whether the policy kept it): the model learns when to trust and extend a rule.

The model file (``pii_crf.model`` next to this module; ``DASAN_PII_MODEL`` names another file, ``off``
disables it) loads once per process on first use. Without it masking is rules only, with one warning.
"""
from __future__ import annotations

import logging
import os
import re
import threading
from pathlib import Path

from ingest.pii_layout import column_kinds, previous_line_kinds

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).with_name("pii_crf.model")
_KNUM = frozenset("공영일이삼사오육륙칠팔구십백천")
_SPACE = frozenset(" \t\u00a0\u3000")
_DIGITS = re.compile(r"[0-9](?:[ .\-‑–—·)(/_*]{0,3}[0-9*])*")
_KNUM_RUN = re.compile(r"[공영일이삼사오육륙칠팔구](?:[ \-.]?[공영일이삼사오육륙칠팔구]){3,}")
# Label words by what they announce; a character learns which ones stand shortly before or after it.
_CUES = {
    "NAME": r"성명|이름|성함|민원인|신청인|청구인|신고인|작성자|대리인|보호자|납세자|예금주|본인|저는|제가|수신|발신|보낸\s?사람|받는\s?사람|"
            r"피해자|가해자|환자|학생|아들|딸|남편|아내|어머니|아버지|엄마|아빠|할머니|할아버지|씨|님|귀하|드림|올림|배상",
    "PHONE": r"연락처|전화|휴대폰|핸드폰|휴대전화|폰|번호|전번|HP|H\.P|Tel|TEL|tel|Mobile|mobile|연락|문자|카톡",
    "ADDR": r"주소|거주|사는|살고|주소지|소재지|우편|우\)|도로명|지번|번지|동\s?\d|호수|층|아파트|빌라|오피스텔",
    "BIRTH": r"생년월일|생일|출생|태어|생\)|년생|D\.?O\.?B|Birth|birth",
    "RRN": r"주민등록번호|주민번호|주민등록|주민|뒷자리|앞자리",
    "ARN": r"외국인등록|외국인번호|등록증",
    "CARD": r"카드|신용|체크|결제",
    "ACCOUNT": r"계좌|은행|뱅크|농협|신협|새마을금고|우체국|입금|송금|환불|예금",
    "BRN": r"사업자|등록번호|법인",
    "PASSPORT": r"여권|Passport|passport",
    "LICENSE": r"면허",
    "EMAIL": r"메일|e-?mail|E-?mail|이메일|전자우편",
    "PLATE": r"차량|차번호|번호판|차주|승용차|화물차|오토바이",
    "IP": r"IP|아이피|접속",
    "STAFF": r"주무관|담당자|담당|팀장|과장|계장|주사|공무원|처리자|답변자|상담원|직원|경위|경사|순경|소속|센터장|국장",
    "PLACE": r"주차장|공원|시장|센터|학교|병원|교회|마트|역|터미널|공단|공사|청|사무소",
}
_CUE_RE = re.compile("|".join(f"(?P<{k}>{v})" for k, v in _CUES.items()))
_BEFORE, _AFTER = 24, 8
_CELL_END = frozenset("\t|┃│")  # table cells: a value never runs into the next one
# Patterns used on every call, compiled once (the rules' many patterns overflow re's own cache).
_NUM_RUN = re.compile(r"[0-9*]+")
_LATIN_RUN = re.compile(r"[A-Za-z]+")
_HANGUL_RUN = re.compile(r"[가-힣]+")
_NONSPACE = re.compile(r"\S+")
_BORN_AFTER = re.compile(r"[ \t]*\)?[ \t]*(?:생|년생|출생|태어)")
_NON_DIGIT = re.compile(r"\D")
_PHONE_START = re.compile(r"[(\[]?\s*(?:0|\+|공|영|1[5-9]\d\d)")
_IPV4 = re.compile(r"\d{1,3}(?:\.(?:\d{1,3}|\*{1,3})){3}")
_HANGUL_ANY = re.compile(r"[가-힣]*")
_LATIN = re.compile(r"[A-Za-z]")
_HANGUL = re.compile(r"[가-힣]")
_RECENT_YEAR = re.compile(rf"(?<!\d)(?:{'|'.join(str(y) for y in range(2023, 2031))})(?!\d)")


def char_class(c: str) -> str:
    if "가" <= c <= "힣":
        return "H"
    if "ㄱ" <= c <= "ㅣ":
        return "J"
    if "0" <= c <= "9":
        return "D"
    if c.isascii() and c.isalpha():
        return "U" if c.isupper() else "L"
    if c in _SPACE:
        return "S"
    if c == "\n":
        return "N"
    if "\u4e00" <= c <= "\u9fff":
        return "C"
    return "P"


def _shape(s: str) -> str:
    """"010-1234-5678" → "3-4-4"; runs of letters become a, of Hangul 가."""
    out = _NUM_RUN.sub(lambda m: str(min(len(m.group()), 9)), s)
    out = _LATIN_RUN.sub("a", out)
    return _HANGUL_RUN.sub("가", out)[:16]


def _surname_tables():
    from ingest.pii_bare import GIVEN_WEIGHT, _ALL_SURNAMES
    return frozenset(_ALL_SURNAMES), GIVEN_WEIGHT


def features(text: str, rule_spans: list[tuple[str, str, int, int, bool]], tokens, shapes: bool = False) -> list[list[str]]:
    """One feature list per character. ``rule_spans``: (type, role, start, end, kept) of the rules' finds;
    ``tokens``: Kiwi tokens (``form``, ``tag``, ``start``, ``len``) over ``text``; ``shapes``: add
    ``ingest.pii_crf_shapes``' spelling-blind number shapes."""
    n = len(text)
    surnames, given = _surname_tables()
    cls = [char_class(c) for c in text]
    norm = ["0" if k == "D" else ("_" if k in "SN" else c) for c, k in zip(text, cls)]
    feats: list[list[str]] = [[] for _ in range(n)]
    # the number each digit is part of: digit count, groups, shape, place in it
    for m in _DIGITS.finditer(text):
        digits = sum(ch.isdigit() or ch == "*" for ch in m.group())
        groups = len(_NUM_RUN.findall(m.group()))
        shape = _shape(m.group())
        for i in range(m.start(), m.end()):
            feats[i] += [f"nd={min(digits, 20)}", f"ng={min(groups, 6)}", f"sh={shape}"]
        feats[m.start()].append("n0")
        feats[m.end() - 1].append("n9")
    for m in _KNUM_RUN.finditer(text):
        for i in range(m.start(), m.end()):
            feats[i].append(f"kr={min(m.end() - m.start(), 14)}")
    # the whitespace word each character is in: its shape and the character's place in it
    for m in _NONSPACE.finditer(text):
        shape = _shape(m.group())
        ln = m.end() - m.start()
        for i in range(m.start(), m.end()):
            feats[i] += [f"ws={shape}", f"wl={min(ln, 12)}", f"wp={min(i - m.start(), 4)}", f"we={min(m.end() - 1 - i, 4)}"]
    # label words before (within _BEFORE, same line or the line before) and after
    cues = [(m.lastgroup, m.start(), m.end()) for m in _CUE_RE.finditer(text)]
    for kind, s, e in cues:
        for i in range(e, min(n, e + _BEFORE)):
            feats[i].append(f"kb={kind}")
            if i - e < 6:
                feats[i].append(f"kb6={kind}")
        for i in range(max(0, s - _AFTER), s):
            feats[i].append(f"ka={kind}")
    # layout: the header of the table column a character stands in; label words on the line before
    for i, kind in column_kinds(text, _CUE_RE).items():
        feats[i].append(f"hc={kind}")
    for i, kinds in previous_line_kinds(text, _CUE_RE).items():
        feats[i] += [f"kpl={k}" for k in kinds]
    # Kiwi: the morpheme holding the character, and the morphemes either side
    for k, t in enumerate(tokens):
        prev_tag = tokens[k - 1].tag if k else "^"
        next_tag = tokens[k + 1].tag if k + 1 < len(tokens) else "$"
        for i in range(t.start, min(n, t.start + t.len)):
            feats[i] += [f"p={t.tag}", f"p={t.tag}:{'B' if i == t.start else 'I'}", f"pp={prev_tag}", f"pn={next_tag}",
                         f"pl={min(t.len, 5)}"]
    # the rules' finds
    for typ, role, s, e, kept in rule_spans:
        for i in range(s, min(e, n)):
            pos = "B" if i == s else ("E" if i == e - 1 else "I")
            feats[i] += [f"r={typ}", f"r={typ}:{pos}", f"rr={role}", f"rk={int(kept)}"]
        for d in (1, 2):
            if s - d >= 0:
                feats[s - d].append(f"r+{d}={typ}")
            if e - 1 + d < n:
                feats[e - 1 + d].append(f"r-{d}={typ}")
    for i in range(n):
        c, k = text[i], cls[i]
        f = feats[i]
        f += ["b", f"c={norm[i]}", f"k={k}"]
        if c in _KNUM:
            f.append("kn")
        if c in surnames:
            f.append("sur")
        g = given.get(c)
        if g:
            f.append(f"gv={g}")
        for d in (-3, -2, -1, 1, 2, 3):
            j = i + d
            f.append(f"c{d}={norm[j] if 0 <= j < n else '#'}")
            f.append(f"k{d}={cls[j] if 0 <= j < n else '#'}")
        lo, hi = max(0, i - 2), min(n, i + 3)
        f.append("kw=" + "".join(cls[lo:hi]))
        f.append("c-10=" + "".join(norm[max(0, i - 1):i + 1]))
        f.append("c01=" + "".join(norm[i:i + 2]))
        f.append("c-21=" + "".join(norm[max(0, i - 2):i + 1]))
        f.append("c02=" + "".join(norm[i:i + 3]))
        f.append("c-11=" + "".join(norm[max(0, i - 1):i + 2]))
    if shapes:
        from ingest.pii_crf_shapes import shape_features
        shape_features(text, cls, feats, cues)
    return feats


def decode(text: str, labels: list[str]) -> list[tuple[str, int, int]]:
    """Runs of one type, trimmed of spaces and punctuation at either end."""
    spans = []
    i, n = 0, len(labels)
    while i < n:
        if labels[i] == "O":
            i += 1
            continue
        j = i
        while j < n and labels[j] == labels[i] and text[j] not in _CELL_END:
            j += 1
        if j == i:  # a cell boundary the model labelled: never part of a span
            i += 1
            continue
        s, e = i, j
        while s < e and not text[s].isalnum():
            s += 1
        while e > s and not (text[e - 1].isalnum() or text[e - 1] in ")*"):
            e -= 1
        if e - s >= 2:
            spans.append((labels[i], s, e))
        i = j
    return spans


def _tokens(text: str):
    from ingest.pii_names import _tokenize
    return _tokenize(text) if text.strip() else []


_PHONE_CHARS = re.compile(r"[0-9공영일이삼사오육칠팔구Oo]")
_EMAIL_MARK = re.compile(r"@|\[?\(?\s*(?:at|AT|골뱅이)\s*\)?\]?")
# Numbers that name a thing, not a person: after these a number the model found alone is left alone.
_NOT_PERSONAL = re.compile(r"(?:접수|신청|일련|주문|송장|운송장|민원|사건|관리|고객|회원|모델|제품|문서|증권|공고|고시|허가|신고|처리|등기|"
                           r"차대|계약|품목|상품|좌석|객실|구획|사번|학번|수험)[ \t]*번호[^0-9\n]{0,6}$|(?:SN|S/N|No\.?|NO\.?)[ \t:]*$")
# Which label words must stand before (within 30 characters) a value of these types that the model found alone.
_NEEDS_CUE = {"rrn": ("RRN", "ARN", "BIRTH"), "arn": ("ARN", "RRN"), "card": ("CARD",), "brn": ("BRN", "FIRM"),
              "account": ("ACCOUNT",), "passport": ("PASSPORT",), "driver_license": ("LICENSE",), "ip": ("IP",)}
_FIRM = re.compile(r"(?P<FIRM>\(주\)|㈜|주식회사|상호|업체|법인|사업장|개인사업)")
_DATE_LABEL = re.compile(r"(?:신청|접수|방문|변경|작성|발급|처리|계약|입주|전입|사고|공포|시행|회신|예약|점검|납부|마감)[ \t]*일|일시|날짜|기간|까지|부터")
_DATE_AFTER = re.compile(r"[ \t.]*(?:방문|접수|신청|예약|처리|작성|상담|통화|내원|입원|퇴원|사고|발생|까지|부터|~)")
# The least count of digits (or * hiding them) a value of these types has.
_MIN_DIGITS = {"rrn": 6, "arn": 6, "card": 12, "brn": 10, "account": 8, "passport": 7, "driver_license": 10, "ip": 4}
_PLACE_PART = re.compile(r"[가-힣]+(?:특별시|광역시|시|군|구|동|읍|면|리|로|길)(?![가-힣])|[가-힣]+(?:로|길)[ \t]?\d|\d+번길")
_ADDR_CUE = re.compile(r"주소|거주|사는|살고|살아|이사|주소지|소재지|우편|\(우\)")


def _cue_before(text: str, start: int, kinds: tuple[str, ...], reach: int = 30) -> bool:
    lo = max(0, start - reach)
    return any(m.lastgroup in kinds for m in _CUE_RE.finditer(text, lo, start)) or (
        "FIRM" in kinds and _FIRM.search(text, lo, start) is not None)


_GAPS: dict[str, re.Pattern] = {}


def _after_name(text: str, start: int, name_ends: list[int], between: str = r"[ \t(/,:]*") -> bool:
    """Right after a name, only separators between: "신청자: 유하람 / 9201052345677"."""
    gap = _GAPS.setdefault(between, re.compile(between))
    return any(0 <= start - e <= 6 and gap.fullmatch(text, e, start) for e in name_ends)


def _birth_evidence(text: str, start: int, end: int, name_ends: list[int]) -> bool:
    """A date is a birth date after a birth label (no other date label between), before 생, or right after a name."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 30):start]
    cues = [m for m in _CUE_RE.finditer(before) if m.lastgroup == "BIRTH"]
    if cues and not _DATE_LABEL.search(before, cues[-1].end()):
        return True
    if _BORN_AFTER.match(text[end:end + 5]) or column_kinds(text, _CUE_RE).get(start) == "BIRTH":
        return True  # "1990.1.2생"; a table's 생년월일 column
    if "BIRTH" in previous_line_kinds(text, _CUE_RE).get(start, ()) and len(text[line_start:start]) <= 12:
        return True  # the answer line after "생년월일 여덟 자리 입력해 주세요"
    if _DATE_AFTER.match(text, end):
        return False  # "(2024.05.03 방문)"
    if _RECENT_YEAR.search(text, start, end):
        return False  # "표성훈 2024.11.20 010-… 방문": a recent date after a name is a record's, not a birth
    return _after_name(text, start, name_ends, r"(?:입니다|이에요|예요|이고|이며)?[ \t(]*")  # "첫째 나윤슬 2019. 11. 8"; "허동원, 2024.03.02": a visit


def plausible(text: str, typ: str, start: int, end: int, name_ends: list[int] = ()) -> bool:
    """Whether a span the model found alone carries the evidence a value of its type needs: its shape, and
    for numbers that only a label tells apart (cards, accounts, 사업자번호 …) the label before it."""
    from ingest.pii_checks import rrn_date_ok
    from ingest.pii_patterns import PROTECTED
    value = text[start:end]
    digits = sum(c.isdigit() for c in value)
    if typ == "name":
        return _name_plausible(value) and _name_word_ends(text, end)
    if typ == "plate" and not _PLATE.fullmatch(value):
        return False
    if _NOT_PERSONAL.search(text, max(0, start - 24), start):
        return False
    if typ != "birth_date" and any(m.start() < end and start < m.end()
                                   for m in PROTECTED.finditer(text, max(0, start - 40), min(len(text), end + 40))):
        return False  # a law's number, an article, a date, an amount
    if typ in _NEEDS_CUE and not _cue_before(text, start, _NEEDS_CUE[typ]) and not (
            typ in ("rrn", "arn") and _after_name(text, start, list(name_ends)) and rrn_date_ok(_NON_DIGIT.sub("", value))):
        return False
    if sum(c.isdigit() or c == "*" for c in value) < _MIN_DIGITS.get(typ, 0):
        return False
    if typ == "email":
        return _EMAIL_MARK.search(value) is not None
    if typ == "phone":  # Korean numbers start with 0 (or +82, 공, 영, 1588 …)
        return len(_PHONE_CHARS.findall(value)) >= 8 and _PHONE_START.match(value) is not None
    if typ == "address":
        return len(value) >= 4 and digits > 0 and (_PLACE_PART.search(value) is not None or _ADDR_CUE.search(
            text, max(0, start - 20), start) is not None)
    if typ == "ip":
        return _IPV4.fullmatch(value) is not None
    if typ == "birth_date":  # no code of letters and digits ("모델명 RB-1234")
        return (digits >= 4 or len(value) >= 6) and not _LATIN.search(value) and _birth_evidence(text, start, end, list(name_ends))
    return digits >= 4


_LATIN_NOT_NAME = re.compile(r"(?i)\b(?:city|hall|office|center|centre|bank|street|road|korea|district|station|"
                             r"hospital|school|company|ministry|police|court|center|service|team|manager|director|officer|engineer|"
                             r"designer|project|department|english|korean|chinese|vietnamese|japanese|covid)\b")
_PLATE = re.compile(r"(?:[가-힣]{2}[ \t]?)?\d{2,3}[ \t]?[가-힣][ \t]?\d{4}")
_BUILDING = re.compile(r"빌라|아파트|빌딩|맨션|타워|오피스텔|하이츠|캐슬|빌리지|타운|마을|상가|센터|[시구군도]청$|경찰서|소방서|세무서|보건소")


def _name_word_ends(text: str, end: int) -> bool:
    """What follows a name in its word is a particle, the copula or an honorific ("…이가", "…씨한테"), not more
    of a word ("이정숙헤어살롱": a shop)."""
    from ingest.pii_bare import _TAIL
    rest = _HANGUL_ANY.match(text[end:end + 12]).group()
    return not rest or rest in _TAIL or any(len(t) >= 2 and rest.startswith(t) for t in _TAIL)


_PARTICLE = re.compile(r"(?:은|는|이|가|을|를|의|도|과|와|께|님|씨)$")


def _name_plausible(value: str) -> bool:
    """A model-found name: no digits, Latin words capitalised and no place's, a Hangul word no dictionary word."""
    from ingest.pii_bare import FAMOUS
    from ingest.pii_names import STOPWORDS, dictionary_word
    if any(c.isdigit() or c == "_" for c in value) or value in FAMOUS:
        return False
    if _BUILDING.search(value) or (_LATIN.search(value) and _HANGUL.search(value)):
        return False  # "한울빌라", "KB국민카드"
    if _LATIN.search(value):  # not one short capitalised code ("KAZ", "USA")
        return all(w[0].isupper() for w in value.split()) and not _LATIN_NOT_NAME.search(value) and not (
            " " not in value and value.isupper() and len(value) <= 3)
    if _HANGUL_RUN.fullmatch(value):
        if len(value) > 5:
            return False  # one word longer than any name: a shop, a brand ("…헤어살롱")
        stem = _PARTICLE.sub("", value) if len(value) > 2 else value
        if len(value) == 3 and value[2] in "서증표권장부록" and dictionary_word(value[:2]):
            return False  # a document: "선정+서", "확인+증"
        return not any(w in STOPWORDS or dictionary_word(w) for w in {value, stem})
    return True


class Tagger:
    """A trained CRF over ``features``; a span it finds alone counts only above ``min_confidence``."""

    def __init__(self, path: str | Path, min_confidence: float = 0.4):
        import pycrfsuite
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))
        self.shapes = any(a.startswith("x3=") for a in self._tagger.info().attributes)  # trained with them
        self._lock = threading.Lock()
        self.min_confidence = min_confidence

    def spans(self, text: str, rule_spans) -> list[tuple[str, int, int, bool]]:
        """(type, start, end, sure): ``sure`` when the mean marginal of its label passes ``min_confidence``
        and the value is plausible for its type (a span that only widens a rule's needs neither)."""
        if not text:
            return []
        feats = features(text, rule_spans, _tokens(text), self.shapes)
        with self._lock:  # one pycrfsuite tagger is not safe to share between threads
            labels = self._tagger.tag(feats)
            found = decode(text, labels)
            conf = [sum(self._tagger.marginal(t, i) for i in range(s, e)) / (e - s) for t, s, e in found]
        name_ends = [e for t, _, s, e, *_ in rule_spans if t == "name"] + [e for t, s, e in found if t == "name"]
        return [(t, s, e, c >= self.min_confidence and plausible(text, t, s, e, name_ends)) for (t, s, e), c in zip(found, conf)]


_loaded: dict[str, Tagger | None] = {}
_load_lock = threading.Lock()


def model_path() -> Path | None:
    value = os.environ.get("DASAN_PII_MODEL")
    if value is not None and value.strip().lower() in ("", "off", "none", "0"):
        return None
    return Path(value) if value else MODEL_PATH


def get_tagger() -> Tagger | None:
    """The process's tagger, loaded on first use; None (rules only, warned once) when there is no model."""
    path = model_path()
    key = str(path)
    if key in _loaded:
        return _loaded[key]
    with _load_lock:
        if key not in _loaded:
            tagger = None
            if path is None:
                log.info("personal-data model disabled (DASAN_PII_MODEL=off): masking with rules only")
            elif not path.is_file():
                log.warning("personal-data model %s not found: masking with rules only", path)
            else:
                try:
                    tagger = Tagger(path)
                except Exception as e:  # a damaged file or a missing python-crfsuite: rules still mask
                    log.warning("personal-data model %s could not be loaded (%s): masking with rules only", path, e)
            _loaded[key] = tagger
    return _loaded[key]

"""The parts of an indexed title: where (place or issuer), who (addressee, organ, legal form) and what.

A Korean legal title names its jurisdiction ("연천군 …", "다산시 …"), often its issuer or addressee
("국민권익위원회 …", "공무원 …", "지방공무원 …") and its legal form ("… 시행규칙", "… 에 관한 조례",
"… 운영규정"); only the rest says what it governs (정보공개, 징계, 고충, 대관, 액화석유가스). A question
that shares only a place or an addressee with the titles (공무원 연금, 연천 관광) is not about a
subject the index holds, so rag/abstain_evidence.py counts subject words apart from the others.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

# Region suffixes of a jurisdiction at a title's start (연천군, 파주시, 경기도, 서울특별시).
_REGION = re.compile(r"^([가-힣]{2,}?)(특별자치시|특별자치도|특별시|광역시|도|시|군|구)$")
# Top-level regions also written without their suffix at a title's start.
REGIONS = frozenset("서울 부산 대구 인천 광주 대전 울산 세종 경기 강원 충북 충남 전북 전남 경북 경남 제주".split())
# An issuing organ at a title's start (국민권익위원회 …, 행정안전부 …, 국세청 …).
_ISSUER = re.compile(r"^[가-힣]{2,}(위원회|부|처|청|공단|공사|재단)$")
# Addressees and organs: who a rule binds or who runs it, not what it is about.
ROLE = ("지방공무원", "공무원", "공직자", "공공기관", "행정기관", "기관", "직원", "위원회", "위원")
# The legal form and the connective words of titles (one alternation, longest first; 법·령·등 only
# where they end a word: 도로법, 징계령, 범위등에 — not 법인, 등록).
_FORM = re.compile("|".join([
    "시행규칙", "시행세칙", "시행령", "에\\s?관한", "에\\s?대한", "에\\s?의한", "관한", "대한", "의한",
    "법률", "규칙", "규정", "조례", "지침", "기준", "예시", "표준", "별표", "훈령", "예규", "고시",
    "처리", "운영", "관리", "구성", "범위", "특례", "및", "등(?=[에의]|$)", "법$", "(?<![강명요훈])령$"]))
_ROLE = re.compile("|".join(sorted(ROLE, key=len, reverse=True)))
_SPLIT = re.compile(r"[\s,ㆍ·()「」]+")
_ASCII = re.compile(r"^[0-9A-Za-z의]+$")


@dataclass
class TitleParts:
    place: set[str] = field(default_factory=set)  # jurisdiction and its stem (연천군, 연천)
    role: set[str] = field(default_factory=set)  # issuer and addressees (공무원, 국민권익위원회, 위원회)
    form: set[str] = field(default_factory=set)  # legal form, connectives and codes (조례, 시행규칙, 관한, kgs)
    subject: list[str] = field(default_factory=list)  # what the title governs (정보공개, 징계)


def _fragments(token: str, parts: TitleParts) -> None:
    """Split one word of a title on role and form pieces; the rest (particles 의/에 trimmed) is subject."""
    pieces = re.split(f"({_ROLE.pattern})", token)
    for i, piece in enumerate(pieces):
        if i % 2:
            parts.role.add(piece)
            continue
        pos = 0
        for m in _FORM.finditer(piece):
            _subject(piece[pos:m.start()], parts)
            if m.group():
                parts.form.add(m.group().replace(" ", ""))
            pos = m.end()
        _subject(piece[pos:], parts)


def _subject(frag: str, parts: TitleParts) -> None:
    frag = frag.strip()
    while frag[:1] in ("의", "에") and len(frag) > 2:
        frag = frag[1:]
    while frag[-1:] in ("의", "에") and len(frag) > 2:
        frag = frag[:-1]
    if len(frag) >= 2 and frag not in ("의", "에"):
        parts.subject.append(frag)


@lru_cache(maxsize=4096)
def split_title(title: str) -> TitleParts:
    """Place, role, form and subject words of one title (lower-cased; codes such as KGS FU431 are form)."""
    parts = TitleParts()
    tokens = [t for t in _SPLIT.split((title or "").lower()) if t]
    for i, tok in enumerate(tokens):
        m = _REGION.match(tok)
        if i == 0 and (m or tok in REGIONS) and not _FORM.search(tok):
            parts.place |= {tok, m.group(1)} if m else {tok}
        elif i == 0 and _ISSUER.match(tok) and not tok.endswith("법"):
            parts.role.add(tok)
        elif _ASCII.match(tok) or tok.isdigit():
            parts.form.add(tok)
        else:
            _fragments(tok, parts)
    return parts


@dataclass
class Vocabulary:
    """The words of all indexed titles by part: subject text (searched by substring, as compounds are
    split differently in context), and the place and role words."""
    subject: str = ""
    place: frozenset = frozenset()
    role: frozenset = frozenset()
    fragments: frozenset = frozenset()  # the subject words themselves


@lru_cache(maxsize=8)
def vocabulary(titles: tuple[str, ...]) -> Vocabulary:
    subject: list[str] = []
    place: set[str] = set()
    role: set[str] = set()
    for t in titles:
        p = split_title(t)
        subject += p.subject
        place |= p.place
        role |= p.role
    return Vocabulary("\n".join(dict.fromkeys(subject)), frozenset(place), frozenset(role), frozenset(subject))


def subject_word(word: str, vocab: Vocabulary, context: str = "") -> bool:
    """Whether a question word is (or, its form words taken off, holds) a subject word of the titles:
    보호법 → 보호; substring match, as Kiwi splits compounds differently in context. With ``context``
    (the question), a word that is only part of a subject word (정보 of 정보공개, 개인 of 개인정보) counts
    only where the question writes it inside that compound (기초생활, 개인정보 — not 개인적으로)."""
    w = word.lower()
    if w in vocab.fragments:
        return True
    if _in(w, vocab.subject):
        return not context or _in_compound(w, context.lower().replace(" ", ""), vocab.subject)
    parts = split_title(w)
    return not parts.place and any(_in(f, vocab.subject) for f in parts.subject if f != w)


def _in_compound(word: str, text: str, subject: str, extend: int = 2) -> bool:
    """Some occurrence of ``word`` in ``text``, extended by ``extend`` characters to the left or the
    right, is written in ``subject``; a word the text does not hold (a verb's lemma) passes."""
    found, i = False, text.find(word)
    while i >= 0:
        found = True
        left, right = text[max(0, i - extend):i + len(word)], text[i:i + len(word) + extend]
        if len(left) > len(word) and left in subject or len(right) > len(word) and right in subject:
            return True
        i = text.find(word, i + 1)
    return not found


def _in(word: str, text: str) -> bool:
    stem = word[:-1] if word.endswith("다") and len(word) > 2 else word
    return len(stem) >= 2 and stem in text


def who_word(word: str, vocab: Vocabulary) -> bool:
    """Whether a question noun names a place or an addressee of the titles (연천, 연천군, 공무원,
    지방공무원) rather than a subject."""
    w = word.lower()
    if w in vocab.place or w in vocab.role or any(w.startswith(p) for p in vocab.place if len(p) >= 2):
        return True
    return any(r in vocab.role for r in _ROLE.findall(w)) and not split_title(w).subject


def generic_word(word: str) -> bool:
    """A legal-form, connective or addressee word of titles (처리, 기준, 운영, 위원회, 공무원): it names
    no subject whatever heading it appears in."""
    w = word.lower()
    return bool(_FORM.fullmatch(w) or _ROLE.fullmatch(w)) or w in ROLE

"""Heading subject evidence for rag/abstain.py: a question noun that names the heading of a unit the
question is semantically closest to.

Titles say what a document governs (rag/abstain_titles.py), but another author's question often names
only what one *article* is about: CCTV (고정형 영상정보처리기기의 설치ㆍ운영 제한), 생활비 (생계급여의
내용 등), 주민번호 (주민등록번호 처리의 제한), 외부강의 (외부강의등의 사례금 수수 제한), 퇴직한 선배
(퇴직자와의 사적 접촉의 신고). Such a noun is subject evidence when

- the heading belongs to one of the first ``DEPTH`` dense neighbours: the units closest in meaning, not
  any unit that shares a word (the lexical top-10 always holds the question's words in its headings);
- it matches a whole noun compound of the heading (Kiwi: adjacent nouns written together), either as
  the compound the question writes (실업급여 names no heading 급여의 결정; 생계급여 names 생계급여의 내용),
  or through a glossary term for it (CCTV → 영상정보처리기기, 주민번호 → 주민등록번호);
- the compound is no legal-form or addressee word of titles (처리, 기준, 위원회) and no act or attribute
  that any heading may carry (신청, 발급, 자격, 시험, 기간, 급여 alone; ``ACTS``) or penalty clause every
  law has (벌칙, 과태료; ``PENALTY``);
- where the noun matches alone (not as a longer compound of the question or a glossary term), it is not
  among the commonest words of the index (a noun that ``DF_CAP`` units or more hold says little about
  which subject is asked; rag/abstain_evidence.py computes that count).
"""
from __future__ import annotations

from functools import lru_cache

from rag import tokenize
from rag.abstain_titles import generic_word

DEPTH = 3  # dense neighbours whose headings are read
_NOUNISH = {"NNG", "NNP", "SL", "XR", "SH"}
# Acts and attributes that headings of any subject carry (…의 신청, …의 발급, …의 기간): written from the
# shape of Korean statute headings, not from any question.
ACTS = frozenset("""
신청 신청서 신고 발급 재발급 설치 절차 등록 허가 제출 납부 변경 연기 지급 사용 이용 제한 조치 계산 대상 대상자 자격
자격증 검사 시험 교육 지원 제도 부과 기한 기간 통지 결정 요구 감면 접수 보관 업무 방법 범위 결과 의무 실시 적용
확인 제공 공제 선임 반환 취소 지정 정지 위임 위탁 보고 징수 평가 승인 심사 조사 작성 보존 발송 제기 청구 첨부서류
서류 서식 비용 금액 수수료 급여 기록 자료 협조 협의 운영 관리 처리 기준 구성 시행 안전 안전관리 안전성 사항 내용
종류 효력 특례 예외 원칙 목적 정의 준수 준수사항 금지
""".split())
# Penalty clauses that every law has: a question about a fine is not thereby about an indexed subject.
PENALTY = frozenset("벌칙 과태료 과징금 벌금 처벌 양벌규정 통고처분 범칙금 범칙행위".split())


@lru_cache(maxsize=4096)
def compounds(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Noun compounds of ``text`` (lower case): runs of nouns written together, a prefix (피-, 비-)
    joined, with their parts; a derivational suffix (-화, -자) gives the compound with it too
    (개인정보의 암호화 → 개인정보, 암호, 암호화)."""
    tokens = tokenize.tokens(text)
    out: list[tuple[str, tuple[str, ...]]] = []
    run: list[str] = []
    end = -1

    def close(suffix: str = "") -> None:
        if run:
            parts = tuple(p.lower() for p in run)
            out.append(("".join(parts), parts))
            if suffix:
                out.append(("".join(parts) + suffix.lower(), parts))

    for t in tokens:
        tag = t.tag.split("-")[0]
        if tag in _NOUNISH or tag == "XPN":
            if run and t.start != end:
                close()
                run = []
            run.append(t.form)
            end = t.start + t.len
        elif tag == "XSN" and run and t.start == end:
            close(t.form)
            run, end = [], -1
        else:
            close()
            run, end = [], -1
    close()
    return tuple(out)


def heading_words(headings: list[str]) -> frozenset[str]:
    """The noun compounds of the given headings that may name a subject (no form, act or penalty word)."""
    return frozenset(c for h in headings if h for c, _ in compounds(h) if not generic_heading_word(c))


def generic_heading_word(word: str) -> bool:
    """A heading word that names no subject: legal form, addressee, act, attribute or penalty, or a
    compound of such words only (납부기한, 신고방법, 적용대상)."""
    w = word.lower()
    if len(w) < 2 or _generic_part(w):
        return True
    found = compounds(w)
    return len(found) == 1 and len(found[0][1]) > 1 and found[0][0] == w and all(map(_generic_part, found[0][1]))


def _generic_part(w: str) -> bool:
    return w in ACTS or w in PENALTY or generic_word(w)


def question_forms(word: str, question: str) -> set[str]:
    """How the question writes ``word``: the compounds of the question that hold it as a part (생계급여
    for 생계), or the word itself where the question writes it alone."""
    w = word.lower()
    return {c for c, parts in compounds((question or "").lower()) if w in parts or w == c}


def names_heading(word: str, question: str, terms: list[str], heads: frozenset[str]) -> str:
    """The heading compound that ``word`` names (as the question writes it, or one of its glossary
    ``terms``), or ""."""
    forms = question_forms(word, question) | {t.lower().replace(" ", "") for t in terms}
    return next((f for f in sorted(forms) if f in heads and not generic_heading_word(f)), "")

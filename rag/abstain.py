"""Whether a question is answerable from the index: evidence beyond one dense cosine.

Long questions push the best dense cosine up whatever they are about, and a preamble ("신규 직원인데")
or a colloquial word ("환불" for 사용료의 반환) pulls it down. The decision therefore combines:

- ``dense``: cosine of the best dense neighbour (legal sources only);
- ``coverage``: share of the question's content words found in the top hits (title, heading, text);
- ``known``: share of those words found anywhere in the index (words the index has never seen are the
  clearest sign of a subject it does not hold: 양도소득세, 입영, 문화재);
- ``agreement``: whether the lexical and the dense rankings agree on the top units;
- ``named``: the question names a law, article or code that was found.

The thresholds are calibrated on half of ``eval/sets/abstain_dev.jsonl`` (eval/abstain.py) and checked on
the other half and on real questions whose subject is not indexed (eval/README.md).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from rag import tokenize
from rag.hits import Hit
from rag.index.base import QueryFilter
from rag.model import normalize_title

# Words of asking, greeting and introducing oneself: never evidence for or against a subject.
FILLER = frozenset("""
문의 질문 질의 궁금 궁금하다 안녕 안녕하다 감사 감사하다 수고 답변 부탁 부탁드리다 드리다 주다 알다 싶다
어떻다 무엇 뭐 뭘 어디 언제 얼마 가능 가능하다 방법 제 저 저희 우리 요 혹시 좀 그냥 되다 하다 있다 없다
않다 같다 보다 말씀 여쭈다 신규 직원 주무관 발령 처음 새로 이번 최근 지금 오늘 맡다 근무 일주일 다름 아니다
바쁘다 죄송 죄송하다 확인 내용 관련 사항 문제 어떤 알려주다 싶다 려고 거 건 때문 경우 정도 번
""".split())
BEST_OF = 5  # hits searched for the single best coverage
DF_CAP = 50
_CONTENT_TAGS = {"NNG", "NNP", "SL", "XR", "VV", "VA"}


@dataclass
class Evidence:
    dense: float = 1.0
    coverage: float = 1.0
    known: float = 1.0
    wcover: float = 1.0  # coverage weighted by rarity (log(1 + cap / (1 + units holding the word)))
    wknown: float = 1.0  # the same for "anywhere in the index"
    cover_best: float = 1.0  # weighted coverage by the single best of the top hits
    agreement: float = 1.0
    named: bool = False
    words: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # content words in no top hit
    unknown: list[str] = field(default_factory=list)  # content words nowhere in the index

    @classmethod
    def nothing(cls) -> "Evidence":
        """No hits at all."""
        return cls(dense=0.0, coverage=0.0, known=0.0, wcover=0.0, wknown=0.0, cover_best=0.0, agreement=0.0)

    def to_dict(self) -> dict:
        return {"dense": round(self.dense, 4), "coverage": round(self.coverage, 3), "known": round(self.known, 3),
                "wcover": round(self.wcover, 3), "wknown": round(self.wknown, 3), "cover_best": round(self.cover_best, 3),
                "agreement": round(self.agreement, 3), "named": self.named, "unknown_words": self.unknown}


@dataclass
class Policy:
    """Answer when a named reference was found; otherwise abstain below the dense floor or when the
    question's (rarity-weighted) words are mostly unknown to the index, and answer when the weighted
    score clears ``threshold``. Defaults: calibrated on half A of every evaluation set (eval/abstain.py,
    eval/README.md "Abstention")."""

    dense_floor: float = 0.80
    known_floor: float = 0.0
    dense_mid: float = 0.86
    w_dense: float = 10.0
    w_cover: float = 0.0
    w_best: float = 0.5
    w_known: float = 0.0
    w_agreement: float = 0.5
    threshold: float = 0.368

    def score(self, ev: Evidence) -> float:
        return (self.w_dense * (ev.dense - self.dense_mid) + self.w_cover * ev.wcover + self.w_best * ev.cover_best
                + self.w_known * ev.wknown + self.w_agreement * ev.agreement)

    def decide(self, ev: Evidence) -> tuple[bool, str]:
        if ev.named:
            return True, "named"
        if ev.dense < self.dense_floor:
            return False, "dense"
        if ev.wknown < self.known_floor:
            return False, "unknown_words"
        if self.score(ev) < self.threshold:
            return False, "score"
        return True, "score"


def content_words(question: str) -> list[str]:
    """Distinct content morphemes of the question (no compounds, no fillers), in order."""
    out: list[str] = []
    for form, tag in tokenize.morphemes(question):
        w = form + "다" if tag in ("VV", "VA") else form
        if tag not in _CONTENT_TAGS or w in FILLER or form in FILLER or len(w) < 2 and tag != "SL":
            continue
        if w not in out:
            out.append(w)
    return out


def named_found(resolved, hits: list[Hit]) -> bool:
    """Whether a reference the question names (with its law or code) is among the hits: only then
    does naming vouch for the answer ("제9조" alone, or a law that is not indexed, does not)."""
    if not resolved or not hits:
        return False
    docs = [(normalize_title(h.document.title or ""), normalize_title(h.document.parent_title or ""), h.unit or "")
            for h in hits]
    for ref in resolved.refs:
        if ref.code:
            code = normalize_title(ref.code)
            if any(t.startswith(code) for t, _, _ in docs):
                return True
            continue
        if not ref.title:
            continue
        want = normalize_title(ref.title)
        unit = ref.article or ref.annex
        if any(want in (t, p) and (not unit or u.replace(" ", "").startswith(unit.replace(" ", "")))
               for t, p, u in docs):
            return True
    return False


def _group(p: dict) -> tuple:
    return (p.get("doc_key"), p.get("article") or p.get("annex") or p.get("label"))


def gather(question: str, hits: list[Hit], retriever, index, flt: QueryFilter, named: bool,
           top: int = 3, depth: int = 10) -> Evidence:
    """The evidence for ``question`` given the retriever's ``hits`` (legal sources, filter ``flt``)."""
    ev = Evidence(named=named)
    words = content_words(question)
    ev.words = words
    texts, terms = [], []
    for h in hits[:BEST_OF]:
        text = " ".join(filter(None, [h.document.title, h.document.parent_title, h.unit_title, h.text]))
        texts.append(text.lower())
        terms.append(set(tokenize.terms(text)))
    def holds(i: int, w: str) -> bool:
        return w in terms[i] or _substring(w, texts[i])
    ev.missing = [w for w in words if not any(holds(i, w) for i in range(min(top, len(texts))))]
    titles = "\n".join(retriever.known_titles()).lower()
    # how many units hold each word (capped): rare words say more about the subject than common ones
    df = {w: (DF_CAP if _substring(w, titles) else 0) or _frequency(index, w, flt) for w in words}
    ev.unknown = [w for w in ev.missing if df[w] == 0]
    if words:
        weight = {w: math.log(1 + DF_CAP / (1 + df[w])) for w in words}
        total = sum(weight.values())
        ev.coverage = 1 - len(ev.missing) / len(words)
        ev.known = 1 - len(ev.unknown) / len(words)
        ev.wcover = sum(weight[w] for w in words if w not in ev.missing) / total
        ev.wknown = sum(weight[w] for w in words if df[w] > 0) / total
        ev.cover_best = max((sum(weight[w] for w in words if holds(i, w)) / total for i in range(len(texts))),
                            default=0.0)
    if retriever.embedder is None:
        return ev
    qv = retriever.query_vector(question)
    near = index.nearest(qv, depth, flt)
    ev.dense = float(near[0].score) if near else 0.0
    sparse = tokenize.query_vector(question)
    lexical = index.hybrid(None, (sparse.indices, sparse.values), depth, flt, prefetch=depth) if sparse else []
    dense_groups = [_group(h.payload) for h in near]
    lex_groups = [_group(h.payload) for h in lexical]
    if dense_groups and lex_groups:
        ev.agreement = len(set(dense_groups) & set(lex_groups)) / len(set(dense_groups) | set(lex_groups))
    else:
        ev.agreement = 0.0
    return ev


def _substring(word: str, text: str) -> bool:
    """A noun (or a verb stem of two syllables or more) written inside ``text``: Kiwi splits
    compounds and titles differently in context (대관 in 「…주민공유공간 대관 예시 조례」)."""
    stem = word[:-1] if word.endswith("다") and len(word) > 2 else word
    return len(stem) >= 2 and stem in text


def _frequency(index, word: str, flt: QueryFilter) -> int:
    """How many indexed units (visible under ``flt``) hold ``word`` as a lexical term, up to DF_CAP."""
    sv = tokenize.query_vector_of([word])
    return len(index.hybrid(None, (sv.indices, sv.values), DF_CAP, flt, prefetch=DF_CAP))


def rephrase_hint(ev: Evidence) -> str:
    """A Korean hint shown with the closest passages when the answer is withheld."""
    parts = ["질문을 법령에 쓰이는 말로 바꾸거나(예: 환불 → 반환, 벌금 → 과태료·범칙금) "
             "찾는 법령 이름을 함께 적어 다시 물어보세요."]
    if ev.unknown:
        parts.append("다음 낱말은 색인된 자료 어디에도 없습니다: " + ", ".join(ev.unknown[:6])
                     + " — 이 주제의 법령이 색인되어 있지 않을 수 있습니다.")
    return " ".join(parts)

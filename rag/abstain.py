"""Whether a question is answerable from the index: evidence beyond one dense cosine.

Long questions push the best dense cosine up whatever they are about, and a preamble ("신규 직원인데")
or a colloquial word ("환불" for 사용료의 반환) pulls it down. The decision (``Policy``) therefore combines:

- ``named``: the question names a law, article or code that was found (always answers);
- ``dense``: cosine of the best dense neighbour (legal sources only; below a floor it never answers);
- ``agreement``: how far the lexical and the dense top-10 agree (Jaccard over articles);
- ``nsubject``: share of the question's nouns that are subject words of the indexed titles, directly or
  through the glossary's statute term (액화석유가스 for LPG): whether it asks about a subject the index
  holds. A noun naming only a title's place (연천군), addressee or issuer (공무원, 위원회) or legal form
  (조례, 시행규칙) is not subject evidence (rag/abstain_titles.py);
- ``nhsubject``: the same share where a noun may also name a subject compound of the headings of the
  nearest dense units (CCTV → 영상정보처리기기, 생활비 → 생계급여; rag/abstain_headings.py): another
  author's question often names what one article is about, not what a title is about. Both count: a
  title's subject word weighs more than a heading's.

``ntitle`` (any title word), ``nwho`` (place or addressee only), ``npsubject`` (``nsubject`` with a glossary
phrase covering the noun counting too: "제 정보" → 개인정보) and ``nhead``/``nwhead`` (nouns written in any
retrieved heading) are recorded beside them.

``Evidence`` also carries coverage of the question's words by the hits (all words and nouns only,
rarity-weighted) and the words the index has never seen (for the hint); rag/abstain_evidence.py
gathers it. The weights are a logistic regression fitted on every spent evaluation set of every author
(eval/abstain.py, eval/abstain_fit.py) and validated leaving one author out (eval/README.md "Abstention").
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rag import abstain_evidence as E
from rag import abstain_headings as HD
from rag import abstain_titles as T
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
_CONTENT_TAGS = {"NNG", "NNP", "SL", "XR", "VV", "VA"}
_NOUN_TAGS = {"NNG", "NNP", "SL"}
FEATURES = ("dense", "coverage", "known", "wcover", "wknown", "cover_best", "ncoverage", "nknown", "nwcover",
            "nwknown", "ncover_best", "nlex_best", "ntitle", "nsubject", "npsubject", "nhsubject", "nhsubject_any",
            "nhsubject_log", "nwho", "nhead",
            "nwhead", "agreement", "top_doc_same", "n_words")


@dataclass
class Evidence:
    dense: float = 1.0
    coverage: float = 1.0
    known: float = 1.0
    wcover: float = 1.0  # coverage weighted by rarity (log(1 + cap / (1 + units holding the word)))
    wknown: float = 1.0  # the same for "anywhere in the index"
    cover_best: float = 1.0  # weighted coverage by the single best of the top hits
    ncoverage: float = 1.0  # the same five over nouns only, glossary terms standing in for the noun
    nknown: float = 1.0
    nwcover: float = 1.0
    nwknown: float = 1.0
    ncover_best: float = 1.0
    nlex_best: float = 1.0  # weighted noun coverage by the best unit of the lexical top-10
    ntitle: float = 1.0  # share of the nouns that are words of the indexed titles (or whose glossary terms are)
    nsubject: float = 1.0  # the same for the titles' subject words only (not places, addressees, legal forms)
    npsubject: float = 1.0  # nsubject with glossary phrases covering a noun (제 정보 → 개인정보)
    nhsubject: float = 1.0  # nsubject, or the noun names a subject compound of the nearest units' headings
    nhsubject_any: float = 1.0  # whether any noun is such a subject word (a long letter does not dilute it)
    nhsubject_log: float = 1.0  # log(1 + how many nouns are)
    nwho: float = 0.0  # share of the nouns naming only a place or an addressee of the titles (연천, 공무원)
    nhead: float = 1.0  # share of the nouns that are subject words or named by a retrieved unit's heading
    nwhead: float = 1.0  # rarity-weighted share of the other nouns named by a retrieved heading
    agreement: float = 1.0
    top_doc_same: float = 1.0
    n_words: float = 0.0
    named: bool = False
    words: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # content words in no top hit
    unknown: list[str] = field(default_factory=list)  # content words nowhere in the index

    @classmethod
    def nothing(cls) -> "Evidence":
        """No hits at all."""
        return cls(**{f: 0.0 for f in FEATURES})

    def to_dict(self) -> dict:
        return {f: round(float(getattr(self, f)), 4) for f in FEATURES} | {
            "named": self.named, "unknown_words": self.unknown}


# Logistic weights over the evidence (log-odds that the index answers the question), fitted on every
# spent evaluation set of ten authors together (own, held-out sets 2-8, real gas and all 436 off-domain ACRC
# questions) by eval/abstain.py --calibrate --objective total. nhsubject_any and nhsubject_log (whether, and how
# many, nouns name an indexed subject: not diluted by a long letter) chosen by leave-one-author-out validation,
# 95/796 false abstentions and 68/814 false answers -> 71 and 66 (eval/README.md "Subject counts").
# Earlier (nine authors, session 7): 29.85·dense + 4.049·agreement + 4.539·nsubject + 7.116·nhsubject +
# 1.047·top_doc_same − 28.37 ≥ −0.324; session 6: 55.57·dense + 8.224·agreement + 25.41·nsubject − 50.43 ≥ 0.504.
WEIGHTS = {"dense": 23.033, "agreement": 3.6959, "nsubject": 3.7469, "nhsubject": 1.1656, "top_doc_same": 1.0386,
           "nhsubject_any": -0.2717, "nhsubject_log": 2.3486}
BIAS = -22.5338
THRESHOLD = 0.153


@dataclass
class Policy:
    """Answer when a named reference was found; otherwise abstain below the dense floor, and answer
    when ``bias + sum(weight * feature)`` clears ``threshold``. Defaults: calibrated on half A of
    every evaluation set (eval/abstain.py, eval/README.md "Abstention")."""

    dense_floor: float = 0.80
    weights: dict = field(default_factory=lambda: dict(WEIGHTS))
    bias: float = BIAS
    threshold: float = THRESHOLD

    def score(self, ev: Evidence) -> float:
        return self.bias + sum(w * float(getattr(ev, f)) for f, w in self.weights.items())

    def decide(self, ev: Evidence) -> tuple[bool, str]:
        if ev.named:
            return True, "named"
        if ev.dense < self.dense_floor:
            return False, "dense"
        if self.score(ev) < self.threshold:
            return False, "score"
        return True, "score"


def content_words(question: str, tags: bool = False) -> list:
    """Distinct content morphemes of the question (no compounds, no fillers), in order; with
    ``tags``, (word, is_noun) pairs."""
    out: list = []
    seen: set[str] = set()
    for form, tag in tokenize.morphemes(question):
        w = form + "다" if tag in ("VV", "VA") else form
        if tag not in _CONTENT_TAGS or w in FILLER or form in FILLER or len(w) < 2 and tag != "SL":
            continue
        if w not in seen:
            seen.add(w)
            out.append((w, tag in _NOUN_TAGS) if tags else w)
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


def gather(question: str, hits: list[Hit], retriever, index, flt: QueryFilter, named: bool,
           records: list | None = None) -> Evidence:
    """The evidence for ``question`` given the retriever's ``hits`` (legal sources, filter ``flt``);
    ``records`` (a list) receives the per-word records (evaluation)."""
    ev = Evidence(named=named)
    tagged = content_words(question, tags=True)
    ev.words = [w for w, _ in tagged]
    ranks, lexical, near = E.rankings(question, retriever, index, flt) if retriever.embedder is not None \
        else ({}, [], [])
    known = tuple(retriever.known_titles())
    titles = "\n".join(known).lower()
    nearest = HD.heading_words([h.payload.get("unit_title") or "" for h in near[:HD.DEPTH]])
    recs = E.word_records(tagged, hits, lexical, retriever, index, flt, titles, T.vocabulary(known),
                          question, E.headings(hits, near, lexical), nearest)
    if records is not None:
        records.extend(recs)
    ev.missing = [r["w"] for r in recs if not any(i < E.TOP for i in r["held"])]
    ev.unknown = [r["w"] for r in recs if r["df"] == 0 and r["w"] in ev.missing]
    for k, v in (E.coverages(recs, min(E.BEST_OF, len(hits)), len(lexical)) | ranks).items():
        setattr(ev, k, v)
    ev.n_words = float(len(recs))
    return ev


def rephrase_hint(ev: Evidence) -> str:
    """A Korean hint shown with the closest passages when the answer is withheld."""
    parts = ["질문을 법령에 쓰이는 말로 바꾸거나(예: 환불 → 반환, 벌금 → 과태료·범칙금) "
             "찾는 법령 이름을 함께 적어 다시 물어보세요."]
    if ev.unknown:
        parts.append("다음 낱말은 색인된 자료 어디에도 없습니다: " + ", ".join(ev.unknown[:6])
                     + " — 이 주제의 법령이 색인되어 있지 않을 수 있습니다.")
    return " ".join(parts)

"""Case memory: past answered complaints lend score to the legal units their answers cited.

A citizen's words are far from a statute's, but close to an earlier citizen's question; that earlier
answer names the governing rule. So a search first finds the most similar past cases the caller may
see (kind ``complaint``), then every unit those answers cite (``CaseLink``s, resolved at ingest)
gains score: more for a closer case, more when several similar cases agree, less (negative) for a
citation an official marked wrong. Like rag/delegation.py, ``lend`` is a pure function over the
ranked candidates and a ``fetch`` callback, tested alone.

Similarity of a case is judged on its question and title more than on its answer: the point's own
hybrid score (whole text) picks candidates, then ``rerank`` mixes the cosine of the question to the
case's dense vector with how much of the question's wording the case's title + question carry.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from rag import tokenize
from rag.case_expansion import answer_terms
from rag.cases import CaseLink, case_key
from rag.case_dense import FIELD as ANSWER_VECTOR
from rag.index.base import IndexHit, QueryFilter, VectorIndex
from rag.model import KIND_COMPLAINT, Document, Unit
from rag.payload import UnitPayload

SHARE = 0.5  # a case of similarity s lends s × this × the best candidate's score (kgs_dev folds, eval/README.md: 0.3 alone until case-answer expansion; with it 0.5 >= 0.3 on both folds; 1.0 pushed lent articles over the annexes)
MAX_LENDING = 1.2  # cap, in units of the best score: agreement counts, but never without bound
MIN_SIMILARITY = 0.5  # weaker matches lend nothing: on complaints_dev the right case scores 0.53+ in 9 of 10, the 2nd-best case 0.47 (median)
LEND_CASES = 3
LEND_MIN_SIMILARITY = 0.6  # only close cases lend (shown cases may be weaker: MIN_SIMILARITY)
SHOW_CASES = 3
# a citation of a whole document ("KGS FU432에 따라", no clause) lends this share of a unit citation
# to that document's best-ranked candidates (DOC_UNITS of them); 0 = off
DOC_SHARE = 0.0
BEFORE_DELEGATION = False  # lend before rag.delegation propagates regulation articles to statute articles
DOC_UNITS = 1
CANDIDATES = 30
TEXT_CHARS = 1500


@dataclass
class SimilarCase:
    id: str
    key: str  # rag.cases.case_key(doc_key, label)
    doc_title: str  # "민원 사례: acrc_qa"
    label: str  # "민원 6837003"
    title: str
    department: str
    date: str
    similarity: float
    text: str  # masked at ingest
    visibility: str = ""
    cited: list[dict] = field(default_factory=list)  # [{title, unit, ref}] from its CaseLinks
    answer_vector: str = ""  # its answer's stored vector (rag.case_dense), never shown

    def to_dict(self) -> dict:
        return {"label": self.label, "document": self.doc_title, "title": self.title,
                "department": self.department or None, "date": self.date or None,
                "similarity": round(self.similarity, 4), "cited": self.cited, "text": self.text[:TEXT_CHARS]}


def case_parts(text: str) -> tuple[str, str, str]:
    """(title, question, answer) of a case text "제목: …\\n질문: …\\n답변: …"."""
    text = text or ""
    qi, ai = text.find("\n질문:"), text.find("\n답변:")
    if qi < 0 or ai < qi:
        return "", text, ""
    title = text[:qi].removeprefix("제목:").strip()
    return title, text[qi + 4:ai].strip(), text[ai + 4:].strip()


def _weighted_terms(terms: list[str]) -> dict[str, float]:
    out: dict[str, float] = {}
    for t in terms:
        out[t] = out.get(t, 0.0) + 1.0
    return out


def case_terms(text: str, title: str = "", department: str = "") -> list[str]:
    """The terms a case is matched on: its department, title and question (not its answer). Stored
    in the point's payload at ingest (``case_terms``) so that search never tokenizes a case."""
    t, question, _ = case_parts(text)
    return sorted(set(tokenize.terms(f"{department}\n{title or t}\n{question}")))


def case_payload(doc: Document, unit: Unit, payload: UnitPayload) -> UnitPayload:
    """A past case also carries the terms of its title + question (``rerank`` matches on them) and of
    its answer (rag.case_expansion reads them as a query)."""
    if doc.kind == KIND_COMPLAINT:
        payload["case_terms"] = case_terms(unit.text, unit.title, str(unit.extra.get("department") or ""))
        payload["answer_terms"] = answer_terms(unit.text)
    return payload


class TermCache:
    """Each case's ``case_terms`` as a set, once per point (a case's wording never changes under its
    point id). Points indexed before the payload carried them are tokenized here, once."""

    def __init__(self, size: int = 50_000) -> None:
        self._d: dict[str, set[str]] = {}
        self._ids: dict[str, tuple[str, str]] = {}  # point id -> (case key, label), for rag.case_circle
        self._size = size

    def has(self, point_id: str) -> bool:
        return point_id in self._d

    def get(self, h: IndexHit) -> set[str]:
        v = self._d.get(h.id)
        if v is None:
            p = h.payload
            stored = p.get("case_terms")
            v = set(stored if stored is not None else case_terms(
                p.get("text") or "", p.get("unit_title") or "", (p.get("extra") or {}).get("department") or ""))
            if len(self._d) >= self._size:
                self._d.clear()
                self._ids.clear()
            self._d[h.id] = v
            self._ids[h.id] = (case_key(p.get("doc_key") or "", p.get("label") or ""), p.get("label") or "")
        return v

    def ident(self, point_id: str) -> tuple[str, str] | None:
        """(case key, label) of a point seen by ``get``; None if not (yet) seen."""
        return self._ids.get(point_id)


def coverage(query_terms: dict[str, float], case_terms: set[str], idf: dict[str, float],
             total: float | None = None) -> float:
    """Share of the question's (idf-weighted) wording present in the case's title + question."""
    total = sum(idf.get(t, 1.0) for t in query_terms) if total is None else total
    if not total:
        return 0.0
    return sum(idf.get(t, 1.0) for t in query_terms if t in case_terms) / total


def rerank(terms: list[str], cands: list[IndexHit], cosines: dict[str, float], cache: TermCache,
           w_dense: float = 0.6) -> list[tuple[IndexHit, float]]:
    """Candidates with a similarity in [0, 1]: dense cosine (rescaled from e5's narrow band) mixed
    with the idf-weighted coverage of the question's terms by the case's title + question."""
    qterms = _weighted_terms(terms)
    sets = [cache.get(h) for h in cands]
    n = len(sets) or 1
    df: dict[str, int] = {}
    for s in sets:
        for t in qterms:
            if t in s:
                df[t] = df.get(t, 0) + 1
    idf = {t: math.log(1 + n / (1 + df.get(t, 0))) for t in qterms}
    total = sum(idf.values())
    out = []
    for h, s in zip(cands, sets):
        cos = cosines.get(h.id, 0.0)
        dense = min(1.0, max(0.0, (cos - 0.75) / 0.2))  # e5 cosines live in ~0.75-0.95
        sim = w_dense * dense + (1 - w_dense) * coverage(qterms, s, idf, total)
        out.append((h, sim))
    out.sort(key=lambda x: (-x[1], x[0].id))
    return out


def to_case(h: IndexHit, similarity: float) -> SimilarCase:
    p = h.payload
    extra = p.get("extra") or {}
    title, _, _ = case_parts(p.get("text") or "")
    return SimilarCase(id=h.id, key=case_key(p.get("doc_key") or "", p.get("label") or ""),
                       doc_title=p.get("title") or "", label=p.get("label") or "",
                       title=p.get("unit_title") or title, department=str(extra.get("department") or ""),
                       date=str(extra.get("date") or ""), similarity=similarity, text=p.get("text") or "",
                       visibility=p.get("visibility") or "", answer_vector=p.get(ANSWER_VECTOR) or "")


def excluded(case: SimilarCase, exclude: Iterable[str]) -> bool:
    ex = set(exclude or ())
    return case.key in ex or case.label in ex


# ---- lending -------------------------------------------------------------------------------------

Target = tuple[str, str, str, str, str]  # (title_norm, article, annex, code, clause)


def target_of(link: CaseLink) -> Target:
    return (link.title_norm, link.article, link.annex, link.code, link.clause)


@dataclass
class Vote:
    strength: float = 0.0  # Σ similarity × weight over the cases citing it
    cases: list[str] = field(default_factory=list)  # labels of the cases that lend positively


def _unit_link(link: CaseLink) -> bool:
    return bool(link.article or link.annex or (link.code and link.clause))


def _document_link(link: CaseLink) -> bool:
    """A whole document cited: a technical code without a clause (a law is always cited by unit)."""
    return bool(link.code and not link.clause)


def tally(cases: list[SimilarCase], links: dict[str, list[CaseLink]], documents: bool = False) -> dict[Target, Vote]:
    """One vote per (case, target): a case citing 제33조 three times still counts once; a negative
    link (feedback "wrong citation") from that case wins over its positive ones. ``documents``: the
    whole-document citations instead (their targets carry no unit)."""
    votes: dict[Target, Vote] = {}
    wanted = _document_link if documents else _unit_link
    for c in cases:
        per: dict[Target, float] = {}
        for link in links.get(c.key, []):
            if not link.resolved or not wanted(link):
                continue
            t = target_of(link)
            w = float(link.weight)
            per[t] = min(per.get(t, w), w) if w < 0 or per.get(t, 0) < 0 else max(per.get(t, w), w)
        for t, w in per.items():
            v = votes.setdefault(t, Vote())
            v.strength += c.similarity * w
            if w > 0:
                v.cases.append(c.label)
    return votes


def clause_match(label: str, clause: str) -> bool:
    """A code clause label within a cited clause (2.3.3 within 2.3) or containing it."""
    return label == clause or label.startswith(clause + ".") or clause.startswith(label + ".")


def unit_matches(p: UnitPayload, t: Target) -> bool:
    """Only the exact document named: a same-numbered article of another law never gains."""
    title_norm, article, annex, code, clause = t
    if code:
        return p.get("code") == code and clause_match(p.get("label") or "", clause)
    if p.get("title_norm") != title_norm:
        return False
    if article:
        return p.get("article") == article and not p.get("annex")
    return p.get("annex") == annex


def lend(ranked: list[IndexHit], votes: dict[Target, Vote], fetch: Callable[[list[Target]], list[IndexHit]],
         share: float = SHARE) -> tuple[list[IndexHit], dict[str, list[str]]]:
    """Scores with each cited unit raised by ``share`` × best score × its vote (lowered when negative);
    cited units not among the candidates join them (positive votes only). Returns the re-sorted
    candidates and, per point id, the labels of the cases that lent to it."""
    if not votes or share <= 0:
        return ranked, {}
    top = ranked[0].score if ranked else 1.0
    by_id = {h.id: h for h in ranked}
    via: dict[str, list[str]] = {}
    for h in fetch(sorted(votes)):
        for t, v in votes.items():
            if not unit_matches(h.payload, t):
                continue
            old = by_id.get(h.id)
            if old is None and v.strength <= 0:
                continue
            delta = top * share * max(-MAX_LENDING, min(MAX_LENDING, v.strength))
            base = old.score if old else 0.0
            by_id[h.id] = IndexHit(h.id, max(0.0, base + delta) if v.strength < 0 else base + delta,
                                   old.payload if old else h.payload)
            if v.cases:
                via.setdefault(h.id, [])
                via[h.id] += [c for c in v.cases if c not in via[h.id]]
    out = list(by_id.values())
    out.sort(key=lambda h: (-h.score, h.id))
    return out, via


def lend_documents(ranked: list[IndexHit], votes: dict[Target, Vote], share: float,
                   units: int = DOC_UNITS) -> tuple[list[IndexHit], dict[str, list[str]]]:
    """Whole-document citations: the ``units`` best-ranked candidates of each cited document gain
    ``share`` × best score × its vote (positive votes only; nothing joins the candidates)."""
    if not votes or share <= 0 or not ranked:
        return ranked, {}
    top = ranked[0].score
    out, via, taken = list(ranked), {}, {}
    for i, h in enumerate(ranked):
        for t, v in votes.items():
            title_norm, _, _, code, _ = t
            if v.strength <= 0 or (h.payload.get("code") != code if code else h.payload.get("title_norm") != title_norm):
                continue
            if taken.get(t, 0) >= units:
                continue
            taken[t] = taken.get(t, 0) + 1
            out[i] = IndexHit(h.id, out[i].score + top * share * min(MAX_LENDING, v.strength), h.payload)
            via.setdefault(h.id, [])
            via[h.id] += [c for c in v.cases if c not in via[h.id]]
    out.sort(key=lambda h: (-h.score, h.id))
    return out, via


def lend_all(ranked: list[IndexHit], lenders: list[SimilarCase], links: dict[str, list[CaseLink]],
             fetch: Callable[[list[Target]], list[IndexHit]], share: float = SHARE
             ) -> tuple[list[IndexHit], dict[str, list[str]]]:
    """What the lending cases' answers cite: units (``lend``), then whole documents (``lend_documents``)."""
    ranked, via = lend(ranked, tally(lenders, links), fetch, share)
    if DOC_SHARE > 0:
        ranked, more = lend_documents(ranked, tally(lenders, links, documents=True), share * DOC_SHARE, DOC_UNITS)
        for hid, labels in more.items():
            via[hid] = via.get(hid, []) + [c for c in labels if c not in via.get(hid, [])]
    return ranked, via


def fetch_targets(index: VectorIndex, targets: list[Target], base: QueryFilter) -> list[IndexHit]:
    """The units cited cases point at, valid on the query's date and visible to the caller: one
    index query per document (articles and annexes together), one per technical code."""
    by_title: dict[str, tuple[list[str], list[str]]] = {}
    codes: set[str] = set()
    for title_norm, article, annex, code, _clause in targets:
        if code:
            codes.add(code)
        elif title_norm:
            arts, anns = by_title.setdefault(title_norm, ([], []))
            (arts if article else anns).append(article or annex)
    out: list[IndexHit] = []
    for title_norm, (arts, anns) in by_title.items():
        if arts:
            out += index.find(replace(base, title_norms=[title_norm], articles=arts), limit=200)
        if anns:
            out += index.find(replace(base, title_norms=[title_norm], annexes=anns), limit=50)
    for code in sorted(codes):
        out += index.find(replace(base, codes=[code]), limit=500)
    return out


def reason(count: int) -> str:
    return f"유사 민원 {count}건의 답변에서 인용"

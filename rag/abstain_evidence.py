"""Gathering the evidence of rag/abstain.py: what the question's words, the hits and the two rankings say.

Nouns carry the subject (양도소득세, 입영, 담배꽁초); verbs and endings carry the register (지워달라고,
토해내야) and are what colloquial questions and statutes word differently, so coverage is also
measured over nouns alone, and a noun counts as held by a unit when the statute term the glossary
gives for it is there (rag/data/glossary.tsv: 벌금 → 벌칙·과태료). The index's own titles say what
it is about: a question whose nouns (or their glossary terms) are words of the indexed titles
(액화석유가스, 개인정보, 징계) is asking about a subject the index holds, however long the letter
around them.
"""
from __future__ import annotations

import math
from functools import lru_cache

from rag import glossary, tokenize
from rag.abstain_headings import names_heading
from rag.abstain_titles import Vocabulary, generic_word, subject_word, who_word
from rag.hits import Hit
from rag.index.base import QueryFilter

BEST_OF = 5  # hits searched for the single best coverage
TOP = 3  # hits searched for coverage
DEPTH = 10  # dense and lexical neighbours compared for agreement
DF_CAP = 50


def _group(p: dict) -> tuple:
    return (p.get("doc_key"), p.get("article") or p.get("annex") or p.get("label"))


def substring(word: str, text: str) -> bool:
    """A noun (or a verb stem of two syllables or more) written inside ``text``: Kiwi splits
    compounds and titles differently in context (대관 in 「…주민공유공간 대관 예시 조례」)."""
    stem = word[:-1] if word.endswith("다") and len(word) > 2 else word
    return len(stem) >= 2 and stem in text


def frequency(index, word: str, flt: QueryFilter) -> int:
    """How many indexed units (visible under ``flt``) hold ``word`` as a lexical term, up to DF_CAP."""
    sv = tokenize.query_vector_of([word])
    return len(index.hybrid(None, (sv.indices, sv.values), DF_CAP, flt, prefetch=DF_CAP))


def unit_text(p: "Hit | dict") -> str:
    """Title, parent title, heading and text of a hit or an index payload."""
    if isinstance(p, Hit):
        return " ".join(filter(None, [p.document.title, p.document.parent_title, p.unit_title, p.text]))
    return " ".join(filter(None, [p.get("title"), p.get("parent_title"), p.get("unit_title"), p.get("text")]))


def glossary_terms(word: str, entries) -> list[str]:
    """Statute terms the glossary gives for one word (entries whose pattern the word matches)."""
    out: list[str] = []
    for t in glossary.expansions(word, entries):
        out += [x for x in t.split() if x not in out and x != word]
    return out


def phrase_terms(word: str, question: str, entries) -> list[str]:
    """Statute terms of the glossary entries whose match in ``question`` covers an occurrence of
    ``word`` ("제 정보" → 개인정보 for 정보, "주소를" → 개인정보 for 주소), as a one-word match gives them.
    A legal-form or addressee word (처리, 기준, 위원회) takes only the terms that hold it (처리 기간 →
    처리기간, not 민원): a phrase around such a word says nothing of its subject."""
    q, w = (question or "").lower(), word.lower()
    at = [i for i in range(len(q)) if q.startswith(w, i)] if len(w) >= 2 else []
    out: list[str] = []
    for start, end, terms in _spans(q, tuple(entries)) if at else []:
        if any(i < end and start < i + len(w) for i in at):
            out += [x for x in terms.split() if (w in x.lower() or not generic_word(w)) and x.lower() != w
                    and x not in out]
    return out


@lru_cache(maxsize=64)
def _spans(question: str, entries: tuple) -> list[tuple[int, int, str]]:
    """Where each glossary entry matches the (lower-cased) question, with its terms."""
    return [(m.start(), m.end(), e.terms) for e in entries for m in e.pattern.finditer(question)
            if m.end() > m.start()]


class Units:
    """Texts and terms of a list of units, and which of them hold a word."""

    def __init__(self, texts: list[str], analyse: bool = True) -> None:
        self.texts = [t.lower() for t in texts]
        self.terms = [set(tokenize.terms(t)) if analyse else set() for t in texts]

    def holding(self, words: list[str]) -> list[int]:
        return [i for i in range(len(self.texts))
                if any(w in self.terms[i] or substring(w, self.texts[i]) for w in words)]


def headings(hits: list[Hit], *rankings: list) -> str:
    """The article headings of the top hits and of the dense and lexical top-10 (lower case, no spaces):
    what the retrieved articles say they are about (제6조(사용료의 반환) → 사용료의반환)."""
    heads = [h.unit_title or "" for h in hits[:BEST_OF]]
    heads += [(h.payload.get("unit_title") or "") for r in rankings for h in r]
    return "\n".join(dict.fromkeys(h.lower().replace(" ", "") for h in heads if h))


def named_by(words: list[str], heads: str) -> bool:
    """Whether one of ``words`` (a noun and its glossary terms) is written in a retrieved heading."""
    return any(len(x) >= 2 and x.lower().replace(" ", "") in heads for x in words)


def word_records(words: list[tuple[str, bool]], hits: list[Hit], lexical: list, retriever, index,
                 flt: QueryFilter, titles: str, vocab: Vocabulary | None = None, question: str = "",
                 heads: str = "", subject_heads: frozenset = frozenset()) -> list[dict]:
    """Per content word: whether it is a noun, how many units hold it (df, capped), which top hits
    hold it (``held``), or a glossary term for it (``gloss``), which of the lexical top-10 do (``lex``,
    the word or its glossary terms), and whether it or a glossary term for it is a word of the
    indexed titles (``title``), of their subject words (``subject``), or only names a place or an
    addressee of them (``who``: 연천, 공무원; rag/abstain_titles.py); ``question`` tells whether a word
    that is part of a subject word is written inside it there; ``head``: the word or a glossary term
    for it is written in ``heads`` (headings of the retrieved units) and is no legal-form or addressee
    word (처리, 기준, 위원회); ``hsubject``: a subject word, or a noun naming one of ``subject_heads`` (the
    subject compounds of the nearest units' headings, rag/abstain_headings.py; ``head_subject``)."""
    top = Units([unit_text(h) for h in hits[:BEST_OF]])
    lex = Units([unit_text(h.payload) for h in lexical], analyse=False)
    entries = getattr(retriever, "glossary", ()) or ()
    recs = []
    for w, noun in words:
        gl = glossary_terms(w, entries)
        df = DF_CAP if substring(w, titles) else frequency(index, w, flt)
        recs.append({"w": w, "noun": noun, "df": df, "held": top.holding([w]), "gloss": top.holding(gl) if gl else [],
                     "lex": lex.holding([w] + gl), "title": any(substring(x, titles) for x in [w] + gl)})
        if vocab is not None:
            title_parts(recs[-1], gl, vocab, question)
            phrase = phrase_terms(w, question, entries)
            recs[-1]["psubject"] = recs[-1]["subject"] or any(subject_word(x, vocab) for x in phrase)
            recs[-1]["hsubject"] = head_subject(recs[-1], question, gl + phrase, subject_heads)
        recs[-1]["head"] = bool(heads) and not generic_word(w) and not recs[-1].get("who") and \
            named_by([w] + gl, heads)
    return recs


def head_subject(rec: dict, question: str, terms: list[str], subject_heads: frozenset) -> bool:
    """A subject word of the titles, or a noun (not a place, addressee or form word) that names a subject
    compound of the nearest units' headings, as the question writes it or through one of its glossary
    ``terms``; a noun that names the heading alone must be held by fewer than DF_CAP units (정보 alone
    says nothing, 내 정보 → 개인정보 and 이의신청 do)."""
    if rec.get("subject"):
        return True
    if not subject_heads or not rec["noun"] or rec.get("who") or generic_word(rec["w"]):
        return False
    named = names_heading(rec["w"], question, terms, subject_heads)
    return bool(named) and (named != rec["w"].lower() or rec["df"] < DF_CAP)


def title_parts(rec: dict, gl: list[str], vocab: Vocabulary, question: str = "") -> dict:
    """Mark a word record ``subject`` when the word or a glossary term for it is a subject word of the
    titles, ``who`` when it is not but names one of their places or addressees."""
    rec["subject"] = subject_word(rec["w"], vocab, question) or any(subject_word(x, vocab) for x in gl)
    rec["who"] = not rec["subject"] and any(who_word(x, vocab) for x in [rec["w"]] + gl)
    return rec


def weight(df: int) -> float:
    return math.log(1 + DF_CAP / (1 + df))


def coverages(recs: list[dict], n_hits: int, n_lex: int) -> dict[str, float]:
    """Coverage of the question's words by the hits, rarity-weighted (a word held by few units says
    more about the subject): by the top hits, by the single best hit, and the share known to the
    index; then the same for nouns only, with glossary terms standing in for the word, and the best
    single unit among the lexical top-10."""
    out = {}
    nouns = [r for r in recs if r["noun"]]
    for prefix, rs, gl in (("", recs, False), ("n", nouns, True)):
        if not rs:
            out |= {prefix + k: 1.0 for k in ("coverage", "known", "wcover", "wknown", "cover_best")}
            out |= {"ntitle": 0.0, "nsubject": 0.0, "npsubject": 0.0, "nhsubject": 0.0, "nwho": 0.0,
                    "nlex_best": 0.0, "nhead": 0.0, "nwhead": 0.0} | subject_counts([]) \
                if gl else {}
            continue
        wt = [weight(r["df"]) for r in rs]
        total = sum(wt)

        def holds(r, i) -> bool:
            return i in r["held"] or gl and i in r["gloss"]

        top = [any(holds(r, i) for i in range(min(TOP, n_hits))) for r in rs]
        known = [r["df"] > 0 or gl and bool(r["gloss"]) for r in rs]
        out[prefix + "coverage"] = sum(top) / len(rs)
        out[prefix + "known"] = sum(known) / len(rs)
        out[prefix + "wcover"] = sum(w for w, t in zip(wt, top) if t) / total
        out[prefix + "wknown"] = sum(w for w, k in zip(wt, known) if k) / total
        out[prefix + "cover_best"] = max((sum(w for w, r in zip(wt, rs) if holds(r, i)) / total
                                          for i in range(n_hits)), default=0.0)
        if gl:
            out["ntitle"] = sum(r["title"] for r in rs) / len(rs)
            out["nsubject"] = sum(r.get("subject", False) for r in rs) / len(rs)
            out["nwho"] = sum(r.get("who", False) for r in rs) / len(rs)
            out["npsubject"] = sum(r.get("psubject", False) for r in rs) / len(rs)
            out["nhsubject"] = sum(r.get("hsubject", False) for r in rs) / len(rs)
            out |= subject_counts(rs)
            out["nhead"] = sum(bool(r.get("subject") or r.get("head")) for r in rs) / len(rs)
            out["nwhead"] = head_weight(rs)
            out["nlex_best"] = max((sum(w for w, r in zip(wt, rs) if i in r["lex"]) / total
                                    for i in range(n_lex)), default=0.0)
    return out


def subject_counts(nouns: list[dict]) -> dict[str, float]:
    """Whether any noun names a subject the index holds (a title's subject word, or a subject compound of
    the nearest headings), and log(1 + how many do). Unlike the shares (``nsubject``, ``nhsubject``) a
    long letter does not dilute them: one "LPG" among thirty nouns still says what the question is about."""
    n = sum(bool(r.get("subject") or r.get("hsubject")) for r in nouns)
    return {"nhsubject_any": float(n > 0), "nhsubject_log": math.log1p(n)}


def head_weight(nouns: list[dict]) -> float:
    """Rarity-weighted share of the nouns that are neither title subject words nor addressees nor form
    words and that a retrieved heading names (생계 of 생계급여의 내용, 암호 of 개인정보의 암호화): a common
    word (급여, 신청) weighs little, a word the index never holds (실업, 농지) much and is never named."""
    rest = [r for r in nouns if not r.get("subject") and not r.get("who") and not generic_word(r["w"])]
    total = sum(weight(r["df"]) for r in rest)
    return sum(weight(r["df"]) for r in rest if r.get("head")) / total if total else 0.0


def rankings(question: str, retriever, index, flt: QueryFilter) -> tuple[dict[str, float], list, list]:
    """Best dense cosine, the agreement of the lexical and dense top-10 (Jaccard over articles), whether
    their first units are of one document; also the lexical and the dense top-10."""
    qv = retriever.query_vector(question)
    near = index.nearest(qv, DEPTH, flt)
    out = {"dense": float(near[0].score) if near else 0.0}
    sparse = tokenize.query_vector(question)
    lexical = index.hybrid(None, (sparse.indices, sparse.values), DEPTH, flt, prefetch=DEPTH) if sparse else []
    dg, lg = [_group(h.payload) for h in near], [_group(h.payload) for h in lexical]
    out["agreement"] = len(set(dg) & set(lg)) / len(set(dg) | set(lg)) if dg and lg else 0.0
    out["top_doc_same"] = float(bool(near and lexical and near[0].payload.get("doc_key")
                                     == lexical[0].payload.get("doc_key")))
    return out, lexical, near

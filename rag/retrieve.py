"""Hybrid retrieval for Korean law: Kiwi BM25 + dense, weighted RRF in one Qdrant query, date and
kind filters inside it, then legal references in the question fetched or boosted directly."""
from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from datetime import date

from llama_index.core.retrievers import BaseRetriever
from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode

from rag import case_circle, case_dense, case_expansion, case_memory, glossary, named, sanctions, scoring, tokenize
from rag.delegation import SHARE as DELEGATION_SHARE
from rag.delegation import propagate
from rag.embed import Embedder
from rag.index.base import IndexHit, QueryFilter, VectorIndex, fetch_payloads
from rag.model import KIND_COMPLAINT, STATUTE_KINDS, normalize_title
from rag.case_memory import clause_match as _clause_match
from rag.payload import UnitPayload
from rag.hits import MAX_QUESTION_CHARS, Hit, QuestionError, check_question  # noqa: F401 (re-exported)
from rag.references import ReferenceResolver, Resolved

DEFAULT_WEIGHTS = (1.0, 0.5)  # (sparse, dense) with RRF k=10: tuned on the KGS dev questions (eval/README.md)


@dataclass
class SearchResult:
    hits: list[Hit]
    warnings: list[str] = field(default_factory=list)
    resolved: Resolved | None = None
    expanded: list[str] = field(default_factory=list)  # statute terms the glossary added (lexical side)
    similar_cases: list[dict] = field(default_factory=list)  # past cases like the question (case memory)
    missing: list[dict] = field(default_factory=list)  # named laws/articles that cannot be cited (rag/named.py)
    named_found: bool = False  # the question names a unit that was found (or a bare 제N조 / 별표 N)


def _group_key(p: UnitPayload) -> tuple:
    """Units of one article (its 항 splits) or one annex count once in a result list."""
    return (p.get("version_key"), p.get("article") or p.get("annex") or p.get("label"),
            "" if (p.get("article") or p.get("annex")) else str(p.get("extra", {}).get("part", "")))


class HybridRetriever:
    """Searches the index for a question as of a date."""

    def __init__(self, index: VectorIndex, embedder: Embedder | None, titles_source=None,
                 weights: tuple[float, float] = DEFAULT_WEIGHTS, prefetch: int = 100,
                 law_boost: float = 1.0, rrf_k: int = 10, doc_share: float = 0.4,
                 kind_share: float = 0.5, delegation_share: float = DELEGATION_SHARE,
                 glossary_path: str = "", expand: bool = True, case_links=None,
                 case_share: float = case_memory.SHARE, today=date.today, law_names=None) -> None:
        self.index, self.embedder = index, embedder
        self.today = today  # the clock: hits carry their status today as well as on the 기준일
        self.law_names = law_names  # table of law titles and 약칭 (rag/law_names.py); None: the shipped one
        # case_links(case_keys) -> {case_key: [CaseLink]} (Registry.case_links); None: no lending
        self.case_links, self.case_share = case_links, case_share
        # calibrated on e5 cosines (case_memory.rerank); another embedder may need another floor
        self.case_min_similarity = case_memory.MIN_SIMILARITY
        self.case_lend_similarity = case_memory.LEND_MIN_SIMILARITY
        self.case_before_delegation = case_memory.BEFORE_DELEGATION
        self._case_terms = case_memory.TermCache()
        self._answer_terms = case_expansion.AnswerTerms()
        # case-answer expansion (rag/case_expansion.py: words; rag/case_dense.py: stored vectors): share 0 = off
        self.prf_share, self.prf_similarity = case_expansion.SHARE, case_expansion.MIN_SIMILARITY
        self.dense_share, self.dense_similarity = case_dense.SHARE, case_dense.MIN_SIMILARITY
        self.circle_share, self.sanction_share, self._penalties = case_circle.SHARE, sanctions.SHARE, sanctions.Penalties(index)
        self.delegation_share, self.expand = delegation_share, expand
        self.glossary = glossary.load(glossary_path)  # a bad DASAN_GLOSSARY file fails here, by name
        self.weights, self.prefetch, self.law_boost, self.rrf_k = weights, prefetch, law_boost, rrf_k
        # Share of the top-k one document / one kind group (statute, annex, code, …) may take while
        # others still have candidates; measured on the KGS dev halves (eval/README.md). 0 = off.
        self.doc_share, self.kind_share = doc_share, kind_share
        self._titles_source = titles_source or (lambda: [])
        self._resolver: ReferenceResolver | None = None
        self._titles: dict[str, str] | None = None  # title_norm -> title as written (cited units shown)
        self._qcache: OrderedDict[str, object] = OrderedDict()
        self._qcache_size = 256

    def query_vector(self, question: str):
        """Dense query vector, cached for the last questions (ask embeds once for search and relevance)."""
        v = self._qcache.get(question)
        if v is None:
            v = self.embedder.query(question)
            self._qcache[question] = v
            if len(self._qcache) > self._qcache_size:
                self._qcache.popitem(last=False)
        return v

    def refresh_titles(self) -> None:
        self._resolver, self._titles = None, None
        self._penalties.clear()

    @property
    def resolver(self) -> ReferenceResolver:
        if self._resolver is None:
            self._resolver = ReferenceResolver(list(self._titles_source()), known=self.law_names)
        return self._resolver

    def search(self, question: str, top_k: int = 10, as_of: date | None = None,
               kinds: list[str] | None = None, visibility: list[str] | None = None,
               exclude_cases: set[str] | None = None, memory: bool = True) -> SearchResult:
        """Legal sources for a question. Past cases (kind complaint) are hits only when ``kinds`` asks
        for them; otherwise the most similar ones the caller may see come back in ``similar_cases``
        and lend score to the units their answers cited (``memory``). ``exclude_cases`` (case keys or
        labels) are never found: leave-one-out evaluation."""
        warnings = check_question(question)
        as_of = as_of or date.today()
        kinds = list(kinds or [])
        base = QueryFilter(as_of=as_of, kinds=kinds, visibility=list(visibility or []),
                           exclude_kinds=[] if kinds else [KIND_COMPLAINT])
        resolved = self.resolver.resolve(question)
        gaps = named.missing(resolved, named.Probe.of(self.index), base) if resolved.laws or resolved.refs else []
        expanded = glossary.expansions(question, self.glossary) if self.expand else []
        qterms = tokenize.terms(question)  # one Kiwi pass: the lexical query and the case search share it
        sparse = tokenize.query_vector_of(qterms + (tokenize.terms("\n".join(expanded)) if expanded else []))
        dense = self.query_vector(question) if self.embedder is not None and self.weights[1] > 0 else None
        limit = max(50, top_k * 5)
        cands = self.index.hybrid(dense, (sparse.indices, sparse.values) if sparse else None, limit, base,
                                  weights=self.weights, prefetch=self.prefetch, rrf_k=self.rrf_k)
        if exclude_cases and KIND_COMPLAINT in kinds:
            cands = [h for h in cands if not _is_excluded(h.payload, exclude_cases)]
        trace = scoring.Trace(cands)
        ranked, reasons = self._boost(cands, resolved, gaps)
        trace.stage(cands, ranked, lambda i: reasons.get(i, ""))
        similar: list[case_memory.SimilarCase] = []
        circle: list[tuple[str, float]] = []
        via: dict[str, list[str]] = {}
        use_cases = memory and KIND_COMPLAINT not in kinds
        if use_cases:
            similar, common, circle = self._similar(question, max(case_memory.LEND_CASES, case_memory.SHOW_CASES,
                                                          case_expansion.CASES, case_dense.CASES), visibility,
                                            exclude_cases, dense, qterms,
                                            min(self.case_min_similarity, self.prf_similarity, self.dense_similarity))
            scale = ranked[0].score if ranked else 0.0
            readers = [case_expansion.Reader(self._answer_terms.get(c.id, {"text": c.text}), c.similarity)
                       for c in similar[:case_expansion.CASES] if c.similarity >= self.prf_similarity
                       ] if self.prf_share > 0 else []
            if readers:  # the answers of close cases, in the statute's words, as a second query
                before = ranked
                rules = replace(base, kinds=list(case_expansion.KINDS)) if case_expansion.KINDS and not kinds else base
                ranked, _ = case_expansion.expand(
                    ranked, readers, common, qterms, lambda sv, n: self.index.hybrid(None, sv, n, rules, prefetch=n),
                    self.prf_share, scale=cands[0].score if case_expansion.FROM_FUSED and cands else None)
                trace.stage(before, ranked, case_expansion.REASON)
            found = case_dense.readers(similar, len(dense) if dense is not None else None, self.dense_similarity
                                       ) if self.dense_share > 0 else []
            before, n = ranked, int(case_dense.WINDOW * top_k)
            for rule_kinds, share, limit, read in case_dense.passes(self.dense_share) if found else []:
                # the same answers, embedded at ingest, as dense queries over the rules
                rules = replace(base, kinds=rule_kinds) if not kinds else base
                ranked = case_dense.expand(ranked, found[:read or None],
                                           lambda vs, k: self.index.nearest_batch(vs, k, rules, False),
                                           scale, share, limit, question=dense)
            if ranked is not before:
                ranked = case_dense.with_payloads(ranked, n, self.index.retrieve)
                trace.stage(before, ranked, case_dense.REASON)
            similar = [c for c in similar if c.similarity >= self.case_min_similarity]
        if not self.case_before_delegation:
            ranked = self._delegate(ranked, base, trace)
        if use_cases and self.case_links is not None and (similar or circle):
            links = self.case_links([c.key for c in similar] + [k for k, _ in circle])
            if circle and self.circle_share > 0:  # what the wider circle of similar cases keeps citing
                before = ranked
                ranked = case_circle.boost(ranked, case_circle.votes(circle, links), self.circle_share)
                trace.stage(before, ranked, case_circle.REASON)
            self._attach_cited(similar, links)
            lenders = [c for c in similar[:case_memory.LEND_CASES] if c.similarity >= self.case_lend_similarity]
            before = ranked
            ranked, via = case_memory.lend_all(ranked, lenders, links,
                                               lambda ts: case_memory.fetch_targets(self.index, ts, base),
                                               self.case_share)
            trace.stage(before, ranked, lambda i: case_memory.reason(len(via.get(i, []))) if via.get(i)
                        else "유사 민원의 답변이 인용하지 않은 조문(감점)")
        if self.case_before_delegation:  # cited regulation articles then lend to their statute articles
            ranked = self._delegate(ranked, base, trace)
        if self.sanction_share and sanctions.asks(question):  # "법적으로 문제?": the penalty for the rules found
            before = ranked
            ranked = sanctions.boost(ranked, lambda t: self._penalties.units(t, base), self.sanction_share)
            trace.stage(before, ranked, "질문이 묻는 제재: 상위 조문을 위반한 경우의 벌칙·과태료 조문")
        if gaps:  # another document's 제9조 never stands in for 「정보공개법」 제9조 that is not indexed
            ranked = [h for h in ranked if not named.same_numbered(h.payload, gaps, resolved.refs, resolved.laws)]
        direct = self._direct(resolved, base)
        top = ranked[0].score if ranked else 1.0
        merged = [IndexHit(h.id, top * 2 + (len(direct) - i) * 1e-3, h.payload) for i, h in enumerate(direct)]
        merged += ranked
        asked = {normalize_title(t) for t in resolved.laws} | set(resolved.codes)
        picked = self._diversify(merged, top_k, len(direct), asked)
        hits = self._hits(picked, merged, ranked, direct, trace, sparse, dense, base, as_of)
        hits = [h.with_via(via.get(h.id)) for h in hits]
        missing_refs = {m["reference"] for m in gaps}
        bare = any(not r.title and not r.code and named.reference_of(r) not in missing_refs for r in resolved.refs)
        return SearchResult(hits, warnings, resolved, expanded,
                            [c.to_dict() for c in similar[:case_memory.SHOW_CASES]], missing=gaps,
                            named_found=bool(direct) or bare)

    def _hits(self, picked, merged, ranked, direct, trace, sparse, dense, base, as_of) -> list[Hit]:
        """The public hits: final scores that never increase with rank, each with its parts."""
        raw = {}
        for h in merged:
            raw.setdefault(h.id, float(h.score))
        before = {h.id: float(h.score) for h in ranked}
        direct_ids = {h.id for h in direct}
        lexical, near = scoring.positions(self.index, sparse if self.weights[0] > 0 else None,
                                          dense if self.weights[1] > 0 else None, base, self.prefetch, self.rrf_k)
        today = self.today() if self.today else None
        out = []
        for i, (h, s, adjusted) in enumerate(scoring.final(picked, raw)):
            add = raw[h.id] - before.get(h.id, 0.0) if h.id in direct_ids else None
            parts = scoring.parts(h.id, trace, lexical, near, self.weights, self.rrf_k, add, raw[h.id], adjusted)
            out.append(Hit.of(IndexHit(h.id, s, h.payload), i + 1, as_of, today, parts))
        return out

    def _delegate(self, ranked: list[IndexHit], base: QueryFilter, trace: scoring.Trace) -> list[IndexHit]:
        """Implementing articles (시행령·시행규칙) lend score to the statute articles they implement."""
        if not self.delegation_share:
            return ranked
        out = propagate(ranked, lambda parent, arts: self.index.find(
            replace(base, title_norms=[parent], articles=arts), limit=200), self.delegation_share)
        trace.stage(ranked, out, "시행령·시행규칙의 관련 조문이 가리키는 법률 조문")
        return out

    def similar_cases(self, question: str, limit: int = case_memory.SHOW_CASES,
                      visibility: list[str] | None = None, exclude: set[str] | None = None,
                      min_similarity: float | None = None, dense=None,
                      terms: list[str] | None = None) -> list[case_memory.SimilarCase]:
        """Past cases the caller may see, most similar first; weaker than ``min_similarity`` left out.
        Candidates come from the dense neighbours and the lexical matches of the whole case; the order
        comes from its question and title (case_memory.rerank)."""
        return self._similar(question, limit, visibility, exclude, dense, terms, min_similarity, common=False)[0]

    def _similar(self, question, limit, visibility, exclude, dense, terms, min_similarity=None, common=True
                 ) -> tuple[list[case_memory.SimilarCase], set[str], list[tuple[str, float]]]:
        """``similar_cases``, (``common``, expansion on) the boilerplate of the best candidates' answers
        (case_expansion.common_terms) and the circle of candidate cases that vote (rag.case_circle)."""
        flt = QueryFilter(kinds=[KIND_COMPLAINT], visibility=list(visibility or []))
        min_similarity = self.case_min_similarity if min_similarity is None else min_similarity
        if dense is None and self.embedder is not None:
            dense = self.query_vector(question)
        n = case_memory.CANDIDATES + len(exclude or ())
        terms = tokenize.terms(question) if terms is None else terms
        sparse = tokenize.query_vector_of(terms)
        sv = (sparse.indices, sparse.values) if sparse else None
        if dense is not None:  # one query: dense neighbours and lexical matches, each with its cosine
            cands = self.index.nearest_or_matching(dense, sv, n, flt, payload=False)  # payloads: below
            cands = fetch_payloads(cands, self.index.retrieve, lambda h: not self._case_terms.has(h.id))
        else:
            cands = self.index.hybrid(None, sv, n, flt, prefetch=n) if sv else []
        cos = {h.id: float(h.score) if dense is not None else 0.0 for h in cands}
        out, pool = [], []
        want_pool = case_expansion.POOL if common and self.prf_share > 0 else 0
        ranked = case_memory.rerank(terms, cands, cos, self._case_terms)
        circle = case_circle.circle_of(ranked, self._case_terms.ident, exclude) if common else []
        sims = {h.id: sim for h, sim in ranked}
        head = {h.id for h, _ in ranked[:limit + want_pool + len(exclude or ())]}  # the most the loop reads
        for h in fetch_payloads([h for h, _ in ranked], self.index.retrieve, lambda h: h.id in head):
            sim = sims[h.id]
            if (sim < min_similarity or len(out) >= limit) and len(pool) >= want_pool:
                break
            h = h if h.payload else next(iter(self.index.retrieve([h.id])), h)  # past the head: alone
            if not h.payload:
                continue
            c = case_memory.to_case(h, sim)
            if exclude and case_memory.excluded(c, exclude):
                continue
            if len(pool) < want_pool:
                pool.append(h)
            if sim >= min_similarity and len(out) < limit:
                out.append(c)
        shared: set[str] = set()
        if want_pool and out and out[0].similarity >= self.prf_similarity:
            shared = case_expansion.common_terms(self._answer_terms.distinct(h.id, h.payload) for h in pool)
        return out, shared, circle

    def _attach_cited(self, cases: list[case_memory.SimilarCase], links: dict) -> None:
        names = self._display_titles()
        for c in cases:
            seen = set()
            for link in links.get(c.key, []):
                if link.weight <= 0 or not link.unit:
                    continue
                item = (names.get(link.title_norm) or link.code or link.title_norm, link.unit)
                if item in seen:
                    continue
                seen.add(item)
                c.cited.append({"title": item[0] or None, "unit": item[1], "ref": link.ref,
                                "resolved": bool(link.resolved)})

    def _display_titles(self) -> dict[str, str]:
        if self._titles is None:
            self._titles = {normalize_title(t): t for t in self._titles_source()}
        return self._titles

    def known_titles(self) -> list[str]:
        """Titles of the indexed documents, as written (cached until ``refresh_titles``)."""
        return list(self._display_titles().values())

    def _diversify(self, merged: list[IndexHit], top_k: int, n_direct: int, named: set[str]) -> list[IndexHit]:
        """Top-k distinct units; one document (or kind) may not take more than its share of places
        while others still have candidates (a long technical code would otherwise fill the list).
        Documents the question names are exempt: the user asked for them."""
        per_doc = math.ceil(top_k * self.doc_share) if self.doc_share else 0
        per_kind = math.ceil(top_k * self.kind_share) if self.kind_share else 0
        seen, picked, deferred, per = set(), [], [], {}
        for i, h in enumerate(merged):
            key = _group_key(h.payload)
            if key in seen:
                continue
            seen.add(key)
            doc = h.payload.get("version_key")
            group = "g:" + _kind_group(h.payload.get("kind"))
            asked = bool(named & {h.payload.get("title_norm"), h.payload.get("parent_norm"), h.payload.get("code")})
            if i >= n_direct and not asked and ((per_doc and per.get(doc, 0) >= per_doc)
                                  or (per_kind and per.get(group, 0) >= per_kind)):
                deferred.append(h)
                continue
            per[doc] = per.get(doc, 0) + 1
            per[group] = per.get(group, 0) + 1
            picked.append(h)
            if len(picked) >= top_k:
                return picked
        return (picked + deferred)[:top_k]

    def _boost(self, cands: list[IndexHit], resolved: Resolved,
               gaps: list[dict]) -> tuple[list[IndexHit], dict[str, str]]:
        """Prefer units of laws, articles and codes the question names; returns the re-sorted candidates
        and, per boosted id, the reason. A named article that is missing (its law not indexed, not in
        force, or without it) lends nothing to other documents' articles with the same number."""
        laws = {normalize_title(t) for t in resolved.laws}
        missing_refs = {m["reference"] for m in gaps}
        articles = {r.article for r in resolved.refs if r.article and named.reference_of(r) not in missing_refs}
        codes = set(resolved.codes)
        out, reasons = [], {}
        for h in cands:
            p, factor, why = h.payload, 1.0, []
            if laws and (p.get("title_norm") in laws or p.get("parent_norm") in laws):
                factor += self.law_boost
                why.append("질문이 지목한 법령")
            if articles and p.get("article") in articles:
                factor += 0.5
                why.append(f"질문이 지목한 조 번호({p.get('article')})")
            if codes and p.get("code") in codes:
                factor += self.law_boost
                why.append("질문이 지목한 기술기준")
            if why:
                reasons[h.id] = " · ".join(why) + f" (×{factor:g})"
            out.append(IndexHit(h.id, h.score * factor, p))
        out.sort(key=lambda h: (-h.score, h.id))  # ties broken by id: same ranks on every engine and run
        return out, reasons

    def _direct(self, resolved: Resolved, base: QueryFilter) -> list[IndexHit]:
        """Units the question names explicitly (법 제33조, 시행규칙 별표 20, KGS FU432 2.3)."""
        out: list[IndexHit] = []
        for ref in resolved.refs:
            flt = replace(base)
            if ref.article and ref.title:
                flt.title_norms, flt.articles = [normalize_title(ref.title)], [ref.article]
            elif ref.annex:
                flt.annexes = [ref.annex]
                if ref.title:
                    flt.title_norms = [normalize_title(ref.title)]
            elif ref.code and ref.clause:
                flt.codes = [ref.code]
            else:
                continue
            hits = self.index.find(flt, limit=500 if ref.code else 20)
            if ref.code:
                hits = [h for h in hits if _clause_match(h.payload.get("label", ""), ref.clause)]
                hits.sort(key=lambda h: len(h.payload.get("label", "")))
            if ref.paragraph:
                hits.sort(key=lambda h: 0 if h.payload.get("label", "").endswith(f"제{ref.paragraph}항") else 1)
            out += hits[:3]
        return out


def _is_excluded(p: UnitPayload, exclude: set[str]) -> bool:
    label = p.get("label") or ""
    return label in exclude or case_memory.case_key(p.get("doc_key") or "", label) in exclude


def _kind_group(kind: str | None) -> str:
    return "statute" if kind in STATUTE_KINDS else kind or "other"


class DasanRetriever(BaseRetriever):
    """llama-index retriever interface over ``HybridRetriever`` (for llama-index query engines)."""

    def __init__(self, retriever: HybridRetriever, top_k: int = 10, as_of: date | None = None) -> None:
        super().__init__()
        self._r, self._k, self._as_of = retriever, top_k, as_of

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        res = self._r.search(query_bundle.query_str, top_k=self._k, as_of=self._as_of)
        return [NodeWithScore(node=TextNode(id_=h.id, text=h.text or "",
                                            metadata={k: v for k, v in h.to_dict().items() if k != "text"}),
                              score=h.score) for h in res.hits]

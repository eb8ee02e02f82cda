"""Case links: the references of each past case, resolved to indexed units and kept in the registry.

A reference resolves to a document only by that document's own title (exact, 약칭, the end of a longer
written phrase, or a conservative fuzzy match of the same kind of text: 법 / 시행령 / 시행규칙), and only
when an indexed unit of that exact document carries the cited label in some version. A law that is not
indexed keeps its written title, unresolved, so that a later ingest or sync of that law resolves the link
without the cases being read again (``resolve_pending``). Nothing here ever falls back to a
same-numbered article of another document.
"""
from __future__ import annotations

import re
from collections import defaultdict

from rapidfuzz import fuzz

from ingest.case_refs import CaseRef, answer_part, extract_refs
from rag.cases import CaseLink, case_key
from rag.index.base import QueryFilter, VectorIndex
from rag.model import KIND_COMPLAINT, Document, normalize_title
from rag.references import ABBREVIATIONS

FUZZY_MIN = 92  # 액화석유가스안전관리및사업법시행규칙 (의 missing) still matches; 국가/지방공무원법 do not
_TAIL = re.compile(r"(시행령|시행규칙)$")


def _tail(norm: str) -> str:
    m = _TAIL.search(norm)
    return m.group(1) if m else ""


class TitleMatcher:
    """Written title -> title_norm of an indexed document, or "" when none is that document."""

    def __init__(self, titles: list[str], aliases: dict[str, str] | None = None) -> None:
        self.norms = {normalize_title(t) for t in titles if t}
        self.aliases = {normalize_title(k): normalize_title(v) for k, v in {**ABBREVIATIONS, **(aliases or {})}.items()}
        self._by_len = sorted(self.norms, key=len, reverse=True)
        self._memo: dict[str, str] = {}

    def match(self, written: str) -> str:
        n = normalize_title(written)
        if n not in self._memo:
            self._memo[n] = self._match(n)
        return self._memo[n]

    def _match(self, n: str) -> str:
        if not n:
            return ""
        if n in self.norms:
            return n
        tail = _tail(n)
        base = n[: len(n) - len(tail)] if tail else n
        if base in self.aliases and self.aliases[base] + tail in self.norms:
            return self.aliases[base] + tail
        # the extractor may have taken words before an unbracketed title ("…할 경우 액화석유가스의 … 사업법")
        for t in self._by_len:
            if len(t) >= 3 and n.endswith(t) and _tail(t) == tail:
                return t
        best, score = "", 0.0
        for t in self.norms:
            if _tail(t) != tail or abs(len(t) - len(n)) > 3:
                continue
            s = fuzz.ratio(n, t)
            if s > score:
                best, score = t, s
        return best if score >= FUZZY_MIN else ""


def _clause_hit(label: str, clause: str) -> bool:
    return label == clause or clause.startswith(label + ".") or label.startswith(clause + ".")


class Resolver:
    """Resolves references against the registry's titles and the index's units, memoising lookups."""

    def __init__(self, index: VectorIndex, registry) -> None:
        versions = registry.all_versions()
        titles = [t for v in versions for t in (v.title, v.parent_title) if t]
        aliases = {a: v.title for v in versions for a in (v.abbreviations or []) if a}
        self.index = index
        self.aliases = aliases
        self.titles = TitleMatcher(titles, aliases)
        self._units: dict[tuple, bool] = {}
        self._code_labels: dict[str, tuple[str, list[str]]] = {}

    def _has(self, title_norm: str, article: str = "", annex: str = "") -> bool:
        key = (title_norm, article, annex)
        if key not in self._units:
            flt = QueryFilter(title_norms=[title_norm], articles=[article] if article else [],
                              annexes=[annex] if annex else [])
            self._units[key] = bool(self.index.find(flt, limit=1))
        return self._units[key]

    def _code(self, code: str) -> tuple[str, list[str]]:
        if code not in self._code_labels:
            hits = self.index.find(QueryFilter(codes=[code]), limit=5000)
            title = normalize_title(hits[0].payload.get("title", "")) if hits else ""
            self._code_labels[code] = (title, sorted({h.payload.get("label", "") for h in hits}, key=len))
        return self._code_labels[code]

    def link(self, key: str, ref: CaseRef) -> CaseLink:
        if ref.code:
            title, labels = self._code(ref.code)
            if not ref.clause:
                return CaseLink(key, ref.span, title, code=ref.code, resolved=bool(labels))
            hits = [lb for lb in labels if _clause_hit(lb, ref.clause)]
            # the most specific unit holding the clause ("2.3.3" for 2.3.3.4 when units stop there)
            inside = [lb for lb in hits if ref.clause == lb or ref.clause.startswith(lb + ".")]
            clause = max(inside, key=len) if inside else ref.clause
            return CaseLink(key, ref.span, title, code=ref.code, clause=clause, resolved=bool(hits))
        return self.relink(CaseLink(key, ref.span, normalize_title(ref.title), article=ref.article, annex=ref.annex))

    def relink(self, link: CaseLink) -> CaseLink:
        """The link resolved against what is indexed now (an unchanged link when nothing matches)."""
        if link.code:
            return self.link(link.case_key, CaseRef(span=link.ref, code=link.code, clause=link.clause))
        title = self.titles.match(link.title_norm)
        if not title or not (link.article or link.annex):
            return link
        if self._has(title, link.article, link.annex):
            return CaseLink(link.case_key, link.ref, title, link.article, link.annex, resolved=True,
                            weight=link.weight)
        return link


def case_refs(unit_text: str, aliases: dict[str, str] | None = None) -> list[CaseRef]:
    return extract_refs(answer_part(unit_text), aliases)


def write_case_links(index: VectorIndex, registry, doc: Document) -> int:
    """Extract and resolve the links of a complaint document version just written; how many resolved."""
    if doc.kind != KIND_COMPLAINT:
        return 0
    resolver = Resolver(index, registry)
    links, seen = [], set()
    for u in doc.units:
        for ref in case_refs(u.text, resolver.aliases):
            link = resolver.link(case_key(doc.doc_key, u.label), ref)
            key = (link.case_key, link.title_norm, link.article, link.annex, link.code, link.clause)
            if key not in seen:  # two spellings of one unit ("액법 제44조", "「…법」 제44조") are one link
                seen.add(key)
                links.append(link)
    registry.replace_case_links(doc.version_key, links)
    return sum(1 for lk in links if lk.resolved)


def resolve_pending(index: VectorIndex, registry) -> int:
    """Late resolution after an ingest or sync: unresolved links whose law is now indexed; how many."""
    pending = registry.unresolved_case_links()
    if not pending:
        return 0
    resolver = Resolver(index, registry)
    groups: dict[tuple, list[tuple[int, CaseLink]]] = defaultdict(list)
    for i, link in pending:
        groups[(link.title_norm, link.code)].append((i, link))
    done, retitled, clauses = [], {}, {}
    for (title_norm, code), items in groups.items():
        if not code and not resolver.titles.match(title_norm):
            continue  # its law is still not indexed: no index query for any of its links
        for i, link in items:
            new = resolver.relink(link)
            if new.resolved:
                done.append(i)
                if new.title_norm != link.title_norm:
                    retitled[i] = new.title_norm
                if new.clause != link.clause:
                    clauses[i] = new.clause
    if done:
        registry.mark_case_links_resolved(done, retitled, clauses)
    return len(done)

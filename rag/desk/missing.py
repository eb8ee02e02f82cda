"""Laws a complaint or its type depends on that cannot be cited: the shared ``missing`` entries
(rag/named.py) of the complaint's own search, plus the type's governing law when it is not indexed,
instead of citing a neighbouring article."""
from __future__ import annotations

from rag import named
from rag.desk import classify as C
from rag.index.base import QueryFilter
from rag.model import normalize_title
from rag.references import ReferenceResolver

HINT = named.HINT
# the law that governs each type's decision (without it, no ground can be cited for the decision)
GOVERNING = {
    C.OPEN_INFO: "공공기관의 정보공개에 관한 법률",
    C.PERSONAL_VIEW: "개인정보 보호법",
}


def missing_laws(question: str, resolver: ReferenceResolver, indexed_titles: list[str]) -> list[dict]:
    """Laws named in the question (full title or 약칭) that the index does not hold, judged from the
    indexed titles alone (no index at hand); the search's ``missing`` also checks dates and articles."""
    have = {normalize_title(t) for t in indexed_titles}
    probe = named.Probe(lambda flt: not flt.title_norms or bool(set(flt.title_norms) & have))
    return [m for m in named.missing(resolver.resolve(question or ""), probe, QueryFilter())
            if m["reason"] == named.NOT_INDEXED]


def governing_missing(kind: str, found: list[dict], indexed_titles: list[str]) -> list[dict]:
    """``found`` (the complaint search's ``missing``) plus the type's governing law when not indexed."""
    out = list(found)
    law = GOVERNING.get(kind)
    have = {normalize_title(t) for t in indexed_titles}
    if law and normalize_title(law) not in have and all(m["law"] != law for m in out):
        out.append(named.not_indexed(f"「{law}」", law))
    return out

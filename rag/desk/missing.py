"""Laws a complaint or its type depends on that are not in the index: named, with how to add them,
instead of citing a neighbouring article."""
from __future__ import annotations

import re

from rag.desk import classify as C
from rag.model import normalize_title
from rag.references import ABBREVIATIONS, ReferenceResolver

HINT = "dasan sync로 추가할 수 있습니다"
# the law that governs each type's decision (without it, no ground can be cited for the decision)
GOVERNING = {
    C.OPEN_INFO: "공공기관의 정보공개에 관한 법률",
    C.PERSONAL_VIEW: "개인정보 보호법",
}


def _entry(reference: str, law: str) -> dict:
    return {"reference": reference, "law": law, "reason": "not_indexed", "hint": HINT}


def missing_laws(question: str, resolver: ReferenceResolver, indexed_titles: list[str]) -> list[dict]:
    """Laws named in the question (full title or 약칭) that the index does not hold."""
    have = {normalize_title(t) for t in indexed_titles}
    out: list[dict] = []
    seen: set[str] = set()
    found = []
    low = (question or "").lower()
    for short, full in ABBREVIATIONS.items():  # the resolver only fuzzy-matches indexed titles
        m = re.search(r"(?<![가-힣A-Za-z])" + re.escape(short.lower()), low)
        if m or full in (question or ""):
            found.append((question[m.start():m.end()] if m else full, full))
    found += [(t, t) for t in resolver.resolve(question or "").laws]  # after: a 약칭 as written is the better reference
    for reference, law in found:
        if normalize_title(law) in have or law in seen:
            continue
        seen.add(law)
        out.append(_entry(reference if reference != law else f"「{law}」", law))
    return out


def governing_missing(kind: str, text: str, resolver: ReferenceResolver, indexed_titles: list[str]) -> list[dict]:
    """Missing laws named in the text plus the type's governing law when it is not indexed."""
    out = missing_laws(text, resolver, indexed_titles)
    law = GOVERNING.get(kind)
    have = {normalize_title(t) for t in indexed_titles}
    if law and normalize_title(law) not in have and all(m["law"] != law for m in out):
        out.append(_entry(f"「{law}」", law))
    return out

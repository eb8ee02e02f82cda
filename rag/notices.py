"""Amendment notices for cited units: 시행예정 versions, recent amendments, past as-of dates."""
from __future__ import annotations

import difflib
from datetime import date, timedelta

from rag.index.base import QueryFilter, VectorIndex
from rag.model import unit_article_label

RECENT_DAYS = 365


def change_summary(old: str, new: str, width: int = 40) -> str:
    """The first changed passage, as 「old」 → 「new」, short enough for a notice line."""
    sm = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            continue
        a = old[max(0, i1 - 10): min(len(old), i2 + 10)].strip()
        b = new[max(0, j1 - 10): min(len(new), j2 + 10)].strip()
        return f"「{a[:width]}」 → 「{b[:width]}」"
    return ""


def _same_unit(index: VectorIndex, version_key: str, hit: dict) -> dict | None:
    """The unit with the same label in another version (narrowed by article/annex in the index)."""
    label = hit.get("unit") or ""
    flt = QueryFilter(version_keys=[version_key])
    article = unit_article_label(label)
    if article != label or label.startswith("제"):
        flt.articles = [article]
    elif label.startswith("별표"):
        flt.annexes = [label]
    for h in index.find(flt, limit=2000):
        if h.payload.get("label") == label:
            return h.payload
    return None


def notices_for(hits: list[dict], registry, index: VectorIndex, as_of: date, today: date) -> list[dict]:
    """Notices (Korean messages) for the units an answer cites."""
    out: list[dict] = []
    if as_of < today:
        out.append({"type": "as_of", "message": f"{as_of.isoformat()} 기준으로 시행 중이던 조문으로 답합니다. "
                                                 f"오늘({today.isoformat()}) 시행 중인 내용과 다를 수 있습니다."})
    seen: set[tuple] = set()
    for n, hit in enumerate(hits, start=1):
        doc_key, vk = hit.get("doc_key"), hit.get("version_key")
        key = (doc_key, hit.get("unit"))
        if not doc_key or key in seen:
            continue
        seen.add(key)
        title, label = hit["document"].get("title"), hit.get("unit")
        versions = [v for v in registry.versions_of(doc_key) if v.effective_from]
        newer = [v for v in versions if v.effective_from > as_of and v.version_key != vk]
        if newer:
            nxt = newer[0]
            other = _same_unit(index, nxt.version_key, hit)
            when = nxt.effective_from.isoformat()
            if other is None:
                msg = f"「{title}」 {label}은(는) {when}부터 시행되는 개정으로 삭제되거나 번호가 바뀝니다(시행예정)."
                out.append({"type": "pending_amendment", "source": n, "effective_from": when, "message": msg})
            elif (other.get("text") or "") != (hit.get("text") or ""):
                msg = f"「{title}」 {label}은(는) {when}부터 개정 내용이 시행됩니다(시행예정)."
                out.append({"type": "pending_amendment", "source": n, "effective_from": when, "message": msg,
                            "change": change_summary(hit.get("text") or "", other.get("text") or "")})
        recent = [d for d in hit.get("amended") or [] if as_of - timedelta(days=RECENT_DAYS)
                  <= date.fromisoformat(d) <= as_of]
        if recent:
            out.append({"type": "recent_amendment", "source": n, "date": max(recent),
                        "message": f"「{title}」 {label}은(는) 최근 {max(recent)}에 개정되었습니다."})
        if hit["document"].get("status") == "시행예정":
            out.append({"type": "not_in_force", "source": n,
                        "message": f"「{title}」 {label}은(는) 아직 시행되지 않은 조문입니다"
                                   f"(시행일 {hit['document'].get('effective_from')})."})
    return out

"""Amendment notices for cited units: 시행예정 versions, recent amendments, past as-of dates."""
from __future__ import annotations

import difflib
import re
from datetime import date, timedelta

from rag.clauses import clauses as _clauses
from rag.hits import Hit
from rag.index.base import QueryFilter, VectorIndex
from rag.model import unit_article_label
from rag.particles import josa
from rag.payload import UnitPayload

RECENT_DAYS = 365
_TOKEN = re.compile(r"<[^<>]*>|\[[^\[\]]*\]|\S+")  # a <개정 …> tag is one token
_TAG = re.compile(r"^<(?:개정|신설|전문개정|본조신설|삭제|종전)[^<>]*>$")
_CONTEXT = 3  # words of context on each side of a change


def _excerpt(tokens: list[str], i1: int, i2: int) -> str:
    a, b = max(0, i1 - _CONTEXT), min(len(tokens), i2 + _CONTEXT)
    body = " ".join(tokens[a:b])
    return ("…" if a > 0 else "") + body + ("…" if b < len(tokens) else "")


def clause_changes(old: str, new: str, limit: int = 3) -> list[str]:
    """The changed 항·호·목, each as 「label: old words」 → 「new words」 at word level: never cut inside a
    word or a <개정 …> tag. A clause added or deleted whole is shown as such."""
    a, b = _clauses(old), _clauses(new)
    sm = difflib.SequenceMatcher(a=[x[1] for x in a], b=[x[1] for x in b], autojunk=False)
    out: list[str] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            continue
        # pair changed lines by their 항·호·목 label (by position when unlabelled); the rest were
        # added or deleted whole
        free_b = list(range(j1, j2))
        for i in range(i1, i2):
            j = next((j for j in free_b if b[j][0] == a[i][0] and (a[i][0] or j - j1 == i - i1)), None)
            if j is None:
                out.append(f"{a[i][0] or '문장'} 삭제: 「{_excerpt(_TOKEN.findall(a[i][1]), 0, 2 * _CONTEXT)}」")
                continue
            free_b.remove(j)
            out.append(_word_change(a[i], b[j]))
        for j in free_b:
            out.append(f"{b[j][0] or '문장'} 신설: 「{_excerpt(_TOKEN.findall(b[j][1]), 0, 2 * _CONTEXT)}」")
        if len(out) >= limit:
            break
    return out[:limit]


def _word_change(old: tuple[str, str], new: tuple[str, str]) -> str:
    ta, tb = _TOKEN.findall(old[1]), _TOKEN.findall(new[1])
    sm = difflib.SequenceMatcher(a=ta, b=tb, autojunk=False)
    ops = [op for op in sm.get_opcodes() if op[0] != "equal"]
    # amendment tags (<개정 …>) are shown after the change, not as the change itself
    words = [op for op in ops if not all(_TAG.match(t) for t in ta[op[1]:op[2]] + tb[op[3]:op[4]])] or ops
    tags = [t for t in tb if _TAG.match(t) and t not in ta]
    # one span from the first to the last changed word (nearby edits read as one change)
    i1, i2 = words[0][1], words[-1][2]
    j1, j2 = words[0][3], words[-1][4]
    keep_a = [t for t in ta if not _TAG.match(t)] if tags else ta
    keep_b = [t for t in tb if not _TAG.match(t)] if tags else tb
    if tags:  # positions without the tags (tags sit at line ends in legalize-kr text)
        i1, i2 = _shift(ta, i1), _shift(ta, i2)
        j1, j2 = _shift(tb, j1), _shift(tb, j2)
    label = new[0] or old[0]
    head = f"{label}: " if label else ""
    tail = " " + " ".join(tags) if tags else ""
    return f"{head}「{_excerpt(keep_a, i1, i2)}」 → 「{_excerpt(keep_b, j1, j2)}」{tail}"


def _shift(tokens: list[str], i: int) -> int:
    return i - sum(1 for t in tokens[:i] if _TAG.match(t))


def change_summary(old: str, new: str) -> str:
    """The first changed clause as 「old」 → 「new」 (see ``clause_changes``)."""
    changes = clause_changes(old, new, limit=1)
    return changes[0] if changes else ""


def _same_unit(index: VectorIndex, version_key: str, hit: Hit) -> UnitPayload | None:
    """The unit with the same label in another version (narrowed by article/annex in the index)."""
    label = hit.unit or ""
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


def notices_for(hits: list[Hit], registry, index: VectorIndex, as_of: date, today: date) -> list[dict]:
    """Notices (Korean messages) for the units an answer cites: one per change (several hits of one
    article share it), in date order after the as-of notice."""
    head: list[dict] = []
    if as_of < today:
        head.append({"type": "as_of", "message": f"{as_of.isoformat()} 기준으로 시행 중이던 조문으로 답합니다. "
                                                  f"오늘({today.isoformat()}) 시행 중인 내용과 다를 수 있습니다."})
    out: dict[tuple, dict] = {}
    for n, hit in enumerate(hits, start=1):
        doc_key, vk = hit.doc_key, hit.version_key
        if not doc_key:
            continue
        title, label = hit.document.title, hit.unit or ""
        article = unit_article_label(label)
        subject = f"「{title}」 {josa(label, '은')}"
        versions = [v for v in registry.versions_of(doc_key) if v.effective_from]
        newer = sorted((v for v in versions if v.effective_from > as_of and v.version_key != vk),
                       key=lambda v: v.effective_from)
        if newer:
            nxt = newer[0]
            other = _same_unit(index, nxt.version_key, hit)
            when = nxt.effective_from.isoformat()
            key = ("pending", doc_key, article, when)
            if other is None and key not in out:
                out[key] = {"type": "pending_amendment", "source": n, "effective_from": when, "date": when,
                            "message": f"{subject} {when}부터 시행되는 개정으로 삭제되거나 번호가 바뀝니다(시행예정)."}
            elif other is not None and (other.get("text") or "") != (hit.text or ""):
                changes = clause_changes(hit.text or "", other.get("text") or "")
                if key in out:
                    out[key]["changes"] += [c for c in changes if c not in out[key]["changes"]]
                    out[key]["change"] = out[key]["changes"][0] if out[key]["changes"] else ""
                else:
                    out[key] = {"type": "pending_amendment", "source": n, "effective_from": when, "date": when,
                                "message": f"{subject} {when}부터 개정 내용이 시행됩니다(시행예정).",
                                "change": changes[0] if changes else "", "changes": changes}
        recent = [d for d in hit.amended or [] if as_of - timedelta(days=RECENT_DAYS)
                  <= date.fromisoformat(d) <= as_of]
        for d in sorted(set(recent)):
            out.setdefault(("recent", doc_key, article, d), {
                "type": "recent_amendment", "source": n, "date": d,
                "message": f"{subject} 최근 {d}에 개정되었습니다."})
        if hit.document.status == "시행예정":
            eff = hit.document.effective_from or ""
            out.setdefault(("not_in_force", doc_key, article, eff), {
                "type": "not_in_force", "source": n, "date": eff,
                "message": f"{subject} 아직 시행되지 않은 조문입니다(시행일 {eff})."})
    return head + sorted(out.values(), key=lambda x: (x.get("date") or "", x["source"]))

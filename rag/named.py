"""Laws and articles a question names that cannot be cited as of its date: the one ``missing`` shape.

``[{"reference": "정보공개법 제9조", "law": "공공기관의 정보공개에 관한 법률", "reason": …, "message": …,
"hint": …}]`` with reason ``not_indexed`` (a known law the index does not hold), ``not_in_force`` (held,
but no version, or not that article, in force on the 기준일) or ``no_such_article`` (the law is in force
and has no such article or 별표; ``law`` is null for a bare "별표 20" that no indexed text has). Search,
ask and the complaint desk all use it; the retriever never puts another document's article with the
same number in the place of a missing one (``same_numbered``).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Callable

from rag.index.base import QueryFilter, VectorIndex
from rag.model import normalize_title
from rag.references import Reference, Resolved

NOT_INDEXED, NOT_IN_FORCE, NO_SUCH_ARTICLE = "not_indexed", "not_in_force", "no_such_article"
HINT = "dasan sync로 추가할 수 있습니다"


def particle(word: str, pair: str) -> str:
    """은/는, 이/가, 을/를, 과/와 after ``word`` by its last syllable's 받침 ("법" -> 은, "시" -> 는)."""
    with_final, without = pair.split("/")
    last = next((ch for ch in reversed(word or "") if not ch.isspace() and ch not in "」』)\"'"), "")
    if "가" <= last <= "힣":
        return with_final if (ord(last) - 0xAC00) % 28 else without
    return f"{with_final}({without})"


def _law(title: str) -> str:
    return f"「{title}」"


def entry(reference: str, law: str | None, reason: str, message: str) -> dict:
    return {"reference": reference, "law": law, "reason": reason, "message": message,
            "hint": HINT if reason == NOT_INDEXED else ""}


def not_indexed(reference: str, law: str) -> dict:
    return entry(reference, law, NOT_INDEXED,
                 f"{_law(law)}{particle(law, '은/는')} 색인되어 있지 않습니다 — {HINT}.")


@dataclass
class Probe:
    """What the index holds for a title, an article or an annex (callables, so the desk can pass
    a cheaper one): ``holds(flt)`` is True when at least one unit matches the filter."""

    holds: Callable[[QueryFilter], bool]
    dates: Callable[[QueryFilter], list[str]] = lambda flt: []  # effective_from of the versions held

    @classmethod
    def of(cls, index: VectorIndex) -> Probe:
        return cls(lambda flt: bool(index.find(flt, limit=1)),
                   lambda flt: sorted({h.payload.get("effective_from") or "-" for h in index.find(flt, limit=500)}))


def law_state(title: str, probe: Probe, base: QueryFilter) -> str:
    """"ok", NOT_IN_FORCE or NOT_INDEXED for a law title as of ``base.as_of`` (caller's visibility)."""
    flt = replace(base, title_norms=[normalize_title(title)], kinds=[], exclude_kinds=[])
    if probe.holds(flt):
        return "ok"
    return NOT_IN_FORCE if probe.holds(replace(flt, as_of=None)) else NOT_INDEXED


def family(title: str) -> list[str]:
    """A law and its 시행령 and 시행규칙 (normalized): "액법 별표 20" usually means the 시행규칙's 별표 20."""
    norm = normalize_title(title)
    return [norm] + ([] if norm.endswith(("시행령", "시행규칙")) else [norm + "시행령", norm + "시행규칙"])


def _unit_filter(ref: Reference, base: QueryFilter) -> QueryFilter:
    # a 별표 named after a law may be its 시행령's or 시행규칙's; an article belongs to the law named
    norms = (family(ref.title) if ref.annex else [normalize_title(ref.title)]) if ref.title else []
    flt = replace(base, kinds=[], exclude_kinds=[], title_norms=norms)
    if ref.article:
        flt.articles = [ref.article]
    else:
        flt.annexes = [ref.annex]
    return flt


def reference_of(ref: Reference) -> str:
    """A named unit as the question wrote it ("정보공개법 제9조"), or built from its parts."""
    return ref.written or " ".join(x for x in (ref.title, ref.article or ref.annex) if x)


def missing(resolved: Resolved, probe: Probe, base: QueryFilter) -> list[dict]:
    """Every law, article and 별표 the question names that cannot be cited as of ``base.as_of``."""
    as_of = base.as_of.isoformat() if isinstance(base.as_of, date) else "오늘"
    states = {t: law_state(t, probe, base) for t in resolved.laws}
    out: list[dict] = []
    reported: set[str] = set()
    for ref in resolved.refs:
        if not (ref.article or ref.annex):
            continue  # technical-code clauses are fetched by code, not checked here
        unit = ref.article or ref.annex
        reference = reference_of(ref)
        state = states.get(ref.title, "ok") if ref.title else "ok"
        if state == NOT_INDEXED:
            out.append(not_indexed(reference, ref.title))
        elif state == NOT_IN_FORCE:
            dates = ", ".join(probe.dates(replace(base, as_of=None, title_norms=[normalize_title(ref.title)]))) or "없음"
            out.append(entry(reference, ref.title, NOT_IN_FORCE,
                             f"{_law(ref.title)}{particle(ref.title, '은/는')} 기준일({as_of})에 시행 중인 판이 "
                             f"없습니다(보유한 판의 시행일: {dates})."))
        else:
            flt = _unit_filter(ref, base)
            if probe.holds(flt):
                continue
            where = _law(ref.title) if ref.title else "색인된 법령"
            if ref.title and probe.holds(replace(flt, as_of=None)):
                dates = ", ".join(probe.dates(replace(flt, as_of=None))) or "-"
                out.append(entry(reference, ref.title, NOT_IN_FORCE,
                                 f"{where} {unit}{particle(unit, '은/는')} 기준일({as_of})에 시행 중이 아닙니다"
                                 f"(그 조문이 있는 판의 시행일: {dates})."))
            else:
                out.append(entry(reference, ref.title or None, NO_SUCH_ARTICLE,
                                 f"{where}에는 기준일({as_of}) 기준 {unit}{particle(unit, '이/가')} 없습니다."))
        if ref.title:
            reported.add(ref.title)
    for title, state in states.items():  # laws named without an article
        if state == "ok" or title in reported:
            continue
        written = resolved.written.get(title) or _law(title)
        if state == NOT_INDEXED:
            out.append(not_indexed(written, title))
        else:
            dates = ", ".join(probe.dates(replace(base, as_of=None, title_norms=[normalize_title(title)]))) or "없음"
            out.append(entry(written, title, NOT_IN_FORCE,
                             f"{_law(title)}{particle(title, '은/는')} 기준일({as_of})에 시행 중인 판이 없습니다"
                             f"(보유한 판의 시행일: {dates})."))
    return out


def same_numbered(payload: dict, gaps: list[dict], refs: list[Reference], laws: list[str]) -> bool:
    """Whether a candidate only shares its article or 별표 number with a named one that is missing
    (another document's 제9조 in place of 「정보공개법」 제9조): such a candidate is not shown. Units of
    the laws the question names (and their 시행령·시행규칙) are never dropped."""
    named = {n for t in laws for n in family(t)}
    if {payload.get("title_norm"), payload.get("parent_norm")} & named:
        return False
    missing_refs = {m["reference"] for m in gaps}
    for ref in refs:
        if reference_of(ref) not in missing_refs or not (ref.article or ref.annex):
            continue
        if ref.article and payload.get("article") == ref.article:
            return True
        if ref.annex and payload.get("annex") == ref.annex:
            return True
    return False


def only_unindexed(gaps: list[dict], found: bool) -> bool:
    """The question names laws, none of them indexed, and nothing it names was found: whatever else
    matches its words is another law's text, so an answer abstains (with the notice and closest passages)."""
    return bool(gaps) and not found and all(m["reason"] == NOT_INDEXED for m in gaps)


def lead(gaps: list[dict]) -> str:
    """The sentences an answer starts with when something named is missing ("" when nothing is)."""
    return "\n".join(f"※ {m['message']}" for m in gaps)

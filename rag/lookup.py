"""Looking an article up by document and unit (``dasan show``, GET /v1/show) or by point id
(GET /v1/units/{id}): the text in force on a date, never a version that was not."""
from __future__ import annotations

from datetime import date

from rag import named
from rag.index.base import QueryFilter
from rag.model import normalize_title
from rag.references import ReferenceResolver
from rag.hits import Hit


class NotFound(LookupError):
    """Nothing to show (Korean message)."""


def show_units(index, registry, titles: list[str], title: str, unit: str, as_of: date,
               visibility: list[str] | None = None, today: date | None = None) -> dict:
    """{"title", "as_of", "units": [Hit]}: the units of ``unit`` (제33조, 별표 2) of the document named ``title``
    (its title or 약칭) in force on ``as_of``; when none is, no units and a Korean "message" naming the
    dates of the versions held. NotFound for an unknown document. ``visibility`` limits what may be read
    (None: everything, for the shell administrator)."""
    if visibility is not None:  # a document the caller may not read is not named, not even as "not in force"
        seen = {t for v in registry.all_versions() if v.visibility in visibility for t in (v.title, v.parent_title) if t}
        titles = [t for t in titles if t in seen]
    resolver = ReferenceResolver(titles)
    mentions = resolver.resolve(title).laws
    found = next((t for t in titles if normalize_title(t) == normalize_title(title)), None) or \
        (mentions[0] if mentions else None)
    if not found:
        raise NotFound(f"'{title}'에 해당하는 문서를 찾지 못했습니다.")
    label = unit.replace(" ", "")
    if not label:
        raise NotFound("조문(예: 제33조)이나 별표(예: 별표 2)를 주세요.")
    flt = QueryFilter(as_of=as_of, title_norms=[normalize_title(found)], visibility=list(visibility or []))
    if label.startswith("별표"):
        flt.annexes = [label.replace("별표", "별표 ")]
    else:
        flt.articles = [label]
    hits = index.find(flt, limit=50)
    if not hits:
        versions = [v for v in registry.all_versions() if normalize_title(v.title) == normalize_title(found)
                    and (visibility is None or v.visibility in visibility)]
        dates = ", ".join(str(v.effective_from) for v in versions) or "없음"
        # not in force on the day, or no such article in that law: the same words search and ask use
        ref = resolver.resolve(f"{found} {flt.annexes[0] if flt.annexes else label}")
        gaps = named.missing(ref, named.Probe.of(index), QueryFilter(as_of=as_of, visibility=list(visibility or [])))
        message = gaps[0]["message"] if gaps else \
            f"「{found}」 {unit}: {as_of} 기준으로 시행 중인 조문이 없습니다(보유한 판의 시행일: {dates})."
        return {"title": found, "as_of": as_of.isoformat(), "units": [], "missing": gaps, "message": message}
    hits.sort(key=lambda h: h.payload.get("label", ""))
    return {"title": found, "as_of": as_of.isoformat(),
            "units": [Hit.of(h, i + 1, as_of, today) for i, h in enumerate(hits)]}


def unit_by_id(index, point_id: str, as_of: date, visibility: list[str] | None = None,
               today: date | None = None) -> Hit:
    """One indexed unit by its id (the ``id`` of a search hit or citation), with its status on ``as_of``."""
    found = index.retrieve([point_id])
    if not found or (visibility is not None and found[0].payload.get("visibility") not in visibility):
        raise NotFound("해당 조문을 찾지 못했습니다(색인에서 빠졌거나 볼 수 없는 문서입니다).")
    return Hit.of(found[0], 1, as_of, today)

"""Officials' feedback becomes case memory: a rated answer is a past case like any complaint.

👍 with citations, or a correction with citations: the question (and the corrected or accepted answer)
becomes a case (kind ``complaint``, document "의견 사례", masked, visibility ``org``) whose links to
the cited units weigh +1, so a similar later question finds those units higher. 👎 with citations
and no correction: the citations were wrong, the links weigh -1 and lower those units for similar
questions. Nothing is stored in no-retention mode (the caller checks), nor without a question or a
citation the case could lend to.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ingest.pii import mask
from rag.cases import REF_MAX, CaseLink, case_key
from rag.index.base import IndexHit
from rag.model import KIND_COMPLAINT, UNIT_CASE, VIS_ORG, VIS_PUBLIC, Document, Unit
from rag.payload import UnitPayload

DOC_TITLE = "의견 사례"
TITLE_CHARS = 80
# a feedback case is readable by the whole organisation: it may only name units that are too
SHAREABLE = (VIS_PUBLIC, VIS_ORG)


@dataclass
class FeedbackCase:
    doc: Document
    links: list[CaseLink]


def link_for(key: str, p: UnitPayload, weight: float) -> CaseLink | None:
    """A link to the unit a citation points at (article, annex or code clause), None for other units."""
    code = p.get("code") or ""
    article, annex = p.get("article") or "", p.get("annex") or ""
    if not (article or annex or code):
        return None
    title = p.get("title") or ""
    return CaseLink(case_key=key, ref=f"{title} {p.get('label') or ''}".strip()[:REF_MAX],
                    title_norm=p.get("title_norm") or "", article="" if code else article,
                    annex="" if code else annex, code=code, clause=(p.get("label") or "") if code else "",
                    resolved=True, weight=weight)


def build(feedback_id: int, rating: str, question: str, answer: str, correction: str,
          cited: list[IndexHit], department: str | None, today: date) -> FeedbackCase | None:
    """The case and its links, or None when this feedback teaches nothing reusable."""
    question = (question or "").strip()
    if not question or not cited:
        return None
    if correction.strip():
        weight, reply = 1.0, correction
    elif rating == "up":
        weight, reply = 1.0, answer
    else:
        weight, reply = -1.0, "(담당자가 이 답변의 인용을 잘못된 근거로 표시했습니다)"
    q = mask(question).masked
    title = q.splitlines()[0][:TITLE_CHARS]
    label = f"의견 {feedback_id}"
    unit = Unit(label=label, kind=UNIT_CASE, title=title,
                text=f"제목: {title}\n질문: {q}\n답변: {mask(reply or '').masked}",
                extra={"department": department or "", "date": today.isoformat(), "feedback": feedback_id,
                       "rating": rating})
    doc = Document(title=DOC_TITLE, kind=KIND_COMPLAINT, source=f"feedback:{feedback_id}",
                   source_id=f"feedback/{feedback_id}", units=[unit], visibility=VIS_ORG)
    key = case_key(doc.doc_key, label)
    links, seen = [], set()
    for h in cited:
        if h.payload.get("visibility") not in SHAREABLE or h.payload.get("kind") == KIND_COMPLAINT:
            continue
        link = link_for(key, h.payload, weight)
        if link is not None and (link.title_norm, link.article, link.annex, link.code, link.clause) not in seen:
            seen.add((link.title_norm, link.article, link.annex, link.code, link.clause))
            links.append(link)
    return FeedbackCase(doc, links) if links else None


def store(ingestor, registry, case: FeedbackCase) -> str:
    """Index the case (the runtime's embedder) and its links; returns the case key."""
    ingestor.write_document(case.doc)
    registry.add_case_links(case.links, case.doc.version_key)
    return case.links[0].case_key

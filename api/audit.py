"""Audit trail and feedback storage, honouring no-retention mode.

With ``DASAN_NO_RETENTION=1`` the text of questions, answers, corrections and comments is never
written anywhere (database, logs, data directory): only who, when, which sources, which model.
"""
from __future__ import annotations

import os

from sqlalchemy import select

from ingest.registry import AuditRow, FeedbackRow, Registry, now


def no_retention() -> bool:
    return os.environ.get("DASAN_NO_RETENTION", "").strip().lower() in ("1", "true", "yes", "on")


def _source_refs(citations: list[dict]) -> list[dict]:
    return [{"id": c.get("id"), "title": (c.get("document") or {}).get("title"), "unit": c.get("unit")}
            for c in citations or []]


def record_audit(registry: Registry, principal, route: str, question: str, result: dict | None,
                 status: int, duration_ms: float | None = None) -> None:
    """One audit row for an answered (or refused) request."""
    result = result or {}
    row = AuditRow(ts=now(), user=getattr(principal, "user", None), department=getattr(principal, "department", None),
                   route=route, question=None if no_retention() else question,
                   sources=_source_refs(result.get("citations") or result.get("hits") or []),
                   model=result.get("model"), tokens=result.get("usage"), status=status, duration_ms=duration_ms)
    with registry.session() as s, s.begin():
        s.add(row)


def audit_rows(registry: Registry, limit: int = 100) -> list[dict]:
    with registry.session() as s:
        rows = s.scalars(select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)).all()
        return [{"id": r.id, "ts": r.ts.isoformat(), "user": r.user, "department": r.department, "route": r.route,
                 "question": r.question, "sources": r.sources, "model": r.model, "tokens": r.tokens,
                 "status": r.status, "duration_ms": r.duration_ms} for r in rows]


def save_feedback(registry: Registry, principal, body: dict) -> int:
    keep = not no_retention()
    row = FeedbackRow(created_at=now(), user=getattr(principal, "user", None),
                      department=getattr(principal, "department", None), rating=body["rating"],
                      question=body.get("question") if keep else None, answer=body.get("answer") if keep else None,
                      correction=body.get("correction") if keep else None,
                      comment=body.get("comment") if keep else None, citations=body.get("citations") or [],
                      as_of=body.get("as_of"))
    with registry.session() as s, s.begin():
        s.add(row)
        s.flush()
        return row.id


def feedback_rows(registry: Registry, limit: int = 500) -> list[dict]:
    with registry.session() as s:
        rows = s.scalars(select(FeedbackRow).order_by(FeedbackRow.id.desc()).limit(limit)).all()
        return [{"id": r.id, "created_at": r.created_at.isoformat(), "user": r.user, "department": r.department,
                 "rating": r.rating, "question": r.question, "answer": r.answer, "correction": r.correction,
                 "comment": r.comment, "citations": r.citations, "as_of": r.as_of} for r in rows]


def feedback_as_eval_items(rows: list[dict]) -> list[dict]:
    """Feedback in the kgs_dev.jsonl shape, so ``dasan eval`` runs on what officials flagged.

    👍 answers keep their citations as gold; 👎 answers with a correction keep the corrected text as
    the reference answer and the citations the official kept (if any) as gold."""
    items = []
    for r in rows:
        if not r.get("question"):
            continue  # no-retention feedback has no question to evaluate
        gold = [{"doc": c.get("title") or "", "unit": c.get("unit") or ""} for c in r.get("citations") or []
                if isinstance(c, dict)]
        items.append({"id": f"feedback-{r['id']}", "title": r["question"][:60], "question": r["question"],
                      "reference_answer": r.get("correction") or r.get("answer") or "",
                      "gold": gold if r["rating"] == "up" or r.get("correction") else [],
                      "gold_outside_corpus": [], "rating": r["rating"], "comment": r.get("comment")})
    return items


def record_admin(registry: Registry, principal, route: str, target: str, removed: list[dict],
                 status: int = 200) -> None:
    """One audit row for an administrative change (``remove``, ``prune``): who, when, what was retired.
    The target (a title or path) is kept like a question: not in no-retention mode."""
    row = AuditRow(ts=now(), user=getattr(principal, "user", None), department=getattr(principal, "department", None),
                   route=route, question=None if no_retention() else target,
                   sources=[{"id": c.get("version_key"), "title": c.get("title"), "unit": None} for c in removed],
                   model=None, tokens=None, status=status, duration_ms=None)
    with registry.session() as s, s.begin():
        s.add(row)

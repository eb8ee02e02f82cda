"""Sync reports and repeal marking, shared by the law.go.kr and legalize-kr sources."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ingest.registry import VersionRow
from rag.index.base import OPEN_END, date_int


@dataclass
class SourceReport:
    """Counts for one configured source (a law, a rule list, a mirror repository)."""

    new: int = 0  # versions written
    unchanged: int = 0  # versions already in the registry: not fetched, not parsed
    repealed: int = 0
    fetched: int = 0  # bodies downloaded or files parsed
    errors: list[str] = field(default_factory=list)


@dataclass
class SyncReport:
    sources: dict[str, SourceReport] = field(default_factory=dict)
    seconds: float = 0.0
    run_id: int = 0

    def source(self, name: str) -> SourceReport:
        return self.sources.setdefault(name, SourceReport())

    def total(self, attr: str) -> int:
        return sum(len(s.errors) if attr == "errors" else getattr(s, attr) for s in self.sources.values())

    def to_dict(self) -> dict:
        return {"seconds": round(self.seconds, 2), "run_id": self.run_id,
                "sources": {k: vars(v) for k, v in self.sources.items()}}


def mark_repealed(ingestor, doc_key: str, on: date | None) -> bool:
    """Mark the latest version of ``doc_key`` repealed, in force until ``on``; False if nothing changed.

    Index payload first, registry second (as close_versions does), so an interrupted call is redone.
    """
    versions = ingestor.registry.versions_of(doc_key)
    if not versions:
        return False
    last = versions[-1]
    until = on if on is not None else last.effective_to
    if last.repealed and last.effective_to == until:
        return False
    ids = list(ingestor.registry.unit_hashes(last.version_key))
    ingestor.index.set_payload(ids, {"repealed": True, "eff_to": date_int(until, OPEN_END),
                                     "effective_to": until.isoformat() if until else None})
    with ingestor.registry.session() as s, s.begin():
        row = s.get(VersionRow, last.version_key)
        row.repealed, row.effective_to = True, until
    return True

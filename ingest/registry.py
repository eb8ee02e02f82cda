"""The SQL registry of documents, versions, units and ingest runs (SQLite by default, any
SQLAlchemy URL such as PostgreSQL via ``DASAN_DATABASE_URL``)."""
from __future__ import annotations

import json
from datetime import date, datetime, timezone

from sqlalchemy import (JSON, Boolean, Date, DateTime, Float, ForeignKey, Integer, LargeBinary, String, Text,
                        create_engine, select, update)
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from rag.cases import REF_MAX, CaseLink


class Base(DeclarativeBase):
    pass


class VersionRow(Base):
    """One version of one document (법령ID/title + 시행일자 + MST)."""

    __tablename__ = "versions"
    version_key: Mapped[str] = mapped_column(String(512), primary_key=True)
    doc_key: Mapped[str] = mapped_column(String(512), index=True)
    title: Mapped[str] = mapped_column(String(512), index=True)
    title_norm: Mapped[str] = mapped_column(String(512), index=True)
    parent_title: Mapped[str] = mapped_column(String(512), default="")
    kind: Mapped[str] = mapped_column(String(32), index=True)
    source: Mapped[str] = mapped_column(Text)
    law_id: Mapped[str] = mapped_column(String(64), default="")
    mst: Mapped[str] = mapped_column(String(64), default="")
    promulgated_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    promulgation_no: Mapped[str] = mapped_column(String(64), default="")
    effective_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    effective_to: Mapped[date | None] = mapped_column(Date, nullable=True)
    repealed: Mapped[bool] = mapped_column(Boolean, default=False)
    content_hash: Mapped[str] = mapped_column(String(64))
    unit_count: Mapped[int] = mapped_column(Integer, default=0)
    abbreviations: Mapped[list] = mapped_column(JSON, default=list)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    visibility: Mapped[str] = mapped_column(String(256), default="public")


class UnitRow(Base):
    """One indexed point: lets re-ingest skip unchanged units and find stale ones."""

    __tablename__ = "units"
    point_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    version_key: Mapped[str] = mapped_column(ForeignKey("versions.version_key", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(512))
    text_hash: Mapped[str] = mapped_column(String(64))


class EmbeddingRow(Base):
    """Dense vector by content hash and model: unchanged text is never embedded twice."""

    __tablename__ = "embeddings"
    text_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    model: Mapped[str] = mapped_column(String(256), primary_key=True)
    vector: Mapped[bytes] = mapped_column(LargeBinary)


class RunRow(Base):
    """One ingest run: what it read, what it wrote, what failed."""

    __tablename__ = "ingest_runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="running")
    sources: Mapped[list] = mapped_column(JSON, default=list)
    counts: Mapped[dict] = mapped_column(JSON, default=dict)
    errors: Mapped[list] = mapped_column(JSON, default=list)
    # per file: status, parser, units, reason and what changed (ingest/changes.py); unchanged ones in short
    files: Mapped[list] = mapped_column(JSON, default=list)


class SourceFileRow(Base):
    """A file ingest has read: its hash, and the versions it produced."""

    __tablename__ = "source_files"
    path: Mapped[str] = mapped_column(String(1024), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    parser: Mapped[str] = mapped_column(String(32))
    version_keys: Mapped[list] = mapped_column(JSON, default=list)
    units: Mapped[int] = mapped_column(Integer, default=0)
    seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # front matter 공개범위 per version key (what the file itself says), and a `--visibility` kept for the file
    declared: Mapped[dict] = mapped_column(JSON, default=dict)
    visibility_override: Mapped[str | None] = mapped_column(String(256), nullable=True)
    # versions this file produced that ``dasan remove`` took out: not re-indexed until the file changes
    retired: Mapped[list | None] = mapped_column(JSON, nullable=True)


class FeedbackRow(Base):
    """An official's 👍/👎 on an answer, with an optional correction."""

    __tablename__ = "feedback"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    user: Mapped[str | None] = mapped_column(String(256), nullable=True)
    department: Mapped[str | None] = mapped_column(String(256), nullable=True)
    rating: Mapped[str] = mapped_column(String(8))
    question: Mapped[str | None] = mapped_column(Text, nullable=True)
    answer: Mapped[str | None] = mapped_column(Text, nullable=True)
    correction: Mapped[str | None] = mapped_column(Text, nullable=True)
    comment: Mapped[str | None] = mapped_column(Text, nullable=True)
    citations: Mapped[list] = mapped_column(JSON, default=list)
    as_of: Mapped[str | None] = mapped_column(String(10), nullable=True)


class AuditRow(Base):
    """Who asked, when, which sources came back, which model answered, tokens used."""

    __tablename__ = "audit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    ts: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    user: Mapped[str | None] = mapped_column(String(256), nullable=True, index=True)
    department: Mapped[str | None] = mapped_column(String(256), nullable=True)
    route: Mapped[str] = mapped_column(String(64))
    question: Mapped[str | None] = mapped_column(Text, nullable=True)
    sources: Mapped[list] = mapped_column(JSON, default=list)
    model: Mapped[str | None] = mapped_column(String(128), nullable=True)
    tokens: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    status: Mapped[int] = mapped_column(Integer)
    duration_ms: Mapped[float | None] = mapped_column(nullable=True)


class CaseLinkRow(Base):
    """One reference a past case's answer makes (see rag.cases.CaseLink)."""

    __tablename__ = "case_links"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_key: Mapped[str] = mapped_column(String(1024), index=True)
    # the complaint document version the case came from: its rows go when that version is rewritten or deleted
    case_version_key: Mapped[str] = mapped_column(String(1024), index=True)
    ref: Mapped[str] = mapped_column(String(256), default="")
    title_norm: Mapped[str] = mapped_column(String(512), default="")
    article: Mapped[str] = mapped_column(String(64), default="")
    annex: Mapped[str] = mapped_column(String(64), default="")
    code: Mapped[str] = mapped_column(String(64), default="")
    clause: Mapped[str] = mapped_column(String(64), default="")
    resolved: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    weight: Mapped[float] = mapped_column(Float, default=1.0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


def _link_row(link: CaseLink, case_version_key: str, at: datetime) -> CaseLinkRow:
    return CaseLinkRow(case_key=link.case_key, case_version_key=case_version_key, ref=link.ref[:REF_MAX],
                       title_norm=link.title_norm, article=link.article, annex=link.annex, code=link.code,
                       clause=link.clause, resolved=bool(link.resolved), weight=float(link.weight), created_at=at)


def _link(row: CaseLinkRow) -> CaseLink:
    return CaseLink(case_key=row.case_key, ref=row.ref, title_norm=row.title_norm, article=row.article,
                    annex=row.annex, code=row.code, clause=row.clause, resolved=bool(row.resolved),
                    weight=float(row.weight))


def now() -> datetime:
    return datetime.now(timezone.utc)


class Registry:
    """Thin data-access layer; every write is one transaction."""

    def __init__(self, url: str) -> None:
        kwargs = {"connect_args": {"timeout": 30}} if url.startswith("sqlite") else {"pool_pre_ping": True}
        self.engine = create_engine(url, **kwargs)
        from ingest.migrate import upgrade

        upgrade(self.engine)

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def version(self, version_key: str) -> VersionRow | None:
        with self.session() as s:
            return s.get(VersionRow, version_key)

    def versions_of(self, doc_key: str) -> list[VersionRow]:
        with self.session() as s:
            rows = s.scalars(select(VersionRow).where(VersionRow.doc_key == doc_key)).all()
            return sorted(rows, key=lambda r: (r.effective_from or date.min, r.version_key))

    def all_versions(self) -> list[VersionRow]:
        with self.session() as s:
            return list(s.scalars(select(VersionRow)).all())

    def unit_hashes(self, version_key: str) -> dict[str, str]:
        with self.session() as s:
            rows = s.execute(select(UnitRow.point_id, UnitRow.text_hash).where(UnitRow.version_key == version_key))
            return {pid: h for pid, h in rows}

    def save_version(self, row: VersionRow, units: list[UnitRow]) -> None:
        """Replace a version and its unit list atomically."""
        with self.session() as s, s.begin():
            s.merge(row)
            s.query(UnitRow).filter(UnitRow.version_key == row.version_key).delete()
            s.add_all(units)

    def set_effective_to(self, version_key: str, effective_to: date | None) -> None:
        with self.session() as s, s.begin():
            row = s.get(VersionRow, version_key)
            if row is not None:
                row.effective_to = effective_to

    def set_visibility(self, version_key: str, visibility: str) -> None:
        with self.session() as s, s.begin():
            row = s.get(VersionRow, version_key)
            if row is not None:
                row.visibility = visibility

    def delete_version(self, version_key: str) -> None:
        """Forget a version and its units (the caller deletes the index points first)."""
        with self.session() as s, s.begin():
            s.query(UnitRow).filter(UnitRow.version_key == version_key).delete()
            s.query(VersionRow).filter(VersionRow.version_key == version_key).delete()
            s.query(CaseLinkRow).filter(CaseLinkRow.case_version_key == version_key).delete()

    def cached_vectors(self, model: str, hashes: list[str]) -> dict[str, bytes]:
        out: dict[str, bytes] = {}
        with self.session() as s:
            for i in range(0, len(hashes), 500):
                chunk = hashes[i : i + 500]
                q = select(EmbeddingRow.text_hash, EmbeddingRow.vector).where(
                    EmbeddingRow.model == model, EmbeddingRow.text_hash.in_(chunk))
                out.update({h: v for h, v in s.execute(q)})
        return out

    def cache_vectors(self, model: str, vectors: dict[str, bytes]) -> None:
        if not vectors:
            return
        with self.session() as s, s.begin():
            for h, v in vectors.items():
                s.merge(EmbeddingRow(text_hash=h, model=model, vector=v))

    def source_file(self, path: str) -> SourceFileRow | None:
        with self.session() as s:
            return s.get(SourceFileRow, path)

    def save_source_file(self, row: SourceFileRow) -> None:
        with self.session() as s, s.begin():
            s.merge(row)

    def source_files(self, under: str | None = None) -> list[SourceFileRow]:
        """Files ingest has read, all or those under a folder (a resolved path)."""
        with self.session() as s:
            q = select(SourceFileRow)
            if under is not None:
                q = q.where(SourceFileRow.path.startswith(under.rstrip("/") + "/", autoescape=True))
            return list(s.scalars(q.order_by(SourceFileRow.path)).all())

    def delete_source_file(self, path: str) -> None:
        with self.session() as s, s.begin():
            s.query(SourceFileRow).filter(SourceFileRow.path == path).delete()

    def unit_labels(self, version_key: str) -> list[tuple[str, str]]:
        """(label, text hash) of a version's units, in the order they were written."""
        with self.session() as s:
            rows = s.execute(select(UnitRow.label, UnitRow.text_hash).where(UnitRow.version_key == version_key))
            return [(label, h) for label, h in rows]

    def has_versions(self, version_keys: list[str]) -> bool:
        with self.session() as s:
            found = s.scalars(select(VersionRow.version_key).where(VersionRow.version_key.in_(version_keys))).all()
            return len(set(found)) == len(set(version_keys))

    def replace_case_links(self, case_version_key: str, links: list[CaseLink]) -> None:
        """The links of one complaint document version, replacing what that version had."""
        at = now()
        with self.session() as s, s.begin():
            s.query(CaseLinkRow).filter(CaseLinkRow.case_version_key == case_version_key).delete()
            s.add_all([_link_row(link, case_version_key, at) for link in links])

    def add_case_links(self, links: list[CaseLink], case_version_key: str) -> None:
        """Append links (a case made from feedback adds to what is there)."""
        if not links:
            return
        at = now()
        with self.session() as s, s.begin():
            s.add_all([_link_row(link, case_version_key, at) for link in links])

    def case_links(self, case_keys: list[str]) -> dict[str, list[CaseLink]]:
        """Links of these cases, in insertion order (one query per 500 keys: the retrieval hot path)."""
        out: dict[str, list[CaseLink]] = {}
        keys = list(dict.fromkeys(case_keys))
        with self.session() as s:
            for i in range(0, len(keys), 500):
                q = select(CaseLinkRow).where(CaseLinkRow.case_key.in_(keys[i:i + 500])).order_by(CaseLinkRow.id)
                for row in s.scalars(q):
                    out.setdefault(row.case_key, []).append(_link(row))
        return out

    def case_links_of_version(self, case_version_key: str) -> list[CaseLink]:
        with self.session() as s:
            q = select(CaseLinkRow).where(CaseLinkRow.case_version_key == case_version_key).order_by(CaseLinkRow.id)
            return [_link(r) for r in s.scalars(q)]

    def unresolved_case_links(self) -> list[tuple[int, CaseLink]]:
        with self.session() as s:
            q = select(CaseLinkRow).where(CaseLinkRow.resolved.is_(False)).order_by(CaseLinkRow.id)
            return [(r.id, _link(r)) for r in s.scalars(q)]

    def mark_case_links_resolved(self, ids: list[int], title_norms: dict[int, str] | None = None,
                                 clauses: dict[int, str] | None = None) -> None:
        """Mark links resolved; ``title_norms`` / ``clauses`` give a link the title or code unit it resolved
        to when that differs from what was written."""
        title_norms, clauses = title_norms or {}, clauses or {}
        with self.session() as s, s.begin():
            plain = [i for i in ids if i not in title_norms and i not in clauses]
            for j in range(0, len(plain), 500):
                s.execute(update(CaseLinkRow).where(CaseLinkRow.id.in_(plain[j:j + 500])).values(resolved=True))
            for i in set(ids) - set(plain):
                values = {"resolved": True}
                if i in title_norms:
                    values["title_norm"] = title_norms[i]
                if i in clauses:
                    values["clause"] = clauses[i]
                s.execute(update(CaseLinkRow).where(CaseLinkRow.id == i).values(**values))

    def start_run(self, sources: list[str]) -> int:
        with self.session() as s, s.begin():
            run = RunRow(started_at=now(), sources=sources, counts={}, errors=[])
            s.add(run)
            s.flush()
            return run.id

    def finish_run(self, run_id: int, counts: dict, errors: list[dict], status: str = "ok",
                   files: list[dict] | None = None) -> None:
        with self.session() as s, s.begin():
            run = s.get(RunRow, run_id)
            run.finished_at, run.counts, run.errors, run.status = now(), counts, errors, status
            if files is not None:
                run.files = files

    @staticmethod
    def _run_dict(r: RunRow, files: bool) -> dict:
        out = {"id": r.id, "started_at": r.started_at.isoformat(), "status": r.status,
               "finished_at": r.finished_at.isoformat() if r.finished_at else None,
               "sources": r.sources, "counts": r.counts, "errors": r.errors}
        if files:
            out["files"] = r.files or []
        return json.loads(json.dumps(out, default=str))

    def runs(self, limit: int = 20) -> list[dict]:
        """The latest runs, newest first, without their per-file lists (``run`` has them)."""
        with self.session() as s:
            rows = s.scalars(select(RunRow).order_by(RunRow.id.desc()).limit(limit)).all()
            return [self._run_dict(r, False) for r in rows]

    def run(self, run_id: int) -> dict | None:
        """One run with what happened to each file."""
        with self.session() as s:
            r = s.get(RunRow, run_id)
            return None if r is None else self._run_dict(r, True)

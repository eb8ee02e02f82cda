"""One way to run an ingest job (files and folders, a sync, a removal): used by ``dasan ingest``,
``dasan crawl --ingest``, ``dasan sync``, ``dasan remove`` and the API's background jobs.

Each job takes the ingest lock (ingest/runs.py) and builds its own Ingestor, so options such as
``force`` belong to the job, never to a runtime shared with other threads.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ingest.changes import change_counts
from ingest.pipeline import IngestReport, Ingestor
from ingest.runs import ingest_lock


@dataclass(frozen=True)
class IngestJob:
    paths: tuple[Path, ...] = ()
    sync_config: str | None = None
    force: bool = False
    visibility: str | None = None
    prune: bool = False
    history: int | None = None  # legalize-kr: past versions per file (sync)


@dataclass
class JobResult:
    report: IngestReport | None = None
    sync: object | None = None  # ingest.sources SyncReport
    extra: dict = field(default_factory=dict)

    def failed(self) -> bool:
        """Any file or source failed (the CLI exits 1)."""
        return bool((self.report and self.report.count("error")) or (self.sync and self.sync.total("errors")))


def report_summary(report: IngestReport, index_points: int) -> dict:
    """The numbers ``dasan ingest`` prints and GET /v1/ingest returns for a finished run."""
    c = change_counts([vars(f) for f in report.files])
    return {"run_id": report.run_id, "files": len(report.files), "indexed": c["ok"], "unchanged": c["unchanged"],
            "skipped": c["skipped"], "errors": c["error"], "removed": c["removed"], "new": c["new"],
            "new_version": c["new_version"], "updated": c["updated"], "units": report.units,
            "embedded": report.embedded, "seconds": round(report.seconds, 2),
            "embed_seconds": round(report.embed_seconds, 2), "index_points": index_points,
            "answers_backfilled": report.answers_backfilled}


def _ingestor(rt, force: bool = False) -> Ingestor:
    return Ingestor(rt.index, rt.registry, rt.embedder, force=force)


def run_ingest(rt, job: IngestJob, progress=None, refuse=None) -> JobResult:
    """Run ``job`` under the ingest lock (IngestBusy when another holds it). ``progress(FileReport)`` is
    called per file; ``refuse(path) -> reason | None`` skips files met in a folder walk."""
    out = JobResult()
    with ingest_lock(rt.settings.home, rt.registry):
        ingestor = _ingestor(rt, job.force)
        if job.paths:
            out.report = ingestor.ingest_paths(list(job.paths), progress=progress, refuse=refuse,
                                               visibility=job.visibility, prune=job.prune)
        if job.sync_config:
            from ingest.sources.sync import run_sync

            out.sync = run_sync(job.sync_config, ingestor, rt.settings.home, rt.settings.today(), job.history)
    return out


def run_removal(rt, target: str):
    """``dasan remove``: retire a document or what a source path indexed, under the ingest lock."""
    from ingest.removal import remove

    with ingest_lock(rt.settings.home, rt.registry):
        return remove(_ingestor(rt), target)

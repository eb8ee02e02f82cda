"""One sync over every configured source (law.go.kr DRF, legalize-kr mirrors): used by ``dasan sync``
and by the admin ingest endpoint. Callers hold the ingest lock."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from ingest.case_links import resolve_pending
from ingest.sources.lawgokr import SourcesConfig, SyncReport, sync_sources
from ingest.sources.legalize import sync_legalize


def run_sync(config_path: str | Path, ingestor, home: Path, today: date, history: int | None = None) -> SyncReport:
    """Fetch and index what changed in the sources listed in ``config_path`` (sources.toml)."""
    cfg = SourcesConfig.load(config_path)
    report = SyncReport()
    if cfg.laws or cfg.admin_rules or cfg.ordinances or cfg.interpretations.get("query"):
        with cfg.client() as c:
            report = sync_sources(c, cfg, ingestor, home / "lawgokr", today=today)
    for repo in cfg.legalize_paths():
        sync_legalize(repo, ingestor, home / "legalize-state.json",
                      history=history if history is not None else cfg.legalize_history, today=today, report=report)
    # past cases citing a law this sync brought in now point at it (the cases are not read again)
    resolve_pending(ingestor.index, ingestor.registry)
    return report

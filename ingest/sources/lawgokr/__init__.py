"""law.go.kr Open API (DRF) connector behind `dasan sync`.

- ``client``: the polite HTTP client and the error-body check (``LawGoKrClient``, ``LawGoKrError``, ``check_body``);
- ``config``: the sources configuration (``SourcesConfig``, corpora/sources.toml);
- ``bodies``: 자치법규 and 법령해석례 bodies mapped onto documents (``parse_body``);
- ``sync``: the incremental sync state machine (``sync_sources``).

The report types (``SyncReport``, ``SourceReport``, ``mark_repealed``) live in ``ingest.sources.reports``,
shared with the legalize-kr source; they are re-exported here.
"""
from ingest.sources.lawgokr.bodies import parse_body
from ingest.sources.lawgokr.client import (DEFAULT_BASE, DEFAULT_REFERER, TARGET_NAMES, USER_AGENT, LawGoKrClient,
                                          LawGoKrError, check_body)
from ingest.sources.lawgokr.config import SourcesConfig
from ingest.sources.lawgokr.sync import sync_sources
from ingest.sources.reports import SourceReport, SyncReport, mark_repealed

__all__ = ["DEFAULT_BASE", "DEFAULT_REFERER", "TARGET_NAMES", "USER_AGENT", "LawGoKrClient", "LawGoKrError",
           "SourceReport", "SourcesConfig", "SyncReport", "check_body", "mark_repealed", "parse_body",
           "sync_sources"]

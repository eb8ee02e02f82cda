"""Taking documents out of the index: ``dasan remove`` and ``dasan ingest --prune``.

Retiring is not repealing. A repealed law stays indexed as history (its versions closed, shown with
their status). A retired document is gone: its points leave the index and its versions the registry,
so it is neither found nor announced (시행예정) any more, and the versions around it are closed again.

``--prune`` retires what a file gone from an ingested folder had indexed. ``dasan remove`` takes a
document (title, 약칭 or document key) or a source path (file or folder); a file still on disk keeps
its removed documents out until its content changes (``source_files.retired``), or ``--force``.
Callers hold the ingest lock.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ingest.changes import REMOVED, RETIRED, DocChange
from rag.model import normalize_title


class RemovalNotFound(LookupError):
    """Nothing indexed matches the target (Korean message)."""


@dataclass
class Removal:
    target: str
    files: list[str] = field(default_factory=list)
    changes: list[dict] = field(default_factory=list)  # one RETIRED DocChange per version

    def to_dict(self) -> dict:
        return {"target": self.target, "files": self.files, "removed": self.changes}


def retire_versions(ingestor, version_keys) -> list[dict]:
    """Delete these versions from index (first) and registry; close the versions left around them."""
    registry, out, docs = ingestor.registry, [], set()
    for vk in dict.fromkeys(version_keys):
        row = registry.version(vk)
        if row is None:
            continue
        ingestor.index.delete(sorted(registry.unit_hashes(vk)))
        registry.delete_version(vk)
        docs.add(row.doc_key)
        eff = row.effective_from.isoformat() if row.effective_from else None
        out.append(DocChange(RETIRED, row.title, vk, eff, row.unit_count).to_dict())
    for doc_key in sorted(docs):
        ingestor.close_versions(doc_key)
    return out


def _kept_by_others(registry, leaving: set[str]) -> set[str]:
    """Version keys that source files other than ``leaving`` still produce (one read of the file table)."""
    return {k for row in registry.source_files() if row.path not in leaving for k in row.version_keys or []}


def prune_missing(ingestor, folders: list[Path]) -> list:
    """Retire what files gone from these folders had indexed; one FileReport (status removed) per file."""
    from ingest.pipeline import FileReport

    registry, out = ingestor.registry, []
    for folder in folders:
        gone = [r for r in registry.source_files(os.path.realpath(folder)) if not os.path.exists(r.path)]
        keep = _kept_by_others(registry, {r.path for r in gone}) if gone else set()
        for row in gone:
            changes = retire_versions(ingestor, [k for k in row.version_keys or [] if k not in keep])
            registry.delete_source_file(row.path)
            out.append(FileReport(row.path, row.parser, REMOVED, documents=len(changes),
                                  reason="폴더에서 사라진 파일이라 색인에서 뺐습니다", changes=changes))
    return out


def _by_path(registry, target: str) -> list:
    real = os.path.realpath(target)
    row = registry.source_file(real)
    return [row] if row is not None else registry.source_files(real)


def _by_document(registry, target: str) -> list[str]:
    want = normalize_title(target)
    docs = {v.doc_key for v in registry.all_versions()
            if target in (v.doc_key, v.version_key) or normalize_title(v.title) == want
            or want in {normalize_title(a) for a in v.abbreviations or []}}
    return [v.version_key for d in sorted(docs) for v in registry.versions_of(d)]


def remove(ingestor, target: str) -> Removal:
    """Retire a document (every version) or what a source file or folder indexed."""
    registry, out = ingestor.registry, Removal(target)
    target = target.strip()
    if not target:
        raise RemovalNotFound("뺄 문서(법령명·약칭)나 원본 경로를 주세요.")
    rows = _by_path(registry, target) if ("/" in target or os.path.exists(target)) else []
    if rows:
        keep = _kept_by_others(registry, {r.path for r in rows})
        for row in rows:
            keys = set(row.version_keys or [])
            out.changes += retire_versions(ingestor, [k for k in row.version_keys or [] if k not in keep])
            _mark_retired(registry, row, keys)
            out.files.append(row.path)
        return out
    keys = _by_document(registry, target)
    if not keys:
        raise RemovalNotFound(f"'{target}'에 해당하는 문서나 색인한 원본 파일을 찾지 못했습니다. "
                              "법령명·약칭, 또는 색인한 파일·폴더 경로를 주세요.")
    out.changes = retire_versions(ingestor, keys)
    gone = set(keys)
    for row in registry.source_files():
        if gone & set(row.version_keys or []):
            _mark_retired(registry, row, gone)
            out.files.append(row.path)
    return out


def _mark_retired(registry, row, keys: set[str]) -> None:
    """The file no longer lists these versions, and remembers them so an unchanged file leaves them out."""
    row.retired = sorted(set(row.retired or []) | (keys & set(row.version_keys or [])))
    row.version_keys = [k for k in row.version_keys or [] if k not in keys]
    row.units = sum(v.unit_count for v in map(registry.version, row.version_keys) if v is not None)
    registry.save_source_file(row)

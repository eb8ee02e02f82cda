"""Ingest: files -> parsers -> llama-index TextNodes -> sparse + dense transforms -> index + registry.

The pipeline is llama-index's ``IngestionPipeline`` running our own ``TransformComponent``s, so each
step can be tested, timed and swapped alone. Versioning stays ours: a version is written only when
its content hash is new, its points are upserted in one operation, and only then is the registry
updated, so a crash leaves the previous index usable and the next run redoes the work.
"""
from __future__ import annotations

import hashlib
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from llama_index.core.ingestion import IngestionPipeline
from llama_index.core.schema import TextNode, TransformComponent

from ingest import answer_vectors
from ingest.case_links import resolve_pending, write_case_links
from ingest.changes import VISIBILITY, DocChange, change_counts, doc_change, stored_files
from ingest.links import link_annexes, payload_text
from ingest.parsers import MAX_FILE_BYTES, parse_file
from ingest.parsers.base import ParseError, SkipFile
from ingest.registry import Registry, SourceFileRow, UnitRow, VersionRow, now
from ingest.visibility import CLEAR, RULE_FILE, Rules, VisibilityError, check
from rag import tokenize
from rag.case_memory import case_payload
from rag.embed import Embedder
from rag.index.base import OPEN_END, IndexPoint, VectorIndex, date_int
from rag.model import Document, default_visibility, normalize_title, titled_identity
from rag.payload import unit_payload

_NS = uuid.UUID("6f1c1f38-3b0e-4bde-9d0f-3a2b7c0d5a11")


def point_id(version_key: str, label: str, ordinal: int) -> str:
    """Deterministic point id: same document version + unit -> same id, so re-ingest is idempotent."""
    return str(uuid.uuid5(_NS, f"{version_key}|{label}|{ordinal}"))


def doc_nodes(doc: Document) -> list[TextNode]:
    """One llama-index TextNode per unit, id = deterministic point id, payload as metadata."""
    nodes, seen = [], {}
    for unit in doc.units:
        n = seen[unit.label] = seen.get(unit.label, 0) + 1
        meta = case_payload(doc, unit, unit_payload(doc, unit))
        nodes.append(TextNode(id_=point_id(doc.version_key, unit.label, n), text=payload_text(meta), metadata=meta))
    return nodes


class KiwiSparseEncoder(TransformComponent):
    """Adds Kiwi BM25 term weights (node.metadata['_sparse'])."""

    def __call__(self, nodes, **kwargs):
        for node in nodes:
            sv = tokenize.passage_vector(node.get_content())
            node.metadata["_sparse"] = (sv.indices, sv.values)
        return nodes


class CachedDenseEmbedder(TransformComponent):
    """Adds dense vectors, reusing any vector already computed for identical text (SQL cache)."""

    embedder: Embedder
    registry: Registry
    seconds: float = 0.0
    computed: int = 0
    model_config = {"arbitrary_types_allowed": True}

    def __call__(self, nodes, **kwargs):
        hashes = [hashlib.sha256(n.get_content().encode()).hexdigest()[:32] for n in nodes]
        cached = self.registry.cached_vectors(self.embedder.name, list(set(hashes)))
        todo = sorted({h: i for i, h in enumerate(hashes) if h not in cached}.items(), key=lambda x: x[1])
        if todo:
            t = time.perf_counter()
            vecs = self.embedder.passages([nodes[i].get_content() for _, i in todo])
            self.seconds += time.perf_counter() - t
            self.computed += len(todo)
            fresh = {h: vecs[k].astype(np.float32).tobytes() for k, (h, _) in enumerate(todo)}
            self.registry.cache_vectors(self.embedder.name, fresh)
            cached.update(fresh)
        for node, h in zip(nodes, hashes):
            node.embedding = np.frombuffer(cached[h], dtype=np.float32).tolist()
            node.metadata["_text_hash"] = h
        return nodes


@dataclass
class FileReport:
    path: str
    parser: str = ""
    status: str = "ok"  # ok | unchanged | skipped | error | removed (ingest/changes.py)
    documents: int = 0
    units: int = 0
    reason: str = ""
    changes: list[dict] = field(default_factory=list)  # DocChange dicts: what this file changed


@dataclass
class IngestReport:
    files: list[FileReport] = field(default_factory=list)
    seconds: float = 0.0
    embed_seconds: float = 0.0
    embedded: int = 0
    run_id: int = 0
    linked: int = 0  # articles whose vectors gained their annexes' vocabulary
    cases_resolved: int = 0  # case links resolved late: their law came in this run
    answers_backfilled: int = 0  # unchanged past cases that gained their answer vector (rag/case_dense.py)

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)

    @property
    def units(self) -> int:
        return sum(f.units for f in self.files)


def file_digest(path: Path) -> tuple[str, int]:
    """sha256 and size of a file, read in blocks (a 2 GB upload is refused later, by size, before parsing)."""
    h, size = hashlib.sha256(), 0
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
            size += len(block)
    return h.hexdigest(), size


def collect_sources(paths: list[Path]) -> list[tuple[Path, str]]:
    """(file, source id) under the given paths, in a stable order; hidden files, hidden folders and
    visibility rule files excluded.

    The source id is the file's path under the ingest root, prefixed with the root folder's own name
    ("big/지침_00.md"), so that two folders ingested one after the other never share an id; a file given
    alone counts as ingested from its folder ("big/지침_00.md" again).
    """
    out: list[tuple[Path, str]] = []
    for p in paths:
        if p.is_dir():
            name = p.resolve().name
            for f in sorted(f for f in p.rglob("*") if f.is_file() and f.name != RULE_FILE
                            and not any(part.startswith(".") for part in f.relative_to(p).parts)):
                out.append((f, "/".join(x for x in (name, f.relative_to(p).as_posix()) if x)))
        elif p.is_file():
            r = p.resolve()
            out.append((p, "/".join(x for x in (r.parent.name, r.name) if x)))
        else:
            raise FileNotFoundError(f"경로가 없습니다: {p}")
    return out


def collect(paths: list[Path]) -> list[Path]:
    """Files under the given paths (see collect_sources)."""
    return [f for f, _ in collect_sources(paths)]


class Ingestor:
    """Writes parsed documents into the index and registry, version by version."""

    def __init__(self, index: VectorIndex, registry: Registry, embedder: Embedder, force: bool = False) -> None:
        self.index, self.registry, self.embedder = index, registry, embedder
        self.force = force  # re-index unchanged versions (after a tokenizer or payload change)
        self.dense = CachedDenseEmbedder(embedder=embedder, registry=registry)
        self.pipeline = IngestionPipeline(transformations=[KiwiSparseEncoder(), self.dense])
        self.backfilled = 0  # answer vectors added to cases indexed before they carried one

    def ingest_paths(self, paths: list[Path], progress=None, refuse=None,
                     visibility: str | None = None, prune: bool = False) -> IngestReport:
        """Ingest files and folders. ``refuse(file) -> reason | None`` (ingest/paths.py) skips files,
        reported, before they are read; ``visibility`` (or "auto" to drop an earlier one) is kept for
        these files; ``prune`` retires what files gone from the given folders had indexed."""
        if visibility and visibility != CLEAR:
            visibility = check(visibility, "--visibility")
        report = IngestReport()
        rules = Rules()
        t0 = time.perf_counter()
        embed_s0, embedded0, backfilled0 = self.dense.seconds, self.dense.computed, self.backfilled
        report.run_id = self.registry.start_run([str(p) for p in paths])
        try:
            seen: set[str] = set()
            for f, sid in collect_sources(paths):
                reason = refuse(f) if refuse else None
                fr = (FileReport(str(f), "", "skipped", reason=reason) if reason
                      else self._ingest_file(f, seen, sid, rules, visibility))
                report.files.append(fr)
                if progress:
                    progress(fr)
            if prune:
                from ingest.removal import prune_missing

                for fr in prune_missing(self, [p for p in paths if p.is_dir()]):
                    report.files.append(fr)
                    if progress:
                        progress(fr)
            # every document seen, changed or not: repairs dates left stale by an interrupted run
            for doc_key in sorted(seen):
                self.close_versions(doc_key)
            report.linked = link_annexes(self.index)
            if report.count("ok"):
                report.cases_resolved = resolve_pending(self.index, self.registry)
        except BaseException as e:
            self.registry.finish_run(report.run_id, {"files": len(report.files)},
                                     [{"path": "", "status": "error", "reason": f"{type(e).__name__}: {e}"}],
                                     "failed")
            raise
        report.seconds = time.perf_counter() - t0
        report.embed_seconds = self.dense.seconds - embed_s0
        report.embedded = self.dense.computed - embedded0
        report.answers_backfilled = self.backfilled - backfilled0
        errors = [{"path": f.path, "status": f.status, "reason": f.reason} for f in report.files
                  if f.status in ("error", "skipped")]
        files = [vars(f) for f in report.files]
        counts = change_counts(files) | {"units": report.units}
        self.registry.finish_run(report.run_id, counts, errors, "ok" if not report.count("error") else "partial",
                                 stored_files(files))
        return report

    def _ingest_file(self, f: Path, seen: set[str], sid: str = "", rules: Rules | None = None,
                     override: str | None = None) -> FileReport:
        fr = FileReport(str(f))
        try:
            too_big = f.stat().st_size > MAX_FILE_BYTES
            digest, size = ("", 0) if too_big else file_digest(f)  # oversized files are refused unread
            ruled = (rules or Rules()).for_file(f)
        except OSError as e:
            fr.status, fr.reason = "error", f"파일을 읽을 수 없습니다: {e}"
            return fr
        except VisibilityError as e:  # a broken rule must not leave the file wider open than meant
            fr.status, fr.reason = "error", str(e)
            return fr
        known = None if too_big else self.registry.source_file(str(f.resolve()))
        sticky = None if override == CLEAR else override or (known.visibility_override if known else None)
        if (known is not None and not self.force and known.sha256 == digest and (known.version_keys or known.retired)
                and self.registry.has_versions(known.version_keys)):
            # unchanged file: no parsing, no embedding (the nightly run's common case); visibility may change
            fr.parser, fr.status, fr.units, fr.documents = known.parser, "unchanged", known.units, len(known.version_keys)
            fr.reason = "dasan remove로 뺀 문서는 파일이 바뀔 때까지 다시 색인하지 않습니다" if known.retired else ""
            seen.update(v.rsplit("@", 1)[0] for v in known.version_keys)
            self.backfilled += answer_vectors.backfill(self.index, self.registry, self.embedder, known.version_keys)
            if self._reapply_visibility(known, sticky, ruled):
                fr.status, fr.reason = "ok", "공개범위만 바뀜(다시 임베딩하지 않음)"
            if sticky != known.visibility_override:
                known.visibility_override = sticky
                self.registry.save_source_file(known)
            return fr
        try:
            fr.parser, docs = parse_file(f)
        except SkipFile as e:
            fr.status, fr.reason = "skipped", e.reason
            return fr
        except ParseError as e:
            fr.status, fr.reason = "error", e.reason
            return fr
        except OSError as e:
            fr.status, fr.reason = "error", f"파일을 읽을 수 없습니다: {e}"
            return fr
        if not docs or not any(d.units for d in docs):
            fr.status, fr.reason = "skipped", "색인할 내용(조문·본문)이 없습니다"
            return fr
        changed, declared = 0, {}
        for doc in docs:
            fr.documents += 1
            fr.units += len(doc.units)
            doc.source_id = sid or doc.source_id
            declared[doc.version_key] = doc.visibility  # what the file itself says (front matter)
            doc.visibility = sticky or doc.visibility or ruled or default_visibility(doc.kind)
            seen.add(doc.doc_key)
            change = self.write_change(doc)
            if change is not None:
                fr.changes.append(change.to_dict())
                changed += 1
        changed += self._drop_replaced(known.version_keys if known else [], docs)
        fr.status = "ok" if changed else "unchanged"
        self.registry.save_source_file(SourceFileRow(
            path=str(f.resolve()), sha256=digest, size=size, parser=fr.parser, units=fr.units,
            version_keys=[d.version_key for d in docs], seen_at=now(), declared=declared,
            visibility_override=sticky))
        return fr

    def _reapply_visibility(self, known: SourceFileRow, sticky: str | None, ruled: str | None) -> int:
        """Bring an unchanged file's versions to the visibility wanted now; how many changed."""
        n = 0
        for vk in known.version_keys:
            row = self.registry.version(vk)
            want = sticky or (known.declared or {}).get(vk) or ruled or default_visibility(row.kind)
            if row.visibility != want:
                self.apply_visibility(vk, want)
                n += 1
        return n

    def apply_visibility(self, version_key: str, visibility: str) -> None:
        """Change who may read a version: payloads only, no parsing, no embedding; index first, as in
        close_versions, so an interrupted run is repeated by the next one."""
        self.index.set_payload(sorted(self.registry.unit_hashes(version_key)), {"visibility": visibility})
        self.registry.set_visibility(version_key, visibility)

    def _drop_replaced(self, old_keys: list[str], docs: list[Document]) -> int:
        """Delete the versions a re-read file produced before and no longer does, when they were identified
        by their source or by a superseded identity (an office document keyed by title before revision
        0004, the same file under another root): the file's new versions replace them. Officially
        identified texts are kept: a file that now holds a later version of a law keeps the earlier one.
        """
        new_keys, new_docs, n = {d.version_key for d in docs}, {d.doc_key for d in docs}, 0
        for vk in old_keys:
            row = None if vk in new_keys else self.registry.version(vk)
            if (row is None or row.doc_key in new_docs or row.doc_key.startswith(("law:", "code:"))
                    or titled_identity(row.kind, row.parent_title)):
                continue
            self.index.delete(sorted(self.registry.unit_hashes(vk)))
            self.registry.delete_version(vk)
            n += 1
        return n

    def write_document(self, doc: Document) -> bool:
        """Index one document version; False when this exact version is already indexed."""
        return self.write_change(doc) is not None

    def write_change(self, doc: Document) -> DocChange | None:
        """Index one document version and say what changed; None when it is already indexed as is."""
        if not doc.visibility:
            doc.visibility = default_visibility(doc.kind)
        content_hash = doc.content_hash()
        old = self.registry.version(doc.version_key)
        if old is not None and old.content_hash == content_hash and not self.force:
            if old.visibility != doc.visibility:
                self.apply_visibility(doc.version_key, doc.visibility)
                eff = doc.effective_from.isoformat() if doc.effective_from else None
                return DocChange(VISIBILITY, doc.title, doc.version_key, eff, len(doc.units), note=doc.visibility)
            return None
        change = doc_change(self.registry, doc, old)
        if doc.effective_from and not doc.effective_to:
            later = [v.effective_from for v in self.registry.versions_of(doc.doc_key)
                     if v.effective_from and v.effective_from > doc.effective_from]
            doc.effective_to = min(later) if later else None  # written correct, not patched later
        nodes = self.pipeline.run(nodes=doc_nodes(doc), show_progress=False)
        points = []
        for n in nodes:
            idx, vals = n.metadata.pop("_sparse")
            n.metadata.pop("_text_hash", None)
            points.append(IndexPoint(n.id_, n.embedding, idx, vals, dict(n.metadata)))
        answer_vectors.add_to_points(points, self.embedder, self.registry)  # past cases only
        stale = set(self.registry.unit_hashes(doc.version_key)) - {p.id for p in points}
        self.index.upsert(points)
        self.index.delete(sorted(stale))
        self.registry.save_version(self._version_row(doc, content_hash, len(points)),
                                   [UnitRow(point_id=p.id, version_key=doc.version_key, label=p.payload["label"],
                                            text_hash=hashlib.sha256(p.payload["text"].encode()).hexdigest()[:32])
                                    for p in points])
        write_case_links(self.index, self.registry, doc)  # complaint versions only; replaces their links
        return change

    def _version_row(self, doc: Document, content_hash: str, n: int) -> VersionRow:
        return VersionRow(
            version_key=doc.version_key, doc_key=doc.doc_key, title=doc.title, title_norm=normalize_title(doc.title),
            parent_title=doc.parent_title, kind=doc.kind, source=doc.source, law_id=doc.law_id, mst=doc.mst,
            promulgated_on=doc.promulgated_on, promulgation_no=doc.promulgation_no,
            effective_from=doc.effective_from, effective_to=doc.effective_to, repealed=doc.repealed,
            content_hash=content_hash, unit_count=n, abbreviations=doc.abbreviations, ingested_at=now(),
            visibility=doc.visibility)

    def close_versions(self, doc_key: str) -> None:
        """Each version ends the day the next one takes effect (effective_to), in registry and index."""
        versions = [v for v in self.registry.versions_of(doc_key) if v.effective_from]
        for cur, nxt in zip(versions, versions[1:] + [None]):
            new_to = nxt.effective_from if nxt else (cur.effective_to if cur.repealed else None)
            if new_to == cur.effective_to:
                continue
            # index first: if we stop between the two writes, the registry still differs and the
            # next run repeats both
            ids = list(self.registry.unit_hashes(cur.version_key))
            self.index.set_payload(ids, {"eff_to": date_int(new_to, OPEN_END),
                                         "effective_to": new_to.isoformat() if new_to else None})
            self.registry.set_effective_to(cur.version_key, new_to)

"""What an ingest changed, per document and per file, and how that is said in Korean.

A document written by an ingest is a new document, a new version of one already indexed (its units
compared with the version it follows), the same version re-read with other content, or only given
another visibility; a retired document was taken out of the index (``dasan remove``, ``--prune``).
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date

NEW, NEW_VERSION, UPDATED, VISIBILITY, RETIRED = "new", "new_version", "updated", "visibility", "retired"
# file outcomes besides the ingest statuses ok | unchanged | skipped | error
REMOVED = "removed"
SHOWN_LABELS = 8


def unit_hash(text: str) -> str:
    """The hash the registry keeps per unit (UnitRow.text_hash)."""
    return hashlib.sha256((text or "").encode()).hexdigest()[:32]


@dataclass
class DocChange:
    kind: str  # new | new_version | updated | visibility | retired
    title: str
    version_key: str
    effective_from: str | None = None
    units: int = 0
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    note: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


def diff_units(old: list[tuple[str, str]], new: list[tuple[str, str]]) -> tuple[list[str], list[str], list[str]]:
    """(added, changed, removed) unit labels between two lists of (label, text hash), in document order."""
    def by_label(pairs):
        out: dict[str, list[str]] = {}
        for label, h in pairs:
            out.setdefault(label, []).append(h)
        return out

    before, after = by_label(old), by_label(new)
    added = [lb for lb in after if lb not in before]
    changed = [lb for lb in after if lb in before and sorted(after[lb]) != sorted(before[lb])]
    removed = [lb for lb in before if lb not in after]
    return added, changed, removed


def doc_change(registry, doc, old=None) -> DocChange:
    """How ``doc`` differs from what the registry holds (called before it is written)."""
    eff = doc.effective_from.isoformat() if doc.effective_from else None
    change = DocChange(NEW, doc.title, doc.version_key, eff, len(doc.units))
    if old is not None:
        base, change.kind = old.version_key, UPDATED
    else:
        prior = [v for v in registry.versions_of(doc.doc_key) if v.version_key != doc.version_key]
        if not prior:
            return change
        cut = doc.effective_from or date.max
        earlier = [v for v in prior if (v.effective_from or date.min) <= cut]
        base, change.kind = (earlier or prior)[-1].version_key, NEW_VERSION
    change.added, change.changed, change.removed = diff_units(
        registry.unit_labels(base), [(u.label, unit_hash(u.text)) for u in doc.units])
    return change


def _labels(labels: list[str]) -> str:
    shown = ", ".join(labels[:SHOWN_LABELS])
    return shown + (f" 외 {len(labels) - SHOWN_LABELS}개" if len(labels) > SHOWN_LABELS else "")


def describe_change(c: dict) -> str:
    """One document's change in Korean."""
    title, eff = f"「{c['title']}」", f"시행 {c.get('effective_from') or '-'}"
    if c["kind"] == NEW:
        return f"새 문서 {title} ({eff}, 단위 {c.get('units', 0)}개)"
    if c["kind"] == VISIBILITY:
        return f"{title} 공개범위 변경({c.get('note') or '-'})"
    if c["kind"] == RETIRED:
        return f"{title} 색인에서 뺌({eff})"
    kinds = (("added", "추가"), ("changed", "변경"), ("removed", "삭제"))
    # 부칙 are not articles: each amendment brings its own, so they are counted apart from the 조문
    arts = [f"{name} {_labels(ls)}" for key, name in kinds
            if (ls := [x for x in c.get(key) or [] if not x.startswith("부칙")])]
    suppl = [f"{name} {n}건" for key, name in kinds if (n := sum(x.startswith("부칙") for x in c.get(key) or []))]
    said = [x for x in ("조문 " + ", ".join(arts) if arts else "", "부칙 " + ", ".join(suppl) if suppl else "") if x]
    what = "새 판" if c["kind"] == NEW_VERSION else "같은 판 내용 변경"
    return f"{title} {what}({eff}): " + ("; ".join(said) if said else "조문 변경 없음")


_MARKS = {"ok": "+", "unchanged": "=", "skipped": "-", "error": "!", REMOVED: "x"}


def describe_file(f: dict) -> str:
    """One log line for one file of a run (``f`` is a FileReport as a dict)."""
    status, path = f.get("status", ""), f.get("path", "")
    mark = _MARKS.get(status, "?")
    if status == "unchanged":
        return f" {mark} {path}: 변경 없음(단위 {f.get('units', 0)}개)" + (f" — {f['reason']}" if f.get("reason") else "")
    if status == "skipped":
        return f" {mark} {path}: 건너뜀 — {f.get('reason') or '-'}"
    if status == "error":
        return f" {mark} {path}: 오류 — {f.get('reason') or '-'}"
    said = [describe_change(c) for c in f.get("changes") or []]
    if status == REMOVED:
        return f" {mark} {path}: {f.get('reason') or '색인에서 뺌'}" + (f" — {'; '.join(said)}" if said else "")
    return f" {mark} {path}: " + ("; ".join(said) if said else (f.get("reason") or f"색인함(단위 {f.get('units', 0)}개)"))


COUNT_NAMES = {"ok": "색인함", "unchanged": "변경 없음", "skipped": "건너뜀", "error": "오류", REMOVED: "뺀 파일",
               NEW: "새 문서", NEW_VERSION: "새 판", UPDATED: "내용 변경", VISIBILITY: "공개범위 변경", RETIRED: "뺀 판"}


def describe_counts(counts: dict) -> str:
    """``change_counts`` in Korean, the zero ones left out."""
    return ", ".join(f"{COUNT_NAMES[k]} {v}" for k, v in counts.items() if v and k in COUNT_NAMES) or "파일 없음"


def change_counts(files: list[dict]) -> dict[str, int]:
    """Per-run counts of files by outcome and of documents by kind of change."""
    counts = {s: sum(1 for f in files if f.get("status") == s) for s in ("ok", "unchanged", "skipped", "error", REMOVED)}
    for kind in (NEW, NEW_VERSION, UPDATED, VISIBILITY, RETIRED):
        counts[kind] = sum(1 for f in files for c in f.get("changes") or [] if c.get("kind") == kind)
    return counts


def stored_files(files: list[dict]) -> list[dict]:
    """What a run keeps per file: everything, except that unchanged files keep only path, units and reason."""
    return [{"path": f["path"], "status": f["status"], "units": f.get("units", 0), "reason": f.get("reason", "")}
            if f.get("status") == "unchanged" else f for f in files]

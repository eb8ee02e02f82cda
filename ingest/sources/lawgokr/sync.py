"""Incremental sync of the configured law.go.kr texts.

``sync_sources`` lists every version of each configured text (eflaw: 연혁, 현행 and 시행예정 versions, each
with 법령ID, MST and 시행일자), fetches only versions the registry does not hold yet (so unchanged versions
are neither downloaded nor parsed again), writes them through the Ingestor, closes version dates, and marks
texts repealed when a 폐지 version is listed or when a text vanishes from the results.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ingest.links import link_annexes
from ingest.parsers.base import ParseError
from ingest.sources.lawgokr.bodies import parse_body
from ingest.sources.lawgokr.client import LawGoKrClient, LawGoKrError
from ingest.sources.lawgokr.config import SourcesConfig
from ingest.sources.reports import SyncReport, mark_repealed
from rag.model import normalize_title, parse_date

_FIELDS = {  # target: (stable id, per-version serial, title, effective date, 제개정구분)
    "eflaw": ("법령ID", "법령일련번호", "법령명한글", "시행일자", "제개정구분명"),
    "admrul": ("행정규칙ID", "행정규칙일련번호", "행정규칙명", "시행일자", "제개정구분명"),
    "ordin": ("자치법규ID", "자치법규일련번호", "자치법규명", "시행일자", "제개정구분명"),
    "expc": ("", "법령해석례일련번호", "안건명", "회신일자", ""),
}


@dataclass
class _Version:
    """One listed version of one text, with what fetches it."""

    target: str
    law_id: str
    mst: str
    title: str
    eff: date | None
    revision: str
    ids: dict

    @property
    def doc_key(self) -> str:
        return f"law:{self.law_id}"

    @property
    def version_key(self) -> str:
        return f"{self.doc_key}@{self.eff.isoformat() if self.eff else '-'}#{self.mst}"

    @property
    def state_key(self) -> str:
        return f"{self.target}:{self.mst}:{self.eff or '-'}"


def _version(target: str, row: dict) -> _Version | None:
    id_key, serial_key, title_key, eff_key, rev_key = _FIELDS[target]
    mst, eff = row.get(serial_key, ""), parse_date(row.get(eff_key))
    if not mst:
        return None
    law_id = row.get(id_key, "") if id_key else f"expc-{mst}"
    ids = {"eflaw": {"MST": mst, "efYd": eff.strftime("%Y%m%d") if eff else ""},
           "ordin": {"MST": mst}}.get(target, {"ID": mst})
    return _Version(target, law_id or mst, mst, row.get(title_key, ""), eff, row.get(rev_key, ""), ids)


class _Sync:
    """State of one sync_sources run."""

    def __init__(self, client, cfg: SourcesConfig, ingestor, cache_dir: Path, today: date) -> None:
        self.client, self.cfg, self.ingestor, self.today = client, cfg, ingestor, today
        self.cache_dir = Path(cache_dir)
        self.state_file = self.cache_dir / "lawgokr-state.json"
        self.state = {"fetched": {}, "specs": {}}
        try:
            self.state.update(json.loads(self.state_file.read_text(encoding="utf-8")))
        except FileNotFoundError:
            pass
        except (OSError, ValueError):  # unreadable: start afresh; the registry still prevents re-fetching
            self.state_file.replace(self.state_file.with_suffix(".broken"))
        self.report = SyncReport()

    def save_state(self) -> None:
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = self.state_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.state, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(self.state_file)

    def held(self, v: _Version) -> bool:
        reg = self.ingestor.registry
        known = self.state["fetched"].get(v.state_key)
        return reg.version(v.version_key) is not None or bool(known and reg.version(known) is not None)

    def write(self, name: str, v: _Version) -> None:
        rep = self.report.source(name)
        source = self.client.public_url("lawService.do", {"target": v.target, "type": "XML", **v.ids})
        try:
            data = self.client.fetch(v.target, **v.ids)
            rep.fetched += 1
            raw = self.cache_dir / v.target / f"{v.law_id}_{v.mst}_{v.eff or '-'}.xml"
            raw.parent.mkdir(parents=True, exist_ok=True)
            raw.write_bytes(data)
            docs = parse_body(v.target, data, source)
        except (LawGoKrError, ParseError) as e:
            reason = e.message if isinstance(e, LawGoKrError) else e.reason
            rep.errors.append(f"{v.title} {v.eff or ''} (일련번호 {v.mst}): {reason}")
            return
        except Exception as e:  # a parser bug must not stop the other sources
            rep.errors.append(f"{v.title} {v.eff or ''} (일련번호 {v.mst}): 본문을 해석하지 못했습니다 "
                              f"({type(e).__name__}: {e})")
            return
        for doc in docs:
            doc.mst, doc.law_id = v.mst, doc.law_id or v.law_id
            if v.eff and (v.target in ("eflaw", "expc") or not doc.effective_from):
                doc.effective_from = v.eff  # eflaw: the version is (MST, efYd) as requested
            written = self.ingestor.write_document(doc)
            rep.new, rep.unchanged = rep.new + written, rep.unchanged + (not written)
            self.state["fetched"][v.state_key] = doc.version_key

    def versions(self, name: str, target: str, rows: list[dict], vanish: bool = True) -> None:
        """Sync the listed versions of one configured source, then repeal what vanished from it."""
        rep, groups = self.report.source(name), {}
        for row in rows:
            v = _version(target, row)
            if v is not None:
                groups.setdefault(v.doc_key, {})[v.state_key] = v
        for doc_key, found in groups.items():
            vs = sorted(found.values(), key=lambda x: (x.eff or date.min, x.mst))
            live = [v for v in vs if v.revision != "폐지"]
            since = self.cfg.since
            for v, nxt in zip(live, live[1:] + [None]):
                if since and nxt is not None and nxt.eff and nxt.eff <= since:
                    continue  # ended before the configured history start
                if self.held(v):
                    rep.unchanged += 1
                else:
                    self.write(name, v)
            if self.ingestor.registry.versions_of(doc_key):
                self.ingestor.close_versions(doc_key)
            repeal = [v for v in vs if v.revision == "폐지"]
            if repeal and mark_repealed(self.ingestor, doc_key, repeal[-1].eff or self.today):
                rep.repealed += 1
        if vanish:
            for doc_key in sorted(set(self.state["specs"].get(name, [])) - set(groups)):
                rep.repealed += mark_repealed(self.ingestor, doc_key, self.today)  # vanished from the list
            self.state["specs"][name] = sorted(groups)
        self.save_state()

    def run(self, name: str, searches) -> None:
        """Run ``searches(known doc_keys)`` -> (target, rows) and sync them; a failed search is an error,
        never a repeal."""
        try:
            target, rows = searches(self.state["specs"].get(name, []))
        except LawGoKrError as e:
            self.report.source(name).errors.append(f"목록 조회 실패: {e.message}")
            return
        self.versions(name, target, rows, vanish=target != "expc")


def _by_id(client, law_id: str) -> list[dict]:
    """Every eflaw version of one 법령ID (LID)."""
    return [r for r in client.search("eflaw", LID=law_id, nw="1,2,3")
            if r.get("법령ID", "").lstrip("0") == law_id.lstrip("0")]


def _law_rows(client, spec: dict, decrees: bool, known: list[str]) -> tuple[str, list[dict]]:
    """eflaw rows (연혁·시행예정·현행) of one configured law and, optionally, its 시행령·시행규칙.

    A text synced before but missing from the name search is looked up by its 법령ID, so a renamed law
    (제명변경) keeps syncing instead of being taken for repealed."""
    rows, title = [], spec.get("name", "")
    if spec.get("id"):
        rows = _by_id(client, spec["id"])
        title = title or max(rows, key=lambda r: r.get("시행일자", ""), default={}).get("법령명한글", "")
    if title and (decrees or not spec.get("id")):
        wanted = {normalize_title(title + s) for s in (["", "시행령", "시행규칙"] if decrees else [""])}
        rows += [r for r in client.search("eflaw", title, nw="1,2,3")
                 if normalize_title(r.get("법령명한글", "")) in wanted]
    have = {f"law:{r.get('법령ID', '')}" for r in rows}
    for doc_key in known:
        if doc_key not in have and doc_key.startswith("law:"):
            rows += _by_id(client, doc_key[4:])
    return "eflaw", rows


def sync_sources(client: LawGoKrClient, sources: SourcesConfig, ingestor, cache_dir: Path | str,
                 today: date | None = None) -> SyncReport:
    """Bring every configured law.go.kr source up to date; see the module docstring."""
    t0 = time.perf_counter()
    s = _Sync(client, sources, ingestor, Path(cache_dir), today or date.today())
    s.report.run_id = ingestor.registry.start_run(["law.go.kr"])
    try:
        _sync_all(s, client, sources)
    except BaseException as e:
        ingestor.registry.finish_run(s.report.run_id, {}, [{"path": "law.go.kr", "status": "error",
                                                              "reason": f"{type(e).__name__}: {e}"}], "failed")
        raise
    rep = s.report
    if rep.total("new"):
        link_annexes(ingestor.index)
    errors = [{"path": k, "status": "error", "reason": e} for k, v in rep.sources.items() for e in v.errors]
    ingestor.registry.finish_run(rep.run_id, {k: rep.total(k) for k in ("new", "unchanged", "repealed", "fetched")},
                                 errors, "partial" if errors else "ok")
    rep.seconds = time.perf_counter() - t0
    return rep


def _sync_all(s: _Sync, client, sources: SourcesConfig) -> None:
    for spec in sources.laws:
        s.run(f"법령 {spec.get('name') or 'ID ' + spec['id']}",
              lambda known: _law_rows(client, spec, sources.include_decrees, known))
    adm = sources.admin_rules
    ministries = [str(m) for m in adm.get("ministries", [])]
    names_m = {normalize_title(m) for m in ministries if not m.isdigit()}
    for name in adm.get("names", []):
        s.run(f"행정규칙 {name}", lambda _: ("admrul", [
            r for r in client.search("admrul", name) if normalize_title(r.get("행정규칙명", "")) == normalize_title(name)
            and (not names_m or normalize_title(r.get("소관부처명", "")) in names_m)]))
    for code in [m for m in ministries if m.isdigit()] if not adm.get("names") else []:
        s.run(f"행정규칙 소관 {code}", lambda _: ("admrul", client.search("admrul", None, org=code)))
    org, names = str(sources.ordinances.get("org", "")).strip(), list(sources.ordinances.get("names", []))
    if org or names:
        code = org if org.isdigit() else None
        for q in names or ([org.split()[-1]] if org and not code else [None]):
            s.run(f"자치법규 {org} {q or ''}".strip(), lambda _: ("ordin", [
                r for r in client.search("ordin", q, org=code)
                if (code or not org or normalize_title(r.get("지자체기관명", "")) == normalize_title(org))
                and (not names or normalize_title(q) in normalize_title(r.get("자치법규명", "")))]))
    query, most = sources.interpretations.get("query"), int(sources.interpretations.get("max", 100))
    if query:
        s.run(f"법령해석례 {query}", lambda _: ("expc", client.search(
            "expc", query, display=min(100, most), max_pages=-(-most // 100))[:most]))

"""ingest, crawl, sync, runs, remove: every job through ingest.jobs, locally or through a running server."""
from __future__ import annotations

import getpass
import os
import sys
import unicodedata
from pathlib import Path
from types import SimpleNamespace

from dasan.commands import print_json
from dasan.failures import BUSY, INTERNAL, PARTIAL, USAGE, CliError
from ingest.changes import describe_change, describe_file, stored_files

SYNC_INPUT_ERRORS = ("LawGoKrError", "LegalizeError", "ValueError", "FileNotFoundError")
RUN_STATUS = {"ok": "완료", "partial": "일부 오류", "failed": "실패", "running": "실행 중", "interrupted": "중단됨"}


def _cli_principal():
    """Who an audit row names for a change made from the shell."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = str(os.getuid())
    return SimpleNamespace(user=f"cli:{user}", department=None)


def _remote_job(remote, body: dict) -> dict:
    """Start a job on the server and wait for its end; its final state (CliError when busy or failed)."""
    state = remote.wait_job(remote.call("POST", "/v1/ingest", json=body)["job"])
    if state["status"] == "busy":
        raise CliError(BUSY, state.get("reason") or "다른 색인 작업이 실행 중입니다.")
    if state["status"] == "failed":
        code = USAGE if state.get("error") in SYNC_INPUT_ERRORS else INTERNAL
        raise CliError(code, state.get("message") or state.get("reason") or "색인 작업이 실패했습니다.")
    return state


def _print_summary(s: dict) -> None:
    print("요약: 파일 {files}개 — 새로 색인 {indexed}(새 문서 {new}, 새 판 {new_version}, 내용 변경 {updated}), "
          "변경 없음 {unchanged}, 건너뜀 {skipped}, 오류 {errors}, 색인에서 뺌 {removed}; "
          "단위 {units}개(임베딩 {embedded}개), {seconds}초, 색인 점 {index_points}개".format(**s))
    if s.get("answers_backfilled"):
        print(f"과거 민원 답변 벡터 채움: {s['answers_backfilled']}건(기존 색인, 다시 색인하지 않음)")


def cmd_ingest(args, rt) -> int:
    paths = [Path(p) for p in args.paths]
    for p in paths:
        if not p.exists():
            raise CliError(USAGE, f"경로가 없습니다: {p}")
    if args.visibility and args.visibility != "auto":
        from ingest.visibility import VisibilityError, check

        try:
            check(args.visibility, "--visibility")
        except VisibilityError as e:
            raise CliError(USAGE, str(e)) from None
    if rt is None:
        state = _remote_job(args.remote, {"paths": [os.path.realpath(p) for p in paths], "force": args.force,
                                          "visibility": args.visibility, "prune": args.prune})
        summary = state["summary"]
        files = args.remote.call("GET", f"/v1/ingest/runs/{summary['run_id']}")["files"]
        if not args.json:
            for f in files:
                print(describe_file(f), flush=True)
    else:
        from ingest.jobs import IngestJob, report_summary, run_ingest
        from ingest.paths import walk_refusal

        progress = None if args.json else (lambda fr: print(describe_file(vars(fr)), flush=True))
        job = IngestJob(paths=tuple(paths), force=args.force, visibility=args.visibility, prune=args.prune)
        report = run_ingest(rt, job, progress=progress, refuse=walk_refusal(paths)).report
        summary, files = report_summary(report, rt.index.count()), stored_files([vars(f) for f in report.files])
        retired = [c for f in files if f["status"] == "removed" for c in f["changes"]]
        if retired:
            from api.audit import record_admin

            record_admin(rt.registry, _cli_principal(), "prune", ", ".join(map(str, paths)), retired)
    if args.json:
        print_json(summary | {"files_detail": files})
    else:
        _print_summary(summary)
    return PARTIAL if summary["errors"] else 0


REMOTE_PATHS = 100  # paths per POST /v1/ingest (api/routes/ingest.py IngestIn.paths)


def _remote_ingest_files(remote, files: list) -> tuple[int, int, int]:
    """(new, unchanged, errors) of ingesting ``files`` through the running server, in jobs of REMOTE_PATHS."""
    paths = [os.path.realpath(f) for f in files]
    new = unchanged = errors = 0
    for i in range(0, len(paths), REMOTE_PATHS):
        s = _remote_job(remote, {"paths": paths[i:i + REMOTE_PATHS]})["summary"]
        new, unchanged, errors = new + s["indexed"], unchanged + s["unchanged"], errors + s["errors"]
    return new, unchanged, errors


def cmd_crawl(args, rt) -> int:
    from ingest.jobs import IngestJob, run_ingest
    from ingest.sources.crawl import crawl

    try:
        report = crawl(args.url, args.depth, Path(args.out), delay=args.delay, max_pages=args.max_pages)
    except ValueError as e:
        raise CliError(USAGE, str(e)) from None
    print(report.summary())
    if args.ingest and report.files:
        if rt is None:  # a running server holds the index: it ingests them (its allowed folders apply)
            new, unchanged, errors = _remote_ingest_files(args.remote, report.files)
        else:
            ingest = run_ingest(rt, IngestJob(paths=tuple(Path(f) for f in report.files))).report
            new, unchanged, errors = ingest.count("ok"), ingest.count("unchanged"), ingest.count("error")
        print(f"색인: 새로 {new}, 변경 없음 {unchanged}, 오류 {errors}")
        if errors:
            return PARTIAL
    return PARTIAL if report.errors else 0


def cmd_sync(args, rt) -> int:
    if not Path(args.config).is_file():
        raise CliError(USAGE, f"동기화 설정 파일 {args.config}이(가) 없습니다. corpora/sources.example.toml을 "
                              f"복사해 따라갈 법령을 적은 뒤(cp corpora/sources.example.toml {args.config}) "
                              "다시 실행하거나 --config로 설정 파일을 지정하세요.")
    if rt is None:
        out = _remote_job(args.remote, {"sync_config": os.path.realpath(args.config), "history": args.history})["sync"]
    else:
        from ingest.jobs import IngestJob, run_ingest
        from ingest.sources.lawgokr import LawGoKrError
        from ingest.sources.legalize import LegalizeError

        try:
            out = run_ingest(rt, IngestJob(sync_config=args.config, history=args.history)).sync.to_dict()
        except (LawGoKrError, LegalizeError, ValueError, FileNotFoundError) as e:
            raise CliError(USAGE, str(e)) from None
    for name, s in out["sources"].items():
        print(f"{name}: 새 판 {s['new']}, 그대로 {s['unchanged']}, 폐지 {s['repealed']}, 오류 {len(s['errors'])}")
        for e in s["errors"]:
            print(f"  - {e}")
    return PARTIAL if any(s["errors"] for s in out["sources"].values()) else 0


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(c + " " * (w - _width(c)) for c, w in zip(r, widths)).rstrip() for r in rows]


RUN_COLUMNS = [("새 문서", "new"), ("새 판", "new_version"), ("내용 변경", "updated"), ("변경 없음", "unchanged"),
               ("건너뜀", "skipped"), ("오류", "error"), ("뺌", "removed"), ("단위", "units")]


def runs_table(runs: list[dict]) -> list[str]:
    """Recent runs as a Korean table (counts a run recorded before the change report are '-')."""
    rows = [["번호", "시작(UTC)", "상태", *[name for name, _ in RUN_COLUMNS], "대상"]]
    for r in runs:
        c = r.get("counts") or {}
        rows.append([f"#{r['id']}", (r.get("started_at") or "")[:16].replace("T", " "),
                     RUN_STATUS.get(r["status"], r["status"]), *[str(c[k]) if k in c else "-" for _, k in RUN_COLUMNS],
                     ", ".join(r.get("sources") or [])[:60]])
    return _table(rows)


def cmd_runs(args, rt) -> int:
    if rt is None:  # the run records need no index: when the server refuses (no admin), read them here
        try:
            args.remote.call("GET", "/v1/ingest/runs", params={"limit": 1})
        except CliError as e:
            if e.code != USAGE:
                raise
            from ingest.runtime import Runtime

            rt = Runtime()
            try:
                return _runs(args, rt)
            finally:
                rt.close()
    return _runs(args, rt)


def _runs(args, rt) -> int:
    if args.run_id is not None:
        if rt is None:
            run = args.remote.call("GET", f"/v1/ingest/runs/{args.run_id}")
        else:
            run = rt.registry.run(args.run_id)
            if run is None:
                raise CliError(PARTIAL, f"색인 실행 기록 #{args.run_id}이(가) 없습니다.")
        if args.json:
            print_json(run)
            return 0
        print(runs_table([run])[1] if run else "")
        for f in run.get("files") or []:
            print(describe_file(f))
        for e in run.get("errors") or []:
            if not e.get("path"):
                print(f" ! {e.get('reason')}")
        return 0
    runs = args.remote.call("GET", "/v1/ingest/runs", params={"limit": args.limit})["runs"] if rt is None \
        else rt.registry.runs(args.limit)
    if args.json:
        for r in runs:
            print_json(r)
    elif not runs:
        print("색인 실행 기록이 없습니다.")
    else:
        print("\n".join(runs_table(runs)))
        print("파일별 내용: dasan runs <번호>")
    return 0


def cmd_remove(args, rt) -> int:
    target = os.path.realpath(args.target) if os.path.exists(args.target) else args.target
    if rt is None:
        out = args.remote.call("POST", "/v1/remove", json={"target": target})
    else:
        from api.audit import record_admin
        from ingest.jobs import run_removal
        from ingest.removal import RemovalNotFound

        try:
            out = run_removal(rt, target).to_dict()
        except RemovalNotFound as e:
            raise CliError(PARTIAL, str(e)) from None
        record_admin(rt.registry, _cli_principal(), "remove", target, out["removed"])
    if args.json:
        print_json(out)
        return 0
    for c in out["removed"]:
        print(f" x {describe_change(c)}")
    print(f"요약: 판 {len(out['removed'])}개를 색인에서 뺐습니다(원본 파일 {len(out['files'])}개). "
          "폐지와 달리 이력으로도 남지 않습니다.")
    if out["files"]:
        print("※ 원본 파일이 그대로 있으면 내용이 바뀔 때(또는 --force로 색인할 때) 다시 색인됩니다.")
    return 0

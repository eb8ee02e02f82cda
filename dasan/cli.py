"""The ``dasan`` command: ingest, search, show, eval, serve, runs."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from dasan.failures import BUSY, USAGE, CliError, KoreanArgumentParser, debug_enabled, report
from dasan.laws import as_of_arg, cmd_law_names, cmd_show, print_json


_as_of, _print_json = as_of_arg, print_json


def cmd_ingest(args, rt) -> int:
    def progress(fr):
        if not args.json:
            mark = {"ok": "+", "unchanged": "=", "skipped": "-", "error": "!"}[fr.status]
            detail = f"{fr.units} units" if fr.status in ("ok", "unchanged") else fr.reason
            print(f" {mark} [{fr.parser or '?'}] {fr.path}: {detail}", flush=True)

    paths = [Path(p) for p in args.paths]
    for p in paths:
        if not p.exists():
            print(f"경로가 없습니다: {p}", file=sys.stderr)
            return 2
    from ingest.paths import walk_refusal
    if args.visibility and args.visibility != "auto":
        from ingest.visibility import VisibilityError, check

        try:
            check(args.visibility, "--visibility")
        except VisibilityError as e:
            print(str(e), file=sys.stderr)
            return 2
    from ingest.runs import IngestBusy, ingest_lock

    rt.ingestor.force = args.force
    try:
        with ingest_lock(rt.settings.home, rt.registry):
            report = rt.ingestor.ingest_paths(paths, progress=progress, refuse=walk_refusal(paths),
                                              visibility=args.visibility)
    except IngestBusy as e:
        print(str(e), file=sys.stderr)
        return 3
    summary = {"run_id": report.run_id, "files": len(report.files), "indexed": report.count("ok"),
               "unchanged": report.count("unchanged"), "skipped": report.count("skipped"),
               "errors": report.count("error"), "units": report.units, "embedded": report.embedded,
               "seconds": round(report.seconds, 2), "embed_seconds": round(report.embed_seconds, 2),
               "index_points": rt.index.count()}
    if args.json:
        _print_json(summary | {"files_detail": [vars(f) for f in report.files]})
    else:
        print("요약: 파일 {files}개 — 새로 색인 {indexed}, 변경 없음 {unchanged}, 건너뜀 {skipped}, 오류 {errors}; "
              "단위 {units}개(임베딩 {embedded}개), {seconds}초, 색인 점 {index_points}개".format(**summary))
    return 0


def _search_one(rt, question, args):
    res = rt.retriever.search(question, top_k=args.top_k, as_of=_as_of(args.as_of) or rt.settings.today(),
                              kinds=args.kind)
    return res


def cmd_search(args, rt) -> int:
    from rag.retrieve import QuestionError

    if args.queries:
        for no, line in enumerate(Path(args.queries).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except ValueError:
                raise CliError(USAGE, f"{args.queries} {no}번째 줄이 올바른 JSON이 아닙니다. "
                                      "한 줄에 {\"id\", \"question\"} 객체 하나씩 쓰세요.") from None
            try:
                hits = _search_one(rt, item.get("question", ""), args).hits
                _print_json({"id": item.get("id"), "hits": hits})
            except QuestionError as e:
                _print_json({"id": item.get("id"), "hits": [], "error": str(e)})
        return 0
    if args.question is None:
        print("질문을 입력하거나 --queries FILE.jsonl을 지정하세요.", file=sys.stderr)
        return 2
    try:
        res = _search_one(rt, args.question, args)
    except QuestionError as e:
        print(str(e), file=sys.stderr)
        return 2
    if args.json:
        _print_json({"question": args.question, "hits": res.hits, "warnings": res.warnings,
                     "expanded": res.expanded, "similar_cases": res.similar_cases, "missing": res.missing})
        return 0
    for m in res.missing:
        print(f"※ {m['message']}")
    for w in res.warnings:
        print(f"※ {w}")
    if res.expanded:
        print(f"※ 함께 찾은 법령 용어: {', '.join(res.expanded)}")
    if not res.hits:
        print("근거를 찾지 못했습니다.")
    for h in res.hits:
        d = h["document"]
        print(f"[{h['rank']}] 「{d['title']}」 {h['unit']} {h.get('unit_title') or ''} "
              f"(시행 {d['effective_from'] or '-'}, {_status(d)}) 점수 {h['score']:.4f}")
        if h.get("via_cases"):
            print(f"    ※ {h['via_cases']['reason']}: {', '.join(h['via_cases']['cases'])}")
        print("    " + (h["text"] or "")[:200].replace("\n", " "))
    _print_similar(res.similar_cases)
    return 0


def _status(d: dict) -> str:
    """The status on the 기준일, and today's when it differs (rag/status.py)."""
    return d.get("status_note") or d["status"]


def _print_similar(cases: list[dict]) -> None:
    """Similar past cases, briefly: label, title, department and date, what their answers cited."""
    if not cases:
        return
    print("\n유사 민원:")
    for c in cases:
        meta = ", ".join(x for x in (c.get("department"), c.get("date")) if x)
        print(f" - {c['label']} {c['title']}" + (f" ({meta})" if meta else "") + f" 유사도 {c['similarity']:.2f}")
        cited = [f"「{u['title']}」 {u['unit']}" if u.get("title") else u["unit"] for u in c.get("cited", [])]
        if cited:
            print(f"   인용: {', '.join(cited[:6])}" + (" …" if len(cited) > 6 else ""))


def cmd_ask(args, rt) -> int:
    from rag.answer import AskOptions

    opts = AskOptions(as_of=_as_of(args.as_of) or rt.settings.today(), top_k=args.top_k, kinds=args.kind,
                      model=args.model)
    out = rt.answerer.ask(args.question, opts)  # bad question/model: 2, LLM server down: 4 (dasan.failures)
    if args.json:
        _print_json(out)
        return 0
    print(out["answer"])
    for n in out.get("notices", []):
        print(f"※ {n['message']}" + (f" {n['change']}" if n.get("change") else ""))
    for issue in out.get("verification", {}).get("issues", []):
        print(f"⚠ 검증: {issue.get('detail')}")
    if out.get("citations"):
        print("\n근거:")
        for c in out["citations"]:
            d = c["document"]
            print(f" [{c['n']}] 「{d['title']}」 {c['unit']} (시행 {d['effective_from'] or '-'}, {_status(d)})")
            if c.get("via_cases"):
                print(f"     ※ {c['via_cases']['reason']}")
    _print_similar(out.get("similar_cases") or [])
    return 0


def cmd_eval(args, rt) -> int:
    from eval.run import run_eval

    result = run_eval(rt, Path(args.set), top_k=args.top_k, baseline=args.baseline, as_of=_as_of(args.as_of),
                      out=Path(args.out) if args.out else None, ask=args.ask, cases=not args.no_cases)
    print(result["table"])
    if args.similar_cases:
        from eval.cases import run as run_cases

        found = run_cases(rt, Path(args.similar_cases))
        for method, m in found.items():
            print(f"유사 민원 찾기({method}): 질문 {m['questions']}개, Recall@1 {m['recall@1']:.3f}, "
                  f"Recall@5 {m['recall@5']:.3f}, p95 {m['latency_ms_p95']} ms")
    return 0


def cmd_crawl(args, rt) -> int:
    from ingest.sources.crawl import crawl

    try:
        report = crawl(args.url, args.depth, Path(args.out), delay=args.delay, max_pages=args.max_pages)
    except ValueError as e:
        print(str(e), file=sys.stderr)
        return 2
    print(report.summary())
    if args.ingest and report.files:
        from ingest.runs import ingest_lock

        with ingest_lock(rt.settings.home, rt.registry):
            ingest = rt.ingestor.ingest_paths([Path(f) for f in report.files])
        print(f"색인: 새로 {ingest.count('ok')}, 변경 없음 {ingest.count('unchanged')}, 오류 {ingest.count('error')}")
    return 1 if report.errors else 0


def cmd_sync(args, rt) -> int:
    from ingest.runs import IngestBusy, ingest_lock
    from ingest.sources.lawgokr import LawGoKrError
    from ingest.sources.legalize import LegalizeError
    from ingest.sources.sync import run_sync

    try:
        with ingest_lock(rt.settings.home, rt.registry):
            report = run_sync(args.config, rt.ingestor, rt.settings.home, rt.settings.today(), args.history)
    except IngestBusy as e:
        raise CliError(BUSY, str(e)) from None
    except (LawGoKrError, LegalizeError, ValueError, FileNotFoundError) as e:
        print(str(e), file=sys.stderr)
        return 2
    for name, s in report.sources.items():
        print(f"{name}: 새 판 {s.new}, 그대로 {s.unchanged}, 폐지 {s.repealed}, 오류 {len(s.errors)}")
        for e in s.errors:
            print(f"  - {e}")
    return 1 if report.total("errors") else 0


def cmd_mask(args, rt) -> int:
    from ingest.pii import mask_cli

    return mask_cli(args.text, args.jsonl, sys.stdout)


def cmd_runs(args, rt) -> int:
    for r in rt.registry.runs(args.limit):
        _print_json(r) if args.json else print(f"#{r['id']} {r['started_at']} {r['status']} {r['counts']}")
    return 0


def cmd_serve(args, rt) -> int:
    import threading

    import uvicorn

    from api.app import create_app

    from api.routes.admin import run_background_ingest
    from ingest.paths import IngestRoots, walk_refusal

    try:  # bad DASAN_AUTH / keys / CIDRs / ingest roots: a message, not a traceback
        app = create_app(rt)
        # POST /v1/ingest may read under the folder this server was started with (and DASAN_HOME/inbox)
        app.state.ingest_roots = IngestRoots.from_env(rt.settings.home, started_with=args.ingest)
    except ValueError as e:
        print(f"설정 오류: {e}", file=sys.stderr)
        return 2
    if args.ingest:
        # Serve at once; index in the background in this process (the embedded index is single-process).
        def progress(fr):
            print(f" [{fr.status}] {fr.path}: {fr.units if fr.status in ('ok', 'unchanged') else fr.reason}",
                  flush=True)

        def work():
            run_background_ingest(app, args.ingest, progress=progress,
                                  refuse=walk_refusal(Path(p) for p in args.ingest))
            print(f"색인: {app.state.ingest}", flush=True)

        threading.Thread(target=work, name="dasan-ingest", daemon=True).start()
    # proxy_headers=False: client addresses are never rewritten from X-Forwarded-For, so forged SSO
    # headers cannot borrow a trusted proxy's address; access_log=False: our JSON access log replaces it
    uvicorn.run(app, host=args.host, port=args.port, log_level="info", proxy_headers=False, access_log=False)
    return 0


def cmd_sources_help(args, rt) -> int:
    print("""
실제 법령 원문을 동기화하려면:
  1) legalize-kr 미러(법령·행정규칙·자치법규 Markdown)를 내려받은 폴더를 색인:  .venv/bin/dasan ingest /경로/legalize-kr
  2) 국가법령정보센터에서 받은 PDF·HWP 파일 폴더를 색인:                    .venv/bin/dasan ingest /경로/폴더
  3) 같은 명령을 다시 실행하면 바뀐 문서만 다시 색인합니다(내용 해시 비교).
""".strip())
    return 0


def cmd_sample(args, rt) -> int:
    from dasan.sample import write_sample

    files = write_sample(Path(args.dir))
    print(f"가상의 예시 자료 {len(files)}개를 {args.dir}에 썼습니다(실제 법령이 아닙니다).")
    return 0


def cmd_deadline(args, rt) -> int:
    from rag.desk.deadline import DeadlineError, deadline_from_strings
    from rag.desk.holidays import CalendarError
    from rag.desk.rules import deadline_for_strings

    if bool(args.kind) == bool(args.period):
        raise CliError(USAGE, "--period(예: 7일, 3일, 2주, 1개월)와 --kind(민원 종류) 중 하나만 주세요.")
    try:
        if args.kind:
            out = deadline_for_strings(args.kind, args.received, args.extend, args.pause, today=rt.settings.today())
        else:
            out = deadline_from_strings(args.received, args.period, args.extend, args.pause, today=rt.settings.today())
    except (DeadlineError, CalendarError) as e:
        raise CliError(USAGE, str(e)) from None
    if args.json:
        _print_json(out)
        return 0
    print(f"처리기한: {out['due']}  (접수 {out['received']}, 처리기간 {out['period']}"
          + (f", 연장 {out['extend']}" if out["extend"] else "") + ")")
    print(f"계산: {out['counted']}")
    for s in out["skipped"]:
        print(f"  - {s['date']} {s['reason']}")
    print(f"근거: {out['basis']}")
    return 0


def cmd_complaint(args, rt) -> int:
    from rag.desk.analyze import analyze
    from rag.desk.text import render

    text = args.text
    if args.file:
        try:
            text = Path(args.file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise CliError(USAGE, f"--file {args.file}을(를) 읽을 수 없습니다({type(e).__name__}). UTF-8 텍스트 파일을 주세요.") from None
    elif text is None:
        raise CliError(USAGE, "민원 내용을 인자로 주거나 --file로 파일을 주세요.")
    try:
        out = analyze(rt, text, args.received, channel=args.channel, department=args.department)
    except ValueError as e:  # DeadlineError and CalendarError are ValueErrors too; messages are Korean
        raise CliError(USAGE, str(e)) from None
    if args.json:
        _print_json(out)
    else:
        print(render(out))
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = KoreanArgumentParser(prog="dasan", description="다산: 공무원을 위한 법령·규정 질의응답",
                             epilog="종료 코드: 0 정상, 1 일부 실패, 2 인자·입력 오류, 3 색인 사용 중, "
                                    "4 DB·색인·외부 서버 사용 불가, 5 내부 오류")
    p.add_argument("--data-dir", help="색인과 데이터베이스가 있는 폴더 (기본: $DASAN_HOME 또는 ./data)")
    p.add_argument("--debug", action="store_true", help="오류가 나면 전체 traceback 출력 (DASAN_DEBUG=1과 같음)")
    sub = p.add_subparsers(dest="cmd", required=True, metavar="명령")
    s = sub.add_parser("ingest", help="파일이나 폴더를 색인")
    s.add_argument("paths", nargs="+")
    s.add_argument("--incremental", action="store_true", help="바뀐 문서만 (기본 동작: 내용 해시로 판단)")
    s.add_argument("--force", action="store_true", help="바뀌지 않은 문서도 다시 색인 (임베딩은 캐시 재사용)")
    s.add_argument("--visibility", metavar="공개범위",
                   help="이 파일들을 볼 수 있는 범위: public, org, dept:부서명 (다음 색인에도 유지; auto는 해제)")
    s.add_argument("--json", action="store_true")
    s.set_defaults(fn=cmd_ingest)
    s = sub.add_parser("search", help="질문으로 조문 검색")
    s.add_argument("question", nargs="?")
    s.add_argument("--queries", help="JSONL: 한 줄에 {\"id\",\"question\"}")
    s.add_argument("--top-k", type=int, default=10)
    s.add_argument("--as-of", help="기준일 YYYY-MM-DD (기본: 오늘)")
    s.add_argument("--kind", action="append", help="문서 종류 필터(여러 번 가능): 법률, 대통령령, 별표, 기술기준 …")
    s.add_argument("--json", action="store_true")
    s.set_defaults(fn=cmd_search)
    s = sub.add_parser("ask", help="근거 조문을 인용한 답변")
    s.add_argument("question")
    s.add_argument("--as-of", help="기준일 YYYY-MM-DD (기본: 오늘)")
    s.add_argument("--top-k", type=int, default=5)
    s.add_argument("--kind", action="append")
    s.add_argument("--model", help="설정된 언어모델 이름")
    s.add_argument("--json", action="store_true")
    s.set_defaults(fn=cmd_ask)
    s = sub.add_parser("show", help="조문 원문 보기: dasan show \"법령명\" 제33조")
    s.add_argument("title")
    s.add_argument("unit")
    s.add_argument("--as-of")
    s.add_argument("--json", action="store_true")
    s.set_defaults(fn=cmd_show)
    s = sub.add_parser("eval", help="평가셋으로 검색 품질 측정")
    s.add_argument("--set", required=True)
    s.add_argument("--top-k", type=int, default=10)
    s.add_argument("--baseline", action="store_true", help="llama-index 기본 설정 기준선도 함께 측정")
    s.add_argument("--ask", action="store_true", help="추출식 답변의 첫 인용이 정답 근거와 맞는 비율도 측정")
    s.add_argument("--as-of")
    s.add_argument("--out")
    s.add_argument("--no-cases", action="store_true", help="사례 기억을 끈 검색과의 비교를 생략")
    s.add_argument("--similar-cases", metavar="평가셋", help="유사 민원 찾기 Recall@1/5 (complaints_dev.jsonl 형식)")
    s.set_defaults(fn=cmd_eval)
    s = sub.add_parser("crawl", help="지침·안내 웹페이지와 첨부파일 수집 (같은 사이트, robots.txt 준수)")
    s.add_argument("url")
    s.add_argument("--depth", type=int, default=1)
    s.add_argument("--out", required=True, help="내려받은 파일을 둘 폴더 (다시 수집할 때 조건부 요청에 씀)")
    s.add_argument("--delay", type=float, default=1.0, help="요청 사이 간격(초)")
    s.add_argument("--max-pages", type=int, default=200)
    s.add_argument("--ingest", action="store_true", help="수집한 파일을 바로 색인")
    s.set_defaults(fn=cmd_crawl)
    s = sub.add_parser("sync", help="법제처 Open API·legalize-kr 미러에서 바뀐 법령만 가져와 색인 (야간 작업)")
    s.add_argument("--config", default="corpora/sources.toml", help="따라갈 법령 목록 (corpora/sources.example.toml 참고)")
    s.add_argument("--history", type=int, help="legalize-kr: 파일마다 과거 판 N개도 색인")
    s.set_defaults(fn=cmd_sync)
    s = sub.add_parser("law-names", help="법령명·약칭 표를 법제처 Open API 현행 법령 목록으로 새로 고침")
    s.add_argument("--config", default="corpora/sources.toml", help="OC 인증키가 든 출처 설정 (corpora/sources.example.toml 참고)")
    s.set_defaults(fn=cmd_law_names)
    s = sub.add_parser("mask", help="개인정보 가리기: 표준입력(또는 인자) → 가린 텍스트, --jsonl FILE → JSONL")
    s.add_argument("text", nargs="?", help="가릴 텍스트 (없으면 표준입력)")
    s.add_argument("--jsonl", help="한 줄에 {\"id\",\"text\"} (- 이면 표준입력)")
    s.set_defaults(fn=cmd_mask)
    s = sub.add_parser("runs", help="최근 색인 실행 기록")
    s.add_argument("--limit", type=int, default=20)
    s.add_argument("--json", action="store_true")
    s.set_defaults(fn=cmd_runs)
    s = sub.add_parser("serve", help="API 서버 실행")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--ingest", nargs="*", default=[], help="서버를 띄운 뒤 백그라운드에서 색인할 경로")
    s.set_defaults(fn=cmd_serve)
    s = sub.add_parser("sources-help", help="실제 원문 동기화 방법")
    s.set_defaults(fn=cmd_sources_help)
    s = sub.add_parser("sample", help="가상의 예시 자료 쓰기")
    s.add_argument("dir")
    s.set_defaults(fn=cmd_sample)
    s = sub.add_parser("deadline", help="민원 처리기한 계산: --received 2026-03-02T10:00 --period 3일")
    s.add_argument("--received", required=True, help="접수 일시 YYYY-MM-DD 또는 YYYY-MM-DDTHH:MM")
    s.add_argument("--period", help="처리기간: 3일, 7일, 2주, 1개월, 1년, 즉시")
    s.add_argument("--kind", help="민원 종류(처리기간 표에서 기간과 근거를 찾음, 예: 정보공개 청구)")
    s.add_argument("--extend", help="연장 기간(예: 10일); --kind와 함께면 '표'로 표의 연장 기간 사용")
    s.add_argument("--pause", action="append", help="보완 기간(시계 멈춤) 2026-03-02..2026-03-05, 여러 번 가능")
    s.add_argument("--json", action="store_true")
    s.set_defaults(fn=cmd_deadline)
    s = sub.add_parser("complaint", help="민원 분석: 유형, 관련 조문, 제안 결정, 처리기한, 절차, 답변 초안")
    s.add_argument("text", nargs="?", help="민원 내용 (개인정보는 분석 전에 가려짐)")
    s.add_argument("--file", help="민원 내용이 든 UTF-8 텍스트 파일")
    s.add_argument("--received", help="접수 일시 YYYY-MM-DD 또는 YYYY-MM-DDTHH:MM (기본: 지금)")
    s.add_argument("--channel", help="접수 경로 (방문, 전화, 국민신문고 등)")
    s.add_argument("--department", help="담당 부서 (답변 초안에 들어감)")
    s.add_argument("--json", action="store_true")
    s.set_defaults(fn=cmd_complaint)
    return p


def main(argv: list[str] | None = None) -> int:
    """Run one command; failures end as one Korean line on stderr and an exit code (dasan.failures)."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as e:  # -h (0) or a usage error (2), already printed
        return e.code if isinstance(e.code, int) else USAGE
    import os

    if args.data_dir:
        os.environ["DASAN_HOME"] = args.data_dir
    rt = None
    try:
        from dasan.runtime import Runtime

        rt = Runtime()
        return args.fn(args, rt) or 0
    except KeyboardInterrupt:
        print("dasan: 중단되었습니다.", file=sys.stderr)
        return 130
    except Exception as e:  # noqa: BLE001 - every failure becomes one line and a documented code
        return report(e, "dasan", debug_enabled(args))
    finally:
        try:
            if rt is not None:
                rt.close()
        except Exception:
            pass


if __name__ == "__main__":
    sys.exit(main())

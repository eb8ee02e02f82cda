"""Commands that need no index lock: eval, mask, sample, sources-help, deadline, complaint."""
from __future__ import annotations

import sys
from pathlib import Path

from dasan.commands import print_json
from dasan.commands.query import as_of
from dasan.failures import BUSY, USAGE, CliError


def eval_busy_message(home: Path) -> str:
    """One Korean line: the evaluation reads the index itself, so stop the server or evaluate a copy."""
    from dasan.remote import running_server

    server = running_server(home)
    who = f"실행 중인 서버({server['url']})가" if server else "다른 프로세스(예: 실행 중인 dasan serve)가"
    return (f"dasan eval은 색인을 직접 읽는데 {who} 데이터 폴더({home})의 내장 색인을 쓰고 있습니다. 서버를 멈춘 뒤 "
            f"다시 실행하거나, 데이터 폴더의 사본으로 평가하세요: cp -a {home} /tmp/dasan-eval && "
            "dasan --data-dir /tmp/dasan-eval eval …")


def cmd_eval(args, rt) -> int:
    from rag.index.edge import IndexBusy

    try:
        return _eval(args, rt)
    except IndexBusy:
        raise CliError(BUSY, eval_busy_message(rt.settings.home)) from None


def _eval(args, rt) -> int:
    from eval.run import run_eval

    result = run_eval(rt, Path(args.set), top_k=args.top_k, baseline=args.baseline, as_of=as_of(args.as_of),
                      out=Path(args.out) if args.out else None, ask=args.ask, cases=not args.no_cases)
    print(result["table"])
    if args.similar_cases:
        from eval.cases import run as run_cases

        found = run_cases(rt, Path(args.similar_cases))
        for method, m in found.items():
            print(f"유사 민원 찾기({method}): 질문 {m['questions']}개, Recall@1 {m['recall@1']:.3f}, "
                  f"Recall@5 {m['recall@5']:.3f}, p95 {m['latency_ms_p95']} ms")
    return 0


def cmd_mask(args, rt) -> int:
    from ingest.pii import mask_cli

    return mask_cli(args.text, args.jsonl, sys.stdout)


def cmd_sources_help(args, rt) -> int:
    print("""
실제 법령 원문을 동기화하려면:
  1) legalize-kr 미러(법령·행정규칙·자치법규 Markdown)를 내려받은 폴더를 색인:  .venv/bin/dasan ingest /경로/legalize-kr
  2) 국가법령정보센터에서 받은 PDF·HWP 파일 폴더를 색인:                    .venv/bin/dasan ingest /경로/폴더
  3) 같은 명령을 다시 실행하면 바뀐 문서만 다시 색인합니다(내용 해시 비교).
  서버가 실행 중이어도 같은 명령을 쓰면 서버를 거쳐 색인합니다.
""".strip())
    return 0


def cmd_sample(args, rt) -> int:
    from ingest.sample import write_sample

    files = write_sample(Path(args.dir))
    print(f"가상의 예시 자료 {len(files)}개를 {args.dir}에 썼습니다(실제 법령이 아닙니다).")
    return 0


def cmd_deadline(args, rt) -> int:
    from rag.desk.deadline import DeadlineError, deadline_from_strings
    from rag.desk.holidays import CalendarError, load_calendar
    from rag.desk.rules import deadline_for_strings

    if bool(args.kind) == bool(args.period):
        raise CliError(USAGE, "--period(예: 7일, 3일, 2주, 1개월)와 --kind(민원 종류) 중 하나만 주세요.")
    try:
        cal = load_calendar(home=rt.settings.home)  # the office's holidays.tsv in this data folder
        if args.kind:
            out = deadline_for_strings(args.kind, args.received, args.extend, args.pause, today=rt.settings.today(),
                                       cal=cal)
        else:
            out = deadline_from_strings(args.received, args.period, args.extend, args.pause,
                                        today=rt.settings.today(), cal=cal)
    except (DeadlineError, CalendarError) as e:
        raise CliError(USAGE, str(e)) from None
    if args.json:
        print_json(out)
        return 0
    print(f"처리기한: {out['due']}  (접수 {out['received']}, 처리기간 {out['period']}"
          + (f", 연장 {out['extend']}" if out["extend"] else "") + ")")
    print(f"계산: {out['counted']}")
    for s in out["skipped"]:
        print(f"  - {s['date']} {s['reason']}")
    print(f"근거: {out['basis']}")
    return 0


def cmd_complaint(args, rt) -> int:
    from rag.desk.analyze import analyze, public
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
        print_json(public(out))
    else:
        print(render(out))
    return 0

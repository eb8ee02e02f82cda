"""The ``dasan`` command: the parser and ``main``; the commands live in dasan/commands/.

While a ``dasan serve`` holds the data folder, the commands in ``THROUGH_SERVER`` (and ``crawl --ingest``,
which hands the crawled files to the server's ingest) go through its API (dasan/remote.py) with the same
output and exit codes. ``dasan eval`` reads the index itself: it stops with one line (exit 3) saying to
stop the server or to evaluate a copy of the data folder.
"""
from __future__ import annotations

import argparse
import sys

from dasan.commands.desk import cmd_complaint, cmd_deadline, cmd_eval, cmd_mask, cmd_sample, cmd_sources_help
from dasan.commands.ingest import cmd_crawl, cmd_ingest, cmd_remove, cmd_runs, cmd_sync
from dasan.commands.query import cmd_ask, cmd_search, cmd_show
from dasan.commands.serve import cmd_serve
from dasan.commands.laws import cmd_law_names
from dasan.failures import USAGE, KoreanArgumentParser, debug_enabled, report

THROUGH_SERVER = ("search", "ask", "show", "ingest", "sync", "runs", "remove")


def _through_server(args) -> bool:
    return args.cmd in THROUGH_SERVER or (args.cmd == "crawl" and args.ingest)


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
    s.add_argument("--prune", action="store_true",
                   help="주어진 폴더에서 사라진 파일이 색인한 문서를 색인에서 뺌(폐지와 달리 이력도 남지 않음)")
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
    s = sub.add_parser("mask", help="개인정보 가리기: 표준입력(또는 인자) → 가린 텍스트, --jsonl 파일 → JSONL")
    s.add_argument("text", nargs="?", help="가릴 텍스트 (없으면 표준입력)")
    s.add_argument("--jsonl", help="한 줄에 {\"id\",\"text\"} (- 이면 표준입력)")
    s.set_defaults(fn=cmd_mask)
    s = sub.add_parser("runs", help="최근 색인 실행 기록 (번호를 주면 파일별로 무엇이 바뀌었는지)")
    s.add_argument("run_id", nargs="?", type=int, metavar="번호")
    s.add_argument("--limit", type=int, default=20)
    s.add_argument("--json", action="store_true")
    s.set_defaults(fn=cmd_runs)
    s = sub.add_parser("remove", help="문서(법령명·약칭) 또는 원본 파일·폴더가 색인한 문서를 색인에서 뺌")
    s.add_argument("target", metavar="문서_또는_경로")
    s.add_argument("--json", action="store_true")
    s.set_defaults(fn=cmd_remove)
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


def _server(home):
    """The running server that holds this data folder, when there is one and it answers."""
    from dasan.remote import Remote, running_server

    info = running_server(home)
    if info is None:
        return None
    remote = Remote(info)
    if remote.reachable():
        return remote
    remote.close()
    return None


def main(argv: list[str] | None = None) -> int:
    """Run one command; failures end as one Korean line on stderr and an exit code (dasan.failures)."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as e:  # -h (0) or a usage error (2), already printed
        return e.code if isinstance(e.code, int) else USAGE
    rt = args.remote = None
    try:
        from pathlib import Path

        from ingest.config import load

        settings = load(Path(args.data_dir) if args.data_dir else None)  # --data-dir: no environment write
        home = settings.home
        if _through_server(args):
            args.remote = _server(home)
        if args.remote is not None:
            return args.fn(args, None) or 0
        from ingest.runtime import Runtime

        rt = Runtime(settings)
        return args.fn(args, rt) or 0
    except KeyboardInterrupt:
        print("dasan: 중단되었습니다.", file=sys.stderr)
        return 130
    except Exception as e:  # noqa: BLE001 - every failure becomes one line and a documented code
        return report(e, "dasan", debug_enabled(args))
    finally:
        for res in (rt, args.remote):
            try:
                if res is not None:
                    res.close()
            except Exception:
                pass


if __name__ == "__main__":
    sys.exit(main())

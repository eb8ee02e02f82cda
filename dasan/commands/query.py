"""search, ask, show: locally or through a running server, with the same output and exit codes."""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from dasan.commands import print_json
from dasan.failures import PARTIAL, USAGE, CliError

SEARCH_KEYS = ("question", "hits", "warnings", "expanded", "similar_cases", "missing")


def as_of(value: str | None) -> date | None:
    from rag.model import parse_as_of

    if not value:
        return None
    try:
        return parse_as_of(value, date.today())
    except ValueError as e:
        raise CliError(USAGE, str(e)) from None


def _search(args, rt, question: str) -> dict:
    """{question, hits, warnings, expanded, similar_cases, missing} in the JSON shape (hits as public dicts,
    whether the server or the local retriever answered); CliError(USAGE) for a bad question."""
    if rt is None:
        body = {"question": question, "top_k": args.top_k, "as_of": args.as_of, "kinds": args.kind or []}
        out = args.remote.call("POST", "/v1/search", json=body)
        return {k: out.get(k, []) for k in SEARCH_KEYS}
    from rag.hits import public
    from rag.retrieve import QuestionError

    try:
        res = rt.retriever.search(question, top_k=args.top_k, as_of=as_of(args.as_of) or rt.settings.today(),
                                  kinds=args.kind)
    except QuestionError as e:
        raise CliError(USAGE, str(e)) from None
    return {"question": question, "hits": public(res.hits), "warnings": res.warnings, "expanded": res.expanded,
            "similar_cases": res.similar_cases, "missing": res.missing}


def cmd_search(args, rt) -> int:
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
                print_json({"id": item.get("id"), "hits": _search(args, rt, item.get("question", ""))["hits"]})
            except CliError as e:
                if e.code != USAGE:
                    raise
                print_json({"id": item.get("id"), "hits": [], "error": str(e)})
        return 0
    if args.question is None:
        raise CliError(USAGE, "질문을 입력하거나 --queries 파일.jsonl을 지정하세요.")
    res = _search(args, rt, args.question)
    if args.json:
        print_json(res)
        return 0
    for m in res["missing"]:
        print(f"※ {m['message']}")
    for w in res["warnings"]:
        print(f"※ {w}")
    if res["expanded"]:
        print(f"※ 함께 찾은 법령 용어: {', '.join(res['expanded'])}")
    if not res["hits"]:
        print("근거를 찾지 못했습니다.")
    for h in res["hits"]:
        d = h["document"]
        print(f"[{h['rank']}] 「{d['title']}」 {h['unit']} {h.get('unit_title') or ''} "
              f"(시행 {d['effective_from'] or '-'}, {status_text(d)}) 점수 {h['score']:.4f}")
        if h.get("via_cases"):
            print(f"    ※ {h['via_cases']['reason']}: {', '.join(h['via_cases']['cases'])}")
        print("    " + (h["text"] or "")[:200].replace("\n", " "))
    print_similar(res["similar_cases"])
    return 0


def status_text(d: dict) -> str:
    """The status on the 기준일, and today's when it differs (rag/status.py)."""
    return d.get("status_note") or d["status"]


def print_similar(cases: list[dict]) -> None:
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
    if rt is None:
        out = args.remote.call("POST", "/v1/ask", json={"question": args.question, "as_of": args.as_of,
                                                        "top_k": args.top_k, "kinds": args.kind or [],
                                                        "model": args.model})
    else:
        from rag.answer import AskOptions

        opts = AskOptions(as_of=as_of(args.as_of) or rt.settings.today(), top_k=args.top_k, kinds=args.kind,
                          model=args.model)
        out = rt.answerer.ask(args.question, opts)  # bad question/model: 2, LLM server down: 4 (dasan.failures)
    if args.json:
        print_json(out)
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
            print(f" [{c['n']}] 「{d['title']}」 {c['unit']} (시행 {d['effective_from'] or '-'}, {status_text(d)})")
            if c.get("via_cases"):
                print(f"     ※ {c['via_cases']['reason']}")
    print_similar(out.get("similar_cases") or [])
    return 0


def cmd_show(args, rt) -> int:
    if rt is None:
        try:
            out = args.remote.call("GET", "/v1/show", params={"title": args.title, "unit": args.unit,
                                                              **({"as_of": args.as_of} if args.as_of else {})})
        except CliError as e:
            if e.code != PARTIAL:
                raise
            print(str(e), file=sys.stderr)
            return PARTIAL
    else:
        from rag.hits import public
        from rag.lookup import NotFound, show_units

        try:
            out = show_units(rt.index, rt.registry, rt.known_titles(), args.title, args.unit,
                             as_of(args.as_of) or rt.settings.today(), today=rt.settings.today())
            out |= {"units": public(out["units"])}
        except NotFound as e:
            print(str(e), file=sys.stderr)
            return PARTIAL
    if args.json:
        print_json(out)
        return 0 if out["units"] else PARTIAL
    if not out["units"]:
        print(out["message"])
        return PARTIAL
    d = out["units"][0]["document"]
    print(f"「{out['title']}」 ({out['as_of']} 기준, 시행 {d['effective_from']}, {d['status']})")
    if d.get("status_note"):
        print(f"※ {d['status_note']}")
    for h in out["units"]:
        print(h["text"])
    return 0

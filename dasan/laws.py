"""`dasan show` (one article or 별표 as of a date, with its status today) and `dasan law-names`
(refresh the table of law titles and 약칭 from law.go.kr)."""
from __future__ import annotations

import json
import sys
from datetime import date

from dasan.failures import USAGE, CliError


def as_of_arg(value: str | None) -> date | None:
    from rag.model import parse_as_of

    if not value:
        return None
    try:
        return parse_as_of(value, date.today())
    except ValueError as e:
        raise CliError(USAGE, str(e)) from None


def print_json(obj) -> None:
    print(json.dumps(obj, ensure_ascii=False, default=str))


def cmd_show(args, rt) -> int:
    from rag import named
    from rag.index.base import QueryFilter
    from rag.model import normalize_title
    from rag.retrieve import to_hit

    as_of = as_of_arg(args.as_of) or rt.settings.today()
    titles = rt.known_titles()
    resolver = rt.retriever.resolver
    mentions = resolver.resolve(args.title).laws
    title = next((t for t in titles if normalize_title(t) == normalize_title(args.title)), None) or \
        (mentions[0] if mentions else None)
    if not title:
        print(f"'{args.title}'에 해당하는 문서를 찾지 못했습니다.", file=sys.stderr)
        return 1
    unit = args.unit.replace(" ", "")
    flt = QueryFilter(as_of=as_of, title_norms=[normalize_title(title)])
    if unit.startswith("별표"):
        flt.annexes = [unit.replace("별표", "별표 ")]
    else:
        flt.articles = [unit]
    hits = rt.index.find(flt, limit=50)
    if not hits:
        ref = resolver.resolve(f"{title} {flt.annexes[0] if flt.annexes else unit}")
        gaps = named.missing(ref, named.Probe.of(rt.index), QueryFilter(as_of=as_of))
        print(gaps[0]["message"] if gaps else f"「{title}」 {args.unit}: {as_of} 기준으로 시행 중인 조문이 없습니다.")
        return 1
    hits.sort(key=lambda h: h.payload.get("label", ""))
    out = [to_hit(h, i + 1, as_of, rt.settings.today()) for i, h in enumerate(hits)]
    if args.json:
        print_json({"title": title, "as_of": as_of, "units": out})
        return 0
    d = out[0]["document"]
    print(f"「{title}」 ({as_of} 기준, 시행 {d['effective_from']}, {d['status']})")
    if d.get("status_note"):
        print(f"※ {d['status_note']}")
    for h in out:
        print(h["text"])
    return 0


def cmd_law_names(args, rt) -> int:
    from ingest.sources.lawgokr import LawGoKrError, SourcesConfig
    from ingest.sources.law_names import refresh

    try:
        with SourcesConfig.load(args.config).client() as c:
            path, n = refresh(c, rt.settings.home, rt.settings.today())
    except (LawGoKrError, ValueError) as e:
        print(str(e), file=sys.stderr)
        return 2
    rt.retriever.refresh_titles()
    print(f"법령명 표: 법령 {n}개를 {path}에 썼습니다(함께 제공된 표와 합쳐 읽습니다).")
    return 0

"""Similar-case Recall@1/5 on paraphrased complaints (``complaints_dev.jsonl``).

Each item paraphrases one past case; its gold is that case (``{"doc": "민원 사례: acrc_qa",
"unit": "민원 6837003"}``). Two methods over the same index:

- ``plain``: today's hybrid search restricted to kind ``complaint`` (the whole case text, one point);
- ``memory``: ``rag.case_memory`` (question + title weighted), what lending uses.

    python -m eval.cases --set ../shared/eval/complaints_dev.jsonl [--method both] [--data-dir DIR]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

KS = (1, 5)


def _is_gold(gold: list[dict], doc_title: str, label: str) -> bool:
    return any(g.get("unit") == label and (not g.get("doc") or g.get("doc") == doc_title) for g in gold)


def recall(rank_of, items: list[dict]) -> dict:
    """``rank_of(question) -> [(doc_title, label), ...]`` best first; Recall@k and p50/p95 latency."""
    found = {k: 0 for k in KS}
    times = []
    misses = []
    for it in items:
        t = time.perf_counter()
        ranked = rank_of(it["question"])
        times.append(time.perf_counter() - t)
        rank = next((i + 1 for i, (doc, label) in enumerate(ranked) if _is_gold(it["gold"], doc, label)), None)
        for k in KS:
            found[k] += bool(rank and rank <= k)
        if rank != 1 and len(misses) < 20:
            misses.append({"id": it.get("id"), "rank": rank, "top": [lb for _, lb in ranked[:3]]})
    n = len(items) or 1
    times.sort()
    return {"questions": len(items), **{f"recall@{k}": round(found[k] / n, 4) for k in KS},
            "latency_ms_p50": round(times[len(times) // 2] * 1000, 2) if times else None,
            "latency_ms_p95": round(times[int(len(times) * 0.95)] * 1000, 2) if times else None,
            "misses": misses}


def plain_ranker(retriever, top_k: int = 5):
    def rank_of(question: str):
        hits = retriever.search(question, top_k=top_k, kinds=["complaint"]).hits
        return [(h.document.title, h.unit) for h in hits]
    return rank_of


def memory_ranker(retriever, top_k: int = 5):
    def rank_of(question: str):
        cases = retriever.similar_cases(question, limit=top_k, min_similarity=0.0)
        return [(c.doc_title, c.label) for c in cases]
    return rank_of


def bench(retriever, questions: list[str], n: int = 200, top_k: int = 10) -> dict:
    """p50/p95 of a full search with and without case memory, same questions, interleaved (the order
    alternates per question, so neither path always runs on warmer caches); the dense query vector is
    computed before timing (both paths share it). ``added_*_ms``: what case memory costs."""
    qs = list(questions[:n])
    retriever._qcache_size = max(retriever._qcache_size, len(qs))
    for q in qs:
        retriever.query_vector(q)
    for q in qs[:3]:  # warm-up: first index queries, Kiwi, term caches
        retriever.search(q, top_k=top_k)
    times: dict[str, list[float]] = {"with_memory": [], "without_memory": []}
    order = (("with_memory", True), ("without_memory", False))
    for i, q in enumerate(qs):
        for name, memory in (order if i % 2 == 0 else order[::-1]):
            t = time.perf_counter()
            retriever.search(q, top_k=top_k, memory=memory)
            times[name].append(time.perf_counter() - t)
    out = {}
    for name, ts in times.items():
        ts.sort()
        out[name] = {"p50_ms": round(ts[len(ts) // 2] * 1000, 2), "p95_ms": round(ts[int(len(ts) * 0.95)] * 1000, 2)}
    out["questions"] = len(qs)
    for q in ("p50", "p95"):
        out[f"added_{q}_ms"] = round(out["with_memory"][f"{q}_ms"] - out["without_memory"][f"{q}_ms"], 2)
    return out


def dense_rounds(retriever, questions: list[str], n: int = 200, rounds: int = 2,
                 attr: str = "dense_share") -> list[dict]:
    """``bench`` with one part of case memory off (``attr`` 0: by default the dense answer expansion;
    ``circle_share``: rag.case_circle) and on, alternated ``rounds`` times in one process: what it adds."""
    share, out = getattr(retriever, attr), []
    try:
        for r in range(rounds):
            for on in (False, True):
                setattr(retriever, attr, share if on else 0.0)
                out.append({"round": r + 1, attr.removesuffix("_share"): on} | bench(retriever, questions, n))
    finally:
        setattr(retriever, attr, share)
    return out


def load_items(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def run(rt, path: Path, method: str = "both", limit: int = 0) -> dict:
    items = load_items(path)
    if limit:
        items = items[:limit]
    out = {}
    rt.retriever._qcache_size = max(rt.retriever._qcache_size, len(items))  # both methods embed once
    if method in ("plain", "both"):
        out["plain"] = recall(plain_ranker(rt.retriever), items)
    if method in ("memory", "both"):
        out["memory"] = recall(memory_ranker(rt.retriever), items)
    return out


def main(argv: list[str] | None = None) -> int:
    from ingest.config import Settings
    from ingest.runtime import Runtime

    ap = argparse.ArgumentParser(prog="python -m eval.cases", description="유사 민원 찾기 Recall@1/5")
    ap.add_argument("--set", required=True, help="평가셋 JSONL (complaints_dev.jsonl 형식)")
    ap.add_argument("--data-dir", help="DASAN_HOME (기본: 환경변수 또는 data)")
    ap.add_argument("--method", choices=["plain", "memory", "both"], default="both")
    ap.add_argument("--limit", type=int, default=0, help="앞에서부터 이 수만 (0 = 전부)")
    ap.add_argument("--misses", action="store_true", help="틀린 예 일부도 출력")
    ap.add_argument("--bench", type=int, default=0, help="질문 N개로 사례 기억 켬/끔 검색 지연(p50/p95)만 측정")
    ap.add_argument("--dense-rounds", type=int, default=0,
                    help="--bench를 답변 벡터 확장 끔/켬으로 번갈아 R번씩 (rag/case_dense.py)")
    ap.add_argument("--toggle", default="dense_share", choices=["dense_share", "circle_share", "sanction_share"],
                    help="--dense-rounds가 끄고 켜는 부분 (circle_share: rag/case_circle.py, sanction_share: rag/sanctions.py)")
    args = ap.parse_args(argv)
    s = Settings()
    if args.data_dir:
        s.home = Path(args.data_dir).resolve()
    rt = Runtime(s)
    try:
        if args.bench and args.dense_rounds:
            out = {"dense_rounds": {"rounds": dense_rounds(rt.retriever, [it["question"] for it in
                                                             load_items(Path(args.set))], args.bench, args.dense_rounds,
                                                             args.toggle),
                                    "points": rt.index.count()}}
        elif args.bench:
            out = {"bench": bench(rt.retriever, [it["question"] for it in load_items(Path(args.set))], args.bench)}
            out["bench"]["points"] = rt.index.count()
        else:
            out = run(rt, Path(args.set), args.method, args.limit)
    finally:
        rt.close()
    if not args.misses:
        for v in out.values():
            v.pop("misses", None)
    json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

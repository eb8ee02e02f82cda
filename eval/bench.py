"""``make bench``: ingest throughput (per parser), embedder share of ingest time, index size on disk,
warm query latency p50/p95 and peak RSS — on the shared corpora and on 100 000 units (the corpus
replicated under distinct ids, vectors reused, so the index is measured at scale without re-embedding).

    python -m eval.bench --corpus ../shared/corpora --out eval/results/bench.json
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import statistics
import tempfile
import time
import uuid
from collections import defaultdict
from datetime import date
from pathlib import Path

from ingest.config import Settings
from ingest.runtime import Runtime
from rag import tokenize
from rag.index.base import IndexPoint, QueryFilter

SHORT_QUESTIONS = [
    "소형저장탱크 설치 기준", "가스공급자가 시설 철거 요청에 응하지 않으면 벌칙은?", "액법 제33조제2항",
    "정기검사 주기", "안전관리자 선임 기준", "과태료 부과기준", "용기보관실 설치 기준", "개인정보 제3자 제공",
    "민원 처리 기간", "징계 감경 사유", "도로점용 허가 신청서", "CCTV 영상 열람 요청", "가스누출경보기 설치",
    "캠핑카 LPG 사용시설 검사", "판매사업자 허가 취소", "공공기록물 보존기간", "행정심판 청구 기간",
    "전자금융거래 접근매체 분실", "신용정보 이용 동의", "경범죄 범칙금 납부",
]


def du(path: Path) -> int:
    """Bytes actually allocated (Qdrant preallocates sparse files, so st_size overstates)."""
    return sum(f.stat().st_blocks * 512 for f in path.rglob("*") if f.is_file())


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return round(values[min(len(values) - 1, int(q * len(values)))] * 1000, 2)


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def time_queries(fn, questions: list[str], warmup: int = 3) -> dict:
    for q in questions[:warmup]:
        fn(q)
    times = []
    for q in questions:
        t = time.perf_counter()
        fn(q)
        times.append(time.perf_counter() - t)
    return {"n": len(times), "p50_ms": pct(times, 0.5), "p95_ms": pct(times, 0.95),
            "mean_ms": round(statistics.mean(times) * 1000, 2)}


def bench_ask(rt: Runtime, questions: list[str]) -> dict:
    """Extractive /v1/ask latency against plain search for the same questions (no LLM time)."""
    from rag.answer import Answerer, AskOptions

    answerer = Answerer(rt.retriever, rt.registry, rt.index, models=None, today=rt.settings.today)
    opts = AskOptions(as_of=date.today(), top_k=10)
    rt.retriever._qcache.clear()
    search = time_queries(lambda q: rt.retriever.search(q, top_k=10), questions)
    rt.retriever._qcache.clear()
    ask = time_queries(lambda q: answerer.ask(q, opts), questions)
    return {"search": search, "ask_extractive": ask,
            "added_p50_ms": round(ask["p50_ms"] - search["p50_ms"], 2),
            "added_p95_ms": round(ask["p95_ms"] - search["p95_ms"], 2)}


def bench_case_memory(rt: Runtime, cases_set: str, n: int) -> dict:
    """Search latency with and without case memory in the same run, interleaved, on citizen questions
    (complaints_dev.jsonl paraphrases of the ingested cases; the short questions when it is absent)."""
    from eval.cases import bench, load_items

    path = Path(cases_set) if cases_set else None
    questions = [it["question"] for it in load_items(path)] if path and path.is_file() else SHORT_QUESTIONS
    out = bench(rt.retriever, questions, n)
    out["set"] = str(path) if path and path.is_file() else "short questions"
    out["cases"] = len(rt.index.find(QueryFilter(kinds=["complaint"]), limit=100_000))
    return out


def bench_incremental(rt: Runtime, corpus: list[Path], first_seconds: float) -> dict:
    """A second run over unchanged sources, then one changed law: what gets parsed and embedded."""
    t = time.perf_counter()
    again = rt.ingestor.ingest_paths(corpus)
    second = time.perf_counter() - t
    out = {"second_run_seconds": round(second, 2), "second_run_share": round(second / first_seconds, 4),
           "second_run_embedded": again.embedded, "second_run_parsed": again.count("ok")}
    laws = sorted(p for c in corpus for p in c.rglob("*.md") if any(k in p.read_text(encoding="utf-8")[:800] for k in ("법령MST", "자치법규ID", "행정규칙ID")))
    if laws:
        law = laws[0]
        text = law.read_text(encoding="utf-8")
        marker = "\n\n##### 제9999조 (벤치마크)\n\n벤치마크를 위하여 추가한 가상의 조문이다.\n"
        law.write_text(text + marker, encoding="utf-8")
        try:
            t = time.perf_counter()
            changed = rt.ingestor.ingest_paths(corpus)
            out |= {"changed_law": law.name, "changed_run_seconds": round(time.perf_counter() - t, 2),
                    "changed_files_parsed": changed.count("ok"), "changed_embedded": changed.embedded}
        finally:
            law.write_text(text, encoding="utf-8")
    return out


def bench_ingest(rt: Runtime, corpus: list[Path]) -> tuple[dict, list[IndexPoint]]:
    """Ingest the corpus into a fresh home, capturing the points for replication."""
    captured: list[IndexPoint] = []
    upsert = rt.index.upsert
    rt.index.upsert = lambda pts: (captured.extend(pts), upsert(pts))[1]
    per_parser: dict[str, dict] = defaultdict(lambda: {"files": 0, "units": 0, "seconds": 0.0})
    last = [time.perf_counter()]

    def progress(fr):
        now = time.perf_counter()
        p = per_parser[fr.parser or "unknown"]
        p["files"] += 1
        p["units"] += fr.units
        p["seconds"] += now - last[0]
        last[0] = now

    report = rt.ingestor.ingest_paths(corpus, progress=progress)
    rt.index.upsert = upsert
    for p in per_parser.values():
        p["units_per_s"] = round(p["units"] / p["seconds"], 2) if p["seconds"] else None
        p["seconds"] = round(p["seconds"], 1)
    per_version = {pt.payload["version_key"]: float(pt.payload.get("ocr_seconds") or 0) for pt in captured}
    ocr = sum(per_version.values())
    return {
        "files": len(report.files), "indexed": report.count("ok"), "skipped": report.count("skipped"),
        "errors": report.count("error"), "units": report.units, "seconds": round(report.seconds, 1),
        "units_per_s": round(report.units / report.seconds, 2) if report.seconds else None,
        "embed_seconds": round(report.embed_seconds, 1),
        "embed_share": round(report.embed_seconds / report.seconds, 3) if report.seconds else None,
        "ocr_seconds": round(ocr, 1), "ocr_share": round(ocr / report.seconds, 4) if report.seconds else None,
        "per_parser": dict(per_parser),
    }, captured


def replicate(points: list[IndexPoint], target: int) -> list[IndexPoint]:
    """Copies of the corpus points under distinct ids and document keys until ``target`` points."""
    out = list(points)
    copy = 0
    while len(out) < target:
        copy += 1
        for p in points:
            if len(out) >= target:
                break
            pay = dict(p.payload)
            pay["version_key"] = f"{pay['version_key']}~copy{copy}"
            pay["doc_key"] = f"{pay['doc_key']}~copy{copy}"
            pay["title_norm"] = f"{pay['title_norm']}~{copy}"
            out.append(IndexPoint(str(uuid.uuid5(uuid.NAMESPACE_OID, f"{p.id}/{copy}")), p.dense,
                                  p.sparse_indices, p.sparse_values, pay))
    return out


def bench_scale(rt: Runtime, points: list[IndexPoint], questions: list[str], target: int) -> dict:
    """Index-only and end-to-end latency on an edge shard holding ``target`` points."""
    from rag.index.edge import EdgeIndex

    tmp = Path(tempfile.mkdtemp(prefix="dasan-bench-"))
    try:
        ix = EdgeIndex(tmp / "index", rt.embedder.dim)
        pts = replicate(points, target)
        t = time.perf_counter()
        for i in range(0, len(pts), 2000):
            ix.upsert(pts[i:i + 2000])
        ix.optimize()
        build = time.perf_counter() - t
        vecs = {q: (rt.embedder.query(q), tokenize.query_vector(q)) for q in questions}
        flt = QueryFilter(as_of=date.today())

        def index_only(q):
            d, s = vecs[q]
            ix.hybrid(d, (s.indices, s.values), 50, flt, weights=(1.0, 0.5))

        from rag.retrieve import HybridRetriever

        retr = HybridRetriever(ix, rt.embedder, titles_source=rt.known_titles)
        out = {"points": ix.count(), "build_seconds": round(build, 1), "index_mb": round(du(tmp) / 2**20, 1),
               "index_query": time_queries(index_only, questions * 5),
               "search_end_to_end": time_queries(lambda q: retr.search(q, top_k=10), questions)}
        ix.close()
        return out
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", nargs="+", default=["../shared/corpora"])
    ap.add_argument("--scale", type=int, default=100_000)
    ap.add_argument("--home", help="data folder for the bench (default: a fresh temporary folder)")
    ap.add_argument("--out", default="eval/results/bench.json")
    ap.add_argument("--cases-set", default="../shared/eval/complaints_dev.jsonl",
                    help="questions for the with/without case memory search timing")
    ap.add_argument("--cases-n", type=int, default=200)
    args = ap.parse_args(argv)
    home = Path(args.home) if args.home else Path(tempfile.mkdtemp(prefix="dasan-bench-home-"))
    rt = Runtime(Settings(home=home))
    result: dict = {"date": date.today().isoformat(), "corpus": args.corpus, "embedder": rt.embedder.name}
    work = Path(tempfile.mkdtemp(prefix="dasan-bench-corpus-"))
    corpus = []
    for i, c in enumerate(args.corpus):  # a private copy: the incremental bench edits one law in it
        dst = work / f"{i}-{Path(c).name}"
        shutil.copytree(c, dst)
        corpus.append(dst)
    ingest, points = bench_ingest(rt, corpus)
    result["ingest"] = ingest
    result["incremental"] = bench_incremental(rt, corpus, ingest["seconds"])
    result["index_mb"] = round(du(rt.settings.index_path) / 2**20, 1)
    result["db_mb"] = round(du(home) / 2**20 - result["index_mb"], 1)
    questions = SHORT_QUESTIONS
    flt_today = QueryFilter(as_of=date.today())
    vecs = {q: (rt.embedder.query(q), tokenize.query_vector(q)) for q in questions}
    result["corpus_query"] = {
        "points": rt.index.count(),
        "index_query": time_queries(lambda q: rt.index.hybrid(vecs[q][0], (vecs[q][1].indices, vecs[q][1].values),
                                                               50, flt_today, weights=(1.0, 0.5)), questions * 5),
        "search_end_to_end": time_queries(lambda q: rt.retriever.search(q, top_k=10), questions),
        "query_embed": time_queries(rt.embedder.query, questions),
    }
    result["case_memory_search"] = bench_case_memory(rt, args.cases_set, args.cases_n)
    result["ask_overhead"] = bench_ask(rt, questions)
    from eval.bench_desk import bench_desk

    result["desk"] = bench_desk(rt, Path(args.corpus[0]).resolve().parent)  # ../shared/corpora → ../shared
    random.seed(0)
    if points and args.scale:
        result["scale"] = bench_scale(rt, points, questions, args.scale)
    result["peak_rss_mb"] = peak_rss_mb()
    rt.close()
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=1))
    shutil.rmtree(work, ignore_errors=True)
    if not args.home:
        shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

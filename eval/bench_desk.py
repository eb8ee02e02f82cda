"""The complaint officer's desk without a language model: ``analyze`` latency (p50/p95/max) over real
complaint texts — citizens' questions from the ACRC Q&A corpus and the complaints eval set, plus the CCTV
request — on an index of the shared corpora. Goal (issue 12): p95 ≤ 300 ms.

``make bench`` runs it inside eval/bench.py on the index that bench builds; on an existing index:

    DASAN_HOME=/path/to/home python -m eval.bench_desk --shared ../shared --out eval/results/bench_desk.json
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

GOAL_P95_MS = 300.0
CCTV_REQUESTS = [
    "지난주 교통사고가 났는데 ○○사거리 CCTV 영상을 보고 싶어요. 상대 차량 운전자 얼굴은 가려 주셔도 괜찮습니다.",
    "11월 3일 저녁 7시쯤 시청 앞 교차로에서 접촉사고가 났습니다. 그 시간 방범 CCTV 녹화 영상을 열람하고 싶은데 "
    "어떻게 신청하나요? 보험사에 제출해야 해서 사본도 받을 수 있는지 궁금합니다.",
    "아파트 앞 도로에서 제 차가 긁혔는데 구청 CCTV에 찍혔을 것 같습니다. 영상 확인할 수 있을까요?",
]


def _texts(path: Path, fields: tuple[str, ...]) -> list[str]:
    out = []
    if not path.is_file():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            row = json.loads(line)
        except ValueError:
            continue
        text = " ".join(str(row.get(f) or "") for f in fields).strip()
        if text:
            out.append(text)
    return out


def workload(shared: Path, n_per_set: int = 150, seed: int = 0) -> dict[str, list[str]]:
    """Complaint texts by source: ACRC Q&A titles+questions, the complaints eval set, the CCTV requests."""
    rng = random.Random(seed)
    sets = {"acrc_qa": _texts(shared / "corpora" / "complaints-acrc" / "acrc_qa.jsonl", ("title", "question")),
            "complaints_dev": _texts(shared / "eval" / "complaints_dev.jsonl", ("question",))}
    out = {}
    for name, texts in sets.items():
        if texts:
            out[name] = rng.sample(texts, min(n_per_set, len(texts)))
    out["cctv"] = CCTV_REQUESTS
    return out


def _stats(ms: list[float]) -> dict:
    s = sorted(ms)
    at = lambda q: round(s[min(len(s) - 1, int(q * len(s)))], 1)  # noqa: E731
    return {"n": len(s), "p50_ms": at(0.5), "p95_ms": at(0.95), "max_ms": round(s[-1], 1),
            "mean_ms": round(statistics.mean(s), 1)}


class _TimedEmbedder:
    """The runtime's embedder, adding up the time its query embeddings take (the bulk of a search)."""

    def __init__(self, inner) -> None:
        self.inner, self.seconds = inner, 0.0

    def query(self, text: str):
        t = time.perf_counter()
        try:
            return self.inner.query(text)
        finally:
            self.seconds += time.perf_counter() - t

    def __getattr__(self, name: str):
        return getattr(self.inner, name)


def bench_desk(rt, shared: Path, n_per_set: int = 150, warmup: int = 5) -> dict:
    """Per-complaint wall time of ``analyze`` with no model (masking, two searches, deadline, decision,
    steps, template reply) — what the officer waits for before anything is streamed — with the share
    of it spent embedding the complaint, the CPU time, and the machine's load while measuring."""
    from rag.desk.analyze import analyze

    sets = workload(shared, n_per_set)
    retriever = rt.retriever
    timed = retriever.embedder = _TimedEmbedder(retriever.embedder)
    load_before = os.getloadavg()
    received = rt.settings.today().isoformat()
    first = [t for texts in sets.values() for t in texts]
    for text in first[:warmup]:
        analyze(rt, text, received, models=None)
    by_set: dict[str, list[float]] = defaultdict(list)
    by_type: dict[str, list[float]] = defaultdict(list)
    types, cctv, embed_ms, cpu_ms = Counter(), [], [], []
    for name, texts in sets.items():
        for text in texts:
            timed.seconds, c = 0.0, time.process_time()
            t = time.perf_counter()
            out = analyze(rt, text, received, models=None)
            ms = (time.perf_counter() - t) * 1000
            cpu_ms.append((time.process_time() - c) * 1000)
            embed_ms.append(timed.seconds * 1000)
            by_set[name].append(ms)
            by_type[out["type"]["value"]].append(ms)
            types[out["type"]["value"]] += 1
            if name == "cctv":
                d = out["decision"] or {}
                cctv.append({"type": out["type"]["value"], "suggestion": d.get("suggestion"),
                             "grounds": [f"{g['title']} {g['unit']}" for g in d.get("grounds") or []],
                             "due": out["deadline"]["due"], "ms": round(ms, 1)})
    retriever.embedder = timed.inner
    every = [x for v in by_set.values() for x in v]
    overall = _stats(every)
    return {"goal_p95_ms": GOAL_P95_MS, "meets_goal": overall["p95_ms"] <= GOAL_P95_MS, "llm": None,
            "points": rt.index.count(), "overall": overall,
            "query_embedding": _stats(embed_ms), "without_embedding": _stats([a - b for a, b in zip(every, embed_ms)]),
            "cpu": _stats(cpu_ms),
            "machine": {"cpus": os.cpu_count(), "loadavg_before": [round(x, 1) for x in load_before],
                        "loadavg_after": [round(x, 1) for x in os.getloadavg()],
                        "omp_num_threads": os.environ.get("OMP_NUM_THREADS")},
            "by_set": {k: _stats(v) for k, v in by_set.items()},
            "by_type": {k: _stats(v) | {"count": types[k]} for k, v in sorted(by_type.items())},
            "cctv": cctv}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default="../shared", help="the shared folder (corpora/, eval/)")
    ap.add_argument("--n", type=int, default=150, help="complaints drawn from each set")
    ap.add_argument("--out", default="eval/results/bench_desk.json")
    args = ap.parse_args(argv)
    from ingest.runtime import Runtime

    rt = Runtime()
    if not rt.index.count():
        raise SystemExit("색인이 비어 있습니다. DASAN_HOME에 공유 말뭉치를 색인한 폴더를 주세요.")
    result = {"date": date.today().isoformat(), "home": str(rt.settings.home), "embedder": rt.embedder.name}
    result |= bench_desk(rt, Path(args.shared), args.n)
    rt.close()
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

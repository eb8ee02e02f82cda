"""``dasan eval``: Recall@1/5/10 and MRR against gold citations, Dasan beside the naive baseline."""
from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

from eval.gold import KIND_ANNEX, KIND_ARTICLE, KIND_CODE, KIND_DOC, gold_kind, matches
from rag.hits import Hit, HitDocument

KS = (1, 5, 10)


def load_set(path: Path) -> list[dict]:
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [it for it in items if it.get("gold")]


def first_ranks(gold: list[dict], hits: list[Hit]) -> list[int | None]:
    """For each gold reference, the rank of the first hit that matches it."""
    out = []
    for g in gold:
        r = next((h.rank for h in hits if matches(g, h)), None)
        out.append(r)
    return out


def metrics(rows: list[dict], kind: str | None = None) -> dict:
    """Per-question recall@k (averaged) and MRR; ``kind`` restricts to gold refs of that kind."""
    qs = []
    for row in rows:
        pairs = [(g, r) for g, r in zip(row["gold"], row["ranks"]) if kind is None or gold_kind(g) == kind]
        if pairs:
            qs.append(pairs)
    if not qs:
        return {"questions": 0}
    out = {"questions": len(qs), "refs": sum(len(p) for p in qs)}
    for k in KS:
        out[f"recall@{k}"] = round(sum(sum(1 for _, r in p if r and r <= k) / len(p) for p in qs) / len(qs), 4)
    out["mrr"] = round(sum(1 / min((r for _, r in p if r), default=float("inf")) for p in qs) / len(qs), 4)
    k = KS[-1]
    # per reference (micro: every cited reference counts once) and "some reference in the top k"
    out[f"ref_recall@{k}"] = round(sum(1 for p in qs for _, r in p if r and r <= k) / out["refs"], 4)
    out[f"any@{k}"] = round(sum(1 for p in qs if any(r and r <= k for _, r in p)) / len(qs), 4)
    return out


def evaluate(search, items: list[dict], top_k: int) -> tuple[list[dict], dict]:
    rows, times = [], []
    for it in items:
        t = time.perf_counter()
        hits = search(it["question"], top_k)
        times.append(time.perf_counter() - t)
        rows.append({"id": it["id"], "gold": it["gold"], "ranks": first_ranks(it["gold"], hits),
                     "top": [f"{h.document.title} {h.unit}" for h in hits[:5]]})
    report = {"overall": metrics(rows)}
    for kind in (KIND_ARTICLE, KIND_ANNEX, KIND_CODE, KIND_DOC):
        report[kind] = metrics(rows, kind)
    times.sort()
    report["latency_ms_p50"] = round(times[len(times) // 2] * 1000, 1) if times else None
    return rows, report


def _table(reports: dict[str, dict]) -> str:
    lines = [f"{'system':<10} {'subset':<9} {'q':>3} {'refs':>4} " + " ".join(f"{'R@' + str(k):>6}" for k in KS)
             + f" {'MRR':>6} {'refR@10':>7} {'any@10':>6}"]
    for system, rep in reports.items():
        for subset in ("overall", KIND_ARTICLE, KIND_ANNEX, KIND_CODE, KIND_DOC):
            m = rep.get(subset, {})
            if not m.get("questions"):
                continue
            lines.append(f"{system:<10} {subset:<9} {m['questions']:>3} {m['refs']:>4} "
                         + " ".join(f"{m[f'recall@{k}']:>6.3f}" for k in KS) + f" {m['mrr']:>6.3f}"
                         + f" {m.get('ref_recall@10', 0):>7.3f} {m.get('any@10', 0):>6.3f}")
    return "\n".join(lines)


def baseline_documents(rt) -> list:
    """Re-parse the source files of every indexed version (the baseline sees the same text)."""
    from ingest.parsers import parse_file

    docs, seen = [], set()
    for v in rt.registry.all_versions():
        if v.source in seen or not Path(v.source).exists():
            continue
        seen.add(v.source)
        try:
            docs += parse_file(Path(v.source))[1]
        except Exception:
            continue
    return docs


def extractive_first_citation(rt, items: list[dict], as_of: date) -> dict:
    """Share of extractive /v1/ask answers whose first citation matches a gold reference."""
    from rag.answer import Answerer, AskOptions

    answerer = Answerer(rt.retriever, rt.registry, rt.index, models=None, today=rt.settings.today)
    hit = abstained = 0
    lengths, sources = [], []
    for it in items:
        out = answerer.ask(it["question"][:4000], AskOptions(as_of=as_of, exclude_cases=own_case(it)))
        if out["mode"] == "abstain":
            abstained += 1
            continue
        first = cited_hit(out["citations"][0])
        hit += any(matches(g, first) for g in it["gold"])
        lengths.append(len(out["answer"]))
        sources.append(len(out["citations"]))
    n = len(items)
    lengths.sort()
    return {"questions": n, "first_citation_match": round(hit / n, 4) if n else 0.0, "abstained": abstained,
            "answer_chars_mean": round(sum(lengths) / len(lengths), 1) if lengths else 0.0,
            "answer_chars_median": lengths[len(lengths) // 2] if lengths else 0,
            "sources_mean": round(sum(sources) / len(sources), 2) if sources else 0.0}


def cited_hit(c: dict) -> Hit:
    """An answer's citation (its public JSON shape) as the hit that gold matching reads."""
    d = c["document"]
    return Hit(id=c["id"], rank=c["n"], score=c["score"], unit=c.get("unit"),
               document=HitDocument(title=d.get("title"), kind=d.get("kind"), parent_title=d.get("parent_title")))


def own_case(item: dict) -> set[str]:
    """The past case a dev question came from ("민원 kgs-000"): leave-one-out never lets it be found."""
    return {f"민원 {item['id']}"} if item.get("id") else set()


def run_eval(rt, set_path: Path, top_k: int = 10, baseline: bool = False, as_of: date | None = None,
             out: Path | None = None, ask: bool = False, cases: bool = True) -> dict:
    """Dasan as served (case memory on, each question's own case excluded: leave-one-out) and, with
    ``cases``, the same search without case memory in the same run."""
    items = load_set(set_path)
    as_of = as_of or rt.settings.today()
    by_question = {it["question"][:4000]: it for it in items}

    def search(q: str, k: int, memory: bool = True) -> list[Hit]:
        exclude = own_case(by_question.get(q[:4000], {}))
        return rt.retriever.search(q[:4000], top_k=k, as_of=as_of, exclude_cases=exclude, memory=memory).hits

    rows, report = evaluate(search, items, top_k)
    reports = {"dasan": report}
    result = {"set": str(set_path), "top_k": top_k, "as_of": as_of.isoformat(), "questions": len(items),
              "dasan": report, "rows": rows, "case_memory": "leave-one-out (a question's own case excluded)"}
    if cases:
        n_rows, n_report = evaluate(lambda q, k: search(q, k, memory=False), items, top_k)
        reports["no-cases"] = n_report
        result["no_case_memory"], result["no_case_memory_rows"] = n_report, n_rows
    if baseline:
        from eval.baseline import NaiveBaseline

        t = time.perf_counter()
        nb = NaiveBaseline(baseline_documents(rt), rt.embedder)
        result["baseline_build_seconds"] = round(time.perf_counter() - t, 1)
        result["baseline_chunks"] = nb.chunks
        b_rows, b_report = evaluate(nb.search, items, top_k)
        reports["baseline"] = b_report
        result["baseline"], result["baseline_rows"] = b_report, b_rows
    if ask:
        result["extractive"] = extractive_first_citation(rt, items, as_of)
    result["table"] = _table(reports)
    if ask:
        e = result["extractive"]
        result["table"] += (f"\nextractive answers: first citation matches a gold reference in "
                            f"{e['first_citation_match']:.3f} of {e['questions']} questions "
                            f"(abstained {e['abstained']}); answer length mean {e['answer_chars_mean']} / median "
                            f"{e['answer_chars_median']} characters, {e['sources_mean']} sources")
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    return result

"""Case-memory settings on kgs_dev in two folds (odd / even question ids), leave-one-out.

A setting is chosen on one fold and reported on the other and on the whole set; the default stays only
when it helps on both folds. Every run excludes each question's own past case (``eval.run.own_case``).

    python -m eval.case_folds --set ../shared/eval/kgs_dev.jsonl --data-dir DIR \\
        --setting "share=0.5" --setting "lend_cases=5,lend_similarity=0.55"

Setting keys: ``share``, ``lend_similarity``, ``lend_cases``, ``min_similarity`` (rag.case_memory);
``prf_share``, ``prf_similarity``, ``prf_cases``, ``prf_terms``, ``prf_common``, ``prf_limit``, ``prf_pool``,
``prf_keep_question``, ``prf_all_kinds``, ``prf_from_fused`` (rag.case_expansion; ``prf_share=0`` = no
expansion); ``dense_share``, ``dense_similarity``, ``dense_cases``, ``dense_limit``, ``dense_k``,
``dense_mix``, ``dense_statutes``, ``dense_share_statutes``, ``dense_limit_statutes``, ``dense_cases_statutes``,
``dense_window`` (rag.case_dense: the stored answer vectors; ``dense_share=0`` = off); ``circle_share``,
``circle_n``, ``circle_min_cases``, ``circle_similarity`` (rag.case_circle; ``circle_share=0`` = off); ``off`` = no
case memory.
``default`` (always run first) is the code as served.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from contextlib import contextmanager
from pathlib import Path

from eval.gold import KIND_ANNEX, KIND_ARTICLE, KIND_CODE
from eval.run import evaluate, load_set, metrics, own_case
from rag.hits import Hit

SUBSETS = ("overall", KIND_ARTICLE, KIND_ANNEX, KIND_CODE)
# setting key -> (object attribute on the retriever, or module constant of rag.case_memory)
RETRIEVER_KEYS = {"share": "case_share", "lend_similarity": "case_lend_similarity",
                  "min_similarity": "case_min_similarity", "before_delegation": "case_before_delegation",
                  "prf_share": "prf_share", "prf_similarity": "prf_similarity",
                  "dense_share": "dense_share", "dense_similarity": "dense_similarity",
                  "circle_share": "circle_share", "sanction_share": "sanction_share"}
# setting key -> (module, constant): rag.case_memory's lending, rag.case_expansion's answer query
MODULE_KEYS = {"lend_cases": ("case_memory", "LEND_CASES"), "max_lending": ("case_memory", "MAX_LENDING"),
               "doc_share": ("case_memory", "DOC_SHARE"), "doc_units": ("case_memory", "DOC_UNITS"),
               "prf_cases": ("case_expansion", "CASES"), "prf_terms": ("case_expansion", "MAX_TERMS"),
               "prf_common": ("case_expansion", "COMMON"), "prf_limit": ("case_expansion", "LIMIT"),
               "prf_pool": ("case_expansion", "POOL"), "prf_keep_question": ("case_expansion", "DROP_QUESTION"),
               "prf_from_fused": ("case_expansion", "FROM_FUSED"), "prf_all_kinds": ("case_expansion", "KINDS"),
               "dense_cases": ("case_dense", "CASES"), "dense_limit": ("case_dense", "LIMIT"),
               "dense_k": ("case_dense", "RRF_K"), "dense_mix": ("case_dense", "MIX"),
               "dense_statutes": ("case_dense", "STATUTES_ONLY"),
               "dense_share_statutes": ("case_dense", "SHARE_STATUTES"),
               "dense_limit_statutes": ("case_dense", "LIMIT_STATUTES"), "dense_window": ("case_dense", "WINDOW"),
               "dense_cases_statutes": ("case_dense", "CASES_STATUTES"),
               "circle_n": ("case_circle", "NEIGHBOURS"), "circle_min_cases": ("case_circle", "MIN_CASES"),
               "circle_similarity": ("case_circle", "MIN_SIMILARITY"),
               "sanction_duties": ("sanctions", "DUTIES")}


def fold_of(item: dict) -> str:
    m = re.search(r"(\d+)$", str(item.get("id") or ""))
    return "odd" if m and int(m.group(1)) % 2 else "even"


def parse_setting(spec: str) -> dict[str, float | bool]:
    out: dict[str, float | bool] = {}
    for part in filter(None, (p.strip() for p in spec.split(","))):
        if part == "off":
            out["off"] = True
            continue
        key, _, value = part.partition("=")
        if key not in RETRIEVER_KEYS and key not in MODULE_KEYS:
            raise SystemExit(f"알 수 없는 설정: {key} (가능: {', '.join([*RETRIEVER_KEYS, *MODULE_KEYS, 'off'])})")
        out[key] = float(value)
    return out


@contextmanager
def applied(retriever, setting: dict):
    import importlib

    mods = {k: importlib.import_module(f"rag.{m}") for k, (m, _) in MODULE_KEYS.items() if k in setting}
    saved = [(retriever, a, getattr(retriever, a)) for k, a in RETRIEVER_KEYS.items() if k in setting]
    saved += [(mods[k], a, getattr(mods[k], a)) for k, (_, a) in MODULE_KEYS.items() if k in setting]
    try:
        for k, a in RETRIEVER_KEYS.items():
            if k in setting:
                setattr(retriever, a, setting[k])
        for k, (_, a) in MODULE_KEYS.items():
            if k in setting:
                value = setting[k]
                if k == "prf_keep_question":
                    value = not value
                if k == "prf_all_kinds":
                    value = () if value else getattr(mods[k], a)
                setattr(mods[k], a, type(getattr(mods[k], a))(value))
        yield
    finally:
        for obj, a, v in saved:
            setattr(obj, a, v)


def summary(report: dict) -> dict:
    return {s: {"q": report[s].get("questions", 0), "any@10": report[s].get("any@10"),
                "refR@10": report[s].get("ref_recall@10")} for s in SUBSETS if report.get(s, {}).get("questions")}


def run_setting(rt, items: list[dict], setting: dict, top_k: int = 10, as_of=None) -> dict:
    by_question = {it["question"][:4000]: it for it in items}

    def search(q: str, k: int) -> list[Hit]:
        exclude = own_case(by_question.get(q[:4000], {}))
        return rt.retriever.search(q[:4000], top_k=k, as_of=as_of, exclude_cases=exclude,
                                   memory=not setting.get("off")).hits

    with applied(rt.retriever, setting):
        rows, report = evaluate(search, items, top_k)
    out = {"all": summary(report)}
    folds = {it["id"]: fold_of(it) for it in items}
    for name in ("odd", "even"):
        part = [r for r in rows if folds[r["id"]] == name]
        out[name] = summary({s: metrics(part, None if s == "overall" else s) for s in SUBSETS})
    return out


def table(results: dict[str, dict]) -> str:
    head = f"{'setting':<34} {'fold':<4} {'any@10':>6} " + " ".join(f"{s[:7] + ' refR':>12}" for s in SUBSETS)
    lines = [head]
    for name, res in results.items():
        for fold in ("odd", "even", "all"):
            r = res[fold]
            lines.append(f"{name[:34]:<34} {fold:<4} {r['overall']['any@10']:>6.3f} "
                         + " ".join(f"{r[s]['refR@10']:>12.3f}" if s in r else f"{'-':>12}" for s in SUBSETS))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from ingest.config import Settings
    from ingest.runtime import Runtime

    ap = argparse.ArgumentParser(prog="python -m eval.case_folds", description="사례 기억 설정을 두 겹(홀/짝)으로 비교")
    ap.add_argument("--set", required=True, help="kgs_dev.jsonl 형식 평가셋")
    ap.add_argument("--data-dir", help="DASAN_HOME (기본: 환경변수 또는 data)")
    ap.add_argument("--setting", action="append", default=[], help='예: "share=0.5,lend_cases=5" 또는 "off"')
    ap.add_argument("--out", help="결과 JSON 파일")
    args = ap.parse_args(argv)
    s = Settings()
    if args.data_dir:
        s.home = Path(args.data_dir).resolve()
    rt = Runtime(s)
    items = load_set(Path(args.set))
    rt.retriever._qcache_size = max(rt.retriever._qcache_size, len(items))
    results = {}
    try:
        for spec in ["default", "off", *args.setting]:
            results[spec] = run_setting(rt, items, {} if spec == "default" else parse_setting(spec))
            print(table({spec: results[spec]}).split("\n", 1)[1], file=sys.stderr, flush=True)
    finally:
        rt.close()
    if args.out:
        Path(args.out).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

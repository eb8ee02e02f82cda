"""Abstention: false-abstain and false-answer rates, before (one dense cosine) and after (rag/abstain.py).

Sets (each question is on-topic or off-topic for the index it is asked against):
- ``eval/sets/abstain_dev.jsonl``: hand-written, corpus ``sample`` (the fictional 다산시 sample) or
  ``statutes`` (legalize-kr + admrule-kr + ordinance-kr), with preambles, 구어체, typos, short and long;
- ``kgs_on``: the real gas-safety questions (../shared/eval/kgs_dev.jsonl) against the gas-law index: on-topic;
- ``kgs_off``: the same questions against the statutes index (no gas law): off-topic;
- ``acrc_off``: real ACRC questions (../shared/corpora/complaints-acrc/acrc_qa.jsonl) answered by agencies
  whose subject no indexed law governs (``OFF_AGENCIES``), unless the question names an indexed subject
  (``INDEXED_SUBJECTS``): off-topic against the statutes index.

Each set is split by position (even = half A, odd = half B). ``--calibrate`` searches the policy on half A
of every set together and reports both halves. Features are cached in ``--cache`` so calibration reruns
without the index.

    python -m eval.abstain --sample-home H1 --statutes-home H2 [--kgs-home H3] --out eval/results/abstain.json
"""
from __future__ import annotations

import argparse
import json
import os
from dataclasses import asdict
from datetime import date
from pathlib import Path

from eval import SHARED
from eval.abstain_fit import (FEATURES, POOL, calibrate, leave_one_author_out, parse_portions,  # noqa: F401
                               pooled, portion, select)
from rag import abstain
from rag.named import only_unindexed

BEFORE_DENSE = 0.865  # the single-cosine rule this replaces (main before issue 13)
OFF_AGENCIES = ("국세청", "병무청", "문화재청", "교육부", "교육청", "해양수산부")
INDEXED_SUBJECTS = ("개인정보", "정보공개", "징계", "고충", "기초생활", "경범죄", "행정심판", "범칙금")


def acrc_off(path: Path) -> list[dict]:
    """ACRC questions of agencies whose subject is not indexed (tax, military service, cultural
    heritage, schools, fisheries), minus any naming an indexed subject."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        org = r.get("organization") or ""
        text = f"{r.get('title', '')} {r.get('question', '')}"
        if any(a in org for a in OFF_AGENCIES) and not any(s in text for s in INDEXED_SUBJECTS):
            out.append({"id": f"acrc-{r['id']}", "question": r["question"], "on_topic": False, "org": org})
    return out


def features(rt, items: list[dict], as_of: date) -> list[dict]:
    """Evidence per question (rag/abstain.py) plus what the before-rule needs."""
    from rag.answer import Answerer, AskOptions

    ans = Answerer(rt.retriever, rt.registry, rt.index, None, today=rt.settings.today)
    rows = []
    for it in items:
        q = it["question"][:4000]
        opts = AskOptions(as_of=as_of)
        res = rt.retriever.search(q, top_k=opts.top_k, as_of=as_of)
        named = abstain.named_found(res.resolved, res.hits)
        recs: list[dict] = []
        ev = abstain.gather(q, res.hits, rt.retriever, rt.index, ans._filter(opts), named, recs) if res.hits else \
            abstain.Evidence.nothing()
        first = res.hits[0].document if res.hits else None
        raw = probe(rt, q, res.hits, ans._filter(opts)) if res.hits and rt.retriever.embedder is not None else {}
        rows.append({"id": it["id"], "half": it.get("half") or "", "on_topic": it["on_topic"],
                     "style": it.get("style", ""), "law": it.get("law", ""),
                     "hits": bool(res.hits), "resolved": bool(res.resolved and res.resolved.refs),
                     "unindexed": only_unindexed(res.missing, res.named_found),
                     "first_title": (first and first.title) or "", "first_parent": (first and first.parent_title) or "",
                     "ev": asdict(ev), "recs": recs, "question": q, "raw": raw})
    return rows


def probe(rt, q: str, hits, flt) -> dict:
    """Raw material for designing features offline (not used by the policy): the top hits' titles,
    headings and text, the dense and lexical top-10 headings, and dense cosines of reduced questions."""
    from rag import abstain_evidence as E
    from rag import tokenize

    def meta(p):
        return {"doc": p.get("doc_key"), "t": p.get("title") or "", "p": p.get("parent_title") or "",
                "u": p.get("unit_title") or "", "a": p.get("article") or p.get("annex") or p.get("label") or ""}

    qv = rt.retriever.query_vector(q)
    near = rt.index.nearest(qv, E.DEPTH, flt)
    sparse = tokenize.query_vector(q)
    lex = rt.index.hybrid(None, (sparse.indices, sparse.values), E.DEPTH, flt, prefetch=E.DEPTH) if sparse else []
    out = {"top": [{"t": h.document.title or "", "p": h.document.parent_title or "", "u": h.unit_title or "",
                    "x": (h.text or "")[:1500]} for h in hits[:5]],
           "near": [meta(h.payload) | {"s": round(float(h.score), 4)} for h in near],
           "lex": [meta(h.payload) | {"s": round(float(h.score), 4)} for h in lex]}
    nouns = [w for w, n in abstain.content_words(q, tags=True) if n]
    words = abstain.content_words(q)
    for key, text in (("dense_nouns", " ".join(nouns)), ("dense_words", " ".join(words))):
        if text.strip():
            nn = rt.index.nearest(rt.retriever.embedder.query(text), E.DEPTH, flt)
            out[key] = round(float(nn[0].score), 4) if nn else 0.0
            out[key + "_near"] = [meta(h.payload) | {"s": round(float(h.score), 4)} for h in nn]
    return out


def decide_before(row: dict) -> bool:
    return row["hits"] and (row["resolved"] or row["ev"]["dense"] >= BEFORE_DENSE)


_FIELDS = set(abstain.Evidence.__dataclass_fields__)


def decide_after(row: dict, policy: abstain.Policy) -> bool:
    """As /v1/ask decides: a question naming only laws that are not indexed abstains (rag.named.only_unindexed)."""
    if row.get("unindexed"):
        return False
    return row["hits"] and policy.decide(abstain.Evidence(**{k: v for k, v in row["ev"].items() if k in _FIELDS}))[0]


def rates(rows: list[dict], decide) -> dict:
    on = [r for r in rows if r["on_topic"]]
    off = [r for r in rows if not r["on_topic"]]
    out = {"on": len(on), "off": len(off)}
    if on:
        out["false_abstain"] = round(sum(not decide(r) for r in on) / len(on), 4)
        answered = [r for r in on if decide(r) and r["law"]]
        if answered:
            out["first_law_ok"] = round(sum(r["law"] in (r["first_title"], r["first_parent"]) for r in answered)
                                        / len(answered), 4)
    if off:
        out["false_answer"] = round(sum(bool(decide(r)) for r in off) / len(off), 4)
    return out


def halves(rows: list[dict]) -> dict[str, list[dict]]:
    """Rows by half: their own ``half`` (A, B, or C for a held-out set never calibrated on), else by
    position (even = A)."""
    out: dict[str, list[dict]] = {"A": [], "B": []}
    for i, r in enumerate(rows):
        out.setdefault(r["half"] or ("A" if i % 2 == 0 else "B"), []).append(r)
    return out


def report(sets: dict[str, list[dict]], policy: abstain.Policy) -> dict:
    out = {}
    after = lambda r: decide_after(r, policy)  # noqa: E731
    for name, rows in sets.items():
        parts = {"all": rows} | {k: v for k, v in halves(rows).items() if v}
        if any(r["half"] not in ("", "A", "B") for r in rows):  # a held-out set: its even and odd positions too
            parts |= {p: portion(rows, p) for p in ("even", "odd")}
        out[name] = {"before": {k: rates(v, decide_before) for k, v in parts.items()},
                     "after": {k: rates(v, after) for k, v in parts.items()}}
    return out


def table(rep: dict) -> str:
    lines = [f"{'set':<16} {'half':<5} {'on':>4} {'off':>4}  {'before FA/FAns':>16}  {'after FA/FAns':>16}"]
    for name, r in rep.items():
        for half in r["before"]:
            b, a = r["before"][half], r["after"][half]
            fmt = lambda m: f"{m.get('false_abstain', float('nan')):.3f}/{m.get('false_answer', float('nan')):.3f}"
            lines.append(f"{name:<16} {half:<5} {b['on']:>4} {b['off']:>4}  {fmt(b):>16}  {fmt(a):>16}")
    return "\n".join(lines)


def collect(args, done: dict[str, list[dict]] | None = None) -> dict[str, list[dict]]:
    """Features of every set; sets already in ``done`` (the cache) are kept, the rest computed and
    written to the cache one by one."""
    from ingest.config import Settings
    from ingest.runtime import Runtime

    own = [json.loads(x) for x in Path(args.set).read_text(encoding="utf-8").splitlines() if x.strip()]
    as_of = date.fromisoformat(args.as_of)
    kgs = [{"id": r["id"], "question": r["question"], "on_topic": True}
           for r in map(json.loads, Path(args.kgs_set).read_text(encoding="utf-8").splitlines()) if r]
    plan = [("own_sample", args.sample_home, [r for r in own if r["corpus"] == "sample"]),
            ("own_statutes", args.statutes_home, [r for r in own if r["corpus"] == "statutes"]),
            ("kgs_off", args.statutes_home, [r | {"on_topic": False} for r in kgs]),
            ("acrc_off", args.statutes_home, acrc_off(Path(args.acrc))[:: args.acrc_every]),
            ("kgs_on", args.kgs_home, kgs)]
    if args.heldout:  # a held-out set (half C): measured once, never calibrated on
        held = [json.loads(x) for x in Path(args.heldout).read_text(encoding="utf-8").splitlines() if x.strip()]
        for corpus, attr in CORPUS_HOMES.items():
            plan.append((f"{args.heldout_name}_{corpus}", getattr(args, attr),
                         [r for r in held if r.get("corpus") == corpus]))
    sets = dict(done or {})
    for name, home, items in plan:
        if not home or not items or name in sets or (args.only and name not in args.only):
            continue
        rt = Runtime(Settings(home=Path(home).resolve()))
        try:
            sets[name] = features(rt, items, as_of)
        finally:
            rt.close()
        print(f"{name}: {len(items)} questions", flush=True)
        Path(args.cache).parent.mkdir(parents=True, exist_ok=True)
        Path(args.cache).write_text(json.dumps(sets, ensure_ascii=False), encoding="utf-8")
    return sets


CORPUS_HOMES = {"sample": "sample_home", "statutes": "statutes_home", "kgs": "kgs_home"}  # a set's corpus -> option
HOMES = {"own_sample": "sample_home", "own_statutes": "statutes_home", "kgs_off": "statutes_home",
         "acrc_off": "statutes_home", "kgs_on": "kgs_home"}


def retitle(sets: dict[str, list[dict]], args) -> dict[str, list[dict]]:
    """Recompute the title-part features (``subject``/``who`` per word, ``nsubject``/``npsubject``/``nwho``) of
    cached rows from their index's titles (rag/abstain_titles.py), and the heading features (``nhead``,
    ``nwhead``, ``nhsubject``) from the retrieved headings the rows recorded, without searching again."""
    from ingest.config import Settings
    from ingest.runtime import Runtime
    from rag import abstain_evidence as E
    from rag import abstain_headings as HD
    from rag import abstain_titles as T
    for name, rows in sets.items():
        attr = HOMES.get(name) or CORPUS_HOMES.get(name.rsplit("_", 1)[-1], "")  # held-out rows: by corpus
        home = getattr(args, attr, "") or ""
        if not home:
            continue
        rt = Runtime(Settings(home=Path(home).resolve()))
        try:
            vocab = T.vocabulary(tuple(rt.retriever.known_titles()))
            entries = rt.retriever.glossary
        finally:
            rt.close()
        for r in rows:
            q = "" if args.whole_words else r["question"]
            raw = r.get("raw") or {}
            heads = "\n".join(dict.fromkeys(h["u"].lower().replace(" ", "") for k in ("top", "near", "lex")
                                             for h in raw.get(k, []) if h["u"]))
            nearest = HD.heading_words([h["u"] for h in raw.get("near", [])[:HD.DEPTH]])
            nouns = []
            for x in r["recs"]:
                if x["noun"]:
                    gl = E.glossary_terms(x["w"], entries)
                    phrase = E.phrase_terms(x["w"], r["question"], entries)
                    nouns.append(E.title_parts(x, gl, vocab, q))
                    x["psubject"] = x["subject"] or any(T.subject_word(t, vocab) for t in phrase)
                    x["hsubject"] = E.head_subject(x, r["question"], gl + phrase, nearest)
                    x["head"] = bool(heads) and not T.generic_word(x["w"]) and not x["who"] and \
                        E.named_by([x["w"]] + gl, heads)
            if r["hits"]:
                for key, flag in (("nsubject", "subject"), ("npsubject", "psubject"), ("nhsubject", "hsubject")):
                    r["ev"][key] = sum(x[flag] for x in nouns) / len(nouns) if nouns else 0.0
                r["ev"]["nwho"] = sum(x["who"] for x in nouns) / len(nouns) if nouns else 0.0
                r["ev"]["nhead"] = sum(bool(x["subject"] or x["head"]) for x in nouns) / len(nouns) if nouns else 0.0
                r["ev"]["nwhead"] = E.head_weight(nouns)
                r["ev"] |= E.subject_counts(nouns)
    return sets


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="eval/sets/abstain_dev.jsonl")
    ap.add_argument("--sample-home", default=os.environ.get("ABSTAIN_SAMPLE_HOME", ""))
    ap.add_argument("--statutes-home", default=os.environ.get("ABSTAIN_STATUTES_HOME", ""))
    ap.add_argument("--kgs-home", default=os.environ.get("ABSTAIN_KGS_HOME", ""))
    ap.add_argument("--heldout", default="", help="a held-out set in the format of --set (half C), "
                                                   "reported as its own rows")
    ap.add_argument("--heldout-name", default="heldout")
    ap.add_argument("--kgs-set", default=str(SHARED / "eval" / "kgs_dev.jsonl"))
    ap.add_argument("--acrc", default=str(SHARED / "corpora" / "complaints-acrc" / "acrc_qa.jsonl"))
    ap.add_argument("--acrc-every", type=int, default=8, help="every n-th off-domain ACRC question (all: 1)")
    ap.add_argument("--as-of", default="2027-06-01", help="a date on which every indexed version of the shared statutes is in force")
    ap.add_argument("--cache", default="eval/results/abstain_features.json")
    ap.add_argument("--reuse", action="store_true", help="use the cached features only (no index needed)")
    ap.add_argument("--fresh", action="store_true", help="recompute every set (else cached sets are kept)")
    ap.add_argument("--only", nargs="*", default=[], help="compute only these sets (own_sample, own_statutes, "
                                                         "kgs_off, acrc_off, kgs_on)")
    ap.add_argument("--calibrate", action="store_true", help="search the policy on half A (else: the default)")
    ap.add_argument("--objective", choices=["worst", "total"], default="worst",
                    help="calibration: smallest worst error/target ratio over the sets, or smallest sum")
    ap.add_argument("--features", nargs="*", default=list(FEATURES), help="calibration: the evidence the "
                                                                                  "logistic score uses")
    ap.add_argument("--select", action="store_true", help="rank feature subsets of POOL by cross-validation "
                                                           "inside half A (minutes)")
    ap.add_argument("--pool", nargs="*", default=list(POOL), help="--select: the candidate features")
    ap.add_argument("--retitle", action="store_true", help="with --reuse: recompute the title-part features of "
                                                            "the cached rows from the indexes' titles")
    ap.add_argument("--whole-words", action="store_true", help="with --retitle: a word that is part of a subject "
                                                                "word counts anywhere (else only inside that compound)")
    ap.add_argument("--fit", nargs="*", default=[], help="calibration and --select: fit on these portions "
                    "(set:A|B|all|even|odd, e.g. own_statutes:A heldout2_statutes:all); default half A of every set")
    ap.add_argument("--loao", action="store_true", help="leave one author out: fit --features on the other "
                                                         "authors' sets, report each author's sets")
    ap.add_argument("--out", default="eval/results/abstain.json")
    args = ap.parse_args(argv)
    cache = Path(args.cache)
    cached = json.loads(cache.read_text(encoding="utf-8")) if cache.exists() and not args.fresh else {}
    sets = cached if args.reuse else collect(args, cached)
    if args.retitle:
        sets = retitle(sets, args)
        cache.write_text(json.dumps(sets, ensure_ascii=False), encoding="utf-8")
    train = parse_portions(args.fit, sets) if args.fit else None
    if args.select:
        for worst, total, feats in select(sets, tuple(args.pool), train, args.objective)[:10]:
            print(f"cv worst {worst:.2f} sum {total:.2f}  {' '.join(feats)}")
    if args.loao:
        loao = leave_one_author_out(sets, tuple(args.features), args.objective)
        for name, r in loao.items():
            print(f"loao {name:<18} {r['on']:>4} {r['off']:>4}  {r.get('false_abstain', float('nan')):.3f}/"
                  f"{r.get('false_answer', float('nan')):.3f}")
        print("loao pooled", pooled(loao))
    policy = calibrate(sets, args.objective, tuple(args.features), train) if args.calibrate else abstain.Policy()
    rep = report(sets, policy)
    print(table(rep))
    print("policy:", asdict(policy))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"policy": asdict(policy), "report": rep}, ensure_ascii=False, indent=1),
                   encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

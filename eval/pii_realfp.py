"""What a candidate tagger masks in real texts that a reference tagger does not (and the reverse).

Real texts: the ACRC Q&A questions and answers and the kgs_dev questions (1 945 texts, read in place). Each
text is masked with the rules and each model; the masked spans are compared by position. New spans are
listed with their value and a little context: in texts with no gold, a new span is as likely an ordinary word
as a miss, so every one is shown for a human to judge.

    python -m eval.pii_realfp --ref ingest/pii_crf.model --model /tmp/a.model --model /tmp/b.model
"""
from __future__ import annotations

import argparse
import json
import pickle
from pathlib import Path

from eval import SHARED
from ingest.pii import mask_with
from ingest.pii_crf import Tagger

REAL = ((SHARED / "corpora" / "complaints-acrc" / "acrc_qa.jsonl", ("question", "answer")),
        (SHARED / "eval" / "kgs_dev.jsonl", ("question",)))


def real_texts() -> list[tuple[str, str]]:
    out = []
    for path, keys in REAL:
        if not Path(path).exists():
            continue
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out += [(f"{row['id']}:{k}", row.get(k) or "") for k in keys]
    return out


def masked(texts, path: str, cache: str = "") -> dict[str, set[tuple[str, int, int]]]:
    """The spans masked in each text with the rules and the model at ``path`` (kept under ``cache`` by the
    model file's name and size, so a later comparison reuses them)."""
    file = Path(cache) / f"{Path(path).name}.{Path(path).stat().st_size}.pkl" if cache else None
    if file and file.exists():
        return pickle.loads(file.read_bytes())
    tagger = Tagger(path)
    out = {i: {(s.type, s.start, s.end) for s in mask_with(t, None, tagger).spans} for i, t in texts}
    if file:
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(pickle.dumps(out))
    return out


def diff(texts, ref: dict, cand: dict) -> dict:
    by_id = dict(texts)
    new, gone = [], []
    for i in ref:
        pos_r = {p for _, s, e in ref[i] for p in range(s, e)}
        pos_c = {p for _, s, e in cand[i] for p in range(s, e)}
        t = by_id[i]
        for typ, s, e in sorted(cand[i] - ref[i], key=lambda x: x[1]):
            if any(p not in pos_r for p in range(s, e)):
                new.append({"id": i, "type": typ, "value": t[s:e], "context": t[max(0, s - 15):e + 15].replace("\n", " ")})
        for typ, s, e in sorted(ref[i] - cand[i], key=lambda x: x[1]):
            if any(p not in pos_c for p in range(s, e)):
                gone.append({"id": i, "type": typ, "value": t[s:e]})
    return {"spans_ref": sum(map(len, ref.values())), "spans": sum(map(len, cand.values())),
            "new_positions": sum(len({p for _, s, e in cand[i] for p in range(s, e)} - {p for _, s, e in ref[i] for p in range(s, e)})
                                 for i in ref), "new": new, "gone": gone}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ref", required=True, help="the reference model file")
    ap.add_argument("--model", action="append", default=[], help="a candidate model file (repeatable)")
    ap.add_argument("--out", default="", help="JSON report")
    ap.add_argument("--cache", default="", help="folder to keep each model's masked spans in")
    args = ap.parse_args(argv)
    texts = real_texts()
    ref = masked(texts, args.ref, args.cache)
    report = {}
    for path in args.model:
        d = diff(texts, ref, masked(texts, path, args.cache))
        report[path] = d
        print(f"{path}: spans {d['spans_ref']} -> {d['spans']}, new masked positions {d['new_positions']}, "
              f"new spans {len(d['new'])}, spans no longer masked {len(d['gone'])}")
        for x in d["new"]:
            print(f"  + {x['type']:<12} {x['value']!r:<30} …{x['context']}…")
        for x in d["gone"]:
            print(f"  - {x['type']:<12} {x['value']!r}")
    if args.out:
        Path(args.out).write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

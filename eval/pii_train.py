"""Trains the masker's learned tagger (``ingest.pii_crf``) and measures it by leaving one set out.

Training data: every spent hand-annotated citizen set in eval/sets (pii_citizen_dev*, pii_check3, heldout6–10,
heldout12–23, pii_train11; round 10 added the sets written since round 2, round 11 sets 18 and 19, the recipe
study sets 20–23 — the shipped model was trained without 20–23, and training mode leaves them out unless
``--with-recent``) and
pii_train_extra, optionally the generator's synthetic texts (``--synthetic N``), structured values re-rendered
(``--augment N``), statute paragraphs as texts with no personal data (``--negatives N``) and the spelling-blind
number shapes (``--shapes``; ``eval/pii_augment.py``, ``ingest/pii_crf_shapes.py``). Each character
is labelled with the type of the gold span holding it, else ``O``; the rules' finds are features, so the
model learns where to trust them and what they miss. L-BFGS with fixed settings: the same data gives the
same model.

    python -m eval.pii_train                      # writes ingest/pii_crf.model
    python -m eval.pii_train --cv heldout7 --cv heldout6 --out eval/results/pii_cv.json
"""
from __future__ import annotations

import argparse
import json
import pickle
import re
from pathlib import Path

from ingest.pii import DEFAULT_POLICY, _keep, find_candidates, mask_with
from ingest.pii_crf import MODEL_PATH, Tagger, _tokens, features

from eval.pii_augment import augment, negatives
from eval.pii_eval import Example, load_set, make_examples, score

SETS = ("pii_citizen_dev", "pii_citizen_dev2", "pii_citizen_dev3", "pii_citizen_dev4", "pii_citizen_dev5",
        "pii_citizen_dev6", "pii_check3", "pii_citizen_heldout6", "pii_citizen_heldout7", "pii_citizen_heldout8",
        "pii_citizen_heldout9", "pii_citizen_heldout10", "pii_train11", "pii_citizen_heldout12", "pii_citizen_heldout13",
        "pii_citizen_heldout14", "pii_citizen_heldout15", "pii_citizen_heldout16", "pii_citizen_heldout17",
        "pii_citizen_heldout18", "pii_citizen_heldout19", "pii_citizen_heldout20", "pii_citizen_heldout21",
        "pii_citizen_heldout22", "pii_citizen_heldout23", "pii_train_extra")
SET_DIR = Path(__file__).parent / "sets"
# Sets the shipped model was NOT trained on: training on them added ordinary words masked as names outside the
# sets (eval/README.md "Masker round 12", "Tagger recipes, left-out authors 20–23"). Training mode leaves them
# out unless --with-recent; leave-one-set-out (--cv) uses them.
RECENT = ("pii_citizen_heldout20", "pii_citizen_heldout21", "pii_citizen_heldout22", "pii_citizen_heldout23")
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 120, "feature.possible_transitions": True}


def rule_finds(text: str) -> list[tuple[str, str, int, int, bool]]:
    """What the rules find in ``text`` under the default policy: (type, role, start, end, kept)."""
    chosen = find_candidates(text, DEFAULT_POLICY.types)
    return [(c.rule.type, c.rule.role, c.start, c.end, _keep(text, c, chosen, DEFAULT_POLICY)) for c in chosen]


def labels_of(ex: Example) -> list[str]:
    y = ["O"] * len(ex.text)
    for t, s, e in ex.spans:
        y[s:e] = [t] * (e - s)
    return y


def encode(examples: list[Example], cache: Path | None = None, key: str = "", shapes: bool = False) -> list[tuple[list, list]]:
    """(features, labels) for each example; cached under ``cache`` by set name when given."""
    file = cache / f"{key}{'+shapes' if shapes else ''}.pkl" if cache and key else None
    if file and file.exists():
        return pickle.loads(file.read_bytes())
    data = [(features(ex.text, rule_finds(ex.text), _tokens(ex.text), shapes), labels_of(ex)) for ex in examples]
    if file:
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(pickle.dumps(data))
    return data


RULE_FEATURES = ("r=", "r+", "r-", "rr=", "rk=")


def without_rules(x: list[list[str]]) -> list[list[str]]:
    return [[f for f in fs if not f.startswith(RULE_FEATURES)] for fs in x]


def train(data: list[tuple[list, list]], out: Path, params: dict | None = None) -> Path:
    """Each text twice: with the rules' finds as features and without them. The rules were written
    against most of these sets and find nearly everything there; alone, the model would learn to copy them
    and miss what they miss in other writers' texts."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params({**PARAMS, **(params or {})})
    for x, y in data:
        if x:
            trainer.append(x, y)
            trainer.append(without_rules(x), y)
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return out


_MARK = re.compile(r"⟦(\w+):([^⟧]+)⟧|⟪(\w+):([^⟫]+)⟫")


def load_marked(path: Path) -> list[Example]:
    """Texts separated by lines "===", spans marked inline: ⟦type:value⟧ masked, ⟪what:value⟫ kept."""
    out = []
    for k, block in enumerate(path.read_text(encoding="utf-8").split("\n===\n")):
        ex = Example(f"{path.stem}-{k + 1:03d}", "")
        pos, text = 0, ""
        for m in _MARK.finditer(block):
            text += block[pos:m.start()]
            value = m.group(2) or m.group(4)
            span = (m.group(1) or m.group(3), len(text), len(text) + len(value))
            (ex.spans if m.group(1) else ex.keep).append(span)
            text += value
            pos = m.end()
        ex.text = (text + block[pos:]).strip("\n")
        out.append(ex)
    return out


def load_sets(names, synthetic: int = 0) -> dict[str, list[Example]]:
    sets = {name: load_set(SET_DIR / f"{name}.jsonl") for name in names if (SET_DIR / f"{name}.jsonl").exists()}
    sets.update({name: load_marked(SET_DIR / f"{name}.txt") for name in names if (SET_DIR / f"{name}.txt").exists()})
    if synthetic:
        sets["synthetic"] = make_examples(synthetic, seed=20261205)
    return sets


def fold_report(items: list[Example], tagger: Tagger) -> dict:
    """Rules only against rules + model on one held-out set: per type P/R, structured R, keep words masked."""
    out = {}
    for system, tg in (("rules", None), ("combined", tagger)):
        sc = score(items, lambda text, tg=tg: [(s.type, s.start, s.end) for s in mask_with(text, None, tg).spans])
        out[system] = {"per_type": {t: {k: st[k] for k in ("gold", "precision", "recall")} for t, st in sc["per_type"].items()},
                       "overall": {k: sc["overall"][k] for k in ("gold", "precision", "recall", "structured_recall",
                                                                 "structured_core_recall")},
                       "keep_masked": sc.get("ordinary_words_masked", {}).get("masked"),
                       "keep_total": sc.get("ordinary_words_masked", {}).get("total"),
                       "errors": [e for e in sc["errors"]] if system == "combined" else []}
    return out


def fold_table(name: str, rep: dict) -> str:
    fmt = lambda v: "  -  " if v is None else f"{v:.3f}"  # noqa: E731
    r, c = rep["rules"], rep["combined"]
    lines = [f"held out: {name}", f"{'type':<15}{'n':>4}  {'rules P':>8} {'rules R':>8}  {'comb P':>8} {'comb R':>8}"]
    for t in sorted(set(r["per_type"]) | set(c["per_type"])):
        a, b = r["per_type"].get(t, {}), c["per_type"].get(t, {})
        lines.append(f"{t:<15}{a.get('gold', b.get('gold', 0)):>4}  {fmt(a.get('precision')):>8} {fmt(a.get('recall')):>8}  "
                     f"{fmt(b.get('precision')):>8} {fmt(b.get('recall')):>8}")
    lines.append(f"{'overall':<15}{r['overall']['gold']:>4}  {fmt(r['overall']['precision']):>8} {fmt(r['overall']['recall']):>8}  "
                 f"{fmt(c['overall']['precision']):>8} {fmt(c['overall']['recall']):>8}")
    lines.append(f"structured R core (every digit masked): rules {fmt(r['overall']['structured_core_recall'])} -> combined "
                 f"{fmt(c['overall']['structured_core_recall'])}; strict: rules {fmt(r['overall']['structured_recall'])} -> "
                 f"combined {fmt(c['overall']['structured_recall'])}; "
                 f"keep words masked: rules {r['keep_masked']}/{r['keep_total']} -> combined {c['keep_masked']}/{c['keep_total']}")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=str(MODEL_PATH), help="where to write the model (training mode)")
    ap.add_argument("--cv", action="append", default=[], metavar="SET",
                    help="leave this set out, train on the rest, score it (repeatable; 'all' for every set)")
    ap.add_argument("--synthetic", type=int, default=0, help="add N generator texts to the training data")
    ap.add_argument("--cache", default="", help="folder to cache encoded sets in (speeds up repeated runs)")
    ap.add_argument("--out", default="", help="JSON file for the CV report")
    ap.add_argument("--confidence", type=float, default=0.4, help="least mean marginal of a span the model finds alone")
    ap.add_argument("--exclude", action="append", default=[], metavar="SET", help="leave this set out of training")
    ap.add_argument("--with-recent", action="store_true", help="training mode: also train on RECENT (sets 20-23)")
    ap.add_argument("--reuse", action="store_true", help="score with the fold models already in --cache (features unchanged)")
    ap.add_argument("--param", action="append", default=[], metavar="K=V", help="crfsuite training parameter")
    ap.add_argument("--augment", type=int, default=0, help="copies of each text with its structured values re-rendered")
    ap.add_argument("--negatives", type=int, default=0, help="statute paragraphs added as texts with no personal data")
    ap.add_argument("--shapes", action="store_true", help="spelling-blind number shape features (ingest.pii_crf_shapes)")
    args = ap.parse_args(argv)
    params = {k: float(v) if "." in v or "e" in v else int(v) for k, v in (p.split("=", 1) for p in args.param)}
    left_out = set(args.exclude) | (set() if args.cv or args.with_recent else set(RECENT))
    sets = load_sets([n for n in SETS if n not in left_out], args.synthetic)
    cache = Path(args.cache) if args.cache else None
    data = {name: encode(items, cache, name if name != "synthetic" else f"synthetic{args.synthetic}", args.shapes)
            for name, items in sets.items()}
    extra = {name: [] for name in sets}  # a set's re-rendered copies train only where the set itself does
    if args.augment:
        for name, items in sets.items():
            extra[name] = encode(augment(items, args.augment), cache, f"{name}+aug{args.augment}", args.shapes)
    if args.negatives:
        data["negatives"] = encode(negatives(args.negatives), cache, f"negatives{args.negatives}", args.shapes)
        extra["negatives"], sets["negatives"] = [], []
    if not args.cv:
        path = train([d for name in data for d in data[name] + extra[name]], Path(args.model), params)
        print(f"model: {path} ({path.stat().st_size / 1e6:.2f} MB), {sum(len(v) for v in sets.values())} texts")
        return 0
    folds = [n for n in sets if n not in ("synthetic", "negatives")] if "all" in args.cv else [
        n if n in sets else f"pii_citizen_{n}" for n in args.cv]
    report = {}
    for name in folds:
        recipe = f"{'-shapes' if args.shapes else ''}{f'-aug{args.augment}' if args.augment else ''}" + (
            f"-neg{args.negatives}" if args.negatives else "")
        tmp = Path(cache or "/tmp") / f"cv_{name}{''.join('-no-' + x for x in args.exclude)}{recipe}.model"
        if not (args.reuse and tmp.exists()):
            train([d for other in data if other != name for d in data[other] + extra[other]], tmp, params)
        report[name] = fold_report(sets[name], Tagger(tmp, args.confidence))
        print(fold_table(name, report[name]) + "\n", flush=True)
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Fitting the abstention policy (rag/abstain.py) on chosen portions of the evaluation sets.

A portion is ``set:part`` with part ``A``/``B`` (the set's halves, eval/abstain.py ``halves``), ``all``,
``even`` or ``odd`` (by position in the set). The default fits on half A of every set; fitting across
several authors' sets (own half A + held-out sets 2 and 3's even positions) and checking on the rest
is the cross-author check of eval/README.md "Abstention".
"""
from __future__ import annotations

from rag import abstain

FEATURES = ("dense", "agreement", "nsubject", "nhsubject")
ON_WEIGHT = 2.0  # on-topic questions count double in the fit: the false-abstain target is half the other


def _rates(rows, decide):
    from eval.abstain import rates
    return rates(rows, decide)


def portion(rows: list[dict], part: str) -> list[dict]:
    """Rows of one portion of a set: A, B (its halves), all, even, odd (by position)."""
    from eval.abstain import halves
    if part == "all":
        return list(rows)
    if part in ("even", "odd"):
        return [r for i, r in enumerate(rows) if i % 2 == (part == "odd")]
    return halves(rows).get(part, [])


def parse_portions(specs: list[str], sets: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """``["own_sample:A", "heldout2_statutes:all", ...]`` -> rows per set; a set named twice gets both."""
    out: dict[str, list[dict]] = {}
    for spec in specs:
        name, _, part = spec.partition(":")
        if name not in sets:
            raise SystemExit(f"unknown set in portion {spec!r}: {sorted(sets)}")
        out.setdefault(name, []).extend(portion(sets[name], part or "A"))
    return out


def fit(x, y, w, l2: float = 0.01, steps: int = 50):
    """Weighted L2-regularised logistic regression by Newton steps; returns (coefficients, bias)."""
    import numpy as np

    z = np.hstack([x, np.ones((len(x), 1))])
    beta = np.zeros(z.shape[1])
    reg = l2 * np.diag(np.r_[np.ones(x.shape[1]), 0.0])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-z @ beta))
        grad = z.T @ (w * (p - y)) + reg @ beta
        hess = (z * (w * p * (1 - p))[:, None]).T @ z + reg
        beta -= np.linalg.solve(hess, grad)
    return beta[:-1], float(beta[-1])


def calibrate(sets: dict[str, list[dict]], objective: str = "worst",
              features: tuple[str, ...] = FEATURES, train: dict[str, list[dict]] | None = None) -> abstain.Policy:
    """Logistic weights for ``features`` fitted on ``train`` (default: half A of every set; each set's
    on-topic and off-topic questions weighted equally, on-topic ``ON_WEIGHT`` times), then the
    threshold whose training errors are smallest relative to their targets (false-abstain 5 %,
    false-answer 10 %): the worst ratio over the sets first (``objective`` worst) or their sum (total)."""
    import numpy as np

    from eval.abstain import halves
    parts = train if train is not None else {n: halves(rows)["A"] for n, rows in sets.items()}
    parts = [p for p in parts.values() if p]
    rows = [r for part in parts for r in part]
    group = np.array([i for i, part in enumerate(parts) for _ in part])
    on = np.array([r["on_topic"] for r in rows])
    always = np.array([r["hits"] and r["ev"]["named"] for r in rows])
    floor = abstain.Policy().dense_floor
    usable = np.array([r["hits"] and r["ev"]["dense"] >= floor for r in rows])
    x = np.array([[float(r["ev"].get(f, 0.0)) for f in features] for r in rows])
    w = np.zeros(len(rows))
    for g in range(len(parts)):
        for cls, share in ((True, ON_WEIGHT), (False, 1.0)):
            m = (group == g) & (on == cls) & usable
            w[m] = share / max(1, m.sum())
    mu, sd = x[usable].mean(axis=0), x[usable].std(axis=0) + 1e-9
    coef, bias = fit((x - mu) / sd, on.astype(float), w)
    weights = coef / sd
    bias = bias - float((coef * mu / sd).sum())
    score = x @ weights + bias
    cands = np.unique(np.round(score[usable], 3))
    answer = always[None, :] | (usable[None, :] & (score[None, :] >= cands[:, None]))
    worst, total = np.zeros(len(cands)), np.zeros(len(cands))
    for g in range(len(parts)):
        m = group == g
        for mask, wrong, target in ((m & on, ~answer, 0.05), (m & ~on, answer, 0.10)):
            if mask.any():
                err = wrong[:, mask].mean(axis=1) / target
                worst, total = np.maximum(worst, err), total + err
    i = int(np.lexsort((worst, total))[0]) if objective == "total" else int(np.lexsort((total, worst))[0])
    return abstain.Policy(dense_floor=floor, weights={f: round(float(v), 4) for f, v in zip(features, weights)},
                          bias=round(bias, 4), threshold=float(cands[i]))


POOL = ("dense", "agreement", "ntitle", "nsubject", "nhsubject", "nwho", "nhead", "nwhead", "nwcover", "ncover_best",
        "nlex_best", "top_doc_same", "nwknown")


def cost(sets: dict[str, list[dict]], policy: abstain.Policy) -> tuple[float, float]:
    """(worst, sum) over the sets of error/target: false-abstain/5 %, false-answer/10 %."""
    from eval.abstain import decide_after
    ratios = []
    for rows in sets.values():
        if not rows:
            continue
        r = _rates(rows, lambda x: decide_after(x, policy))
        ratios += [r["false_abstain"] / 0.05] if "false_abstain" in r else []
        ratios += [r["false_answer"] / 0.10] if "false_answer" in r else []
    return (max(ratios), sum(ratios)) if ratios else (0.0, 0.0)


def select(sets: dict[str, list[dict]], pool: tuple[str, ...] = POOL,
           train: dict[str, list[dict]] | None = None, objective: str = "worst") -> list[tuple[float, float, tuple]]:
    """Feature subsets (each with ``dense``) ranked by 2-fold cross-validation inside the training
    portions (default half A of every set): fit and threshold on every other training row, cost on
    the rest, both ways; nothing else is read."""
    import itertools

    from eval.abstain import halves
    base = train if train is not None else {n: halves(rows)["A"] for n, rows in sets.items()}
    folds = []
    for k in (0, 1):
        tr = {n: [r for i, r in enumerate(a) if i % 2 == k] for n, a in base.items()}
        te = {n: [r for i, r in enumerate(a) if i % 2 != k] for n, a in base.items()}
        folds.append((tr, te))
    out = []
    rest = [f for f in pool if f != "dense"]
    for n in range(len(rest) + 1):
        for combo in itertools.combinations(rest, n):
            feats = ("dense",) + combo
            costs = [cost(te, calibrate(sets, objective, feats, tr)) for tr, te in folds]
            out.append((sum(c[0] for c in costs) / 2, sum(c[1] for c in costs) / 2, feats))
    return sorted(out, key=lambda c: (c[1], c[0]) if objective == "total" else c)


def author(name: str) -> str:
    """Who wrote a set, from its name: own_sample and own_statutes are one author, heldout2_sample and
    heldout2_statutes another, kgs_on and kgs_off the real gas questions, acrc_off the ACRC ones."""
    return name.split("_", 1)[0]


def leave_one_author_out(sets: dict[str, list[dict]], features: tuple[str, ...] = FEATURES,
                         objective: str = "total") -> dict[str, dict]:
    """For every author: fit on every row of every other author's sets, then the error rates of the
    left-out author's sets (what a policy fitted on others does for a new author's questions)."""
    from eval.abstain import decide_after
    out = {}
    for who in sorted({author(n) for n in sets}):
        train = {n: rows for n, rows in sets.items() if author(n) != who}
        policy = calibrate(sets, objective, features, train)
        for n, rows in sets.items():
            if author(n) == who:
                out[n] = _rates(rows, lambda r: decide_after(r, policy))
    return out


def pooled(rates_by_set: dict[str, dict]) -> dict[str, float]:
    """False abstentions and false answers over all the sets' questions together."""
    on = sum(r["on"] for r in rates_by_set.values())
    off = sum(r["off"] for r in rates_by_set.values())
    fa = sum(round(r.get("false_abstain", 0.0) * r["on"]) for r in rates_by_set.values())
    fans = sum(round(r.get("false_answer", 0.0) * r["off"]) for r in rates_by_set.values())
    return {"on": on, "off": off, "false_abstain": fa / on if on else 0.0, "false_answer": fans / off if off else 0.0,
            "abstained": fa, "answered": fans}

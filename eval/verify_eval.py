"""Measures rag.verify on answers rebuilt from real KGS reference answers: catch rate per corruption, false alarms.

Each dev item's real answer gets [n] markers after every unit it cites, over sources made from its gold units
(statute articles carry their real text from the 국가법령정보센터 PDFs, with --codes KGS clauses too; other units
the answer's own sentences about them) plus one source per unit the answer cites beyond its gold. Two more
originals put the markers at sentence ends, or tidy the PDF spacing ("2. 3. 3. 4" → "2.3.3.4"). Corrupted copies
(invalid marker, invented article, altered quote, swapped law) come from a fixed seed; an original with any issue
is a false alarm.

    python -m eval.verify_eval --set /work/shared/eval/kgs_dev.jsonl --out eval/results/verify.json [--codes]
"""
from __future__ import annotations

import argparse
import json
import random
import re
import time
from pathlib import Path

from rag.verify import verify
from rag.verify_refs import (Ref, Source, _law_name, _prepare, find_references, law_key, ref_label, same_law,
                             supporting)

STATUTES = Path("/work/shared/corpora/kgs-lpg/법령")
KINDS = ("invalid_marker", "invented_article", "altered_quote", "swapped_law")
EXPECT = {"invalid_marker": "invalid_marker", "invented_article": "unsupported_reference",
          "altered_quote": "altered_quote", "swapped_law": "unsupported_reference"}
OTHER_LAWS = ["「고압가스 안전관리법」", "도시가스사업법", "「위험물안전관리법」", "「건축법」", "고법"]
OTHER_CODES = ["FU431", "FU432", "FU433", "GC208", "FS531", "FP331"]
POLARITY = [("이상", "이하"), ("이하", "이상"), ("초과", "미만"), ("미만", "초과"), ("없으면", "있으면"),
            ("할 수 있", "할 수 없"), ("아니 된다", "된다"), ("하지 않는다", "한다"), ("설치한다", "설치하지 않는다"),
            ("하여야 한다", "할 수 있다"), ("해야 한다", "하지 않아도 된다")]
WORDS = ["저장탱크", "용기보관실", "가스계량기", "압력조정기", "기화장치", "배관용밸브", "보호관", "방호벽"]
_QUOTE = re.compile(r"“[^”]{0,1500}”|\"[^\"]{0,1500}\"|「[^」]{0,150}」")
_STOP = re.compile(r"(?<=[다요음함])\s*\.(?=\s)|\s(?=ㅇ\s)|\s(?=-\s)")


def answer_body(text: str) -> str:
    """The answer part of a KGS reply, without the greeting, 질의요지 and signature."""
    i = text.find("<답변내용>")
    body = text[i + len("<답변내용>"):] if i >= 0 else text
    for end in ("본 답변과 관련하여", "<답변자 정보>", "※  답변"):
        body = body.split(end)[0]
    body = re.sub(r"\?([^?\n]{2,90}?)\s*\?", lambda m: f"「{m.group(1)}」" if re.search(  # 「」 the PDF lost
        r"(?:법|법률|령|규칙|기준|고시)\s*$", re.sub(r"\([^()]*\)", "", m.group(1))) else m.group(), body)
    return re.sub(r"[ \t]+", " ", body).strip()


def tidy(text: str) -> str:
    """The spacing an LLM would write: "2.3.3.4(3)", "0.05m", "(이하 “액법”이라 한다)" instead of the PDF's."""
    text = re.sub(r"(?<=\d)\.\s+(?=\d)", ".", text)
    text = re.sub(r"([(“「])\s+", r"\1", text)
    return re.sub(r"\s+([)”」])", r"\1", text)


def load_statutes(folder: Path = STATUTES) -> dict[tuple, dict[str, str]]:
    """{law key: {article number: text}} from the statute PDFs (the units of one 조 joined)."""
    from ingest.parsers import law_pdf
    from ingest.structure import unit_article_label

    out: dict[tuple, dict[str, str]] = {}
    for path in sorted(folder.glob("*법*.pdf")) if folder.is_dir() else []:
        for doc in law_pdf.parse(path):
            arts = out.setdefault(law_key(doc.title), {})
            for u in doc.units:
                if m := re.fullmatch(r"제(\d+)조(?:의(\d+))?", unit_article_label(u.label)):
                    key = m.group(1) + (f"의{m.group(2)}" if m.group(2) else "")
                    arts[key] = (arts.get(key, "") + "\n" + u.text).strip()
    return out


def sentence_ends(text: str) -> list[int]:
    """Where sentences end (after 다. or before a ㅇ / - bullet), never inside a quotation."""
    quoted = [(m.start(), m.end()) for m in _QUOTE.finditer(text)]
    ends = [m.end() for m in _STOP.finditer(text) if not any(s < m.start() < e for s, e in quoted)]
    return sorted(set(ends + [len(text)]))


def load_codes(folder: Path = STATUTES) -> dict[tuple, dict[str, str]]:
    """{("KGS", code): {clause label: text}} from the KGS code PDFs (slow: ~15 s a code)."""
    from ingest.parsers import kgs_code

    out: dict[tuple, dict[str, str]] = {}
    for path in sorted(folder.glob("[A-Z][A-Z][0-9][0-9][0-9]_*.pdf")) if folder.is_dir() else []:
        for doc in kgs_code.parse(path):
            units = out.setdefault(("KGS", doc.title.split()[1]), {})
            for u in doc.units:
                units[u.label] = (units.get(u.label, "") + "\n" + u.text).strip()
    return out


def _unit_text(corpus: dict, src: Source) -> str:
    """Real text of a statute article or a code clause (with its sub- and parent clauses) when the corpus has it."""
    if m := re.match(r"제(\d+)조(?:의(\d+))?", src.label):
        key = m.group(1) + (f"의{m.group(2)}" if m.group(2) else "")
        return next((arts.get(key, "") for lk, arts in corpus.items() if lk[0] != "KGS"
                     and same_law(lk, law_key(src.title))), "")
    code = re.search(r"[A-Z]{2}\d{3}", src.title)
    if src.kind == "clause" and src.label and code and (units := corpus.get(("KGS", code.group()))):
        lab = src.label
        return "\n".join(t for k, t in units.items() if k == lab or k.startswith(lab + ".") or lab.startswith(k + "."))
    return ""


def _insert(text: str, at: list[tuple[int, str]]) -> str:
    for pos, s in sorted(at, key=lambda x: -x[0]):
        text = text[:pos] + s + text[pos:]
    return text


def build_case(row: dict, corpus: dict | None = None, rng: random.Random | None = None) -> dict | None:
    """Sources and two uncorrupted answers (markers after each cited unit / at sentence ends); None if the answer
    names no 조, 별표 or code clause."""
    body, sources = answer_body(row.get("reference_answer") or ""), []
    for g in row.get("gold") or []:
        unit = re.sub(r"별\s*표\s*", "별표 ", g.get("unit") or "").strip()
        if not any(s.title == g["doc"] and s.label == unit for s in sources):
            kind = "annex" if unit.startswith("별표") else "article" if unit.startswith("제") else "clause"
            sources.append(Source(len(sources) + 1, g["doc"], g["doc"] if kind == "annex" else "", unit, "", kind))
    n_gold = len(sources)
    quoted = [(m.start(), m.end()) for m in _QUOTE.finditer(body)]
    refs = [r for r in find_references(body, sources) if not any(s < r.start < e for s, e in quoted)]
    if not refs:
        return None
    mapped = []
    for r in refs:
        if not (hits := supporting(r, _prepare(sources))):  # a unit the gold lacks gets a source of its own
            title = _law_name(r.law, sources) if r.law else "법령"
            sources.append(Source(len(sources) + 1, title, title if r.kind == "annex" else "",
                                  ref_label(r.kind, r.key), "", r.kind))
            hits = [len(sources)]
        mapped.append((r, hits[0]))
    ends, texts, at_end = sentence_ends(body), {}, {}
    for r, n in mapped:
        k = next(i for i, e in enumerate(ends) if e >= r.end)
        sent = body[ends[k - 1] if k else 0:ends[k]].strip()
        if sent not in texts.setdefault(n, []):
            texts[n].append(sent)
        at_end.setdefault(ends[k], []).append(n)
    for s in sources:
        s.text = _unit_text(corpus or {}, s) or " ".join(texts.get(s.n, [])) or f"{s.title} {s.label}"
    end_marks = []
    for e, ns in at_end.items():
        pos = e - 1 if body[e - 1:e] == "." else len(body[:e].rstrip())
        end_marks.append((pos, "".join(f"[{n}]" for n in dict.fromkeys(ns))))
    case = {"id": row["id"], "answer": _insert(body, [(r.end, f"[{n}]") for r, n in mapped]),
            "answer_end_markers": _insert(body, end_marks), "sources": [vars(s) for s in sources],
            "supplements": len(sources) - n_gold, "synthetic_quote": False}
    arts = [s for s in sources if s.kind == "article" and s.text.startswith("제")]
    if rng is not None and arts:  # real answers rarely quote statute text: add one verbatim quotation
        s = rng.choice(arts)
        plain = re.sub(r"[<\[][^<>\[\]]*(?:개정|신설|삭제)[^<>\[\]]*[>\]]", "", s.text)
        if sents := [x.strip() for x in re.findall(r"[^.\n①-⑳]{25,160}다\.", plain) if not re.search(r"[“”「」]", x)]:
            q = f" ㅇ 참고로 「{s.title}」 {s.label}[{s.n}]에서는 “{rng.choice(sents)}”라고 규정하고 있습니다."
            case.update(answer=case["answer"] + q, answer_end_markers=case["answer_end_markers"] + q,
                        synthetic_quote=True)
    return case


def _variant(case: dict, kind: str, sub: str, a: str, span: tuple[int, int]) -> dict:
    return {**case, "answer": a, "variant": kind, "subkind": sub, "expect": {"type": EXPECT[kind], "span": list(span)}}


def _invalid_marker(case, a, sources, refs, rng, mode):
    """A marker pointing past the last source: [7], [1, 7], [1-7] or [2][7] with fewer sources."""
    if not (ms := list(re.finditer(r"\[(\d+)\]", a))):
        return None
    m, bad = rng.choice(ms), len(sources) + rng.randint(1, 5)
    new = rng.choice([f"[{bad}]", f"[1, {bad}]", f"[1-{bad}]", f"[{m.group(1)}][{bad}]"])
    return _variant(case, "invalid_marker", "marker", a[:m.start()] + new + a[m.end():],
                    (m.start(), m.start() + len(new)))


def _invented_article(case, a, sources, refs, rng, mode):
    """A cited number changed to one no source has, or (cross_law) to one that only another law's source has."""
    srcs, labels = _prepare(sources), {(s.kind, s.label) for s in sources}
    if mode == "cross_law":
        numbers = sorted({x.key for x in srcs if x.kind == "article"})
        other = [(r, key) for r in refs if r.kind == "article" and r.law for key in numbers
                 if key != r.key and not supporting(Ref(r.start, r.end, "article", key, r.law), srcs)]
        if not other:
            return None
        r, key = rng.choice(other)
        new = re.sub(r"제\s*\d+(?:\s*-\s*\d+)*\s*조(?:\s*의\s*\d+)?", ref_label("article", key), r.text, count=1)
        return _variant(case, "invented_article", mode, a[:r.start] + new + a[r.end:], (r.start, r.start + len(new)))
    for sub in ("article", "annex", "clause"):
        cands = [r for r in refs if r.kind == sub and not (sub == "clause" and any(
            s.label == "" and s.title.replace(" ", "").endswith(r.law[1]) for s in sources))]
        if cands:
            break
    if not cands:
        return None
    r = rng.choice(cands)
    if sub == "clause":
        new = ".".join([r.key.split(".")[0], str(rng.randint(15, 19))] + r.key.split(".")[2:])
    else:
        num = old = int(re.search(r"\d+", r.text).group())
        while num == old or (sub, ref_label(sub, str(num))) in labels:
            num += rng.randint(3, 60)
        new = re.sub(r"\d+", str(num), r.text, count=1)
    return _variant(case, "invented_article", sub, a[:r.start] + new + a[r.end:], (r.start, r.start + len(new)))


def _swapped_law(case, a, sources, refs, rng, mode):
    """The law (or code) named before a reference replaced by one not among the sources, or (suffix) its
    시행규칙 named 시행령 and vice versa."""
    laws = [law_key(t) for s in sources for t in (s.title, s.parent_title) if t]
    cands = []
    for r in [r for r in refs if r.kind != "clause"] or [r for r in refs if r.law]:
        before = a[max(0, r.start - 160):r.start]
        if r.kind == "clause":
            m = re.search(r"((?:KGS\s*(?:CODE\s*)?)?[A-Z]{2}\s*\d{3}|같은 코드|동 코드)(?:\s*\([^()]*\))?\s*(?:의\s*)?$",
                          before)
        else:
            m = re.search(r"(「[^」]{2,120}」|｢[^｣]{2,120}｣|액법|고법|도법|동법|같은 법|(?<![가-힣])법|액화석유가스의?\s*"
                          r"안\s*전\s*관리 및 사업법)\s*(\(\s*이하[^()]*\))?\s*(시\s*행\s*규\s*칙|시\s*행\s*령)?\s*$", before)
        if mode == "suffix" and r.kind != "clause":
            flip = m and m.group(3) and {"시행규칙": "시행령", "시행령": "시행규칙"}[re.sub(r"\s+", "", m.group(3))]
            if flip and not supporting(Ref(r.start, r.end, r.kind, r.key, (r.law[0], flip)), _prepare(sources)):
                cands.append((r, r.start - len(before) + m.start(3), r.start - len(before) + m.end(3), flip, "suffix"))
        elif mode == "suffix":
            continue
        elif r.kind == "clause" and m:
            code = rng.choice([c for c in OTHER_CODES if c != r.law[1] and not any(
                s.title.replace(" ", "").endswith(c) for s in sources)])
            cands.append((r, r.start - len(before) + m.start(), r.start, f"KGS {code} ", "code"))
        elif r.kind != "clause":
            suffix = re.sub(r"\s+", "", m.group(3)) + " " if m and m.group(3) else ""
            law = rng.choice([x for x in OTHER_LAWS if not any(same_law((law_key(x)[0], lk[1]), lk) for lk in laws)])
            cands.append((r, r.start - len(before) + m.start() if m else r.start, r.start, f"{law} {suffix}", "law"))
    if not cands:
        return None
    r, start, end, new, sub = rng.choice(cands)
    shift = start + len(new) - end
    return _variant(case, "swapped_law", sub, a[:start] + new + a[end:], (r.start + shift, r.end + shift))


def _altered_quote(case, a, sources, refs, rng, mode):
    """A number, a polarity word (이상 → 이하, 있 → 없 …) or a content word changed inside a quoted provision."""
    qs = [m for m in _QUOTE.finditer(a) if m.group()[0] != "「"
          and not re.match(r"\s*(?:이?란|이?라\s*함은|이?라\s*한다)", a[m.end():m.end() + 8])
          and (len(re.sub(r"\s", "", m.group())) >= 22 or m.group()[:-1].rstrip(" .").endswith("다"))]
    edits = []
    for m in qs:
        inner = m.group()[1:-1]
        if mode == "number":
            for n in re.finditer(r"(?<![\d.])\d+(?![\d.]*\s*\.\s*\d)", inner):
                v = int(n.group())
                edits.append((m, inner[:n.start()] + str(v + rng.choice([1, 2, 3]) if v < 10 else v * 2 + 1)
                              + inner[n.end():]))
        elif mode == "polarity":
            edits += [(m, inner.replace(x, y, 1)) for x, y in POLARITY if x in inner]
        else:
            edits += [(m, inner[:w.start()] + rng.choice([x for x in WORDS if x not in w.group()]) + inner[w.end():])
                      for w in re.finditer(r"[가-힣]{3,}", inner) if not w.group().endswith(("한다", "하며", "있다"))]
    if not edits:
        return None
    m, inner = rng.choice(edits)
    new = m.group()[0] + inner + m.group()[-1]
    return _variant(case, "altered_quote", mode, a[:m.start()] + new + a[m.end():], (m.start(), m.start() + len(new)))


CORRUPT = {"invalid_marker": (_invalid_marker, ["marker"]),
           "invented_article": (_invented_article, ["new_number", "cross_law"]),
           "altered_quote": (_altered_quote, ["number", "polarity", "word"]),
           "swapped_law": (_swapped_law, ["other_law", "suffix"])}


def build_cases(rows: list[dict], corpus: dict | None = None, seed: int = 13) -> list[dict]:
    """The three originals of every item plus each corruption (and subkind) that applies, reproducible for a seed."""
    out = []
    for row in rows:
        case = build_case(row, corpus, random.Random(f"{seed}:{row['id']}:quote"))
        if case is None:
            continue
        out.append({**case, "variant": "original", "subkind": "markers_after_reference", "expect": None})
        out.append({**case, "answer": case["answer_end_markers"], "variant": "original",
                    "subkind": "markers_at_sentence_end", "expect": None})
        out.append({**case, "answer": tidy(case["answer"]), "variant": "original", "subkind": "tidy_spacing",
                    "expect": None})
        sources = [Source(**s) for s in case["sources"]]
        quoted = [(m.start(), m.end()) for m in _QUOTE.finditer(case["answer"])]
        refs = [r for r in find_references(case["answer"], sources) if not any(s < r.start < e for s, e in quoted)]
        for kind in KINDS:
            make, modes = CORRUPT[kind]
            for mode in modes:
                rng = random.Random(f"{seed}:{row['id']}:{kind}:{mode}")
                if c := make(case, case["answer"], sources, refs, rng, mode):
                    out.append(c)
    return out


def run_case(case: dict) -> dict:
    t = time.thread_time()
    v = verify(case["answer"], [Source(**s) for s in case["sources"]])
    ms = (time.thread_time() - t) * 1000
    caught = None
    if exp := case.get("expect"):
        s, e = exp["span"]
        caught = any(i["type"] == exp["type"] and i["span"][0] < e and s < i["span"][1] for i in v.issues)
    return {"id": case["id"], "variant": case["variant"], "subkind": case["subkind"], "caught": caught,
            "issues": v.issues, "checked": v.checked, "cpu_ms": round(ms, 2), "chars": len(case["answer"]),
            "sources": len(case["sources"]), "supplements": case["supplements"],
            "synthetic_quote": case["synthetic_quote"]}


def _rate(xs: list) -> dict:
    return {"cases": len(xs), "hits": sum(xs), "rate": round(sum(xs) / len(xs), 4) if xs else None}


def summarize(results: list[dict]) -> dict:
    per = {}
    for kind in KINDS:
        rs = [r for r in results if r["variant"] == kind]
        per[kind] = {**_rate([r["caught"] for r in rs]), "by_subkind": {
            k: _rate([r["caught"] for r in rs if r["subkind"] == k]) for k in sorted({r["subkind"] for r in rs})}}
    originals = [r for r in results if r["variant"] == "original"]
    times = sorted(r["cpu_ms"] for r in results)
    return {"cases": len(results), "per_type": per,
            "overall": _rate([r["caught"] for r in results if r["variant"] != "original"]),
            "false_alarm": {**_rate([bool(r["issues"]) for r in originals]), "by_subkind": {
                k: _rate([bool(r["issues"]) for r in originals if r["subkind"] == k])
                for k in sorted({r["subkind"] for r in originals})},
                "flagged": sorted({r["id"] for r in originals if r["issues"]})},
            "items": len({r["id"] for r in originals}),
            "items_citing_beyond_gold": len({r["id"] for r in originals if r["supplements"]}),
            "items_with_synthetic_quote": len({r["id"] for r in originals if r["synthetic_quote"]}),
            "cpu_ms_p50": times[len(times) // 2] if times else None, "cpu_ms_max": times[-1] if times else None}


def table(summary: dict) -> str:
    def row(name, r, note=""):
        return f"{name:<28} {r['cases']:>5} {r['hits']:>5} {r['rate'] if r['rate'] is not None else 0:>6.3f}  {note}"
    lines = [f"{'corruption / subkind':<28} {'cases':>5} {'hits':>5} {'rate':>6}"]
    for kind, p in summary["per_type"].items():
        lines.append(row(kind, p, "caught"))
        lines += [row("  " + k, v) for k, v in p["by_subkind"].items()]
    lines.append(row("overall", summary["overall"], "caught"))
    f = summary["false_alarm"]
    lines.append(row("false alarms", f, "originals with ≥ 1 issue"))
    lines += [row("  " + k, v) for k, v in f["by_subkind"].items()]
    lines.append(f"{summary['items']} items, {summary['items_citing_beyond_gold']} cite units beyond their gold, "
                 f"{summary['items_with_synthetic_quote']} with a synthetic statute quotation; "
                 f"verify CPU time p50 {summary['cpu_ms_p50']} ms, max {summary['cpu_ms_max']} ms")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", type=Path, default=Path("/work/shared/eval/kgs_dev.jsonl"))
    ap.add_argument("--out", type=Path, default=Path("eval/results/verify.json"))
    ap.add_argument("--statutes", type=Path, default=STATUTES, help="folder of statute PDFs (article text)")
    ap.add_argument("--codes", action="store_true", help="also parse the KGS code PDFs for clause text (~1 min)")
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args(argv)
    rows = [json.loads(x) for x in args.set.read_text(encoding="utf-8").splitlines() if x.strip()]
    corpus = load_statutes(args.statutes) | (load_codes(args.statutes) if args.codes else {})
    cases = build_cases(rows, corpus, args.seed)
    results = [run_case(c) for c in cases]
    summary = summarize(results)
    for r in results:
        if r["variant"] == "original" and r["issues"]:
            print(f"false alarm {r['id']} ({r['subkind']}):")
            for i in r["issues"]:
                print(f"   {i['type']}: {i['detail']}")
        elif r["caught"] is False:
            print(f"missed {r['id']} {r['variant']}/{r['subkind']}: reported {[i['type'] for i in r['issues']]}")
    print(table(summary))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"summary": summary, "results": results, "cases": cases}, ensure_ascii=False,
                                   indent=1), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

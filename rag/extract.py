"""Extractive answers (no LLM): the 항·호·목 and sentences of the retrieved units that answer the
question, led by one direct sentence built from the best of them.

Only sources above a relevance floor are cited (one to three, never padded); the first citation is
always the retriever's first hit, so first-citation accuracy is the retriever's (eval/run.py --ask).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rag.abstain import content_words
from rag.clauses import clauses, sentences, strip_marker
from rag.hits import Hit
from rag.model import unit_article_label

MAX_SOURCES = 3
MAX_PIECES = 2  # sentences quoted per source
QUOTE_CHARS = 500
# a further source is cited only when it is this close to the first in rank score and covers
# the question's words about as well (rag/extract.py, eval/README.md "extractive answers")
SCORE_FLOOR = 0.5
COVER_FLOOR = 0.34
_ASKS_NUMBER = re.compile(r"얼마|며칠|몇|언제|기간|기한|까지|금액|요금|수수료|사용료|비용|과태료|범칙금|벌금|나이|몇\s*살")
_NUMBERISH = re.compile(r"\d+\s*(?:일|원|천원|만원|시간|분의|년|개월|세|퍼센트|%|회|건|배|분|명)|이내|까지|이상|이하|초과|미만")
_LIST_LEAD = re.compile(r"다음 각 [호목]")
_POLITE = [(re.compile(p + r"\.?$"), r) for p, r in [
    (r"하여야 한다", "하여야 합니다"), (r"아니한다", "아니합니다"), (r"한다", "합니다"), (r"된다", "됩니다"),
    (r"있다", "있습니다"), (r"없다", "없습니다"), (r"아니다", "아닙니다"), (r"이다", "입니다"), (r"준다", "줍니다"),
    (r"낸다", "냅니다"), (r"본다", "봅니다"), (r"않는다", "않습니다"), (r"같다", "같습니다")]]


@dataclass
class Piece:
    source: int  # index into the hits
    label: str  # 항·호·목 label within the unit ("제1항제2호"), "" for an undivided unit
    text: str  # one sentence, verbatim
    parent: str  # the 항's lead sentence when ``text`` is one of its 호·목 ("다음 각 호의 …")
    cover: float  # share of the question's content words it holds (with its parent)
    score: float
    pos: int = 0  # reading order within the unit


def _covered(words: list[str], text: str) -> float:
    if not words:
        return 0.0
    low = text.lower()
    return sum(1 for w in words if (w[:-1] if w.endswith("다") and len(w) > 2 else w) in low) / len(words)


def pieces_of(n: int, hit: Hit, words: list[str], asks_number: bool) -> list[Piece]:
    """Every sentence of one unit, scored against the question's content words. Words of the
    document's title hold for all its sentences, so they do not choose among them; a purpose
    article (목적) rarely answers, and later sources weigh a little less."""
    d = hit.document
    title = f"{d.title or ''} {d.parent_title or ''}".lower()
    own = [w for w in words if not _covered([w], title)] or words
    penalty = 0.05 * n + (0.3 if (hit.unit_title or "") == "목적" else 0.0)
    out: list[Piece] = []
    lead = ""
    for label, line in clauses(hit.text or ""):
        is_item = "호" in label or "목" in label
        parent = lead if is_item else ""
        for sent in sentences(line):
            cover = _covered(own, f"{parent} {sent}")
            score = cover + (0.3 if asks_number and _NUMBERISH.search(sent) else 0.0) - len(sent) / 4000 - penalty
            out.append(Piece(n, label, sent, parent, cover, score, len(out)))
        if not is_item:  # a 호 list is led by its whole 항 ("… 아니한다. 다만, 다음 각 호의 …")
            lead = strip_marker(line) if _LIST_LEAD.search(line) else ""
    return out


def polite(sentence: str) -> str:
    """A statute sentence with its final ending in the polite style (…하여야 한다. → …하여야 합니다.)."""
    s = sentence.rstrip()
    for pat, rep in _POLITE:
        if pat.search(s):
            return pat.sub(rep, s) + "."
    return s if s.endswith((".", "다", ")", "」")) else s


def cite_label(hit: Hit, label: str) -> str:
    unit = hit.unit or ""
    article = unit_article_label(unit)
    sub = label if label and article.startswith("제") and article == unit else ""
    return f"「{hit.document.title}」 {unit}{sub}"


def _quote(ps: list[Piece]) -> str:
    parts: list[str] = []
    for p in ps:
        for t in ([p.parent] if p.parent else []) + [p.text]:
            if any(t in q for q in parts):
                continue
            parts = [q for q in parts if q not in t] + [t]
    q = " … ".join(parts)
    return q if len(q) <= QUOTE_CHARS else q[:QUOTE_CHARS].rsplit(" ", 1)[0] + "…"


def compose(question: str, hits: list[Hit]) -> tuple[str, list[tuple[int, str]]]:
    """(direct sentence, [(hit index, quote)]) for the sources worth citing, best-first within each."""
    if not hits:
        return "", []
    words = content_words(question)
    asks_number = bool(_ASKS_NUMBER.search(question))
    per = [sorted(pieces_of(n, h, words, asks_number), key=lambda p: -p.score) for n, h in enumerate(hits)]
    top_score = float(hits[0].score or 0.0)
    best_cover = max((ps[0].cover for ps in per if ps), default=0.0)
    used = [0]
    for n in range(1, min(len(hits), MAX_SOURCES * 2)):
        if len(used) >= MAX_SOURCES or not per[n]:
            continue
        rel = float(hits[n].score or 0.0) / top_score if top_score > 0 else 0.0
        if rel >= SCORE_FLOOR and per[n][0].cover >= max(COVER_FLOOR, 0.75 * best_cover):
            used.append(n)
    chosen: list[tuple[int, str]] = []
    best: Piece | None = None
    for n in used:
        ps = per[n][:MAX_PIECES] if per[n] else []
        ps = [p for i, p in enumerate(ps) if i == 0 or p.cover > 0]
        chosen.append((n, _quote(sorted(ps, key=lambda p: p.pos)) if ps else ""))  # reading order
        if ps and (best is None or ps[0].score > best.score + 0.1):
            best = ps[0]
    return _direct(hits, best, used), chosen


def _direct(hits: list[Hit], best: Piece | None, used: list[int]) -> str:
    if best is None:
        return ""
    marker = f"[{used.index(best.source) + 1}]"
    where = cite_label(hits[best.source], best.label)
    if best.parent:
        return f"{where}: {polite(strip_marker(best.parent))} — {strip_marker(best.text)} {marker}"
    return f"{where}에 따르면, {polite(strip_marker(best.text))} {marker}"

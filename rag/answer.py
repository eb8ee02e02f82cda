"""Answers with citations: retrieve, then either extract (no LLM) or generate and verify.

Both modes return the same shape: ``answer`` with [n] markers, ``citations`` (search hits plus the
quoted span), ``notices`` (amendments), ``verification`` and ``timing``.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from typing import Iterator

from rag import abstain, extract
from rag.hits import Hit
from rag.index.base import QueryFilter
from rag import named as named_refs
from rag.model import KIND_COMPLAINT
from rag.notices import notices_for
from rag.prompt import build_messages

NOT_FOUND = "근거를 찾지 못했습니다."
EXTRACT_LABEL = "[추출식 답변]"
EXTRACT_CHARS = 500


@dataclass
class AskOptions:
    as_of: date
    top_k: int = 5
    kinds: list[str] | None = None
    model: str | None = None
    visibility: list[str] | None = None
    exclude_cases: set[str] | None = None  # evaluation: a dev question never finds its own past case


def quoted_span(hit: Hit, chars: int = EXTRACT_CHARS) -> str:
    """The unit text an answer quotes (its opening, cut at a sentence end)."""
    text = (hit.text or "").strip()
    if len(text) <= chars:
        return text
    cut = text[:chars]
    end = max(cut.rfind("다."), cut.rfind("\n"))
    return cut[: end + 2].strip() if end > chars // 3 else cut.strip() + "…"


def citation(n: int, hit: Hit, quote: str = "") -> dict:
    """An answer's citation in its public JSON shape: the hit without its internal keys, numbered, quoted."""
    c = {k: v for k, v in hit.to_dict().items() if k not in ("doc_key", "version_key", "visibility")}
    return c | {"n": n, "quote": quote}


def with_missing(out: dict, gaps: list[dict]) -> dict:
    """The answer led by what the question named that cannot be cited, and ``missing`` itself."""
    out["missing"] = gaps
    if gaps:
        out["answer"] = named_refs.lead(gaps) + "\n\n" + out["answer"]
    return out


class Answerer:
    """Turns a question into a cited answer using the retriever and, when configured, an LLM."""

    def __init__(self, retriever, registry, index, models=None, today=date.today,
                 abstain_below: float | None = None, policy: abstain.Policy | None = None) -> None:
        self.retriever, self.registry, self.index, self.models = retriever, registry, index, models
        self.today, self.abstain_below = today, abstain_below
        self.policy = policy or abstain.Policy()

    def _filter(self, opts: AskOptions) -> QueryFilter:
        # past cases are no legal source: a question close to one is not thereby answerable
        return QueryFilter(as_of=opts.as_of, kinds=opts.kinds or [], visibility=opts.visibility or [],
                           exclude_kinds=[] if opts.kinds else [KIND_COMPLAINT])

    def _decide(self, question: str, res, opts: AskOptions) -> tuple[bool, abstain.Evidence, str]:
        """Whether to answer: named references found, or the evidence of rag/abstain.py. A fixed
        ``abstain_below`` (tests with uncalibrated embedders) uses the best dense cosine alone."""
        named = abstain.named_found(res.resolved, res.hits)
        if not res.hits:
            return False, abstain.Evidence.nothing(), "no_hits"
        if named_refs.only_unindexed(res.missing, res.named_found):
            return False, abstain.Evidence.nothing(), "not_indexed"  # another law's text answers nothing asked
        if self.abstain_below is not None:
            ev = abstain.Evidence(named=named)
            if not named and self.retriever.embedder is not None:
                near = self.index.nearest(self.retriever.query_vector(question), 1, self._filter(opts))
                ev.dense = float(near[0].score) if near else 0.0
            return named or ev.dense >= self.abstain_below, ev, "named" if named else "dense"
        ev = abstain.gather(question, res.hits, self.retriever, self.index, self._filter(opts), named)
        found, reason = self.policy.decide(ev)
        return found, ev, reason

    def retrieve(self, question: str, opts: AskOptions) -> tuple[list[Hit], list[str], bool, dict]:
        hits, warnings, found, timing, _, _ = self._retrieve(question, opts)
        return hits, warnings, found, timing

    def _retrieve(self, question: str, opts: AskOptions) -> tuple[list[Hit], list[str], bool, dict, list[dict],
                                                                  list[dict]]:
        t = time.perf_counter()
        res = self.retriever.search(question, top_k=opts.top_k, as_of=opts.as_of, kinds=opts.kinds,
                                    visibility=opts.visibility, exclude_cases=opts.exclude_cases)
        t_search = time.perf_counter() - t
        found, ev, reason = self._decide(question, res, opts)
        timing = {"search_ms": round(t_search * 1000, 2),
                  "relevance_ms": round((time.perf_counter() - t - t_search) * 1000, 2),
                  "relevance": round(ev.dense, 4), "evidence": ev.to_dict() | {"decision": reason}}
        return res.hits, res.warnings, found, timing, res.similar_cases, res.missing

    def ask(self, question: str, opts: AskOptions) -> dict:
        t0 = time.perf_counter()
        hits, warnings, found, timing, similar, gaps = self._retrieve(question, opts)
        if not found:
            out = self._not_found(question, hits, warnings, opts, timing, t0) | {"similar_cases": similar}
            return with_missing(out, gaps)
        if self.models is None or not self.models.names():
            out = self._extractive(question, hits, opts)
        else:
            out = self._generative(question, hits, opts)
        out["similar_cases"] = similar
        out["warnings"] = warnings + out.get("warnings", [])
        out["timing"] = timing | out.get("timing", {}) | {"total_ms": round((time.perf_counter() - t0) * 1000, 2)}
        return with_missing(out, gaps)

    def _base(self, question: str, opts: AskOptions, mode: str) -> dict:
        return {"question": question, "as_of": opts.as_of.isoformat(), "mode": mode}

    def _not_found(self, question, hits, warnings, opts, timing, t0) -> dict:
        closest = [citation(i + 1, h, quoted_span(h, 200)) for i, h in enumerate(hits[:3])]
        hint = abstain.rephrase_hint(abstain.Evidence(unknown=(timing.get("evidence") or {}).get("unknown_words") or []))
        answer = NOT_FOUND + " 질문과 충분히 관련된 조문을 찾지 못했습니다."
        if closest:
            answer += " 아래는 가장 가까운 자료이며 근거로 쓰기에는 부족합니다."
        out = self._base(question, opts, "abstain") | {
            "answer": answer + "\n" + hint, "hint": hint,
            "citations": [], "closest": closest, "notices": [],
            "verification": {"ok": True, "issues": [], "checked": {}, "note": "답변을 생성하지 않았습니다(근거 부족)."},
            "warnings": warnings}
        out["timing"] = timing | {"total_ms": round((time.perf_counter() - t0) * 1000, 2)}
        return out

    def _extractive(self, question: str, hits: list[Hit], opts: AskOptions) -> dict:
        """No LLM: one direct sentence from the clauses that answer, then those clauses verbatim from
        the sources above the relevance floor (rag/extract.py) — labelled as extractive."""
        t = time.perf_counter()
        direct, chosen = extract.compose(question, hits)
        lines = [EXTRACT_LABEL + (" " + direct if direct else "")]
        cites, used = [], []
        for n, (i, quote) in enumerate(chosen, start=1):
            h = hits[i]
            quote = quote or quoted_span(h)
            d = h.document
            status = "" if d.status == "현행" else f" ({d.status})"
            lines.append(f"[{n}] 「{d.title}」 {h.unit}{status}: {quote}")
            cites.append(citation(n, h, quote))
            used.append(h)
        notices = notices_for(used, self.registry, self.index, opts.as_of, self.today())
        return self._base(question, opts, "extractive") | {
            "answer": "\n".join(lines), "citations": cites, "notices": notices,
            "verification": {"ok": True, "issues": [], "checked": {"quotes": len(cites)},
                             "note": "추출식 답변(언어모델 없음): 인용문은 색인된 원문 그대로이며, 해석은 담당자가 원문을 "
                                     "확인해 판단하십시오."},
            "timing": {"compose_ms": round((time.perf_counter() - t) * 1000, 2)}}

    def _client(self, hits: list[Hit], opts: AskOptions):
        internal = any(h.internal for h in hits)
        return self.models.choose(opts.model, internal)

    def _generative(self, question: str, hits: list[Hit], opts: AskOptions) -> dict:
        client = self._client(hits, opts)
        messages = build_messages(question, hits, opts.as_of)
        t = time.perf_counter()
        result = client.complete(messages)
        llm_ms = round((time.perf_counter() - t) * 1000, 2)
        return self.finish(question, hits, opts, result.text, client.cfg.name, result.usage, {"llm_ms": llm_ms})

    def finish(self, question, hits, opts, text: str, model: str, usage: dict, timing: dict) -> dict:
        """Verify a generated answer and attach citations and notices."""
        from rag.verify import Source, verify

        t = time.perf_counter()
        sources = [Source.of(i + 1, h) for i, h in enumerate(hits)]
        v = verify(text, sources)
        cited = [hits[n - 1] for n in v.cited]
        cites = [citation(n, hits[n - 1], quoted_span(hits[n - 1])) for n in v.cited]
        notices = notices_for(cited, self.registry, self.index, opts.as_of, self.today())
        answer = v.text
        if not v.cited and NOT_FOUND[:-1] not in answer:
            answer += "\n\n※ 이 답변에는 자료 번호가 붙은 근거가 없습니다. 원문을 확인하십시오."
        verification = {"ok": v.ok, "issues": v.issues, "checked": v.checked}
        return self._base(question, opts, "generative") | {
            "answer": answer, "citations": cites, "notices": notices, "verification": verification,
            "model": model, "usage": usage,
            "timing": timing | {"verify_ms": round((time.perf_counter() - t) * 1000, 2)}}

    def stream(self, question: str, opts: AskOptions) -> Iterator[tuple[str, dict]]:
        """SSE events: ("meta", …), ("delta", {"text"}), then ("done", full response) or ("error", …)."""
        t0 = time.perf_counter()
        hits, warnings, found, timing, similar, gaps = self._retrieve(question, opts)
        if not found or self.models is None or not self.models.names():
            out = self.ask(question, opts)
            yield "meta", {"mode": out["mode"], "sources": len(out.get("citations", []))}
            yield "delta", {"text": out["answer"]}
            yield "done", out
            return
        client = self._client(hits, opts)
        yield "meta", {"mode": "generative", "model": client.cfg.name, "sources": len(hits)}
        if gaps:
            yield "delta", {"text": named_refs.lead(gaps) + "\n\n"}
        parts: list[str] = []
        t = time.perf_counter()
        chat = client.stream(build_messages(question, hits, opts.as_of))
        try:
            for piece in chat:
                parts.append(piece)
                yield "delta", {"text": piece}
        finally:
            chat.close()
        usage = getattr(chat, "usage", None) or {}
        out = self.finish(question, hits, opts, "".join(parts), client.cfg.name, usage,
                          {"llm_ms": round((time.perf_counter() - t) * 1000, 2)})
        out["warnings"] = warnings
        out["similar_cases"] = similar
        out["timing"] = timing | out["timing"] | {"total_ms": round((time.perf_counter() - t0) * 1000, 2)}
        yield "done", with_missing(out, gaps)

"""Checks an LLM answer against the numbered sources it was written from: [n] markers, quotes, legal references.

Legal correctness is the product: an answer may cite only sources that exist, must quote them faithfully and may
name only 조/별표/기술기준 clauses that were retrieved. ``verify`` is pure (no I/O) and fast; every problem is an
issue with a span in the original answer and is marked inline with ⚠ in ``Verification.text``.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from rag.verify_quotes import _ELLIPSIS, _is_quotation, _quote_check, _quotes, _sentences, _squash
from rag.verify_refs import Source, _law_name, _prepare, find_references, ref_label, supporting

_MARKER = re.compile(r"\[\s*(\d{1,3}(?:\s*[,\-–~]\s*\d{1,3})*)\s*\]")
_MARKER_PART = re.compile(r"(\d+)(?:\s*[-–~]\s*(\d+))?")
_MARKS = {"invalid_marker": "⚠", "unsupported_reference": "⚠(근거 없음)", "altered_quote": "⚠(원문과 다름)",
          "uncited_claim": "⚠(출처 표시 없음)"}


@dataclass
class Verification:
    text: str  # the answer with problems marked inline
    issues: list[dict] = field(default_factory=list)  # {type, detail, span: [start, end], source}
    checked: dict = field(default_factory=dict)  # {markers, quotes, references}
    ok: bool = True
    cited: list[int] = field(default_factory=list)  # valid source numbers used in markers


def verify(answer: str, sources: list[Source], quote_threshold: float = 85.0) -> Verification:
    """Check the [n] markers, quotations and legal references of an answer against its numbered sources."""
    text, srcs, valid = answer or "", _prepare(sources), {s.n for s in sources}
    issues, marks, markers, n_numbers = [], [], [], 0

    def issue(kind, detail, s, e, src=None):
        issues.append({"type": kind, "detail": detail, "span": [s, e], "source": src})
        if kind != "invalid_marker":
            marks.append((e, _MARKS[kind]))

    for m in _MARKER.finditer(text):  # (a) [n], [1,2], [1-3] within 1..len(sources)
        nums, bad = [], []
        for part in _MARKER_PART.finditer(m.group(1)):
            a, b = int(part.group(1)), int(part.group(2) or part.group(1))
            rng = range(a, b + 1) if a <= b and b - a < 100 else [a, b]
            n_numbers += len(rng)
            nums += [x for x in rng if x in valid]
            if wrong := [x for x in rng if x not in valid]:
                bad += wrong
                marks.append((m.start(1) + part.end(), "⚠"))
        if bad:
            issue("invalid_marker", f"출처 [{', '.join(map(str, bad))}]은(는) 없습니다 (출처는 {len(sources)}개).",
                  m.start(), m.end())
        markers.append((m.start(), nums))

    quotes = _quotes(text)
    inside = bytearray(len(text) + 1)
    for s, e, _ in quotes:
        inside[s + 1:e - 1] = b"\x01" * (e - s - 2)
    starts = _sentences(text, inside) + [len(text) + 1]

    def sentence(pos, extra=0):  # span of the sentence at pos (and the ``extra`` sentences after it)
        k = bisect_right(starts, pos) - 1
        return starts[k], starts[min(k + 1 + extra, len(starts) - 1)]

    refs = find_references(text, sources, srcs)
    exempt, n_quotes, known = set(), 0, {lk for s in srcs for lk in s.laws}
    for s, e, _ in quotes:  # (b) quotations must match the source(s) cited in their sentence
        if not _is_quotation(text, s, e, known, refs):
            continue
        n_quotes += 1
        inner, (ss, se) = text[s + 1:e - 1], sentence(s)
        cited = {n for ms, nums in markers if ss <= ms < se for n in nums}
        cache, pieces = {}, [q for q in map(_squash, _ELLIPSIS.split(inner)) if len(q) >= 4]

        def check(x):
            cache[x.n] = cache.get(x.n) or _quote_check(pieces, x, quote_threshold)
            return cache[x.n][0] >= quote_threshold and not cache[x.n][1]

        first = [x for x in srcs if x.n in cited] or srcs
        if any(check(x) for x in first):
            exempt.update(id(r) for r in refs if s < r.start < e)  # a faithful quote may name 제5조 itself
            continue
        n, (score, diff) = max(((x.n, cache[x.n]) for x in first), key=lambda r: r[1][0], default=(None, (0, "")))
        other = next((x.n for x in srcs if cited and x.n not in cited and check(x)), None)
        detail = ("인용할 출처가 없습니다" if n is None else f"인용문이 출처 [{n}]의 원문과 다릅니다: {diff}"
                  if diff != "?" else f"인용문을 출처 [{n}]에서 찾을 수 없습니다" + (f" (유사도 {score:.0f}%)" if score else ""))
        issue("altered_quote", detail + (f" — 출처 [{other}]의 원문과는 일치합니다." if other else "."), s, e, n)

    checked, uncited_seen = [r for r in refs if id(r) not in exempt], set()
    for r in checked:  # (c) every 조/별표/clause named must be among the sources (d) and cited in its sentence
        ss, se = sentence(r.start, extra=1)  # a marker in the next sentence still counts as a citation
        if not (hits := supporting(r, srcs)):
            elsewhere = sorted({_law_name(lk, sources) for x in srcs if (x.kind, x.key) == (r.kind, r.key)
                                for lk in x.laws})
            detail = f"{_law_name(r.law, sources, r.named)} {ref_label(r.kind, r.key)}은(는) 검색된 출처에 없습니다"
            issue("unsupported_reference", detail + (
                f" (같은 번호는 {', '.join(elsewhere)}에만 있습니다)." if elsewhere and r.law else "."), r.start, r.end)
        elif ss not in uncited_seen and not inside[r.start] and not any(ss <= ms < se for ms, _ in markers):
            uncited_seen.add(ss)
            issue("uncited_claim", f"‘{r.text}’을(를) 언급했지만 이 문장에 출처 표시가 없습니다 (근거: [{hits[0]}]).",
                  r.start, r.end, hits[0])

    out = text
    for pos, mark in sorted(marks, key=lambda x: x[0], reverse=True):
        out = out[:pos] + mark + out[pos:]
    issues.sort(key=lambda i: i["span"][0])
    return Verification(out, issues, {"markers": n_numbers, "quotes": n_quotes, "references": len(checked)},
                        not issues, sorted({n for _, nums in markers for n in nums}))

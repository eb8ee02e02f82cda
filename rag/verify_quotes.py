"""Quotations in an answer checked against the source text (spacing and punctuation ignored, numbers and
polarity words critical), and sentence spans: the quotation half of ``rag.verify``."""
from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from rag.verify_refs import _ANNEX, _ART, _CLAUSE, _CODE, _LAW_END, Ref, _Src, law_key

_DEFINITION_AFTER = re.compile(r"\s*(?:이?란|이?라\s*함은|이?라\s*한다|이?라고\s*한다|이?라\s*하며|으로\s*정의)")
_ELLIPSIS = re.compile(r"…|\.\.\.+|⋯|\(\s*중략\s*\)")
_NOISE = re.compile(r"[\s\u00a0\u3000ㆍ·・‧∙,.「」｢｣『』“”\"'‘’()\[\]<>【】⚠]+")  # ignored in quote comparison
_TOKENS = re.compile(r"\d+|이상|이하|초과|미만|없|있|않|아니|못|금지|제외|포함|한정")
_MAX_CHANGED = 4  # changed characters tolerated in a quotation (spacing and punctuation are ignored anyway)
_QUOTES = {"「": "」", "｢": "｣", "『": "』", "“": "”", '"': '"'}
_OPENER = re.compile("[「｢『“\"]")


def _quotes(text: str) -> list[tuple[int, int, str]]:
    """Outermost quoted spans (start, end including the marks, opening mark) within a paragraph; nested ones
    are skipped."""
    out, i = [], 0
    while m := _OPENER.search(text, i):
        o, c, depth, j = m.group(), _QUOTES[m.group()], 0, m.start()
        pat = re.compile(re.escape(c) if o == c else f"[{re.escape(o + c)}]")
        stop = min(m.start() + 1500, (text.find("\n\n", m.start()) + 1 or len(text) + 1) - 1)
        while (k := pat.search(text, j + 1, stop)) and not (text[k.start()] == c and depth == 0):
            depth += 1 if text[k.start()] == o else -1
            j = k.start()
        if k:
            out.append((m.start(), k.end(), o))
        i = k.end() if k else m.start() + 1
    return out


def _sentences(text: str, inside: bytearray) -> list[int]:
    """Sentence starts: after . ? ! (not a decimal point or "ex."), a newline or a bullet, never inside a quote."""
    starts = [0]
    for m in re.finditer(r"[.?!。](?=\s|$)|\n|(?<=\s)(?=[ㅇ•※-]\s)", text):
        b = m.end()
        prev = text[m.start() - 1] if m.start() else ""
        if inside[m.start()] or (m.group() == "." and (re.match(r"[A-Za-z]", prev) or (
                prev.isdigit() and re.match(r"\s*\d", text[b:b + 4])))):  # "ex.", "0. 05m", "2. 3. 3"
            continue
        tail = re.match(r"(?:\s*\[\s*\d[\d\s,\-–~]*\])+", text[b:b + 40])  # "…합니다. [1]" belongs here
        starts.append(b + (tail.end() if tail else 0))
    return sorted(set(starts))


def _diff(q: str, window: str) -> tuple[str, str, int, bool]:
    """Changed parts of a quote against its aligned source window: (quote part, source part, chars, critical);
    critical when the numbers or the polarity words (이상/이하/초과/미만/없/않/아니/금지 …) differ."""
    ops = list(Indel.opcodes(q, window))
    while ops and ops[0].tag == "insert":
        ops.pop(0)
    while ops and ops[-1].tag == "insert":
        ops.pop()
    changed = [o for o in ops if o.tag != "equal"]
    if not changed:
        return "", "", 0, False
    critical = sorted(_TOKENS.findall(q)) != sorted(_TOKENS.findall(window[ops[0].dest_start:ops[-1].dest_end]))
    return (q[changed[0].src_start:changed[-1].src_end], window[changed[0].dest_start:changed[-1].dest_end],
            sum(o.src_end - o.src_start + o.dest_end - o.dest_start for o in changed), critical)


@lru_cache(maxsize=2048)
def _squash(t: str) -> str:
    """Text without spaces and punctuation (cached: the same retrieved units come back across answers)."""
    return _NOISE.sub("", t)


def _piece(q: str, norm: str, threshold: float) -> tuple[float, str]:
    """(score, difference) of one normalised piece of a quote against normalised source text ("?": no match)."""
    grams = [q[i:i + 4] for i in range(0, len(q) - 3, max(4, (len(q) - 3) // 9))]
    if len(q) > len(norm) or sum(g in norm for g in grams) < len(grams) - 3:
        return 0.0, "?"  # cannot pass: more than three edits would have to fall on the sampled 4-grams
    al = fuzz.partial_ratio_alignment(q, norm)
    if al.score < threshold:
        return al.score, "?"
    a, b, n, critical = _diff(q, norm[al.dest_start:al.dest_end])
    return al.score, (f"‘{a[:30]}’ ↔ 원문 ‘{b[:30]}’" if critical or n >= _MAX_CHANGED else "")


def _quote_check(pieces: list[str], src: _Src, threshold: float) -> tuple[float, str]:
    """(score, difference) of a quote (its normalised pieces around any …) against one source; the difference
    is "" when the quote is faithful, "?" when the source has no such passage."""
    src.norm = src.norm or _squash(src.text)
    worst = (100.0, "")
    for q in pieces:
        score, diff = _piece(q, src.norm, threshold)
        if diff == "?" and score > 0 and len(q) >= 80:  # a table or page header printed inside the passage
            chunks = [q[i:i + 40] for i in range(0, len(q), 40)]
            chunks[-2:] = [chunks[-2] + chunks[-1]] if len(chunks[-1]) < 20 else chunks[-2:]
            parts = [_piece(c, src.norm, threshold) for c in chunks]
            if all(not d for _, d in parts):
                score, diff = min(x for x, _ in parts), ""
            else:
                score, diff = next((p for p in parts if p[1] not in ("", "?")), (score, diff))
        if diff:
            return score, diff
        worst = min(worst, (score, diff))
    return worst


def _is_quotation(text: str, s: int, e: int, known: set, refs: list[Ref]) -> bool:
    """A quotation of source text, not a law title, a defined term, a name or a bare reference."""
    inner, o = text[s + 1:e - 1], text[s]
    plain, nq = re.sub(r"\([^()]*\)", " ", inner).strip(), _squash(inner)
    if (o in "「｢『" or len(nq) <= 40) and (re.search(_LAW_END + r"$", nq) or law_key(plain) in known):
        return False
    if _DEFINITION_AFTER.match(text, e) or re.search(r"이하\s*,?\s*$", text[max(0, s - 8):s]):
        return False
    if len(nq) < 3 or (len(nq) < 20 and not re.search(r"\d", nq) and not nq.endswith("다")):
        return False  # a term or a name: “일체형 저장탱크 조립검사 성적서”
    residual = _squash(_CODE.sub("", _ANNEX.sub("", _ART.sub("", _CLAUSE.sub("", plain)))))
    return not ((any(s < r.start < e for r in refs) or _CODE.search(inner)) and len(residual) < 12)

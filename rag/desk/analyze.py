"""The complaint officer's desk: from a complaint to its type, rules, a suggested decision, the deadline,
the steps and a draft reply.

The text is masked FIRST, by the masker the runtime supplies (``rt.mask``: ingest/pii.py; rag/ sits below
ingest/ and does not import it): retrieval, case memory, the response and anything a caller
logs only ever see the masked text. The complaint is data: nothing in it changes what is done
(classification is by rules over words; a configured model may refine the type and write the reply —
rag/desk/refine.py — and reads only the masked text, as a data block). Every ground, step and template
reply line cites a unit that is in ``rules`` (a model's reply is verified against them); a governing law
that is not indexed is named in ``missing`` instead of citing a neighbour.

``analyze`` returns the analysis with ``rules`` as typed hits (rag/hits.py); ``public`` turns it into the
JSON shape the API and ``dasan complaint`` print.
"""
from __future__ import annotations

import re
from datetime import date, datetime

from rag.desk import classify as C
from rag.desk.decision import LABEL, decide, steps_for
from rag.desk.missing import governing_missing
from rag.desk.refine import has_models, llm_reply, refine_type
from rag.desk.reply import draft_reply
from rag.desk.rules import deadline_for
from rag.desk.deadline import parse_received, received_label
from rag.desk.holidays import load_calendar
from rag.grammar import ARTICLE_LABEL
from rag.hits import Hit
from rag.llm import LLMError
from rag.retrieve import MAX_QUESTION_CHARS

MAX_COMPLAINT_CHARS = 20_000
_RUNTIME_MODELS = object()  # sentinel: use the runtime's configured models
RULES_TOP_K = 10
# a second query per type so the procedure's articles come back even when the citizen's words miss them
TYPE_QUERY = {
    C.PERSONAL_VIEW: "영상 열람 청구 결정 통지 다른 사람 얼굴 마스킹 모자이크 수수료 열람의 제한",
    C.OPEN_INFO: "정보공개 청구 공개 여부 결정 비공개 대상 정보 부분공개 제3자 의견청취 이의신청",
    C.QUERY_LAW: "민원의 접수 민원 처리기간 처리결과의 통지",
    C.QUERY_PROC: "민원의 접수 민원 처리기간 처리결과의 통지",
    C.PROPOSAL: "건의민원 접수 처리기간 처리결과의 통지",
    C.GRIEVANCE: "고충민원 접수 처리기간 처리결과의 통지 이의신청",
    C.OTHER: "민원의 접수 민원 처리기간 처리결과의 통지",
    C.TRANSFER: "다른 행정기관 소관 민원 이송 이송 사실 통지",
}


def check_complaint(text: str | None) -> str:
    """The stripped text; a Korean ValueError naming the input when it is empty or too long."""
    t = (text or "").strip()
    if not t:
        raise ValueError("민원 내용(text)이 비어 있습니다. 분석할 민원 내용을 붙여 넣으세요.")
    if len(t) > MAX_COMPLAINT_CHARS:
        raise ValueError(f"민원 내용(text)이 너무 깁니다({len(t):,}자). {MAX_COMPLAINT_CHARS:,}자 이내로 줄여 "
                         "주세요(첨부 문서는 요지만 붙여 넣으세요).")
    if any("\ud800" <= ch <= "\udfff" for ch in t):
        raise ValueError("민원 내용(text)에 올바르지 않은 문자(짝이 없는 서로게이트)가 있습니다. UTF-8 텍스트로 보내세요.")
    return t


def _retriever(rt_or_parts):
    return getattr(rt_or_parts, "retriever", rt_or_parts)


def _today(rt_or_parts) -> date:
    settings = getattr(rt_or_parts, "settings", None)
    return settings.today() if settings is not None else date.today()


def _merge(*lists: list[Hit], top_k: int) -> list[Hit]:
    """Hits of several queries, deduplicated by id, in first-seen rank order, re-ranked."""
    seen: dict[str, Hit] = {}
    for i in range(max((len(x) for x in lists), default=0)):
        for hits in lists:  # interleave: the citizen's words and the type's procedure share the list
            if i < len(hits) and hits[i].id not in seen:
                seen[hits[i].id] = hits[i]
    return [h.with_rank(n) for n, h in enumerate(list(seen.values())[:top_k], start=1)]


def _deadline_citations(dl: dict, retriever, as_of: date, visibility) -> list[Hit]:
    """Indexed units the deadline's basis names (e.g. 민원처리규정 제6조), found by a direct reference."""
    found = []
    for c in dl.get("citations") or []:
        if not c.get("indexed"):
            continue
        try:
            res = retriever.search(f"{c['title']} {c['article']}", top_k=3, as_of=as_of,
                                   visibility=visibility, memory=False)
        except ValueError:
            continue
        for h in res.hits:
            title = h.document.title or ""
            base = re.match(ARTICLE_LABEL, c["article"] or "")
            if base and title.replace(" ", "") == c["title"].replace(" ", "") and \
                    (h.unit or "").startswith(base.group(0)):
                found.append(h)
                break
    return found


def public(analysis: dict) -> dict:
    """The analysis in its JSON shape: ``rules`` as public hit dicts."""
    return analysis | {"rules": [h.to_dict() for h in analysis["rules"]]}


def analyze(rt_or_parts, text: str, received: str | datetime | None = None, channel: str | None = None,
            department: str | None = None, as_of: date | None = None, visibility: list[str] | None = None,
            today: date | None = None, models=_RUNTIME_MODELS) -> dict:
    """The desk's analysis of one complaint (see the module docstring). Only masked text comes back.

    ``models``: the language models (default: the runtime's); with one configured, the type is refined
    and the reply written by the model (rag/desk/refine.py); ``None`` keeps both rule- and template-based."""
    mask = getattr(rt_or_parts, "mask", None)
    if mask is None:  # fail closed: an unmasked complaint never reaches retrieval
        raise TypeError("analyze needs a runtime with a personal-data masker (rt.mask)")
    original = check_complaint(text)
    masked = mask(original)
    del original  # from here on only the masked text exists
    channel, department = (mask(v) if v else v for v in (channel, department))  # personal data in any field
    today = today or _today(rt_or_parts)
    as_of = as_of or today
    if isinstance(received, datetime):
        rec, label = received, received.isoformat(timespec="minutes")
        if rec.date() > today or rec.year < 1948:
            rec, _ = parse_received(label, today, "received")  # raises the deadline module's error
    else:
        if received is None or not str(received).strip():  # default: now (today's date when it is pinned)
            now = datetime.now()
            received = now.strftime("%Y-%m-%dT%H:%M") if now.date() == today else today.isoformat()
        rec, has_time = parse_received(received, today, "received")
        label = received_label(rec, has_time)
    warnings: list[str] = []
    if models is _RUNTIME_MODELS:
        try:
            models = getattr(rt_or_parts, "models", None)
        except LLMError as e:  # a broken model configuration must not stop the rule-based desk
            models = None
            warnings.append(f"언어모델 설정을 읽지 못해 규칙과 서식만으로 분석합니다: {e.summary}")
    models = models if has_models(models) else None
    kind = C.classify(masked)
    if models is not None:
        kind = refine_type(models, masked, kind, warnings)
    retriever = _retriever(rt_or_parts)
    query = masked[:MAX_QUESTION_CHARS]
    res = retriever.search(query, top_k=RULES_TOP_K, as_of=as_of, visibility=visibility)
    extra = retriever.search(TYPE_QUERY[kind.value], top_k=RULES_TOP_K, as_of=as_of, visibility=visibility,
                             memory=False)
    home = getattr(getattr(rt_or_parts, "settings", None), "home", None)  # the office's holidays.tsv
    dl = deadline_for(C.deadline_kind(kind, masked), rec, received_text=label, cal=load_calendar(home=home))
    rules = _merge(res.hits, extra.hits, top_k=2 * RULES_TOP_K)
    ids = {h.id for h in rules}
    for h in _deadline_citations(dl, retriever, as_of, visibility):
        if h.id not in ids:
            rules.append(h.with_rank(len(rules) + 1))
            ids.add(h.id)
    indexed = list(retriever.resolver.titles)
    missing = governing_missing(kind.value, res.missing, indexed)
    # grounds and steps are picked from the type's own query first: its hits do not depend on the
    # complaint's words, so a sentence in the complaint cannot push a ground out or pull another in
    by_id = {h.id: h for h in rules}
    fixed = [by_id[h.id] for h in extra.hits if h.id in by_id]
    pool = fixed + [h for h in rules if h not in fixed]
    decision = decide(kind.value, masked, pool, missing)
    steps = steps_for(kind.value, pool, missing)
    out = {
        "type": kind.to_dict(),
        "masked_text": masked,
        "received": label,
        "as_of": as_of.isoformat(),
        "channel": channel,
        "department": department,
        "similar_cases": res.similar_cases,
        "rules": rules,
        "decision": decision,
        "deadline": dl,
        "steps": steps,
        "missing": missing,
        "warnings": res.warnings + warnings,
        "label": LABEL,
    }
    out["draft_reply"] = draft_reply(out)
    out["draft_reply_check"] = {"source": "template"}
    if models is not None:
        out["draft_reply"], out["draft_reply_check"] = llm_reply(models, out, out["draft_reply"])
        if out["draft_reply_check"].get("warning"):
            out["warnings"].append(out["draft_reply_check"].pop("warning"))
    return out

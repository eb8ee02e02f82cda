"""A suggested decision and the procedure's steps for a complaint, each ground a citation of a unit in
``rules``. Units outside the request's subject are never cited for a decision (no neighbour citing)."""
from __future__ import annotations

import re

from rag.desk import classify as C

LABEL = "제안입니다. 최종 판단은 담당자가 합니다."

# what a unit must be about to ground a decision on this type
_SCOPE = {
    C.PERSONAL_VIEW: re.compile(r"열람|개인영상정보|영상정보"),
    C.OPEN_INFO: re.compile(r"정보공개|공개\s*(?:여부|청구|결정|대상)|비공개"),
}
# the right to ask first (제2조-style), the duty to show only when no unit grants the right
_ALLOW = (re.compile(r"열람을\s*청구할\s*수\s*있|열람\s*등을?\s*요구할\s*수|공개를?\s*청구할\s*수\s*있"),
          re.compile(r"열람하게\s*하여야|열람을\s*허용|공개하여야"))
# the duty to hide others first; a unit that only mentions 마스킹 (a 제한 사유) is the fallback
_MASK = (re.compile(r"알아볼\s*수\s*없도록|모자이크|가리는\s*처리|비식별"), re.compile(r"마스킹"))
_FEE = re.compile(r"수수료|비용")
_LIMIT = re.compile(r"거절|거부|제한|일부만|비공개")
_HEAR = re.compile(r"의견을?\s*(?:듣|청취)|동의(?:한|를|하)|제3자")
_THIRD_PARTY = re.compile(r"상대|운전자|다른 사람|타인|행인|얼굴|차량\s*번호|번호판|제3자|가족|이웃")
_PERSONAL = re.compile(r"\[[가-힣·]+\]|개인|성명|이름|주소|연락처|주민등록")

STEP_PATTERNS = (
    ("접수", re.compile(r"청구서|접수")),
    ("검토", re.compile(r"여부를\s*결정|결정하여|검토")),
    ("제3자 의견청취", _HEAR),
    ("결정 통지", re.compile(r"알려야|통지")),
    ("공개 실시", re.compile(r"열람하게|사본|공개\s*실시|내줄")),
    ("불복 안내", re.compile(r"이의신청|행정심판|불복")),
)
GENERAL_STEPS = (
    ("접수", re.compile(r"접수")),
    ("검토", re.compile(r"처리기간|검토")),
    ("처리 결과 통지", re.compile(r"결과.{0,10}알려|통지")),
    ("이의신청 안내", re.compile(r"이의신청|행정심판|불복")),
)
TRANSFER_STEPS = (
    ("접수", re.compile(r"접수")),
    ("소관 기관 이송", re.compile(r"이송")),
    ("이송 사실 통지", re.compile(r"이송.{0,40}알려|통지")),
)


def _quote(text: str, m: re.Match, width: int = 90) -> str:
    prev = text.rfind("다.", 0, m.start())
    start = max(prev + 2 if prev >= 0 else 0, m.start() - width)
    end = text.find("다.", m.end())
    end = min(end + 2 if end >= 0 else len(text), m.end() + width)
    return re.sub(r"\s+", " ", text[start:end]).strip()


def cite(hit: dict, m: re.Match) -> dict:
    doc = hit.get("document") or {}
    return {"id": hit["id"], "title": doc.get("title"), "unit": hit.get("unit"),
            "unit_title": hit.get("unit_title"), "status": doc.get("status"),
            "quote": _quote(hit.get("text") or "", m)}


def _first(rules: list[dict], pattern: re.Pattern, scope: re.Pattern | None) -> dict | None:
    for h in rules:
        text = h.get("text") or ""
        if scope is not None and not scope.search(text):
            continue
        if h.get("unit_title") in ("목적", "정의"):  # a definition prescribes no step or ground
            continue
        m = pattern.search(text)
        if m:
            return cite(h, m)
    return None


def _all(rules: list[dict], pattern: re.Pattern, scope: re.Pattern) -> list[dict]:
    out = []
    for h in rules:
        text = h.get("text") or ""
        m = pattern.search(text) if scope.search(text) else None
        if m:
            out.append(cite(h, m))
    return out


# The law that decides a request of this kind; without it indexed, no suggestion is made.
_GOVERNING = {C.OPEN_INFO: "공공기관의 정보공개에 관한 법률"}


def decide(kind: str, masked: str, rules: list[dict], missing: list[dict]) -> dict | None:
    """공개/부분공개/비공개 or 열람 허용/제한 with conditions and cited grounds; None for other types."""
    scope = _SCOPE.get(kind)
    if scope is None:
        return None
    governing = _GOVERNING.get(kind)
    if governing and any(m.get("law") == governing and m.get("reason") != "no_such_article" for m in missing):
        # another body's own disclosure rule is not the law that decides this request: say what is missing
        return {"suggestion": None, "conditions": [], "grounds": [], "label": LABEL,
                "note": f"「{governing}」이(가) 색인에 없어 공개 여부를 제안하지 않습니다. "
                        "dasan sync로 추가한 뒤 다시 분석하세요."}
    grounds, conditions = [], []
    allow = _first(rules, _ALLOW[0], scope) or _first(rules, _ALLOW[1], scope)
    if allow:
        grounds.append(dict(allow, role="청구권·공개 의무"))
    third = bool(_THIRD_PARTY.search(masked)) or (kind == C.OPEN_INFO and bool(_PERSONAL.search(masked)))
    masking = _first(rules, _MASK[0], scope) or _first(rules, _MASK[1], scope)
    if masking:
        grounds.append(dict(masking, role="제3자 보호"))
    if third or masking:
        conditions.append({"condition": "제3자(상대방 얼굴·차량번호 등)를 알아볼 수 없도록 마스킹·모자이크 처리 후 "
                                        + ("열람" if kind == C.PERSONAL_VIEW else "공개"),
                           "citation": masking})
    hear = _first(rules, _HEAR, scope)
    if third:
        conditions.append({"condition": "제3자의 동의 여부 확인 또는 제3자 의견청취", "citation": hear})
    fee = _first(rules, _FEE, scope)
    if fee:
        grounds.append(dict(fee, role="수수료"))
        conditions.append({"condition": "수수료 안내(감면 대상인지 확인)", "citation": fee})
    limits = _all(rules, _LIMIT, scope)
    for lim in limits[:2]:
        if all(g["id"] != lim["id"] for g in grounds):
            grounds.append(dict(lim, role="제한·거부 사유(해당하는지 검토)"))
    if kind == C.PERSONAL_VIEW:
        suggestion = "열람 허용"
    else:
        suggestion = "부분공개" if third else "공개"
    out = {"suggestion": suggestion, "conditions": conditions, "grounds": grounds, "label": LABEL}
    if not grounds:
        laws = ", ".join(f"「{m['law']}」" for m in missing) or "근거 법령"
        out["note"] = f"{laws}이(가) 색인에 없어 근거 조문을 인용하지 못했습니다. dasan sync로 추가한 뒤 다시 분석하세요."
    return out


def steps_for(kind: str, rules: list[dict]) -> list[dict]:
    """The procedure's steps, each with a citation when a retrieved unit prescribes it."""
    scope = _SCOPE.get(kind)
    table = STEP_PATTERNS if scope else TRANSFER_STEPS if kind == C.TRANSFER else GENERAL_STEPS
    general = re.compile(r"민원")
    out = []
    for name, pattern in table:
        if name == "공개 실시" and kind == C.PERSONAL_VIEW:
            name = "열람 실시"
        citation = _first(rules, pattern, scope) if scope else None
        if citation is None and name != "제3자 의견청취":  # general 민원 procedure still governs these
            citation = _first(rules, pattern, general)
            if citation is not None and scope:
                citation["general"] = True
        out.append({"step": name, "citation": citation})
    return out

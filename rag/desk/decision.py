"""A suggested decision and the procedure's steps for a complaint, each ground a citation of a unit in
``rules``. Units outside the request's subject are never cited for a decision (no neighbour citing)."""
from __future__ import annotations

import re

from rag.desk import classify as C
from rag.hits import Hit

LABEL = "제안입니다. 최종 판단은 담당자가 합니다."

# what a unit must be about to ground a decision on this type
_SCOPE = {
    C.PERSONAL_VIEW: re.compile(r"열람|개인영상정보|영상정보"),
    C.OPEN_INFO: re.compile(r"정보공개|공개\s*(?:여부|청구|결정|대상)|비공개"),
}
# the right to ask first (제2조-style), the duty to show only when no unit grants the right
_ALLOW = (re.compile(r"정보주체는[^.。]{0,200}?열람[^.。]{0,120}?요구할\s*수\s*있|"
                     r"열람을\s*청구할\s*수\s*있|열람\s*등을?\s*요구할\s*수|공개를?\s*청구할\s*수\s*있"),
          re.compile(r"열람하게\s*하여야|열람을\s*허용|공개하여야"))
# the duty to hide others first; a unit that only mentions 마스킹 (a 제한 사유) is the fallback
_MASK = (re.compile(r"알아볼\s*수\s*없도록|모자이크|가리는\s*처리|비식별"), re.compile(r"마스킹"))
_FEE = re.compile(r"수수료|비용")
# a ground to limit or refuse the request itself (not e.g. "접근 권한의 제한 조치" in a security article)
_LIMIT = re.compile(r"(?:열람|공개|요구|청구)[^.。]{0,40}?(?:을|를)?\s*(?:제한|거절|거부|연기)(?:하거나|할\s*수|하여야|한다)|"
                    r"비공개\s*대상|공개하지\s*아니할\s*수|일부만")
# hearing a third party: the unit must say, in one sentence, that a third party is heard or asked for
# consent — a unit that only mentions 제3자 (e.g. 제3자대상정보전송자 in a 수수료 article) is no ground
_PARTY = r"(?:제3자(?!대상|전송|제공|에게\s*제공)|정보주체\s*이외의\s*자|이해관계인|다른\s*사람)"
_HEARD = r"(?:의견을?\s*(?:들어|들을|듣|청취|제출)|의견\s*청취|동의를?\s*(?:받|얻))"
_HEAR = re.compile(_PARTY + r"[^.。]{0,80}?" + _HEARD + "|" + _HEARD + r"[^.。]{0,30}?" + _PARTY)
_THIRD_PARTY = re.compile(r"상대|운전자|다른 사람|타인|행인|얼굴|차량\s*번호|번호판|제3자|가족|이웃")
_PERSONAL = re.compile(r"\[[가-힣·]+\]|개인|성명|이름|주소|연락처|주민등록")

STEP_PATTERNS = (
    ("접수", re.compile(r"청구서|접수")),
    ("검토", re.compile(r"여부를\s*결정|결정하여|검토|요구를\s*받았을\s*때에는[^.。]{0,40}?조치")),
    ("제3자 의견청취", _HEAR),
    ("결정 통지", re.compile(r"알려야|통지")),
    ("공개 실시", re.compile(r"열람하게\s*하|열람할\s*수\s*있도록\s*하여야|사본을?\s*(?:내주|내줄|교부|발급|제공하여야)|"
                         r"공개를?\s*실시|공개하여야")),  # not a record-keeping item that mentions a copy
    ("불복 안내", re.compile(r"이의신청을?\s*(?:할\s*수|하려는|제기)|이의제기|행정심판을?\s*(?:청구|제기)|불복")),
)
# general and 이송 procedure: (step, what a unit's title says, what its text must prescribe) — a unit
# that only mentions the word (제22조 민원심사관's "행정심판총괄과장") is no ground for the step
_RECEIVE = re.compile(r"(?:민원|서류|신청)[^.。]{0,30}?접수(?:하여야|한\s*때|하면|한\s*경우)|접수를?\s*(?:거부|보류)")
GENERAL_STEPS = (
    ("접수", re.compile(r"접수"), _RECEIVE),
    ("검토", re.compile(r"처리기간|처리의?\s*원칙"), re.compile(r"처리기간[^.。]{0,60}?(?:\d+\s*일|이내)")),
    ("처리 결과 통지", re.compile(r"결과의?\s*통지|회신"),
     re.compile(r"처리\s*결과를?[^.。]{0,40}?(?:알려야|통지하여야|통지한다)")),
    ("이의신청 안내", re.compile(r"이의신청|불복"),
     re.compile(r"이의신청을?\s*(?:할\s*수|하려는|제기)|행정심판을?\s*(?:청구|제기)|불복")),
)
TRANSFER_STEPS = (
    ("접수", re.compile(r"접수"), _RECEIVE),
    ("소관 기관 이송", re.compile(r"이송"), re.compile(r"이송하여야|이송할\s*수|이송하고")),
    ("이송 사실 통지", re.compile(r"이송"), re.compile(r"이송[^.。]{0,60}?(?:알려야|통지하여야)")),
)


def _quote(text: str, m: re.Match, width: int = 90) -> str:
    prev = text.rfind("다.", 0, m.start())
    start = max(prev + 2 if prev >= 0 else 0, m.start() - width)
    para = max(text.rfind(c, start, m.start() + 1) for c in "①②③④⑤⑥⑦⑧⑨⑩")
    start = para if para >= 0 else start  # a cut sentence starts at its paragraph mark, not mid-word
    end = text.find("다.", m.end())
    end = min(end + 2 if end >= 0 else len(text), m.end() + width)
    head = "…" if start > 0 and para < 0 and text[start - 2:start] != "다." else ""
    tail = "…" if end < len(text) and text[end - 2:end] != "다." else ""
    return head + re.sub(r"\s+", " ", text[start:end]).strip() + tail  # a cut quote says so


def cite(hit: Hit, m: re.Match) -> dict:
    """A decision's or step's citation of a retrieved unit (public JSON shape), quoting around ``m``."""
    return {"id": hit.id, "title": hit.document.title, "unit": hit.unit, "unit_title": hit.unit_title,
            "status": hit.document.status, "quote": _quote(hit.text or "", m)}


def _first(rules: list[Hit], pattern: re.Pattern, scope: re.Pattern | None) -> dict | None:
    for h in rules:
        text = h.text or ""
        if scope is not None and not scope.search(text):
            continue
        if h.unit_title in ("목적", "정의"):  # a definition prescribes no step or ground
            continue
        m = pattern.search(text)
        if m:
            return cite(h, m)
    return None


_GENERAL = re.compile(r"민원")


def _titled(rules: list[Hit], title: re.Pattern, body: re.Pattern) -> dict | None:
    """The first 민원 unit whose title names the step (e.g. 제6조 일반민원의 접수), else whose text prescribes it."""
    local = [h for h in rules if h.document.kind == "자치법규"]
    # an ordinance only as a last resort, and only a 민원 ordinance (not e.g. another city's 고충처리위원회 조례)
    for tier in ([h for h in rules if h not in local],
                 [h for h in local if _GENERAL.search(h.document.title or "")]):
        for h in tier:
            text = h.text or ""
            if title.search(h.unit_title or "") and _GENERAL.search(text):
                m = body.search(text) or re.search(r"\S", text)
                if m:
                    return cite(h, m)
        if found := _first(tier, body, _GENERAL):
            return found
    return None


def _all(rules: list[Hit], pattern: re.Pattern, scope: re.Pattern) -> list[dict]:
    out = []
    for h in rules:
        text = h.text or ""
        m = pattern.search(text) if scope.search(text) else None
        if m:
            out.append(cite(h, m))
    return out


def national_first(rules: list[Hit]) -> list[Hit]:
    """Laws and national rules before 자치법규: another 지방자치단체's ordinance (파주시's fee article for a
    다산시 request) is a neighbour, not the ground; an ordinance still grounds what no national rule covers."""
    return sorted(rules, key=lambda h: h.document.kind == "자치법규")


# The law that decides a request of this kind; without it indexed, no suggestion is made.
_GOVERNING = {C.OPEN_INFO: "공공기관의 정보공개에 관한 법률"}


def decide(kind: str, masked: str, rules: list[Hit], missing: list[dict]) -> dict | None:
    """공개/부분공개/비공개 or 열람 허용/제한 with conditions and cited grounds; None for other types."""
    scope = _SCOPE.get(kind)
    if scope is None:
        return None
    rules = national_first(rules)
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


def steps_for(kind: str, rules: list[Hit], missing: list[dict] = ()) -> list[dict]:
    """The procedure's steps, each with a citation when a retrieved unit prescribes it. Without the
    governing law indexed, another body's own procedure (e.g. a 위원회's 정보공개 운영규정) is not cited
    for it; only the general 민원 procedure may ground a step then."""
    scope = _SCOPE.get(kind)
    rules = national_first(rules)
    governing = _GOVERNING.get(kind)
    if governing and any(m.get("law") == governing for m in missing):
        scope = re.compile(r"(?!)")  # matches nothing: no request-specific citation
    table = STEP_PATTERNS if scope else TRANSFER_STEPS if kind == C.TRANSFER else GENERAL_STEPS
    out = []
    if not scope:
        return [{"step": name, "citation": _titled(rules, title, body)} for name, title, body in table]
    for name, pattern in table:
        if name == "공개 실시" and kind == C.PERSONAL_VIEW:
            name = "열람 실시"
        citation = _first(rules, pattern, scope)
        if citation is None and name != "제3자 의견청취":  # general 민원 procedure still governs these
            general_step = next((g for g in GENERAL_STEPS if g[0] == name), None)
            citation = _titled(rules, general_step[1], general_step[2]) if general_step else \
                _first(rules, pattern, _GENERAL)
            if citation is not None:
                citation["general"] = True
        out.append({"step": name, "citation": citation})
    return out

"""A draft reply in the form offices use, from the analysis (template-based; masked text only)."""
from __future__ import annotations

from rag.desk.decision import LABEL


def _ref(c: dict | None) -> str:
    if not c:
        return ""
    return f"「{c['title']}」 {c['unit']}" + (f"({c['unit_title']})" if c.get("unit_title") else "")


def _gist(masked: str, limit: int = 200) -> str:
    one = " ".join(masked.split())
    return one if len(one) <= limit else one[:limit].rstrip() + "…"


def draft_reply(a: dict) -> str:
    d, dl = a.get("decision"), a.get("deadline") or {}
    lines = ["[답변 초안 — " + LABEL + "]", "",
             "1. 안녕하십니까? 다산시 행정에 관심을 가져 주셔서 감사합니다.",
             f"2. 귀하께서 {a['received']}에 신청하신 민원({a['type']['value']})의 요지는 다음과 같습니다.",
             f"   \"{_gist(a['masked_text'])}\"", "",
             "3. 검토 결과"]
    cited = []
    if d:
        for g in d["grounds"]:
            cited.append(f"   - {_ref(g)}: \"{g['quote']}\"")
    else:
        for s in a.get("steps") or []:
            if s.get("citation") and _ref(s["citation"]) not in "".join(cited):
                cited.append(f"   - {_ref(s['citation'])}: \"{s['citation']['quote']}\"")
    lines += cited or ["   - (관련 조문을 확인하여 적어 주십시오.)"]
    for m in a.get("missing") or []:
        lines.append(f"   - ※ {m['reference']}은(는) 색인에 없어 인용하지 못했습니다({m['hint']})."
                     if m.get("reason", "not_indexed") == "not_indexed" else f"   - ※ {m['message']}")
    lines += ["", "4. 처리 내용"]
    if d and not d.get("suggestion"):
        lines.append(f"   - {d.get('note') or '[처리 내용을 적어 주십시오]'}")
    elif d:
        verb = "열람" if "열람" in d["suggestion"] else "공개"
        lines.append(f"   - 위 규정에 따라 {verb} 여부를 검토한 결과 '{d['suggestion']}'(으)로 처리하고자 합니다.")
        for c in d["conditions"]:
            lines.append(f"   - {c['condition']}" + (f" ({_ref(c['citation'])})" if c.get("citation") else ""))
    elif a["type"].get("agency"):
        lines.append(f"   - 이 민원은 {a['type']['agency']} 소관이어서 해당 기관으로 이송하였습니다.")
    else:
        lines.append("   - [처리 내용을 적어 주십시오]")
    if dl:
        basis = (dl.get("basis") or "").split("; 계산:")[0]  # the period's basis; how it was counted is for the officer
        lines.append(f"   - 처리기한: {dl['due']}" + (f" ({basis})" if basis else ""))
    lines += ["", "5. 이의신청 방법과 기한",
              "   - 이 처분에 이의가 있으시면 처분을 통지받은 날부터 [기간] 이내에 [이의신청 기관]에 문서로 이의신청을 "
              "하실 수 있으며, 행정심판 또는 행정소송을 제기하실 수도 있습니다."]
    appeal = next((s["citation"] for s in a.get("steps") or [] if s.get("citation")
                   and s["step"] in ("불복 안내", "이의신청 안내")), None)
    if appeal:
        lines.append(f"   - 근거: {_ref(appeal)}")
    lines += ["", f"6. 담당 부서: {a.get('department') or '[담당 부서]'} / 담당자: [담당자] / 연락처: [전화번호]",
              "   추가 문의 사항은 위 담당자에게 연락 주시면 친절히 안내해 드리겠습니다. 감사합니다."]
    return "\n".join(lines)

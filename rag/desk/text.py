"""The desk's analysis as plain Korean text sections (``dasan complaint`` without --json)."""
from __future__ import annotations


def _ref(c: dict | None) -> str:
    return f"「{c['title']}」 {c['unit']}" if c else "(근거 조문 없음)"


def render(a: dict) -> str:
    """The analysis as ``analyze`` returns it (``rules`` typed hits) in plain Korean text."""
    t = a["type"]
    lines = [f"[민원 유형] {t['value']}" + (f" → {t['agency']}" if t.get("agency") else "")
             + (f"  (근거 낱말: {', '.join(t['matched'])})" if t["matched"] else "")
             + (f"  [언어모델 {t.get('model')}이 다듬음" + (f"; 규칙: {t['rule_value']}" if t.get("rule_value") else "")
                + "]" if t.get("source") == "llm" else ""),
             "", "[가린 민원 내용]", a["masked_text"], ""]
    dl = a["deadline"]
    lines += ["[처리기한]", f"{dl['due']}  (접수 {dl['received']}, 처리기간 {dl['period']})", f"근거: {dl['basis']}", ""]
    lines.append("[관련 조문]")
    for h in a["rules"]:
        lines.append(f"  {h.rank}. 「{h.document.title}」 {h.unit or ''} {h.unit_title or ''} [{h.document.status}]")
    if a["similar_cases"]:
        lines += ["", "[비슷한 과거 민원]"]
        lines += [f"  - {c['title']} ({c.get('date') or '날짜 없음'})" for c in a["similar_cases"]]
    d = a.get("decision")
    if d:
        lines += ["", f"[제안 결정] {d['suggestion'] or '제안 없음'}  — {d['label']}"]
        lines += [f"  조건: {c['condition']} — {_ref(c.get('citation'))}" for c in d["conditions"]]
        lines += [f"  근거: {_ref(g)} — {g['role']}" for g in d["grounds"]]
        if d.get("note"):
            lines.append(f"  주의: {d['note']}")
    lines += ["", "[처리 절차]"]
    lines += [f"  {i}. {s['step']} — {_ref(s.get('citation'))}"
              + (" (일반 민원 절차)" if (s.get("citation") or {}).get("general") else "")
              for i, s in enumerate(a["steps"], start=1)]
    if a["missing"]:
        lines += ["", "[색인에 없는 법령]"]
        lines += [f"  - {m['reference']}: {m.get('message') or m['hint']}" for m in a["missing"]]
    check = a.get("draft_reply_check") or {}
    if check.get("source") == "llm":
        lines += ["", f"[답변 초안] 언어모델 {check.get('model')}이 씀; 인용 검증: "
                  + ("문제 없음" if check.get("ok") else f"문제 {len(check.get('issues') or [])}곳(⚠ 표시)")]
    else:
        lines += ["", "[답변 초안]"]
    lines.append(a["draft_reply"])
    if a.get("warnings"):
        lines += ["", "[주의]"] + [f"  - {w}" for w in a["warnings"]]
    return "\n".join(lines)

"""Ingest progress in Korean: one line per file (``dasan ingest`` and ``dasan serve --ingest``) and the
line ``dasan serve`` prints when its background ingest ends."""
from __future__ import annotations

from ingest.parsers import parser_label

MARKS = {"ok": "+", "unchanged": "=", "skipped": "-", "error": "!"}
STATUS_LABELS = {"ok": "색인함", "unchanged": "변경 없음", "skipped": "건너뜀", "error": "오류"}


def file_line(fr) -> str:
    """`` + 색인함 [법령 마크다운] /경로/본문.md: 단위 12개`` for one FileReport."""
    detail = f"단위 {fr.units}개" if fr.status in ("ok", "unchanged") else (fr.reason or "")
    return (f" {MARKS.get(fr.status, '?')} {STATUS_LABELS.get(fr.status, fr.status)} "
            f"[{parser_label(fr.parser)}] {fr.path}: {detail}")


def state_line(state: dict | None) -> str:
    """The background ingest's end state (``app.state.ingest``) as one Korean line."""
    state = state or {}
    status = state.get("status")
    if status == "done":
        parts = [f"단위 {state['units']}개" if "units" in state else "",
                 f"오류 {state['errors']}건" if state.get("errors") else "",
                 f"건너뜀 {state['skipped']}건" if state.get("skipped") else ""]
        if "sync" in state:
            parts.append("동기화 끝남")
        return "색인을 마쳤습니다: " + (", ".join(p for p in parts if p) or "바뀐 것 없음")
    if status == "busy":
        return f"색인하지 못했습니다: {state.get('reason') or '다른 색인 작업이 실행 중입니다.'}"
    if status == "failed":
        return f"색인이 실패했습니다: {state.get('reason') or '원인을 알 수 없습니다.'}"
    return f"색인 상태: {status or '알 수 없음'}"

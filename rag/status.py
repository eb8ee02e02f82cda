"""A version's status on the 기준일 and on today, and the sentence that says so when they differ.

The status comes from the version's dates (eff_from / eff_to in the index payload), never from the
source's own label: legalize-kr front matter says "상태: 시행" for versions that take effect next year.
"""
from __future__ import annotations

from datetime import date

from rag.model import STATUS_CURRENT, STATUS_HISTORIC, STATUS_PENDING, STATUS_REPEALED

_TODAY_WORDS = {STATUS_CURRENT: "현행", STATUS_PENDING: "시행 전(시행예정)", STATUS_HISTORIC: "개정됨",
                STATUS_REPEALED: "폐지됨"}


def status_on(payload: dict, day: date) -> str:
    """현행 / 시행예정 / 연혁 / 폐지 of an indexed unit's version on ``day``."""
    d = day.year * 10000 + day.month * 100 + day.day
    if payload.get("eff_from", 0) > d:
        return STATUS_PENDING
    if payload.get("eff_to", 99991231) <= d:
        return STATUS_REPEALED if payload.get("repealed") else STATUS_HISTORIC
    return STATUS_CURRENT


def note(status_as_of: str, status_today: str, as_of: date, today: date) -> str:
    """"" when both dates agree; else e.g. "기준일(2027-01-01) 기준 현행 · 오늘은 시행 전(시행예정)"."""
    if status_as_of == status_today or as_of == today:
        return ""
    when = "오늘은" if as_of > today else "현재는"
    return f"기준일({as_of.isoformat()}) 기준 {status_as_of} · {when} {_TODAY_WORDS.get(status_today, status_today)}"


def both(payload: dict, as_of: date, today: date | None) -> dict:
    """The document fields: ``status`` (기준일), ``status_today`` and ``status_note``."""
    on_as_of = status_on(payload, as_of)
    if today is None:
        return {"status": on_as_of, "status_today": None, "status_note": ""}
    on_today = status_on(payload, today)
    return {"status": on_as_of, "status_today": on_today, "status_note": note(on_as_of, on_today, as_of, today)}

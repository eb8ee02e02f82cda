"""The office-editable table of request kinds → processing period, extension and basis.

Shipped as rag/data/deadline_rules.tsv; DASAN_DEADLINE_RULES points at an office's own copy. Each row
names its basis so a deadline can say where its period came from, not only how it was counted.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from rag.desk.deadline import (DeadlineError, Period, compute, parse_pause, parse_period, parse_received,
                               received_label)
from rag.desk.holidays import GovCalendar

DEFAULT_RULES = Path(__file__).resolve().parent.parent / "data" / "deadline_rules.tsv"
HEADER = ("종류", "처리기간", "연장", "근거", "비고")


@dataclass(frozen=True)
class DeadlineRule:
    kind: str
    period: Period
    extension: Period | None
    basis: str
    note: str


def rules_file() -> Path:
    env = os.environ.get("DASAN_DEADLINE_RULES", "").strip()
    return Path(env) if env else DEFAULT_RULES


def load_rules(path: Path | None = None) -> dict[str, DeadlineRule]:
    """Parse the table; errors name the file, line and column."""
    path = path or rules_file()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise DeadlineError(f"처리기간 표가 없습니다: {path}. DASAN_DEADLINE_RULES에 있는 파일 경로를 주세요.") from None
    except (OSError, UnicodeDecodeError) as e:
        raise DeadlineError(f"처리기간 표 {path}을(를) 읽을 수 없습니다({type(e).__name__}). UTF-8 TSV로 저장하세요.") from None
    rules: dict[str, DeadlineRule] = {}
    for n, raw in enumerate(lines, start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in raw.split("\t")]
        if tuple(cols[:4]) == HEADER[:4]:
            continue
        where = f"처리기간 표 {path} {n}번째 줄"
        if len(cols) < 4 or not cols[0] or not cols[3]:
            raise DeadlineError(f"{where}: 종류·처리기간·연장·근거 네 칸(탭으로 구분)이 필요합니다. 근거는 비울 수 없습니다.")
        try:
            period = parse_period(cols[1], "처리기간")
            ext = None if cols[2] in ("", "-") else parse_period(cols[2], "연장")
        except DeadlineError as e:
            raise DeadlineError(f"{where}: {e}") from None
        if cols[0] in rules:
            raise DeadlineError(f"{where}: 종류 '{cols[0]}'가 이미 위에 있습니다. 한 종류는 한 줄로 쓰세요.")
        rules[cols[0]] = DeadlineRule(cols[0], period, ext, cols[3], cols[4] if len(cols) > 4 else "")
    if not rules:
        raise DeadlineError(f"처리기간 표 {path}에 규칙이 없습니다. '종류<탭>처리기간<탭>연장<탭>근거' 줄을 추가하세요.")
    return rules


def deadline_for(kind: str, received: datetime, *, extend: bool = False,
                 pauses: list[tuple[date, date]] | None = None, cal: GovCalendar | None = None,
                 rules: dict[str, DeadlineRule] | None = None, received_text: str | None = None) -> dict:
    """The deadline object for a kind of request, its period and basis taken from the table."""
    rules = rules if rules is not None else load_rules()
    rule = rules.get(kind)
    if rule is None:
        raise DeadlineError(f"민원 종류 '{kind}'가 처리기간 표에 없습니다. 다음 중 하나를 주세요: {', '.join(rules)}.")
    if extend and rule.extension is None:
        raise DeadlineError(f"'{kind}'는 처리기간 표에 연장 기간이 없습니다. 표의 '연장' 칸을 채우거나 연장 없이 계산하세요.")
    out = compute(received, rule.period, rule.extension if extend else None, pauses, cal, received_text)
    out["kind"] = kind
    out["basis"] = f"처리기간 {rule.period.text}" + (f"(연장 {rule.extension.text})" if rule.extension else "") + \
        f": {rule.basis}; 계산: {out['basis']}"
    if rule.note:
        out["note"] = rule.note
    return out


def deadline_for_strings(kind: str, received: str | None, extend: str | None = None,
                         pauses: list[str] | None = None, *, today: date, cal: GovCalendar | None = None) -> dict:
    """The CLI's and the API's entry by kind: ``extend`` is '표' (the table's extension) or nothing."""
    if extend not in (None, "", "표"):
        raise DeadlineError(f"민원 종류와 함께 쓰는 연장 '{extend}'는 받을 수 없습니다. '표'(처리기간 표의 연장 기간)로 주세요.")
    rec, has_time = parse_received(received, today)
    spans = [parse_pause(s, rec.date()) for s in pauses or []]
    return deadline_for(kind, rec, extend=extend == "표", pauses=spans, cal=cal,
                        received_text=received_label(rec, has_time))

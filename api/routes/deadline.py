"""GET /v1/deadline: the `dasan deadline` object over HTTP (same contract, same errors)."""
from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel, Field

from api.auth import Principal, require_user
from api.observability import no_retention
from rag.desk.deadline import DeadlineError, deadline_from_strings
from rag.desk.holidays import CalendarError, load_calendar
from rag.desk.rules import deadline_for_strings

router = APIRouter()


class SkippedDay(BaseModel):
    date: str = Field(description="세지 않은 날 YYYY-MM-DD")
    reason: str = Field(description="토요일, 일요일, 공휴일 이름, 보완 기간 등")


class Citation(BaseModel):
    title: str = Field(description="법령·규정 이름")
    article: str = Field(description="조·항 (예: 제6조제3항)")
    indexed: bool = Field(description="공유 말뭉치(색인)에 있는 규정인지")


class DeadlineResponse(BaseModel):
    received: str = Field(description="접수 일시 (입력 그대로의 정밀도)")
    period: str = Field(description="처리기간 (예: 7일, 3일, 2주, 1개월, 즉시)")
    due: str = Field(description="처리기한: 일 단위는 YYYY-MM-DD, 시간 단위(5일 이하·즉시)는 YYYY-MM-DDTHH:MM")
    basis: str = Field(description="기간과 계산 방법의 근거 (법령·규정 조문)")
    counted: str = Field(description="어떻게 셌는지")
    skipped: list[SkippedDay] = Field(description="세지 않은 날과 그 이유")
    method: str = Field(description="hours(근무시간), days(근무일), civil(민법 주·월·연)")
    extend: str | None = Field(None, description="연장 기간")
    original_due: str | None = Field(None, description="연장 전 처리기한")
    pauses: list[dict] = Field(default_factory=list, description="보완 등으로 시계가 멈춘 기간 (양끝 포함)")
    citations: list[Citation] = Field(default_factory=list, description="근거 조문 목록")
    calendar: str = Field(description="쓴 공휴일 달력")
    kind: str | None = Field(None, description="민원 종류 (kind로 물었을 때)")
    note: str | None = Field(None, description="처리기간 표의 비고")


@router.get("/v1/deadline", response_model=DeadlineResponse, response_model_exclude_none=True,
            summary="민원 처리기한 계산",
            description="접수 일시와 처리기간(또는 민원 종류)으로 처리기한을 계산합니다. 5일 이하는 근무시간 단위, "
                        "6일 이상은 근무일 단위(첫날 산입), 주·월·연은 민법에 따라 셉니다. 토요일·공휴일은 세지 않습니다.")
def deadline(request: Request,
             received: str = Query(..., description="접수 일시 YYYY-MM-DD 또는 YYYY-MM-DDTHH:MM"),
             period: str | None = Query(None, description="처리기간: 3일, 7일, 2주, 1개월, 1년, 즉시"),
             kind: str | None = Query(None, description="민원 종류 (처리기간 표에서 기간과 근거를 찾음)"),
             extend: str | None = Query(None, description="연장 기간 (예: 10일); kind와 함께면 '표'"),
             pause: list[str] | None = Query(None, description="보완 기간 2026-03-02..2026-03-05 (여러 번 가능)"),
             principal: Principal = Depends(require_user)) -> dict:
    if bool(kind) == bool(period):
        raise HTTPException(422, "period(예: 7일, 3일, 2주, 1개월)와 kind(민원 종류) 중 하나만 주세요.")
    today = request.app.state.runtime.settings.today()
    try:
        cal = load_calendar(home=request.app.state.runtime.settings.home)
        if kind:
            return deadline_for_strings(kind, received, extend, pause, today=today, cal=cal)
        return deadline_from_strings(received, period, extend, pause, today=today, cal=cal)
    except (DeadlineError, CalendarError) as e:
        message = str(e)
        if no_retention():  # nothing the user typed goes back out, not even a date string
            for value in [received, period, kind, extend, *(pause or [])]:
                if value:
                    message = message.replace(f" '{value}'", "")
        raise HTTPException(422, message) from None

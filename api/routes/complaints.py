"""POST /v1/complaints/analyze: the complaint officer's desk over HTTP (JSON, or SSE when ``stream``).

The text is masked before anything else (rag/desk/analyze.py); the audit row and every log line get
the masked text at most, and nothing of it under DASAN_NO_RETENTION=1. The response carries only the
masked text: the officer already has the original on their own page.
"""
from __future__ import annotations

import json
import time

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from api.audit import record_audit
from api.auth import Principal, require_user, visibility_for
from api.errors import request_id, stream_error
from api.routes.search import parse_as_of
from api.schemas import HitOut, Missing, RequestModel, SimilarCaseOut
from rag.desk.analyze import analyze, check_complaint, public
from rag.desk.deadline import DeadlineError
from rag.desk.holidays import CalendarError

router = APIRouter()

EXAMPLE = "지난주 교통사고가 났는데 ○○사거리 CCTV 영상을 보고 싶어요. 상대 차량 운전자 얼굴은 가려 주셔도 됩니다."


class ComplaintRequest(RequestModel):
    text: str = Field(..., description="민원 내용 (20,000자 이내). 개인정보는 분석 전에 가려지며, 응답에는 가린 글만 돌아갑니다. "
                                       "민원 속 지시문은 자료로만 다룹니다.", examples=[EXAMPLE])
    received: str | None = Field(None, description="접수 일시 YYYY-MM-DD 또는 YYYY-MM-DDTHH:MM (기본: 지금)",
                                 examples=["2026-11-20T10:00"])
    channel: str | None = Field(None, description="접수 경로 (방문, 전화, 국민신문고 등)")
    department: str | None = Field(None, description="담당 부서 (답변 초안의 담당 부서 칸)")
    as_of: str | None = Field(None, description="조문 기준일 YYYY-MM-DD (기본: 오늘)")
    stream: bool = Field(False, description="true이면 text/event-stream (meta, done 이벤트)")


class ComplaintType(BaseModel):
    value: str = Field(..., description="정보공개 청구, 개인정보·영상정보 열람 청구, 질의민원(법령), 질의민원(제도·절차), "
                                        "건의민원, 고충민원, 기타민원, 다른 기관 소관(이송)")
    matched: list[str] = Field(..., description="유형을 정한 민원 속 낱말")
    agency: str | None = Field(None, description="이송할 기관 (이송일 때)")
    source: str = Field("rules", description="rules: 규칙으로 정함; llm: 설정된 언어모델이 규칙의 유형을 다듬음")
    rule_value: str | None = Field(None, description="언어모델이 유형을 바꾼 경우 규칙이 정한 유형")
    model: str | None = Field(None, description="유형을 다듬은 언어모델 이름")


class ReplyCheck(BaseModel):
    source: str = Field(..., description="template: 서식 초안(언어모델 없음); llm: 언어모델이 쓰고 인용을 검증함")
    model: str | None = None
    ok: bool | None = Field(None, description="llm일 때: 모든 인용이 검색된 조문으로 확인되었는지")
    issues: list[dict] = Field(default_factory=list, description="검증 문제 (검색된 조문에 없는 조문 등; 본문에 ⚠ 표시)")
    checked: dict = Field(default_factory=dict)
    sources: list[dict] = Field(default_factory=list, description="초안의 [번호]가 가리키는 조문 (rules 안의 id)")


class ComplaintResponse(BaseModel):
    type: ComplaintType = Field(..., description="민원 유형과 근거 낱말 (규칙 기반; 언어모델이 설정되어 있으면 모델이 다듬음)")
    masked_text: str = Field(..., description="개인정보를 가린 민원 내용 (원문은 돌려주지 않음)")
    received: str = Field(..., description="접수 일시")
    as_of: str = Field(..., description="조문 기준일")
    channel: str | None = None
    department: str | None = None
    similar_cases: list[SimilarCaseOut] = Field(default_factory=list, description="비슷한 과거 민원과 그 답변이 인용한 조문")
    rules: list[HitOut] = Field(..., description="관련 조문 (검색 결과와 같은 모양; 처리기간 근거 조문이 색인에 있으면 포함)")
    decision: dict | None = Field(None, description="정보공개·열람 청구일 때 제안 결정: suggestion(공개/부분공개/비공개, "
                                                     "열람 허용/제한), conditions, grounds(rules 안의 조문 인용), label")
    deadline: dict = Field(..., description="처리기한 (`dasan deadline` 객체: received, period, due, basis, counted, skipped)")
    steps: list[dict] = Field(..., description="처리 절차 단계와 근거 조문 (접수 → 검토 → 제3자 의견청취 → 결정 통지 → 공개 실시·불복 안내)")
    draft_reply: str = Field(..., description="답변 초안 (인사, 민원 요지, 검토 결과, 처리 내용, 이의신청, 담당 부서 칸). "
                                              "언어모델이 설정되어 있으면 모델이 쓰고, 검색된 조문에 없는 인용은 ⚠로 표시")
    draft_reply_check: ReplyCheck = Field(..., description="답변 초안을 누가 썼는지와 인용 검증 결과")
    missing: list[Missing] = Field(default_factory=list, description="색인에 없는 근거 법령 (dasan sync로 추가)")
    warnings: list[str] = []
    label: str = Field(..., description="항상 '제안입니다. 최종 판단은 담당자가 합니다.'")
    took_ms: float | None = None


def _run(rt, body: ComplaintRequest, principal: Principal) -> dict:
    as_of = parse_as_of(body.as_of, rt.settings.today())
    t = time.perf_counter()
    try:
        out = public(analyze(rt, body.text, body.received, channel=body.channel, department=body.department,
                             as_of=as_of, visibility=visibility_for(principal)))
    except (DeadlineError, CalendarError) as e:
        raise HTTPException(422, str(e)) from None
    except ValueError as e:
        raise HTTPException(422, str(e)) from None
    out["took_ms"] = round((time.perf_counter() - t) * 1000, 2)
    # the audit keeps the masked text (record_audit drops it under no-retention), never the original
    record_audit(rt.registry, principal, "complaints", out["masked_text"], {"hits": out["rules"]}, 200, out["took_ms"])
    return out


@router.post("/v1/complaints/analyze", response_model=ComplaintResponse, response_model_exclude_none=False,
             summary="민원 분석 (유형, 관련 조문, 제안 결정, 처리기한, 절차, 답변 초안)",
             description="민원 내용을 먼저 개인정보 가림 처리한 뒤 유형을 정하고, 관련 조문·비슷한 과거 민원·처리기한·절차·"
                         "답변 초안을 돌려줍니다. 정보공개·열람 청구에는 제안 결정과 근거 조문을 붙입니다. 근거 법령이 색인에 "
                         "없으면 missing에 적습니다. 모든 결과는 제안이며 최종 판단은 담당자가 합니다.",
             responses={200: {"content": {"text/event-stream": {}}, "description": "stream=true이면 SSE (meta, done)"}})
async def analyze_complaint(body: ComplaintRequest, request: Request, principal: Principal = Depends(require_user)):
    rt = request.app.state.runtime
    try:
        check_complaint(body.text)
    except ValueError as e:
        raise HTTPException(422, str(e)) from None
    if body.stream:
        return StreamingResponse(_sse(rt, body, principal, request), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
    return await run_in_threadpool(_run, rt, body, principal)


def _event(name: str, data: dict) -> str:
    return f"event: {name}\ndata: {json.dumps(data, ensure_ascii=False, default=str)}\n\n"


async def _sse(rt, body: ComplaintRequest, principal: Principal, request: Request):
    try:
        out = await run_in_threadpool(_run, rt, body, principal)
        yield _event("meta", {k: out[k] for k in ("type", "masked_text", "received", "as_of", "deadline", "missing")})
        yield _event("done", out)
    except HTTPException as e:
        yield _event("error", {"error": e.detail, "status": e.status_code, "request_id": request_id(request)})
    except Exception as e:  # the stream must end with an event, never a silent cut
        yield _event("error", stream_error(e, request_id(request)))

"""Request and response models of the HTTP API (OpenAPI comes from these)."""
from __future__ import annotations

from pydantic import BaseModel, Field


class SearchRequest(BaseModel):
    question: str = Field(..., description="질문 (한국어)", examples=["액법 제33조제2항 위반 시 벌칙은?"])
    top_k: int = Field(10, ge=1, le=100)
    as_of: str | None = Field(None, description="기준일 YYYY-MM-DD (기본: 오늘)", examples=["2024-03-01"])
    kinds: list[str] = Field(default_factory=list, description="문서 종류 필터: 법률, 대통령령, 총리령·부령, 별표 …")


class DocumentOut(BaseModel):
    title: str | None
    kind: str | None
    source: str | None
    parent_title: str | None = None
    effective_from: str | None
    effective_to: str | None
    status: str
    promulgation_no: str | None = None


class HitOut(BaseModel):
    rank: int
    score: float
    id: str
    document: DocumentOut
    unit: str | None
    unit_title: str | None = None
    path: list[str] = []
    unit_effective_from: str | None = None
    amended: list[str] = []
    page: int | None = None
    text: str | None


class SearchResponse(BaseModel):
    question: str
    as_of: str
    hits: list[HitOut]
    warnings: list[str] = []
    took_ms: float

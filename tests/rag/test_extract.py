"""Extractive answers (issue 13, item 5): the clauses that answer, one direct lead sentence, sources above
a relevance floor only (never padded to three), a short label instead of a preamble."""
from __future__ import annotations

from datetime import date

from rag.answer import EXTRACT_LABEL, Answerer, AskOptions
from rag.extract import compose, polite
from rag.hits import Hit, HitDocument
from tests.conftest import HALL


def _hit(title: str, unit: str, text: str, score: float, unit_title: str = "") -> Hit:
    return Hit(id=f"{title} {unit}", document=HitDocument(title=title, status="현행"), unit=unit,
               unit_title=unit_title, text=text, score=score)


REFUND = _hit(HALL, "제6조", "제6조(사용료의 반환) 이미 낸 사용료는 돌려주지 아니한다. 다만, 다음 각 호의 어느 하나에 해당하는 "
                            "경우에는 그 전부 또는 일부를 돌려준다.\n1. 시의 사정으로 사용할 수 없게 된 경우: 전액\n"
                            "2. 사용하려는 날의 하루 전까지 사용을 취소한 경우: 100분의 80", 0.2, "사용료의 반환")
PURPOSE = _hit("다산시 영상정보처리기기 영상 열람 예시 조례", "제1조", "제1조(목적) 이 조례는 영상의 열람 절차를 정함을 목적으로 한다.",
               0.15, "목적")
DEADLINE = _hit("다산시 민원 처리 예시 조례", "제7조", "제7조(보완의 요구) ① 시장은 접수한 민원서류에 빠진 것이 있거나 고칠 것이 "
                "있으면 7일 이내의 기간을 정하여 민원인에게 보완을 요구하여야 한다.\n② 보완에 걸린 기간은 처리기간에 산입하지 "
                "아니한다.\n③ 민원인이 제1항의 기간 안에 보완하지 아니하면 시장은 다시 7일 이내의 기간을 정하여 보완을 요구할 수 "
                "있으며, 그 기간에도 보완하지 아니하면 접수된 민원서류를 되돌려 보낼 수 있다.", 0.3, "보완의 요구")


def test_lead_is_the_item_that_answers_with_its_condition():
    direct, chosen = compose("대관을 취소하면 사용료를 돌려받을 수 있나요?", [REFUND, PURPOSE])
    assert direct.startswith(f"「{HALL}」 제6조제2호: ")
    assert "하루 전까지 사용을 취소한 경우: 100분의 80" in direct and direct.endswith("[1]")
    assert [n for n, _ in chosen] == [0]  # the unrelated purpose article is not cited as padding
    quote = chosen[0][1]
    assert "100분의 80" in quote and "시의 사정으로" not in quote  # the clause that answers, not the article


def test_lead_carries_the_deadline_and_quotes_are_verbatim_sentences():
    direct, chosen = compose("민원서류에 빠진 게 있으면 며칠 안에 보완하라고 해야 하나요?", [DEADLINE])
    assert "제7조제1항에 따르면" in direct and "7일 이내" in direct and direct.rstrip(" [1]").endswith("합니다.")
    for part in chosen[0][1].split(" … "):
        assert part.rstrip("…") in DEADLINE.text


def test_first_source_is_always_the_first_hit():
    _, chosen = compose("영상 열람 절차", [PURPOSE, DEADLINE])
    assert chosen[0][0] == 0


def test_polite_ending():
    assert polite("보완을 요구하여야 한다.") == "보완을 요구하여야 합니다."
    assert polite("산입하지 아니한다.") == "산입하지 아니합니다."
    assert polite("수 있다.") == "수 있습니다."


def test_sample_extractive_answer_is_short_and_labelled(sample_rt):
    ans = Answerer(sample_rt.retriever, sample_rt.registry, sample_rt.index, None, today=lambda: date(2026, 11, 23),
                   abstain_below=0.0)
    out = ans.ask("주민공유공간 대관 사용료는 1시간에 얼마인가요?", AskOptions(as_of=date(2026, 11, 23)))
    assert out["mode"] == "extractive"
    first_line = out["answer"].splitlines()[0]
    assert first_line.startswith(EXTRACT_LABEL + " ") and "5천원" in first_line and "언어모델" not in first_line
    assert 1 <= len(out["citations"]) <= 3
    assert out["citations"][0]["unit"] == "제4조" and "5천원" in out["citations"][0]["quote"]
    whole = sum(len(c["text"] or "") for c in out["citations"])
    assert len(out["answer"]) < whole + 200

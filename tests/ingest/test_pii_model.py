"""The learned tagger beside the masking rules (``ingest.pii_crf``): it loads, it finds what the rules miss,
it leaves officials in role and place words alone, training is deterministic, and masking works without it.

Sentences written here by hand for each case, not copied from any evaluation set."""
from __future__ import annotations

import logging

import pytest

from eval.pii_eval import Example
from eval.pii_train import encode, train
from ingest import pii_crf
from ingest.pii import mask, mask_with
from ingest.pii_crf import MODEL_PATH, Tagger, get_tagger

# (text, value the rules alone leave visible and the combined masker hides; since round 3 the rules also
# find the names and dates under 성명/생년월일 columns and a child listed with a date, see tests/ingest/test_pii_round9.py)
RULES_MISS = [
    ("광주 서구 상무대로 31, 한솔빌 205 에 살아요", "한솔빌 205"),  # (after 주소는 the field rule takes it since round 4)
    ("배달기사 Kevin Brown 이 물건을 두고 갔어요", "Kevin Brown"),
]

KEEP = [  # (text, value that must stay)
    ("담당 주무관 박영희에게 전화했더니 친절하게 안내해 주셨습니다.", "박영희"),
    ("시청 제2공영주차장 출입구가 너무 좁습니다. 민원인 연락처 010-2231-4476", "제2공영주차장"),
    ("아파트 지하주차장에 물이 샙니다.", "지하주차장"),
    ("구청 교통행정과 한도윤 주무관(02-2150-3321)께서 처리해 주셨어요.", "한도윤"),
    ("법률 제18818호 제33조제2항에 따라 2024. 3. 5. 과태료 30만원이 부과되었습니다.", "제33조제2항"),
]


def test_model_file_is_shipped_small_and_loads():
    assert MODEL_PATH.is_file()
    assert MODEL_PATH.stat().st_size < 5_000_000
    tagger = get_tagger()
    assert isinstance(tagger, Tagger)
    assert get_tagger() is tagger  # loaded once per process


@pytest.mark.parametrize("text,value", RULES_MISS)
def test_model_masks_what_the_rules_miss(text, value):
    assert value in mask_with(text, None, None).masked  # the rules alone leak it
    assert value not in mask(text).masked


@pytest.mark.parametrize("text,value", KEEP)
def test_keep_protections_hold_with_the_model(text, value):
    r = mask(text)
    assert value in r.masked
    assert "[이름]차장" not in r.masked


def test_official_in_role_is_kept_and_citizen_masked():
    r = mask("민원인 최가온(010-4410-2287)이 문의했고 담당 주무관 박영희가 답변했습니다.")
    assert "최가온" not in r.masked and "010-4410-2287" not in r.masked
    assert "박영희" in r.masked
    assert [s.type for s in r.spans] == ["name", "phone"]


def test_masking_is_idempotent_with_the_model():
    text = "저는 남궁소라이고 생일은 1988/03/14, 폰은 공일공 이삼사오 육칠팔구 입니다. 주소 대전 서구 둔산로 100, 302호"
    once = mask(text).masked
    assert mask(once).masked == once


def _sample() -> list[Example]:
    texts = [("민원인 {}입니다. 연락처 {}", ("강하늘", "010-2231-9981")), ("성명: {} / 전화 {}", ("오민준", "031-442-1187")),
             ("저는 {}이고 번호는 {}입니다.", ("윤채원", "010 5521 3390")), ("신청인 {} ({})", ("서도윤", "01077213345")),
             ("{} 드림. 회신은 {}로", ("문지안", "010.8812.4409"))]
    out = []
    for k, (pattern, (name, phone)) in enumerate(texts * 2):
        text = pattern.format(name, phone)
        n, p = text.index(name), text.index(phone)
        out.append(Example(f"s{k}", text, [("name", n, n + len(name)), ("phone", p, p + len(phone))]))
    return out


def test_training_is_deterministic(tmp_path):
    data = encode(_sample())
    a = train(data, tmp_path / "a.model", {"max_iterations": 30})
    b = train(data, tmp_path / "b.model", {"max_iterations": 30})
    probe = ["민원인 한결입니다. 연락처 010-3321-7765", "성명: 박수린 / 전화 02-881-2234", "오늘 날씨가 좋네요."]
    ta, tb = Tagger(a), Tagger(b)
    preds = [(ta.spans(t, []), tb.spans(t, [])) for t in probe]
    assert all(x == y for x, y in preds)
    assert any(x for x, _ in preds)  # it learned something to compare


def test_without_model_file_rules_still_mask(monkeypatch, tmp_path, caplog):
    missing = tmp_path / "none.model"
    monkeypatch.setenv("DASAN_PII_MODEL", str(missing))
    with caplog.at_level(logging.WARNING, logger="ingest.pii_crf"):
        assert get_tagger() is None
    assert "rules only" in caplog.text
    r = mask("민원인 홍길동(010-1234-5678)이 제8조제2항에 대해 문의")
    assert r.masked == "민원인 [이름]([전화번호])이 제8조제2항에 대해 문의"


def test_model_can_be_switched_off(monkeypatch):
    monkeypatch.setenv("DASAN_PII_MODEL", "off")
    assert pii_crf.model_path() is None
    assert get_tagger() is None
    text = RULES_MISS[0][0]
    assert mask(text).masked == mask_with(text, None, None).masked

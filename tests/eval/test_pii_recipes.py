"""The tagger's training recipes: re-rendered structured values keep exact offsets; shape features are
blind to how a number is spelled; statute paragraphs serve as texts with no personal data."""
from __future__ import annotations

import random

import pytest

from eval.pii_augment import augment, negatives, render
from eval.pii_eval import Example
from ingest.pii_crf import features


def _example() -> Example:
    text = "성명: 문정훈, 연락처 010-4472-9013, 주민번호 580614-2049310, 생년월일 1958.06.14 입니다."
    spans = []
    for typ, value in (("name", "문정훈"), ("phone", "010-4472-9013"), ("rrn", "580614-2049310"), ("birth_date", "1958.06.14")):
        s = text.index(value)
        spans.append((typ, s, s + len(value)))
    return Example("t-001", text, spans=spans, keep=[("date", text.index("입니다"), text.index("입니다") + 3)])


def test_augmented_copies_keep_every_span_on_its_value():
    ex = _example()
    copies = augment([ex], copies=6, seed=7)
    assert copies, "a text with structured values gets copies"
    changed = 0
    for c in copies:
        assert [t for t, _, _ in c.spans] == [t for t, _, _ in ex.spans]
        name = next((s, e) for t, s, e in c.spans if t == "name")
        assert c.text[name[0]:name[1]] == "문정훈"  # an unstructured span is untouched
        assert c.text[c.keep[0][1]:c.keep[0][2]] == "입니다"
        for (t, s, e), (_, s0, e0) in zip(c.spans, ex.spans):
            value = c.text[s:e]
            assert value.strip() == value and value  # the span still covers exactly a value, no stray context
            changed += value != ex.text[s0:e0]
    assert changed >= 6  # values really are written in other forms


def test_augmentation_is_deterministic():
    ex = _example()
    assert [c.text for c in augment([ex], 3, seed=1)] == [c.text for c in augment([ex], 3, seed=1)]


def test_render_writes_other_forms_of_a_phone():
    rng = random.Random(3)
    forms = {render("phone", "010-4472-9013", rng) for _ in range(60)}
    assert len(forms) >= 6
    assert any("공" in f or "〇" in f or "０" in f for f in forms)
    assert all(render("name", "문정훈", rng) == "문정훈" for _ in range(3))


def test_shape_features_do_not_depend_on_spelling():
    texts = ["연락처 010-4472-9013", "연락처 ０１０-４４７２-９０１３", "연락처 〇一〇-四四七二-九〇一三"]
    shapes = []
    for t in texts:
        f = features(t, [], [], shapes=True)
        i = t.index("-") + 2
        shapes.append(sorted(x for x in f[i] if x.startswith(("xg=", "xn=", "x3=", "xd="))))
    assert shapes[0] == shapes[1] == shapes[2]
    assert "xg=3-4-4" in shapes[0]
    assert not any(x.startswith("x3=") for x in features(texts[0], [], [], shapes=False)[5])


def test_negatives_have_no_spans_and_no_personal_shapes():
    items = negatives(20)
    if not items:
        pytest.skip("the shared corpora are absent on this machine")
    assert len(items) == 20 and all(not ex.spans and 80 <= len(ex.text) <= 700 for ex in items)
    assert all("@" not in ex.text for ex in items)

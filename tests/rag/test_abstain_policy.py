"""The abstention decision from several signals (rag/abstain.py) and the evaluation's bookkeeping
(eval/abstain.py): pure functions, no index."""
from __future__ import annotations

import json
import math

from eval.abstain import acrc_off, calibrate, decide_after, halves, rates, select
from rag.abstain import Evidence, Policy, content_words, rephrase_hint


def _ev(dense, agreement, nouns, subject, heading=0, same_doc=1.0):
    """Evidence of a question with ``nouns`` nouns, ``subject`` of them a title's subject word and ``heading``
    more a subject compound of the nearest headings: shares and counts consistent (rag/abstain_evidence.py)."""
    both = subject + heading
    return Evidence(dense=dense, agreement=agreement, nsubject=subject / nouns, nhsubject=both / nouns,
                    nhsubject_any=float(both > 0), nhsubject_log=math.log1p(both), top_doc_same=same_doc)


def test_named_reference_found_answers_whatever_the_cosine():
    assert Policy().decide(Evidence(dense=0.5, coverage=0.0, known=0.0, agreement=0.0, named=True)) == (True, "named")


def test_below_the_dense_floor_abstains_whatever_else():
    ev = Evidence(dense=0.79, agreement=1.0, nsubject=1.0, nhsubject=1.0)
    assert Policy().decide(ev) == (False, "dense")


def test_nouns_foreign_to_the_indexed_titles_withhold_the_answer():
    # the same cosine and agreement: a question about a subject the titles or the nearest headings name
    # answers, one whose nouns neither uses (양도소득세, 입영) does not
    on = _ev(0.875, 0.2, nouns=4, subject=2)
    off = _ev(0.875, 0.2, nouns=4, subject=0)
    assert Policy().decide(on) == (True, "score")
    assert Policy().decide(off) == (False, "score")


def test_high_dense_alone_does_not_answer_a_long_off_topic_question():
    # long questions push the cosine up whatever they are about
    assert not Policy().decide(_ev(0.88, 0.0, nouns=20, subject=0))[0]
    assert not Policy().decide(_ev(0.88, 0.0, nouns=20, subject=0, same_doc=0.0))[0]


def test_one_subject_word_in_a_long_letter_is_not_diluted():
    # a long letter with one noun naming an indexed subject (LPG in thirty nouns): the share is small, the
    # count is not, and both rankings' first units are of one document
    assert Policy().decide(_ev(0.88, 0.1, nouns=30, subject=1))[0]
    assert not Policy().decide(_ev(0.88, 0.1, nouns=30, subject=0))[0]


def test_a_heading_subject_answers_where_no_title_names_the_subject():
    # the same cosine and agreement, no noun a subject word of any title: a noun naming a subject compound
    # of the nearest headings (CCTV → 영상정보처리기기) answers, a question with none does not
    heading = _ev(0.87, 0.1, nouns=4, subject=0, heading=2)
    nothing = _ev(0.87, 0.1, nouns=4, subject=0)
    assert Policy().decide(heading)[0] and not Policy().decide(nothing)[0]


def test_agreeing_rankings_answer_despite_a_lower_cosine():
    assert Policy().decide(_ev(0.85, 0.5, nouns=10, subject=1))[0]
    assert not Policy().decide(_ev(0.85, 0.0, nouns=10, subject=1))[0]


def test_policy_score_is_bias_plus_weighted_features():
    p = Policy(weights={"dense": 2.0, "nsubject": 1.0}, bias=-1.0, threshold=0.0)
    assert abs(p.score(Evidence(dense=0.9, nsubject=0.5)) - (2.0 * 0.9 + 0.5 - 1.0)) < 1e-9


def test_nouns_are_marked_and_verbs_are_not():
    assert content_words("길에 담배꽁초 버리면 벌금 얼마에요?", tags=True) == \
        [("담배꽁초", True), ("버리다", False), ("벌금", True)]


def test_preamble_words_are_not_content():
    words = content_words("신규 직원인데 민원서류에 빠진 게 있으면 어떻게 처리해야 하나요?")
    assert "신규" not in words and "직원" not in words and "민원" in words


def test_hint_names_unknown_words():
    hint = rephrase_hint(Evidence(unknown=["양도소득세", "비과세"]))
    assert "양도소득세" in hint and "다시 물어보세요" in hint


def _row(on, dense, title, half, agreement=0.3):
    return {"on_topic": on, "hits": True, "resolved": False, "half": half, "law": "", "first_title": "",
            "first_parent": "", "ev": {"dense": dense, "agreement": agreement, "nsubject": title, "nhsubject": title,
                                       "named": False,
                                       "words": [], "missing": [], "unknown": []}}


def test_rates_and_calibration_meet_targets_on_separable_rows():
    rows = [_row(True, 0.88 + i / 1000, 0.6, h) for i, h in enumerate("AB" * 10)] + \
        [_row(False, 0.86 + i / 1000, 0.1, h) for i, h in enumerate("AB" * 10)]
    policy = calibrate({"s": rows})
    assert set(policy.weights) == {"dense", "agreement", "nsubject", "nhsubject"}
    assert policy.weights["nsubject"] + policy.weights["nhsubject"] > 0
    assert rates(halves(rows)["A"], lambda x: decide_after(x, policy)) | {"on": 0, "off": 0} == \
        {"on": 0, "off": 0, "false_abstain": 0.0, "false_answer": 0.0}  # the fitted half: exact
    r = rates(rows, lambda x: decide_after(x, policy))  # with half B: within the targets
    assert r["false_abstain"] <= 0.05 and r["false_answer"] <= 0.10


def test_calibration_never_sees_half_b_or_a_held_out_half_c():
    # half B and C rows that contradict half A change nothing
    a = [_row(True, 0.88 + i / 1000, 0.6, "A") for i in range(10)] + \
        [_row(False, 0.86 + i / 1000, 0.1, "A") for i in range(10)]
    noise = [_row(True, 0.84, 0.0, h) for h in "BC" * 5] + [_row(False, 0.95, 1.0, h) for h in "BC" * 5]
    assert calibrate({"s": a}) == calibrate({"s": a + noise})
    parts = halves(a + noise)
    assert (len(parts["A"]), len(parts["B"]), len(parts["C"])) == (20, 10, 10)


def test_acrc_off_domain_rule(tmp_path):
    p = tmp_path / "qa.jsonl"
    rows = [{"id": "1", "organization": "국세청", "title": "양도세", "question": "양도소득세 비과세 요건은?"},
            {"id": "2", "organization": "국세청", "title": "정보공개", "question": "정보공개 청구는 어떻게?"},
            {"id": "3", "organization": "경찰청", "title": "범칙금", "question": "범칙금 납부"},
            {"id": "4", "organization": "대구광역시교육청", "title": "전학", "question": "전학 절차"}]
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    assert [r["id"] for r in acrc_off(p)] == ["acrc-1", "acrc-4"]


def test_feature_selection_prefers_the_feature_that_separates():
    # dense overlaps between on- and off-topic rows; only nsubject separates them
    rows = [_row(True, 0.86 + (i % 5) / 100, 0.6, h) for i, h in enumerate("AB" * 20)] + \
        [_row(False, 0.86 + (i % 5) / 100, 0.1, h) for i, h in enumerate("AB" * 20)]
    ranked = select({"s": rows}, pool=("dense", "nsubject", "agreement"))
    worst, _, feats = ranked[0]
    assert "nsubject" in feats and worst == 0.0
    assert all(w > 0 for w, _, f in ranked if "nsubject" not in f)


# Title parts (rag/abstain_titles.py): hand-written titles in the shape of Korean legal titles.
TITLES = ("가나군 주차장 설치 및 운영에 관한 조례", "공무원 여비 규정", "지방공무원 복무규정 시행규칙",
          "해오름시 반려동물 등록 예시 조례", "국민권익위원회 청렴교육 운영지침", "하천법 시행령")


def test_title_split_separates_place_role_form_and_subject():
    from rag.abstain_titles import split_title

    p = split_title("가나군 주차장 설치 및 운영에 관한 조례")
    assert p.place == {"가나군", "가나"} and p.subject == ["주차장", "설치"]
    assert {"운영", "관한", "조례"} <= p.form and not p.role
    p = split_title("공무원 여비 규정")
    assert p.role == {"공무원"} and p.subject == ["여비"] and not p.place
    p = split_title("지방공무원 복무규정 시행규칙")
    assert p.role == {"지방공무원"} and p.subject == ["복무"] and {"규정", "시행규칙"} <= p.form
    p = split_title("국민권익위원회 청렴교육 운영지침")
    assert p.role == {"국민권익위원회"} and p.subject == ["청렴교육"]
    assert split_title("하천법 시행령").subject == ["하천"]
    # 법 and 등 are form only where they end a word: 등록 and 법인 keep their syllables
    assert split_title("해오름시 반려동물 등록 예시 조례").subject == ["반려동물", "등록"]
    assert split_title("공직자 행동강령 운영지침").subject == ["행동강령"]


def test_a_question_naming_only_a_place_or_an_addressee_gets_no_subject_evidence():
    from rag.abstain_evidence import title_parts
    from rag.abstain_titles import subject_word, vocabulary, who_word

    vocab = vocabulary(TITLES)
    for word in ("가나군", "가나", "공무원", "지방공무원", "국민권익위원회"):
        assert not subject_word(word, vocab) and who_word(word, vocab), word
    for word in ("주차장", "여비", "복무", "반려동물", "하천법"):  # 하천법: its form word taken off
        assert subject_word(word, vocab) and not who_word(word, vocab), word
    assert not subject_word("조례", vocab) and not who_word("조례", vocab)  # a form word is neither
    rec = title_parts({"w": "연금"}, [], vocab)
    assert rec == {"w": "연금", "subject": False, "who": False}
    # a glossary term standing in for the word counts as it does for the whole-title feature
    assert title_parts({"w": "개"}, ["반려동물"], vocab)["subject"]


def test_subject_share_excludes_places_and_addressees():
    from rag.abstain_evidence import coverages

    recs = [{"w": w, "noun": True, "df": 3, "held": [], "gloss": [], "lex": [], "title": True,
             "subject": s, "who": not s} for w, s in (("공무원", False), ("가나군", False), ("여비", True))]
    out = coverages(recs, 1, 0)
    assert out["ntitle"] == 1.0 and abs(out["nsubject"] - 1 / 3) < 1e-9 and abs(out["nwho"] - 2 / 3) < 1e-9


def test_part_of_a_subject_word_counts_only_inside_that_compound():
    from rag.abstain_titles import subject_word, vocabulary

    vocab = vocabulary(("다나시 반려동물 등록 예시 조례", "주차장 설치 기준"))
    assert subject_word("반려", vocab)  # no question: substring, as before
    assert subject_word("반려", vocab, "반려동물 등록은 어디서 하나요?")
    assert subject_word("동물", vocab, "반려 동물을 키우는데 등록해야 하나요?")  # spaces do not split it
    assert not subject_word("반려", vocab, "신청이 반려되었는데 이유를 알 수 있나요?")
    assert subject_word("주차장", vocab, "주차장이 부족해요")  # a whole subject word needs no context


# Headings of the retrieved units (rag/abstain_evidence.py): what the articles found say they are about.

def test_a_heading_of_a_retrieved_unit_names_the_questions_noun_or_its_glossary_term():
    from rag.abstain_evidence import named_by

    heads = "생계급여의내용등\n개인정보의암호화\n영상정보처리기기의설치"
    assert named_by(["생계"], heads) and named_by(["암호"], heads)
    assert named_by(["cctv", "영상정보처리기기"], heads)  # through the glossary term
    assert not named_by(["실업"], heads) and not named_by(["cctv"], heads)
    assert not named_by(["의"], heads)  # one syllable names nothing


def test_form_and_addressee_words_are_generic_whatever_heading_holds_them():
    from rag.abstain_titles import generic_word

    for w in ("처리", "기준", "운영", "위원회", "공무원", "시행규칙"):
        assert generic_word(w), w
    for w in ("생계", "암호", "사용료", "퇴직"):
        assert not generic_word(w), w


def test_heading_weight_counts_rare_named_nouns_and_ignores_subject_and_generic_ones():
    from rag.abstain_evidence import head_weight, weight

    rare = {"w": "생계", "df": 2, "head": True}
    unknown = {"w": "실업", "df": 0, "head": False}  # never in the index: heavy, never named
    common = {"w": "급여", "df": 50, "head": True}  # common in the index: light
    subject = {"w": "징계", "df": 50, "head": True, "subject": True}  # counted by nsubject, not here
    generic = {"w": "처리", "df": 50, "head": True}
    assert abs(head_weight([rare, unknown]) - weight(2) / (weight(2) + weight(0))) < 1e-9
    assert head_weight([unknown, common]) < 0.2 < head_weight([rare, unknown])
    assert head_weight([subject, generic]) == 0.0
    assert head_weight([rare, subject, generic]) == 1.0


def test_nhead_counts_subject_words_and_heading_named_nouns():
    from rag.abstain_evidence import coverages

    recs = [{"w": w, "noun": True, "df": 3, "held": [], "gloss": [], "lex": [], "title": s, "subject": s,
             "who": False, "head": h} for w, s, h in (("징계", True, False), ("감경", False, True),
                                                      ("표창", False, False), ("장관", False, False))]
    out = coverages(recs, 1, 0)
    assert out["nsubject"] == 0.25 and out["nhead"] == 0.5


def test_a_glossary_phrase_covering_a_noun_stands_in_for_it():
    from rag.abstain_evidence import glossary_terms, phrase_terms, title_parts
    from rag.abstain_titles import vocabulary
    from rag.glossary import parse

    entries = tuple(parse("(^|\\s)(내|제)\\s*정보\t개인정보 정보주체\n주소\\s*(를|가)\t개인정보\n"
                          "처리\\s*기간\t민원 처리기간\n"))
    q = "쇼핑몰에서 제 정보가 털렸는데 알려줘야 하나요?"
    assert phrase_terms("정보", q, entries) == ["개인정보", "정보주체"]
    assert glossary_terms("정보", entries) == []  # the word alone matches no phrase
    assert phrase_terms("쇼핑몰", q, entries) == []  # outside the phrase
    assert phrase_terms("정보", "정보공개 청구는 어떻게 하나요?", entries) == []
    assert phrase_terms("주소", "업체가 제 이름과 주소를 알고 전화했어요", entries) == ["개인정보"]
    # a form word (처리) takes only the terms that hold it; another noun of the phrase takes them all
    assert phrase_terms("처리", "처리 기간이 얼마나 되나요?", entries) == ["처리기간"]
    assert phrase_terms("기간", "처리 기간이 얼마나 되나요?", entries) == ["민원", "처리기간"]
    # so 정보 counts as the subject word 개인정보 of an indexed title only where the phrase says so
    vocab = vocabulary(("개인정보 보호법", "가나시 주차장 조례"))
    assert title_parts({"w": "정보"}, phrase_terms("정보", q, entries), vocab, q)["subject"]
    other = "날씨 정보는 어디서 보나요?"
    assert not title_parts({"w": "정보"}, phrase_terms("정보", other, entries), vocab, other)["subject"]


def test_fitting_portions_select_rows_by_half_or_position():
    from eval.abstain_fit import parse_portions, portion

    rows = [_row(i % 3 != 0, 0.85 + i / 100, 0.5, "D") for i in range(7)]
    assert portion(rows, "even") == rows[0::2] and portion(rows, "odd") == rows[1::2]
    assert portion(rows, "all") == rows and portion(rows, "A") == []  # a held-out set has no half A
    own = [_row(True, 0.9, 0.5, h) for h in "ABAB"]
    got = parse_portions(["own:A", "held:odd"], {"own": own, "held": rows})
    assert got == {"own": [own[0], own[2]], "held": rows[1::2]}


def test_calibration_on_named_portions_reads_only_those_rows():
    # a held-out set's odd rows contradict its even rows: fitting on the even rows alone ignores them
    even = [_row(True, 0.88 + i / 1000, 0.6, "D") for i in range(10)] + \
        [_row(False, 0.86 + i / 1000, 0.1, "D") for i in range(10)]
    noisy = [r | {"ev": r["ev"] | {f: 1.0 - r["ev"][f] for f in ("nsubject", "nhsubject")}} for r in even]
    mixed = [r for pair in zip(even, noisy) for r in pair]  # even positions clean, odd positions flipped
    from eval.abstain_fit import parse_portions
    clean = calibrate({"h": even}, train={"h": even})
    assert calibrate({"h": mixed}, train=parse_portions(["h:even"], {"h": mixed})) == clean
    assert calibrate({"h": mixed}, train=parse_portions(["h:all"], {"h": mixed})) != clean


def test_phrase_subject_is_recorded_beside_nsubject_and_does_not_change_it():
    from rag.abstain_evidence import coverages

    recs = [{"w": "정보", "noun": True, "df": 30, "held": [0], "gloss": [], "lex": [], "title": False,
             "subject": False, "psubject": True}, {"w": "쇼핑몰", "noun": True, "df": 0, "held": [], "gloss": [],
             "lex": [], "title": False, "subject": False, "psubject": False}]
    out = coverages(recs, 1, 0)
    assert out["nsubject"] == 0.0 and out["npsubject"] == 0.5


def test_subject_counts_are_not_shares():
    from rag.abstain_evidence import coverages, subject_counts
    noun = {"noun": True, "df": 3, "held": [], "gloss": [], "lex": [], "title": False, "who": False}
    lpg = noun | {"w": "액화석유가스", "subject": True, "hsubject": True}
    cctv = noun | {"w": "CCTV", "subject": False, "hsubject": True}
    other = [noun | {"w": f"낱말{i}", "subject": False, "hsubject": False} for i in range(29)]
    assert subject_counts(other) == {"nhsubject_any": 0.0, "nhsubject_log": 0.0}
    long_letter = coverages([lpg] + other, 5, 10)
    assert long_letter["nhsubject"] < 0.04 and long_letter["nhsubject_any"] == 1.0
    assert abs(long_letter["nhsubject_log"] - math.log(2)) < 1e-9
    assert abs(subject_counts([lpg, cctv] + other)["nhsubject_log"] - math.log(3)) < 1e-9
    assert coverages([], 5, 10)["nhsubject_any"] == 0.0

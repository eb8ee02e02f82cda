"""Heading subject evidence (rag/abstain_headings.py, rag/abstain_evidence.head_subject): a question noun
that names a subject compound of the nearest units' headings. Hand-written headings in the shape of
Korean statute headings; Kiwi only, no index."""
from __future__ import annotations

from rag.abstain_evidence import DF_CAP, coverages, head_subject
from rag.abstain_headings import compounds, generic_heading_word, heading_words, names_heading, question_forms


def test_compounds_are_nouns_written_together_with_and_without_a_suffix():
    found = {c for c, _ in compounds("개인정보의 암호화")}
    assert {"개인정보", "암호", "암호화"} <= found
    assert "정보" not in found  # a part of a compound is no compound of its own
    assert "생계급여" in {c for c, _ in compounds("생계급여의 내용 등")}


def test_heading_words_drop_acts_attributes_penalties_and_forms():
    assert not heading_words(["급여의 결정 등", "과태료", "벌칙", "민원의 신청"]) & {"급여", "결정", "과태료", "벌칙", "신청"}
    assert "안내판" in heading_words(["안내판의 설치 등"])
    for w in ("신청", "발급", "자격", "시험", "급여", "기간", "벌칙", "처리", "위원회"):
        assert generic_heading_word(w), w
    for w in ("안내판", "생계급여", "주민등록번호", "외부강의"):
        assert not generic_heading_word(w), w
    # a compound of acts and attributes only is one too (과징금의 납부기한 names no subject)
    for w in ("납부기한", "신고방법", "적용대상"):
        assert generic_heading_word(w), w
    assert "납부기한" not in heading_words(["과징금의 납부기한 연기"])


def test_a_noun_names_a_heading_only_as_the_compound_the_question_writes():
    heads = heading_words(["생계급여의 내용 등", "급여의 결정 등"])
    assert names_heading("생계", "생계급여를 받던 아버지가 돌아가셨어요", [], heads) == "생계급여"
    assert names_heading("급여", "생계급여를 받던 아버지가 돌아가셨어요", [], heads) == "생계급여"
    # 실업급여 is another subject: 급여 inside it names neither 생계급여 nor the generic 급여
    assert names_heading("급여", "고용보험 실업급여의 수급 요건은?", [], heads) == ""
    assert question_forms("급여", "고용보험 실업급여의 수급 요건은?") == {"실업급여"}


def test_a_glossary_term_names_the_heading_the_question_does_not_write():
    heads = heading_words(["고정형 영상정보처리기기의 설치ㆍ운영 제한", "주민등록번호 처리의 제한"])
    assert names_heading("cctv", "가게 cctv 녹음기능 켜놔도 되나여", ["영상정보처리기기"], heads) == "영상정보처리기기"
    assert names_heading("번호", "주민번호 뒷자리까지 넣으래", ["주민등록번호"], heads) == "주민등록번호"
    assert names_heading("cctv", "가게 cctv 녹음기능 켜놔도 되나여", [], heads) == ""


def _rec(w, df=5, subject=False, who=False):
    return {"w": w, "noun": True, "df": df, "held": [], "gloss": [], "lex": [], "title": subject,
            "subject": subject, "who": who}


def test_head_subject_needs_a_specific_noun_and_keeps_title_subjects():
    heads = heading_words(["퇴직자와의 사적 접촉의 신고", "외부강의등의 사례금 수수 제한"])
    q = "대가를 받고 하는 외부강의의 횟수 상한은?"
    assert head_subject(_rec("강의"), q, [], heads)
    bare = "사례금은 얼마까지 받을 수 있나요?"
    assert head_subject(_rec("사례금"), bare, [], heads)
    assert not head_subject(_rec("사례금", df=DF_CAP), bare, [], heads)  # as common as any word of the index
    # a common noun counts where the question writes it inside a heading's compound (외부강의), or a
    # glossary term for it names the heading: the compound, not the noun, is what is specific
    assert head_subject(_rec("외부", df=DF_CAP), q, [], heads)
    heads = heading_words(["개인정보 수집 출처 등 통지"])
    assert head_subject(_rec("정보", df=DF_CAP), "내 정보 털렸으면", ["개인정보"], heads)
    assert not head_subject(_rec("정보", df=DF_CAP), "날씨 정보", [], heads)
    assert not head_subject(_rec("강의", who=True), q, [], heads)
    assert not head_subject(_rec("강의"), q, [], frozenset())
    assert head_subject(_rec("징계", subject=True), "징계 감경", [], frozenset())


def test_nhsubject_is_the_share_of_nouns_with_title_or_heading_subject_evidence():
    recs = [_rec("강의") | {"hsubject": True}, _rec("징계", subject=True) | {"hsubject": True},
            _rec("상한") | {"hsubject": False}, _rec("회수") | {"hsubject": False}]
    out = coverages(recs, 1, 0)
    assert out["nhsubject"] == 0.5 and out["nsubject"] == 0.25


def test_leave_one_author_out_never_fits_on_the_author_it_reports():
    from eval.abstain_fit import author, leave_one_author_out, pooled

    def row(on, dense, subj):
        return {"on_topic": on, "hits": True, "resolved": False, "half": "", "law": "", "first_title": "",
                "first_parent": "", "ev": {"dense": dense, "agreement": 0.3, "nhsubject": subj, "named": False}}

    clean = [row(True, 0.88 + i / 1000, 0.6) for i in range(10)] + [row(False, 0.86 + i / 1000, 0.1)
                                                                   for i in range(10)]
    flipped = [row(True, 0.86, 0.1) for _ in range(10)] + [row(False, 0.89, 0.6) for _ in range(10)]
    assert author("heldout2_statutes") == author("heldout2_sample") == "heldout2"
    out = leave_one_author_out({"own_x": clean, "other_x": clean, "odd_x": flipped}, ("dense", "nhsubject"))
    # fitted on the clean authors only, the flipped author's questions are all decided wrongly
    assert out["odd_x"]["false_abstain"] == 1.0 and out["odd_x"]["false_answer"] == 1.0
    assert pooled({"a": out["own_x"], "b": out["odd_x"]})["abstained"] == 10

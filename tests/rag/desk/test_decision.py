"""Grounds say what they are cited for: a unit that only mentions 제3자 is no ground for 제3자 의견청취.

The hits carry article texts as the shared corpus has them (개인정보 보호법 시행령 제47조 on 수수료, whose
④ names a 제3자대상정보전송자; 표준 개인정보 보호지침 제46조) and, for the positive case, the 정보공개법
제11조③ sentence on hearing a third party."""
from __future__ import annotations

from dataclasses import replace

from rag.desk import classify as C
from rag.desk.decision import decide, steps_for
from rag.hits import Hit, HitDocument

FEE_47 = ("① 법 제38조제3항에 따른 수수료와 우송료의 금액은 열람등요구에 필요한 실비의 범위에서 해당 개인정보처리자가 "
          "정하는 바에 따른다. ④ 제3자대상정보전송자는 일반전문기관, 특수전문기관 및 일반수신자가 제42조의5제4항 전단에 "
          "따라 정보주체를 대신하여 제3자전송요구를 하는 경우에는 일반전문기관, 특수전문기관 및 일반수신자에게 법 "
          "제38조제3항 단서에 따른 수수료를 청구할 수 있다.")
GUIDE_46 = ("고정형영상정보처리기기운영자 또는 이동형영상정보처리기기운영자는 제44조제2항에 따른 열람등 조치를 취하는 경우, "
            "만일 정보주체 이외의 자를 명백히 알아볼 수 있거나 정보주체 이외의 자의 사생활 침해의 우려가 있는 경우에는 "
            "해당되는 정보주체 이외의 자의 개인영상정보를 알아볼 수 없도록 보호조치를 취하여야 한다.")
OPEN_11 = ("③ 공공기관은 공개 청구된 공개 대상 정보의 전부 또는 일부가 제3자와 관련이 있다고 인정할 때에는 그 사실을 "
           "제3자에게 지체 없이 통지하여야 하며, 필요한 경우에는 그의 의견을 들을 수 있다.")
CCTV_REQ = "교통사고 난 사거리 CCTV 영상을 보고 싶어요. 상대 차량 운전자 얼굴은 가려 주셔도 됩니다."


def hit(i: str, title: str, unit: str, unit_title: str, text: str, kind: str | None = None) -> Hit:
    return Hit(id=i, unit=unit, unit_title=unit_title, text=text,
               document=HitDocument(title=title, status="현행", kind=kind))


VIEW_RULES = [hit("fee", "개인정보 보호법 시행령", "제47조", "수수료 등의 금액 등", FEE_47),
              hit("g46", "표준 개인정보 보호지침", "제46조", "정보주체 이외의 자의 개인영상정보 보호", GUIDE_46)]


def test_a_fee_article_that_names_a_third_party_is_no_hearing_ground():
    d = decide(C.PERSONAL_VIEW, CCTV_REQ, VIEW_RULES, [])
    hear = next(c for c in d["conditions"] if "의견청취" in c["condition"])
    assert hear["citation"] is None  # shown, but without a wrong citation
    masking = next(c for c in d["conditions"] if "마스킹" in c["condition"])
    assert masking["citation"]["id"] == "g46" and "알아볼 수 없도록" in masking["citation"]["quote"]
    fee = next(c for c in d["conditions"] if "수수료" in c["condition"])
    assert fee["citation"]["id"] == "fee"  # still the right ground for the fee
    step = next(s for s in steps_for(C.PERSONAL_VIEW, VIEW_RULES) if s["step"] == "제3자 의견청취")
    assert step["citation"] is None


def test_a_unit_that_prescribes_hearing_is_cited_for_it():
    rules = [hit("o11", "공공기관의 정보공개에 관한 법률", "제11조", "정보공개 여부의 결정", OPEN_11)]
    d = decide(C.OPEN_INFO, "작년 위원회 회의록을 공개해 주세요. 참석자 성명도 나와 있습니다.", rules, [])
    hear = next(c for c in d["conditions"] if "의견청취" in c["condition"])
    assert hear["citation"]["id"] == "o11" and "의견을 들을 수 있다" in hear["citation"]["quote"]
    step = next(s for s in steps_for(C.OPEN_INFO, rules) if s["step"] == "제3자 의견청취")
    assert step["citation"]["id"] == "o11"


GUIDE_47 = ("고정형영상정보처리기기운영자 또는 이동형영상정보처리기기운영자는 개인영상정보가 분실ㆍ도난ㆍ유출ㆍ위조ㆍ변조 또는 "
            "훼손되지 아니하도록 안전성 확보를 위하여 다음 각 호의 조치를 하여야 한다. 2. 개인영상정보에 대한 접근 통제 및 "
            "접근 권한의 제한 조치 4. 처리기록의 보관 (개인영상정보의 생성 일시 및 열람할 경우에 열람 목적ㆍ열람자ㆍ열람 일시 등)")
GUIDE_44_4 = ("④ 제3항의 규정에도 불구하고 법 제35조제4항 각 호의 어느 하나에 해당하는 경우에는 고정형영상정보처리기기운영자 "
              "또는 이동형영상정보처리기기운영자는 정보주체의 개인영상정보 열람등 요구를 제한하거나 거부할 수 있다.")


def test_a_limit_ground_must_limit_the_request_not_mention_a_limit():
    rules = [hit("g47", "표준 개인정보 보호지침", "제47조", "개인영상정보의 안전성 확보를 위한 조치", GUIDE_47),
             hit("g44", "표준 개인정보 보호지침", "제44조", "정보주체의 열람등 요구", GUIDE_44_4)]
    d = decide(C.PERSONAL_VIEW, CCTV_REQ, rules, [])
    limits = [g["id"] for g in d["grounds"] if g["role"].startswith("제한")]
    assert limits == ["g44"]


def test_another_citys_ordinance_is_not_the_fee_ground_when_a_national_rule_is_retrieved():
    paju = hit("paju", "파주시 개인정보 보호 조례", "제14조", "수수료 청구 및 납부",
               "① 개인정보처리자는 법 제38조제3항 및 영 제47조제1항에 따라 정보 주체에게 열람 등 요구에 필요한 수수료를 "
               "청구할 수 있다.", kind="자치법규")
    fee = replace(VIEW_RULES[0], document=HitDocument(title="개인정보 보호법 시행령", status="현행", kind="대통령령"))
    d = decide(C.PERSONAL_VIEW, CCTV_REQ, [paju, fee, VIEW_RULES[1]], [])
    assert next(c for c in d["conditions"] if "수수료" in c["condition"])["citation"]["id"] == "fee"
    alone = decide(C.PERSONAL_VIEW, CCTV_REQ, [paju], [])  # with nothing national, the ordinance still grounds it
    assert next(c for c in alone["conditions"] if "수수료" in c["condition"])["citation"]["id"] == "paju"


def test_without_the_governing_law_another_bodys_procedure_grounds_no_step():
    pipc = hit("pipc", "개인정보보호위원회 정보공개 운영규정", "제7조", "정보공개 청구의 접수",
               "① 정보공개 청구서를 접수한 부서는 정보공개 처리대장에 기록하고 공개 여부를 결정하여 청구인에게 통지하여야 한다.")
    missing = [{"law": "공공기관의 정보공개에 관한 법률"}]
    steps = steps_for(C.OPEN_INFO, [pipc], missing)
    assert [s["citation"] for s in steps] == [None] * len(steps)
    assert steps_for(C.OPEN_INFO, [pipc])[0]["citation"]["id"] == "pipc"  # with the law indexed it may ground one


def test_general_steps_cite_the_unit_that_prescribes_them_not_one_that_mentions_a_word():
    acrc = "국민권익위원회 일반민원 처리지침"
    rules = [
        hit("g19", acrc, "제19조", "처리진행상황의 통지", "① 처리부서의 장은 일반민원 서류를 접수한 후 규정된 처리기간을 경과하거나 "
            "민원인의 요청이 있는 때에는 민원인에게 그 처리진행상황을 서면으로 통지하여야 한다."),
        hit("g22", acrc, "제22조", "민원심사관 등", "① 위원회 민원심사관은 감사담당관으로 하고, 필요한 경우 민원조사기획과장, "
            "심사기획과장, 행정심판총괄과장을 각각 분임민원심사관으로 지정할 수 있다."),
        hit("g6", acrc, "제6조", "일반민원의 접수", "① 위원회에 신청되는 모든 일반민원의 접수부서는 민원신고심사과로 하며, "
            "국민신문고를 통해 접수ㆍ처리함을 원칙으로 한다."),
        hit("g20", acrc, "제20조", "처리결과의 통지", "① 민원인이 국민신문고 등 전자적 방식을 통해 신청한 일반민원은 처리부서장의 "
            "결재를 거친 후 그 내용을 국민신문고에 입력하여 처리결과를 민원인에게 통지한다."),
    ]
    got = {s["step"]: (s["citation"] or {}).get("id") for s in steps_for(C.QUERY_PROC, rules)}
    assert got == {"접수": "g6", "검토": None, "처리 결과 통지": "g20", "이의신청 안내": None}


def test_a_record_keeping_item_that_mentions_a_copy_is_no_ground_for_showing_the_footage():
    records = hit("g44", "표준 개인정보 보호지침", "제44조", "정보주체의 열람등 요구",
                  "⑤ 운영자는 제3항 및 제4항에 따른 조치를 취하는 경우 다음 각 호의 사항을 기록하고 관리하여야 한다. "
                  "5. 정보주체에게 개인영상정보 사본을 제공한 경우 해당 영상정보의 내용과 제공한 사유")
    show = hit("d42", "개인정보 보호법 시행령", "제42조", "개인정보 열람의 제한ㆍ연기 및 거절",
               "① 개인정보처리자는 열람 요구 사항 중 일부가 법 제35조제4항 각 호의 어느 하나에 해당하는 경우에는 그 일부에 "
               "대하여 열람을 제한할 수 있으며, 열람이 제한되는 사항을 제외한 부분은 열람할 수 있도록 하여야 한다.")
    step = lambda rules: next(s for s in steps_for(C.PERSONAL_VIEW, rules) if s["step"] == "열람 실시")  # noqa: E731
    assert step([records])["citation"] is None
    assert step([records, show])["citation"]["id"] == "d42"

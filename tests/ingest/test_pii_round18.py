"""Masker round 12 (policy: a specific person's year of birth is personal data), rules alone, on sentences written
here: a person's birth year is masked as a birth date (predicated of the writer, in brackets after a name, after a
kin or record cue, after 생년, before 태어나다, read out in Hangul); a cohort rule (a range, a cut-off, a category
question, a condition), an age and an event's year stay readable."""
from __future__ import annotations

import pytest

from tests.ingest.pii_checks import rules_only, uncovered


def _digits(c: str) -> bool:
    return c.isdigit() or "가" <= c <= "힣" and c != "년"


MASKED = [  # (case, text, the year that must be masked as a birth date)
    ("first_person_predicate", "저는 71년생입니다. 내년부터 연금이 나오는지 궁금합니다.", "71"),
    ("first_person_four_digits", "저는 1963년생이고 배우자는 없습니다.", "1963"),
    ("name_bracket", "시어머니 곽분례(1938년생)께서 요양등급 재심사를 받으십니다.", "1938"),
    ("bracket_profile", "■ 방문: 석도훈(남, 1959년생) — 기초수급 상담", "1959"),
    ("bracket_closing_sentence", "벌써 자격이 끝났다고 합니다(1987년생). 다시 확인해 주세요.", "1987"),
    ("kin_topic", "저희 어머니는 1942년생 올해 여든셋이십니다.", "1942"),
    ("person_word_after", "상담 기록: 1974년생 여성, 자녀 둘.", "1974"),
    ("name_comma_honorific", "할아버지 모창수, 1936년생이시고 혼자 사십니다.", "1936"),
    ("hangul_read_out", "내 이름은 길만복이고, 나이는 여든, 사십육년생. 논이 물에 잠겼소.", "사십육"),
    ("label_year_only", "- 민원인 편재석 씨, 생년 1961년, 장애인 주차 문의", "1961"),
    ("born_verb", "저는 1979년에 태어났고 지금 혼자 살고 있습니다.", "1979"),
    ("year_month_born", "아이 도윤(21년 3월생) 어린이집 대기 문의", "21"),
    ("correction_in_bracket", "할머니 반옥녀(1940년생이 아니라 1941년생) 주민등록 정정", "1941"),
]

KEPT = [  # (case, text, the year that must stay readable)
    ("cohort_from", "1961년생부터 수급 개시 연령이 64세로 늦춰집니다.", "1961"),
    ("cohort_after_born", "1969년생 이후 출생자는 65세부터 받습니다.", "1969"),
    ("cohort_date_after", "지원 대상은 2000. 3. 1. 이후 출생자입니다.", "2000"),
    ("range", "1957~60년생은 63세, 1961~64년생은 64세입니다.", "64"),
    ("category_question", "1988년생도 청년 월세 지원 대상에 해당되나요?", "1988"),
    ("condition", "1962년생이면 올해 신청할 수 있나요?", "1962"),
    ("group_plural", "요즘 90년생들은 집을 사기 어렵다고 합니다.", "90"),
    ("age_in_bracket_then_cutoff", "만 24세(2025년 기준, 2001년생) 이상인 사람은 허가가 필요합니다.", "2001"),
    ("people_born_then", "1980년에 태어난 사람은 이번 검진 대상이 아닙니다.", "1980"),
    ("event_year", "2019년에 입주했고 1998년에 준공된 아파트입니다.", "1998"),
    ("tree_age", "30년생 소나무 12그루가 도로 공사로 베어졌습니다.", "30"),
    ("annual_plant", "일년생 잡초가 공터에 가득합니다.", "일년"),
]


@pytest.mark.parametrize("case,text,year", MASKED, ids=[c[0] for c in MASKED])
def test_persons_birth_year_is_masked(case, text, year):
    result = rules_only(text)
    assert not uncovered(result, text, year, "birth_date", _digits), [(s.type, text[s.start:s.end]) for s in result.spans]


@pytest.mark.parametrize("case,text,year", KEPT, ids=[c[0] for c in KEPT])
def test_cohort_rule_and_event_year_stay(case, text, year):
    result = rules_only(text)
    start = text.index(year)
    assert not any(s.start < start + len(year) and start < s.end for s in result.spans), \
        [(s.type, text[s.start:s.end]) for s in result.spans]


def test_age_stays_beside_a_masked_birth_year():
    text = "저희 아버지는 1951년생 올해 74세이신데 경로당 등록이 안 됩니다."
    result = rules_only(text)
    assert not uncovered(result, text, "1951", "birth_date", _digits)
    start = text.index("74세")
    assert not any(s.start < start + 3 and start < s.end for s in result.spans)


@pytest.mark.parametrize("text,value,ok", [
    ("만 25세(2023년 기준, 1998년생) 이상인 병역준비역은 허가를 받아야 합니다.", "1998년", False),  # a cohort's year
    ("29세 이하자(1994. 1. 1. 이후 출생자)입니다.", "1994. 1. 1", False),                          # a cut-off date
    ("1999년생의 경우 늦어도 2024. 1. 15.까지는 허가를 받아야 함", "2024. 1. 15", False),          # a deadline
    ("공공재정환수법 개정안(2119747, 정부안)이 발의되었던데", "2119747", False),                      # a bill's number
    ("저는 1955년생입니다. 폐렴백신 접종 대상인가요?", "1955년", True),                              # the writer's year
    ("생년월일 880405 입니다", "880405", True),
    ("연금은 1957~1960년생이면 62세부터 받는다고 들었어요", "1957~1960년", False),                   # a range of years
    ("연금은 1957~1960년생이면 62세부터 받는다고 들었어요", "1960년", False),                        # its upper end
])
def test_model_birth_dates_checked(text, value, ok):
    from ingest.pii_birthyear import model_birth_date_ok
    start = text.index(value)
    assert model_birth_date_ok(text, start, start + len(value)) is ok

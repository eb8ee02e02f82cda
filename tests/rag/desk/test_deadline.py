"""Hand-checked 민원 처리기한 cases, 2025–2027 (each worked out on a paper calendar; see the comment).

Rules: 5일 이하 → 근무시간(09–12, 13–18; 1일=8시간) from the time of receipt; 6일 이상 → 근무일, first day
counted; 주·월·연 → 민법 (first day counted, day before the corresponding day, roll past 토·공휴일).
"""
from __future__ import annotations

from datetime import date, datetime

import pytest

from rag.desk.deadline import DeadlineError, deadline_from_strings, parse_period
from rag.desk.holidays import CalendarError, GovCalendar, parse_office_file
from rag.desk.rules import deadline_for, load_rules

LATE = date(2027, 12, 31)  # an injected "today", so 2027 receipts are not in the future

CASES = [
    # 2025
    ("2025-01-24", "10일", None, [], "2025-02-12"),  # 설 연휴 + 임시공휴일 1/27 skipped
    ("2025-01-25", "3일", None, [], "2025-02-04T18:00"),  # received on a Saturday before 설: from 1/31 09:00
    ("2025-05-30T16:00", "3일", None, [], "2025-06-05T16:00"),  # 2h Fri, 6/2, 6/4, 6h Thu; 6/3 대통령 선거일
    ("2025-09-29", "10일", "10일", [], "2025-10-31"),  # 추석+개천절+한글날; original 10/17, extension to 10/31
    ("2025-09-26", "2주", None, [], "2025-10-10"),  # 민법: ends 10/9 한글날 → next day
    ("2025-02-28", "7일", None, [], "2025-03-11"),  # 삼일절 on Saturday → 대체공휴일 3/3
    ("2025-05-02T18:30", "3일", None, [], "2025-05-09T18:00"),  # after hours; 5/5 + 대체 5/6: from 5/7 09:00
    ("2025-12-24T16:00", "즉시", None, [], "2025-12-26T10:00"),  # 3근무시간 across 성탄절
    ("2025-10-02T12:30", "1일", None, [], "2025-10-10T12:00"),  # lunch receipt → 13:00; 5h, then 3h on 10/10
    ("2025-01-31", "1개월", None, [], "2025-02-28"),  # no 2/31: the month's last day (민법 제160조제3항)
    # 2026
    ("2026-03-02T10:00", "3일", None, [], "2026-03-05T18:00"),  # received on the 삼일절 대체공휴일
    ("2026-01-31", "1개월", None, [], "2026-03-03"),  # Saturday receipt; ends 2/28 Sat → 3/1 Sun → 3/2 대체 → 3/3
    ("2026-05-29", "7일", None, [], "2026-06-09"),  # 6/3 지방선거일, 현충일 on Saturday
    ("2026-02-13T17:00", "즉시", None, [], "2026-02-19T11:00"),  # 1h Fri, 설 연휴, 2h Thu
    ("2026-09-22T14:00", "5일", None, [], "2026-10-01T14:00"),  # 40h around 추석 (5일: still hours)
    ("2026-09-21", "6일", None, [], "2026-09-30"),  # 6일: days, 추석 9/24–26 skipped
    ("2026-08-03", "2주", None, [], "2026-08-18"),  # ends 8/16 Sun → 8/17 광복절 대체 → 8/18
    ("2026-10-05", "10일", None, ["2026-10-07..2026-10-08"], "2026-10-22"),  # 대체 receipt, 보완 2 days
    ("2026-03-16", "1개월", None, ["2026-03-20..2026-03-23"], "2026-04-20"),  # 4/15 + 4 paused → 4/19 Sun → 4/20
    ("2026-12-28", "10일", None, [], "2027-01-11"),  # across the year: 1/1 and a weekend
    ("2026-03-03T10:00", "3일", "3일", [], "2026-03-11T10:00"),  # hour-based extension from the due time 3/6 10:00
    # 2027
    ("2027-02-05", "3일", None, [], "2027-02-11T18:00"),  # 설 on Sunday → 대체 2/9
    ("2027-05-01", "7일", None, [], "2027-05-14"),  # Saturday receipt on 노동절; 대체 5/3, 어린이날, 부처님오신날
    ("2027-09-13T09:00", "2일", None, [], "2027-09-17T18:00"),  # 추석 9/14–16
    ("2027-09-27", "2주", None, [], "2027-10-12"),  # ends 10/10 Sun → 10/11 한글날 대체 → 10/12
    ("2027-12-17", "10일", None, [], "2027-12-31"),  # 성탄절 on Saturday → 대체 12/27
    ("2027-06-04", "3일", None, [], "2027-06-08T18:00"),  # 현충일 on Sunday: no 대체공휴일
]


@pytest.mark.parametrize("received,period,extend,pauses,due", CASES, ids=[f"{c[0]}+{c[1]}" for c in CASES])
def test_hand_checked_cases(received, period, extend, pauses, due):
    out = deadline_from_strings(received, period, extend, pauses, today=LATE, cal=GovCalendar())
    assert out["due"] == due, out["counted"]
    assert out["received"] == received and out["period"] == period
    assert set(out) >= {"received", "period", "due", "basis", "counted", "skipped"}


def test_skipped_days_and_basis_of_a_day_count():
    out = deadline_from_strings("2025-01-24", "10일", today=LATE, cal=GovCalendar())
    assert out["method"] == "days"
    assert {"date": "2025-01-27", "reason": "임시공휴일"} in out["skipped"]
    assert {"date": "2025-01-29", "reason": "설날"} in out["skipped"]
    assert [s["date"] for s in out["skipped"]] == sorted(s["date"] for s in out["skipped"])
    assert all(s["date"] <= out["due"] for s in out["skipped"])
    assert "제19조제2항" in out["basis"] and "민원처리규정 제6조제4항" in out["basis"]
    assert {"title": "국민권익위원회 일반민원 처리지침", "article": "제13조제1항", "indexed": True} in out["citations"]


def test_hour_count_basis_and_saturday_receipt():
    out = deadline_from_strings("2025-01-25", "3일", today=LATE, cal=GovCalendar())
    assert out["method"] == "hours" and out["skipped"][0] == {"date": "2025-01-25", "reason": "토요일"}
    assert "1일=8근무시간" in out["basis"] and "제6조제3항" in out["basis"]
    assert "근무시간 24시간" in out["counted"]


def test_civil_count_names_the_roll_over():
    out = deadline_from_strings("2025-09-26", "2주", today=LATE, cal=GovCalendar())
    assert out["method"] == "civil" and out["skipped"] == [{"date": "2025-10-09", "reason": "한글날"}]
    assert "2025-10-09 만료" in out["counted"] and "민법" in out["basis"]


def test_extension_and_pause_fields():
    out = deadline_from_strings("2025-09-29", "10일", "10일", today=LATE, cal=GovCalendar())
    assert out["original_due"] == "2025-10-17" and out["extend"] == "10일"
    assert "제7조제1항" in out["basis"]
    out = deadline_from_strings("2026-10-05", "10일", None, ["2026-10-07..2026-10-08"], today=LATE, cal=GovCalendar())
    assert {"date": "2026-10-07", "reason": "보완 기간(처리기간 불산입)"} in out["skipped"]
    assert out["pauses"] == [{"from": "2026-10-07", "to": "2026-10-08"}] and "고충민원 처리지침 제18조" in out["basis"]


def test_office_holiday_moves_the_due_time(tmp_path):
    f = tmp_path / "h.tsv"
    f.write_text("2026-10-02\t임시공휴일\n지원연도\t2028\n", encoding="utf-8")
    extra, years = parse_office_file(f)
    cal = GovCalendar(extra=extra, extra_years=years, source=str(f))
    assert deadline_from_strings("2026-10-01", "2일", today=LATE, cal=GovCalendar())["due"] == "2026-10-02T18:00"
    out = deadline_from_strings("2026-10-01", "2일", today=LATE, cal=cal)
    assert out["due"] == "2026-10-06T18:00" and {"date": "2026-10-02", "reason": "임시공휴일"} in out["skipped"]
    assert deadline_from_strings("2027-12-20", "1개월", today=LATE, cal=cal)["due"] == "2028-01-19"


@pytest.mark.parametrize("received,period,fragment", [
    ("2026-11-24", "7일", "미래입니다"),
    ("1947-12-31", "7일", "1948년 이전"),
    ("2026-02-30", "7일", "없는 날짜"),
    ("26-03-02", "7일", "YYYY-MM-DD"),
    ("2026-03-02T25:00", "7일", "없는 날짜나 시각"),
    ("2026-03-02", "7달", "알 수 없는 기간"),
    ("2026-03-02", "", "알 수 없는 기간"),
    ("2026-03-02", "0일", "0입니다"),
])
def test_bad_input(received, period, fragment):
    with pytest.raises(DeadlineError, match=fragment):
        deadline_from_strings(received, period, today=date(2026, 11, 23), cal=GovCalendar())


def test_years_without_calendar_data_are_refused_not_guessed():
    with pytest.raises(CalendarError, match="2024년 공휴일 자료가 없어"):
        deadline_from_strings("2024-12-20", "7일", today=LATE, cal=GovCalendar())
    with pytest.raises(CalendarError, match="2028년 공휴일 자료가 없어"):
        deadline_from_strings("2027-12-20", "1개월", today=LATE, cal=GovCalendar())
    with pytest.raises(CalendarError, match="2028년"):
        deadline_from_strings("2027-12-27", "7일", today=LATE, cal=GovCalendar())


@pytest.mark.parametrize("pause,fragment", [
    ("2026-03-05..2026-03-04", "끝이 시작보다"), ("2026-03-01", "접수일"), ("3/5~3/6", "읽을 수 없습니다")])
def test_bad_pause(pause, fragment):
    with pytest.raises(DeadlineError, match=fragment):
        deadline_from_strings("2026-03-02", "7일", None, [pause], today=LATE, cal=GovCalendar())


def test_period_forms():
    assert parse_period("즉시").hours == 3 and parse_period("즉시").method == "hours"
    assert parse_period("5일").method == "hours" and parse_period("6일").method == "days"
    assert parse_period("2 주").method == "civil" and parse_period("1년").unit == "year"


def test_rule_table_gives_period_and_basis():
    rules = load_rules()
    assert {"정보공개 청구", "질의민원(법령)", "질의민원(제도·절차)", "고충민원", "기타민원"} <= set(rules)
    out = deadline_for("정보공개 청구", datetime(2025, 9, 29), extend=True, cal=GovCalendar(), rules=rules)
    assert out["due"] == "2025-10-31" and out["kind"] == "정보공개 청구"
    assert out["basis"].startswith("처리기간 10일(연장 10일): 「공공기관의 정보공개에 관한 법률」 제11조")
    assert "dasan sync" in out["note"]
    out = deadline_for("기타민원", datetime(2025, 5, 30, 10, 0), cal=GovCalendar(), rules=rules)
    assert out["due"] == "2025-05-30T14:00" and "제13조제2항" in out["basis"]
    assert deadline_for("질의민원(법령)", datetime(2026, 3, 3), cal=GovCalendar(), rules=rules)["period"] == "14일"
    with pytest.raises(DeadlineError, match="처리기간 표에 없습니다"):
        deadline_for("민원", datetime(2026, 3, 3), cal=GovCalendar(), rules=rules)
    with pytest.raises(DeadlineError, match="연장 기간이 없습니다"):
        deadline_for("기타민원", datetime(2026, 3, 3), extend=True, cal=GovCalendar(), rules=rules)


def test_office_rule_table(tmp_path, monkeypatch):
    f = tmp_path / "rules.tsv"
    f.write_text("종류\t처리기간\t연장\t근거\t비고\n민원A\t3일\t-\t시 규칙 제3조\n", encoding="utf-8")
    monkeypatch.setenv("DASAN_DEADLINE_RULES", str(f))
    out = deadline_for("민원A", datetime(2026, 3, 3, 9, 0), cal=GovCalendar())
    assert out["due"] == "2026-03-05T18:00" and out["basis"].startswith("처리기간 3일: 시 규칙 제3조")
    f.write_text("민원A\t3일\t-\t시 규칙\n민원B\t사흘\t-\t시 규칙\n", encoding="utf-8")
    with pytest.raises(DeadlineError, match=rf"{f} 2번째 줄: 처리기간 '사흘'"):
        load_rules()
    f.write_text("민원A\t3일\t-\t\n", encoding="utf-8")
    with pytest.raises(DeadlineError, match="1번째 줄: .*근거는 비울 수 없습니다"):
        load_rules()

"""The government calendar, each supported year pinned against a list written by hand from the 규정.

Lists: 관공서의 공휴일에 관한 규정 제2조 (1/1, 설 연휴, 삼일절, 부처님오신날, 어린이날, 현충일, 광복절, 추석 연휴,
개천절, 한글날, 성탄절, 임기만료 선거일, 임시공휴일) and 제3조 (대체공휴일: 설·추석 연휴가 일요일·다른 공휴일과
겹칠 때; 국경일·부처님오신날·어린이날·성탄절이 토·일요일·다른 공휴일과 겹칠 때; 1/1과 현충일은 없음).
노동절(5/1)과 제헌절(7/17)은 2026년부터(공휴일에 관한 법률 2026년 개정, holidays 라이브러리 출처) —
공유 말뭉치로 확인하지 못한 가정입니다(README).
"""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from rag.desk import holidays as hol
from rag.desk.holidays import CalendarError, GovCalendar, load_calendar, parse_office_file

# Every 공휴일 that is not a plain Sunday, by hand.
OFFICIAL = {
    2025: ["01-01", "01-27", "01-28", "01-29", "01-30", "03-01", "03-03", "05-05", "05-06", "06-03", "06-06",
           "08-15", "10-03", "10-05", "10-06", "10-07", "10-08", "10-09", "12-25"],
    2026: ["01-01", "02-16", "02-17", "02-18", "03-01", "03-02", "05-01", "05-05", "05-24", "05-25", "06-03",
           "06-06", "07-17", "08-15", "08-17", "09-24", "09-25", "09-26", "10-03", "10-05", "10-09", "12-25"],
    2027: ["01-01", "02-06", "02-07", "02-08", "02-09", "03-01", "05-01", "05-03", "05-05", "05-13", "06-06",
           "07-17", "07-19", "08-15", "08-16", "09-14", "09-15", "09-16", "10-03", "10-04", "10-09", "10-11",
           "12-25", "12-27"],
}


@pytest.mark.parametrize("year", sorted(OFFICIAL))
def test_each_supported_year_is_pinned(year):
    days = GovCalendar().holidays_of(year)
    named = sorted(d.strftime("%m-%d") for d, r in days.items() if r != "일요일")
    assert named == OFFICIAL[year]
    d = date(year, 1, 1)
    while d.year == year:  # every Sunday is a 공휴일 (제2조제1호); a Saturday is one only when named
        if d.weekday() == 6:
            assert d in days
        d += timedelta(days=1)


def test_names_and_reasons():
    cal = GovCalendar()
    assert cal.closed_reason(date(2025, 6, 3)) == "대통령 선거일"
    assert cal.closed_reason(date(2026, 6, 3)) == "지방선거일"
    assert cal.closed_reason(date(2025, 1, 27)) == "임시공휴일"
    assert cal.closed_reason(date(2026, 6, 6)) == "토요일·현충일"
    assert cal.closed_reason(date(2025, 10, 5)) == "일요일·추석 전날"
    assert cal.closed_reason(date(2026, 3, 7)) == "토요일"
    assert cal.closed_reason(date(2026, 3, 3)) is None


def test_labour_day_before_2026_is_a_working_day_though_the_library_lists_it():
    import holidays

    assert date(2025, 5, 1) in holidays.country_holidays("KR", years=2025, categories=("bank",))
    assert GovCalendar().closed_reason(date(2025, 5, 1)) is None


def test_no_substitute_for_new_year_or_memorial_day_or_a_saturday_chuseok():
    cal = GovCalendar()
    assert cal.closed_reason(date(2027, 6, 7)) is None  # 현충일 on a Sunday: no 대체공휴일
    assert cal.closed_reason(date(2026, 9, 28)) is None  # 추석 다음날 on a Saturday: none either


def test_override_table_wins_over_the_library(monkeypatch):
    monkeypatch.setitem(hol.OVERRIDES, date(2026, 5, 1), None)
    monkeypatch.setitem(hol.OVERRIDES, date(2026, 11, 2), "임시공휴일(규정)")
    cal = GovCalendar()
    assert cal.closed_reason(date(2026, 5, 1)) is None
    assert cal.closed_reason(date(2026, 11, 2)) == "임시공휴일(규정)"


@pytest.mark.parametrize("year", [2024, 2028, 1950])
def test_year_without_checked_data_is_refused(year):
    with pytest.raises(CalendarError, match=f"{year}년 공휴일 자료가 없어"):
        GovCalendar().closed_reason(date(year, 3, 3))


def test_office_file_adds_days_and_years(tmp_path, monkeypatch):
    f = tmp_path / "holidays.tsv"
    f.write_text("# 기관 임시공휴일\n2026-10-02\t임시공휴일(연휴)\n지원연도\t2028\n\n", encoding="utf-8")
    monkeypatch.setenv("DASAN_HOLIDAYS", str(f))
    cal = load_calendar()
    assert cal.closed_reason(date(2026, 10, 2)) == "임시공휴일(연휴)"
    assert cal.closed_reason(date(2028, 1, 19)) is None and 2028 in cal.years


def test_office_file_in_dasan_home(tmp_path, monkeypatch):
    monkeypatch.delenv("DASAN_HOLIDAYS", raising=False)
    monkeypatch.setenv("DASAN_HOME", str(tmp_path))
    (tmp_path / "holidays.tsv").write_text("2026-11-02 임시공휴일\n", encoding="utf-8")
    assert load_calendar().closed_reason(date(2026, 11, 2)) == "임시공휴일"


@pytest.mark.parametrize("text,line,fragment", [
    ("2026-10-02\t임시\n2026-13-01\t잘못\n", 2, "없는 날짜"),
    ("# c\n10/02\t임시\n", 2, "날짜(YYYY-MM-DD)나 '지원연도'가 아닙니다"),
    ("2026-10-02\n", 1, "이름이 없습니다"),
    ("지원연도\t28\n", 1, "네 자리 연도"),
])
def test_office_file_errors_name_file_and_line(tmp_path, text, line, fragment):
    f = tmp_path / "h.tsv"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(CalendarError) as e:
        parse_office_file(f)
    assert f"{f} {line}번째 줄" in str(e.value) and fragment in str(e.value)


def test_missing_office_file(tmp_path, monkeypatch):
    monkeypatch.setenv("DASAN_HOLIDAYS", str(tmp_path / "none.tsv"))
    with pytest.raises(CalendarError, match="공휴일 파일이 없습니다"):
        load_calendar()

"""민원 처리기간: the due date-time from the received time, with its basis and how it was counted.

Counting (「민원 처리에 관한 법률」 제19조, mirrored in the indexed 개인정보보호위원회 민원처리규정 제6조
and 국민권익위원회 일반민원 처리지침 제13조):
- 5일 이하: in working hours from the time of receipt, 1일 = 8근무시간; 토요일·공휴일 not counted.
  Working hours are 09:00–18:00 less lunch 12:00–13:00 (국가공무원 복무규정 제9조), so a receipt
  outside them starts the clock at the next working hour, and a date without a time at 09:00.
- 6일 이상: in days, the day of receipt counted as the first; 토요일·공휴일 not counted.
- 주·월·연: the first day counted, then 민법 제159조~제161조 (ends the day before the corresponding
  day, the month's last day when there is none, and rolls past a 토요일·공휴일 at the end).
- 즉시: 3근무시간 (일반민원 처리지침 제13조제2항).
- 보완 and other paused days (both ends included, 고충민원 처리지침 제18조제2항제1호) stop the clock.
- An extension is a second period counted from where the first ended: the next day for day-based
  periods, the due time itself for hour-based ones.
"""
from __future__ import annotations

import calendar as _calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from rag.desk.holidays import GovCalendar, load_calendar

WORK_PERIODS = ((time(9), time(12)), (time(13), time(18)))
HOURS_PER_DAY = 8
EARLIEST = date(1948, 1, 1)
PAUSED = "보완 기간(처리기간 불산입)"
PERIOD_HELP = "'3일', '7일', '2주', '1개월', '1년', '즉시'처럼 쓰세요"

LAW = ("민원 처리에 관한 법률", False)
PIPC = ("개인정보보호위원회 민원처리규정", True)
ACRC = ("국민권익위원회 일반민원 처리지침", True)
GRIEV = ("국민권익위원회 고충민원 처리지침", True)
CIVIL = ("민법", False)
HOLIDAY_RULE = ("관공서의 공휴일에 관한 규정", False)
SERVICE = ("국가공무원 복무규정", False)


class DeadlineError(ValueError):
    """A Korean message naming the input that failed and how to fix it."""


@dataclass(frozen=True)
class Period:
    amount: int
    unit: str  # hour | day | week | month | year
    text: str

    @property
    def method(self) -> str:
        if self.unit == "hour" or (self.unit == "day" and self.amount <= 5):
            return "hours"
        return "days" if self.unit == "day" else "civil"

    @property
    def hours(self) -> int:
        return self.amount * HOURS_PER_DAY if self.unit == "day" else self.amount


_PERIOD = re.compile(r"^(\d{1,3})\s*(일|주|개월|월|년|근무시간|시간)$")
_UNITS = {"일": "day", "주": "week", "개월": "month", "월": "month", "년": "year", "근무시간": "hour", "시간": "hour"}
_UNIT_KO = {"week": "주", "month": "개월", "year": "년"}


def parse_period(text: str | None, what: str = "--period") -> Period:
    t = re.sub(r"\s+", "", text or "")
    if t == "즉시":
        return Period(3, "hour", "즉시")
    m = _PERIOD.match(t)
    if not m:
        raise DeadlineError(f"{what} '{text or ''}'를 알 수 없는 기간입니다. {PERIOD_HELP}.")
    n = int(m.group(1))
    if n == 0:
        raise DeadlineError(f"{what} '{text}'는 0입니다. 1 이상의 기간을 주세요({PERIOD_HELP}).")
    return Period(n, _UNITS[m.group(2)], t)


def parse_received(text: str | None, today: date, what: str = "--received") -> tuple[datetime, bool]:
    """(received, whether a time was given). Future and pre-1948 dates are refused."""
    t = (text or "").strip()
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?", t)
    if not m:
        raise DeadlineError(f"{what} '{t}'를 읽을 수 없습니다. YYYY-MM-DD 또는 YYYY-MM-DDTHH:MM(예: 2026-03-02T14:30)으로 쓰세요.")
    try:
        d = date.fromisoformat(m.group(1))
        clock = time.fromisoformat(m.group(2)) if m.group(2) else time(0)
    except ValueError:
        raise DeadlineError(f"{what} '{t}'는 없는 날짜나 시각입니다. 달력에 있는 날짜와 00:00~23:59 시각을 주세요.") from None
    if d < EARLIEST:
        raise DeadlineError(f"{what} '{t}'는 1948년 이전입니다. 1948-01-01 이후의 접수일을 주세요.")
    if d > today:
        raise DeadlineError(f"{what} '{t}'는 미래입니다(오늘 {today.isoformat()}). 이미 접수된 날짜를 주세요.")
    return datetime.combine(d, clock), m.group(2) is not None


def parse_pause(text: str, received: date, what: str = "--pause") -> tuple[date, date]:
    """'YYYY-MM-DD..YYYY-MM-DD' or one date; both ends are paused days."""
    parts = [p.strip() for p in (text or "").split("..")]
    try:
        if len(parts) not in (1, 2):
            raise ValueError
        start = date.fromisoformat(parts[0])
        end = date.fromisoformat(parts[-1])
    except ValueError:
        raise DeadlineError(f"{what} '{text}'를 읽을 수 없습니다. 보완 기간을 2026-03-02..2026-03-05(양끝 포함)처럼 쓰세요.") from None
    if end < start:
        raise DeadlineError(f"{what} '{text}'의 끝이 시작보다 앞섭니다. 시작..끝 순서로 쓰세요.")
    if start < received:
        raise DeadlineError(f"{what} '{text}'가 접수일 {received.isoformat()}보다 앞섭니다. 접수 뒤의 보완 기간을 주세요.")
    return start, end


class _Clock:
    """Counts one deadline over the calendar, remembering the days it did not count."""

    def __init__(self, cal: GovCalendar, pauses: list[tuple[date, date]]) -> None:
        self.cal, self.pauses, self.skipped = cal, pauses, {}

    def closed(self, d: date) -> str | None:
        reason = self.cal.closed_reason(d)
        if not reason and any(a <= d <= b for a, b in self.pauses):
            reason = PAUSED
        if reason:
            self.skipped.setdefault(d, reason)
        return reason

    def hours(self, start: datetime, hours: int) -> datetime:
        remaining, d = hours * 60, start.date()
        while True:
            if not self.closed(d):
                for s, e in WORK_PERIODS:
                    begin, end = datetime.combine(d, s), datetime.combine(d, e)
                    begin = max(begin, start)
                    if begin >= end:
                        continue
                    available = int((end - begin).total_seconds() // 60)
                    if remaining <= available:
                        return begin + timedelta(minutes=remaining)
                    remaining -= available
            d += timedelta(days=1)

    def days(self, first: date, n: int) -> date:
        d, counted = first, 0
        while True:
            if not self.closed(d):
                counted += 1
                if counted == n:
                    return d
            d += timedelta(days=1)

    def civil(self, first: date, p: Period) -> tuple[date, date]:
        """(the 민법 end before any roll-over, the end after pauses and 제161조)."""
        if p.unit == "week":
            end = first + timedelta(days=7 * p.amount - 1)
        else:
            months = p.amount * (12 if p.unit == "year" else 1)
            y, m = divmod(first.month - 1 + months, 12)
            y, m = first.year + y, m + 1
            last = _calendar.monthrange(y, m)[1]
            # 민법 제160조: the day before the corresponding day; the month's last day when there is none
            end = date(y, m, last) if first.day > last else date(y, m, first.day) - timedelta(days=1)
        plain = end
        if self.pauses:  # the clock stops: the same number of running days, paused days left out
            length, d, counted = (end - first).days + 1, first, 0
            while True:
                if any(a <= d <= b for a, b in self.pauses):
                    self.skipped.setdefault(d, PAUSED)
                else:
                    counted += 1
                    if counted == length:
                        end = d
                        break
                d += timedelta(days=1)
        while self.closed(end):  # 민법 제161조
            end += timedelta(days=1)
        return plain, end


def _cite(source: tuple[str, bool], article: str) -> dict:
    return {"title": source[0], "article": article, "indexed": source[1]}


def _method_basis(p: Period) -> tuple[str, list[dict]]:
    if p.text == "즉시":
        return ("'즉시' 처리 민원은 3근무시간 이내(국민권익위원회 일반민원 처리지침 제13조제2항)",
                [_cite(ACRC, "제13조제2항")])
    if p.method == "hours":
        return ("처리기간 5일 이하는 접수시각부터 '시간' 단위, 1일=8근무시간, 공휴일·토요일 불산입"
                "(「민원 처리에 관한 법률」 제19조제1항; 개인정보보호위원회 민원처리규정 제6조제3항); "
                "근무시간 09:00~18:00, 점심 12:00~13:00 제외(「국가공무원 복무규정」 제9조)",
                [_cite(LAW, "제19조제1항"), _cite(PIPC, "제6조제3항"), _cite(SERVICE, "제9조")])
    if p.method == "days":
        return ("처리기간 6일 이상은 '일' 단위, 첫날 산입, 공휴일·토요일 불산입(「민원 처리에 관한 법률」 제19조제2항; "
                "개인정보보호위원회 민원처리규정 제6조제4항; 국민권익위원회 일반민원 처리지침 제13조제1항)",
                [_cite(LAW, "제19조제2항"), _cite(PIPC, "제6조제4항"), _cite(ACRC, "제13조제1항")])
    return ("주·월·연으로 정한 처리기간은 첫날을 산입하고 「민법」 제159조~제161조를 준용(「민원 처리에 관한 법률」 "
            "제19조제3항): 기산일에 해당하는 날의 전날 만료, 그 날이 없으면 그 달 말일, 말일이 토요일·공휴일이면 다음 날",
            [_cite(LAW, "제19조제3항"), _cite(CIVIL, "제159조"), _cite(CIVIL, "제160조"), _cite(CIVIL, "제161조")])


def _fmt(value: datetime | date) -> str:
    return value.strftime("%Y-%m-%dT%H:%M") if isinstance(value, datetime) else value.isoformat()


def _run(clock: _Clock, p: Period, start: datetime, after_day: bool) -> tuple[datetime | date, str]:
    """Count one period from ``start``; ``after_day``: start on the next day (an extension after a date)."""
    first = start.date() + timedelta(days=1) if after_day else start.date()
    if p.method == "hours":
        begin = datetime.combine(first, time(0)) if after_day else start
        due = clock.hours(begin, p.hours)
        return due, f"{_fmt(begin) if begin.time() != time(0) else first.isoformat()}부터 근무시간 {p.hours}시간"
    if p.method == "days":
        return clock.days(first, p.amount), f"{first.isoformat()}을 첫날로 근무일 {p.amount}일"
    plain, due = clock.civil(first, p)
    how = f"{first.isoformat()}을 첫날로 {p.amount}{_UNIT_KO[p.unit]}, {plain.isoformat()} 만료"
    if due != plain:
        how += f" → 보완 기간·토요일·공휴일로 {due.isoformat()}"
    return due, how


def compute(received: datetime, period: Period, extend: Period | None = None,
            pauses: list[tuple[date, date]] | None = None, cal: GovCalendar | None = None,
            received_text: str | None = None) -> dict:
    """The `dasan deadline` object."""
    cal = cal or load_calendar()
    cal.check_year(received.year)
    clock = _Clock(cal, sorted(pauses or []))
    due, how = _run(clock, period, received, after_day=False)
    basis, cites = _method_basis(period)
    bases, counted, original = [basis], [how], None
    if extend is not None:
        original = due
        hour_due = isinstance(due, datetime)
        due, how_ext = _run(clock, extend, due if hour_due else datetime.combine(due, time(0)), after_day=not hour_due)
        counted.append(f"연장 {extend.text}: {how_ext}")
        ext_basis, ext_cites = _method_basis(extend)
        bases.append("연장은 처리기간의 범위에서(개인정보보호위원회 민원처리규정 제7조제1항; 국민권익위원회 일반민원 "
                     "처리지침 제15조제1항), 연장 기간 계산: " + ext_basis)
        cites += [_cite(PIPC, "제7조제1항"), _cite(ACRC, "제15조제1항")] + [c for c in ext_cites if c not in cites]
    if pauses:
        bases.append("보완 등 처리기간에 산입하지 않는 기간은 제외(국민권익위원회 일반민원 처리지침 제14조; "
                     "국민권익위원회 고충민원 처리지침 제18조제2항제1호: 보완 요구를 보낸 날과 보완이 도달한 날 포함)")
        cites += [_cite(ACRC, "제14조"), _cite(GRIEV, "제18조제2항")]
    bases.append("공휴일은 「관공서의 공휴일에 관한 규정」 제2조·제3조(일요일, 국경일, 설·추석 연휴, 대체공휴일, 선거일, 임시공휴일)")
    cites.append(_cite(HOLIDAY_RULE, "제2조"))
    cites.append(_cite(HOLIDAY_RULE, "제3조"))
    skipped = [{"date": d.isoformat(), "reason": r} for d, r in sorted(clock.skipped.items())
               if d <= (due.date() if isinstance(due, datetime) else due)]
    if skipped:
        counted.append(f"세지 않은 날 {len(skipped)}일(토요일·공휴일" + ("·보완 기간" if pauses else "") + ")")
    out = {
        "received": received_text or _fmt(received),
        "period": period.text,
        "due": _fmt(due),
        "basis": "; ".join(bases),
        "counted": "; ".join(counted),
        "skipped": skipped,
        "method": period.method,
        "extend": extend.text if extend else None,
        "original_due": _fmt(original) if original is not None else None,
        "pauses": [{"from": a.isoformat(), "to": b.isoformat()} for a, b in sorted(pauses or [])],
        "citations": cites,
        "calendar": calendar_note(cal),
    }
    return out


def calendar_note(cal: GovCalendar) -> str:
    from rag.desk.holidays import library_version

    note = f"관공서 공휴일: holidays {library_version()} 공공(public) 달력 + 일요일, 확인 연도 {min(cal.years)}~{max(cal.years)}"
    if cal.source:
        note += f", 기관 임시공휴일 {len(cal.extra)}일({cal.source})"
    return note


def deadline_from_strings(received: str | None, period: str | None, extend: str | None = None,
                          pauses: list[str] | None = None, *, today: date, cal: GovCalendar | None = None) -> dict:
    """The CLI's and the API's entry: validate the strings, then count."""
    rec, has_time = parse_received(received, today)
    p = parse_period(period)
    ext = parse_period(extend, "--extend") if extend else None
    spans = [parse_pause(s, rec.date()) for s in pauses or []]
    return compute(rec, p, ext, spans, cal, received_text=received_label(rec, has_time))


def received_label(received: datetime, has_time: bool) -> str:
    return _fmt(received) if has_time else received.date().isoformat()

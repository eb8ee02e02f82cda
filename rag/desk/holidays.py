"""The government calendar: which days 관공서 do not work (관공서의 공휴일에 관한 규정 제2조·제3조).

Built from the ``holidays`` library's Korean *public* calendar (its *bank* category adds 근로자의날,
which was never a government holiday), every Sunday (제2조제1호), an override table for any day where
the library and the 규정 part ways (the 규정 wins), and the 임시공휴일 an office adds in its holiday
file. Only hand-checked years are used: a year outside them is refused, never guessed, because a
missing 임시공휴일 or a moved election day silently shifts every deadline across it.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

# Years whose full list was checked by hand against the 규정 (tests/rag/desk/test_holidays.py pins them).
CHECKED_YEARS = frozenset({2025, 2026, 2027})

# Where the 규정 disagrees with the library: date -> name to add, or None to remove. Empty for the
# checked years (each of their days was compared), kept so a future disagreement has one place to go.
OVERRIDES: dict[date, str | None] = {}

FILE_HELP = "한 줄에 'YYYY-MM-DD<탭>이름'(임시공휴일) 또는 '지원연도<탭>YYYY'를 쓰세요(# 뒤는 주석)."


class CalendarError(ValueError):
    """A Korean message: which input or year failed and what would fix it."""


@lru_cache(maxsize=64)
def _library_year(year: int) -> dict[date, str]:
    import holidays

    cal = holidays.country_holidays("KR", years=year, language="ko", categories=("public",))
    return {d: name for d, name in cal.items()}


def library_version() -> str:
    import holidays

    return holidays.__version__


@dataclass
class GovCalendar:
    """Non-working days of government offices: Saturdays aside, these are 공휴일."""

    extra: dict[date, str] = field(default_factory=dict)  # office 임시공휴일
    extra_years: frozenset[int] = frozenset()  # years the office declared it checked
    source: str = ""  # the office file, for messages

    @property
    def years(self) -> frozenset[int]:
        return CHECKED_YEARS | self.extra_years

    def check_year(self, year: int) -> None:
        if year not in self.years:
            known = ", ".join(str(y) for y in sorted(self.years))
            raise CalendarError(
                f"{year}년 공휴일 자료가 없어 기한을 계산하지 않습니다(추측하지 않음). 확인된 연도: {known}. "
                f"그 해의 관공서 공휴일을 확인했다면 공휴일 파일(DASAN_HOLIDAYS)에 '지원연도<탭>{year}'와 "
                "임시공휴일을 추가하세요.")

    def holiday_names(self, d: date) -> list[str]:
        """The 공휴일 names of a day (empty on a working day or a plain Saturday)."""
        self.check_year(d.year)
        names = []
        if d.weekday() == 6:
            names.append("일요일")
        lib = _library_year(d.year).get(d)
        if d in OVERRIDES:
            lib = OVERRIDES[d]
        if lib:
            names.extend(n.strip() for n in lib.split(";") if n.strip())
        if d in self.extra:
            names.append(self.extra[d])
        return names

    def closed_reason(self, d: date) -> str | None:
        """Why the day is not counted (토요일 or its 공휴일 names), or None on a working day."""
        names = self.holiday_names(d)
        if d.weekday() == 5:
            names.insert(0, "토요일")
        return "·".join(names) or None

    def holidays_of(self, year: int) -> dict[date, str]:
        """Every 공휴일 of a year, Sundays included (for pinning and listing)."""
        self.check_year(year)
        out, d = {}, date(year, 1, 1)
        while d.year == year:
            names = self.holiday_names(d)
            if names:
                out[d] = "·".join(names)
            d += timedelta(days=1)
        return out


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_office_file(path: Path) -> tuple[dict[date, str], frozenset[int]]:
    """Read an office holiday file; errors name the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CalendarError(f"공휴일 파일이 없습니다: {path}. DASAN_HOLIDAYS에 있는 파일 경로를 주세요.") from None
    except (OSError, UnicodeDecodeError) as e:
        raise CalendarError(f"공휴일 파일 {path}을(를) 읽을 수 없습니다({type(e).__name__}). UTF-8 텍스트로 저장하세요.") from None
    extra: dict[date, str] = {}
    years: set[int] = set()
    for n, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split(None, 1)
        key, value = parts[0].strip(), (parts[1].strip() if len(parts) > 1 else "")
        where = f"공휴일 파일 {path} {n}번째 줄"
        if key == "지원연도":
            if not re.fullmatch(r"\d{4}", value) or not 1948 <= int(value) <= 2100:
                raise CalendarError(f"{where}: 지원연도 '{value}'가 1948~2100 사이의 네 자리 연도가 아닙니다. {FILE_HELP}")
            years.add(int(value))
            continue
        if not _DATE.match(key):
            raise CalendarError(f"{where}: '{key}'는 날짜(YYYY-MM-DD)나 '지원연도'가 아닙니다. {FILE_HELP}")
        try:
            d = date.fromisoformat(key)
        except ValueError:
            raise CalendarError(f"{where}: '{key}'는 없는 날짜입니다. {FILE_HELP}") from None
        if not 1948 <= d.year <= 2100:
            raise CalendarError(f"{where}: {key}는 1948~2100년 밖의 날짜입니다. {FILE_HELP}")
        if not value:
            raise CalendarError(f"{where}: {key}의 이름이 없습니다(예: '{key}<탭>임시공휴일'). {FILE_HELP}")
        extra[d] = value
    return extra, frozenset(years)


def office_file(home: Path | None = None) -> Path | None:
    """DASAN_HOLIDAYS, else holidays.tsv in the data folder (``home``, default DASAN_HOME) when it exists."""
    env = os.environ.get("DASAN_HOLIDAYS", "").strip()
    if env:
        return Path(env)
    f = (Path(home) if home is not None else Path(os.environ.get("DASAN_HOME", "data"))) / "holidays.tsv"
    return f if f.is_file() else None


def load_calendar(path: Path | None = None, home: Path | None = None) -> GovCalendar:
    """The government calendar plus the office's own days (read on every call: edits apply at once)."""
    path = path or office_file(home)
    if path is None:
        return GovCalendar()
    extra, years = parse_office_file(path)
    return GovCalendar(extra=extra, extra_years=years, source=str(path))

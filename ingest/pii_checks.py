"""Validators of the personal-data masker (``ingest.pii_patterns``): check digits, dates, digit counts.

Each sees the matched value alone, so Presidio can host the same rules (``eval.pii_eval``).
"""
from __future__ import annotations

import re
from datetime import date

def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def rrn_date_ok(digits: str) -> bool:
    """YYMMDD with the century given by the 7th digit (1,2,5,6: 1900s; 3,4,7,8: 2000s; 9,0: 1800s)."""
    if len(digits) < 7:
        return False
    g = digits[6]
    century = {"1": 1900, "2": 1900, "5": 1900, "6": 1900, "3": 2000, "4": 2000, "7": 2000, "8": 2000,
               "9": 1800, "0": 1800}[g]
    try:
        born = date(century + int(digits[:2]), int(digits[2:4]), int(digits[4:6]))
    except ValueError:
        return False
    return born <= date.today()


def rrn_checksum_ok(digits: str) -> bool:
    """주민등록번호 (and pre-Oct-2020 외국인등록번호, whose remainder is taken from 13 not 11) check digit."""
    if len(digits) != 13 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:12], (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)))
    base = 13 if digits[6] in "5678" else 11
    return (base - total % 11) % 10 == int(digits[12])


def rrn_valid(value: str) -> bool:
    d = _digits(value)
    return rrn_date_ok(d) and rrn_checksum_ok(d)


def rrn_date_valid(value: str) -> bool:
    """Date and gender digit only: numbers issued since Oct 2020 need not satisfy the check digit."""
    d = _digits(value)
    return rrn_date_ok(d) and d[6] in "12345678"


def rrn_labelled_valid(value: str) -> bool:
    """Right after a 주민/외국인등록번호 label: a real month and day is enough, whatever the gender digit
    ("외국인등록번호 910505-7…" mistypes the century, but the label says what the number is)."""
    d = _digits(value)
    if len(d) != 13:
        return False
    try:
        date(2000, int(d[2:4]), int(d[4:6]))
    except ValueError:
        return False
    return True


def rrn_head_valid(value: str) -> bool:
    """A partly hidden number ("900101-1******"): birth date and gender digit still identify a person."""
    return rrn_date_ok(_digits(value))


def brn_valid(value: str) -> bool:
    """사업자등록번호 check digit (weights 1,3,7,1,3,7,1,3,5 plus the carry of the 9th product)."""
    d = [int(c) for c in _digits(value)]
    if len(d) != 10:
        return False
    total = sum(x * w for x, w in zip(d[:9], (1, 3, 7, 1, 3, 7, 1, 3, 5))) + d[8] * 5 // 10
    return (10 - total % 10) % 10 == d[9]


def luhn_valid(value: str) -> bool:
    """The card number check (Luhn) over all digits."""
    d = [int(c) for c in _digits(value)][::-1]
    if not 13 <= len(d) <= 19:
        return False
    return sum(x if i % 2 == 0 else (x * 2 - 9 if x > 4 else x * 2) for i, x in enumerate(d)) % 10 == 0


def account_shape_ok(value: str) -> bool:
    """Bank account numbers run 10-14 digits (국민 6-2-6, 신한 3-3-6, 우리 4-3-6, 하나 3-6-5, 농협 3-4-4-2 …)."""
    return 10 <= len(re.sub(r"[^\d*]", "", value)) <= 14  # hidden digits ("123456-**-123456") count too


def ip_looks_real(value: str) -> bool:
    """Without an IP context, demand two multi-digit octets: KGS clauses ("2.3.3.4") stay intact."""
    parts = value.split(".")
    return int(parts[0]) >= 10 and sum(len(p) >= 2 for p in parts) >= 2




# Digits written as Hangul words: "팔오공삼공이", "공일공-일이삼사-오륙칠팔".
_HANGUL_DIGITS = str.maketrans({"공": "0", "영": "0", "일": "1", "이": "2", "삼": "3", "사": "4", "오": "5", "육": "6",
                                "륙": "6", "칠": "7", "팔": "8", "구": "9",
                                "O": "0", "o": "0", "l": "1", "I": "1"})  # "O1O-…": letters for digits


def spelt_phone_ok(value: str) -> bool:
    """A phone spelt in Hangul digits or digit by digit: 10 or 11 digits in all."""
    return len(_digits(value.translate(_HANGUL_DIGITS))) in (10, 11)


def hangul_rrn_valid(value: str) -> bool:
    """A 주민등록번호 read out in Hangul digits: a real birth date and gender digit once converted."""
    d = _digits(value.translate(_HANGUL_DIGITS))
    return len(d) == 13 and rrn_date_ok(d) and d[6] in "12345678"


def card_shape_ok(value: str) -> bool:
    """A number labelled as a card: 13-19 digits or masking stars, at least 8 of them digits (no Luhn:
    domestic and mistyped cards fail it, and the label says what it is)."""
    body = re.sub(r"[^\d*xX]", "", value)
    return 13 <= len(body) <= 19 and len(_digits(body)) >= 8


def birth_date_ok(value: str) -> bool:
    """A past calendar date: "1985.3.2", "62년 4월 9일", "1990-02-21", "920714", "19920714"."""
    nums = re.findall(r"\d+", value)
    if len(nums) == 1:
        d = nums[0]
        nums = [d[:4], d[4:6], d[6:]] if len(d) == 8 else [d[:2], d[2:4], d[4:]] if len(d) == 6 else []
    if len(nums) != 3:
        return False
    if len(nums[2]) == 4 and len(nums[0]) <= 2:  # "4/5/1988": month (or day) first, the year last
        return any(birth_date_ok(f"{nums[2]}.{a}.{b}") for a, b in ((nums[0], nums[1]), (nums[1], nums[0])))
    y, m, d = (int(n) for n in nums)
    if len(nums[0]) == 2:
        y += 2000 if y <= date.today().year % 100 else 1900
    try:
        return date(1900, 1, 1) <= date(y, m, d) <= date.today()
    except ValueError:
        return False


def ipv6_ok(value: str) -> bool:
    """An IPv6 address, not a time ("10:30:45") or a ratio: 8 groups, or "::" with at least 3, and a hex letter
    or four or more groups."""
    groups = [g for g in value.split(":") if g]
    if "::" in value:
        ok = value.count("::") == 1 and len(groups) >= 2
    else:
        ok = len(groups) == 8
    return ok and (len(groups) >= 4 or any(c in "abcdefABCDEF" for c in value))


def birth_date_adult_ok(value: str) -> bool:
    """A date in a bare personal record ("이름 / 010-… / 1990.1.2"): a birth date only if at least ten years
    back, since a recent date there is more likely a visit or an incident."""
    if not birth_date_ok(value):
        return False
    year = int(re.findall(r"\d+", value)[0])
    year += (2000 if year <= date.today().year % 100 else 1900) if year < 100 else 0
    return year <= date.today().year - 10


_NETWORK_CONFIG = re.compile(r"(?:게이트웨이|[Gg]ateway|GATEWAY|서브넷|[Ss]ubnet|DNS|DHCP|넷마스크)[^\n.]{0,12}\Z")


def not_network_config(text: str, start: int, end: int) -> bool:
    """An IP right after 게이트웨이/DNS/서브넷 is a network setting, not a person's connection."""
    return _NETWORK_CONFIG.search(text, max(0, start - 24), start) is None

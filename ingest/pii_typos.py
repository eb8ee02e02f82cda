"""Masker round 9 (set 16 read for its misses as kinds): identifiers a citizen mistyped are still theirs.

- a 주민등록번호 with a digit missing or one too many ("900101-12345", "900101-123456789"): a valid birth date, a
  hyphen, a gender digit and four to eight more digits, where an RRN label stands near or the number sits in
  apposition to a person ("홍길동 (900101-12345)", "손자, 900101-31234");
- the same without a hyphen (11, 12 or 14 digits starting with a valid date and gender digit) only with a label
  near, since a bare digit run is many things (a phone starting 010 never is one here);
- a lot in a village the writer masked ("○○리 122", "△△동 45-3"): the placeholder names the place, the number is
  the house.
"""
from __future__ import annotations

import re

from ingest.pii_checks import rrn_date_ok
from ingest.pii_patterns import RRN_BODY, RRN_LABEL, Rule

_LABEL = re.compile(RRN_LABEL + r"|주민[ \t]*등록|(?<![가-힣])주민번호")
_APPOSITION_BEFORE = re.compile(r"[(,:][ \t]*\Z")
_APPOSITION_AFTER = re.compile(r"[ \t]*(?:[),\n]|$|아니고|이고|이며|입니다)")


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def _typo_rrn_ok(value: str) -> bool:
    """A real birth date and a gender digit: the check digit cannot hold once a digit is lost."""
    d = _digits(value)
    return len(d) != 13 and rrn_date_ok(d) and d[6] in "12345678"


def _label_near(text: str, start: int, end: int) -> bool:
    """An RRN label within the sentence window before or just after the number."""
    return _LABEL.search(text, max(0, start - 120), start) is not None or _LABEL.search(text, end, end + 30) is not None


def _hyphen_context(text: str, start: int, end: int) -> bool:
    """A label near, or the number in apposition to a person: "(…)", ", …," right after a name or a word."""
    if _label_near(text, start, end):
        return True
    return (_APPOSITION_BEFORE.search(text, max(0, start - 3), start) is not None
            and _APPOSITION_AFTER.match(text, end) is not None)


RRN_TYPO = Rule("rrn_typo", "rrn", RRN_BODY + r"[ \t]*-[ \t]*[1-8](?:\d{4,5}|\d{7})(?![\d-])", check=_typo_rrn_ok,
                context=_hyphen_context, priority=96, gate=r"\d{6}[ \t]*-[ \t]*[1-8]\d{4}", reach=(10, 20))
RRN_TYPO_RUN = Rule("rrn_typo_run", "rrn", r"(?<![\d-])(?!01[016789])\d{6}[1-8](?:\d{4,5}|\d{7})(?![\d-])",
                    check=_typo_rrn_ok, context=_label_near, priority=96, gate=r"\d{11,14}", reach=(2, 2))

ADDRESS_MASKED_VILLAGE = Rule(
    "address_masked_village", "address",
    # the writer's placeholder ("○○", "XX") reaches the rules folded to the stand-in syllable (``fold_placeholders``)
    r"(?<![가-힣])뵹{1,4}(?:리|동|면|읍)[ \t]+(?:산[ \t]?)?\d{1,4}(?:-\d{1,4})?(?:[ \t]?번지)?(?![\d가-힣]|[.,]\d)",
    priority=40, gate=r"뵹(?:리|동|면|읍)[ \t]+\d", reach=(6, 16))

TYPO_RULES: tuple[Rule, ...] = (RRN_TYPO, RRN_TYPO_RUN, ADDRESS_MASKED_VILLAGE)

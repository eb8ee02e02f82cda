"""Foreign names by frame (masker round 4): where a foreigner's name stands, whatever its script.

- a self-introduction with a nationality or status: "저는 베트남 사람 …", "몽골 유학생 …", "일본 국적의 …" then a
  name in Latin, Cyrillic or Hangul words and "(" or a copula;
- an English kinship frame: "My mother Kang Myung-ja", "our son Daniel Lee";
- a romanised name right before its passport or registration number: "Reynaldo Cruz (여권 P…)";
- the same name in another script in brackets right after a found name: "다나카 유키(田中 由紀)",
  "Батбаяр Энхтүвшин (Batbayar Enkhtuvshin)" (``bracket_aliases``);
- and a foreigner's address in English: a number and a romanised road (-ro, -gil, -daero), with its unit before
  and its districts and postcode after ("Apt 1202, 77 Olympic-ro, Songpa-gu, Seoul 05551").
"""
from __future__ import annotations

import re

from ingest.pii_names import foreign_name_ok, latin_name_ok
from ingest.pii_patterns import Rule

LATIN = r"[A-Z][a-z]+(?:[ \t][A-Z][a-z]+(?:-[a-z]+)?){1,3}|[A-Z]{2,}(?:[ \t][A-Z]{2,}){1,3}"
CYRILLIC = r"[А-ЯЁҮӨ][а-яёүө]+(?:[ \t][А-ЯЁҮӨ][а-яёүө]+){1,3}"
CJK = r"[\u4e00-\u9fff]{1,3}[ \t]?[\u4e00-\u9fff]{1,3}"
_NATIONALITY = (r"(?:저는|전|나는|제[ \t]?이름은|이름은)[ \t]+(?:[가-힣]{1,8}[ \t]+)?[가-힣]{1,6}[ \t]?(?:국적의?|사람|유학생|출신(?:의|인)?|국민|"
                r"근로자|노동자|이민자|결혼이민자|교포|동포|여성|남성|학생|주민)[ \t]+")
_AFTER_INTRO = r"[ \t]*(?:\(|（|입니다|이라고|라고|예요|이에요|이고|임(?![가-힣]))"
_KIN_EN = r"(?<![A-Za-z])(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er)[ \t]+(?:mother|father|mom|dad|wife|husband|son|daughter|brother|sister|grandmother|grandfather|uncle|aunt)[ \t]+"


def _latin_or_cyrillic_ok(value: str) -> bool:
    return re.match(r"[А-ЯЁҮӨ]", value) is not None or latin_name_ok(value)


EN_ADDRESS = (r"(?<![A-Za-z0-9-])(?:(?:Apt\.?|Room|Rm\.?|Unit|Suite|#)[ \t]?\d{1,5}(?:-\d{1,5})?,?[ \t]*|\d{1,4}-\d{1,5},[ \t]*)?"
              r"(?:(?:Bldg\.?|Building|Dong)[ \t]?\d{1,4},?[ \t]*)?\d{1,4}(?:-\d{1,4})?,?[ \t]+[A-Z][a-z]+(?:[ \t-][A-Za-z0-9]+){0,3}?-(?:ro|gil|daero)"
              r"(?:[ \t]?\d{1,4}(?:beon)?-?gil)?(?![A-Za-z])(?:,[ \t]*[A-Z][a-z]+(?:-(?:si|gu|gun|do|dong|eup|myeon|ri))?(?![A-Za-z])){0,4}"
              r"(?:,?[ \t]*\d{5}(?!\d))?")


FRAME_RULES: tuple[Rule, ...] = (
    Rule("address_english", "address", EN_ADDRESS, priority=43, gate=r"-(?:ro|gil|daero)\b", reach=(60, 60)),
    Rule("name_intro_nationality", "name", rf"{LATIN}|{CYRILLIC}", before=_NATIONALITY, after=_AFTER_INTRO,
         check=_latin_or_cyrillic_ok, priority=31, role="citizen", gate=r"저는|전|나는|이름은", reach=(0, 60)),
    Rule("name_intro_nationality_hangul", "name", r"[가-힣]{1,5}(?:[ \t][가-힣]{1,5}){1,3}", before=_NATIONALITY, after=_AFTER_INTRO,
         context=foreign_name_ok, priority=31, role="citizen", gate=r"저는|전|나는|이름은", reach=(0, 60)),
    Rule("name_kin_english", "name", LATIN, before=_KIN_EN, check=latin_name_ok, priority=30, role="citizen",
         gate=r"(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er)[ \t]", reach=(0, 50)),
    Rule("name_before_passport", "name", LATIN, after=r"[ \t]*\([ \t]*(?:여권|[Pp]assport|ARC|외국인등록)", check=latin_name_ok,
         priority=30, role="citizen", gate=r"\([ \t]*(?:여권|[Pp]assport|ARC|외국인등록)", reach=(40, 2)),
)

_BRACKET_ALIAS = re.compile(rf"[ \t]*[(（][ \t]*(?P<v>{LATIN}|{CYRILLIC}|{CJK})[ \t]*[)）]")


def bracket_aliases(text: str, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The name in another script in brackets right after a found name."""
    out = []
    for _, end in names:
        m = _BRACKET_ALIAS.match(text, end)
        if m is None:
            continue
        v = m.group("v")
        if re.match(r"[A-Za-z]", v) and not latin_name_ok(v):
            continue
        if not re.match(r"[A-Za-zА-ЯЁҮӨ]", v) and len(v.replace(" ", "")) > 4:
            continue
        out.append(m.span("v"))
    return out

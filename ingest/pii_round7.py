"""Address, phone and birth-date shapes the earlier families missed (unseen set 5, round 7).

Each rule is one way people write the item, not one example: a bare postcode before the address
("06236 서울특별시 …"), a 동 name before a building and its unit ("신대방동 삼성아파트 105동 602호"), a mobile
number with some digits of a group hidden ("010-4912-○○88", "010-49**-1234"), a date of birth in English
("March 4, 1976", "4 March 1976") and a corrected date of birth ("생년월일을 X가 아니라 Y로").
"""
from __future__ import annotations

import re

from ingest.pii_checks import birth_date_ok
from ingest.pii_families import BUILDING_UNIT
from ingest.pii_patterns import BD_DATE, BD_WORD, PSEP, RULES, STARS, Rule

_HIDDEN = STARS[:-1] + "○◯]"
_MONTHS = {m[:3].lower(): i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}
MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
         r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
BD_ENGLISH = (rf"(?:{MONTH}\.?[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+(?:19|20)\d{{2}}|"
              rf"\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?{MONTH}\.?,?[ \t]+(?:19|20)\d{{2}})(?!\d)")
BD_WORD_ANY = rf"(?:{BD_WORD}|[Dd]ate[ \t]+of[ \t]+[Bb]irth|[Bb]irth[ \t]?(?:[Dd]ate|[Dd]ay)|DOB|[Bb]orn(?:[ \t]+on)?)"
# Words ending like a 동 or 리 that name no place: "우리 한빛빌라 201호" keeps "우리" out.
_NOT_TOWN = r"(?:우리|거리|소리|처리|관리|자리|공동|이동|행동|활동|운동|자동|노동|감동|출동|작동|변동|[가-힣]{0,3}센터동)"
# Between a first date of birth and its correction: "… 이 아니라", "… 말고", "… 에서", "→".
_CORRECTION = (r"[^\d\n\[\]]{0,12}?(?:아니[라고]|아닌|말고|대신|에서|→|->|=>)"
               r"(?:(?!접수|신청|처리|일자|날짜|기한|방문)[^\d\n\[\]]){0,10}?")  # not "… 에서 접수일 2024.3.2"


def english_birth_date_ok(value: str) -> bool:
    """"March 4, 1976", "4th of March 1976": a past calendar date."""
    month = re.search(r"[A-Za-z]{3}", re.sub(r"(?:st|nd|rd|th|of)\b", "", value))
    day, year = re.findall(r"\d+", value)[:2]  # the day comes before the year in both orders
    if month is None or month.group().lower() not in _MONTHS:
        return False
    return birth_date_ok(f"{year}.{_MONTHS[month.group().lower()]}.{day}")


def _hidden_ok(value: str) -> bool:
    return re.search(_HIDDEN, value) is not None and len(re.findall(r"\d", value)) >= 5


ROUND7_RULES: tuple[Rule, ...] = (
    # A postcode with no brackets before the address: "06236 서울특별시 강남구 역삼로 152, 1402호"
    Rule("address_postcode_bare", "address", r"(?<![\d\-.,])[0-6]\d{4}[ \t]*,?[ \t]+"
         + next(r.value for r in RULES if r.name == "address"), priority=43, gate=r"\d{5}[ \t]*,?[ \t]+[가-힣]", reach=(0, 90)),
    # The 동 (or 리, 가) name before a building and its unit: "신대방동 삼성아파트 105동 602호", "금호동 한빛상가 2층 201호"
    Rule("address_town_unit", "address", rf"(?<![가-힣A-Za-z0-9])(?!{_NOT_TOWN}[ \t])(?:[가-힣]{{1,5}}(?:동|리)|[가-힣]{{1,4}}\d{{1,2}}가)"
         rf"[ \t]+{BUILDING_UNIT}",
         priority=39.6, weak=True, gate=r"\d[ \t]?호", reach=(50, 2)),
    # Mobiles with some digits of a group hidden: "010-4912-○○88", "010-49**-1234", "010 12○○ 5678"
    Rule("mobile_hidden_digits", "phone", r"0(?<![\d+]0)1[016789]" + rf"{PSEP}[\d{_HIDDEN[1:-1]}]{{3,4}}{PSEP}"
         rf"[\d{_HIDDEN[1:-1]}]{{4}}(?![\d*＊○◯●])", check=_hidden_ok, priority=70, role="mobile",
         gate=r"01[016789]", reach=(0, 24)),
    # "생년월일 March 4, 1976", "DOB: 4 March 1976", "born on Dec. 3rd, 1988"
    Rule("birth_date_english", "birth_date", BD_ENGLISH, before=BD_WORD_ANY + r"[^\d\n\[\]]{0,8}?",
         check=english_birth_date_ok, priority=91, gate=BD_WORD_ANY, reach=(0, 50)),
    # A corrected date of birth: "생년월일을 2002/11/23 이 아니라 2002/11/13으로", "생일 1980.1.2 → 1980.2.1"
    Rule("birth_date_corrected", "birth_date", BD_DATE,
         before=BD_WORD + rf"[^\d\n\[\]]{{0,8}}?(?:{BD_DATE}){_CORRECTION}", check=birth_date_ok, priority=91,
         gate=BD_WORD, reach=(0, 70)),
)

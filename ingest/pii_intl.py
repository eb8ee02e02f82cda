"""Identifiers written the way other countries write them (masker round 6).

Visitors, residents from abroad and Koreans living abroad write their own address in their own script and
order: a Latin street address ("Room 204, Hanok Stay Dalbit, 31-8 Eunhaeng-ro, Jeonju", "2207-1180 Homer St,
Vancouver BC V6B 2X9"), a Japanese or Chinese one (都道府県/省 … 区市町村 … 番地 …号室). A passport number has the
shape its country gives it, so after a passport label in any language any token of letters and digits is one.
A partly hidden birth date ("2024.02.**생") still dates a child, and an address broken onto an indented line
("… 용기리⏎         319-4") is still one address, and a road's side street numbered ("○○로 1*길 2*-3") needs no city. Each rule is a format with a reason, not a set's string.
"""
from __future__ import annotations

import re

from ingest.pii_patterns import PROVINCES, REGIONS, Rule

# ---- Latin-script street addresses -----------------------------------------------------------------
_ROAD_WORD = (r"(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|Way|Pl|Place|Ct|Court|Ter|Terrace|"
              r"Hwy|Highway|Pkwy|Parkway|Cres|Crescent|Sq|Square|Str|Strasse|Straße|Rue|Via|Calle|Avenida|Rua)\.?")
_ROMAN_ROAD = r"[A-Z][a-z]+(?:[ \t]?\d{1,3})?-(?:ro|gil|daero|beon-gil)(?:[ \t]+\d{1,4}(?:beon)?-gil)?"  # "Teheran-ro 5-gil"
_NUMBER = r"\d{1,5}(?:-\d{1,5})?[A-Za-z]?"
_STREET = (rf"(?:{_NUMBER}[ \t]+(?:{_ROMAN_ROAD}|(?:[A-Z][A-Za-z'.]*[ \t]+){{1,3}}{_ROAD_WORD})(?![A-Za-z])"
           rf"|{_ROMAN_ROAD}[ \t]+{_NUMBER}(?![\w-]))")
_UNIT = r"(?:Room|Rm\.?|Apt\.?|Apartment|Unit|Suite|Ste\.?|Flat|Floor|Fl\.?|#)[ \t]*#?[A-Z]?\d{1,5}[A-Z]?"
# A building's name may close with its 동-호 ("Ssangyong Villa 102-301, 47 Hojang-ro"), as Koreans write it.
_BUILDING = r"[A-Z][A-Za-z0-9'&.]*(?:[ \t]+(?:\d{1,4}-\d{1,4}(?![\d-])|[A-Z0-9][A-Za-z0-9'&.]*|of|the|de))*"
_LEFT = rf"(?:(?:{_UNIT}|{_BUILDING}|\d{{1,4}}-\d{{1,4}})[ \t]*,[ \t]*){{0,3}}"
_DISTRICT = r"[A-Z][A-Za-z]+(?:[ \t][A-Z][a-z]+)?(?:-(?:gu|si|do|gun|eup|myeon|dong|ri))?"
_POSTCODE = (r"(?:[A-Z]\d[A-Z][ \t]?\d[A-Z]\d|\d{5}(?:-\d{4})?|\d{3}-\d{4}|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2})(?![\w-])")
_RIGHT = rf"(?:[ \t]*,[ \t]*{_DISTRICT}(?:[ \t]+[A-Z]{{2}}(?![A-Za-z0-9]))?){{0,3}}(?:[ \t,]+{_POSTCODE})?"
# The unit may follow the street as US forms write it: "2214 Elm St, Apt 3B, Fort Lee, NJ 07024".
LATIN_ADDRESS = rf"(?<![\w.@/-]){_LEFT}{_STREET}(?:[ \t]*,[ \t]*{_UNIT}(?![\w-]))?{_RIGHT}"
# A room in a named building without its street: "Room 1507, Hotel Skypark Myeongdong 3"
LATIN_ROOM = rf"(?<![\w.@/-])(?:Room|Rm\.?|Apt\.?|Apartment|Unit|Suite|Flat)[ \t]*#?[A-Z]?\d{{1,5}}[A-Z]?[ \t]*,[ \t]*" \
             rf"[A-Z][A-Za-z'&.]*(?:[ \t]+[A-Z0-9][A-Za-z0-9'&.]*){{1,5}}"

# ---- CJK addresses ---------------------------------------------------------------------------------
_KANA = r"一-龥ぁ-んァ-ヶー々"
CJK_ADDRESS = (rf"(?<![{_KANA}])(?:[{_KANA}]{{1,4}}[都道府県省])?[{_KANA}]{{1,6}}?[市区町村郡县][{_KANA}]{{0,8}}?"
               rf"(?:\d{{1,4}}(?:(?:丁目|番地?|号|[-－の])\d{{1,4}}){{1,3}}(?:号|番地)?|(?<=[路街道巷弄])\d{{1,5}}号)"
               rf"(?:[ \t　]*[{_KANA}A-Za-z]{{1,12}}[ \t　]?\d{{1,5}}(?:号室|号|室)?)?")

# ---- passports after a label, any shape ------------------------------------------------------------
_PASSPORT_LABEL = (r"(?:여권|[Pp]assport|PASSPORT|パスポート|旅券|护照|護照|[Hh]ộ[ \t]chiếu|[Пп]аспорт|[Rr]eisepass|[Pp]asaporte)"
                   r"(?:[ \t]*(?:번호|[Nn]o\.?|[Nn]umber|#|番号|号码|号碼|номер))?(?:[ \t]+(?:is|was))?[^\w\n\[\]]{0,6}?")
# Letters and digits with at least four digits and one letter (or eight or nine digits): "C4F7K91L2", "TR5538147"
PASSPORT_ANY = r"(?<![A-Za-z0-9])(?=(?:[A-Z]*\d){4})(?:(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6,12}|\d{8,9})(?![A-Za-z0-9])"

# ---- a birth date partly hidden: "2024.02.**생", "생년월일 1987-03-**" --------------------------------
_HIDDEN_DATE = r"(?:19|20)?\d{2}[ \t]*[.\-/][ \t]*(?:\d{1,2}|[*＊xX]{1,2})[ \t]*[.\-/][ \t]*[*＊xX]{1,2}"
_BIRTH_WORD = r"(?:생년월일|생일|출생(?:일)?|DOB|[Bb]orn)[ \t]*[:：]?[ \t]*"

# ---- an address whose number went onto an indented next line ----------------------------------------
_PLACE_CHAIN = (rf"(?:{PROVINCES}|{REGIONS})(?:[ \t]+[가-힣]{{1,6}}(?:시|군|구|읍|면)){{1,3}}[ \t]+[가-힣0-9]{{1,8}}(?:동|리|로|길|가)")
BROKEN_ADDRESS = rf"(?<![가-힣]){_PLACE_CHAIN}[ \t]*\n[ \t]{{2,}}(?:산[ \t]?)?\d{{1,5}}(?:-\d{{1,5}})?(?:[ \t]?번지)?(?![\d-])"

# A road's side street and the building number, with no city before it: "○○로 1*길 2*-3", "중앙로 24번길 7"
# ("로 N길 M" is no particle's shape, unlike "회의로 3-4일").
SUB_ROAD = r"(?<![가-힣])[가-힣]{1,10}(?:대로|로)[ \t]?\d{1,3}(?:번길|번가길|길)[ \t]?\d{1,4}(?:-\d{1,4})?(?![\d.,])"


INTL_RULES: tuple[Rule, ...] = (
    Rule("address_latin", "address", LATIN_ADDRESS, priority=44,
         gate=rf"(?<![A-Za-z]){_ROAD_WORD}(?![A-Za-z])|-(?:ro|gil|daero)(?![a-z])", reach=(90, 50)),
    Rule("address_latin_room", "address", LATIN_ROOM, priority=43,
         gate=r"(?:Room|Rm|Apt|Apartment|Unit|Suite|Flat)[ \t]*#?[A-Z]?\d", reach=(0, 70)),
    Rule("address_cjk", "address", CJK_ADDRESS, priority=44, gate=r"\d(?:丁目|番|号|[-－の])\d|[路街道巷弄]\d{1,5}号", reach=(24, 30)),
    Rule("passport_label_any", "passport", PASSPORT_ANY, before=_PASSPORT_LABEL, priority=74,
         gate=_PASSPORT_LABEL[:_PASSPORT_LABEL.index(")") + 1], reach=(0, 40)),
    Rule("birth_date_hidden", "birth_date", _HIDDEN_DATE, after=r"[ \t]?생(?![가-힣])|[ \t]*\)?[ \t]*(?:출생|태어)",
         priority=60, gate=r"[*＊xX]{1,2}[ \t]?(?:생|\)|출생|태어)", reach=(24, 4)),
    Rule("birth_date_hidden_label", "birth_date", _HIDDEN_DATE, before=_BIRTH_WORD, priority=60,
         gate=r"생년월일|생일|출생|DOB|[Bb]orn", reach=(0, 30)),
    Rule("address_sub_road", "address", SUB_ROAD, priority=41, weak=True, gate=r"로[ \t]?\d{1,3}(?:번길|번가길|길)", reach=(12, 12)),
    Rule("address_broken_line", "address", BROKEN_ADDRESS, priority=45, gate=r"\n[ \t]{2,}(?:산[ \t]?)?\d", reach=(60, 20)),
)

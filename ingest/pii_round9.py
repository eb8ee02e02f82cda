"""Round 9 of the masker's rules (unseen set 15 read for its misses as kinds; mechanisms, not strings).

- a Latin name after an English kinship word ("my son Daniyar", "and daughter Nam Soo-ah"), in apposition to
  "me" ("contact me, Grace Seo,"), or right before an e-mail whose local part spells a word of it
  ("Kenji Morita k.morita@…");
- an address whose lot is a block of an industrial or housing development ("… 동화리 산업단지 B3블록");
- a business or an institution named like a person ("동방설비", "신촌경로당"): a trade word closes the name.
"""
from __future__ import annotations

import re

from ingest.pii_patterns import CITY, PROVINCES, Rule

# ---- Latin names by their English frame --------------------------------------------------------------
_KIN = (r"(?:son|daughter|wife|husband|mother|father|mom|mum|dad|brother|sister|child|grandson|granddaughter|"
        r"grandmother|grandfather|grandma|grandpa|friend|partner|fianc[eé]e?|boyfriend|girlfriend|uncle|aunt|cousin|"
        r"nephew|niece|stepson|stepdaughter|colleague|neighbou?r|landlord|tenant)(?:-in-law)?")
_LATIN_WORD = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?"
_STOP = frozenset("The A An And Or Of To In On At For From With By Is Am Are Was Were Be My Your Our Their His Her This "
                  "That Please Thank Thanks Hello Dear Sir Madam Korea Korean Seoul Busan Office Center City Mr Mrs Ms Dr "
                  "I We He She They It Who Also Has Had Will Can Could Would Should Did Does Do".split())


def _latin_name_ok(value: str) -> bool:
    return not any(w.split("-")[0] in _STOP for w in value.split())


LATIN_KIN = Rule("name_latin_kin", "name", rf"{_LATIN_WORD}(?:[ \t]+{_LATIN_WORD}){{0,2}}",
                 before=rf"(?<![A-Za-z]){_KIN}[ \t]*,?[ \t]+", after=r"(?![A-Za-z])", check=_latin_name_ok, priority=60,
                 role="citizen", gate=rf"(?<![A-Za-z]){_KIN}(?![a-z])", reach=(0, 50))
LATIN_ME = Rule("name_latin_me", "name", rf"{_LATIN_WORD}(?:[ \t]+{_LATIN_WORD}){{1,2}}",
                before=r"(?<![A-Za-z])(?:me|I am|I'm|it is|it's|this is)[ \t]*,[ \t]*", after=r"[ \t]*[,(<]",
                check=_latin_name_ok, priority=60, role="citizen", gate=r"(?<![A-Za-z])(?:me|am|is)[ \t]*,", reach=(0, 50))


def _mail_spells(text: str, start: int, end: int) -> bool:
    """The e-mail right after the name spells a word of it in its local part ("Kenji Morita k.morita@…")."""
    m = re.match(r"[ \t]*[,(<:]?[ \t]*([A-Za-z0-9._%+-]+)@", text[end:end + 60])
    if m is None:
        return False
    local = m.group(1).lower()
    return any(len(w) >= 3 and w.lower() in local for w in re.split(r"[ \t-]+", text[start:end]))


LATIN_MAIL = Rule("name_latin_mail", "name", rf"(?<![A-Za-z.@]){_LATIN_WORD}(?:[ \t]+{_LATIN_WORD}){{1,2}}",
                  after=r"[ \t]*[,(<:]?[ \t]*[A-Za-z0-9._%+-]+@", check=_latin_name_ok, context=_mail_spells,
                  priority=60, role="citizen", gate=r"@", reach=(60, 0))

# ---- an address whose lot is a development's block ---------------------------------------------------
_REGION = rf"(?:(?:{PROVINCES})(?:[ \t]+(?:{CITY}))?|(?:{CITY}))(?:[ \t]+[가-힣]{{1,5}}(?:구|읍|면|동|리|가))+"
ADDRESS_BLOCK = Rule("address_block", "address",
                     rf"{_REGION}(?:[ \t]+[가-힣A-Za-z0-9]{{1,12}}){{0,2}}?[ \t]+(?:[A-Z]{{0,2}}[ \t-]?)?\d{{1,3}}(?:-\d{{1,3}})?[ \t]?(?:블록|BL|로트|필지)(?![가-힣])",
                     priority=42, gate=r"\d[ \t]?(?:블록|BL|로트|필지)", reach=(80, 4))

ROUND9_RULES: tuple[Rule, ...] = (LATIN_KIN, LATIN_ME, LATIN_MAIL, ADDRESS_BLOCK)

# ---- a business or institution named like a person -------------------------------------------------------
_TRADE = re.compile(r"(?:설비|수선|상회|상사|건설|건축|전기|철물|분식|식당|네일|미용실|세탁소?|인테리어|공업|산업|기업|유통|물산|마트|"
                    r"약국|경로당|복지관|노인정|교회|성당|어린이집|유치원|학원|교습소|공부방|부동산|카센터|정비|모터스|푸드|떡집|정육점?|"
                    r"반점|치킨|상가|농장|목장|수산|축산|가든|식품|기획|디자인|공방|스튜디오|의원|한의원|치과)\Z")


def trade_name(value: str) -> bool:
    """"동방설비", "신촌경로당": four or more syllables closed by a trade's or an institution's word."""
    return len(value) >= 4 and re.fullmatch(r"[가-힣]+", value) is not None and _TRADE.search(value) is not None


# ---- the address's road before its complex ---------------------------------------------------------
# "호수로 822, 호수마을 1104동 603호": a road and its number right before a complex and its unit, with no city.
_ROAD_BEFORE = re.compile(r"(?<![가-힣0-9])[가-힣0-9]{1,10}(?:로|길)[ \t]?\d{1,5}(?:-\d{1,5})?(?:번길[ \t]?\d{1,5}(?:-\d{1,5})?)?[ \t]*,[ \t]*\Z")


def road_before(text: str, start: int) -> int:
    """Where the address starts once a road number right before its complex is counted."""
    m = _ROAD_BEFORE.search(text, max(0, start - 24), start)
    return m.start() if m is not None else start

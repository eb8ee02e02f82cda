"""Rule matching for the masker (``ingest.pii``): every rule's validated matches, overlaps resolved, names
extended along lists, bare names, aliases and repeats added."""
from __future__ import annotations

import re
import sys
from bisect import bisect_right, insort

from ingest.pii_bare import bare_names
from ingest.pii_chat import chat_speakers
from ingest.pii_families import FAMILY_RULES, fold_lookalikes
from ingest.pii_foreign import foreign_names
from ingest.pii_frames import FRAME_RULES, bracket_aliases
from ingest.pii_digits import compact, widen
from ingest.pii_endings import ENDING_RULES, glued_names, header_names, teknonyms, vocatives
from ingest.pii_regions import region_start
from ingest.pii_scripts import initial_start, script_names, script_pairs
from ingest.pii_context import address_more, asked_fields, name_dates, name_pairs
from ingest.pii_tables import table_cells
from ingest.pii_general import GENERAL_RULES, vetoed
from ingest.pii_intl import INTL_RULES
from ingest.pii_name_families import NAME_FAMILY_RULES, aliases, given_names
from ingest.pii_names import LIST_NEXT, LIST_PREV, NAME_END, SURNAMES, dictionary_word, plain_name_ok, valid_name
from ingest.pii_records import RECORD_RULES, latin_parts, roster_names
from ingest.pii_round7 import ROUND7_RULES
from ingest.pii_round9 import ROUND9_RULES, road_before
from ingest.pii_typos import TYPO_RULES
from ingest.pii_birthyear import birth_years
from ingest.pii_round11 import ROUND11_RULES, round11_people
from ingest.pii_round13 import labelled_addresses, labelled_values
from ingest.pii_round14 import bracket_locals, column_values, phone_forms, zodiac_years
from ingest.pii_spoken import spelled_emails, spoken_numbers
from ingest.pii_round10 import ROUND10_RULES, dates_after_names, document_dates, introduced_people, split_turns, spoken_birth_dates
from ingest.pii_round8 import NAME_ROUND8_RULES, ROUND8_RULES, fold_placeholders, address_extent, shop_name
from ingest.pii_shadow import rewritten, shadow, shadow_ok
from ingest.pii_shapes import SHAPE_RULES
from ingest.pii_patterns import FOLD, PROTECTED, RULES, TYPES, Rule
from ingest.pii_types import Candidate

_BUILDING_AFTER = re.compile(r"(?:빌라|아파트|빌딩|맨션|타워|오피스텔|하이츠|캐슬|빌리지|타운)")


# Names found with no cue (``ingest.pii_bare``): last, so every cued rule and its role wins an overlap.
BARE_NAME = Rule("name_bare", "name", "(?!)", priority=0, role="citizen", gate=None)
ALL_RULES = (RULES + FAMILY_RULES + SHAPE_RULES + ROUND7_RULES + ROUND8_RULES + NAME_FAMILY_RULES + NAME_ROUND8_RULES
             + GENERAL_RULES + FRAME_RULES + ENDING_RULES + INTL_RULES + RECORD_RULES + ROUND9_RULES + TYPO_RULES
             + ROUND10_RULES + ROUND11_RULES)
# Finds the layout names (``ingest.pii_context``): a citizen's answer, a table cell.
CONTEXT_RULES = {t: Rule(f"context_{t}", t, "(?!)", priority=0, role="citizen", gate=None) for t in TYPES}
_GATES = {r.gate: re.compile(r.gate) for r in ALL_RULES if r.gate}
_MAX = sys.maxsize


def _windows(text: str, gate: str | None, reach: tuple[int, int], cache: dict) -> list[tuple[int, int]]:
    """Merged stretches of ``text`` around the hits of ``gate``; the whole text when there is no gate."""
    if gate is None:
        return [(0, len(text))]
    key = (gate, reach)
    if key not in cache:
        back, fwd = reach
        merged: list[list[int]] = []
        for m in _GATES[gate].finditer(text):
            s, e = max(0, m.start() - back), min(len(text), m.end() + fwd)
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        cache[key] = [(s, e) for s, e in merged]
    return cache[key]


def _overlaps(intervals: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps any of the sorted, non-overlapping ``intervals``."""
    i = bisect_right(intervals, (start, _MAX))
    return (i > 0 and intervals[i - 1][1] > start) or (i < len(intervals) and intervals[i][0] < end)


def _protected(text: str, start: int, end: int) -> bool:
    """Whether [start, end) overlaps a law number, article, date, amount … (searched only near weak candidates)."""
    return any(m.start() < end and start < m.end()
               for m in PROTECTED.finditer(text, max(0, start - 40), min(len(text), end + 40)))


def find_candidates(text: str, types: frozenset[str] = frozenset(TYPES), _shadow: bool = True) -> list[Candidate]:
    """Every validated rule match, overlaps resolved: higher priority first, then the longer span."""
    text = fold_placeholders(fold_lookalikes(text.translate(FOLD)))  # one character for one: offsets stay valid
    chosen = _find(text, types)
    shadow_text = shadow(text) if _shadow else None
    compacted = compact(shadow_text or text) if _shadow else None  # digits spaced out or broken (``ingest.pii_digits``)
    stretches: list[tuple[int, int]] = []
    if compacted is not None:
        shadow_text, stretches = compacted
    if shadow_text is not None:  # numbers spelt in Hangul numerals, broken over a line (``ingest.pii_shadow``)
        for c in find_candidates(shadow_text, types, _shadow=False):
            if (c.rule.type in SHADOW_TYPES and rewritten(text, shadow_text, c.start, c.end)
                    and shadow_ok(c.rule.type, shadow_text, c.start, c.end)):
                c = Candidate(c.rule, *widen(stretches, text, shadow_text, c.start, c.end))
                inside = [o for o in chosen if o.start < c.end and c.start < o.end]
                if any(o.start < c.start or o.end > c.end for o in inside):
                    continue
                for o in inside:  # a piece the rules took on the text itself
                    chosen.remove(o)
                chosen.append(c)
        chosen.sort(key=lambda c: c.start)
    return chosen


def _district_as_name(text: str, cand: Candidate, start: int, end: int) -> bool:
    """A name found inside an address answer that ends as a district or a road does ("용산구", "원효로")."""
    return (cand.rule.type == "name" and start <= cand.start and cand.end <= end
            and re.search(r"(?:시|군|구|동|읍|면|리|로|길)\Z", text[cand.start:cand.end]) is not None)


def _roster_hangul_ok(value: str) -> bool:
    """A Hangul roster cell that reads as a name: a surname first, no word Kiwi knows."""
    return value[0] in SURNAMES and valid_name(value) and not dictionary_word(value)


SHADOW_TYPES = frozenset({"phone", "account", "plate", "rrn", "arn", "card", "brn"})


def _find(text: str, types: frozenset[str]) -> list[Candidate]:
    cache: dict = {}
    found: list[Candidate] = []
    for rule in ALL_RULES:
        if rule.type not in types:
            continue
        for s, e in _windows(text, rule.gate, rule.reach, cache):
            for m in rule.compiled.finditer(text, s, e):
                start, end = m.span("v")
                if rule.check is not None and not rule.check(m.group("v")):
                    continue
                if rule.weak and _protected(text, start, end):
                    continue
                if rule.context is not None and not rule.context(text, start, end):
                    continue
                if rule.type == "name" and (_BUILDING_AFTER.match(text, end) or _BUILDING_AFTER.match(text, end - 1)):
                    continue  # the start of a building's name: "한울빌라", "동원맨션"
                if rule.type == "name" and shop_name(text, start, end):
                    continue  # a shop named after a household: "김가네 분식"
                if rule.type == "address":
                    start, end = address_extent(text, start, end)  # "101동 1102호(○○아파트)", lines broken
                    start, end = address_more(text, start, end)  # "340번지의 2", "…, ○○파크 2차 203동 3104호"
                    start = region_start(text, start)  # "경기 성남 분당 정자동 …": region words without their suffix
                    start = road_before(text, start)  # "호수로 822, 호수마을 1104동 603호"
                if vetoed(text, rule.type, start, end):
                    continue
                found.append(Candidate(rule, start, end))
    found.sort(key=lambda c: (-c.rule.priority, c.start - c.end, c.start))
    taken: list[tuple[int, int]] = []
    chosen: list[Candidate] = []
    for c in found:
        if not _overlaps(taken, c.start, c.end):
            insort(taken, (c.start, c.end))
            chosen.append(c)
    for c in found:  # a form's whole 주소 field holds the address a rule took in part ("…, 그린빌 2단지 201-1103")
        inside = [o for o in chosen if o.start < c.end and c.start < o.end]
        if c.rule.name == "address_field" and c not in chosen and inside and all(
                o.rule.type == "address" and c.start <= o.start and o.end <= c.end for o in inside) and _unit_rest(
                text[max(o.end for o in inside):c.end]):
            for o in inside:
                chosen.remove(o)
                taken.remove((o.start, o.end))
            insort(taken, (c.start, c.end))
            chosen.append(c)
    for typ, start, end in (asked_fields(split_turns(text)) + table_cells(text) + name_pairs(text)  # answers, cells, a name's two spellings
                            + labelled_addresses(text)):  # round 13: an address field's whole value
        inside = [o for o in chosen if o.start < end and start < o.end]
        for o in [o for o in inside if typ == "address" and _district_as_name(text, o, start, end)]:
            inside.remove(o)  # "용산구" of an asked address answer is its district, not a person
            chosen.remove(o)
            taken.remove((o.start, o.end))
        if typ not in types or vetoed(text, typ, start, end) or any(
                o.rule.type != typ or o.start < start or o.end > end for o in inside) or (
                inside and sum(o.end - o.start for o in inside) >= end - start):
            continue  # another type's find, or the rules already hold all of it (with their role)
        for o in inside:  # pieces of the same value a rule found ("광주 북구 용봉로 77" of "…, 그린빌 302")
            chosen.remove(o)
            taken.remove((o.start, o.end))
        insort(taken, (start, end))
        chosen.append(Candidate(CONTEXT_RULES[typ], start, end))
    _round14_values(text, types, chosen, taken)
    if "name" in types:
        _extend_lists(text, chosen, taken)
        # a foreign name swallows a piece of it that a rule took for a Korean name ("이름 마리아 산토스")
        for start, end in foreign_names(text, lambda s, e: not _protected(text, s, e) and all(
                o.rule.type == "name" and s <= o.start and o.end <= e for o in chosen if o.start < e and s < o.end)):
            for o in [o for o in chosen if o.start < end and start < o.end]:
                chosen.remove(o)
                taken.remove((o.start, o.end))
            insort(taken, (start, end))
            chosen.append(Candidate(BARE_NAME, start, end))
        for start, end in script_names(text, lambda s, e: not _overlaps(taken, s, e)):  # Cyrillic, Thai, Devanagari …
            insort(taken, (start, end))
            chosen.append(Candidate(BARE_NAME, start, end))
        for start, end in bare_names(text, lambda s, e: not _overlaps(taken, s, e) and not _protected(text, s, e)
                                     and not vetoed(text, "name", s, e)):
            insort(taken, (start, end))
            chosen.append(Candidate(BARE_NAME, start, end))
        _extend_lists(text, chosen, taken)
        found = [text[c.start:c.end] for c in chosen if c.rule.type == "name"]
        cued = vocatives(text) + teknonyms(text) + header_names(text) + glued_names(text) + chat_speakers(text, found)
        rows = roster_names(text, _roster_hangul_ok)  # "3;Kofi Mensah;2005-07-02;…": a person's row
        cued += rows + latin_parts(text, found + [text[s:e] for s, e in rows])  # "TANAKA HARUTO" … "Contact: Haruto"
        for start, end in aliases(text) + given_names(text, found) + cued:
            inside = [o for o in chosen if o.start < end and start < o.end]
            if _protected(text, start, end) or any(o.rule.type != "name" or o.start < start or o.end > end for o in inside):
                continue
            for o in inside:  # a piece of the alias a rule took alone
                chosen.remove(o)
                taken.remove((o.start, o.end))
            insort(taken, (start, end))
            chosen.append(Candidate(BARE_NAME, start, end))
        _propagate(text, chosen, taken)
        for i, c in enumerate(chosen):  # "Md. Karim Uddin", "J. Smith": the initial belongs to the name
            if c.rule.type == "name" and (s := initial_start(text, c.start)) < c.start and not _overlaps(taken, s, c.start):
                taken.remove((c.start, c.end))
                insort(taken, (s, c.end))
                chosen[i] = Candidate(c.rule, s, c.end)
        for start, end in bracket_aliases(text, [(c.start, c.end) for c in chosen if c.rule.type == "name"]):
            if not _overlaps(taken, start, end):  # "다나카 유키(田中 由紀)": the same name in another script
                insort(taken, (start, end))
                chosen.append(Candidate(BARE_NAME, start, end))
        for start, end in script_pairs(text, [(c.start, c.end) for c in chosen if c.rule.type == "name"]):
            if not _overlaps(taken, start, end):  # "Md. Rafiqul Islam(라피쿨)": a name and its other writing
                insort(taken, (start, end))
                chosen.append(Candidate(BARE_NAME, start, end))
    if "birth_date" in types:  # "첫째 나윤슬 2019. 11. 08, 둘째 …"
        for typ, start, end in name_dates(text, [(c.start, c.end) for c in chosen if c.rule.type == "name"]):
            if not _overlaps(taken, start, end):
                insort(taken, (start, end))
                chosen.append(Candidate(CONTEXT_RULES[typ], start, end))
        _round10_dates(text, types, chosen, taken)
    return sorted(chosen, key=lambda c: c.start)


_DOC_TYPES = frozenset({"passport", "arn", "rrn", "driver_license"})


def _round10_dates(text: str, types: frozenset[str], chosen: list[Candidate], taken: list[tuple[int, int]]) -> None:
    """Birth dates framed by their person (``ingest.pii_round10``): after a name, a person word's name, a document."""
    names = [(c.start, c.end) for c in chosen if c.rule.type == "name"]
    found = (dates_after_names(text, names) + document_dates(text, [(c.start, c.end) for c in chosen if c.rule.type in _DOC_TYPES])
             + introduced_people(text) + spoken_birth_dates(text) + round11_people(text) + birth_years(text)
             + labelled_values(text)  # round 13: a label's value in any numerals
             + bracket_locals(text, [(c.start, c.end, c.rule.role == "citizen") for c in chosen if c.rule.type == "name"]))
    for typ, start, end in found:
        if typ in types and not _overlaps(taken, start, end) and not vetoed(text, typ, start, end) and (
                typ != "name" or not _protected(text, start, end)):
            insort(taken, (start, end))
            chosen.append(Candidate(BARE_NAME if typ == "name" else CONTEXT_RULES[typ], start, end))


def _round14_values(text: str, types: frozenset[str], chosen: list[Candidate], taken: list[tuple[int, int]]) -> None:
    """Round 14 (``ingest.pii_spoken``, ``ingest.pii_round14``): numbers and e-mails read aloud, a table column's
    values, zodiac and form birth years, phones in other countries' and old forms. Each replaces what the rules took inside it (a digit word taken for a
    name, a piece of the same value); one that crosses another find's edge or holds another type's find is dropped."""
    for typ, start, end in (spoken_numbers(text) + spelled_emails(text) + column_values(text) + zodiac_years(text)
                              + phone_forms(text)):
        inside = [o for o in chosen if o.start < end and start < o.end]
        if typ not in types or vetoed(text, typ, start, end) or any(o.start < start or o.end > end for o in inside) or any(
                o.rule.type not in (typ, "name") or o.start == start and o.end == end for o in inside):
            continue
        for o in inside:
            chosen.remove(o)
            taken.remove((o.start, o.end))
        insort(taken, (start, end))
        chosen.append(Candidate(CONTEXT_RULES[typ], start, end))


def _unit_rest(rest: str) -> bool:
    """What a field holds beyond the rule's address is a unit ("2단지 201-1103"), not the rest of a sentence or an
    amount ("(보증금 500만원 / …)")."""
    return re.search(r"\d", rest) is not None and _UNIT_REST.fullmatch(rest) is not None


_UNIT_REST = re.compile(r"[ \t,]*(?:(?:[가-힣A-Za-z]{1,15}|\d{1,4}[ \t]?(?:단지|동|층|호|차)|[A-Za-z]?\d{1,4}[ \t]?-[ \t]?\d{1,4}(?:[ \t]?호)?|"
                        r"\([가-힣0-9, \t]{1,20}\))[ \t,]*){1,5}")


def _extend_lists(text: str, chosen: list[Candidate], taken: list[tuple[int, int]]) -> None:
    """Names listed after a found one share its cue: "참석자: 최다은, 한지석", "민원인 김철수와 이영희가".

    Each follower takes the first name's rule (so its role: a list of officials stays officials) and must
    read as no word with an ending or suffix ("김철수와 상담한 …")."""
    todo = [c for c in chosen if c.rule.type == "name"]
    while todo:
        c = todo.pop()
        for m in (LIST_NEXT.match(text, c.end), LIST_PREV.search(text, max(0, c.start - 8), c.start)):
            if m is None:
                continue
            start, end = m.span("v")
            if _overlaps(taken, start, end) or not valid_name(m.group("v")) or vetoed(text, "name", start, end):
                continue
            # a clean list item ("편재민, 빈소율, 탁도훈", "… 양지은 부부가") or the first of a pair ("박정란과 오세민이")
            # needs only to be no dictionary word
            clean_item = start < c.start or _LIST_ITEM_END.match(text, end) is not None
            if not plain_name_ok(text, start, end) and not (clean_item and not dictionary_word(m.group("v"))):
                continue
            follower = Candidate(c.rule, start, end)
            insort(taken, (start, end))
            chosen.append(follower)
            todo.append(follower)


_LIST_ITEM_END = re.compile(r"[ \t]*(?:[,、/·\n]|$)|[ \t](?:부부|남매|형제|자매|모녀|부녀|모자|부자|커플)")


def _propagate(text: str, chosen: list[Candidate], taken: list[tuple[int, int]]) -> None:
    """A name found once is masked wherever else it appears as a word: "준호는 …, 준호한테 …"."""
    seen = {text[c.start:c.end]: c for c in chosen if c.rule.type == "name" and c.rule.name != "name_propagated"}
    for value, c in seen.items():
        if len(value) < 2 or not re.fullmatch(r"[가-힣]+", value) or dictionary_word(value):
            continue  # a word the dictionary knows ("한도", "임금은") was a doubtful find: do not spread it
        for start in _word_starts(text, value):  # one compiled pattern for the ending, not one per name
            end = start + len(value)
            if _NAME_END.match(text, end) and not _overlaps(taken, start, end) and plain_name_ok(text, start, end):
                insort(taken, (start, end))
                chosen.append(Candidate(c.rule, start, end))


_NAME_END = re.compile(NAME_END)


def _word_starts(text: str, value: str) -> list[int]:
    """Where ``value`` occurs with no Hangul syllable right before it."""
    out, i = [], text.find(value)
    while i >= 0:
        if i == 0 or not "가" <= text[i - 1] <= "힣":
            out.append(i)
        i = text.find(value, i + 1)
    return out

"""Masks citizens' personal data (주민등록번호, 전화번호, 주소, 이름 …) before text is indexed or sent to an LLM.

Past civil-complaint cases are full of personal data; ``mask`` replaces it with tags while legal
references, dates, amounts and document numbers survive, and while a public official's work contact
(a 답변자's name and office landline) is kept by default, since citizens need it and it is not private.

    >>> from ingest.pii import mask
    >>> r = mask("민원인 홍길동(010-1234-5678)이 제8조제2항에 대해 문의")
    >>> r.masked
    '민원인 [이름]([전화번호])이 제8조제2항에 대해 문의'
    >>> [(s.type, s.start, s.end) for s in r.spans]
    [('name', 4, 7), ('phone', 8, 21)]

Span offsets index the ORIGINAL text. Rules live in ``ingest.pii_patterns``; a learned character tagger
(``ingest.pii_crf``, trained by ``eval/pii_train.py``) widens their spans and adds what they miss.

주민등록번호 check digit: numbers issued since October 2020 carry a random tail, so a valid check digit
is not required when the number is written with a hyphen (YYMMDD-GNNNNNN) or right after a 주민등록번호 /
외국인등록번호 label, as long as the birth date is a real past date and the gender digit is 1-8 (5-8:
foreigners). An unlabelled run of 13 digits is masked only with a valid check digit, so order and account
numbers are not mistaken for one.
"""
from __future__ import annotations

import re
import sys
from bisect import bisect_right, insort
from dataclasses import dataclass, field
from typing import TextIO

from ingest.pii_bare import bare_names
from ingest.pii_crf import get_tagger
from ingest.pii_families import FAMILY_RULES, fold_lookalikes
from ingest.pii_foreign import foreign_names
from ingest.pii_name_families import NAME_FAMILY_RULES, aliases, given_names
from ingest.pii_officials import office_address, official_in_role, private_contact, staff_table_row
from ingest.pii_names import LIST_NEXT, LIST_PREV, NAME_END, OTHER_TITLES, PUBLIC_TITLES, dictionary_word, plain_name_ok, valid_name
from ingest.pii_round7 import ROUND7_RULES
from ingest.pii_round8 import NAME_ROUND8_RULES, ROUND8_RULES, fold_placeholders, office_number_asked, address_extent, public_account, shop_name
from ingest.pii_shapes import SHAPE_RULES
from ingest.pii_patterns import CITIZEN_MARKERS, FOLD, ORG_BEFORE, PRIVATE_ORG, PROTECTED, PUBLIC_ORG, RULES, STAFF_MARKERS, TAGS, TYPES, Rule

STYLES = ("tag", "stars")
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
_BUILDING_AFTER = re.compile(r"(?:빌라|아파트|빌딩|맨션|타워|오피스텔|하이츠|캐슬|빌리지|타운)")
_OFFICIAL_EMAIL = re.compile(r"@(?:[\w-]+\.)*(?:go\.kr|korea\.kr)$", re.IGNORECASE)


@dataclass(frozen=True)
class Span:
    """One masked piece of personal data: its type, where it was in the original text, what replaced it."""

    type: str
    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class MaskResult:
    """The masked text and the spans (over the original text) that were replaced; ``kept``: officials' contacts."""

    masked: str
    spans: list[Span]
    kept: list[Span] = field(default_factory=list)


@dataclass(frozen=True)
class MaskPolicy:
    """What to mask and how.

    ``style``: "tag" replaces with "[주민등록번호]"-style tags, "stars" with "***". ``types``: the types to
    mask (default: all of ``TYPES``). ``keep_official_contacts``: keep a public official's name, office
    landline and official e-mail where the context marks them as staff (답변자, 담당자, 주무관, 소속 …);
    a mobile number is masked always. ``keep_business_numbers``: keep 대표번호 such as 1588-1234.
    """

    style: str = "tag"
    types: frozenset[str] = frozenset(TYPES)
    keep_official_contacts: bool = True
    keep_business_numbers: bool = True

    def __post_init__(self):
        if self.style not in STYLES:
            raise ValueError(f"알 수 없는 치환 방식 '{self.style}'입니다. 가능한 값: {', '.join(STYLES)}")
        unknown = set(self.types) - set(TYPES)
        if unknown:
            raise ValueError(f"알 수 없는 개인정보 유형 {sorted(unknown)}입니다. 가능한 값: {', '.join(TYPES)}")
        object.__setattr__(self, "types", frozenset(self.types))

    def replacement(self, type_: str) -> str:
        return TAGS[type_] if self.style == "tag" else "***"


DEFAULT_POLICY = MaskPolicy()


@dataclass(frozen=True)
class Candidate:
    """A rule's match before overlaps are resolved and the policy is applied."""

    rule: Rule
    start: int
    end: int


# Names found with no cue (``ingest.pii_bare``): last, so every cued rule and its role wins an overlap.
BARE_NAME = Rule("name_bare", "name", "(?!)", priority=0, role="citizen", gate=None)
ALL_RULES = RULES + FAMILY_RULES + SHAPE_RULES + ROUND7_RULES + ROUND8_RULES + NAME_FAMILY_RULES + NAME_ROUND8_RULES
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


def find_candidates(text: str, types: frozenset[str] = frozenset(TYPES)) -> list[Candidate]:
    """Every validated rule match, overlaps resolved: higher priority first, then the longer span."""
    text = fold_placeholders(fold_lookalikes(text.translate(FOLD)))  # one character for one: offsets stay valid
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
                found.append(Candidate(rule, start, end))
    found.sort(key=lambda c: (-c.rule.priority, c.start - c.end, c.start))
    taken: list[tuple[int, int]] = []
    chosen: list[Candidate] = []
    for c in found:
        if not _overlaps(taken, c.start, c.end):
            insort(taken, (c.start, c.end))
            chosen.append(c)
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
        for start, end in bare_names(text, lambda s, e: not _overlaps(taken, s, e) and not _protected(text, s, e)):
            insort(taken, (start, end))
            chosen.append(Candidate(BARE_NAME, start, end))
        _extend_lists(text, chosen, taken)
        found = [text[c.start:c.end] for c in chosen if c.rule.type == "name"]
        for start, end in aliases(text) + given_names(text, found):
            inside = [o for o in chosen if o.start < end and start < o.end]
            if _protected(text, start, end) or any(o.rule.type != "name" or o.start < start or o.end > end for o in inside):
                continue
            for o in inside:  # a piece of the alias a rule took alone
                chosen.remove(o)
                taken.remove((o.start, o.end))
            insort(taken, (start, end))
            chosen.append(Candidate(BARE_NAME, start, end))
        _propagate(text, chosen, taken)
    return sorted(chosen, key=lambda c: c.start)


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
            if _overlaps(taken, start, end) or not valid_name(m.group("v")):
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
# An example in a form ("예시로 홍길동이라고"): no one's name.
_EXAMPLE_BEFORE = re.compile(r"(?:예시|예[:)]|보기|견본|샘플|예컨대|예를[ \t]?들(?:어|면))[^.!?\n]{0,8}\Z")
# A title right after a name: an official in role where a public body (or a school) is named before.
_TITLE_AFTER = re.compile(rf"[ \t]?(?:(?P<pub>{PUBLIC_TITLES})|{OTHER_TITLES})(?:님)?(?=[은는이가을를의께에과와도만랑한]|[^가-힣]|$)")


def _propagate(text: str, chosen: list[Candidate], taken: list[tuple[int, int]]) -> None:
    """A name found once is masked wherever else it appears as a word: "준호는 …, 준호한테 …"."""
    seen = {text[c.start:c.end]: c for c in chosen if c.rule.type == "name" and c.rule.name != "name_propagated"}
    for value, c in seen.items():
        if len(value) < 2 or not re.fullmatch(r"[가-힣]+", value) or dictionary_word(value):
            continue  # a word the dictionary knows ("한도", "임금은") was a doubtful find: do not spread it
        for m in re.finditer(rf"(?<![가-힣]){re.escape(value)}{NAME_END}", text):
            if not _overlaps(taken, m.start(), m.end()) and plain_name_ok(text, m.start(), m.end()):
                insort(taken, (m.start(), m.end()))
                chosen.append(Candidate(c.rule, m.start(), m.end()))


def _context_role(text: str, pos: int, window: int = 60) -> str:
    """Who the nearest role marker before ``pos`` (same sentence or line) speaks of: "staff", "citizen" or ""."""
    seg_start = max(0, pos - window)
    seg = text[seg_start:pos]
    cut = 0
    for m in _SENTENCE_END.finditer(seg):
        cut = m.end()
    seg = seg[cut:]
    last_staff = max((m.end() for m in STAFF_MARKERS.finditer(seg)), default=-1)
    last_citizen = max((m.end() for m in CITIZEN_MARKERS.finditer(seg)), default=-1)
    if last_staff < 0 and last_citizen < 0:
        return ""
    return "staff" if last_staff > last_citizen else "citizen"


def _sentence_before(text: str, pos: int, window: int = 60) -> str:
    """The part of ``pos``'s sentence (or line) before it, at most ``window`` characters."""
    seg = text[max(0, pos - window):pos]
    cut = 0
    for m in _SENTENCE_END.finditer(seg):
        cut = m.end()
    return seg[cut:]


def _private_org_before(text: str, pos: int) -> bool:
    return PRIVATE_ORG.search(_sentence_before(text, pos)) is not None


def _public_org_before(text: str, pos: int) -> bool:
    """"가스안전공사 경남본부 조윤희 과장": a public body right before the name (same sentence, 30 characters)."""
    seg = _sentence_before(text, pos, 30)
    return PUBLIC_ORG.search(seg) is not None and PRIVATE_ORG.search(seg) is None


# The mobile after a name is labelled as someone else's: "담당 박준형 경위님께 목격자 연락처 010-…".
_OTHERS_NUMBER = re.compile(r"(?<![가-힣])(?:목격자|상대방|상대|가해자|피해자|신고자|신고인|제보자|세입자|임차인|임대인|집주인|건물주|보호자|"
                            r"아이|아들|딸|남편|아내|어머니|아버지|엄마|아빠|제|저의|내)(?:의|분)?[ \t]*(?:연락처|번호|휴대폰|핸드폰|전화)")
_IMPERSONATED = re.compile(r"[^.!?\n]{0,24}?사칭")
# A landline said to be an office's ("… 2850이 송파구청 번호 맞나요?") or rung to find an official away
# ("… 로 전화하면 자리에 없다고만 합니다").
_OFFICE_AFTER = re.compile(r"[ \t]*(?:[이가은는도]|으?로|에)?[ \t,]*(?:(?:[가-힣]{1,10}(?:청|센터|사무소|공단|공사|과|팀)|[가-힣]{0,8}(?:"
                           r"경찰서|세무서|보건소|지구대|파출소))[ \t]*(?:대표[ \t]*|민원[ \t]*)?(?:전화[ \t]*)?번호|(?:전화|연락)[^.!?\n]{0,14}(?:자리에[ \t]*없|"
                           r"부재|안[ \t]?받|담당[ \t]*(?:자|공무원|주무관)))")


def _mobile_follows(text: str, c: Candidate, chosen: list[Candidate], reach: int = 40) -> bool:
    """A mobile number shortly after a name on the same line marks a private contact, not an office."""
    for o in chosen:
        if o.rule.role == "mobile" and c.end <= o.start <= c.end + reach and not _SENTENCE_END.search(
                text, c.end, o.start) and not _OTHERS_NUMBER.search(text, c.end, o.start) and not any(n.rule.type == "name" and c.end <= n.start < o.start for n in chosen):
            return True  # a sentence end or another name between: the mobile is someone else's
    return False


def _keep(text: str, c: Candidate, chosen: list[Candidate], policy: MaskPolicy) -> bool:
    """Whether the policy keeps this candidate visible (officials' work contacts, 대표번호)."""
    role = c.rule.role
    if role == "rep":
        return policy.keep_business_numbers
    if c.rule.type == "name" and _EXAMPLE_BEFORE.search(text, max(0, c.start - 20), c.start):
        return True  # a form's example name ("예시로 홍길동이라고"), whoever's voice
    if not policy.keep_official_contacts or role in ("mobile", "citizen"):
        if not (role == "citizen" and c.rule.type == "name" and policy.keep_official_contacts):
            return False
    if c.rule.type == "phone":
        if _private_org_before(text, c.start) or private_contact(text, c.end):
            return False  # a company's line in a citizen's text: the citizen's business contact
        return role == "landline" and (_context_role(text, c.start) == "staff" or _OFFICE_AFTER.match(text, c.end) is not None
                                       or office_number_asked(text, c.start, c.end, PUBLIC_ORG)
                                       or ORG_BEFORE.search(text, max(0, c.start - 30), c.start) is not None or staff_table_row(text, c.start))
    if c.rule.type == "account":
        return public_account(text, c.start)  # an agency's collection account ("세입계좌 국고 …")
    if c.rule.type == "email":
        # an official address in a staff context, or a department's shared mailbox ("교통행정과 공용 메일 …")
        # an agency's domain is an official's work address: citizens have no go.kr mailboxes
        return bool(_OFFICIAL_EMAIL.search(text[c.start:c.end]))
    if c.rule.type == "address":
        return office_address(text, c.start, c.end)  # "… 100 시청 본관 2층 자치행정과에서 접수"
    if c.rule.type == "name":
        if _mobile_follows(text, c, chosen) or _IMPERSONATED.match(text, c.end):
            return False  # a private contact, or a title a fraudster claimed ("'… 김도현 수사관'이라고 사칭한")
        if (in_role := official_in_role(text, c.start, c.end)) is not None:
            return in_role  # "세무과 이정은 팀장", "확인자 백현정"; "상담원: 현소라 님," (addressed), a private e-mail after
        title = _TITLE_AFTER.match(text, c.end)
        if title is not None and not _private_org_before(text, c.start) and (
                title.group("pub") or _public_org_before(text, c.start)):
            return True  # "면사무소 배은지 주사한테", "서원중학교 양지훈 교사가", whatever rule found the name
        if role in ("staff", "public_title"):
            return not _private_org_before(text, c.start)  # "회사 …, 담당 채경훈 대리": a company's employee
        # "홍길동 과장": could be anyone's and is masked, unless a public body names where they work
        return role == "title" and _public_org_before(text, c.start)
    return False


def mask(text: str, policy: MaskPolicy | None = None) -> MaskResult:
    """Replace the personal data in ``text``; spans index the original text. Idempotent on its own output."""
    return mask_with(text, policy, get_tagger())


def mask_with(text: str, policy: MaskPolicy | None, tagger) -> MaskResult:
    """``mask`` with the rules and a given learned tagger (``ingest.pii_crf``; None: rules only)."""
    policy = policy or DEFAULT_POLICY
    chosen = find_candidates(text, policy.types)
    spans: list[Span] = []
    kept: list[Span] = []
    found = []
    for c in chosen:
        span = Span(c.rule.type, c.start, c.end, policy.replacement(c.rule.type))
        is_kept = _keep(text, c, chosen, policy)
        (kept if is_kept else spans).append(span)
        found.append((c.rule.type, c.rule.role, c.start, c.end, is_kept))
    if tagger is not None:
        spans = _add_model_spans(text, tagger.spans(text, found), spans, kept, chosen, policy)
    parts, pos = [], 0
    for span in spans:
        parts += [text[pos:span.start], span.replacement]
        pos = span.end
    return MaskResult("".join(parts + [text[pos:]]), spans, kept)


_MODEL_RULES = {t: Rule(f"model_{t}", t, "(?!)", priority=0, role="citizen", gate=None) for t in TYPES}
_TAG_TEXT = re.compile("|".join(re.escape(t) for t in TAGS.values()) + r"|\*\*\*")


def _add_model_spans(text: str, found: list[tuple[str, int, int, bool]], spans: list[Span], kept: list[Span],
                     chosen: list[Candidate], policy: MaskPolicy) -> list[Span]:
    """The rules' spans joined with the model's: a model span over a rule's span widens it (an address by any
    length, others by up to 3 characters); one of its own is added unless it touches what the policy keeps
    (officials in role), a tag, or a name a protected span holds."""
    tags = [m.span() for m in _TAG_TEXT.finditer(text)]
    out = list(spans)
    for typ, start, end, sure in found:
        if typ not in policy.types or any(s < end and start < e for s, e in tags) or any(
                k.start < end and start < k.end for k in kept):
            continue
        inside = sorted((o for o in out if o.start < end and start < o.end), key=lambda o: o.start)
        if inside:
            if inside[0].type == "address" or start >= inside[0].start - 3 and end <= inside[-1].end + 3:
                out = [o for o in out if o not in inside] + [Span(inside[0].type, min(start, inside[0].start),
                                                                  max(end, inside[-1].end), inside[0].replacement)]
            continue
        if not sure or typ == "name" and (_protected(text, start, end) or _keep(text, Candidate(_MODEL_RULES[typ], start, end),
                                                                     chosen, policy)):
            continue
        out.append(Span(typ, start, end, policy.replacement(typ)))
    return sorted(out, key=lambda s: s.start)


def mask_cli(argv_text: str | None, jsonl_path: str | None, out: TextIO = sys.stdout,
             policy: MaskPolicy | None = None) -> int:
    """``dasan mask``: see ``ingest.pii_cli.mask_cli``."""
    from ingest.pii_cli import mask_cli as run
    return run(argv_text, jsonl_path, out, policy)

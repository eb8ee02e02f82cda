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
from typing import TextIO

from ingest.pii_context import name_dates
from ingest.pii_birthyear import model_birth_date_ok
from ingest.pii_round10 import dates_after_names
from ingest.pii_round11 import address_tail, place_lived, record_number_in
from ingest.pii_round13 import repeated_values
from ingest.pii_round14 import spoken_unit_end
from ingest.pii_crf import get_tagger
from ingest.pii_general import vetoed
from ingest.pii_find import ALL_RULES, BARE_NAME, find_candidates, _overlaps, _protected  # noqa: F401 (re-exported)
from ingest.pii_keep import _keep  # noqa: F401 (eval.pii_train imports it from here)
from ingest.pii_patterns import CITY, PROVINCES, TAGS, TYPES, Rule
from ingest.pii_types import DEFAULT_POLICY, STYLES, Candidate, MaskPolicy, MaskResult, Span  # noqa: F401 (public API)

__all__ = ["Candidate", "DEFAULT_POLICY", "MaskPolicy", "MaskResult", "STYLES", "Span", "find_candidates", "mask",
           "mask_cli", "mask_with"]


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
        if "birth_date" in policy.types:  # a date right after a name the model found ("둘째 고하람 2016. 4. 21,")
            names = [(n.start, n.end) for n in spans if n.type == "name"]
            extra: list[Span] = []
            for t, s, e in name_dates(text, names) + dates_after_names(text, names):
                if not any(o.start < e and s < o.end for o in spans + kept + extra):
                    extra.append(Span(t, s, e, policy.replacement(t)))
            spans = sorted(spans + extra, key=lambda sp: sp.start)
    spans = _join_address_spans(text, spans)  # a rule's piece and the model's piece of one address
    again = repeated_values(text, [(sp.type, sp.start, sp.end) for sp in spans])  # round 13: a masked value written again
    again = [(t, s, e) for t, s, e in again if t in policy.types and not any(k.start < e and s < k.end for k in kept)]
    if again:
        spans = sorted(spans + [Span(t, s, e, policy.replacement(t)) for t, s, e in again], key=lambda sp: sp.start)
    spans = [Span(sp.type, sp.start, _tail_end(text, sp, spans), sp.replacement) if sp.type == "address" else sp for sp in spans]
    parts, pos = [], 0
    for span in spans:
        parts += [text[pos:span.start], span.replacement]
        pos = span.end
    return MaskResult("".join(parts + [text[pos:]]), spans, kept)


# Between two pieces of one address: a comma, a line break and an envelope's indent, an opening "(동, ".
_ADDRESS_GAP = re.compile(r"[ \t]*,?[ \t]*(?:\n[ \t]*)?(?:\([가-힣0-9]{1,6}(?:동|리|가),[ \t]*)?")
_NEW_ADDRESS = re.compile(rf"(?:{PROVINCES}|{CITY})[ \t]")  # a second address of its own


def _join_address_spans(text: str, spans: list[Span]) -> list[Span]:
    """Two address pieces that only a comma or a line break part are one address continued on the next line;
    a piece of the gap taken for something else ("(용봉동, …": a name) goes with it."""
    out: list[Span] = []
    for sp in spans:
        last = max((i for i, o in enumerate(out) if o.type == "address"), default=None)
        if sp.type == "address" and last is not None:
            prev = out[last]
            if (sp.start > prev.end and _ADDRESS_GAP.fullmatch(text, prev.end, sp.start)
                    and text.count("\n", prev.end, sp.start) <= 1 and not _NEW_ADDRESS.match(text, sp.start)):
                out[last:] = [Span(prev.type, prev.start, sp.end, prev.replacement)]
                continue
        out.append(sp)
    return out


def _tail_end(text: str, sp: Span, spans: list[Span]) -> int:
    """An address's basement, floor, state and postcode or country after it (round 11), unless another span starts there."""
    end = spoken_unit_end(text, address_tail(text, sp.end))  # round 14: "… 대원빌라 비동 삼층"
    return end if not any(o is not sp and sp.end <= o.start < end for o in spans) else sp.end


_MODEL_RULES = {t: Rule(f"model_{t}", t, "(?!)", priority=0, role="citizen", gate=None) for t in TYPES}
_CASE_OR_AMOUNT = re.compile(r"(?<!\d)(?:19|20)\d{2}[가-힣]{1,3}\d{1,7}(?!\d)|\d{1,3}(?:,\d{3})+[ \t]?(?:원|㎡|m2|평|만|억)|\d+(?:\.\d+)?[ \t]?(?:㎡|평|원)")
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
            if inside[0].type == "address" and len(inside) > 1 and _CASE_OR_AMOUNT.search(text, inside[0].end, inside[-1].start):
                continue  # two addresses with an area or amount between ("산 44-1 임야 2,314㎡, 213-7"): no one span
            if inside[0].type == "address" and record_number_in(text, inside[-1].end, end):
                continue  # round 11: "… 테헤란로 123 2024-1203 접수 건": the case's number is no part of the address
            if inside[0].type == "address" or start >= inside[0].start - 3 and end <= inside[-1].end + 3:
                out = [o for o in out if o not in inside] + [Span(inside[0].type, min(start, inside[0].start),
                                                                  max(end, inside[-1].end), inside[0].replacement)]
            continue
        if vetoed(text, typ, start, end) or typ == "name" and place_lived(text, start, end) or (
                typ == "birth_date" and not model_birth_date_ok(text, start, end)):
            continue  # what the rules' vetoes drop: a gateway's IP, a 법인번호, a name label ("한국명") …
        if _CASE_OR_AMOUNT.search(text, start, end) and not any(typ == t for t in ("phone", "account", "card")):
            continue  # a court case number or an amount inside: not an identifier ("2026호파1187")
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

"""Legal references a past case's answer makes: pure text functions, no I/O.

Answers name the rule that governs: 「액화석유가스의 안전관리 및 사업법( 이하 “ 액법” 이라 한다) 」제33조제2항,
동법 시행규칙 별표 20, 같은 법 제8조, 제10조부터 제16조까지, KGS FU432 2. 3. 3. 4( 3), 같은 코드 2. 3. 3. 1.
Exports from PDF boards carry stray spaces inside words ("시 행규칙", "2. 3. 3"), so every pattern
tolerates them. One left-to-right scan keeps the last law and code named, which is what 동법, 같은 법,
bare 법/영/규칙 and 같은 코드 refer to.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rag.cases import REF_MAX
from rag.grammar import ANNEX_WRITTEN, ARTICLE_RANGE_END, ARTICLE_WRITTEN, CLAUSE_WRITTEN, NUMBER_START, REF_START
from rag.references import ABBREVIATIONS

RANGE_CAP = 15  # a longer article range keeps only its two ends
_SUFFIX = r"시\s?행\s?(?:령|규\s?칙)"
_LAW_END = re.compile(r"(?:법|법률|령|규칙|조례|규정|지침|기준|고시|훈령|예규|요령|세칙)$")
_BRACKET = re.compile(r"[「｢]([^「」｢｣\n]{2,120}?)[」｣]|\?([^?「」<>\n]{2,80}?)\?")
_DEF = re.compile(r"\(\s*(?:이하|약칭)\s*[:：,]?\s*[“\"'‘]?\s*([^”\"'’()\n]{1,20}?)\s*[”\"'’]?\s*(?:이라고|이라|라)?\s*"
                  r"(?:한다|함)?\s*\.?\s*\)")
_PAREN = re.compile(r"\([^()\n]{0,80}\)|【[^】\n]{0,80}】")
_ARTICLE = re.compile(ARTICLE_WRITTEN)  # rag/grammar.py: the one grammar of references
_RANGE = re.compile(ARTICLE_RANGE_END)
_ANNEX = re.compile(ANNEX_WRITTEN)
_CODE = re.compile(r"KGS\s*(?:CODE|Code|code|코드)?\s*([A-Z]{2})\s?(\d{3})(?!\d)|(?<![A-Za-z0-9])([AFG][A-Z])(\d{3})(?!\d)")
_CLAUSE = re.compile(r"[1-9]\d?(?:\s?\.\s?\d{1,3}){1,6}(?![\d]|\s?\.\s?\d|\s?(?:m|㎜|mm|MPa|㎫|kPa|㎪|%|톤|℃|배(?!관)|㎏|kg|L\b))")
_ANAPHOR_LAW = re.compile(r"(?<![가-힣])(?:동\s?법|같은\s?법(?!률|령|칙))(?:\s*(" + _SUFFIX + r"))?|(?<![가-힣])(?:동|같은)\s?(" + _SUFFIX + r")")
_ANAPHOR_TITLE = re.compile(r"(?<![가-힣])(?:동|같은)\s?(규칙|지침|조례|고시|규정|기준)(?![가-힣])")
_ANAPHOR_CODE = re.compile(r"(?<![가-힣])(?:동|같은)\s?(?:코드|상세\s?기준|기술\s?기준)")
_SHORT = re.compile(r"(?<![가-힣A-Za-z])(" + _SUFFIX + r"|법률|법|영|규칙)(?=\s?\[?\s?" + REF_START + ")")
# words that cannot be part of a title written without 「」 (particles and verb endings end a phrase)
_STOP_END = re.compile(r"(?:은|는|을|를|이며|에서|에게|에는|으로|하여|하고|하며|따라|따르면|의하여|의하면|의거|근거|"
                       r"에도|이고|며|고|면|서|다|요|로서|도|만|중|경우|때|상기|참고로|또한|아울러|다만|현행|관련)$")
_WORD = re.compile(r"[가-힣A-Za-z0-9·ㆍ]+")
_CONTROL = re.compile(r"[\u200b\ufeff]")


@dataclass(frozen=True)
class CaseRef:
    """One reference as the answer writes it; ``title`` is expanded (약칭, 동법…) but not yet resolved."""

    span: str  # the text as written, e.g. "액법 시행규칙 별표 6"
    title: str = ""  # "액화석유가스의 안전관리 및 사업법 시행규칙"; "" for a code
    article: str = ""  # "제33조", "제33조의2", "제8-33조"
    annex: str = ""  # "별표 20", "별표 10의2"
    code: str = ""  # "KGS FU432"
    clause: str = ""  # "2.3.3.4"
    via: str = ""  # how the title was found: bracket | abbreviation | name | same-law | short | context


def answer_part(unit_text: str) -> str:
    """The answer of a case unit ("제목: …\\n질문: …\\n답변: …"); the whole text when unmarked."""
    head, sep, answer = (unit_text or "").partition("\n답변:")
    if not sep:
        return unit_text or ""
    return answer


def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _title(s: str) -> str:
    """A written title with stray spaces inside suffixes fixed and parentheticals dropped."""
    s = _DEF.sub(" ", s)
    s = re.sub(_SUFFIX, lambda m: "시행령" if m.group().endswith("령") else "시행규칙", s)
    return _squash(s)


def _base(title: str) -> str:
    return re.sub(r"\s*시행(?:령|규칙)$", "", title)


def _with_suffix(base: str, suffix: str | None) -> str:
    if not suffix:
        return base
    return f"{base} {'시행령' if suffix.replace(' ', '').endswith('령') else '시행규칙'}"


def _article(num: str, hyph: str | None, sub: str | None) -> str:
    return f"제{int(num)}" + (f"-{int(hyph)}" if hyph else "") + "조" + (f"의{int(sub)}" if sub else "")


def _name_before(text: str, pos: int) -> tuple[int, str] | None:
    """An unbracketed title ending right before ``pos`` ("하수도법", "민원 처리에 관한 법률 시행령")."""
    window = text[max(0, pos - 90):pos]
    stripped = window.rstrip(" [\t")
    words = list(_WORD.finditer(stripped))
    if not words or words[-1].end() != len(stripped):
        return None
    # glue "시 행규칙" back before judging the last word
    chosen: list[re.Match] = []
    for w in reversed(words):
        if chosen:
            gap = stripped[w.end():chosen[-1].start()]
            if gap.strip() or _STOP_END.search(w.group()) or len(chosen) >= 10:
                break
        if re.match(NUMBER_START, w.group()):  # "제71조제2항 법 제44조": the 법 is bare, not a title's end
            break
        chosen.append(w)
    if not chosen:
        return None
    chosen.reverse()
    start = chosen[0].start()
    phrase = _title(stripped[start:])
    if not _LAW_END.search(phrase) or phrase in ("법", "영", "규칙", "법률", "시행령", "시행규칙"):
        return None  # a bare 법 / 시행규칙 is the last law's (see _SHORT)
    if phrase.replace(" ", "") in ("동법", "같은법") or len(phrase.replace(" ", "")) < 2:
        return None
    return max(0, pos - 90) + start, phrase


@dataclass
class _Tok:
    start: int
    end: int
    kind: str  # law | code | art | annex | clause | codeana
    title: str = ""
    via: str = ""
    items: tuple = ()


def _definitions(text: str, aliases: dict[str, str]) -> dict[str, str]:
    """Abbreviations the answer defines: "「…법( 이하 “ 액법” 이라 한다) 」", "…법률(약칭: 정보공개법)"."""
    return {alias: title for _, _, alias, title in _defined(text)}


def _defined(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, alias, title) of each definition; the span names the title for what follows."""
    out: list[tuple[int, int, str, str]] = []
    for m in _DEF.finditer(text):
        alias = re.sub(r"\s+", "", m.group(1)).strip(",.")
        if not alias or len(alias) > 15:
            continue
        before = text[:m.start()]
        b = re.search(r"[「｢]([^「」｢｣\n]{2,120})$", before)
        if b:
            title = _title(b.group(1))
        else:
            b = re.search(r"[「｢?]([^「」｢｣?\n]{2,120})[」｣?]\s*$", before)
            found = (0, _title(b.group(1))) if b else _name_before(text, m.start())
            title = found[1] if found else ""
        if title and _LAW_END.search(title) and alias not in ("동법", "법"):
            out.append((m.start(), m.end(), alias, title))
    return out


def _law_tokens(text: str, aliases: dict[str, str]) -> list[_Tok]:
    toks: list[_Tok] = []
    for m in _BRACKET.finditer(text):
        title = _title(m.group(1) or m.group(2))
        if not _LAW_END.search(title):
            continue
        end = m.end()
        after = re.match(r"\s*(?:\([^()\n]{0,60}\)\s*)?(" + _SUFFIX + r")", text[end:])
        if after and not title.endswith(("시행령", "시행규칙")):
            title, end = _with_suffix(title, after.group(1)), end + after.end()
        toks.append(_Tok(m.start(), end, "law", title, "bracket"))
    for alias in sorted(aliases, key=len, reverse=True):
        pat = r"(?<![가-힣A-Za-z])" + re.escape(alias) + r"(?!률)(?:\s*(" + _SUFFIX + r"))?"
        for m in re.finditer(pat, text, flags=re.IGNORECASE):
            toks.append(_Tok(m.start(), m.end(), "law", _with_suffix(aliases[alias], m.group(1)), "abbreviation"))
    for m in _ANAPHOR_LAW.finditer(text):
        toks.append(_Tok(m.start(), m.end(), "law", "", "same-law", (m.group(1) or m.group(2) or "",)))
    for m in _ANAPHOR_TITLE.finditer(text):
        toks.append(_Tok(m.start(), m.end(), "law", "", "same-title", (m.group(1),)))
    for m in _SHORT.finditer(text):
        toks.append(_Tok(m.start(), m.end(), "law", "", "short", (m.group(1),)))
    for m in _CODE.finditer(text):
        letters, digits = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        toks.append(_Tok(m.start(), m.end(), "code", f"KGS {letters}{digits}"))
    for m in _ANAPHOR_CODE.finditer(text):
        toks.append(_Tok(m.start(), m.end(), "codeana"))
    return toks


def _ref_tokens(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    for m in _ARTICLE.finditer(text):
        arts = [_article(m.group(1), m.group(2), m.group(3))]
        end = m.end()
        r = _RANGE.match(text, end)
        if r and not m.group(2):
            lo, hi = int(m.group(1)), int(r.group(1))
            if lo < hi:
                span = list(range(lo, hi + 1))
                nums = span if len(span) <= RANGE_CAP else [lo, hi]
                arts = [arts[0]] + [_article(str(n), None, r.group(2) if n == hi else None) for n in nums[1:]]
                end = r.end()
        toks.append(_Tok(m.start(), end, "art", items=tuple(arts)))
    for m in _ANNEX.finditer(text):
        toks.append(_Tok(m.start(), m.end(), "annex", items=(f"별표 {int(m.group(1))}" + (
            f"의{int(m.group(2))}" if m.group(2) else ""),)))
    for m in _CLAUSE.finditer(text):
        toks.append(_Tok(m.start(), m.end(), "clause", items=(re.sub(r"\s+", "", m.group()),)))
    return toks


_GAP_DROP = re.compile(r"\([^()\n]{0,80}\)|【[^】\n]{0,80}】|" + CLAUSE_WRITTEN + r"|(?<![가-힣])[가-하]\s?목|\d{1,2}\s?\)|"
                       r"(?<![가-힣])[가-하]\s?\)|단서|본문|전단|후단|각\s?호|에서\s?정한|부록\s?[A-Z]?\d*")
_GAP_OK = re.compile(r"^[\s」｣?\[\],·ㆍ、/]*(?:(?:의|상|및|과|와|또는|그리고|,|ㆍ|·)[\s\[\],]*)*$")


def _adjacent(text: str, a: int, b: int, limit: int = 120) -> bool:
    if b - a > limit:
        return False
    return bool(_GAP_OK.match(_GAP_DROP.sub(" ", text[a:b])))


def extract_refs(answer: str, aliases: dict[str, str] | None = None) -> list[CaseRef]:
    """References in one answer, in order, duplicates removed. ``aliases`` adds 약칭 → official title
    (the registry's abbreviations) to the built-in table and to what the answer itself defines."""
    text = _CONTROL.sub("", answer or "")
    table = {k: v for k, v in ABBREVIATIONS.items()}
    table.update(aliases or {})
    table.update(_definitions(text, table))
    defs = [(m.start(), m.end()) for m in _DEF.finditer(text)]
    # the alias inside "(이하 “액법”이라 한다)" is the definition, not a mention
    laws = [t for t in _law_tokens(text, table) if t.via != "abbreviation" or not any(a <= t.start < b for a, b in defs)]
    laws += [_Tok(a, b, "law", title, "definition") for a, b, _, title in _defined(text)]
    refs = _ref_tokens(text)
    # explicit names win over abbreviations inside them, anaphora over the bare 법 they contain
    prio = {"bracket": 0, "definition": 1, "": 1, "same-law": 2, "same-title": 2, "abbreviation": 3, "short": 4}
    laws.sort(key=lambda t: (prio.get(t.via, 1), t.start))
    taken: list[_Tok] = []
    for t in laws:
        if not any(t.start < o.end and o.start < t.end for o in taken):
            taken.append(t)
    for r in refs:  # a law name written without 「」 right before an article or annex
        if r.kind not in ("art", "annex") or any(o.start <= r.start < o.end for o in taken):
            continue
        near = [o for o in taken if o.kind == "law" and _near(text, o, r)]
        if near and near[-1].via != "short":
            continue
        nb = _name_before(text, r.start)
        # "…사업법 시행규칙 별표20": the bare 시행규칙 is the end of a title written without 「」
        if nb and not any(nb[0] < o.end and o.start < r.start for o in taken if o not in near):
            taken = [o for o in taken if o not in near] + [_Tok(nb[0], r.start, "law", nb[1], "name")]
    cover = [(t.start, t.end) for t in taken]
    refs = [r for r in refs if not any(s <= r.start < e for s, e in cover)]
    return _walk(text, sorted(taken + refs, key=lambda t: (t.start, t.end)))


def _near(text: str, law: _Tok, ref: _Tok) -> bool:
    return law.end <= ref.start and _adjacent(text, law.end, ref.start, 40)


def _walk(text: str, toks: list[_Tok]) -> list[CaseRef]:
    out: list[CaseRef] = []
    last_law, last_via, law_end, law_start = "", "", -1, -1
    last_code, code_end, code_start, code_used = "", -1, -1, True
    seen: set[tuple] = set()

    def emit(ref: CaseRef) -> None:
        key = (ref.title.replace(" ", ""), ref.article, ref.annex, ref.code, ref.clause)
        if key not in seen:
            seen.add(key)
            out.append(ref)

    def flush_code() -> None:
        if last_code and not code_used:
            emit(CaseRef(span=last_code, code=last_code, via="code"))

    for t in toks:
        if t.kind == "law":
            title = t.title
            if t.via == "same-law":
                title = _with_suffix(_base(last_law), t.items[0]) if last_law else ""
            elif t.via == "same-title":
                title = last_law if last_law.endswith(t.items[0]) else ""
            elif t.via == "short":
                word = t.items[0].replace(" ", "")
                title = (_base(last_law) if word in ("법", "법률") else
                         _with_suffix(_base(last_law), "령" if word in ("영", "시행령") else "규칙")) if last_law else ""
            if title:
                # "「…법」( 이하 “액법”이라 한다) 제34조": the span starts at the title, not at its definition
                start = law_start if t.via == "definition" and 0 <= t.start - law_end <= 3 else t.start
                last_law, last_via, law_start, law_end = title, t.via, start, t.end
            continue
        if t.kind == "code":
            flush_code()
            last_code, code_start, code_end, code_used = t.title, t.start, t.end, False
            continue
        if t.kind == "codeana":
            if last_code:
                code_start, code_end = t.start, t.end
            continue
        if t.kind == "clause":
            if last_code and code_end >= 0 and _adjacent(text, code_end, t.start, 120):
                emit(CaseRef(span=_span(text, code_start, t.end), code=last_code, clause=t.items[0], via="code"))
                code_used, code_end = True, t.end
            continue
        if not last_law:
            continue
        explicit = law_end >= 0 and _adjacent(text, law_end, t.start)
        via = last_via if explicit else "context"
        start = law_start if explicit else t.start
        for item in t.items:
            if t.kind == "art":
                emit(CaseRef(span=_span(text, start, t.end), title=last_law, article=item, via=via))
            else:
                emit(CaseRef(span=_span(text, start, t.end), title=last_law, annex=item, via=via))
        if explicit:
            law_end = t.end
    flush_code()
    return out


def _span(text: str, a: int, b: int) -> str:
    return _squash(text[a:b])[:REF_MAX]

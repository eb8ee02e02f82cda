"""Legal references named in an answer (제N조, 별표 N, technical-code clauses), the law each belongs to, and the
numbered sources that contain them: the reference half of ``rag.verify``."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from rag.grammar import ANNEX, ARTICLE_HYPHENATED, ITEM, LIST_GAP, PARAGRAPH_LOOSE, TITLE_BRACKETED
from rag.model import normalize_title
from rag.references import ABBREVIATIONS


@dataclass
class Source:
    """One numbered source the answer was written from (a retrieved unit)."""

    n: int  # 1-based number used in [n] markers
    title: str  # document title (for a 별표 the annex title or the law)
    parent_title: str = ""  # for 별표: the law it belongs to
    label: str = ""  # "제33조", "제33조제2항", "별표 20", "2.3.3.4"; empty: the whole document
    text: str = ""
    kind: str = ""

    @classmethod
    def of(cls, n: int, hit) -> Source:
        """Source ``n`` from a retrieved hit (rag.hits.Hit)."""
        d = hit.document
        return cls(n=n, title=d.title or "", parent_title=d.parent_title or "", label=hit.unit or "",
                   text=hit.text or "", kind=d.kind or "")


@dataclass
class Ref:
    """A legal reference named in the answer: 제N조, 별표 N or a technical-code clause."""

    start: int
    end: int
    kind: str  # "article" | "annex" | "clause"
    key: str  # "33의2" | "20의2" | "2.3.3.4"
    law: tuple | None = None  # (base, suffix) normalised, ("KGS", "FU432") for codes; None: no law named
    text: str = ""
    named: str = ""  # the law's name as the answer wrote it


_LAW_END = r"(?:법률|법|령|규칙|기준|고시|조례|지침|규정|훈령|예규)"
_SUF = r"(시\s*행\s*규\s*칙|시\s*행\s*령)"
_ART = re.compile(ARTICLE_HYPHENATED + PARAGRAPH_LOOSE + ITEM)
_ANNEX = re.compile(ANNEX)
_CODE = re.compile(r"(?<![A-Za-z])(?:KGS\s*(?:CODE\s*|코드\s*)?([A-Z]{2})|(FP|FU|FS|GC|GS|AA|AB|AC))"
                   r"\s*-?\s*(\d{3})(?!\d)")
_CLAUSE = re.compile(r"(?<![\d.])([1-9](?:\s*\.\s*\d{1,2}){1,6})(?!\s*\.?\s*\d)(?!\s*(?:m|㎜|㎝|cm|㎫|MPa|㎪|kPa|%|톤"
                     r"|℃|배|L|ℓ|㎥|kg|㎏|g|bar|년|월|일|개|명|회|시간|분))")
_BRACKET = re.compile(TITLE_BRACKETED)
_DEFINE = re.compile(r"\(\s*이하\s*,?\s*[“\"'‘]\s*([^”\"'’()]{1,20}?)\s*[”\"'’]\s*(?:이?라|라고)[^()]{0,8}\)")
_AFTER_TITLE = re.compile(r"\s*(\(\s*이하[^()]{0,40}\))?\s*" + _SUF + "?")
_REL = re.compile(r"(?<![가-힣])(?:(같은|동|이)\s*)?(법률|법|영|규칙|시행령|시행규칙|지침|고시|조례)(?:\s*" + _SUF
                  + r")?(?![가-힣])")
_CODE_REL = re.compile(r"(?:같은|동)\s*(?:코드|상세기준|기준)\s*(?:의\s*)?$|상세기준\s*$")
_GAP_TAIL = re.compile(r"(?:\s+|[」｣』?]|\([^()]{0,90}\)|【[^】]{0,60}】|(?<=[0-9A-Za-z」｣』)])의|제\s*\d+\s*[장절관편])$")
_LIST_GAP = re.compile(LIST_GAP)  # "제44조[1] 및 제45조"
_NAME_TAIL = re.compile(r"(?<![가-힣A-Za-z0-9·ㆍ])((?:[가-힣A-Za-z0-9·ㆍ]+\s+){0,3}(?:법률|규칙|조례)|"  # …에 관한 법률
                        r"[가-힣A-Za-z0-9·ㆍ]{1,30}?" + _LAW_END + r")$")
_NOT_LAW = {"방법", "불법", "위법", "적법", "편법", "기준", "규정", "시설기준", "기술기준", "상세기준", "검사기준",
            "점검기준", "설치기준", "안전기준", "관련규정", "해당규정", "상기규정", "동규정", "관련법", "해당법"}
_SUFFIX_OF = {"영": "시행령", "시행령": "시행령", "규칙": "시행규칙", "시행규칙": "시행규칙"}


@lru_cache(maxsize=4096)
def _plain_key(name: str) -> tuple[str, str]:
    n = normalize_title(re.sub(r"\([^()]*\)", "", name)).replace("?", "")
    suffix = next((s for s in ("시행규칙", "시행령") if n.endswith(s) and len(n) > len(s)), "")
    base = n[: len(n) - len(suffix)] if suffix else n
    full = ABBREVIATIONS.get(base.lower())
    return (normalize_title(full) if full else base), suffix


def law_key(name: str, abbr: dict | None = None) -> tuple[str, str]:
    """("액화석유가스의안전관리및사업법", "시행규칙") from a law name, 약칭 (and ones the answer defines) expanded."""
    base, suffix = _plain_key(name or "")
    full = (abbr or {}).get(base.lower())
    return (full[0], suffix or full[1]) if full else (base, suffix)


@lru_cache(maxsize=4096)
def same_law(a: tuple, b: tuple) -> bool:
    """Same law: equal suffix and a base equal up to small spelling differences (a missing 의, spaces); an empty
    base ("시행규칙 제70조" with no law in context) matches any law with that suffix."""
    x, y = a[0], b[0]
    if a[1] != b[1] or "KGS" in (x, y):
        return a == b
    if x == y or not x or not y:
        return True
    return min(len(x), len(y)) >= 4 and (fuzz.ratio(x, y) >= 90 or x.endswith(y) or y.endswith(x))


def _num(num: str, sub: str | None) -> str:
    return re.sub(r"\s+", "", num) + (f"의{int(sub)}" if sub else "")


def unit_of(label: str) -> tuple[str, str]:
    """("article", "33의2") / ("annex", "20") / ("clause", "2.3.3.4") / ("doc", "") for a source label."""
    lab = (label or "").strip().strip("[]")
    if not lab:
        return "doc", ""
    if m := _ART.match(lab):
        return "article", _num(m.group(1), m.group(2))
    if m := _ANNEX.search(lab):
        return "annex", _num(m.group(1), m.group(2))
    m = re.match(r"[A-Z]?\d+(?:\s*\.\s*\d+)*", lab)  # an appendix clause keeps its letter: "A2.1"
    return ("clause", re.sub(r"\s+", "", m.group())) if m else ("other", lab)


def ref_label(kind: str, key: str) -> str:
    main, _, sub = key.partition("의")
    return {"article": f"제{main}조" + (f"의{sub}" if sub else ""), "annex": f"별표 {key}"}.get(kind, key)


@dataclass
class _Src:
    n: int
    laws: list
    code: str
    kind: str
    key: str
    text: str
    norm: str = ""


def _prepare(sources: list[Source]) -> list[_Src]:
    out = []
    for s in sources:
        m = _CODE.search(f"{s.title} {s.parent_title}")
        code = (m.group(1) or m.group(2)) + m.group(3) if m else ""
        laws = [] if code else [law_key(s.parent_title or s.title)]  # a 별표's own title is not a law
        out.append(_Src(s.n, laws, code, *unit_of(s.label), s.text or ""))
    return out


def supporting(ref: Ref, srcs: list[_Src]) -> list[int]:
    """Numbers of the sources containing a reference: same law (a 별표 named under the 법률 may sit in its
    시행령/시행규칙), same article at article level, or a code clause that contains or is contained in it."""
    out = []
    for s in srcs:
        if ref.kind == "clause":
            ok = (not ref.law or s.code == ref.law[1]) and ((s.kind == "doc" and bool(s.code)) or (
                s.kind == "clause" and (s.key == ref.key or ref.key.startswith(s.key + ".")
                                        or s.key.startswith(ref.key + "."))))
        else:
            ok = not s.code and (s.kind == "doc" or (s.kind == ref.kind and s.key == ref.key))
            if ok and ref.law:
                ok = any(same_law(ref.law, lk) or (ref.kind == "annex" and not ref.law[1] and same_law(
                    ref.law, (lk[0], ""))) for lk in s.laws)
        if ok:
            out.append(s.n)
    return out


@lru_cache(maxsize=512)
def _title_pattern(title: str) -> re.Pattern:
    return re.compile(r"\s*".join("의?" if c == "의" else re.escape(c) for c in title))


@lru_cache(maxsize=256)
def _abbr_pattern(names: tuple) -> re.Pattern:
    return re.compile(r"(?<![가-힣A-Za-z])(" + "|".join(map(re.escape, names)) + r")(?!률)(?:\s*" + _SUF + ")?", re.I)


def _define(abbr: dict, text: str | None, key: tuple) -> None:
    m = _DEFINE.match(text or "")
    if m:
        abbr[normalize_title(m.group(1)).lower()] = key


def _mentions(text: str, srcs: list[_Src], sources: list[Source]) -> list[tuple]:
    """Law mentions (start, end, key) in order, 같은 법/동법/시행규칙 resolved against the law in context."""
    cands, abbr = [], {}
    for m in _BRACKET.finditer(text):  # 「…사업법(이하 “액법”이라 한다) 시행규칙」, 「…」(이하 …) 시행령
        inner = m.group(1)
        title = re.sub(r"\([^()]*\)", " ", inner)
        if not re.search(_LAW_END + r"\s*$", title):
            continue
        key, after, end = law_key(title, abbr), _AFTER_TITLE.match(text, m.end()), m.end()
        if d := _DEFINE.search(inner):
            _define(abbr, d.group(), law_key(inner[: d.start()], abbr))
        _define(abbr, after.group(1), key)
        if after.group(2) and not key[1]:
            key, end = (key[0], re.sub(r"\s+", "", after.group(2))), after.end()
        cands.append((m.start(), end, key, 0))
    squeezed = re.sub(r"[\s의]", "", text)
    known = {normalize_title(t) for s in sources for t in (s.title, s.parent_title) if t and not _CODE.search(t)}
    for t in known | {normalize_title(v) for v in ABBREVIATIONS.values()}:
        if t.replace("의", "") not in squeezed:
            continue
        for m in _title_pattern(t).finditer(text):
            key, after, end = law_key(t), _AFTER_TITLE.match(text, m.end()), m.end()
            _define(abbr, after.group(1), key)
            if after.group(2) and not key[1]:
                key, end = (key[0], re.sub(r"\s+", "", after.group(2))), after.end()
            cands.append((m.start(), end, key, 1))
    for m in _DEFINE.finditer(text):  # "LPG시설 검사업무 처리지침(이하 “지침”이라 한다)": a law not among the sources
        name = _NAME_TAIL.search(text, max(0, m.start() - 40), len(text[: m.start()].rstrip()))
        x = normalize_title(m.group(1)).lower()
        if name and x not in abbr and normalize_title(name.group(1)) not in _NOT_LAW:
            abbr[x] = law_key(name.group(1))
            cands.append((name.start(), name.end(), abbr[x], 2))
    for m in _abbr_pattern(tuple(sorted(set(ABBREVIATIONS) | set(abbr), key=len, reverse=True))).finditer(text):
        key = law_key(m.group(1), abbr)
        cands.append((m.start(), m.end(), (key[0], re.sub(r"\s+", "", m.group(2) or "") or key[1]), 1))
    for m in _REL.finditer(text):
        if m.group(1) or m.group(2) != "법률":  # a bare 법률 ends a name ("…에 관한 법률"), it does not point back
            cands.append((m.start(), m.end(), ("?rel", m.group(2), re.sub(r"\s+", "", m.group(3) or "")), 3))
    cands.sort(key=lambda c: (c[0], -c[1], c[3]))
    statutes = {lk[0] for s in srcs for lk in s.laws if re.search(r"법률?$", lk[0])}
    out, ctx = [], (next(iter(statutes)) if len(statutes) == 1 else None)
    for s, e, key, _ in cands:
        if out and s < out[-1][1]:
            continue
        if key[0] == "?rel":
            word, suffix = key[1], key[2]
            if word in ("지침", "고시", "조례"):
                key = next((k for _, _, k in reversed(out) if k[0].endswith(word)), None)
            else:
                key = (ctx or "", suffix or _SUFFIX_OF.get(word, ""))
            if key is None:
                continue
        elif re.search(r"법률?$", key[0]):
            ctx = key[0]
        out.append((s, e, key))
    return out


def _strip_gap(text: str, p: int, stop: dict) -> int:
    """Move left over spaces, closing brackets, (parentheticals), 【titles】, 의 and 제N장/절 before a reference."""
    while p not in stop and (m := _GAP_TAIL.search(text, max(0, p - 100), p)) and m.start() < p:
        p = m.start()
    return p


def find_references(text: str, sources: list[Source], srcs: list[_Src] | None = None) -> list[Ref]:
    """Every 제N조 / 별표 N / code clause in the answer, with the law (or code) named right before it."""
    srcs = _prepare(sources) if srcs is None else srcs
    ends = {e: (k, text[s:e]) for s, e, k in _mentions(text, srcs, sources)}
    found = [(m.start(), m.end(), "article", _num(m.group(1), m.group(2))) for m in _ART.finditer(text)]
    found += [(m.start(), m.end(), "annex", _num(m.group(1), m.group(2))) for m in _ANNEX.finditer(text)]
    found += [(m.start(), m.end(), "clause", re.sub(r"\s+", "", m.group(1))) for m in _CLAUSE.finditer(text)]
    codes = [(m.end(), (m.group(1) or m.group(2)) + m.group(3)) for m in _CODE.finditer(text)]
    code_ends = dict(codes)
    refs: list[Ref] = []
    for s, e, kind, key in sorted(found):
        prev = refs[-1] if refs else None
        listed = prev and (prev.kind == "clause") == (kind == "clause") and _LIST_GAP.fullmatch(text, prev.end, s)
        named = ""
        if kind == "clause":
            p, before = _strip_gap(text, s, code_ends), [c for e2, c in codes if e2 <= s]
            if p in code_ends:
                law = ("KGS", code_ends[p])
            elif listed:
                law = prev.law
            elif before and (_CODE_REL.search(text, max(0, p - 12), p) or key.count(".") >= 2):
                law = ("KGS", before[-1])  # "같은 코드 2.3.3.4", or a bare clause after a code was named
            else:
                continue
        else:
            p = _strip_gap(text, s, ends)
            m = None if p in ends else _NAME_TAIL.search(text, max(0, p - 40), p)  # "건축법 제22조"
            law, named = ends.get(p) or ((law_key(m.group(1)), m.group(1)) if m and normalize_title(m.group(1))
                                         not in _NOT_LAW else (None, ""))
            law, named = (prev.law, prev.named) if law is None and listed else (law, named)
        refs.append(Ref(s, e, kind, key, law, text[s:e], re.sub(r"\s+", " ", named)))
    return refs


def _law_name(key: tuple | None, sources: list[Source], named: str = "") -> str:
    """A law's display name: its official title when known, else as the answer wrote it."""
    if not key or not key[0]:
        return (key or ("", ""))[1] or "법령 미상"
    if key[0] == "KGS":
        return f"KGS {key[1]}"
    for t in [t for s in sources for t in (s.parent_title, s.title) if t] + list(ABBREVIATIONS.values()):
        if same_law(law_key(t), (key[0], "")) or same_law(law_key(t), key):
            t = t.replace("「", "").replace("」", "")
            return t if not key[1] or t.endswith(key[1]) else f"{t} {key[1]}"
    return named.strip("「」｢｣『』 ") if named and "(" not in named else key[0] + (f" {key[1]}" if key[1] else "")

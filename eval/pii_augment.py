"""Training recipes for the masker's tagger: structured values re-rendered in other written forms, and texts
with no personal data.

``augment(examples, copies, seed)``: for every text with a gold span of a structured type, ``copies`` new texts
where each such value is written another way (separators none/space/dot/hyphen/en-dash/slash/mixed; digits
full-width, read out in Hangul, in CJK numerals; a space inside a group; the writer's own * or ○ over some
digits; a birth date's parts in another order or style) and the label word before it swapped for a synonym.
Offsets are rebuilt from the edits, so every gold span still covers exactly its value. Deterministic: the
random generator of each text is seeded by ``seed`` and the text's id.

``negatives(n, seed)``: ``n`` paragraphs of statutes and administrative rules (read in place from the shared
corpora, never copied) as texts whose every character is ``O``.
"""
from __future__ import annotations

import random
import re
import zlib

from eval import SHARED
from eval.pii_eval import Example

NUMERIC = ("phone", "rrn", "arn", "account", "card", "brn", "passport", "driver_license", "birth_date")
_SEPS = ("", " ", ".", "-", "–", "/", "mixed")
_SEP_RUN = re.compile(r"(?<=[0-9*])[ \t.\-–—/·]+(?=[0-9*])")
_FULL = str.maketrans("0123456789", "０１２３４５６７８９")
_CJK = str.maketrans("0123456789", "〇一二三四五六七八九")
_HANGUL_PHONE = str.maketrans("0123456789", "공일이삼사오육칠팔구")
_HANGUL = str.maketrans("0123456789", "영일이삼사오육칠팔구")
_DATE = re.compile(r"(?P<y>(?:19|20)?\d{2})\s*(?:[.\-/]|년)\s*(?P<m>\d{1,2})\s*(?:[.\-/]|월)\s*(?P<d>\d{1,2})\s*일?\.?")
_LABELS = {
    "phone": ("연락처", "전화번호", "휴대폰", "핸드폰 번호", "HP", "휴대전화", "폰번호", "Tel"),
    "rrn": ("주민등록번호", "주민번호", "주민등록 번호", "주민No"),
    "arn": ("외국인등록번호", "외국인번호", "등록번호", "외국인 등록증 번호"),
    "account": ("계좌번호", "계좌", "입금계좌", "환불 계좌", "통장번호"),
    "card": ("카드번호", "카드", "신용카드 번호", "체크카드"),
    "brn": ("사업자등록번호", "사업자번호", "사업자 등록번호"),
    "passport": ("여권번호", "여권", "Passport No.", "여권 번호"),
    "driver_license": ("운전면허번호", "면허번호", "운전면허", "면허증 번호"),
    "birth_date": ("생년월일", "생일", "출생일", "D.O.B", "생년 월일"),
    "email": ("이메일", "메일", "E-mail", "전자우편", "메일주소"),
}
_LABEL_RE = {t: re.compile("|".join(sorted(map(re.escape, v), key=len, reverse=True))) for t, v in _LABELS.items()}


def _seps(value: str, rng: random.Random) -> str:
    choice = rng.choice(_SEPS)
    if choice == "mixed":
        return _SEP_RUN.sub(lambda m: rng.choice(_SEPS[:-1]), value)
    return _SEP_RUN.sub(choice, value)


def _digits(value: str, table) -> str:
    return value.translate(table)


def _space_inside(value: str, rng: random.Random) -> str:
    runs = [m for m in re.finditer(r"\d{3,}", value)]
    if not runs:
        return value
    m = rng.choice(runs)
    k = rng.randrange(m.start() + 1, m.end())
    return value[:k] + " " + value[k:]


def _writer_mask(value: str, rng: random.Random) -> str:
    runs = [m for m in re.finditer(r"\d{2,}", value)]
    if len(runs) < 2 and not (runs and len(runs[0].group()) >= 8):
        return value
    m = runs[-1] if rng.random() < 0.6 else rng.choice(runs)
    k = rng.randint(1, max(1, min(len(m.group()) - 1, 6)))
    mark = rng.choice("*○x")
    return value[:m.end() - k] + mark * k + value[m.end():]


def _date_form(value: str, rng: random.Random) -> str:
    m = _DATE.fullmatch(value.strip())
    if not m:
        return value
    y, mo, d = m.group("y"), int(m.group("m")), int(m.group("d"))
    y4 = y if len(y) == 4 else ("19" + y if int(y) > 30 else "20" + y)
    yy = y4[2:]
    forms = (f"{y4}.{mo:02d}.{d:02d}", f"{y4}-{mo}-{d}", f"{y4}년 {mo}월 {d}일", f"{yy}.{mo}.{d}", f"{d:02d}/{mo:02d}/{y4}",
             f"{y4}{mo:02d}{d:02d}", f"{yy}{mo:02d}{d:02d}", f"{y4}. {mo}. {d}.", f"{yy}년 {mo}월 {d}일", f"{d:02d}.{mo:02d}.{y4}")
    return rng.choice(forms)


def render(typ: str, value: str, rng: random.Random) -> str:
    """``value`` of type ``typ`` written another way (or unchanged where no form applies)."""
    if typ not in NUMERIC or not any(c.isdigit() for c in value):
        return value
    out = value
    if typ == "birth_date" and rng.random() < 0.5:
        out = _date_form(out, rng)
    kind = rng.choice(("sep", "sep", "full", "hangul", "cjk", "space", "mask"))
    if kind == "sep":
        out = _seps(out, rng)
    elif kind == "full":
        out = _digits(out, _FULL)
    elif kind == "hangul" and typ in ("phone", "rrn", "account", "birth_date", "arn"):
        out = _digits(_seps(out, rng) if rng.random() < 0.3 else out, _HANGUL_PHONE if typ == "phone" else _HANGUL)
    elif kind == "cjk" and typ in ("phone", "rrn", "birth_date", "account"):
        out = _digits(out, _CJK)
    elif kind == "space":
        out = _space_inside(out, rng)
    elif kind == "mask" and typ != "birth_date":
        out = _writer_mask(out, rng)
    else:
        out = _seps(out, rng)
    return out or value


def _rebuild(ex: Example, edits: list[tuple[int, int, str]], new_id: str) -> Example:
    """``ex`` with ``edits`` (start, end, replacement; disjoint) applied; spans and keep items moved, a span
    replaced as a whole takes its replacement's extent."""
    edits = sorted(edits)
    text, pos, starts, ends = "", 0, {}, {}
    shift_at = []  # (old position, new position) after each edit
    for s, e, rep in edits:
        text += ex.text[pos:s]
        starts[s] = len(text)
        text += rep
        ends[e] = len(text)
        shift_at.append((e, len(text) - e))
        pos = e
    text += ex.text[pos:]

    def move(i: int) -> int:
        d = 0
        for e, delta in shift_at:
            if e <= i:
                d = delta
        return i + d

    def span(s: int, e: int) -> tuple[int, int]:
        return starts.get(s, move(s)), ends.get(e, move(e))

    out = Example(new_id, text)
    out.spans = [(t, *span(s, e)) for t, s, e in ex.spans]
    out.keep = [(w, *span(s, e)) for w, s, e in ex.keep]
    return out


def _label_edit(ex: Example, typ: str, start: int, rng: random.Random, taken) -> tuple[int, int, str] | None:
    pat = _LABEL_RE.get(typ)
    if pat is None:
        return None
    lo = max(0, start - 16)
    hits = list(pat.finditer(ex.text, lo, start))
    if not hits:
        return None
    m = hits[-1]
    if any(s < m.end() and m.start() < e for s, e in taken):
        return None
    return m.start(), m.end(), rng.choice(_LABELS[typ])


def augment(examples: list[Example], copies: int = 1, seed: int = 20261205) -> list[Example]:
    out = []
    for ex in examples:
        structured = [(t, s, e) for t, s, e in ex.spans if t in NUMERIC or t == "email"]
        if not structured:
            continue
        for k in range(copies):
            rng = random.Random(zlib.crc32(f"{seed}:{ex.id}:{k}".encode()))
            taken = [(s, e) for _, s, e in ex.spans] + [(s, e) for _, s, e in ex.keep]
            edits = []
            for t, s, e in structured:
                rep = render(t, ex.text[s:e], rng)
                if rep != ex.text[s:e]:
                    edits.append((s, e, rep))
                if rng.random() < 0.5:
                    lab = _label_edit(ex, t, s, rng, taken)
                    if lab and not any(a < lab[1] and lab[0] < b for a, b, _ in edits):
                        edits.append(lab)
                        taken.append(lab[:2])
            spans_ok = not any(a < e2 and s2 < b and not (a == s2 and b == e2)
                               for a, b, _ in edits for _, s2, e2 in ex.spans + [(w, s, e) for w, s, e in ex.keep])
            if edits and spans_ok:
                out.append(_rebuild(ex, edits, f"{ex.id}+aug{k}"))
    return out


CORPORA = (SHARED / "corpora" / "legalize-kr", SHARED / "corpora" / "admrule-kr")
_PERSONAL_HINT = re.compile(r"@|홍길동|01[016789][-. ]?\d{3,4}|\d{6}\s*-\s*[1-8]")


def negatives(n: int, seed: int = 20261205) -> list[Example]:
    """``n`` paragraphs (80–700 characters) of statutes and administrative rules, read in place; none with a
    sample name, e-mail, phone or RRN shape."""
    paras = []
    for root in CORPORA:
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*.md")):
            for k, p in enumerate(re.split(r"\n\s*\n", path.read_text(encoding="utf-8", errors="ignore"))):
                p = p.strip()
                if 80 <= len(p) <= 700 and not p.startswith(("---", "|")) and not _PERSONAL_HINT.search(p):
                    paras.append((f"neg:{path.parent.name}/{path.stem}:{k}", p))
    rng = random.Random(seed)
    rng.shuffle(paras)
    return [Example(i, p) for i, p in paras[:n]]

"""Legal structure shared by all statute parsers: article labels, 항 splitting, amendment notes.

Every statute parser (law.go.kr XML/JSON, legalize-kr Markdown, 국가법령정보센터 PDF) ends by calling
``article_units`` so that labels, splitting and dates are identical whatever the source format.
"""
from __future__ import annotations

import re
from datetime import date

# the grammar of references is shared with retrieval and the answer checker (parsers import ARTICLE_NO and
# CIRCLED from here)
from rag.grammar import ARTICLE_NO, ARTICLE_REF, CIRCLED, JE
# article labels live with the document model (rag/, which retrieval reads); parsers keep importing them here
from rag.model import (UNIT_ARTICLE, UNIT_PARAGRAPH, Unit, article_label, article_no,  # noqa: F401
                       parse_date, unit_article_label)

ARTICLE_HEAD_RE = re.compile(r"^\s*" + JE + ARTICLE_NO + r"\s*(?:\(([^)]*)\))?")  # 제33조의2(정의)
# Long articles are split by 항 above this many characters.
SPLIT_ABOVE_CHARS = 2500

_AMEND_BLOCK = re.compile(r"[<\[]\s*(?:개정|신설|본조신설|전문개정|제목개정|종전)[^>\]]*[>\]]")
_DATE_IN_NOTE = re.compile(r"(\d{4})\s*\.\s*(\d{1,2})\s*\.\s*(\d{1,2})")
_REF = re.compile(ARTICLE_REF)






def amendment_dates(text: str) -> list[str]:
    """ISO dates found in <개정 2014.11.19, 2017.7.26> / [본조신설 2020.1.1] notes."""
    out: list[str] = []
    for block in _AMEND_BLOCK.findall(text or ""):
        for y, m, d in _DATE_IN_NOTE.findall(block):
            dt = parse_date(f"{y}-{m}-{d}")
            if dt and dt.isoformat() not in out:
                out.append(dt.isoformat())
    return out


def cross_refs(text: str, own_no: str = "") -> list[str]:
    """Article labels referenced inside a text (excluding the article itself)."""
    refs: list[str] = []
    for num, sub in _REF.findall(text or ""):
        label = article_label(article_no(num, sub or None))
        if label != (article_label(own_no) if own_no else "") and label not in refs:
            refs.append(label)
    return refs


def split_paragraphs(body: str) -> list[tuple[int, str]]:
    """Split article body into (항 number, text) by circled numerals at line/sentence starts."""
    positions = []
    for m in re.finditer("[" + CIRCLED + "]", body):
        i = m.start()
        prev = body[:i].rstrip(" *\t")
        if i == 0 or not prev or prev.endswith(("\n", ")", "다.", "다", ".")) or body[i - 1] in "\n ":
            positions.append((CIRCLED.index(m.group()) + 1, i))
    # keep only an increasing sequence starting at 1 (①②③…), ignore inline references like "①의"
    seq, expect = [], 1
    for n, i in positions:
        if n == expect:
            seq.append((n, i))
            expect += 1
    if len(seq) < 2:
        return [(0, body)]
    parts = []
    head = body[: seq[0][1]].strip()
    for k, (n, i) in enumerate(seq):
        end = seq[k + 1][1] if k + 1 < len(seq) else len(body)
        parts.append((n, body[i:end].strip()))
    if head:
        parts[0] = (parts[0][0], head + "\n" + parts[0][1])
    return parts


def article_units(
    no: str,
    title: str,
    body: str,
    path: list[str] | None = None,
    effective_from: date | None = None,
    split_above: int = SPLIT_ABOVE_CHARS,
    extra: dict | None = None,
) -> list[Unit]:
    """Units for one 조: the whole article, or one unit per 항 when the article is long.

    ``body`` is the article text without its heading; each unit's text starts with the heading
    ("제33조(공급설비의 철거 등)") so that lexical search sees the title.
    """
    label = article_label(no)
    heading = f"{label}({title})" if title else label
    body = (body or "").strip()
    common = dict(
        title=title,
        path=list(path or []),
        article_no=no,
        effective_from=effective_from,
        extra=dict(extra or {}),
    )
    full = f"{heading} {body}".strip()
    paragraphs = split_paragraphs(body) if len(full) > split_above else [(0, body)]
    if len(paragraphs) < 2:
        return [
            Unit(label=label, text=full, kind=UNIT_ARTICLE, amended=amendment_dates(body),
                 refs=cross_refs(body, no), **common)
        ]
    units = []
    for n, text in paragraphs:
        units.append(
            Unit(label=f"{label}제{n}항", text=f"{heading} {text}", kind=UNIT_PARAGRAPH,
                 amended=amendment_dates(text), refs=cross_refs(text, no), **common)
        )
    return units


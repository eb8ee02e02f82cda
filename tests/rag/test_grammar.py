"""The shared grammar of legal references: each building block reads the forms it documents."""
from __future__ import annotations

import re
from pathlib import Path

from rag.grammar import (ANNEX, ANNEX_WRITTEN, ARTICLE, ARTICLE_HYPHENATED, ARTICLE_LABEL, ARTICLE_MENTION,
                         ARTICLE_NO, ARTICLE_RANGE_END, ARTICLE_REF, ARTICLE_WRITTEN, CLAUSE_WRITTEN, ITEM, LIST_GAP, PARAGRAPH, PARAGRAPH_LOOSE, REF_START,
                         TITLE_BRACKETED)


def groups(pattern: str, text: str):
    m = re.search(pattern, text)
    return m and m.groups()


def test_article_forms():
    assert groups(ARTICLE, "법 제 33 조 의 2에") == ("33", "2")
    assert groups(ARTICLE_REF, "제33조의2") == ("33", "2")
    assert groups(ARTICLE_REF, "제33조 의 2") == ("33", None)  # tight 의 only, as article heads write it
    assert groups(ARTICLE_NO, "33조의2(정의)") == ("33", "2")
    assert groups(ARTICLE_HYPHENATED, "제5-2조") == ("5-2", None)
    assert re.search(ARTICLE_HYPHENATED, "제조업") is None and re.search(ARTICLE_HYPHENATED, "제3조정") is None


def test_paragraph_item_annex_title_and_lists():
    assert groups(ARTICLE + PARAGRAPH, "제44조 제2항") == ("44", None, "2")
    m = re.match(ARTICLE_HYPHENATED + PARAGRAPH_LOOSE + ITEM, "제44조 2항 제3호의2 본문")
    assert m and m.group() == "제44조 2항 제3호의2"
    assert groups(ANNEX, "별 표 2 의 3") == ("2", "3")
    assert groups(TITLE_BRACKETED, "「도시가스사업법」 제3조") == ("도시가스사업법",)
    gap = re.compile(LIST_GAP)
    assert all(gap.fullmatch(g) for g in (" 및 ", "부터 ", " ~ ", "[1] 및 ", ", "))
    assert gap.fullmatch(" 그리고 ") is None


def test_forms_past_answers_write():
    """ingest/case_refs.py reads answers exported from PDF boards with these pieces (one stray space at most)."""
    assert groups(ARTICLE_WRITTEN, "같은 법 제10-2조에") == ("10", "2", None)
    assert groups(ARTICLE_WRITTEN, "제 10 - 2 조") == ("10", "2", None)
    assert groups(ARTICLE_WRITTEN, "제33조 의 2에 따라") == ("33", None, "2")
    assert groups(ARTICLE_WRITTEN, "제9조의 2항") == ("9", None, None)  # the 항 of 제9조, not 제9조의2
    assert groups(ARTICLE_WRITTEN, "제9조의12") == ("9", None, "12")
    assert re.search(ARTICLE_WRITTEN, "제  9조") is None  # two spaces: not one reference
    for gap, end in ((" 내지 130조", ("130", None)), (" 내지 제130조의2", ("130", "2")), ("부터 제16조까지", ("16", None)),
                     ("~제17조", ("17", None)), (" ∼ 18조", ("18", None))):
        m = re.match(ARTICLE_WRITTEN + ARTICLE_RANGE_END, "제127조" + gap)
        assert m and m.group() == "제127조" + gap and m.groups()[3:] == end, gap
    assert re.match(ARTICLE_RANGE_END, " 및 제16조") is None
    assert groups(ANNEX_WRITTEN, "[별 표 2의3] 기준") == ("2", "3")
    assert re.match(ANNEX_WRITTEN, "[별표 20]").group() == "[별표 20]"
    assert re.fullmatch(CLAUSE_WRITTEN, "제2항") and re.fullmatch(CLAUSE_WRITTEN, "3 호")
    assert re.match(REF_START, "제 3조") and re.match(REF_START, "별 표") and not re.match(REF_START, "제정")
    assert re.match(ARTICLE_LABEL, "제33조의2제1항").group() == "제33조의2" and not re.match(ARTICLE_LABEL, "제 33조")
    assert groups(ARTICLE_LABEL, "부칙 제2조의3(경과조치)") == ("2", "3")
    assert re.search(ARTICLE_MENTION, "법 제 3 조 해석") and not re.search(ARTICLE_MENTION, "제3장")


def test_no_article_pattern_is_written_outside_the_grammar():
    """rag/, the reader of past answers and the statute parsers compose 제N조 patterns from rag/grammar.py,
    never write their own (the masker's own reference pattern, ingest/pii_patterns.py, is not checked here)."""
    root = Path(__file__).resolve().parents[2]
    own = re.compile(r"제(?:\\s|\?|\[\s\]|\\d|\s\?)[^\n]*조")  # a regex literal: 제\s…조, 제?…조, 제\d+조
    files = [p for p in sorted((root / "rag").rglob("*.py")) if p.name != "grammar.py"] + [root / "ingest" / "case_refs.py", root / "ingest" / "structure.py"] \
        + sorted((root / "ingest" / "parsers").glob("*.py"))
    found = [f"{p.relative_to(root)}:{n}" for p in files
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if own.search(line.split("  # ")[0])]  # code, not the comment after it
    assert found == []

"""The shared grammar of legal references: each building block reads the forms it documents."""
from __future__ import annotations

import re

from rag.grammar import (ANNEX, ARTICLE, ARTICLE_HYPHENATED, ARTICLE_NO, ARTICLE_REF, ITEM, LIST_GAP, PARAGRAPH,
                         PARAGRAPH_LOOSE, TITLE_BRACKETED)


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

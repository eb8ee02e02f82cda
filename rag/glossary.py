"""Everyday words -> statute terms, added to the lexical side of a question.

Citizens write "가스통", "처벌받나요", "CCTV"; statutes say 용기, 벌칙·과태료, 영상정보처리기기. BM25
cannot bridge that gap and the small dense model bridges it only partly, so the question's sparse
vector also carries the legal terms of every glossary entry whose pattern occurs in it. The shipped
list is ``rag/data/glossary.tsv``; an administrator extends it with a file named by DASAN_GLOSSARY.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DEFAULT_PATH = Path(__file__).parent / "data" / "glossary.tsv"


class GlossaryError(ValueError):
    pass


@dataclass(frozen=True)
class Entry:
    pattern: re.Pattern
    terms: str


def parse(text: str, source: str = "glossary") -> list[Entry]:
    """Entries of a glossary file; a bad line names its file and line number."""
    out = []
    for no, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].strip() or not parts[1].strip():
            raise GlossaryError(f"{source}:{no}: '패턴<탭>법령 용어' 형식이 아닙니다: {line[:80]!r}")
        try:
            pattern = re.compile(parts[0].strip(), re.IGNORECASE)
        except re.error as e:
            raise GlossaryError(f"{source}:{no}: 정규식 오류 ({e}): {parts[0][:80]!r}") from None
        out.append(Entry(pattern, parts[1].strip()))
    return out


@lru_cache(maxsize=4)
def load(extra_path: str = "") -> tuple[Entry, ...]:
    entries = parse(DEFAULT_PATH.read_text(encoding="utf-8"), str(DEFAULT_PATH))
    if extra_path:
        p = Path(extra_path)
        if not p.is_file():
            raise GlossaryError(f"DASAN_GLOSSARY 파일을 찾을 수 없습니다: {p}")
        entries += parse(p.read_text(encoding="utf-8"), str(p))
    return tuple(entries)


def expansions(question: str, entries: tuple[Entry, ...]) -> list[str]:
    """Legal terms for the everyday words found in the question (each entry once, in file order)."""
    return [e.terms for e in entries if e.pattern.search(question or "")]

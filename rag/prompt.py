"""Builds the LLM messages from the reviewed template in ``rag/prompts/answer.txt``.

Sources and the question are untrusted data, so each sits between fence lines that end in a random
token drawn per request (``<<<자료 3 시작 k9f2…>>>`` … ``<<<자료 3 끝 k9f2…>>>``). A document cannot
close its block or open a fake one: it never sees the token, and inside the data every ``<<``/``>>``
run and every bracket that looks like a section header or a source marker (``[질문]``, ``[9]``) is
replaced by a look-alike (``‹‹``, ``［9］``), so nothing in a document reads as prompt structure.
"""
from __future__ import annotations

import re
import secrets
from datetime import date
from functools import lru_cache
from pathlib import Path

from rag.hits import Hit

TEMPLATE = Path(__file__).with_name("prompts") / "answer.txt"
MAX_SOURCE_CHARS = 1800
FENCE_BYTES = 8  # 64 random bits per request: a document cannot guess the closing line

_ANGLES = re.compile(r"<{2,}|>{2,}")
# the shapes rag.verify reads as citation markers, plus the template's own section headers
_HEADERS = re.compile(r"\[(\s*(?:\d{1,3}(?:\s*[,\-–~]\s*\d{1,3})*|질문|자료|system|user)\s*)\]", re.I)
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _template() -> tuple[str, str]:
    lines = [ln for ln in TEMPLATE.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    text = "\n".join(lines)
    system, user = text.split("[user]", 1)
    return system.replace("[system]", "").strip(), user.strip()


def as_data(text: str) -> str:
    """Text that cannot pass for a fence, a section header or a source marker (same length, readable)."""
    text = _ANGLES.sub(lambda m: ("‹" if m[0][0] == "<" else "›") * len(m[0]), text)
    return _HEADERS.sub(r"［\1］", text)


def _line(text: str) -> str:
    """A header field (title, label) as data on one line: a newline in a title must not start a section."""
    return as_data(_SPACES.sub(" ", text).strip())


def new_fence(avoid: list[str] = ()) -> str:
    """A fresh random token that occurs in none of ``avoid``."""
    while True:
        fence = secrets.token_hex(FENCE_BYTES)
        if not any(fence in t for t in avoid):
            return fence


def fenced(name: str, body: str, fence: str) -> str:
    return f"<<<{name} 시작 {fence}>>>\n{body}\n<<<{name} 끝 {fence}>>>"


def source_block(n: int, hit: Hit, fence: str) -> str:
    """One numbered source inside its fence: title, unit label, dates and status, then the text."""
    d = hit.document
    head = f"[{n}] 「{_line(d.title or '')}」 {_line(hit.unit or '')}"
    if hit.unit_title:
        head += f"({_line(hit.unit_title)})"
    dates = f"시행 {d.effective_from or '-'}"
    if d.effective_to:
        dates += f" ~ {d.effective_to}"
    text = as_data((hit.text or "")[:MAX_SOURCE_CHARS])
    return fenced(f"자료 {n}", f"{head} — {dates}, 상태: {_line(str(d.status))}\n{text}", fence)


def build_messages(question: str, hits: list[Hit], as_of: date) -> list[dict]:
    system, user = _template()
    fence = new_fence([question] + [str(h.text or "") + str(h.document.title or "") for h in hits])
    sources = "\n\n".join(source_block(i + 1, h, fence) for i, h in enumerate(hits))
    day = as_of.isoformat()
    return [
        {"role": "system", "content": system.format(as_of=day, fence=fence)},
        {"role": "user", "content": user.format(as_of=day, fence=fence, sources=sources,
                                                question=fenced("질문", as_data(question), fence))},
    ]

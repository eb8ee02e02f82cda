"""Builds the LLM messages from the reviewed template in ``rag/prompts/answer.txt``."""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

TEMPLATE = Path(__file__).with_name("prompts") / "answer.txt"
MAX_SOURCE_CHARS = 1800


@lru_cache(maxsize=1)
def _template() -> tuple[str, str]:
    lines = [ln for ln in TEMPLATE.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    text = "\n".join(lines)
    system, user = text.split("[user]", 1)
    return system.replace("[system]", "").strip(), user.strip()


def source_block(n: int, hit: dict) -> str:
    """One numbered source: title, unit label, dates and status, then the text (as data)."""
    d = hit["document"]
    title = d.get("title") or ""
    label = hit.get("unit") or ""
    head = f"[{n}] 「{title}」 {label}"
    if hit.get("unit_title"):
        head += f"({hit['unit_title']})"
    dates = f"시행 {d.get('effective_from') or '-'}"
    if d.get("effective_to"):
        dates += f" ~ {d['effective_to']}"
    text = (hit.get("text") or "")[:MAX_SOURCE_CHARS]
    return f"{head} — {dates}, 상태: {d.get('status')}\n<<<\n{text}\n>>>"


def build_messages(question: str, hits: list[dict], as_of: date) -> list[dict]:
    system, user = _template()
    sources = "\n\n".join(source_block(i + 1, h) for i, h in enumerate(hits))
    return [
        {"role": "system", "content": system.format(as_of=as_of.isoformat())},
        {"role": "user", "content": user.format(as_of=as_of.isoformat(), sources=sources, question=question)},
    ]

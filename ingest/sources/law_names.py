"""Refresh the table of law titles and 약칭 (rag/law_names.py) from the law.go.kr list API.

``lawSearch.do?target=law`` lists the laws in force (법률, 대통령령, 총리령·부령, …) with ``법령명한글``,
``법령약칭명`` (법제처's official short name, often empty) and ``법령구분명``. The table written here goes
to ``$DASAN_HOME/law_names.tsv`` and is read together with the shipped rag/data/law_names.tsv (so the
officials' own short names kept there, such as 액법, are not lost). The file is replaced only after the
whole list was read: a failed or empty refresh leaves the previous table in place.
"""
from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from ingest.sources.lawgokr import LawGoKrClient, LawGoKrError
from rag import law_names
from rag.law_names import LawNames

MAX_PAGES = 200  # about 5,500 laws in force: 56 pages of 100


def fetch(client: LawGoKrClient, max_pages: int = MAX_PAGES) -> LawNames:
    """Every law in force, with its official 약칭 where it has one."""
    rows = client.search("law", None, display=100, max_pages=max_pages)
    names = LawNames()
    for r in rows:
        abbrs = [a.strip() for a in (r.get("법령약칭명") or "").replace("ㆍ", "·").split(",") if a.strip()]
        names.add(r.get("법령명한글") or "", r.get("법령구분명") or "", abbrs)
    if not names.titles:
        raise LawGoKrError("law.go.kr 법령 목록이 비어 있습니다: 법령명 표를 바꾸지 않았습니다")
    return names


def refresh(client: LawGoKrClient, home: Path | str, today: date | None = None) -> tuple[Path, int]:
    """Write ``home``/law_names.tsv from law.go.kr; returns its path and the number of titles."""
    names = fetch(client)
    path = Path(home) / law_names.FILE_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tsv.tmp")
    stamp = (today or date.today()).isoformat()
    tmp.write_text(law_names.render(names, f"law.go.kr lawSearch.do target=law, {stamp} ({len(names.titles)} titles)\n"
                                           "written by `dasan law-names`; read with rag/data/law_names.tsv"),
                   encoding="utf-8")
    os.replace(tmp, path)
    return path, len(names.titles)

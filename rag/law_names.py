"""The table of Korean law titles and their 약칭 (rag/data/law_names.tsv, refreshable from law.go.kr).

It lets a question that names a law be answered honestly when that law is not in the index: a name in
the table is a law Dasan knows of ("not indexed — add it with dasan sync"); a name that is neither in
the table nor in the index is not treated as a law at all. ``dasan law-names`` writes a fresher table
under DASAN_HOME from the law.go.kr list API; it is read together with the shipped one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rag.model import normalize_title

SHIPPED = Path(__file__).parent / "data" / "law_names.tsv"
FILE_NAME = "law_names.tsv"  # under DASAN_HOME, written by `dasan law-names`
HEADER = "title\tkind\tabbreviations"


class LawNamesError(ValueError):
    pass


@dataclass
class LawNames:
    """Official titles (as written) and 약칭 (lower-cased) -> official title."""

    titles: dict[str, str] = field(default_factory=dict)  # normalized title -> title as written
    kinds: dict[str, str] = field(default_factory=dict)  # normalized title -> 법률 / 대통령령 / …
    abbreviations: dict[str, str] = field(default_factory=dict)  # 약칭 (lower case) -> official title

    def add(self, title: str, kind: str = "", abbreviations: list[str] | tuple[str, ...] = ()) -> None:
        title = re.sub(r"\s+", " ", title).strip()
        if not title:
            return
        norm = normalize_title(title)
        self.titles.setdefault(norm, title)
        if kind:
            self.kinds.setdefault(norm, kind)
        for a in abbreviations:
            a = a.strip()
            if a and normalize_title(a) != norm:
                self.abbreviations.setdefault(a.lower(), self.titles[norm])

    def merged(self, other: LawNames) -> LawNames:
        """This table, with what ``other`` adds (entries here win)."""
        out = LawNames(dict(self.titles), dict(self.kinds), dict(self.abbreviations))
        for norm, title in other.titles.items():
            out.add(title, other.kinds.get(norm, ""))
        for short, title in other.abbreviations.items():
            out.abbreviations.setdefault(short, title)
        return out

    def __contains__(self, title: str) -> bool:
        return normalize_title(title) in self.titles


def parse(text: str, source: str = FILE_NAME) -> LawNames:
    """A table from its TSV text; a malformed line names its file and line number."""
    names = LawNames()
    for no, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#") or line.strip() == HEADER:
            continue
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].strip():
            raise LawNamesError(f"{source}:{no}: '법령명<탭>종류<탭>약칭' 형식이 아닙니다: {line[:80]!r}")
        abbrs = [a for a in (parts[2] if len(parts) > 2 else "").split(",") if a.strip()]
        names.add(parts[0], parts[1].strip(), abbrs)
    return names


def render(names: LawNames, comment: str = "") -> str:
    """The TSV text of a table (sorted by title)."""
    lines = [f"# {c}" for c in comment.splitlines() if c.strip()] + [HEADER]
    by_title: dict[str, list[str]] = {}
    for short, title in names.abbreviations.items():
        by_title.setdefault(normalize_title(title), []).append(short)
    for norm in sorted(names.titles):
        lines.append("\t".join((names.titles[norm], names.kinds.get(norm, ""),
                                ",".join(sorted(by_title.get(norm, []))))))
    return "\n".join(lines) + "\n"


@lru_cache(maxsize=8)
def _read(path: str, mtime: float) -> LawNames:
    return parse(Path(path).read_text(encoding="utf-8"), path)


def load(home: Path | str | None = None) -> LawNames:
    """The shipped table, extended by ``home``/law_names.tsv when `dasan law-names` wrote one."""
    names = _read(str(SHIPPED), SHIPPED.stat().st_mtime)
    extra = Path(home) / FILE_NAME if home else None
    if extra is not None and extra.is_file():
        names = names.merged(_read(str(extra), extra.stat().st_mtime))
    return names

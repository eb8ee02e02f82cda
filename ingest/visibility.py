"""Who may read a document: values, the corpus rule file, and how the ingest decides.

A document's visibility is, first match wins: ``dasan ingest --visibility`` (kept for that file until
another value is given), the file's own front matter ``공개범위:``, the nearest rule file
``공개범위.txt`` with a matching line (in the file's folder, else its parent, and so on up), and finally
the kind's default (statutes, 행정규칙, 자치법규, annexes and technical codes public; everything else org).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rag.model import VIS_ORG, VIS_PUBLIC

RULE_FILE = "공개범위.txt"
FRONT_KEY = "공개범위"
CLEAR = "auto"  # `--visibility auto`: forget a value set by an earlier --visibility
# the same characters a department may have in the SSO header (api/auth.py), else nobody could read it
_DEPT = re.compile(r"^[\w.\-]{1,64}$")
HINT = "public, org, dept:부서명 중 하나로 쓰세요(부서명은 SSO가 보내는 부서 값과 같게, 공백 없이)"


class VisibilityError(ValueError):
    """A visibility value or rule that cannot be used; the message names where it was written."""


def check(value, where: str) -> str:
    """The value normalised ("Public " -> "public"); VisibilityError naming ``where`` when invalid."""
    s = str(value if value is not None else "").strip()
    low = s.lower()
    if low in (VIS_PUBLIC, VIS_ORG):
        return low
    if low.startswith("dept:") and _DEPT.match(s[5:].strip()):
        return f"dept:{s[5:].strip()}"
    raise VisibilityError(f"{where}: 공개범위 값 '{s}'을(를) 쓸 수 없습니다. {HINT}")


def glob_regex(pattern: str) -> re.Pattern:
    """gitignore-like glob: without "/" it matches a file name at any depth; "**" crosses folders."""
    pat = pattern.strip().lstrip("/")
    if "/" not in pat:
        pat = "**/" + pat
    out, i = "", 0
    while i < len(pat):
        if pat.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
        elif pat.startswith("**", i):
            out, i = out + ".*", i + 2
        elif pat[i] == "*":
            out, i = out + "[^/]*", i + 1
        elif pat[i] == "?":
            out, i = out + "[^/]", i + 1
        else:
            out, i = out + re.escape(pat[i]), i + 1
    if pattern.rstrip().endswith("/"):  # "민원/" = everything under the folder
        out += ".*"
    return re.compile(out + r"\Z")


@dataclass
class Rule:
    regex: re.Pattern
    value: str


def parse_rules(text: str, where: str) -> list[Rule]:
    """Lines ``<glob> <value>`` (the value is the last word, so globs may hold spaces); ``#`` comments."""
    rules = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip().lstrip("\ufeff")
        if not line or line.startswith("#"):
            continue
        parts = line.rsplit(None, 1)
        if len(parts) != 2:
            raise VisibilityError(f"{where} {n}번째 줄: '<파일 패턴> <공개범위>' 형식이 아닙니다"
                                  f"(예: '민원/** dept:민원과'). {HINT}")
        rules.append(Rule(glob_regex(parts[0]), check(parts[1], f"{where} {n}번째 줄")))
    return rules


class Rules:
    """Rule files found next to and above the ingested files (each read once per ingest run)."""

    def __init__(self) -> None:
        self._by_dir: dict[Path, list[Rule]] = {}

    def _rules(self, folder: Path) -> list[Rule]:
        if folder not in self._by_dir:
            f = folder / RULE_FILE
            try:
                text = f.read_text(encoding="utf-8")
            except FileNotFoundError:
                text = ""
            except (OSError, UnicodeDecodeError) as e:
                raise VisibilityError(f"{f}: 공개범위 규칙 파일을 읽을 수 없습니다(UTF-8 텍스트여야 합니다): {e}") from e
            self._by_dir[folder] = parse_rules(text, str(f)) if text else []
        return self._by_dir[folder]

    def for_file(self, path: Path) -> str | None:
        """The value of the nearest folder's last matching line; None when no rule file speaks of it.

        Folders above the ingested one count too, so ingesting a sub-folder cannot bypass its parent's rules.
        """
        path = path.resolve()
        for folder in path.parents:
            rel = path.relative_to(folder).as_posix()
            for rule in reversed(self._rules(folder)):
                if rule.regex.match(rel):
                    return rule.value
        return None


def front_matter(meta: dict, text: str, source: str) -> str:
    """``공개범위:`` from a file's front matter ("" when absent); ParseError naming file and line when invalid."""
    from ingest.parsers.base import ParseError

    if meta.get(FRONT_KEY) in (None, ""):
        return ""
    line = next((n for n, ln in enumerate(text.splitlines(), 1) if ln.lstrip().startswith(FRONT_KEY)), 0)
    try:
        return check(meta[FRONT_KEY], f"front matter {line}번째 줄")
    except VisibilityError as e:
        raise ParseError(source, str(e)) from None

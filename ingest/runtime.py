"""Opens the configured backends once per process: registry, embedder, index, ingestor, retriever."""
from __future__ import annotations

import json
from functools import cached_property

from ingest.config import Settings, load
from ingest.pipeline import Ingestor
from ingest.registry import Registry
from rag.embed import Embedder, get_embedder
from rag.index.base import VectorIndex
from rag.retrieve import HybridRetriever


class IndexMismatch(RuntimeError):
    pass


class Runtime:
    """Everything a command or the API needs, created lazily and closed together."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or load()

    @cached_property
    def registry(self) -> Registry:
        return Registry(self.settings.db_url)

    @cached_property
    def embedder(self) -> Embedder:
        s = self.settings
        return get_embedder(s.embedder, s.embed_url, s.embed_api_key)

    @cached_property
    def index(self) -> VectorIndex:
        s = self.settings
        emb = self.embedder
        if s.qdrant_url:
            from rag.index.server import ServerIndex

            return ServerIndex(emb.dim, s.collection, url=s.qdrant_url, api_key=s.qdrant_api_key)
        from rag.index.edge import EdgeIndex

        path = s.index_path
        meta_file = s.home / "index.json"
        meta = {"embedder": emb.name, "dim": emb.dim}
        if meta_file.exists() and path.exists() and any(path.iterdir()):
            old = json.loads(meta_file.read_text())
            if old != meta:
                raise IndexMismatch(
                    f"색인이 다른 임베딩 모델({old.get('embedder')})로 만들어졌습니다. "
                    f"{path}를 지우고 다시 색인하거나 DASAN_EMBEDDER를 되돌리세요.")
        index = EdgeIndex(path, emb.dim)
        meta_file.write_text(json.dumps(meta))
        return index

    @cached_property
    def ingestor(self) -> Ingestor:
        return Ingestor(self.index, self.registry, self.embedder)

    @cached_property
    def retriever(self) -> HybridRetriever:
        # past cases lend score to the units their answers cited (rag/case_memory.py)
        from rag import law_names

        return HybridRetriever(self.index, self.embedder, titles_source=self.known_titles,
                               glossary_path=self.settings.glossary,
                               case_links=self.registry.case_links if self.settings.case_memory else None,
                               today=self.settings.today, law_names=law_names.load(self.settings.home))

    @cached_property
    def models(self):
        from rag.llm import load_models

        return load_models()

    @cached_property
    def answerer(self):
        from rag.answer import Answerer

        return Answerer(self.retriever, self.registry, self.index, self.models, today=self.settings.today)

    @staticmethod
    def mask(text: str) -> str:
        """``text`` with personal data masked (ingest/pii.py), for code in rag/ that must not import ingest/."""
        from ingest.pii import mask

        return mask(text).masked

    def known_titles(self) -> list[str]:
        titles: set[str] = set()
        for v in self.registry.all_versions():
            titles.add(v.title)
            if v.parent_title:
                titles.add(v.parent_title)
        return sorted(titles)

    def close(self) -> None:
        if "index" in self.__dict__:
            self.index.close()
            del self.__dict__["index"]

"""The naive baseline: llama-index defaults — SentenceSplitter (1024 tokens) over each document's
plain text, dense retrieval only, the same embedder, no legal structure."""
from __future__ import annotations

from llama_index.core import Document as LlamaDocument
from llama_index.core import VectorStoreIndex
from llama_index.core.node_parser import SentenceSplitter

from rag.embed import Embedder, llama_embedding
from rag.hits import Hit, HitDocument
from rag.model import Document


class NaiveBaseline:
    """Chunks know which units they overlap, so gold matching is generous to the baseline."""

    def __init__(self, docs: list[Document], embedder: Embedder, chunk_size: int = 1024) -> None:
        ldocs = []
        for i, d in enumerate(docs):
            text, spans = "", []
            for u in d.units:
                start = len(text)
                text += u.text + "\n\n"
                spans.append((start, len(text), u.label))
            ldocs.append(LlamaDocument(text=text, id_=f"doc{i}", metadata={"i": i},
                                       excluded_embed_metadata_keys=["i"], excluded_llm_metadata_keys=["i"]))
            self._spans = getattr(self, "_spans", {})
            self._spans[i] = spans
        self.docs = docs
        splitter = SentenceSplitter(chunk_size=chunk_size)
        nodes = splitter.get_nodes_from_documents(ldocs)
        self.index = VectorStoreIndex(nodes, embed_model=llama_embedding(embedder), show_progress=False)
        self.chunks = len(nodes)

    def search(self, question: str, top_k: int = 10) -> list[Hit]:
        """Hits in the shared shape, one per covered unit of each retrieved chunk (same rank)."""
        retriever = self.index.as_retriever(similarity_top_k=top_k)
        hits = []
        for rank, nws in enumerate(retriever.retrieve(question), start=1):
            node = nws.node
            i = node.metadata["i"]
            d = self.docs[i]
            s, e = node.start_char_idx or 0, node.end_char_idx or 0
            labels = [lab for (a, b, lab) in self._spans[i] if a < e and b > s]
            for lab in labels or [""]:
                hits.append(Hit(id=node.node_id, rank=rank, score=nws.score, unit=lab,
                                document=HitDocument(title=d.title, parent_title=d.parent_title, kind=d.kind)))
        return hits

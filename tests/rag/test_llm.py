"""Tests of rag.llm against a real loopback HTTP server speaking the OpenAI chat-completions protocol."""
from __future__ import annotations

import socket
import time

import httpx
import pytest

from rag.llm import (ChatClient, LLMBadResponse, LLMConfigError, LLMError, LLMHTTPError, LLMStreamInterrupted,
                     LLMTimeout, ModelConfig, ModelNotAllowed, ModelNotConfigured, ModelRegistry, load_models,
                     normalize_base_url)
from tests.fakes.openai_chat import FakeChatServer, fake_chat, split_pieces  # noqa: F401 - fixture

MESSAGES = [{"role": "system", "content": "법령 근거를 인용해 답하세요."},
            {"role": "user", "content": "가스안전관리자 선임 기준은?"}]
ANSWER = "도시가스사업법 시행규칙 별표 20에 따라 선임합니다."


def client(fake: FakeChatServer, **kw) -> ChatClient:
    opts = {"name": "exaone", "base_url": fake.base_url, "model": "EXAONE-4.0", "backoff_s": 0.01} | kw
    return ChatClient(ModelConfig(**opts))


def test_complete_returns_text_usage_and_sends_model_messages_key(fake_chat):
    fake_chat.enqueue(ANSWER)
    with client(fake_chat, api_key="sk-secret", max_tokens=200) as c:
        res = c.complete(MESSAGES, temperature=0.0)
    assert res.text == ANSWER and res.finish_reason == "stop" and res.model == "EXAONE-4.0"
    assert res.usage["completion_tokens"] == len(ANSWER)
    assert res.usage["total_tokens"] == res.usage["prompt_tokens"] + len(ANSWER) and res.latency_s > 0
    (req,) = fake_chat.chat_requests
    assert req.body["model"] == "EXAONE-4.0" and req.body["messages"] == MESSAGES
    assert req.body["temperature"] == 0.0 and req.body["max_tokens"] == 200 and not req.body.get("stream")
    assert req.headers["authorization"] == "Bearer sk-secret"


def test_no_authorization_header_without_key_and_base_url_without_v1(fake_chat):
    with client(fake_chat, base_url=fake_chat.url + "/") as c:
        assert c.complete(MESSAGES).text == "모의 응답입니다."
    assert "authorization" not in fake_chat.chat_requests[0].headers
    assert normalize_base_url("http://h:8001") == normalize_base_url("http://h:8001/v1/") == "http://h:8001/v1"
    assert normalize_base_url("https://api.x.com/v1beta/openai/") == "https://api.x.com/v1beta/openai"


def test_api_key_from_env_var_and_never_in_repr(fake_chat, monkeypatch):
    monkeypatch.setenv("DASAN_TEST_LLM_KEY", "sk-from-env")
    cfg = ModelConfig("cloud", fake_chat.base_url, "gpt", api_key_env="DASAN_TEST_LLM_KEY")
    with ChatClient(cfg) as c:
        c.complete(MESSAGES)
        assert "sk-from-env" not in repr(cfg) + repr(c)
    assert fake_chat.chat_requests[0].headers["authorization"] == "Bearer sk-from-env"
    assert "sk-x" not in repr(ModelConfig("c", "http://h", "m", api_key="sk-x"))


def test_stream_yields_pieces_in_order_and_usage(fake_chat):
    fake_chat.enqueue(ANSWER)
    with client(fake_chat) as c:
        s = c.stream(MESSAGES)
        pieces = list(s)
    assert pieces == split_pieces(ANSWER) and len(pieces) > 1
    assert s.text == ANSWER and s.finish_reason == "stop"
    assert s.usage["completion_tokens"] == len(ANSWER)
    body = fake_chat.chat_requests[0].body
    assert body["stream"] is True and body["stream_options"] == {"include_usage": True}


def test_500_then_success_is_retried_and_key_is_not_logged(fake_chat, caplog):
    fake_chat.enqueue({"status": 500}, {"status": 429, "headers": {"Retry-After": "0"}}, ANSWER)
    with caplog.at_level("DEBUG"), client(fake_chat, api_key="sk-secret") as c:
        assert c.complete(MESSAGES).text == ANSWER
    assert len(fake_chat.chat_requests) == 3
    assert "재시도" in caplog.text and "sk-secret" not in caplog.text


def test_persistent_500_raises_korean_error_naming_model_and_url(fake_chat):
    fake_chat.default = {"status": 503, "text": "model overloaded"}
    with client(fake_chat, max_retries=2) as c, pytest.raises(LLMHTTPError) as exc:
        c.complete(MESSAGES)
    msg = str(exc.value)
    assert "오류를 응답했습니다" in msg and "HTTP 503" in msg and "model overloaded" in msg
    assert "exaone" in msg and fake_chat.base_url in msg
    assert isinstance(exc.value, LLMError) and exc.value.status == 503
    assert len(fake_chat.chat_requests) == 3  # 1 + max_retries


def test_401_is_not_retried(fake_chat):
    fake_chat.enqueue({"status": 401})
    with client(fake_chat) as c, pytest.raises(LLMHTTPError, match="API 키"):
        c.complete(MESSAGES)
    assert len(fake_chat.chat_requests) == 1


def test_timeout_raises_llm_error(fake_chat):
    fake_chat.enqueue({"delay_s": 3, "text": ANSWER})
    start = time.monotonic()
    with client(fake_chat, timeout_s=0.5, max_retries=0) as c, pytest.raises(LLMTimeout, match="0.5초"):
        c.complete(MESSAGES)
    assert time.monotonic() - start < 2


def test_timeout_then_success_is_retried(fake_chat):
    fake_chat.enqueue({"delay_s": 3}, ANSWER)
    with client(fake_chat, timeout_s=0.3, max_retries=1) as c:
        assert c.complete(MESSAGES).text == ANSWER


def test_stream_dropped_midway_raises_interrupted_with_partial(fake_chat):
    pieces = ["가스안전", "관리자는 ", "별표 20에 ", "따릅니다."]
    fake_chat.enqueue({"chunks": pieces, "drop_after_chunks": 2})
    got = []
    with client(fake_chat) as c, pytest.raises(LLMStreamInterrupted) as exc:
        for piece in c.stream(MESSAGES):
            got.append(piece)
    assert got == pieces[:2] and exc.value.partial == "가스안전관리자는 "
    assert "통신이 끊겼습니다" in str(exc.value)
    assert len(fake_chat.chat_requests) == 1  # never retried once text was yielded


def test_stream_without_done_raises_interrupted(fake_chat):
    fake_chat.enqueue({"text": ANSWER, "omit_done": True})
    with client(fake_chat) as c, pytest.raises(LLMStreamInterrupted, match="DONE") as exc:
        list(c.stream(MESSAGES))
    assert exc.value.partial == ANSWER


def test_stream_error_before_first_piece_is_retried(fake_chat):
    fake_chat.enqueue({"status": 502}, ANSWER)
    with client(fake_chat) as c:
        assert "".join(c.stream(MESSAGES)) == ANSWER
    assert len(fake_chat.chat_requests) == 2


def test_malformed_responses_raise_bad_response(fake_chat):
    fake_chat.enqueue({"malformed": True}, {"malformed": True})
    with client(fake_chat) as c:
        with pytest.raises(LLMBadResponse, match="해석할 수 없습니다"):
            c.complete(MESSAGES)
        with pytest.raises(LLMBadResponse, match="해석할 수 없습니다"):
            list(c.stream(MESSAGES))
    assert len(fake_chat.chat_requests) == 2  # not retried


def test_endpoint_down_raises_cannot_connect():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cfg = ModelConfig("exaone", f"http://127.0.0.1:{port}/v1", "EXAONE-4.0", backoff_s=0.01)
    with ChatClient(cfg) as c:
        with pytest.raises(LLMError, match="연결할 수 없습니다") as exc:
            c.complete(MESSAGES)
        assert f"127.0.0.1:{port}" in str(exc.value)
        with pytest.raises(LLMError, match="연결할 수 없습니다"):
            list(c.stream(MESSAGES))


def test_fake_lists_models(fake_chat):
    data = httpx.get(fake_chat.base_url + "/models").json()
    assert [m["id"] for m in data["data"]] == ["fake-model"]


TOML = """
default = "exaone"

[models.exaone]
base_url = "http://10.0.0.5:8000"
model = "LGAI-EXAONE/EXAONE-4.0-32B"
on_prem = true
timeout_s = 120

[models.cloud]
base_url = "https://api.example.com/v1"
model = "gpt-4o-mini"
api_key_env = "CLOUD_KEY"
"""


def test_load_models_from_toml(tmp_path):
    path = tmp_path / "llm.toml"
    path.write_text(TOML, encoding="utf-8")
    reg = load_models({"DASAN_LLM_CONFIG": str(path), "CLOUD_KEY": "sk-cloud"})
    assert reg.names() == ["exaone", "cloud"] and reg.default_name() == "exaone"
    exaone, cloud = reg.get("exaone"), reg.get("cloud")
    assert exaone.base_url == "http://10.0.0.5:8000/v1" and exaone.cfg.timeout_s == 120 and exaone.cfg.on_prem
    assert cloud.cfg.key() == "sk-cloud" and not cloud.cfg.on_prem  # on_prem defaults to false in TOML
    assert reg.get("exaone") is exaone
    reg.close()


def test_load_models_from_env_and_empty():
    reg = load_models({"DASAN_LLM_BASE_URL": "http://127.0.0.1:8001/v1", "DASAN_LLM_MODEL": "exaone",
                       "DASAN_LLM_API_KEY": "k"})
    assert reg.names() == ["default"] and reg.default_name() == "default"
    cfg = reg.get("default").cfg
    assert cfg.model == "exaone" and cfg.on_prem and cfg.key() == "k"
    off = load_models({"DASAN_LLM_BASE_URL": "https://api.x.com/v1", "DASAN_LLM_MODEL": "m",
                       "DASAN_LLM_ON_PREM": "false"})
    assert not off.get("default").cfg.on_prem
    empty = load_models({})
    assert len(empty) == 0 and empty.names() == [] and empty.default_name() is None
    with pytest.raises(ModelNotConfigured):
        empty.choose(None, has_internal=False)
    with pytest.raises(LLMConfigError):
        load_models({"DASAN_LLM_BASE_URL": "http://127.0.0.1:8001"})


def test_bad_toml_is_a_config_error(tmp_path):
    path = tmp_path / "llm.toml"
    path.write_text('[models.a]\nbase_url = "http://h"\nmodel = "m"\nonprem = true\n', encoding="utf-8")
    with pytest.raises(LLMConfigError, match="onprem"):
        load_models({"DASAN_LLM_CONFIG": str(path)})
    with pytest.raises(LLMConfigError, match="읽을 수 없습니다"):
        load_models({"DASAN_LLM_CONFIG": str(tmp_path / "missing.toml")})


def registry(default: str = "cloud") -> ModelRegistry:
    return ModelRegistry({"cloud": ModelConfig("cloud", "https://api.example.com/v1", "gpt", on_prem=False),
                          "exaone": ModelConfig("exaone", "http://10.0.0.5:8000/v1", "exaone", on_prem=True)},
                         default)


def test_choose_refuses_cloud_model_for_internal_documents():
    reg = registry()
    with pytest.raises(ModelNotAllowed, match="내부 문서") as exc:
        reg.choose("cloud", has_internal=True)
    assert isinstance(exc.value, LLMError)
    assert reg.choose("cloud", has_internal=False).cfg.name == "cloud"
    assert reg.choose("exaone", has_internal=True).cfg.name == "exaone"
    assert reg.choose(None, has_internal=False).cfg.name == "cloud"
    assert reg.choose(None, has_internal=True).cfg.name == "exaone"  # default not on-prem: first on-prem
    only_cloud = ModelRegistry({"cloud": registry().configs["cloud"]})
    with pytest.raises(ModelNotAllowed):
        only_cloud.choose(None, has_internal=True)


def test_unknown_model_name_raises_not_configured():
    with pytest.raises(ModelNotConfigured, match="설정되어 있지 않습니다") as exc:
        registry().get("claude")
    assert "cloud" in str(exc.value) and "exaone" in str(exc.value)
    with pytest.raises(ModelNotConfigured):
        registry().choose("claude", has_internal=False)

"""Chat-model access for answer generation: any OpenAI-compatible ``/v1/chat/completions`` server.

Models are configured by a TOML file (``DASAN_LLM_CONFIG``) and/or the env trio ``DASAN_LLM_BASE_URL`` /
``DASAN_LLM_MODEL`` / ``DASAN_LLM_API_KEY``. Models not marked ``on_prem`` never receive internal (non-public)
documents. API keys are never logged nor shown in ``repr``.

- ``errors``: the error types (Korean messages, never an API key);
- ``client``: one model endpoint (``ModelConfig``) and its client (``ChatClient``: retries, streaming);
- ``models``: the configured models (``load_models``, ``ModelRegistry``) and the on-prem rule.
"""
from rag.llm.client import MAX_BACKOFF_S, ChatClient, ChatResult, ChatStream, ModelConfig, normalize_base_url
from rag.llm.errors import (LLMBadResponse, LLMConfigError, LLMConnectionError, LLMError, LLMHTTPError,
                            LLMStreamInterrupted, LLMTimeout, ModelNotAllowed, ModelNotConfigured)
from rag.llm.models import ModelRegistry, load_models

__all__ = ["MAX_BACKOFF_S", "ChatClient", "ChatResult", "ChatStream", "LLMBadResponse", "LLMConfigError",
           "LLMConnectionError", "LLMError", "LLMHTTPError", "LLMStreamInterrupted", "LLMTimeout", "ModelConfig",
           "ModelNotAllowed", "ModelNotConfigured", "ModelRegistry", "load_models", "normalize_base_url"]

"""The configured chat models (``DASAN_LLM_CONFIG`` TOML file and/or the ``DASAN_LLM_*`` env trio) and the
choice of one per request: models not marked ``on_prem`` never receive internal (non-public) documents."""
from __future__ import annotations

import os
import threading
import tomllib
from collections.abc import Mapping
from dataclasses import fields

from rag.llm.client import ChatClient, ModelConfig, normalize_base_url
from rag.llm.errors import LLMConfigError, ModelNotAllowed, ModelNotConfigured


class ModelRegistry:
    """The configured models by name, with the on-prem rule for internal documents."""

    def __init__(self, configs: Mapping[str, ModelConfig] = (), default: str | None = None) -> None:
        self.configs = dict(configs)
        self._default = default if default is not None else next(iter(self.configs), None)
        if self._default is not None and self._default not in self.configs:
            raise LLMConfigError(f"기본 언어모델 '{self._default}'이(가) 설정에 없습니다 (설정된 모델: "
                                 f"{', '.join(self.configs) or '없음'})")
        self._clients: dict[str, ChatClient] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.configs)

    def names(self) -> list[str]:
        return list(self.configs)

    def default_name(self) -> str | None:
        return self._default

    def get(self, name: str) -> ChatClient:
        if name not in self.configs:
            listed = ", ".join(self.configs) or "없음"
            raise ModelNotConfigured(f"언어모델 '{name}'이(가) 설정되어 있지 않습니다 (설정된 모델: {listed})")
        with self._lock:
            if name not in self._clients:
                self._clients[name] = ChatClient(self.configs[name])
            return self._clients[name]

    def choose(self, name: str | None, has_internal: bool) -> ChatClient:
        """The client to use; internal (non-public) sources may only go to on-prem models."""
        if name is None:
            if self._default is None:
                raise ModelNotConfigured("설정된 언어모델이 없습니다 (DASAN_LLM_CONFIG 또는 DASAN_LLM_BASE_URL)")
            name = self._default
            if has_internal and not self.configs[name].on_prem:
                name = next((n for n, c in self.configs.items() if c.on_prem), name)
        cfg = self.get(name).cfg
        if has_internal and not cfg.on_prem:
            raise ModelNotAllowed(f"내부 문서가 포함된 질문은 기관 내부(on-prem) 언어모델로만 답할 수 있습니다: "
                                  f"'{name}'은(는) 외부 모델입니다")
        return self._clients[name]

    def close(self) -> None:
        for client in self._clients.values():
            client.close()


_TOML_KEYS = {f.name for f in fields(ModelConfig)} - {"name"}


def _truthy(value: str, var: str) -> bool:
    v = value.strip().lower()
    if v in ("1", "true", "yes", "on", "y"):
        return True
    if v in ("0", "false", "no", "off", "n"):
        return False
    raise LLMConfigError(f"{var} 값 '{value}'을(를) 알 수 없습니다 (true 또는 false)")


def load_models(env: Mapping[str, str] = os.environ) -> ModelRegistry:
    """Models from ``DASAN_LLM_CONFIG`` (TOML) and/or ``DASAN_LLM_BASE_URL``/``_MODEL``/``_API_KEY``.

    TOML models default to ``on_prem = false`` (fail closed); the env model ("default") to
    ``DASAN_LLM_ON_PREM=true``. No configuration at all gives an empty registry (extractive answers).
    """
    configs: dict[str, ModelConfig] = {}
    default = None
    path = env.get("DASAN_LLM_CONFIG", "").strip()
    if path:
        try:
            with open(path, "rb") as fh:
                doc = tomllib.load(fh)
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise LLMConfigError(f"언어모델 설정 파일({path})을 읽을 수 없습니다: {exc}") from exc
        default = doc.get("default")
        for name, table in (doc.get("models") or {}).items():
            unknown = set(table) - _TOML_KEYS
            missing = {"base_url", "model"} - set(table)
            if unknown or missing or not isinstance(table.get("on_prem", False), bool):
                raise LLMConfigError(f"언어모델 설정 파일({path})의 [models.{name}]이 올바르지 않습니다: "
                                     f"모르는 항목 {sorted(unknown)}, 빠진 항목 {sorted(missing)}, "
                                     f"on_prem은 true/false")
            cfg = ModelConfig(name=name, **table)
            if not cfg.api_key and cfg.api_key_env:
                cfg.api_key = env.get(cfg.api_key_env, "")
            normalize_base_url(cfg.base_url)
            configs[name] = cfg
    base_url = env.get("DASAN_LLM_BASE_URL", "").strip()
    if base_url:
        model = env.get("DASAN_LLM_MODEL", "").strip()
        if not model:
            raise LLMConfigError("DASAN_LLM_BASE_URL이 있으면 DASAN_LLM_MODEL(모델 이름)도 설정해야 합니다")
        on_prem = _truthy(env.get("DASAN_LLM_ON_PREM", "true"), "DASAN_LLM_ON_PREM")
        normalize_base_url(base_url)
        configs["default"] = ModelConfig("default", base_url, model, api_key=env.get("DASAN_LLM_API_KEY", ""),
                                         on_prem=on_prem)
        default = default or "default"
    return ModelRegistry(configs, default)

"""Errors of chat-model calls; every ``message`` is Korean and never contains an API key."""
from __future__ import annotations


class LLMError(Exception):
    """Base of every language-model error; ``retryable`` marks transient failures.

    ``summary`` is the message without what the server sent back (which may echo the prompt, and so
    the question): the part fit for users and for logs in no-retention mode."""

    retryable = False

    def __init__(self, message: str, summary: str | None = None) -> None:
        super().__init__(message)
        self.summary = summary or message


class LLMConfigError(LLMError):
    """The model configuration (TOML file or environment) is invalid."""


class LLMConnectionError(LLMError):
    """The server cannot be reached, or the connection broke."""

    retryable = True


class LLMTimeout(LLMError):
    """The server did not answer within ``timeout_s``."""

    retryable = True


class LLMHTTPError(LLMError):
    """The server answered with an HTTP error status (429 and 5xx are retryable)."""

    def __init__(self, message: str, status: int, retry_after: str | None = None,
                 summary: str | None = None) -> None:
        super().__init__(message, summary)
        self.status, self.retry_after = status, retry_after
        self.retryable = status == 429 or status >= 500


class LLMBadResponse(LLMError):
    """The server answered something that is not a valid chat-completions response."""


class LLMStreamInterrupted(LLMError):
    """A stream broke off (or ended without ``[DONE]``); ``partial`` holds the text received."""

    def __init__(self, message: str, partial: str, summary: str | None = None) -> None:
        super().__init__(message, summary)
        self.partial = partial


class ModelNotConfigured(LLMError):
    """No model by that name (or no model at all) is configured."""


class ModelNotAllowed(LLMError):
    """Internal (non-public) documents may not be sent to a model that is not on-prem."""

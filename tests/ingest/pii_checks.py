"""Checks the masker's round tests share: the rules alone, and which characters of a value stay unmasked."""
from __future__ import annotations

from collections.abc import Callable

from ingest.pii import mask_with


def rules_only(text: str):
    """The masker without its learned tagger: a test of a rule cannot be passed by the model."""
    return mask_with(text, None, None)


def uncovered(result, text: str, value: str, type_: str | None = None,
              chars: Callable[[str], bool] = lambda c: not c.isspace()) -> set[int]:
    """Positions of ``value`` (its first occurrence in ``text``) that no span of ``type_`` (any type when None)
    covers, counting only the characters ``chars`` picks (default: all but spaces)."""
    start = text.index(value)
    covered = {i for s in result.spans if type_ is None or s.type == type_ for i in range(s.start, s.end)}
    return {i for i in range(start, start + len(value)) if chars(text[i])} - covered


def every(_: str) -> bool:
    return True

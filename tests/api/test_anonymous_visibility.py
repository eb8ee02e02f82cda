"""DASAN_ANONYMOUS_VISIBILITY: what callers see when auth is off (``make run`` on loopback shows org too)."""
from __future__ import annotations

from api.auth import ANONYMOUS, Principal, visibility_for


def test_anonymous_sees_public_only_by_default(monkeypatch):
    monkeypatch.delenv("DASAN_ANONYMOUS_VISIBILITY", raising=False)
    assert visibility_for(ANONYMOUS) == visibility_for(None) == ["public"]


def test_setting_widens_anonymous_only(monkeypatch):
    monkeypatch.setenv("DASAN_ANONYMOUS_VISIBILITY", "public,org")
    assert visibility_for(ANONYMOUS) == ["public", "org"]
    monkeypatch.setenv("DASAN_ANONYMOUS_VISIBILITY", " org , dept:민원과 ")
    assert visibility_for(ANONYMOUS) == ["public", "org", "dept:민원과"]
    assert visibility_for(Principal("kim", "감사관실", ("staff",), "proxy")) == ["public", "org", "dept:감사관실"]


def test_invalid_setting_falls_back_to_public(monkeypatch, caplog):
    monkeypatch.setenv("DASAN_ANONYMOUS_VISIBILITY", "public,everyone")
    assert visibility_for(ANONYMOUS) == ["public"]
    assert "DASAN_ANONYMOUS_VISIBILITY" in caplog.text and "everyone" in caplog.text

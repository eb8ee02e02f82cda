"""What every parser shares: the error type and content sniffing (never trust the extension)."""
from __future__ import annotations

from pathlib import Path


class ParseError(Exception):
    """A file could not be parsed; the message names the file and what would fix it."""

    def __init__(self, path: Path | str, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class SkipFile(ParseError):
    """The file is understood but produces nothing to index (e.g. scanned PDF without OCR)."""


def sniff(path: Path, head: bytes | None = None) -> str:
    """Format detected from the first bytes: pdf, ole (HWP 5), zip (HWPX/DOCX), xml, json, text, unknown."""
    if head is None:
        with open(path, "rb") as f:
            head = f.read(4096)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"<?xml") or stripped.startswith(b"<"):
        low = stripped[:512].lower()
        if b"<html" in low or b"<!doctype html" in low:
            return "html"
        return "xml"
    if stripped.startswith((b"{", b"[")):
        return "json"
    if b"\x00" in head:
        return "unknown"  # zero-filled or binary: not text, whatever the bytes decode to
    # a multi-byte character may be cut at the end of the sample: try the last 0-3 bytes off
    for cut in range(4):
        try:
            head[: len(head) - cut].decode("utf-8")
            return "text"
        except UnicodeDecodeError:
            continue
    return "unknown"

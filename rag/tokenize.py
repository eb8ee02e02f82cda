"""Korean lexical analysis with Kiwi: morphemes -> BM25 term weights as sparse vectors.

Qdrant applies IDF at query time (sparse vector modifier ``idf``), so a passage vector carries
only the saturated term frequency; a query vector carries 1.0 per distinct term.
"""
from __future__ import annotations

import re
import threading
import zlib
from collections import Counter
from dataclasses import dataclass

# Content-bearing Kiwi tags: nouns, numerals, foreign words, Chinese chars, verb/adjective stems, roots.
_KEEP = {"NNG", "NNP", "NNB", "NR", "SL", "SH", "SN", "XR", "VV", "VA", "MAG"}
_NOUNISH = {"NNG", "NNP", "XR", "SL", "SH"}
_STOP = {"것", "수", "등", "및", "때", "경우", "하", "있", "되", "이", "그", "해당", "관하", "따르", "위하", "대하"}
K1 = 1.2
B = 0.75
AVG_LEN = 150.0  # fixed (mean unit length of the statute corpus): weights must not change as it grows
_MAX_CHARS = 20000

_lock = threading.Lock()
_kiwi = None


def terms(text: str) -> list[str]:
    """Index terms: content morphemes plus adjacent-noun compounds (소형+저장 -> 소형저장)."""
    text = (text or "")[:_MAX_CHARS]
    if not text.strip():
        return []
    with _lock:
        tokens = _get_kiwi_unlocked().tokenize(text)
    out: list[str] = []
    prev_noun = None
    prev_end = -1
    for t in tokens:
        tag = t.tag.split("-")[0]
        form = t.form.lower()
        if tag in _KEEP and form not in _STOP:
            out.append(form if tag not in ("VV", "VA") else form + "다")
        if tag in _NOUNISH:
            if prev_noun is not None and t.start == prev_end:
                out.append(prev_noun + form)
            prev_noun, prev_end = form, t.start + t.len
        else:
            prev_noun = None
    return out


def morphemes(text: str) -> list[tuple[str, str]]:
    """(form, tag) of every morpheme, lower-cased, tags without their sub-tag (NNG, VV, …)."""
    text = (text or "")[:_MAX_CHARS]
    if not text.strip():
        return []
    with _lock:
        tokens = _get_kiwi_unlocked().tokenize(text)
    return [(t.form.lower(), t.tag.split("-")[0]) for t in tokens]


def tokens(text: str) -> list:
    """Kiwi's tokens of ``text`` (``form``, ``tag``, ``start``, ``len``): for callers that need which
    morphemes are written together (noun compounds)."""
    text = (text or "")[:_MAX_CHARS]
    if not text.strip():
        return []
    with _lock:
        return list(_get_kiwi_unlocked().tokenize(text))


def _get_kiwi_unlocked():
    """The process-wide Kiwi instance (callers hold ``_lock``: Kiwi is not thread-safe)."""
    global _kiwi
    if _kiwi is None:
        from kiwipiepy import Kiwi

        _kiwi = Kiwi(num_workers=-1)
    return _kiwi


def term_id(term: str) -> int:
    """Stable 31-bit id for a term (crc32; collisions are rare and harmless for ranking)."""
    return zlib.crc32(term.encode("utf-8")) & 0x7FFFFFFF


@dataclass
class Sparse:
    indices: list[int]
    values: list[float]

    def __bool__(self) -> bool:
        return bool(self.indices)


def passage_vector(text: str) -> Sparse:
    """BM25 document-side weights (TF saturation and length normalisation)."""
    ts = terms(text)
    if not ts:
        return Sparse([], [])
    counts = Counter(term_id(t) for t in ts)
    dl = len(ts)
    norm = K1 * (1 - B + B * dl / AVG_LEN)
    idx = sorted(counts)
    return Sparse(idx, [counts[i] * (K1 + 1) / (counts[i] + norm) for i in idx])


def query_vector(text: str) -> Sparse:
    """Query-side weights: term frequency in the question (Qdrant multiplies in the IDF).

    Citizens repeat what matters ("소형저장탱크 … 소형저장탱크"); counting repeats measured better
    than one weight per distinct term on the KGS questions."""
    return query_vector_of(terms(text))


def query_vector_of(ts: list[str]) -> Sparse:
    """``query_vector`` from terms already computed (one Kiwi pass serves several uses)."""
    counts = Counter(term_id(t) for t in ts)
    ids = sorted(counts)
    return Sparse(ids, [float(counts[i]) for i in ids])


_HANGUL = re.compile(r"[가-힣]")


def has_korean(text: str) -> bool:
    return bool(_HANGUL.search(text or ""))

"""The region words before an address that a writer shortens (masker round 5): "경기 성남 분당 정자동 123-4".

The address rules start at a region written with its suffix (경기도, 성남시, 분당구) or at the town; a writer who
drops the suffixes leaves "경기 성남 분당" unmasked before the masked town. ``region_start`` walks back over the words
right before an address that are provinces (abbreviated or not) or places Kiwi knows as one proper noun once
시/군/구 is added (``known_place``), and stops at the first word that is not one ("…사는 곳은 정자동 123" stays at
정자동). Only words directly before the address, one space apart, are taken.
"""
from __future__ import annotations

import re

from ingest.pii_name_families import known_place
from ingest.pii_patterns import PROVINCES

_WORD_BEFORE = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣]{2,7})[ \t]+\Z")
_PROVINCE = re.compile(rf"(?:{PROVINCES}|경기|강원|충북|충남|전북|전남|경북|경남|제주|서울|부산|대구|인천|광주|대전|울산|세종)")


def region_start(text: str, start: int) -> int:
    """Where the address that starts at ``start`` really starts once shortened region words before it are counted."""
    for _ in range(4):  # a province, a city, a district, a town at most
        m = _WORD_BEFORE.search(text, max(0, start - 9), start)
        if m is None:
            break
        word = m.group(1)
        if not (_PROVINCE.fullmatch(word) or known_place(word)):
            break
        start = m.start(1)
    return start

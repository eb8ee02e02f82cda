"""Korean particles chosen by the final sound of the word before them (은/는, 이/가, 을/를, 과/와, 으로/로)."""
from __future__ import annotations

# how a final digit or Latin letter is read: True when the reading ends in a consonant (받침)
_DIGIT_FINAL = {"0": True, "1": True, "2": False, "3": True, "4": False, "5": False, "6": True, "7": True,
                "8": True, "9": False}
_LATIN_FINAL = set("lmnr")  # el, em, en, ar (read in Korean: 엘, 엠, 엔, 알)
_PAIRS = {"은": ("은", "는"), "는": ("은", "는"), "이": ("이", "가"), "가": ("이", "가"),
          "을": ("을", "를"), "를": ("을", "를"), "과": ("과", "와"), "와": ("과", "와")}


def final_consonant(word: str) -> int | None:
    """0 when the word ends in a vowel, the jongseong index (1–27) when it ends in a consonant, None if unknown."""
    for ch in reversed((word or "").strip()):
        if ch in ")」』]>›\"'” ":
            continue
        if "가" <= ch <= "힣":
            return (ord(ch) - 0xAC00) % 28
        if ch in _DIGIT_FINAL:
            return 8 if _DIGIT_FINAL[ch] else 0  # 8 = ㄹ: close enough for 으로/로 (일, 칠, 팔)
        if ch.isalpha() and ch.isascii():
            return 4 if ch.lower() in _LATIN_FINAL else 0
        return None
    return None


def josa(word: str, particle: str) -> str:
    """``word`` with the particle its last sound takes: josa("제4조", "은") -> "제4조는"."""
    f = final_consonant(word)
    if particle in ("으로", "로"):
        return word + ("로" if f in (0, 8) else "으로" if f is not None else "(으)로")
    first, second = _PAIRS[particle]
    if f is None:
        return f"{word}{first}({second})"
    return word + (first if f else second)

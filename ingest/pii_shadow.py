"""Shadow normalisation (masker round 4): numbers written in a way the digit rules cannot read.

An author may spell a number in Hangul numerals ("공일공에 사오일이 …", a plate "이육팔 라 사칠일공", an account
"삼오일 공육칠이 …") or an OCR scan may break it over a line ("010-4\\n471-8823"). Instead of a family of rules for
each, ``shadow`` returns a same-length copy of the text in which such runs are rewritten character for character
into ASCII digits and dashes; the ordinary rules run on that copy, and a find is kept only when it covers a
rewritten stretch and has a strict identifier's shape (``shadow_ok``). Offsets are shared, so spans map back as
they are.

Precision: a run needs 7 or more numerals and a group of three (a single word such as 이사, 오일, 사이, 일이, 구이, 삼일절, 일일이 never
qualifies), and what the rules find on the shadow must still be a phone (a mobile prefix, an area code or a phone
label), a plate (2–3 digits, a plate letter, 4 digits), a 주민/외국인등록번호 with a real date, a card with its Luhn
digit, or an account with an account word just before.
"""
from __future__ import annotations

import re

_DIGIT = {"공": "0", "영": "0", "일": "1", "이": "2", "삼": "3", "사": "4", "오": "5", "육": "6", "륙": "6", "칠": "7",
          "팔": "8", "구": "9"}
_N = "[공영일이삼사오육륙칠팔구0-9]"
_PLATE_LETTER = "[가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주아바사자배하허호]"
_SEP = r"(?:[ \t]*[-.,~][ \t]*|[ \t]*(?:에|의|다시)[ \t]*|[ \t]+)"
# A run of numeral groups: its end must not run on into a word (a following ending or particle is fine).
_RUN = re.compile(rf"(?<![가-힣A-Za-z0-9]){_N}+(?:{_SEP}{_N}+|[ \t]{_PLATE_LETTER}[ \t]{_N}+)*"
                  r"(?=$|[^가-힣]|이요|이고|이에요|예요|입니다|이구요|요|고|이며|인데|이라고|라고|으로|로|번|이랑|하고|까지|는|은|가|을|를|에요)")
# A line break inside a number (OCR): digits (and a dash) on both sides, a phone's shape once joined.
_BROKEN = re.compile(r"(?<![\d-])(0\d{1,2}[-.]?\d{0,4}[-.]?\d{0,3})\n(\d[\d.-]{2,10})(?![\d-])")
_PHONE_JOINED = re.compile(r"0\d{1,2}[-.]?\d{3,4}[-.]?\d{4}")

_PLATE_RUN = re.compile(rf"{_N}{{2,3}}[ \t]{_PLATE_LETTER}[ \t]{_N}{{4}}")
_VEHICLE = re.compile(r"차량|번호판|차[ \t]?번호|자동차|승용차|트럭|택시|오토바이|차는|차가|[Pp]late")
_ACCOUNT_WORD = re.compile(r"(?:통장|계좌|입금|송금|예금|은행|뱅크|농협|우체국|신협|새마을금고|수협|저축)[^\n]{0,20}\Z")
_PHONE_WORD = re.compile(r"(?:전화|연락|폰|휴대|핸드폰|번호|HP|[Tt]el|☎)[^\n]{0,20}\Z")


def shadow(text: str) -> str | None:
    """The same-length rewritten copy, or None when nothing in ``text`` needed rewriting."""
    chars = list(text)
    changed = False
    for m in _RUN.finditer(text):
        run = m.group()
        if re.search(r"[ \t]+이\Z", run) and re.match(r"[가-힣]", text[m.end():m.end() + 1]):
            run = run.rstrip("이").rstrip()  # "… 이삼 이고": the copula, not a digit
        if _PLATE_RUN.fullmatch(run) and _VEHICLE.search(text, max(0, m.start() - 30), m.start()):
            pass  # a plate has its own shape: 2-3 numerals, its letter, 4 numerals ("오팔 누 삼일칠이", six in all)
        elif (sum(ch in _DIGIT or ch.isdigit() for ch in run) < 7 or sum(ch in _DIGIT for ch in run) < 3
                or not re.search(rf"{_N}{{3}}", run)):
            continue  # "이사 오일 사이 일이": two-syllable words; every identifier has a group of three or more
        changed = True
        i, s = 0, m.start()
        while i < len(run):
            ch = run[i]
            if ch in _DIGIT:
                chars[s + i] = _DIGIT[ch]
                i += 1
                continue
            if ch.isdigit():
                i += 1
                continue
            sep = re.match(_SEP, run[i:]) if not re.match(rf"[ \t]{_PLATE_LETTER}[ \t]", run[i:]) else None
            if sep is None or not sep.group():
                i += 3 if re.match(rf"[ \t]{_PLATE_LETTER}[ \t]", run[i:]) else 1  # a plate's letter stays
                continue
            chars[s + i] = "-"
            for k in range(1, len(sep.group())):
                chars[s + i + k] = " "
            i += len(sep.group())
    for m in _BROKEN.finditer(text):
        if _PHONE_JOINED.fullmatch(m.group(1) + m.group(2)):
            chars[m.end(1)] = "-" if m.group(1)[-1].isdigit() else " "
            changed = True
    return "".join(chars) if changed else None


def rewritten(text: str, shadow_text: str, start: int, end: int) -> bool:
    return any(a != b for a, b in zip(text[start:end], shadow_text[start:end]))


def shadow_ok(type_: str, shadow_text: str, start: int, end: int) -> bool:
    """A find on the shadow has a strict identifier's shape (the rules already checked dates and check digits)."""
    value = shadow_text[start:end]
    digits = re.sub(r"\D", "", value)
    if type_ in ("rrn", "arn", "card", "plate", "brn"):
        return True
    if type_ == "phone":
        before = shadow_text[max(0, start - 30):start]
        return (re.fullmatch(r"01[016789]\d{7,8}|0(?:2|[3-6][1-5]|70|50\d)\d{7,8}", digits) is not None
                or (9 <= len(digits) <= 11 and _PHONE_WORD.search(before) is not None)
                or (7 <= len(digits) <= 8 and digits[0] != "0" and _PHONE_WORD.search(before) is not None))  # a home line
    if type_ == "account":
        return 10 <= len(digits) <= 14 and _ACCOUNT_WORD.search(shadow_text, max(0, start - 30), start) is not None
    return False

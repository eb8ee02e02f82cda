"""Masker round 14: numbers and e-mail addresses read aloud, whatever words the speaker chose.

A call transcript, a note taken down by hand or an old register writes an identifier the way it was said:
digit words (``빵일빵에 칠칠팔일, 삼삼빵이``), Chinese numerals (``〇一〇-四八二九-一一七三``), separators read out
(다시 for a hyphen, 에/의/하고 between groups, 쩜/점 for a dot, a comma for a pause), and an e-mail address spelt
letter by letter (``에이치, 에이, 엔, … 골뱅이 한메일 쩜 넷``) or word by word (``윤서 점 탁 골뱅이 네이버 닷컴``).

Instead of one pattern per way of saying it, ``spoken_numbers`` reads any run of numeral groups and their spoken
separators to the digit string it stands for, keeping every group's character offsets, and the digit string must
then have an identifier's shape: a mobile number, a landline with a phone word near, a driver's licence (region
code 11–28, 2-2-6-2 or 12 digits) with a licence word near, a 주민등록번호 with a real date and its label near, an
account of 10–14 digits with an account word near. Everyday words made of numeral syllables (삼삼오오, 일이 있어서,
일일이, 오일, 이사) never reach seven digits, and a count read in Hangul has no such shape.

``spelled_emails`` anchors on the spoken at-sign (골뱅이, 앳, at) followed by a mail provider's word (네이버,
한메일, 지메일 …) and takes back the spoken local part (letter names, digit words, short romanised syllables,
Latin words) as far as the address goes.
"""
from __future__ import annotations

import re
from datetime import date

from ingest.pii_round13 import numeral_value

_HANGUL_DIGITS = "공영빵일이삼사오육륙칠팔구"
_CJK_DIGITS = "〇零一二三四五六七八九"
# One group in one script: "43이고" is 43 and a copula, not 432.
_GROUP = rf"[0-9]+|[{_HANGUL_DIGITS}십백]*[{_HANGUL_DIGITS}]|[{_CJK_DIGITS}]+"
# A separator read aloud: 다시, 하이픈, 빼기, 작대기 (a hyphen), 에/의/하고 between groups, 쩜/점 (a dot), a comma, a dash, or a pause.
_SEP = r"(?:[ \t]*(?:[-.,·∙•‧・~_/]|다시|하고|하이픈|대시|빼기|작대기|쩜|점)[ \t]*|(?:에|의)[ \t]+|[ \t]+)"
_RUN = re.compile(rf"(?<![가-힣A-Za-z0-9])(?:{_GROUP})(?:{_SEP}(?:{_GROUP}))*")
# What may follow the last group: no more Hangul, or an ending or particle ("…삼삼빵이요", "…오이요.").
_AFTER = re.compile(r"$|[^가-힣]|(?:이)?(?:요|고요|구요|에요|예요|입니다|래|라|랍|야|죠|지요|거든|이고|고|인데|라고|이라고|로|으로|번|이랑|하고|까지|는|은|가|을|를|맞)")
_DIGIT_OF = {**{str(i): str(i) for i in range(10)}, **dict(zip("공영빵", "000")),
             **dict(zip("일이삼사오육륙칠팔구", "1234566789")), **dict(zip("〇零一二三四五六七八九", "00123456789"))}
_PHONE_WORD = re.compile(r"전화|연락|번호|폰|휴대|회신|핸드|HP|[Tt]el|☎")
_LICENCE_WORD = re.compile(r"면허")
_RRN_WORD = re.compile(r"주민")
_ACCOUNT_WORD = re.compile(r"통장|계좌|입금|송금|은행|뱅크|농협|우체국|신협|새마을금고|수협")
_MOBILE = re.compile(r"01[016789]\d{7,8}")
_LANDLINE = re.compile(r"0(?:2|[3-6][1-5]|70|50\d)\d{7,8}")


def _group_digits(group: str) -> str | None:
    """One spoken group as digits: digit by digit, or by position where it holds 십/백 (``칠백팔`` 708)."""
    if "십" in group or "백" in group:
        return numeral_value(group)
    out = "".join(_DIGIT_OF.get(c, "") for c in group)
    return out if len(out) == len(group) else None


def _near(text: str, start: int, end: int, word: re.Pattern) -> bool:
    """A word on the value's line or the line before it (a question asked on the previous turn)."""
    line_start = text.rfind("\n", 0, start) + 1
    prev_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1 if line_start else line_start
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return word.search(text, prev_start, line_end) is not None


def _rrn_ok(d: str) -> bool:
    if len(d) != 13 or d[6] not in "12345678":
        return False
    century = 1900 if d[6] in "1256" else 2000
    try:
        born = date(century + int(d[:2]), int(d[2:4]), int(d[4:6]))
    except ValueError:
        return False
    return born <= date.today()


def _shape(text: str, start: int, end: int, groups: list[str]) -> str | None:
    """The identifier type the spoken digits stand for, or None."""
    d = "".join(groups)
    if _MOBILE.fullmatch(d):
        return "phone"
    if _LANDLINE.fullmatch(d) and _near(text, start, end, _PHONE_WORD):
        return "phone"
    if len(d) == 12 and 11 <= int(d[:2]) <= 28 and (len(groups) == 1 or [len(g) for g in groups] == [2, 2, 6, 2]) and _near(
            text, start, end, _LICENCE_WORD):
        return "driver_license"
    if _rrn_ok(d) and _near(text, start, end, _RRN_WORD):
        return "rrn"
    if 10 <= len(d) <= 14 and len(groups) >= 2 and _near(text, start, end, _ACCOUNT_WORD):
        return "account"
    return None


_GROUP_RE = re.compile(_GROUP)
_SEP_RE = re.compile(_SEP)


def _groups(run: str) -> list[tuple[int, int]]:
    """The numeral groups of a run, in order (a separator word such as 하이픈 holds no digit)."""
    out, pos = [], 0
    while (g := _GROUP_RE.match(run, pos)) is not None:
        out.append(g.span())
        sep = _SEP_RE.match(run, g.end())
        if sep is None or not sep.group():
            break
        pos = sep.end()
    return out


def spoken_numbers(text: str) -> list[tuple[str, int, int]]:
    """Identifiers read aloud in numeral words or Chinese numerals: (type, start, end)."""
    out: list[tuple[str, int, int]] = []
    for m in _RUN.finditer(text):
        run = m.group()
        groups = _groups(run)
        if len(groups) > 1 and re.fullmatch(rf"[{_HANGUL_DIGITS}]", run[groups[-1][0]:groups[-1][1]]):
            groups = groups[:-1]  # "… 4417 이고", "… 4331 이 맞나요", "…-01. 사고일": a particle or a word's start
        run = run[:groups[-1][1]]
        if not re.search(r"[공영빵일이삼사오육륙칠팔구〇零一二三四五六七八九]|\d[ \t]?[·∙•‧・_][ \t]?\d", run):
            continue  # ASCII digits with common separators: the rules read those
        digits = [_group_digits(run[s:e]) for s, e in groups]
        if any(x is None for x in digits) or sum(map(len, digits)) < 7:
            continue
        tries = [(m.start() + groups[-1][1], digits)]
        if run.endswith("이"):  # "…삼삼빵이요" is a digit, "…팔공일육이요" the copula: the shape decides
            tries.append((m.start() + groups[-1][1] - 1, [x for x in digits[:-1] + [digits[-1][:-1]] if x]))
        found = [(typ, end) for end, ds in tries if _AFTER.match(text, end) and (typ := _shape(text, m.start(), end, ds))]
        found.sort(key=lambda f: f[0] == "account")  # a phone, licence or RRN reading before an account's
        if found:
            out.append((found[0][0], m.start(), found[0][1]))
    return out


# ---- e-mail addresses spelt aloud ------------------------------------------------------------------
_AT = r"(?:골뱅이|골뱅|앳|엣|에트|애트|at|@)"
_PROVIDER = (r"(?:네이버|한메일|지메일|네이트|핫메일|아웃룩|아이클라우드|드림위즈|다음|구글|카카오|야후|라이브|"
             r"naver|hanmail|gmail|daum|nate|kakao|hotmail|outlook|yahoo|icloud|live)")
_AMBIGUOUS_PROVIDER = ("다음", "구글", "카카오", "야후", "라이브")
_DOT = r"(?:[ \t,]*(?:닷|쩜|점|dot|\.)[ \t]*)"
_TLD = r"(?:컴|넷|케이알|씨오[ \t]*(?:닷|쩜|점|\.)[ \t]*케이알|오알지|com|net|kr|co\.kr|org)"
_MAIL_TAIL = re.compile(rf"[ \t,]*{_AT}[ \t,]*{_PROVIDER}(?:{_DOT}{_TLD}(?![A-Za-z]))?", re.IGNORECASE)
_MAIL_WORD = re.compile(r"메일|e-?mail|E-?mail|주소|아이디|ID", re.IGNORECASE)
_LETTER_NAMES = {"에이", "비", "씨", "시", "디", "이", "에프", "지", "쥐", "에이치", "아이", "제이", "케이", "엘", "엠", "엔", "오",
                 "피", "큐", "알", "에스", "티", "유", "브이", "더블유", "더블류", "엑스", "와이", "제트", "지디"}
_STOP = {"주소", "메일", "이메일", "제", "내", "저", "네", "예", "번호", "아이디", "불러", "말씀", "적어", "은", "는"}
# One spoken piece of the local part, and what parts two pieces.
_PIECE = re.compile(r"[A-Za-z0-9._-]+|[가-힣]+")
_PIECE_SEP = re.compile(r"(?:[ \t,]+|[ \t,]*(?:점|쩜|닷|dot|언더바|언더스코어|밑줄|하이픈|대시)[ \t,]*)\Z")


def _local_ok(piece: str) -> bool:
    if re.fullmatch(r"[A-Za-z0-9._-]+", piece):
        return re.search(r"[A-Za-z0-9]", piece) is not None and not piece.endswith(".")
    if piece in _STOP:
        return False
    return piece in _LETTER_NAMES or _group_digits(piece) is not None or len(piece) <= 2


def spelled_emails(text: str) -> list[tuple[str, int, int]]:
    """E-mail addresses spelt aloud: the local part's pieces, the spoken at-sign and a mail provider."""
    out: list[tuple[str, int, int]] = []
    for m in re.finditer(_AT, text, re.IGNORECASE):
        if m.group() == "@" or re.match(r"[A-Za-z]", m.group()) and re.search(r"[A-Za-z0-9]\Z", text[:m.start()]):
            continue  # a written address: the rules read it
        tail = _MAIL_TAIL.match(text, m.start() - len(re.search(r"[ \t,]*\Z", text[:m.start()]).group()))
        if tail is None:
            continue
        provider = re.search(_PROVIDER, tail.group(), re.IGNORECASE).group()
        has_tld = re.search(rf"{_DOT}{_TLD}\Z", tail.group(), re.IGNORECASE) is not None
        if provider in _AMBIGUOUS_PROVIDER and not has_tld and not _near(text, m.start(), tail.end(), _MAIL_WORD):
            continue  # "골뱅이 다음에 파전": 다음 names a provider only beside a domain's end or a mail word
        start, pos = None, tail.start()
        for _ in range(20):  # walk back over the spoken pieces of the local part
            sep = _PIECE_SEP.search(text, max(0, pos - 12), pos) if start is not None else None
            if start is not None and sep is None:
                break
            cut = sep.start() if sep is not None else pos
            piece = re.search(r"(?:[A-Za-z0-9._-]+|[가-힣]+)\Z", text[max(0, cut - 12):cut])
            if piece is None or not _local_ok(piece.group()):
                break
            start = pos = cut - len(piece.group())
        if start is not None:
            out.append(("email", start, tail.end()))
    return out

"""Masker round 13: values read by their numerals, their label and their repeats, whatever their written form.

Twelve rounds of rules each fixed the forms their sets showed; each new author writes new ones. This round adds
three mechanisms that do not depend on one form:

- **numerals of any script** (``numeral_value``): ASCII and full-width digits, the letters O/o and l/I inside a
  digit group, Hangul numerals (``칠십구``, ``이공사일``), Chinese numerals (``一九三九``, ``四月``), the formal ones of
  old registers (``參月 拾五日``) are read to the same groups of digits, so one value pattern covers them all;
- **a label's value** (``labelled_values``): after a personal-data label (생년월일, 생년, 생일, 出生, 주민번호
  뒷자리, 사업자등록번호, 외국인등록번호, 여권번호, 전화번호 …) the value that follows within a few characters is
  masked as the label's type, whatever its separators, numerals or length (a number the writer cut short, a
  wrong number they then correct), unless a unit, an amount or a cut-off word follows it; a date of any numerals
  closed by 생 (``一九三九年 四月 九日생``, ``1945년 을유년 2월생``) is a birth date;
- **a value repeated** (``repeated_values``): once a value is masked, its other writings in the same text are
  masked too (``칠십구년 이월 이십팔일이요, 아 숫자로 79년 2월 28일``, ``생년월일: 1982년 … → 1982년만``), and a
  long number one digit off a masked one (the writer's mistyped first try). A masked value left readable
  elsewhere in the text leaks it all the same.
"""
from __future__ import annotations

import re

from ingest.pii_birthyear import _COHORT_AFTER, _CUT_OFF_AFTER, SAENG
from ingest.pii_context import EVENT_WORDS
from ingest.pii_patterns import CITY, PROVINCES

_DIGITS = {**{str(i): str(i) for i in range(10)}, **{chr(0xFF10 + i): str(i) for i in range(10)},
           **dict(zip("〇零一二三四五六七八九", "00123456789")), **dict(zip("壹貳弐參参肆伍陸柒捌玖", "12233456789")),
           **dict(zip("공영일이삼사오육륙칠팔구", "001234566789"))}
_POSITIONAL = {"十": 10, "拾": 10, "십": 10, "百": 100, "백": 100, "千": 1000, "천": 1000}
_LOOK = {"O": "0", "o": "0", "l": "1", "I": "1"}
_HAN_NUM = "〇零一二三四五六七八九十拾百千壹貳弐參参肆伍陸柒捌玖"
_HANGUL_NUM = "공영일이삼사오육륙칠팔구십백천"
# One numeral word: digits (a look-alike letter only beside a digit), Chinese or Hangul numerals.
_NUM = rf"(?:\d[\dOolI]*|[OolI]\d[\dOolI]*|[{_HAN_NUM}]+|[{_HANGUL_NUM}]+)"
_ERA = r"(?:檀紀|단기|昭和|平成|令和|大正|明治|西紀|서기|양력|음력|陽曆|陰曆)[ \t]?"
_ASIDE = r"(?:[ \t]*\([^()\n]{1,10}\))?"  # a restatement in brackets: "(1970年)", "(1930)"
_UNIT_DATE = (rf"(?:{_ERA})?{_NUM}[ \t]?[年년]{_ASIDE}(?:[ \t]*[가-힣]{{2}}년(?=[ \t]))?"
              rf"(?:[ \t]*{_NUM}[ \t]?[月월](?:[ \t]*{_NUM}[ \t]?(?:[日일]|(?![가-힣\d])))?)?")
_DIGIT_DATE = r"(?:\d|[OolI](?=\d))[\dOolI]{1,7}(?:[ \t]?[./-][ \t]?[\dOolI]{1,4}){0,2}\.?"
_VALUE = re.compile(rf"(?:{_UNIT_DATE}|{_DIGIT_DATE}){_ASIDE}")

# A birth label, its particle or colon (the value must start within a few characters).
_BIRTH_LABEL = re.compile(r"(?<![가-힣])(?:생년월일|생년|생일|생신|출생일|出生|生年月日|生日|D\.?O\.?B\.?)"
                          r"(?:은|는|이|가|도|:|：|[ \t])*[ \t:：]*")
# After a 4- or 6-digit birthday: the clause ends, or a use of it ("비번", "로"), not an event ("1004 이벤트").
_BIRTH_END = re.compile(r"[ \t]*(?:$|[\n,.;)/(]|비번|비밀번호|(?:이|으)?로(?![가-힣])|이(?:고|요|에요|라|래|야)|입니|예요|에요|인데|맞)")
_BORN_AFTER = re.compile(rf"[ \t]?{SAENG}")

# A label of an identifier that is nothing but its digits, and the type its value gets.
_ID_LABELS = (
    (re.compile(r"(?:주민(?:등록)?[ \t]?번호|주민번호)[^\n]{0,12}?(?:뒷자리|뒷번호|뒤[ \t]?7자리|뒷부분)"), "rrn", 7, 7),
    (re.compile(r"(?<![가-힣])(?:뒷자리|뒷번호)"), "rrn_back", 7, 7),
    (re.compile(r"사업자[ \t]?(?:등록)?[ \t]?번호"), "brn", 9, 11),
    (re.compile(r"외국인[ \t]?등록[ \t]?번호"), "arn", 10, 14),
    (re.compile(r"(?:휴대[ \t]?(?:전화|폰)|핸드폰|전화)[ \t]?번호"), "phone", 7, 12),
)
_ID_GAP = re.compile(r"(?:은|는|이|가|도|를|을|만|:|：|[ \t])*")
_ID_VALUE = re.compile(r"(?P<v>(?:\d|[OolI](?=\d))[\dOolI]*(?:[ \t]?[-.][ \t]?[\dOolI]+)*(?![\d가-힣A-Za-z]|[ \t]?(?:원|명|건|개|자리|세|년|월|일|호|번지|%))"
                       r"|(?<![가-힣])[공영일이삼사오육륙칠팔구]{7,13}?(?=이요|요|입니다|이에요|예요|이고|[^가-힣]|$))")
# A question's turn in a call transcript: the label's line asks, the next line's speaker answers.
_SPEAKER = re.compile(r"[^:：\n]{1,15}[:：][ \t]*")


def _answer_line(text: str, pos: int) -> tuple[int, int] | None:
    """Where the next line's answer lies when the rest of the label's line only asks (no digit, short)."""
    eol = text.find("\n", pos)
    if eol < 0 or eol - pos > 30 or re.search(r"\d", text[pos:eol]):
        return None
    nxt = text.find("\n", eol + 1)
    nxt = len(text) if nxt < 0 else nxt
    lead = _SPEAKER.match(text, eol + 1, nxt)
    return (lead.end(), nxt) if lead else None
_RRN_NEAR = re.compile(r"주민(?:등록)?[ \t]?번호|주민번호")


def numeral_value(word: str) -> str | None:
    """One numeral word read as digits: digit by digit, or by position where it has 十/십/百 … (``칠십구`` 79)."""
    if any(c in _POSITIONAL for c in word):
        total, cur = 0, 0
        for c in word:
            if c in _POSITIONAL:
                total += (cur or 1) * _POSITIONAL[c]
                cur = 0
            elif c in _DIGITS:
                cur = cur * 10 + int(_DIGITS[c])
            else:
                return None
        return str(total + cur)
    out = "".join(_DIGITS.get(c) or _LOOK.get(c, "") for c in word)
    return out if len(out) == len(word) else None


def value_key(text: str) -> tuple[str, ...]:
    """The groups of digits a written value holds, leading zeros dropped: ``79년 2월 28일`` and ``칠십구년 이월
    이십팔일`` both give ("79", "2", "28")."""
    groups = []
    text = re.sub(r"(?<=[월月])([ \t]*[^\s일]+)일", r"\1 ", text)  # the day's unit 일, not a numeral one
    for m in re.finditer(_NUM, re.sub("[年년月월日]", " ", text)):
        v = numeral_value(m.group())
        if v is None:
            return ()
        groups.append(str(int(v)) if v else v)
    return tuple(groups)


def _digit_count(written: str) -> int:
    """How many numerals a written value holds (leading zeros counted)."""
    return sum(len(numeral_value(m.group()) or "") for m in re.finditer(_NUM, written))


def labelled_values(text: str) -> list[tuple[str, int, int]]:
    """Values placed by their label (birth labels, identifier labels) and dates of any numerals closed by 생."""
    out: list[tuple[str, int, int]] = []
    for m in _BIRTH_LABEL.finditer(text):
        v = _VALUE.match(text, m.end())
        if v is None and (answer := _answer_line(text, m.end())):
            v = _VALUE.search(text, *answer)
        if v is None or m.end() - m.start() > 12:
            continue
        end = v.end()
        while end > v.start() and text[end - 1] in " \t.":
            end -= 1
        key = value_key(text[v.start():end])
        if _digit_count(text[v.start():end]) < 4 or _CUT_OFF_AFTER.match(text, end) or _COHORT_AFTER.match(text, end):
            continue
        if len(key) == 1 and not re.search("[年년]", text[v.start():end]) and not _BIRTH_END.match(text, end):
            continue  # a bare number after 생일 must end its clause or be used ("생일 0312 비번"), not an event's
        out.append(("birth_date", v.start(), end))
    for v in re.finditer(_UNIT_DATE, text):  # "一九三九年 四月 九日생", "1945년 을유년 2월생"
        if not re.search("[月월]", v.group()) or not _BORN_AFTER.match(text, v.end()):
            continue
        born = _BORN_AFTER.match(text, v.end())
        if _COHORT_AFTER.match(text, born.end()) or (v.start() and text[v.start() - 1].isalnum()):
            continue
        if _digit_count(v.group()) >= 3:
            out.append(("birth_date", v.start(), v.end()))
    for label, typ, low, high in _ID_LABELS:
        for m in label.finditer(text):
            gap = _ID_GAP.match(text, m.end())
            v = _ID_VALUE.match(text, gap.end()) if gap.end() - m.end() <= 6 else None
            if v is None and (answer := _answer_line(text, m.end())):
                v = _ID_VALUE.search(text, *answer)
            if v is None:
                continue
            key = value_key(v.group("v"))
            n = _digit_count(v.group("v"))
            if not low <= n <= high:
                continue
            kind = typ
            if typ == "rrn_back":
                if not _RRN_NEAR.search(text, max(0, m.start() - 60), m.start()) or key[0][:1] not in "12345678":
                    continue
                kind = "rrn"
            if typ == "phone" and v.group("v")[0] not in "0공영":
                continue  # a phone's area code or mobile prefix starts with 0
            out.append((kind, v.start("v"), v.end("v")))
    return out


# After a date: an event's word (a deadline, a reference day, a visit), so the date is no restated birth date.
_EVENT_NEAR = re.compile(rf"[ \t.)]*(?:[을를이가은는에의]|으로)?[ \t]*(?:{EVENT_WORDS}|시행|개정|공포|에[ \t])")
_REPEAT_TYPES = frozenset({"phone", "rrn", "arn", "account", "card", "brn", "birth_date", "passport", "driver_license"})
_CANDIDATE = re.compile(rf"{_UNIT_DATE}|(?<![\dA-Za-z])(?:\d|[OolI](?=\d))[\dOolI]*(?:[ \t]?[-./][ \t]?[\dOolI]+)*\.?|"
                        r"(?<![가-힣])[공영일이삼사오육륙칠팔구]{6,13}")


def _one_off(a: str, b: str) -> bool:
    """Whether two digit strings differ by one digit left out, added or changed."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def repeated_values(text: str, masked: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Other writings of a masked value in the same text (same digit groups in any numerals), and a long number
    one digit off a masked one. A birth date counts only when written again after it, not before an event word
    (``1987년 6월 10일 민주항쟁 … 1987.6.10생``: the day of the event comes first and is the event's)."""
    keys = []
    for typ, s, e in masked:
        if typ in _REPEAT_TYPES:
            key = value_key(text[s:e])
            if _digit_count(text[s:e]) >= 4:
                keys.append((typ, key, "".join(key), s))
    if not keys:
        return []
    out = []
    for m in _CANDIDATE.finditer(text):
        s, e = m.start(), m.end()
        while e > s and text[e - 1] in " \t.":
            e -= 1
        if any(ms < e and s < me for _, ms, me in masked) or any(os < e and s < oe for _, os, oe in out):
            continue
        key = value_key(text[s:e])
        if _digit_count(text[s:e]) < 4:
            continue
        flat = "".join(key)
        for typ, k, kflat, first in keys:
            if typ == "birth_date" and (s < first or _EVENT_NEAR.match(text, e)):
                continue  # a birth date is restated after it is given; a date before it or an event's is its own
            if key == k or flat == kflat and len(flat) >= 6 or len(flat) >= 7 and len(kflat) >= 8 and _one_off(flat, kflat):
                out.append((typ, s, e))
                break
    return out


# ---- an address field's value, whatever its spacing, script or line breaks ---------------------------------
_ADDR_LABEL = re.compile(r"(?<![가-힣])(?:(?:이전|새|현|집|자택|기숙사|회사|실거주|본적)[ \t]?)?(?:주[ \t]{0,4}소|住[ \t]?所|本籍|거주지|동[ \t]?호수|"
                         r"(?:피해|대상)[ \t]?(?:주택|농지|토지)|설치[ \t]?장소)"
                         r"(?:지|는|은|가|이)?[ \t]*[:：ㅣ|]?[ \t]*|(?<![A-Za-z])[Aa]ddress(?:[ \t]in[ \t]Korea)?[ \t]*:?[ \t]*")
_INSTITUTION_BEFORE = re.compile(r"(?:병원|학교|기관|센터|[가-힣]청|사무소|공단|공사|홈페이지|누리집|업체|회사의)[ \t]*\Z")
# Where an address value ends: the next field's label, a sentence's ending, a table bar, a phone or a mail.
_ADDR_STOP = re.compile(r",(?![ \t]*(?:[\d(]|[가-힣]{1,12}[ \t]?\d+(?:동|호|층)|[가-힣]{1,10}(?:아파트|빌라|타운|하이츠|마을|단지|캐슬|빌|오피스텔|맨션)|반지하|지하|옥탑|[A-Z]))|"
                        r"[ \t]*\((?![^()\n]*(?:동|리|가|층|호)[ \t,)])|"
                        r"[ \t]+/[ \t]|[ \t]*(?:새[ \t]?주소|우편번호|전[ \t]*화|연락|이메일|메일|[Ee]-?mail|휴대|핸드폰|성[ \t]*명|주민|신청|대리인|생년|생일|폰[ \t])|"
                        r"(?:입니|이에요|예요|이고|이요|으로|로[ \t]되어|에[ \t]?사는|에서|인데|[.?!](?=[ \t\n]|$))|"
                        r"(?:[ \t]ㅣ|ㅣ(?=[ \t\n]|$)|[ \t]*\||[ \t]*\(\d|[ \t]*(?<![\dA-Za-z])01[016789][ .-]|[ \t]*[\w.]+@[\w-]+\.)|[ \t]{3,}|\t")
# A number glued to a word that is no unit of an address ("… 14신청내용"): the value ended at the number.
_GLUED_WORD = re.compile(r"(?<=[\dOolI])(?!(?:번길|가길|번지|단지|블록|세대|동|호|층|길|로|가|차|리|통|반|면|읍)(?:[^가-힣]|$|입니|이[요에고]|예요|에|으로|로|까지))[가-힣]{2}")
_ADDR_SHAPE = re.compile(r"[가-힣](?:시|군|구|동|읍|면|리|로|길|가)(?=[ \t\d,(]|$)|\d[ \t]?(?:동|호|층|번지)|[道郡面洞里]|番地|-(?:ro|gu|dong|gil)\b|"
                         r"\b(?:Road|Street|St\.|Ave|Avenue|Tower|Dorm|Room|Apt)\b")
_UNIT_WORDS = r"(?:동|리|호|층|번지|길|로)"
_FILLER = re.compile(r"(?:was|is|now[ \t]is|그대로|현재|지금|아직)[ \t]+")
_ADDR_END = re.compile(r"[\dOolI](?:[ \t]?(?:호|층|동|번지|차|단지)|[FB](?![A-Za-z]))?(?=[^\d가-힣]|$|[가이은는로에를을도만인와과])|(?:반지하|지하|옥탑|지층)(?![가-힣])|\([^()\n]{1,20}\)|"
                       r"[道郡面洞里](?![가-힣])|番地|[A-Za-z]{2,}")
_ADDR_START = re.compile(rf"(?:{PROVINCES}|{CITY})|[가-힣]{{1,8}}(?:시|도|군|구|동|읍|면|리|로|길)(?=[ \t\d])|[A-Z\d(]|[^\x00-\uffff]|"
                         r"[\u4e00-\u9fff]{1,6}[道府縣市郡区區]")
_REGION = re.compile(rf"(?:{PROVINCES}|{CITY})")


def labelled_addresses(text: str) -> list[tuple[str, int, int]]:
    """The value of an address field (``주  소 : …``, ``이전주소 …``, ``피해 주택: …``, ``address in Korea: …``):
    from the label to the field's end, over a line broken inside a word or an indented continuation line, when it
    has an address's shape (a unit word or a road) and a number."""
    out: list[tuple[str, int, int]] = []
    for m in _ADDR_LABEL.finditer(text):
        start = m.end()
        if start >= len(text) or text[start] in "\n?" or _INSTITUTION_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        if not re.search(r"[ \t:：ㅣ|는은지가이]\Z", m.group()) and not _REGION.match(text, start):
            continue  # a word glued to the label ("주소변경") unless the address itself starts there ("주소제주특별자치도")
        pos, end, depth = start, start, 0
        while pos < len(text) and pos - start < 90:
            if text[pos] == "\n":
                nxt = text[pos + 1:pos + 24]
                broken = (pos > start and re.match(r"[가-힣\dOolI]", text[pos - 1]) and not re.search(r"(?:호|층|번지|\))\Z", text[start:pos])
                          and re.match(rf"(?:{_UNIT_WORDS}[ \t,]|[가-힣]{{0,3}}로[ \t]?\d|\d+(?:[,-]|[ \t]?(?:동|호|층|번지)))", nxt))
                indent = re.match(r"[ \t]{4,}(?=\S)", nxt)
                if not (indent or broken):
                    break
                pos += 1 + (indent.end() if indent else 0)
                continue
            depth += (text[pos] == "(") - (text[pos] == ")")
            if depth < 0 or pos > start and (_ADDR_STOP.match(text, pos) or _GLUED_WORD.match(text, pos)):
                break  # a bracket the value did not open closes the field ("주소(… 1401호) (등록 …"), or a stop
            pos += 1
            if not text[pos - 1].isspace():
                end = pos
        last = None
        for last in _ADDR_END.finditer(text, start, end):
            pass
        end = last.end() if last else start  # the value ends where an address can end: a number, a unit, a bracket
        filler = _FILLER.match(text, start, end)  # "주소는 그대로 …", "address was …"
        start = filler.end() if filler else start
        value = text[start:end]
        if not _ADDR_START.match(value):
            continue  # prose after the label ("주소지 관할 …", "주소지가 안산시인 경우")
        if len(value) >= 6 and re.search(r"\d|[一二三四五六七八九十百]", value) and _ADDR_SHAPE.search(value):
            out.append(("address", start, end))
    return out

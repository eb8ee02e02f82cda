"""Identifiers that a text's layout names rather than a label right before them (masker round 3).

- **asked fields**: a question line asks for a field ("연락처 말씀해 주시겠어요?", "생년월일은요?", "주소지는요?")
  and the next line answers it, whatever shape the answer takes ("공일공에 칠칠팔삼의 공이구일이요",
  "칠공년 구월 십이일이요", "마산회원구 양덕동 35-1번지, … 1207호");
- **table columns**: a header cell says 생년월일/주소/연락처 and the cells below hold the values;
- **a name then a date**: "첫째 나윤슬 2019. 11. 08, 둘째 …", "농업인 금동춘 530817 경북 …": a full date right
  after a found name, closed by a comma, a bracket, a line end or the person's next datum, is a birth date;
- **address extent**: the unit after a found address ("…로 165, ○○ 센트럴파크 2차 203동 3104호"), a unit on
  the next line, a postcode on the line before, "340번지의 2".
"""
from __future__ import annotations

import re
from datetime import date

from ingest.pii_checks import birth_date_ok
from ingest.pii_general import HANGUL_DATE, YEAR_BORN
from ingest.pii_layout import lines as _lines
from ingest.pii_names import dictionary_word, latin_name_ok
from ingest.pii_patterns import BD_COMPACT, BD_DATE, PROVINCES, PROTECTED

# ---- asked fields ---------------------------------------------------------------------------------
_ASK = re.compile(r"\?|말씀|알려|불러|어떻게|뭐(?:예요|에요|죠)|무엇|(?:은|는|이|가)요[ \t.]*$")
_TAG = re.compile(r"\[[^\[\]\n]{1,12}\]")  # a mask tag ("[전화번호]") names no field
_FIELD = re.compile(r"(?P<phone>연락처|전화[ \t]?번호|핸드폰|휴대폰|휴대[ \t]?전화|(?<![가-힣])번호(?:는|가|를)?(?:[ \t]|요|$))|"
                    r"(?P<birth_date>생년월일|생일|출생|태어나신)|(?P<address>주소|사시는[ \t]?곳|거주지)|"
                    r"(?P<rrn>주민(?:등록)?[ \t]?번호|주민[ \t]?앞자리)")
_RRN_ANSWER = re.compile(r"(?<!\d)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:[ \t]*[-.]?[ \t]*[0-9][\d*]{6})?(?![\d*])")
_SPEAKER = re.compile(r"[ \t]*(?:[-•>]+[ \t]*)?(?:[^\s:：]{1,10}[ \t]*[:：]|[A-Z가-힣][^\s:：]{0,8}[ \t]*\)|Q\.?|A\.?)?[ \t]*")
_HD = "[0-9공영일이삼사오육륙칠팔구Oo]"
_SPOKEN_NUMBER = re.compile(rf"{_HD}(?:(?:[ \t]*[-.·,)/][ \t]*|[ \t]*(?:에|의|다시|하고|에다)[ \t]*|[ \t]?){_HD}){{8,14}}")
_BIRTH_ANSWER = re.compile(rf"(?:{YEAR_BORN}|{HANGUL_DATE}|{BD_DATE}|{BD_COMPACT}|[{_HD[1:-1]}]{{1,4}}[ \t]?년[ \t]*"
                           rf"[일이삼사오육칠팔구십정동섣]{{1,3}}[ \t]?월[ \t]*[일이삼사오육칠팔구십]{{1,3}}[ \t]?일)")
_ADDRESS_WORD = re.compile(r"[가-힣](?:시|군|구|동|리|로|길|읍|면|가)(?=[ \t\d,]|$)|번지|\d[ \t]?호|\d[ \t]?층")
_ADDRESS_SHAPE = re.compile(r"[가-힣0-9·]{1,12}(?:로|길|동|리|가)[ \t]?(?:산[ \t]?)?\d{1,5}(?:-\d{1,5})?(?!\d)|\d{1,4}[ \t]?동[ \t]?\d{1,5}[ \t]?호")
_COPULA_I = re.compile(r"이(?=[ \t]*(?:요|에요|고요|구요|고|며|입니다)?[ \t]*[.!?]?[ \t]*$)|이(?=요|에요|고요|구요)")
_HANGUL_DIGIT = str.maketrans("공영일이삼사오육륙칠팔구", "001234566789")
# A Sino-Korean number read out as a word of its own ("팔십칠", "사가" = 4가), for the address shape only.
_SPOKEN_NUMERAL = re.compile(r"(?<![가-힣])[일이삼사오육칠팔구십백천공영]{1,6}(?=가(?![가-힣])|번지|호|층|동(?![가-힣])|[ \t,]|$)")
_ANSWER_END = re.compile(r"[ \t]*(?:이요|요|입니다|이에요|예요|이고요|이구요|인데요|거든요)?[ \t]*[.!?]?[ \t]*$|[.!?](?=[ \t])")


def _answer(kind: str, text: str, start: int, end: int) -> tuple[int, int] | None:
    """The value of ``kind`` in the answer text[start:end] (after the speaker's label)."""
    seg = text[start:end]
    if kind == "phone":
        best = max(_SPOKEN_NUMBER.finditer(seg), key=lambda m: len(m.group()), default=None)
        if best is None or best.start() > 12 or re.match(r"(?:19|20)\d{2}(?!\d)", best.group()):
            return None  # the answer starts with the number; a year starts a case or order number
        value = best.group()
        if len(re.findall(_HD, value)) > 11 and value.endswith("이"):
            value = value[:-1].rstrip(" \t")  # "… 공이구일이요": the copula, not a digit
        return start + best.start(), start + best.start() + len(value)
    if kind == "rrn":
        # "삼구공사일오(이요)": read out, one syllable a digit; the copula's 이 is no digit (same length kept)
        m = _RRN_ANSWER.search(seg) or _RRN_ANSWER.search(_COPULA_I.sub("_", seg).translate(_HANGUL_DIGIT))
        return (start + m.start(), start + m.end()) if m and m.start() <= 12 else None
    if kind == "birth_date":
        m = _BIRTH_ANSWER.search(seg)
        if m is None or (re.search(r"\d", m.group()) and not ("년" in m.group() and "생" in m.group()) and not birth_date_ok(m.group())):
            return None
        return start + m.start(), start + m.end()
    cut = _ANSWER_END.search(seg)
    value = seg[:cut.start()] if cut else seg
    value = value.rstrip(" \t,.")
    shape = _SPOKEN_NUMERAL.sub("1", value)  # "원효로 사가 팔십칠": numbers read out in Hangul count as numbers
    if not 6 <= len(value) <= 80 or not re.search(r"\d", shape) or len(_ADDRESS_WORD.findall(shape)) < 2 or not _ADDRESS_SHAPE.search(shape):
        return None  # an address answers in a line of its own: a road or lot and its number
    return start, start + len(value)


_GROUP = re.compile(r"(?<![\d-])\d{2,4}(?![\d-])")


def _dictated(lines: list[tuple[int, str]], first: int, speaker: str) -> list[tuple[str, int, int]]:
    """A phone number dictated over the answerer's next lines ("010이요." … "4471에 2290이요."), other turns between."""
    groups: list[tuple[int, int]] = []
    for offset, line in lines[first:first + 5]:
        lead = _SPEAKER.match(line)
        if speaker and lead and lead.group().strip() and lead.group().strip() != speaker:
            continue  # the asker's "네", "다음은요?"
        body = line[lead.end() if lead else 0:]
        found = list(_GROUP.finditer(body))
        if not found or len(body) > 40:
            break
        groups += [(offset + (lead.end() if lead else 0) + m.start(), offset + (lead.end() if lead else 0) + m.end()) for m in found]
        if sum(e - s for s, e in groups) >= 10:
            break
    if not 9 <= sum(e - s for s, e in groups) <= 12 or not re.match(r"0\d", _text_of(lines, groups[0])):
        return []  # a phone starts with 0 ("2024 … 1234" is a receipt number read out)
    return [("phone", s, e) for s, e in groups]


def _text_of(lines: list[tuple[int, str]], span: tuple[int, int]) -> str:
    for offset, line in lines:
        if offset <= span[0] < offset + len(line) + 1:
            return line[span[0] - offset:span[1] - offset]
    return ""


def asked_fields(text: str) -> list[tuple[str, int, int]]:
    """(type, start, end) of answers to a question that asks for a phone, a birth date or an address."""
    out = []
    lines = [(o, ln) for o, ln in _lines(text)]
    for i, (offset, line) in enumerate(lines[:-1]):
        if len(line) > 120 or not _ASK.search(line):
            continue  # a question is a short line
        kinds = [m.lastgroup for m in _FIELD.finditer(_TAG.sub(lambda t: " " * len(t.group()), line))]
        if not kinds:
            continue
        nxt_off, nxt = lines[i + 1]
        lead = _SPEAKER.match(nxt)
        start = nxt_off + (lead.end() if lead else 0)
        for kind in dict.fromkeys(kinds):
            found = _answer(kind, text, start, nxt_off + len(nxt))
            if found:
                out.append((kind, *found))
            elif kind == "phone":
                out += _dictated(lines, i + 1, lead.group().strip() if lead else "")
    return out


# ---- a name then a date ---------------------------------------------------------------------------
_DATE_AFTER_NAME = re.compile(rf"(?:[ \t]?(?:씨|님|양|군))?(?:(?:입니다|이에요|예요)?[ \t]*\([ \t]*|[ \t]*[/|][ \t]*|[ \t]+)(?P<d>['’]?(?:{BD_DATE}|{BD_COMPACT}))(?:[ \t]*\.)?(?:[ \t]*생)?"
                              rf"(?=[ \t]*(?:[,/)|;]|\n|$|(?:입니다|이에요|예요|이고|이며|생)|[ \t]+(?:{PROVINCES})[ \t]|[ \t]+01[016789])|(?<=\.)[ \t]+(?=[가-힣A-Z]))")
# "아이 …", "딸 …", "신생아 …": the person named is a young child, so a recent date after the name is a birth date.
CHILD_WORDS = r"(?:아이|아기|애기|자녀|아들|딸|막내|손자|손녀|신생아|영아|유아|첫째|둘째|셋째)"
_CHILD_BEFORE = re.compile(rf"(?<![가-힣]){CHILD_WORDS}[ \t]*(?:[:：][ \t]*)?\Z")
# Words after a date that make it another event's (a visit, a filing, a death, a deadline) rather than a birth.
EVENT_WORDS = (r"[0-9]{1,2}[ \t]*[:시]|방문|접수|신청|사망|별세|작고|안치|이후|이전|기준|현재|당시|전입|전출|입국|출국|계약|입주|퇴사|"
               r"입사|발생|부터|까지|~")
_EVENT_AFTER = re.compile(rf"[ \t]*(?:\.|,)?[ \t]*(?:{EVENT_WORDS}|에)")


def name_dates(text: str, names: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    out = []
    for start, end in names:
        m = _DATE_AFTER_NAME.match(text, end)
        if m is None or _EVENT_AFTER.match(text, m.end("d")) or not birth_date_ok(m.group("d").lstrip("'’")):
            continue
        year = re.match(r"\D*(\d{2,4})", m.group("d")).group(1)
        if len(year) == 4 and int(year) >= date.today().year - 3 and not _CHILD_BEFORE.search(text, max(0, start - 8), start):
            continue  # "표성훈 2024.11.20 010-… 방문": a recent date after a name is a record's, not a child's
        out.append(("birth_date", m.start("d"), m.end()))
    return out


# ---- address extent -------------------------------------------------------------------------------
_LOT_TAIL = re.compile(r"(?<=번지)의[ \t]?\d{1,4}(?![\d-])|(?<=\d)[ \t]?번지(?:의[ \t]?\d{1,4})?(?![\d-])")
# A building's part ("2공장 사무동", "본관") and a room (호실) are units too; a side or a room of the floor may close
# them ("2층 좌측", "지하 3층 주차장").
_BUILDING_PART = r"(?:사무|관리|생산|기숙사|연구|교육|공장|창고|행정|본|별|신|구)동|본관|별관|신관|구관"
_UNIT_SIDE = r"(?:[ \t]+(?:좌측|우측|왼쪽|오른쪽|안쪽|맨[ \t]?끝|주차장|사무실|창고|옥탑|안채|별채)(?=[에은는을를의도]?(?![가-힣])))?"
_UNIT_TOKEN = (r"(?:(?:\d{1,4}|[A-Za-z]|[가나다라마바사아자차카타파하])[ \t]?동|(?:지하[ \t]?|B)?\d{1,3}[ \t]?층|(?:[A-Z][ \t]?-[ \t]?)?[B]?\d{1,5}[ \t]?호(?:실)?|"
               r"\d{1,2}[ \t]?단지|" + _BUILDING_PART + r")" + _UNIT_SIDE)
# "107-902": 동-호 without the words, right after the address or a complex's name, never a phone's start.
_DASH_UNIT = r"(?!(?:19|20)\d{2}[ \t]?-)[1-9]\d{0,3}[ \t]?-[ \t]?[1-9]\d{2,3}(?![\d-])(?:[ \t]?호)?"
_COMPLEX = r"(?:[가-힣A-Za-z0-9]{0,12}(?:아파트|빌라|맨션|타운|파크|캐슬|자이|더샵|푸르지오|래미안|주공|단지|차|마을|빌|하이츠|오피스텔)[ \t]+)"
# ", 포스코더샵 센트럴파크 2차 203동 3104호": words (a complex's name) then units, on the same line.
# A word of a complex's name between an address and its unit: no particle at its end, no "근처"-like place word.
_WORD = (r"(?!(?:근처|옆|앞|뒤|건너|맞은|부근|인근|쪽|및|또는|그리고|에서)(?![가-힣]))[가-힣A-Za-z0-9·]{1,14}"
         r"(?<![은는이가를에서고요며])(?<![^마]을)[ \t]+")
_UNIT_TAIL = re.compile(rf"[ \t]*,?[ \t]*(?:(?:{_WORD}){{0,4}}(?:{_UNIT_TOKEN})(?:[ \t]*(?:{_UNIT_TOKEN}))*|(?:{_WORD}){{0,2}}{_COMPLEX}{_DASH_UNIT}|"
                        rf"{_DASH_UNIT})(?!\d)")
_UNIT_LINE = re.compile(rf"[ \t]*,?[ \t]*\n[ \t]*(?:{_WORD}){{0,3}}(?:{_UNIT_TOKEN})(?:[ \t]*(?:{_UNIT_TOKEN}))*[ \t]*(?=\n|$)")
_ROOM_END = re.compile(rf"(?<=\d호)실(?![가-힣])|(?<=[층호동관])(?<!\d동){_UNIT_SIDE[:-1]}")
_POSTCODE_LINE = re.compile(r"(?<![^\n])[ \t]*(?:\(?우\)?[ \t]*|우편번호[ \t:：]*)?\[?\(?[0-6]\d{4}\)?\]?[ \t]*\n[ \t]*\Z")  # a line of its own


# A postcode on the same line before: "(우) 156-831 서울 …" (the old six digits), "[07250] 서울 …", "06236 서울 …".
_POSTCODE_BEFORE = re.compile(r"(?:(?:\(우\)|(?<![가-힣])우\)|우편번호[ \t:：]*)[ \t]*\(?(?:\d{5}|\d{3}-\d{3})\)?|[\[(]\d{5}[\])]|(?<![^\n])[ \t]*\d{5})"
                              r"[ \t,]*\Z")
# English order puts the unit first: "Apt 1203, 101-dong, 45 Jeongja-ro, …".
_EN_UNIT_BEFORE = re.compile(r"(?:(?:Apt|APT|Apartment|Unit|Room|Rm|Flat|Suite|Ste|No|#)\.?[ \t]*[A-Z]?\d{1,5}[A-Za-z]?[ \t]*,?[ \t]*)?"
                             r"(?:\d{1,4}-?[ \t]?(?:dong|Dong)[ \t]*,?[ \t]*)?(?:\d{1,5}-?[ \t]?(?:ho|Ho)[ \t]*,?[ \t]*)?\Z")


def address_more(text: str, start: int, end: int) -> tuple[int, int]:
    """Where a found address really starts and ends: its lot sub-number, unit and complex, a unit line after,
    a postcode line before."""
    if (m := _LOT_TAIL.match(text, end)) is not None:
        end = m.end()
    m = _UNIT_TAIL.match(text, end)
    if m is not None and not PROTECTED.search(m.group()):
        end = m.end()
    if (m := _UNIT_LINE.match(text, end)) is not None:
        end = m.end()
    if (m := _ROOM_END.match(text, end)) is not None:  # a rule's own unit, then "실" or the floor's side
        end = m.end()
    if (m := _POSTCODE_LINE.search(text, max(0, start - 16), start)) is not None:
        start = m.start()
    if (m := _POSTCODE_BEFORE.search(text, max(0, start - 20), start)) is not None:
        start = m.start()
    if (m := _EN_UNIT_BEFORE.search(text, max(0, start - 40), start)) is not None and m.group().strip():
        start = m.start()
    return start, end


# ---- a name and its other spelling ----------------------------------------------------------------
_LATIN = r"[A-Z][A-Za-z'-]+(?:[ \t]+[A-Z][A-Za-z'-]+){1,3}"
_HANGUL_WORDS = r"[가-힣]{1,8}(?:[ \t][가-힣]{1,8}){0,3}"
# "AGUS SETIAWAN(아구스 세티아완)", "刘晓梅(류샤오메이)", "아구스 세티아완(AGUS SETIAWAN)": a transliteration keeps the words.
_PAIR = re.compile(rf"(?P<a>{_LATIN}|[\u4e00-\u9fff]{{2,4}}|{_HANGUL_WORDS})[ \t]*\([ \t]*(?P<label>(?:(?:한국|한글|영문|중국)[ \t]?(?:명|이름)|본명)"
                   rf"[ \t:：]*)?(?P<b>{_HANGUL_WORDS}|{_LATIN})[ \t]*\)")
# "윤대니얼(한국명 윤다니엘)": a name and its labelled other name.
_ALIAS = re.compile(r"(?<![가-힣])(?P<a>[가-힣]{2,5})[ \t]*\([ \t]*(?:한국[ \t]?(?:명|이름)|본명|한글[ \t]?(?:명|이름)|영문[ \t]?(?:명|이름)|중국[ \t]?(?:명|이름)|"
                    r"개명[ \t]?전|옛[ \t]?이름|예전[ \t]?이름)[ \t:：]*(?P<b>[가-힣]{2,8}(?:[ \t][가-힣]{1,8}){0,2}|" + _LATIN + r")[ \t]*\)")


_PLACE_OR_TITLE_END = re.compile(r"(?:왕|구|시|군|도|동|읍|면|리|청|원|부|처|사|교|당|관|궁|산|강|성|국|법|회)\Z")


def _latin(v: str) -> bool:
    return re.fullmatch(_LATIN, v) is not None


def _hangul_name_words(v: str, allowed: int = 0) -> bool:
    """A transliterated name: words of two syllables or more, at most ``allowed`` of them a dictionary word
    ("류샤오메이", "아구스 세티아완", "부디 산토소": 부디 is also an adverb)."""
    words = v.split()
    return all(len(w) >= 2 for w in words) and sum(bool(dictionary_word(w)) for w in words) <= allowed


def name_pairs(text: str) -> list[tuple[str, int, int]]:
    """(name, start, end) of a name written twice, in two scripts or with its other name labelled."""
    out = []
    for m in _PAIR.finditer(text):
        a, b = m.group("a"), m.group("b")
        hangul_a, hangul_b = re.match(r"[가-힣]", a) is not None, re.match(r"[가-힣]", b) is not None
        if hangul_a == hangul_b:
            continue  # one side Latin or Chinese, the other Hangul
        latin, hangul = (b, a) if hangul_a else (a, b)
        if _latin(latin) and (not latin_name_ok(latin) or len(latin.split()) != len(hangul.split()) and not m.group("label")):
            continue  # "Korea Gas Safety Corporation(한국가스안전공사)": an organisation, not one word for one word
        if not _hangul_name_words(hangul, len(hangul.split()) - 1 if _latin(latin) else 0) or (
                not _latin(latin) and _PLACE_OR_TITLE_END.search(hangul)):
            continue  # "世宗大王(세종대왕)", "江南區(강남구)": a title or a place in Chinese characters
        out += [("name", m.start("a"), m.end("a")), ("name", m.start("b"), m.end("b"))]
    for m in _ALIAS.finditer(text):
        if not dictionary_word(m.group("a")):
            out += [("name", m.start("a"), m.end("a")), ("name", m.start("b"), m.end("b"))]
    return out

"""Speakers of a pasted chat or transcript (masker round 6).

A group chat or a call transcript opens its lines with the speaker: "Hoa 언니: …", "레티투: …", "서진: …". Once a
text is a conversation — some speaker opens two or more lines — every speaker label that is no word, no role
and no form field is a person's name, in whatever script; a Latin one is masked wherever else it stands alone
("Mai 는 못 온대요"). A label that is the given name of a name found elsewhere ("권서진이 …" → "서진:") is one too,
conversation or not.
"""
from __future__ import annotations

import re
from collections import Counter

from ingest.pii_names import _tokenize, dictionary_word

# A line opening with a speaker (after a chat app's time stamp): one to three words (Hangul or Latin, diacritics
# allowed), an optional kin word or honorific as friends address each other, then a colon.
_LATIN_WORD = r"[A-Z][A-Za-z\u00C0-\u024F\u1E00-\u1EFF'’-]*"
# A chat app's export puts the time first: "[오후 2:14] 준호: …", "(14:02) Mai: …", "2026. 3. 2. 오후 2:14, 준호 : …".
_STAMP = (r"(?:\[[^\]\n]{1,24}\][ \t]*|\([^)\n]{1,24}\)[ \t]*|(?:(?:19|20)\d{2}[.\-/][ \t]?\d{1,2}[.\-/][ \t]?\d{1,2}\.?[ \t]*)?"
          r"(?:(?:오전|오후|AM|PM)[ \t]?)?\d{1,2}:\d{2}(?::\d{2})?[ \t]*(?:(?:AM|PM)[ \t]*)?[,\-–]?[ \t]*)?")
_SPEAKER = re.compile(rf"^[ \t]*{_STAMP}(?P<v>[가-힣]{{2,5}}|{_LATIN_WORD}(?:[ \t]{_LATIN_WORD}){{0,2}})"
                      r"(?:[ \t]?(?:언니|누나|오빠|형|님|씨|쌤|선생님|엄마|맘))?[ \t]*[:：]", re.MULTILINE)
# Labels that are roles, forms or the writer, not names.
_NOT_NAME = frozenset("""나 저 너 센터 상담원 상담사 민원인 신고인 직원 기사 엄마 아빠 남편 아내 고객 손님 담당 담당자 답변 질문
회신 요지 위치 내용 제목 일시 장소 연락처 전화 주소 이름 성명 메모 참고 비고 결과 조치 사유 요청 문의 안내 공지 관리자 운영자
본인 보호자 기관 팀장 과장 주무관 상담 녹취 통역 통역사 대원 구급대원 경찰 소방 학생 선생님 쌤 친구 동생 언니 오빠 누나 형""".split())
_NOT_LATIN = frozenset("""Q A From To Cc Bcc Subject Re Fw Fwd Date Sent Tel Phone Mobile Cell Email E-mail Fax Name Address
Note Notes Memo Answer Question Reply Message Attachment Ref Dear Hi Hello Thanks Best Regards PS Tip Warning Info Update Time
Me You Admin Bot System AI Staff Manager Center Office Customer Agent User Guest""".split())


def _hangul_ok(value: str) -> bool:
    if value in _NOT_NAME or dictionary_word(value, True):
        return False
    # a known proper noun is what a speaker's label is ("준호:", Kiwi's NNP); a known common noun or verb is not
    return not any(t.tag.startswith(("NN", "V")) and t.tag != "NNP" and not t.oov and t.len >= 2 for t in _tokenize(value))


def _latin_ok(value: str) -> bool:
    words = value.split()
    return not any(w in _NOT_LATIN or w.upper() == w and len(w) > 1 and not value.isupper() for w in words)


def chat_speakers(text: str, found: list[str]) -> list[tuple[int, int]]:
    """Spans of speakers' names at line starts, and of a Latin speaker's name elsewhere in the text."""
    labels = [m for m in _SPEAKER.finditer(text)]
    if not labels:
        return []
    counts = Counter(m.group("v") for m in labels)
    conversation = len(labels) >= 3 and max(counts.values()) >= 2
    given = {f[1:] for f in found if len(f) == 3 and re.fullmatch(r"[가-힣]+", f)}
    out: list[tuple[int, int]] = []
    latin: set[str] = set()
    for m in labels:
        value = m.group("v")
        hangul = "가" <= value[0] <= "힣"
        if value in given or conversation and (_hangul_ok(value) if hangul else _latin_ok(value)):
            out.append(m.span("v"))
            if not hangul:
                latin.add(value)
    for value in latin:  # "Mai 는 못 온대요": the same speaker named in another's line
        for m in re.finditer(rf"(?<![A-Za-z\u00C0-\u024F\u1E00-\u1EFF]){re.escape(value)}(?![A-Za-z\u00C0-\u024F\u1E00-\u1EFF])", text):
            if m.span() not in out:
                out.append(m.span())
    return out

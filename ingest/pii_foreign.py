"""Foreign residents' names written in Hangul: "응우옌 반 안", "알리셰르 카리모프", "마리아 산토스".

A transliterated name comes as two to four short words that Kiwi does not know, so the bare-name model
(a Korean surname, then given-name syllables) never sees it. Such a run is a name only between a cue
that introduces a person (저는 …, 이름, a nationality, 직원, 남편 …) and an end that closes one
(입니다, 씨, a bracket, 외국인등록…), and only if no word in it is a common word, a title or an ending.
"""
from __future__ import annotations

import re

from ingest.pii_names import STOPWORDS, _TITLE_WORD, _tokenize, dictionary_word

_NATIONS = ("베트남|필리핀|중국|우즈베키스탄|캄보디아|네팔|태국|인도네시아|몽골|스리랑카|미얀마|방글라데시|파키스탄|"
            "카자흐스탄|키르기스스탄|러시아|동티모르|라오스|인도|미국|일본|대만|멕시코|브라질|페루|나이지리아|이집트|"
            "프랑스|독일|영국|캐나다|호주|스페인|이탈리아|터키|튀르키예|이란")
_CUE = re.compile(rf"(?:(?<![가-힣])(?:저는|저|전|제[ \t]?이름은|이름은?|이름이|성명은?|본명은?|직원|근로자|노동자|남편|아내|"
                  rf"배우자|며느리|사위|동료|중인)|(?<![가-힣])(?:{_NATIONS})(?:[ \t]?(?:사람|출신|국적|인))?)[ \t]*[:：]?[ \t]+")
_RUN = re.compile(r"[가-힣]{1,6}(?:[ \t][가-힣]{1,6}){1,3}?(?=[ \t]?(?:입니다|이에요|예요|이고|이며|이라고|라고|이라는|라는|"
                  r"씨|님)|[ \t]*(?:[(（,.]|외국인|\n|$))")


def _word_ok(word: str) -> bool:
    if word in STOPWORDS or _TITLE_WORD.fullmatch(word):
        return False
    if len(word) >= 2 and dictionary_word(word):
        return False
    return not any(t.tag.startswith(("V", "E", "J", "XS", "IC")) for t in _tokenize(word))


def foreign_names(text: str, free) -> list[tuple[int, int]]:
    """Spans of Hangul-written foreign names after a person cue; ``free(start, end)``: not taken yet."""
    out = []
    for cue in _CUE.finditer(text):
        m = _RUN.match(text, cue.end())
        if m is None:
            continue
        words = m.group().split()
        if all(_word_ok(w) for w in words) and free(m.start(), m.end()):
            out.append(m.span())
    return out

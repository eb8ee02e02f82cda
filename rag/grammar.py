"""The grammar of Korean legal references, as regex building blocks shared by every reader of them.

The parsers (ingest/structure.py: article heads and cross references), the question reader
(rag/references.py), the delegation links (rag/delegation.py), the answer checker (rag/verify.py) and
the reader of past cases' answers (ingest/case_refs.py) compose their patterns from these pieces, so
"what a 제N조 looks like" is written once. Pieces are pattern *sources* (strings); group numbers are
noted where a piece captures.

    제33조, 제33조의2             ARTICLE (groups: number, 의-number)
    제33조의2 in unit labels      ARTICLE_LABEL (groups: number, 의-number)
    제 3 조 anywhere              ARTICLE_MENTION (no group)
    제2항 / 2항, 제3호, 제3호의2  PARAGRAPH, PARAGRAPH_LOOSE, ITEM
    별표 20, 별표 2의3            ANNEX (groups: number, 의-number)
    「…」 ｢…｣ 『…』              TITLE_BRACKETED (group: the title)
    제3조부터 제5조까지, 및, ~    LIST_GAP (what may stand between the references of a list or range)
    ①②③ …                       CIRCLED (paragraph marks)

As answers exported from PDF boards write them (at most one stray space between parts):
    제10조, 제10-2조, 제 3 조 의 2   ARTICLE_WRITTEN (groups: number, hyphen number, 의-number)
    부터/내지/~ 제16조(의2)까지      ARTICLE_RANGE_END (groups: number, 의-number)
    별표 20, [별표 2의3]             ANNEX_WRITTEN (groups: number, 의-number)
    제2항, 3호 (inside a list)        CLAUSE_WRITTEN (no group)
    법 제…, 시행규칙 별표 …          REF_START (where a reference begins, no group)
"""
from __future__ import annotations

# paragraph marks ①…㉟ (항 1…35 in the official text)
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟"

NUM = r"(\d+)"
JE = r"제\s*"  # the 제 of 제N조 / 제K항, spacing tolerated
SUB = r"(?:의\s*(\d+))?"  # 의M right after 조 (article heads: "제33조의2")
SUB_SPACED = r"(?:\s*의\s*(\d+))?"  # 의M, spacing tolerated ("제33조 의 2" as written in questions)

# 33조의2, after a 제 matched by the caller (heads of articles: "제33조의2(정의)"): groups number, 의-number
ARTICLE_NO = NUM + "조" + SUB
# 제33조의2 inside running text: groups number, 의-number
ARTICLE_REF = JE + NUM + r"\s*조" + SUB
# 제 33 조 의 2, spacing anywhere (questions, answers): groups number, 의-number
ARTICLE = JE + NUM + r"\s*조" + SUB_SPACED
# 제33조의2 as unit labels and addenda heads write it (no spaces; "제33조제2항" starts with it):
# groups number, 의-number
ARTICLE_LABEL = r"제(\d+)조(?:의(\d+))?"
# any 제N조 mention, spacing tolerated ("제 3 조"), no 의M: no group
ARTICLE_MENTION = JE + r"\d+\s*조"
# 제5-2조 (hyphenated numbers of some rules and codes) and 제33조의2, not 제조·제정·제치·제례:
# groups number (possibly "5-2"), 의-number
ARTICLE_HYPHENATED = JE + r"(\d+(?:\s*-\s*\d+)*)" + r"\s*조(?![정치례])" + SUB_SPACED

PARAGRAPH = r"(?:\s*" + JE + NUM + r"\s*항)?"  # optional " 제2항": group number
PARAGRAPH_LOOSE = r"(?:\s*(?:" + JE + r")?\d+\s*항)?"  # optional " 제2항" / " 2항", no group
ITEM = r"(?:\s*(?:" + JE + r")?\d+\s*호(?:\s*의\s*\d+)?)?"  # optional " 제3호(의2)" / " 3호", no group

ANNEX = r"별\s*표\s*" + NUM + SUB_SPACED  # 별표 20, 별표 2의3: groups number, 의-number

TITLE_BRACKETED = r"[「｢『]([^「｢『」｣』]{1,150})[」｣』]"  # 「…」 and its variants: group the title

# As answers write them (ingest/case_refs.py), one stray space at most between parts ("제 3 조", "별 표 20").
_SP = r"\s?"
# 제10조, 제10-2조, 제3조의2; "제3조의 2항" is 제3조 with its 항, so 의M only when no digit, 항 or 호 follows:
# groups number, hyphen number, 의-number
ARTICLE_WRITTEN = ("제" + _SP + r"(\d{1,4})" + _SP + r"(?:-" + _SP + r"(\d{1,3})" + _SP + r")?조"
                   + r"(?:" + _SP + "의" + _SP + r"(\d{1,2})(?!\s?\d)(?!\s?[항호]))?")
# the far end of an article range after ARTICLE_WRITTEN: "부터 제16조까지", " 내지 130조", "~제16조의2":
# groups number, 의-number
ARTICLE_RANGE_END = (r"\s*(?:부터|내지|~|∼|-)\s*(?:제" + _SP + r")?(\d{1,4})" + _SP + "조"
                     + r"(?:" + _SP + "의" + _SP + r"(\d{1,2}))?(?:" + _SP + "까지)?")
# 별표 20, [별표 2의3] (its square brackets taken along): groups number, 의-number
ANNEX_WRITTEN = (r"(?:\[" + _SP + r")?별" + _SP + "표" + _SP + r"(\d{1,3})(?:" + _SP + "의" + _SP + r"(\d{1,2}))?"
                 + _SP + r"\]?")
# a 항 or 호 between references ("제2항", "3호"), dropped from the gap that joins a law to its article: no group
CLAUSE_WRITTEN = r"제?" + _SP + r"\d{1,3}" + _SP + r"(?:항|호)"
# a word that is a number or a 제N… ("제71조제2항", "44"): never the end of a law's title; no group
NUMBER_START = r"제?\d"
# where a reference begins (a bare 법 / 시행규칙 right before it is the last law's): no group
REF_START = r"(?:제" + _SP + r"\d|별" + _SP + "표)"

# between the references of a list or range: spaces, commas, 및/또는/와/과, 부터/내지/~, answer markers [1]
LIST_GAP = r"(?:[\s,ㆍ·및또는와과부터내지~]|\[[\d\s,\-–~]*\])*"

"""Measures the personal-data masker (``ingest.pii``) on synthetic complaint texts, with Microsoft Presidio beside it.

The texts (fixed seed) are Korean 민원 sentences with identifiers in many written forms (주민등록번호 with and
without hyphen, post-2020 numbers, 010 1234 5678, +82 10-…, 국민 123456-01-123456, 서울12가3456, road and
lot addresses, names after 민원인/성명/님 …) and distractors that must survive: dates, amounts, 제8조제2항,
별표 20, KGS FU432 2.3.3.4, 법률 제18818호, 검사지원처-2108호, 대표번호, and officials' work contacts (답변자,
담당 주무관 and office landline: kept by the default policy, so not gold).

Scores: a gold span counts as recalled when predicted spans (of any type) cover all its characters, since
what matters is that nothing leaks; a predicted span is correct when at least half of it lies in gold.

Presidio runs without a downloadable model: a blank spaCy Korean pipeline (rule-based tokenizer, lemma =
text so context words work) as its NLP engine, so it has no NER (no PERSON); (a) its built-in recognizers
(e-mail, phone with region KR, credit card, IP, KR RRN/FRN/passport/driver's licence/BRN) at its default
score threshold 0 (in this set every identifier has a context word, so a 0.4 threshold changes nothing);
(b) Dasan's own rules hosted as PatternRecognizers (same regexes and validators, without Dasan's
protected spans, overlap priorities, officials' policy or dash folding).

    python -m eval.pii_eval --n 400 --out eval/results/pii.json
"""
from __future__ import annotations

import argparse
import json
import random
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from ingest.pii import mask
from ingest.pii_patterns import TYPES, brn_valid, luhn_valid

from eval.pii_presidio import presidio_analyzers, presidio_predict
from eval.pii_report import real_summary, table

STRUCTURED = tuple(t for t in TYPES if t != "name")
SURNAMES = "김" * 21 + "이" * 15 + "박" * 8 + "최" * 5 + "정" * 4 + "강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진지엄채원"
GIVEN = "민서지현수준영은우진도하윤예주연성경정희호재혁훈석철동상태승원미혜아유빈채다소나율시건가리인용종기광순숙선명환규범한결솔린별찬"
BANKS = [("국민은행", "{6}-{2}-{6}"), ("KB국민은행", "{3}-{2}-{4}-{3}"), ("신한은행", "{3}-{3}-{6}"), ("우리은행", "{4}-{3}-{6}"),
         ("하나은행", "{3}-{6}-{5}"), ("농협", "{3}-{4}-{4}-{2}"), ("NH농협은행", "{6}-{2}-{6}"), ("기업은행", "{3}-{6}-{2}-{3}"),
         ("카카오뱅크", "{4}-{2}-{7}"), ("토스뱅크", "{4}-{4}-{4}"), ("우체국", "{6}-{2}-{6}"), ("새마을금고", "{4}-{2}-{7}")]
PLACES = [("서울특별시", "강남구", "테헤란로", "역삼동"), ("서울", "노원구", "동일로", "상계동"), ("경기도", "성남시 분당구", "정자일로", "정자동"),
          ("경기도", "양평군 양평읍", "양근로", "양근리"), ("부산광역시", "해운대구", "해운대로", "우동"),
          ("충청북도", "청주시 흥덕구", "오송생명로", "복대동"), ("대전광역시", "유성구", "대학로", "궁동"),
          ("세종특별자치시", "", "한누리대로", "어진동"), ("인천광역시", "연수구", "컨벤시아대로", "송도동")]
APTS = ["래미안아파트", "현대아파트", "푸르지오", "다산빌라", "한신오피스텔", "e편한세상아파트"]
OFFICES = ["043-750-1312", "043- 750- 1344", "031-8075-2345", "02-2133-1234", "044-200-5678", "(031)123-4567"]
DEPTS = ["LP가스기준부", "건축과", "민원여권과", "교통행정과", "기후환경과", "현장운영부"]


@dataclass
class Example:
    """One synthetic text and its gold spans (type, start, end)."""

    id: str
    text: str
    spans: list[tuple[str, int, int]] = field(default_factory=list)
    optional: list[tuple[int, int]] = field(default_factory=list)  # officials' contacts, 대표번호: policy decides
    keep: list[tuple[str, int, int]] = field(default_factory=list)  # (what, start, end): must not be masked
    unscored: list[tuple[int, int]] = field(default_factory=list)  # a set's debatable spans: neither way


class _Gen:
    """Identifier values in their many written forms, from one seeded random source."""

    def __init__(self, rng: random.Random):
        self.r = rng

    def d(self, n: int) -> str:
        return "".join(self.r.choice("0123456789") for _ in range(n))

    def name(self) -> str:
        return self.r.choice(SURNAMES) + self.r.choice(GIVEN) + ("" if self.r.random() < 0.07 else self.r.choice(GIVEN))

    def rrn(self, foreign: bool = False, labelled: bool = False) -> str:
        r = self.r
        recent = r.random() < 0.15  # issued since Oct 2020: random tail, check digit not guaranteed
        year = r.randint(1940, 2023) if foreign or not recent else r.randint(2020, 2023)
        g = r.choice(("56" if year < 2000 else "78") if foreign else ("12" if year < 2000 else "34"))
        head = f"{year % 100:02d}{r.randint(1, 12):02d}{r.randint(1, 28):02d}"
        if r.random() < 0.1:
            return f"{head}-{g}******"
        if recent:
            tail = self.d(6)
        else:
            body = head + g + self.d(5)
            total = sum(int(c) * w for c, w in zip(body, (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)))
            tail = body[7:] + str(((13 if foreign else 11) - total % 11) % 10)
        sep = r.choice(["-", "-", "-", " - ", "- ", "–"] + ([""] if labelled or not recent else []))
        return head + sep + g + tail

    def phone(self, kind: str = "mobile") -> str:
        a, b = self.d(4), self.d(4)
        if kind == "mobile":
            return self.r.choice([f"010-{a}-{b}", f"010{a}{b}", f"010 {a} {b}", f"010.{a}.{b}", f"+82 10-{a}-{b}",
                                  f"+82-10-{a}-{b}", f"010- {a}- {b}", f"(010){a}-{b}", f"011-{a[:3]}-{b}",
                                  f"010–{a}–{b}", f"010 - {a} - {b}"])
        area = self.r.choice(["02", "031", "032", "051", "043", "064", "070"])
        mid = a[:3] if area == "02" and self.r.random() < 0.5 else a
        return self.r.choice([f"{area}-{mid}-{b}", f"{area}) {mid}-{b}", f"({area}) {mid}-{b}", f"{area}.{mid}.{b}",
                              f"{area} {mid} {b}"])

    def email(self) -> str:
        user = "".join(self.r.choice("abcdefghijklmnoprstuvwy") for _ in range(self.r.randint(4, 9)))
        user += self.r.choice(["", "", str(self.r.randint(1, 99)), ".kim", "_lee"])
        return f"{user}@{self.r.choice(['naver.com', 'gmail.com', 'daum.net', 'hanmail.net', 'kakao.com', 'nate.com'])}"

    def account(self) -> tuple[str, str]:
        bank, shape = self.r.choice(BANKS)
        return bank, re.sub(r"\{(\d+)\}", lambda m: self.d(int(m.group(1))), shape)

    def card(self) -> str:
        amex = self.r.random() < 0.1
        body = ("37" if amex else self.r.choice("3456")) + self.d(12 if amex else 14)
        num = body + next(str(c) for c in range(10) if luhn_valid(body + str(c)))
        if amex:
            return f"{num[:4]}-{num[4:10]}-{num[10:]}"
        return self.r.choice(["-", "-", " ", ""]).join(num[i:i + 4] for i in range(0, 16, 4))

    def brn(self) -> str:
        body = self.d(9)
        num = body + next(str(c) for c in range(10) if brn_valid(body + str(c)))
        return f"{num[:3]}-{num[3:5]}-{num[5:]}"

    def passport(self) -> str:
        new = f"M{self.d(3)}{self.r.choice('ABCDEFGHJK')}{self.d(4)}"
        return self.r.choice([self.r.choice("MSROD") + self.d(8), new])

    def driver(self) -> str:
        region = self.r.choice(["11", "12", "13", "14", "19", "20", "23", "26", "28"])
        y, s, c = self.d(2), self.d(6), self.d(2)
        return self.r.choice([f"{region}-{y}-{s}-{c}", f"{region} {y} {s} {c}",
                              f"{self.r.choice(['서울', '경기', '부산', '충북'])} {y}-{s}-{c}"])

    def plate(self) -> str:
        h = self.r.choice("가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주하허호")
        n, n4 = self.d(self.r.choice([2, 3])), self.d(4)
        return self.r.choice([f"{n}{h}{n4}", f"{n}{h} {n4}", f"{n} {h} {n4}", f"서울{n[:2]}{h}{n4}",
                              f"경기 {n[:2]}{h}{n4}"])

    def address(self) -> str:
        r = self.r
        prov, city, road, dong = r.choice(PLACES)
        if r.random() < 0.3:
            return " ".join(x for x in (prov, city, dong) if x) + f" {r.randint(1, 999)}-{r.randint(1, 99)}" + r.choice(
                ["", "번지"])
        num = r.choice([str(r.randint(1, 450)), f"{r.randint(1, 99)}-{r.randint(1, 30)}"])
        head = " ".join(x for x in (prov if r.random() < 0.8 or not city else "", city) if x)
        unit = r.choice(["", "", f", {r.randint(101, 120)}동 {r.randint(1, 25)}0{r.randint(1, 4)}호", f" ({dong})",
                         f" {r.choice(APTS)} {r.randint(101, 120)}동 {r.randint(101, 1504)}호"])
        return f"{head} {road} {num}{unit}"

    def ip(self) -> str:
        r = self.r
        return r.choice([f"{r.randint(11, 223)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}",
                         f"192.168.{r.randint(0, 9)}.{r.randint(2, 254)}"])


# {slot}: gold of that type; {slot!}: not gold (officials' work contacts and 대표번호 are "optional": kept by the
# default policy, so masking them costs precision, but not in the policy-neutral precision).
PII_TEMPLATES = [
    "민원인 {name}({phone})입니다.", "성명: {name} / 연락처: {phone}", "신청인 {name}은 {address}에 거주하고 있습니다.",
    "저는 {name}입니다. 휴대폰 {phone}로 회신 부탁드립니다.", "{name}님께서 문의하신 내용입니다.", "{name} 씨가 어제 방문했습니다.",
    "{name} 귀하", "청구인 {name}의 주민등록번호는 {rrn}입니다.", "주민등록번호: {rrn_l}", "제 주민번호 {rrn} 확인 부탁드립니다.",
    "외국인등록번호 {arn_l}로 등록된 근로자입니다.", "배우자({arn})의 체류 자격 관련 문의입니다.", "여권번호 {passport}로 예약했습니다.",
    "운전면허번호는 {driver}입니다.", "면허번호: {driver}", "연락처 {phone}, 이메일 {email}", "{email}로 결과를 보내 주세요.",
    "집 전화 {landline}로 연락 주세요.", "사무실 {landline} 또는 {phone}", "환불은 {account}(예금주 {name})로 부탁드립니다.",
    "계좌번호: {account}", "카드번호 {card}로 결제했는데 이중 청구되었습니다.", "사업자등록번호 {brn}인 업체입니다.",
    "업체(사업자번호 {brn}) 대표 {name} 사장님과 통화했습니다.", "차량번호 {plate} 차량이 소화전 앞에 주차되어 있습니다.",
    "{plate} 차주에게 과태료가 부과되었습니다.", "주소: {address}", "현장 주소는 {address}입니다.", "{address}에 있는 가스시설입니다.",
    "접속 IP {ip}에서 로그인 기록이 있습니다.", "작성자 {name} ({email})", "담당자 {name} {phone}", "예금주 {name}",
    "이름 : {name}, 생년월일 {bdate}.", "{name}({phone}) 드림", "{name} 고객님의 요청으로 재발급했습니다.",
    "{name} 드림", "보낸 사람: {name}", "민원인 {name}, {address}",
    "카드 번호: {card}, 유효기간 12/27", "문의 메일: {email}", "주민등록번호 {rrn}, 주소 {address}",
]
DISTRACTORS = [
    "「액화석유가스의 안전관리 및 사업법 시행규칙」 별표 20에 따라 검사합니다.", "KGS FU432 2.3.3.4에서 소형저장탱크의 설치 거리를 정하고 있습니다.",
    "액법 제33조제2항 및 제73조제4항제4호에 따라 200만원 이하의 과태료가 부과됩니다.", "2024. 3. 5. 접수한 민원(접수번호 2024-0312-0045)입니다.",
    "법률 제18818호(2022. 2. 3. 공포)로 개정되었습니다.", "검사지원처-2108호(2023.05.12.)로 회신한 바 있습니다.", "수수료는 1,000원, 재발급은 5만원입니다.",
    "대표번호 {rep!}로 문의하세요.", "가스안전공사 콜센터({rep!})에 신고했습니다.", "담당 주무관님께서 친절히 안내해 주셨습니다.",
    "고객님 안녕하세요.", "민원인 주소지 관할 구청에 문의하십시오.", "신청인 본인이 직접 방문해야 합니다.", "2023년 10월 1일부터 시행합니다.",
    "국민신문고 신청번호 1AA-2403-0123456", "제12조의2 및 별지 제3호서식을 참고하세요.", "압력은 2.5 kPa 이상, 이격거리는 0.05 m입니다.",
    "모델명 RB-1234 보일러를 사용합니다.", "2.5.7.3에 따라 매몰배관을 설치할 수 있습니다.", "대통령령 제33333호 시행령 제8조를 보세요.",
    "2024-03-05 14:30에 점검했습니다.", "과태료 3,000,000원 처분은 2024년 4월 1일 확정되었습니다.", "표 2.1.1.1에 따른 거리를 유지해야 합니다.",
    "민원인 연락처가 변경되었다고 합니다.", "담당자 변경 후 다시 회신하겠습니다.", "신청인 주장과 달리 현장은 정상입니다.", "사장님께 전달했습니다.",
    "공고 제2024-55호에 따라 09:00~18:00 운영합니다.", "제품 일련번호 SN 2023-0412-7781을 확인했습니다.", "2020-2024년 점검 결과입니다.",
    "설치 후 3개월 이내, 지상 2층 이상에 설치합니다.", "이번 주 안으로 처리될 예정입니다.", "정부 대표 번호는 110입니다.",
]
OFFICIAL = [
    "<답변자 정보> * 답변자 : {oname!} / 소 속 : {dept!} / 연락처 : {office!}", "※ 담당자: {dept!} {oname!} 주무관(☎ {office!})",
    "기타 궁금하신 사항은 다산시 {dept!}({office!})로 문의하여 주시기 바랍니다.", "담당 주무관 {oname!} 주무관 / 전화 {office!}",
]


def make_examples(n: int = 400, seed: int = 20261123) -> list[Example]:
    """``n`` synthetic complaint texts with gold spans; the same ``seed`` gives the same set."""
    rng = random.Random(seed)
    g = _Gen(rng)
    gold_type = {"landline": "phone", "rrn_l": "rrn", "arn_l": "arn", "driver": "driver_license"}
    fill = {"name": g.name, "phone": g.phone, "landline": lambda: g.phone("landline"), "rrn": g.rrn,
            "rrn_l": lambda: g.rrn(labelled=True), "arn": lambda: g.rrn(foreign=True),
            "arn_l": lambda: g.rrn(True, True), "passport": g.passport, "driver": g.driver, "email": g.email,
            "card": g.card, "brn": g.brn, "plate": g.plate, "address": g.address, "ip": g.ip,
            "account": lambda: " ".join(g.account()) if rng.random() < 0.7 else "{1} ({0})".format(*g.account()),
            "oname": g.name, "dept": lambda: rng.choice(DEPTS), "office": lambda: rng.choice(OFFICES),
            "rep": lambda: rng.choice(["1588-1234", "1544-4500", "1661-0900"]),
            "bdate": lambda: "1985. 3. 2"}  # constant: the random stream (so the set) stays as it was
    gold_type["bdate"] = "birth_date"
    out = []
    for i in range(n):
        sentences = rng.sample(PII_TEMPLATES, rng.randint(1, 3)) + rng.sample(DISTRACTORS, rng.randint(1, 3))
        rng.shuffle(sentences)
        if rng.random() < 0.35:
            sentences.append(rng.choice(OFFICIAL))
        ex = Example(f"pii-{i:04d}", "")
        text = ""
        for k, sentence in enumerate(sentences):
            text += "" if k == 0 else rng.choice([" ", " ", "\n"])
            for piece in re.split(r"(\{\w+!?\})", sentence):
                m = re.fullmatch(r"\{(\w+)(!?)\}", piece)
                if not m:
                    text += piece
                    continue
                value = fill[m.group(1)]()
                if m.group(1) in ("oname", "office", "rep"):
                    ex.optional.append((len(text), len(text) + len(value)))
                if not m.group(2):
                    typ = gold_type.get(m.group(1), m.group(1))
                    if m.group(1) == "account":
                        bank_first = not value[0].isdigit()
                        num = value.split(" ", 1)[1] if bank_first else value.split(" ", 1)[0]
                        off = len(text) + value.index(num)
                        ex.spans.append(("account", off, off + len(num)))
                    else:
                        ex.spans.append((typ, len(text), len(text) + len(value)))
                text += value
        ex.text = text
        out.append(ex)
    return out


def load_set(path: Path) -> list[Example]:
    """A hand-written set: one ``{"id", "text", "spans": [{type,start,end}], "keep": [{what,start,end}]}`` a line."""
    out = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise SystemExit(f"평가셋 파일을 열 수 없습니다: {path} ({e.strerror}). --set에 있는 JSONL 파일 경로를 주세요.")
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            ex = Example(str(row.get("id", n)), row["text"],
                         [(s["type"], int(s["start"]), int(s["end"])) for s in row.get("spans", [])],
                         keep=[(k.get("what", ""), int(k["start"]), int(k["end"])) for k in row.get("keep", [])],
                         unscored=[(int(u["start"]), int(u["end"])) for u in row.get("unscored", [])])
        except (ValueError, KeyError, TypeError) as e:
            raise SystemExit(f"{path} {n}번째 줄을 읽을 수 없습니다({type(e).__name__}: {e}). "
                             '{"id", "text", "spans": [{"type","start","end"}], "keep": [...]} 형식으로 쓰세요.')
        out.append(ex)
    return out


KEYS = ("gold", "recalled", "pred", "correct", "on_optional", "core_recalled")
# Types whose identifying part is their digits: a gold span that also holds a word which identifies no
# one (the bank in "농협 351-1047-2290-83", "양력" before a date) counts as "core" recalled when every
# digit in it is masked. This "core" figure is the primary structured recall (it counts what protects the
# person: no digit of the number left readable); the strict figure (whole gold span covered) is kept beside it.
DIGIT_CORE = frozenset({"phone", "rrn", "arn", "account", "card", "brn", "birth_date", "passport",
                        "driver_license", "ip", "plate"})


def core(kind: str, text: str, s: int, e: int) -> list[int]:
    """Positions that must be masked for the span to count as core recalled."""
    digits = [i for i in range(s, e) if text[i].isdigit()] if kind in DIGIT_CORE else []
    return digits or list(range(s, e))


def score(examples: list[Example], predict) -> dict:
    """Per type: gold count, recall (gold fully covered by any prediction), predictions, precision.

    ``precision_neutral`` leaves out predictions on officials' contacts and 대표번호, which only the
    keep-official policy decides."""
    stats: dict[str, dict[str, int]] = {}
    keep_masked: dict[str, int] = {}
    keep_total: dict[str, int] = {}
    misses: list[dict] = []
    started = time.perf_counter()
    for ex in examples:
        preds = predict(ex.text)
        preds = [p for p in preds if not any(s <= p[1] and p[2] <= e for s, e in ex.unscored)]
        for what, s, e in ex.keep:
            keep_total[what] = keep_total.get(what, 0) + 1
            if any(ps < e and s < pe for _, ps, pe in preds):
                keep_masked[what] = keep_masked.get(what, 0) + 1
                misses.append({"id": ex.id, "kind": "keep_masked", "what": what, "text": ex.text[s:e]})
        covered = [False] * len(ex.text)
        for _, s, e in preds:
            covered[s:e] = [True] * (e - s)
        in_gold = [False] * len(ex.text)
        optional = [False] * len(ex.text)
        for s, e in ex.optional:
            optional[s:e] = [True] * (e - s)
        for t, s, e in ex.spans:
            in_gold[s:e] = [True] * (e - s)
            st = stats.setdefault(t, dict.fromkeys(KEYS, 0))
            st["gold"] += 1
            st["recalled"] += all(covered[s:e])
            st["core_recalled"] += all(covered[i] for i in core(t, ex.text, s, e))
            if not all(covered[s:e]):
                misses.append({"id": ex.id, "kind": "missed", "type": t, "text": ex.text[s:e]})
        for t, s, e in preds:
            st = stats.setdefault(t, dict.fromkeys(KEYS, 0))
            st["pred"] += 1
            st["correct"] += sum(in_gold[s:e]) * 2 >= (e - s)
            if sum(in_gold[s:e]) * 2 < (e - s) and not any(optional[s:e]):
                misses.append({"id": ex.id, "kind": "false_positive", "type": t, "text": ex.text[s:e]})
            st["on_optional"] += sum(in_gold[s:e]) * 2 < (e - s) and any(optional[s:e])
    seconds = time.perf_counter() - started
    total = {k: sum(st[k] for st in stats.values()) for k in KEYS}
    for st in list(stats.values()) + [total]:
        st["recall"] = round(st["recalled"] / st["gold"], 4) if st["gold"] else None
        st["precision"] = round(st["correct"] / st["pred"], 4) if st["pred"] else None
        st["core_recall"] = round(st["core_recalled"] / st["gold"], 4) if st["gold"] else None
        neutral = st["pred"] - st["on_optional"]
        st["precision_neutral"] = round(st["correct"] / neutral, 4) if neutral else None
    structured = [st for t, st in stats.items() if t != "name"]
    gold_s = sum(st["gold"] for st in structured)
    total["structured_recall"] = round(sum(st["recalled"] for st in structured) / gold_s, 4) if gold_s else None
    total["structured_core_recall"] = (round(sum(st["core_recalled"] for st in structured) / gold_s, 4)
                                       if gold_s else None)
    report = {"per_type": dict(sorted(stats.items())), "overall": total, "seconds": round(seconds, 3)}
    if keep_total:
        report["ordinary_words_masked"] = {"masked": sum(keep_masked.values()), "total": sum(keep_total.values()),
                                           "by_what": {w: f"{keep_masked.get(w, 0)}/{n}"
                                                       for w, n in sorted(keep_total.items())}}
    report["errors"] = misses
    return report


def dasan_predict(text: str) -> list[tuple[str, int, int]]:
    return [(s.type, s.start, s.end) for s in mask(text).spans]


def run(n: int, seed: int, real: Path | None = None, sets: list[Path] | None = None) -> dict:
    examples = make_examples(n, seed)
    report = {"n": n, "seed": seed, "gold_spans": sum(len(e.spans) for e in examples), "systems": {}}
    report["systems"]["dasan"] = score(examples, dasan_predict)
    for path in sets or []:  # hand-written sets: independent of the generator the rules were written against
        items = load_set(path)
        report.setdefault("sets", {})[path.stem] = {"file": str(path), "items": len(items),
                                                    "gold_spans": sum(len(e.spans) for e in items),
                                                    "dasan": score(items, dasan_predict)}
    if real is not None and real.exists():
        report["real_texts"] = real_summary(real)
    p = presidio_analyzers()
    if "error" in p:
        report["presidio_error"] = p["error"]
        return report
    report["presidio"] = {"version": p["version"], "nlp_engine": p["engine"]}
    report["systems"]["presidio_builtin"] = score(examples, presidio_predict(p["builtin"]))
    report["systems"]["presidio_dasan_rules"] = score(examples, presidio_predict(p["dasan_rules"]))
    return report


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--seed", type=int, default=20261123)
    ap.add_argument("--out", default="eval/results/pii.json")
    ap.add_argument("--real", default="/work/shared/eval/kgs_dev.jsonl",
                    help="real Q&A JSONL to summarise (counts only); '' to skip")
    ap.add_argument("--set", action="append", default=[], metavar="FILE.jsonl", dest="sets",
                    help="hand-written set to score as well (repeatable): one {id,text,spans,keep} a line")
    args = ap.parse_args(argv)
    report = run(args.n, args.seed, Path(args.real) if args.real else None, [Path(p) for p in args.sets])
    print(table(report))
    if "real_texts" in report:
        rt = report["real_texts"]
        print(f"real texts ({rt['items']} items, {rt['file']}): masked {rt['masked_by_type']}, "
              f"kept as officials' contacts {rt['kept_by_type']}")
    if "presidio_error" in report:
        print("Presidio:", report["presidio_error"])
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

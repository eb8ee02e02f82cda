"""The personal-data masker: each type masked and its look-alikes kept, check digits, offsets, idempotence,
officials' contacts, the ``dasan mask`` entry point, and recall/precision on the synthetic complaint set."""
from __future__ import annotations

import io
import json

import pytest

from eval.pii_eval import STRUCTURED, make_examples, score
from ingest.pii import MaskPolicy, mask, mask_cli
from ingest.pii_patterns import TAGS, brn_valid, luhn_valid, rrn_checksum_ok, rrn_date_valid

MASKED = [  # (text, type, the value that must disappear)
    ("주민등록번호 900101-1234568입니다", "rrn", "900101-1234568"),
    ("주민번호: 9001011234568", "rrn", "9001011234568"),
    ("번호 900101 - 1234568 확인", "rrn", "900101 - 1234568"),
    ("신분증 900101–1234568(한글 문서의 대시)", "rrn", "900101–1234568"),
    ("2021년 이후 발급 200315-3987654", "rrn", "200315-3987654"),  # invalid check digit, hyphenated
    ("주민등록번호 2003153987654", "rrn", "2003153987654"),  # invalid check digit, labelled
    ("사본의 900101-1****** 부분", "rrn", "900101-1******"),
    ("외국인등록번호 850315-5123450", "arn", "850315-5123450"),
    ("배우자(850315-6987654)의 체류", "arn", "850315-6987654"),
    ("여권번호 M12345678로 예약", "passport", "M12345678"),
    ("여권 M123A4567 분실", "passport", "M123A4567"),
    ("운전면허번호는 11-12-123456-78입니다", "driver_license", "11-12-123456-78"),
    ("면허: 서울 12-345678-90", "driver_license", "서울 12-345678-90"),
    ("운전면허 111212345678", "driver_license", "111212345678"),
    ("휴대폰 010-1234-5678로", "phone", "010-1234-5678"),
    ("연락처 01012345678", "phone", "01012345678"),
    ("010 1234 5678 번으로", "phone", "010 1234 5678"),
    ("010.1234.5678", "phone", "010.1234.5678"),
    ("해외에서 +82 10-1234-5678", "phone", "+82 10-1234-5678"),
    ("집 전화 02-123-4567", "phone", "02-123-4567"),
    ("자택 031-1234-5678", "phone", "031-1234-5678"),
    ("(02) 123-4567로 전화", "phone", "(02) 123-4567"),
    ("메일 hong.gildong@naver.com로 회신", "email", "hong.gildong@naver.com"),
    ("환불 계좌 신한은행 110-123-456789", "account", "110-123-456789"),
    ("국민 123456-01-123456 (예금주 본인)", "account", "123456-01-123456"),
    ("1002-123-456789(우리은행)로 입금", "account", "1002-123-456789"),
    ("카드번호 4111-1111-1111-1111 결제", "card", "4111-1111-1111-1111"),
    ("카드 4111 1111 1111 1111", "card", "4111 1111 1111 1111"),
    ("사업자등록번호 220-81-62517", "brn", "220-81-62517"),
    ("차량 12가3456 불법주차", "plate", "12가3456"),
    ("123가4567 차량", "plate", "123가4567"),
    ("서울12가3456", "plate", "서울12가3456"),
    ("주소: 서울특별시 강남구 테헤란로 123, 101동 202호", "address", "서울특별시 강남구 테헤란로 123, 101동 202호"),
    ("경기도 성남시 분당구 정자동 123-45번지에 거주", "address", "경기도 성남시 분당구 정자동 123-45번지"),
    ("강남구 테헤란로 427 (역삼동)", "address", "강남구 테헤란로 427 (역삼동)"),
    ("래미안아파트 101동 1203호 주민", "address", "래미안아파트 101동 1203호"),
    ("접속 IP 192.168.0.15 기록", "ip", "192.168.0.15"),
    ("성명: 홍길동", "name", "홍길동"),
    ("민원인 홍길동은 요청했습니다", "name", "홍길동"),
    ("김철수 씨가 방문", "name", "김철수"),
    ("이영희님께서 문의", "name", "이영희"),
    ("박민수 귀하", "name", "박민수"),
    ("남궁민수(010-2222-3333)", "name", "남궁민수"),
    ("저는 최지우입니다", "name", "최지우"),
    ("홍길동 드림", "name", "홍길동"),
    ("피해자 진술: 김영수(남, 45세)는", "name", "김영수"),
]

SURVIVES = [
    "「액화석유가스의 안전관리 및 사업법」 제8조제2항 및 별표 20에 따라",
    "KGS FU432 2.3.3.4에서 정한 거리, 표 2.1.1.1, 2.5.7.3",
    "2024. 3. 5. 접수, 2024-03-05 14:30 점검, 2023년 10월 1일 시행",
    "수수료 5만원, 1,000원, 과태료 3,000,000원",
    "법률 제18818호(2022. 2. 3. 공포), 대통령령 제33333호",
    "검사지원처-2108호(2023.05.12.)로 회신",
    "국민신문고 신청번호 1AA-2403-0123456, 접수번호 2024-0312-0045",
    "대표번호 1588-1234로 문의하세요",
    "우리공사 홈페이지를 이용하여 주신 고객님께 감사드립니다",
    "민원인 주소지 관할 구청, 신청인 본인이 방문, 담당자 변경 예정",
    "대리인 선임허가 신청서, 대표자 선정서, 정당한 대리인",
    "설치 후 3개월 이내 지상 2층, 압력 2.5 kPa, 모델 RB-1234",
    "제품 일련번호 SN 2023-0412-7781, 2020-2024년",
]


class TestTypes:
    @pytest.mark.parametrize("text,type_,value", MASKED)
    def test_masked(self, text, type_, value):
        r = mask(text)
        assert value not in r.masked
        assert [(s.type, text[s.start:s.end]) for s in r.spans if s.type == type_] == [(type_, value)]
        assert TAGS[type_] in r.masked

    @pytest.mark.parametrize("text", SURVIVES)
    def test_survives(self, text):
        r = mask(text)
        assert r.masked == text, [(s.type, text[s.start:s.end]) for s in r.spans]

    def test_bare_names_without_cue(self):
        # no cue marks them, but each is a surname and given-name syllables that Kiwi reads as no word
        # (ingest.pii_bare); ordinary words of the same shape stay
        assert mask("김철수 이영희 박민수가 회의에서 말했다").masked == "[이름] [이름] [이름]가 회의에서 말했다"
        assert mask("주차장 옆 노인정 이용자가 회의에서 말했다").masked == "주차장 옆 노인정 이용자가 회의에서 말했다"


class TestCheckDigits:
    def test_rrn(self):
        assert rrn_checksum_ok("9001011234568") and not rrn_checksum_ok("9001011234567")
        assert rrn_checksum_ok("8503155123450")  # 외국인등록번호: remainder from 13
        assert not rrn_date_valid("901301-1234567") and not rrn_date_valid("900230-1234567")
        assert rrn_date_valid("040229-3123453")  # 2004 was a leap year

    def test_rrn_invalid_check_digit_needs_hyphen_or_label(self):
        assert mask("번호 9001011234567 입니다").spans == []
        assert [s.type for s in mask("번호 900101-1234567 입니다").spans] == ["rrn"]  # since Oct 2020
        assert mask("번호 901301-1234568").spans == []  # month 13

    def test_brn(self):
        assert brn_valid("220-81-62517") and not brn_valid("220-81-62518")
        assert mask("번호 220-81-62518 확인").masked == "번호 220-81-62518 확인"

    def test_luhn(self):
        assert luhn_valid("4111 1111 1111 1111") and not luhn_valid("4111 1111 1111 1112")
        assert mask("번호 4111-1111-1111-1112").spans == []


class TestOffsets:
    def test_spans_index_the_original(self):
        for ex in make_examples(40, seed=7):
            r = mask(ex.text)
            rebuilt, pos = [], 0
            for s in r.spans:
                assert 0 <= pos <= s.start < s.end <= len(ex.text)
                rebuilt += [ex.text[pos:s.start], s.replacement]
                pos = s.end
            assert "".join(rebuilt) + ex.text[pos:] == r.masked

    @pytest.mark.parametrize("style", ["tag", "stars"])
    def test_idempotent(self, style):
        policy = MaskPolicy(style=style)
        for ex in make_examples(60, seed=11):
            once = mask(ex.text, policy).masked
            assert mask(once, policy).masked == once


class TestPolicy:
    BLOCK = "<답변자 정보> * 답변자 : 강병성 / 소 속 : LP가스기준부 / 연락처 : 043- 750- 1312"

    def test_officials_work_contacts_kept_by_default(self):
        r = mask(self.BLOCK)
        assert r.masked == self.BLOCK
        assert sorted(s.type for s in r.kept) == ["name", "phone"]
        assert mask("담당자: 건축과 박민수 주무관(☎ 031-123-4567)").spans == []
        assert mask("기타 사항은 다산시 건축과(031-8075-2345)로 문의").spans == []

    def test_configurable(self):
        r = mask(self.BLOCK, MaskPolicy(keep_official_contacts=False))
        assert "강병성" not in r.masked and "1312" not in r.masked

    def test_citizen_mobile_and_name_always_masked(self):
        text = "늘 수고에 감사드립니다. 담당자 김민영  010 4710 4424"  # a citizen's own 담당자 (real KGS text)
        assert mask(text).masked == "늘 수고에 감사드립니다. 담당자 [이름]  [전화번호]"
        assert mask("민원인 연락처 02-345-6789").masked == "민원인 연락처 [전화번호]"

    def test_business_numbers_and_types(self):
        assert mask("대표번호 1588-1234", MaskPolicy(keep_business_numbers=False)).masked == "대표번호 [전화번호]"
        r = mask("민원인 홍길동 010-1234-5678", MaskPolicy(types=frozenset({"phone"})))
        assert r.masked == "민원인 홍길동 [전화번호]"

    def test_stars_and_bad_options(self):
        assert mask("연락처 010-1234-5678", MaskPolicy(style="stars")).masked == "연락처 ***"
        with pytest.raises(ValueError, match="tag, stars"):
            MaskPolicy(style="x")
        with pytest.raises(ValueError, match="phone"):
            MaskPolicy(types=frozenset({"telephone"}))


class TestCli:
    def test_text(self):
        out = io.StringIO()
        assert mask_cli("민원인 홍길동(010-1234-5678)", None, out) == 0
        assert out.getvalue() == "민원인 [이름]([전화번호])"

    def test_jsonl(self, tmp_path):
        src = tmp_path / "in.jsonl"
        src.write_text(json.dumps({"id": "a", "text": "연락처 010-1234-5678"}, ensure_ascii=False) + "\n\n"
                       + json.dumps({"id": 2, "text": "제8조"}) + "\n", encoding="utf-8")
        out = io.StringIO()
        assert mask_cli(None, str(src), out) == 0
        rows = [json.loads(line) for line in out.getvalue().splitlines()]
        assert rows == [{"id": "a", "masked": "연락처 [전화번호]", "spans": [{"type": "phone", "start": 4, "end": 17}]},
                        {"id": 2, "masked": "제8조", "spans": []}]

    def test_bad_line(self, tmp_path, capsys):
        src = tmp_path / "bad.jsonl"
        src.write_text("{not json}\n", encoding="utf-8")
        assert mask_cli(None, str(src), io.StringIO()) == 2
        assert "1번째 줄" in capsys.readouterr().err
        assert mask_cli(None, str(tmp_path / "missing.jsonl"), io.StringIO()) == 2


def test_synthetic_set():
    """Recall >= 0.99 on structured identifiers, >= 0.9 on names; precision >= 0.95 (default policy)."""
    report = score(make_examples(150, seed=3), lambda t: [(s.type, s.start, s.end) for s in mask(t).spans])
    per = report["per_type"]
    structured = [per[t] for t in STRUCTURED if t in per]
    recalled = sum(s["recalled"] for s in structured) / sum(s["gold"] for s in structured)
    assert recalled >= 0.99, {t: per[t]["recall"] for t in per}
    assert per["name"]["recall"] >= 0.9
    assert report["overall"]["precision"] >= 0.95

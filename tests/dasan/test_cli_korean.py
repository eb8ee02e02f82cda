"""The ``dasan`` command speaks Korean: argparse's own help and error lines (usage, section titles, -h,
metavars, "the following arguments are required") and the ingest progress lines."""
from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from dasan.argparse_ko import KoreanArgumentParser, korean_usage
from dasan.cli import build_parser, main
from ingest.parsers import PARSER_LABELS

ARGPARSE_ENGLISH = re.compile(r"usage:|positional arguments|options:|optional arguments|show this help|"
                              r"error:|the following arguments|invalid choice|unrecognized arguments|expected one")
HANGUL = re.compile("[\uac00-\ud7a3]")


def _subcommands() -> list[str]:
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return list(sub.choices)


def _help(capsys, argv: list[str]) -> str:
    capsys.readouterr()
    assert main(argv + ["-h"]) == 0
    return capsys.readouterr().out


def test_top_level_help_is_korean(capsys):
    out = _help(capsys, [])
    assert out.startswith("사용법: dasan ") and "위치 인자:" in out and "선택 인자:" in out
    assert "-h, --help" in out and "이 도움말을 보여 주고 끝냅니다" in out
    assert not ARGPARSE_ENGLISH.search(out), out
    assert "DATA_DIR" not in out and "--data-dir 폴더" in out


@pytest.mark.parametrize("cmd", _subcommands())
def test_every_subcommand_help_is_korean(capsys, cmd):
    out = _help(capsys, [cmd])
    assert out.startswith(f"사용법: dasan {cmd}"), out
    assert "이 도움말을 보여 주고 끝냅니다" in out and not ARGPARSE_ENGLISH.search(out), out


def test_every_value_has_a_korean_placeholder_and_every_option_a_description():
    parsers = [build_parser()]
    sub = next(a for a in parsers[0]._actions if isinstance(a, argparse._SubParsersAction))
    parsers += list(sub.choices.values())
    for p in parsers:
        assert isinstance(p, KoreanArgumentParser)
        for a in p._actions:
            if isinstance(a, argparse._SubParsersAction) or a.nargs == 0:
                continue
            assert a.metavar and HANGUL.search(a.metavar), (p.prog, a.dest, a.metavar)
        json_flags = [a for a in p._actions if a.dest == "json"]
        assert all(a.help and HANGUL.search(a.help) for a in json_flags), p.prog


@pytest.mark.parametrize("argv, needle", [
    (["ingest"], "필요한 인자가 빠졌습니다: 경로"),
    (["show", "「법」"], "필요한 인자가 빠졌습니다: 조문"),
    (["search", "--top-k", "열", "질문"], "--top-k: 값이 올바르지 않습니다(정수 형식이어야 합니다"),
    (["deadline", "--received"], "--received: 값이 하나 필요합니다"),
    (["없는명령"], "고를 수 없는 값"),
])
def test_usage_errors_are_one_korean_line(capsys, argv, needle):
    capsys.readouterr()
    assert main(argv) == 2
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0] and lines[0].startswith("dasan"), err
    assert "도움말: dasan" in lines[0] and not ARGPARSE_ENGLISH.search(err), err


def test_unknown_argparse_messages_pass_through_and_known_ones_are_translated():
    assert korean_usage("one of the arguments --a --b is required") == "다음 중 하나가 필요합니다: --a --b"
    assert korean_usage("ambiguous option: --s could match --set, --show").startswith("--s: 여러 옵션과 겹칩니다")
    assert korean_usage("argument --n: invalid float value: 'x'") == "--n: 값이 올바르지 않습니다(숫자 형식이어야 합니다: 'x')"
    assert korean_usage("something new") == "something new"


@pytest.mark.parametrize("status, mark, word", [
    ("ok", "+", "색인함"), ("unchanged", "=", "변경 없음"), ("skipped", "-", "건너뜀"), ("error", "!", "오류")])
def test_ingest_progress_lines_are_korean(status, mark, word):
    from ingest.changes import describe_file

    reason = "" if status in ("ok", "unchanged") else "빈 파일입니다"
    line = describe_file({"path": "/자료/본문.md", "parser": "legalize_md", "status": status, "units": 12,
                          "reason": reason})
    assert line.startswith(f" {mark} /자료/본문.md: ") and word in line, line
    assert not re.search(r"[A-Za-z_]{2,}", line.replace("/자료/본문.md", "")), line


def test_every_parser_has_a_korean_label():
    import ingest.parsers as parsers_pkg

    # the parser names detect() can return, read from its source
    returned = set(re.findall(r'return "([a-z_0-9]+)"', Path(parsers_pkg.__file__).read_text(encoding="utf-8")))
    assert returned and returned <= set(PARSER_LABELS), returned - set(PARSER_LABELS)

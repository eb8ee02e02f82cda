"""argparse in Korean: usage, section titles, ``-h``, metavars and error lines.

argparse writes its own English ("usage:", "positional arguments", "options", "show this help
message and exit", "error: the following arguments are required"). ``KoreanArgumentParser`` replaces
each of them without touching argparse's module state, so sub-commands (created with the same class)
are Korean too. Option names (``--as-of``) stay as they are: they are what the user types.
"""
from __future__ import annotations

import argparse
import re
import sys

USAGE_EXIT = 2
USAGE_PREFIX = "사용법: "
POSITIONALS_TITLE = "위치 인자"
OPTIONALS_TITLE = "선택 인자"
HELP_TEXT = "이 도움말을 보여 주고 끝냅니다"

# the value a user types after an option (or as a positional), by argparse ``dest``; "값" otherwise
METAVARS = {
    "paths": "경로", "path": "경로", "targets": "대상", "question": "질문", "queries": "파일", "top_k": "개수",
    "as_of": "날짜", "kind": "종류", "model": "모델", "title": "법령명", "unit": "조문", "set": "평가셋",
    "out": "경로", "url": "주소", "depth": "깊이", "delay": "초", "max_pages": "개수", "config": "설정파일",
    "history": "개수", "text": "텍스트", "jsonl": "파일", "limit": "개수", "host": "주소", "port": "포트",
    "ingest": "경로", "dir": "폴더", "received": "일시", "period": "기간", "extend": "기간", "pause": "기간",
    "file": "파일", "channel": "접수경로", "department": "부서", "data_dir": "폴더", "id": "번호",
    "run_id": "번호", "document": "문서", "server": "주소", "key": "키",
}
# help for flags that were declared without one
FLAG_HELP = {
    "json": "결과를 JSON으로 출력",
}
_TYPE_NAMES = {"int": "정수", "float": "숫자", "str": "문자열"}

_ERRORS = [  # argparse's English messages, in Korean
    (r"the following arguments are required: (.+)", "필요한 인자가 빠졌습니다: {0}"),
    (r"one of the arguments (.+) is required", "다음 중 하나가 필요합니다: {0}"),
    (r"unrecognized arguments: (.+)", "알 수 없는 인자입니다: {0}"),
    (r"argument (\S+): invalid choice: (.+?) \(choose from (.+)\)", "{0}: 고를 수 없는 값입니다(가능한 값: {2})"),
    (r"argument (\S+): invalid (\w+) value: (.+)", "{0}: 값이 올바르지 않습니다({1} 형식이어야 합니다: {2})"),
    (r"argument (\S+): expected one argument", "{0}: 값이 하나 필요합니다"),
    (r"argument (\S+): expected at most one argument", "{0}: 값은 하나까지만 줄 수 있습니다"),
    (r"argument (\S+): expected at least one argument", "{0}: 값이 하나 이상 필요합니다"),
    (r"argument (\S+): expected (\d+) arguments?", "{0}: 값이 {1}개 필요합니다"),
    (r"argument (\S+): not allowed with argument (\S+)", "{0}: {1}와(과) 함께 쓸 수 없습니다"),
    (r"argument (\S+): ignored explicit argument (.+)", "{0}: 값을 받지 않는 옵션입니다({1})"),
    (r"ambiguous option: (\S+) could match (.+)", "{0}: 여러 옵션과 겹칩니다({1}). 옵션 이름을 끝까지 쓰세요"),
    (r"unexpected option string: (.+)", "예상하지 못한 옵션입니다: {0}"),
]


def korean_usage(message: str) -> str:
    """argparse's English error message in Korean (unchanged when it is not one we know)."""
    for pattern, template in _ERRORS:
        m = re.fullmatch(pattern, message)
        if m:
            groups = [_TYPE_NAMES.get(g, g) for g in m.groups()]
            return template.format(*groups)
    return message


class KoreanHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, USAGE_PREFIX if prefix is None else prefix)


class KoreanArgumentParser(argparse.ArgumentParser):
    """argparse with Korean help and one Korean line (and exit code 2) for usage errors."""

    def __init__(self, *args, add_help: bool = True, **kwargs) -> None:
        kwargs.setdefault("formatter_class", KoreanHelpFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = POSITIONALS_TITLE
        self._optionals.title = OPTIONALS_TITLE
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=HELP_TEXT)

    def add_argument(self, *args, **kwargs):
        action = super().add_argument(*args, **kwargs)
        if action.help is None and action.dest in FLAG_HELP:
            action.help = FLAG_HELP[action.dest]
        if action.metavar is None and action.nargs != 0 and not isinstance(action, argparse._SubParsersAction):
            action.metavar = METAVARS.get(action.dest, "값")
        return action

    def error(self, message: str):
        print(f"{self.prog}: 명령 인자가 잘못되었습니다 — {korean_usage(message)}. 도움말: {self.prog} -h",
              file=sys.stderr)
        raise SystemExit(USAGE_EXIT)

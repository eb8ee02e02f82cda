"""How the ``dasan`` command reports failures: one Korean line on stderr and a documented exit code.

Exit codes (README "종료 코드"): 0 ok, 1 partly failed (some files or sources had errors; nothing
found), 2 usage or input error (arguments, missing file, bad question or date, configuration),
3 index busy (another process holds the embedded index, another ingest is running, the index was
built with another embedder), 4 a dependency is unavailable (database, index folder unreadable or
corrupt, disk, language-model server), 5 internal error (a bug: the traceback with ``--debug`` or
``DASAN_DEBUG=1``).
"""
from __future__ import annotations

import json
import os
import sys
import traceback

from dasan.argparse_ko import KoreanArgumentParser, korean_usage  # noqa: F401 - re-exported for the CLI

OK, PARTIAL, USAGE, BUSY, UNAVAILABLE, INTERNAL = 0, 1, 2, 3, 4, 5


class CliError(Exception):
    """An expected failure with its exit code; the message is Korean and printed as is."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code


def debug_enabled(args) -> bool:
    return bool(getattr(args, "debug", False)) or os.environ.get("DASAN_DEBUG", "").strip().lower() in (
        "1", "true", "yes", "on")


def classify(exc: BaseException) -> tuple[int, str]:
    """(exit code, one Korean line) for an exception escaping a command."""
    from ingest.runs import IngestBusy
    from rag.glossary import GlossaryError
    from rag.index.base import IndexUnavailable
    from rag.index.edge import IndexBusy
    from rag.llm import LLMConfigError, LLMError, ModelNotAllowed, ModelNotConfigured
    from rag.retrieve import QuestionError

    from ingest.runtime import IndexMismatch

    if isinstance(exc, CliError):
        return exc.code, str(exc)
    if isinstance(exc, (IndexBusy, IngestBusy, IndexMismatch)):
        return BUSY, str(exc)
    if isinstance(exc, (QuestionError, GlossaryError, LLMConfigError, ModelNotConfigured, ModelNotAllowed)):
        return USAGE, str(exc)
    if isinstance(exc, (FileNotFoundError, NotADirectoryError, IsADirectoryError)):
        return USAGE, f"파일이나 폴더를 찾을 수 없습니다: {exc.filename or exc}. 경로를 확인하세요."
    if isinstance(exc, json.JSONDecodeError):
        return USAGE, f"JSON 형식이 잘못되었습니다({exc.lineno}번째 줄 {exc.colno}번째 글자). 파일 내용을 확인하세요."
    if isinstance(exc, UnicodeDecodeError):
        return USAGE, "파일을 UTF-8로 읽을 수 없습니다. UTF-8로 저장한 파일을 지정하세요."
    if isinstance(exc, PermissionError):
        return UNAVAILABLE, f"권한이 없어 읽거나 쓸 수 없습니다: {exc.filename or exc}. 폴더·파일 권한을 확인하세요."
    if isinstance(exc, IndexUnavailable):
        return UNAVAILABLE, str(exc)
    if isinstance(exc, LLMError):
        return UNAVAILABLE, exc.summary
    from api.errors import dependency_down

    if dependency_down(exc):
        from sqlalchemy.exc import SQLAlchemyError

        if any(isinstance(e, SQLAlchemyError) for e in _chain(exc)):
            return UNAVAILABLE, ("데이터베이스에 연결하거나 읽을 수 없습니다(DASAN_DATABASE_URL, 또는 데이터 폴더의 "
                                 "dasan.db). 서버가 켜져 있는지, 주소·권한·파일 상태를 확인하고 다시 실행하세요.")
        if isinstance(exc, OSError) and getattr(exc, "strerror", None):
            return UNAVAILABLE, f"파일·네트워크 오류로 실행할 수 없습니다({exc.strerror}). 디스크·권한·연결을 확인하세요."
        return UNAVAILABLE, "데이터 폴더나 외부 서버를 지금 쓸 수 없습니다. 상태를 확인한 뒤 다시 실행하세요."
    return INTERNAL, f"예상하지 못한 오류가 발생했습니다({type(exc).__name__}). 자세한 내용: --debug"


def _chain(exc: BaseException):
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


def report(exc: BaseException, prog: str, debug: bool) -> int:
    """Print the one line (and the traceback when debugging); return the exit code."""
    code, message = classify(exc)
    print(f"{prog}: {message}", file=sys.stderr)
    if debug:
        traceback.print_exception(exc, file=sys.stderr)
    return code

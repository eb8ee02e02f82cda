"""Which files an ingest may read: the ingest roots (for requests over HTTP) and a denylist (always).

Everything indexed becomes searchable, so a path sent to ``POST /v1/ingest`` is resolved (``..`` and
symlinks followed) and must lie under a configured root: ``DASAN_INGEST_ROOTS`` (os.pathsep- or
comma-separated), by default the folder ``dasan serve --ingest`` was started with and
``DASAN_HOME/inbox``. Whatever the roots, dotfiles, key/credential/config files, databases and source
code are refused when named and skipped when met in a folder walk; the shell command ``dasan ingest``
applies only the folder-walk half (a shell admin may name any file).
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

# what a legal corpus never is: keys and certificates, secrets and configuration, databases, programs
DENIED_SUFFIXES = frozenset("""
.pem .key .p12 .pfx .jks .keystore .kdbx .gpg .pgp .asc .ppk .ovpn .crt .cer .der .csr
.env .toml .ini .cfg .conf .config .yaml .yml .properties .netrc .npmrc .pypirc .htpasswd .pgpass
.db .sqlite .sqlite3 .mdb .dump .bak
.py .pyc .pyo .pyi .pyw .ipynb .js .mjs .cjs .ts .tsx .jsx .vue .svelte .sh .bash .zsh .fish .ps1 .psm1
.bat .cmd .vbs .rb .pl .pm .php .go .rs .java .class .jar .kt .kts .scala .groovy .gradle .c .h .cc .cpp
.cxx .hpp .hh .cs .swift .m .mm .lua .r .sql .sqlx .tf .tfvars .exe .dll .so .dylib .o .a .wasm
""".split())
DENIED_NAME = re.compile(
    r"^(passwd|shadow|gshadow|group|sudoers|master\.passwd|htpasswd|authorized_keys|known_hosts"
    r"|makefile|dockerfile|containerfile|vagrantfile|jenkinsfile|procfile|gemfile|rakefile)$"
    r"|^id_(rsa|dsa|ecdsa|ed25519)"  # ssh keys, with or without .pub
    r"|^(api[-_]?keys?|credentials?|secrets?|passwords?|tokens?)([._-]|$)",
    re.IGNORECASE)


class PathRefused(ValueError):
    """A requested ingest path that is not allowed (the message is Korean, for the HTTP 422)."""


def denied_reason(name: str) -> str | None:
    """Why a file name is never ingested (dotfile, secret, config, database, code), or None."""
    if name.startswith("."):
        return "숨김 파일(점으로 시작하는 이름)은 색인하지 않습니다"
    if DENIED_NAME.search(name):
        return "키·인증 정보·시스템 파일이나 빌드 스크립트로 보이는 이름이라 색인하지 않습니다"
    if Path(name).suffix.lower() in DENIED_SUFFIXES:
        return f"설정·키·데이터베이스·소스 코드 파일({Path(name).suffix})은 색인하지 않습니다"
    return None


def walk_refusal(named: Iterable[Path]):
    """For ``dasan ingest``: a refusal callable that applies the denylist only to files met in a folder
    walk; the files the admin named on the command line are read as asked."""
    named = {Path(p).absolute() for p in named}

    def refuse(f: Path) -> str | None:
        return None if f.absolute() in named else denied_reason(f.name)

    return refuse


def _split(value: str) -> list[str]:
    return [v.strip() for part in value.split(os.pathsep) for v in part.split(",") if v.strip()]


@dataclass(frozen=True)
class IngestRoots:
    """Folders (or single files) that ingest requests over HTTP may read, as resolved real paths."""

    roots: tuple[Path, ...]

    @classmethod
    def from_env(cls, home: Path, started_with: Iterable[str] = (),
                 env: Mapping[str, str] = os.environ) -> IngestRoots:
        """``DASAN_INGEST_ROOTS`` when set; else ``started_with`` (serve --ingest) and ``home/inbox``
        (created). A configured root that does not exist fails at start-up."""
        configured = _split(env.get("DASAN_INGEST_ROOTS", ""))
        if configured:
            roots = []
            for raw in configured:
                p = Path(os.path.realpath(raw))
                if not p.exists():
                    raise ValueError(f"DASAN_INGEST_ROOTS의 '{raw}'이(가) 없습니다. 있는 폴더를 적으세요")
                roots.append(p)
            return cls(tuple(dict.fromkeys(roots)))
        inbox = Path(home) / "inbox"
        inbox.mkdir(parents=True, exist_ok=True)
        roots = [Path(os.path.realpath(p)) for p in started_with if p and Path(p).exists()]
        return cls(tuple(dict.fromkeys(roots + [Path(os.path.realpath(inbox))])))

    def _root_of(self, real: Path) -> Path | None:
        for root in self.roots:
            if real == root or real.is_relative_to(root):
                return root
        return None

    def _allowed(self) -> str:
        return ", ".join(str(r) for r in self.roots)

    def refusal(self, path: Path) -> str | None:
        """Why a file met during an ingest may not be read (outside the roots once resolved, or denied)."""
        real = Path(os.path.realpath(path))
        root = self._root_of(real)
        if root is None:
            return (f"실제 위치({real})가 색인 허용 폴더 밖입니다(DASAN_INGEST_ROOTS: {self._allowed()})")
        for part in (path.name, *real.relative_to(root).parts):
            reason = denied_reason(part) if part not in ("", ".") else None
            if reason:
                return reason
        return None

    def check_request(self, raw: str) -> Path:
        """The resolved path for a requested ingest path; PathRefused (Korean) when it may not be read."""
        hint = f"색인 허용 폴더: {self._allowed()} (DASAN_INGEST_ROOTS로 바꿀 수 있습니다)"
        if not raw.strip():
            raise PathRefused(f"빈 경로는 받지 않습니다. 색인할 파일이나 폴더의 경로를 적으세요. {hint}")
        path = Path(raw)
        real = Path(os.path.realpath(path))
        if self._root_of(real) is None:
            raise PathRefused(f"경로 '{raw}'(실제 위치 {real})는 색인할 수 없습니다. {hint}")
        if not real.exists():
            raise PathRefused(f"경로 '{raw}'가 없습니다. {hint}")
        reason = self.refusal(path)
        if reason:
            raise PathRefused(f"경로 '{raw}'는 색인할 수 없습니다: {reason}. {hint}")
        return real

    def check_config(self, raw: str) -> Path:
        """The resolved path of a sync configuration (sources.toml): a .toml file under a root."""
        hint = f"설정 파일을 색인 허용 폴더({self._allowed()}) 안에 두세요"
        real = Path(os.path.realpath(raw)) if raw.strip() else None
        if real is None or self._root_of(real) is None or real.suffix.lower() != ".toml" or not real.is_file():
            raise PathRefused(f"동기화 설정 '{raw}'를 쓸 수 없습니다(색인 허용 폴더 안의 .toml 파일이어야 합니다). {hint}")
        return real

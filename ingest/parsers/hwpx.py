"""Parser for HWPX (OWPML) documents: a zip of XML parts, text in Contents/sectionN.xml.

The archive is checked before anything is decompressed: member count, total declared size,
per-member compression ratio (zip bombs), absolute or ".." member names, encrypted members and
truncation are all refused with ParseError. Each member is then read with a hard cap at its
declared size, so a lying header cannot inflate past the limits either. XML goes through
defusedxml; paragraphs and tables become Dasan documents exactly as for .hwp files.
"""
from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

from ingest.parsers.base import ParseError, sniff
from ingest.parsers.hwp_blocks import Piece, render
from ingest.parsers.hwp_structure import build_documents
from ingest.parsers.hwp_xml import blocks_of, parse_xml
from rag.model import Document

MAX_TOTAL_BYTES = 200 * 1024 * 1024  # all members together, uncompressed
MAX_RATIO = 100  # uncompressed / compressed, per member
RATIO_FLOOR_BYTES = 64 * 1024  # tiny members (a 1 KB blank XML) may compress better than 100:1
MAX_MEMBERS = 10_000
SECTION_RE = re.compile(r"^Contents/section(\d+)\.xml$", re.I)
HWPX_MIMETYPE = b"application/hwp+zip"


def parse(path: Path) -> list[Document]:
    """Documents of one .hwpx file; ParseError with the reason when it is unsafe or unreadable."""
    path = Path(path)
    return build_documents(path, read_pieces(path))


def read_pieces(path: Path) -> list[Piece]:
    """Rendered paragraphs and tables of every section, in section order."""
    path = Path(path)
    with open_archive(path) as archive:
        blocks: list = []
        for name in section_names(path, archive):
            root = parse_xml(path, read_member(path, archive, name), name)
            blocks.extend(blocks_of(root))
    return render(blocks)


def open_archive(path: Path) -> zipfile.ZipFile:
    """The zip, after every safety check on its directory (nothing is decompressed yet)."""
    fmt = sniff(path)
    if fmt == "ole":
        raise ParseError(path, "HWPX가 아니라 HWP 5(OLE) 문서입니다: 확장자를 .hwp로 바꿔 주세요.")
    if fmt != "zip":
        raise ParseError(path, f"HWPX(ZIP) 문서가 아닙니다(내용 형식: {fmt}): 손상되었거나 다른 형식입니다.")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as e:
        raise ParseError(path, f"ZIP 구조가 손상되었거나 파일이 잘렸습니다({e}).") from e
    try:
        check_members(path, archive.infolist(), path.stat().st_size)
        _check_mimetype(path, archive)
    except ParseError:
        archive.close()
        raise
    return archive


def check_members(path: Path, infos: list[zipfile.ZipInfo], archive_size: int) -> None:
    """Refuse zip bombs, path traversal, encrypted members and truncated archives."""
    if len(infos) > MAX_MEMBERS:
        raise ParseError(path, f"ZIP 항목이 너무 많습니다({len(infos)}개 > {MAX_MEMBERS}개): 처리하지 않습니다.")
    total = 0
    for info in infos:
        name = info.filename
        if unsafe_name(name):
            raise ParseError(path, f"ZIP 항목 이름이 안전하지 않습니다(절대 경로 또는 '..'): {name!r}")
        if info.flag_bits & 0x1:
            raise ParseError(path, f"암호화된 ZIP 항목이 있습니다({name}): 암호를 해제한 HWPX를 넣어 주세요.")
        if info.file_size > RATIO_FLOOR_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size / max(info.compress_size, 1)
            raise ParseError(path, f"압축 폭탄으로 보입니다: {name} 압축률 {ratio:.0f}:1 > {MAX_RATIO}:1")
        if info.header_offset + info.compress_size > archive_size:
            raise ParseError(path, f"ZIP 파일이 잘렸습니다: {name} 항목이 파일 끝을 넘습니다.")
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise ParseError(path, f"압축을 풀면 {total / 2**20:.0f} MB로 한도({MAX_TOTAL_BYTES // 2**20} MB)를 넘습니다: "
                               "처리하지 않습니다.")


def unsafe_name(name: str) -> bool:
    """Absolute paths, drive letters, NUL bytes and '..' components."""
    parts = re.split(r"[/\\]", name)
    return (name.startswith(("/", "\\")) or bool(re.match(r"^[A-Za-z]:", name)) or "\x00" in name
            or ".." in parts)


def _check_mimetype(path: Path, archive: zipfile.ZipFile) -> None:
    """A zip whose mimetype says something else (EPUB, ODF) or whose manifest is encrypted."""
    names = set(archive.namelist())
    if "mimetype" in names and archive.getinfo("mimetype").file_size < 256:
        mimetype = read_member(path, archive, "mimetype").strip()
        if mimetype and mimetype != HWPX_MIMETYPE:
            raise ParseError(path, f"HWPX가 아닌 ZIP 문서입니다(mimetype {mimetype.decode('ascii', 'replace')}).")
    manifest = "META-INF/manifest.xml"
    if manifest in names and b"encryption-data" in read_member(path, archive, manifest):
        raise ParseError(path, "암호가 설정된 HWPX 문서입니다: 한글에서 암호를 해제하고 다시 저장한 파일을 넣어 주세요.")


def section_names(path: Path, archive: zipfile.ZipFile) -> list[str]:
    """Contents/sectionN.xml members in numeric order; ParseError when there is none."""
    found = sorted((int(m.group(1)), n) for n in archive.namelist() if (m := SECTION_RE.match(n)))
    if not found:
        raise ParseError(path, "HWPX 본문(Contents/section*.xml)이 없습니다: HWPX가 아닌 ZIP(DOCX 등)일 수 있습니다.")
    return [name for _, name in found]


def read_member(path: Path, archive: zipfile.ZipFile, name: str) -> bytes:
    """One member's bytes, never more than its declared size (a lying header is refused)."""
    info = archive.getinfo(name)
    try:
        with archive.open(info) as f:
            data = f.read(info.file_size + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as e:
        raise ParseError(path, f"ZIP 항목 {name}을 읽을 수 없습니다: 손상되었거나 잘렸습니다({e}).") from e
    if len(data) > info.file_size:
        raise ParseError(path, f"ZIP 항목 {name}이 선언된 크기보다 큽니다: 조작된 파일입니다.")
    return data

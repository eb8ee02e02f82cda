"""Read an HWP 5 binary document (OLE compound file) into paragraphs and tables.

Only ``olefile`` (BSD) is used to open the container; the record format of the BodyText streams
is decoded here (HWP 5.0 spec, 한글과컴퓨터 공개 문서). Every way a file can be unreadable
(not OLE, truncated, corrupt stream, password/distribution/DRM protection) raises ``ParseError``
with the specific reason instead of yielding partial or garbage text.
"""
from __future__ import annotations

import re
import struct
import sys
import zlib
from array import array
from dataclasses import dataclass, field
from pathlib import Path

import olefile

from ingest.parsers.base import ParseError
from ingest.parsers.hwp_blocks import Cell, Para, Table

SIGNATURE = b"HWP Document File"
FLAG_COMPRESSED = 0x01
PROTECTIONS = {  # FileHeader property bits that mean the body cannot be read as-is
    0x002: "암호가 설정된 HWP 문서입니다: 한글에서 암호를 해제하고 다시 저장한 파일을 넣어 주세요.",
    0x004: "배포용 문서(본문 암호화)입니다: 일반 문서로 저장한 파일을 넣어 주세요.",
    0x010: "DRM 보안이 걸린 HWP 문서입니다: 보안을 해제한 파일을 넣어 주세요.",
    0x100: "공인인증서로 암호화된 HWP 문서입니다: 암호화를 해제한 파일을 넣어 주세요.",
    0x400: "공인인증서 DRM이 걸린 HWP 문서입니다: 보안을 해제한 파일을 넣어 주세요.",
}
MAX_EXPANDED_BYTES = 256 * 1024 * 1024  # all sections together, after decompression

TAG_PARA_HEADER, TAG_PARA_TEXT, TAG_CTRL_HEADER, TAG_LIST_HEADER, TAG_TABLE = 66, 67, 71, 72, 77
EXTENDED_CTRL = {1, 2, 3, 11, 12, 14, 15, 16, 17, 18, 21, 22, 23}  # 8 WCHARs, owns a CTRL_HEADER
INLINE_CTRL = {4, 5, 6, 7, 8, 9, 19, 20}  # 8 WCHARs, no CTRL_HEADER
SKIPPED_CTRLS = {b"head", b"foot", b"tcmt"}  # page header/footer, hidden comment
NOTE_CTRLS = {b"fn  ", b"en  "}  # footnote/endnote: text goes after the paragraph
CTRL = object()  # marker for an extended control inside decoded paragraph text


@dataclass
class Record:
    """One HWP record with its children (tree built from the record levels)."""

    tag: int
    level: int
    payload: bytes
    children: list["Record"] = field(default_factory=list)


def read_blocks(path: Path) -> list:
    """Paragraph/table blocks of every body section; ParseError when the file cannot be read."""
    ole = _open_ole(path)
    try:
        flags = _check_header(path, ole)
        budget = MAX_EXPANDED_BYTES
        blocks: list = []
        for name in _section_names(path, ole):
            data = _read_stream(path, ole, name)
            if flags & FLAG_COMPRESSED:
                data = _inflate(path, name, data, budget)
            budget -= len(data)
            for node in _record_tree(path, name, data).children:
                if node.tag == TAG_PARA_HEADER:
                    blocks.extend(_para_blocks(node))
        return blocks
    finally:
        ole.close()


def _open_ole(path: Path) -> olefile.OleFileIO:
    """The OLE container, or ParseError naming the damage."""
    try:
        return olefile.OleFileIO(str(path))
    except Exception as e:  # olefile raises OSError/ValueError/IndexError for damaged files
        raise ParseError(path, f"OLE 컨테이너가 손상되었거나 잘린 HWP 파일입니다({type(e).__name__}: {str(e)[:120]})") from e


def _check_header(path: Path, ole: olefile.OleFileIO) -> int:
    """FileHeader checks (signature, version 5, protection bits); returns the property flags."""
    if not ole.exists("FileHeader"):
        raise ParseError(path, "OLE 파일이지만 HWP 문서가 아닙니다(FileHeader 스트림 없음): .doc/.xls 같은 다른 OLE 문서일 수 있습니다.")
    header = _read_stream(path, ole, "FileHeader")
    if len(header) < 40 or not header.startswith(SIGNATURE):
        raise ParseError(path, "FileHeader 서명이 'HWP Document File'이 아닙니다: 손상되었거나 HWP가 아닌 파일입니다.")
    version, flags = struct.unpack_from("<II", header, 32)
    if version >> 24 != 5:
        raise ParseError(path, f"HWP {version >> 24}.x 형식은 지원하지 않습니다(HWP 5.x만 가능): 한글에서 다시 저장해 주세요.")
    for bit, reason in PROTECTIONS.items():
        if flags & bit:
            raise ParseError(path, reason)
    return flags


def _section_names(path: Path, ole: olefile.OleFileIO) -> list[str]:
    """BodyText/SectionN stream names in numeric order."""
    found = []
    for parts in ole.listdir():
        if len(parts) == 2 and parts[0] == "BodyText":
            m = re.fullmatch(r"Section(\d+)", parts[1])
            if m:
                found.append((int(m.group(1)), "/".join(parts)))
    if not found:
        raise ParseError(path, "HWP 본문(BodyText/Section) 스트림이 없습니다: 손상된 파일입니다.")
    return [name for _, name in sorted(found)]


def _read_stream(path: Path, ole: olefile.OleFileIO, name: str) -> bytes:
    """Raw bytes of one OLE stream; truncation inside the container becomes ParseError."""
    try:
        size = ole.get_size(name)
        if size > MAX_EXPANDED_BYTES:
            raise ParseError(path, f"{name} 스트림이 너무 큽니다({size} bytes).")
        with ole.openstream(name) as stream:
            data = stream.read()
    except ParseError:
        raise
    except Exception as e:
        raise ParseError(path, f"{name} 스트림을 읽을 수 없습니다: 파일이 잘렸거나 손상되었습니다({type(e).__name__}: {e})") from e
    if len(data) < size:
        raise ParseError(path, f"{name} 스트림이 잘렸습니다({len(data)}/{size} bytes): 파일이 끝까지 저장되지 않았습니다.")
    return data


def _inflate(path: Path, name: str, data: bytes, budget: int) -> bytes:
    """Raw-deflate decompression with a size cap; a cut stream is reported as truncation."""
    inflater = zlib.decompressobj(-15)
    try:
        out = inflater.decompress(data, budget + 1)
    except zlib.error as e:
        raise ParseError(path, f"{name} 압축 해제 실패: 본문이 손상되었습니다({e})") from e
    if len(out) > budget or inflater.unconsumed_tail:
        raise ParseError(path, f"{name} 압축을 풀면 {MAX_EXPANDED_BYTES // 2**20} MB를 넘습니다: 처리하지 않습니다.")
    if not inflater.eof:
        raise ParseError(path, f"{name} 압축 본문이 중간에 끊겼습니다: 파일이 잘렸습니다.")
    return out


def _record_tree(path: Path, name: str, data: bytes) -> Record:
    """Records of one section as a tree (a record's parent is the last record one level up)."""
    root = Record(-1, -1, b"")
    stack = [root]
    offset = 0
    while offset < len(data):
        if offset + 4 > len(data):
            raise ParseError(path, f"{name}: 레코드 머리가 잘렸습니다(오프셋 {offset}): 손상된 파일입니다.")
        head = struct.unpack_from("<I", data, offset)[0]
        tag, level, size = head & 0x3FF, (head >> 10) & 0x3FF, head >> 20
        offset += 4
        if size == 0xFFF:
            if offset + 4 > len(data):
                raise ParseError(path, f"{name}: 레코드 크기가 잘렸습니다(오프셋 {offset}): 손상된 파일입니다.")
            size = struct.unpack_from("<I", data, offset)[0]
            offset += 4
        if offset + size > len(data):
            raise ParseError(path, f"{name}: 레코드(태그 {tag})가 스트림 끝을 넘습니다: 잘리거나 손상된 파일입니다.")
        record = Record(tag, level, data[offset:offset + size])
        offset += size
        while len(stack) > 1 and stack[-1].level >= level:
            stack.pop()
        stack[-1].children.append(record)
        stack.append(record)
    return root


def _para_blocks(para: Record) -> list:
    """Blocks of one paragraph: its text, split around the tables/text boxes anchored in it."""
    text = next((c for c in para.children if c.tag == TAG_PARA_TEXT), None)
    ctrls = [c for c in para.children if c.tag == TAG_CTRL_HEADER]
    out: list = []
    notes: list = []
    buf: list[str] = []
    used = 0
    for seg in decode_text(text.payload) if text else []:
        if seg is not CTRL:
            buf.append(seg)
            continue
        if used < len(ctrls):
            _place(ctrls[used], out, notes, buf)
            used += 1
    for ctrl in ctrls[used:]:
        _place(ctrl, out, notes, buf)
    _flush(out, buf)
    return out + notes


def _place(ctrl: Record, out: list, notes: list, buf: list[str]) -> None:
    """Put one control's content in the paragraph output (tables/text boxes inline, notes after)."""
    cid = ctrl.payload[:4][::-1]
    if cid in SKIPPED_CTRLS:
        return
    if cid == b"tbl ":
        _flush(out, buf)
        out.append(_table(ctrl))
    elif cid in NOTE_CTRLS:
        notes.extend(_nested_blocks(ctrl))
    else:
        inner = _nested_blocks(ctrl)
        if inner:
            _flush(out, buf)
            out.extend(inner)


def _flush(out: list, buf: list[str]) -> None:
    """Move buffered text into a paragraph block."""
    text = "".join(buf)
    buf.clear()
    if text.strip():
        out.append(Para(text))


def _nested_blocks(node: Record) -> list:
    """Paragraphs found under a control (text boxes, footnotes), in order."""
    out: list = []
    for child in node.children:
        if child.tag == TAG_PARA_HEADER:
            out.extend(_para_blocks(child))
        else:
            out.extend(_nested_blocks(child))
    return out


def _table(ctrl: Record) -> Table:
    """A table control: TABLE record (size) then LIST_HEADER cells, each followed by its paragraphs."""
    size = next((c.payload for c in ctrl.children if c.tag == TAG_TABLE), b"")
    rows, cols = struct.unpack_from("<HH", size, 4) if len(size) >= 8 else (0, 0)
    table = Table(rows, cols)
    cell = None
    for child in ctrl.children:
        if child.tag == TAG_LIST_HEADER:
            cell = _cell(child.payload)
            table.cells.append(cell)
        elif child.tag == TAG_PARA_HEADER and cell is not None:
            cell.blocks.extend(_para_blocks(child))
    return table


def _cell(payload: bytes) -> Cell:
    """Cell address and span from a cell LIST_HEADER (paragraph count, flags, col, row, spans)."""
    if len(payload) < 16:
        return Cell(-1, -1)
    col, row, colspan, rowspan = struct.unpack_from("<HHHH", payload, 8)
    return Cell(row, col, max(rowspan, 1), max(colspan, 1))


def decode_text(payload: bytes) -> list:
    """PARA_TEXT as a list of strings and ``CTRL`` markers (one per extended control)."""
    units = array("H")
    units.frombytes(payload[: len(payload) - len(payload) % 2])
    if sys.byteorder == "big":
        units.byteswap()
    out: list = []
    chars: list[str] = []
    i = 0
    while i < len(units):
        code = units[i]
        i += 1
        if code >= 32:
            chars.append(chr(code))
            continue
        if code in EXTENDED_CTRL or code in INLINE_CTRL:
            i += 7
            if code == 9:
                chars.append("\t")
            elif code in EXTENDED_CTRL:
                out.append(_utf16("".join(chars)))
                out.append(CTRL)
                chars = []
        elif code == 10:
            chars.append("\n")
        elif code == 24:
            chars.append("-")
        elif code in (30, 31):
            chars.append(" ")
    out.append(_utf16("".join(chars)))
    return [s for s in out if s is CTRL or s]


def _utf16(s: str) -> str:
    """Join surrogate pairs that were decoded one code unit at a time."""
    return s.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")

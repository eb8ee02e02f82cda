"""Parser for .hwp files: HWP 5 binary (OLE) documents and HWPML (the XML a .hwp can also be).

law.go.kr serves 별표 as HWP 5 and some 고시 as HWPML 2.x saved under a .hwp name, so both are
read here; the content decides, never the extension. Text becomes paragraphs and tables (one
line per row, cells joined by " | ") and then Dasan documents (see ``hwp_structure``).
"""
from __future__ import annotations

from pathlib import Path

from ingest.parsers.base import ParseError, sniff
from ingest.parsers.hwp5_reader import read_blocks
from ingest.parsers.hwp_blocks import Piece, render
from ingest.parsers.hwp_structure import build_documents
from ingest.parsers.hwp_xml import hwpml_blocks
from rag.model import Document

MAX_HWPML_BYTES = 200 * 1024 * 1024


def parse(path: Path) -> list[Document]:
    """Documents of one .hwp file; ParseError with the reason when it cannot be read."""
    path = Path(path)
    return build_documents(path, read_pieces(path))


def read_pieces(path: Path) -> list[Piece]:
    """Rendered paragraphs and tables of an HWP 5 or HWPML file."""
    path = Path(path)
    try:
        with open(path, "rb") as f:
            head = f.read(4096)
    except OSError as e:
        raise ParseError(path, f"파일을 열 수 없습니다: {e}") from e
    fmt = sniff(path, head)
    if fmt == "ole":
        return render(read_blocks(path))
    if fmt == "xml" and b"<HWPML" in head:
        return render(hwpml_blocks(path, _read_limited(path)))
    raise ParseError(path, _not_hwp_reason(fmt, head))


def _read_limited(path: Path) -> bytes:
    """Whole file, refusing absurd sizes before reading."""
    size = path.stat().st_size
    if size > MAX_HWPML_BYTES:
        raise ParseError(path, f"HWPML 파일이 너무 큽니다({size / 2**20:.0f} MB).")
    return path.read_bytes()


def _not_hwp_reason(fmt: str, head: bytes) -> str:
    """Why a file named .hwp is not one, in words a user can act on."""
    if not head:
        return "빈 파일입니다."
    if fmt == "zip":
        return ("HWP 5(OLE) 문서가 아니라 ZIP 파일입니다: HWPX 문서라면 확장자를 .hwpx로 바꿔 주세요"
                "(이름만 .hwp로 바뀐 ZIP/DOCX일 수 있습니다).")
    if fmt == "pdf":
        return "HWP가 아니라 PDF 파일입니다: 확장자를 .pdf로 바꿔 주세요."
    if fmt in ("xml", "html"):
        return "HWP가 아니라 HWPML이 아닌 XML/HTML 파일입니다."
    if head.startswith(b"HWP Document File"):
        return "HWP 3.x 이하의 옛 형식입니다: 한글에서 HWP 5 형식(.hwp)으로 다시 저장해 주세요."
    return f"HWP 5 문서가 아닙니다(OLE 서명 없음, 첫 바이트 {head[:8].hex(' ')}): 손상되었거나 다른 형식입니다."

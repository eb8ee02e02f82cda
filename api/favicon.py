"""The site icon, drawn in code: a white page with text lines on the page's blue, 32×32, as an ICO file
holding one PNG (every current browser reads PNG-in-ICO). No font is used, so it looks the same
everywhere; nothing is committed as a binary."""
from __future__ import annotations

import struct
import zlib
from functools import lru_cache

SIZE = 32
SUPERSAMPLE = 4
BLUE = (11, 79, 156)    # --primary in style.css
FOLD = (156, 192, 234)
WHITE = (255, 255, 255)
PAGE = [(9, 5), (19, 5), (24, 10), (24, 27), (9, 27)]   # convex, clockwise on screen
CORNER = [(19, 5), (24, 10), (19, 10)]
LINES = [(12, 14, 21, 16), (12, 18, 21, 20), (12, 22, 18, 24)]  # x0, y0, x1, y1


def _in_rounded_square(x: float, y: float, r: float = 6.0) -> bool:
    cx = min(max(x, r), SIZE - r)
    cy = min(max(y, r), SIZE - r)
    return 0 <= x <= SIZE and 0 <= y <= SIZE and (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def _in_convex(x: float, y: float, poly: list[tuple[float, float]]) -> bool:
    n = len(poly)
    for i in range(n):
        (x0, y0), (x1, y1) = poly[i], poly[(i + 1) % n]
        if (x1 - x0) * (y - y0) - (y1 - y0) * (x - x0) < 0:
            return False
    return True


def _color_at(x: float, y: float) -> tuple[int, int, int] | None:
    if not _in_rounded_square(x, y):
        return None
    if any(x0 <= x <= x1 and y0 <= y <= y1 for x0, y0, x1, y1 in LINES):
        return BLUE
    if _in_convex(x, y, CORNER):
        return FOLD
    if _in_convex(x, y, PAGE):
        return WHITE
    return BLUE


def pixels() -> list[list[tuple[int, int, int, int]]]:
    """RGBA rows, each pixel the average of SUPERSAMPLE² samples (smooth edges)."""
    rows = []
    step = 1 / SUPERSAMPLE
    for py in range(SIZE):
        row = []
        for px in range(SIZE):
            acc, hits = [0, 0, 0], 0
            for sy in range(SUPERSAMPLE):
                for sx in range(SUPERSAMPLE):
                    c = _color_at(px + (sx + 0.5) * step, py + (sy + 0.5) * step)
                    if c:
                        hits += 1
                        acc = [a + b for a, b in zip(acc, c)]
            alpha = round(255 * hits / SUPERSAMPLE ** 2)
            row.append(tuple(round(a / hits) for a in acc) + (alpha,) if hits else (0, 0, 0, 0))
        rows.append(row)
    return rows


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(rows: list[list[tuple[int, int, int, int]]]) -> bytes:
    h, w = len(rows), len(rows[0])
    raw = b"".join(b"\x00" + bytes(v for px in row for v in px) for row in rows)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
            + _chunk(b"IDAT", zlib.compress(raw, 9)) + _chunk(b"IEND", b""))


@lru_cache(maxsize=1)
def favicon_ico() -> bytes:
    """ICONDIR + one ICONDIRENTRY + the PNG."""
    image = png(pixels())
    header = struct.pack("<HHH", 0, 1, 1)
    entry = struct.pack("<BBBBHHII", SIZE, SIZE, 0, 0, 1, 32, len(image), 6 + 16)
    return header + entry + image

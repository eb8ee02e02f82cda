"""``dasan mask``: the masker over a text argument, stdin or a JSONL file."""
from __future__ import annotations

import json
import sys
from typing import TextIO

from ingest.pii import MaskPolicy, mask


def mask_cli(argv_text: str | None, jsonl_path: str | None, out: TextIO = sys.stdout,
             policy: MaskPolicy | None = None) -> int:
    """``dasan mask``: text (argument, else stdin) → masked text; ``--jsonl FILE`` ("-": stdin) → JSONL.

    JSONL: one ``{"id","text"}`` per line in, one ``{"id","masked","spans":[{"type","start","end"}]}`` per
    line out. Returns the exit status: 0, or 2 for an unreadable file or line (message on stderr).
    """
    if jsonl_path is None:
        text = argv_text if argv_text is not None else sys.stdin.read()
        out.write(mask(text, policy).masked)
        return 0
    try:
        stream = sys.stdin if jsonl_path == "-" else open(jsonl_path, encoding="utf-8")
    except OSError as e:
        print(f"JSONL 파일을 열 수 없습니다: {jsonl_path} ({e.strerror})", file=sys.stderr)
        return 2
    with stream:
        for n, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                text = item["text"]
                if not isinstance(text, str):
                    raise TypeError
            except (ValueError, KeyError, TypeError):
                print(f"{jsonl_path} {n}번째 줄: {{\"id\", \"text\"}} 형식의 JSON이 아닙니다. "
                      "각 줄에 JSON 객체 하나를 쓰고, text에 문자열을 넣으세요.", file=sys.stderr)
                return 2
            r = mask(text, policy)
            out.write(json.dumps({"id": item.get("id"), "masked": r.masked,
                                  "spans": [{"type": s.type, "start": s.start, "end": s.end} for s in r.spans]},
                                 ensure_ascii=False) + "\n")
    return 0

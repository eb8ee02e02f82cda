"""The ``dasan`` subcommands, by topic; dasan/cli.py builds the parser and runs one.

Each ``cmd_*(args, rt)`` gets the runtime (ingest/runtime.py), or ``rt=None`` and ``args.remote``
(dasan/remote.py) when a running server holds the data folder and the command goes through its API.
"""
from __future__ import annotations

import json


def print_json(obj) -> None:
    print(json.dumps(obj, ensure_ascii=False, default=str))

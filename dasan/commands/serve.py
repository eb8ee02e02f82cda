"""serve: the API server; it advertises where it listens (dasan/remote.py) while it runs."""
from __future__ import annotations

import sys
from pathlib import Path


def cmd_serve(args, rt) -> int:
    import uvicorn

    from api.app import create_app
    from api.jobs import start_job
    from dasan.remote import advertise, withdraw
    from ingest.jobs import IngestJob
    from ingest.paths import IngestRoots, walk_refusal

    try:  # bad DASAN_AUTH / keys / CIDRs / ingest roots: a message, not a traceback
        app = create_app(rt)
        # POST /v1/ingest may read under the folder this server was started with (and DASAN_HOME/inbox)
        app.state.ingest_roots = IngestRoots.from_env(rt.settings.home, started_with=args.ingest)
    except ValueError as e:
        print(f"설정 오류: {e}", file=sys.stderr)
        return 2
    if args.ingest:
        # Serve at once; index in the background in this process (the embedded index is single-process).
        paths = tuple(Path(p) for p in args.ingest)
        start_job(app, IngestJob(paths=paths), refuse=walk_refusal(paths))  # one log line per file
    # while it serves, the server says where it listens (removed on shutdown: uvicorn re-raises SIGTERM
    # after its own shutdown, so a ``finally`` here would not run)
    home = rt.settings.home
    app.router.add_event_handler("startup", lambda: advertise(home, args.host, args.port))
    app.router.add_event_handler("shutdown", lambda: withdraw(home))
    try:
        # proxy_headers=False: client addresses are never rewritten from X-Forwarded-For, so forged SSO
        # headers cannot borrow a trusted proxy's address; access_log=False: our JSON access log replaces it
        uvicorn.run(app, host=args.host, port=args.port, log_level="info", proxy_headers=False, access_log=False)
    finally:
        withdraw(home)
    return 0

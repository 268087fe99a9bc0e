"""Catalogue search benchmark: 5,000 published cases, Danish full-text search with all five facets.

For SQLite and PostgreSQL: median and p95 of catalogue.selectors.search_cases (the cases of the first page, the
total and the counts of every facet value, as /katalog/ and /api/v1/cases use it) over a mix of queries — no
text, one word, two words, text with facets, facets only — "cold" (a text not searched before) and "warm" (the
same text again, as when a visitor picks a facet or turns a page), and of the whole API request through
Django's test client (cold). Target: cold p95 under 50 ms on both databases. Cases are generated from the sentences of the demo's
catalogue (same seed every run), with 1-3 municipalities, target groups, areas and types each.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CASES = 5000
REPEAT = 15
TARGET_P95_MS = 50.0
QUERIES = [
    "",
    "q=kompetencer",
    "q=ældre+borgere",
    "q=digital+hjælp&sortering=dato",
    "målgruppe=aeldre",
    "q=kursus&målgruppe=ledere&målgruppe=topledelse",
    "q=borgere&type=it-cafe&region=1084",
    "kompetenceområde=C2&kommune=751",
    "q=sikkerhed&kompetenceområde=A3&sortering=relevans",
    "type=kursus&type=e-laering&målgruppe=sundhed-og-omsorg",
]


def _quantiles(samples: list[float]) -> dict:
    ordered = sorted(samples)
    return {"median_ms": round(statistics.median(ordered) * 1000, 2),
            "p95_ms": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] * 1000, 2)}


def _generate(rng: random.Random) -> None:
    from django.db import connection, transaction
    from django.utils import timezone

    from digikomp.catalogue import search
    from digikomp.catalogue.models import Case, CaseArea, EffortType, TargetGroup
    from digikomp.demo.catalogue_cases import CASES as DEMO
    from digikomp.lib.html import html_to_text
    from digikomp.tenancy.models import Municipality

    sentences = [s.strip() + "." for case in DEMO for text in (case["summary"], *case["body"], case["results"])
                 for s in text.split(". ") if s.strip()]
    titles = [case["title"] for case in DEMO]
    municipalities = list(Municipality.objects.values_list("pk", flat=True))
    groups = list(TargetGroup.objects.values_list("pk", flat=True))
    types = list(EffortType.objects.values_list("pk", flat=True))
    areas = ["A1", "A2", "A3", "B1", "B2", "B3", "C1", "C2", "C3", "D1", "D2", "D3", "E1"]
    now = timezone.now()
    with transaction.atomic():
        rows = []
        for i in range(CASES):
            body = "".join(f"<p>{' '.join(rng.sample(sentences, 3))}</p>" for _ in range(3))
            rows.append(Case(slug=f"case-{i}", title=f"{rng.choice(titles)} {i}", summary=" ".join(
                rng.sample(sentences, 2)), body=body, body_text=html_to_text(body), owner_id=rng.choice(
                municipalities), status=Case.Status.PUBLISHED, published_at=now - timezone.timedelta(hours=i)))
        Case.objects.bulk_create(rows, batch_size=1000)
        ids = list(Case.objects.values_list("pk", flat=True))
        through = Case.municipalities.through
        through.objects.bulk_create([through(case_id=pk, municipality_id=m) for pk in ids
                                     for m in rng.sample(municipalities, rng.randint(1, 3))], batch_size=5000)
        through = Case.target_groups.through
        through.objects.bulk_create([through(case_id=pk, targetgroup_id=g) for pk in ids
                                     for g in rng.sample(groups, rng.randint(1, 3))], batch_size=5000)
        through = Case.effort_types.through
        through.objects.bulk_create([through(case_id=pk, efforttype_id=t) for pk in ids
                                     for t in rng.sample(types, rng.randint(1, 2))], batch_size=5000)
        CaseArea.objects.bulk_create([CaseArea(case_id=pk, code=a) for pk in ids
                                      for a in rng.sample(areas, rng.randint(1, 3))], batch_size=5000)
        search.reindex_all()  # bulk_create bypasses Case.save(); PostgreSQL's column is generated anyway
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def worker(database_url: str) -> dict:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "digikomp.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.http import QueryDict
    from django.test import Client

    from digikomp.catalogue import selectors
    from digikomp.catalogue.selectors import CatalogueQuery, search_cases
    from digikomp.frameworks.services import load_shipped_frameworks

    call_command("migrate", verbosity=0)
    load_shipped_frameworks()
    started = time.perf_counter()
    _generate(random.Random(2026))
    load_seconds = time.perf_counter() - started

    settings.ALLOWED_HOSTS = ["*"]
    client = Client()
    cold, warm, request, totals = [], [], [], {}
    search_cases(CatalogueQuery())  # the first search builds the facet index, as on a fresh server
    for querystring in QUERIES:
        query = CatalogueQuery.from_params(QueryDict(querystring))
        for _ in range(REPEAT):
            # Cold: the text has not been searched before (the recent-matches cache is emptied).
            selectors._text_matches.clear()
            t = time.perf_counter()
            result = search_cases(query)
            cold.append(time.perf_counter() - t)
            # Warm: the same text again, as when a visitor picks a facet, another order or the next page.
            t = time.perf_counter()
            search_cases(query)
            warm.append(time.perf_counter() - t)
            selectors._text_matches.clear()
            t = time.perf_counter()
            response = client.get(f"/api/v1/cases?{querystring}")
            request.append(time.perf_counter() - t)
            assert response.status_code == 200
        totals[querystring or "(all)"] = result.total
    results = {"database": connection.vendor, "cases": CASES, "queries": len(QUERIES), "repeat": REPEAT,
               "load_seconds": round(load_seconds, 1), "search_with_facets_cold": _quantiles(cold),
               "search_with_facets_warm": _quantiles(warm), "api_request_cold": _quantiles(request),
               "hits": totals}
    results["meets_target"] = results["search_with_facets_cold"]["p95_ms"] < TARGET_P95_MS
    return results


def run() -> list[dict]:
    from benchmarks.support import environment, postgres_database, postgres_reachable

    results = []
    with tempfile.TemporaryDirectory() as folder:
        targets = [("sqlite", contextlib.nullcontext(f"sqlite:///{Path(folder) / 'bench.sqlite3'}"))]
        why = postgres_reachable()
        if why is None:
            targets.append(("postgresql", postgres_database(f"digikomp_bench_catalogue_{os.getpid()}")))
        else:
            results.append({"database": "postgresql", "skipped": why})
        for name, database in targets:
            with database as url:
                env = environment(database_url=url, data_dir=Path(folder))
                try:
                    out = subprocess.run([sys.executable, "-m", "benchmarks.bench_catalogue", "--worker", url],
                                         env=env, capture_output=True, text=True, check=True)
                    results.append(json.loads(out.stdout.strip().splitlines()[-1]))
                except subprocess.CalledProcessError as exc:
                    results.append({"database": name, "error": exc.stderr[-2000:]})
    return results


if __name__ == "__main__":
    if sys.argv[1:2] == ["--worker"]:
        print(json.dumps(worker(sys.argv[2])))
    else:
        print(json.dumps(run(), indent=2))

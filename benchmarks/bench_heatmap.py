"""Heatmap benchmark: 45,000 people, 1,500 units, 40 competences, 4 waves (~7.2 million answers).

For SQLite and PostgreSQL: median and p95 of insights.heatmap.build_heatmap (which reads the latest wave's
release, made here through insights.release.store_tallies from the same answers) for the top unit and for a
mid-level unit, and in the same process a raw-scan lower bound — numpy bincount over the same wave's answers
for the same rows and columns — with the ratio between them. Each database runs in its own process (Django
settings are per process); the worldbuilding is identical (same seed). For a quick check of the benchmark
itself, BENCH_HEATMAP_PEOPLE and BENCH_HEATMAP_UNITS shrink the world (see heatmap_world.py).
"""

from __future__ import annotations

import time

from benchmarks.support import main, on_each_database, quantiles, setup_django

REPEAT = 30


def worker(database_url: str) -> dict:
    setup_django(database_url)
    import numpy as np
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from benchmarks import heatmap_world as w
    from digikomp.assessments.models import Campaign, CampaignSeries, Tally, UnitTally
    from digikomp.frameworks.models import FrameworkVersion
    from digikomp.frameworks.services import load_shipped_frameworks
    from digikomp.insights.heatmap import build_heatmap
    from digikomp.insights.models import FigureRelease, ReleasedTally
    from digikomp.insights.release import store_tallies
    from digikomp.profiles.models import Profile
    from digikomp.profiles.services import load_shipped_norm
    from digikomp.tenancy.models import Municipality, OrgUnit

    call_command("migrate", verbosity=0)
    load_shipped_frameworks()
    release = load_shipped_norm()
    version: FrameworkVersion = release.framework_version
    competences = list(version.competences.order_by("position")[: w.COMPETENCES])
    profiles = list(Profile.objects.filter(owner__isnull=True).order_by("slug")[: w.PROFILES])
    municipality = Municipality.objects.get(code="101")

    rng = np.random.default_rng(2026)
    parents, depth = w.build_tree(rng)
    chains = w.ancestors(parents)
    person_unit, person_profile, required, waves = w.answers(rng, parents, depth)

    started = time.perf_counter()
    with transaction.atomic():
        units = []
        for index in range(w.UNITS):
            pk = index + 1
            path = "".join(OrgUnit.path_segment(a + 1) for a in reversed(chains[index]))
            units.append(OrgUnit(pk=pk, municipality=municipality, external_id=f"U{pk}", name=f"Enhed {pk}",
                                 parent_id=parents[index] + 1 if parents[index] >= 0 else None,
                                 path="/" + path, depth=int(depth[index])))
        OrgUnit.objects.bulk_create(units, batch_size=2000)
        series = CampaignSeries.objects.create(municipality=municipality, name="Benchmark", panel_secret="x")
        now = timezone.now()
        campaigns = [Campaign.objects.create(municipality=municipality, series=series, wave=i + 1,
                                             name=f"Runde {i + 1}", release=release, framework_version=version,
                                             opens_at=now, closes_at=now, anonymity_k=5)
                     for i in range(w.WAVES)]
    field = Tally._meta.get_field("competence_identifier")
    identifiers = [field.get_db_prep_value(c.identifier, connection) for c in competences]
    tally_rows = 0
    for campaign, levels in zip(campaigns, waves):
        rows, unit_rows = w.tally_rows(person_unit, person_profile, required, levels, chains, rng)
        tally_rows += len(rows) + len(unit_rows)
        counts = "dont_know, meeting, level_1, level_2, level_3, level_4, level_5, level_6, level_7, level_8"
        _load(connection, Tally._meta.db_table,
              f"campaign_id, unit_id, profile_id, competence_identifier, shard, {counts}",
              [(campaign.pk, u + 1, profiles[p].pk, identifiers[c], s, *rest, 0, 0, 0, 0)
               for (u, p, c, s, *rest) in rows])
        _load(connection, UnitTally._meta.db_table, f"campaign_id, unit_id, competence_identifier, shard, {counts}",
              [(campaign.pk, u + 1, identifiers[c], s, *rest, 0, 0, 0, 0) for (u, c, s, *rest) in unit_rows])
    # The pages read the release a closed campaign gets (insights/release.py): made here for the latest wave
    # from the same generated answers, through the release's own pooling and storage.
    release_started = time.perf_counter()
    latest = campaigns[-1]
    paths = dict(OrgUnit.objects.values_list("pk", "path"))
    direct = {(u + 1, profiles[p].pk, competences[c].identifier): vector for (u, p, c), vector in
              w.direct_groups(person_unit, person_profile, required, waves[-1]).items()}
    with transaction.atomic():
        store_tallies(FigureRelease.objects.create(campaign=latest, k=5), paths, direct, 5)
    release_seconds = time.perf_counter() - release_started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {Tally._meta.db_table}")
            cursor.execute(f"ANALYZE {ReleasedTally._meta.db_table}")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    load_seconds = time.perf_counter() - started

    top = OrgUnit.objects.get(pk=1)
    mid = OrgUnit.objects.filter(depth=2).order_by("pk")[len(OrgUnit.objects.filter(depth=2)) // 2]
    results = {"database": connection.vendor, "tally_rows": tally_rows,
               "answers": int(w.PEOPLE * w.COMPETENCES * w.WAVES), "load_seconds": round(load_seconds, 1),
               "release_seconds": round(release_seconds, 1),
               "released_rows": ReleasedTally.objects.filter(release__campaign=latest).count()}
    for label, unit in (("top", top), ("mid", mid)):
        build_heatmap(campaign=latest, unit=unit)  # warm caches as a real server would be
        samples = []
        for _ in range(REPEAT):
            t = time.perf_counter()
            heatmap = build_heatmap(campaign=latest, unit=unit)
            samples.append(time.perf_counter() - t)
        results[f"heatmap_{label}"] = quantiles(samples) | {"rows": len(heatmap.rows)}
        # Lower bound: the same rows x competences x levels straight from the raw answers of the wave.
        unit_index = unit.pk - 1
        row_of_unit = np.full(w.UNITS, -1)
        row_of_unit[unit_index] = 0
        children = [i for i in range(w.UNITS) if parents[i] == unit_index]
        for position, child in enumerate(children, start=1):
            row_of_unit[child] = position
        # Each person's row: the child of `unit` on their chain (or -1 if outside the unit).
        person_row = np.array([next((row_of_unit[a] for a in chains[u] if row_of_unit[a] > 0),
                                    0 if unit_index in chains[u] else -1) for u in person_unit])
        inside = person_row >= 0
        answers = waves[-1][inside]
        rows_inside = person_row[inside]
        raw_samples = []
        for _ in range(REPEAT):
            t = time.perf_counter()
            index = (rows_inside[:, None] * w.COMPETENCES + np.arange(w.COMPETENCES)) * (w.LEVELS + 1) + answers
            np.bincount(index.ravel(), minlength=(len(children) + 1) * w.COMPETENCES * (w.LEVELS + 1))
            raw_samples.append(time.perf_counter() - t)
        results[f"raw_scan_{label}"] = quantiles(raw_samples) | {"answers_scanned": int(answers.size)}
        results[f"ratio_{label}"] = round(results[f"heatmap_{label}"]["median_ms"]
                                          / max(results[f"raw_scan_{label}"]["median_ms"], 1e-6), 2)
    return results


def _load(connection, table: str, columns: str, records: list[tuple]) -> None:
    """Bulk-load rows: COPY on PostgreSQL, executemany on SQLite, in one transaction."""
    from django.db import transaction

    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for record in records:
                    copy.write_row(record)
        else:
            placeholders = ", ".join(["%s"] * len(columns.split(",")))
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", records)


def run() -> list[dict]:
    return on_each_database("benchmarks.bench_heatmap")


if __name__ == "__main__":
    main(run, worker)

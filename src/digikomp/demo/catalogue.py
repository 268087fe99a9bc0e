"""Seeding the demo's inspiration catalogue: the cases of catalogue_cases.py, published through the same
services a municipality and an editor use (create, submit, publish), idempotent by title."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from digikomp.catalogue import services
from digikomp.catalogue.models import Case, CaseFigure, EffortType, TargetGroup
from digikomp.demo.catalogue_cases import CASES, FICTION
from digikomp.tenancy.models import Municipality

# The newest case was published on this day; each earlier one some days before, so the dates look like a
# catalogue that has grown over two years.
NEWEST = datetime.datetime(2026, 10, 1, 10, 0, tzinfo=datetime.UTC)

DEMO = "the demo seed writes the cases of several municipalities"


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _slug(name: str) -> str:
    name = name.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa").replace("é", "e")
    return name.replace(" ", ".").replace(",", "").replace("-", "")


@transaction.atomic
def seed_catalogue(*, editor=None) -> int:
    """Create and publish the demo cases that do not exist yet; returns how many were created."""
    municipalities = {m.code: m for m in Municipality.objects.all()}
    groups = {g.slug: g for g in TargetGroup.objects.all()}
    types = {t.slug: t for t in EffortType.objects.all()}
    created = 0
    for index, data in enumerate(CASES):
        if Case.objects.unscoped(DEMO).filter(title=data["title"]).exists():
            continue
        owner = municipalities[data["municipalities"][0]]
        name = data["contact"].split(",")[0]
        start, end = data["period"]
        case = Case(
            title=data["title"], owner=owner, summary=data["summary"],
            body="".join(f"<p>{p}</p>" for p in data["body"]) + f"<p><em>{FICTION}</em></p>",
            results=data["results"], period_start=_date(start), period_end=_date(end),
            contact_name=data["contact"], contact_email=f"{_slug(name)}@{_slug(owner.name)}.eksempel.dk",
        )
        services.case_save(case=case, actor=None, created=True,
                           municipalities=[municipalities[c] for c in data["municipalities"]],
                           target_groups=[groups[g] for g in data["groups"]],
                           effort_types=[types[t] for t in data["types"]], area_codes=data["areas"])
        CaseFigure.objects.bulk_create([CaseFigure(case=case, label=label, value=value, position=i)
                                        for i, (label, value) in enumerate(data["figures"])])
        services.case_submit(case=case, actor=None)
        services.case_publish(case=case, actor=editor)
        published = NEWEST - datetime.timedelta(days=19 * index, hours=index)
        Case.objects.unscoped(DEMO).filter(pk=case.pk).update(published_at=published, submitted_at=published,
                                               updated_at=min(published, timezone.now()))
        created += 1
    return created

"""The job-code mapping: which profile applies to the people with a given job code (stillingskode).

Edited one code at a time in the UI, or replaced wholesale from a CSV (`stillingskode;profil`), all or nothing.
The readers and the problem report are lib's, shared with the org import, so both imports speak the same way
about bad rows.
"""

from __future__ import annotations

import csv
import io

from django.db import transaction
from django.db.models import Count, QuerySet
from django.utils.translation import gettext_lazy as _

from digikomp.audit.models import log_action
from digikomp.lib.problems import Problems
from digikomp.lib.tables import Column, read_csv
from digikomp.profiles.models import JobProfile, Profile
from digikomp.tenancy.models import Municipality, Person

CSV_FILE = "stillingskoder.csv"
COLUMNS = [Column("stillingskode"), Column("profil"), Column("stillingsbetegnelse", required=False)]


def profiles_available(municipality: Municipality) -> QuerySet[Profile]:
    """National profiles and the municipality's own."""
    return Profile.objects.of_municipality(municipality) | Profile.objects.shared()


def job_codes_in_use(municipality: Municipality) -> list[dict]:
    """Every job code of the municipality's active people, with a title, head count and its profile."""
    rows = (
        Person.objects.of_municipality(municipality).filter(active=True).exclude(job_code="")
        .values("job_code").annotate(people=Count("id")).order_by("job_code")
    )
    titles = dict(
        Person.objects.of_municipality(municipality).filter(active=True).exclude(job_code="")
        .values_list("job_code", "job_title").order_by("job_code", "job_title")
    )
    mapping = {m.job_code: m.profile for m in JobProfile.objects.of_municipality(municipality)
               .select_related("profile")}
    return [{"job_code": r["job_code"], "job_title": titles.get(r["job_code"], ""), "people": r["people"],
             "profile": mapping.get(r["job_code"])} for r in rows]


@transaction.atomic
def job_profile_set(*, municipality: Municipality, job_code: str, profile: Profile | None, actor=None) -> None:
    if profile is None:
        JobProfile.objects.of_municipality(municipality).filter(job_code=job_code).delete()
    else:
        if not profiles_available(municipality).filter(pk=profile.pk).exists():
            raise ValueError("profile of another municipality")
        JobProfile.objects.of_municipality(municipality).update_or_create(municipality=municipality, job_code=job_code,
                                            defaults={"profile": profile})
    log_action("profile.jobcode", actor=actor, municipality=municipality,
               data={"job_code": job_code, "profile": profile.slug if profile else None})


def job_profiles_import(*, municipality: Municipality, data: bytes, actor=None,
                        dry_run: bool = False) -> tuple[Problems, int]:
    """Replace the mapping with the rows of a CSV; nothing changes if any row is wrong."""
    problems = Problems()
    table = read_csv(file=CSV_FILE, data=data, columns=COLUMNS, problems=problems)
    if table is None:
        return problems, 0
    profiles = {p.slug: p for p in profiles_available(municipality).order_by("owner_id")}  # local wins
    seen: dict[str, int] = {}
    mapping = {}
    for row in table.rows:
        code, slug = row["stillingskode"].strip(), row["profil"].strip()
        if not code:
            problems.add(CSV_FILE, row.line, "stillingskode", _("The job code is empty."))
        elif code in seen:
            problems.add(CSV_FILE, row.line, "stillingskode",
                         _("Job code %(code)s is already mapped in line %(first)s."), code=code, first=seen[code])
        if slug not in profiles:
            problems.add(CSV_FILE, row.line, "profil", _("There is no profile %(slug)s."), slug=slug)
        if code and slug in profiles and code not in seen:
            mapping[code] = profiles[slug]
        seen.setdefault(code, row.line)
    if problems or dry_run:
        return problems, len(mapping)
    with transaction.atomic():
        JobProfile.objects.of_municipality(municipality).delete()
        JobProfile.objects.bulk_create(JobProfile(municipality=municipality, job_code=code, profile=profile)
                                       for code, profile in mapping.items())
        log_action("profile.jobcode.import", actor=actor, municipality=municipality, data={"rows": len(mapping)})
    return problems, len(mapping)


def job_profiles_csv(municipality: Municipality) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(["stillingskode", "profil", "stillingsbetegnelse"])
    titles = {r["job_code"]: r["job_title"] for r in job_codes_in_use(municipality)}
    for mapping in JobProfile.objects.of_municipality(municipality).select_related("profile"):
        writer.writerow([mapping.job_code, mapping.profile.slug, titles.get(mapping.job_code, "")])
    return out.getvalue()


def job_profiles_suggest(municipality: Municipality) -> dict[str, Profile]:
    """A first mapping from job titles: a job code whose title is one of a national profile's typical job
    titles gets that profile; leaders' titles get the leader profiles. Only codes not yet mapped."""
    from digikomp.profiles.selectors import release_for

    release = release_for(municipality)
    if release is None:
        return {}
    by_title: dict[str, Profile] = {}
    for revision in release.revisions.select_related("profile"):
        for title in [*revision.job_titles, revision.name_da]:
            by_title.setdefault(title.casefold(), revision.profile)
    # Leaders' titles vary endlessly (plejecenterleder, stabschef, forstander): the ending tells the level.
    leader_endings = [(("chef", "direktør"), by_title.get("mellemleder")),
                      (("leder", "forstander"), by_title.get("linjeleder"))]
    mapped = set(JobProfile.objects.of_municipality(municipality).values_list("job_code", flat=True))
    suggestions = {}
    for row in job_codes_in_use(municipality):
        title = row["job_title"].casefold()
        profile = by_title.get(title)
        for endings, leader_profile in leader_endings:
            if profile is None and title.endswith(endings):
                profile = leader_profile
        if row["job_code"] not in mapped and profile is not None:
            suggestions[row["job_code"]] = profile
    return suggestions

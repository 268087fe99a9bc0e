"""Open-data exports of the national profile library of one published release: per profile the effective
national requirements (the extends chain merged), with competence codes and titles, levels and importance.

JSON carries both languages; the CSV is one row per profile and requirement, semicolon-separated like the
model's open-data CSV (frameworks/exports.py), so Danish spreadsheets open it directly.
"""

from __future__ import annotations

import csv
import io

from digikomp.lib.i18n import to_dict
from digikomp.profiles.models import NormRelease
from digikomp.profiles.selectors import competences_of, national_norm

CSV_HEADERS = [
    "profil", "profil_da", "profil_en", "udvider", "kompetence_kode", "kompetence_id", "kompetence_da",
    "kompetence_en", "område", "niveau", "niveau_navn_da", "niveau_navn_en", "vigtighed",
]


def _library(release: NormRelease):
    """(revision, [(competence, requirement)]) per national profile, requirements in framework order."""
    framework_version = release.framework_version
    competences = competences_of(framework_version)
    order = {c.identifier: (c.position, c.code) for c in competences.values()}
    revisions = release.revisions.filter(profile__owner__isnull=True).select_related("profile", "extends")
    for revision in revisions.order_by("profile__slug"):
        norm = national_norm(revision.profile, release)
        requirements = sorted((r for r in norm.values() if r.identifier in competences),
                              key=lambda r: order[r.identifier])
        yield revision, [(competences[r.identifier], r) for r in requirements]


def national_profiles_json(release: NormRelease) -> dict:
    framework_version = release.framework_version
    levels = {level.value: level for level in framework_version.levels.all()}
    profiles = []
    for revision, requirements in _library(release):
        profiles.append({
            "slug": revision.profile.slug,
            "name": to_dict(revision, "name"),
            "description": to_dict(revision, "description"),
            "extends": revision.extends.slug if revision.extends_id else None,
            "esco_occupation": ({"uri": revision.esco_uri, "title": revision.esco_title}
                                if revision.esco_uri else None),
            "requirements": [{
                "competence": competence.code,
                "identifier": str(competence.identifier),
                "title": to_dict(competence, "title"),
                "area": competence.area.code,
                "level": req.level,
                "level_name": to_dict(levels[req.level], "name") if req.level in levels else None,
                "importance": req.importance,
            } for competence, req in requirements],
        })
    return {
        "release": release.version,
        "published_at": release.published_at.isoformat() if release.published_at else None,
        "framework": framework_version.framework.slug,
        "framework_version": framework_version.version,
        "changelog": to_dict(release, "changelog"),
        "profiles": profiles,
    }


def national_profiles_csv(release: NormRelease) -> str:
    levels = {level.value: level for level in release.framework_version.levels.all()}
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(CSV_HEADERS)
    for revision, requirements in _library(release):
        for competence, req in requirements:
            level = levels.get(req.level)
            writer.writerow([
                revision.profile.slug, revision.name_da, revision.name_en,
                revision.extends.slug if revision.extends_id else "", competence.code,
                str(competence.identifier),
                competence.title_da, competence.title_en, competence.area.code, req.level,
                level.name_da if level else "", level.name_en if level else "", req.importance,
            ])
    return out.getvalue()

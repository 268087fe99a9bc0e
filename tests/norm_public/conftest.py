"""Fixtures for the public norm pages: Aarhus's adaptation of a national profile and a local profile."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from digikomp.frameworks.models import Competence
from digikomp.profiles import services
from digikomp.profiles.models import Adaptation, NormRelease, Profile, ProfileRevision, Requirement
from digikomp.profiles.selectors import national_norm

MODEL = "kommunernes-digitale-kompetencemodel"


def competence(release: NormRelease, code: str) -> Competence:
    return release.framework_version.competences.get(code=code)


@dataclass
class Adapted:
    adaptation: Adaptation
    raised: Competence  # B1.1 up from the norm's level
    lowered: Competence
    added: Competence
    removed: Competence


@pytest.fixture
def adapted(shipped_norm, world) -> Adapted:
    """Aarhus's "Sygeplejerske": one competence raised, one lowered, one added, one removed, a local name and
    note. Levels are read from the norm so the fixture follows the shipped data."""
    release = shipped_norm
    profile = Profile.objects.get(owner=None, slug="sygeplejerske")
    norm = national_norm(profile, release)
    competences = list(release.framework_version.competences.all())
    held = [c for c in competences if c.identifier in norm]
    raise_me = next(c for c in held if norm[c.identifier].level < 4)
    lower_me = next(c for c in held if norm[c.identifier].level > 1 and c != raise_me)
    remove_me = next(c for c in held if c not in (raise_me, lower_me))
    add_me = next(c for c in competences if c.identifier not in norm)

    adaptation = services.adaptation_get_or_create(municipality=world.aarhus, profile=profile)
    adaptation.local_name = "Sygeplejerske i Aarhus"
    adaptation.local_note = "Aarhus bruger Cura som omsorgssystem."
    adaptation.save()
    services.adaptation_set(adaptation=adaptation, competence_identifier=raise_me.identifier,
                            level=norm[raise_me.identifier].level + 1, note="Vi dokumenterer meget.")
    services.adaptation_set(adaptation=adaptation, competence_identifier=lower_me.identifier,
                            level=norm[lower_me.identifier].level - 1)
    services.adaptation_set(adaptation=adaptation, competence_identifier=add_me.identifier, level=2)
    services.adaptation_remove(adaptation=adaptation, competence_identifier=remove_me.identifier)
    return Adapted(adaptation, raise_me, lower_me, add_me, remove_me)


@pytest.fixture
def local_profile(shipped_norm, world) -> Profile:
    """A local Aarhus profile "Velfærdsteknolog" that builds on the national "Social- og sundhedsassistent"."""
    base = Profile.objects.get(owner=None, slug="social-og-sundhedsassistent")
    profile = Profile.objects.create(owner=world.aarhus, slug="velfaerdsteknolog", framework=base.framework)
    revision = ProfileRevision.objects.create(
        profile=profile, release=None, extends=base, name_da="Velfærdsteknolog", name_en="Welfare technologist",
        description_da="Afprøver og indfører velfærdsteknologi i hjemmeplejen.",
        description_en="Tests and introduces welfare technology in home care.",
    )
    Requirement.objects.create(revision=revision, competence_identifier=competence(shipped_norm, "A1.3").identifier,
                               level=4, importance="essential")
    return profile

"""Reads for the editor pages: every version (drafts included, which only editors may see), the DigComp 2.2
competences to map to, and what stands between a draft and publishing, with a link target for each gap."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from digikomp.frameworks.case import DIGCOMP_SLUG
from digikomp.frameworks.models import Competence, Framework, FrameworkVersion, ProficiencyLevel
from digikomp.frameworks.selectors import VersionTree, version_tree
from digikomp.frameworks.services import missing_for_publish


def editor_frameworks() -> list[Framework]:
    """Every framework with all its versions, the draft first, then the newest published."""
    versions = FrameworkVersion.objects.order_by("status", "-published_at", "-id")  # "draft" < "published"
    return list(Framework.objects.prefetch_related(Prefetch("versions", queryset=versions)))


def get_version(slug: str, version: str) -> FrameworkVersion:
    return get_object_or_404(
        FrameworkVersion.objects.select_related("framework"), framework__slug=slug, version=version
    )


def next_label(framework: Framework) -> str:
    """A suggestion for the next version label: the latest published label with its last number raised."""
    latest = framework.latest_published()
    if latest is None:
        return "1.0"
    match = re.fullmatch(r"(.*?)(\d+)", latest.version)
    if not match:
        return ""
    candidate = f"{match.group(1)}{int(match.group(2)) + 1}"
    return "" if framework.versions.filter(version=candidate).exists() else candidate


def digcomp_choices() -> list[tuple[str, str]]:
    """(code, "code title") of the latest published DigComp 2.2 competences; empty when it is not loaded."""
    framework = Framework.objects.filter(slug=DIGCOMP_SLUG).first()
    version = framework.latest_published() if framework else None
    if version is None:
        return []
    return [(c.code, f"{c.code} {c.title}") for c in version.competences.order_by("position", "code")]


def editor_tree(version: FrameworkVersion) -> VersionTree:
    """The version as a tree, each competence also carrying how many levels have a descriptor."""
    tree = version_tree(version)
    for competence in tree.competences:
        competence.described = sum(
            1 for d in competence.descriptor_list if d is not None and d.text_da.strip()
        )
    return tree


@dataclass(frozen=True)
class Gap:
    """One reason the version cannot be published; `competence` and `level` are set for a missing descriptor,
    so the page can link to the place where it is written."""

    text: str
    competence: Competence | None = None
    level: ProficiencyLevel | None = None


def publish_gaps(version: FrameworkVersion, problems: list[str] | None = None) -> list[Gap]:
    """missing_for_publish(version) (or the `problems` a refused publish gave), sentence for sentence, with
    the competence of each missing descriptor.

    The sentences come from the services, the one authority on what blocks publishing; the link targets are
    found by building the same sentence for every competence and level that lacks a descriptor.
    """
    problems = missing_for_publish(version) if problems is None else problems
    if not problems:
        return []
    levels = list(version.levels.all())
    targets = {}
    for competence in version.competences.prefetch_related("descriptors"):
        have = {d.level_id for d in competence.descriptors.all() if d.text_da.strip()}
        for level in levels:
            if level.pk not in have:
                text = _("%(code)s %(title)s has no descriptor for level %(level)s (%(name)s).") % {
                    "code": competence.code,
                    "title": competence.title_da,
                    "level": level.value,
                    "name": level.name_da,
                }
                targets[text] = (competence, level)
    return [Gap(text, *targets.get(text, (None, None))) for text in problems]

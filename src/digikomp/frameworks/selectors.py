"""Reads of frameworks: the published versions the public may see, and a whole version as a tree."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import Http404

from digikomp.frameworks.models import Area, Competence, Framework, FrameworkVersion, ProficiencyLevel


def published_versions():
    return FrameworkVersion.objects.filter(status=FrameworkVersion.Status.PUBLISHED).select_related("framework")


def get_published_version(slug: str, version: str | None = None) -> FrameworkVersion:
    versions = published_versions().filter(framework__slug=slug)
    found = versions.filter(version=version).first() if version else versions.order_by("-published_at").first()
    if found is None:
        raise Http404
    return found


def public_frameworks():
    return Framework.objects.filter(versions__status=FrameworkVersion.Status.PUBLISHED).distinct()


@dataclass
class AreaNode:
    area: Area
    children: list[AreaNode] = field(default_factory=list)
    competences: list[Competence] = field(default_factory=list)

    def all_competences(self) -> list[Competence]:
        found = list(self.competences)
        for child in self.children:
            found.extend(child.all_competences())
        return found


@dataclass
class VersionTree:
    version: FrameworkVersion
    levels: list[ProficiencyLevel]
    roots: list[AreaNode]
    competences: list[Competence]

    def descriptor(self, competence: Competence, level: ProficiencyLevel):
        return competence.descriptor_by_level.get(level.pk)


def version_tree(version: FrameworkVersion) -> VersionTree:
    """The whole version in five queries, with each competence's descriptors keyed by level."""
    levels = list(version.levels.all())
    areas = list(version.areas.all())
    competences = list(version.competences.prefetch_related("descriptors"))
    nodes = {a.pk: AreaNode(a) for a in areas}
    roots = []
    for area in areas:
        (nodes[area.parent_id].children if area.parent_id else roots).append(nodes[area.pk])
    for competence in competences:
        competence.descriptor_by_level = {d.level_id: d for d in competence.descriptors.all()}
        competence.descriptor_list = [competence.descriptor_by_level.get(level.pk) for level in levels]
        nodes[competence.area_id].competences.append(competence)
    return VersionTree(version, levels, roots, competences)

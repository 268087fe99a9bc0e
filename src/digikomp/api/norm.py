"""Endpoints of the norm: the published competence models (list, full tree, CASE package) and the role
profiles with their effective requirements. Public, like the public pages (/normen/): only published versions
and releases are read, and a draft answers 404 exactly like something that does not exist.

CASE URIs use the same base as the public download (frameworks.public.views.CASE_BASE_PATH), so a package
fetched here and one downloaded from the public page name every item identically.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from digikomp.api.serializers import ErrorSerializer
from digikomp.api.serializers_norm import (
    FrameworkFilter,
    FrameworkSummarySerializer,
    FrameworkTreeSerializer,
    ProfileDetailFilter,
    ProfileDetailSerializer,
    ProfileFilter,
    ProfileSummarySerializer,
)
from digikomp.frameworks.case import export_package
from digikomp.frameworks.exports import open_data_json
from digikomp.frameworks.public.views import CASE_BASE_PATH
from digikomp.frameworks.selectors import get_published_version, published_versions
from digikomp.lib.i18n import to_dict
from digikomp.profiles.models import Adaptation, NormRelease, Profile, ProfileRevision
from digikomp.profiles.public import selectors as public
from digikomp.profiles.resolution import Deviation
from digikomp.profiles.selectors import EffectiveProfile, effective_profile, revision_in
from digikomp.tenancy.models import Municipality

NOT_FOUND = OpenApiResponse(ErrorSerializer, description=_("Not found, or not published."))
BAD_PARAMETER = OpenApiResponse(
    description=_("A query parameter has an invalid value; the body names the parameter and the reason.")
)
SLUG_PARAMETER = OpenApiParameter("slug", str, OpenApiParameter.PATH, description=_(
    "The framework's slug, e.g. kommunernes-digitale-kompetencemodel or digcomp-2-2."))


def _filters(serializer_class, request) -> dict:
    filters = serializer_class(data=request.query_params)
    filters.is_valid(raise_exception=True)
    return filters.validated_data


class PublicEndpoint(APIView):
    permission_classes = [AllowAny]


# --- Frameworks ---------------------------------------------------------------------------------------------


@extend_schema(
    tags=["norm"],
    summary=_("List the competence frameworks"),
    description=_("Every framework with at least one published version, and its published versions. Public."),
    responses={200: FrameworkSummarySerializer(many=True)},
)
class FrameworkList(PublicEndpoint):
    def get(self, request):
        frameworks: dict[str, dict] = {}
        for version in published_versions().order_by("framework__slug", "-published_at", "-id"):
            framework = version.framework
            entry = frameworks.setdefault(framework.slug, {
                "slug": framework.slug, "title": to_dict(framework, "title"), "latest": version.version,
                "versions": [],
            })
            entry["versions"].append({
                "version": version.version, "identifier": version.identifier, "published_at": version.published_at,
                "url": request.build_absolute_uri(reverse("api:framework", args=[framework.slug]))
                + "?" + urlencode({"version": version.version}),
                "case": request.build_absolute_uri(reverse("api:framework_case",
                                                           args=[framework.slug, version.version])),
            })
        return Response(FrameworkSummarySerializer(list(frameworks.values()), many=True).data)


@extend_schema(
    tags=["norm"],
    summary=_("A competence framework as a tree"),
    description=_(
        "One published version of a framework with its proficiency scale, areas, competences and every level "
        "descriptor, in Danish and English — the same document as the open-data JSON download. The newest "
        "version unless `version` names another published one."
    ),
    parameters=[SLUG_PARAMETER, FrameworkFilter],
    responses={200: FrameworkTreeSerializer, 400: BAD_PARAMETER, 404: NOT_FOUND},
)
class FrameworkDetail(PublicEndpoint):
    def get(self, request, slug: str):
        version = get_published_version(slug, _filters(FrameworkFilter, request).get("version") or None)
        return Response(open_data_json(version))


@extend_schema(
    tags=["norm"],
    summary=_("A framework version as a CASE package"),
    description=_(
        "The published version as a 1EdTech CASE 1.1 CFPackage: CFDocument, CFItems (areas and competences "
        "with humanCodingScheme and CFItemType), CFAssociations (isChildOf for the tree, isRelatedTo to "
        "DigComp 2.2, replacedBy across versions), CFDefinitions and CFRubrics with the level descriptors. "
        "Importing it into an empty DigiKomp gives back the same framework."
    ),
    parameters=[SLUG_PARAMETER, OpenApiParameter("version", str, OpenApiParameter.PATH,
                                                 description=_("A published version, e.g. 1.0."))],
    responses={200: OpenApiResponse(OpenApiTypes.OBJECT, description=_("The CFPackage.")), 404: NOT_FOUND},
)
class FrameworkCase(PublicEndpoint):
    def get(self, request, slug: str, version: str):
        found = get_published_version(slug, version)
        return Response(export_package(found, request.build_absolute_uri(CASE_BASE_PATH)))


# --- Profiles -----------------------------------------------------------------------------------------------


def _municipality(code: str) -> Municipality:
    return get_object_or_404(Municipality, code=code)


def _profile_data(request, *, profile: Profile, revision: ProfileRevision, release: NormRelease, kind: str,
                  municipality: Municipality | None = None, adaptation: Adaptation | None = None,
                  deviations: int = 0) -> dict:
    """The fields every profile shows, in the list and in the detail alike."""
    url = request.build_absolute_uri(reverse("api:profile", args=[profile.pk]))
    if municipality is not None and profile.is_national:
        url += "?" + urlencode({"municipality": municipality.code})
    extends = revision.extends if revision.extends_id else None
    return {
        "id": profile.pk, "slug": profile.slug, "kind": kind,
        "owner": None if profile.is_national else municipality.code,
        "name": to_dict(revision, "name"), "local_name": adaptation.local_name if adaptation else "",
        "description": to_dict(revision, "description"),
        "extends": {"id": extends.pk, "slug": extends.slug} if extends else None,
        "esco_occupation": {"uri": revision.esco_uri, "title": revision.esco_title} if revision.esco_uri else None,
        "release": release.version, "deviations": deviations, "url": url,
    }


def _effective_data(request, effective: EffectiveProfile, kind: str, municipality: Municipality) -> dict:
    return _profile_data(request, profile=effective.profile, revision=effective.revision,
                         release=effective.release, kind=kind, municipality=municipality,
                         adaptation=effective.adaptation, deviations=len(effective.deviations))


@extend_schema(
    tags=["norm"],
    summary=_("List role profiles"),
    description=_(
        "With `owner=national` (the default) the national profile library of the latest published norm; with "
        "a municipality number the national profiles that municipality has adapted and its local profiles, "
        "read against the norm release it has taken in. Public, like the public profile pages."
    ),
    parameters=[ProfileFilter],
    responses={200: ProfileSummarySerializer(many=True), 400: BAD_PARAMETER,
               404: OpenApiResponse(ErrorSerializer, description=_("No municipality has this number."))},
)
class ProfileList(PublicEndpoint):
    def get(self, request):
        owner = _filters(ProfileFilter, request)["owner"]
        rows = []
        if owner == "national":
            release = NormRelease.latest()
            rows = [_profile_data(request, profile=revision.profile, revision=revision, release=release,
                                  kind="national")
                    for revision in (public.national_revisions(release) if release else [])]
        else:
            municipality = _municipality(owner)
            found = public.municipal_profiles(municipality)
            rows += [_effective_data(request, e, "adapted", municipality) for e in found.adapted]
            rows += [_effective_data(request, e, "local", municipality) for e in found.local]
        return Response(ProfileSummarySerializer(rows, many=True).data)


def _requirements(effective: EffectiveProfile, compare: bool) -> list[dict]:
    levels = {level.value: level for level in effective.release.framework_version.levels.all()}
    rows = []
    for competence, item in effective.rows():
        level = levels.get(item.level) if item.level is not None else None
        rows.append({
            "competence": competence.identifier, "code": competence.code, "title": to_dict(competence, "title"),
            "area": competence.area.code, "level": item.level,
            "level_name": to_dict(level, "name") if level else None,
            "importance": item.importance, "norm_level": item.norm_level, "norm_importance": item.norm_importance,
            "deviation": str(item.deviation) if compare else str(Deviation.NONE), "note": item.note,
        })
    return rows


@extend_schema(
    tags=["norm"],
    summary=_("A role profile with its effective requirements"),
    description=_(
        "The competences the profile requires, with level, level name and importance. A national profile is "
        "read in the latest published norm; with `municipality` it is read as that municipality applies it "
        "(its norm release plus its local adaptation), and every deviation from the norm is marked. A "
        "municipality's local profile is read as its owner applies it. Public, like the public profile pages."
    ),
    parameters=[OpenApiParameter("id", int, OpenApiParameter.PATH, description=_("The profile's id.")),
                ProfileDetailFilter],
    responses={200: ProfileDetailSerializer, 400: BAD_PARAMETER,
               404: OpenApiResponse(ErrorSerializer, description=_(
                   "No such profile in a published norm, or no municipality with this number."))},
)
class ProfileDetail(PublicEndpoint):
    def get(self, request, pk: int):
        code = _filters(ProfileDetailFilter, request).get("municipality")
        # Public: the norm shows every municipality's local profiles as well as the national ones.
        profile = get_object_or_404(Profile.objects.unscoped("the published norm is public").select_related("owner"),
                                    pk=pk)
        municipality = _municipality(code) if code else None
        if profile.is_national:
            kind = "national"
            if municipality is None:
                release = NormRelease.latest()
                if release is None or revision_in(profile, release) is None:
                    raise Http404
                effective = effective_profile(profile, None, release)
            else:
                effective = effective_profile(profile, municipality)
                if effective.adaptation is not None:
                    kind = "adapted"
        else:
            # A local profile exists only in its owner's view; asking for it through another municipality is a
            # 404, as if it did not exist.
            if municipality is not None and municipality.pk != profile.owner_id:
                raise Http404
            municipality, kind = profile.owner, "local"
            effective = effective_profile(profile, municipality)
        if effective.revision is None or effective.release is None:
            raise Http404
        compare = municipality is not None
        data = _effective_data(request, effective, kind, municipality)
        requirements = _requirements(effective, compare)
        counts: dict[str, int] = {}
        for row in requirements:
            if row["deviation"] != Deviation.NONE:
                counts[row["deviation"]] = counts.get(row["deviation"], 0) + 1
        adaptation: Adaptation | None = effective.adaptation
        framework_version = effective.release.framework_version
        data.update({
            "municipality": municipality.code if municipality else None,
            "local_note": adaptation.local_note if adaptation else "",
            "framework": framework_version.framework.slug, "framework_version": framework_version.version,
            "deviation_counts": counts, "requirements": requirements,
            "deviations": sum(counts.values()),
        })
        return Response(ProfileDetailSerializer(data).data)

"""Serializers of the norm's API: the published competence models and the role profiles.

Content that editors write in two languages travels as `{"da": ..., "en": ...}`, exactly as in the open-data
downloads, so a client picks its language and never has to ask twice. Profiles are rendered through these
serializers (so the documented fields are the fields sent); the full tree of a framework version is the
open-data JSON of frameworks.exports, which the tree serializers below describe for the schema.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

OWNER_PATTERN = r"^(national|\d{1,4})$"
CODE_PATTERN = r"^\d{1,4}$"


class LocalizedTextSerializer(serializers.Serializer):
    da = serializers.CharField(help_text=_("Danish text (always present in published content)."))
    en = serializers.CharField(help_text=_("English text; may be empty."))


# --- Frameworks ---------------------------------------------------------------------------------------------


class FrameworkVersionRefSerializer(serializers.Serializer):
    version = serializers.CharField(help_text=_("The version label, e.g. 1.0."))
    identifier = serializers.UUIDField(help_text=_("The version's CASE CFDocument identifier."))
    published_at = serializers.DateTimeField(help_text=_("When the version was published."))
    url = serializers.URLField(help_text=_("The full tree of this version."))
    case = serializers.URLField(help_text=_("This version as a 1EdTech CASE package."))


class FrameworkSummarySerializer(serializers.Serializer):
    slug = serializers.SlugField(help_text=_("The framework's key in URLs."))
    title = LocalizedTextSerializer(help_text=_("The framework's name."))
    latest = serializers.CharField(help_text=_("The newest published version."))
    versions = FrameworkVersionRefSerializer(many=True, help_text=_("Every published version, newest first."))


class FrameworkFilter(serializers.Serializer):
    version = serializers.CharField(
        required=False, max_length=20,
        help_text=_("A published version, e.g. 1.0; leave out for the newest."),
    )


class ScaleLevelSerializer(serializers.Serializer):
    value = serializers.IntegerField(help_text=_("The level's number, from 1 up."))
    name = LocalizedTextSerializer()
    band = LocalizedTextSerializer(help_text=_("The band the level belongs to (DigComp), may be empty."))
    description = LocalizedTextSerializer()


class DescriptorSerializer(serializers.Serializer):
    text = LocalizedTextSerializer(help_text=_("What a person at this level can do."))
    knowledge = LocalizedTextSerializer(help_text=_("Example of knowledge at this level."))
    skill = LocalizedTextSerializer(help_text=_("Example of a skill at this level."))
    attitude = LocalizedTextSerializer(help_text=_("Example of an attitude at this level."))


class TreeCompetenceSerializer(serializers.Serializer):
    identifier = serializers.UUIDField(help_text=_("Stable across versions; surveys and profiles refer to it."))
    code = serializers.CharField(help_text=_("The competence's code, e.g. A1.2."))
    title = LocalizedTextSerializer()
    description = LocalizedTextSerializer()
    generic = serializers.BooleanField(help_text=_("Needed by every employee, e.g. information security."))
    digcomp = serializers.ListField(child=serializers.CharField(), help_text=_("DigComp 2.2 codes it covers."))
    esco = serializers.ListField(child=serializers.URLField(), help_text=_("ESCO skill URIs."))
    descriptors = serializers.DictField(
        child=DescriptorSerializer(), help_text=_("The level descriptors, keyed by level number."),
    )


class TreeAreaSerializer(serializers.Serializer):
    identifier = serializers.UUIDField()
    code = serializers.CharField()
    title = LocalizedTextSerializer()
    description = LocalizedTextSerializer()
    competences = TreeCompetenceSerializer(many=True)


# An area holds areas: declared after the class so the schema refers to the component itself.
TreeAreaSerializer._declared_fields["areas"] = TreeAreaSerializer(many=True, help_text=_("Sub-areas."))


class FrameworkTreeSerializer(serializers.Serializer):
    framework = serializers.SlugField(help_text=_("The framework's slug."))
    version = serializers.CharField()
    identifier = serializers.UUIDField()
    status = serializers.CharField(help_text=_("Always “published”: drafts are not public."))
    published_at = serializers.DateTimeField()
    title = LocalizedTextSerializer()
    description = LocalizedTextSerializer()
    changelog = LocalizedTextSerializer(help_text=_("What changed since the previous version."))
    attribution = LocalizedTextSerializer(help_text=_("Source and licence attribution, where required."))
    license = serializers.CharField(help_text=_("The licence, e.g. CC-BY-4.0; may be empty."))
    scale = ScaleLevelSerializer(many=True, help_text=_("The proficiency levels, lowest first."))
    areas = TreeAreaSerializer(many=True, help_text=_("The top areas, each with sub-areas and competences."))


# --- Profiles -----------------------------------------------------------------------------------------------


class ProfileFilter(serializers.Serializer):
    owner = serializers.RegexField(
        OWNER_PATTERN, required=False, default="national",
        error_messages={"invalid": _("Use “national” or a municipality number, e.g. 751.")},
        help_text=_(
            "“national” (the default): the national profiles of the latest published norm. A municipality "
            "number: the national profiles that municipality has adapted and its own local profiles."
        ),
    )


class ProfileDetailFilter(serializers.Serializer):
    municipality = serializers.RegexField(
        CODE_PATTERN, required=False,
        error_messages={"invalid": _("Use a municipality number, e.g. 751.")},
        help_text=_(
            "A municipality number: the profile as that municipality applies it, with its local adaptation and "
            "every deviation from the norm marked. Leave out for the national norm."
        ),
    )


class ProfileRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.SlugField()


class EscoOccupationSerializer(serializers.Serializer):
    uri = serializers.URLField(help_text=_("The ESCO occupation URI."))
    title = serializers.CharField(help_text=_("The ESCO occupation's title."))


KIND_HELP = _("“national”, “adapted” (a national profile with a municipality's changes) or “local”.")


class ProfileSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text=_("Use it with /api/v1/profiles/{id}."))
    slug = serializers.SlugField()
    # Text, not an enum: "kind" names the custom questions' choices elsewhere in the schema.
    kind = serializers.CharField(help_text=KIND_HELP)
    owner = serializers.CharField(allow_null=True, help_text=_("The owning municipality's number; null for "
                                                               "a national profile."))
    name = LocalizedTextSerializer(help_text=_("The profile's name in the norm (or the local profile's)."))
    local_name = serializers.CharField(help_text=_("The municipality's own name for an adapted profile; "
                                                   "empty otherwise."))
    description = LocalizedTextSerializer()
    extends = ProfileRefSerializer(allow_null=True, help_text=_("The profile this one builds on."))
    esco_occupation = EscoOccupationSerializer(allow_null=True)
    release = serializers.CharField(help_text=_("The norm release the profile is read in."))
    deviations = serializers.IntegerField(help_text=_("How many competences deviate from the norm (0 for a "
                                                      "national profile)."))
    url = serializers.URLField(help_text=_("The profile with its effective requirements."))


class RequirementSerializer(serializers.Serializer):
    competence = serializers.UUIDField(help_text=_("The competence's stable identifier."))
    code = serializers.CharField()
    title = LocalizedTextSerializer()
    area = serializers.CharField(help_text=_("The code of the competence's area."))
    level = serializers.IntegerField(allow_null=True, help_text=_("The required level; null when the "
                                                                  "municipality removed the competence."))
    level_name = LocalizedTextSerializer(allow_null=True)
    importance = serializers.CharField(allow_null=True, help_text=_("“essential” or “useful”; null when "
                                                                    "removed."))
    norm_level = serializers.IntegerField(allow_null=True, help_text=_("The level the norm requires; null for "
                                                                       "a local addition."))
    norm_importance = serializers.CharField(allow_null=True)
    deviation = serializers.ChoiceField(
        ["none", "raised", "lowered", "added", "removed", "importance"],
        help_text=_("How the municipality deviates from the norm here."),
    )
    note = serializers.CharField(help_text=_("The municipality's note on its change; may be empty."))


class ProfileDetailSerializer(ProfileSummarySerializer):
    municipality = serializers.CharField(allow_null=True, help_text=_("The municipality whose view this is; "
                                                                      "null for the national norm."))
    local_note = serializers.CharField(help_text=_("The municipality's note on the whole profile."))
    framework = serializers.SlugField(help_text=_("The framework the requirements refer to."))
    framework_version = serializers.CharField()
    deviation_counts = serializers.DictField(child=serializers.IntegerField(),
                                             help_text=_("Deviations by kind."))
    requirements = RequirementSerializer(many=True, help_text=_(
        "Every competence of the effective profile in framework order, including those the municipality "
        "removed (level null, deviation “removed”)."))

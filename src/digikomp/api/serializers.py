"""Serializers of API v1: what a municipality, an org unit and a person look like to a client, and the query
filters each list accepts (declared as serializers so they are validated and documented in one place).

A person never carries a CPR number: the model has none, and these field lists are explicit so a field added
to a model later does not leak into the API by accident.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from digikomp.lib.ids import MAX_ID
from digikomp.tenancy.models import Municipality, OrgUnit, Person


class IdField(serializers.IntegerField):
    """An id in a request (query parameter or body): 1 to MAX_ID (lib/ids.py), so a number no row can have is
    a 400 naming the field instead of reaching the database, where SQLite overflows."""

    def __init__(self, **kwargs):
        super().__init__(min_value=1, max_value=MAX_ID, **kwargs)


class RegionSerializer(serializers.Serializer):
    code = serializers.CharField(source="region_code", help_text=_("The region number, e.g. 1082."))
    name = serializers.CharField(source="region", help_text=_("The region's name."))


class MunicipalitySerializer(serializers.ModelSerializer):
    region = RegionSerializer(source="*", read_only=True, help_text=_("The region the municipality lies in."))

    class Meta:
        model = Municipality
        fields = ["code", "name", "region"]
        read_only_fields = fields
        extra_kwargs = {"name": {"help_text": _("The municipality's name.")}}


class OrgUnitSerializer(serializers.ModelSerializer):
    # Relations are given by external id, the key the municipality's own systems know; parent_external_id is
    # annotated by the view so a page of units costs one query, not one per parent.
    type = serializers.CharField(
        source="unit_type", read_only=True, help_text=_("The kind of unit, e.g. School.")
    )
    parent = serializers.CharField(
        source="parent_external_id", read_only=True, allow_null=True,
        help_text=_("External id of the parent unit; null for a top unit."),
    )

    class Meta:
        model = OrgUnit
        fields = ["external_id", "name", "type", "parent", "depth", "active", "street", "postcode", "city"]
        read_only_fields = fields
        extra_kwargs = {
            "external_id": {"help_text": _("The unit's id in the municipality's org system.")},
            "depth": {"help_text": _("0 for a top unit, 1 for its children, and so on.")},
            "active": {"help_text": _("Whether the unit is active in the municipality's org system.")},
        }


class PersonSerializer(serializers.ModelSerializer):
    unit = serializers.CharField(
        source="unit_external_id", read_only=True, allow_null=True,
        help_text=_("External id of the person's primary unit; null if none."),
    )
    # The org system often has no address: null then, not "", which is no e-mail address.
    email = serializers.EmailField(read_only=True, allow_null=True,
                                   help_text=_("The person's work e-mail address; null if none is known."))

    class Meta:
        model = Person
        fields = ["external_id", "name", "email", "job_code", "job_title", "unit", "active"]
        read_only_fields = fields
        extra_kwargs = {
            "external_id": {"help_text": _("The person's id in the municipality's org system.")},
            "job_code": {"help_text": _("The job code (stillingskode) from the payroll system.")},
            "active": {"help_text": _("Whether the person is active in the municipality's org system.")},
        }

    def to_representation(self, person):
        data = super().to_representation(person)
        data["email"] = data["email"] or None
        return data


# The two shapes of every error response (api/errors.py).


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text=_("What went wrong, in the language of the request."))


class FieldErrorsSerializer(serializers.Serializer):
    errors = serializers.DictField(
        child=serializers.CharField(),
        help_text=_("One message per offending field, keyed by its path, e.g. “closes_at” or "
                    "“answers.<competence identifier>”."),
    )


# --- Query filters ------------------------------------------------------------------------------------------


class ActiveFilter(serializers.Serializer):
    # default=None, not DRF's False, so that leaving the parameter out means "both", not "inactive only".
    active = serializers.BooleanField(
        required=False, allow_null=True, default=None,
        help_text=_("true: only active; false: only inactive; leave out for both."),
    )


class UnitFilter(ActiveFilter):
    parent = serializers.CharField(
        required=False, help_text=_("Only the direct children of the unit with this external id.")
    )


class PersonFilter(ActiveFilter):
    unit = serializers.CharField(
        required=False, help_text=_("Only the people whose primary unit has this external id.")
    )
    include_subunits = serializers.BooleanField(
        required=False, default=False,
        help_text=_("With unit: also the people of every unit below it."),
    )

    def validate(self, attrs):
        if attrs.get("include_subunits") and not attrs.get("unit"):
            raise serializers.ValidationError(
                {"include_subunits": _("This filter needs the unit parameter.")}
            )
        return attrs

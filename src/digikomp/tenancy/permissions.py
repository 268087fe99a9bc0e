"""Which role may do what, written once as data. Views and API endpoints name a permission; they never test
roles inline. The permission-matrix test reads the same table."""

from digikomp.tenancy.roles import Role

PERMISSIONS: dict[str, frozenset[str]] = {
    # The municipality's organisation: units and people. Managers see the subtrees they lead.
    "org.view": frozenset({Role.MUNICIPAL_ADMIN, Role.HR, Role.MANAGER}),
    # Replacing the organisation from an OS2mo export or our template.
    "org.import": frozenset({Role.MUNICIPAL_ADMIN}),
    # The national model, profiles and site content.
    "national.edit": frozenset({Role.NATIONAL_EDITOR}),
    # The municipality's profiles: the effective requirements and every deviation from the norm.
    "profiles.view": frozenset({Role.MUNICIPAL_ADMIN, Role.HR, Role.MANAGER}),
    # Adapting national profiles, local profiles, job-code mapping, taking in a new norm release.
    "profiles.adapt": frozenset({Role.MUNICIPAL_ADMIN, Role.HR}),
    # Running mapping campaigns: creating them, inviting, sending e-mails, handing out personal links.
    "campaigns.manage": frozenset({Role.MUNICIPAL_ADMIN, Role.HR}),
    # Anonymous insights (heatmaps, coverage, exports); managers for the units they lead.
    "insights.view": frozenset({Role.MUNICIPAL_ADMIN, Role.HR, Role.MANAGER}),
    # The national picture: every municipality as one row.
    "insights.national": frozenset({Role.NATIONAL_EDITOR}),
    # Individual results that respondents chose to share with their manager.
    "results.shared": frozenset({Role.MANAGER}),
    # One's own surveys (the survey itself is reached by the personal link); managers and HR are surveyed too.
    "surveys.own": frozenset({Role.EMPLOYEE, Role.MANAGER, Role.HR, Role.MUNICIPAL_ADMIN}),
    # Writing the municipality's cases for the inspiration catalogue and submitting them for review.
    "catalogue.submit": frozenset({Role.MUNICIPAL_ADMIN, Role.HR}),
    # Opening and correcting a case: its municipality's writers, and editors (who may correct any case).
    "catalogue.edit": frozenset({Role.MUNICIPAL_ADMIN, Role.HR, Role.NATIONAL_EDITOR}),
    # Moderating the catalogue: comment, send back, publish, reject, unpublish any municipality's case.
    "catalogue.moderate": frozenset({Role.NATIONAL_EDITOR}),
    # The municipality's users: invite, give and take municipal roles and units, deactivate (accounts/users).
    "users.manage": frozenset({Role.MUNICIPAL_ADMIN}),
    # The national users, editors and learning providers. There is no separate operator role: national editors
    # (the association's team) administer them.
    "users.national": frozenset({Role.NATIONAL_EDITOR}),
}


def roles_with(permission: str) -> frozenset[str]:
    try:
        return PERMISSIONS[permission]
    except KeyError:
        raise KeyError(f"Unknown permission {permission!r}; add it to tenancy/permissions.py") from None

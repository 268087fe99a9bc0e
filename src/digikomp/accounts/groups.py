"""Django groups that follow from roles: a national editor works in the Wagtail admin (/cms/) through the group
"Redaktører" (created with its page, document and image permissions by site migration 0002).

RoleAssignment.save() and delete() call sync_role_groups(), so every way a role is given or taken (create-user,
the demo, the Django admin, tests) keeps the group in step; `digikomp sync-role-groups` repairs all users after
bulk changes that bypass the model.
"""

from __future__ import annotations

from django.contrib.auth.models import Group

from digikomp.tenancy.roles import Role

EDITOR_GROUP = "Redaktører"
ROLE_GROUPS: dict[str, str] = {Role.NATIONAL_EDITOR: EDITOR_GROUP}


def sync_role_groups(user) -> None:
    roles = set(user.role_assignments.values_list("role", flat=True))
    for role, name in ROLE_GROUPS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        if role in roles:
            user.groups.add(group)
        else:
            user.groups.remove(group)

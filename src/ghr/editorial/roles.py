"""The four editorial roles, as Django groups with the permissions each needs.

A writer drafts and submits; a reviewer also approves and returns texts (never their own); a publisher puts
approved texts on the site or takes them off; an administrator may do all of it and manage accounts.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission

APP = "ghr_editorial"

ROLE_PERMISSIONS: dict[str, set[str]] = {
    "writer": {"view_text", "add_text", "change_text", "view_revision", "add_revision", "submit_text",
               "view_auditevent"},
    "reviewer": {"view_text", "add_text", "change_text", "view_revision", "add_revision", "submit_text",
                 "approve_text", "return_text", "view_auditevent"},
    "publisher": {"view_text", "view_revision", "publish_text", "withdraw_text", "return_text", "view_auditevent"},
}  # fmt: skip
ADMINISTRATOR_EXTRA = {
    ("auth", "user"): {"view", "add", "change", "delete"},
    ("auth", "group"): {"view", "add", "change", "delete"},
}
ROLES = ("writer", "reviewer", "publisher", "administrator")


def _editorial_permissions(codenames: set[str] | None = None):
    permissions = Permission.objects.filter(content_type__app_label=APP)
    if codenames is not None:
        permissions = permissions.filter(codename__in=codenames)
    return list(permissions)


def _administrator_permissions():
    permissions = _editorial_permissions()
    permissions = [p for p in permissions if not p.codename.startswith("delete_")]
    for (app, model), actions in ADMINISTRATOR_EXTRA.items():
        codenames = {f"{action}_{model}" for action in actions}
        permissions += list(Permission.objects.filter(content_type__app_label=app, codename__in=codenames))
    return permissions


def ensure_roles() -> dict[str, Group]:
    """Create or correct the four groups; running it again changes nothing."""
    groups = {}
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role)
        if role == "administrator":
            permissions = _administrator_permissions()
        else:
            permissions = _editorial_permissions(ROLE_PERMISSIONS[role])
        group.permissions.set(permissions)
        groups[role] = group
    return groups

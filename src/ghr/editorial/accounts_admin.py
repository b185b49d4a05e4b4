"""Accounts and roles in the admin, without a way up: nobody grants more than they hold.

Django's own user and group screens let anyone who may change accounts tick "superuser status" or any
permission, their own account included. Here, for everyone but a superuser: superuser status and single
permissions are read-only, a role (group) can be given only if the giver holds every permission it carries, a
role can be given only permissions its editor holds, and a superuser's account cannot be changed or deleted.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, Permission
from django.db.models import Q, QuerySet


def held_permissions(user) -> QuerySet[Permission]:
    """Every permission ``user`` has, through their roles or directly."""
    if user.is_active and user.is_superuser:
        return Permission.objects.all()
    if not user.is_active:
        return Permission.objects.none()
    return Permission.objects.filter(Q(group__user=user) | Q(user=user)).distinct()


def grantable_groups(user) -> QuerySet[Group]:
    """The roles ``user`` may give: those carrying no permission ``user`` lacks."""
    lacking = Permission.objects.exclude(pk__in=held_permissions(user).values("pk"))
    return Group.objects.exclude(permissions__in=lacking)


class BoundedUserAdmin(UserAdmin):
    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields += ["is_superuser", "user_permissions"]
        return fields

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups" and not request.user.is_superuser:
            # An offered choice is also the only accepted one: a forged POST of another group fails validation.
            kwargs["queryset"] = grantable_groups(request.user)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class BoundedGroupAdmin(GroupAdmin):
    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "permissions" and not request.user.is_superuser:
            kwargs["queryset"] = held_permissions(request.user).select_related("content_type")
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        # A role carrying more than its editor holds could be emptied of what they cannot see: only a superuser.
        if obj is not None and not grantable_groups(request.user).filter(pk=obj.pk).exists():
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and not grantable_groups(request.user).filter(pk=obj.pk).exists():
            return False
        return super().has_delete_permission(request, obj)


def register() -> None:
    """Put the bounded screens in place of Django's (called when the editorial admin module loads)."""
    user_model = get_user_model()
    for model, model_admin in ((user_model, BoundedUserAdmin), (Group, BoundedGroupAdmin)):
        if admin.site.is_registered(model):
            admin.site.unregister(model)
        admin.site.register(model, model_admin)

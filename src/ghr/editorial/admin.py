"""The editorial models in the Django admin: browse texts, move them through the workflow, read the audit log.

Writing and reviewing happen on the editorial screens (/editorial/); the admin's actions call the same transition
functions, so every permission check and audit event applies here too. Nothing here can change a revision or an
audit event.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import BadRequest, PermissionDenied
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html

from ghr.editorial import accounts_admin, workflow
from ghr.editorial.models import AuditEvent, Revision, Text
from ghr.editorial.throttle import ThrottledAuthenticationForm

# Every admin login goes through the failed-login throttle.
admin.site.login_form = ThrottledAuthenticationForm
# Accounts and roles on screens where nobody can grant more than they hold.
accounts_admin.register()


def _run_transition(modeladmin, request, queryset, name: str):
    step = workflow.TRANSITIONS[name]
    done = 0
    for text in queryset:
        try:
            step(text, request.user)
            done += 1
        except (PermissionDenied, workflow.TransitionError) as error:
            modeladmin.message_user(request, f"{text}: {error}", messages.ERROR)
    if done:
        modeladmin.message_user(request, f"{name.replace('_', ' ').capitalize()}: {done} text(s).", messages.SUCCESS)


@admin.action(description="Submit for review", permissions=["submit"])
def submit_texts(modeladmin, request, queryset):
    _run_transition(modeladmin, request, queryset, "submit")


@admin.action(description="Approve (reviewer; not your own text)", permissions=["approve"])
def approve_texts(modeladmin, request, queryset):
    _run_transition(modeladmin, request, queryset, "approve")


@admin.action(description="Publish approved texts", permissions=["publish"])
def publish_texts(modeladmin, request, queryset):
    _run_transition(modeladmin, request, queryset, "publish")


@admin.action(description="Return for changes (asks why)", permissions=["return"])
def return_texts(modeladmin, request, queryset):
    reason = (request.POST.get("reason") or "").strip()
    if request.POST.get("confirm") == "yes" and reason:
        for text in queryset:
            try:
                workflow.return_for_changes(text, request.user, reason)
            except (PermissionDenied, workflow.TransitionError) as error:
                modeladmin.message_user(request, f"{text}: {error}", messages.ERROR)
        return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": "Return texts for changes",
        "opts": modeladmin.model._meta,
        "texts": queryset,
        "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
        "reason": reason,
        "missing_reason": request.POST.get("confirm") == "yes",
    }
    return TemplateResponse(request, "editorial/admin_return.html", context)


@admin.action(description="Withdraw from the site", permissions=["withdraw"])
def withdraw_texts(modeladmin, request, queryset):
    _run_transition(modeladmin, request, queryset, "withdraw")


class ReadOnlyMixin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class RevisionInline(ReadOnlyMixin, admin.TabularInline):
    model = Revision
    fields = ["number", "title", "author", "created_at", "approved_by", "approved_at", "note"]
    readonly_fields = fields
    extra = 0
    show_change_link = True


@admin.register(Text)
class TextAdmin(admin.ModelAdmin):
    list_display = ["key", "kind", "title", "state", "on_site", "review_due", "updated_at", "editorial_link"]
    list_filter = ["kind", "state", "review_due", ("published_revision", admin.EmptyFieldListFilter)]
    search_fields = ["key", "working_revision__title"]
    readonly_fields = [
        "kind", "key", "state", "working_revision", "published_revision", "published_at", "return_reason",
        "review_due", "review_due_reasons", "fingerprint", "created_at", "updated_at",
    ]  # fmt: skip
    inlines = [RevisionInline]
    actions = [submit_texts, approve_texts, return_texts, publish_texts, withdraw_texts]
    list_select_related = ["working_revision"]

    def has_add_permission(self, request):
        # New texts start on the editorial screens, which create their first revision with them.
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def _has(self, request, codename):
        return request.user.has_perm(f"ghr_editorial.{codename}")

    def has_submit_permission(self, request):
        return self._has(request, "submit_text")

    def has_approve_permission(self, request):
        return self._has(request, "approve_text")

    def has_return_permission(self, request):
        return self._has(request, "return_text")

    def has_publish_permission(self, request):
        return self._has(request, "publish_text")

    def has_withdraw_permission(self, request):
        return self._has(request, "withdraw_text")

    @admin.display(boolean=True, description="On the site")
    def on_site(self, text):
        return text.published_revision_id is not None

    @admin.display(description="Edit")
    def editorial_link(self, text):
        return format_html('<a href="{}">open</a>', reverse("editorial:text", args=[text.pk]))


@admin.register(Revision)
class RevisionAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["text", "number", "title", "author", "created_at", "approved_by", "approved_at"]
    list_filter = ["text__kind"]
    search_fields = ["text__key", "title"]
    readonly_fields = [field.name for field in Revision._meta.fields]

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("ghr_editorial.view_revision")


DATE_PARTS = {"year": (1, 9999), "month": (1, 12), "day": (1, 31)}


def check_date_filter(request, field: str) -> None:
    """Refuse (400) a date-hierarchy filter that is not a calendar number; Django's own check lets a huge one through
    to the date functions, which fail with a server error."""
    for part, (low, high) in DATE_PARTS.items():
        value = request.GET.get(f"{field}__{part}")
        number = value is not None and value.isascii() and value.isdigit() and len(value) <= 4
        if value is not None and not (number and low <= int(value) <= high):
            raise BadRequest(f"{part} must be a number from {low} to {high}")


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["at", "actor", "action", "text", "from_state", "to_state", "reason"]
    list_filter = ["action", "to_state"]
    search_fields = ["text__key", "actor__username", "reason"]
    readonly_fields = [field.name for field in AuditEvent._meta.fields]
    date_hierarchy = "at"

    def changelist_view(self, request, extra_context=None):
        check_date_filter(request, self.date_hierarchy)
        return super().changelist_view(request, extra_context)

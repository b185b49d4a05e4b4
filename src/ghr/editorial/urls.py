"""The editorial screens, included at /editorial/."""

from django.urls import path

from ghr.editorial import views

app_name = "editorial"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("texts/", views.text_list, name="texts"),
    path("texts/new", views.text_new, name="text_new"),
    path("texts/<int:pk>/", views.text_detail, name="text"),
    path("texts/<int:pk>/edit", views.text_edit, name="text_edit"),
    path("texts/<int:pk>/diff", views.text_diff, name="text_diff"),
    path("texts/<int:pk>/preview", views.text_preview, name="text_preview"),
    path("texts/<int:pk>/revisions/<int:number>/restore", views.text_restore, name="text_restore"),
    path("texts/<int:pk>/<slug:name>", views.text_transition, name="text_transition"),
    path("audit/", views.audit_log, name="audit"),
    path("changes/", views.release_changes, name="changes"),
]

from django.urls import include, path

urlpatterns = [path("", include("ghr.web.urls"))]
handler404 = "ghr.web.views.errors.not_found"

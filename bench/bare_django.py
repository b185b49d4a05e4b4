"""The framework's own ceiling for the search benchmark: a bare Django view returning fixed JSON, with no
middleware, database or templates, served by the same gunicorn set-up as the site.

    gunicorn bench.bare_django:application
"""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import JsonResponse
from django.urls import path

# A suggest answer of typical size: the ceiling then includes writing a realistic body.
FIXED_ANSWER = {
    "query": "alas",
    "results": [
        {"label": "ALAS2", "kind": "gene", "url": "/gene/ALAS2", "matched": ""},
        {"label": "ALAS1", "kind": "gene", "url": "/gene/ALAS1", "matched": ""},
        {"label": "X-linked sideroblastic anemia", "kind": "condition",
         "url": "/condition/x-linked-sideroblastic-anemia", "matched": "other name: ALAS2 deficiency"},
    ],
}  # fmt: skip


def fixed_json(request):
    return JsonResponse(FIXED_ANSWER)


urlpatterns = [path("bare.json", fixed_json)]


def _application():
    if not settings.configured:
        settings.configure(
            DEBUG=False, ROOT_URLCONF=__name__, ALLOWED_HOSTS=["*"], SECRET_KEY="bench-only", MIDDLEWARE=[]
        )
    return get_wsgi_application()


application = _application()

"""Security headers, the same on the app's answers and on the pages nginx serves from the static export.

The pages load their script and styles from /static/ only and are never meant to be framed, so the policy allows
nothing else: no inline script or style, no plugins, no framing, forms posting only to this site. Django's own
SecurityMiddleware adds HSTS (GHR_HSTS_SECONDS), the HTTPS redirect, Referrer-Policy and nosniff; this adds the
Content-Security-Policy, which Django 5.2 does not have.
"""

from __future__ import annotations

from django.conf import settings

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


def security_headers(hsts_seconds: int = 0, hsts_subdomains: bool = False, hsts_preload: bool = False) -> dict:
    """Every security header a page carries, for servers other than the app (nginx)."""
    headers = {
        "Content-Security-Policy": CONTENT_SECURITY_POLICY,
        "X-Frame-Options": "DENY",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
        "Cross-Origin-Opener-Policy": "same-origin",
    }
    if hsts_seconds > 0:
        value = f"max-age={hsts_seconds}"
        value += "; includeSubDomains" if hsts_subdomains else ""
        value += "; preload" if hsts_preload else ""
        headers["Strict-Transport-Security"] = value
    return headers


def configured_security_headers() -> dict:
    config = settings.GHR
    return security_headers(
        config["GHR_HSTS_SECONDS"], config["GHR_HSTS_INCLUDE_SUBDOMAINS"], config["GHR_HSTS_PRELOAD"]
    )


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        return response

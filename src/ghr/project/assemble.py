"""Turns a ghr Config into the dictionary of Django settings."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from ghr.conf import Config
from ghr.project.databases import database_settings

PACKAGE_DIR = Path(__file__).resolve().parent.parent

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "ghr.kb",
    "ghr.build",
    "ghr.search",
    "ghr.editorial",
    "ghr.web",
    "ghr.api",
    "ghr.publish",
]


def _secret_key(config: Config) -> str:
    if config["GHR_SECRET_KEY"]:
        return config["GHR_SECRET_KEY"]
    path = config.var_dir / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


def _caches(config: Config) -> dict[str, Any]:
    """``default`` for pages; ``limits`` for the login throttle and API rate limits, which must be counted by
    every process together: Redis when configured, else files that all processes of this machine share."""
    url = config["GHR_CACHE_URL"]
    if url:
        redis = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
        return {"default": redis, "limits": redis}
    return {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 20000}},
        "limits": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(config.var_dir / "limits"),
            # Every write lists the folder when it is this full; counts expire within minutes anyway.
            "OPTIONS": {"MAX_ENTRIES": 3000},
        },
    }


def _https(config: Config) -> dict[str, Any]:
    https = {
        "SECURE_SSL_REDIRECT": config["GHR_SSL_REDIRECT"],
        "SECURE_HSTS_SECONDS": config["GHR_HSTS_SECONDS"],
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": config["GHR_HSTS_INCLUDE_SUBDOMAINS"],
        "SECURE_HSTS_PRELOAD": config["GHR_HSTS_PRELOAD"],
        "SECURE_CROSS_ORIGIN_OPENER_POLICY": "same-origin",
        "SECURE_REFERRER_POLICY": "same-origin",
        "X_FRAME_OPTIONS": "DENY",
    }
    if config["GHR_SSL_REDIRECT"]:
        # The proxy that ends TLS says so (nginx: X-Forwarded-Proto $scheme, set on every request it passes).
        https["SECURE_PROXY_SSL_HEADER"] = ("HTTP_X_FORWARDED_PROTO", "https")
    return https


def _templates() -> list[dict[str, Any]]:
    return [
        {
            "BACKEND": "django.template.backends.jinja2.Jinja2",
            "DIRS": [],
            "APP_DIRS": True,
            "OPTIONS": {"environment": "ghr.web.jinja.environment", "autoescape": True},
        },
        {
            # The admin and editorial screens built on it use Django's own templates.
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "DIRS": [],
            "APP_DIRS": True,
            "OPTIONS": {
                "context_processors": [
                    "django.template.context_processors.request",
                    "django.contrib.auth.context_processors.auth",
                    "django.contrib.messages.context_processors.messages",
                ]
            },
        },
    ]


def django_settings(config: Config) -> dict[str, Any]:
    secure = config["GHR_SECURE_COOKIES"]
    return {
        "GHR": config,
        "DEBUG": config["GHR_DEBUG"],
        "SECRET_KEY": _secret_key(config),
        "ALLOWED_HOSTS": config["GHR_ALLOWED_HOSTS"],
        "INSTALLED_APPS": INSTALLED_APPS,
        "MIDDLEWARE": [
            # Before the page cache, so cached answers count against the budget of each client too.
            "ghr.api.ratelimit.RateLimitMiddleware",
            # The HTTPS redirect and security headers apply to every answer, cached or not.
            "django.middleware.security.SecurityMiddleware",
            "ghr.project.headers.ContentSecurityPolicyMiddleware",
            # Before the rest, so a cached public page skips every other middleware; it sees their final response
            # (cookies, Vary) when deciding what to keep. Pages rendered once per build and text release.
            "ghr.publish.middleware.PageCacheMiddleware",
            "whitenoise.middleware.WhiteNoiseMiddleware",
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.common.CommonMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
            "django.contrib.messages.middleware.MessageMiddleware",
            "django.middleware.clickjacking.XFrameOptionsMiddleware",
            # ?report=json|xml on a page URL answers with the old service's document (ghr.api owns it).
            "ghr.api.middleware.ReportFormatMiddleware",
        ],
        "ROOT_URLCONF": "ghr.project.urls",
        "WSGI_APPLICATION": "ghr.project.wsgi.application",
        "DATABASES": database_settings(config),
        # Failed logins are throttled per user name and address on every login path, not only the admin form.
        "AUTHENTICATION_BACKENDS": ["ghr.editorial.throttle.ThrottledModelBackend"],
        "DATABASE_ROUTERS": ["ghr.project.routers.KnowledgeBaseRouter"],
        "DEFAULT_AUTO_FIELD": "django.db.models.BigAutoField",
        "CACHES": _caches(config),
        "TEMPLATES": _templates(),
        "STATIC_URL": "/static/",
        "STATIC_ROOT": str(config.var_dir / "static"),
        "LANGUAGE_CODE": "en-us",
        "TIME_ZONE": "UTC",
        "USE_I18N": False,
        "USE_TZ": True,
        **_https(config),
        "SESSION_COOKIE_SECURE": secure,
        "CSRF_COOKIE_SECURE": secure,
        "SESSION_COOKIE_HTTPONLY": True,
        "LOGIN_URL": "/admin/login/",
        "APPEND_SLASH": True,
        "LOGGING": {
            "version": 1,
            "disable_existing_loggers": False,
            "handlers": {"console": {"class": "logging.StreamHandler"}},
            "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR"}},
        },
    }

"""Refuse logins for a while after repeated failures for the same username from the same address.

Failures are counted in the cache (shared by every worker when GHR_CACHE_URL points at Redis) through Django's
``user_login_failed`` signal; the login form used by the admin (and so by the editorial screens, whose login is
the admin's) checks the count before it checks the password, so a locked-out guesser learns nothing.
"""

from __future__ import annotations

import hashlib

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.core.exceptions import PermissionDenied

MAX_FAILURES = 5
WINDOW_SECONDS = 15 * 60
MESSAGE = "Too many failed logins for this account from your address. Please wait 15 minutes and try again."


def client_address(request) -> str:
    return (request.META.get("REMOTE_ADDR") or "unknown") if request is not None else "unknown"


def _key(username: str, address: str) -> str:
    digest = hashlib.sha256(f"{(username or '').strip().lower()}\0{address}".encode()).hexdigest()[:32]
    return f"ghr:login-failures:{digest}"


def failures(username: str, address: str) -> int:
    return cache.get(_key(username, address), 0)


def is_locked(username: str, address: str) -> bool:
    return failures(username, address) >= MAX_FAILURES


def note_failure(username: str, address: str) -> int:
    key = _key(username, address)
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)
        return 1


def forget(username: str, address: str) -> None:
    cache.delete(_key(username, address))


def _on_failure(sender, credentials, request=None, **kwargs):
    note_failure(credentials.get("username", ""), client_address(request))


def _on_success(sender, request, user, **kwargs):
    forget(user.get_username(), client_address(request))


def connect() -> None:
    user_login_failed.connect(_on_failure, dispatch_uid="ghr_editorial_login_failed")
    user_logged_in.connect(_on_success, dispatch_uid="ghr_editorial_logged_in")


class ThrottledAuthenticationForm(AdminAuthenticationForm):
    """The admin login form, refusing before the password is checked once the limit is reached."""

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        if is_locked(username, client_address(self.request)):
            raise forms.ValidationError(MESSAGE, code="throttled")
        return super().clean()


class ThrottledModelBackend(ModelBackend):
    """Django's own backend, refusing while the username is locked out from the caller's address.

    The admin login form already refuses before it authenticates; listing this backend in
    AUTHENTICATION_BACKENDS also covers any other login path (another form, an API token exchange).
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is not None and is_locked(username, client_address(request)):
            # PermissionDenied stops Django trying further backends and counts as one more failure.
            raise PermissionDenied(MESSAGE)
        return super().authenticate(request, username=username, password=password, **kwargs)

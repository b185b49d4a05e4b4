"""Refuse logins for a while after repeated failures: for a username from one address, from one address whatever
the usernames (password spraying), and for one username whatever the addresses (a guess spread over many
machines, with a higher limit so one attacker cannot lock an editor out).

The address is the client's, seen through trusted proxies (ghr.project.clients). Failures are counted in the
``limits`` cache through Django's ``user_login_failed`` signal: Redis shared by every process when GHR_CACHE_URL is
set, else files shared by the processes of one machine. The login form used by the admin (and so by the editorial
screens, whose login is the admin's) checks the counts before it checks the password, so a locked-out guesser
learns nothing.
"""

from __future__ import annotations

import hashlib

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import caches
from django.core.exceptions import PermissionDenied

from ghr.project.clients import client_address

MAX_FAILURES = 5
MAX_ADDRESS_FAILURES = 20
MAX_ACCOUNT_FAILURES = 50
WINDOW_SECONDS = 15 * 60
MESSAGE = "Too many failed logins for this account or from your address. Please wait 15 minutes and try again."


def _key(scope: str, username: str, address: str) -> str:
    digest = hashlib.sha256(f"{(username or '').strip().lower()}\0{address}".encode()).hexdigest()[:32]
    return f"ghr:login-failures:{scope}:{digest}"


def _keys(username: str, address: str) -> dict[str, tuple[str, int]]:
    """Counter name -> (cache key, limit)."""
    return {
        "pair": (_key("pair", username, address), MAX_FAILURES),
        "address": (_key("address", "", address), MAX_ADDRESS_FAILURES),
        "account": (_key("account", username, ""), MAX_ACCOUNT_FAILURES),
    }


def failures(username: str, address: str) -> int:
    """Failures for this username from this address."""
    return caches["limits"].get(_key("pair", username, address), 0)


def is_locked(username: str, address: str) -> bool:
    counts = caches["limits"].get_many([key for key, _ in _keys(username, address).values()])
    return any(counts.get(key, 0) >= limit for key, limit in _keys(username, address).values())


def _increment(key: str) -> int:
    limits = caches["limits"]
    limits.add(key, 0, WINDOW_SECONDS)
    try:
        return limits.incr(key)
    except ValueError:  # expired between add and incr
        limits.set(key, 1, WINDOW_SECONDS)
        return 1


def note_failure(username: str, address: str) -> int:
    """Count one failure on every counter; returns the count for this username from this address."""
    counts = {name: _increment(key) for name, (key, _) in _keys(username, address).items()}
    return counts["pair"]


def forget(username: str, address: str) -> None:
    # Only this pair: a success from here says nothing about guesses from elsewhere or at other accounts.
    caches["limits"].delete(_key("pair", username, address))


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

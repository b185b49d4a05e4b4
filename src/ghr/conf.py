"""Every setting ghr reads, with its name, default and help text.

Settings come from the environment once, when a process starts (``load_config``), and are handed to Django's
settings module from there; nothing else in ghr reads the environment.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any


def _default_cache_dir(env: Mapping[str, str]) -> str:
    xdg = env.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return str(base / "ghr")


def _as_bool(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError(f"expected a yes/no value, got {value!r}")


def _as_list(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _as_networks(value: str) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(ipaddress.ip_network(part, strict=False) for part in _as_list(value))


def _as_header(value: str) -> str:
    name = value.strip()
    if not name or not all(c.isalnum() or c == "-" for c in name):
        raise ValueError("expected an HTTP header name such as X-Forwarded-For")
    return name


@dataclass(frozen=True)
class Setting:
    """One setting: its environment name, its default and what it does."""

    name: str
    """Environment variable that sets it, e.g. ``GHR_DATABASE_URL``."""
    default: str | Callable[[Mapping[str, str]], str]
    """The value used when the variable is unset; a callable derives it from the rest of the environment."""
    help: str
    """One or two sentences for ``ghr settings`` and the README."""
    parse: Callable[[str], Any] = str
    """Turns the text into the typed value, raising ValueError on nonsense."""

    def default_text(self, env: Mapping[str, str]) -> str:
        return self.default(env) if callable(self.default) else self.default


SETTINGS: tuple[Setting, ...] = (
    Setting("GHR_VAR_DIR", "var", "Folder for the site's own state: SQLite files, secret key, exports."),
    Setting(
        "GHR_DATABASE_URL",
        "",
        "Database URL. Empty means SQLite files in GHR_VAR_DIR (ghr.sqlite3 for editorial data, kb.sqlite3 for "
        "the knowledge base); postgresql://user@host:port/dbname uses PostgreSQL, with one schema per role.",
    ),
    Setting(
        "GHR_DB_SCHEMA",
        "ghr",
        "PostgreSQL only: prefix of the schemas used (PREFIX for editorial data, PREFIX_kb for the knowledge "
        "base, PREFIX_kb_staging while a build runs).",
    ),
    Setting(
        "GHR_DB_LOCK_WAIT_SECONDS",
        "5",
        "SQLite only: how long a request waits for a locked database before it answers 503 (try again shortly).",
        float,
    ),
    Setting(
        "GHR_CACHE_DIR",
        _default_cache_dir,
        "Where fetched publisher files are cached, shared by every clone on the machine "
        "($XDG_CACHE_HOME/ghr, else ~/.cache/ghr).",
    ),
    Setting(
        "GHR_UPSTREAM_MIRROR",
        "",
        "Base URL of a mirror of publishers' files for `ghr fetch --upstream` and `ghr refresh`: a file is then "
        "fetched from MIRROR/<source key>/<publisher's file name> instead of the publisher. Empty: the publishers.",
    ),
    Setting(
        "GHR_CACHE_URL",
        "",
        "Cache for rendered pages, login throttle and rate limits: redis://host:port/db for Redis, shared by "
        "every process and machine. Empty: pages in each process's memory, and the counts of the throttle and "
        "rate limits in files under GHR_VAR_DIR/limits, shared by the processes of one machine only.",
    ),
    Setting("GHR_CONTENT_DIR", "content", "Folder of editorial texts in Markdown, imported by `ghr texts import`."),
    Setting("GHR_PUBLISH_DIR", "", "Where `ghr publish` writes the static site; empty means GHR_VAR_DIR/publish."),
    Setting("GHR_BASE_URL", "http://127.0.0.1:8000", "Public address of the site, used in feeds and downloads."),
    Setting("GHR_HOST", "127.0.0.1", "Address `ghr serve` listens on."),
    Setting("GHR_PORT", "8000", "Port `ghr serve` listens on.", int),
    Setting("GHR_WORKERS", "2", "Number of app processes `ghr serve` starts.", int),
    Setting("GHR_DEBUG", "false", "Show Django's debug pages. Never in production.", _as_bool),
    Setting("GHR_SECRET_KEY", "", "Django secret key; empty means one generated once and kept in GHR_VAR_DIR."),
    Setting(
        "GHR_ALLOWED_HOSTS",
        "127.0.0.1,localhost,[::1],testserver",
        "Comma-separated host names the site answers to.",
        _as_list,
    ),
    Setting(
        "GHR_SECURE_COOKIES",
        "false",
        "Mark session and CSRF cookies Secure (set it when served over HTTPS).",
        _as_bool,
    ),
    Setting(
        "GHR_SSL_REDIRECT",
        "false",
        "Redirect every plain-HTTP request to HTTPS. Behind a proxy that ends TLS, the proxy must set "
        "X-Forwarded-Proto (the shipped nginx configuration does).",
        _as_bool,
    ),
    Setting(
        "GHR_HSTS_SECONDS",
        "0",
        "Strict-Transport-Security max-age: browsers use only HTTPS for this long once they have seen the site "
        "(31536000 is a year). 0 sends no such header; set it once HTTPS works.",
        int,
    ),
    Setting(
        "GHR_HSTS_INCLUDE_SUBDOMAINS",
        "false",
        "With GHR_HSTS_SECONDS: the same for every sub-domain of the site's host.",
        _as_bool,
    ),
    Setting(
        "GHR_HSTS_PRELOAD",
        "false",
        "With GHR_HSTS_SECONDS: allow browsers to ship the host in their HTTPS-only list.",
        _as_bool,
    ),
    Setting(
        "GHR_API_RATE_LIMIT",
        "600/60",
        "API requests allowed per client address: COUNT/SECONDS. Counts every data answer: /api/, search and "
        "suggest, the old .json/.xml documents and ?report=, /connect and the bulk downloads.",
    ),
    Setting(
        "GHR_TRUSTED_PROXIES",
        "127.0.0.1,::1",
        "Comma-separated addresses or networks (10.0.0.0/8) of proxies whose GHR_CLIENT_ADDRESS_HEADER is believed: "
        "the login throttle and the API rate limit then count the client's address, not the proxy's. Empty: "
        "only the connection's own address counts.",
        _as_networks,
    ),
    Setting(
        "GHR_CLIENT_ADDRESS_HEADER",
        "X-Forwarded-For",
        "Header a trusted proxy puts the client's address in (the shipped nginx configuration sets "
        "X-Forwarded-For); the last address in it that is not a trusted proxy is the client.",
        _as_header,
    ),
    Setting("GHR_REVIEW_AGE_YEARS", "5", "A published text older than this many years is flagged review due.", int),
    Setting(
        "GHR_PAGE_CACHE_SECONDS",
        "86400",
        "How long a rendered page stays cached; keys change with every build and publication anyway.",
        int,
    ),
)


@dataclass(frozen=True)
class Config:
    """The settings of one process, typed."""

    values: Mapping[str, Any]

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    @property
    def var_dir(self) -> Path:
        return Path(self.values["GHR_VAR_DIR"]).resolve()

    @property
    def cache_dir(self) -> Path:
        return Path(self.values["GHR_CACHE_DIR"]).expanduser().resolve()

    @property
    def publish_dir(self) -> Path:
        configured = self.values["GHR_PUBLISH_DIR"]
        return Path(configured).resolve() if configured else self.var_dir / "publish"


class SettingError(ValueError):
    """A setting's value cannot be understood."""


def load_config(env: Mapping[str, str] | None = None) -> Config:
    """Read every setting from ``env`` (the process environment by default), applying defaults."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    for setting in SETTINGS:
        text = env.get(setting.name)
        if text is None:
            text = setting.default_text(env)
        try:
            values[setting.name] = setting.parse(text)
        except ValueError as error:
            raise SettingError(f"{setting.name}={text!r}: {error}") from error
    return Config(values)

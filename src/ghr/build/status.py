"""What knowledge base is serving, for tests and operators."""

from __future__ import annotations

from django.db import DatabaseError

from ghr.build.validate import Minimums
from ghr.kb.models import BuildInfo


def current_build() -> BuildInfo | None:
    try:
        return BuildInfo.objects.using("kb").first()
    except DatabaseError:
        return None


def full_build_available() -> bool:
    """Is the serving knowledge base a build of the full pinned data (not the small test slice)?"""
    info = current_build()
    return bool(info and info.counts.get("genes", 0) >= Minimums().genes)


def code_fingerprint() -> str:
    """sha256 over the code and pins a build depends on: when it changes, the knowledge base must be rebuilt."""
    import hashlib
    from pathlib import Path

    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for folder in ("sources", "build", "kb", "search"):
        for path in sorted((package / folder).rglob("*")):
            if path.suffix in {".py", ".toml"} and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(package)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def is_current() -> bool:
    """Does a knowledge base serve, built by this code from these pins?"""
    info = current_build()
    return bool(info and info.code_fingerprint == code_fingerprint())

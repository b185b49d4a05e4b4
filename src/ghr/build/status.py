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

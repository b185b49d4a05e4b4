"""What a published page depends on: the knowledge-base build, the editors' published texts and ghr's own code.

Pages are a function of these three (and of the public base URL), so a page rendered for one combination stays
right until one of them changes. Both the static export and the app's page cache key their work by them.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

import ghr

# Kept short: a key made of these is computed for every cached request.
_CODE_SUFFIXES = {".py", ".html", ".css", ".js", ".svg", ".json", ".xml", ".txt", ".md", ".toml"}


def kb_build_id(using: str = "kb") -> str:
    """The id of the build the knowledge base at ``using`` came from ('' before the first build)."""
    from ghr.kb.models import BuildInfo

    return BuildInfo.objects.using(using).values_list("build_id", flat=True).first() or ""


def texts_release() -> str:
    """A token that changes whenever an editor publishes, withdraws or imports a text."""
    from ghr.editorial.public import texts_release as editorial_texts_release

    return str(editorial_texts_release())


@cache
def code_fingerprint() -> str:
    """A digest of ghr's installed code, templates and static files, by content.

    By content rather than modification time so that every host running the same release computes the same value
    and can share a cache. Cached for the life of the process: code does not change under it without a restart.
    """
    root = Path(ghr.__file__).resolve().parent
    digest = hashlib.sha256(ghr.__version__.encode())
    for path in sorted(root.rglob("*")):
        if path.suffix in _CODE_SUFFIXES and "__pycache__" not in path.parts:
            digest.update(f"{path.relative_to(root)}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def page_inputs(base_url: str) -> dict[str, str]:
    """Everything a public page depends on besides its path, as a comparable dictionary."""
    return {
        "kb_build_id": kb_build_id(),
        "texts_release": texts_release(),
        "code": code_fingerprint(),
        "base_url": base_url,
    }

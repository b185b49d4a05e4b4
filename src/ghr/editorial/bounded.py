"""Reading a content file with every part bounded, so a small hostile file cannot become a huge text.

A YAML alias (``*name``) repeats what its anchor holds; nested, a few hundred bytes of them expand to gigabytes
(the "billion laughs" file). Content files never need one, so any alias is refused before it is expanded. The file
itself, and every field the front matter fills, has a size limit stated in the error.
"""

from __future__ import annotations

from pathlib import Path

import frontmatter
import yaml

MAX_FILE_BYTES = 256 * 1024
MAX_BODY = 100_000
MAX_LINE_FIELD = 200
MAX_LIST_ITEMS = 100
MAX_LIST_ITEM = 300
# The database's INTEGER columns (Revision.chapter_order, order) hold 32-bit numbers everywhere.
INT_RANGE = (-(2**31), 2**31 - 1)


class ContentError(ValueError):
    """A content file that cannot be imported, with the reason: over a limit, a YAML alias, a wrong type."""


class NoAliasLoader(yaml.SafeLoader):
    """YAML's safe loader, refusing aliases (``*name``) before they are expanded."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(None, None, "YAML aliases (*name) are not allowed in content files", mark)
        return super().compose_node(parent, index)


class _NoAliasHandler(frontmatter.YAMLHandler):
    def load(self, fm, **kwargs):
        return yaml.load(fm, Loader=NoAliasLoader)  # noqa: S506 - a subclass of SafeLoader


def read_post(path: Path) -> frontmatter.Post:
    """The file's front matter and body; ContentError when it is too big, yaml.YAMLError when unreadable."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ContentError(f"the file is {size:,} bytes; a content file is at most {MAX_FILE_BYTES:,}")
    post = frontmatter.loads(path.read_text(encoding="utf-8"), handler=_NoAliasHandler())
    if not isinstance(post.metadata, dict):
        raise ContentError("the front matter is not a set of `name: value` lines")
    if len(post.content) > MAX_BODY:
        raise ContentError(f"the body is {len(post.content):,} characters; at most {MAX_BODY:,}")
    return post


def bounded_line(value, name: str, limit: int = MAX_LINE_FIELD) -> str:
    """A one-line text field of at most ``limit`` characters ('' when absent)."""
    if value is None:
        return ""
    if isinstance(value, (dict, list, bool)):
        raise ContentError(f"{name} must be a line of words")
    text = str(value).strip()
    if len(text) > limit or "\n" in text:
        raise ContentError(f"{name} must be one line of at most {limit} characters")
    return text


def bounded_int(value, name: str) -> int:
    """A whole number within the database's range (0 when absent)."""
    if value in (None, ""):
        return 0
    text = str(value).strip()
    digits = text.removeprefix("-")
    if isinstance(value, bool) or not isinstance(value, (int, str)) or not (digits.isascii() and digits.isdigit()):
        raise ContentError(f"{name} must be a whole number, not {text[:40]!r}")
    if len(digits) > 10 or not INT_RANGE[0] <= int(text) <= INT_RANGE[1]:
        raise ContentError(f"{name} must be between {INT_RANGE[0]:,} and {INT_RANGE[1]:,}")
    return int(text)


def bounded_words(value, name: str) -> list[str]:
    """A list of at most MAX_LIST_ITEMS short strings."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ContentError(f"{name} must be a list of words")
    if len(value) > MAX_LIST_ITEMS or any(len(v) > MAX_LIST_ITEM for v in value):
        raise ContentError(f"{name} holds at most {MAX_LIST_ITEMS} items of at most {MAX_LIST_ITEM} characters")
    return [v.strip() for v in value]

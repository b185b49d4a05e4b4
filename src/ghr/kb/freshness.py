"""Kept SQLite connections follow the knowledge base when a build swaps a new file in.

A build replaces the file with rename(2); a connection opened before keeps reading the old file. At the start
of each request, a connection to a file that is no longer the one at its path is closed, so the request opens
the new one. PostgreSQL needs none of this: its swap renames schemas, which every next query sees.
"""

import os

from django.db import connections

WATCHED = ("kb", "default")


def _inode(path: str) -> int | None:
    try:
        return os.stat(path).st_ino
    except OSError:
        return None


def remember_file(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite" and connection.alias in WATCHED:
        connection.ghr_opened_inode = _inode(connection.settings_dict["NAME"])


def close_if_swapped(**kwargs) -> None:
    for alias in WATCHED:
        connection = connections[alias]
        if connection.vendor != "sqlite" or connection.connection is None:
            continue
        if getattr(connection, "ghr_opened_inode", None) != _inode(connection.settings_dict["NAME"]):
            connection.close()

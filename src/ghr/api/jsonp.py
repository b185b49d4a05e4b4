"""JSONP callbacks, limited to plain JavaScript names so a callback can never inject script."""

from __future__ import annotations

import re

_NAME = r"[A-Za-z_$][A-Za-z0-9_$]{0,63}"
SAFE_CALLBACK = re.compile(rf"^{_NAME}(\.{_NAME}){{0,4}}$")
RESERVED = frozenset(
    [
        "break",
        "case",
        "catch",
        "class",
        "const",
        "continue",
        "debugger",
        "default",
        "delete",
        "do",
        "else",
        "enum",
        "export",
        "extends",
        "false",
        "finally",
        "for",
        "function",
        "if",
        "import",
        "in",
        "instanceof",
        "let",
        "new",
        "null",
        "return",
        "static",
        "super",
        "switch",
        "this",
        "throw",
        "true",
        "try",
        "typeof",
        "var",
        "void",
        "while",
        "with",
        "yield",
        "await",
        "implements",
        "interface",
        "package",
        "private",
        "protected",
        "public",
    ]
)


def is_safe_callback(name: str) -> bool:
    return bool(SAFE_CALLBACK.match(name)) and not any(part in RESERVED for part in name.split("."))


def wrap(callback: str, json_text: str) -> str:
    # The leading comment stops a response being read as something other than script (the "Rosetta Flash" attack).
    return f"/**/{callback}({json_text});"

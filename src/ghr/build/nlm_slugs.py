"""The address MedlinePlus Genetics gives a condition page, computed from the condition's name as NLM does.

NLM's slugs keep letters and digits, lower-cased and stripped of accents; drop the punctuation inside a term
(22q11.2 -> 22q112, 46,XX -> 46xx, Arginine:glycine -> arginineglycine, Parkinson's -> parkinsons); and join the
words with hyphens, as they join a slash or a comma between two numbers (Anophthalmia/Microphthalmia ->
anophthalmia-microphthalmia, 17,20-lyase -> 17-20-lyase). Observed on NLM's published addresses; see
docs/nlm-compatibility.md. NLM keeps a page's address when it renames the page, so a few addresses follow an
older name and cannot be computed (Auriculocondylar syndrome is at auriculo-condylar-syndrome).
"""

from __future__ import annotations

import re
import unicodedata

# Punctuation NLM drops without a break: a period or comma inside a term, a colon, an apostrophe.
_DROPPED = re.compile(r"[.:'\u2019]|,(?!\d)|(?<!\d),")
_SEPARATOR = re.compile(r"[^a-z0-9]+")


def nlm_slug(name: str) -> str:
    """'22q11.2 deletion syndrome' -> '22q112-deletion-syndrome'."""
    folded = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return _SEPARATOR.sub("-", _DROPPED.sub("", plain)).strip("-")


def assign_nlm_slugs(conditions) -> dict[str, str]:
    """Our slug -> NLM slug, one condition per NLM slug: where two names give the same address, the condition
    whose own slug it is, else the one whose slug sorts first, has it (the others are reached by their own)."""
    owners: dict[str, str] = {}
    for condition in sorted(conditions, key=lambda c: (nlm_slug(c.name) != c.slug, c.slug)):
        candidate = nlm_slug(condition.name)
        if candidate:
            owners.setdefault(candidate, condition.slug)
    return {slug: candidate for candidate, slug in owners.items()}

"""A-Z browsing with paging, shared by the gene and condition lists."""

from __future__ import annotations

import string
from dataclasses import dataclass

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.http import Http404

PER_PAGE = 200
DIGITS = "0-9"
LETTERS = [*string.ascii_uppercase, DIGITS]


@dataclass
class BrowsePage:
    letter: str
    letters: list[str]
    page: Page

    def query(self, number: int) -> str:
        return f"?letter={self.letter}&page={number}"


def _filtered(queryset, field: str, letter: str):
    if letter == DIGITS:
        return queryset.filter(**{f"{field}__regex": r"^[0-9]"})
    return queryset.filter(**{f"{field}__istartswith": letter})


def letter_page(params, queryset, field: str) -> BrowsePage:
    """The items starting with ?letter= (A by default), ?page= of them; unknown letters or pages are 404s."""
    letter = (params.get("letter") or "A").upper()
    if letter not in LETTERS:
        raise Http404("Choose a letter from A to Z, or 0-9.")
    paginator = Paginator(_filtered(queryset, field, letter).order_by(field), PER_PAGE, allow_empty_first_page=True)
    try:
        page = paginator.page(params.get("page") or 1)
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404("There is no such page in this list.") from error
    return BrowsePage(letter=letter, letters=LETTERS, page=page)

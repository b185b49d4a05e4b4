"""Page numbers and sizes from the query string, checked, and the links to the neighbouring pages."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from ghr.api.http import ApiError

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 500
MAX_PAGE = 100_000_000


def _positive(request, name: str, default: int, maximum: int | None = None) -> int:
    text = request.GET.get(name)
    if text is None:
        return default
    if not text.isascii() or not text.isdigit() or int(text) < 1 or len(text) > 12:
        raise ApiError(400, "bad_parameter", f"{name} must be a whole number of at least 1, not {text!r}.")
    value = int(text)
    if maximum is not None and value > maximum:
        raise ApiError(400, "bad_parameter", f"{name} must be at most {maximum}.")
    return value


@dataclass(frozen=True)
class Page:
    number: int
    size: int

    @classmethod
    def of(cls, request) -> Page:
        return cls(
            _positive(request, "page", 1, MAX_PAGE), _positive(request, "per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE)
        )

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size

    def envelope(self, request, items: list, total: int) -> dict:
        last = max(1, -(-total // self.size))
        return {
            "items": items,
            "page": self.number,
            "per_page": self.size,
            "total": total,
            "pages": last,
            "next": self._link(request, self.number + 1) if self.number < last else None,
            "previous": self._link(request, self.number - 1) if 1 < self.number <= last + 1 else None,
        }

    def _link(self, request, number: int) -> str:
        query = request.GET.copy()
        query["page"] = str(number)
        return f"{request.path}?{urlencode(sorted(query.items()))}"

    def slice(self, sequence):
        return sequence[self.offset : self.offset + self.size]

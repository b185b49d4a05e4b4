"""Rows to write, table by table, with ids given in Python so that foreign keys need no round trips."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db import models


@dataclass
class Table:
    model: type[models.Model]
    columns: tuple[str, ...]
    """Column names in the order of each row's values; 'id' first."""
    rows: list[tuple] = field(default_factory=list)

    def add(self, *values) -> int:
        row_id = len(self.rows) + 1
        self.rows.append((row_id, *values))
        return row_id

    def add_column(self, name: str, values_by_id: dict[int, object], default: object = "") -> None:
        """A column derived once every row is planned (a value per row id; ``default`` for rows without one)."""
        self.columns = (*self.columns, name)
        self.rows = [(*row, values_by_id.get(row[0], default)) for row in self.rows]


def as_json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@dataclass
class Plan:
    """Everything the build will write, by table."""

    tables: dict[str, Table] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def table(self, model: type[models.Model], *columns: str) -> Table:
        name = model._meta.db_table
        if name not in self.tables:
            self.tables[name] = Table(model, ("id", *columns))
        return self.tables[name]

    def dicts(self, model: type[models.Model]) -> Iterator[dict]:
        """The rows planned for a model so far, each as a dict of column -> value (none if no table)."""
        table = self.tables.get(model._meta.db_table)
        if table is not None:
            for row in table.rows:
                yield dict(zip(table.columns, row, strict=True))

"""Map ClinVar's per-gene variant summary to ``GeneConditionRecord``: one per (gene, MONDO disease) pair.

The gene is named by its symbol (the cache gives nothing else); the disease by its MONDO ID, which the merge
resolves like any other identifier of a condition. The counts of germline and somatic-only variants go with the
link: the build's link rules (``ghr.build.link_kinds``) read them to tell causes from somatic changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ghr.sources.clinvar_variants import parse
from ghr.sources.records import ConditionId, GeneConditionRecord, GeneRef
from ghr.sources.stats import ParseStats


def records(files: dict[str, Path], stats: ParseStats | None = None) -> Iterator[GeneConditionRecord]:
    for pair in parse.parse_variants(files["variants"], files["index"], stats):
        total = pair.germline + pair.somatic_only
        yield GeneConditionRecord(
            gene=GeneRef("symbol", pair.symbol),
            condition=ConditionId("MONDO", pair.mondo_id.removeprefix("MONDO:")),
            evidence=f"ClinVar: {total} reviewed pathogenic variant{'s' if total != 1 else ''} ({pair.disease_name})",
            germline_variants=pair.germline - pair.shared,
            shared_variants=pair.shared,
            shared_with=pair.shared_with,
            somatic_variants=pair.somatic_only,
        )

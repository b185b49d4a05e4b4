"""`ghr build`: the whole build, from verified inputs to a swapped-in knowledge base."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.db import connections

import ghr
from ghr.build.changes import ReleaseChanges, compare
from ghr.build.collect import Collected, collect
from ghr.build.condition_rows import plan_conditions
from ghr.build.finish import finish_knowledge_base
from ghr.build.gene_groups import plan_gene_groups
from ghr.build.genes import (
    BandCheck,
    plan_chromosomes,
    plan_function_terms,
    plan_gene_references,
    plan_genes,
    plan_locations,
)
from ghr.build.inputs import Inputs, gather_inputs
from ghr.build.narrative import plan_narratives
from ghr.build.rows import Plan
from ghr.build.status import code_fingerprint
from ghr.build.swap import swap_in_staging
from ghr.build.validate import SMALL, Minimums, validate
from ghr.build.write import STAGING, reset_staging, write_plan
from ghr.kb import models as kb


@dataclass
class BuildResult:
    build_id: str
    counts: dict[str, int]
    collected: Collected
    band_check: BandCheck
    condition_stats: Counter
    warnings: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    changes: ReleaseChanges | None = None
    """What changed from the knowledge base that was serving; None for a first build."""


def _previous_counts() -> dict[str, int] | None:
    try:
        info = kb.BuildInfo.objects.using("kb").first()
    except Exception:  # noqa: BLE001 (no knowledge base yet: nothing to compare with)
        return None
    finally:
        connections["kb"].close()
    return info.counts if info else None


def _previous_addresses() -> dict[str, str]:
    """Every condition address of the serving knowledge base (slugs and earlier redirects) -> the MONDO ID of the
    condition it leads to, so that a renamed condition's old address can redirect to its new one."""
    slugs: dict[str, str] = {}
    queries = (
        lambda: kb.Condition.objects.using("kb").exclude(mondo_id="").values_list("slug", "mondo_id"),
        lambda: kb.ConditionRedirect.objects.using("kb").exclude(condition__mondo_id="")
        .values_list("old_slug", "condition__mondo_id"),
    )  # fmt: skip
    for query in queries:
        try:
            slugs.update(query())
        except Exception:  # noqa: BLE001, PERF203 (no knowledge base yet, or one from before redirects)
            continue
        finally:
            connections["kb"].close()
    return slugs


def _changes_from_serving() -> ReleaseChanges | None:
    try:
        return compare("kb", STAGING)
    except Exception:  # noqa: BLE001 (no knowledge base serving yet, or one from before these tables)
        return None
    finally:
        connections["kb"].close()


def _write_releases(collected: Collected) -> dict[str, int]:
    ids = {}
    for key, source_input in collected.inputs.items():
        spec, tally = source_input.spec, collected.tallies[key]
        release = kb.SourceRelease.objects.using(STAGING).create(
            key=key, name=spec.name, publisher=spec.publisher, version=source_input.release or spec.version,
            release_date=source_input.release[:40] if source_input.upstream else spec.release_date,
            package=source_input.package, url=spec.url, licence=spec.licence, files=source_input.file_facts(),
            retrieved_at=source_input.retrieved_at, records_read=sum(tally.read.values()),
        )  # fmt: skip
        ids[key] = release.id
    return ids


def _finish_releases(collected: Collected) -> None:
    for key, tally in collected.tallies.items():
        kb.SourceRelease.objects.using(STAGING).filter(key=key).update(
            records_loaded=sum(tally.loaded.values()), records_rejected=sum(tally.rejected.values()),
            notes="; ".join(f"{count} {reason}" for reason, count in tally.rejected.items()),
        )  # fmt: skip


def _plan(
    collected: Collected, source_ids: dict[str, int], addresses: dict[str, str] | None = None
) -> tuple[Plan, BandCheck, Counter]:
    plan = Plan()
    plan_chromosomes(collected, plan, source_ids)
    genes = plan_genes(collected, plan, source_ids)
    band_check = plan_locations(collected, plan, source_ids, genes)
    plan_function_terms(collected, plan, source_ids, genes)
    plan_gene_references(collected, plan, source_ids, genes)
    plan_gene_groups(collected, plan, source_ids, genes)
    condition_stats = plan_conditions(collected, plan, source_ids, genes, addresses or {})
    medians = plan_narratives(plan, collected, genes, source_ids)
    condition_stats.update({f"narrative median grade {kind}": value for kind, value in medians.items()})
    return plan, band_check, condition_stats


def run_build(inputs: Inputs, minimums: Minimums | None = None) -> BuildResult:
    """Build into staging, validate, swap in. Any exception leaves the serving knowledge base untouched."""
    started = datetime.now(UTC)
    seconds: dict[str, float] = {}
    clock = time.perf_counter()
    found, warnings = gather_inputs(inputs)
    collected = collect(found)
    seconds["read"] = time.perf_counter() - clock
    previous = _previous_counts()
    addresses = _previous_addresses()
    reset_staging()
    source_ids = _write_releases(collected)
    clock = time.perf_counter()
    plan, band_check, condition_stats = _plan(collected, source_ids, addresses)
    seconds["merge"] = time.perf_counter() - clock
    clock = time.perf_counter()
    write_plan(plan)
    finish_knowledge_base(STAGING)
    _finish_releases(collected)
    seconds["write"] = time.perf_counter() - clock
    minimums = minimums or (Minimums() if inputs.full else SMALL)
    counts = validate(STAGING, minimums, previous)
    counts.update({f"rows_{name}": value for name, value in plan.counts.items()})
    counts["band_agree"], counts["band_disagree"] = band_check.agree, band_check.disagree
    warnings += [f"band differs from coordinates: {example}" for example in band_check.examples]
    build_id = started.strftime("%Y%m%dT%H%M%S.%fZ")
    changes = _changes_from_serving()
    kb.BuildInfo.objects.using(STAGING).create(
        build_id=build_id, started_at=started, finished_at=datetime.now(UTC), ghr_version=ghr.__version__,
        counts=counts, warnings=warnings, code_fingerprint=code_fingerprint(),
        changes=changes.as_dict() if changes else {},
    )  # fmt: skip
    swap_in_staging()
    _after_swap()
    return BuildResult(build_id, counts, collected, band_check, condition_stats, warnings, seconds, changes)


def _after_swap() -> None:
    # Texts follow their pages through renames and merges (by MONDO or HGNC ID), then texts that rely on facts
    # this build changed are flagged for review. Editorial owns both rules.
    try:
        from ghr.editorial.attachment import reattach
        from ghr.editorial.staleness import flag_review_due
    except ImportError:
        return
    reattach(using="kb")
    flag_review_due(using="kb")

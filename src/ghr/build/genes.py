"""Merge gene records: one gene per approved symbol, with names, locations, function terms and references.

Genes come from HGNC's own complete set when the user supplied it, else from the pinned HGNC snapshot; the other
sources name genes by HGNC, NCBI Gene or Ensembl ID (or symbol), resolved here through one index.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ghr.build.collect import Collected
from ghr.build.rows import Plan, as_json
from ghr.kb import models as kb
from ghr.sources.cytobands.bands import band_for_span
from ghr.sources.records import GeneRecord, GeneRef

GENE_SOURCES = ("hgnc", "gnuhealth_genes")  # in order of preference
LOCATION_SOURCES = ("mane", "ensembl_genes")  # MANE Select first; Ensembl for genes MANE does not cover


@dataclass
class GeneIndex:
    """Finds a gene's row id from any identifier a source uses."""

    by_namespace: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(dict))
    records: dict[int, GeneRecord] = field(default_factory=dict)

    def add(self, gene_id: int, record: GeneRecord) -> None:
        self.records[gene_id] = record
        keys = {
            "hgnc": record.hgnc_id,
            "ncbi": str(record.ncbi_gene_id) if record.ncbi_gene_id else None,
            "ensembl": record.ensembl_id.split(".")[0] if record.ensembl_id else None,
            "symbol": record.symbol.upper(),
        }
        for namespace, value in keys.items():
            if value:
                self.by_namespace[namespace].setdefault(value, gene_id)

    def symbols(self) -> dict[int, str]:
        return {gene_id: record.symbol for gene_id, record in self.records.items()}

    def find(self, ref: GeneRef) -> int | None:
        value = ref.value.upper() if ref.namespace == "symbol" else ref.value
        if ref.namespace == "ensembl":
            value = value.split(".")[0]
        return self.by_namespace[ref.namespace].get(value)


def _gene_source(collected: Collected) -> str:
    for key in GENE_SOURCES:
        if collected.of("GeneRecord", key):
            return key
    raise ValueError("no gene nomenclature source yielded any gene")


def plan_genes(collected: Collected, plan: Plan, source_ids: dict[str, int]) -> GeneIndex:
    key = _gene_source(collected)
    table = plan.table(kb.Gene, "symbol", "name", "hgnc_id", "locus_type", "chromosome", "cytogenetic_location",
                       "ncbi_gene_id", "ensembl_id", "refseq_accession", "uniprot_ids", "omim_ids",
                       "protein_name", "orphanet_id", "mane_select_ensembl", "mane_select_refseq",
                       "source_id")  # fmt: skip
    index = GeneIndex()
    seen = set()
    for _, record in collected.of("GeneRecord", key):
        if record.symbol.upper() in seen or not record.symbol or not record.name:
            collected.rejected(key, "gene without symbol or name, or duplicate symbol")
            continue
        seen.add(record.symbol.upper())
        gene_id = table.add(
            record.symbol, record.name, record.hgnc_id, record.locus_type, record.chromosome, record.band,
            record.ncbi_gene_id, record.ensembl_id.split(".")[0], record.refseq_accession,
            as_json(list(record.uniprot_ids)), as_json(list(record.omim_ids)), record.protein_name,
            record.orphanet_id, *_mane_names(record.mane_select), source_ids[key],
        )  # fmt: skip
        index.add(gene_id, record)
    collected.loaded(key, "GeneRecord", len(table.rows))
    _plan_names(collected, plan, source_ids, index)
    return index


def _mane_names(names: tuple[str, ...]) -> tuple[str, str]:
    """(Ensembl, RefSeq) names of the MANE Select transcript, whichever order HGNC lists them in."""
    ensembl = next((name for name in names if name.startswith("ENST")), "")
    refseq = next((name for name in names if name.startswith(("NM_", "NR_"))), "")
    return ensembl, refseq


def _plan_names(collected: Collected, plan: Plan, source_ids: dict[str, int], index: GeneIndex) -> None:
    table = plan.table(kb.GeneName, "gene_id", "name", "kind", "source_id")
    seen = set()
    # Sources come in build order, nomenclature first: a name a gene already has (under any kind, e.g. HGNC's
    # previous symbol ASB) is not repeated as another source's alias.
    for source, record in collected.of("GeneNameRecord"):
        gene_id = index.find(record.gene)
        name = record.name.strip()
        if gene_id is None:
            collected.rejected(source, "name of an unknown gene")
            continue
        if not name or name.upper() == index.records[gene_id].symbol.upper() or (gene_id, name.upper()) in seen:
            continue
        seen.add((gene_id, name.upper()))
        table.add(gene_id, name[:300], record.kind, source_ids[source])
        collected.loaded(source, "GeneNameRecord")


@dataclass
class BandCheck:
    """How often the band computed from coordinates matches the nomenclature's band."""

    agree: int = 0
    disagree: int = 0
    examples: list[str] = field(default_factory=list)


def _bands_by_chromosome(collected: Collected) -> dict[str, list]:
    bands = defaultdict(list)
    for _, band in collected.of("BandRecord"):
        bands[band.chromosome].append(band)
    for chromosome_bands in bands.values():
        chromosome_bands.sort(key=lambda band: band.start)
    return bands


def _band_agrees(official: str, chromosome: str, computed: str) -> bool | None:
    if not official or not computed:
        return None
    official_band = official.removeprefix(chromosome)
    # A coarser band ('p11.2') agrees with a finer one inside it ('p11.21'), and a range with either end.
    parts = [part.strip() for part in computed.split("-")]
    return any(part.startswith(official_band) or official_band.startswith(part) for part in parts)


def plan_locations(collected: Collected, plan: Plan, source_ids: dict[str, int], index: GeneIndex) -> BandCheck:
    table = plan.table(kb.GeneLocation, "gene_id", "assembly", "chromosome", "start", "end", "strand", "release",
                       "transcript", "band_from_coordinates", "band_agrees", "source_id")  # fmt: skip
    bands = _bands_by_chromosome(collected)
    check = BandCheck()
    located: set[int] = set()
    for source in LOCATION_SOURCES:
        for _, record in collected.of("GeneLocationRecord", source):
            gene_id = index.find(record.gene)
            if gene_id is None:
                collected.rejected(source, "location of an unknown gene")
                continue
            if gene_id in located:  # a span from a preferred annotation is already there: not an error
                continue
            located.add(gene_id)
            computed = band_for_span(bands.get(record.chromosome, []), record.start, record.end)
            gene = index.records[gene_id]
            agrees = _band_agrees(gene.band, record.chromosome, computed)
            _tally_band(check, agrees, gene, record.chromosome, computed)
            table.add(gene_id, record.assembly, record.chromosome, record.start, record.end, record.strand,
                      record.release, record.transcript, computed, agrees, source_ids[source])  # fmt: skip
            collected.loaded(source, "GeneLocationRecord")
    return check


def _tally_band(check: BandCheck, agrees: bool | None, gene: GeneRecord, chromosome: str, computed: str) -> None:
    if agrees is True:
        check.agree += 1
    elif agrees is False:
        check.disagree += 1
        if len(check.examples) < 5:
            check.examples.append(f"{gene.symbol}: HGNC {gene.band}, coordinates {chromosome}{computed}")


def plan_function_terms(collected: Collected, plan: Plan, source_ids: dict[str, int], index: GeneIndex) -> None:
    terms = plan.table(kb.GoTerm, "go_id", "name", "ontology", "definition", "source_id")
    term_ids = {}
    for source, record in collected.of("GoTermRecord"):
        if record.go_id not in term_ids:
            term_ids[record.go_id] = terms.add(record.go_id, record.name, record.ontology, record.definition,
                                               source_ids[source])  # fmt: skip
            collected.loaded(source, "GoTermRecord")
    links = plan.table(kb.GeneFunctionTerm, "gene_id", "term_id", "evidence", "source_id")
    seen = set()
    for source, record in collected.of("GeneGoRecord"):
        gene_id, term_id = index.find(record.gene), term_ids.get(record.go_id)
        if gene_id is None or term_id is None:
            collected.rejected(source, "function term of an unknown gene or term")
            continue
        if (gene_id, term_id) not in seen:
            seen.add((gene_id, term_id))
            links.add(gene_id, term_id, record.evidence, source_ids[source])
            collected.loaded(source, "GeneGoRecord")


def plan_gene_references(collected: Collected, plan: Plan, source_ids: dict[str, int], index: GeneIndex) -> None:
    table = plan.table(kb.GeneReference, "gene_id", "pmid", "source_id")
    seen = set()
    for source, record in collected.of("GeneReferenceRecord"):
        gene_id = index.find(record.gene)
        if gene_id is None:
            collected.rejected(source, "reference of an unknown gene")
        elif (gene_id, record.pmid) not in seen:
            seen.add((gene_id, record.pmid))
            table.add(gene_id, record.pmid, source_ids[source])
            collected.loaded(source, "GeneReferenceRecord")


def plan_chromosomes(collected: Collected, plan: Plan, source_ids: dict[str, int]) -> None:
    order = [str(n) for n in range(1, 23)] + ["X", "Y", "MT"]
    chromosomes = plan.table(kb.Chromosome, "name", "sort_order", "length_bp", "gene_count", "source_id")
    ids = {}
    for source, record in sorted(collected.of("ChromosomeRecord"), key=lambda item: order.index(item[1].name)):
        ids[record.name] = chromosomes.add(record.name, order.index(record.name), record.length_bp, 0,
                                           source_ids[source])  # fmt: skip
        collected.loaded(source, "ChromosomeRecord")
    bands = plan.table(kb.CytoBand, "chromosome_id", "name", "start", "end", "stain", "source_id")
    for source, record in collected.of("BandRecord"):
        if record.chromosome in ids:
            bands.add(ids[record.chromosome], record.name, record.start, record.end, record.stain, source_ids[source])
            collected.loaded(source, "BandRecord")

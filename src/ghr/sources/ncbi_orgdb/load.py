"""Map org.Hs.eg.db's PubMed links, GO annotations and alias symbols to gene reference, gene-GO and name records."""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from itertools import groupby
from pathlib import Path

from ghr.sources.ncbi_orgdb.parse import (
    GeneGoAnnotation,
    GenePubmedLinks,
    ParseStats,
    parse_gene_aliases,
    parse_gene_go,
    parse_gene_pubmed,
    pmids_linked_to_more_than,
)
from ghr.sources.records import GeneGoRecord, GeneNameRecord, GeneRef, GeneReferenceRecord, Record

MAX_GENES_PER_PMID = 50
"""A paper NCBI links to more than 50 genes is a high-throughput study (a genome sequence, a screen, a cDNA
collection): it says nothing particular about any one of them, so it is no use as a gene's reference. This drops
about 1,300 of 755,000 PMIDs but a large share of the 1.79 million links."""
MAX_PMIDS_PER_GENE = 40
"""Well-studied genes have thousands of links; a page lists at most the 40 most recent (highest PMIDs)."""
NO_DATA_EVIDENCE = "ND"
"""'No biological data available': an annotation to a root term that says nothing about the gene."""
EVIDENCE_PREFERENCE = (
    # Experimental, then high-throughput experimental, phylogenetic, computational, author/curator statements,
    # and last electronic annotation: when a gene has a term by several codes, the first of these is kept.
    *("EXP", "IDA", "IPI", "IMP", "IGI", "IEP"),
    *("HTP", "HDA", "HMP", "HGI", "HEP"),
    *("IBA", "IBD", "IKR", "IRD"),
    *("ISS", "ISO", "ISA", "ISM", "IGC", "RCA"),
    *("TAS", "NAS", "IC"),
    "IEA",
)
EVIDENCE_RANK = {code: rank for rank, code in enumerate(EVIDENCE_PREFERENCE)}


def _ncbi(gene_id: int) -> GeneRef:
    return GeneRef("ncbi", str(gene_id))


def reference_records(links: Iterable[GenePubmedLinks], too_wide: set[int], stats: ParseStats) -> Iterator[Record]:
    """At most MAX_PMIDS_PER_GENE most recent PMIDs per gene, leaving out those in ``too_wide``."""
    kept = dropped_wide = dropped_over_limit = 0
    for gene in links:
        pmids = set(gene.pmids)
        useful = pmids - too_wide
        newest = heapq.nlargest(MAX_PMIDS_PER_GENE, useful)
        dropped_wide += len(pmids) - len(useful)
        dropped_over_limit += len(useful) - len(newest)
        kept += len(newest)
        ref = _ncbi(gene.ncbi_gene_id)
        for pmid in newest:
            yield GeneReferenceRecord(ref, pmid)
    stats.notes.append(
        f"PubMed: kept {kept} gene-PMID links; left out {dropped_wide} to {len(too_wide)} papers linked to more "
        f"than {MAX_GENES_PER_PMID} genes and {dropped_over_limit} beyond the {MAX_PMIDS_PER_GENE} newest per gene"
    )


def _best_evidence(codes: set[str]) -> str:
    return min(codes, key=lambda code: (EVIDENCE_RANK.get(code, len(EVIDENCE_RANK)), code))


def go_records(annotations: Iterable[GeneGoAnnotation], stats: ParseStats) -> Iterator[Record]:
    """One GeneGoRecord per gene and term, with the strongest evidence code; 'ND' annotations left out.

    ``annotations`` must come one gene's after another (as parse_gene_go gives them)."""
    no_data = 0
    for gene_id, gene_annotations in groupby(annotations, key=lambda annotation: annotation.ncbi_gene_id):
        codes_by_term: dict[str, set[str]] = {}
        for annotation in gene_annotations:
            if annotation.evidence == NO_DATA_EVIDENCE:
                no_data += 1
                continue
            codes_by_term.setdefault(annotation.go_id, set()).add(annotation.evidence)
        ref = _ncbi(gene_id)
        for go_id, codes in codes_by_term.items():
            yield GeneGoRecord(ref, go_id, _best_evidence(codes))
    stats.notes.append(f"GO: left out {no_data} annotations with evidence ND (no biological data available)")


def records(files: dict[str, Path], stats: ParseStats | None = None) -> Iterator[Record]:
    """GeneReferenceRecords, GeneGoRecords and alias symbols (genes named by NCBI Gene ID) from ``files['orgdb']``.

    NCBI's aliases hold old symbols HGNC no longer lists (ALAS2's ANH1, SIDBA1, XLSA), so that an address or a
    search by them still finds the gene; the build keeps one name per gene, so those HGNC already gives are not
    repeated.
    """
    stats = stats if stats is not None else ParseStats()
    path = files["orgdb"]
    too_wide = pmids_linked_to_more_than(path, MAX_GENES_PER_PMID)
    yield from reference_records(parse_gene_pubmed(path, stats), too_wide, stats)
    yield from go_records(parse_gene_go(path, stats), stats)
    for gene_id, symbol in parse_gene_aliases(path, stats):
        yield GeneNameRecord(_ncbi(gene_id), symbol, "alias_symbol")

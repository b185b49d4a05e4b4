from django.core.management.base import BaseCommand, CommandError

from ghr.kb import models as kb


def _release(source: kb.SourceRelease) -> str:
    return f"[{source.name} {source.version}]"


class Command(BaseCommand):
    requires_system_checks: list[str] = []  # data commands need not load the URL configuration

    help = "Show every fact the knowledge base holds about a gene (symbol) or condition (slug), with its source."

    def add_arguments(self, parser):
        parser.add_argument("name", help="A gene symbol (ALAS2) or a condition slug (x-linked-sideroblastic-anemia).")

    def handle(self, *args, name, **options):
        gene = kb.Gene.objects.select_related("source").filter(symbol__iexact=name).first()
        if gene:
            return self._gene(gene)
        condition = kb.Condition.objects.select_related("name_source").filter(slug__iexact=name).first()
        if condition:
            return self._condition(condition)
        raise CommandError(f"no gene symbol or condition slug {name!r} in the knowledge base")

    def _link(self, what: str, link: kb.GeneConditionLink) -> None:
        via = f" (found on its type {link.via})" if link.via else ""
        self.stdout.write(f"  link: {what}{via}, rank {link.rank}; decided by rule {link.rule}")
        for reason in link.reasons:
            self.stdout.write(f"    evidence: {reason}")

    def _gene(self, gene: kb.Gene) -> None:
        out = self.stdout.write
        out(f"{gene.symbol}: {gene.name} {_release(gene.source)}")
        out(f"  HGNC {gene.hgnc_id}, NCBI Gene {gene.ncbi_gene_id}, Ensembl {gene.ensembl_id}, "
            f"RefSeq {gene.refseq_accession}, UniProt {', '.join(gene.uniprot_ids)}, OMIM {', '.join(gene.omim_ids)}, "
            f"type {gene.locus_type}, band {gene.cytogenetic_location} {_release(gene.source)}")  # fmt: skip
        for location in gene.locations.select_related("source"):
            out(f"  location {location.assembly} {location.chromosome}:{location.start:,}-{location.end:,} "
                f"({location.strand}) from {location.release}; band by coordinates {location.band_from_coordinates} "
                f"(agrees: {location.band_agrees}) {_release(location.source)}")  # fmt: skip
        for other in gene.other_names.select_related("source"):
            out(f"  other name ({other.kind}): {other.name} {_release(other.source)}")
        for link in gene.links.select_related("condition").order_by("kind", "rank"):
            self._link(f"{link.kind} {link.condition.slug}", link)
        for link in gene.condition_links.select_related("condition", "source"):
            out(f"  source row: condition {link.condition.slug} via {link.evidence} {_release(link.source)}")
        for term in gene.function_terms.select_related("term", "source")[:20]:
            out(f"  function {term.term.go_id} {term.term.name} ({term.evidence}) {_release(term.source)}")
        out(f"  references: {gene.references.count()} PubMed IDs")

    def _condition(self, condition: kb.Condition) -> None:
        out = self.stdout.write
        out(f"{condition.slug}: {condition.name} {_release(condition.name_source)} {condition.mondo_id}")
        for other in condition.other_names.select_related("source"):
            out(f"  other name ({other.kind}): {other.name} {_release(other.source)}")
        for xref in condition.xrefs.select_related("source"):
            out(f"  xref {xref.db}:{xref.key} {_release(xref.source)}")
        for pattern in condition.inheritance.select_related("source"):
            out(f"  inheritance {pattern.code} ({pattern.get_code_display()}) from {pattern.evidence} "
                f"{_release(pattern.source)}")  # fmt: skip
        for fact in condition.facts.select_related("source"):
            out(f"  {fact.kind}: {fact.value[:200]} {_release(fact.source)}")
        for link in condition.links.select_related("gene").order_by("kind", "rank"):
            self._link(f"{link.gene.symbol} {link.kind}", link)
        for link in condition.gene_links.select_related("gene", "source"):
            out(f"  source row: gene {link.gene.symbol} via {link.evidence} {_release(link.source)}")

"""Steps that complete a freshly written knowledge base before it is validated and swapped in.

They derive tables from the loaded facts (gene counts, the search index), so they run on the staging copy and the
derived data is swapped in together with the facts it comes from.
"""

from django.db.models import Count

from ghr.kb.models import Chromosome, Gene
from ghr.search.indexer import build_index


def count_genes_per_chromosome(using: str) -> None:
    counts = dict(
        Gene.objects.using(using)
        .exclude(locations=None)
        .values_list("locations__chromosome")
        .annotate(n=Count("id", distinct=True))
    )
    for chromosome in Chromosome.objects.using(using):
        chromosome.gene_count = counts.get(chromosome.name, 0)
        chromosome.save(using=using, update_fields=["gene_count"])


def finish_knowledge_base(using: str) -> None:
    count_genes_per_chromosome(using)
    build_index(using)

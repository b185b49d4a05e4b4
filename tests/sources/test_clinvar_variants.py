"""ClinVar's variant cache (Ideogram.js layout): counts per gene and disease, and clear errors on a damaged file."""

import gzip

import pytest

from ghr.sources.clinvar_variants import load, parse
from ghr.sources.stats import ParseStats
from tests.build.sample_data import write_clinvar_variants


def files(folder):
    write_clinvar_variants(folder)
    return {"variants": folder / "homo-sapiens-variants.tsv.gz", "index": folder / "homo-sapiens-variants.tsv.li.gz"}


def test_counts_germline_variants_per_gene_and_disease(tmp_path):
    found = list(parse.parse_variants(**files(tmp_path)))
    assert [(v.symbol, v.mondo_id, v.disease_name, v.germline, v.somatic_only) for v in found] == [
        ("ALAS2", "MONDO:0020721", "X-linked sideroblastic anemia 1", 2, 0),
        ("ALAS2", "MONDO:0010472", "X-linked erythropoietic protoporphyria", 1, 0),
    ]


def test_records_name_the_gene_and_the_mondo_disease(tmp_path):
    record = next(load.records(files(tmp_path)))
    assert record.gene.value == "ALAS2" and str(record.condition) == "MONDO:0020721"
    assert record.germline_variants == 2 and record.evidence.startswith("ClinVar: 2 reviewed pathogenic variants")


def test_somatic_only_and_shared_variants(tmp_path):
    paths = files(tmp_path)
    table = "X\t1\t7\tC\tT\t0\t\t0\t2\t0\t4\t2\t1\nX\t2\t8\tC\tT\t0\t\t0\t2\t0\t4\t1\t1\n"
    shared = "X\t2\t8\tC\tT\t0\t\t0\t2\t0\t4\t1\t1\n"
    paths["variants"].write_bytes(gzip.compress((table + shared).encode()))
    index = gzip.decompress(paths["index"].read_bytes()).decode().split("# gene")[0]
    index += f"# gene\tbyte_offset\tbyte_length\nAAA\t0\t{len(table)}\nBBB\t{len(table)}\t{len(shared)}\n"
    paths["index"].write_bytes(gzip.compress(index.encode()))
    found = {v.symbol: v for v in parse.parse_variants(**paths)}
    assert (found["AAA"].germline, found["AAA"].somatic_only, found["AAA"].shared) == (1, 1, 1)
    assert found["BBB"].shared == 1  # variant 8 lies in both genes' rows


def test_a_truncated_table_is_refused_with_the_reason(tmp_path):
    paths = files(tmp_path)
    whole = gzip.decompress(paths["variants"].read_bytes())
    paths["variants"].write_bytes(gzip.compress(whole[: len(whole) // 2]))
    with pytest.raises(parse.VariantCacheError, match="beyond the end of the file"):
        list(parse.parse_variants(**paths))


def test_malformed_rows_and_unknown_disease_codes_are_counted(tmp_path):
    paths = files(tmp_path)
    table = "X\t1\t7\tC\n" + "X\t2\t8\tC\tT\t99\t\t0\t2\t0\t4\t1\t1\n"
    paths["variants"].write_bytes(gzip.compress(table.encode()))
    index = gzip.decompress(paths["index"].read_bytes()).decode().split("# gene")[0]
    paths["index"].write_bytes(gzip.compress((index + f"# gene\tb\tl\nAAA\t0\t{len(table)}\n").encode()))
    stats = ParseStats()
    assert list(parse.parse_variants(**paths, stats=stats)) == []
    assert stats.reasons == {"malformed variant row": 1, "unknown disease code": 1}

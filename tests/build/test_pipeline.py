"""`ghr build` end to end: the real command, in a subprocess, on small files in every publisher's format.

Each build gets its own state: a fresh GHR_VAR_DIR and, when the tests run on PostgreSQL, its own GHR_DB_SCHEMA.
One good build is shared by the module; tests that break things work on a copy of it (SQLite) or on a build of
their own (PostgreSQL, where a schema cannot simply be copied).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings

from ghr.build.inputs import SOURCE_KEYS, load_source
from ghr.project.databases import schema_names, sqlite_paths
from tests.build import sample_data
from tests.editorial.test_written_texts import description

pytestmark = pytest.mark.django_db(databases=[])

BUILD_TIMEOUT = 120


def _database_url() -> str:
    return settings.GHR["GHR_DATABASE_URL"] or ""


def _on_postgres() -> bool:
    return bool(_database_url())


@dataclass
class Site:
    """One ghr installation's state: where `ghr` subprocesses keep their databases."""

    var_dir: Path
    schema: str
    """GHR_DB_SCHEMA on PostgreSQL, '' on SQLite."""

    @property
    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.pop("GHR_TEST_KB", None)
        env.update(
            GHR_VAR_DIR=str(self.var_dir),
            GHR_DATABASE_URL=_database_url(),
            DJANGO_SETTINGS_MODULE="ghr.project.settings",
        )
        if self.schema:
            env["GHR_DB_SCHEMA"] = self.schema
        else:
            env.pop("GHR_DB_SCHEMA", None)
        return env

    def ghr(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "ghr", *args],
            check=False,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=BUILD_TIMEOUT,
        )

    def build(self, data_dir: Path) -> subprocess.CompletedProcess:
        return self.ghr("build", "--data-dir", str(data_dir))

    def kb_rows(self, sql: str, database: str = "kb") -> list[tuple]:
        """Run SQL on the serving knowledge base (or the editorial database, "default") directly, as a program
        outside Django would; the rows it returns, if any."""
        if not self.schema:
            with sqlite3.connect(sqlite_paths(self.var_dir)[database]) as db:
                cursor = db.execute(sql)
                rows = cursor.fetchall() if cursor.description else []
            db.close()
            return rows
        import psycopg

        with psycopg.connect(_database_url(), autocommit=True) as db:
            db.execute(f'SET search_path TO "{schema_names(self.schema)[database]}"')
            cursor = db.execute(sql)
            return cursor.fetchall() if cursor.description else []

    def build_id(self) -> str:
        return self.kb_rows("SELECT build_id FROM kb_buildinfo")[0][0]

    def drop(self) -> None:
        if not self.schema:
            return
        import psycopg

        names = schema_names(self.schema)
        with psycopg.connect(_database_url(), autocommit=True) as db:
            for schema in [*names.values(), names["kb"] + "_old"]:
                db.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def _new_site(folder: Path) -> Site:
    return Site(folder / "var", f"ghrbuild_{uuid.uuid4().hex[:12]}" if _on_postgres() else "")


def _assert_ok(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 0, (
        f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr[-3000:]}"
    )


@dataclass
class Built:
    site: Site
    data_dir: Path
    output: str
    """What `ghr build` printed on standard output."""
    build_id: str


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("built")
    data_dir = folder / "data"
    sample_data.write_sample_sources(data_dir)
    site = _new_site(folder)
    try:
        result = site.build(data_dir)
        _assert_ok(result)
        yield Built(site, data_dir, result.stdout, site.build_id())
    finally:
        site.drop()


@pytest.fixture
def data_copy(built, tmp_path):
    """A copy of the sample files, free to break."""
    data_dir = tmp_path / "data"
    shutil.copytree(built.data_dir, data_dir)
    return data_dir


@pytest.fixture
def fresh_site(tmp_path):
    site = _new_site(tmp_path)
    yield site
    site.drop()


EXPLAINED = ("ALAS2", "x-linked-sideroblastic-anemia", "x-linked-erythropoietic-protoporphyria",
             "erythropoietic-protoporphyria")  # fmt: skip


@pytest.fixture(scope="module")
def explained(built) -> dict[str, str]:
    """`ghr explain NAME` output for each of EXPLAINED, run side by side to save time."""
    with ThreadPoolExecutor(max_workers=len(EXPLAINED)) as pool:
        running = {name: pool.submit(built.site.ghr, "explain", name) for name in EXPLAINED}
        results = {name: future.result() for name, future in running.items()}
    for result in results.values():
        _assert_ok(result)
    return {name: result.stdout for name, result in results.items()}


# ------------------------------------------------------------------------------------------- a good build


def test_gene_explained_with_names_location_and_conditions(explained):
    text = explained["ALAS2"]
    first, *rest = text.splitlines()
    assert first.startswith("ALAS2: 5'-aminolevulinate synthase 2 [HGNC complete set")
    assert "HGNC HGNC:397" in text and "NCBI Gene 212" in text and "Ensembl ENSG00000158578" in text
    location = next(line for line in rest if line.strip().startswith("location"))
    assert "GRCh38 X:55,009,055-55,030,977 (-)" in location and "MANE Select v1.5" in location
    assert "band by coordinates p11.21 (agrees: True)" in location
    other_names = {line.split(": ", 1)[1].split(" [")[0] for line in rest if "other name" in line}
    assert {"ALAS-E", "ASB"} <= other_names
    linked = {line.split()[3] for line in rest if line.strip().startswith("source row: condition ")}
    assert linked == {"x-linked-sideroblastic-anemia", "x-linked-erythropoietic-protoporphyria"}
    # Each link with the kind the build decided and the rule that decided it.
    decided = [line.strip() for line in rest if line.strip().startswith("link: ")]
    # The publishers' association types (HPO genes_to_disease, Orphadata product 6) decide first (rule 1).
    assert any(
        line.startswith("link: causes x-linked-sideroblastic-anemia, rank 1; decided by rule 1:") for line in decided
    )


@pytest.mark.parametrize(
    ("slug", "inheritance"),
    [("x-linked-sideroblastic-anemia", "xr (X-linked recessive)"),
     ("x-linked-erythropoietic-protoporphyria", "xd (X-linked dominant)")],
)  # fmt: skip
def test_both_alas2_conditions_have_their_inheritance(explained, slug, inheritance):
    text = explained[slug]
    assert any(line.strip().startswith(f"inheritance {inheritance}") for line in text.splitlines())
    assert any(line.strip().startswith("source row: gene ALAS2 via") for line in text.splitlines())


def test_condition_gathers_its_records_from_every_source(explained):
    text = explained["x-linked-sideroblastic-anemia"]
    first = text.splitlines()[0]
    assert first.startswith("x-linked-sideroblastic-anemia: X-linked sideroblastic anemia [GARD")
    assert first.endswith("MONDO:0020721")
    xrefs = {line.split()[1] for line in text.splitlines() if line.strip().startswith("xref ")}
    assert {"OMIM:300751", "Orphanet:75563", "GARD:0009456"} <= xrefs
    assert "inheritance xr (X-linked recessive) from HP:0001419" in text
    assert "gene ALAS2 via UniProt:DI-00120" in text  # UniProt's record joined through its MIM number


def test_similar_protoporphyrias_stay_separate_pages(explained):
    x_linked = explained["x-linked-erythropoietic-protoporphyria"]
    epp1 = explained["erythropoietic-protoporphyria"]
    assert "xref OMIM:300752" in x_linked and "OMIM:177000" not in x_linked
    assert "xref OMIM:177000" in epp1 and "OMIM:300752" not in epp1
    assert "gene ALAS2 via OMIM:300752" in x_linked and "FECH" not in x_linked
    assert "gene FECH via OMIM:177000" in epp1 and "ALAS2" not in epp1
    assert "inheritance ar (Autosomal recessive)" in epp1 and "inheritance xd" not in epp1


def _summary_rows(output: str) -> dict[str, tuple[int, int, int]]:
    lines = output.splitlines()
    start = next(n for n, line in enumerate(lines) if line.split()[:4] == ["source", "read", "loaded", "rejected"])
    rows = {}
    for line in lines[start + 1 :]:
        if not line.strip():
            break
        key, read, loaded, rejected, _seconds = line.split()
        rows[key] = (int(read), int(loaded), int(rejected))
    return rows


def test_summary_table_counts_each_source(built):
    rows = _summary_rows(built.output)
    assert set(rows) == set(SOURCE_KEYS) - {"gnuhealth_genes"}
    # Each gene, each of its alias symbols, alias names and previous symbols ('|'-separated) and each of its
    # gene groups is one record.
    gene_names = sum(1 for gene in sample_data.GENES for field in gene[10:12] for part in field.split("|") if part)
    extra = sum(len(previous.split("|")) * bool(previous) + len(groups)
                for previous, groups, _ in sample_data.HGNC_EXTRA.values())  # fmt: skip
    # HMBS's PBGD and UPS are both previous and alias symbols: the gene gets each name once.
    assert rows["hgnc"] == (
        len(sample_data.GENES) + gene_names + extra,
        len(sample_data.GENES) + gene_names + extra - 2,
        0,
    )
    # ASB (now ALAS2) and PORC (now HMBS) are read, and not repeated: HGNC lists both as previous symbols already.
    assert rows.pop("hgnc_withdrawn") == (2, 0, 0)
    assert rows["mane"] == (len(sample_data.MANE), len(sample_data.MANE), 0)
    bands = sum(len(chromosome_bands) for chromosome_bands in sample_data.BANDS.values())
    assert rows["cytobands"] == (25 + bands, 25 + bands, 0)
    assert rows["gard"] == (len(sample_data.GARD), len(sample_data.GARD), 0)
    # Ensembl's spans of the genes MANE already placed are not used (nor counted as rejected); only TP53's is.
    assert rows["ensembl_genes"][2] == 0
    for key, (read, loaded, rejected) in rows.items():
        assert read > 0 and loaded > 0 and loaded + rejected <= read, key
    assert "genes 5, with GRCh38 location 5, conditions 4, genes linked to a condition 3" in built.output
    assert "HGNC gene nomenclature (GNU Health genetics module) (gnuhealth_genes) not read" in built.output


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_source_releases_name_version_licence_and_file_hashes(built):
    rows = built.site.kb_rows("SELECT key, name, version, licence, files FROM kb_sourcerelease")
    releases = {key: (name, version, licence, files) for key, name, version, licence, files in rows}
    assert set(releases) == set(SOURCE_KEYS) - {"gnuhealth_genes"}
    for key, (name, version, licence, stored) in releases.items():
        spec, _ = load_source(key)
        assert (name, version, licence) == (spec.name, spec.version, spec.licence) and name and version and licence
        files = json.loads(stored) if isinstance(stored, str) else stored
        assert {f["name"] for f in files} == set(spec.files), key
        for fact in files:
            path = built.data_dir / key / Path(spec.files[fact["name"]]).name
            assert fact["sha256"] == _sha256(path) and fact["bytes"] == path.stat().st_size, (key, fact["name"])


# ------------------------------------------------------------------------------------ builds that must fail


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _flip_gzip_checksum(path: Path) -> None:
    # The last 8 bytes of a gzip member are the CRC-32 of the text and its length: flipping the CRC's bytes makes a
    # stream that decompresses in full but fails its check, as a disk or download error would.
    data = bytearray(path.read_bytes())
    gzip.decompress(bytes(data))  # intact before
    for position in range(len(data) - 8, len(data) - 4):
        data[position] ^= 0xFF
    path.write_bytes(bytes(data))


def _rename_hpoa_column(path: Path) -> None:
    path.write_text(path.read_text().replace("\tdisease_name\t", "\tdisease_label\t", 1))


def _drop_last_gene(path: Path) -> None:
    # A valid complete set with one gene fewer: only the validation step, after staging is written, can catch it.
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:-1]), encoding="utf-8")


def _latin1_byte(path: Path) -> None:
    # One disease name saved as Latin-1 ('Anémia'): the file is no longer valid UTF-8.
    path.write_bytes(path.read_bytes().replace(b"Anemia, sideroblastic", b"An\xe9mia, sideroblastic", 1))


# scenario -> (file in the data folder, what is done to it, what the error must say; {path} is the file)
FAILURES = {
    "truncated-tsv": ("hgnc/hgnc_complete_set.txt", _truncate, "{path}: complete last line"),
    "truncated-latin1-xml": (
        "orphadata/orphadata_prod9_epidemiological_ages.xml",
        _truncate,
        "{path}: well-formed XML",
    ),
    "corrupt-gzip": ("mane/MANE.GRCh38.v1.5.summary.txt.gz", _flip_gzip_checksum, "{path}: complete gzip stream"),
    "wrong-header": ("hpo/phenotype.hpoa", _rename_hpoa_column, "{path}: header columns"),
    "lost-genes": ("hgnc/hgnc_complete_set.txt", _drop_last_gene, "genes fell from 5 to 4 (more than 10%)"),
    "not-utf8": ("hpo/phenotype.hpoa", _latin1_byte, "{path}: UTF-8 text"),
    "missing-required-source": (
        "mondo/mondo.json",
        Path.unlink,
        "Mondo Disease Ontology (mondo): missing {path}",
    ),
}


@dataclass
class Failure:
    path: Path
    """The damaged or removed file."""
    build: subprocess.CompletedProcess
    explain_after: subprocess.CompletedProcess
    """`ghr explain ALAS2` once the build had failed."""
    build_id_after: str


def _fail(site: Site, data_dir: Path, path: Path) -> Failure:
    build = site.build(data_dir)
    return Failure(path, build, site.ghr("explain", "ALAS2"), site.build_id())


@pytest.fixture(scope="module")
def failures(built, tmp_path_factory) -> dict[str, Failure]:
    """Every FAILURES scenario, each a build over the module's knowledge base.

    On SQLite each works on its own copy of the var folder, side by side. On PostgreSQL they run one after another on
    the module's own schema (a schema cannot be copied cheaply): a failed build must leave it untouched, which is
    exactly what the tests check after each one.
    """
    jobs = {}
    for scenario, (file, damage, _) in FAILURES.items():
        folder = tmp_path_factory.mktemp(scenario)
        shutil.copytree(built.data_dir, folder / "data")
        damage(folder / "data" / file)
        site = built.site
        if not site.schema:
            site = Site(folder / "var", "")
            shutil.copytree(built.site.var_dir, site.var_dir)
        jobs[scenario] = (site, folder / "data", folder / "data" / file)
    with ThreadPoolExecutor(max_workers=1 if built.site.schema else len(jobs)) as pool:
        done = {scenario: pool.submit(_fail, *job) for scenario, job in jobs.items()}
        return {scenario: future.result() for scenario, future in done.items()}


KNOWN_BUGS: dict[str, str] = {}


@pytest.mark.parametrize(
    "scenario",
    [pytest.param(s, marks=pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[s])) if s in KNOWN_BUGS else s
     for s in FAILURES],
)  # fmt: skip
def test_failed_build_names_file_and_check_and_old_kb_keeps_serving(built, failures, scenario):
    failure = failures[scenario]
    assert failure.build.returncode != 0, failure.build.stdout
    assert "Traceback" not in failure.build.stderr
    message = failure.build.stderr.strip().splitlines()[-1]
    assert "build failed, the previous knowledge base keeps serving" in message
    assert FAILURES[scenario][2].format(path=failure.path) in message
    assert failure.build_id_after == built.build_id
    _assert_ok(failure.explain_after)
    assert failure.explain_after.stdout.startswith("ALAS2: 5'-aminolevulinate synthase 2")


def test_missing_optional_source_builds_without_it(fresh_site, data_copy):
    shutil.rmtree(data_copy / "gard")
    result = fresh_site.build(data_copy)
    _assert_ok(result)
    assert "GARD rare disease names (gard) not available: built without it" in result.stdout
    assert "gard" not in _summary_rows(result.stdout)


# ------------------------------------------------------------------------------ texts follow their pages


def test_a_build_gives_a_text_the_current_address_of_its_page(fresh_site, data_copy, tmp_path):
    _assert_ok(fresh_site.build(data_copy))
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "xlsa.md").write_text(description("x-linked-sideroblastic-anemia", "MONDO:0020721"))
    _assert_ok(fresh_site.ghr("texts", "import", str(texts)))
    # As if the page had been renamed after the text was written: its key is an address the build no longer has.
    fresh_site.kb_rows("UPDATE ghr_editorial_text SET key = 'xlsa-earlier-name'", database="default")
    _assert_ok(fresh_site.build(data_copy))
    assert fresh_site.kb_rows("SELECT kind, key FROM ghr_editorial_text", database="default") == [
        ("condition-description", "x-linked-sideroblastic-anemia")
    ]


# ---------------------------------------------------------------------------------- readers during a swap

UROD = ("UROD", "uroporphyrinogen decarboxylase", "HGNC:12591", "1", "1p34.1", 7389, "ENSG00000126088",
        "NM_000374", "P06132", "613521", "PCT", "")  # fmt: skip


def _add_gene(data_dir: Path, gene: tuple) -> None:
    path = data_dir / "hgnc" / "hgnc_complete_set.txt"
    path.write_text(path.read_text(encoding="utf-8") + sample_data.hgnc_row(gene), encoding="utf-8")


class Reader(threading.Thread):
    """Counts genes and conditions of the serving knowledge base over and over, as a web worker would."""

    def __init__(self, site: Site):
        super().__init__(daemon=True)
        self.site = site
        self.seen: list[tuple[int, int]] = []
        self.errors: list[str] = []
        self.stop = threading.Event()

    def run(self) -> None:
        import psycopg

        with psycopg.connect(_database_url(), autocommit=True, prepare_threshold=None) as db:
            db.execute(f'SET search_path TO "{schema_names(self.site.schema)["kb"]}"')
            while not self.stop.is_set():
                try:
                    row = db.execute("SELECT (SELECT count(*) FROM kb_gene), (SELECT count(*) FROM kb_condition)")
                    self.seen.append(tuple(row.fetchone()))
                except psycopg.Error as error:
                    self.errors.append(f"{type(error).__name__}: {error}")


def test_readers_see_the_old_or_the_new_knowledge_base_whole_during_the_swap(fresh_site, data_copy):
    if not _on_postgres():
        pytest.skip("the reader test needs PostgreSQL (GHR_DATABASE_URL); a SQLite swap is one rename(2) of a file")
    site = fresh_site
    _assert_ok(site.build(data_copy))
    old = site.kb_rows("SELECT (SELECT count(*) FROM kb_gene), (SELECT count(*) FROM kb_condition)")[0]
    _add_gene(data_copy, UROD)
    reader = Reader(site)
    reader.start()
    try:
        result = site.build(data_copy)
    finally:
        reader.stop.set()
        reader.join(timeout=30)
    _assert_ok(result)
    new = (old[0] + 1, old[1])
    assert reader.errors == []
    assert set(reader.seen) <= {tuple(old), new}, set(reader.seen)
    assert tuple(old) in reader.seen and new in reader.seen, "the reader did not run across the swap"

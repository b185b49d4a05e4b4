"""MONDO pickle parser and loader on small pickles made here, and the restricted unpickler."""

import pickle
from collections import Counter

import networkx as nx
import pytest

from ghr.sources.mondo import SOURCE, load, parse
from ghr.sources.records import ConditionId, SourceFileError


def mondo_pickle(tmp_path):
    graph = nx.DiGraph()
    for node, label in [
        ("MONDO:0000001", "disease or disorder"),
        ("MONDO:0017754", "inborn disorder of porphyrin metabolism"),
        ("MONDO:0020721", "X-linked sideroblastic anemia 1"),
        ("MONDO:0010420", "X-linked erythropoietic protoporphyria"),
    ]:
        graph.add_node(node, id=node, label=label)
    graph.add_node("disease_has_feature", id="disease_has_feature", label="disease has feature")
    graph.add_edge("MONDO:0000001", "MONDO:0017754")  # parent -> child, as in rarecrowds' file
    graph.add_edge("MONDO:0017754", "MONDO:0020721")
    graph.add_edge("MONDO:0017754", "MONDO:0010420")
    xrefs = {
        "MONDO:0020721": ["Orphanet:75563", "OMIM:300751", "GARD:0009456", "ICD10:D64.0", "SCTID:62677000",
                          "UMLS:C0221018", "MESH:C536761", "DOID:0060063", "NCIT:C0000"],
        "MONDO:0010420": ["OMIM:300752", "GARD:10915", "Orphanet:443197"],
    }  # fmt: skip
    path = tmp_path / "mondo.obo.pkl"
    path.write_bytes(pickle.dumps({"graph": graph, "mapping": {}, "xrefs": xrefs}, protocol=3))
    return path


def test_spec():
    assert SOURCE.files == {"ontology": "rarecrowds/utils/resources/mondo.obo.pkl"}


def test_parse_terms_and_parents(tmp_path):
    odd = Counter()
    terms = {t.id: t for t in parse.parse_mondo(mondo_pickle(tmp_path), odd)}
    assert len(terms) == 4 and odd["node that is not a MONDO term (relation) or has no label"] == 1
    assert terms["MONDO:0020721"].parents == ("MONDO:0017754",)
    assert terms["MONDO:0000001"].parents == ()


def test_records_map_xref_prefixes(tmp_path):
    records = {r.id.key: r for r in load.records({"ontology": mondo_pickle(tmp_path)})}
    xlsa = records["0020721"]
    assert xlsa.id == ConditionId("MONDO", "0020721") and xlsa.mondo_id == "MONDO:0020721"
    assert xlsa.name == "X-linked sideroblastic anemia 1"
    assert set(xlsa.xrefs) == {
        ConditionId("Orphanet", "75563"), ConditionId("OMIM", "300751"), ConditionId("GARD", "0009456"),
        ConditionId("ICD-10", "D64.0"), ConditionId("SNOMEDCT", "62677000"), ConditionId("UMLS", "C0221018"),
        ConditionId("MeSH", "C536761"), ConditionId("DOID", "0060063"),
    }  # fmt: skip
    assert ConditionId("GARD", "0010915") in records["0010420"].xrefs  # unpadded GARD normalised
    assert xlsa.parents == ("MONDO:0017754",)


def test_pickle_calling_os_system_is_refused_without_running(tmp_path):
    marker = tmp_path / "ran"
    evil = tmp_path / "evil.pkl"
    evil.write_bytes(b"cos\nsystem\n(S'touch " + str(marker).encode() + b"'\ntR.")
    with pytest.raises(SourceFileError) as error:
        list(parse.parse_mondo(evil))
    assert error.value.check == "pickle globals" and "os.system" in error.value.detail
    assert not marker.exists()


def test_other_globals_refused(tmp_path):
    path = tmp_path / "set.pkl"
    path.write_bytes(pickle.dumps({"graph": Counter()}, protocol=3))
    with pytest.raises(SourceFileError, match="refused collections.Counter"):
        parse.load_pickle(path)


def test_truncated_and_wrong_layout(tmp_path):
    good = mondo_pickle(tmp_path).read_bytes()
    cut = tmp_path / "cut.pkl"
    cut.write_bytes(good[: len(good) // 2])
    with pytest.raises(SourceFileError) as error:
        parse.load_pickle(cut)
    assert error.value.check == "readable pickle"
    other = tmp_path / "other.pkl"
    other.write_bytes(pickle.dumps({"graph": {}, "xrefs": {}}, protocol=3))
    with pytest.raises(SourceFileError, match="pickle layout"):
        parse.load_pickle(other)
    empty = tmp_path / "empty.pkl"
    empty.write_bytes(pickle.dumps({"graph": nx.DiGraph(), "xrefs": {}}, protocol=3))
    with pytest.raises(SourceFileError, match="zero records"):
        list(parse.parse_mondo(empty))

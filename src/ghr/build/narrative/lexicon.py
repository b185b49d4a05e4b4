"""The project's own plain words for ontology terms: what a gene's product is, what it takes part in, where in the
cell it works, which tissues, and which body systems a condition's features belong to.

Each entry names a high-level term; a gene's annotations are walked up the ontology to these terms, so the dozens
of specific terms a gene carries become a few everyday phrases. Earlier entries win where a gene reaches several.
"""

from __future__ import annotations

# Molecular function (GO MF) -> (the kind of product, with an article; a sentence on what such products do).
PRODUCT_KINDS: tuple[tuple[str, str, str], ...] = (
    ("GO:0003700", "a protein that controls the activity of other genes",
     "Proteins like this attach to DNA and switch particular genes on or off."),
    ("GO:0005216", "a channel", "Channels are pores in the membranes around cells that let charged particles "
     "(ions) flow in or out."),
    ("GO:0005215", "a transporter", "Transporters carry substances such as sugars, salts or other molecules "
     "across the membranes around cells."),
    ("GO:0038023", "a receptor", "Receptors receive signals, such as hormones, and pass them on inside the cell."),
    ("GO:0005198", "a structural protein", "Structural proteins give shape and strength to cells and tissues."),
    ("GO:0140104", "a carrier protein", "Carrier proteins hold on to other molecules, such as oxygen, and take them "
     "where they are needed."),
    ("GO:0005179", "a hormone", "Hormones are chemical messengers that travel in the blood to other organs."),
    ("GO:0005125", "a signaling protein (cytokine)", "Cytokines carry messages between cells, especially cells "
     "of the immune system."),
    ("GO:0008083", "a growth factor", "Growth factors signal cells to grow, divide or mature."),
    ("GO:0003824", "an enzyme", "Enzymes speed up chemical reactions in the body."),
    ("GO:0140110", "a protein that controls the activity of other genes",
     "Proteins like this help switch particular genes on or off."),
    ("GO:0098772", "a protein that controls the activity of other proteins",
     "Proteins like this turn the activity of other proteins up or down."),
    ("GO:0003723", "a protein that works with RNA", "RNA is a chemical cousin of DNA that carries genetic "
     "messages and helps build proteins."),
    ("GO:0003677", "a protein that attaches to DNA", "Proteins like this help copy, repair or organize DNA."),
)  # fmt: skip

# Biological process (GO BP) -> what the product takes part in, in everyday words.
PROCESSES: tuple[tuple[str, str], ...] = (
    ("GO:0007596", "blood clotting"),
    ("GO:0006783", "making heme, the iron-holding part of hemoglobin"),
    ("GO:0015671", "carrying oxygen in the blood"),
    ("GO:0006281", "repairing damaged DNA"),
    ("GO:0006260", "copying DNA before a cell divides"),
    ("GO:0007049", "controlling when cells grow and divide"),
    ("GO:0006915", "removing cells that are damaged or no longer needed"),
    ("GO:0006955", "the body's defenses against infection (the immune system)"),
    ("GO:0007268", "passing signals between nerve cells"),
    ("GO:0007601", "vision"),
    ("GO:0007605", "hearing"),
    ("GO:0006936", "muscle contraction"),
    ("GO:0007507", "the development of the heart"),
    ("GO:0001501", "the development of bones and cartilage"),
    ("GO:0007399", "the development of the brain and nerves"),
    ("GO:0001525", "the formation of blood vessels"),
    ("GO:0030198", "building the framework of proteins that surrounds cells"),
    ("GO:0007155", "helping cells stick to each other"),
    ("GO:0016477", "helping cells move"),
    ("GO:0006629", "processing fats (lipids)"),
    ("GO:0005975", "processing sugars"),
    ("GO:0006520", "processing amino acids, the building blocks of proteins"),
    ("GO:0006091", "producing energy in cells"),
    ("GO:0006811", "moving charged particles (ions) into and out of cells"),
    ("GO:0016192", "moving materials inside cells in small sacs (vesicles)"),
    ("GO:0006412", "making proteins"),
    ("GO:0006508", "breaking down other proteins"),
    ("GO:0016070", "processing RNA, the chemical cousin of DNA"),
    ("GO:0006355", "switching genes on and off"),
    ("GO:0007186", "passing on signals that arrive at the cell surface"),
    ("GO:0007165", "passing signals within cells"),
    ("GO:0042592", "keeping conditions inside the body steady"),
    ("GO:0006810", "moving substances within and between cells"),
    ("GO:0032502", "the growth and development of the body"),
    ("GO:0008152", "the chemical processes of the cell (metabolism)"),
)
GENERAL_PROCESSES = frozenset({"GO:0042592", "GO:0006810", "GO:0032502", "GO:0008152", "GO:0007165"})
"""Broad processes nearly every gene reaches: named only when nothing more specific is."""

# Cellular component (GO CC) -> where in the cell the product works.
PLACES: tuple[tuple[str, str], ...] = (
    ("GO:0005739", "in the mitochondria, the cell's energy-producing structures"),
    ("GO:0005764", "in lysosomes, compartments that break down and recycle materials"),
    ("GO:0005777", "in peroxisomes, compartments that process fats and other substances"),
    ("GO:0045202", "at synapses, the junctions between nerve cells"),
    ("GO:0005634", "in the nucleus, where the cell keeps its DNA"),
    ("GO:0005783", "in the endoplasmic reticulum, where many proteins are made and folded"),
    ("GO:0005794", "in the Golgi apparatus, which packages proteins"),
    ("GO:0005886", "in the membrane that surrounds the cell"),
    ("GO:0005576", "outside the cell"),
    ("GO:0005856", "in the cell's internal framework (cytoskeleton)"),
    ("GO:0005829", "in the fluid inside the cell"),
)

# GTEx tissue name (its start) -> everyday words.
TISSUES: tuple[tuple[str, str], ...] = (
    ("Whole_Blood", "blood"), ("Liver", "liver"), ("Brain", "brain"), ("Muscle_Skeletal", "muscles"),
    ("Heart", "heart"), ("Skin", "skin"), ("Testis", "testes"), ("Adipose", "fat tissue"), ("Artery", "arteries"),
    ("Thyroid", "thyroid gland"), ("Lung", "lungs"), ("Pancreas", "pancreas"), ("Stomach", "stomach"),
    ("Colon", "large intestine"), ("Small_Intestine", "small intestine"), ("Esophagus", "esophagus"),
    ("Kidney", "kidneys"), ("Spleen", "spleen"), ("Pituitary", "pituitary gland"), ("Adrenal", "adrenal glands"),
    ("Nerve", "nerves"), ("Breast", "breast tissue"), ("Ovary", "ovaries"), ("Uterus", "uterus"),
    ("Vagina", "vagina"), ("Prostate", "prostate"), ("Bladder", "bladder"), ("Minor_Salivary", "salivary glands"),
    ("Cervix", "cervix"), ("Fallopian", "fallopian tubes"),
)  # fmt: skip

# HPO top-level phenotype categories (children of HP:0000118) -> the body system in everyday words.
BODY_SYSTEMS: dict[str, str] = {
    "HP:0000707": "nervous system", "HP:0001626": "heart and blood vessels",
    "HP:0002086": "lungs", "HP:0025031": "digestive system", "HP:0000119": "urinary and genital organs",
    "HP:0000478": "eyes", "HP:0000598": "ears", "HP:0000152": "head and face",
    "HP:0033127": "muscles and bones", "HP:0001574": "skin",
    "HP:0001871": "blood", "HP:0002715": "immune system", "HP:0000818": "hormone-making glands",
    "HP:0001939": "metabolism", "HP:0000769": "breasts", "HP:0045027": "chest", "HP:0001507": "growth",
    "HP:0001197": "development before birth", "HP:0040064": "arms and legs", "HP:0025142": "general health",
    "HP:0002664": "growths and tumors", "HP:0025354": "cells", "HP:0001608": "voice",
}  # fmt: skip

# Orphanet's ages of onset -> when signs usually start.
ONSET: dict[str, str] = {
    "antenatal": "before birth", "neonatal": "in newborns", "infancy": "in infancy", "childhood": "in childhood",
    "adolescent": "in the teenage years", "adult": "in adulthood", "elderly": "later in life",
}  # fmt: skip

# HPO frequency terms -> one plain form.
FREQUENCY_WORDS = {
    "HP:0040280": "all people", "HP:0040281": "most people", "HP:0040282": "many people",
    "HP:0040283": "some people", "HP:0040284": "a few people", "HP:0040285": "",
}  # fmt: skip


def plain_frequency(value: str) -> tuple[str, float]:
    """(words, share of people) for an HPO frequency: an HP term, 'n/m' or 'p%'; ('', -1) when not known."""
    shares = {"HP:0040280": 1.0, "HP:0040281": 0.9, "HP:0040282": 0.55, "HP:0040283": 0.17, "HP:0040284": 0.03}
    if value in FREQUENCY_WORDS:
        return FREQUENCY_WORDS[value], shares.get(value, 0.0)
    try:
        if "/" in value:
            count, total = (int(part) for part in value.split("/", 1))
            share = count / total if total else -1
        elif value.endswith("%"):
            share = float(value[:-1]) / 100
        else:
            return "", -1
    except ValueError:
        return "", -1
    for threshold, words in ((0.99, "all people"), (0.8, "most people"), (0.3, "many people"),
                             (0.05, "some people"), (0.0, "a few people")):  # fmt: skip
        if share >= threshold:
            return words, share
    return "", -1


def body_system(hpo_id: str, parents, cache: dict) -> str:
    """The body system of an HPO feature in everyday words: the first of BODY_SYSTEMS above it, '' if none."""
    from ghr.build.narrative.genes import ancestors

    above = ancestors(hpo_id, parents, cache)
    return next((words for system, words in BODY_SYSTEMS.items() if system in above), "")

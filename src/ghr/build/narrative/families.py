"""Plain words for HGNC's gene groups (gene families), written by the team for the families a reader is likely to
meet. A gene text says "It is one of the collagens, proteins that ..." when one of the gene's groups matches.

Groups named after a protein domain ("WD repeat domain containing") are left out on purpose: membership says how
a protein is built, not what it does, and the words would not help a reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# (pattern matched against HGNC's group name, what follows "It is one of ..."). The first match wins, so more
# specific families come before broader ones.
FAMILIES: tuple[tuple[str, str], ...] = (
    (r"^Olfactory receptors", "the smell receptors, proteins in the nose that detect odors"),
    (r"^Taste 2 receptors", "the bitter taste receptors, proteins on the tongue that sense bitter tastes"),
    (r"^Keratin associated proteins", "the keratin-associated proteins, which help build hair"),
    (r"^Keratins", "the keratins, proteins that make up hair, nails and the outer layer of the skin"),
    (r"(?i)collagens$", "the collagens, proteins that give strength and structure to skin, bones, tendons and other "
                    "tissues"),
    (r"^Fibrillins", "the fibrillins, proteins that build the elastic fibers that support the body's tissues"),
    (r"^Hemoglobin", "the hemoglobin genes, which make the protein that carries oxygen in red blood cells"),
    (r"^Crystallins", "the crystallins, proteins that keep the lens of the eye clear"),
    (r"^Laminin", "the laminins, proteins that form the thin sheet that cells rest on"),
    (r"^Potassium .*channels", "the potassium channels, which let potassium in and out of cells to control "
                               "electrical signals"),
    (r"^Sodium .*channels", "the sodium channels, which let sodium into cells to start electrical signals"),
    (r"^Calcium .*channels", "the calcium channels, which let calcium into cells to pass on signals"),
    (r"^Chloride .*channels", "the chloride channels, which let chloride in and out of cells"),
    (r"^Aquaporins", "the aquaporins, channels that let water in and out of cells"),
    (r"^Gap junction proteins", "the connexins, proteins that form small channels linking neighboring cells"),
    (r"^Claudins", "the claudins, proteins that seal the gaps between neighboring cells"),
    (r"^Solute carrier", "the solute carriers, proteins that move substances such as sugars, salts and the "
                         "building blocks of proteins across cell membranes"),
    (r"^ATP binding cassette", "the ABC transporters, proteins that use energy to pump substances across cell "
                               "membranes"),
    (r"^Cytochrome P450", "the cytochrome P450 enzymes, which break down medicines and help make or break down "
                          "hormones and fats"),
    (r"^UDP glucuronosyltransferases", "the enzymes that help the liver clear substances such as bilirubin and "
                                       "medicines from the body"),
    (r"glutathione S-transferases", "the enzymes that help cells get rid of harmful substances"),
    (r"^(H1|H2A|H2B|H3|H4) histones|^Histones", "the histones, proteins that package DNA inside the cell nucleus"),
    (r"^Mitochondrial ribosomal proteins|mitochondrial ribosomal proteins$",
     "the proteins that build the protein factories inside mitochondria, the cell's energy centers"),
    (r"^[LS] ribosomal proteins|^Ribosomal proteins", "the ribosomal proteins, which build ribosomes, the cell's "
                                                      "protein factories"),
    (r"^NADH:ubiquinone oxidoreductase", "the parts of complex I, which mitochondria use to make energy"),
    (r"^Mitochondrial respiratory chain", "the proteins that help mitochondria, the cell's energy centers, make "
                                          "energy"),
    (r"^Kinesins", "the kinesins, motor proteins that carry cargo along the cell's inner scaffolding"),
    (r"^Dyneins", "the dyneins, motor proteins that move cargo inside cells and make cilia beat"),
    (r"^Myosins", "the myosins, motor proteins that make muscles contract and move things inside cells"),
    (r"^Tubulins", "the tubulins, proteins that build the tube-shaped scaffolding inside cells"),
    (r"^Actins", "the actins, proteins that form fibers that give cells their shape and help muscles contract"),
    (r"protocadherins|^Cadherins", "the cadherins, proteins that help cells stick to each other"),
    (r"^Integrin", "the integrins, proteins that attach cells to the material around them"),
    (r"^Cilia and flagella associated|^Intraflagellar transport", "the proteins that build cilia, the tiny "
                                                                  "hair-like structures on the surface of cells"),
    (r"^Peroxins|^Peroxisomal biogenesis", "the peroxins, which build peroxisomes, small compartments in cells "
                                           "that break down fats"),
    (r"^Fanconi anemia|^FA complementation groups", "the Fanconi anemia proteins, which repair damaged DNA"),
    (r"^Immunoglobulin (heavy|kappa|lambda) locus", "the antibody genes, pieces of which are joined together to "
                                                    "make antibodies that recognize germs"),
    (r"^T cell receptor (alpha|beta|gamma|delta) locus", "the T cell receptor genes, pieces of which are joined "
                                                         "together to make receptors that let immune cells "
                                                         "recognize germs"),
    (r"^Histocompatibility complex", "the HLA genes, which help the immune system tell the body's own cells from "
                                     "germs"),
    (r"^Interleukin receptors", "the interleukin receptors, which receive the signals immune cells send each other"),
    (r"^Interleukins", "the interleukins, signals that immune cells use to talk to each other"),
    (r"^Chemokine ligands", "the chemokines, signals that guide immune cells to where they are needed"),
    (r"^Interferons", "the interferons, signals that help the body fight viruses"),
    (r"^Defensins", "the defensins, small proteins that kill germs"),
    (r"^Complement system", "the complement proteins, which work in the blood to help destroy germs"),
    (r"^Blood group antigens", "the blood group proteins, which decide a person's blood type"),
    (r"coagulation factors", "the clotting factors, proteins that make blood clot after an injury"),
    (r"^Proteasome", "the proteins of the proteasome, a machine that breaks down proteins the cell no longer needs"),
    (r"^Autophagy related", "the proteins that help cells break down and recycle their own parts"),
    (r"^Nucleoporins", "the nucleoporins, proteins that form the pores in the envelope around the cell nucleus"),
    (r"^RNA polymerase", "the parts of the RNA polymerases, enzymes that copy genes into RNA"),
    (r"^Mediator complex", "the parts of the Mediator complex, which helps switch genes on"),
    (r"^Spliceosomal", "the parts of the spliceosome, the machine that cuts and joins RNA copies of genes"),
    (r"^Forkhead boxes", "the forkhead box proteins, which control the activity of other genes"),
    (r"homeoboxes", "the homeobox proteins, which control the activity of other genes as the body forms before "
                    "birth"),
    (r"^Zinc fingers C2H2-type", "the zinc finger proteins, many of which control the activity of other genes"),
    (r"^Receptor tyrosine kinases", "the receptor tyrosine kinases, which receive signals at the cell surface and "
                                    "pass them inside"),
    (r"^G protein-coupled receptors", "the G protein-coupled receptors, which receive signals at the cell surface "
                                      "and pass them inside"),
    (r"^Neuropeptides", "the neuropeptides, small signals that nerve cells use to communicate"),
    (r"^Serpin", "the serpins, proteins that keep protein-cutting enzymes in check"),
    (r"^Matrix metallopeptidases", "the matrix metalloproteinases, enzymes that break down the material between "
                                   "cells"),
    (r"^Caspases", "the caspases, enzymes that help damaged or unneeded cells die in an orderly way"),
    (r"^Cyclins", "the cyclins, proteins that control when cells divide"),
    (r"heat shock proteins", "the heat shock proteins, which help other proteins fold into the right shape"),
    (r"^MicroRNAs$|^MicroRNA MIR", "the microRNAs, tiny RNA molecules that turn down the activity of other genes"),
    (r"^Cytoplasmic transfer RNAs", "the transfer RNAs, which bring the building blocks of proteins to the cell's "
                                    "protein factories"),
    (r"^Small nucleolar RNAs", "the small nucleolar RNAs, which help modify other RNA molecules"),
)  # fmt: skip

_COMPILED = tuple((re.compile(pattern), words) for pattern, words in FAMILIES)


def family_words(group_names: Iterable[str]) -> tuple[str, str] | None:
    """(HGNC group name, plain words) for the gene's group that comes first in the lexicon, or None."""
    names = sorted(group_names)
    for pattern, words in _COMPILED:
        for name in names:
            if pattern.search(name):
                return name, words
    return None

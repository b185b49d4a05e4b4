"""Merge the condition records of all sources into conditions that get a page.

Rules, and why:

1. MONDO is the key. Each MONDO term is a cluster. A source record joins the cluster whose MONDO term lists the
   record's own identifier among its cross-references (OMIM:300751 and Orphanet:75563 and GARD:0009456 ->
   MONDO:0020721). HPO records join through their own OMIM/ORPHA/DECIPHER id, Orphadata and GARD records
   through theirs; UniProt records, which MONDO does not cite, through their MIM cross-reference. Curated
   one-to-one mappings are the only evidence trusted to say that two records are the same disease.
2. No chaining. A record whose identifiers point to two or more MONDO terms is ambiguous: it joins none of them
   (``stats['ambiguous']``) and is treated as unmapped. Clusters are never joined through shared
   cross-references, so two MONDO terms never end up as one condition, and a parent term and its child stay
   apart. Similar names never merge records (EPP1 OMIM:177000 and XLDPP OMIM:300752 stay two conditions).
3. Unmapped records stay on their own, grouped only by identical identifier: HPO's ORPHA:75563 and Orphadata's
   75563 are one record seen twice; a UniProt record whose MIM number is an unmapped OMIM record joins it.
4. GARD exception. MONDO 2021's GARD cross-references are the weakest link (GARD renumbered its pages; MONDO:0010420
   "X-linked erythropoietic protoporphyria" cites GARD:0010915, which GARD's own file calls "X-linked
   lymphoproliferative disease"). So for GARD records only, an exact name match (case, spacing and punctuation aside)
   with the MONDO label or synonyms (the names of the records MONDO equals it to) or an Orphanet/UniProt/OMIM name of
   exactly one cluster decides: a GARD record whose own cluster has no such name but another cluster does moves there
   (``stats['gard_moved_by_name']``); an unmapped GARD record joins the one cluster carrying its exact name
   (``stats['gard_joined_by_name']``). Both only into a cluster that holds no other GARD record. Exact full names
   only: "Protoporphyria, erythropoietic, 1" never matches "X-linked erythropoietic protoporphyria". Unmapped
   Orphanet, OMIM and DECIPHER records join the same way (``stats['joined_by_name']``), so one condition does not get
   two pages under one title.
5. Only conditions worth a page are kept: a MONDO cluster becomes a condition only if at least one record of
   another source (OMIM via HPO, Orphanet, GARD, UniProt, DECIPHER) is in it. Without this MONDO alone adds
   about 9,000 grouping terms ("disease of anatomical entity") that no publisher describes. Every unmapped
   record is a condition of its own, so every disease a gene links to has a page. One exception: a MONDO term
   whose name people use for a group of types gets a general page even without another source's record, when
   at least two of its types (down to three levels) have pages and carry its name ("hypertrophic
   cardiomyopathy" over "hypertrophic cardiomyopathy 1", "... 2"); see ``general_mondo_terms``.
6. Preferred plain-language name: GARD's name, else Orphanet's, else MONDO's label (first letter raised),
   else UniProt's, else OMIM's/DECIPHER's. OMIM, UniProt and OMIM-derived MONDO labels invert names
   ("Anemia, sideroblastic, X-linked"); such a name is turned round only when that is safe (``deinvert``:
   one-word adjectives and at most a trailing type number -> "X-linked sideroblastic anemia"), and a name
   that stays inverted ranks after every name that reads naturally. Before the source order come, in turn:
   whole names before cut ones (GARD's packaged file cuts names at 80 characters; a name that another record
   continues is cut), current words before outdated ones ("Genital dwarfism" stays an other name of Turner
   syndrome), and a name two databases agree on before one only a single database uses ("Marfan syndrome",
   MONDO's and OMIM's, before GARD's "Marfan syndrome type 1"). Ties go to the lowest identifier.
   No two pages share a title (``qualify_titles``): the first by MONDO ID keeps it, the others take another
   name of their own that no page uses, or the name with the record it comes from.
7. Slugs: the preferred name in lowercase ASCII, words joined by '-'. When several conditions want one slug,
   the one with a MONDO id (lowest number first; then by identifier) keeps it and the others get their MONDO
   number or primary identifier appended ('...-mondo-0010420', '...-gard-0017755'). Same input, same slugs.
   Editors may pin a slug to a record (``slug_overrides``): their pages keep their address whatever the
   sources call the condition.
8. Inheritance: the union of every member's (code, evidence) pairs with the source that gave them (HPO,
   Orphadata); facts (UniProt's description, Orphanet's prevalence and onset) are kept per source, not chosen.

Records may be given bare or as ``(source key, record)`` pairs; bare records are attributed by database
(``SOURCE_OF_DB``). Orphanet records come from both HPO and Orphadata, so the build should pass pairs.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ghr.sources.records import ConditionId, ConditionRecord

SOURCE_OF_DB = {
    "OMIM": "hpo",
    "DECIPHER": "hpo",
    "Orphanet": "orphadata",
    "GARD": "gard",
    "MONDO": "mondo",
    "UniProt": "uniprot_diseases",
}
JOIN_DBS = frozenset({"OMIM", "Orphanet", "GARD", "DECIPHER"})
"""Databases whose MONDO cross-references put a record into a cluster (ICD-10, UMLS... are many-to-many)."""
NAME_RANK = {"GARD": 0, "Orphanet": 1, "MONDO": 2, "UniProt": 3, "OMIM": 4, "DECIPHER": 4}
SLUG_MAX = 180

Entry = tuple[str, ConditionRecord]


@dataclass(frozen=True, slots=True)
class Name:
    name: str
    kind: str
    """'source_name', 'synonym', 'acronym' or 'consumer' (``ConditionName.Kind``)."""
    source: str
    record: ConditionId


@dataclass(frozen=True, slots=True)
class Xref:
    id: ConditionId
    source: str
    """Source key of the record that asserts it."""
    record: ConditionId


@dataclass(frozen=True, slots=True)
class Fact:
    kind: str
    """'description', 'prevalence' or 'onset'."""
    value: str
    source: str
    record: ConditionId


@dataclass(frozen=True, slots=True)
class Inheritance:
    code: str
    evidence: str
    source: str
    record: ConditionId


@dataclass(slots=True)
class MergedCondition:
    """One condition page: the records merged into it and what each says."""

    slug: str
    name: str
    """Preferred plain-language name."""
    name_record: ConditionId
    """The record the name comes from."""
    name_source: str
    """Source key of that record."""
    mondo_id: str
    """'MONDO:0020721', or '' for a record MONDO does not map."""
    members: list[ConditionId] = field(default_factory=list)
    names: list[Name] = field(default_factory=list)
    xrefs: list[Xref] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    inheritance: list[Inheritance] = field(default_factory=list)
    parents: list[str] = field(default_factory=list)
    """MONDO IDs of the MONDO term's is-a parents (resolve with ``condition_index``; some have no page)."""
    sources: list[str] = field(default_factory=list)
    """Source keys that contributed a record."""


# ----------------------------------------------------------------------------------------------- clustering


def _entries(records: Iterable[ConditionRecord | Entry]) -> list[Entry]:
    out = []
    for item in records:
        if isinstance(item, tuple):
            out.append(item)
        else:
            out.append((SOURCE_OF_DB.get(item.id.db, item.id.db.lower()), item))
    return out


def _mondo_id(record: ConditionRecord) -> str:
    return record.mondo_id or f"MONDO:{record.id.key}"


def _xref_index(mondo: dict[str, ConditionRecord]) -> dict[ConditionId, set[str]]:
    index: dict[ConditionId, set[str]] = defaultdict(set)
    for mondo_id, record in mondo.items():
        for xref in record.xrefs:
            if xref.db in JOIN_DBS:
                index[xref].add(mondo_id)
    return index


def _candidates(record: ConditionRecord, index: dict[ConditionId, set[str]], mondo: dict) -> set[str]:
    found = set(index.get(record.id, ()))
    if record.mondo_id in mondo:
        found.add(record.mondo_id)
    if not found and record.id.db == "UniProt":
        for xref in record.xrefs:
            if xref.db in JOIN_DBS:
                found |= index.get(xref, set())
    return found


def normalise_name(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))


class _Clusters:
    """Records placed in MONDO clusters ('MONDO:...') or own groups ('OMIM:...'); see the module rules."""

    def __init__(self, entries: list[Entry], stats: Counter, merges: Mapping[ConditionId, str] | None = None):
        self.stats = stats
        self.merges = dict(merges or {})
        self.mondo = {_mondo_id(r): r for s, r in entries if r.id.db == "MONDO"}
        self.mondo_source = {_mondo_id(r): s for s, r in entries if r.id.db == "MONDO"}
        self.index = _xref_index(self.mondo)
        self.groups: dict[str, list[Entry]] = defaultdict(list)
        self.unmapped: list[Entry] = []
        for source, record in entries:
            if record.id.db != "MONDO":
                self._place(source, record)
        self._place_gard_by_name()
        self._place_unmapped_by_name()
        self._group_unmapped()

    def _place(self, source: str, record: ConditionRecord) -> None:
        if self.merges.get(record.id) in self.mondo:
            self.groups[self.merges[record.id]].append((source, record))
            self.stats["editorial_merges"] += 1
            return
        found = _candidates(record, self.index, self.mondo)
        if len(found) == 1:
            self.groups[next(iter(found))].append((source, record))
            return
        if found:
            self.stats["ambiguous"] += 1
        self.unmapped.append((source, record))

    def _name_index(self) -> dict[str, set[str]]:
        names: dict[str, set[str]] = defaultdict(set)
        for mondo_id, record in self.mondo.items():
            # MONDO's synonyms are the names of the records it equals (OMIM's, Orphanet's, DOID's): a GARD page
            # named "Hemochromatosis" belongs with "hereditary hemochromatosis", which DOID calls hemochromatosis.
            for name in (record.name, *record.synonyms):
                names[normalise_name(name)].add(mondo_id)
        for key, members in self.groups.items():
            for _, record in members:
                if record.id.db != "GARD":
                    names[normalise_name(record.name)].add(key)
        return names

    def _has_gard(self, key: str) -> bool:
        return any(record.id.db == "GARD" for _, record in self.groups.get(key, ()))

    def _place_gard_by_name(self) -> None:
        names = self._name_index()
        moves = []
        for key, members in self.groups.items():
            for entry in members:
                target = self._name_target(entry[1], names, key)
                if target and target != key:
                    moves.append((key, entry, target))
        for key, entry, target in sorted(moves, key=lambda m: m[1][1].id.key):
            if not self._has_gard(target):
                self.groups[key].remove(entry)
                self.groups[target].append(entry)
                self.stats["gard_moved_by_name"] += 1
        still = []
        for entry in sorted(self.unmapped, key=lambda e: (e[1].id.db, e[1].id.key)):
            target = self._name_target(entry[1], names, "")
            if target and not self._has_gard(target):
                self.groups[target].append(entry)
                self.stats["gard_joined_by_name"] += 1
            else:
                still.append(entry)
        self.unmapped = still

    @staticmethod
    def _name_target(record: ConditionRecord, names: dict[str, set[str]], current: str) -> str:
        """The one cluster whose names include this GARD record's name, if it is not ``current``'s."""
        if record.id.db != "GARD":
            return ""
        holders = names.get(normalise_name(record.name), set())
        if not holders and len(record.name) == GARD_CUT_LENGTH:
            # GARD's packaged file cuts names at 80 characters: the cut name is the start of the whole one.
            start = normalise_name(record.name)
            holders = {key for name, keys in names.items() if name.startswith(start) for key in keys}
        if current in holders or len(holders) != 1:
            return ""
        return next(iter(holders))

    def _place_unmapped_by_name(self) -> None:
        """Rule 4, for the other databases: an unmapped record whose exact name is carried by one MONDO cluster only,
        and that cluster holds no record of the same database, is the same condition (Orphanet's "Dravet syndrome"
        that MONDO 2021 does not cross-reference joins MONDO's Dravet syndrome instead of a second page)."""
        names = self._name_index()
        still = []
        for entry in sorted(self.unmapped, key=lambda e: (e[1].id.db, e[1].id.key)):
            record = entry[1]
            holders = names.get(normalise_name(record.name), set())
            target = next(iter(holders)) if len(holders) == 1 else ""
            same_db = any(r.id.db == record.id.db for _, r in self.groups.get(target, ()))
            if target.startswith("MONDO:") and record.id.db not in ("GARD", "UniProt") and not same_db:
                self.groups[target].append(entry)
                self.stats["joined_by_name"] += 1
            else:
                still.append(entry)
        self.unmapped = still

    def _group_unmapped(self) -> None:
        own = {record.id for _, record in self.unmapped if record.id.db != "UniProt"}
        for source, record in self.unmapped:
            key = record.id
            if record.id.db == "UniProt":
                omim = [x for x in record.xrefs if x.db == "OMIM" and x in own]
                key = omim[0] if len(omim) == 1 else key
            self.groups[str(key)].append((source, record))


# ------------------------------------------------------------------------------------------------- naming


def _capitalise(name: str) -> str:
    if name[:1].islower() and not name[1:2].isupper():
        return name[0].upper() + name[1:]
    return name


_TYPE_NUMBER = re.compile(r"\d+[A-Z]?|[A-Z]")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
INVERTING_DBS = frozenset({"OMIM", "UniProt", "MONDO"})
GARD_CUT_LENGTH = 80
# Words that a condition's title no longer uses; names with them stay as other names (rule 6).
OUTDATED_WORDS = re.compile(r"\b(dwarfism|mongolism|mongoloid|cretinism|idiocy|imbecility|retardation|lunatic|"
                            r"hermaphroditism|spastic|crippl\w*|insanity)\b", re.I)  # fmt: skip


_NOT_ADJECTIVE = frozenset({"with", "without", "due", "to", "of", "and", "or", "in", "for", "from", "the", "a", "an",
                            "susceptibility", "modifier", "type", "types", "form", "forms", "by", "on", "at",
                            "resistance", "multiple"})  # fmt: skip
_TAIL = re.compile(r"(with|without|due to|associated with|type)\b", re.I)
_NOUN_NUMBER = re.compile(r"^(?P<noun>[^,\d]+?) (?P<number>\d+[A-Z]?)$")


def _adjectival(part: str) -> bool:
    """Is this comma part one or more describing words ('benign familial infantile', 'autosomal recessive 7')?"""
    words = part.split()
    if words and _TYPE_NUMBER.fullmatch(words[-1]) and len(words) > 1:
        words = words[:-1]
    return bool(words) and all(
        _WORD.fullmatch(w) and w.lower() not in _NOT_ADJECTIVE and (w[:1].islower() or w.startswith("X-"))
        for w in words
    )


def deinvert(name: str) -> str:
    """Turn an OMIM-style inverted name round when that is safe, else return it as it is.

    Safe means 'Noun[ number], describing words[, describing words...][, type number][, with/due to ...]', where
    describing words are lower-case words (or 'X-linked') and never 'with', 'of', 'susceptibility'...:
    'Anemia, sideroblastic, X-linked' -> 'X-linked sideroblastic anemia', 'Protoporphyria, erythropoietic, 1' ->
    'Erythropoietic protoporphyria 1', 'Seizures, benign familial infantile, 3' -> 'Benign familial infantile
    seizures 3', 'Deafness, autosomal recessive 1A' -> 'Autosomal recessive deafness 1A', 'Amastia, bilateral,
    with ureteral triplication' -> 'Bilateral amastia with ureteral triplication'. Lists ('Deafness, congenital
    heart defects, and posterior embryotoxon') and 'susceptibility to' names are left alone.
    """
    parts = name.split(", ")
    tail = []
    while len(parts) > 2 and _TAIL.match(parts[-1]):
        tail.insert(0, parts.pop())
    number = parts.pop() if len(parts) > 2 and _TYPE_NUMBER.fullmatch(parts[-1]) else ""
    if len(parts) < 2 or not all(_adjectival(p) for p in parts[1:]) or "," in parts[0]:
        return name
    noun, inner = parts[0], []
    found = _NOUN_NUMBER.match(noun)
    if found:  # 'Microcephaly 14, primary, autosomal recessive': the number goes to the end
        noun, number = found["noun"], " ".join(filter(None, [found["number"], number]))
    if any(c.isdigit() for c in noun) or noun.lower().startswith("chromosome"):
        return name
    for part in reversed(parts[1:]):
        words = part.split()
        if len(words) > 1 and _TYPE_NUMBER.fullmatch(words[-1]):
            number = " ".join(filter(None, [number, words[-1]]))
            words = words[:-1]
        inner.append(" ".join(words))
    if noun[:1].isupper() and noun[1:2].islower():
        noun = noun[0].lower() + noun[1:]
    words = [*inner, noun] + ([number] if number else [])
    return _capitalise(" ".join(words)) + "".join(f" {t}" for t in tail)


def _display(record: ConditionRecord) -> str:
    if record.id.db in INVERTING_DBS:
        return deinvert(_capitalise(record.name))
    return _capitalise(record.name)


def _plain(name: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", name.lower()))


def _agreement(members: list[Entry]) -> dict[str, set[str]]:
    """Each name (spelled plainly) -> the databases among the members that use it as a name or synonym."""
    used: dict[str, set[str]] = defaultdict(set)
    for _, record in members:
        for name in (record.name, _display(record), *record.synonyms, *record.consumer_names):
            used[_plain(name)].add(record.id.db)
    return used


def _is_cut(record: ConditionRecord, plain_names: set[str]) -> bool:
    """A name that stops where another record's name goes on ('...fibular hypopla'), or a GARD name at the length
    its trimmed file cuts names to."""
    plain = _plain(record.name)
    if record.id.db == "GARD" and len(record.name) == GARD_CUT_LENGTH:
        return True
    return any(other != plain and other.startswith(plain) and not other[len(plain) :].startswith(" ")
               for other in plain_names)  # fmt: skip


def _name_key(entry: Entry, agreement: dict[str, set[str]] | None = None) -> tuple:
    """Sort key of a candidate name (rule 6): cut names last, then names with outdated words, names still
    inverted after ``deinvert``, names only one database uses (when another name has two), then source rank."""
    source, record = entry
    agreement = agreement or {}
    inverted = record.id.db in INVERTING_DBS and ", " in _display(record)
    outdated = bool(OUTDATED_WORDS.search(record.name))
    cut = _is_cut(record, set(agreement))
    plain = _plain(_display(record))
    alone = len(agreement.get(plain, ())) < 2
    # "Marfan syndrome type 1" where a member also calls the condition "Marfan syndrome": the general name first.
    numbered = re.sub(r" (type )?[0-9]+[a-z]?$", "", plain)
    typed = numbered != plain and numbered in agreement
    return (cut, outdated, inverted, typed, alone, NAME_RANK.get(record.id.db, 9), record.id.key, source)


def _preferred(members: list[Entry]) -> Entry:
    agreement = _agreement(members)
    return min(members, key=lambda entry: _name_key(entry, agreement))


def slugify(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", text)
    slug = "-".join(words)
    if len(slug) > SLUG_MAX:
        slug = slug[:SLUG_MAX].rsplit("-", 1)[0]
    return slug


# ------------------------------------------------------------------------------------------------ building


def _member_facts(condition: MergedCondition, source: str, record: ConditionRecord) -> None:
    rid = record.id
    kinds = (
        [(record.name, "source_name")]
        + [(s, "synonym") for s in record.synonyms]
        + [(a, "acronym") for a in record.acronyms]
        + [(c, "consumer") for c in record.consumer_names]
    )
    condition.names.extend(Name(n, k, source, rid) for n, k in kinds if n)
    for kind in ("description", "prevalence", "onset"):
        value = getattr(record, kind)
        if value:
            condition.facts.append(Fact(kind, value, source, rid))
    condition.inheritance.extend(Inheritance(c, e, source, rid) for c, e in record.inheritance)
    condition.xrefs.extend(Xref(x, source, rid) for x in record.xrefs)


def _dedupe(items: list) -> list:
    return list(dict.fromkeys(items))


def _whole_words(name: str, record: ConditionRecord) -> str:
    """A name GARD's file cut at 80 characters, when no source has the whole name, ends at its last whole word with
    an ellipsis, so that the title says it is shortened rather than breaking off inside a word."""
    if record.id.db != "GARD" or len(record.name) != GARD_CUT_LENGTH:
        return name
    return name.rsplit(" ", 1)[0].rstrip(" ,;:-") + "\u2026"


def _build(key: str, members: list[Entry], clusters: _Clusters) -> MergedCondition:
    mondo_record = clusters.mondo.get(key)
    everyone = list(members)
    if mondo_record is not None:
        everyone.append((clusters.mondo_source[key], mondo_record))
    source, best = _preferred(everyone)
    condition = MergedCondition(
        slug="",
        name=_whole_words(_display(best), best),
        name_record=best.id,
        name_source=source,
        mondo_id=key if mondo_record is not None else "",
        parents=list(mondo_record.parents) if mondo_record is not None else [],
    )
    for member_source, record in sorted(everyone, key=lambda e: (e[1].id.db, e[1].id.key, e[0])):
        condition.members.append(record.id)
        condition.sources.append(member_source)
        _member_facts(condition, member_source, record)
    condition.members = _dedupe(condition.members)
    condition.sources = _dedupe(condition.sources)
    for field_name in ("names", "xrefs", "facts", "inheritance"):
        setattr(condition, field_name, _dedupe(getattr(condition, field_name)))
    return condition


def _slug_order(condition: MergedCondition) -> tuple:
    return (condition.mondo_id == "", condition.mondo_id, str(condition.members[0]))


def _suffix(condition: MergedCondition) -> str:
    if condition.mondo_id:
        return slugify(condition.mondo_id)
    return slugify(str(condition.members[0]))


def _pinned(conditions: list[MergedCondition], overrides: Mapping[ConditionId, str]) -> set[str]:
    """Give conditions the slug the editors pinned to one of their records; returns the slugs used."""
    taken: set[str] = set()
    for condition in sorted(conditions, key=_slug_order):
        wanted = sorted({overrides[m] for m in condition.members if m in overrides} - taken)
        if wanted:
            condition.slug = wanted[0]
            taken.add(wanted[0])
    return taken


QUALIFIER_LABELS = {"MONDO": "MONDO", "Orphanet": "Orphanet", "GARD": "GARD", "OMIM": "OMIM", "UniProt": "UniProt",
                    "DECIPHER": "DECIPHER"}  # fmt: skip


def qualify_titles(conditions: list[MergedCondition]) -> int:
    """No two pages share a title: of conditions that want one name, the first (by MONDO ID, as slugs go) keeps it;
    each other takes another of its own names that no page uses (its MONDO label, "Li-Fraumeni syndrome 1"), or
    else the name with the record it comes from ("Dravet syndrome (Orphanet 33069)"). Returns how many changed."""
    by_name: dict[str, list[MergedCondition]] = defaultdict(list)
    for condition in conditions:
        by_name[condition.name.lower()].append(condition)
    used = set(by_name)
    changed = 0
    for _, sharing in sorted(by_name.items()):
        # The general condition keeps the name people use ("Li-Fraumeni syndrome"); a type of it that shares the
        # name takes its own ("Li-Fraumeni syndrome 1").
        ids = {c.mondo_id for c in sharing if c.mondo_id}
        ordered = sorted(sharing, key=lambda c: (bool(ids & set(c.parents)), _slug_order(c)))
        for condition in ordered[1:]:
            own = [deinvert(n.name) if n.record.db in INVERTING_DBS else n.name
                   for n in sorted(condition.names, key=lambda n: (n.record.db != "MONDO", n.record.db, n.name))
                   if n.kind == "source_name"]  # fmt: skip
            other = next((name for name in own if name.lower() not in used), "")
            if not other:
                record = condition.name_record
                other = f"{condition.name} ({QUALIFIER_LABELS.get(record.db, record.db)} {record.key})"
            condition.name = _capitalise(other)
            used.add(other.lower())
            changed += 1
    return changed


def assign_slugs(conditions: list[MergedCondition], overrides: Mapping[ConditionId, str] | None = None) -> None:
    taken = _pinned(conditions, overrides or {})
    wanted: dict[str, list[MergedCondition]] = defaultdict(list)
    for condition in conditions:
        if not condition.slug:
            wanted[slugify(condition.name) or _suffix(condition)].append(condition)
    for base in sorted(wanted):
        for position, condition in enumerate(sorted(wanted[base], key=_slug_order)):
            slug = base if position == 0 and base not in taken else f"{base}-{_suffix(condition)}"
            counter = 2
            while slug in taken:
                slug = f"{base}-{_suffix(condition)}-{counter}"
                counter += 1
            condition.slug = slug
            taken.add(slug)


def merge_conditions(
    records: Iterable[ConditionRecord | Entry],
    stats: Counter | None = None,
    slug_overrides: Mapping[ConditionId, str] | None = None,
    editorial_groups: Mapping[str, str] | None = None,
    editorial_merges: Mapping[ConditionId, str] | None = None,
) -> list[MergedCondition]:
    """Merge by the module's rules; ``stats`` (if given) receives counts of what happened.

    ``editorial_groups`` ({MONDO ID: name}) are groups editors write a general page for that no name rule finds
    (MONDO's "color vision disorder" over red, blue and partial color blindness): they get a page under that name.
    ``editorial_merges`` ({record id: MONDO ID}) puts a record that no cross-reference or name joins into the
    MONDO cluster editors know it belongs to (GARD's "Factor V Leiden thrombophilia" and MONDO's "thrombophilia due
    to activated protein C resistance" are one condition).
    ``slug_overrides`` pins a slug to the condition holding a record, e.g.
    ``{ConditionId('OMIM', '177000'): 'erythropoietic-protoporphyria'}`` for editorial pages.
    """
    stats = stats if stats is not None else Counter()
    clusters = _Clusters(_entries(records), stats, editorial_merges)
    conditions = [
        _build(key, members, clusters)
        for key, members in clusters.groups.items()
        if members  # a MONDO cluster with no other source's record gets no page...
    ]
    with_page = {key for key, members in clusters.groups.items() if members}
    general = general_mondo_terms(clusters.mondo, with_page)
    general |= {key for key in (editorial_groups or {}) if key in clusters.mondo and key not in with_page}
    conditions += [_build(key, [], clusters) for key in sorted(general)]  # ...unless it names a group (rule 5)
    for condition in conditions:
        if condition.mondo_id in (editorial_groups or {}):
            condition.name = editorial_groups[condition.mondo_id]
    stats["general_pages_from_mondo"] = len(general)
    stats["titles qualified"] = qualify_titles(conditions)
    # Names the rules could not safely turn round (OMIM-style, with a comma) stay as written: counted, not guessed.
    stats["titles left as the source wrote them"] = sum(
        1 for c in conditions if c.name_record.db in INVERTING_DBS and ", " in c.name
    )
    assign_slugs(conditions, slug_overrides)
    conditions.sort(key=lambda c: c.slug)
    stats["conditions"] = len(conditions)
    stats["with_mondo"] = sum(1 for c in conditions if c.mondo_id)
    stats["mondo_terms_without_page"] = len(clusters.mondo) - stats["with_mondo"]
    return conditions


GROUP_DEPTH, GROUP_MINIMUM, GROUP_MAXIMUM = 3, 2, 60


def named_types(own_names: Iterable[str], children: Mapping, start, names: Mapping) -> list:
    """The subtypes of ``start`` (down to GROUP_DEPTH levels) whose names contain one of ``own_names`` (the group's
    name and synonyms, each of two words or more or eight letters or more) as whole words."""
    own = [f" {_plain(n)} " for n in own_names if len(_plain(n).split()) >= 2 or len(_plain(n)) >= 8]
    found: list = []
    frontier = list(children.get(start, ()))
    for _ in range(GROUP_DEPTH):
        named = [child for child in frontier
                 if child not in found and any(o in f" {_plain(names.get(child, ''))} " for o in own)]  # fmt: skip
        found += named
        frontier = [grandchild for child in named for grandchild in children.get(child, ())]
    return found


def general_mondo_terms(mondo: Mapping[str, ConditionRecord], with_page: set[str]) -> set[str]:
    """MONDO terms with no record of another source that still deserve a page: the name people use for a group of
    types ("hypertrophic cardiomyopathy"), where at least two of its types with pages carry that name. One-word
    labels ("disease", "cancer") and groups of more than GROUP_MAXIMUM types are left out as too broad."""
    children: dict[str, list[str]] = defaultdict(list)
    for mondo_id, record in mondo.items():
        for parent in record.parents:
            children[parent].append(mondo_id)
    names = {mondo_id: deinvert(record.name) for mondo_id, record in mondo.items()}
    general = set()
    for mondo_id, record in mondo.items():
        if mondo_id in with_page or len(_plain(record.name).split()) < 2:
            continue
        own = [record.name, *record.synonyms]
        types = [t for t in named_types(own, children, mondo_id, names) if t in with_page]
        if GROUP_MINIMUM <= len(types) <= GROUP_MAXIMUM:
            general.add(mondo_id)
    return general


def condition_index(conditions: Iterable[MergedCondition]) -> dict[ConditionId, str]:
    """{ConditionId: slug} for every member record, every MONDO id, and every OMIM/Orphanet/GARD/DECIPHER/UniProt
    cross-reference that points to one condition only (members win over cross-references)."""
    index: dict[ConditionId, str] = {}
    via_xref: dict[ConditionId, set[str]] = defaultdict(set)
    for condition in conditions:
        for member in condition.members:
            index[member] = condition.slug
        for xref in condition.xrefs:
            if xref.id.db in JOIN_DBS or xref.id.db == "UniProt":
                via_xref[xref.id].add(condition.slug)
    for xref_id, slugs in via_xref.items():
        if xref_id not in index and len(slugs) == 1:
            index[xref_id] = next(iter(slugs))
    return index

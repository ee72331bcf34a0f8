"""Corpus-level entities: one identity for an institution, person or place across documents.

``extract`` links names inside one document (``pipeline/linking.py``); this module links them
across all documents of a set of records, so "National Library of the Kingdom of Morocco" in
one report and "National Library of Morocco" in another are one institution with one
``entity_id``. Pure functions over plain mentions (:func:`resolve`); :func:`resolve_records`
collects the mentions of Pydantic records, resolves them and fills ``entity_id`` and
``canonical`` on every ``Person``, ``Institution`` and ``Location``.

**Institutions.** A name is compared by its *key*: the set of its content words, once
normalised (casefolded, diacritics and punctuation stripped, as ``coopextract evaluate``
does), with acronyms expanded (those the corpus defines, "… Sciences (ANAS)", and the known
ones of ``models/acronyms_known.jsonl``), country names and adjectives read as the country
("Estonian", "Republic of Estonia" → EE, from the gazetteer) and the glue words of
``name_compare_glue`` left out. So word order ("Estonian National Library" = "National Library
of Estonia") and the country's form ("… of the Kingdom of Morocco" = "… of Morocco") do not
matter. Then, in this order:

* same key → one institution, unless two different countries are given (then one per country);
* spelling variants: keys that differ only in words similar by rapidfuzz ratio
  (``VARIANT_SIMILARITY``: transliterations "Mažvydas"/"Majvidas", "Russia"/"Russian");
* an acronym alone ("NLE") → the one institution whose initials it is;
* a short form ("National Library" with country TR) → the one longer name that begins with it
  and goes on with a glue word ("National Library of Türkiye"), of the same country or, for a
  short form without one, of the same document.

Two names whose documents give different countries are never merged; two names without a
country from different documents only when they are distinctive (``CROSS_DOC_MIN_WORDS`` or an
acronym). A merge that is
ambiguous (two candidates) is not made: a missed merge costs a duplicate row, a wrong one
mixes two bodies.

**People.** The key is the set of name words (word order: "Kavtaradze Nino"); spelling
variants as for institutions; initials ("N. Kavtaradze") go to the one full name they fit.
People carry no country, so their id is the canonical name's.

**Places.** By GeoNames id when the record gives one; otherwise by the gazetteer's id of the
name ("Republic of Azerbaijan" = "Azerbaijan"); otherwise by name and country.

**Ids.** ``entity_id`` is derived from the canonical name and country only, so the same corpus
gives the same ids, in any input order: ``org:national-library-of-estonia:ee``,
``person:nino-kavtaradze``, ``place:geonames:587084`` (``place:country:az`` where the gazetteer
has no GeoNames id). One name kept apart in several documents ("Ministry of Education" without
a country) gets its first document's id as a suffix: ``org:ministry-of-education~report-a``.
The canonical name is the fullest spelling (most words), then the one most documents use.
"""

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import combinations
from typing import Iterable, Literal, Mapping, Optional

from rapidfuzz import fuzz

from coopextract.review.evaluate import normalise_name

Kind = Literal["institution", "person", "place"]

# Two keys that differ only in some words are one name when those words, joined, reach this
# rapidfuzz ratio (0-100): transliterations score 81-92 ("martynasmazvydas"/"martinasmajvidas"
# 81, "aliyev"/"aliev" 91, "russia"/"russian" 92), different names 22-75 ("tartu"/"tampere" 50,
# "nino"/"nina" 75, "aziz"/"ilham" 22). Chosen between the two.
VARIANT_SIMILARITY = 80
# Variants differ in at most this many words on one side ("Ulugbek"/"Ulug bek").
VARIANT_MAX_EXTRA = 2
# Candidate pairs are first found by the sorted letters of their differing words; a variant's
# letters are as similar as its words or more, so a looser cut loses none.
BLOCK_SIMILARITY = 70
# ... and the whole names reach this similarity (shared words count as equal characters, the
# differing ones at their ratio): a variant that is most of a short name is not a spelling.
NAME_SIMILARITY = 85
# Two names without a country, from two documents, are one body only if they have at least this
# many content words or an acronym: "Ministry of Education" in two reports is two ministries,
# "International Federation of Library Associations and Institutions" is one federation.
CROSS_DOC_MIN_WORDS = 3
# A short form is taken for a longer name only if it has at least this many content words:
# "Library" alone names nothing.
SHORT_FORM_MIN_WORDS = 2
# Ids longer than this are cut and given a hash of the whole, so they stay readable in a table.
ID_MAX_CHARS = 72
# An acronym is at most this many characters, as in the pipeline's rules ("UNESCO", "IRIS&CO").
ACRONYM_MAX_CHARS = 10
ID_PREFIX = {"institution": "org", "person": "person", "place": "place"}

_INITIAL = re.compile(r"^\w$")


# ---------------------------------------------------------------------------------------------
# Vocabulary: what the rules already know, read from models/ (no spaCy, no network)


@dataclass(frozen=True)
class Vocabulary:
    """Words the comparison needs: known acronyms, country names and adjectives, the glue
    words of names, and the gazetteer's place ids. All keys are normalised (``normalise_name``)."""

    acronyms: Mapping[str, str] = field(default_factory=dict)       # "IFLA" → full name
    countries: Mapping[str, str] = field(default_factory=dict)      # "kingdom of morocco" / "moroccan" → "MA"
    glue: frozenset = frozenset()                                   # "of", "the", …
    places: Mapping[str, str] = field(default_factory=dict)         # "baku" → "geonames-587084", "country-AZ"

    @cached_property
    def country_span(self) -> int:
        return max((len(k.split()) for k in self.countries), default=1)


@lru_cache(maxsize=4)
def load_vocabulary(models_dir: Optional[str] = None) -> Vocabulary:
    """The :class:`Vocabulary` of the installed ``models/`` (or ``models_dir``), read once."""
    from coopextract.pipeline.lexicon import FUNCTION_WORDS_FILE, load_function_words, read_jsonl, read_tsv
    from coopextract.resources import models_path

    def path(name):
        return models_path(name, models_dir)

    acronyms = {row["acronym"]: row["name"] for row in read_jsonl(path("acronyms_known.jsonl"))}
    countries, places = {}, {}
    for ident, name, kind, country, geonames in _gazetteer_rows(path("gazetteer_places.tsv")):
        places.setdefault(normalise_name(name), f"geonames-{geonames}" if geonames else ident)
        if kind == "country" and country:
            countries.setdefault(normalise_name(name), country)
    for word, country in read_tsv(path("gazetteer_demonyms.tsv"), 2):
        countries.setdefault(normalise_name(word), country)
    glue = load_function_words(path(FUNCTION_WORDS_FILE))["name_compare_glue"]
    return Vocabulary(acronyms=acronyms, countries=countries, glue=frozenset(glue), places=places)


def _gazetteer_rows(path) -> list[tuple]:
    """(id, name, kind, country, geonames id or None) of ``gazetteer_places.tsv``: its first four
    columns, and the GeoNames id of a fifth when the file has one (the strict reader is the
    pipeline's; here only the columns these comparisons use are read)."""
    from coopextract.errors import ModelsError

    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < 4:
            raise ModelsError(f"{path}:{n}: expected at least 4 tab-separated columns, got {len(cells)}")
        geonames = cells[4] if len(cells) > 4 and cells[4].isdigit() else None
        rows.append((cells[0], cells[1], cells[2], cells[3] or None, geonames))
    return rows


# ---------------------------------------------------------------------------------------------
# Input and output


@dataclass(frozen=True)
class Mention:
    """One name as a record gives it. ``doc_id`` scopes it: the same spelling in two documents
    is two mentions (they may still resolve to one entity)."""

    kind: Kind
    name: str
    doc_id: str = ""
    acronym: Optional[str] = None
    country: Optional[str] = None
    geonames_id: Optional[int] = None


@dataclass
class Entity:
    entity_id: str
    kind: Kind
    canonical: str
    country: Optional[str] = None
    acronym: Optional[str] = None
    geonames_id: Optional[int] = None
    names: tuple = ()          # every spelling seen, sorted
    docs: tuple = ()           # the documents that name it, sorted


@dataclass
class Resolution:
    """The entities of a corpus, and which entity each mention is."""

    entities: dict            # entity_id → Entity, sorted by id
    by_mention: dict          # Mention → entity_id
    _names: Optional[dict] = None

    def of(self, mention: Mention) -> Optional[Entity]:
        ident = self.by_mention.get(mention)
        return self.entities[ident] if ident else None

    def find(self, kind: Kind, name: str, doc_id: str = "") -> Optional[Entity]:
        """The entity of a name seen in ``doc_id`` with any acronym/country (e.g. a participant's
        name), else the one entity anywhere that has this spelling, else None."""
        if self._names is None:
            self._names = defaultdict(set)
            for m, ident in self.by_mention.items():
                self._names[(m.kind, m.doc_id, m.name)].add(ident)
                self._names[(m.kind, None, m.name)].add(ident)
        for scope in (doc_id, None):
            found = self._names.get((kind, scope, name), set())
            if len(found) == 1:
                return self.entities[next(iter(found))]
        return None


# ---------------------------------------------------------------------------------------------
# Keys


def name_words(name: str, vocab: Vocabulary, acronyms: Mapping[str, str] = None) -> list[str]:
    """The normalised words of a name, acronyms expanded, country names and adjectives as
    ``@CC``; glue words kept (the short-form rule needs them)."""
    acronyms = vocab.acronyms if acronyms is None else acronyms
    words: list[str] = []
    for raw in name.replace("’s", "").replace("'s", "").split():
        bare = raw.strip(",.;:()[]\"'`’")
        words.extend(normalise_name(acronyms[bare]).split() if bare in acronyms else normalise_name(raw).split())
    out, i, span = [], 0, vocab.country_span
    while i < len(words):
        for n in range(min(span, len(words) - i), 0, -1):
            country = vocab.countries.get(" ".join(words[i:i + n]))
            if country:
                out.append("@" + country)
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    return out


def name_key(words: list[str], vocab: Vocabulary) -> frozenset:
    return frozenset(w for w in words if w not in vocab.glue and w != "s")


def _countries_in(key: frozenset) -> set:
    return {w[1:] for w in key if w.startswith("@")}


def _variants(a: frozenset, b: frozenset) -> bool:
    """Keys that differ only in spelling: the words each lacks, joined, are similar, and so are
    the whole names."""
    only_a, only_b = sorted(a - b), sorted(b - a)
    if not only_a or not only_b:
        return False
    if _countries_in(frozenset(only_a)) or _countries_in(frozenset(only_b)):
        return False                      # "… of Estonia" / "… of Latvia": not a spelling
    left_a, left_b = "".join(only_a), "".join(only_b)
    variant = _paired_ratio(only_a, only_b) if len(only_a) == len(only_b) else fuzz.ratio(left_a, left_b)
    if variant < VARIANT_SIMILARITY:
        return False
    same = 2 * sum(len(w) for w in a & b)            # the shared words count as equal characters
    whole = 100 * (same + variant / 100 * (len(left_a) + len(left_b))) / (same + len(left_a) + len(left_b))
    return whole >= NAME_SIMILARITY


def _sharing_a_word(keys: list) -> list[tuple[int, int]]:
    """Pairs (i < j) of keys that :func:`_variants` may accept: the same words once each drops one
    or two (``VARIANT_MAX_EXTRA``), and the dropped words' letters (sorted: a set of words has no
    order) similar. Blocked on the shared
    words and compared in rapidfuzz's C loop, so a corpus of thousands of names stays fast."""
    from rapidfuzz import process

    blocks: dict[frozenset, list[tuple[int, str]]] = defaultdict(list)
    for i, key in enumerate(keys):
        words = sorted(key)
        for n in range(1, min(VARIANT_MAX_EXTRA, len(words) - 1) + 1):
            for dropped in combinations(words, n):
                blocks[key.difference(dropped)].append((i, "".join(sorted("".join(dropped)))))
    pairs = set()
    for members in blocks.values():
        if len(members) < 2:
            continue
        texts = [t for _, t in members]
        scores = process.cdist(texts, texts, scorer=fuzz.ratio, score_cutoff=BLOCK_SIMILARITY)
        for x, y in zip(*scores.nonzero()):
            a, b = members[x][0], members[y][0]
            if a < b:
                pairs.add((a, b))
    return sorted(pairs)


def _paired_ratio(a: list[str], b: list[str]) -> float:
    """Words paired best first ("martynas"~"martinas", "mazvydas"~"majvidas"), their ratios
    averaged by length: the words of a set have no order to compare them in."""
    pairs = sorted(((fuzz.ratio(x, y), x, y) for x in a for y in b), reverse=True)
    used_a, used_b, total, weight = set(), set(), 0.0, 0
    for score, x, y in pairs:
        if x not in used_a and y not in used_b:
            used_a.add(x)
            used_b.add(y)
            total += score * (len(x) + len(y))
            weight += len(x) + len(y)
    return total / weight


def slug(text: str) -> str:
    return "-".join(normalise_name(text).split())


def make_id(kind: Kind, canonical: str, country: Optional[str] = None) -> str:
    """``org:national-library-of-estonia:ee``: the canonical name's slug and the country."""
    base = slug(canonical) or "x" + hashlib.sha1(canonical.encode("utf-8")).hexdigest()[:10]
    if len(base) > ID_MAX_CHARS:
        base = base[: ID_MAX_CHARS - 9].rstrip("-") + "-" + hashlib.sha1(base.encode("utf-8")).hexdigest()[:8]
    return f"{ID_PREFIX[kind]}:{base}" + (f":{country.lower()}" if country else "")


# ---------------------------------------------------------------------------------------------
# Grouping: union-find that refuses to join two different countries


class _Groups:
    def __init__(self, items: list, countries: list):
        self.parent = list(range(len(items)))
        self.countries = [set([c]) if c else set() for c in countries]

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def can_join(self, a: int, b: int) -> bool:
        ca, cb = self.countries[self.find(a)], self.countries[self.find(b)]
        return not (ca and cb and ca != cb)

    def join(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if not self.can_join(ra, rb):
            return False
        ra, rb = min(ra, rb), max(ra, rb)           # the lower index is the root: order-free
        self.parent[rb] = ra
        self.countries[ra] |= self.countries[rb]
        return True

    def clusters(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return list(out.values())


# ---------------------------------------------------------------------------------------------
# Resolution


def resolve(mentions: Iterable[Mention], vocab: Optional[Vocabulary] = None) -> Resolution:
    """Group the mentions of a corpus into entities (module docstring). Deterministic and
    independent of the order of ``mentions``."""
    vocab = load_vocabulary() if vocab is None else vocab
    mentions = sorted(set(mentions), key=lambda m: (m.kind, m.doc_id, m.name, m.acronym or "", m.country or "",
                                                    m.geonames_id or 0))
    by_kind: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_kind[m.kind].append(m)
    entities: dict[str, Entity] = {}
    by_mention: dict[Mention, str] = {}
    for kind, resolver in (("institution", _institutions), ("person", _people), ("place", _places)):
        made = [(_entity(kind, members, vocab), members) for members in resolver(by_kind.get(kind, []), vocab)]
        slugs = Counter(e.entity_id for e, _ in made)
        for entity, members in sorted(made, key=lambda em: (em[0].entity_id, em[0].docs, em[0].names)):
            ident = entity.entity_id
            if slugs[ident] > 1:
                # one name kept apart in several documents ("Ministry of Education" without a
                # country): each id names its first document, so it does not depend on the others
                ident = f"{ident}~{slug(entity.docs[0])}"
                n = 2
                while ident in entities:
                    ident, n = f"{entity.entity_id}~{slug(entity.docs[0])}~{n}", n + 1
            entity.entity_id = ident
            entities[ident] = entity
            for m in members:
                by_mention[m] = ident
    return Resolution(entities=dict(sorted(entities.items())), by_mention=by_mention)


def _is_acronym_only(m: Mention) -> bool:
    """'NLE', 'AzTU', 'BnF': one short word, at least half of it capitals."""
    name = m.name.strip()
    if m.acronym and name == m.acronym:
        return True
    return (2 <= len(name) <= ACRONYM_MAX_CHARS and all(c.isalpha() or c == "&" for c in name)
            and 2 * sum(c.isupper() for c in name) >= len(name))


def _institutions(mentions: list[Mention], vocab: Vocabulary) -> list[list[Mention]]:
    # acronyms the corpus defines (name given with its acronym); an acronym two bodies use is
    # left out, unless the known list has it
    defined: dict[str, set] = defaultdict(set)
    for m in mentions:
        if m.acronym and m.name != m.acronym:
            defined[m.acronym].add(m.name)
    acronyms = dict(vocab.acronyms)
    for acr, names in defined.items():
        keys = {name_key(name_words(n, vocab, vocab.acronyms), vocab) for n in names}
        if len(keys) == 1:
            acronyms.setdefault(acr, sorted(names)[0])
    words = [name_words(m.name, vocab, acronyms) for m in mentions]
    keys = [name_key(w, vocab) for w in words]
    own = []
    for m, k in zip(mentions, keys):
        named = _countries_in(k)
        own.append(m.country or (next(iter(named)) if len(named) == 1 else None))
    groups = _Groups(mentions, own)

    def may_link(i: int, j: int) -> bool:
        """Same document, or the same country given, or two names distinctive enough to be one
        body wherever they stand ("Ministry of Education" in two reports is two ministries)."""
        if mentions[i].doc_id == mentions[j].doc_id or (own[i] and own[i] == own[j]):
            return True
        return all(len(keys[x]) >= CROSS_DOC_MIN_WORDS or mentions[x].acronym for x in (i, j))

    # 1. same key (different countries stay apart: a country-less name joins a name with a
    #    country only when the key's names give just one)
    by_key: dict[frozenset, list[int]] = defaultdict(list)
    for i, k in enumerate(keys):
        by_key[k].append(i)
    for members in by_key.values():
        with_country = {own[i] for i in members if own[i]}
        for i in members:
            for j in members:
                if i < j and (own[i] == own[j] or len(with_country) <= 1) and may_link(i, j):
                    groups.join(i, j)
    # 2. spelling variants
    for a, b in _sharing_a_word(keys):
        if keys[a] != keys[b] and groups.can_join(a, b) and may_link(a, b) and _variants(keys[a], keys[b]):
            groups.join(a, b)
    # 3. an acronym alone: the one institution whose initials it is
    for i, m in enumerate(mentions):
        if not _is_acronym_only(m) or m.name in acronyms:
            continue
        letters = normalise_name(m.name).replace(" ", "")
        fits = {groups.find(j) for j, w in enumerate(words)
                if j != i and len(w) > 1 and letters in _initials(w, vocab) and groups.can_join(i, j)}
        if len(fits) == 1:
            groups.join(i, fits.pop())
    # 4. a short form: the one longer name that begins with it and goes on with a glue word
    heads: dict[str, list[int]] = defaultdict(list)       # "national library" → names going on "… of …"
    for j, w in enumerate(words):
        for k in range(1, len(w)):
            if w[k] in vocab.glue and w[k - 1] not in vocab.glue:
                heads[" ".join(w[:k])].append(j)
    for i in range(len(mentions)):
        if len(keys[i]) < SHORT_FORM_MIN_WORDS:
            continue
        longer = {groups.find(j) for j in heads.get(" ".join(words[i]), ())
                  if groups.can_join(i, j) and (own[i] or mentions[j].doc_id == mentions[i].doc_id)}
        if len(longer) == 1:
            groups.join(i, longer.pop())
    return [[mentions[i] for i in c] for c in groups.clusters()]


def _initials(words: list[str], vocab: Vocabulary) -> set:
    """'national library of estonia' → {'nloe', 'nle'}; a country word gives its first letter."""
    letters = [(w[1:] if w.startswith("@") else w)[:1].lower() for w in words]
    content = [(w[1:] if w.startswith("@") else w)[:1].lower() for w in words if w not in vocab.glue]
    return {"".join(letters), "".join(content)}


def _people(mentions: list[Mention], vocab: Vocabulary) -> list[list[Mention]]:
    words = [normalise_name(m.name).split() for m in mentions]
    keys = [frozenset(w) for w in words]
    groups = _Groups(mentions, [None] * len(mentions))
    by_key: dict[frozenset, list[int]] = defaultdict(list)
    for i, k in enumerate(keys):
        by_key[k].append(i)
    for members in by_key.values():
        for j in members[1:]:
            groups.join(members[0], j)
    full = sorted({min(ms) for k, ms in by_key.items() if not any(_INITIAL.match(w) for w in k)})
    full_keys = [keys[i] for i in full]
    for x, y in _sharing_a_word(full_keys):
        a, b = full[x], full[y]
        if len(keys[a]) == len(keys[b]) and _variants(keys[a], keys[b]):
            groups.join(a, b)
    # initials: "n kavtaradze" → the one full name with that surname and those initials
    for i, w in enumerate(words):
        initials = [x for x in w if _INITIAL.match(x)]
        names = [x for x in w if not _INITIAL.match(x)]
        if not initials or not names:
            continue
        fits = {groups.find(j) for j in full
                if set(names) <= keys[j] and _fits_initials(initials, [x for x in words[j] if x not in names])}
        if len(fits) == 1:
            groups.join(i, fits.pop())
    return [[mentions[i] for i in c] for c in groups.clusters()]


def _fits_initials(initials: list[str], given: list[str]) -> bool:
    return len(given) >= len(initials) and [g[:1] for g in given[: len(initials)]] == initials


def _places(mentions: list[Mention], vocab: Vocabulary) -> list[list[Mention]]:
    clusters: dict[tuple, list[Mention]] = defaultdict(list)
    for m in mentions:
        clusters[_place_key(m, vocab)].append(m)
    # a name without country, the one place of that name with one
    for key in sorted(k for k in clusters if k[0] == "name" and k[2] is None):
        same = [k for k in clusters if k[0] == "name" and k[1] == key[1] and k[2] is not None]
        if len(same) == 1:
            clusters[same[0]].extend(clusters.pop(key))
    return list(clusters.values())


def _place_key(m: Mention, vocab: Vocabulary) -> tuple:
    if m.geonames_id is not None:
        return ("geonames", str(m.geonames_id), None)
    ident = vocab.places.get(normalise_name(m.name))
    if ident and ident.startswith(("geonames-", "city-")):
        return ("geonames", ident.split("-", 1)[1], None)
    if ident:
        return ("gazetteer", ident, None)
    return ("name", normalise_name(m.name), m.country)


def _entity(kind: Kind, members: list[Mention], vocab: Vocabulary) -> Entity:
    docs_of: dict[str, set] = defaultdict(set)
    for m in members:
        docs_of[m.name].add(m.doc_id)
    names = sorted(docs_of)
    spelled = [n for n in names if not any(m.name == n and _is_acronym_only(m) for m in members)] or names
    if kind == "person":
        weight = lambda n: sum(1 for w in normalise_name(n).split() if not _INITIAL.match(w))  # noqa: E731
    else:
        weight = lambda n: len(normalise_name(n).split())  # noqa: E731
    canonical = max(spelled, key=lambda n: (weight(n), len(docs_of[n]), len(n), _reverse(n)))
    country = _most_common(m.country for m in members)
    acronym = _most_common(m.acronym for m in members)
    geonames = _most_common(m.geonames_id for m in members)
    if kind == "place":
        key = _place_key(members[0], vocab)
        if key[0] == "geonames":
            ident = f"place:geonames:{key[1]}"
        elif key[0] == "gazetteer" and key[1].startswith("country-"):
            ident = f"place:country:{key[1][len('country-'):].lower()}"
        elif key[0] == "gazetteer":
            ident = f"place:{key[1]}"
        else:
            ident = make_id(kind, canonical, country)
    else:
        ident = make_id(kind, canonical, country if kind == "institution" else None)
    return Entity(entity_id=ident, kind=kind, canonical=canonical, country=country,
                  acronym=acronym if kind == "institution" else None,
                  geonames_id=geonames if kind == "place" else None, names=tuple(names),
                  docs=tuple(sorted({m.doc_id for m in members})))


def _reverse(text: str) -> tuple:
    """Sort key that makes ``max`` pick the alphabetically first of equals."""
    return tuple(-ord(c) for c in text)


def _most_common(values):
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], str(v)))


# ---------------------------------------------------------------------------------------------
# Records


def record_mentions(records) -> list[Mention]:
    """Every person, institution and location of paragraph or event records (and of their
    events' participants) as a :class:`Mention`."""
    out: list[Mention] = []
    for record in records:
        holders = [record] + list(getattr(record, "events", []))
        for holder in holders:
            out.extend(Mention("person", p.name, record.doc_id) for p in holder.people)
            out.extend(Mention("institution", p.affiliation, record.doc_id) for p in holder.people if p.affiliation)
            out.extend(Mention("institution", i.name, record.doc_id, i.acronym, i.country) for i in holder.institutions)
            out.extend(Mention("place", loc.name, record.doc_id, None, loc.country, loc.geonames_id)
                       for loc in holder.locations)
            for part in getattr(holder, "participants", []):
                out.append(Mention(part.kind, part.name, record.doc_id))
    return out


def resolve_records(records, vocab: Optional[Vocabulary] = None) -> Resolution:
    """Resolve the entities of ``records`` (paragraph or event records, any mix) and fill
    ``entity_id`` and ``canonical`` on their people, institutions and locations, in place."""
    resolution = resolve(record_mentions(records), vocab)
    for record in records:
        for holder in [record] + list(getattr(record, "events", [])):
            for p in holder.people:
                _fill(p, resolution.of(Mention("person", p.name, record.doc_id)))
            for i in holder.institutions:
                _fill(i, resolution.of(Mention("institution", i.name, record.doc_id, i.acronym, i.country)))
            for loc in holder.locations:
                _fill(loc, resolution.of(Mention("place", loc.name, record.doc_id, None, loc.country, loc.geonames_id)))
    return resolution


def _fill(item, entity: Optional[Entity]) -> None:
    if entity is not None:
        item.entity_id = entity.entity_id
        item.canonical = entity.canonical

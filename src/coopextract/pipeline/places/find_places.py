"""The locations component: cities, regions and countries from the gazetteer (data).

Every gazetteer name (``models/gazetteer_places.tsv``, built by ``models/build_gazetteer.py``)
is matched case-sensitively (names of whole words by a dict lookup, the others by a
PhraseMatcher: :class:`PlaceMatcher`); the longest match wins where names overlap
("Republic of Azerbaijan" over "Azerbaijan"). Country adjectives ("Turkish", "Azerbaijani")
go to ``doc.spans["demonyms"]``: they are not places, but they give institutions a country.

A name several places share ("London": GB, CA) is read as the place of a country the same
paragraph names (a country, a region, a country adjective: "London, Ontario" is in CA), the
nearest first; else as the gazetteer's first reading of it (the country, a region, a capital,
the most populous city: :func:`choose_reading`). A city's GeoNames id goes with it.

A place inside an institution's name ("National Library of Morocco") is part of the
institution, not a location mention: the institutions component, which runs next, removes
such spans from ``doc.spans["locations"]``.
"""

import bisect
import hashlib
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Iterable, Optional

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from coopextract.pipeline.document import ParagraphComponent
from coopextract.pipeline.lexicon import LEXICON_FILES, Lexicon, load_lexicon
from coopextract.resources import models_dir

# How far (tokens) a place of several readings looks for a country that decides which one is
# meant ("Cambridge ... Massachusetts"): a paragraph's reach, so that a long list of places
# stays linear.
CONTEXT_REACH = 400
# The name pieces :func:`one_token` rejects, prebuilt (``models/build_gazetteer.py``) for the
# tokenizer and the names its fingerprint stands for: checking the ~9,400 pieces' affixes took
# ~60 ms of every start-up. Another tokenizer, Python or gazetteer: the pieces are checked anew.
SPLIT_PIECES_FILE = "gazetteer_split_pieces.json"


class PlaceMatcher:
    """A case-sensitive PhraseMatcher over the gazetteer names — but a name the tokenizer
    surely splits at its spaces only, into words it keeps whole ("Vienna", "New York"), is
    looked up by its ORTH ids in a dict instead: tokenizing ~9,000 names (new lexemes, Docs)
    was a third of the start-up time. Calling it gives what one PhraseMatcher over all names
    gives, in the same order for each label."""

    def __init__(self, nlp: Language, names_by_label: dict, split_pieces: Optional[frozenset] = None):
        """``split_pieces``: the pieces of these names :func:`one_token` rejects (from
        :func:`read_split_pieces`); None: each piece is checked here."""
        self.phrases = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.words: dict[tuple[int, ...], tuple[int, ...]] = {}   # ORTH ids → labels
        self.lengths: dict[int, tuple[int, ...]] = {}             # first ORTH id → name lengths
        tokenizer = nlp.tokenizer if _plain_spaces(nlp.tokenizer) else None
        whole: dict[str, bool] = {}   # piece → one_token(piece); pieces repeat ("San", "Al")
        if tokenizer is not None and split_pieces is not None:
            whole = {p: p not in split_pieces for p in name_pieces(names_by_label)}
        ids: dict[str, int] = {}      # piece → its ORTH id
        lengths: dict[int, set] = {}
        self.others: dict[str, list] = {}  # label → the names the PhraseMatcher takes
        for label, names in names_by_label.items():
            label_id = nlp.vocab.strings.add(label)
            others = self.others[label] = []
            for name in names:
                pieces = name.split(" ")
                if tokenizer is not None and all(whole[p] if p in whole else whole.setdefault(p, one_token(tokenizer, p))
                                                 for p in pieces):
                    key = tuple(ids[p] if p in ids else ids.setdefault(p, get_string_id(p)) for p in pieces)
                    self.words[key] = self.words.get(key, ()) + (label_id,)
                    lengths.setdefault(key[0], set()).add(len(key))
                else:
                    others.append(name)
            if others:
                self.phrases.add(label, list(nlp.tokenizer.pipe(others)))
        self.lengths = {first: tuple(sorted(found)) for first, found in lengths.items()}

    def table(self, nlp: Language) -> dict:
        """What :meth:`from_table` builds a matcher from that finds what this one finds (plain
        data): the PhraseMatcher's names too are looked up by the ORTH ids of their tokens
        (``nlp``'s tokenizer), which is what the PhraseMatcher compares. Per label, matches are
        then the same, in the same order (by start, then end)."""
        words, lengths = dict(self.words), {first: set(found) for first, found in self.lengths.items()}
        for label, names in self.others.items():
            label_id = get_string_id(label)
            for doc in nlp.tokenizer.pipe(names):
                key = tuple(token.orth for token in doc)
                words[key] = words.get(key, ()) + (label_id,)
                lengths.setdefault(key[0], set()).add(len(key))
        return {"labels": list(self.others), "words": words,
                "lengths": {first: tuple(sorted(found)) for first, found in lengths.items()}}

    @classmethod
    def from_table(cls, nlp: Language, table: dict) -> "PlaceMatcher":
        """A matcher of :meth:`table` ``table`` (made for ``nlp``'s tokenizer)."""
        self = cls.__new__(cls)
        for label in table["labels"]:
            nlp.vocab.strings.add(label)
        self.phrases = PhraseMatcher(nlp.vocab, attr="ORTH")
        # the PhraseMatcher's names are among the words: none left for it
        self.words, self.lengths, self.others = table["words"], table["lengths"], {label: [] for label in table["labels"]}
        return self

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        matches = self.phrases(doc) if len(self.phrases) else []
        if self.words:
            orths = doc.to_array(ORTH).tolist()
            n, words, lengths = len(orths), self.words, self.lengths
            found = [(label, i, i + k) for i, orth in enumerate(orths) if orth in lengths
                     for k in lengths[orth] if i + k <= n
                     for label in words.get(tuple(orths[i:i + k]), ())]
            if found:
                # the PhraseMatcher's order: by start, then by end
                matches = sorted(matches + found, key=lambda m: (m[1], m[2]))
        return matches


def _plain_spaces(tokenizer) -> bool:
    """A spaCy tokenizer whose special cases hold no space but the one-space token: it then
    splits a text at single spaces first and tokenizes each piece on its own."""
    return isinstance(tokenizer, Tokenizer) and all(" " not in k or k == " " for k in tokenizer.rules)


def one_token(tokenizer: Tokenizer, text: str) -> bool:
    """True when ``tokenizer`` surely makes one token of ``text``: no whitespace, no special
    case, and none of its prefix, suffix and infix rules applies (spaCy's tokenizer splits a
    string only by those). False may also mean "not sure"; such names are tokenized."""
    if not text or any(c.isspace() for c in text) or text in tokenizer.rules:
        return False
    if tokenizer.prefix_search is not None and tokenizer.prefix_search(text) is not None:
        return False
    if tokenizer.suffix_search is not None and tokenizer.suffix_search(text) is not None:
        return False
    if tokenizer.infix_finditer is not None and next(iter(tokenizer.infix_finditer(text)), None) is not None:
        return False
    return True


def name_pieces(names_by_label: dict) -> set:
    """The space-separated pieces of every name."""
    return {p for names in names_by_label.values() for name in names for p in name.split(" ")}


def tokenizer_fingerprint(tokenizer: Tokenizer, pieces: Iterable[str]) -> Optional[str]:
    """A hash of all :func:`one_token` reads — the tokenizer's special cases, its prefix, suffix
    and infix expressions, the Python and Unicode versions that run them — and of ``pieces``;
    None when an affix rule is not a compiled expression's method (nothing to hash)."""
    parts = [f"{sys.version_info[:2]}", unicodedata.unidata_version]
    for rule in (tokenizer.prefix_search, tokenizer.suffix_search, tokenizer.infix_finditer):
        pattern = getattr(rule, "__self__", None)
        pattern = getattr(pattern, "regex", pattern)     # build.GatedAffixes: its expression's reads
        if rule is not None and not isinstance(pattern, re.Pattern):
            return None
        parts.append("-" if rule is None else f"{pattern.flags}:{pattern.pattern}")
    digest = hashlib.sha256()
    for part in (*parts, *sorted(tokenizer.rules), "", *sorted(pieces)):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


def split_pieces(tokenizer: Tokenizer, pieces: Iterable[str]) -> list[str]:
    """The ``pieces`` :func:`one_token` rejects, sorted."""
    return sorted(p for p in pieces if not one_token(tokenizer, p))


def write_split_pieces(path, nlp: Language, names_by_label: dict) -> int:
    """Write ``SPLIT_PIECES_FILE`` for ``nlp``'s tokenizer and these names; the count written."""
    pieces = name_pieces(names_by_label)
    split = split_pieces(nlp.tokenizer, pieces)
    data = {"comment": "built by models/build_gazetteer.py: the gazetteer's name pieces spaCy's tokenizer "
                       "splits or may split (find_places.one_token); read only when the fingerprint is that "
                       "of the tokenizer and names in use",
            "fingerprint": tokenizer_fingerprint(nlp.tokenizer, pieces), "split": split}
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    return len(split)


def read_split_pieces(path, tokenizer: Tokenizer, names_by_label: dict) -> Optional[frozenset]:
    """The prebuilt split pieces of ``path`` when its fingerprint is that of ``tokenizer`` and
    these names; None when the file is missing, unreadable or made for others."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        fingerprint, split = data["fingerprint"], data["split"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if fingerprint is None or fingerprint != tokenizer_fingerprint(tokenizer, name_pieces(names_by_label)):
        return None
    return frozenset(split)


def place_names(lex: Lexicon) -> dict:
    """The gazetteer's names by label, as the matcher takes them."""
    return {"PLACE": list(lex.places), "DEMONYM": list(lex.demonyms)}


# The place matcher's prebuilt table (pipeline/prebuilt.py): PlaceMatcher.table().
PLACES_TABLE = "places"
# The files the gazetteer's names come from (place_names of the lexicon).
PLACES_FILES = ("gazetteer_places.tsv", "gazetteer_demonyms.tsv")


def places_key(nlp: Language, folder) -> Optional[str]:
    """The key of the place matcher's prebuilt table for ``nlp``'s tokenizer and the gazetteer
    of the rules folder ``folder``; None when the tokenizer cannot be fingerprinted."""
    from coopextract.pipeline import lexicon
    from coopextract.pipeline.prebuilt import table_key

    tokenizer = nlp.tokenizer
    fingerprint = tokenizer_fingerprint(tokenizer, ()) if _plain_spaces(tokenizer) else None
    if fingerprint is None:
        return None
    return table_key(PLACES_TABLE, [Path(folder) / name for name in PLACES_FILES],
                     [sys.modules[__name__], lexicon], [fingerprint])


def place_matcher(nlp: Language, lex: Lexicon, split_file=None, folder=None) -> PlaceMatcher:
    """The matcher of the gazetteer's names; ``split_file``: a prebuilt ``SPLIT_PIECES_FILE``
    (used when made for this tokenizer and these names); ``folder``: the rules folder whose
    prebuilt table to read (used when made for this tokenizer, gazetteer and code)."""
    if folder is not None:
        from coopextract.pipeline.prebuilt import read_table

        table = read_table(folder, PLACES_TABLE, places_key(nlp, folder))
        if table is not None:
            return PlaceMatcher.from_table(nlp, table)
    names = place_names(lex)
    split = read_split_pieces(split_file, nlp.tokenizer, names) if split_file is not None else None
    return PlaceMatcher(nlp, names, split)


def find_places(doc: Doc, matcher: PlaceMatcher, lex: Lexicon) -> tuple[list[Span], list[Span]]:
    """(location spans, demonym spans) of a Doc, longest match first, each with its data."""
    places, demonyms = [], []
    for match_id, start, end in matcher(doc):
        label = doc.vocab.strings[match_id]
        (places if label == "PLACE" else demonyms).append(Span(doc, start, end, label=label))
    # the gazetteer's own spelling of each match: a name matched token by token may be written
    # without its spaces ("St.Petersburg" for "St. Petersburg"); one it does not hold is dropped
    names = {}
    for span in places:
        name = span.text if span.text in lex.places else " ".join(t.text for t in span)
        if name in lex.places:
            names[(span.start, span.end)] = name
    dateline = _capitals_dateline(doc, lex)
    if dateline is not None:
        span, name = dateline
        if not any(p.start < span.end and span.start < p.end for p in places):
            places.append(span)
            names[(span.start, span.end)] = name
    places = [span for span in filter_spans(places) if (span.start, span.end) in names]
    # (token position, country) of what names a country unambiguously: countries, regions,
    # places of one reading, demonyms
    demonyms = [span for span in demonyms if span.text in lex.demonyms]      # as written, like the places
    context = [(span.start, lex.demonyms[span.text]) for span in demonyms]
    for span in places:
        own = lex.readings_of(names[(span.start, span.end)])
        if len(own) == 1 or (own and own[0][1] != "city"):
            if own[0][2]:
                context.append((span.start, own[0][2]))
    context.sort()
    positions = [at for at, _ in context]
    for span in places:
        name = names[(span.start, span.end)]
        own = lex.readings_of(name)
        near = []
        if len(own) > 1 and own[0][1] != "country":     # only a place of several readings looks around
            lo = bisect.bisect_left(positions, span.start - CONTEXT_REACH)
            hi = bisect.bisect_right(positions, span.start + CONTEXT_REACH)
            near = [(abs(at - span.start), c) for at, c in context[lo:hi] if at != span.start]
        ident, kind, country, geonames_id = choose_reading(own, near)
        span._.location = {"name": span.text, "country": country, "kind": kind, "rule": ident,
                           "geonames_id": geonames_id}
    for span in demonyms:
        span._.location = {"name": span.text, "country": lex.demonyms[span.text], "kind": "demonym",
                           "rule": "demonym"}
    return places, demonyms


# A wire story's dateline writes its place in capitals: "WINDHOEK, Sept. 15 —", "KATHMANDU (ANI) -",
# "WASHINGTON, DC –". At most this many words, at the start of a paragraph, before one of these marks.
DATELINE_CAPITALS_MAX_WORDS = 3
_DATELINE_MARKS = frozenset({",", "—", "–", "-", "(", ":"})


def _capitals_dateline(doc: Doc, lex: Lexicon) -> Optional[tuple]:
    """(span, gazetteer name) of a place written in capitals opening the paragraph as a
    dateline, when the gazetteer holds it in its usual case ("WINDHOEK" → "Windhoek")."""
    k = 0
    while k < min(len(doc), DATELINE_CAPITALS_MAX_WORDS) and doc[k].is_alpha and doc[k].is_upper and len(doc[k]) > 1:
        k += 1
    if k == 0 or k >= len(doc) or doc[k].text not in _DATELINE_MARKS:
        return None
    words = [t.text for t in doc[:k]]
    for name in (" ".join(w.title() for w in words), " ".join(w.capitalize() for w in words)):
        if name in lex.places:
            return Span(doc, 0, k, label="PLACE"), name
    return None


def choose_reading(readings: tuple, context: list) -> tuple:
    """The place meant among ``readings`` (in the gazetteer's order of preference): one in a
    country of ``context`` — (distance, country) pairs, the nearest first — else the first.
    A country's own name is never read otherwise ("Georgia" near "USA" is still GE)."""
    if len(readings) > 1 and readings[0][1] != "country":
        for _, country in sorted(context):
            for reading in readings:
                if reading[2] == country:
                    return reading
    return readings[0]


class LocationsComponent(ParagraphComponent):
    """Places of the gazetteer (``doc.spans["locations"]``) and demonyms (``"demonyms"``)."""

    rule_files = LEXICON_FILES
    publishes = (("locations", "location"), ("demonyms", "location"))

    def load(self) -> None:
        self.lex = load_lexicon(self.models_dir)
        folder = Path(self.models_dir) if self.models_dir else models_dir()
        self.matcher = place_matcher(self.nlp, self.lex, folder / SPLIT_PIECES_FILE, folder)

    def to_disk(self, path, *, exclude=()):
        """The lexicon's files, and the prebuilt split pieces where the rules folder has them."""
        import shutil

        super().to_disk(path, exclude=exclude)
        source = (Path(self.models_dir) if self.models_dir else models_dir()) / SPLIT_PIECES_FILE
        if source.exists():
            shutil.copyfile(source, Path(path) / SPLIT_PIECES_FILE)

    def process(self, doc: Doc) -> None:
        places, demonyms = find_places(doc, self.matcher, self.lex)
        doc.spans["locations"] = places
        doc.spans["demonyms"] = demonyms


@Language.factory("coop_locations", default_config={"models_dir": None},
                  assigns=["doc.spans", "span._.location"])
def make_locations(nlp: Language, name: str, *, models_dir: Optional[str]):
    return LocationsComponent(nlp, name, models_dir=models_dir)

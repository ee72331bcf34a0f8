"""Word lists and patterns for people, institutions and places, loaded from ``models/``.

One strict loader per file kind: ``*.txt`` (one entry a line, ``#`` comments), ``*.tsv``
(fixed columns) and ``*.jsonl`` (objects with a stable ``id`` and only the keys the file kind
allows). Anything else raises :class:`~coopextract.errors.ModelsError` naming the file and line.
Loading is lazy (first use) and cached per models directory.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from spacy.lang.en.stop_words import STOP_WORDS

from coopextract.errors import ModelsError
from coopextract.resources import models_dir
from coopextract.rules import read_jsonl_rules

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
          "Saturday", "Sunday")

# Every file the lexicon reads: what a component built on it saves with ``to_disk``.
LEXICON_FILES = ("titles.txt", "roles.txt", "person_cues.jsonl", "institution_heads.jsonl", "acronyms_known.jsonl",
                 "gazetteer_places.tsv", "gazetteer_demonyms.tsv", "non_name_words.txt", "role_modifiers.txt",
                 "name_particles.txt", "patronymic_suffixes.txt", "institution_heads_located.txt",
                 "non_name_suffixes.txt", "institution_not_before.txt")

_JSONL_KEYS = {
    "person_cues.jsonl": ({"id", "side", "words"}, {"id", "side", "words"}),
    "institution_heads.jsonl": ({"id", "heads"}, {"id", "heads"}),
    "acronyms_known.jsonl": ({"id", "acronym", "name", "country"}, {"id", "acronym", "name"}),
}

_INITIAL = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞİŞĞÇÜƏ]\.){1,3}$")
_ACRONYM = re.compile(r"^[A-ZÀ-ÖØ-ÞİŞĞÇÜƏ][A-Za-zÀ-ÖØ-öø-ÿİıŞşĞğÇçÜüƏə&]{0,9}$")


def read_list(path: Path) -> list[str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ModelsError(f"{path}: cannot read word list ({exc.strerror})") from exc
    items = [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    if not items:
        raise ModelsError(f"{path}: word list is empty")
    return items


def read_tsv(path: Path, columns: int) -> list[list[str]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != columns:
            raise ModelsError(f"{path}:{n}: expected {columns} tab-separated columns, got {len(cells)}")
        rows.append(cells)
    if not rows:
        raise ModelsError(f"{path}: table is empty")
    return rows


def read_jsonl(path: Path) -> list[dict]:
    allowed, required = _JSONL_KEYS[path.name]
    return [row for _, row in read_jsonl_rules(path, allowed, required, what="pattern file")]


@dataclass(frozen=True)
class Lexicon:
    titles: tuple[tuple[str, ...], ...]          # token sequences, longest first
    roles: frozenset[str]                        # lower case
    role_modifiers: frozenset[str]
    particles: frozenset[str]
    patronymic_suffixes: tuple[str, ...]
    cues_before: frozenset[tuple[str, ...]]      # lower-case token sequences
    cues_after: frozenset[str]
    heads: frozenset[str]
    heads_located: frozenset[str]
    acronyms: dict                               # acronym → (name, country|None)
    places: dict                                 # name → (id, kind, country|None)
    demonyms: dict                               # word → country
    non_name: frozenset[str]                     # capitalised words that are never name parts
    non_name_suffixes: tuple[str, ...] = ()
    not_before: frozenset[str] = frozenset()     # words after a name that make it a product or event

    def title_of(self, words: list[str]) -> Optional[int]:
        """Length of the title the word sequence ends with, or None."""
        for title in self.titles:
            if len(title) <= len(words) and tuple(words[-len(title):]) == title:
                return len(title)
        return None


def _split(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+\.?|[^\w\s]", text))


def load_lexicon(directory: Optional[str] = None) -> Lexicon:
    """The lexicon of ``directory`` (default: the installed ``models/``), read once per process:
    ``load_lexicon()`` and ``load_lexicon(None)`` share one cache entry."""
    return _load_lexicon(str(directory) if directory else None)


@lru_cache(maxsize=4)
def _load_lexicon(directory: Optional[str]) -> Lexicon:
    base = Path(directory) if directory else models_dir()

    def path(name):
        p = base / name
        if not p.exists():
            raise ModelsError(f"{p}: missing rule file; reinstall coopextract or set COOPEXTRACT_MODELS")
        return p

    titles = sorted({_split(t) for t in read_list(path("titles.txt"))}, key=len, reverse=True)
    roles = frozenset(w.lower() for w in read_list(path("roles.txt")))
    cues_before, cues_after = set(), set()
    for row in read_jsonl(path("person_cues.jsonl")):
        if row["side"] not in ("before", "after"):
            raise ModelsError(f"{path('person_cues.jsonl')}: {row['id']}: side must be 'before' or 'after'")
        for w in row["words"]:
            (cues_before.add(tuple(w.lower().split())) if row["side"] == "before" else cues_after.add(w.lower()))
    heads = frozenset(h for row in read_jsonl(path("institution_heads.jsonl")) for h in row["heads"])
    acronyms = {}
    for row in read_jsonl(path("acronyms_known.jsonl")):
        acronyms[row["acronym"]] = (row["name"], row.get("country"))
    places = {}
    for ident, name, kind, country in read_tsv(path("gazetteer_places.tsv"), 4):
        if kind not in ("country", "region", "city"):
            raise ModelsError(f"{path('gazetteer_places.tsv')}: {ident}: unknown kind {kind!r}")
        places.setdefault(name, (ident, kind, country or None))
    demonyms = {w: c for w, c in read_tsv(path("gazetteer_demonyms.tsv"), 2)}
    titles_flat = {w for t in titles for w in t if w[:1].isupper()}
    non_name = (set(read_list(path("non_name_words.txt"))) | set(heads) | titles_flat | set(MONTHS)
                | {r.capitalize() for r in roles} | set(demonyms)
                | {m.capitalize() for m in read_list(path("role_modifiers.txt"))} | {w.capitalize() for w in STOP_WORDS})
    return Lexicon(
        titles=tuple(titles),
        roles=roles,
        role_modifiers=frozenset(w.lower() for w in read_list(path("role_modifiers.txt"))),
        particles=frozenset(read_list(path("name_particles.txt"))),
        patronymic_suffixes=tuple(read_list(path("patronymic_suffixes.txt"))),
        cues_before=frozenset(cues_before),
        cues_after=frozenset(cues_after),
        heads=heads,
        heads_located=frozenset(read_list(path("institution_heads_located.txt"))),
        acronyms=acronyms,
        places=places,
        demonyms=demonyms,
        non_name=frozenset(non_name),
        non_name_suffixes=tuple(read_list(path("non_name_suffixes.txt"))),
        not_before=frozenset(w.lower() for w in read_list(path("institution_not_before.txt"))),
    )


def is_initial(text: str) -> bool:
    """'A.', 'A.R.' — an initial standing for a given name."""
    return bool(_INITIAL.match(text))


def is_capitalised(text: str) -> bool:
    return text[:1].isupper() and any(c.isalpha() for c in text)


def looks_like_acronym(text: str) -> bool:
    """'ANAS', 'AzTU', 'BnF', 'İKSAD': 2–10 letters, at least two capitals, starts with one."""
    return bool(_ACRONYM.match(text)) and sum(c.isupper() for c in text) >= 2 and len(text) >= 2


def country_of_words(words, lex: Lexicon) -> Optional[str]:
    """The first country a word sequence names: a place ('Turkey', 'Baku') or an adjective
    ('Turkish'); multi-word places ('Republic of Türkiye' → 'Türkiye') are found word by word
    and as pairs."""
    words = list(words)
    for i in range(len(words)):
        for n in (3, 2, 1):
            name = " ".join(words[i:i + n])
            if len(words[i:i + n]) == n:
                if name in lex.places and lex.places[name][2]:
                    return lex.places[name][2]
                if n == 1 and name in lex.demonyms:
                    return lex.demonyms[name]
                if n == 1 and name in lex.acronyms and lex.acronyms[name][1]:
                    return lex.acronyms[name][1]
    return None

"""Word lists and patterns for people, institutions and places, loaded from ``models/``.

One strict loader per file kind: ``*.txt`` (one entry a line, ``#`` comments), ``*.tsv``
(fixed columns) and ``*.jsonl`` (objects with a stable ``id`` and only the keys the file kind
allows). Anything else raises :class:`~coopextract.errors.ModelsError` naming the file and line.
Loading is lazy (first use) and cached per models directory.
"""

import re
import sys
from dataclasses import dataclass, field, fields
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Optional

from coopextract.errors import ModelsError
from coopextract.pipeline.dates.normalise import MONTHS_FILE, WORDS_FILE, load_date_words
from coopextract.resources import models_dir, models_path
from coopextract.rules import read_jsonl_rules

FUNCTION_WORDS_FILE = "function_words.jsonl"
NAME_FORMS_FILE = "name_forms.tsv"
# Every file the lexicon reads: what a component built on it saves with ``to_disk``.
LEXICON_FILES = ("titles.txt", "roles.txt", "person_cues.jsonl", "institution_heads.jsonl", "acronyms_known.jsonl",
                 "gazetteer_places.tsv", "gazetteer_demonyms.tsv", "non_name_words.txt", "role_modifiers.txt",
                 "name_particles.txt", "patronymic_suffixes.txt", "institution_heads_located.txt",
                 "non_name_suffixes.txt", "institution_not_before.txt", "given_names.txt", "family_names.txt",
                 "family_first_names.txt", "company_suffixes.txt", "institution_units.txt", FUNCTION_WORDS_FILE, WORDS_FILE,
                 "roles_inflected.txt", "institution_suffixes.txt", NAME_FORMS_FILE, "adjective_endings.txt", MONTHS_FILE,
                 "lemma_forms.tsv", "family_names_han.txt", "family_names_hangul.txt", "common_words.txt")

_JSONL_KEYS = {
    "person_cues.jsonl": ({"id", "side", "words"}, {"id", "side", "words"}),
    "institution_heads.jsonl": ({"id", "heads", "first", "inflected", "genitive", "comment"}, {"id", "heads"}),
    "acronyms_known.jsonl": ({"id", "acronym", "name", "country"}, {"id", "acronym", "name"}),
}

# Initials stand for at most three given names ("A.", "A.R.", "A.P.R.").
INITIALS_MAX = 3
# An acronym is at most this many characters ("ANAS", "AzTU", "UNESCO", "IRIS&CO").
ACRONYM_MAX_CHARS = 10


def read_word_list(path, what: str = "word list") -> list[tuple[int, str]]:
    """``[(line number, entry), …]`` of a one-entry-a-line ``*.txt`` file of ``models/``: lines
    stripped, blank lines and ``#`` comments skipped; an unreadable or empty file raises
    :class:`~coopextract.errors.ModelsError` naming it. Callers check the entries."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ModelsError(f"{path}: cannot read {what} ({exc.strerror or exc})") from None
    items = [(n, entry) for n, entry in enumerate(map(str.strip, lines), start=1) if entry and entry[0] != "#"]
    if not items:
        raise ModelsError(f"{path}: {what} is empty")
    return items


def read_list(path: Path) -> list[str]:
    """The entries of a word list (as :func:`read_word_list`, without line numbers: the name
    lists have 100,000 lines)."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ModelsError(f"{path}: cannot read word list ({exc.strerror or exc})") from None
    items = [entry for entry in map(str.strip, lines) if entry and entry[0] != "#"]
    if not items:
        raise ModelsError(f"{path}: word list is empty")
    return items


def checked_words(words, where: str) -> list[str]:
    """The ``words`` of a word-list rule, lower case; ``where`` ("file:line") names a bad one."""
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
        raise ModelsError(f"{where}: 'words' must be a non-empty list of words")
    return [w.strip().lower() for w in words]


# The lists of function_words.jsonl the rules use; each must be there.
FUNCTION_WORD_IDS = ("english_markers", "foreign_markers", "name_adjectives_foreign", "head_compound_endings",
                     "role_compound_endings",
                     "name_articles", "name_links", "name_links_foreign", "name_not_first", "name_compare_glue",
                     "articles", "role_glue", "determiners", "name_inner_glue", "acronym_not_org",
                     "acronym_org_before", "vi_heads", "vi_name_inner", "located_in_words", "located_name_words", "eponym_titles",
                     "heads_final_only", "unit_heads_before_of", "meetings_before_of", "predicate_object_stops", "predicate_object_measures", "and_head_final", "and_head_first",
                     "and_adjectives", "modifiers_before_and_head",
                     "particle_articles", "eponym_markers", "passive_auxiliaries_foreign",
                     "and_new_name_words", "lower_heads_first", "lower_head_compounds", "vi_posts", "vi_family_names", "list_conjunctions",
                     "name_fields_foreign", "name_links_purpose", "place_prepositions_before_names", "name_inner_titles",
                     "generational_suffixes")


def load_function_words(path) -> dict[str, frozenset]:
    """``function_words.jsonl`` → {id: frozenset of lower-case words}, read strictly."""
    return dict(_function_words(str(path)))


@lru_cache(maxsize=4)
def _function_words(path: str) -> tuple:
    out = {}
    for n, row in read_jsonl_rules(path, {"id", "comment", "words"}, {"id", "words"}, what="function words"):
        out[row["id"]] = frozenset(checked_words(row["words"], f"{path}:{n}"))
    missing = [i for i in FUNCTION_WORD_IDS if i not in out]
    if missing:
        raise ModelsError(f"{path}: missing word lists {missing}")
    return tuple(out.items())


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


def load_name_forms(path) -> dict[str, tuple[str, ...]]:
    """``name_forms.tsv`` (built by ``models/build_name_forms.py``) → {lower-case lemma: its
    inflected forms}: the cases of institution heads and role words in languages that inflect
    them ("библиотека" → "библиотеки", "библиотекой", …; "biblioteka" → "biblioteki", …)."""
    out = {}
    for lemma, forms in read_tsv(Path(path), 2):
        words = tuple(w for w in forms.split(",") if w)
        if not lemma.strip() or any(not w.strip() or w != w.lower() for w in (lemma, *words)):
            raise ModelsError(f"{path}: {lemma!r}: a lemma and its forms are lower-case words")
        out[lemma] = words
    return out


def _with_forms(word: str, forms: dict) -> list[str]:
    """``word`` and its inflected forms, written in the case ``word`` is written in."""
    extra = forms.get(word.lower(), ())
    if word[:1].isupper():
        extra = tuple(f[:1].upper() + f[1:] for f in extra)
    return [word, *extra]


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
    places: dict                                 # name → (id, kind, country|None): its first reading
    demonyms: dict                               # word → country
    non_name: frozenset[str]                     # capitalised words that are never name parts
    title_words: frozenset[str] = frozenset()    # the one-word titles ("Dr", "Pak")
    non_name_suffixes: tuple[str, ...] = ()
    not_before: frozenset[str] = frozenset()     # words after a name that make it a product or event
    calendar: frozenset[str] = frozenset()       # month and weekday names as written ("May", "Monday")
    month_abbreviations: frozenset[str] = frozenset()   # with their full stop ("Feb.", "Sept."): no name word
    function_words: dict = field(default_factory=dict)   # id → lower-case words (function_words.jsonl)
    given_names: frozenset[str] = frozenset()    # as written ("Laura"; given_names.txt, from names-dataset)
    family_names: frozenset[str] = frozenset()   # as written ("Bell"; family_names.txt)
    family_first: frozenset[str] = frozenset()   # family names written before the given name ("Wang", "Kovács")
    company_suffixes: frozenset[str] = frozenset()   # words that end a company's name ("Inc.", "GmbH", "Airlines")
    unit_heads: frozenset[str] = frozenset()     # heads of an institution's internal units ("Department")
    heads_first: frozenset[str] = frozenset()    # heads written before the name ("Universitas Airlangga")
    # heads (all their forms) whose complement follows without a link word, in the genitive:
    # "Библиотека Британии", "Biblioteki Kraków", "Национальной библиотекой Таджикистана"
    heads_genitive: frozenset[str] = frozenset()
    adjective_endings: tuple[str, ...] = ()     # lower case; words before a genitive head ("Национальная")
    # endings of names written without capitals, in scripts that have none ("국립도서관", "北京大学")
    suffixes: tuple[str, ...] = ()
    # name → every place of that name, in order of preference: (id, kind, country|None, geonames id|None),
    # for the names of several places only (about one in thirty): see readings_of
    place_readings: dict = field(default_factory=dict)
    # plural of a head → the head, as written and in lower case ("Universities" → "University",
    # "embassies" → "embassy"): the shared head of a coordination ("the Embassies of X and Y")
    head_singular: dict = field(default_factory=dict)
    # family names written in Han characters (Chinese: "王", "欧阳") and in Hangul ("김", "남궁")
    surnames_han: frozenset[str] = frozenset()
    surnames_hangul: frozenset[str] = frozenset()
    # frequent English words that are no given or family name ("report", "space"; lower case)
    common_words: frozenset[str] = frozenset()

    def readings_of(self, name: str) -> tuple:
        """Every place the gazetteer name ``name`` may be, in order of preference: (id, kind,
        country|None, GeoNames id|None); one reading, built from ``places``, for a name of one
        place (the prebuilt table then loads a thirtieth of the rows at start-up)."""
        readings = self.place_readings.get(name)
        if readings:
            return readings
        if name not in self.places:
            return ()
        return (place_reading(*self.places[name]),)

    def title_of(self, words: list[str]) -> Optional[int]:
        """Length of the title the word sequence ends with, or None."""
        for length, titles in self._titles_by_length:
            if length <= len(words) and tuple(words[-length:]) in titles:
                return length
        return None

    @cached_property
    def glued_titles(self) -> frozenset:
        """Titles as the tokenizer may keep them, one token ("H.E."): the list holds them split."""
        return frozenset("".join(title) for title in self.titles)

    @cached_property
    def _titles_by_length(self) -> tuple:
        """((length, {titles of that length}), ...), longest first: one set look-up per length
        instead of a comparison per title (``titles`` is sorted longest first, so the answer is
        the same)."""
        lengths = sorted({len(t) for t in self.titles}, reverse=True)
        return tuple((n, frozenset(t for t in self.titles if len(t) == n)) for n in lengths)


def place_reading(ident: str, kind: str, country: Optional[str]) -> tuple:
    """(id, kind, country, GeoNames id|None) of a gazetteer row: a city's id is
    "city-<GeoNames id>"; countries and regions have none in the gazetteer."""
    number = ident[len("city-"):] if ident.startswith("city-") else ""
    return (ident, kind, country, int(number) if number.isdigit() else None)


def _split(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+\.?|[^\w\s]", text))


def load_lexicon(directory: Optional[str] = None) -> Lexicon:
    """The lexicon of ``directory`` (default: the installed ``models/``), read once per process:
    ``load_lexicon()`` and ``load_lexicon(None)`` share one cache entry."""
    return _load_lexicon(str(directory) if directory else None)


@lru_cache(maxsize=4)
def _load_lexicon(directory: Optional[str]) -> Lexicon:
    from coopextract.pipeline.prebuilt import read_table

    table = read_table(directory or models_dir(), LEXICON_TABLE, lexicon_key(directory))
    return Lexicon(**table) if table is not None else derive_lexicon(directory)


# The lexicon's prebuilt table (pipeline/prebuilt.py): the fields of :class:`Lexicon`.
LEXICON_TABLE = "lexicon"


def lexicon_key(directory: Optional[str]) -> Optional[str]:
    """The key of the lexicon's prebuilt table for the rules of ``directory``."""
    from coopextract import rules
    from coopextract.pipeline.dates import normalise
    from coopextract.pipeline.prebuilt import table_key

    base = Path(directory) if directory else models_dir()
    return table_key(LEXICON_TABLE, [base / name for name in LEXICON_FILES], [sys.modules[__name__], rules, normalise])


def lexicon_table(lex: Lexicon) -> dict:
    """The fields of ``lex``, as its prebuilt table holds them."""
    return {f.name: getattr(lex, f.name) for f in fields(lex)}


def derive_lexicon(directory: Optional[str] = None) -> Lexicon:
    """The lexicon of ``directory``, read from its files (what the prebuilt table holds)."""
    from spacy.lang.en.stop_words import STOP_WORDS    # here, so that the readers can import this module without spaCy

    def path(name):
        return models_path(name, directory)

    titles = sorted({_split(t) for t in read_list(path("titles.txt"))}, key=len, reverse=True)
    forms = load_name_forms(path(NAME_FORMS_FILE))
    roles = frozenset(w.lower() for w in read_list(path("roles.txt"))) | frozenset(
        f for w in read_list(path("roles_inflected.txt")) for f in _with_forms(w.lower(), forms))
    cues_before, cues_after = set(), set()
    for row in read_jsonl(path("person_cues.jsonl")):
        if row["side"] not in ("before", "after"):
            raise ModelsError(f"{path('person_cues.jsonl')}: {row['id']}: side must be 'before' or 'after'")
        for w in row["words"]:
            (cues_before.add(tuple(w.lower().split())) if row["side"] == "before" else cues_after.add(w.lower()))
    company_suffixes = frozenset(read_list(path("company_suffixes.txt")))
    head_rows = read_jsonl(path("institution_heads.jsonl"))
    for row in head_rows:
        for key in ("first", "inflected", "genitive"):
            if not isinstance(row.get(key, False), bool):
                raise ModelsError(f"{path('institution_heads.jsonl')}: {row['id']}: {key!r} must be true or false")
    head_words = {row["id"]: [f for h in row["heads"] for f in (_with_forms(h, forms) if row.get("inflected") else [h])]
                  for row in head_rows}
    heads = frozenset(h for words in head_words.values() for h in words) | company_suffixes
    acronyms = {}
    for row in read_jsonl(path("acronyms_known.jsonl")):
        acronyms[row["acronym"]] = (row["name"], row.get("country"))
    places, place_readings = {}, {}
    for ident, name, kind, country in read_tsv(path("gazetteer_places.tsv"), 4):
        if kind not in ("country", "region", "city"):
            raise ModelsError(f"{path('gazetteer_places.tsv')}: {ident}: unknown kind {kind!r}")
        places.setdefault(name, (ident, kind, country or None))
        place_readings.setdefault(name, []).append(place_reading(ident, kind, country or None))
    demonyms = {w: c for w, c in read_tsv(path("gazetteer_demonyms.tsv"), 2)}
    # words of titles are no name words, but an initial of one ("H. E.") is a middle initial
    # elsewhere ("George E. Nasr")
    titles_flat = {w for t in titles for w in t if w[:1].isupper() and not is_initial(w)}
    date_words = load_date_words(path(WORDS_FILE))
    calendar = set(date_words["month_names"]) | {w.capitalize() for w in date_words["weekdays"]}
    given, family = frozenset(read_list(path("given_names.txt"))), frozenset(read_list(path("family_names.txt")))
    non_name = (set(read_list(path("non_name_words.txt"))) | set(heads) | titles_flat | calendar
                | {r.capitalize() for r in roles} | set(demonyms)
                | {m.capitalize() for m in read_list(path("role_modifiers.txt"))
                   if m.capitalize() not in given and m.capitalize() not in family}   # "Young" is a surname too
                | {w.capitalize() for w in STOP_WORDS})
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
        title_words=frozenset(t[0] for t in titles if len(t) == 1),
        non_name_suffixes=tuple(read_list(path("non_name_suffixes.txt"))),
        not_before=frozenset(w.lower() for w in read_list(path("institution_not_before.txt"))),
        calendar=frozenset(calendar),
        month_abbreviations=frozenset(w for w in date_words["months"] if w.endswith(".")),
        function_words=load_function_words(path(FUNCTION_WORDS_FILE)),
        given_names=given,
        family_names=family,
        family_first=frozenset(read_list(path("family_first_names.txt"))),
        company_suffixes=company_suffixes,
        unit_heads=frozenset(read_list(path("institution_units.txt"))),
        heads_first=frozenset(h for row in head_rows if row.get("first")
                              for h in head_words[row["id"]]),
        heads_genitive=frozenset(h for row in head_rows if row.get("genitive") for h in head_words[row["id"]]),
        adjective_endings=tuple(read_list(path("adjective_endings.txt"))),
        suffixes=tuple(sorted(set(read_list(path("institution_suffixes.txt"))), key=len, reverse=True)),
        place_readings={name: tuple(rows) for name, rows in place_readings.items() if len(rows) > 1},
        head_singular=head_plurals([h for row in head_rows if not row.get("inflected") for h in head_words[row["id"]]],
                                   read_tsv(path("lemma_forms.tsv"), 2)),
        surnames_han=frozenset(read_list(path("family_names_han.txt"))),
        common_words=frozenset(read_list(path("common_words.txt"))),
        surnames_hangul=frozenset(read_list(path("family_names_hangul.txt"))),
    )


def english_plural(word: str) -> str:
    """The regular English plural: "Library" → "Libraries", "Church" → "Churches", "Museum" → "Museums"."""
    lower = word.lower()
    if lower.endswith("y") and lower[-2:-1] not in ("a", "e", "o", "u", ""):
        return word[:-1] + "ies"
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def head_plurals(heads, lemma_rows) -> dict:
    """{plural: singular} for the English-spelled heads, capitalised as listed and in lower case.
    The plural is the lemma table's (``lemma_forms.tsv``, spaCy's lookup lemmatizer) when it lists
    the head, else :func:`english_plural`. Heads of the inflected rows (Russian, Polish) have
    their own forms (``name_forms.tsv``) and are left out."""
    table = {lemma: forms.split(",") for lemma, forms in lemma_rows}
    out = {}
    for head in heads:
        if not re.fullmatch(r"[A-Z][a-z]+", head) or head.endswith("s"):
            continue
        lower = head.lower()
        plurals = [f for f in table.get(lower, ()) if f.endswith("s")] or [english_plural(lower)]
        for plural in plurals:
            out.setdefault(plural.capitalize(), head)
            out.setdefault(plural, lower)
    return out


def is_initial(text: str) -> bool:
    """'A.', 'A.R.' — an initial standing for a given name."""
    n = len(text)
    return (0 < n <= 2 * INITIALS_MAX and n % 2 == 0
            and all(text[i].isalpha() and text[i].isupper() and text[i + 1] == "." for i in range(0, n, 2)))


# Han ideographs (Chinese, Japanese kanji) and Japanese hiragana, whose names the rules find by
# character inside a clause (institutions/find_institutions.py, people/scripts.py).
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Han and kana, written without spaces between words.
HAN_KANA = re.compile(f"[\u3040-\u30ff{HAN}]")
HIRAGANA = re.compile("[\u3041-\u309f]")
# Arabic conjunctions and prepositions written onto the next word ("وسفارة", "بجامعة", "للمكتبة").
ARABIC_PROCLITICS = ("و", "ف", "ب", "ل", "ك")


@lru_cache(maxsize=32)
def word_alternation(words: frozenset) -> Optional[re.Pattern]:
    """One regex matching any of ``words``, longest first; None for none."""
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True)))) if words else None


# An elided article glued to a capitalised word: "d’Ivoire", "l’Université", "dell’Arte".
_ELISIONS = r"(?:d|l|dell|dall|nell|all|sull|un)['’]"
_ELIDED_CAPITAL = re.compile(_ELISIONS + r"[^\W\d_]", re.IGNORECASE)
# The same before any letter (unelided).
_ELIDED = re.compile(_ELISIONS + r"(?=[^\W\d_])", re.IGNORECASE)


def unelided(word: str) -> str:
    """``word`` without an elided article or preposition of French or Italian glued to it:
    'l’ambassadeur' → 'ambassadeur', "dell'ambasciatore" → 'ambasciatore' (the tokenizer splits
    these only before a capital)."""
    m = _ELIDED.match(word)
    return word[m.end():] if m else word


def is_capitalised(text: str) -> bool:
    """'Porto', 'İzmir'; also a word after an elided article: 'd’Ivoire' of 'Côte d’Ivoire'."""
    if text[:1].isupper():
        return any(c.isalpha() for c in text)
    m = _ELIDED_CAPITAL.match(text)
    return m is not None and text[m.end() - 1].isupper()


def looks_like_acronym(text: str) -> bool:
    """'ANAS', 'AzTU', 'BnF', 'İKSAD': 2–10 letters, at least two capitals, starts with one."""
    return (2 <= len(text) <= ACRONYM_MAX_CHARS and text[0].isupper()
            and all(c.isalpha() or c == "&" for c in text) and sum(c.isupper() for c in text) >= 2)


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

"""④ The events component: event TRIGGERS and QUANTITIES in one paragraph Doc.

Rules are data (``models/``):

* ``event_triggers.jsonl`` — token patterns (over ``LOWER``: the pipeline has no lemmatizer,
  so word forms are listed) with a stable ``id``, the SPEC §3 ``type`` and a ``form``:
  ``verb`` (a finite past/passive form that states an occurrence: "visited", "was signed"),
  ``host`` (a verb like ``verb`` unless an event noun of another type follows it: "hosted the
  webinar" is a webinar, not a visit) or
  ``noun`` (a name of an event: "exhibition", "business trip", which also occurs in generic or
  planned statements and therefore needs support, see :mod:`coopextract.pipeline.events.assemble`).
* ``event_cues.jsonl`` — sentence cues, token patterns with a ``cue``: ``finite`` ("took
  place", "participated") and ``occurrence`` ("held", "organized": may also be a bare participle,
  so after the noun it needs an ``auxiliary``, "were held"): a noun trigger's event happened; ``irrealis`` ("will", "plans", "to hold":
  it did not happen yet), ``group`` ("the guests", "both sides": participants introduced earlier
  in the paragraph), ``pronoun`` ("he", "she"), ``definite`` ("the", "this": the noun refers back) and
  ``article`` (another language's definite article or demonstrative, "la", "der", "esta"), ``attendance`` ("took part in", "a participé à",
  "uczestniczyli w": past forms that also state an occurrence; near a meeting, conference or
  training, its subject went there).
* ``quantity_rules.jsonl`` — word lists for counts of items ("nearly 150 examples of
  Azerbaijani literature"): approximators, number words, multipliers, units that are not
  counts ("years", "times"), words that end the counted noun phrase.

Output: ``doc.spans["event_triggers"]`` with ``span._.event = {"type", "rule", "form", "language", "send", "object_first",
"occurrence", "irrealis", "definite", "article", "topic", "possessive", "group", "pronoun", "attendance"}`` (the
last nine describe the trigger's context: an occurrence verb near it, a modal or plan before
it, a determiner right before it (``article``: only another language's article), a topic cue before it ("an agreement on book exchange"), a
possessive after it ("the exhibition's visitors"), a back-reference to the paragraph's people,
an attendance verb near it)
and ``doc.spans["quantities"]`` with ``span._.quantity = {"value", "approximate", "what",
"rule"}``. The decision which triggers become events is made at document level.
"""

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Collection, Optional, Union

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from coopextract.errors import ModelsError
from coopextract.rules import read_jsonl_rules
from coopextract.pipeline.matchwindows import AnchoredMatcher, anchored_matcher
from coopextract.records import EVENT_TYPES
from coopextract.pipeline.document import ParagraphComponent, not_english_sentences, text_of, words_of
from coopextract.pipeline.lexicon import FUNCTION_WORDS_FILE, load_function_words
from coopextract.resources import models_dir as default_models_dir, models_path

TRIGGER_FILE = "event_triggers.jsonl"
PREDICATE_FILE = "event_predicates.jsonl"
FORMS_FILE = "lemma_forms.tsv"
LANGUAGE_FORMS_FILE = "lemma_forms_languages.tsv"
PREDICATE_KEYS = {"id", "type", "form"}
PREDICATE_OPTIONAL_KEYS = {"lemmas", "objects", "particles", "reach", "languages", "stops", "year"}
# One language of a row's "languages": the same classes in that language's words; its "stops"
# end its own object search (Russian "приняли участие представители": took part, no welcome).
LANGUAGE_KEYS = {"lemmas"}
LANGUAGE_OPTIONAL_KEYS = {"objects", "particles", "reach", "stops"}
FORM_USES = ("predicate", "object", "particle", "shared")
# A predicate and its object are at most this many tokens apart in a predicate row's patterns:
# "signed a memorandum" (1), "the memorandum of understanding between the two libraries was
# signed" (8); 10 leaves room for a short apposition without reaching into the next clause
# (patterns never cross a sentence start or a semicolon).
PREDICATE_REACH = 10
# In the passive the agreement noun can carry a long apposition or relative clause before "was
# signed" ("The memorandum between A and B, which covers digitisation, was signed"): the
# auxiliary + predicate pair is specific enough to look this much further back.
PASSIVE_REACH = 20
# The relative pronouns that can be a passive's subject ("the delegation, which was welcomed"):
# the noun they stand for is in the noun phrase before them, not past that clause's verb.
RELATIVE_PRONOUNS = frozenset({"which", "that", "who"})
# Inflected forms ending so are verb forms: an object class (nouns) takes only the others
# ("books", "memoranda"), not "booked" or "copying" that the POS-less lemma table also lists.
VERB_ENDINGS = ("ed", "ing")
# A past participle right after its object without an auxiliary is a reduced passive, as in
# headlines, list items and reduced relatives ("agreement signed with ...", "books donated by
# ..."): form "noun", so it needs a date or an occurrence verb like a noun trigger.
PARTICIPLE_ENDINGS = ("ed", "en")
# Scripts whose words the English tokenizer does not cut out of their clause: Han and kana
# write no spaces ("協定書の調印式を行いました" is one token), Hangul glues particles and endings
# to its words ("MOU를", "체결했다"). A language rule whose predicate words are all in these
# scripts is found inside tokens, as substrings of its clause (:func:`within_word_matches`).
UNSPACED_SCRIPT = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")
# In those scripts a predicate and its object are at most this many characters apart: a word is
# one to four characters, so 12 is the PREDICATE_REACH of a few words ("協定書の調印", "签署了合作协议",
# "양해각서(MOU)를 체결"); a language's "reach" overrides it.
WITHIN_WORD_REACH = 12
# ... and never across these marks, which end a clause there (the sentence splitter knows only
# Western punctuation): full stops, commas, semicolons and the enumeration comma.
CLAUSE_END = re.compile("[。．！？；，、!?;\n]")
# Spans of names a predicate's object search steps over as one word (find_institutions, find_people).
NAME_SPAN_KEYS = ("institutions", "people")
# Auxiliaries of the passive, between an object and its predicate: "the agreement was signed".
PASSIVE_AUXILIARIES = frozenset({"was", "were", "been", "being", "is", "are", "be"})
# Adverbs between a passive auxiliary and its participle, besides those in -ly: "was also
# signed", "were then handed over", "has just been opened" (a closed class).
PASSIVE_ADVERBS = frozenset({"also", "then", "just", "now", "once", "thus", "later", "further"})
# A participle right before its object after one of these is an attribute of the object, no
# act: "the donated books", "the embassy's donated books", "boxes of donated books", "the signed
# memorandum" (an "-ly" adverb may stand between: "the newly donated books"). Not after a number,
# which may end a date: "on May 29 presented books".
ATTRIBUTIVE_BEFORE = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her",
                                "our", "my", "your", "of", "'s", "’s", "'", "some", "all", "any", "other",
                                # a preposition: "stocked from donated books", "filled with donated maps"
                                "from", "with", "for", "in", "on", "through", "without", "among", "many", "several"})
# Words after a participle that make it a verb, not an attribute: "the books donated to".
ATTRIBUTIVE_NOT_NOUNS = frozenset({"to", "by", "at", "in", "on", "with", "from", "for", "and", "or", "as", "over",
                                   "into", "during", "since", "under", "between", "among", "through"})
CUE_FILE = "event_cues.jsonl"
QUANTITY_FILE = "quantity_rules.jsonl"

TRIGGER_KEYS = {"id", "type", "form", "pattern"}
# Optional: "send": true marks a bare sending verb ("sent"), an exchange only when something
# says so ("in return"); beside a gift in its sentence it is part of that donation.
TRIGGER_OPTIONAL_KEYS = {"send"}
CUE_KEYS = {"id", "cue", "pattern"}
QUANTITY_KEYS = {"id", "kind", "words"}
FORMS = ("verb", "noun", "host")
CUES = ("occurrence", "finite", "auxiliary", "irrealis", "planned", "group", "pronoun", "definite", "article",
        "topic", "new_complement", "attendance")
QUANTITY_KINDS = ("approximator", "number_word", "multiplier", "excluded_unit", "what_stop",
                  "what_link", "what_article", "scope_link", "month")

# A modal or plan word blocks a verb trigger only when it ends at most this many tokens before
# it ("would be signed", "plans to visit"); 3 covers modal + auxiliary + adverb.
IRREALIS_WINDOW = 3
# ... and a noun trigger when it precedes it anywhere in the sentence or follows within this
# many tokens ("an exhibition is planned"); 4 covers "is also being planned".
NOUN_IRREALIS_AFTER = 4
# An occurrence verb backs a noun trigger only this close to it (tokens between the two spans):
# "meetings were held" (1), "an online meeting was held" (1), "took part in the trainings" (2);
# 6 keeps verb + auxiliaries + a short modifier, and drops the far items of a list
# ("projects carried out ... including shared exhibitions, ...").
OCCURRENCE_WINDOW = 6
# A noun trigger within this many tokens of its sentence's start (an article, an adjective) is
# its subject; a passive occurrence verb ("was held") up to LONG_SUBJECT_WINDOW tokens after it
# tells that it took place, the words between being the subject's modifiers.
SUBJECT_OPENING_TOKENS = 2
LONG_SUBJECT_WINDOW = 20
# An attendance verb ("took part in", "a participé à", "uczestniczyli w") this close to a
# meeting, conference or training (tokens between the two, either side: verb-final languages
# put it after, "an der Konferenz ... teilnahmen") says its subject went there: 12 allows the
# event's long name between ("took part in the 5th Nordic-Baltic Forum of School Libraries").
ATTENDANCE_WINDOW = 12
# A determiner at most this many tokens before a noun trigger ("the meeting", "this first
# visit") makes it a reference back to an event already reported.
DEFINITE_WINDOW = 1
# Not so a determiner inside a ``new_complement`` cue: what a copula or "followed by" says
# something is ("The high point of the visit was the signing of a memorandum", "The talks
# were followed by the handover of books") is told there for the first time.
# A noun trigger this close after a topic cue ("an agreement on book exchange", "met ... to
# discuss a joint exhibition") is what was talked about, not an event; 3 allows "on the new".
TOPIC_WINDOW = 3
# A "host" verb ("hosted") followed this closely by an event noun of another type ("hosted the
# webinar", "hosted an online seminar") names that event, not a visit; 3 allows "an online".
HOST_OBJECT_WINDOW = 3
# The counted noun phrase ("examples of Azerbaijani literature") is at most this many tokens;
# 6 covers the longest item descriptions in annual reports without swallowing a clause.
WHAT_MAX_TOKENS = 6
# Four-digit numbers in this range without a thousands separator are years, not counts.
YEAR_RANGE = (1000, 2100)

_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.I)
_NUMBER = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")


@dataclass(frozen=True)
class TriggerRule:
    id: str
    type: str
    form: str
    pattern: list
    send: bool = False
    language: str = "en"       # a predicate's language (patterns are English)


@dataclass(frozen=True)
class CueRule:
    id: str
    cue: str
    pattern: list


def _read_jsonl(path: Path, keys: set, required: set) -> list[dict]:
    rows = []
    for n, row in read_jsonl_rules(path, keys, required):
        row["_line"] = n
        rows.append(row)
    return rows


def _check_pattern(path: Path, row: dict) -> None:
    pattern = row["pattern"]
    if not isinstance(pattern, list) or not pattern or not all(isinstance(t, dict) for t in pattern):
        raise ModelsError(f"{path}:{row['_line']}: 'pattern' must be a non-empty list of token objects")


def load_trigger_rules(path: Path) -> list[TriggerRule]:
    """``event_triggers.jsonl`` → rules; rejects unknown keys, event types and forms."""
    rules = []
    for row in _read_jsonl(Path(path), TRIGGER_KEYS | TRIGGER_OPTIONAL_KEYS, TRIGGER_KEYS):
        if row["type"] not in EVENT_TYPES:
            raise ModelsError(f"{path}:{row['_line']}: unknown event type {row['type']!r}")
        if row["form"] not in FORMS:
            raise ModelsError(f"{path}:{row['_line']}: form must be one of {FORMS}, got {row['form']!r}")
        if not isinstance(row.get("send", False), bool):
            raise ModelsError(f"{path}:{row['_line']}: 'send' must be true or false")
        _check_pattern(path, row)
        rules.append(TriggerRule(row["id"], row["type"], row["form"], row["pattern"], row.get("send", False)))
    return rules


def load_lemma_forms(path: Path) -> dict[str, tuple[str, ...]]:
    """``lemma_forms.tsv`` (built by ``models/build_lemmas.py``) → {lemma: its inflected forms}."""
    forms: dict[str, tuple[str, ...]] = {}
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        lemma, _, rest = line.partition("\t")
        if not lemma or lemma != lemma.lower():
            raise ModelsError(f"{path}:{n}: expected 'lemma<TAB>form,form,...' with a lower-case lemma")
        forms[lemma] = tuple(f for f in rest.split(",") if f)
    return forms


def load_language_forms(path: Path, wanted: Optional[Collection] = None) -> dict[tuple[str, str, str], tuple[str, ...]]:
    """``lemma_forms_languages.tsv`` (built by ``models/build_lemmas.py``) →
    {(language, use, word): its forms, the word included}; ``use`` is predicate, object or
    particle, or shared: the predicate forms that are English words, left out of its predicate
    row ("signature", "seminar"), which count only in sentences of another language. With
    ``wanted``, a collection of such keys, only their rows are read (a few of 5,000 lines)."""
    forms: dict[tuple[str, str, str], tuple[str, ...]] = {}
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if wanted is not None and tuple(line.split("\t", 3)[:3]) not in wanted:
            continue
        parts = line.split("\t")
        if len(parts) != 4 or parts[1] not in FORM_USES or not parts[0] or parts[2] != parts[2].lower():
            raise ModelsError(f"{path}:{n}: expected 'language<TAB>{'|'.join(FORM_USES)}<TAB>word<TAB>form,form,...' "
                              "with a lower-case word")
        forms[(parts[0], parts[1], parts[2])] = tuple(f for f in parts[3].split(",") if f)
    return forms


@dataclass(frozen=True)
class PredicateRule:
    """One row of ``event_predicates.jsonl`` (in one language) with its inflections spelled out."""

    id: str
    type: str
    form: str
    finite: frozenset          # predicate forms: "signed", "hands"
    nominal: frozenset         # its -ing forms: "signing" (a noun trigger)
    particles: frozenset       # "over" of "hand over" (empty: none needed)
    objects: frozenset         # object forms; empty: the predicate alone is the trigger
    reach: int
    language: str = "en"       # not "en": object before or after the predicate, no English passive
    within_words: bool = False  # found inside tokens, reach in characters (see UNSPACED_SCRIPT)
    phrases: tuple = ()        # predicate forms of several tokens, split, longest first ("ký kết")
    object_phrases: tuple = ()  # the same of the objects ("biên bản ghi nhớ")
    shared: frozenset = frozenset()  # forms among ``finite`` that are English words too ("signature"): only
                                     # in a sentence of another language
    stops: frozenset = frozenset()   # words that end this row's object search after the predicate: the
                                     # place after "opened at the" is where, not what, was opened
    year: bool = False         # the predicate needs a year beside it, as its object: "fondée en 1971"


def _word_list(where: str, entry: dict, key: str) -> None:
    if key in entry and not (isinstance(entry[key], list) and entry[key] and all(isinstance(w, str) for w in entry[key])):
        raise ModelsError(f"{where}: {key!r} must be a non-empty list of words")


def _reach(where: str, entry: dict, default: int) -> int:
    reach = entry.get("reach", default)
    if not isinstance(reach, int) or isinstance(reach, bool) or reach < 0:
        raise ModelsError(f"{where}: 'reach' must be a whole number of tokens")
    return reach


def load_predicate_rules(path: Path, forms: dict, language_forms: Optional[dict] = None) -> list[PredicateRule]:
    """``event_predicates.jsonl`` → predicate rules, matched by :func:`predicate_matches`:
    the predicate's and the object's inflections in either order within one clause (see the
    file's header). ``language_forms`` (:func:`load_language_forms`) spells out the words of
    each row's ``languages``: one rule per row and language, id ``<row id>.<language>``."""
    rules = []
    language_forms = language_forms or {}
    for row in _read_jsonl(Path(path), PREDICATE_KEYS | PREDICATE_OPTIONAL_KEYS, PREDICATE_KEYS):
        where = f"{path}:{row['_line']}"
        if row["type"] not in EVENT_TYPES:
            raise ModelsError(f"{where}: unknown event type {row['type']!r}")
        if row["form"] not in FORMS:
            raise ModelsError(f"{where}: form must be one of {FORMS}, got {row['form']!r}")
        if "lemmas" not in row and "languages" not in row:
            raise ModelsError(f"{where}: a row needs 'lemmas' (English) or 'languages'")
        for key in ("lemmas", "objects", "particles", "stops"):
            _word_list(where, row, key)
        reach = _reach(where, row, PREDICATE_REACH)
        if "lemmas" in row:
            words = inflections(row["lemmas"], forms)
            rules.append(PredicateRule(
                row["id"], row["type"], row["form"],
                frozenset(w for w in words if not w.endswith("ing")), frozenset(w for w in words if w.endswith("ing")),
                frozenset(w.lower() for w in row.get("particles", [])),
                frozenset(inflections(row.get("objects", []), forms, nouns=True)), reach,
                stops=frozenset(w.lower() for w in row.get("stops", [])), year=row.get("year") is True))
        rules.extend(_language_rules(row, where, reach, language_forms))
    return _nouns_apart(rules)


def _language_rules(row: dict, where: str, reach: int, language_forms: dict) -> list[PredicateRule]:
    """The rules of a row's ``languages``: {"es": {"lemmas": [...], "objects": [...]}, ...}."""
    languages = row.get("languages", {})
    if not isinstance(languages, dict):
        raise ModelsError(f"{where}: 'languages' must map a language code to its lemmas")
    with_objects = {"objects" in entry for entry in languages.values() if isinstance(entry, dict)}
    if "lemmas" in row:
        with_objects.add("objects" in row)
    if len(with_objects) > 1:
        raise ModelsError(f"{where}: give 'objects' in every language of the row or in none")
    rules = []
    for lang, entry in sorted(languages.items()):
        if lang == "en" or not isinstance(entry, dict):
            raise ModelsError(f"{where}: languages[{lang!r}] must be an object of lemmas (English: the row's own keys)")
        unknown = set(entry) - LANGUAGE_KEYS - LANGUAGE_OPTIONAL_KEYS
        if unknown or not LANGUAGE_KEYS <= set(entry):
            raise ModelsError(f"{where}: languages[{lang!r}] takes {sorted(LANGUAGE_KEYS | LANGUAGE_OPTIONAL_KEYS)} "
                              f"and needs {sorted(LANGUAGE_KEYS)}")
        for key in ("lemmas", "objects", "particles", "stops"):
            _word_list(f"{where}: languages[{lang!r}]", entry, key)

        def spelled(words, use):
            out = set()
            for word in words:
                key = (lang, use, word.lower())
                if key not in language_forms:
                    raise ModelsError(f"{where}: {lang} {use} {word!r} is not in {LANGUAGE_FORMS_FILE}; "
                                      "run models/build_lemmas.py (needs spacy-lookups-data)")
                out.update(language_forms[key])
            return frozenset(out)

        finite, objects = spelled(entry["lemmas"], "predicate"), spelled(entry.get("objects", []), "object")
        shared = frozenset(f for word in entry["lemmas"] for f in language_forms.get((lang, "shared", word.lower()), ())
                           if " " not in f) - finite
        finite, objects, shared = (apostrophe_spellings(lang, words) for words in (finite, objects, shared))
        finite = finite | shared
        within = bool(finite) and all(UNSPACED_SCRIPT.search(w) for w in finite)
        rules.append(PredicateRule(
            f"{row['id']}.{lang}", row["type"], row["form"], finite, frozenset(),
            apostrophe_spellings(lang, spelled(entry.get("particles", []), "particle")), objects,
            _reach(f"{where}: languages[{lang!r}]", entry, WITHIN_WORD_REACH if within else reach), lang,
            within, () if within else _phrases(finite), () if within else _phrases(objects), shared,
            frozenset(w.lower() for w in entry.get("stops", [])), row.get("year") is True))
        if lang == "hr" and "sr" not in languages:
            # Serbian is written in Cyrillic too: the Croatian/Serbian Latin forms, transliterated
            latin = rules[-1]

            def cyr(words):
                return frozenset(serbian_cyrillic(w) for w in words)

            rules.append(PredicateRule(
                f"{row['id']}.sr", latin.type, latin.form, cyr(latin.finite), frozenset(), cyr(latin.particles),
                cyr(latin.objects), latin.reach, "sr", latin.within_words, _phrases(cyr(latin.finite)),
                _phrases(cyr(latin.objects)), cyr(latin.shared), cyr(latin.stops), latin.year))
    return rules


# Letters written with a modifier apostrophe, and the marks that print and web text use for it
# instead: Uzbek Latin oʻ and gʻ (U+02BB) appear as o‘, o’, o' and o` as often as not.
_APOSTROPHE_LETTERS = {"uz": ("ʻ", ("‘", "’", "'", "`", "ʼ"))}


def apostrophe_spellings(lang: str, words: frozenset) -> frozenset:
    """``words`` and, in a language of ``_APOSTROPHE_LETTERS``, each of them spelled with the
    other marks for its modifier apostrophe ("sovgʻa" → "sovg‘a", "sovg'a" …)."""
    mark, others = _APOSTROPHE_LETTERS.get(lang, (None, ()))
    if mark is None:
        return words
    return words | frozenset(w.replace(mark, other) for w in words if mark in w for other in others)


# Serbian Latin to Cyrillic, one to one (the digraphs first).
_SERBIAN_DIGRAPHS = (("lj", "љ"), ("nj", "њ"), ("dž", "џ"))
_SERBIAN_LETTERS = str.maketrans("abcčćdđefghijklmnoprsštuvzž", "абцчћдђефгхијклмнопрсштувзж")


def serbian_cyrillic(word: str) -> str:
    """A lower-case Serbian word in Latin letters written in Cyrillic ("potpisali" → "потписали")."""
    for latin, cyrillic in _SERBIAN_DIGRAPHS:
        word = word.replace(latin, cyrillic)
    return word.translate(_SERBIAN_LETTERS)


def _phrases(words) -> tuple:
    """The words of several tokens ("ký kết", "tanda tangan"), split, longest first: languages
    that write a word as several tokens (Vietnamese syllables) list it so."""
    return tuple(sorted((tuple(w.split()) for w in words if " " in w), key=lambda p: (-len(p), p)))


def _form_at(lower: list, i: int, forms: frozenset, phrases: tuple) -> int:
    """How many tokens the longest of ``forms`` starting at token ``i`` takes (0: none)."""
    for parts in phrases:
        if tuple(lower[i:i + len(parts)]) == parts:
            return len(parts)
    return 1 if lower[i] in forms else 0


def _nouns_apart(rules: list) -> list[PredicateRule]:
    """A word that a ``noun`` rule of a language names is that noun, not a form of one of the
    language's verb rules of the same type: the lookup tables lemmatise Spanish "visita" and
    German "Treffen" to their verbs, and "la visita de" needs support like "visit". A verb rule
    that takes a particle keeps it (Turkish "ziyaret etti" against the noun "ziyaret")."""
    nouns: dict[tuple[str, str], set] = {}
    for rule in rules:
        if rule.language != "en" and rule.form == "noun":
            nouns.setdefault((rule.language, rule.type), set()).update(rule.finite)
    out = []
    for rule in rules:
        taken = nouns.get((rule.language, rule.type), set())
        if rule.language != "en" and rule.form != "noun" and not rule.particles and rule.finite & taken:
            finite = rule.finite - taken
            rule = replace(rule, finite=finite, phrases=() if rule.within_words else _phrases(finite))
        out.append(rule)
    return out


def inflections(words, forms: dict, nouns: bool = False) -> list[str]:
    """The words and every inflected form of each (``nouns``: no verb forms)."""
    out = set()
    for word in words:
        word = word.lower()
        out.add(word)
        out.update(f for f in forms.get(word, ()) if not (nouns and f.endswith(VERB_ENDINGS)))
    return sorted(out)


def predicate_index(rules: list) -> dict[str, list]:
    """{predicate form: the rules it is a predicate of, in file order}: what
    :func:`predicate_matches` looks each token up in."""
    index: dict[str, list] = {}
    for rule in rules:
        if rule.within_words:
            continue                                   # found inside tokens: within_word_index
        for word in sorted(rule.finite | rule.nominal):
            first = word.split()[0]                     # a form of several tokens by its first
            if not index.get(first) or index[first][-1] is not rule:
                index.setdefault(first, []).append(rule)
    return index


# The predicate rules' prebuilt table (pipeline/prebuilt.py): each rule's fields, and
# :func:`predicate_index` with the rules as positions in that list.
PREDICATES_TABLE = "predicates"


def load_predicates(models_dir=None) -> tuple[list, dict]:
    """(predicate rules, their :func:`predicate_index`) of the rules folder ``models_dir``: its
    prebuilt table when built from these files and this code, else :func:`derive_predicates`."""
    from coopextract.pipeline.prebuilt import read_table

    table = read_table(models_dir or default_models_dir(), PREDICATES_TABLE, predicates_key(models_dir))
    if table is None:
        return derive_predicates(models_dir)
    rules = [PredicateRule(*values) for values in table["rules"]]
    found = [[rules[i] for i in at] for at in table["found"]]     # words of the same rules share a list
    return rules, {word: found[i] for word, i in table["index"].items()}


def derive_predicates(models_dir=None) -> tuple[list, dict]:
    """(predicate rules, their :func:`predicate_index`) read from the files of ``models_dir``."""
    forms = load_lemma_forms(models_path(FORMS_FILE, models_dir))
    language_forms = load_language_forms(models_path(LANGUAGE_FORMS_FILE, models_dir))
    rules = load_predicate_rules(models_path(PREDICATE_FILE, models_dir), forms, language_forms)
    return rules, predicate_index(rules)


def predicates_key(models_dir=None) -> Optional[str]:
    """The key of the predicates' prebuilt table: their files, the event types they are
    checked against, and the code that reads them."""
    import sys

    from coopextract import event_types, rules
    from coopextract.pipeline.prebuilt import table_key

    folder = Path(models_dir) if models_dir else default_models_dir()
    files = [folder / name for name in (PREDICATE_FILE, FORMS_FILE, LANGUAGE_FORMS_FILE)]
    return table_key(PREDICATES_TABLE, [*files, default_models_dir() / event_types.FILE],
                     [sys.modules[__name__], rules, event_types])


def predicates_table(rules: list, index: dict) -> dict:
    """What :func:`load_predicates` reads back: each rule's fields; the index as its distinct
    lists of rules (by their positions) and the list of each word (by its position)."""
    at = {id(rule): i for i, rule in enumerate(rules)}
    found: dict[tuple, int] = {}
    same = {w: w for rule in rules for words in (rule.finite, rule.nominal) for w in words}   # one string, stored once
    positions = {same.get(word, word): found.setdefault(tuple(at[id(rule)] for rule in rules_of), len(found))
                 for word, rules_of in index.items()}
    return {"rules": [tuple(getattr(rule, f.name) for f in fields(rule)) for rule in rules],
            "found": [list(key) for key in found], "index": positions}


# A year as a token: "1971", and with a case ending or its ordinal stop written on ("1971'de",
# "1971-ben", "1669.").
YEAR_TOKEN = re.compile(r"^(1[0-9]|20)\d\d(?:['’-]\w+|\.)?$")
# How far before a predicate its year may stand ("1971 gegründet", "1971 yılında kurulan").
YEAR_BEFORE = 2


def _year_beside(lower: list, i: int, j: int, starts: list, reach: int) -> Optional[int]:
    """The token of a year within ``reach`` tokens after the predicate ``lower[i:j]`` ("fondée
    en 1971", "ιδρύθηκε το 1962", "založena v roce 1971") or right before it ("1971 gegründet"),
    in its sentence; None when there is none."""
    for k in range(j, min(len(lower), j + reach + 1)):
        if starts[k] or lower[k] in (",", ";"):
            break
        if YEAR_TOKEN.match(lower[k]):
            return k
    for k in range(i - 1, max(-1, i - 1 - YEAR_BEFORE), -1):
        if YEAR_TOKEN.match(lower[k]):
            return k
        if starts[k]:
            break
    return None


def predicate_matches(doc: Doc, index: dict, stops: frozenset = frozenset(),
                      measures: frozenset = frozenset(), articles: frozenset = frozenset(),
                      passives: frozenset = frozenset()) -> list[tuple[int, int, str]]:
    """(start, end, rule id) of every predicate-class trigger (``index``: the
    :func:`predicate_index` of the rules), one linear pass:
    the predicate (+ its particle) alone, or with the nearest object of its class after it
    (not across "of": "presented the restoration of the manuscripts" presents no manuscripts,
    except after a measure or container of ``measures``: "received 40 boxes of books")
    or, in the passive, before it ("the memorandum ... was signed", "the books were officially
    handed over", up to ``PASSIVE_REACH``). The -ing form is a nominal ("the signing of the
    agreement", "a signing ceremony"): form "noun", which needs a date or an occurrence verb
    like any noun trigger, and takes "of". A particle may follow an indefinite article of
    ``articles`` ("a fait un don", "hizo una donación"). In other languages the object may stand
    before the predicate, up to ``PASSIVE_REACH`` after one of the auxiliaries ``passives`` ("le
    mémorandum … a été signé"). Nothing crosses a sentence start or a semicolon."""
    lower = words_of(doc)[1]
    n = len(lower)
    hits = [i for i, word in enumerate(lower) if word in index]       # few tokens are predicates
    if not hits:
        return []
    # Token.is_sent_start is true where SENT_START is 1 (-1 not a start, 0 unknown), read from one array
    starts = [flag == 1 for flag in doc.to_array(SENT_START).astype("int64").tolist()] \
        if doc.has_annotation("SENT_START") else [False] * n
    # a name between a predicate and its object counts as one word ("presented to the National
    # Library of Latvia a collection of maps"): its first token → its end
    names = {span.start: span.end for key in NAME_SPAN_KEYS if key in doc.spans for span in doc.spans[key]
             if span.end - span.start > 1}
    # so does a date ("celebraram em 7 de Dezembro de 2011 um protocolo")
    dates = {span.start: span.end for span in doc.spans["dates"] if span.end - span.start > 1} \
        if "dates" in doc.spans else {}
    out = []
    for i in hits:
        word = lower[i]
        for rule in index[word]:
            foreign = rule.language != "en"
            nominal = word in rule.nominal
            size = _form_at(lower, i, rule.finite | rule.nominal, rule.phrases) if rule.phrases else 1
            if not size:
                continue
            j = i + size
            if rule.particles:
                if j + 1 < n and lower[j] in articles and lower[j + 1] in rule.particles:
                    j += 1                  # "a fait un don": the article before the particle
                if j >= n or lower[j] not in rule.particles:
                    continue
                j += 1
            if rule.year:
                k = _year_beside(lower, i, j, starts, rule.reach)
                if k is not None:
                    out.append((min(i, k), max(j, k + 1), f"{rule.id}.finite.participle"))
                continue
            if not rule.objects:
                out.append((i, j, f"{rule.id}.{'nominal' if nominal else 'finite'}"))
                continue
            after = False
            k, steps = j, 0
            while k < n and steps <= rule.reach:
                if starts[k] or lower[k] == ";":
                    break
                if k in dates:
                    k, steps = dates[k], steps + 1
                    continue
                if k in names and not foreign:
                    if any(lower[t] in rule.objects for t in range(k, names[k])):   # "called at the X Library"
                        out.append((i, names[k], f"{rule.id}.{'nominal' if nominal else 'finite'}.predicate_first"))
                        after = True
                        break
                    k, steps = names[k], steps + 1
                    continue
                if lower[k] == "of" and not nominal and not foreign and not (k > j and lower[k - 1] in measures):
                    break
                size = _form_at(lower, k, rule.objects, rule.object_phrases) if rule.object_phrases else lower[k] in rule.objects
                if not size and (lower[k] in stops or lower[k] in rule.stops):
                    break           # "received training ... in legal materials": the training was received
                if not size and rule.language in COMPOUNDING_LANGUAGES:
                    size = _compound_of(lower[k], rule)      # "das Buchgeschenk übergab"
                if size:
                    out.append((i, k + size, f"{rule.id}.{'nominal' if nominal else 'finite'}.predicate_first"))
                    after = True
                    break
                k, steps = k + 1, steps + 1
            if nominal:
                continue
            if foreign:
                # free word order and verb-final clauses ("kitap bağışladı", "umowa została
                # podpisana"): the object may stand before the predicate, auxiliary or not; before
                # an event noun only where a noun's complement comes first ("kütüphanenin açılışı")
                if not after and (rule.form != "noun" or rule.language in HEAD_FINAL_LANGUAGES):
                    if rule.form == "noun":
                        back = HEAD_FINAL_NOUN_REACH      # its complement, not any word before it
                    else:
                        back = max(rule.reach, PASSIVE_REACH) if i and lower[i - 1] in passives else rule.reach
                    for k in range(i - 1, max(-1, i - 1 - back), -1):
                        if starts[k + 1] or lower[k] == ";":
                            break
                        if _form_at(lower, k, rule.objects, rule.object_phrases) or (
                                rule.language in COMPOUNDING_LANGUAGES and _compound_of(lower[k], rule)):
                            out.append((k, j, f"{rule.id}.finite.object_first"))
                            break
                continue
            aux = i - 1
            if aux >= 0 and (lower[aux].endswith("ly") or lower[aux] in PASSIVE_ADVERBS) and not starts[i]:
                aux -= 1                                   # "were officially handed over", "was also signed"
            if (aux >= 1 and lower[aux] == "," and lower[aux - 1] in rule.objects and not starts[aux]
                    and word.endswith(PARTICIPLE_ENDINGS)):
                out.append((aux - 1, j, f"{rule.id}.finite.passive"))  # set off as a clause: "the memorandum, signed by ..."
                continue
            if aux >= 0 and lower[aux] in rule.objects and not starts[aux + 1] and word.endswith(PARTICIPLE_ENDINGS):
                out.append((aux, j, f"{rule.id}.reduced"))   # "agreement signed with ...": needs support
                continue
            if aux < 0 or lower[aux] not in PASSIVE_AUXILIARIES or starts[aux + 1]:
                continue
            relative = aux >= 1 and lower[aux - 1] in RELATIVE_PRONOUNS
            for k in range(aux - 1, max(-1, aux - 1 - max(rule.reach, PASSIVE_REACH)), -1):
                if lower[k] == ";" or (starts[k + 1] and k + 1 <= aux):
                    break
                if relative and k < aux - 1 and lower[k].endswith("ed"):
                    # the passive's subject is a relative pronoun ("the books, which were
                    # received"): its antecedent is in the noun phrase before it, not past the
                    # verb of the clause that holds that phrase ("X donated the books, which …")
                    break
                if lower[k] in rule.objects:
                    out.append((k, j, f"{rule.id}.finite.passive"))
                    break
    return out


# Languages whose noun phrases end in their head, the complement before it: "the library's
# opening" is "kütüphanenin açılışı" (Turkish), "a könyvtár megnyitása" (Hungarian), "kirjaston
# avajaiset" (Finnish), so an event noun's object may stand before it.
HEAD_FINAL_LANGUAGES = frozenset({"tr", "az", "uz", "kk", "ky", "tk", "hu", "fi", "et", "mn", "hy", "ka", "bn", "hi", "ur", "ne"})
# There the complement stands right before the noun, or with one word between ("kütüphanenin
# resmi açılışı", the library's official opening).
HEAD_FINAL_NOUN_REACH = 2

# Languages that write a compound noun as one word: a word ending in an object of the rule is
# that object ("Buchgeschenk" is a gift, "boekenpakket" a parcel of books).
COMPOUNDING_LANGUAGES = frozenset({"de", "nl", "sv"})
# The shortest object a compound may end in, and the shortest part before it.
COMPOUND_MIN_OBJECT, COMPOUND_MIN_PREFIX = 4, 3
_COMPOUND_ENDINGS: dict = {}


def _compound_of(word: str, rule) -> bool:
    endings = _COMPOUND_ENDINGS.get(rule.id + rule.language)
    if endings is None:
        endings = _COMPOUND_ENDINGS[rule.id + rule.language] = tuple(
            o for o in rule.objects if " " not in o and len(o) >= COMPOUND_MIN_OBJECT)
    return len(word) > COMPOUND_MIN_PREFIX + COMPOUND_MIN_OBJECT and word.endswith(endings) and word.isalpha()


# A number of years and the word "anniversary" right after a predicate word in an unspaced script.
_ANNIVERSARY_AFTER = re.compile(r"\s?\d+\s?(?:주년|周年|週年)")


@dataclass(frozen=True)
class WithinWordIndex:
    """What :func:`within_word_matches` searches: one alternation of every predicate word of the
    rules found inside tokens, the rules of each word, and each rule's objects as one alternation."""

    predicates: "re.Pattern"
    rules: dict        # {predicate word: [(word, rule), ...]}: its rules and those of the words it begins with
    objects: dict      # {rule id: re.Pattern of its objects}
    masks: frozenset = frozenset()   # words holding an object word that are not that object ("見学会", a tour, holds 学会)


def _alternation(words) -> "re.Pattern":
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))))


def _attributive(doc: Doc, start: int) -> bool:
    """Whether the trigger at ``start`` opens with a participle that is an attribute of the noun
    after it (see ``ATTRIBUTIVE_BEFORE``): "the donated books", "the signed memorandum"; not "the
    embassy donated books", "the books donated to", "was signed"."""
    word = doc[start]
    if not (word.is_lower and word.is_ascii and word.text.endswith(PARTICIPLE_ENDINGS)) or start + 1 >= len(doc):
        return False
    after = doc[start + 1]
    if not (after.is_alpha and after.is_lower) or after.text in ATTRIBUTIVE_NOT_NOUNS:
        return False
    k = start - 1
    if k >= 0 and doc[k].lower_.endswith("ly") and not doc[k + 1].is_sent_start:
        k -= 1
    return k >= 0 and not doc[k + 1].is_sent_start and doc[k].lower_ in ATTRIBUTIVE_BEFORE


def within_word_index(rules: list, masks: frozenset = frozenset()) -> Optional[WithinWordIndex]:
    """The :class:`WithinWordIndex` of the rules with ``within_words`` (None: there are none).
    ``masks``: words that hold an object word but name something else; each rule's alternation
    finds them first where they stand, so the object inside them is not read."""
    found = [r for r in rules if r.within_words]
    if not found:
        return None
    by_word: dict[str, list] = {}
    for rule in found:
        for word in sorted(rule.finite):
            by_word.setdefault(word, []).append(rule)
    # the alternation finds the longest word at a place ("調印式"); the shorter ones it begins
    # with ("調印", another rule's) are found with it
    with_prefixes = {word: [(w, r) for w in sorted(by_word, key=len) if word.startswith(w) for r in by_word[w]]
                     for word in by_word}
    # a lookahead: a match at every character, so words that overlap are all found
    return WithinWordIndex(re.compile(f"(?=({_alternation(by_word).pattern}))"), with_prefixes,
                           {r.id: _alternation(r.objects | {m for m in masks if any(o in m for o in r.objects)})
                            for r in found if r.objects}, frozenset(masks))


def _lower_in_place(text: str) -> str:
    """``text`` in lower case, each character keeping its offset ("İ" lowers to two)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


# Title brackets of Chinese, Japanese and Korean ("《…》", "「…」", "『…』", "〈…〉"), how far
# from the predicate the title may open or close (a particle between: "签署了《", "協定」を締結"),
# and the longest title read.
TITLE_OPEN, TITLE_CLOSE = "《「『〈", "》」』〉"
TITLE_GAP, TITLE_MAX = 2, 60


def _title_end(text: str, end: int, limit: int) -> int:
    """The end of a bracketed title opening within ``TITLE_GAP`` characters after ``end``, else ``end``."""
    for k in range(end, min(end + TITLE_GAP + 1, limit)):
        if text[k] in TITLE_OPEN:
            close = text.find(TITLE_CLOSE[TITLE_OPEN.index(text[k])], k, min(limit, k + TITLE_MAX))
            return close + 1 if close >= 0 else end
    return end


def _title_start(text: str, start: int, limit: int) -> int:
    """The start of a bracketed title closing within ``TITLE_GAP`` characters before ``start``, else ``start``."""
    for k in range(start - 1, max(start - TITLE_GAP - 2, limit - 1), -1):
        if text[k] in TITLE_CLOSE:
            opening = text.rfind(TITLE_OPEN[TITLE_CLOSE.index(text[k])], max(limit, k - TITLE_MAX), k)
            return opening if opening >= 0 else start
    return start


# A year and its counter right before a predicate written inside its clause, with the particle
# of time that may follow ("1914年に", "1909년에", "1998年"), at most CJK_YEAR_REACH characters
# back, for the rows that need a year (``PredicateRule.year``).
CJK_YEAR_BEFORE = re.compile(r"(?:1[0-9]|20)\d\d\s*[年년]\s*(?:に|에|には|에는)?\s*$")
CJK_YEAR_REACH = 10


def within_word_matches(doc: Doc, index: Optional[WithinWordIndex]) -> list[tuple[int, int, str]]:
    """(start, end, rule id) of the triggers found inside tokens, in scripts the tokenizer leaves
    a clause of as one token (see ``UNSPACED_SCRIPT``): each predicate word where it occurs in the
    text, alone or with the nearest object of its class before or after it within the rule's
    reach (characters) and its clause ("協定書の調印", "签署了合作协议", "MOU를 체결"). The character
    span is widened to whole tokens (``Doc.char_span(alignment_mode="expand")``): the tokens stay
    as every other component saw them. A text without such a script is not searched; otherwise
    one pass over the text and a bounded window per predicate hit: linear."""
    if index is None:
        return []
    text = text_of(doc)
    if not UNSPACED_SCRIPT.search(text):
        return []
    lowered = _lower_in_place(text)
    bounds = sorted({0, len(text)} | {m.start() for m in CLAUSE_END.finditer(text)}
                    | ({s.start_char for s in doc.sents} if doc.has_annotation("SENT_START") else set()))
    seen, out = set(), []
    for hit in index.predicates.finditer(lowered):
        if hit.start() and lowered[hit.start() - 1].isdigit():
            continue        # a counter after a number ("7개관": seven halls), no predicate
        for word, rule in index.rules[hit.group(1)]:
            start, end = hit.start(), hit.start() + len(word)
            if _ANNIVERSARY_AFTER.match(lowered, end):
                continue    # "개관 10주년", "成立10周年": the anniversary of the act, not the act
            clause_start = bounds[bisect_right(bounds, start) - 1]
            clause_end = bounds[bisect_left(bounds, end)]
            if rule.year:
                # the year written right before it: "1914年に設置", "1909년에 설립", "1998年成立"
                year = CJK_YEAR_BEFORE.search(lowered, max(clause_start, start - CJK_YEAR_REACH), start)
                if year is None:
                    continue
                span = doc.char_span(year.start(), end, alignment_mode="expand")
            elif rule.objects:
                pattern = index.objects[rule.id]
                # a title in brackets next to the predicate is one word, however long:
                # "签署了《两馆交流项目协议书》", "《…协议书》签字仪式"
                low_end = min(_title_start(text, start, clause_start), start - rule.reach)
                high_end = max(_title_end(text, end, clause_end), end + rule.reach)
                before = [m for m in pattern.finditer(lowered, max(clause_start, low_end), start)
                          if m.group() not in index.masks]
                after = next((m for m in pattern.finditer(lowered, end, min(clause_end, high_end))
                              if m.group() not in index.masks), None)
                near = min([m for m in (before[-1:] + [after]) if m is not None],
                           key=lambda m: gap(m.start(), m.end(), start, end), default=None)
                if near is None:
                    continue
                span = doc.char_span(min(start, near.start()), max(end, near.end()), alignment_mode="expand")
            else:
                span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and (span.start, span.end, rule.id) not in seen:
                seen.add((span.start, span.end, rule.id))
                out.append((span.start, span.end, f"{rule.id}.finite.participle" if rule.year else f"{rule.id}.finite"))
    return out


def load_cue_rules(path: Path) -> list[CueRule]:
    """``event_cues.jsonl`` → rules; rejects unknown keys and cue kinds."""
    rules = []
    for row in _read_jsonl(Path(path), CUE_KEYS, CUE_KEYS):
        if row["cue"] not in CUES:
            raise ModelsError(f"{path}:{row['_line']}: cue must be one of {CUES}, got {row['cue']!r}")
        _check_pattern(path, row)
        rules.append(CueRule(row["id"], row["cue"], row["pattern"]))
    return rules


@dataclass(frozen=True)
class QuantityRules:
    approximators: tuple  # tuples of lower-case words, longest first
    number_words: dict
    multipliers: dict
    excluded_units: frozenset
    what_stop: frozenset
    what_link: frozenset
    what_article: frozenset    # skipped after a what_link word: "copies of the books"
    scope_link: frozenset
    months: frozenset


def load_quantity_rules(path: Path) -> QuantityRules:
    """``quantity_rules.jsonl`` → word lists; every kind must be present exactly once."""
    kinds: dict = {}
    for row in _read_jsonl(Path(path), QUANTITY_KEYS, QUANTITY_KEYS):
        kind, words = row["kind"], row["words"]
        if kind not in QUANTITY_KINDS:
            raise ModelsError(f"{path}:{row['_line']}: kind must be one of {QUANTITY_KINDS}, got {kind!r}")
        if kind in kinds:
            raise ModelsError(f"{path}:{row['_line']}: kind {kind!r} given twice")
        valued = kind in ("number_word", "multiplier")
        if valued and not (isinstance(words, dict) and all(isinstance(v, int) for v in words.values())):
            raise ModelsError(f"{path}:{row['_line']}: {kind} words must map each word to an integer")
        if not valued and not (isinstance(words, list) and all(isinstance(w, str) for w in words)):
            raise ModelsError(f"{path}:{row['_line']}: {kind} words must be a list of strings")
        kinds[kind] = {w.lower(): v for w, v in words.items()} if valued else [w.lower() for w in words]
    missing = set(QUANTITY_KINDS) - set(kinds)
    if missing:
        raise ModelsError(f"{path}: missing kinds {sorted(missing)}")
    approx = sorted({tuple(w.split()) for w in kinds["approximator"]}, key=len, reverse=True)
    return QuantityRules(
        approximators=tuple(approx),
        number_words=kinds["number_word"],
        multipliers=kinds["multiplier"],
        excluded_units=frozenset(kinds["excluded_unit"]),
        what_stop=frozenset(kinds["what_stop"]),
        what_link=frozenset(kinds["what_link"]),
        what_article=frozenset(kinds["what_article"]),
        scope_link=frozenset(kinds["scope_link"]),
        months=frozenset(kinds["month"]),
    )


# ---------------------------------------------------------------- triggers (pure over a Doc)


def find_triggers(doc: Doc, trigger_matcher: Union[Matcher, AnchoredMatcher],
                  cue_matcher: Union[Matcher, AnchoredMatcher],
                  rules: dict, cues: dict, predicates: Optional[dict] = None,
                  within: Optional[WithinWordIndex] = None,
                  english: Optional[tuple] = None, object_stops: frozenset = frozenset(),
                  object_measures: frozenset = frozenset(),
                  particle_articles: frozenset = frozenset(),
                  passive_auxiliaries: frozenset = frozenset(),
                  shared: Optional[dict] = None, venues: Optional[tuple] = None,
                  host_things: frozenset = frozenset(),
                  met_needs: frozenset = frozenset()) -> list[tuple[int, int, dict]]:
    """(start token, end token, event dict) of every trigger; the longest match per type wins
    where matches of one type overlap. Cues are matched only in the sentences that hold a
    trigger (the only ones they are read in). An
    :class:`~coopextract.pipeline.matchwindows.AnchoredMatcher` as ``trigger_matcher`` runs each
    group of patterns on its own anchor's windows only, one as ``cue_matcher`` on the windows
    inside each such sentence: the matches of one Matcher, found faster."""
    by_type: dict[str, list[Span]] = {}
    sentence_starts = doc.has_annotation("SENT_START")
    matches = trigger_matcher(doc)
    not_english = not_english_sentences(doc, english) if english else None
    for match_id, start, end in matches:
        if sentence_starts and any(doc[i].is_sent_start for i in range(start + 1, end)):
            continue  # a trigger states its event within one sentence ("signed a memorandum. The memorandum")
        rule = rules[doc.vocab.strings[match_id]]
        if not_english is not None and not_english(start) and not (
                rule.form == "noun" and _in_english_title(doc, start, end)):
            continue  # an English pattern in another language's sentence: French "met", Dutch "met"
        span = Span(doc, start, end, label=rule.id)
        by_type.setdefault(rule.type, []).append(span)
    lower = words_of(doc)[1]
    for start, end, rule_id in predicate_matches(doc, predicates or {}, object_stops, object_measures, particle_articles,
                                                 passive_auxiliaries) + within_word_matches(doc, within):
        if not_english is not None and _english_rule(rule_id) and not_english(start):
            continue
        forms = shared.get(rule_id) if shared else None
        if forms and any(lower[k] in forms for k in range(start, end)) and not (not_english is not None and not_english(start)):
            continue  # a foreign predicate that is an English word too ("signature", "seminar"): another language's sentence only
        by_type.setdefault(rules[rule_id].type, []).append(Span(doc, start, end, label=rule_id))
    if not by_type:
        return []
    kept = [span for spans in by_type.values() for span in filter_spans(spans)]
    if "institutions" in doc.spans and any(rules[s.label_].type == "founding" for s in kept):
        kept = _not_name_heads(doc, kept, rules)
    # A trigger inside a longer trigger of another type ("Meeting" in "Annual Meeting") is
    # part of that one's wording, not an event of its own.
    inside = _strictly_inside({(s.start, s.end) for s in kept})
    kept = [s for s in kept if (s.start, s.end) not in inside and not (rules[s.label_].form != "noun"
                                                                        and _attributive(doc, s.start))]
    if venues:                      # "exhibition halls", "salle de conférence": a room, not an event
        after, before = venues
        kept = [s for s in kept if not (rules[s.label_].form == "noun" and (
            (s.end < len(lower) and lower[s.end] in after)
            or (s.start >= 1 and lower[s.start - 1] in before)
            or (s.start >= 2 and lower[s.start - 2] in before and lower[s.start - 1] in _VENUE_LINKS)))]
    if host_things:                 # "hosted an American Shelf", "welcomed the opportunity": no guest
        kept = [s for s in kept if not (rules[s.label_].form == "host" and _hosts_a_thing(lower, s.end, host_things))]
    if met_needs:                   # "met the needs of readers", "meeting new users' expectations": no meeting
        kept = [s for s in kept if not (rules[s.label_].type == "meeting" and lower[s.end - 1] in _MEET_FORMS
                                        and _meets_a_need(lower, s.end, met_needs))]
    kept = [s for s in kept if not (rules[s.label_].form == "host" and any(
        rules[o.label_].form == "noun" and rules[o.label_].type != rules[s.label_].type
        and (0 <= o.start - s.end <= HOST_OBJECT_WINDOW or _passive_subject(lower, o, s)) for o in kept))]
    if any(rules[s.label_].form == "host" for s in kept):
        event_ends = {(o.end, rules[o.label_].type) for o in kept if rules[o.label_].form != "host"}
        kept = [s for s in kept if not (rules[s.label_].form == "host" and _hosted_thing_before(
            lower, s, host_things, {e for e, t in event_ends if t != rules[s.label_].type}))]
    found = []
    has_sents = doc.has_annotation("SENT_START")
    sent_cues: dict[tuple[int, int], list[tuple[str, int, int]]] = {}
    for span in kept:
        rule = rules[span.label_]
        sent = span.sent if has_sents else doc[:]
        key = (sent.start, sent.end)
        if key not in sent_cues:
            sent_cues[key] = [(cues[doc.vocab.strings[m]].cue, s, e) for m, s, e in (
                cue_matcher(doc, sent.start, sent.end) if isinstance(cue_matcher, AnchoredMatcher)
                else ((m, sent.start + s, sent.start + e) for m, s, e in cue_matcher(doc[sent.start:sent.end])))]
        in_sent = sent_cues[key]
        # a reduced relative ("an agreement signed on Monday") states a done act as a verb does:
        # a modal of another clause earlier in the sentence does not govern it
        modality = _modality("verb" if span.label_.endswith(".reduced") else rule.form, span.start, span.end, in_sent)
        definite = {c for c, s, e in in_sent if c in ("definite", "article") and e <= span.start
                    and span.start - e <= DEFINITE_WINDOW
                    and not any(n == "new_complement" and ns <= s and e <= ne for n, ns, ne in in_sent)}
        found.append((span.start, span.end, {
            "type": rule.type,
            "rule": rule.id,
            "form": rule.form,
            "language": rule.language,
            "send": rule.send,
            # the object (the subject of a passive) stands before its predicate: "The library,
            # which was built in 1990, was opened ..." (what may stand between is set off)
            "object_first": span.label_.endswith((".passive", ".object_first")),
            # a participle of the passive with its year ("fondée en 1971"): what stands before it was founded
            "participle": span.label_.endswith(".participle"),
            "occurrence": _occurs(span.start, span.end, in_sent, sent.start),
            "definite": bool(definite),
            # only another language's definite article stands before it ("la donación"): it refers
            # back as "the" does, but a sentence saying it took place may still tell it first
            "article": bool(definite) and "definite" not in definite,
            "topic": rule.form == "noun" and any(c == "topic" and e <= span.start and span.start - e <= TOPIC_WINDOW
                                                 for c, s, e in in_sent),
            "possessive": span.end < len(doc) and doc[span.end].lower_ in ("'s", "’s"),
            "irrealis": modality is not None,
            "modality": modality,
            "past": any(c in ("occurrence", "finite", "attendance") for c, _, _ in in_sent),
            "group": any(c == "group" for c, _, _ in in_sent),
            "pronoun": any(c == "pronoun" for c, _, _ in in_sent),
            "attendance": any(c == "attendance" and gap(s, e, span.start, span.end) <= ATTENDANCE_WINDOW
                              for c, s, e in in_sent),
        }))
    return sorted(found, key=lambda f: (f[0], f[1], f[2]["type"]))


# Words after a host verb that end its object: "welcomed them to the reception", "hosted by".
_HOST_GUEST_LINKS = frozenset({"to", "by", "at", "with", "for", ",", "and"})


# The forms of "meet" that also mean "satisfy" before an object ("met the needs").
_MEET_FORMS = frozenset({"met", "meet", "meets", "meeting"})
# Words that end the object a "meet" can take, so that a need after them is no object of it
# ("a meeting with the needs assessment team", "a meeting on library standards").
_MEET_LINKS = frozenset({"to", "by", "at", "with", "for", "of", "on", "in", "between", "about", ",", ";", ":", "was",
                         "were", "is", "are", "will", "took", "held"})
MEET_OBJECT_WINDOW = 5


def _object_in(lower: list, end: int, window: int, links: frozenset, words: frozenset) -> bool:
    """Whether a word of ``words`` follows ``end`` within ``window`` words, before any of ``links``
    (a preposition or verb that ends the object of the verb ending at ``end``)."""
    for k in range(end, min(len(lower), end + window)):
        if lower[k] in links:
            return False
        if lower[k] in words:
            return True
    return False


def _meets_a_need(lower: list, end: int, needs: frozenset) -> bool:
    """A "met"/"meeting" ending at ``end`` whose object, within ``MEET_OBJECT_WINDOW`` words
    and before any preposition or verb, is a need, a standard or a challenge (``met_needs``):
    it satisfies something, it is no meeting."""
    return _object_in(lower, end, MEET_OBJECT_WINDOW, _MEET_LINKS, needs)


def _hosts_a_thing(lower: list, end: int, things: frozenset) -> bool:
    """A host verb ending at ``end`` whose object, within ``HOST_OBJECT_WINDOW`` words, is a
    thing, an idea or a production (``host_things``), not a guest."""
    return _object_in(lower, end, HOST_OBJECT_WINDOW, _HOST_GUEST_LINKS, things)


def _hosted_thing_before(lower: list, host: Span, things: frozenset, event_ends: set) -> bool:
    """A host verb as a reduced relative right after an event noun or a thing and before "by"
    ("the conference co-hosted by the university", "a staff week hosted by the libraries"): it
    says who hosted that, no guest came."""
    if host.end >= len(lower) or lower[host.end] != "by":
        return False
    k = host.start - 1
    if k >= 1 and lower[k] == "-" and lower[k - 1] == "co":
        k -= 2                              # "co-hosted"
    return k >= 0 and (lower[k] in things or k + 1 in event_ends)


# Link words between a room noun and the event noun naming it ("salle de conférence", "sala delle esposizioni").
_VENUE_LINKS = frozenset({"de", "des", "d’", "d'", "di", "da", "do", "delle", "della", "dei", "degli", "del"})


# English words that join the parts of an event's title ("Conference of Asian Libraries").
_TITLE_LINKS = frozenset({"of", "on", "for", "in"})


def _in_english_title(doc: Doc, start: int, end: int) -> bool:
    """The noun ``doc[start:end]`` is capitalised inside an English event title quoted in another
    language's sentence: a capitalised word before it ("... dalam International Conference"), or an
    English link word and a capitalised word after it ("... Congress of Slavic Librarians")."""
    if not doc[start].is_title:
        return False
    before = start > 0 and doc[start - 1].is_title and not doc[start - 1].is_sent_start
    after = end + 1 < len(doc) and doc[end].lower_ in _TITLE_LINKS and doc[end + 1].is_title
    return before or after


def _english_rule(rule_id: str) -> bool:
    """A rule of English words: a predicate row's own rule ("agreement.sign_object.finite"), not
    one of its languages ("agreement.sign_object.es.finite")."""
    parts = rule_id.split(".")
    return not (len(parts) > 2 and len(parts[2]) == 2)


_OBJECT_FIRST = (".reduced", ".passive", ".object_first")
# The label endings of a predicate rule's matches (predicate_matches, within_word_matches), each
# with whether the match is a noun's (form "noun": it needs support) rather than the rule's own form.
PREDICATE_LABELS = ((".finite", False), (".nominal", True), (".finite.predicate_first", False),
                    (".nominal.predicate_first", True), (".finite.passive", False), (".finite.object_first", False),
                    (".finite.participle", False), (".reduced", True))


def _not_name_heads(doc: Doc, kept: list, rules: dict) -> list:
    """Drop a founding noun that is the capitalised head word of an organisation's name
    ("Fundación X donó …", "la Fondation Y a offert …"): it names the body, it tells no founding.
    The name is an ``institutions`` span of more than the word itself that holds it; a trigger
    that opens with its object ("the National Library reopened") is no such word."""
    heads = set()
    for name in doc.spans["institutions"]:
        if len(name) > 1:
            heads.update(i for i in range(name.start, name.end) if doc[i].is_title)
    return [s for s in kept if not (rules[s.label_].type == "founding" and rules[s.label_].form == "noun"
                                    and s.start in heads and not s.label_.endswith(_OBJECT_FIRST))]


def _strictly_inside(extents: set) -> set:
    """The (start, end) extents lying inside a longer one of the set; one sweep, not a pair test."""
    inside, max_end = set(), -1
    for start, end in sorted(extents, key=lambda x: (x[0], -x[1])):
        if max_end >= end:                # an earlier extent starts no later and ends no earlier, and differs
            inside.add((start, end))
        max_end = max(max_end, end)
    return inside


def _passive_subject(lower: list, noun: Span, host: Span) -> bool:
    """The event noun is the subject of the host verb in the passive, close before it: "the
    annual conference of the association was hosted by the national library" names the
    conference, not a visit (the noun's own words and the auxiliary may stand between)."""
    return (host.start >= 1 and lower[host.start - 1] in PASSIVE_AUXILIARIES
            and 0 <= host.start - noun.end <= HOST_OBJECT_WINDOW + 1)


def gap(a0: int, a1: int, b0: int, b1: int) -> int:
    """What lies between two spans [a0, a1) and [b0, b1), in their unit (tokens or characters;
    0 when they touch or overlap)."""
    return max(0, b0 - a1, a0 - b1)


def _occurs(start: int, end: int, cues: list, sent_start: Optional[int] = None) -> bool:
    """An occurrence verb near the trigger: a finite past form anywhere within the window; a
    form that may be a bare participle ("held", "implemented") before the noun ("held
    meetings") or after it behind an auxiliary ("meetings were held"), since "projects
    implemented among libraries serve ..." states no occurrence. A noun that opens its sentence
    (``sent_start``) is the subject of the sentence's passive however long the phrase between
    ("A meeting aimed at strengthening the ties of the two libraries was held ...")."""
    aux_ends = {e for c, _, e in cues if c == "auxiliary"}
    subject = sent_start is not None and start - sent_start <= SUBJECT_OPENING_TOKENS
    for cue, s, e in cues:
        if (subject and cue == "occurrence" and s >= end and s in aux_ends
                and s - end <= LONG_SUBJECT_WINDOW):
            return True
        if cue not in ("occurrence", "finite", "attendance") or gap(s, e, start, end) > OCCURRENCE_WINDOW:
            continue
        if cue in ("finite", "attendance") or e <= start or s in aux_ends or (s - 1 in aux_ends and s - 1 not in (start, end)):
            return True
    return False


def _modality(form: str, start: int, end: int, cues: list) -> Optional[str]:
    """"planned" when only announcement cues ("will", "plans", "is going to") govern the
    trigger, "hypothetical" when a modal of possibility or a proposal does ("could", "would",
    "proposed"), None when neither stands near it (see ``IRREALIS_WINDOW``)."""
    found = set()
    for cue, s, e in cues:
        if cue not in ("irrealis", "planned"):
            continue
        if (form in ("verb", "host") and ((e <= start and start - e <= IRREALIS_WINDOW) or (start <= s and e <= end))) or (
                form == "noun" and (e <= start or 0 <= s - end <= NOUN_IRREALIS_AFTER)):
            found.add(cue)
    if not found:
        return None
    return "hypothetical" if "irrealis" in found else "planned"


# ---------------------------------------------------------------- quantities (pure over tokens)


def number_value(words: list[str], rules: QuantityRules) -> Optional[tuple[int, int]]:
    """(value, tokens used) of the number starting ``words`` ("9,275", "46.5 thousand",
    "three"), or None when it is not a cardinal."""
    if not words:
        return None
    first = words[0].lower()
    if not first[:1].isdigit() and first not in rules.number_words:
        return None  # the fast path of most tokens: both regexes below need a leading digit
    if _ORDINAL.match(first):
        return None
    if _NUMBER.match(first):
        value = float(first.replace(",", ""))
    elif first in rules.number_words:
        value = float(rules.number_words[first])
    else:
        return None
    used = 1
    if used < len(words) and words[used].lower() in rules.multipliers:
        value *= rules.multipliers[words[used].lower()]
        used += 1
    if value != int(value):
        return None
    return int(value), used


def find_quantities(words: list[str], rules: QuantityRules) -> list[tuple[int, int, dict]]:
    """(start, end, quantity dict) over a sentence's tokens: an optional approximator, a
    cardinal and the counted noun phrase. Years, ordinals, day numbers, ranges ("three to
    four times") and measures ("250 years") are not counts."""
    out = []
    lower = [w.lower() for w in words]
    i, n = 0, len(words)
    while i < n:
        if not lower[i][:1].isdigit() and lower[i] not in rules.number_words:
            i += 1  # number_value's own fast path, without the call: most words are no number
            continue
        parsed = number_value(words[i:i + 2], rules)  # a number is a word and a multiplier at most
        if parsed is None:
            i += 1
            continue
        value, used = parsed
        j = i + used
        raw = words[i]
        is_year = (re.fullmatch(r"\d{4}", raw) is not None and YEAR_RANGE[0] <= value <= YEAR_RANGE[1])
        next_word = lower[j] if j < n else ""
        prev_word = lower[i - 1] if i > 0 else ""
        if (is_year or prev_word in rules.months or next_word in rules.months
                or next_word in rules.excluded_units or prev_word in ("to", "-", "–", "or")):
            i = j
            continue
        what_end = _what_end(words, lower, j, rules)
        if what_end == j:
            i = j
            continue
        # "130 organizations in 46 countries": the scope belongs to the counted phrase.
        if what_end < n and lower[what_end] in rules.scope_link:
            inner = number_value(words[what_end + 1:what_end + 3], rules)
            if inner is not None:
                k = what_end + 1 + inner[1]
                scope_end = _what_end(words, lower, k, rules)
                if scope_end > k:
                    what_end = scope_end
        start, approximate = i, False
        for phrase in rules.approximators:
            if i >= len(phrase) and tuple(lower[i - len(phrase):i]) == phrase:
                start, approximate = i - len(phrase), True
                break
        what = " ".join(words[j:what_end])
        out.append((start, what_end, {"value": value, "approximate": approximate, "what": what,
                                      "rule": "quantity.count"}))
        i = what_end
    return out


def _what_end(words: list[str], lower: list[str], j: int, rules: QuantityRules) -> int:
    """End (exclusive) of the counted noun phrase starting at ``j``."""
    k = j
    n = len(words)
    while k < n and k - j < WHAT_MAX_TOKENS:
        w = lower[k]
        if not _wordlike(words[k]) or w in rules.what_stop or w in rules.months:
            if (w in rules.what_link or w in ("and", "or")) and k > j:
                # "copies of books", "books and journals", "volumes of the encyclopaedia"
                skip = 2 if w in rules.what_link and k + 2 < n and lower[k + 1] in rules.what_article else 1
                nxt = k + skip
                if nxt < n and _wordlike(words[nxt]) and lower[nxt] not in rules.what_stop \
                        and lower[nxt] not in rules.months:
                    k = nxt + 1
                    continue
            break
        if k == j and w in rules.excluded_units:
            break
        if k > j and len(w) > 4 and w.endswith("ed"):
            break  # a past verb after the noun ("12 volunteers sent"); no tagger to ask
        k += 1
    return k


def _wordlike(word: str) -> bool:
    return bool(re.fullmatch(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*", word))


# ---------------------------------------------------------------- the component


class TriggersComponent(ParagraphComponent):
    """Marks trigger and quantity spans (``doc.spans["event_triggers"]``, ``"quantities"``);
    a thin shell over :func:`find_triggers` and :func:`find_quantities`."""

    rule_files = (TRIGGER_FILE, PREDICATE_FILE, FORMS_FILE, LANGUAGE_FORMS_FILE, CUE_FILE, QUANTITY_FILE,
                  FUNCTION_WORDS_FILE)
    publishes = (("event_triggers", "event"), ("quantities", "quantity"))

    def load(self) -> None:
        triggers = models_path(TRIGGER_FILE, self.models_dir)
        self.predicates, self.predicate_index = load_predicates(self.models_dir)
        self.trigger_rules = {r.id: r for r in load_trigger_rules(triggers)}
        self.cue_rules = {r.id: r for r in load_cue_rules(models_path(CUE_FILE, self.models_dir))}
        self.quantity_rules = load_quantity_rules(models_path(QUANTITY_FILE, self.models_dir))
        # Each pattern group on its own anchor's windows: one Matcher of all 59 patterns tests
        # each pattern's first token at every token of every window (a Python predicate call
        # each); the cue patterns likewise, on the windows inside a sentence with a trigger
        self.trigger_matcher = _anchored_matcher(self.vocab, triggers, self.trigger_rules)
        self.cue_matcher = _anchored_matcher(self.vocab, models_path(CUE_FILE, self.models_dir), self.cue_rules)
        # the rule of each predicate match id, for its type and form (no token pattern: matched in Python)
        self.trigger_rules.update({f"{p.id}{suffix}": TriggerRule(f"{p.id}{suffix}", p.type, "noun" if noun else p.form,
                                                                  [], language=p.language)
                                   for p in self.predicates for suffix, noun in PREDICATE_LABELS})
        # the predicate forms that are English words too, by match id: read in other languages' sentences only
        self.shared_forms = {f"{p.id}{suffix}": p.shared for p in self.predicates if p.shared
                             for suffix, _ in PREDICATE_LABELS}
        words = load_function_words(models_path(FUNCTION_WORDS_FILE, self.models_dir))
        self.english = (words["english_markers"], words["foreign_markers"])
        self.object_stops = words["predicate_object_stops"]
        self.object_measures = words["predicate_object_measures"]
        self.particle_articles = words["particle_articles"]
        self.passive_auxiliaries = words["passive_auxiliaries_foreign"]
        self.venues = (words.get("venue_nouns_after", frozenset()), words.get("venue_nouns_before", frozenset()))
        self.host_things = words.get("host_things", frozenset())
        self.met_needs = words.get("met_needs", frozenset())
        self.within_index = within_word_index(self.predicates, words.get("cjk_object_masks", frozenset()))

    def process(self, doc: Doc) -> None:
        triggers = []
        for start, end, event in find_triggers(doc, self.trigger_matcher, self.cue_matcher,
                                               self.trigger_rules, self.cue_rules,
                                               self.predicate_index,
                                               self.within_index, self.english, self.object_stops,
                                               self.object_measures, self.particle_articles,
                                               self.passive_auxiliaries, self.shared_forms, self.venues,
                                               self.host_things, self.met_needs):
            span = Span(doc, start, end, label=event["type"])
            span._.event = event
            triggers.append(span)
        doc.spans["event_triggers"] = triggers
        quantities = []
        sents = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
        texts = words_of(doc)[0]
        for sent in sents:
            words = texts[sent.start:sent.end]
            for start, end, quantity in find_quantities(words, self.quantity_rules):
                span = Span(doc, sent.start + start, sent.start + end, label="QUANTITY")
                span._.quantity = quantity
                quantities.append(span)
        doc.spans["quantities"] = quantities


def _anchored_matcher(vocab, path: Path, rules: dict) -> Union[AnchoredMatcher, Matcher]:
    """An :class:`AnchoredMatcher` of ``rules``' patterns, or one Matcher of them all when a
    pattern cannot be anchored; a bad pattern raises the error naming it and ``path``."""
    try:
        anchored = anchored_matcher(vocab, [(r.id, r.pattern) for r in rules.values()])
    except Exception:
        _matcher(vocab, path, rules)      # names the pattern at fault
        raise
    return anchored or _matcher(vocab, path, rules)


def _matcher(vocab, path: Path, rules: dict) -> Matcher:
    matcher = Matcher(vocab, validate=True)
    for rule in rules.values():
        try:
            matcher.add(rule.id, [rule.pattern])
        except (ValueError, KeyError) as error:
            reason = str(error).splitlines()[0]
            raise ModelsError(f"{path}: pattern {rule.id!r} is not a valid token pattern ({reason})") from None
    return matcher


@Language.factory("coop_triggers", default_config={"models_dir": None},
                  assigns=["doc.spans", "span._.event", "span._.quantity"], requires=["doc.sents"])
def make_triggers(nlp: Language, name: str, *, models_dir: Optional[str]):
    return TriggersComponent(nlp, name, models_dir=models_dir)

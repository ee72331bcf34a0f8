"""Build the lemma form tables from spaCy's lemma lookup tables (the ``spacy-lookups-data``
package, a maintained source). Run after editing ``event_predicates.jsonl``:

    pip install spacy-lookups-data simplemma && python models/build_lemmas.py

* ``lemma_forms.tsv``: every inflected form of the English lemmas the rows name
  (``en_lemma_lookup``).
* ``lemma_forms_languages.tsv``: for each language of a row's ``languages`` (``es``, ``pl``, ...)
  and each word it uses as a predicate, object or particle, that word's forms from
  ``<lang>_lemma_lookup`` (Polish: the POS-split verb and noun tables). A word the table does
  not hold as a lemma (an explicitly listed form: Russian "подписан", Indonesian "dikunjungi")
  stands for itself. Predicate forms that are English words (a key or lemma of
  ``en_lemma_lookup`` or an English stop word: Spanish "dar", Polish "list", French "signature",
  German "Seminar") are left out of the row and listed on a ``shared`` row of their own, which
  the trigger rules read only in a sentence of another language (more of its function words than
  English ones), so a foreign predicate never fires on English text; objects and particles only count next to a
  predicate and keep every form.
* A language without a lookup table in ``spacy-lookups-data`` (Vietnamese, Azerbaijani,
  Uzbek, Slovak, Persian, Japanese, Chinese, Korean, Latvian, Ukrainian, Bulgarian, Greek, Hebrew, Bengali): every word stands for itself, so the row lists the forms it
  matches. Vietnamese does not inflect and writes a word as several syllables: a form of
  several tokens ("ký kết") is matched as that token sequence. Azerbaijani lists its suffixed
  forms ("imzalanıb", "kitabları"), as Indonesian lists its affixed ones, and Uzbek its forms in
  both its scripts ("imzolandi", "имзоланди"), its light verbs as particles ("tashrif buyurdi"). Japanese, Chinese and
  Korean words are found inside tokens (``triggers.UNSPACED_SCRIPT``): the word is the stem
  ("締結", "签署", "체결"), whatever ending follows. Arabic has no table either: its rows list
  the forms (past and present persons, plurals, pronoun-suffixed nouns: "وقعت", "زيارته").
* Spellings (``SPELLINGS``): the forms a language's writers also use for the same word, added
  to every form of the language (or only to its nouns): Russian and Belarusian mostly write ё
  as е ("нанёс" = "нанес", "прошёл" = "прошел"); Arabic often leaves the hamza off an initial
  alif ("أهدى" = "اهدى") and writes the accusative tanween of a noun on its final alif or on the
  letter before it ("وفدا" = "وفداً" = "وفدًا"), or on a final hamza ("لقاء" = "لقاءً"): a row
  lists the accusative with alif ("وفدا"), the build adds the marks.
  Romanian is written with comma-below ș, ț and with the older cedilla ş, ţ; Persian with a
  zero-width non-joiner inside a word ("تفاهم‌نامه"), which writers also replace by a space or
  leave out, and with the Persian yeh and kaf, which older pages write as Arabic ي, ك.
* Elisions (``ELISIONS``): Italian and French write an article or preposition onto a noun
  beginning with a vowel or h ("dell'accordo", "l’exposition"), one token for the tokenizer:
  every noun form (an object, a particle, a predicate of a ``noun`` row) also stands with each;
  a French verb with "d'" before its infinitive (``VERB_ELISIONS``: "afin d’offrir").
* Negative prefixes (``NEGATIVE_PREFIXES``): Czech, Slovak and Romanian write the negation onto
  the verb, and the tables hold such forms ("nepodepsal", "nesemnând"): a predicate form that is
  the prefix plus another form of the word is left out.
* Proclitics (``PROCLITICS``): Arabic writes the conjunctions, one-letter prepositions and the
  article as part of the word, so every Arabic form also stands with each combination of them
  (conjunction, then preposition, then article): a verb only with a conjunction ("ووقع",
  "فزار"), a noun (an object, a particle, or a predicate of a ``noun`` row) with all of them
  ("والاتفاقية", "بزيارة", "للمكتبة": ``FUSED`` writes ل + ال as "لل"); Hebrew the same with its
  own ("וביקרו", "בביקור": the article drops after ב, ל, כ). A noun of several
  tokens takes the proclitics on its first word and, when definite, the article on every word,
  as an adjective agrees ("الدورة التدريبية"); a construct ("ورش عمل", definite "ورش العمل")
  is listed in its definite form too. A form with a pronoun suffix ("زيارته") gains article
  forms that are no words and so never match.

The output is committed; neither package is needed at run time.
"""

import gzip
import json
import re
from itertools import product
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The lookup tables of a language; Polish has one per part of speech (predicates and their
# objects are verbs and nouns).
LANGUAGE_TABLES = {"pl": ("pl_lemma_lookup_verb", "pl_lemma_lookup_noun")}
USES = ("predicate", "object", "particle")
# Other spellings of the same word, as (pattern, replacement) over a lower-case form, each adding
# the form with the pattern replaced: under "all" for every form of the language, under "noun"
# for its nouns only (see the module docstring).
SPELLINGS = {
    "ru": {"all": (("ё", "е"),)},
    "be": {"all": (("ё", "е"),)},
    "ar": {"all": (("^[أإآ]", "ا"),),
           "noun": (("ا$", "اً"), ("ا$", "ًا"), ("ء$", "ءً"))},
    "ro": {"all": (("ș", "ş"), ("ț", "ţ"))},
    "fa": {"all": (("\u200c", " "), ("\u200c", ""), ("ی", "ي"), ("ک", "ك"))},
}
# Past participles of regular verbs that a language's lookup table files under themselves as
# adjectives (French "donné", "remis"; Italian "firmata": lemma "donné", "remis", "firmato", not
# "donner", "remettre", "firmare"): for a
# predicate lemma with the ending, its stem plus each participle ending is one of its forms
# (the passive and compound past: "les ouvrages ont été remis", "a donné").
# Portuguese and Spanish tables give only the masculine singular ("recebido"), so the feminine
# and plural of a passive ("a delegação foi recebida", "fueron donados") come from here too.
PARTICIPLES = {"fr": (("ettre", ("is", "ise", "ises")), ("cevoir", ("çu", "çue", "çus", "çues")),
                      ("er", ("é", "ée", "és", "ées")), ("ir", ("i", "ie", "is", "ies"))),
               "it": (("are", ("ato", "ata", "ati", "ate")), ("ire", ("ito", "ita", "iti", "ite")),
                      ("ere", ("uto", "uta", "uti", "ute"))),
               "pt": (("ar", ("ado", "ada", "ados", "adas")), ("er", ("ido", "ida", "idos", "idas")),
                      ("ir", ("ido", "ida", "idos", "idas"))),
               "es": (("ar", ("ado", "ada", "ados", "adas")), ("er", ("ido", "ida", "idos", "idas")),
                      ("ir", ("ido", "ida", "idos", "idas")))}
# Articles and prepositions written onto a noun that begins with a vowel or h, with either
# apostrophe ("l'accordo", "dell’esposizione", "l'exposition"): each noun form (an object, a
# particle, a predicate of a ``noun`` row) also stands with each of them.
ELISIONS = {
    "it": ("l'", "dell'", "all'", "dall'", "nell'", "sull'", "un'"),
    "fr": ("l'",),
    "ca": ("l'",),
}
# The same for a verb: French "de" before an infinitive ("afin d’offrir", "décidé d’organiser").
VERB_ELISIONS = {"fr": ("d'",)}
# And for an object: "de" elided before the act's object ("la signature d’accord", "la cérémonie
# de signature d’accord-cadre", "lo scambio d'esperienze"); not for a predicate noun, where it
# names a room or a kind ("salle d’exposition").
OBJECT_ELISIONS = {"fr": ("d'",), "it": ("d'",), "ca": ("d'",)}
# Predicate nouns that name a field of work as often as an event ("la formation des
# archivistes" among the aims of an agreement or an institution's missions): no shared row, so
# they are read in their other forms only.
FIELD_NOUNS = {"fr": ("formation",)}
ELIDES = re.compile("^[aeiouàèéìòùh]")
APOSTROPHES = ("'", "\u2019")
# Negation written as a prefix of the verb: a predicate form that is the prefix plus another
# form of the same word is its negative ("nepodepsal", "nesemnând") and is left out.
NEGATIVE_PREFIXES = {"cs": ("ne",), "sk": ("ne",), "ro": ("nemai", "ne")}
# Proclitics written as part of the word, in the order they stand: each slot is one of its
# words or none. A verb takes the "verb" slots, a noun every slot; "article" is the slot whose
# word makes a noun definite, which the following words of a noun phrase then take too.
PROCLITICS = {
    "ar": {"verb": (("و", "ف"),),
           "noun": (("و", "ف"), ("ب", "ل", "ك"), ("ال",)),
           "article": "ال"},
    # Hebrew: "and", then "that" before a verb; "and", a one-letter preposition or "that", and
    # the article before a noun ("וביקרו", "שביקר", "בביקור", "והתערוכה")
    "he": {"verb": (("ו",), ("ש",)),
           "noun": (("ו",), ("ב", "ל", "מ", "כ", "ש"), ("ה",)),
           "article": "ה"},
}
# Proclitic sequences written otherwise than joined: the alif of the article drops after ل;
# the Hebrew article after ב, ל, כ ("בביקור", "לספרייה").
FUSED = {"ar": (("لال", "لل"),), "he": (("בה", "ב"), ("לה", "ל"), ("כה", "כ"))}


def lookup_table(name: str = "en_lemma_lookup", missing_ok: bool = False) -> dict:
    """The lookup table ``name``; with ``missing_ok`` an empty one when the package has none
    (a language without a lemma table: its words stand for themselves)."""
    import spacy_lookups_data

    folder = Path(spacy_lookups_data.__file__).parent / "data"
    path = next(folder.glob(f"{name}.json*"), None)
    if path is None:
        if missing_ok:
            return {}
        raise FileNotFoundError(f"spacy-lookups-data has no table {name!r}")
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)


def rows() -> list:
    out = []
    for line in (HERE / "event_predicates.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            out.append(json.loads(line))
    return out


def wanted_lemmas() -> set:
    lemmas = set()
    for row in rows():
        lemmas.update(w.lower() for w in row.get("lemmas", []) + row.get("objects", []))
    return lemmas


def wanted_by_language() -> dict:
    """{language: {use: {lower-case word}}} of every row's ``languages``; under "noun" the
    predicates of ``noun`` rows (which take a noun's proclitics, see ``PROCLITICS``)."""
    wanted: dict = {}
    for row in rows():
        for lang, entry in row.get("languages", {}).items():
            uses = wanted.setdefault(lang, {use: set() for use in USES + ("noun",)})
            for use, key in (("predicate", "lemmas"), ("object", "objects"), ("particle", "particles")):
                uses[use].update(w.lower() for w in entry.get(key, []))
            if row["form"] == "noun":
                uses["noun"].update(w.lower() for w in entry["lemmas"])
    return wanted


def spellings(lang: str, forms: set, noun: bool) -> set:
    """``forms`` and their other spellings in ``lang`` (``SPELLINGS``)."""
    rules = SPELLINGS.get(lang, {})
    out = set(forms)
    for pattern, replacement in rules.get("all", ()) + (rules.get("noun", ()) if noun else ()):
        out |= {re.sub(pattern, replacement, form) for form in out}
    return out


def with_proclitics(lang: str, forms: set, noun: bool) -> set:
    """``forms`` and each with every combination of ``lang``'s proclitics (``PROCLITICS``): a
    verb's slots or a noun's; a definite noun of several words has the article on each."""
    clitics = PROCLITICS.get(lang)
    if not clitics:
        return set(forms)
    article = clitics["article"]
    out = set()
    for form in forms:
        first, *rest = form.split(" ")
        for combination in product(*(("",) + slot for slot in clitics["noun" if noun else "verb"])):
            prefix = "".join(combination)
            for joined, written in FUSED.get(lang, ()):
                prefix = prefix.replace(joined, written)
            words = [prefix + first] + [(article + w if article in combination else w) for w in rest]
            out.add(" ".join(words))
    return out


def with_elisions(lang: str, forms: set, noun: bool) -> set:
    """``forms`` and each that begins with a vowel or h with ``lang``'s elided articles and
    prepositions written onto it: ``ELISIONS`` for a noun, ``VERB_ELISIONS`` for a verb."""
    return _elided(forms, (ELISIONS if noun else VERB_ELISIONS).get(lang, ()))


def _elided(forms: set, prefixes) -> set:
    """``forms`` and each that begins with a vowel or h with each of ``prefixes`` written onto it."""
    return set(forms) | {prefix.replace("'", mark) + form for form in forms if ELIDES.match(form)
                         for prefix in prefixes for mark in APOSTROPHES}


def affirmative(lang: str, forms: set) -> set:
    """``forms`` without the negatives that ``lang`` writes as a prefix (``NEGATIVE_PREFIXES``)."""
    prefixes = NEGATIVE_PREFIXES.get(lang, ())
    return {form for form in forms
            if not any(form.startswith(p) and form[len(p):] in forms for p in prefixes)}


def participles(lang: str, lemma: str) -> set:
    """The regular past participles of ``lemma`` (``PARTICIPLES``; none for other endings)."""
    for ending, endings in PARTICIPLES.get(lang, ()):
        if lemma.endswith(ending) and len(lemma) > len(ending) + 1:
            return {lemma[: -len(ending)] + e for e in endings}
    return set()


def forms_of(table: dict, wanted: set) -> dict:
    """{lemma: its forms, the lemma included} for the ``wanted`` lemmas; one pass over the table
    (whose values are a lemma or, in some languages, a list of them)."""
    forms = {lemma: {lemma} for lemma in wanted}
    for form, lemmas in table.items():
        for lemma in (lemmas if isinstance(lemmas, list) else [lemmas]):
            lemma = lemma.lower()
            if lemma in forms and form.replace("-", "").isalpha():
                forms[lemma].add(form.lower())
    return forms


def noun_forms(lang: str, wanted: set) -> dict:
    """{noun: its forms} from simplemma's dictionary of ``lang`` (a second maintained source,
    ``pip install simplemma``), for the nouns of the rows: spaCy's tables give some plurals the
    lemma of a verb spelled like them (Spanish "colecciones" → "coleccionar", Italian
    "riviste" → "rivisto") or lack them (German "Bände", "Handschriften"); empty for a
    language simplemma has no dictionary of, and for those whose rows list their forms with
    their proclitics."""
    import simplemma
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    if lang in PROCLITICS or lang not in simplemma.strategies.dictionaries.dictionary_factory.SUPPORTED_LANGUAGES:
        return {}
    forms: dict = {}
    for form, lemma in DefaultDictionaryFactory().get_dictionary(lang).items():
        lemma = lemma.decode("utf-8") if isinstance(lemma, bytes) else lemma
        form = form.decode("utf-8") if isinstance(form, bytes) else form
        if lemma.lower() in wanted and form.replace("-", "").isalpha():
            forms.setdefault(lemma.lower(), set()).add(form.lower())
    return forms


def english_words() -> set:
    """Every key and lemma of the English lookup table and spaCy's English stop words."""
    from spacy.lang.en.stop_words import STOP_WORDS

    table = lookup_table()
    return {w.lower() for w in table} | {w.lower() for w in table.values()} | set(STOP_WORDS)


def language_lines(wanted: dict, english: set) -> list[str]:
    lines = ["# language\tuse\tword\tits forms, the word included (from spacy-lookups-data "
             "<language>_lemma_lookup; other SPELLINGS and PROCLITICS added; predicate forms that are English "
             "words left out of 'predicate' and listed as 'shared', read in sentences of other languages only; "
             "built by build_lemmas.py)"]
    for lang in sorted(wanted):
        table: dict = {}
        for name in LANGUAGE_TABLES.get(lang, (f"{lang}_lemma_lookup",)):
            table.update(lookup_table(name, missing_ok=True))
        every = set().union(*(wanted[lang][use] for use in USES))
        forms = forms_of(table, every)
        nouns = noun_forms(lang, wanted[lang]["object"] | wanted[lang].get("noun", set()))
        for use in USES:
            for word in sorted(wanted[lang][use]):
                noun = use != "predicate" or word in wanted[lang].get("noun", ())
                found = affirmative(lang, forms[word] | participles(lang, word)) if use == "predicate" else forms[word]
                if use == "object" or (use == "predicate" and noun):
                    found = found | nouns.get(word, set())
                written = with_elisions(lang, with_proclitics(lang, spellings(lang, found, noun), noun), noun)
                if use == "object":
                    written = _elided(written, OBJECT_ELISIONS.get(lang, ()))
                kept = written - english if use == "predicate" else written
                lines.append(f"{lang}\t{use}\t{word}\t{','.join(sorted(kept))}")
                if use == "predicate" and written & english and word not in FIELD_NOUNS.get(lang, ()):
                    lines.append(f"{lang}\tshared\t{word}\t{','.join(sorted(written & english))}")
    return lines


def main() -> None:
    table, wanted = lookup_table(), wanted_lemmas()
    forms: dict[str, set] = {lemma: set() for lemma in wanted}
    for form, lemma in table.items():
        if lemma.lower() in wanted and form.isalpha():
            forms[lemma.lower()].add(form.lower())
    lines = ["# lemma\tits inflected forms (from spacy-lookups-data en_lemma_lookup; built by build_lemmas.py)"]
    lines += [f"{lemma}\t{','.join(sorted(forms[lemma] - {lemma}))}" for lemma in sorted(forms)]
    (HERE / "lemma_forms.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    english = english_words()
    (HERE / "lemma_forms_languages.tsv").write_text(
        "\n".join(language_lines(wanted_by_language(), english)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

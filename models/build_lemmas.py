"""Build the lemma form tables from spaCy's lemma lookup tables (the ``spacy-lookups-data``
package, a maintained source). Run after editing ``event_predicates.jsonl``:

    pip install spacy-lookups-data && python models/build_lemmas.py

* ``lemma_forms.tsv``: every inflected form of the English lemmas the rows name
  (``en_lemma_lookup``).
* ``lemma_forms_languages.tsv``: for each language of a row's ``languages`` (``es``, ``pl``, ...)
  and each word it uses as a predicate, object or particle, that word's forms from
  ``<lang>_lemma_lookup`` (Polish: the POS-split verb and noun tables). A word the table does
  not hold as a lemma (an explicitly listed form: Russian "подписан", Indonesian "dikunjungi")
  stands for itself. Predicate forms that are English words (a key or lemma of
  ``en_lemma_lookup`` or an English stop word: Spanish "dar", Polish "list") are left out, so a
  foreign predicate never fires on English text; objects and particles only count next to a
  predicate and keep every form.
* A language without a lookup table in ``spacy-lookups-data`` (Vietnamese, Azerbaijani,
  Japanese, Chinese, Korean): every word stands for itself, so the row lists the forms it
  matches. Vietnamese does not inflect and writes a word as several syllables: a form of
  several tokens ("ký kết") is matched as that token sequence. Azerbaijani lists its suffixed
  forms ("imzalanıb", "kitabları"), as Indonesian lists its affixed ones. Japanese, Chinese and
  Korean words are found inside tokens (``triggers.UNSPACED_SCRIPT``): the word is the stem
  ("締結", "签署", "체결"), whatever ending follows.

The output is committed; neither package is needed at run time.
"""

import gzip
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The lookup tables of a language; Polish has one per part of speech (predicates and their
# objects are verbs and nouns).
LANGUAGE_TABLES = {"pl": ("pl_lemma_lookup_verb", "pl_lemma_lookup_noun")}
USES = ("predicate", "object", "particle")


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
    """{language: {use: {lower-case word}}} of every row's ``languages``."""
    wanted: dict = {}
    for row in rows():
        for lang, entry in row.get("languages", {}).items():
            uses = wanted.setdefault(lang, {use: set() for use in USES})
            for use, key in (("predicate", "lemmas"), ("object", "objects"), ("particle", "particles")):
                uses[use].update(w.lower() for w in entry.get(key, []))
    return wanted


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


def english_words() -> set:
    """Every key and lemma of the English lookup table and spaCy's English stop words."""
    from spacy.lang.en.stop_words import STOP_WORDS

    table = lookup_table()
    return {w.lower() for w in table} | {w.lower() for w in table.values()} | set(STOP_WORDS)


def language_lines(wanted: dict, english: set) -> list[str]:
    lines = ["# language\tuse\tword\tits forms, the word included (from spacy-lookups-data "
             "<language>_lemma_lookup; predicate forms that are English words left out; built by build_lemmas.py)"]
    for lang in sorted(wanted):
        table: dict = {}
        for name in LANGUAGE_TABLES.get(lang, (f"{lang}_lemma_lookup",)):
            table.update(lookup_table(name, missing_ok=True))
        every = set().union(*wanted[lang].values())
        forms = forms_of(table, every)
        for use in USES:
            for word in sorted(wanted[lang][use]):
                kept = forms[word] - english if use == "predicate" else forms[word]
                lines.append(f"{lang}\t{use}\t{word}\t{','.join(sorted(kept))}")
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

"""Build ``name_forms.tsv``: the inflected forms (cases, numbers) of the institution heads and
role words of languages that decline them, from spaCy's lookup lemmatizer tables (the
``spacy-lookups-data`` package: ``ru_lemma_lookup`` for Russian, ``pl_lemma_lookup_noun`` for
Polish, ``sr_lemma_lookup`` for Serbian in Cyrillic and ``hr_lemma_lookup`` for Croatian and
Serbian in Latin script; a maintained source). The lemmas are the heads of the rows of
``institution_heads.jsonl`` marked ``"inflected": true`` and the words of
``roles_inflected.txt``. Run after editing either:

    pip install spacy-lookups-data && python models/build_name_forms.py

The output is committed; neither package is needed at run time.
"""

import gzip
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
TABLES = ("ru_lemma_lookup", "pl_lemma_lookup_noun", "sr_lemma_lookup", "hr_lemma_lookup")
# Forms that are also common function words of the language: "после" (of "посол",
# ambassador) is mostly the preposition "after".
NOT_FORMS = frozenset({"после"})


def lookup_tables() -> list[dict]:
    import spacy_lookups_data

    folder = Path(spacy_lookups_data.__file__).parent / "data"
    tables = []
    for name in TABLES:
        path = next(folder.glob(f"{name}.json*"))
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as handle:
            tables.append(json.load(handle))
    return tables


def wanted_lemmas() -> set:
    lemmas = set()
    for line in (HERE / "institution_heads.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            row = json.loads(line)
            if row.get("inflected"):
                lemmas.update(h.lower() for h in row["heads"])
    for line in (HERE / "roles_inflected.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lemmas.add(line.strip().lower())
    return lemmas


def main() -> None:
    wanted = wanted_lemmas()
    forms: dict[str, set] = {lemma: set() for lemma in wanted}
    for table in lookup_tables():
        for form, lemma in table.items():
            if lemma.lower() in wanted and form.isalpha() and form.lower() not in NOT_FORMS:
                forms[lemma.lower()].add(form.lower())
    lines = ["# lemma\tits inflected forms (from spacy-lookups-data ru_lemma_lookup, pl_lemma_lookup_noun,"
             " sr_lemma_lookup, hr_lemma_lookup;"
             " built by build_name_forms.py)"]
    lines += [f"{lemma}\t{','.join(sorted(forms[lemma] - {lemma}))}" for lemma in sorted(forms) if forms[lemma] - {lemma}]
    (HERE / "name_forms.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    missing = sorted(lemma for lemma in forms if not forms[lemma] - {lemma})
    if missing:
        print("no forms found (the word stands for itself) for:", ", ".join(missing))


if __name__ == "__main__":
    main()

"""Build ``lemma_forms.tsv``: every inflected form of the lemmas that ``event_predicates.jsonl``
names, from spaCy's English lemma lookup table (the ``spacy-lookups-data`` package,
``en_lemma_lookup``, a maintained source). Run after editing the predicate file:

    pip install spacy-lookups-data && python models/build_lemmas.py

The output is committed; neither package is needed at run time.
"""

import gzip
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def lookup_table() -> dict:
    import spacy_lookups_data

    folder = Path(spacy_lookups_data.__file__).parent / "data"
    path = next(folder.glob("en_lemma_lookup.json*"))
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)


def wanted_lemmas() -> set:
    lemmas = set()
    for line in (HERE / "event_predicates.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            row = json.loads(line)
            lemmas.update(w.lower() for w in row["lemmas"] + row.get("objects", []))
    return lemmas


def main() -> None:
    table, wanted = lookup_table(), wanted_lemmas()
    forms: dict[str, set] = {lemma: set() for lemma in wanted}
    for form, lemma in table.items():
        if lemma.lower() in wanted and form.isalpha():
            forms[lemma.lower()].add(form.lower())
    lines = ["# lemma\tits inflected forms (from spacy-lookups-data en_lemma_lookup; built by build_lemmas.py)"]
    lines += [f"{lemma}\t{','.join(sorted(forms[lemma] - {lemma}))}" for lemma in sorted(forms)]
    (HERE / "lemma_forms.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

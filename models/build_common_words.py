"""Build ``common_words.txt``: the most frequent English words (lower case, letters only), from
spaCy's lexeme probabilities in ``spacy-lookups-data`` (``en_lexeme_prob``, a maintained
source). Names that are also frequent words stay in ("bill", "grace", "key"): the people rules
ask the name lists separately. Run after upgrading spacy-lookups-data:

    python models/build_common_words.py

The output is committed; the people rules read it as negative evidence: capitalised words whose
last is a common word and no family name, after a first word that is no given name or a common
word too ("Trend Report", "Key Initiatives", "Senior Executives"), are not a person on their
shape alone, while "Laura Bell" (Bell is a family name) and "Peter Limb" (Peter is a given name
and no common word) are.
"""

import gzip
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "common_words.txt"
# The most frequent words kept: below about this rank the list holds names, foreign words and
# misspellings more than English words ("lado" at 20,000).
TOP_WORDS = 15000
# Shorter words are function words and abbreviations, which other lists handle.
MIN_LETTERS = 3


def build() -> list[str]:
    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        probs = json.load(handle)
    ranked = sorted((w for w in probs if w.isalpha() and w.islower() and w.isascii()), key=lambda w: (-probs[w], w))
    return sorted(w for w in ranked[:TOP_WORDS] if len(w) >= MIN_LETTERS)


def render(words: list[str]) -> str:
    return ("# Frequent English words (built by build_common_words.py from "
            "spacy-lookups-data's en_lexeme_prob)\n" + "\n".join(words) + "\n")


def main() -> None:
    OUT.write_text(render(build()), encoding="utf-8")


if __name__ == "__main__":
    main()

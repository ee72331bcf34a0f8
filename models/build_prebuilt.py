"""Build the prebuilt tables of ``models/prebuilt/`` (run by hand, output committed).

    python models/build_prebuilt.py             # writes every table below

What a component derives from its rule files at every start-up, stored once
(``coopextract.pipeline.prebuilt``; issue 20, cold start):

* ``lexicon.marshal``     the lexicon (``pipeline/lexicon.py``): the name, title, role, head and
  place lists of ``LEXICON_FILES`` as read and combined;
* ``places.marshal``      the gazetteer's matcher (``places/find_places.py``): names looked up by
  their tokens' ids, for spaCy's tokenizer with ``EXTRA_INFIXES``;
* ``predicates.marshal``  the event predicates with their inflections spelled out, and their
  index (``events/triggers.py``);
* ``regexes.marshal``     the compiled code of every regular expression the console script
  compiles before its first page (spaCy's tokenizer affixes, the rules' word alternations),
  for this Python build only (``prebuilt.stored_regexes``).

Each table carries a key: a hash of the rule files it was derived from, of the modules that
derive it and of the Python and spaCy versions (the regex table: of the Python build alone; a
pattern it does not hold is compiled as usual). A table whose key is not that of the files in
use is not read (the component derives it from the files, as before): rerun this script after
editing those files or modules, or upgrading spaCy — ``tests/test_prebuilt.py`` says when.
"""

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    if os.environ.get("PYTHONHASHSEED") != "0":      # sets written in one order: the same bytes each run
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})
    import spacy  # noqa: F401  (with the pipeline's registrations)

    from coopextract.pipeline.build import build_pipeline
    from coopextract.pipeline.events.triggers import (PREDICATES_TABLE, derive_predicates, predicates_key,
                                                      predicates_table)
    from coopextract.pipeline.lexicon import LEXICON_TABLE, derive_lexicon, lexicon_key, lexicon_table
    from coopextract.pipeline.places.find_places import PLACES_TABLE, PlaceMatcher, place_names, places_key
    from coopextract.pipeline.prebuilt import REGEX_TABLE, regex_key, start_up_regexes, write_table

    folder = str(HERE)
    lex = derive_lexicon(folder)
    nlp = build_pipeline(folder)
    tables = [(LEXICON_TABLE, lexicon_key(folder), lexicon_table(lex)),
              (PLACES_TABLE, places_key(nlp, folder), PlaceMatcher(nlp, place_names(lex)).table(nlp)),
              (PREDICATES_TABLE, predicates_key(folder), predicates_table(*derive_predicates(folder)))]
    tables.append((REGEX_TABLE, regex_key(), start_up_regexes()))
    for name, key, table in tables:
        if key is None:
            raise SystemExit(f"build_prebuilt.py: no key for {name} (a rule file or module unreadable)")
        path = write_table(folder, name, key, table)
        print(f"{path.relative_to(HERE.parent)}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()

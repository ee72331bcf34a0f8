"""The people component: personal names found by their form and their context (no NER).

A candidate is a run of name-shaped tokens: capitalised words that are not titles, roles,
institution heads, months, places or other listed non-name words, with initials ("A. R.
Tolkova"), particles ("van", "oglu") and hyphens inside. Tokens inside an institution name are
never part of a person ("Library named after Ivan Franko"). A candidate is a person when
it has *evidence*:

* ``title``     an honorific before it ("Ms.", "Associate Professor", "Academician");
* ``role``      a role phrase before ("Director of the library Piotr Nowak", "vice-chairman
                Mehmet Öztürk") or after it (", former IFLA President");
* ``cue``       a context word ("headed by", "met with", "presented … to"; "X said", "X visited");
* ``form``      initials, a patronymic ending or a name particle;
* ``list``      it stands in a list with a person ("Lena Fischer, Dr. Karl Weber and …");
* ``shape``     two to four name words that the name lexicons read as a name (a known given
                name first, or a family name written first or in capitals; ``_known_name``).

Single words (a surname alone) are kept only with a title; others are passed on with
evidence ``None`` for :mod:`coopextract.pipeline.linking` to attach to a full name of the document.

Names in scripts without capitals (Chinese, Japanese, Korean, Arabic) are read beside a post
or a title by :mod:`coopextract.pipeline.people.scripts`, only for a paragraph holding them.
"""

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Optional

from spacy.attrs import IDX
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span

from coopextract.pipeline.document import ParagraphComponent, after_line_break, not_english_sentences, text_of, words_of
from coopextract.pipeline.lexicon import LEXICON_FILES, Lexicon, is_capitalised, is_initial, load_lexicon, unelided
from coopextract.pipeline.institutions.find_institutions import quoted_ranges
from coopextract.pipeline.people.scripts import find_script_people

# How far left of a name a role phrase may start: long enough for "Director of International
# Relations of the State Library for Foreign Literature named after A. P. Chekhov"
# (~20 tokens), found by reading the longest role phrases in the seed documents.
ROLE_LOOKBACK = 28
# How long a role phrase after a name may be (", Director of the National Library of Poland").
ROLE_AFTER_MAX = 16
# Most name words a person's name has ("Rashid Akif oglu Mammadli" has 3 + a particle).
MAX_NAME_WORDS = 5
# The shortest surname in capitals that no list holds, after a given name ("Francis ZOGO"):
# shorter ones are mostly acronyms.
CAPS_SURNAME_MIN = 4
# Longest abbreviated given name written with a full stop ("Md.", "Mohd.", "Wm.").
GIVEN_ABBREVIATION_MAX = 4
# The longest lower-case syllable after a hyphen in a given name: "Ji-yeon", "Si-young", "Jae-hyung".
HYPHEN_SYLLABLE_MAX = 6
# Letters before a post's ending for a compound to name a post: "Ober|bürgermeister".
COMPOUND_STEM_MIN = 3
STOP_PUNCT = {",", ";", ":", ".", "(", ")", "–", "—", "!", "?", "\"", "“", "”"}


class _Context:
    def __init__(self, doc: Doc, lex: Lexicon):
        self.doc, self.lex = doc, lex
        self.texts, self.lowers = words_of(doc)     # doc[i].text makes a Token at each call
        self.articles = lex.function_words["articles"]
        # trimmed from the ends of a role phrase: the listed words and joining punctuation
        self.role_glue = lex.function_words["role_glue"] | {"-", "&"}
        self.inst_at = {}
        for k, span in enumerate(doc.spans.get("institutions", [])):
            for t in range(span.start, span.end):
                self.inst_at.setdefault(t, k)
        self.blocked = {t for s in doc.spans.get("products", []) for t in range(s.start, s.end)}
        self.places = {t for s in doc.spans.get("locations", []) for t in range(s.start, s.end)}
        self.cities = {t for s in doc.spans.get("locations", []) if (s._.location or {}).get("kind") == "city"
                       for t in range(s.start, s.end)}
        spans = [(a, b) for a, b in quoted_ranges(text_of(doc))]
        self.quoted = set()             # tokens starting inside quotation marks
        if spans:
            starts = doc.to_array(IDX).tolist()
            for a, b in spans:
                self.quoted.update(range(bisect_left(starts, a), bisect_left(starts, b)))
        # titles the tokenizer keeps as one token ("H.E."): the lexicon holds them split
        self.glued_titles = lex.glued_titles
        self.new_lines = after_line_break(doc)     # tokens that start a line of the paragraph
        self.run_starts: set[int] = set()     # first tokens of multi-word name candidates
        self.run_ends: set[int] = set()       # last tokens of them

    def name_word(self, i: int) -> bool:
        t = self.texts[i]
        if not t[:1].isupper():
            return False  # not capitalised: the answer of most tokens, before any other test
        if i in self.inst_at or i in self.quoted or i in self.blocked or not is_capitalised(t) or t in self.lex.non_name:
            return False
        if t.endswith("s") and t[:-1].lower() in self.lex.roles:     # "Librarians", "Directors"
            return False
        if t != (bare := unelided(t)) and (bare.lower() in self.lex.roles or bare in self.lex.title_words):
            return False                        # "L’ambassadeur Anna Berg": a role, not a name
        if self._role_compound(t.lower()):       # "Oberbürgermeister", "Bibliotheksdirektorin"
            return False
        if t.endswith("s") and (t[:-1] in self.lex.heads or t[:-3] + "y" in self.lex.heads):   # "Services", "Agencies"
            return False
        if (len(t) > 5 and t.lower().endswith(self.lex.non_name_suffixes) and not t.lower().endswith(self.lex.patronymic_suffixes)
                and t not in self.lex.given_names and t not in self.lex.family_names):
            return False                        # "Ministry", "Secretary"; not "Rosemary", "Hillary"
        if is_initial(t):
            if t in self.glued_titles:           # "H.E." is a title, not initials
                return False
            # nor are the letters of one written apart: "H. E. Ana Tarvo" (His/Her Excellency)
            after = self.texts[i + 1] if i + 1 < len(self.texts) else None
            return not ((after is not None and self.lex.title_of([t, after]) == 2)
                        or (i > 0 and self.lex.title_of([self.texts[i - 1], t]) == 2))
        if (len(t) == 1 and i + 1 < len(self.texts) and self.texts[i + 1] in self.lex.non_name
                and self.texts[i + 1][:1].isupper()):
            return False                          # a degree written in pieces after a name: "S Ag", "M Hum"
        if (i + 1 < len(self.texts) and self.texts[i + 1] == "." and not self.doc[i].whitespace_
                and t + "." in self.lex.non_name):
            return False                          # a title the tokenizer split from its full stop: "Ing" "."
        if (t.endswith(".") and len(t) - 1 <= GIVEN_ABBREVIATION_MAX and t[:-1] in self.lex.given_names
                and i + 1 < len(self.texts) and self.texts[i + 1][:1].isupper()):
            return True                         # an abbreviated given name: "Md. Rafiqul Hasan", "Mohd. Nor"
        if glued_initials(t):                   # "A.Aidarbekov", "Ch.Aitmatova": initials glued to the surname;
            last = t.rsplit(".", 1)[1]          # not a head or a generic word after them ("U.N.Agency")
            return last not in self.lex.non_name and last not in self.lex.heads
        if len(t) > 1 and t.isupper():          # an acronym, not a name, unless a family name in capitals
            if (_REGNAL.fullmatch(t) and i > 1 and self.texts[i - 1][:1].isupper() and not self.texts[i - 1].isupper()
                    and self.texts[i - 2] in self.lex.title_words):
                return True                     # a regnal number after a titled name: "Pope Markos III", "King Tupou VI"
            return self.caps_family_name(i)
        if t.isalpha():                         # Token.is_alpha is str.isalpha
            return True
        if not all(c.isalpha() or c in "'’-" for c in t) or t in self.glued_titles:     # "Hon'ble"
            return False
        if "'" not in t and "’" not in t:
            return True                         # "Al-Amin"
        # an apostrophe inside a name is followed by a syllable ("O'Brien", "Is’haq", "Vaha’akolo");
        # after one with no vowel the word is a contraction ("Int’l", "Gov't", Welsh "Meddai’r")
        rest = t.replace("’", "'").rsplit("'", 1)[-1]
        return any(c in _VOWELS for c in rest.lower())

    def caps_family_name(self, i: int) -> bool:
        """'WANG Xiaoming', 'Hiroshi TANAKA': a known family name in capitals beside a given name."""
        t = self.texts[i]
        name = t.capitalize()   # two look-ups: the union of the two sets cost 1 ms a call
        if not t.isalpha():
            return False
        if name not in self.lex.family_names and name not in self.lex.family_first:
            # an unknown surname in capitals right after a given name: "Francis ZOGO"; not a
            # known acronym, and long enough not to be an unknown one ("Anna ILO")
            # ... or after a title and one capitalised word ("Dr. Tuya BATSAIKHAN")
            # ... or, written family name first, right before a given name ("SANOGO Aminata") or
            # after a title and before a capitalised word ("Madame NDUWAYO Triphine")
            return (len(t) >= CAPS_SURNAME_MIN and t not in self.lex.acronyms
                    and ((i > 0 and self.texts[i - 1] in self.lex.given_names and self.texts[i - 1] not in self.lex.non_name
                          and not self.texts[i - 1].isupper()) or self.after_title_and_word(i)
                         or self.before_given_name(i)))
        for k in (i - 1, i + 1):
            if 0 <= k < len(self.texts):
                w = self.texts[k]
                if w[:1].isupper() and not w.isupper() and w in self.lex.given_names and w not in self.lex.non_name:
                    return True
                if _ROMANISED_GIVEN.fullmatch(w):     # "KIM Su-jeong" (the hyphen kept in one token)
                    return True
        if i >= 3 and self.texts[i - 2] in ("-", "‑") and _ROMANISED_GIVEN.fullmatch("".join(self.texts[i - 3:i])):
            return True                             # "Lee-joon PARK" (the tokenizer cut the hyphen)
        # after a title and one capitalised word: "Mr Gangsoo LEE", "ông Minho KIM"; after a
        # title before one: "Madame NDUWAYO Triphine"
        return self.after_title_and_word(i) or self.before_given_name(i)

    def before_given_name(self, i: int) -> bool:
        """Token i stands right before a given name (not in capitals), or after a title and right
        before a capitalised word: a family name written first."""
        if i + 1 >= len(self.texts):
            return False
        w = self.texts[i + 1]
        if not (w[:1].isupper() and not w.isupper() and w.isalpha()):
            return False
        # (a given name that is also an English word may be a noun after an acronym: "the LAS Grant")
        return ((w in self.lex.given_names and w not in self.lex.non_name and w.lower() not in self.lex.common_words)
                or (i > 0 and self.texts[i - 1] in self.lex.title_words))

    def after_title_and_word(self, i: int) -> bool:
        """Token i follows a title and one capitalised word (not in capitals)."""
        return (i >= 2 and self.texts[i - 1][:1].isupper() and not self.texts[i - 1].isupper()
                and self.texts[i - 1].isalpha() and self.texts[i - 2] in self.lex.title_words)

    def common_word_surname(self, i: int, start: int) -> bool:
        """A known family name that is also a common word ("Pastor", "Mason", "Bishop") ends a
        name after a given name and a surname: "Nelly Casas Pastor, director of ..." — when no
        capitalised word follows it (then it would begin a title or a heading)."""
        t = self.texts[i]
        return (i - start >= 2 and t[:1].isupper() and t.isalpha() and not t.isupper() and t in self.lex.non_name
                and t in self.lex.family_names and self.texts[start] in self.lex.given_names
                and not (i + 1 < len(self.texts) and self.texts[i + 1][:1].isupper()))

    def title_as_surname(self, i: int) -> bool:
        """A one-word title right after a known given name is a surname there: "Pamela Pak"
        (Indonesian "Pak" is "Mr." before a name)."""
        t = self.texts[i]
        return (i > 0 and t[:1].isupper() and t.isalpha() and t in self.lex.title_words
                and self.texts[i - 1] in self.lex.given_names and not (i + 1 < len(self.texts) and self.name_word(i + 1)))

    def past_inner_title(self, i: int) -> Optional[int]:
        """Where a name goes on after a title that stays inside it at ``i`` (with its full stop
        maybe) and the name word after that title ("Aminah Hj Salleh", "bin Hj. Ahmad"); None
        when there is no such title."""
        if not self.texts[i][:1].isupper() or self.lowers[i] not in self.lex.function_words["name_inner_titles"]:
            return None
        after = i + 1 + (i + 1 < len(self.texts) and self.texts[i + 1] == ".")
        return after + 1 if after < len(self.texts) and self.name_word(after) else None

    def title_as_given(self, i: int) -> bool:
        """A one-word title followed by a patronymic particle is a given name there: "Sheikh
        Sultan bin Muhammad" (Sultan is also a title)."""
        return (self.texts[i] in self.lex.title_words and i + 1 < len(self.texts)
                and self.lowers[i + 1] in self.lex.function_words["patronymic_particles"])

    def role_word(self, i: int) -> bool:
        w = unelided(self.lowers[i])         # "l’ambassadeur, Anna Berg", "dell'ambasciatore"
        return (w in self.lex.roles or (w.endswith("s") and w[:-1] in self.lex.roles)
                or (self.texts[i][:1].isupper() and self._role_compound(w))) and i not in self.inst_at

    def _role_compound(self, w: str) -> bool:
        """A compound ending in a post ("Oberbürgermeister", "Bibliotheksdirektorin")."""
        endings = self.lex.function_words["role_compound_endings"]
        return w.endswith(_as_tuple(endings)) and any(w.endswith(end) and len(w) >= len(end) + COMPOUND_STEM_MIN
                                                      for end in endings)


@lru_cache(maxsize=8)
def _as_tuple(words: frozenset) -> tuple:
    """``words`` as a tuple, for ``str.endswith`` to test them all in one call."""
    return tuple(words)


# Hyphens that join the parts of one word.
_HYPHENS = frozenset({"-", "‐", "‑"})


def candidates(ctx: _Context) -> list[tuple[int, int]]:
    """Runs of name words (token ranges), split at anything that is not part of a name."""
    doc, lex, texts = ctx.doc, ctx.lex, ctx.texts
    runs, i, n = [], 0, len(doc)
    # a name word is capitalised: only those tokens can start a run (most tokens are not)
    capitalised = [k for k, t in enumerate(texts) if t[:1].isupper()]
    c = 0
    while i < n:
        while c < len(capitalised) and capitalised[c] < i:
            c += 1
        if c == len(capitalised):
            break
        i = capitalised[c]
        if not ctx.name_word(i) and not ctx.title_as_given(i):
            i += 1
            continue
        if (i >= 2 and doc[i - 1].text in _HYPHENS and doc[i - 1].whitespace_ == "" and doc[i - 2].whitespace_ == ""
                and doc[i - 2].is_title):
            i += 1                  # the second part of a hyphened word ("Saint-Joseph", "Coordenador-Geral"): no name starts there
            continue
        j = i + 1
        while j < n:
            if j in ctx.new_lines:
                break                                   # a name does not run on into the next line
            if _CASE_SUFFIX.search(texts[j - 1]):
                break                                   # a case ending closes a Turkish name: "Edi Rama’nın Ocak ..."
            if (past := ctx.past_inner_title(j)) is not None:
                j = past                                # "Aminah Hj Salleh", "Norlela Hj. Osman"
            elif ctx.name_word(j) or ctx.title_as_surname(j) or ctx.common_word_surname(j, i):
                j += 1
            elif texts[j] in lex.particles:    # "van der Berg", "Akif oglu Mammadli"
                k = j
                while k < n and texts[k] in lex.particles:
                    k += 1
                if k < n and ctx.name_word(k):
                    j = k + 1
                elif (k + 1 < n and doc[k].text == "-" and doc[k - 1].whitespace_ == "" and doc[k].whitespace_ == ""
                      and ctx.name_word(k + 1)):
                    j = k + 2                 # "Khalid al-Rashid", "Amr el-Sayed"
                elif k < n and (past := ctx.past_inner_title(k)) is not None:
                    j = past                  # the father's title is part of the name: "Yusof bin Hj. Ahmad"
                else:
                    break
            elif (doc[j].text == "-" and doc[j - 1].whitespace_ == "" and doc[j].whitespace_ == "" and j + 1 < n
                  and (ctx.name_word(j + 1) or (doc[j + 1].is_lower and doc[j + 1].is_alpha
                                                and len(doc[j + 1]) <= HYPHEN_SYLLABLE_MAX))):
                j += 2                                # "Jean-Pierre", "Ji-yeon", "Sung-ho", "Si-young"
            elif (texts[i] in lex.family_first and texts[j] in lex.given_names and texts[j][:1].isupper()
                  and j not in ctx.inst_at and ctx.lowers[j] in STOP_WORDS):
                j += 1                                # "Nguyen Van An": a given name that is also a word
            else:
                break
        runs.extend(_split_run(ctx, i, j))
        i = j
    return runs


# A regnal number, II to XXIII, after a title and one name ("Pope Tawadros II"): I alone is the pronoun or an initial.
_REGNAL = re.compile(r"X{0,2}(?:IX|IV|V?I{1,3}|V)")
# A romanised Korean or Chinese given name of two syllables joined by a hyphen ("Lee-joon", "Su-jeong", "Xiao-ming").
_ROMANISED_GIVEN = re.compile(r"[A-Z][a-z]{1,5}-[a-z]{2,5}")
# Initials written onto the surname without a space, in any alphabet with capitals:
# "A.Aidarbekov", "Ch.Aitmatova", "D.Tserendavaa", "В.П.Козлов", "Б.Батцэцэг".
GLUED_INITIALS_MAX = 3


def glued_initials(t: str) -> bool:
    """One to ``GLUED_INITIALS_MAX`` initials (a capital, maybe one small letter: "Ch."), each
    with its full stop, written onto a capitalised surname of three letters or more."""
    *initials, surname = t.split(".")
    return (1 <= len(initials) <= GLUED_INITIALS_MAX and len(surname) >= 3 and surname.isalpha()
            and surname[0].isupper() and surname[1:].islower()
            and all(1 <= len(i) <= 2 and i.isalpha() and i[0].isupper() and (len(i) == 1 or i[1].islower()) for i in initials))


def _split_run(ctx: _Context, i: int, j: int, glued_read: bool = False) -> list[tuple[int, int]]:
    """A place at the start of a run is not a name word ("Warsaw Anna Nowak"); a run ending
    in initials alone is dropped; runs too long to be one name are cut."""
    doc = ctx.doc
    # initials glued to a surname start a name (not after a given name: "Angela L.Gemza"), and a
    # place or another such name after them ends it: "Росархива В.П.Козлов", "сайд Б.Батцэцэг
    # Санкт-Петербург хотноо", "T.Kara T.Bek ilə görüşüb"
    glued = None if glued_read or j - i < 2 else next(
        (k for k in range(i, j) if glued_initials(ctx.texts[k])
         and not (k > i and ctx.texts[k - 1] in ctx.lex.given_names)), None)
    if glued is not None:
        end = glued + 1 if glued + 1 < j and ((glued + 1) in ctx.places or glued_initials(ctx.texts[glued + 1])) else j
        return ((_split_run(ctx, i, glued) if glued > i else []) + _split_run(ctx, glued, end, True)
                + (_split_run(ctx, end, j) if end < j else []))
    # a place inside a run ends what comes before it: in "… Radio Bergen Kari Nordmann" the
    # name follows the place; but a city as the last word after a name word is a surname
    # ("Ana Porto"), and a city that is also a given name can be the first word ("Florence Martin",
    # not "Lahore Peng Zhengwu")
    places = [k for k in range(i, j) if k in ctx.places and not (k == j - 1 and k > i and k in ctx.cities
                                                                and (k - 1) not in ctx.places)
              and not (k == i and k in ctx.cities and j - i >= 2 and (k + 1) not in ctx.places
                       and doc[k].text in ctx.lex.given_names)
              and not (k > i and doc[k].text in ctx.lex.given_names and doc[k - 1].text in ctx.lex.given_names
                       and k - 1 not in ctx.places)]          # a second given name: "Joyce Ann L. Rocamora"
    if places:
        i = max(i, places[-1] + 1)
    # a word in the locative after its preposition is a place, and the name comes after it:
    # "ambasador u Austriji Pero Janković", "na Ukrainie Larysy Levchenko"
    # and a run of one or two words there with no given name is all place: "u Crnoj Gori",
    # "w Nowym Targu" (a two-word place in the locative)
    if (i > 0 and doc[i - 1].lower_ in ctx.lex.function_words["place_prepositions_before_names"]
            and doc[i].text not in ctx.lex.given_names):
        if j - i >= 3:
            i += 1
        elif doc[i - 1].is_lower and not any(doc[k].text in ctx.lex.given_names for k in range(i, j)):
            return []
    # an initial starts a new name: "… Chekhov A. Smith"; not after given names alone, where it
    # is a middle initial ("James H. Whitfield", "Joyce Ann L. Rocamora")
    # a name is followed by its initials only at the end of the run: "Ospanova B.K.", "Ivanov I. I."
    parts, s = [], i
    trailing = j
    titled = bool(ctx.lex.title_of(ctx.texts[max(0, i - 3):i]))    # "Mr. Momodu W. Jalloh": one name
    while trailing - 1 > i and is_initial(doc[trailing - 1].text):
        trailing -= 1
    for k in range(i + 1, j):
        if (is_initial(doc[k].text) and not is_initial(doc[k - 1].text)
                and not all(doc[m].text in ctx.lex.given_names for m in range(s, k))
                and not (titled and s == i and k - s == 1 and k + 1 < j and not is_initial(doc[k + 1].text))
                and not (k == trailing and k - 1 == s)):
            parts.append((s, k))
            s = k
    parts.append((s, j))
    out = []
    for a, b in parts:
        if a < b and not all(is_initial(t.text) for t in doc[a:b]) and (
                not is_initial(doc[b - 1].text) or (b == j and b - trailing < b - a)):
            out.append((a, _cut(ctx, a, b)))
    return out


# A case ending written after an apostrophe on a name's last word (Turkish, Azerbaijani:
# "Jiazhong’un", "Ankara'daki"): not part of the name. The endings are a closed set (genitive,
# accusative, dative, locative, ablative, instrumental, "of/in", the plural and the copula, with
# their vowel and buffer-consonant variants); an apostrophe before other letters is inside the
# name, as in Arabic names transliterated with it ("Is’haq", "Ja'far", "Ma’mun", "Sa'id").
_CASE_ENDINGS = ("n?[ıiuüə]n|[ny]?[ıiuüə]|[ny]?[aeə]|[nyl]?[dt][aeə]n?|[dt][aeə]ki|nd[aeə]ki|y?l[aeə]|"
                 "[dt][ıiuü]r|ki|[cç][aeə]|l[ae]r|l[ae]r[ıi]|[ns]?[ıi]n?")
# Vowel letters of the Latin and Cyrillic alphabets a name syllable holds (after an apostrophe inside a name).
_VOWELS = frozenset("aeiouyáàâäãåæéèêëíìîïóòôöõøœúùûüýÿāēīōūăęėįıǎǐǒǔəőűųаеёиоуыэюяіїє")
_CASE_SUFFIX = re.compile(rf"(?<=[^\W\d_])['’](?:{_CASE_ENDINGS})$")


def _cut(ctx: _Context, a: int, b: int) -> int:
    """The end of a run of at most ``MAX_NAME_WORDS`` + 1 words, particles not counted ("Mohd
    Hamid bin Haji Mohd Jaafar")."""
    words = 0
    for k in range(a, b):
        if ctx.texts[k] not in ctx.lex.particles:
            words += 1
            if words > MAX_NAME_WORDS + 1:
                return k
    return b


def _title_before(ctx: _Context, s: int) -> Optional[tuple[int, str]]:
    words = ctx.texts[max(0, s - 3): s]
    k = ctx.lex.title_of(words)
    if k:
        return s - k, ctx.doc[s - k: s].text
    # an abbreviated title the tokenizer split from its full stop: "Drs." → "Drs" "." ("Dra.", "Ir.")
    if (s > 1 and ctx.texts[s - 1] == "." and ctx.doc[s - 2].whitespace_ == ""
            and ctx.lex.title_of(ctx.texts[max(0, s - 4): s - 2] + [ctx.texts[s - 2] + "."])):
        k = ctx.lex.title_of(ctx.texts[max(0, s - 4): s - 2] + [ctx.texts[s - 2] + "."]) + 1
        return s - k, ctx.doc[s - k: s].text
    if s > 0 and ctx.texts[s - 1] in ctx.glued_titles:     # "H.E.", "Sig.ra" as one token
        return s - 1, ctx.doc[s - 1].text
    return None


def _role_before(ctx: _Context, s: int) -> Optional[tuple[int, int]]:
    """(start, end) of the role phrase ending right before token s, if any."""
    texts, lowers = ctx.texts, ctx.lowers
    j = s - 1
    role_at = None
    while j >= 0 and s - j <= ROLE_LOOKBACK:
        if texts[j] in STOP_PUNCT and j not in ctx.inst_at:
            break
        if ctx.role_word(j):
            role_at = j
            break
        if j not in ctx.inst_at and lowers[j] in ctx.lex.cues_after:
            break
        if j in ctx.run_ends:                 # another person's name
            break
        if lowers[j] == "and" and j > 0 and not is_capitalised(texts[j - 1]):   # "… libraries and X"
            break
        j -= 1
    if role_at is None:
        return None
    k = role_at
    while k > 0:
        prev_text = texts[k - 1]
        if (lowers[k - 1] in ctx.lex.role_modifiers or prev_text == "-" or ctx.role_word(k - 1)
                or (k - 1 in ctx.inst_at)
                or (is_capitalised(prev_text) and prev_text.lower() not in {"the", "a", "an", "on", "in", "and"}
                    and not ctx.name_word(k - 1))):
            k -= 1
        else:
            break
    return k, s


def _role_after(ctx: _Context, e: int) -> Optional[tuple[int, int]]:
    texts, lowers, n = ctx.texts, ctx.lowers, len(ctx.texts)
    if e >= n or texts[e] != ",":
        return None
    k = e + 1
    while k < n and k - e <= 4 and not ctx.role_word(k):
        if lowers[k] in ctx.articles or lowers[k] in ctx.lex.role_modifiers or k in ctx.inst_at \
                or (is_capitalised(texts[k]) and not ctx.name_word(k)) or texts[k] == "-":
            k += 1
        else:
            return None
    if k >= n or not ctx.role_word(k):
        return None
    m = k + 1
    while m < n and m - k <= ROLE_AFTER_MAX:
        if texts[m] in STOP_PUNCT and m not in ctx.inst_at:
            break
        if m not in ctx.inst_at and lowers[m] in ctx.lex.cues_after:
            break
        if lowers[m] == "and" and m + 1 < n and ctx.name_word(m + 1):
            break
        if m in ctx.run_starts:               # the phrase is the next name's role, not this one's
            return None
        m += 1
    return e + 1, m


def _phrase_role_and_affiliation(ctx: _Context, a: int, b: int) -> tuple[Optional[str], Optional[int]]:
    """The role text of tokens [a, b) without the institution it names, and that institution."""
    doc = ctx.doc
    while a < b and doc[a].lower_ in ctx.articles:
        a += 1
    inst = next((ctx.inst_at[t] for t in range(a, b) if t in ctx.inst_at), None)
    end = b
    if inst is not None:
        span = doc.spans["institutions"][inst]
        first = span.start
        glue = first - 1
        while glue > a and doc[glue].lower_ in {"the", "a"}:
            glue -= 1
        if first > a and doc[glue].lower_ in {"of", "for", "at", "in"}:   # "Director of <institution>"
            end = first
            while end > a and doc[end - 1].lower_ in ctx.role_glue:
                end -= 1
    while end > a and (doc[end - 1].lower_ in ctx.role_glue or doc[end - 1].text in STOP_PUNCT):
        end -= 1
    text = doc[a:end].text if end > a else None
    return text, inst


def find_people(doc: Doc, lex: Lexicon) -> list[Span]:
    ctx = _Context(doc, lex)
    runs = candidates(ctx)
    for s, e in runs:
        if e - s >= 2:
            ctx.run_starts.add(s)
            ctx.run_ends.add(e - 1)
    found: list[tuple[Span, dict]] = []
    sentence_case: dict[int, bool] = {}          # sentence start → _title_case_sentence, read once

    def title_case(span: Span) -> bool:
        sent = span.sent
        if sent.start not in sentence_case:
            sentence_case[sent.start] = _title_case_sentence(span)
        return sentence_case[sent.start]

    model = list(doc.spans["model_ents"]) if "model_ents" in doc.spans else None     # --model's NER
    # a sentence of another language than English, as the trigger rules judge it (French "M.")
    foreign = not_english_sentences(doc, (lex.function_words["english_markers"], lex.function_words["foreign_markers"]))
    for s, e in runs:
        if _named_after(doc, s, lex.function_words["eponym_markers"]) or _citation(doc, s, e) or _quoted_eponym(doc, s, e, lex):
            continue
        info = {"title": None, "role": None, "affiliation": None, "evidence": None}
        if e - s >= 2 and ctx.texts[s] == "M." and foreign(s):
            s += 1                          # French "M." (Monsieur) is a title there, not an initial
            info["title"], info["evidence"] = "M.", "title"
        left = s if info["title"] is None else s - 1
        title = _title_before(ctx, s) if info["title"] is None else None
        if title:
            left, info["title"] = title[0], title[1]
            info["evidence"] = "title"
        role = _role_before(ctx, left) or _role_after(ctx, e)
        if role is None and left > 1 and doc[left - 1].text == ",":
            role = _role_before(ctx, left - 1)
        if role:
            info["role"], inst = _phrase_role_and_affiliation(ctx, *role)
            if inst is not None:
                info["affiliation"] = doc.spans["institutions"][inst].start_char
            info["evidence"] = info["evidence"] or "role"
        if info["affiliation"] is None and e + 1 < len(doc) and doc[e].lower_ in ("of", "from"):
            k = e + 2 if doc[e + 1].lower_ in ("the", "a") else e + 1       # "X of the German National Library"
            if k in ctx.inst_at:
                info["affiliation"] = doc.spans["institutions"][ctx.inst_at[k]].start_char
        words = ctx.texts[s:e]
        span = Span(doc, s, e, label="PERSON")
        if info["evidence"] is None and _cue(ctx, left, e) and _some_known_name(lex, words) and not _phrase(lex, words):
            info["evidence"] = "cue"        # "met with Anna Berg"; not "Home Depot opened": no word a known name
        if info["evidence"] is None and _form(lex, words):
            info["evidence"] = "form"
        if e - s == 1 and glued_initials(doc[s].text):
            info["evidence"], info["single_name"] = info["evidence"] or "form", True   # "A.Aidarbekov"
        elif (e - s < 2 and info["evidence"] == "role" and role[1] == left and doc[left - 1].text[:1].isupper()
                and not any(ctx.texts[j].islower() for j in range(role[0], left))
                and (words[0] in lex.family_names or words[0].title() in lex.family_names)):
            info["single_name"] = True         # a role right before a single word: "President Clinton",
                                               # "Director General Zheng"; not the end of a unit's name after
                                               # "of": "Head of the Department of Islamic Law"
        elif e - s < 2 and info["evidence"] != "title":
            info["evidence"] = None            # a single word needs a title or a role right before it,
                                               # or linking to a full name
        if (info["evidence"] is None and 2 <= sum(1 for w in words if w[:1].isupper()) <= 4
                and not _sentence_initial_word(doc, s) and _known_name(lex, words) and not title_case(span)
                and words[0].lower() not in lex.function_words["name_articles"]):
            info["evidence"] = "shape"         # not an article and a word: "La Calera", "Le Monde"
        if info["evidence"] in ("title", "role") and not any(w.isupper() and len(w) > 1 for w in words) and (
                _phrase(lex, words) or (e - s == 1 and words[0].lower() in lex.roles)):   # ("Min-jun PARK": a family name)
            info["evidence"] = None            # a post's words after a title or post, no name:
                                               # "Chief Policy Analyst", "Hon. Speaker", "Immediate Past President"
        if model is not None:
            info["evidence"] = _model_evidence(model, s, e, info["evidence"])
        found.append((span, info))
    _share_list_evidence(doc, found, lex)
    _given_name_lists(doc, found, lex)
    # The model's veto, after a list has shared its evidence: a name held on its shape, a verb
    # near it or its list alone, whose first word is no known given name ("Home Depot", not "Francesca Kelly":
    # a small model calls some foreign names organisations).
    if model is not None:
        for span, info in found:
            if (info["evidence"] in ("shape", "cue", "list") and span[0].text not in lex.given_names
                    and _model_says_other(model, span.start, span.end)):
                info["evidence"] = None
    out = []
    for span, info in found:
        if info["evidence"] is not None:
            span = _with_generation(doc, span, lex.function_words["generational_suffixes"])
        info["name"] = _CASE_SUFFIX.sub("", span.text)     # "Fang Jiazhong’un" (Turkish: of Fang Jiazhong)
        info["sent_start"] = span[0].is_sent_start
        info["words"] = len([t for t in span if t.text not in lex.particles and t.text != "-"])
        span._.person = info
        out.append(span)
    # Chinese, Japanese, Korean and Arabic script: no capitals, names beside a post or a title.
    # A Span's extension values are kept per token range: the names of one token (a Chinese or
    # Japanese clause) share one span, each with its own characters in ``inside``.
    by_tokens: dict[tuple[int, int], list] = {}
    for span, info in find_script_people(doc, lex, set(ctx.inst_at)):
        by_tokens.setdefault((span.start, span.end), []).append((span, info))
    for group in by_tokens.values():
        span, info = group[0]
        span._.person = info if len(group) == 1 else {**info, "inside": [i for _, i in group]}
        out.append(span)
    return out


def _with_generation(doc: Doc, span: Span, suffixes: frozenset) -> Span:
    """``span`` with the suffix that tells a generation right after it, in its sentence and on
    its line, after a comma or not ("Robert T. Lane III", "John Doe Jr.", "Martin Luther King,
    Jr."): part of the name; not before a capitalised word, where "Sr." is the title of the next
    name in Spanish and Portuguese ("Sr. Iago Brandão, Sr. Rui Costa")."""
    k = span.end
    if k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ in suffixes:
        k += 1
    if not (k < len(doc) and doc[k].lower_ in suffixes and doc[k].text[:1].isupper() and not doc[k].is_sent_start
            and "\n" not in doc[k - 1].whitespace_ and "\n" not in doc[span.end - 1].whitespace_):
        return span
    after = k + 2 if k + 2 < len(doc) and doc[k + 1].text == "." and doc[k].is_alpha and not doc[k].is_upper else k + 1
    if after < len(doc) and doc[after].text[:1].isupper() and doc[after].is_alpha:
        return span                     # "Sr. Rui Costa": the title of the next name
    return Span(doc, span.start, k + 1, label=span.label_)


# What a statistical NER (``--model``) says against a name the rules took on its shape or form
# alone: an organisation, product, event, work, place or nationality ("General Dynamics",
# "Galaxy Note", "World Economic Forum").
MODEL_NOT_PERSON = frozenset({"ORG", "PRODUCT", "EVENT", "WORK_OF_ART", "FAC", "GPE", "LOC", "NORP", "LAW"})


def _model_evidence(model: list, s: int, e: int, evidence: Optional[str]) -> Optional[str]:
    """The evidence for tokens [s, e) once the model has spoken: a PERSON on exactly this run
    of two or more words confirms a name that had none. (Its veto, :func:`_model_says_other`, is applied
    after list evidence is shared: titles and roles stand whatever the model says.)"""
    if evidence is None and e - s >= 2 and any(m.label_ == "PERSON" and (m.start, m.end) == (s, e) for m in model):
        return "model"
    return evidence


def _model_says_other(model: list, s: int, e: int) -> bool:
    """The model calls tokens [s, e) something else than a person, and no part of them a person."""
    return (any(m.label_ in MODEL_NOT_PERSON and m.start <= s and e <= m.end for m in model)
            and not any(m.label_ == "PERSON" and m.start < e and s < m.end for m in model))


def _named_after(doc: Doc, s: int, markers: frozenset = frozenset()) -> bool:
    """The name after "named after" or an eponym marker of ``markers`` ("im.", "имени", "імені"),
    initials between: the institution's namesake, not a person of the document. The marker is
    read in the text, since a tokenizer may cut it ("im." → "i", "m.")."""
    j = s
    while j > 0 and is_initial(doc[j - 1].text):
        j -= 1
    if j >= 2 and doc[j - 2].lower_ == "named" and doc[j - 1].lower_ == "after":
        return True
    before = text_of(doc)[max(0, doc[j].idx - 12):doc[j].idx].lower().split()
    return bool(before) and before[-1] in markers


# Quotation marks around an institution's namesake: „Andrei Ciurunga”, ‘Eugen Coşeriu’, ’’Fan Noli’’.
_OPENING_QUOTES = frozenset({"„", "“", '"', "‘", "'", "«", "‘‘", "’’", "''", "``", "‚"})
_CLOSING_QUOTES = frozenset({"”", "“", '"', "’", "'", "»", "’’", "''", "‘‘"})
# Words between an institution's head and the quoted namesake: "Biblioteca Publică Raională „…”".
EPONYM_HEAD_REACH = 4


def _quoted_eponym(doc: Doc, s: int, e: int, lex: Lexicon) -> bool:
    """A name in quotation marks right after an institution's head word ("Biblioteca Județeană
    „Ana Ionescu”", "Library ‘Anna Berg’", "библиотека „Иван Петров“"): the namesake the
    institution bears, not a person of the document."""
    if s == 0 or e >= len(doc) or doc[s - 1].text not in _OPENING_QUOTES or doc[e].text not in _CLOSING_QUOTES:
        return False
    return any(t.text in lex.heads or t.text.title() in lex.heads for t in doc[max(0, s - 1 - EPONYM_HEAD_REACH):s - 1])


def _citation(doc: Doc, s: int, e: int) -> bool:
    """'(Khalafov, 2007, p. 320)', 'Khalafov (2007)': a reference, not a person spoken of."""
    nxt = doc[e: e + 2]
    return (len(nxt) == 2 and nxt[0].text in {",", "("} and nxt[1].like_num and len(nxt[1].text) == 4) or \
        (s > 0 and doc[s - 1].text == "(" and len(nxt) == 2 and nxt[0].text == "," and nxt[1].like_num)


def _cue(ctx: _Context, s: int, e: int) -> bool:
    doc, lex = ctx.doc, ctx.lex
    if s > 1 and doc[s - 1].text == ":":
        s -= 1                              # a byline's colon: "Written by: Anna Berg", "Photos: Anna Berg"
    for n in (2, 1):
        before = tuple(t.lower_ for t in doc[max(0, s - n): s])
        if len(before) == n and before in lex.cues_before:
            return True
    return e < len(doc) and doc[e].lower_ in lex.cues_after


def _some_known_name(lex: Lexicon, words: list[str]) -> bool:
    """A word of the run is a known given or family name (``given_names.txt``,
    ``family_names.txt``: names-dataset), whatever its case ("TANAKA")."""
    return any(w in lex.given_names or w in lex.family_names or w.title() in lex.given_names
               or w.title() in lex.family_names for w in words)


def _given_first(lex: Lexicon, names: list[str]) -> bool:
    """The first capitalised word is a known given name, or a family name of the languages that
    write it first ("Kovács", "Wang"), in any case."""
    first = names[0] if names else ""
    return any(f in lex.given_names or f in lex.family_first for f in (first, first.title()))


def _form(lex: Lexicon, words: list[str]) -> bool:
    names = [w for w in words if w[:1].isupper()]
    return len(names) >= 2 and (
        any(is_initial(w) for w in words)
        # a particle needs a known given name first: "Juan de la Cruz", not "Leiterin der
        # Abteilung" or "Français de Yaoundé" (whose "Yaoundé" a name list may hold)
        or (any(w in lex.particles for w in words) and _given_first(lex, names))
        or any(w.lower().endswith(lex.patronymic_suffixes) for w in words))


def _phrase(lex: Lexicon, words: list[str]) -> bool:
    """Capitalised common words, no name: the last a common word and no family name, the first
    no given name or a common word too ("Trend Report", "Key Initiatives", "Senior Executives";
    not "Peter Limb", "Laura Bell")."""
    names = [w for w in words if w[:1].isupper() and w not in lex.particles]
    if len(names) < 2:
        return False
    first, last = names[0], names[-1]
    return (last not in lex.family_names and common_word(lex, last)
            and (first not in lex.given_names or common_word(lex, first)))


def common_word(lex: Lexicon, word: str) -> bool:
    """A frequent English word (``common_words.txt``) or its plural: "Report", "Initiatives"."""
    low = word.lower()
    return (low in lex.common_words or (low.endswith("s") and low[:-1] in lex.common_words)
            or (low.endswith("ies") and low[:-3] + "y" in lex.common_words))


def _known_name(lex: Lexicon, words: list[str]) -> bool:
    """The words read as a personal name by the name lexicons: a known given name first
    ("Laura Bell"); a known family name last after a word that is none ("Alvan Jafarov"); a
    family name written first and a given name after it ("Kovács Péter", "Wang Xiaoming"); a
    family name in capitals ("Hiroshi TANAKA"). Two capitalised words with
    none of these ("General Dynamics", "Surface Pro") are not a person on their shape alone."""
    names = [w for w in words if w[:1].isupper() and w not in lex.particles]
    if len(names) < 2:
        return False
    if _phrase(lex, names):
        return False
    first = names[0]
    if first in lex.given_names or (first.isupper() and first.capitalize() in lex.family_names | lex.family_first):
        return True
    if first in lex.family_first and any(w in lex.given_names for w in names[1:]):
        return True
    if names[-1] in lex.family_names and first not in lex.family_names:     # "Alvan Jafarov": a rare given name
        return True
    return any(w.isupper() and len(w) > 1 for w in names[1:])      # "Hiroshi TANAKA" (checked by caps_family_name)


# A sentence whose function words are capitalised is a headline ("Reading Rooms Open Across
# Northern Towns"): there, two capitalised words in a row say nothing. In running text function
# words are capitalised only at the start of a sentence; in title case nearly all of them are.
TITLE_CASE_SHARE = 0.5


def _title_case_sentence(span: Span) -> bool:
    function_words = [t for t in span.sent[1:] if t.is_alpha and t.lower_ in STOP_WORDS]
    capitalised = sum(t.text[0].isupper() for t in function_words)
    return capitalised >= 1 and capitalised / len(function_words) > TITLE_CASE_SHARE


def _sentence_initial_word(doc: Doc, s: int) -> bool:
    """A capitalised verb or adverb opening a sentence ('Introducing', 'Finally')."""
    return doc[s].is_sent_start and doc[s].lower_.endswith(("ing", "ed", "ly"))


# A list of at least this many given names alone ("Patti, John, Kristin and Pierre") names people.
GIVEN_NAME_LIST_MIN = 4


def _given_name_lists(doc: Doc, found: list, lex: Lexicon) -> None:
    """Single given names in a list of ``GIVEN_NAME_LIST_MIN`` or more, joined by commas and a
    last "and" ("Our party of Patti, John, Kristin and Pierre"): people, each on the list's
    evidence; not a place, a common word or an acronym among them."""
    def given(span) -> bool:
        t = span[0].text
        return (len(span) == 1 and t in lex.given_names and t not in lex.non_name and t not in lex.places
                and not t.isupper())

    k = 0
    while k < len(found):
        m = k
        while (m + 1 < len(found) and given(found[m][0]) and given(found[m + 1][0])
               and [t.text for t in doc[found[m][0].end:found[m + 1][0].start]] in ([","], ["and"], ["&"], [",", "and"])):
            m += 1
        group = found[k:m + 1]
        if len(group) >= GIVEN_NAME_LIST_MIN and all(given(span) for span, _ in group):
            for _, info in group:
                info["evidence"] = info["evidence"] or "list"
                info["single_name"] = True
        k = m + 1


LIST_GLUE = {",", ";", "and", "&"}
# Most tokens between two names of one list: ", Dr." / "and Prof." / ", and Mrs."
LIST_GAP_MAX = 4


def _share_list_evidence(doc: Doc, found: list, lex: Lexicon) -> None:
    """Names in one list with a person are persons: 'Lena Fischer, Dr. Karl Weber and Marta Kowalczyk'."""
    for k in range(1, len(found)):
        (a, ia), (b, ib) = found[k - 1], found[k]
        gap = [t.text for t in doc[a.end: b.start]]
        glue = [w for w in gap if w in LIST_GLUE]
        rest = [w for w in gap if w not in LIST_GLUE]
        if not glue or len(gap) > LIST_GAP_MAX or (rest and lex.title_of(rest) != len(rest)):
            continue
        if ia["evidence"] and not ib["evidence"] and len(b) >= 2:
            ib["evidence"] = "list"
        elif ib["evidence"] and not ia["evidence"] and len(a) >= 2:
            ia["evidence"] = "list"


def bracketed_affiliations(doc: Doc, people: list, lex: Lexicon) -> list[Span]:
    """Acronyms in brackets right after a person's name, the way programmes and reports write
    where each speaker comes from ("Dr. Ana Porto (UPC), Mr. Luis Vega (ESAN)"): institutions
    of their own (not a place, a demonym or a word of ``acronym_not_org`` such as PhD or MP),
    and the person's affiliation when the text gives no other."""
    from coopextract.pipeline.lexicon import looks_like_acronym

    not_org = lex.function_words["acronym_not_org"]
    taken = {t for s in doc.spans.get("institutions", []) for t in range(s.start, s.end)}
    out = []
    for person in people:
        e = person.end
        if not (person._.person.get("evidence") and e + 2 < len(doc) and doc[e].text == "(" and doc[e + 2].text == ")"):
            continue
        word = doc[e + 1].text
        if (not looks_like_acronym(word) or word.lower() in not_org or word in lex.places or word.title() in lex.places
                or word in lex.demonyms or e + 1 in taken):
            continue
        span = Span(doc, e + 1, e + 2, label="INSTITUTION")
        span._.institution = {"name": word, "acronym": word, "country": None, "rule": "acronym-affiliation",
                              "acronym_from": "text"}
        out.append(span)
        taken.add(e + 1)
        if person._.person.get("affiliation") is None:
            person._.person["affiliation"] = span.start_char
    return out


class PeopleComponent(ParagraphComponent):
    """Person names with titles and roles (``doc.spans["people"]``, ``Span._.person``). A place
    that is part of a name ("Maria da Silva Santos") is marked ``Span._.veto = "coop_people"``."""

    rule_files = LEXICON_FILES
    publishes = (("people", "person"), ("institutions", "institution"))
    vetoes = ("locations",)

    def load(self) -> None:
        self.lex = load_lexicon(self.models_dir)

    def process(self, doc: Doc) -> None:
        people = find_people(doc, self.lex)
        doc.spans["people"] = people
        bracketed = bracketed_affiliations(doc, people, self.lex)
        if bracketed:
            doc.spans["institutions"] = sorted(list(doc.spans.get("institutions", [])) + bracketed, key=lambda s: s.start)
        named = {t for s in people if s._.person.get("evidence") for t in range(s.start, s.end)}
        if named and "locations" in doc.spans:      # "Maria da Silva Santos": Santos is her name here
            doc.spans["locations"] = [s for s in doc.spans["locations"] if s.start not in named]


@Language.factory("coop_people", default_config={"models_dir": None},
                  assigns=["doc.spans", "span._.person", "span._.veto"], requires=["doc.sents"])
def make_people(nlp: Language, name: str, *, models_dir: Optional[str]):
    return PeopleComponent(nlp, name, models_dir=models_dir)

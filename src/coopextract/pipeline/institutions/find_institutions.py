"""The institutions component: organisation names found by their head word and their shape.

A name is grown around a head word from ``models/institution_heads.jsonl`` ("Library",
"University", "Ministry", "Embassy", "Telecommunications"):

* leftwards over capitalised modifiers ("All-Russia State Library", "Istanbul University
  Library"), never over a title, a role word or a capitalised function word ("The", "On");
* rightwards over the rest of a capitalised run up to its last head ("Istanbul University
  Library"), then over ``of``/``for``/``de`` phrases ("… of the Republic of Azerbaijan",
  "… for Foreign Literature"), ``named after`` + a person ("… named after A. P. Chekhov"),
  ``and`` after a bare head ("Library and Information Centre of …") and, for heads in
  ``institution_heads_located.txt``, ``in`` + a place ("Embassy of X in the Republic of Y");
* an acronym in parentheses right after the name is its definition ("(ANAS)").

Well-known acronyms (``models/acronyms_known.jsonl``: IFLA, UNESCO, …) are institutions on
their own. Names inside quotation marks or ``*italics*`` are titles of works, not
institutions; a head word alone ("the Library") is not a name. Places inside a name are
removed from ``doc.spans["locations"]``. Acronyms defined in one paragraph and used in
another are linked in :mod:`coopextract.pipeline.linking`.
"""

import re
from functools import lru_cache
from typing import Optional

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from coopextract.pipeline.document import ParagraphComponent, after_line_break, text_of, words_of
from coopextract.pipeline.lexicon import (ARABIC_PROCLITICS, HAN, HAN_KANA, HIRAGANA, LEXICON_FILES, Lexicon, country_of_words,
                                          is_capitalised, is_initial, load_lexicon, looks_like_acronym, word_alternation)

POSSESSIVE = {"'", "’", "`"}            # plural possessive: "Librarians’ Association"
# A proper noun with a case ending written after an apostrophe (Turkish, Azerbaijani): "Rusya’nın"
# (of Russia), "Ankara'daki" (in Ankara).
_CASE_ENDING = re.compile(r"^[^\W\d_][\w.-]*['’][^\W\d_A-Z]{1,6}$")
# The "and" of a list of fields in an English name: "of Science and Technology", "of Science & Technology".
ENGLISH_ANDS = frozenset({"and", "&"})
POSSESSIVE_S = {"'s", "’s"}              # inside a name: "People’s Republic", "Children's Library"
# Plural nouns whose possessive is part of a name ("People’s Republic of China", "Children's
# Central Library", "Women's University"), as a head's, a role's or a generic word's is
# (_Grower.possessor); after a proper name it is another entity's ("University of Glamorgan's
# Atrium", "Swakopmund’s Mondesa community library").
POSSESSOR_NOUNS = frozenset({"people", "children", "women", "men", "workers", "teachers", "citizens", "nations"})
# Tokens of a quoted or italic stretch: titles of books, journals, programmes, events.
_QUOTED = re.compile(r"“[^”]{1,200}”|\"[^\"]{1,200}\"|«[^»]{1,200}»|(?<!\*)\*(?!\*)[^*]{1,200}(?<!\*)\*(?!\*)")
# How many capitalised words "named after" takes when there are no initials: given name and
# surname ("named after Ivan Franko"); a third would usually be the next person's name.
NAMED_AFTER_MAX_WORDS = 2
# Tokens walked left from a head for the start of its name: the longest name in the corpora
# is under 25 tokens; the bound keeps a chain of hyphenated capitalised words ("National
# Library-National Library-…", 40 KB) linear instead of quadratic.
MAX_NAME_TOKENS = 64
# A head that also names an institution when written in lower case after proper words (see
# _lower_case_head), and the lower-case modifiers that may stand between: "X community library".
LOWER_CASE_HEADS = frozenset({"library", "government", "embassy", "consulate"})
# Those of them that name a state's body: any proper word before one names its state, a country,
# its adjective, an acronym or a region ("the Korean government", "the UK government", "the
# Mexican embassy", "the Kerala government").
LOWER_CASE_STATE_HEADS = frozenset({"government", "embassy", "consulate"})
LOWER_CASE_MODIFIERS = frozenset({"public", "community", "city", "municipal", "regional", "district", "central",
                                  "county", "village", "school", "university", "national", "state"})
# Endings of a capitalised adjective in the genitive whose lower-case noun belongs to a genitive
# complement (Czech, Slovak: "České republiky", "Ústeckého kraje", "Žilinského samosprávneho").
GENITIVE_ADJECTIVE_ENDINGS = ("ého", "é", "ej")
# Capitalised words a head written first takes as its name ("Universitas Airlangga", "Perpustakaan
# Tarvo Raya"): the longest such names in the corpora have three; a fourth is usually the next
# name. A head in the genitive chains more ("Biblioteki Centralnej Urzędu Miasta Wilno": four).
HEAD_FIRST_MAX_WORDS = 3
HEAD_FIRST_MAX_WORDS_GENITIVE = 4
# Romanian joins a name's head to a complement in the genitive with "a", "al", "ale", "ai"
# ("Biblioteca Națională a Republicii Moldova", "Institutul Cultural Român al României"): a link
# only before a capitalised word with a genitive ending (English "a", Portuguese "a" are none).
_ROMANIAN_GENITIVE_LINKS = frozenset({"a", "al", "ale", "ai"})
_ROMANIAN_GENITIVES = ("ii", "ei", "ului", "lor", "iei")
# Endings of French, Spanish, Italian and Portuguese adjectives after a field in a name written
# head first ("sciences juridiques", "lecture publique", "études avancées" is no such form):
# fields_complement. Participles (-é, -ado) are left out: "le Centre national du livre créé en 1946".
ROMANCE_ADJECTIVE_ENDINGS = ("ique", "iques", "al", "ale", "ales", "aux", "aire", "aires", "elle", "elles", "ienne",
                             "iennes", "ico", "ica", "icos", "icas", "ali", "ário", "ária", "ivo", "iva", "ive", "ives",
                             # of nationality: "française", "tarvienne", "marocaine", "italiana", "brasileira"
                             "aise", "aises", "oise", "oises", "aine", "aines", "ano", "ana", "ese", "esa", "eiro", "eira")
# Words of a namesake right after a name written head first ("… de Cuba José Martí").
EPONYM_MAX_WORDS = 4
# How far past a name its bracketed acronym may show it to run on: a link word and two words.
ACRONYM_REACH = 3
# Name particles that are also articles: "Direktor der Staatsbibliothek" is a post and a name,
# not one name (as "Alexander von Humboldt Foundation" is).
GENITIVE_ARTICLES = frozenset({"der", "des", "den", "dem", "die", "das"})
# The letters a compound head needs before its head part ("Landesarchiv", not "Archiv").
COMPOUND_MIN_STEM = 3
# Tokens after a name searched for its country ("… University, Turkey"; "… of Ankara").
COUNTRY_LOOKAHEAD = 4


def _cap(tok) -> bool:
    return is_capitalised(tok.text)


def _links(lex: Lexicon) -> tuple[frozenset, frozenset]:
    """(words joining a head to its complement, in English; the same in other languages)."""
    return lex.function_words["name_links"], lex.function_words["name_links_foreign"]


def _of_words(lex: Lexicon) -> frozenset:
    """Every word that joins a head to its complement ("of", "de", ...)."""
    english, foreign = _links(lex)
    return english | foreign


def _skipped(lex: Lexicon) -> frozenset:
    """Words that are no part of a name's initials and never end one ("of", "the", "and", ...)."""
    return _of_words(lex) | {"named"} | lex.function_words["name_articles"] | {"and", "in", "after"}


class _Grower:
    """Grows one institution name around a head, over one Doc."""

    def __init__(self, doc: Doc, lex: Lexicon, stop_words: set):
        self.doc, self.lex, self.stop = doc, lex, stop_words
        self.articles = lex.function_words["name_articles"]
        self.links, self.links_foreign = _links(lex)
        self.located_in = lex.function_words["located_in_words"]
        self.on_places = lex.function_words.get("name_on_places", frozenset())
        self.located_names = lex.function_words["located_name_words"]
        self.eponym_titles = lex.function_words["eponym_titles"]
        self.eponym_markers = lex.function_words["eponym_markers"]
        # a field complement in lower case (fields_complement): its link words, fields and adjectives
        self.purpose_links = lex.function_words["name_links_purpose"]
        self.field_links = self.links_foreign | self.purpose_links
        self.fields = lex.function_words["name_fields_foreign"]
        self.name_adjectives = lex.function_words["name_adjectives_foreign"]
        self.turkic_heads = lex.function_words.get("turkic_heads", frozenset())
        self.n = len(doc)
        self.place_start, self.place_end = {}, {}      # token → its place's first token, its end
        for place in doc.spans.get("locations", []):   # (one pass: each makes the group's Spans anew)
            for t in range(place.start, place.end):
                self.place_start[t], self.place_end[t] = place.start, place.end
        self.new_lines = after_line_break(doc)     # a name does not run on from one short line into the next

    def cap_run_end(self, i: int) -> int:
        """End of the run of capitalised tokens (with inner hyphens) starting at i."""
        doc, j = self.doc, i
        while j < self.n and (_cap(doc[j]) or (doc[j].text == "-" and j > i and doc[j - 1].whitespace_ == ""
                                                and doc[j].whitespace_ == "" and j + 1 < self.n and _cap(doc[j + 1]))
                              or (doc[j].lower_ in POSSESSIVE_S and j > i and self.possessor(j - 1)
                                  and j + 1 < self.n and _cap(doc[j + 1]))):
            # a role word with a name after it ends the run: "… Library Director John Smith"
            if doc[j].lower_ in self.lex.roles and j > i and j + 1 < self.n and _cap(doc[j + 1]):
                break
            j += 1
        return j

    def town_after_compound(self, h: int, run_end: int) -> bool:
        """Tokens (h, run_end) are one capitalised word after the compound head h that may be the
        place it serves: not a function word, role, month or day, nor another name's head."""
        doc, lex = self.doc, self.lex
        if doc[h].text in lex.heads or not _ends_in_head(doc[h].text, lex.function_words["head_compound_endings"]):
            return False
        words = doc[h + 1:run_end]
        return (doc[h].whitespace_ != "" and h + 1 not in self.new_lines and all(t.whitespace_ == "" for t in words[:-1])
                and all(t.is_alpha or t.text == "-" for t in words)
                and not any(t.text in self.stop or t.lower_ in lex.roles or t.text in lex.heads
                            or t.text in lex.calendar for t in words))

    def left(self, h: int) -> int:
        doc = self.doc
        # (a Turkic head that is also a Slavic form, Uzbek "архиви" (archive of) and Serbian
        # "архиви" (archives), takes the name written before it)
        if doc[h].text in self.lex.heads_genitive and doc[h].lower_ not in self.turkic_heads:
            return self.left_adjectives(h)
        j = self.left_run(h)
        # a capitalised function word at the start is not part of the name ("The", "On"), nor
        # a proper noun with a case ending after an apostrophe, another's ("Rusya’nın X Vakfı")
        while j < h and (doc[j].text in self.stop or _CASE_ENDING.match(doc[j].text)):
            j += 1
        # ... nor what stands before such a word: "Başkent Tiran’daki Arnavutluk Ulusal
        # Kütüphanesi" (the capital Tirana's National Library of Albania)
        for k in range(h - 1, j - 1, -1):
            if ("'" in doc[k].text or "’" in doc[k].text) and _CASE_ENDING.match(doc[k].text):
                j = k + 1
                break
        # "Union of Turkic World Libraries": a head joined by a bare "of"
        if j >= 2 and doc[j - 1].lower_ == "of" and doc[j - 2].text in self.lex.heads:
            j -= 2
        if j >= 2 and (
                # "Turkish Cooperation and Coordination Agency", "Justice and Development Party": a
                # capitalised word joined by "and" to a generic one (not "ANAS and Istanbul University")
                (j < h and doc[j - 1].lower_ == "and" and self.joinable(j - 2)
                 and (doc[j].text in self.lex.non_name or doc[j - 2].text in self.lex.non_name)
                 and doc[j].text not in self.lex.places and not looks_like_acronym(doc[j].text))
                # "Kültür ve Turizm Bakanlığı": two modifiers of a head-final name joined by its "and"
                or (j < h and doc[j - 1].lower_ in self.lex.function_words["and_head_final"]
                    and self.joinable(j - 2) and self.joinable(j))
                # "National and University Library": a modifier joined by "and" to a head that
                # modifies the head after it
                or (j == h and doc[j - 1].lower_ == "and" and h + 1 < len(doc) and doc[h + 1].text in self.lex.heads
                    and doc[j - 2].lower_ in self.lex.function_words["modifiers_before_and_head"]
                    and self.joinable(j - 2))):
            j = self.left_run(j - 1)
            while doc[j].text in self.stop:
                j += 1
        # "Republic of Turkey Ministry of Culture": a multi-word place right before the name
        if j in self.place_start and self.place_start[j] < j:
            j = self.place_start[j]
        return j

    def left_adjectives(self, h: int) -> int:
        """Start of a name whose head declines: the adjectives right before it, the first
        capitalised ("Российская государственная библиотека"); h when there are none."""
        doc, j = self.doc, h
        and_words = self.lex.function_words["and_adjectives"]
        while j > 0 and h - j < MAX_NAME_TOKENS:
            if self.adjective(j - 1):
                j -= 1
            elif j < h and j > 1 and doc[j - 1].lower_ in and_words and doc[j].is_lower and self.adjective(j - 2):
                j -= 2                  # two adjectives joined: "Nacionalna i sveučilišna knjižnica"
            else:
                break
        while j < h and not _cap(doc[j]):
            j += 1
        return j

    def adjective(self, k: int) -> bool:
        """Token k may be an adjective of a name whose head declines (by its ending)."""
        t = self.doc[k]
        return (t.is_alpha and t.text not in self.stop and t.lower_.endswith(self.lex.adjective_endings)
                and t.lower_ not in self.lex.roles)

    def left_run(self, h: int) -> int:
        """Start of the capitalised run that ends right before token h."""
        doc, j = self.doc, h
        while j > 0 and h - j < MAX_NAME_TOKENS and j not in self.new_lines:
            prev = doc[j - 1]
            if prev.text in ("-", "–") and j > 1 and _cap(doc[j - 2]) and prev.whitespace_ == "" and doc[j - 2].whitespace_ == "":
                j -= 2
                continue
            if (prev.text == "-" and j > 3 and doc[j - 2].is_lower and len(doc[j - 2].text) <= 3 and doc[j - 3].text == "-"
                    and _cap(doc[j - 4]) and not any(t.whitespace_ for t in doc[j - 4:j - 1])):
                j -= 4                      # a lower-case particle between hyphens: "Quaid-e-Azam Library"
                continue
            if j > 1 and _cap(doc[j - 2]) and (prev.text in POSSESSIVE or (
                    prev.lower_ in POSSESSIVE_S and self.possessor(j - 2))):
                j -= 2                      # "Librarians’ Association", "Children’s Central Library"
                continue
            if (prev.lower_ == "and" and j > 1 and all(
                    doc[k].text in self.lex.given_names and doc[k].text not in self.lex.non_name
                    and doc[k].text not in self.lex.places for k in (j - 2, j))):
                j -= 2                      # "Bill and Melinda Gates Foundation": a couple's names
                continue
            if ((prev.text == "&" or (prev.text in self.lex.particles and prev.lower_ not in GENITIVE_ARTICLES))
                    and j > 1 and _cap(doc[j - 2])):
                j -= 2                      # "Bill & Melinda Gates Foundation", "Alexander von Humboldt Foundation"
                continue
            if (j < h and (prev.lower_ in self.lex.roles or self.lex.title_of([prev.text])) and _cap(prev)
                    and ((doc[j].text in self.lex.given_names and doc[j].text not in self.lex.non_name)
                         or (prev.lower_.rstrip(".") in self.eponym_titles and not self.known(doc[j])))
                    and (j < 2 or not _cap(doc[j - 2]))):
                j -= 1                      # a title in the name of a person the institution is named for:
                break                       # "King Fahd National Library", "Sheikh Zayed University"
            if (j == h and j > 1 and self.lex.title_of([prev.text]) and doc[j - 2].lower_.rstrip(".") in self.eponym_titles
                    and _cap(doc[j - 2])):
                j -= 2                      # a title-like name after a ruler's title: "Prince Sultan University"
                break
            if (not _cap(prev) or prev.lower_ in self.lex.roles or prev.text in self.stop
                    or self.lex.title_of([prev.text]) or (is_initial(prev.text) and prev.text not in self.lex.places)):
                break               # an initial ends the run, a country written so does not: "U.S. Embassy"
            j -= 1
        return j

    def title_at(self, k: int) -> bool:
        """Token k is a title ("Drs", "Dr.") or begins one ("Tan Sri")."""
        t = self.doc[k].text
        return bool(self.lex.title_of([t])) or t in self.lex.glued_titles or (
            k + 1 < self.n and self.lex.title_of([t, self.doc[k + 1].text]) == 2)

    def possessor(self, k: int) -> bool:
        """Token k's possessive belongs to a name: a common noun or a head ("People’s Republic",
        "Librarians' Association", "Institute's library"), not a proper name ("Glamorgan's")."""
        t = self.doc[k]
        return (t.lower_ in POSSESSOR_NOUNS or t.text in self.lex.heads or t.lower_ in self.lex.roles
                or t.text in self.lex.non_name)

    def joinable(self, k: int) -> bool:
        t = self.doc[k]
        return (_cap(t) and t.text not in self.stop and t.text not in self.lex.heads and t.text not in self.lex.places
                and t.lower_ not in self.lex.roles and t.text not in self.lex.calendar and not is_initial(t.text)
                and not looks_like_acronym(t.text))

    def trade_field(self, t) -> bool:
        """A generic trade word that is a head only because companies are named with it
        ("Technology", "Communications": ``company_suffixes``), as a field of a ministry or a
        university ("of Science and Technology")."""
        return t.text in self.lex.company_suffixes and t.text in self.lex.non_name and _cap(t)

    def known(self, tok) -> bool:
        t = tok.text
        return (t in self.lex.heads or t in self.lex.non_name or t in self.lex.places
                or t in self.lex.demonyms or looks_like_acronym(t))

    def calendar_word(self, k: int) -> bool:
        """Is token k a month or weekday name, or a month's abbreviation with its full stop?"""
        text = self.doc[k].text
        return text.rstrip(".") in self.lex.calendar or text in self.lex.month_abbreviations

    def of_object(self, k: int) -> int:
        """End of the capitalised object of an of-phrase starting at k (k if none)."""
        if k < self.n and self.doc[k].lower_ in self.articles:
            k += 1
        if (k >= self.n or not _cap(self.doc[k]) or self.calendar_word(k)
                or self.title_at(k) or self.doc[k].is_sent_start):
            return k            # "… of Colombo and Mr. Edward", "… in Korea on Feb. 16", "… of CityU. Other"
        end = self.cap_run_end(k)
        end = next((j for j in range(k + 1, end) if self.calendar_word(j)), end)    # "… of Malta Dec. 3"
        end = next((j for j in range(k + 1, end) if self.title_at(j)       # "… of Culture Dato Paduka Haji X";
                    and self.doc[j].lower_.rstrip(".") not in self.eponym_titles), end)    # not "… Sheikh Edebali University"
        if end - k == 1:
            return end
        last_known = max((j for j in range(k, end) if self.known(self.doc[j]) or j in self.place_start), default=None)
        if last_known is None:
            return end if self.words(k, end) <= 2 else k + 1
        return end if self.words(last_known, end) <= 2 else last_known + 1

    def fields_complement(self, h: int, e: int) -> int:
        """End of a lower-case field complement at ``e`` of a name whose capitalised head ``h`` comes
        first: a link word (or a ``name_links_purpose`` word), an article, a field of
        ``name_fields_foreign`` and its adjectives ("Centre national du livre", "Ministère de la
        culture", "Institut … pour le développement durable", "Université des sciences juridiques
        et politiques"), and more fields after a comma or "and" ("… des archives et de la
        documentation"); ``e`` if none, or when "and" goes on with a word that is none of these
        ("Centre de lecture et d'animation …": the name's extent is unknown)."""
        doc = self.doc
        if (doc[h].text not in self.lex.heads_first or not _cap(doc[h])
                or not (e < self.n and doc[e].lower_ in self.field_links)):
            return e
        ands = self.lex.function_words["and_head_first"]
        end = self.field_end(e)
        if end == e:
            return e
        while end + 1 < self.n and (doc[end].lower_ in ands or doc[end].text == ","):
            nxt = self.field_end(end + 1)
            if nxt > end + 1:
                end = nxt
                continue
            if doc[end].lower_ in ands and doc[end + 1].is_lower and not (
                    doc[end + 1].lower_ in self.articles and end + 2 < self.n and _cap(doc[end + 2])):
                return e                # "… et d'animation Culturelle": where the name ends is unknown
            break
        return end

    def field_end(self, start: int) -> int:
        """End of [link] [article] field [adjectives] at ``start`` (fields_complement); ``start``
        if no field is there."""
        doc, k = self.doc, start
        if k < self.n and doc[k].lower_ in self.field_links:
            k += 1
        if k < self.n and doc[k].lower_ in self.articles:
            k += 1
        # (the field maybe capitalised after a purpose link: "Institut de recherche pour le Développement")
        purpose = doc[start].lower_ in self.purpose_links
        if k >= self.n or not (doc[k].is_lower or (doc[k].is_title and purpose)) or doc[k].lower_ not in self.fields:
            return start
        k += 1
        ands = self.lex.function_words["and_head_first"]
        while k < self.n:
            if self.field_adjective(doc[k]):
                k += 1
            elif (doc[k].lower_ in ands and k + 1 < self.n and self.field_adjective(doc[k + 1])
                  and doc[k + 1].lower_ not in self.fields):
                k += 2                  # "sciences juridiques et politiques"
            else:
                break
        return k

    def field_adjective(self, t) -> bool:
        """A lower-case word after a field: another field or an adjective of a name written head first."""
        return t.is_lower and t.is_alpha and (t.lower_ in self.fields or self.romance_adjective(t))

    def romance_adjective(self, t) -> bool:
        """An adjective of ``name_adjectives_foreign`` or one with a ``ROMANCE_ADJECTIVE_ENDINGS`` ending."""
        return t.lower_ in self.name_adjectives or t.lower_.endswith(ROMANCE_ADJECTIVE_ENDINGS)

    def and_part(self, e: int) -> int:
        """End of the part after ``and_head_first`` at ``e`` that a name written head first
        goes on with: capitalised words (at most HEAD_FIRST_MAX_WORDS), none of them a head
        (which starts the next name), a place, a stop word, a role or a title; ``e`` if none."""
        doc, lex = self.doc, self.lex
        if not (e + 1 < self.n and doc[e].lower_ in lex.function_words["and_head_first"] and _cap(doc[e + 1])):
            return e
        end = self.cap_run_end(e + 1)
        part = range(e + 1, end)
        if (self.words(e + 1, end) > HEAD_FIRST_MAX_WORDS
                or any(doc[j].text in lex.heads or doc[j].text in self.stop or doc[j].text in lex.places
                       or j in self.place_start or doc[j].lower_ in lex.roles or self.title_at(j) for j in part)):
            return e
        return end

    def words(self, k: int, end: int) -> int:
        """Words of tokens [k, end): the hyphen inside a compound is none ("Etats-Unis" is one)."""
        return sum(1 for j in range(k, end) if self.doc[j].text != "-")

    def field_list(self, e: int) -> int:
        """The end of ", B, C and" after an of-object that ends at e, when the list ends with "and"
        and a last item (each item one or two generic capitalised words, no head, place or
        name): the fields of one ministry or faculty ("of Education, Science and Technology");
        else e."""
        doc, lex, k = self.doc, self.lex, e
        while k + 1 < self.n and doc[k].text == ",":
            m = k + 1
            while (m < self.n and m - (k + 1) < 2 and (self.joinable(m) or self.trade_field(doc[m]))
                   and not self.title_at(m) and doc[m].text not in lex.given_names):
                m += 1
            if m == k + 1 or m >= self.n:
                return e
            if doc[m].text == "," and m + 1 < self.n and doc[m + 1].lower_ in ENGLISH_ANDS:
                m += 1          # a comma before the last "and" ("of Education, Science, and Sports")
            if doc[m].lower_ in ENGLISH_ANDS:
                return m        # the "and" and its item are read by the caller (second_field)
            if doc[m].lower_ in lex.function_words["and_head_first"] and m == k + 2:
                return m        # ... and a one-word list ("des Bibliothécaires, Archivistes et Muséographes")
            k = m
        return e

    def second_field(self, e: int) -> int:
        """The end of a second field joined by "and" to the of-object that ends at e ("Ministry
        of Culture and Tourism"), or by the "and" of a language that writes the head first, with
        its own link word and article ("Ministère de la Culture et de la Communication",
        "Ministero della Cultura e del Turismo", "Ministerio de Cultura y Deportes"); not a
        second name, person, place or post ("… of Culture and John Smith", "… and Paris"): e.
        A trade word (:meth:`trade_field`) is a field when its part has nothing but generic
        words ("University of Science and Technology", "Ministry of Education, Science &
        Technology"), not in "… and Acme Technology"."""
        doc, lex = self.doc, self.lex
        if e + 1 >= self.n:
            return e
        conj, k = doc[e].lower_, e + 1
        if conj not in ENGLISH_ANDS:
            if conj not in lex.function_words["and_head_first"]:
                return e
            if doc[k].lower_ in self.links_foreign and k + 1 < self.n:     # "et de la Communication"
                k += 1
                if doc[k].lower_ in self.articles and k + 1 < self.n:
                    k += 1
            elif doc[k].lower_ in self.articles:
                return e                    # "… y la Región de X": a second name
        elif doc[k].text == "the" and k + 1 < self.n and _cap(doc[k + 1]):
            # one common word after "the", a field or a region ("for Culture and the Arts", "of
            # Asia and the Pacific"), or a place after a place ("in Tonga and the Cook
            # Islands"); not a second name ("… and the National Library", "… and the United
            # Nations", "… and the Smithsonian", "… and the EU") nor a post ("… and the Minister")
            k += 1
            if self.place_start.get(k) == k:
                end = self.place_end[k]
                return end if self.place_end.get(e - 1) == e and not self.name_goes_on(end) else e
            if (self.of_object(k) != k + 1 or not doc[k].is_title or doc[k].lower_ not in lex.common_words
                    or doc[k].text in lex.heads or self.name_goes_on(k + 1)):
                return e
        if (not _cap(doc[k]) or doc[k].lower_ in lex.roles or self.title_at(k) or self.place_start.get(k) == k
                or (doc[k].text in lex.given_names and k + 1 < self.n and doc[k + 1].text in lex.family_names)):
            return e
        end = self.of_object(k)
        heads = [j for j in range(k, end) if doc[j].text in lex.heads]
        if (end <= k or any(not self.trade_field(doc[j]) for j in heads)
                or (heads and not all(doc[j].text in lex.non_name for j in range(k, end)))
                or any(_ends_in_head(doc[j].text, lex.function_words["head_compound_endings"]) for j in range(k, end))):
            return e                    # (… "and Polnische Nationalbibliothek": a second name)
        return end

    def name_goes_on(self, i: int) -> bool:
        """A name goes on at ``i``: a capitalised word, or "and", "&" or "of" before one ("the
        Shanghai Library", "the Air and Space Museum")."""
        doc = self.doc
        if i >= self.n:
            return False
        if doc[i].lower_ in ENGLISH_ANDS or doc[i].lower_ == "of":
            return i + 1 < self.n and _cap(doc[i + 1])
        return _cap(doc[i])

    def with_general(self, e: int) -> int:
        """The end of a head that "General" follows as part of it: "Consulate-General",
        "Consulate General", "Directorate General" (``heads_with_general``)."""
        doc, fw = self.doc, self.lex.function_words
        if doc[e - 1].lower_ not in fw.get("heads_with_general", ()):
            return e
        k = e + 1 if e < self.n and doc[e].text == "-" and not doc[e - 1].whitespace_ else e
        if (k < self.n and doc[k].lower_ in fw.get("head_general_words", ()) and _cap(doc[k])
                and not (k + 1 < self.n and doc[k + 1].lower_ in POSSESSIVE_S)):   # not "the Consul General's"
            return k + 1
        return e

    def right(self, h: int, start: int) -> int:
        doc, lex = self.doc, self.lex
        run_end = self.cap_run_end(h + 1) if h + 1 < self.n else h + 1
        if doc[h].text in lex.heads_first:      # a title ends a name written head first: "Perpustakaan UGM Drs. Ida"
            run_end = next((j for j in range(h + 1, run_end) if self.title_at(j)), run_end)
        heads_in_run = [j for j in range(h + 1, run_end) if doc[j].text in lex.heads]
        e = heads_in_run[-1] + 1 if heads_in_run else h + 1
        e = self.with_general(e)
        # heads one after another, the last written first: "Fundação Biblioteca Nacional",
        # "Perpustakaan Universiti Malaya"
        if (heads_in_run and doc[heads_in_run[-1]].text in lex.heads_first
                and all(doc[j].text in lex.heads for j in range(h, heads_in_run[-1]))
                and 1 <= run_end - heads_in_run[-1] - 1 <= HEAD_FIRST_MAX_WORDS
                and not any(doc[j].text in self.stop or doc[j].lower_ in lex.roles for j in range(heads_in_run[-1] + 1, run_end))):
            e = run_end
        # a head that comes first, then one or two capitalised modifiers and a link word, as in
        # Romance names: "Biblioteca Municipal de Porto" (grown on over "de Porto" below)
        if (not heads_in_run and all(doc[j].lower_ in self.articles for j in range(start, h))
                and run_end - h - 1 in (1, 2) and run_end < self.n
                and doc[run_end].lower_ in self.links | self.links_foreign):
            e = run_end
        # a head its language writes first, then the proper name: "Universitas Airlangga",
        # "Perpustakaan Tarvo Raya", "Universidad Complutense"
        elif (not heads_in_run and doc[h].text in lex.heads_first
                and 1 <= run_end - h - 1 <= (HEAD_FIRST_MAX_WORDS_GENITIVE if doc[h].text in lex.heads_genitive
                                             else HEAD_FIRST_MAX_WORDS)
                and all(doc[j].text in lex.heads or doc[j].lower_ in self.articles    # "Fundação Biblioteca
                        for j in range(start, h))                                   # Nacional", "La Biblioteca X"
                and not any(doc[j].text in self.stop or doc[j].lower_ in lex.roles for j in range(h + 1, run_end))):
            e = run_end
        # a complement in the genitive, without a link word: "Библиотека Британии", "Национальной
        # библиотекой Таджикистана"; not after a lower-case head alone ("директор библиотеки Иван Петров")
        elif (not heads_in_run and doc[h].text in lex.heads_genitive and run_end > h + 1
                and (start < h or _cap(doc[h])) and not any(doc[j].lower_ in lex.roles for j in range(h + 1, run_end))):
            e = self.of_object(h + 1)
            # a capitalised adjective in the genitive takes its lower-case noun: "Národní
            # knihovna České republiky", "Knihovna Jihočeského kraje"
            if (e > h + 1 and e < self.n and doc[e - 1].lower_.endswith(GENITIVE_ADJECTIVE_ENDINGS)
                    and doc[e].is_lower and doc[e].is_alpha and len(doc[e].text) > 3
                    and doc[e].text not in self.stop and doc[e].lower_ not in lex.roles and doc[e].text not in lex.heads):
                e += 1
        # a head written first whose name joins two capitalised parts with "and" ("Pusat Latihan
        # Kesenian dan Pertukangan", "Centro Científico e Cultural de …"): the second part too
        if e == run_end > h + 1 and doc[h].text in lex.heads_first:
            e = self.and_part(e)
        # a branch named by the city it is in: one place word right after the head ends the
        # name ("Nordic Culture Institute Bergen", "Kulturinstitut Helsinki")
        if run_end > e and self.place_start.get(e) == e and self.place_end[e] == run_end:
            e = run_end                     # also after the last of several heads: "University College Cork",
            #                                 and a place of two words: "Archives New Zealand"
        # a compound head (German, Dutch, Nordic) and the town it serves, one word (or one
        # hyphenated word) with no link word: "Stadtbibliothek Neustadt", "Landesarchiv
        # Baden-Württemberg"; these languages write no other capitalised word there
        elif e == h + 1 < run_end and self.town_after_compound(h, run_end):
            e = run_end
        # a head its language writes first, then lower-case adjectives of institutions:
        # "Biblioteca apostolica vaticana", "Biblioteca nazionale centrale"
        if e == h + 1 and doc[h].text in lex.heads_first and _cap(doc[h]):
            while e < self.n and e - h <= 2 and doc[e].text in self.name_adjectives:
                e += 1
        if e == h + 1 and doc[h].is_lower and doc[h].lower_ in lex.function_words["lower_heads_first"]:
            e = _hyphenated_eponym_end(doc, h + 1)   # "la bibliothèque Gaston-Miron"; h + 1 if none
        # one or two lower-case adjectives before a foreign link word: "Bibliothèque municipale
        # de Lyon", "Biblioteca nazionale centrale di Roma"
        for extra in (1, 2):     # ... or adjectives before a field in lower case: "Agence française de développement"
            if (e + extra + 1 < self.n and all(doc[j].is_lower and doc[j].is_alpha for j in range(e, e + extra))
                    and doc[e + extra].lower_ in self.links_foreign
                    and (_cap(doc[e + extra + 1]) or (
                        all(self.romance_adjective(doc[j]) for j in range(e, e + extra))
                        and self.fields_complement(h, e + extra) > e + extra))):
                e += extra
                break
        located = any(doc[j].text in lex.heads_located for j in range(start, e))
        capitalised_object = False
        while e < self.n:
            w = doc[e].lower_
            named_after = w == "named" and e + 1 < self.n and doc[e + 1].lower_ == "after"
            if named_after or w in self.eponym_markers:
                # "… named after", and the markers of other languages right before the namesake:
                # "Национальная библиотека имени А. С. Пушкина", "Biblioteka Miejska im. Jana Nowaka"
                first = k = e + 2 if named_after else e + 1
                while k < self.n and is_initial(doc[k].text):
                    k += 1
                limit = 1 if k > first else NAMED_AFTER_MAX_WORDS     # after initials, the surname
                m = k
                while m < self.n and m - k < limit and _cap(doc[m]) and doc[m].text not in self.stop:
                    m += 1
                if m == k:
                    break
                e = m
                continue
            fields_end = e if capitalised_object else self.fields_complement(h, e)
            if fields_end > e:          # not after a capitalised one: "Institut français du Cameroun des livres"
                e = fields_end
                continue
            # a Slavic name's town ends it: "Biblioteka Uniwersytecka w Poznaniu", "Krajská knižnica v
            # Žiline" (a name written capitalised; "biblioteki w Krakowie" is a library there)
            town = w in self.located_names and not (w in self.located_in and located) and _cap(doc[start])
            if (w in self.links or w in self.links_foreign or (w in self.located_in and located) or town
                    or (w in _ROMANIAN_GENITIVE_LINKS and e + 1 < self.n and doc[e + 1].text.endswith(_ROMANIAN_GENITIVES)
                        and _cap(doc[e + 1]))):
                end = self.of_object(e + 1)
                if end <= e + 1 or (end == e + 2 and doc[e + 1].lower_ in self.articles):
                    break
                if w == "on" and any(doc[j].lower_ in self.on_places or doc[j].text in lex.places
                                     for j in range(e + 1, end)):
                    break               # "Town Library on Mill Street": where it is, not "Commission on ..."
                e = end
                if town:
                    break
                capitalised_object = True
                # "… of Culture and Tourism", "… for CIS and East European Countries", and a list
                # of fields: "Ministry of Information, Communications and Technology"
                listed = self.field_list(e)
                joined = self.second_field(listed)
                if joined > listed:      # (a list without its last item is no list)
                    e = joined
                continue
            if w == "and" and doc[e - 1].text in lex.heads and e + 1 < self.n and _cap(doc[e + 1]):
                # a head joined to a generic one: "(AzTU) Library and Information Centre", not
                # "Istanbul University Library and Sinop University", nor a second name that
                # opens with its own scope, nationality or place: "… Library and National
                # Library of X", "… Library and British Council"
                end = self.cap_run_end(e + 1)
                heads = [j for j in range(e + 1, end) if doc[j].text in lex.heads]
                opens_name = lex.function_words["and_new_name_words"]
                if heads and all(doc[j].text in lex.non_name and not self.title_at(j)
                                 and doc[j].lower_ not in opens_name and doc[j].text not in lex.demonyms
                                 and doc[j].text not in lex.places for j in range(e + 1, heads[-1])):
                    e = heads[-1] + 1
                    continue
            break
        while e > start + 1 and doc[e - 1].lower_ in _skipped(lex):
            e -= 1
        if (doc[h].text in lex.heads_first and e > h + 1 and not any(doc[j].text in lex.heads for j in range(h + 1, e))
                and not any(doc[j].lower_ in lex.roles for j in range(max(0, start - 3), start))):
            e = self.eponym_after(e)     # not after a post: "el director de la Biblioteca Nacional Juan Pérez"
        return e

    def eponym_after(self, e: int) -> int:
        """End of a personal name right after a name written head first, with no comma: its
        namesake ("Biblioteca Nacional de Cuba José Martí", "Bibliothèque nationale Léopold Sédar
        Senghor"): a known given name, then one to EPONYM_MAX_WORDS - 1 capitalised words that
        are no head, place, role or title; ``e`` if none."""
        doc, lex = self.doc, self.lex
        if e >= self.n or doc[e].text not in lex.given_names or doc[e].is_sent_start:
            return e
        end = self.cap_run_end(e)
        if not 2 <= self.words(e, end) <= EPONYM_MAX_WORDS or any(
                doc[j].text in lex.heads or doc[j].text in lex.places or j in self.place_start
                or doc[j].lower_ in lex.roles or self.title_at(j) for j in range(e, end)):
            return e
        return end


def _post_word(tok, lex: Lexicon) -> bool:
    return tok.lower_ in lex.roles or tok.lower_ in lex.role_modifiers


def _without_posts(doc: Doc, start: int, h: int, end: int, lex: Lexicon, grower: "_Grower") -> tuple[int, int]:
    """[start, end) without a post written before the name and joined to it by a link word
    ("Direttore della Biblioteca X", "Presidente da Associação X": the post of someone, the name
    after it) or after it ("University of Guyana Vice Chancellor"); not a post inside an
    of-phrase ("Office of the President")."""
    k = start
    while k < h and _post_word(doc[k], lex):
        k += 1
    if start < k < h and (doc[k].lower_ in grower.links or doc[k].lower_ in grower.links_foreign):
        start = k + 1
        while start < h and doc[start].lower_ in grower.articles:
            start += 1
    e = end
    while e - 1 > h and _post_word(doc[e - 1], lex) and doc[e - 1].text[:1].isupper():
        e -= 1
    if e < end and e - 1 >= start and doc[e - 1].lower_ not in grower.articles and doc[e - 1].lower_ not in grower.links \
            and doc[e - 1].lower_ not in grower.links_foreign and e - start >= 2:
        end = e
    return start, end


def _before_modifier(doc: Doc, i: int) -> int:
    """Token i, or the lower-case modifier right before it ("community library")."""
    return i - 1 if i > 0 and doc[i - 1].is_lower and doc[i - 1].lower_ in LOWER_CASE_MODIFIERS else i


def _lower_case_head(grower: "_Grower", i: int) -> bool:
    """A head written in lower case, as non-native and informal English often writes it, is a
    name's head when proper words come right before it ("Abdul Hameed Shoman Public library",
    "Mondesa community library": a capitalised word that is no place, demonym or function word)
    or a capitalised word and an of-phrase naming a place ("National library of the Republic of
    Kazakhstan"); not "the German library" or "a public library". A head of
    ``LOWER_CASE_STATE_HEADS`` takes any proper word: "the Ruritanian government". Neither where
    the head modifies a noun after it (``lower_head_compounds``, or a hyphen): "the Tarvo Hansen
    library staff", "Ruritanian government-funded"."""
    doc, lex = grower.doc, grower.lex
    k = _before_modifier(doc, i)
    if k == 0 or not _cap(doc[k - 1]) or doc[k - 1].text in grower.stop:
        return False
    if i + 1 < len(doc) and (doc[i + 1].lower_ in lex.function_words["lower_head_compounds"]
                             or (doc[i + 1].text == "-" and not doc[i].whitespace_)):
        return False
    run = doc[grower.left_run(k):k]
    if doc[i].lower_ in LOWER_CASE_STATE_HEADS:
        return any(t.text not in grower.stop and (t.text not in lex.non_name or t.text in lex.places
                                                   or t.text in lex.demonyms) for t in run)
    proper = any(t.text not in lex.places and t.text not in lex.demonyms and t.text not in lex.non_name
                 and t.text not in grower.stop and not looks_like_acronym(t.text) for t in run)
    of_place = (i + 2 < len(doc) and doc[i + 1].lower_ == "of" and
                any(j in grower.place_start for j in range(i + 2, min(len(doc), i + 6))))
    return proper or of_place


# Lower-case adjectives a lower-case head written first may take before its link word.
LOWER_HEAD_FIRST_ADJECTIVES = 2


def _lower_head_first(grower: "_Grower", i: int) -> bool:
    """A head of ``lower_heads_first`` written in lower case opens a name when, after at most
    ``LOWER_HEAD_FIRST_ADJECTIVES`` adjectives of institutions (``name_adjectives_foreign``,
    ``LOWER_CASE_MODIFIERS``), a link word and a place follow ("la
    bibliothèque municipale de Lyon", "l’ambassade de France", "the government of India");
    not "la bibliothèque de l’école" nor "the library of the school"."""
    doc = grower.doc
    if not doc[i].is_lower or doc[i].lower_ not in grower.lex.function_words["lower_heads_first"]:
        return False
    if _hyphenated_eponym_end(doc, i + 1) > i + 1:
        return True                         # "la bibliothèque Gaston-Miron", "la médiathèque François-Mitterrand"
    j = i + 1
    adjectives = grower.lex.function_words["name_adjectives_foreign"] | LOWER_CASE_MODIFIERS
    while j < len(doc) and j - i <= LOWER_HEAD_FIRST_ADJECTIVES and doc[j].lower_ in adjectives:
        j += 1
    if j >= len(doc) or not (doc[j].lower_ in grower.links_foreign or doc[j].lower_ in grower.links):
        return False
    k = j + 1
    if k < len(doc) and doc[k].lower_ in grower.articles:
        k += 1
    return k in grower.place_start


def _hyphenated_eponym_end(doc: Doc, k: int) -> int:
    """End of a French namesake written as one hyphenated compound of capitalised parts right at
    ``k`` ("Gaston-Miron", "Jean-Jacques-Rousseau"), which names a library after a person; ``k``
    if none."""
    e = k
    if k < len(doc) and _cap(doc[k]) and doc[k].is_alpha:
        e = k + 1
        while (e + 1 < len(doc) and doc[e].text == "-" and doc[e - 1].whitespace_ == "" and doc[e].whitespace_ == ""
               and _cap(doc[e + 1]) and doc[e + 1].is_alpha):
            e += 2
    return e if e >= k + 3 else k


def _generic_plural(span: Span, lex: Lexicon) -> bool:
    """'both Presidential Libraries': a plural head with only generic words before it."""
    last = span[-1].text
    return (last.endswith("s") and last[:-1] not in lex.heads and last not in lex.company_suffixes    # "Baltic Times", "… Airlines"
            and all(t.text in lex.non_name for t in span))


def _generic_unit(span: Span, lex: Lexicon) -> bool:
    """'Digitisation Centre', 'Users Service': an internal unit (``institution_units.txt``)
    named by generic words only, not an institution. A proper word before the head (a place,
    an adjective of a country, an acronym, a personal name) or an of-phrase after it keeps it."""
    if span[-1].text not in lex.unit_heads:
        return False
    return all(_generic_word(t.text, lex) for t in span[:-1])


def _owner_of_unit(doc: Doc, start: int, end: int, lex: Lexicon) -> Optional[int]:
    """Where the owner's name starts in a name opened by a unit head and "of" ("Board of
    Trustees", "Board of X Telecommunications": ``unit_heads_before_of``); None for any other name."""
    first = start + 1 if doc[start].lower_ in lex.function_words["name_articles"] else start
    if (first + 3 < end and doc[first + 2].lower_ == "of"
            and f"{doc[first].lower_} {doc[first + 1].lower_}" in lex.function_words["meetings_before_of"]):
        first += 1                          # "the General Assembly of X": X is the name
    elif not (first + 2 < end and doc[first].lower_ in lex.function_words["unit_heads_before_of"]
              and doc[first + 1].lower_ == "of"):
        return None
    return first + 3 if doc[first + 2].lower_ in lex.function_words["articles"] and first + 3 < end else first + 2


def _names_a_meeting(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """A name ending in the two words of a body's meeting (``meetings_before_of``: "General
    Assembly", "Annual Conference"), alone or after its body ("the XYZ General Assembly"), is the
    meeting's name, an event's, not an institution's."""
    return end - start >= 2 and f"{doc[end - 2].lower_} {doc[end - 1].lower_}" in lex.function_words["meetings_before_of"]


def _event_or_product_after(doc: Doc, end: int, lex: Lexicon) -> bool:
    """A word of ``institution_not_before`` right after a name ("… Library Week"), or after "and"
    and at most two capitalised words ("World Library and Information Congress"): the name is part
    of a product's, programme's or event's."""
    if end >= len(doc):
        return False
    if doc[end].lower_ in lex.not_before:
        return True
    if doc[end].lower_ not in ("and", "&"):
        return False
    for k in range(end + 1, min(end + 4, len(doc))):
        if doc[k].lower_ in lex.not_before and doc[k].is_title:
            return True
        if not doc[k].is_title:
            return False
    return False


def _generic_word(word: str, lex: Lexicon) -> bool:
    if (word in lex.places or word in lex.demonyms or looks_like_acronym(word) or word in lex.given_names
            or word in lex.family_names):
        return False
    lower = word.lower()
    return (lower.endswith(lex.non_name_suffixes) or lower.endswith(("ing", "isation", "ization"))
            or (lower.endswith("s") and not lower.endswith("ss")))


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


def acronym_after(doc: Doc, end: int) -> Optional[str]:
    """'(ANAS)' right after a name: the acronym it defines."""
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" and looks_like_acronym(doc[end + 1].text):
        return doc[end + 1].text
    return None


_OPEN, _CLOSE = {"“": "”", '"': '"', "«": "»", "„": "”"}, {"”", '"', "»"}
# Capitalised words of the place after a quoted name ("din Galaţi", "de San Luis Potosí").
QUOTED_PLACE_MAX_WORDS = 3
# Longest proper name in quotation marks that belongs to an organisation's name
# ('Agency “Rossiya Segodnya”', '"Support for Development and Reforms" Public Union').
QUOTED_NAME_MAX_TOKENS = 8


def _with_quoted_name(doc: Doc, start: int, end: int, lex: Lexicon) -> str:
    """The name with a quoted proper name that directly follows or precedes it."""
    name = doc[start:end].text
    if end < len(doc) and doc[end].text in _OPEN:
        closers = _CLOSE | ({"“"} if doc[end].text == "„" else set())     # „…” and „…“
        close = next((k for k in range(end + 1, min(len(doc), end + QUOTED_NAME_MAX_TOKENS + 2)) if doc[k].text in closers), None)
        if close and close > end + 1 and _cap(doc[end + 1]):
            name = f"{name} {doc[end + 1:close].text}"
            # the place of a name written head, quoted name, place: "Biblioteca Judeţeană „V.A. Urechia”
            # din Galaţi"
            k = close + 1
            if k + 1 < len(doc) and doc[k].lower_ in set().union(*_links(lex)) and _cap(doc[k + 1]):
                e = k + 1
                while e < len(doc) and e - k <= QUOTED_PLACE_MAX_WORDS and _cap(doc[e]):
                    e += 1
                name = f"{name} {doc[k:e].text}"
            return name
    if start > 0 and doc[start - 1].text in _CLOSE:
        opening = next((k for k in range(start - 2, max(-1, start - QUOTED_NAME_MAX_TOKENS - 3), -1)
                        if doc[k].text in _OPEN), None)
        if opening is not None and opening + 1 < start - 1 and _cap(doc[opening + 1]) and \
                (opening == 0 or doc[opening - 1].lower_ in lex.function_words["name_articles"] | {"of", "and", ",", "with", "by"}):
            return f"{doc[opening + 1:start - 1].text} {name}"
    return name


def _citation(doc: Doc, start: int, end: int) -> bool:
    """'(Archive of the National Library, 2024)': a source reference, not an actor."""
    return (start > 0 and doc[start - 1].text == "(" and end + 1 < len(doc) and doc[end].text == ","
            and re.match(r"^\d{4}", doc[end + 1].text) is not None)


def _nested_of(doc: Doc, start: int, end: int, lex: Lexicon) -> list[int]:
    """Starts of complete names inside an of-phrase: "Training Center of the | National Library
    of Azerbaijan", "Department of the | Ministry of Culture": the object begins with a head or
    with modifiers and a head, and runs to the end of the name."""
    out = []
    for k in range(start + 2, end - 1):
        if not (doc[k - 1].lower_ in lex.function_words["name_articles"] and doc[k - 2].lower_ in ("of", "under", "at")):
            continue
        j = k
        while j < end and _cap(doc[j]) and doc[j].text not in lex.heads:
            j += 1
        if j < end and doc[j].text in lex.heads and (j > k or (j + 1 < end and doc[j + 1].lower_ in _of_words(lex) | {"named"})):
            out.append(k)
            break
    return out


def _nested_first(doc: Doc, start: int, end: int, lex: Lexicon) -> list[int]:
    """Start of the complete name that follows a head written first, when it begins with a head
    written first itself: "Perpustakaan | Universiti Malaya" (the library of the university)."""
    if doc[start].text not in lex.heads_first:
        return []
    k = start + 1
    while k < end - 1 and doc[k].text in lex.heads and doc[k].text not in lex.heads_first:
        k += 1
    return [k] if k < end - 1 and doc[k].text in lex.heads_first and k > start else []


def acronym_extent(doc: Doc, start: int, end: int, lex: Lexicon) -> int:
    """The end of a name that its acronym shows to run on: a link word and a capitalised word
    or two before the bracketed acronym, whose initials the acronym also spells ("Royal College
    of Surgeons in Ireland (RCSI)", "University of Applied Sciences in Berlin (UASB)")."""
    for k in range(end + 2, min(end + ACRONYM_REACH, len(doc) - 2) + 1):
        if doc[k].text == "(":
            acronym = acronym_after(doc, k)
            if (acronym and doc[end].is_lower and all(_cap(t) for t in doc[end + 1:k])
                    and _initials(doc, start, k, lex) == acronym.upper()
                    and _initials(doc, start, end, lex) != acronym.upper()):
                return k
            break
    return end


def _initials(doc: Doc, start: int, end: int, lex: Lexicon) -> str:
    out, skipped = [], _skipped(lex)
    for t in doc[start:end]:
        if t.lower_ in skipped or not t.text[:1].isalpha():
            continue
        if looks_like_acronym(t.text):
            out.append(t.text.upper())
        else:
            out.append(t.text[0].upper())
    return "".join(out)


def acronym_suffix(doc: Doc, start: int, end: int, acronym: str, lex: Lexicon) -> Optional[int]:
    """Where the part of a name an acronym stands for begins, when it is a proper tail of the
    name ("International Relations Department of the ANAS Central Scientific Library (CSL)" →
    "ANAS Central Scientific Library"); None when the acronym is the whole name's."""
    letters = "".join(c for c in acronym if c.isupper())
    if _initials(doc, start, end, lex) == letters:
        return None
    for k in range(start + 1, end):
        if not _cap(doc[k]) or doc[k - 1].text == "-":
            continue
        if _initials(doc, k, end, lex) == letters:
            return k
    return None


# Coordinated names that share one head, written once in the plural: "the Embassies of Japan,
# India and South Africa", "Tartu, Narva and Pärnu Universities", "the French and German
# embassies". Each conjunct is one institution; its name is the conjunct with the head in the
# singular (``Lexicon.head_singular``): "Embassy of Japan", "Pärnu University", "French embassy"
# (corpus/dev/CONVENTIONS.md, batch 3 Notes A 3). Its span is the conjunct's own tokens, the
# conjunct written next to the head taking the head (and the head's modifiers) too: "National
# Libraries of China" | "Peru" | "Cuba Jose Marti"; "Tartu" | "Narva" | "Pärnu Universities". So
# the spans do not overlap, each partner stands where the text names it (the roles of an event
# are read from positions), and the record's ``char_start``/``char_end`` cover the words that
# tell it from the others, while its ``name`` is not verbatim.
COORDINATION_LINKS = frozenset({",", "and"})


def _conjunct_ok(doc: Doc, a: int, e: int, grower: "_Grower") -> bool:
    """A conjunct is a proper name or modifier: no title, role, function word or personal name
    first ("… and Anar Karimov"), no head inside (then it is a whole name: "X Library and Y
    School Libraries"), no initial (an initial means the "and" may be inside a name: "Utena A.
    and M. Miškiniai"), and one word that is not generic (not "National" alone)."""
    lex = grower.lex
    first = doc[a + 1] if doc[a].lower_ in grower.articles and a + 1 < e else doc[a]
    if (first.text in grower.stop or first.lower_ in lex.roles or grower.title_at(first.i)
            or (first.text in lex.given_names and first.i + 1 < e and first.text not in lex.places)
            or any(is_initial(t.text) or t.text in lex.heads for t in doc[a:e])):
        return False
    return any(t.text not in lex.non_name or t.text in lex.demonyms or t.text in lex.places
               for t in doc[first.i:e])


def _list_right(doc: Doc, k: int, grower: "_Grower") -> Optional[list[tuple[int, int]]]:
    """The conjuncts of "A, B and C" starting at token k: [(start, end), …], or None unless at
    least two, the last after "and"."""
    items, n = [], len(doc)
    while True:
        a = k
        if k < n and doc[k].lower_ in grower.articles:
            k += 1
        if k >= n or not _cap(doc[k]):
            return None
        e = grower.cap_run_end(k)
        items.append((a, e))
        if e < n and doc[e].text == "," and e + 1 < n and doc[e + 1].lower_ == "and":
            last, k = True, e + 2
        elif e < n and doc[e].lower_ == "and":
            last, k = True, e + 1
        elif e < n and doc[e].text == ",":
            last, k = False, e + 1
        else:
            return None
        if last:
            a = k
            if k < n and doc[k].lower_ in grower.articles:
                k += 1
            if k >= n or not _cap(doc[k]):
                return None
            items.append((a, grower.cap_run_end(k)))
            return items


def _list_left(doc: Doc, e: int, grower: "_Grower") -> Optional[list[tuple[int, int]]]:
    """The conjuncts of "A, B and C" ending at token e (exclusive), in text order, or None
    unless at least two, the last after "and", and the list starts cleanly (not right after a
    capitalised word, an initial or another "and"). A comma before something that is no
    conjunct ends the list ("Apart from the Library, | Wollo, Woldia and Madda Walabu")."""
    items = []
    a = grower.left_run(e)
    if a == e:
        return None
    items.append((a, e))
    after_and = False
    while True:
        k = a
        if k >= 1 and doc[k - 1].lower_ == "and" and not after_and and len(items) == 1:
            k -= 2 if k >= 2 and doc[k - 2].text == "," else 1
            after_and = True
        elif k >= 1 and doc[k - 1].text == "," and after_and:
            k -= 1
        else:
            break
        b = grower.left_run(k)
        if b == k or (len(items) > 1 and not _conjunct_ok(doc, b, k, grower)):
            break
        items.insert(0, (b, k))
        a = b
    if not after_and or len(items) < 2:
        return None
    a = items[0][0]
    if a > 0 and (_cap(doc[a - 1]) or is_initial(doc[a - 1].text) or doc[a - 1].lower_ == "and"):
        return None
    return items


def _coordinated(doc: Doc, lex: Lexicon, grower: "_Grower", i: int) -> Optional[tuple[int, int, list[Span]]]:
    """The institutions of a coordination whose plural head is token i: (first token, end, spans)."""
    plural = doc[i].text
    single = lex.head_singular[plural]
    if i > 0 and doc[i - 1].lower_ in ("and", "&"):       # "National Library and Archives of Iran"
        return None
    lower_head = not _cap(doc[i])
    # a lower-case head names one institution per conjunct only when there is one per place
    # ("embassies of China and Peru", "the Japanese and Chinese embassies"), not "libraries of
    # Japan and Korea", "Daugavpils and Preiļi libraries" (generic references)
    located = single.capitalize() in lex.heads_located
    n = len(doc)
    out = []
    if i + 2 < n and doc[i + 1].lower_ == "of" and (located or not lower_head):
        items = _list_right(doc, i + 2, grower)
        if items and all(_conjunct_ok(doc, a, e, grower) for a, e in items):
            start = i if lower_head else grower.left(i)
            before = doc[start:i].text + " " if start < i else ""
            for k, (a, e) in enumerate(items):
                span = Span(doc, start if k == 0 else a, e, label="INSTITUTION")
                span._.institution = {"name": f"{before}{single[0].upper()}{single[1:]} of {doc[a:e].text}",
                                      "acronym": None, "country": _country(doc, doc[a:e], lex),
                                      "rule": "coordination", "acronym_from": "text"}
                out.append(span)
            return start, items[-1][1], out
    # "A, B and C <shared words> Heads": the shared words are the head, the lower-case modifiers
    # and the capitalised generic words and heads right before it ("Council libraries", "National
    # Libraries"), leaving a word to the last conjunct
    t = i
    while t - 1 > 0 and (doc[t - 1].lower_ in LOWER_CASE_MODIFIERS and doc[t - 1].is_lower
                         or _cap(doc[t - 1]) and (doc[t - 1].text in lex.heads or doc[t - 1].text in lex.non_name)
                         and doc[t - 1].text not in lex.demonyms) and _cap(doc[t - 2]) and doc[t - 2].text not in grower.stop:
        t -= 1
    capital_shared = any(_cap(tok) and tok.text in lex.heads for tok in doc[t:i])
    if lower_head and not (located or capital_shared):
        return None
    items = _list_left(doc, t, grower)
    if not items or not all(_conjunct_ok(doc, a, e, grower) for a, e in items):
        return None
    # adjectives of countries with a bare plural head are generic ("Turkish and Azerbaijani
    # Libraries"); with a head found once per place, or a further shared word, they name one
    # institution each ("the French and German embassies", "Estonian and Latvian National Libraries")
    if t == i and not located and all(all(tok.text in lex.demonyms for tok in doc[a:e]) for a, e in items):
        return None
    shared = doc[t:i].text + " " if t < i else ""
    for k, (a, e) in enumerate(items):
        span = Span(doc, a, i + 1 if k == len(items) - 1 else e, label="INSTITUTION")
        span._.institution = {"name": f"{doc[a:e].text} {shared}{single}", "acronym": None,
                              "country": _country(doc, doc[a:e], lex), "rule": "coordination", "acronym_from": "text"}
        out.append(span)
    return items[0][0], i + 1, out


def _coordinations(doc: Doc, lex: Lexicon, grower: "_Grower", orths: list) -> tuple[list[Span], set]:
    """Every coordination of the Doc: (its institution spans, the tokens it covers)."""
    plurals = _key_ids(lex.head_singular)
    spans, covered = [], set()
    for i, orth in enumerate(orths):
        if orth not in plurals or i in covered:
            continue
        found = _coordinated(doc, lex, grower, i)
        if found:
            start, end, out = found
            spans.extend(out)
            covered.update(range(start, end))
    return spans, covered


def find_institutions(doc: Doc, lex: Lexicon, quoted: Optional[list] = None) -> list[Span]:
    """Institution spans of a Doc; ``quoted`` is ``quoted_ranges(doc.text)`` when the caller
    has it (``doc.text`` joins every token: worth doing once)."""
    grower = _Grower(doc, lex, _capitalised(lex.function_words["name_not_first"]))
    quoted = quoted_ranges(text_of(doc)) if quoted is None else quoted
    spans: list[Span] = []
    products: list[Span] = []
    covered_until = -1
    orths = doc.to_array(ORTH).tolist()      # no Token objects for the many tokens that are no head
    heads = _string_ids(lex.heads)
    lower_heads = _string_ids(LOWER_CASE_HEADS)
    coordinated, in_coordination = _coordinations(doc, lex, grower, orths)
    compounds = compound_heads(words_of(doc)[0], lex.function_words["head_compound_endings"])
    suffixed = _suffixed_heads(words_of(doc)[0], lex)
    final_only = _string_ids(_capitalised(lex.function_words["heads_final_only"]))
    lower_first = _string_ids(lex.function_words["lower_heads_first"])   # what _lower_head_first can open on
    # the tokens the loop can act on (any other is passed over by its tests): most tokens are none
    opening = _union(heads, lower_heads, final_only, lower_first)
    for i in sorted({i for i, orth in enumerate(orths) if orth in opening} | compounds | suffixed):
        orth = orths[i]
        # a word that ends a name only where its capitalised run ends ("Book Aid International",
        # not "X International Staff Week")
        last = orth in final_only and not (i + 1 < len(doc) and _cap(doc[i + 1]) and doc[i + 1].is_alpha)
        if i < covered_until or i in in_coordination:
            continue
        known = orth in heads or i in compounds or i in suffixed or last
        lower_case = not known and orth in lower_heads and _lower_case_head(grower, i)
        first = not known and not lower_case       # only a lower-case head written first is left
        if first and not (orth in lower_first and _lower_head_first(grower, i)):
            continue
        start = i if first else grower.left(i if orth in heads or i in suffixed or last else _before_modifier(doc, i))
        end = i + 1 if i in suffixed else grower.right(i, start)   # the case ending closes the name
        covered_until = end
        while start < i and doc[start].lower_ in grower.articles and doc[start].lower_ != "the":
            start += 1                      # "La Biblioteca Nacional de ...": the name without its article
        start, end = _without_posts(doc, start, i, end, lex, grower)
        owner = _owner_of_unit(doc, start, end, lex)
        if owner is not None:               # "the Board of X Telecommunications": X is the name
            start = owner
        span = Span(doc, start, end, label="INSTITUTION")
        if end - start < 2 or _generic_plural(span, lex) or span.text in lex.places or _generic_unit(span, lex):
            continue
        if any(a <= span.start_char and span.end_char <= b for a, b in quoted):
            continue
        if _event_or_product_after(doc, end, lex):        # "… Library System", "… Library and Information Congress"
            products.append(Span(doc, start, end + 1, label="PRODUCT"))
            continue
        if _names_a_meeting(doc, start, end, lex):        # "the General Assembly", "the ABC Annual Conference"
            products.append(Span(doc, start, end, label="PRODUCT"))
            continue
        if _citation(doc, start, end):
            continue
        end = acronym_extent(doc, start, end, lex)   # "Royal College of Surgeons in Ireland (RCSI)"
        covered_until = max(covered_until, end)
        span = Span(doc, start, end, label="INSTITUTION")
        name = _with_quoted_name(doc, start, end, lex)
        if end - 1 in suffixed:             # "Millet Kütüphanesi'ni" is "Millet Kütüphanesi"
            name = re.sub(r"['’][^\W\d_]+$", "", name)
        acronym = acronym_after(doc, end)
        inner = acronym_suffix(doc, start, end, acronym, lex) if acronym else None
        span._.institution = {"name": name, "acronym": None if inner else acronym,
                              "country": _country(doc, span, lex), "rule": "head", "acronym_from": "text"}
        nested = _nested_of(doc, start, end, lex)
        if not (nested and _generic_unit(doc[start:nested[0] - 2], lex)):
            spans.append(span)              # not "Digitisation Centre of the X Library": a unit of X, and X is the name
        for k in nested + _nested_first(doc, start, end, lex):   # "Ministry of Culture" in "Department of the
                                                                  # Ministry of Culture"; "Universiti Malaya"
            sub = Span(doc, k, end, label="INSTITUTION")
            sub._.institution = {"name": sub.text, "acronym": None, "country": _country(doc, sub, lex), "rule": "nested",
                                 "acronym_from": "text"}
            spans.append(sub)
        if inner is not None:                 # "Department of the X Library (XL)": XL is the library
            sub = Span(doc, inner, end, label="INSTITUTION")
            sub._.institution = {"name": sub.text, "acronym": acronym, "country": _country(doc, sub, lex),
                                 "rule": "head", "acronym_from": "text"}
            spans.append(sub)
    spans = [s for s in spans if not any(t in in_coordination for t in range(s.start, s.end))] + coordinated
    for span in spans:
        data = span._.institution
        if (not data["acronym"] and span.start >= 2 and doc[span.start - 1].text == "(" and span.end < len(doc)
                and doc[span.end].text == ")" and looks_like_acronym(doc[span.start - 2].text)):
            data["acronym"] = doc[span.start - 2].text          # "OCLC (Online Computer Library Center)"
    spans = _without_borders(doc, spans, quoted)
    spans.extend(_suffix_names(doc, lex, {t for s in spans for t in range(s.start, s.end)}))
    spans.extend(_defined_by_acronym(doc, lex, {t for s in spans for t in range(s.start, s.end)}))
    spans.extend(_vietnamese_names(doc, lex, {t for s in spans for t in range(s.start, s.end)}))
    spans.extend(_arabic_names(doc, lex, {t for s in spans for t in range(s.start, s.end)}))
    spans.extend(_turkic_names(doc, lex, {t for s in spans for t in range(s.start, s.end)}))
    taken = {t for s in spans for t in range(s.start, s.end + (3 if s._.institution["acronym"] else 0))}
    acronyms = _key_ids(lex.acronyms)
    for i, orth in enumerate(orths):
        if orth not in acronyms or i in taken:
            continue
        tok = doc[i]
        if not any(a <= tok.idx < b for a, b in quoted):
            name, country = lex.acronyms[tok.text]
            span = Span(doc, tok.i, tok.i + 1, label="INSTITUTION")
            # the document's own spelling: "UNESCO" unless the text spells it out (linking)
            span._.institution = {"name": tok.text, "acronym": tok.text, "country": country, "rule": "acronym-known",
                                  "acronym_from": "known"}
            spans.append(span)
    doc.spans["products"] = products
    taken = {t for s in spans for t in range(s.start, s.end)}
    for i in _context_acronyms(doc, lex, taken, quoted):
        span = Span(doc, i, i + 1, label="INSTITUTION")
        span._.institution = {"name": span.text, "acronym": span.text, "country": None, "rule": "acronym-context",
                              "acronym_from": "text"}
        spans.append(span)
        taken.add(i)
    for source in _news_sources(doc, lex):
        if not any(t in taken for t in range(source.start, source.end)):
            spans.append(source)
            taken.update(range(source.start, source.end))
    return sorted(spans, key=lambda s: s.start)


# An unknown all-capital word of this many letters ("NLA", "UNAAB", "USCPF") can be an
# organisation's acronym; shorter ones are too often something else ("UC", "AG").
CONTEXT_ACRONYM_LETTERS = (3, 7)
_ALL_CAPITALS = re.compile(r"[A-Z][A-Z&]+")
# Lower-case nouns an acronym may modify, naming an event or a programme rather than the
# organisation ("the SCO summit", "the IFLA congress"); a lower-case head ("the ISEAS library")
# makes it part of a name written so.
ACRONYM_MODIFIED = frozenset({"summit", "conference", "congress", "meeting", "forum", "project", "programme", "program",
                              "libraries", "universities", "standard", "framework", "series", "session", "fair"})
# Words between the capitalised words of a name its acronym spells ("Council of Australian
# University Librarians (CAUL)", "Books and Publishing (B&P)"): they give no letter.
ACRONYM_SKIPPED = frozenset({"of", "and", "for", "the", "&", "de", "du", "des", "la", "el", "y", "für", "und", "on", "in"})
# The longest name an acronym in brackets is looked for in, in tokens.
ACRONYM_NAME_MAX_TOKENS = 10


def _defined_by_acronym(doc: Doc, lex: Lexicon, taken: set) -> list[Span]:
    """Names without a head word that an acronym in brackets after them defines, its letters the
    initials of their capitalised words: "the New Zealand Defence Force (NZDF)", "Research
    Libraries UK (RLUK)" (no head word: "Force", "UK"). Not a document, a technology or an event
    ("Memorandum of Understanding (MOU)": ``acronym_not_org``; "... Congress (WLIC)": a word of
    ``institution_not_before`` or ``ACRONYM_MODIFIED`` at its end), a place or a person."""
    words = words_of(doc)[0]
    not_org = lex.function_words["acronym_not_org"]
    out = []
    for k in range(2, len(words) - 2):
        if words[k] != "(" or words[k + 2] != ")" or not looks_like_acronym(words[k + 1]):
            continue
        acronym = words[k + 1]
        letters = "".join(c for c in acronym if c.isupper())
        if len(letters) < 2 or acronym.lower() in not_org or acronym in lex.places:
            continue
        start, initials, found = k, "", None
        while start > 0 and k - start < ACRONYM_NAME_MAX_TOKENS and start - 1 not in taken:
            word = words[start - 1]
            if word.lower() in ACRONYM_SKIPPED:
                start -= 1
                continue
            if not (word[:1].isupper() and doc[start - 1].is_alpha):
                break
            start -= 1
            initials = word[0].upper() + initials
            if initials == letters:
                found = start
                break
            if len(initials) >= len(letters):
                break
        if found is None or k - found < 2 or any(t in taken for t in range(found, k)):
            continue
        if found > 0 and words[found - 1].lower() not in lex.function_words["name_articles"] and (
                words[found - 1].lower() in ACRONYM_SKIPPED or words[found - 1][:1].isupper()):
            continue            # the complement of a longer name: "Department of Ancient ... Cultures (AMLC)"
        last = words[k - 1].lower()
        name = " ".join(words[found:k])
        if (last in lex.not_before or last in ACRONYM_MODIFIED or name in lex.places
                or words[found] in lex.given_names or words[found] in lex.title_words or words[found] in lex.unit_heads):
            continue
        span = Span(doc, found, k, label="INSTITUTION")
        span._.institution = {"name": span.text, "acronym": acronym, "country": _country(doc, span, lex),
                              "rule": "acronym-definition", "acronym_from": "text"}
        out.append(span)
        taken.update(range(found, k))
    return out


# Capitalised or inner words a Vietnamese name takes after its head: "Thư viện Dân tộc Hà Khẩu"
# (four), "Đại sứ quán Hungary tại Việt Nam" (four), "Cục Văn thư và Lưu trữ nhà nước Việt Nam" (nine).
VI_NAME_MAX_WORDS = 10


def _vi_second_syllable(doc: Doc, words: list, k: int, inner=None) -> bool:
    """A lower-case syllable ending a word whose first syllable is capitalised, in a name: "Dân
    tộc" in "Thư viện Dân tộc Hà Khẩu", "Văn hóa" in "Bộ Văn hóa, …" (the next token capitalised,
    punctuation or a word of ``inner``: "Lưu trữ nhà nước"), not a verb after a name ("Hà Nội đã
    tổ chức")."""
    if k < 1 or k + 1 >= len(words) or not (doc[k].is_alpha and doc[k].is_lower) or not words[k - 1][:1].isupper():
        return False
    return words[k + 1][:1].isupper() or doc[k + 1].is_punct or (inner is not None and words[k + 1].lower() in inner)


def _vietnamese_names(doc: Doc, lex: Lexicon, taken: set) -> list[Span]:
    """Vietnamese names, head first (``vi_heads``: "Thư viện", "Đại sứ quán"), then its
    capitalised words and the lower-case words of ``vi_name_inner`` ("tỉnh", "tại"): "Thư viện
    tỉnh Lào Cai", "Đại sứ quán Hungary tại Việt Nam". A head alone or with inner words only
    names nothing; a name does not end on an inner word."""
    words, lower = words_of(doc)        # (spaCy's LOWER is str.lower)
    heads, firsts = _vi_heads(lex.function_words["vi_heads"])
    if firsts.isdisjoint(lower):
        return []           # no head's first word: the paragraph names nothing this way (most do not)
    inner, posts, surnames = (lex.function_words[k] for k in ("vi_name_inner", "vi_posts", "vi_family_names"))
    out, i = [], 0
    while i < len(words):
        head = next((h for h in heads if tuple(lower[i:i + len(h)]) == h and words[i][:1].isupper()), None) \
            if lower[i] in firsts else None
        if head is None or i in taken or (i + len(head) < len(words) and lower[i + len(head)] in posts):
            i += 1              # "Cục trưởng": a post
            continue
        e = k = i + len(head)
        while k < len(words) and k - i - len(head) < VI_NAME_MAX_WORDS and k not in taken and (
                (words[k][:1].isupper() and doc[k].is_alpha) or lower[k] in inner
                or _vi_second_syllable(doc, words, k, inner)) and not any(
                tuple(lower[k:k + len(h)]) == h and words[k][:1].isupper() for h in heads) and not (
                e > i + len(head) and lower[k] in surnames and k + 1 < len(words) and words[k + 1][:1].isupper()):
            k += 1
            if words[k - 1][:1].isupper() or (lower[k - 1] not in inner and _vi_second_syllable(doc, words, k - 1, inner)):
                e = k
        if e > i + len(head):
            span = Span(doc, i, e, label="INSTITUTION")
            span._.institution = {"name": span.text, "acronym": acronym_after(doc, e), "country": _country(doc, span, lex),
                                  "rule": "vi-head", "acronym_from": "text"}
            out.append(span)
            taken.update(range(i, e))
        i = max(e, i + 1)
    return out


@lru_cache(maxsize=4)
def _vi_heads(vi_heads: frozenset) -> tuple[list, frozenset]:
    """(the heads as word tuples, longest first; their first words), made once per word list."""
    heads = sorted((tuple(h.split()) for h in vi_heads), key=len, reverse=True)
    return heads, frozenset(h[0] for h in heads)


# A sentence with more all-capital words than this is a shouted headline, not prose.
SHOUTED_WORDS = 2
# What after an all-capital word makes it part of a code: "EIF/GAM-1".
ACRONYM_NOT_AFTER = frozenset({"/", "-", "–", "_", "+"})


def _context_acronyms(doc: Doc, lex: Lexicon, taken: set, quoted: list) -> list[int]:
    """Indices of unknown all-capital words that the text uses as an organisation's acronym:
    after a word of ``acronym_org_before`` ("the NLA has found", "visited ZSR", "freighted to
    UNAAB", "reports RNZ") or before a possessive ("USAID's"), standing alone (no capitalised word
    next to it: "SEAH Eng Kiat" is a name), not a place, a name or a word of ``acronym_not_org``
    (MoU, PhD, USD, ICT), and not in a shouted headline."""
    words = words_of(doc)[0]
    lo, hi = CONTEXT_ACRONYM_LETTERS
    candidates = [i for i, w in enumerate(words) if lo <= len(w) <= hi and w[:1].isupper() and w.isupper()
                  and _ALL_CAPITALS.fullmatch(w) and i not in taken]
    if not candidates:
        return []
    not_org, before = lex.function_words["acronym_not_org"], lex.function_words["acronym_org_before"]
    # an acronym the text defines in brackets is the defined name's, found by linking
    articles = lex.function_words["name_articles"]
    defined = {words[k] for k in range(1, len(words) - 1) if words[k + 1] == ")" and (
        words[k - 1] == "(" or (k > 1 and words[k - 2] == "(" and words[k - 1].lower() in articles))}
    out = []
    for i in candidates:
        word = words[i]
        title = word.title()
        if (word in defined or word.lower() in not_org or word in lex.places or title in lex.places or word in lex.demonyms
                or title in lex.given_names or title in lex.family_names):
            continue
        prev = doc[i - 1] if i > 0 else None
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if nxt is not None and nxt.is_alpha and (nxt.text[:1].isupper() or nxt.text.title() in lex.heads
                                                 or nxt.lower_ in ACRONYM_MODIFIED):
            continue
        if nxt is not None and (nxt.text in ACRONYM_NOT_AFTER or any(c.isdigit() for c in nxt.text)):
            continue            # a code: "EIF/GAM-1", "ISO 9001"
        if prev is not None and prev.text[:1].isupper() and prev.is_alpha and prev.lower_ not in before:
            continue
        if not ((prev is not None and prev.lower_ in before) or (nxt is not None and nxt.text in POSSESSIVE_S)):
            continue
        if any(a <= doc[i].idx < b for a, b in quoted):
            continue
        sent = doc[i].sent if doc.has_annotation("SENT_START") else doc[:]
        if sum(1 for t in sent if len(t) > 1 and t.is_alpha and t.is_upper) > SHOUTED_WORDS:
            continue
        out.append(i)
    return out


# A news site named by its address ("UzDaily.com", "PanARMENIAN.Net", "Metbuat.az").
_SITE_NAME = re.compile(r"^[A-Z][A-Za-z0-9-]{2,}\.(?:[a-z]{2,4}|Net|Com|Org|Info)$")
# The source of a wire story in its dateline: "Wien (OTS) -", "TASHKENT (UzDaily) --",
# "Alexandria, (UrduPoint / Pakistan Point News - 15th Feb, 2023 ) :", "GATINEAU, QC, April 13,
# 2018 /CNW/ -": the parenthesised or slashed part before the dash or colon.
_DATELINE_SOURCE = re.compile(r"^[A-Z][^\n()/]{0,45}?(?:\(([^()\n]{2,70})\)|/([A-Za-z][\w .&-]{1,30})/)\s*[-–—:]")


def _suffixed_heads(texts: list, lex: Lexicon) -> set:
    """Indices of heads with a case ending after an apostrophe (Turkish, Azerbaijani: "Millet
    Kütüphanesi'ni", "Üniversitesi’nde"): a head all the same, the name ends with it."""
    out = set()
    for i, t in enumerate(texts):
        if ("'" in t or "’" in t) and _CASE_ENDING.match(t) and re.split("['’]", t, maxsplit=1)[0] in lex.heads:
            out.add(i)
    return out


def compound_heads(texts: list, endings: frozenset) -> set:
    """Indices of capitalised compounds ending in a head ("Nationalbibliothek", "Staatsarchiv",
    "Universiteitsbibliotheek"): German, Dutch and the Nordic languages write a head so."""
    return {i for i, t in enumerate(texts) if t[:1].isupper() and _ends_in_head(t, endings)}


@lru_cache(maxsize=65536)
def _ends_in_head(t: str, endings: frozenset) -> bool:
    low = t.lower()
    return low.endswith(_as_tuple(endings)) and any(len(t) >= len(e) + COMPOUND_MIN_STEM and low.endswith(e) for e in endings)


@lru_cache(maxsize=16)
def _as_tuple(words: frozenset) -> tuple:
    return tuple(words)


def _news_sources(doc: Doc, lex: Lexicon) -> list[Span]:
    """News outlets the text names as its source: site addresses, and the agency in a dateline
    (not a place, "Bergen (Norway) -", nor a person, "(Anna Berg) -")."""
    out = [_source_span(doc, i, i + 1) for i, word in enumerate(words_of(doc)[0])
           if "." in word and _SITE_NAME.match(word)           # the regex only where an address can be
           and word not in lex.glued_titles]                    # a title written with a full stop: "Sig.ra", "Dott.ssa"
    text = text_of(doc)                                         # doc.text joins every token at each access
    match = _DATELINE_SOURCE.match(text)
    if match:
        group = 1 if match.group(1) is not None else 2
        start = match.start(group)
        for part in re.split(r"\s*/\s*", match.group(group)):
            name = re.split(r"\s+[-–—]\s+", part)[0].strip()      # "Pakistan Point News - 15th Feb"
            at = text.find(name, start)
            if (name and name[0].isupper() and not any(c.isdigit() for c in name) and len(name.split()) <= 4
                    and at >= 0 and name not in lex.places and name not in lex.demonyms
                    and name.split()[0] not in lex.given_names):
                span = doc.char_span(at, at + len(name), alignment_mode="contract")
                if span is not None and len(span):
                    out.append(_source_span(doc, span.start, span.end))
            start = max(start, at + len(name)) if at >= 0 else start
    return out


def _source_span(doc: Doc, start: int, end: int) -> Span:
    span = Span(doc, start, end, label="INSTITUTION")
    span._.institution = {"name": span.text, "acronym": span.text if span.text.isupper() else None,
                          "country": None, "rule": "news-source", "acronym_from": "text"}
    return span


# Scripts without capital letters: Hangul, kana, CJK ideographs. Their names are found by ending.
_NO_CASE = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
# Characters a word must have before its institution ending: "국립도서관", "外交部"; not the bare
# noun "도서관" ("library") nor "정부" (government), "일부" (part), whose last syllable is the
# ending "부" (ministry).
INSTITUTION_SUFFIX_MIN_STEM = 2
# Longest token read as one name: Chinese and Japanese write no spaces, and a whole clause that
# ends in "大学" is one token; names written apart (in brackets, beside English) are shorter.
SUFFIX_NAME_MAX_CHARS = 12


# The name form of the "… Without Borders" organisations ("Libraries Without Borders",
# "Bibliothèques sans frontières", "Association Littérature sans Frontières", "Bibliotecas sin
# Fronteras"): one to four capitalised words, then the phrase in one of these languages.
_BORDERS = (r"Without Borders|[Ss]ans [Ff]rontières|[Ss]in [Ff]ronteras"
            r"|[Ss]em [Ff]ronteiras|[Ss]enza [Ff]rontiere|ohne Grenzen|[Bb]ez [Hh]ranic|[Bb]ez [Gg]ranic")
_WITHOUT_BORDERS = re.compile(r"(?:(?<=[lLdD][’'])|(?<![\w’']))((?:[A-ZÀ-Ý][\w’'-]*\s+){1,4})(" + _BORDERS + r")\b")
# The words alone: a text without them holds no such name (one quick search before the slow one).
_BORDERS_WORDS = re.compile(_BORDERS)


def _without_borders(doc: Doc, spans: list, quoted: list) -> list[Span]:
    """``spans`` with each "… Without Borders" name (``_WITHOUT_BORDERS``) in place of the spans
    it covers or cuts ("Association Littérature" of "Association Littérature sans Frontières");
    ``quoted``: the doc's :func:`quoted_ranges`."""
    found = []
    text = text_of(doc)
    for m in (_WITHOUT_BORDERS.finditer(text) if _BORDERS_WORDS.search(text) else ()):
        if any(a <= m.start(1) and m.end(2) <= b for a, b in quoted):
            continue                        # a project's name in quotation marks: "Library Without Borders"
        span = doc.char_span(m.start(1), m.end(2), label="INSTITUTION", alignment_mode="contract")
        if span is None or len(span) < 3:
            continue
        while len(span) > 3 and span[0].lower_ in ("the", "la", "le", "les", "el", "a", "o", "die", "l'", "l’"):
            span = doc[span.start + 1:span.end]
        span = Span(doc, span.start, span.end, label="INSTITUTION")
        span._.institution = {"name": span.text, "acronym": acronym_after(doc, span.end), "country": None,
                              "rule": "without_borders", "acronym_from": "text"}
        found.append(span)
    if not found:
        return spans
    kept = [s for s in spans if not any(s.start < f.end and f.start < s.end for f in found)]
    return kept + found


# Syllables a word ending in a verb ending of hangul_modifier_endings needs to be read as a verb
# ("개관한", "추진한"), not a name's opening word ("대한", "주한").
MODIFIER_MIN_SYLLABLES = 3


def _modifier_word(word: str, lex: Lexicon) -> bool:
    """A Korean word before a name that is no part of it: a verb or modifier by its ending
    (``hangul_modifier_endings``: "개관한 전주시립도서관", the Jeonju library that opened) or a
    word of ``hangul_non_name_words`` ("이후", after; "위해", for)."""
    words = lex.function_words
    return word in words.get("hangul_non_name_words", ()) or (
        len(word) >= MODIFIER_MIN_SYLLABLES and word.endswith(tuple(words.get("hangul_modifier_endings", ()))))


def _suffix_names(doc: Doc, lex: Lexicon, taken: set) -> list[Span]:
    """Names in scripts without capitals, by their ending (``institution_suffixes.txt``):
    "국립중앙도서관은" → 국립중앙도서관 (the particle taken off), with the word before it when
    that word ends in no particle ("인도네시아 국립도서관과" → 인도네시아 국립도서관)."""
    if not lex.suffixes or not _NO_CASE.search(text_of(doc)):
        return []
    particles = sorted(lex.function_words.get("attached_particles", ()), key=len, reverse=True)
    out = _cjk_names(doc, lex, taken) if HAN_KANA.search(text_of(doc)) else []
    for tok in doc:
        text = tok.text
        if tok.i in taken or not _NO_CASE.match(text) or HAN_KANA.search(text):
            continue
        name = _strip_particle(text, lex.suffixes, particles)
        if name is None or len(name) > SUFFIX_NAME_MAX_CHARS:
            continue
        start = tok.i
        prev = doc[start - 1] if start > 0 else None
        if (prev is not None and prev.i not in taken and prev.whitespace_ and not prev.is_sent_start and len(prev.text) >= INSTITUTION_SUFFIX_MIN_STEM
                and all(_NO_CASE.match(c) for c in prev.text) and not prev.text.endswith(tuple(particles))
                and not _modifier_word(prev.text, lex)
                and _strip_particle(prev.text, lex.suffixes, particles) is None):
            start -= 1
            name = f"{prev.text} {name}"
        span = Span(doc, start, tok.i + 1, label="INSTITUTION")
        span._.institution = {"name": name, "acronym": acronym_after(doc, tok.i + 1), "country": None,
                              "rule": "suffix", "acronym_from": "text"}
        out.append(span)
    return out


# Chinese and Japanese write a clause as one token (see build.EXTRA_INFIXES); their names are
# found by character inside it. Name characters: Han ideographs, and in Japanese katakana and the
# long-vowel mark ("ソウル大学校", "研究センター"); everything else (punctuation, digits, Latin,
# the hiragana of Japanese particles and verb endings: "広島大学と首都師範大学が") ends a name.
_HAN_RUN = re.compile(f"[{HAN}]+")
_HAN_KATAKANA_RUN = re.compile(f"[{HAN}\u30a1-\u30fa\u30fc]+")
# Longest name read inside a clause: the longest in the corpora has 12 characters
# ("広島大学北京研究センター"); a longer stretch up to an ending holds words before the name.
CJK_NAME_MAX_CHARS = 16
# Units written after the digits of a date or a count ("2024年", "9月", "20日", "3号"): one that
# opens a run of Han characters belongs to the number before it, not to a name.
_CJK_DATE_UNITS = frozenset("年月日号號")


def _occurrences(pattern: Optional[re.Pattern], text: str) -> list[tuple[int, int]]:
    """Every occurrence of the pattern's words, overlapping ones too ("大学校" and "校長")."""
    if pattern is None:
        return []
    out, i = [], 0
    while True:
        m = pattern.search(text, i)
        if m is None:
            return out
        out.append(m.span())
        i = m.start() + 1


def _cjk_names(doc: Doc, lex: Lexicon, taken: set) -> list[Span]:
    """Chinese and Japanese names inside the tokens of a clause: a stretch of name characters
    ending in an institution ending (``institution_suffixes.txt``), cut after the nearest boundary
    before it: a character that is no name character (Japanese particles are hiragana), a
    Chinese function word or verb (``cjk_name_boundaries``: "并参观了|芝加哥大学图书馆"), or a post
    (``cjk_name_roles``: "…馆长|…"), which also ends the name ("中国国家图书馆|馆长周和平") and
    takes away an ending it overlaps ("秦図書館長" has no 図書館). The name runs to the last
    ending of its stretch ("広島大学北京研究センター", "芝加哥大学图书馆|地下书库"); it needs
    INSTITUTION_SUFFIX_MIN_STEM characters before its first ending and a word that is not
    generic before its last ending (``cjk_generic_modifiers`` and the endings themselves:
    "大学図書館" alone is a university library; "国际学校图书馆事业学会" is a society). The span is
    the token (spans are made of tokens); ``char_start``/``char_end`` give the name's own
    characters, which the records carry."""
    japanese = bool(HIRAGANA.search(text_of(doc)))
    name_run = _HAN_KATAKANA_RUN if japanese else _HAN_RUN
    fw = lex.function_words
    endings = word_alternation(frozenset(w for w in lex.suffixes if HAN_KANA.match(w)))
    roles = word_alternation(fw.get("cjk_name_roles", frozenset()))
    stops = None if japanese else word_alternation(fw.get("cjk_name_boundaries", frozenset()))
    generic = word_alternation(fw.get("cjk_generic_modifiers", frozenset()) | frozenset(lex.suffixes))
    not_after = word_alternation(fw.get("cjk_not_after", frozenset()))
    by_tokens: dict[tuple[int, int], list] = {}
    text = text_of(doc)
    for run in name_run.finditer(text):
        chunk = run.group()
        # a blank between two such characters is a cut of document.paragraph_text (a space every
        # MAX_TOKEN_CHARS characters of unspaced text, over a character): the name before it and
        # the one it starts in are not whole ("大阪 学附属図書館" for 大阪大学附属図書館)
        cut_before = run.start() >= 2 and text[run.start() - 1] == " " and HAN_KANA.match(text[run.start() - 2])
        cut_after = text[run.end():run.end() + 1] == " " and HAN_KANA.match(text[run.end() + 1:run.end() + 2])
        found = _occurrences(endings, chunk)
        if not found:
            continue
        cuts, posts = {0, len(chunk)}, set()
        for a, b in _occurrences(roles, chunk):
            if any(x <= a and b <= y for x, y in found):
                continue                    # inside an ending: "大使館"
            if any(x < a < y < b for x, y in found):
                posts.add(b)                # a post made of an ending: "笹本信州大学附属図書館長"
                found = [(x, y) for x, y in found if not x < a < y < b]
                cuts.add(b)
            else:
                cuts.update((a, b))
        for a, b in _occurrences(stops, chunk):
            if not any(x <= a and b <= y for x, y in found):
                cuts.update((a, b))
        if run.start() and text[run.start() - 1].isdigit() and chunk[0] in _CJK_DATE_UNITS:
            cuts.add(1)                     # the unit of a number before it: "2024年|中国图书馆"
        cuts = sorted(cuts)
        for lo, hi in zip(cuts, cuts[1:]):
            inner = [(x, y) for x, y in found if lo <= x and y <= hi]
            if not inner or hi in posts or (lo == 0 and cut_before):    # a post: the person's name before it
                continue
            first, end = min(x for x, _ in inner), max(y for _, y in inner)
            last = max(x for x, y in inner if y == end)
            if cut_after and end == len(chunk) and hi == len(chunk):
                continue
            name = chunk[lo:end]
            if (first - lo < INSTITUTION_SUFFIX_MIN_STEM or len(name) > CJK_NAME_MAX_CHARS
                    or _all_generic(chunk[lo:last], generic)    # endings count as generic: "国内大学图书馆", not "国际学校图书馆事业学会"
                    or _followed_by(chunk, end, not_after)):
                continue
            start_char = run.start() + lo
            span = doc.char_span(start_char, start_char + len(name), alignment_mode="expand")
            if span is None or any(t in taken for t in range(span.start, span.end)):
                continue
            by_tokens.setdefault((span.start, span.end), []).append((name, start_char, start_char + len(name)))
    out = []
    for (start, end), inside in by_tokens.items():
        span = Span(doc, start, end, label="INSTITUTION")
        span._.institution = {"name": inside[0][0], "acronym": None, "country": None, "rule": "suffix-cjk",
                              "acronym_from": "text", "inside": inside}
        out.append(span)
    return out


# Arabic script (Arabic, Persian) without the digits and punctuation of its block.
_ARABIC_WORD = re.compile("[\u0621-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u064b-\u065f\u0670\u200c]+")
# Patronymic links inside an Arabic namesake ("جامعة الإمام عبدالرحمن بن فيصل").
_ARABIC_PATRONYMIC_LINKS = ("بن", "بنت", "ابن")
# The Persian plural endings when written apart ("کتاب ها", "کتاب های"): the noun before one is no name word.
_PERSIAN_PLURALS = frozenset({"ها", "های", "هایی"})
# Words after an Arabic head: most written names have two to five ("المكتبة الوطنية للمملكة المغربية");
# a Persian one, with no article to tell nouns from what follows, three.
ARABIC_NAME_MAX_WORDS = 6
PERSIAN_NAME_MAX_WORDS = 3


# Arabic vowel marks and the shadda, which some pages write ("الوطنيّة").
_ARABIC_MARKS = re.compile("[\u064b-\u0652\u0670]")
# Arabic adjectives that are no nisba ("العامة", "الكبرى"): with the nisba ("الوطنية",
# "الأردني"), what may follow a head written with the article.
_ARABIC_ADJECTIVES = frozenset({"العامة", "العام", "الكبرى", "العليا", "المتحدة", "الحرة", "المفتوحة", "الجديدة"})


def _arabic_adjective(word: str) -> bool:
    """A definite adjective: a nisba ("الوطنية", "العربي", "الوطنيّة" with its vowel marks), an
    elative ("الأعلى", "الأوسط") or one of _ARABIC_ADJECTIVES."""
    word = _ARABIC_MARKS.sub("", word)
    return word.startswith("ال") and (word.endswith(("ية", "ي", "يين", "يون")) or word in _ARABIC_ADJECTIVES
                                      or (word.startswith("الأ") and len(word) in (5, 6)))


def _arabic_head(word: str, heads: frozenset) -> Optional[tuple[str, int]]:
    """(the head as a name starts with it, characters of clitics before it) when ``word`` is a
    head of ``heads`` with or without a clitic; else None. "للمكتبة" → ("المكتبة", 1)."""
    if word in heads:
        return word, 0
    if word.startswith("لل") and "ال" + word[2:] in heads:
        return "ال" + word[2:], 1
    for cut in (2, 1):
        if word[:cut - 1] in ("", "و", "ف") and word[cut - 1:cut] in ARABIC_PROCLITICS and word[cut:] in heads:
            return word[cut:], cut
    return None


def _arabic_names(doc: Doc, lex: Lexicon, taken: set) -> list[Span]:
    """Names written in Arabic script, which has no capitals: a head of ``arabic_heads`` or
    ``persian_heads`` (a clitic before it taken off: "وسفارة صربيا" → سفارة صربيا) and the words
    after it, up to a word of ``arabic_name_stops``, a role, another head joined by "و", a
    number or punctuation. An Arabic head without the article takes one bare word (its
    genitive: "جامعة بغداد", "سفارة صربيا"), then words with the article ("الوطنية"), joined by
    "و" ("والشباب") or with a clitic ("للمملكة", "بالمغرب"), a bare word only after a title of
    ``arabic_name_titles`` ("الملك فهد"); a head with the article needs one of those first
    ("المكتبة الوطنية", not "المكتبة" alone). A Persian head takes up to
    PERSIAN_NAME_MAX_WORDS words, "و" between two of them. Each name needs a word after its head."""
    fw = lex.function_words
    if not _ARABIC_WORD.search(text_of(doc)):
        return []
    arabic, persian = fw.get("arabic_heads", frozenset()), fw.get("persian_heads", frozenset())
    stops, titles = fw.get("arabic_name_stops", frozenset()), fw.get("arabic_name_titles", frozenset())
    light_verbs = fw.get("persian_light_verbs", frozenset())
    heads = arabic | persian
    texts, n, out = words_of(doc)[0], len(doc), []
    i = 0
    while i < n:
        word = texts[i]
        found = _arabic_head(word, heads) if i not in taken and _ARABIC_WORD.fullmatch(word) else None
        if found is None:
            i += 1
            continue
        head, cut = found
        is_persian = head in persian and head not in arabic
        words, j, last = [head], i + 1, None
        bare_ok = not is_persian and not head.startswith("ال")      # the construct: one bare genitive
        limit = PERSIAN_NAME_MAX_WORDS if is_persian else ARABIC_NAME_MAX_WORDS
        while j < n and len(words) - 1 < limit:
            w = texts[j]
            if j in taken or not _ARABIC_WORD.fullmatch(w) or w in stops or w.lower() in lex.roles:
                break
            if is_persian:
                if (w == "و" or _arabic_head(w, heads) or w.startswith(("می", "نمی"))
                        or (j + 1 < n and (texts[j + 1] in light_verbs or texts[j + 1] in _PERSIAN_PLURALS))):
                    break                               # a verb, the noun of a compound verb ("اهدا کرد") or a
                                                        # plural noun ("کتاب ها")
                words.append(w)
                j += 1
                if j + 1 < n and texts[j] == "و" and _ARABIC_WORD.fullmatch(texts[j + 1]) and texts[j + 1] not in stops \
                        and not _arabic_head(texts[j + 1], heads) and len(words) - 1 < limit:
                    words += ["و", texts[j + 1]]          # "انجمن دوستی ایران و تاجیکستان"
                    j += 2
                last = j
                continue
            definite = w.startswith("ال") or (w[:1] in ARABIC_PROCLITICS and w[1:3] in ("ال", "لل")) or w.startswith("لل")
            if w.startswith("و") and not w.startswith("وال"):
                break                                   # "ووزارة": the next name, or the next clause
            inner = _arabic_head(w, heads)
            if inner and (w.startswith("و") or (inner[1] and w[:1] != "ل")):
                break                                   # "بالجامعة", "والمكتبة": another body
            if w in titles and len(words) > 1 and w not in _ARABIC_PATRONYMIC_LINKS:
                break                                   # a title after the name: its holder ("وزارة الاعلام الشيخ …")
            if len(words) == 1 and head.startswith("ال") and not (_arabic_adjective(w) or w.startswith("لل")):
                break                                   # "رئيس الاتحاد الوفد": a noun after the definite head
            if inner and w[:1] == "ل" and inner[1]:
                words.append(w)                         # a body in the genitive: "الهيئة العامة لدار الكتب"
                bare_ok = not inner[0].startswith("ال")
            elif definite:
                if (w.startswith("ال") and not _arabic_adjective(w) and w not in titles
                        and (words[-1].startswith(("ال", "لل", "وال")) or words[-1][:1] in ARABIC_PROCLITICS and words[-1][1:3] == "ال")):
                    break                               # a definite noun after a definite word: no genitive of it
                words.append(w)                         # ("… للمكتبات الوفد"); after a bare word it is one
                bare_ok = w in titles                   # ("دار الكتب", "مكتبة الإسكندرية")
            elif bare_ok or words[-1] in titles or w in _ARABIC_PATRONYMIC_LINKS:
                words.append(w)
                bare_ok = w in titles
            else:
                break
            j += 1
            last = j
        if last is None or len(words) < 2:
            i += 1
            continue
        span = Span(doc, i, last, label="INSTITUTION")
        start_char = doc[i].idx + cut
        name = " ".join(words)
        span._.institution = {"name": name, "acronym": acronym_after(doc, last), "country": None, "rule": "head-arabic",
                              "acronym_from": "text", "inside": [(name, start_char, doc[last - 1].idx + len(doc[last - 1].text))]}
        out.append(span)
        i = last
    return out


# Kazakh, Kyrgyz and Uzbek (Cyrillic) write a name's head last, with its possessive ending
# ("… кітапханасы"), and the words of the name before it, the first capitalised.
_TURKIC_LETTERS = re.compile("[әғқңөұүһіўҳӘҒҚҢӨҰҮҺІЎҲ]")
_CYRILLIC_WORD = re.compile("[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІіЎўҲҳЇїЄєҐґ][А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІіЎўҲҳЇїЄєҐґʼ’'-]*")
# "and" inside such a name ("Мәдениет және спорт министрлігі", "әдебиеті мен мәдениеті орталығы")
_TURKIC_AND = frozenset({"және", "жана", "мен", "менен", "ва", "бен", "пен"})
# Case endings of a word that stands before a name, not in it ("Іс-шараға София …"): the
# dative and the locative (not the ablative, whose "-тан" ends "Қазақстан").
_TURKIC_OUTER_CASES = ("ға", "ге", "қа", "ке", "да", "де", "та", "те", "га", "ка")
# Words a name written before its head may have: the longest in the corpora has five.
TURKIC_NAME_MAX_WORDS = 5


# Endings of family names and patronymics in Cyrillic ("Ширинов", "Мұналбаева", "Степанұлы").
_CYRILLIC_SURNAME_ENDINGS = ("ов", "ев", "ова", "ева", "ин", "ина", "ұлы", "қызы", "улы", "кызы", "уулу", "ович", "овна",
                             "евич", "евна")


def _personal_name_word(word: str, lex: Lexicon) -> bool:
    """A capitalised word of a person's name: a known given or family name, or a Cyrillic surname
    or patronymic by its ending: a name written before a head stops before it ("Темур Ширинов
    бугунги кунда … мажмуаси")."""
    return word[:1].isupper() and (word in lex.given_names or word in lex.family_names
                                   or (len(word) > 4 and word.lower().endswith(_CYRILLIC_SURNAME_ENDINGS)))


@lru_cache(maxsize=4)
def _turkic_head_search(heads: frozenset):
    """``search`` of any of ``heads`` in a text (a paragraph without a Turkic letter may still hold one)."""
    return re.compile("|".join(map(re.escape, sorted(heads, key=len, reverse=True)))).search


def _turkic_head(word: str, heads: frozenset, endings: tuple) -> Optional[str]:
    """The nominative head when ``word`` is one of ``heads`` with or without a case ending."""
    low = word.lower()
    if low in heads:
        return word
    for ending in endings:
        if low.endswith(ending) and low[: -len(ending)] in heads:
            return word[: -len(ending)]
    return None


def _turkic_names(doc: Doc, lex: Lexicon, taken: set) -> list[Span]:
    """Names in Kazakh, Kyrgyz and Uzbek written in Cyrillic: a head of ``turkic_heads`` (a case
    ending of ``turkic_case_endings`` taken off: "кітапханасының" → кітапханасы) and up to
    TURKIC_NAME_MAX_WORDS words before it, back to punctuation, a number, another head or a word
    of ``turkic_name_stops``; "and" only between two of them; the name starts at its first
    capitalised word, after any word in an outer case ("Іс-шараға"). A paragraph with neither a
    letter of these languages nor a head is not read."""
    fw = lex.function_words
    heads = fw.get("turkic_heads", frozenset())
    text = text_of(doc)
    if not heads or not (_TURKIC_LETTERS.search(text) or _turkic_head_search(heads)(text.lower())):
        return []
    endings = tuple(sorted(fw.get("turkic_case_endings", ()), key=len, reverse=True))
    stops = fw.get("turkic_name_stops", frozenset()) - _TURKIC_AND      # "and" goes inside a name
    before_cases = _TURKIC_OUTER_CASES + ("на", "не")                   # and the dative after a possessive
    texts, out = words_of(doc)[0], []
    for h, word in enumerate(texts):
        head = _turkic_head(word, heads, endings) if h not in taken and _CYRILLIC_WORD.fullmatch(word) else None
        if head is None or (h + 1 < len(texts) and _turkic_head(texts[h + 1], heads, endings)):
            continue                                    # the last of two heads ends the name
        k = h
        while (k > 0 and h - k < TURKIC_NAME_MAX_WORDS and k - 1 not in taken and not doc[k].is_sent_start
               and _CYRILLIC_WORD.fullmatch(texts[k - 1]) and texts[k - 1].lower() not in stops
               and not _turkic_head(texts[k - 1], heads, endings)
               and not (texts[k - 1].islower() and texts[k - 1].endswith(before_cases)
                        and texts[k - 1].lower() not in _TURKIC_AND)
               and not _personal_name_word(texts[k - 1], lex)):
            k -= 1
        while k < h and (texts[k].lower() in _TURKIC_AND or not texts[k][:1].isupper()
                         or texts[k].lower().endswith(_TURKIC_OUTER_CASES) and k + 1 < h and texts[k + 1][:1].isupper()):
            k += 1                                      # start at a capitalised word, not one in an outer case
        if k == h:
            continue
        name = " ".join(texts[k:h] + [head])
        span = Span(doc, k, h + 1, label="INSTITUTION")
        span._.institution = {"name": name, "acronym": None, "country": None, "rule": "head-turkic",
                              "acronym_from": "text",
                              "inside": [(name, doc[k].idx, doc[h].idx + len(head))]}
        out.append(span)
    return out


def _followed_by(text: str, at: int, pattern: Optional[re.Pattern]) -> bool:
    """One of the pattern's words starts at ``at``."""
    return pattern is not None and pattern.match(text, at) is not None


def _all_generic(stem: str, generic: Optional[re.Pattern]) -> bool:
    """The part before a name's ending is made only of generic words and endings."""
    return generic is not None and generic.sub("", stem) == ""


def _strip_particle(text: str, suffixes: tuple, particles: list) -> Optional[str]:
    """``text`` without a glued particle, when what is left ends with an institution ending
    after enough characters of its own; else None."""
    for particle in ("", *particles):
        if particle and not text.endswith(particle):
            continue
        stem = text[:len(text) - len(particle)] if particle else text
        for suffix in suffixes:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= INSTITUTION_SUFFIX_MIN_STEM:
                return stem
    return None


@lru_cache(maxsize=16)
def _capitalised(words: frozenset) -> frozenset:
    """``words`` capitalised ("The", "Of"), made once per word list, not per paragraph."""
    return frozenset(w.capitalize() for w in words)


@lru_cache(maxsize=16)
def _string_ids(words: frozenset) -> frozenset:
    """The string-store ids (ORTH values) of ``words``."""
    return frozenset(get_string_id(w) for w in words)


@lru_cache(maxsize=4)
def _union(*sets: frozenset) -> frozenset:
    return frozenset().union(*sets)


_KEY_IDS: dict[int, tuple] = {}   # id of a lexicon table → (the table, the string ids of its keys)


def _key_ids(table: dict) -> frozenset:
    """The string-store ids of the keys of a lexicon table (``acronyms``, ``head_singular``),
    made once per table, not per paragraph (the table is kept, so its id is not reused)."""
    found = _KEY_IDS.get(id(table))
    if found is None or found[0] is not table:
        found = _KEY_IDS[id(table)] = (table, frozenset(get_string_id(w) for w in table))
    return found[1]


def _country(doc: Doc, span: Span, lex: Lexicon) -> Optional[str]:
    words = [t.text for t in span if not looks_like_acronym(t.text) or t.text in lex.acronyms]
    found = country_of_words(words, lex)
    if found:
        return found
    after = [t.text for t in doc[span.end: span.end + COUNTRY_LOOKAHEAD]]
    if after and after[0] in {",", "of", "in"}:
        return country_of_words(after[1:], lex)
    return None


class InstitutionsComponent(ParagraphComponent):
    """Institution names (``doc.spans["institutions"]``) and titles of works (``"products"``).
    Places inside a name or a title are marked ``Span._.veto = "coop_institutions"``."""

    rule_files = LEXICON_FILES
    publishes = (("institutions", "institution"), ("products", None))
    vetoes = ("locations",)

    def load(self) -> None:
        self.lex = load_lexicon(self.models_dir)

    def process(self, doc: Doc) -> None:
        quoted = quoted_ranges(text_of(doc))
        spans = find_institutions(doc, self.lex, quoted)
        doc.spans["institutions"] = spans
        inside = {t for s in spans for t in range(s.start, s.end)}
        if "locations" in doc.spans:                # places in names and in titles of works are not mentions
            doc.spans["locations"] = [s for s in doc.spans["locations"] if s.start not in inside
                                      and not any(a <= s.start_char < b for a, b in quoted)]


@Language.factory("coop_institutions", default_config={"models_dir": None},
                  assigns=["doc.spans", "span._.institution", "span._.veto"], requires=["doc.sents"])
def make_institutions(nlp: Language, name: str, *, models_dir: Optional[str]):
    return InstitutionsComponent(nlp, name, models_dir=models_dir)

"""Event assembly: triggers + dates + participants + quantities → :class:`Event` records.

``assemble_events(docs, blocks, dates, entities, doc_id, path)`` → one list of events per block.

The rules, per sentence of a body paragraph (headings and bibliography yield nothing):

* **Which triggers count.** A ``verb`` trigger ("visited", "was signed", "donated") states an
  occurrence by itself. A ``noun`` trigger ("exhibition", "business trip", "joint project")
  also occurs in generic or planned statements ("Training programs ... facilitate"), so it
  counts only when its sentence gives a date or names a person, or an occurrence verb ("was
  held", "took part", "organized") stands next to it, and no determiner before it makes it a reference back to an
  event already reported ("During the meeting, ...", "This visit was ..."). Any trigger next to a modal or plan ("would be signed", "plans to hold an
  exhibition") is dropped; so is a noun that is a topic ("an agreement on book exchange", "met
  ... to discuss a joint exhibition"), a possessive ("the exhibition's visitors") or part of an
  institution's name ("Library of Congress"); an undated verb in the present simple is a habit
  or state ("The library offers books for children": :func:`present_simple`). One event per
  event type per sentence: the first trigger wins, unless a later verb stands in a clause of
  its own with a date of its own ("X was founded in 1901 and Y was founded in 1955":
  :func:`second_dated_clause`) or is a counter-gift. A
  later undated sentence of the paragraph with a trigger of a type already reported there
  continues that event ("... visited the library. The guests toured the stacks."); so does a
  later undated meeting that names no new person after a visit ("The guests had a meeting
  with the staff"). A visit is a ``business_trip`` when "our" staff travel ("our librarians
  visited ...") or the travellers went to a place, not a host, to study or work ("visited
  Riga and worked at the archive"); cue words in ``models/event_context.jsonl``. A meeting,
  conference or training its attendees went to in another country than their institutions'
  ("the staff of a Polish library took part in a seminar in Vilnius") is also their
  ``business_trip`` (:func:`attendance_abroad`). A bare "sent"
  beside a gift in one sentence, with no word of exchange ("in return", "exchange"), is part of
  that donation ("received 300 books from A and sent 50 to B").
* **Date.** The date of the sentence nearest to the trigger, leaving out dates of the things
  the event is about ("newspapers from the period between 1918 and 1921", "books published in
  1937": ``describes_item`` words of ``models/event_places.jsonl``) and of a relative clause on
  another noun ("to renew the exchange that began in 2001": :func:`another_nouns_clause`); else the date of the nearest
  earlier sentence of the paragraph that has one (a log entry's "On May 6, 2019, ..." covers
  its following sentences), as a copy with ``inferred: true`` and its own offsets; else, in a
  paragraph without dates that refers back to an occasion ("Within the framework of the
  trip, ...", "During the meetings, ..."), the first date of the last dated paragraph of the
  same section, from that sentence on (and there a new noun of another type, "During the
  visit, a training seminar ...", is an event without a date of its own); else, in a news
  story with a date line, the last date written before it, or the date line
  (``narrative_dates``); else null.
* **Participants.** People and institutions of the sentence. A sentence whose
  subject refers back ("The guests ...", "the delegation", "both sides", "they") also takes
  the people the paragraph introduced before it; "he"/"she" takes the first of them.
* **Places.** A place of the sentence is kept only when it can be where the event happened or
  where the travellers went: governed by a venue or destination word ("in Lisbon", "to Porto",
  "visited Riga", "arriving in Oslo"; ``models/event_places.jsonl``), directly or as the next item
  of a list ("in Kaunas, Vilnius and Riga"). Not kept: a place that qualifies a role, name or
  origin ("the Minister of Culture of the Republic of Estonia", "librarians from Tartu and
  Pärnu", "Riga's libraries", "Riga Technical University" when the name was not recognised), a
  topic ("books about Georgia", "an exhibition dedicated to Armenia"), where items come from
  ("books published in Central Asia"), a partner ("cooperation with Lithuania"), a country or
  region in parentheses or after a city ("Porto (Portugal)", "Helsinki, Finland"),
  and a place without such a word. "in Y" after a name takes the part of that name: "received
  books from the Polish Institute in Minsk" is an origin, "visited the National Library of
  Finland in Helsinki" a venue. A country is dropped when a city of it is kept for the event.
* **Quantities.** Counts in the sentence (not overlapping a date) go to ``donation``,
  ``exchange`` and ``publication`` events: the things given, sent or printed.
* **Confidence** says how the event was found: see the constants below.
"""

import re
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path
from typing import Optional

from coopextract.pipeline.lexicon import HAN_KANA, LEXICON_FILES, checked_words, load_lexicon
from coopextract.errors import ModelsError
from coopextract.event_types import event_types
from coopextract.rules import read_jsonl_rules
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from coopextract.event_types import FILE as FILE_OF_TYPES
from coopextract.pipeline.dates.values import FINENESS, listed_days
from coopextract.pipeline.document import RuleComponent, end_work, words_of, work_of
from coopextract.pipeline.events.triggers import PASSIVE_AUXILIARIES, RELATIVE_PRONOUNS, gap as _gap
from coopextract.pipeline.events.roles import ROLES_FILE, VERB_FIRST, VERB_SECOND, assign_roles, load_role_rules
from coopextract.records import DateValue, Event, Location, Mention, Paragraph, Quantity, Source
from coopextract.resources import models_path

# Confidence by how the event was found. Ordered as SPEC asks (explicit trigger with explicit
# date > carried-over date > no date); the values were set by hand on the seed documents so
# that a consumer keeping >= 0.6 keeps every dated event.
CONFIDENCE_EXPLICIT_DATE = 0.9
CONFIDENCE_CARRIED_DATE = 0.75
CONFIDENCE_NO_DATE = 0.5
# A noun trigger ("exhibition") backed by an occurrence verb or date is less direct than a
# verb trigger ("visited"); this is subtracted from the values above.
NOUN_TRIGGER_PENALTY = 0.1
# A story without a date line opens on its day in one of its first LEAD_PARAGRAPHS body
# paragraphs, within LEAD_DATE_REACH characters ("Vilnius, Lithuania. On Monday, 13 December
# 2022, ..." is 35).
LEAD_PARAGRAPHS = 2
LEAD_DATE_REACH = 40
# A date that began more than this many years before the story's date is its background: it
# dates no undated event told after it (a story looks back a year at most for its own occasion).
BACKGROUND_YEARS = 1
# A dateline at the start of a story paragraph: a place (up to four words), an optional ", Agency" or
# "(Agency)", then a dash or colon, an agency between slashes ("Chisinau, July 17 /MOLDPRES/- "), or
# the story right after an agency in brackets ("Quito, April 5 (Prensa Latina) The ...").
_DATELINE_PLACE = re.compile(r"([A-Z][\w.'’]*(?:[ -][A-Z][\w.'’]*){0,3})(?:,[^,\n–—:()]{1,40}|\s*\([^)\n]{1,40}\)){0,3}"
                             r"(?:\s+[-–—]{1,2}|\s*:|\s*/[^/\n]{1,40}/\s*[-–—.]?|(?<=\)))\s")
# What may stand between a date line's places and its date: "Lima, Peru, 4 May", "Riga; 4 May".
_DATELINE_GLUE = " \t,;:.-–—()"
# Direct speech: a quotation of up to 1,000 characters.
_SPEECH = re.compile(r"“[^”]{1,1000}”|\"[^\"]{1,1000}\"|«[^»]{1,1000}»")
# An event dated from its story (``narrative_dates``) is carried, not undated.
CARRIED_GAIN = CONFIDENCE_CARRIED_DATE - CONFIDENCE_NO_DATE

# Two dates of a sentence at most this many characters apart are one expression ("26–29 April
# of the following year": 4); 5 allows " of " plus a stray space.
ADJACENT_DATE_GAP = 5


CONTEXT_FILE = "event_context.jsonl"
CONTEXT_KEYS = {"id", "cue", "words"}
# A paragraph longer than this is prose: a date line after one closes the story.
LEAD_PROSE_CHARS = 100
# Types whose trigger ends in a word for the occasion ("took part in the congress"): when that
# word is inside an institution's name ("Library of Congress") it names no occasion.
NAMED_OCCASIONS = frozenset({"conference", "meeting", "training", "exhibition", "webinar", "project"})
# A heading that names a year or a month ("Year 2004", "Annual Report 2021", "March 2019") dates
# the undated, asserted events told under it, until a heading names another; a day in a
# heading is a date line, not a period.
PERIOD_PRECISIONS = ("year", "month")
# A line of at most this many words without a sentence end is a headline, caption or label: it
# restates an event, it does not tell one (the longest headlines of the corpora have twelve).
TITLE_LINE_MAX_WORDS = 12
_SENTENCE_END = re.compile(r"[.!?。！？؟।။։።][\"”’»)]?$")
# A line of at most this many words without a sentence end can be such a label even when the
# segmenter did not make it a heading ("Year 2004", "2019 in review").
LABEL_MAX_WORDS = 4
# A sentence that is only a date ("19 июня 2023 г.", "12.03.2019.", "On 4 May 2021.") heads the
# sentence after it: at most this many letters outside its dates (a preposition, a year mark).
DATE_SENTENCE_LETTERS = 3
# A determiner right before a trigger that opens with its object ("The memorandum was signed",
# "This agreement was concluded") refers to an event already told.
RESTATING_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "said"})
# A year between a determiner and a word modifies a name ("the 2003 Winter Meeting", "its 2019
# programme"): without_name_years. The determiners are date_words.jsonl's year_determiners, by
# which the date stage finds these years (a test keeps the two lists equal).
_NAME_YEAR_BEFORE = re.compile(r"(?:^|\s)(?:the|a|an|its|his|her|their|our|this|that)\s$", re.IGNORECASE)
_WORD_AFTER = re.compile(r"\s\w")
# ... and a year right after a capitalised word of a name ("the Annual Conference 2015 held on
# 28 September 2015", "Expo 2020"): the word before it (not a function word, "In 2015").
_NAME_WORD_BEFORE = re.compile(r"(?:^|\s)([A-Z][\w’'-]*)\s$")
# Nouns by which a sentence with no event word of its own refers back to an event already told
# ("The ceremony was attended by the mayor", "During the visit the guests met the director"):
# cue → the event types it can refer to.
# A gift or a founding is not an occasion with attendees: those a ceremony's sentence names
# after one are as often guests as givers or receivers, so they are left out.
ATTENDED = ("visit", "business_trip", "meeting", "conference", "training", "webinar", "exhibition", "agreement")
BACK_REFERENCES = {"refers_any": ATTENDED, "refers_visit": ("visit", "business_trip"),
                   "refers_meeting": ("meeting", "visit", "business_trip", "conference"),
                   "refers_conference": ("conference", "training", "webinar", "meeting"),
                   "refers_training": ("training", "conference", "webinar"),
                   "refers_agreement": ("agreement",), "refers_exhibition": ("exhibition",)}
CONTEXT_CUES = ("own", "own_adjacent", "own_after", "staff", "purpose", "occasion", "back_determiner",
                "exchange_context", "counter_clause", "reciprocity", "clause_join", "first_person", "first_person_after", "additive",
                "untimed", "untimed_final", "agent", "trip_occasion", "definite_article", "during_foreign",
                "occasion_foreign", "sent_items", "sent_persons", "pronoun_subject", "occurred", *BACK_REFERENCES)
# Words between a foreign "during" and its occasion noun: articles and "de" ("lors de la visite").
FOREIGN_OCCASION_GAP = 2
# Tokens after a bare "sent" within which the things sent are named for it to be a gift ("sent
# 200 new books to", "sent them off to"): 6.
SENT_ITEMS_REACH = 6
# The finite auxiliaries of a passive "sent" whose items stand before it ("300 books were sent",
# "have been shipped"), not "to be shipped" (a purpose, nothing sent yet).
SENT_PASSIVE = PASSIVE_AUXILIARIES - {"be", "being"}
# Paragraphs back over which such a sentence still refers to the latest event told (the
# paragraph of its sentence and the next ones).
BACK_REFERENCE_REACH = 2
# Words between the determiner and the noun: "the signing ceremony", "this official visit".
BACK_REFERENCE_MODIFIERS = 1
# "I" or "we" at most this many tokens before a visit verb is its subject: "we visited", "I then
# visited", "we also briefly visited".
FIRST_PERSON_WINDOW = 3
# ... or it opens the sentence, among its first words ("In 2019 I was glad to visit France").
WRITER_OPENING_WORDS = 5
# … and before an event noun attended ("we took part in the seminar": 5 words before it).
ATTENDANCE_WRITER_WINDOW = 6
# "our" marks the document's own staff when a staff word stands within this many tokens ("our
# staff", "our two librarians", "our library's specialists", "the staff of our library"): 3.
OWN_STAFF_WINDOW = 3


PLACE_FILE = "event_places.jsonl"
# Events a "during his stay" or "within the trip" refers back to.
TRIP_TYPES = ("visit", "business_trip")
# The gazetteer's regions of the world (UN M.49: "América Latina", "Asie du Sud-Est"; built by
# models/build_gazetteer.py) name what a text is about or where people come from ("books on
# West Africa", "the first such centre in Central America"), not where an event took place.
WORLD_REGION_ID = "region-M49-"
# The events whose attendance abroad is also a trip of the attendees (attendance_abroad).
ATTENDED_ABROAD = ("meeting", "conference", "training")
# A word describing items at most this many tokens before a date makes it the items' date:
# "from the period between 1918 and 1921" (3), "published in 1937" (2).
ITEM_DATE_WINDOW = 3
PLACE_KEYS = {"id", "role", "words"}
# venue/destination keep a place; the others say why a place is not the event's; "address"
# ("located", "based") passes "in Y" on to the name before it; "host_subject" after a place
# makes it the venue ("Riga hosted the forum"); "place_noun" before "of" or "," is the place
# itself ("in the city of Kaunas", "to the capital, Vilnius"); "org_noun" is an organisation
# word after a name ("the Nordic Culture Institute office in Porto").
PLACE_ROLES = ("venue", "destination", "origin", "qualifier", "partner", "topic", "describes_item", "address",
               "host_subject", "place_noun", "org_noun")
KEEP_ROLES = ("venue", "destination")
# Roles of a name that "in Y" after it inherits ("from the Polish Institute in Minsk").
INHERITED_ROLES = ("origin", "qualifier", "partner", "topic")
# How far back (tokens) a name before "in Y" is walked to find the word that governs it; 12
# covers the longest institution names of the seed documents ("General Directorate of
# Libraries and Publications of the Ministry of Culture").
NAME_WALK_MAX = 12

# Punctuation joining the members of a list of places, besides function_words.jsonl's list_conjunctions.
_LIST_PUNCT = frozenset({",", "&", ";"})
# Punctuation inside a name, walked over like the ``name_inner_glue`` words of function_words.jsonl.
_NAME_PUNCT = frozenset({"&", "-", "–", "—"})


def assemble_events(docs, blocks, dates, entities, doc_id: str, path: str,
                    models_dir: Optional[str] = None, story_date: Optional[DateValue] = None) -> list[list[Event]]:
    """``story_date``: the date line of a news story ("Bergen, 3 May 2022 — …"); an asserted
    event of the story's lead (its first paragraph after the date line with an event) that the
    text dates no other way happened then ("The two libraries have signed a memorandum …"). An
    asserted event still undated under a heading that names a year or a month ("Year 2004",
    "Annual Report 2021") took place in it (``PERIOD_PRECISIONS``)."""
    out, previous = [], None                   # previous: (section, first date) of the last dated body paragraph
    reported: dict = {}                        # (section, type) → (paragraph, index) of its latest event
    types = event_types(models_dir)
    lead = story_date is not None
    # a date line closing the story (after its prose): the lead is the story's first paragraph
    # with an event, above it
    closing = story_date is not None and any(
        len(b.text.strip()) > LEAD_PROSE_CHARS and b.char_end <= story_date.char_start for b in blocks)
    period = None                              # the year or month a heading names ("Year 2004", "Annual Report 2021")
    place_of_story = story_place(blocks, entities, story_date)
    last_trip: dict = {}                       # section → date of its latest dated, asserted trip or visit
    exchanges: set = set()                     # sections that have spoken of an exchange of publications
    for i, (doc, block) in enumerate(zip(docs, blocks)):
        if block.kind == "heading" or _label_line(block.text):
            named = [d for d in dates[i] if d.precision in PERIOD_PRECISIONS and d.start and d.end == d.start
                     and not (story_date is not None and d.char_start == story_date.char_start)]
            if named:
                period = named[0]
                out.append([])
                continue
        if not block.yields_events or (_title_line(block.text) and not _dated_entry(block, dates[i])):
            out.append([])
            continue
        earlier = previous[1] if previous is not None and previous[0] == block.section else None
        if earlier is not None and story_date is not None and background(earlier, story_date):
            earlier = story_date    # a date the story looks back to is no occasion of what it tells next
        back: dict = {}
        trip = last_trip.get(block.section) if earlier is not None else None
        if trip is not None and not _within(earlier, trip):
            trip = None     # the last date written is not of that trip: another occasion since
        events = paragraph_events(doc, block, dates[i], entities[i], doc_id, path, occasion_date=earlier, trip_date=trip,
                                  continues=earlier is not None and continues_list(block.text),
                                  models_dir=models_dir, refers_back=back, story=story_date is not None,
                                  story_day=story_date.start if story_date is not None and story_date.precision == "day" else None,
                                  exchange_section=block.section in exchanges)
        if _EXCHANGE_WORD.search(block.text):
            exchanges.add(block.section)
        events = _continued(events, back, out, reported, block.section, types)
        if events:      # a paragraph opening with a dateline, and a story's date line, tell the place
            events = with_dateline_place(events, block, entities[i], place_of_story)
        if lead and events and (block.char_start > story_date.char_start or closing):
            # the lead: the first paragraph after the date line that tells an event (a photo
            # caption or a standfirst before it tells none)
            dated = [e if e.date is not None or e.modality != "asserted" else
                     e.model_copy(update={"date": story_date.model_copy(update={"inferred": True})})
                     for e in events]
            if not dates[i] and dated != events:
                previous = (block.section, story_date)  # "During the meeting, ..." below refers to the lead's occasion
            events = dated
            lead = False
        if period is not None:      # an item of a report's year or month: "Year 2004" / "Exchanged 51 volumes ..."
            events = [e if e.date is not None or e.modality != "asserted" else
                      e.model_copy(update={"date": period.model_copy(update={"inferred": True})}) for e in events]
        out.append(events)
        for e in events:            # the section's latest dated trip, which "during his stay" refers to
            if e.event_type in TRIP_TYPES and e.date is not None and not e.date.inferred and e.modality == "asserted":
                last_trip[block.section] = e.date
        if dates[i]:
            previous = (block.section, min(dates[i], key=lambda d: (d.char_start, d.char_end)))
    out = narrative_dates(quoted_restatements(out, blocks), docs, blocks, dates, story_date, models_dir)
    if story_date is None:
        out = continued_occasion(out, blocks, dates, types)
    out = retold(out, blocks, story_date.char_start if story_date is not None else None)
    return told_by_reference(out, docs, blocks, dates, entities, models_dir)


def told_by_reference(out: list, docs, blocks, dates, entities, models_dir: Optional[str] = None) -> list[list[Event]]:
    """A sentence that tells no event of its own but refers back by a definite noun to the
    latest event told ("The ceremony was attended by the mayor and the rector.", "During the
    visit the guests met the director of the archive.") is one more mention of that event, and
    the people and institutions it names are its participants (SPEC 1.1), their roles read from
    their place around the noun as around a trigger. The noun must fit the event's type
    (``BACK_REFERENCES``: "the ceremony" any, "the visit" a visit or trip, "the agreement" an
    agreement); the event must be told in the same section at most ``BACK_REFERENCE_REACH``
    paragraphs before; a sentence with a date of its own, or after one, starts another occasion."""
    cues = load_context_cues(models_path(CONTEXT_FILE, models_dir))
    roles = load_role_rules(str(models_path(ROLES_FILE, models_dir)))
    latest = None                                   # (paragraph, index) of the latest event told
    for i, (doc, block) in enumerate(zip(docs, blocks)):
        if latest is not None and (blocks[latest[0]].section != block.section or i - latest[0] > BACK_REFERENCE_REACH):
            latest = None
        if not len(doc) or not block.yields_events:
            continue
        base = block.char_start
        sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        people = [p for p in entities[i].people]
        institutions = list(entities[i].institutions)
        for sent in sentences:
            s0, s1 = base + sent.start_char, base + sent.end_char
            told = [k for k, e in enumerate(out[i]) if any(m.char_start < s1 and s0 < m.char_end for m in e.mentions)]
            if told:
                latest = (i, told[-1])
                continue
            sent_dates = [d for d in dates[i] if _inside(d, s0, s1)]
            if latest is None:
                continue
            event = out[latest[0]][latest[1]]
            noun = back_reference(sent, event.event_type, cues)
            if sent_dates:
                # a sentence with a date of its own starts another occasion, unless it dates the
                # undated event it refers back to ("The signing took place on 12 March.")
                if noun is None or event.date is not None:
                    latest = None
                    continue
            elif noun is None or not any(_inside(r, s0, s1) for r in people + institutions):
                continue
            facts = trigger_facts(sent.doc[noun:noun + 1], base)
            told_again = another_mention(event, block.text, base, sent, people, institutions, roles, {"form": "noun"}, facts)
            out[latest[0]][latest[1]] = told_again.model_copy(update={
                "date": choose_date(sent_dates, None, facts[0], facts[1])[0] if sent_dates else event.date,
                "participants": event.participants + _sides_kept(event, told_again.people, told_again.participants[len(event.participants):])})
    return out


def _sides_kept(event: Event, people: list, added: list) -> list:
    """The participants a back-referring sentence adds, each on the side of the event it
    belongs to: a person of an institution already taking part takes its role, an institution
    of a person already taking part the person's ("The ceremony was attended by the rector of
    the university" after the university received the books: the rector received them too)."""
    role_of = {x.name: x.role for x in event.participants}
    by_affiliation = {p.affiliation: role_of[p.name] for p in event.people if p.affiliation and p.name in role_of}
    affiliation_of = {p.name: p.affiliation for p in people}
    kept = []
    for x in added:
        inherited = role_of.get(affiliation_of.get(x.name)) if x.kind == "person" else by_affiliation.get(x.name)
        kept.append(x if inherited is None else x.model_copy(update={"role": inherited}))
    return kept


def back_reference(sent, event_type: str, cues: dict) -> Optional[int]:
    """The token index of a noun by which ``sent`` refers back to an event of ``event_type``: a
    determiner or definite article, at most ``BACK_REFERENCE_MODIFIERS`` words, then a noun of a
    ``BACK_REFERENCES`` cue that fits the type, or such a noun opening the sentence; None if
    there is none."""
    determiners = cues["back_determiner"] | cues["definite_article"]
    words = [t.lower_ for t in sent]
    # languages without articles open the sentence with the bare noun ("Podpisanie umowy odbyło
    # się ...", "Kunjungan ini ...")
    first = next((k for k, t in enumerate(sent) if t.is_alpha), None)
    if first is not None and any(words[first] in cues[cue] and event_type in types for cue, types in BACK_REFERENCES.items()):
        return sent.start + first
    for j, w in enumerate(words):
        if w not in determiners:
            continue
        for k in range(j + 1, min(j + 2 + BACK_REFERENCE_MODIFIERS, len(words))):
            fits = [cue for cue, types in BACK_REFERENCES.items()
                    if words[k] in cues[cue] and event_type in types]
            if fits:
                return sent.start + k
            if not words[k].isalpha():
                break
    return None


# Paragraphs after a dated occasion (a visit, a meeting, a trip) over which its stops, told
# undated, still belong to it ("Gli ospiti hanno poi visitato ...", "The delegation then toured ...").
OCCASION_REACH_PARAGRAPHS = 6


def continued_occasion(out: list, blocks, dates, types: dict) -> list[list[Event]]:
    """Outside news stories (which narrative_dates reads): an asserted event of an occasion type
    that nothing dated, told within ``OCCASION_REACH_PARAGRAPHS`` paragraphs of the section
    after an occasion dated to its day, with no date written between the two, took place on that
    occasion (the stops of one day's visit, told paragraph by paragraph)."""
    last = None                         # (paragraph, section, date) of the latest dated occasion
    result = []
    for i, events in enumerate(out):
        if dates[i]:
            last = last if any(_day_occasion(e, types) for e in events) else None
        fixed = []
        for event in events:
            info = types.get(event.event_type)
            if (event.date is None and event.modality == "asserted" and info is not None and info.continuing
                    and last is not None and last[1] == blocks[i].section and i - last[0] <= OCCASION_REACH_PARAGRAPHS):
                event = event.model_copy(update={"date": last[2].model_copy(update={"inferred": True})})
            fixed.append(event)
        result.append(fixed)
        dated = [e for e in events if _day_occasion(e, types) and e.modality == "asserted"]
        if dated:
            last = (i, blocks[i].section, dated[-1].date)
    return result


def _day_occasion(event: Event, types: dict) -> bool:
    """An event of an occasion type that its own sentence dates to a day."""
    info = types.get(event.event_type)
    return (info is not None and info.occasion and event.date is not None and not event.date.inferred
            and event.date.precision == "day")


# A line with at least this many cell separators is a row of a table (the readers write a table
# row as "25 June 2019 | UNHCR | Delegation visited the library").
TABLE_ROW_SEPARATORS = 2


def retold(out: list, blocks, story_start: Optional[int] = None) -> list[list[Event]]:
    """An event of a later paragraph of the type of one an earlier paragraph reported, on its
    day or undated, naming no person or institution that one does not, is that event told
    again ("The president was welcomed at the library on 18 May." … "The president toured the
    library."): one event, whose ``mentions`` gain the later sentence (SPEC 1.1: one occurrence,
    one event). One of another day, one naming someone new, or a row of a table (a record of its
    own, as the table gives it) stays an event of its own. ``story_start``: where a news story's
    date line is; a telling above it (a standfirst that sums the story up) is the summary of the
    one the story's body tells, so the body's sentence is the event's evidence and the summary
    one of its mentions."""
    # the events reported so far, by (type, modality) and by (type, modality, day): (paragraph, index)
    by_kind: dict[tuple, list] = {}
    by_day: dict[tuple, list] = {}
    for i, events in enumerate(out):
        if blocks[i].text.count(" | ") >= TABLE_ROW_SEPARATORS:
            continue
        kept = []
        for event in events:
            kind = (event.event_type, event.modality)
            if event.date is None:
                candidates = by_kind.get(kind, ())
            else:
                candidates = by_day.get((*kind, event.date.start), ()) if event.date.start else ()
            target = next(((j, k) for j, k in candidates if out[j][k] is not None and _names_no_one_new(event, out[j][k])), None)
            if target is None:
                kept.append(event)
                continue
            j, k = target
            first = out[j][k]
            if story_start is not None and first.evidence_char_start < story_start <= event.evidence_char_start:
                merged = with_mention(event, first)
                out[j][k] = None                  # the summary's slot: the event now lives in the body
                kept.append(merged.model_copy(update={"mentions": first.mentions + event.mentions}))
                continue
            out[j][k] = with_mention(first, event)
        out[i] = kept
        for k, event in enumerate(kept):
            kind = (event.event_type, event.modality)
            by_kind.setdefault(kind, []).append((i, k))
            if event.date is not None and event.date.start:
                by_day.setdefault((*kind, event.date.start), []).append((i, k))
    return [[e for e in events if e is not None] for events in out]


def _names_no_one_new(event: Event, first: Event) -> bool:
    return ({x.name for x in event.people} <= {x.name for x in first.people}
            and {x.name for x in event.institutions} <= {x.name for x in first.institutions})


def quoted_restatements(out: list, blocks) -> list[list[Event]]:
    """An event told inside a quotation after one of its type was told ("The embassy donated
    books that we truly needed," the mayor said) is that event quoted again: a mention of it,
    not a new one."""
    first: dict = {}                    # type → (paragraph, index) of its first telling
    result: list[list[Event]] = []
    for events, block in zip(out, blocks):
        quotes = [(block.char_start + a, block.char_start + b) for a, b in _speech_ranges(block.text)] if events else []
        kept: list[Event] = []
        for event in events:
            if event.event_type in first and any(a <= event.trigger_char_start < b for a, b in quotes):
                p, j = first[event.event_type]
                into = kept if p == len(result) else result[p]
                into[j] = with_mention(into[j], event)
                continue
            first.setdefault(event.event_type, (len(result), len(kept)))
            kept.append(event)
        result.append(kept)
    return result


def _speech_ranges(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SPEECH.finditer(text)]


def narrative_dates(out: list, docs, blocks, dates, story_date: Optional[DateValue],
                    models_dir: Optional[str] = None) -> list[list[Event]]:
    """A dated news story tells one occasion: an asserted event that nothing else dated took
    place at the last date the story wrote before it, or on the story's date line when it
    wrote none ("Riga, 3 May 2022 - ... The ambassador also handed over 40 books."; "The
    delegation arrived on 12 May. ... A memorandum was signed between the two libraries."),
    as HeidelTime's narrative mode resolves. Not when its sentence places it at another, unsaid
    time ("has visited the library before", "regularly takes part", "once worked there": the
    ``untimed`` cues, and the ``untimed_final`` ones as the last word of a clause). A story
    without a date line that opens on its day (``lead_date``) is read the same way; other
    documents (reports, chapters, logs) are left alone: there a date several paragraphs back
    is often another year's."""
    if story_date is None:
        story_date = lead_date(blocks, dates)
        if story_date is None:
            return out
    cues = load_context_cues(models_path(CONTEXT_FILE, models_dir))
    written = sorted((d for found in dates for d in found if d.char_start != story_date.char_start),
                     key=lambda d: d.char_start)
    starts = [d.char_start for d in written]
    result: list[list[Event]] = []
    for doc, block, events in zip(docs, blocks, out):
        fixed: list[Event] = []
        for event in events:
            if event.date is None and event.modality == "asserted" and not untimed(
                    doc.char_span(event.evidence_char_start - block.char_start,
                                  event.evidence_char_end - block.char_start, alignment_mode="expand"), cues):
                k = bisect_left(starts, event.trigger_char_start)
                last = written[k - 1] if k and not background(written[k - 1], story_date) else story_date
                event = event.model_copy(update={"date": last.model_copy(update={"inferred": True}),
                                                 "confidence": round(event.confidence + CARRIED_GAIN, 2)})
            fixed.append(event)
        result.append(fixed)
    return result


def background(date: DateValue, story_date: DateValue) -> bool:
    """A date the story looks back to ("founded in 1909", "destroyed in 1981"): it began more than
    ``BACKGROUND_YEARS`` before the story's date, or it is a whole year before the story's year
    ("listed in the register in 2021" in a story of 2022: a month of it, "in December 2021",
    may still be the story's occasion), so an undated event told after it is the story's own,
    not of that time."""
    if not (date.start and story_date.start):
        return False
    years = int(story_date.start[:4]) - int(date.start[:4])
    return years > BACKGROUND_YEARS or (years > 0 and date.precision == "year")


def lead_date(blocks, dates) -> Optional[DateValue]:
    """A story without a date line that opens on its day ("On 13 December 2022, the consul
    opened ..." in one of its first two body paragraphs, the date within its first
    ``LEAD_DATE_REACH`` characters) is dated by that day as by a date line; a month or year
    there ("In October 2021 ...") opens a report, not a story."""
    body = [i for i, b in enumerate(blocks) if b.yields_events][:LEAD_PARAGRAPHS]
    for i in body:
        if dates[i]:
            first = min(dates[i], key=lambda d: d.char_start)
            if first.precision == "day" and first.char_start - blocks[i].char_start < LEAD_DATE_REACH:
                return first
            return None
    return None


def untimed(sent, cues: dict) -> bool:
    """The sentence says its event happened at some other, unsaid time: "previously",
    "regularly", "once", or a clause ending in "before"/"earlier"."""
    if sent is None:
        return False
    for token in sent:
        if token.lower_ in cues["untimed"]:
            return True
        if token.lower_ in cues["untimed_final"] and (token.i + 1 >= sent.end or token.nbor().is_punct):
            return True
    return False


def story_place(blocks, entities, story_date) -> Optional[Location]:
    """The place a story's date line opens with ("Lima, Peru, 4 May 2021", "Riga; 4 May
    2021:"): a place at the start of the date line's paragraph, then only punctuation or
    further places (its region, its country) up to the date."""
    if story_date is None:
        return None
    for block, found in zip(blocks, entities):
        if not block.char_start <= story_date.char_start < block.char_end:
            continue
        places = sorted((x for x in found.locations if block.char_start <= x.char_start < story_date.char_start),
                        key=lambda x: x.char_start)
        if not places or places[0].char_start != block.char_start:
            return None
        at = block.char_start
        for x in places:
            if block.text[at - block.char_start:x.char_start - block.char_start].strip(_DATELINE_GLUE):
                return None
            at = max(at, x.char_end)
        between = block.text[at - block.char_start:story_date.char_start - block.char_start]
        return places[0] if not between.strip(_DATELINE_GLUE) else None
    return None


def with_dateline_place(events: list, block, entities, story: Optional[Location] = None) -> list:
    """A story paragraph that opens with a dateline ("PRETORIA - The two libraries signed
    ...", "Jakarta, Example.com - ...") tells where its events took place when they name no
    place of their own; so does the place of the story's date line (``story_place``)."""
    match = _DATELINE_PLACE.match(block.text)
    place = None if match is None else next((x for x in entities.locations if x.char_start == block.char_start), None)
    if place is not None and place.char_end - block.char_start > match.end(1):
        place = None
    if match is not None:       # a place in the dateline's agency ("(Prensa Latina)") is none of the events'
        lo, hi = block.char_start + match.end(1), block.char_start + match.end()
        events = [e.model_copy(update={"locations": [x for x in e.locations if not lo <= x.char_start < hi]})
                  if any(lo <= x.char_start < hi for x in e.locations) else e for e in events]
    place = place or story
    if place is None:
        return events
    return [e.model_copy(update={"locations": [place]}) if not e.locations and e.modality == "asserted" else e
            for e in events]


def date_sentence(text: str, base: int, sent, sent_dates: list) -> bool:
    """A sentence that says nothing but a date: the one after it is told on that date ("19 June
    2023. The ambassador paid a visit to the library."; sentence splitters cut after an
    abbreviated year mark, "2023 г.")."""
    chars = list(text[sent.start_char:sent.end_char])
    for d in sent_dates:
        for k in range(max(d.char_start - base - sent.start_char, 0), min(d.char_end - base - sent.start_char, len(chars))):
            chars[k] = " "
    return sum(c.isalpha() for c in chars) <= DATE_SENTENCE_LETTERS


def _title_line(text: str) -> bool:
    """A line of at most ``TITLE_LINE_MAX_WORDS`` words without a sentence end and not a row of
    a table: a headline, a caption or a label ("Singapore Donates 1,000 Books to Lao Library",
    "Embassy donation, May 2019"), which restates the story's event rather than telling one."""
    line = text.strip()
    return ("\n" not in line and _line_words(line) <= TITLE_LINE_MAX_WORDS and line.count(" | ") < TABLE_ROW_SEPARATORS
            and not _SENTENCE_END.search(line) and not continues_list(line))   # "met the director;": a list's item


def _dated_entry(block, block_dates: list) -> bool:
    """A line that opens with its date is an entry of a log or list ("3 July 2022: agreement
    signed with …"), not a headline: it tells its event."""
    lead = len(block.text) - len(block.text.lstrip(" -*•–"))
    return any(d.char_start - block.char_start <= lead for d in block_dates)


def _label_line(text: str) -> bool:
    """A short line without a sentence end, which a year label is ("Year 2004", "2019")."""
    line = text.strip()
    return ("\n" not in line and _line_words(line) <= LABEL_MAX_WORDS and not _SENTENCE_END.search(line)
            and not line.endswith((":", ";")))


# Han and kana (lexicon.HAN_KANA), written without spaces: a line of them is one run between
# spaces however many words it has ("2019年5月、代表団が図書館を訪問した。"), so the line measures
# count one word per ``HAN_CHARS_PER_WORD`` of their characters (Hangul has spaces between words).
HAN_CHARS_PER_WORD = 2


def _line_words(line: str) -> int:
    """Words of a line: its runs between spaces, and one per ``HAN_CHARS_PER_WORD`` Han or kana characters."""
    return len(line.split()) + len(HAN_KANA.findall(line)) // HAN_CHARS_PER_WORD


def paragraph_events(doc, block, dates: list[DateValue], entities, doc_id: str, path: str,
                     occasion_date=None, models_dir: Optional[str] = None, trip_date=None, continues: bool = False,
                     refers_back: Optional[dict] = None, story: bool = False,
                     story_day: Optional[str] = None, exchange_section: bool = False) -> list[Event]:
    """The events of one paragraph, in text order. ``occasion_date``: the first date of the
    last dated paragraph before it in its section, which an undated paragraph that refers back
    to an occasion ("Within the framework of the trip, ...") takes. ``refers_back``, when
    given, receives {index: how} for the events that may restate one told before: "restated"
    when a determiner opens the trigger ("The memorandum was signed by ..."), "group" when the
    sentence names its participants only as a group or a pronoun ("The director greeted the
    guests", "he was glad to be welcomed"). ``story_day``: the day of the story's date line; an
    event its sentence dates later, told with no verb of occurrence ("awarded a grant to attend
    the congress from 24 to 30 August"), is announced: planned, its date a plan's.
    ``exchange_section``: its section has spoken of an exchange of publications so far; what is
    sent there is part of it, not a gift."""
    if "event_triggers" not in doc.spans or not len(doc) or not len(doc.spans["event_triggers"]):
        return []
    base = block.char_start
    source = Source(path=path, page=block.page, paragraph=block.index,
                    char_start=block.char_start, char_end=block.char_end)
    sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    dates = sorted(dates, key=lambda d: (d.char_start, d.char_end))
    people = sorted(entities.people, key=lambda p: p.char_start)
    places = event_places(doc, base, entities, models_dir)
    context_cues = load_context_cues(models_path(CONTEXT_FILE, models_dir))
    place_cues = load_place_cues(models_path(PLACE_FILE, models_dir))
    types = event_types(models_dir)
    quantities = [q for q in doc.spans.get("quantities", [])] if "quantities" in doc.spans else []
    triggers = list(doc.spans["event_triggers"])     # (each pass over a span group makes its Spans anew)
    lowers = words_of(doc)[1]
    events: list[Event] = []
    # an item of a list the paragraph before opened ("met with the director;"): its occasion's date
    governing = occasion_date if continues and not dates else None
    back_reference = False
    paragraph_types: set = set()
    last_of: dict = {}                  # event type → index in ``events`` of its latest event
    roles = load_role_rules(str(models_path(ROLES_FILE, models_dir)))
    articles = load_lexicon(models_dir).function_words["articles"]      # "a donation by the embassy"
    heading_dates: list = []            # the dates of a sentence that is only a date, for the next one
    for sent in sentences:
        s0, s1 = base + sent.start_char, base + sent.end_char
        sent_dates = [d for d in dates if _inside(d, s0, s1)]
        if sent_dates and date_sentence(block.text, base, sent, sent_dates):
            heading_dates = sent_dates
            continue
        sent_dates, heading_dates = sent_dates or heading_dates, []
        if not dates and occasion_date is not None and not back_reference:
            occasion = refers_to_occasion(sent, context_cues)
            back_reference = occasion is not None
            if back_reference:
                # "During the meetings, ..." after "In October 2024, ... a trip"; "during his
                # stay" after the trip itself was dated: the trip's date
                governing = trip_date if trip_date is not None and occasion in context_cues["trip_occasion"] \
                    else occasion_date
            elif story and governing is None and adds_to_story(sent, context_cues):
                governing = occasion_date       # a story's "The ambassador also presented ...": its date, no new occasion
        seen_types: dict = {}           # event type → the end token of its first trigger in the sentence
        earlier_types = set(paragraph_types)
        sent_triggers = [t for t in triggers if sent.start <= t.start and t.end <= sent.end]
        if not sent_triggers and sent_dates and events and pronoun_occurrence(sent, context_cues):
            # "... attended the Baltic Library Summit. It was held in Riga on 16-19 May 2017."
            # (and the trip of the one who attended it, told in the same sentence)
            last = next((k for k in range(len(events) - 1, -1, -1) if types[events[k].event_type].continuing), None)
            if last is not None and events[last].date is None:
                told = events[last].mentions[0].char_start if events[last].mentions else None
                date = min(sent_dates, key=lambda d: (-FINENESS[d.precision], d.char_start))
                mention = Mention(evidence=block.text[sent.start_char:sent.end_char], char_start=s0, char_end=s1)
                for k, event in enumerate(events):
                    if event.date is None and (k == last or (event.mentions and event.mentions[0].char_start == told)):
                        events[k] = event.model_copy(update={"date": date, "mentions": event.mentions + [mention]})
        visit_told = any((t._.event or {}).get("type") == "visit" and (t._.event or {}).get("form") != "noun"
                         for t in sent_triggers)
        exchange_told = exchange_section or any(w in context_cues["exchange_context"]
                                                for w in lowers[sent.start:sent.end])
        gift_sentence = any((t._.event or {}).get("type") == "donation" for t in sent_triggers) and not exchange_told
        for trigger in sent_triggers:
            info = trigger._.event or {}
            kind = info.get("type")
            if kind == "exchange" and info.get("send") and not exchange_told and not gift_sentence:
                after = [t.lower_ for t in doc[trigger.end:min(sent.end, trigger.end + SENT_ITEMS_REACH)]]
                # in the passive what was sent stands before it ("300 books were sent to Lima")
                passive = trigger.start > sent.start and doc[trigger.start - 1].lower_ in SENT_PASSIVE
                before = ([t.lower_ for t in doc[max(sent.start, trigger.start - 1 - SENT_ITEMS_REACH):trigger.start - 1]]
                          if passive else [])
                if any(w in context_cues["staff"] or w in context_cues["sent_persons"] for w in after + before):
                    kind = "business_trip"  # "sent two librarians to Riga", "the ministry sent me to Lima"
                elif any(w in context_cues["sent_items"] for w in after + before):
                    kind = "donation"   # "sent them off to Myanmar": things sent with nothing in return are a gift
                else:
                    continue            # "sent an appeal", "sent us a description": nothing given, no one travelling
            t0, t1 = base + trigger.start_char, base + trigger.end_char
            if info.get("form") == "noun" and any(x.char_start <= t0 and t1 <= x.char_end for x in entities.institutions):
                continue  # part of a name: "Library of Congress", "Department of ... Exchange"
            if (kind in NAMED_OCCASIONS and len(trigger) > 1
                    and any(x.char_start < base + trigger[-1].idx < x.char_end for x in entities.institutions)):
                continue  # its event word is inside a name: "took part in a visit to the Library of Congress"
            part_of_occasion = back_reference and not (kind in types and types[kind].occasion) and not info.get("definite")
            clause = (counter_clause(doc, seen_types[kind], trigger, context_cues)
                      if kind in seen_types and info.get("form") == "verb" else None)
            split = (second_dated_clause(doc, base, events[last_of[kind]], seen_types[kind], trigger, info,
                                         own_date(doc, base, sent_dates, sent_triggers, trigger, info, place_cues, None,
                                                  context_cues)[0],
                                         context_cues)
                     if kind in seen_types and clause is None and kind in last_of and sent_dates else None)
            if split is not None:
                clause = split
                events[last_of[kind]] = before_clause(events[last_of[kind]], split)
            if kind is None or (kind in seen_types and clause is None) or not accept_trigger(
                    info, bool(sent_dates) or (part_of_occasion and info.get("modality") != "planned"),
                    agent=info.get("form") == "noun" and (has_agent(doc, trigger, base, entities, people, context_cues, articles)
                                                          or any(s0 <= p.char_start < s1 for p in people))):
                continue
            if not sent_dates and present_simple(trigger, info):
                continue  # "It offers a wide range of books", "receives donations of books": a habit or state
            if kind == "exchange" and info.get("send") and gift_sentence:
                continue  # "received 300 books from A and sent 50 to B": parallel gifts, one donation
            if kind == "visit" and gift_sentence and trigger[-1].lower_ == "by":
                continue  # "the books, which were received by the director": the gift received, no guest
            if kind == "business_trip" and info.get("form") == "noun" and visit_told:
                continue  # "visited the library during his trip to Peru": the trip frames the visit
            sent_places = [(x, role) for x, role in places if _inside(x, s0, s1)]
            # a host's verb ("we welcomed a delegation") makes the writer's side the host; its passive
            # ("we were welcomed by the city library") is a visit told by the guest, one host of a trip
            if kind == "visit" and info.get("form") != "host" and is_business_trip(sent, trigger, sent_places, context_cues):
                kind = "business_trip"
                if kind in seen_types:
                    continue
            facts = trigger_facts(trigger, base)
            definite_object = not sent_dates and _definite_object(trigger, info)
            if not sent_dates and kind in last_of and (types[kind].continuing or info.get("definite")
                                                       or facts[2] in PASSIVE_AUXILIARIES or definite_object) \
                    and not (kind in TRIP_TYPES and _new_host(entities.institutions, events[last_of[kind]], trigger, base, s1)):
                # "The guests toured the stacks", "The memorandum was signed by ...": another
                # mention of the event already reported, which gathers this sentence's parties.
                events[last_of[kind]] = another_mention(
                    events[last_of[kind]], block.text, base, sent, people, entities.institutions, roles, info, facts)
                seen_types.setdefault(kind, trigger.end)
                continue
            if (sent_dates and kind in last_of and events[last_of[kind]].date is None
                    and ((info.get("form") == "noun" and info.get("definite")) or facts[2] in RESTATING_DETERMINERS)
                    and not (kind in TRIP_TYPES and _new_host(entities.institutions, events[last_of[kind]], trigger, base, s1))):
                # "... attended the Baltic Library Summit. The summit was held on 16-19 May 2017.":
                # the undated event told first, its date given by the sentence that refers back to it
                date, how = own_date(doc, base, sent_dates, sent_triggers, trigger, info, place_cues, None, context_cues)
                if how == "explicit":
                    events[last_of[kind]] = another_mention(
                        events[last_of[kind]], block.text, base, sent, people, entities.institutions, roles, info,
                        facts).model_copy(update={"date": date})
                    seen_types.setdefault(kind, trigger.end)
                    continue
            if (not sent_dates and earlier_types & set(types[kind].part_of)
                    and not any(_inside(p, s0, s1) for p in people)):
                continue  # "The guests had a meeting with the staff": part of the visit, no new party
            paragraph_types.add(kind)
            seen_types.setdefault(kind, trigger.end)
            if refers_back is not None:
                if info.get("form") != "noun" and (facts[2] in RESTATING_DETERMINERS or definite_object):
                    refers_back[len(events)] = "restated"   # "The memorandum was signed by ...", "accepted the gift"
                elif info.get("group") or info.get("pronoun"):
                    refers_back[len(events)] = "group"
            last_of[kind] = len(events)
            t0, t1 = base + trigger.start_char, base + trigger.end_char
            date, how = own_date(doc, base, sent_dates, sent_triggers, trigger, info, place_cues, governing,
                                 context_cues)
            if how == "carried" and info.get("modality") == "planned":
                date, how = None, "none"    # a plan told at a meeting does not happen on the meeting's day
            modality = info.get("modality")
            if modality is None and how == "explicit" and date.planned:
                modality = "planned"    # its own date is a plan's: "a visit is planned for the end of May"
            if (modality is None and how == "explicit" and story_day is not None and not date.inferred
                    and not info.get("past") and _later(date.start, story_day)):
                modality, date = "planned", date.model_copy(update={"planned": True})
            earlier = [p for p in people if p.char_end <= s0]
            event_people = participants(people, earlier, s0, s1, info)
            event_institutions = [x for x in entities.institutions if _inside(x, s0, s1)]
            if clause is not None:      # the counter-gift's parties: its clause and the name it refers to
                names = sorted(event_people + event_institutions, key=lambda r: r.char_start)
                cut = (base + clause if split is not None else
                       next((r.char_start for r in reversed(names) if r.char_end <= base + clause), base + clause))
                event_people = [p for p in event_people if p.char_start >= cut]
                event_institutions = [x for x in event_institutions if x.char_start >= cut]
            found_roles = assign_roles(kind, roles, block.text, base, facts, info.get("form", "verb"),
                                       event_people, event_institutions,
                                       inverted=verb_second(info, facts, sent_dates, event_people + event_institutions,
                                                            s0, block.text, base),
                                       participle=info.get("participle", False))
            events.append(Event(
                id=f"{doc_id}:p{block.index}:e{len(events)}",
                doc_id=doc_id,
                source=source,
                event_type=kind,
                date=date,
                people=event_people,
                institutions=event_institutions,
                locations=without_covered_countries([x for x, _ in sent_places], models_dir),
                quantities=sentence_quantities(quantities, base, s0, s1, dates) if types[kind].quantities else [],
                evidence=block.text[sent.start_char:sent.end_char],
                confidence=confidence(how, info.get("form", "verb")),
                trigger=block.text[trigger.start_char:trigger.end_char],
                trigger_char_start=t0,
                trigger_char_end=t1,
                evidence_char_start=s0,
                evidence_char_end=s1,
                participants=(found_roles if clause is None or split is not None
                              else counter_roles(found_roles, kind, roles, cut)),
                modality=modality or "asserted",
                mentions=[Mention(evidence=block.text[sent.start_char:sent.end_char], char_start=s0, char_end=s1)],
            ))
            trip = attendance_abroad(kind, info, t0, event_people, event_institutions, sent_places,
                                     lambda: told_by_writer(sent, trigger, context_cues, ATTENDANCE_WRITER_WINDOW))
            if trip is not None and "business_trip" not in seen_types:
                travellers, travelling_institutions, abroad = trip
                seen_types["business_trip"] = trigger.end
                paragraph_types.add("business_trip")
                last_of["business_trip"] = len(events)
                events.append(events[-1].model_copy(update={
                    "id": f"{doc_id}:p{block.index}:e{len(events)}", "event_type": "business_trip",
                    "people": travellers, "institutions": travelling_institutions,
                    "locations": without_covered_countries(abroad, models_dir), "quantities": [],
                    "participants": assign_roles("business_trip", roles, block.text, base, facts, "verb",
                                                 travellers, travelling_institutions)}))
        if sent_dates:
            governing = sent_dates[0]
    return events


# An exchange of publications spoken of in a paragraph ("international book exchange expanded").
_EXCHANGE_WORD = re.compile(r"\bexchang(?:e|es|ed|ing)\b", re.I)


def _later(start: Optional[str], day: str) -> bool:
    """``start`` begins after ``day``, compared at the precision of both ("2018-08" after "2018-07-30")."""
    if not start:
        return False
    n = min(len(start), len(day))
    return start[:n] > day[:n]


def with_planned_dates(dates: list, events: list) -> list:
    """A paragraph's dates with those of its planned events marked as plans (the gold lists dates
    of what happened or held)."""
    planned = {e.date.char_start for e in events if e.modality == "planned" and e.date is not None and e.date.planned}
    return [d.model_copy(update={"planned": True}) if d.char_start in planned and not d.planned else d for d in dates]


def _continued(events: list, back: dict, out: list, reported: dict, section, types: dict) -> list:
    """``events`` of one paragraph without those that tell again an event already reported in
    the section, which become its mentions (with their sentence's people, institutions and
    roles): an undated, asserted event of a continuing type (a visit, a meeting, ...) whose
    sentence names its people only as a group or a pronoun ("The director greeted the guests"
    after "The ambassador visited the library"); an event whose trigger opens with a determiner
    ("The memorandum was signed by A and B on 30 November" after "The libraries have signed a
    memorandum"), which also gives its date to an undated first telling. ``reported`` is
    updated with what remains."""
    kept = []
    for j, event in enumerate(events):
        key = (section, event.event_type)
        info = types.get(event.event_type)
        target = None
        if key in reported and event.modality == "asserted" and info is not None:
            p, k = reported[key]
            target = out[p][k] if p < len(out) else kept[k]
        if target is not None and (
                (back.get(j) == "group" and event.date is None and info.continuing
                 and not (event.event_type in TRIP_TYPES
                          and {x.name for x in event.institutions} - {x.name for x in target.institutions}))
                or (back.get(j) == "restated" and target.modality == "asserted"
                    and (event.date is None or target.date is None or _same_when(event.date, target.date)))):
            merged = with_mention(target, event)
            if p < len(out):
                out[p][k] = merged
            else:
                kept[k] = merged
            continue
        reported[key] = (len(out), len(kept))
        kept.append(event)
    return kept


def with_mention(target: Event, event: Event) -> Event:
    """``target`` told again by ``event``: its mentions, and the people, institutions,
    participants and places it adds; ``target``'s date, else ``event``'s (inferred when it is
    written in another paragraph: not in the event's own sentence)."""
    names = {x.name for x in target.people} | {x.name for x in target.institutions}
    date = target.date or event.date
    if target.date is None and date is not None and event.source.paragraph != target.source.paragraph:
        date = date.model_copy(update={"inferred": True})
    return target.model_copy(update={
        "date": date,
        "people": target.people + [x for x in event.people if x.name not in names],
        "institutions": target.institutions + [x for x in event.institutions if x.name not in names],
        "participants": target.participants + [x for x in event.participants if x.name not in names],
        "locations": target.locations + [x for x in event.locations
                                         if x.name not in {y.name for y in target.locations}],
        "mentions": target.mentions + event.mentions})


def _same_when(a: DateValue, b: DateValue) -> bool:
    return (a.start, a.end) == (b.start, b.end)


def counter_clause(doc, previous_end: int, trigger, cues: dict) -> Optional[int]:
    """A second trigger of a type already reported in its sentence is an act of its own when a
    clause with another agent and a word of reciprocity lies between the two: "A gave books to
    B, which in return presented maps to A" (two gifts going opposite ways). Returns the
    paragraph offset of the clause word, else None (the sentence's first trigger stands for it)."""
    between = doc[previous_end:trigger.start]
    boundary = next((t for t in between if t.lower_ in cues["counter_clause"]), None)
    if boundary is None or not any(t.lower_ in cues["reciprocity"] for t in doc[boundary.i:trigger.start]):
        return None
    return boundary.idx


def present_simple(trigger, info: dict) -> bool:
    """An English verb trigger that opens with a third-person present form ("offers", "receives",
    "hosts", "signs"): a habit or a state ("The library offers books for children"), unless a date
    of its sentence says when (a news lead's "The embassy donates 300 books on Monday")."""
    if (info.get("form") == "noun" or info.get("language", "en") != "en" or not len(trigger)
            or not str(info.get("rule", "")).endswith((".finite", ".finite.predicate_first"))):
        return False        # (a predicate row's match that opens with its predicate)
    first = trigger[0]
    word = first.lower_
    return (first.is_alpha and len(word) > 3 and word.endswith("s") and not word.endswith("ss")
            and (first.i == 0 or first.nbor(-1).lower_ not in ("has", "is", "was")))


def second_dated_clause(doc, base: int, first: Event, previous_end: int, trigger, info: dict,
                        date: Optional[DateValue], cues: dict) -> Optional[int]:
    """A second verb trigger of a type already reported in its sentence is an act of its own
    when each stands in its own clause with its own date: "X was founded in 1901 and Y was
    founded in 1955", "A signed with B in 2010; with C it signed in 2015" — the first event's
    date written after its trigger and before a word joining the clauses (``clause_join``),
    the second's after that word. Returns the paragraph offset of that word, else None."""
    if (info.get("form") == "noun" or date is None or first.date is None or first.date.inferred
            or first.trigger_char_end is None):
        return None
    t0 = base + trigger.start_char
    d1, d2 = first.date, date
    if not (first.trigger_char_end <= d1.char_start and d1.char_end <= t0 and d2.char_start >= d1.char_end
            and (d2.start, d2.end) != (d1.start, d1.end)):
        return None
    join = next((t for t in doc[previous_end:trigger.start] if t.idx + base >= d1.char_end and t.lower_ in cues["clause_join"]), None)
    if join is None or (d2.char_start < t0 and d2.char_start < join.idx + base):
        return None
    return join.idx


def before_clause(event: Event, offset: int) -> Event:
    """``event`` without the names written from paragraph offset ``offset`` on (another clause's)."""
    cut = event.source.char_start + offset
    return event.model_copy(update={
        "people": [p for p in event.people if p.char_start < cut],
        "institutions": [x for x in event.institutions if x.char_start < cut],
        "participants": [p for p in event.participants if p.char_start < cut]})


def counter_roles(found: list, kind: str, roles: dict, antecedent: int) -> list:
    """The name a counter-clause refers to ("B, which in return presented ...") is its agent."""
    rule = roles.get(kind)
    if rule is None:
        return found
    return [p.model_copy(update={"role": rule.subject}) if p.char_start == antecedent else p for p in found]


def accept_trigger(info: dict, sentence_has_date: bool, agent: bool = False) -> bool:
    """Whether a trigger states an event that happened, or one announced with its date
    (``modality`` "planned"; see the module docstring). ``agent``: a noun trigger names who
    acted ("thanks to a donation by the Nippon Foundation", "a visit from the consul"), or its
    sentence names a person ("In his meeting with Ambassador Anna Berg, the director ...")."""
    if info.get("topic") or info.get("possessive"):
        return False
    if info.get("irrealis"):
        return info.get("modality") == "planned" and sentence_has_date
    if info.get("form") == "noun":
        if sentence_has_date:
            return True
        # "During the meeting, ...", "The visit was ...": a reference back, not a new event; after
        # another language's article only, a sentence saying it took place tells it ("se efectuó la entrega")
        if info.get("definite") and not info.get("article"):
            return False
        return bool(info.get("occurrence")) or (agent and not info.get("definite"))
    return True


def has_agent(doc, trigger, base: int, entities, people: list, cues: dict, articles: frozenset) -> bool:
    """A noun trigger followed by an ``agent`` cue ("by", "from") and a named person or
    institution (a determiner may stand between): "a donation by the embassy", "a visit from
    Dr Lee"."""
    k = trigger.end
    if k >= len(doc) or doc[k].lower_ not in cues["agent"]:
        return False
    k += 1
    if k < len(doc) and doc[k].lower_ in articles:
        k += 1
    if k >= len(doc):
        return False
    at = base + doc[k].idx
    return any(x.char_start == at for x in entities.institutions) or any(p.char_start <= at < p.char_end for p in people)


def _definite_object(trigger, info: dict) -> bool:
    """The trigger ends with its object after a determiner of ``RESTATING_DETERMINERS``, at most one
    word between ("accepted the donation", "handed over these books", "signed the bilateral
    memorandum"): the thing was named before, so the sentence, when it has no date of its own, tells
    again an event already told."""
    if info.get("form") == "noun" or len(trigger) < 3:
        return False
    words = [t.lower_ for t in trigger[1:-1]]
    return words[-1] in RESTATING_DETERMINERS or (len(words) >= 2 and words[-2] in RESTATING_DETERMINERS
                                                  and not trigger[-2].like_num)


def trigger_facts(trigger, base: int) -> tuple:
    """(start, end, the word before it, its words) of a trigger span, in document offsets."""
    doc = trigger.doc
    before = doc[trigger.start - 1].lower_ if trigger.start > 0 else ""
    return base + trigger.start_char, base + trigger.end_char, before, tuple(t.lower_ for t in trigger)


def another_mention(event: Event, text: str, base: int, sent, people: list, institutions: list, roles: dict,
                    info: dict, facts: tuple) -> Event:
    """``event`` with one more sentence stating it: the sentence joins its ``mentions``, and
    the people and institutions it names join the event's, with their roles."""
    s0, s1 = base + sent.start_char, base + sent.end_char
    names = {p.name for p in event.people} | {x.name for x in event.institutions}
    new_people = [p for p in people if _inside(p, s0, s1) and p.name not in names]
    new_insts = [x for x in institutions if _inside(x, s0, s1) and x.name not in names]
    added = assign_roles(event.event_type, roles, text, base, facts, info.get("form", "verb"),
                         new_people, new_insts, participle=info.get("participle", False))
    return event.model_copy(update={
        "people": event.people + new_people,
        "institutions": event.institutions + new_insts,
        "participants": event.participants + added,
        "mentions": event.mentions + [Mention(evidence=text[sent.start_char:sent.end_char], char_start=s0, char_end=s1)],
    })


def verb_second(info: dict, facts: tuple, dates: list, records: list, s0: int, text: str, base: int) -> bool:
    """The trigger is the finite verb of a verb-second language right after a date that opens
    its clause ("Am 3. Mai besuchte Anna Berg ..."), or of a verb-first language (Arabic
    "أهدت المكتبة ..."), with no name before it in the sentence: its subject follows it."""
    t0 = facts[0]
    if any(s0 <= r.char_start and r.char_end <= t0 for r in records):
        return False
    if info.get("language") in VERB_FIRST:
        return info.get("form") in ("verb", "host")
    return (info.get("form") == "verb" and info.get("language") in VERB_SECOND
            and any(d.char_end <= t0 and not text[d.char_end - base:t0 - base].strip() for d in dates))


def set_off(text: str, base: int, date: DateValue, t0: int, t1: int) -> bool:
    """``date`` stands inside the trigger between commas, in a clause set off between the
    subject and its verb ("The library, which was built in 1990, was opened in June 1994"):
    the date of that clause, not of the trigger's."""
    return (t0 < date.char_start and date.char_end < t1 and "," in text[t0 - base:date.char_start - base]
            and "," in text[date.char_end - base:t1 - base])


def own_date(doc, base: int, sent_dates: list, sent_triggers: list, trigger, info: dict, place_cues: dict,
             governing, context_cues: Optional[dict] = None) -> tuple:
    """(date, how) of the event ``trigger`` tells (:func:`choose_date`): of its sentence's dates,
    not those of the things it is about (:func:`is_item_date`), of a clause set off inside it
    (:func:`set_off`), of another trigger (:func:`another_triggers_date`) or of a name's year
    (:func:`without_name_years`); else ``governing``'s, carried."""
    t0, t1 = base + trigger.start_char, base + trigger.end_char
    dates = [d for d in sent_dates if not is_item_date(doc, base, d, trigger, place_cues)
             and not (info.get("object_first") and set_off(doc.text, base, d, t0, t1))
             and not another_triggers_date(d, sent_triggers, trigger, base)
             and not another_nouns_clause(doc, base, d, trigger, context_cues)]
    return choose_date(without_name_years(dates, doc.text, base), governing, t0, t1)


def another_nouns_clause(doc, base: int, date: DateValue, trigger, cues: Optional[dict]) -> bool:
    """``date`` is written in a relative clause that opens after the trigger on another noun:
    "hosted a visit ... to continue the exchange that began in 2000", "visited the library,
    which opened in 1995" — the clause's date, not the event's. Not a clause on the trigger
    itself ("the visit, which took place on 3 May") nor one whose verb tells an occurrence
    (``occurred`` cues: "..., which was held on 3 May")."""
    if cues is None:
        return False
    k = date.char_start - base
    span = doc.char_span(k, date.char_end - base, alignment_mode="expand")
    if span is None or not len(span) or span.start < trigger.end:
        return False
    sent_start = span.sent.start if doc.has_annotation("SENT_START") else 0
    for r in range(span.start - 1, max(trigger.end - 1, sent_start, span.start - RELATIVE_CLAUSE_REACH - 1), -1):
        if doc[r].lower_ not in RELATIVE_PRONOUNS:
            continue
        head = r - 2 if r > 0 and doc[r - 1].text == "," else r - 1
        if head < trigger.end:
            return False            # the clause is on the trigger itself
        clause = [t.lower_ for t in doc[r + 1:span.start]]
        return not any(w in cues["occurred"] for w in clause) and "place" not in clause
    return False


def another_triggers_date(date: DateValue, sent_triggers: list, trigger, base: int) -> bool:
    """``date`` is written inside another trigger of the sentence, one that shares no word with
    ``trigger`` ("The college, founded in 1971, received a gift of books": the founding's year,
    not the gift's)."""
    def holds(t) -> bool:
        return base + t.start_char <= date.char_start and date.char_end <= base + t.end_char
    return not holds(trigger) and any(holds(t) and (t.end <= trigger.start or trigger.end <= t.start)
                                      for t in sent_triggers)


def without_name_years(dates: list[DateValue], text: str, base: int) -> list[DateValue]:
    """``dates`` without a year that is part of a name ("the 2003 Winter Meeting", "its 2019
    exchange programme": after a determiner, before a word; "the Annual Conference 2015": after
    a capitalised word that is no function word) when the sentence also has a finer date within
    that year ("... on 24 January"): that one is the event's day."""
    def in_name(d: DateValue) -> bool:
        if d.precision != "year":
            return False
        before = text[max(0, d.char_start - base - 30):d.char_start - base]
        if _NAME_YEAR_BEFORE.search(before[-8:]) is not None and _WORD_AFTER.match(text, d.char_end - base) is not None:
            return True
        word = _NAME_WORD_BEFORE.search(before)
        return word is not None and word.group(1).lower() not in STOP_WORDS

    def finer_inside(d: DateValue) -> bool:
        return any(o is not d and FINENESS[o.precision] > FINENESS[d.precision] and o.start and d.start
                   and o.start[:4] == d.start[:4] for o in dates)

    return [d for d in dates if not (in_name(d) and finer_inside(d))]


def choose_date(sent_dates: list[DateValue], governing, t0: int, t1: int):
    """(date, how): the sentence's date nearest the trigger ("explicit"), else a copy of the
    paragraph's governing date marked inferred ("carried"), else (None, "none")."""
    if sent_dates:
        nearest = min(sent_dates, key=lambda d: (_gap(d.char_start, d.char_end, t0, t1), d.char_start))
        # "26–29 April of the following year": two adjacent dates are one expression; the finer wins.
        group = [d for d in sent_dates if _gap(d.char_start, d.char_end, nearest.char_start, nearest.char_end)
                 <= ADJACENT_DATE_GAP]
        # "yesterday (25 June 2018)", "Today, on 18 October": the date written after a relative one
        # of the same precision restates it and wins
        return min(group, key=lambda d: (-FINENESS[d.precision], d.inferred, -d.char_start)), "explicit"
    if governing is not None:
        return governing.model_copy(update={"inferred": True}), "carried"
    return None, "none"


def participants(people: list, earlier: list, s0: int, s1: int, info: dict) -> list:
    """People of the sentence, plus those the paragraph introduced when the sentence refers
    back to them ("the guests", "both sides"; "he"/"she": the first one)."""
    own = [p for p in people if _inside(p, s0, s1)]
    carried = []
    if info.get("group"):
        carried = earlier
    elif info.get("pronoun") and not own and earlier:
        carried = earlier[:1]
    names = {p.name for p in own}
    for person in carried:
        if person.name not in names:
            names.add(person.name)
            own.append(person)
    return own


def load_place_cues(path: Path) -> dict:
    """``event_places.jsonl`` → {lower-case word: role}; rejects unknown keys and roles, a
    word given two roles, duplicate ids and an empty file."""
    return dict(_place_cues(str(path)))


def _word_rules(path: str, keys: set, kind_key: str, kinds) -> list:
    """(line, kind, lower-case words) of a word-list rule file, read by the strict loader."""
    out = []
    for n, row in read_jsonl_rules(path, keys | {"comment"}, keys, what="word-list rule file"):
        if row[kind_key] not in kinds:
            raise ModelsError(f"{path}:{n}: {kind_key} must be one of {kinds}, got {row[kind_key]!r}")
        out.append((n, row[kind_key], checked_words(row["words"], f"{path}:{n}")))
    return out


@lru_cache(maxsize=4)
def _place_cues(path: str) -> tuple:
    cues = {}
    for n, role, words in _word_rules(path, PLACE_KEYS, "role", PLACE_ROLES):
        for word in words:
            if cues.get(word, role) != role:
                raise ModelsError(f"{path}:{n}: {word!r} already has the role {cues[word]!r}")
            cues[word] = role
    return tuple(cues.items())


def load_context_cues(path: Path) -> dict:
    """``event_context.jsonl`` → {cue: frozenset of lower-case words}; strict like the place cues."""
    return dict(_context_cues(str(path)))


@lru_cache(maxsize=4)
def _context_cues(path: str) -> tuple:
    cues: dict = {}
    for _, cue, words in _word_rules(path, CONTEXT_KEYS, "cue", CONTEXT_CUES):
        cues.setdefault(cue, set()).update(words)
    missing = set(CONTEXT_CUES) - set(cues)
    if missing:
        raise ModelsError(f"{path}: missing cues {sorted(missing)}")
    return tuple((cue, frozenset(words)) for cue, words in cues.items())


def is_item_date(doc, base: int, date: DateValue, trigger, cues: dict) -> bool:
    """A date that says when the things the event is about were made, not when the event was:
    "newspapers from the period between 1918 and 1921", "books published in 1937" (a
    ``describes_item`` word of ``models/event_places.jsonl`` just before the date, not part of
    the trigger: "the book was published in 2020" is the publication's own date)."""
    span = doc.char_span(date.char_start - base, date.char_end - base, alignment_mode="expand")
    if span is None or not len(span):
        return False
    lo = max(span.sent.start if doc.has_annotation("SENT_START") else 0, span.start - ITEM_DATE_WINDOW)
    return any(cues.get(doc[i].lower_) == "describes_item" and not (trigger.start <= i < trigger.end)
               for i in range(lo, span.start))


# Tokens back from a date within which a relative pronoun opens the clause that holds it
# ("the exchange that began in 2000", "the library, which was opened in early 1995").
RELATIVE_CLAUSE_REACH = 6

# Words (adjectives: "his one-week stay", "their official visit") between a person's possessive
# and the occasion it refers back to; after an article or demonstrative the occasion word follows
# at once ("the visit", not "the study visit", which may be another).
OCCASION_MODIFIERS_MAX = 2
PERSON_POSSESSIVES = frozenset({"his", "her", "their"})


def continues_list(text: str) -> bool:
    """A paragraph that goes on from the one before: it opens in lower case ("met with the
    director of the archive;", "received training in ...") or ends with a semicolon, as the
    items of a list introduced by a sentence do."""
    t = text.strip()
    return bool(t) and ((t[0].isalpha() and t[0].islower()) or t.endswith(";"))


def _new_host(institutions: list, earlier: Event, trigger, base: int, s1: int) -> bool:
    """A visit verb whose object is an institution the earlier visit did not name ("They then
    visited the X Library"): another stop of the trip, an event of its own, not a mention."""
    t1 = base + trigger.end_char
    named = {x.name for x in earlier.institutions}
    return any(t1 <= x.char_start < s1 and x.char_start - t1 <= NEW_HOST_REACH and x.name not in named
               for x in institutions)


# How far (characters) after a visit verb its new host may begin: "visited the Lillian H. Smith Library".
NEW_HOST_REACH = 40


def _within(day: DateValue, span: DateValue) -> bool:
    """Whether ``day`` starts inside ``span`` (its start to its end, or its start alone)."""
    if not (day.start and span.start):
        return False
    return span.start <= day.start <= (span.end or span.start)


def refers_to_occasion(sent, cues: dict) -> Optional[str]:
    """The occasion word by which the sentence refers back to an occasion already reported: a
    determiner or possessive before it, at most ``OCCASION_MODIFIERS_MAX`` words between
    ("within the framework of the trip", "during these meetings", "during his one-week stay");
    None if it does not."""
    words = [t.lower_ for t in sent]
    for i, w in enumerate(words[:-1]):
        if w not in cues["back_determiner"]:
            continue
        between = 0
        for k in range(i + 1, len(words)):
            if words[k] in cues["occasion"]:
                return words[k]
            if words[k] in ("-", "–"):
                continue                    # "one-week", split by the tokenizer
            between += 1
            if between > (OCCASION_MODIFIERS_MAX if w in PERSON_POSSESSIVES else 0) or not words[k].isalnum():
                break
    # other languages: a word for "during" or "within the framework of" and an occasion noun
    # in its case, with at most FOREIGN_OCCASION_GAP words between ("podczas wizyty", "lors de
    # la visite", "в ходе визита", "im Rahmen des Besuchs") or right before a postposition
    # ("ziyaret sırasında")
    for i, w in enumerate(words):
        if w not in cues["during_foreign"]:
            continue
        if i and words[i - 1] in cues["occasion_foreign"]:
            return words[i - 1]
        for k in range(i + 1, min(len(words), i + 2 + FOREIGN_OCCASION_GAP)):
            if words[k] in cues["occasion_foreign"]:
                return words[k]
            if not words[k].isalpha():
                break
    return None


def pronoun_occurrence(sent, cues: dict) -> bool:
    """The sentence opens with a pronoun and a verb of occurrence: "It was held in Riga on 16-19
    May", "It took place on ...", "This was organised ..." — it tells when and where the
    occasion just named happened, no new event."""
    words = [t.lower_ for t in sent if not t.is_space][:4]
    if len(words) < 3 or words[0] not in cues["pronoun_subject"]:
        return False
    at = 2 if words[1] in PASSIVE_AUXILIARIES else 1
    return words[at] in cues["occurred"] or (words[at] in ("took", "takes") and words[at + 1:at + 2] == ["place"])


def adds_to_story(sent, cues: dict) -> bool:
    """An additive adverb: "The ambassador also presented a book", "Furthermore, the embassy
    gave ...": in a news story, more of the occasion just told."""
    return any(t.lower_ in cues["additive"] for t in sent)


def attendance_abroad(kind: str, info: dict, t0: int, people: list, institutions: list,
                      sent_places: list, by_writer=lambda: False) -> Optional[tuple]:
    """(travellers, their institutions, the places) when a meeting, conference or training was
    attended abroad (CONVENTIONS: a seminar abroad attended by own staff is also a
    ``business_trip``): an attendance verb governs it ("took part in", "a participé à"), the
    sentence names the attending side before it, and a place where it was held lies in another
    country than every country that side's institutions have ("the staff of a Polish library
    took part in a seminar in Vilnius"). A side whose countries are unknown went nowhere known,
    unless the writer attended ("I attended the congress in Oslo"): like "I visited Oslo"
    (:func:`is_business_trip`), the writer travelled to the place the sentence names
    (``by_writer``: asked only then, it reads the sentence's words)."""
    if kind not in ATTENDED_ABROAD or not info.get("attendance"):
        return None
    travelling = [x for x in institutions if x.char_end <= t0]
    if not travelling:
        venues = [loc for loc, role in sent_places if role == "venue"]
        if venues and by_writer():
            return [p for p in people if p.char_end <= t0], [], venues
    countries = {x.country for x in travelling if x.country}
    if not countries:
        return None
    abroad = [loc for loc, _ in sent_places if loc.country and loc.country not in countries]
    if not abroad:
        return None
    return [p for p in people if p.char_end <= t0], travelling, abroad


def told_by_writer(sent, trigger, cues: dict, window: int = 0) -> bool:
    """The writer ("I", "we") is the subject, just before the trigger: "In May I visited ..."
    (``FIRST_PERSON_WINDOW`` words, or ``window``), or right after it where a language puts the
    verb second after a fronted phrase (Dutch "In 2018 bezochten we ...", German "Im Mai besuchten wir ...")."""
    return _writer_subject([t.lower_ for t in sent], trigger.start - sent.start, trigger.end - sent.start, cues,
                           window or FIRST_PERSON_WINDOW)


def _writer_subject(words: list, at: int, end: int, cues: dict, window: int) -> bool:
    """:func:`told_by_writer` on the sentence's lower-case ``words``, the trigger at [at, end)."""
    return (any(w in cues["first_person"] for w in words[max(0, at - window):at])
            or (end < len(words) and words[end] in cues["first_person_after"]))


def _writer_opens(words: list, at: int) -> bool:
    """The writer ("I", "we") is the subject of the sentence's first clause, whose verb the
    trigger at ``at`` completes: a first-person pronoun among its first words and no relative
    pronoun, comma-set clause or conjunction between it and the trigger ("I was glad to visit
    France"; not "we met guests who visited Riga")."""
    first = next((i for i, w in enumerate(words[:min(at, WRITER_OPENING_WORDS)]) if w in ("i", "we")), None)
    if first is None:
        return False
    return not any(w in RELATIVE_PRONOUNS or w in (",", ";", "and", "but", "while") for w in words[first + 1:at])


def is_business_trip(sent, trigger, sent_places: list, cues: dict) -> bool:
    """A visit is the document's own staff travelling (SPEC §3 ``business_trip``) when the
    travellers are "our" staff ("our librarians visited Vilnius", in other languages before the
    verb or, verb second, right after it: "Im Mai besuchten unsere Mitarbeiter ...") or the writer
    ("I visited Canada", "we visited the archive"), or when they went to a
    place, not to a host, to study or work ("visited Riga and worked at the archive to study
    ...", "a study tour to Estonia")."""
    words = [t.lower_ for t in sent]
    at = trigger.start - sent.start
    if at and words[at - 1] in PASSIVE_AUXILIARIES:
        return False                # "we were visited by ...": the writer's side was the host
    if _writer_subject(words, at, at + len(trigger), cues, FIRST_PERSON_WINDOW):
        return True                 # "In November I visited Canada", "we visited the Bodleian": the writer's side went
    staff = cues["staff"]
    for i, word in enumerate(words[:at]):
        if word in cues["own"] and any(w in staff for w in words[max(0, i - OWN_STAFF_WINDOW):i + 1 + OWN_STAFF_WINDOW]):
            return True             # "our librarians visited ...", "members of our library visited ..."
        if word in cues["own_adjacent"] and i + 1 < at and words[i + 1] in staff:
            return True             # French "nos bibliothécaires ont visité", not Spanish "nos visitó" (us)
    end = at + len(trigger)
    if end + 1 < len(words) and words[end] in cues["own_after"] and words[end + 1] in staff:
        return True                 # the verb second: "Im Mai besuchten unsere Mitarbeiter ..."
    went_to_place = any(role == "destination" for _, role in sent_places)
    if went_to_place and _writer_opens(words, at):
        return True                 # "I was glad to have the chance to visit France": the writer went

    # the purpose after the trigger or in it ("a study tour to Estonia")
    return went_to_place and any(w in cues["purpose"] for w in words[at:])


def event_places(doc, base: int, entities, models_dir: Optional[str] = None) -> list[tuple[Location, str]]:
    """(location, "venue" | "destination") of the paragraph's locations that can be where an
    event happened or where travellers went (see the module docstring); the places of each
    event are those of its sentence."""
    if not entities.locations:
        return []
    cues = load_place_cues(models_path(PLACE_FILE, models_dir))
    lex = load_lexicon(models_dir)
    lexicon = lex.places
    kinds = {(base + s.start_char, base + s.end_char): (s._.location or {}).get("kind")
             for s in doc.spans.get("locations", [])}
    world_regions = {(base + s.start_char, base + s.end_char) for s in doc.spans.get("locations", [])
                     if str((s._.location or {}).get("rule", "")).startswith(WORLD_REGION_ID)}
    found = []                                     # (Location, start token, end token, kind)
    for loc in entities.locations:
        if (loc.char_start, loc.char_end) in world_regions:
            continue
        span = doc.char_span(loc.char_start - base, loc.char_end - base, alignment_mode="expand")
        if span is None or not len(span):
            continue
        kind = kinds.get((loc.char_start, loc.char_end)) or (lexicon.get(loc.name) or (None, None))[1]
        found.append((loc, span.start, span.end, kind))
    place_ends = {end - 1: (start, kind) for _, start, end, kind in found}
    names = {}                                     # last token of a name → its first token
    for record in entities.institutions:
        span = doc.char_span(record.char_start - base, record.char_end - base, alignment_mode="expand")
        if span is not None and len(span):
            names[span.end - 1] = span.start
    people_ends = set()
    for record in entities.people:
        span = doc.char_span(record.char_start - base, record.char_end - base, alignment_mode="expand")
        if span is not None and len(span):
            people_ends.add(span.end - 1)
    words = (lex.function_words["determiners"], lex.function_words["name_inner_glue"] | _NAME_PUNCT,
             lex.function_words["list_conjunctions"] | _LIST_PUNCT)
    visit_words = frozenset(k for t in doc.spans.get("event_triggers", []) if (t._.event or {}).get("type") == "visit"
                            and (t._.event or {}).get("form") == "verb" for k in range(t.start, t.end))
    context = (place_ends, names, people_ends, cues, words, visit_words)
    roles = [(loc, place_role(doc, start, end, kind, context)) for loc, start, end, kind in found]
    return [(loc, role) for loc, role in roles if role in KEEP_ROLES]


def place_role(doc, start: int, end: int, kind, context) -> str:
    """What the place at tokens [start, end) is to the sentence's events: a role of
    ``models/event_places.jsonl``, "name_part" or "none"."""
    place_ends, names, people_ends, cues, (determiners, _, list_glue), visit_words = context
    sent = doc[start].sent if doc.has_annotation("SENT_START") else doc[:]
    lo = sent.start
    before = doc[sent.start:start].text            # not doc.text: it joins every token of the Doc (issue 19)
    if before.count("(") > before.count(")"):
        # "Porto (Portugal)", "Acme Books (Finland)": a country or region in brackets
        # qualifies what stands before it; a city there is the address of that name.
        if kind != "city":
            return "qualifier"
        opening = max(i for i in range(lo, start) if "(" in doc[i].text)
        inherited = _name_role(doc, opening - 1, lo, context)
        return inherited if inherited in INHERITED_ROLES else "venue"
    if end < len(doc) and doc[end].lower_ in ("'s", "’s"):
        return "qualifier"                         # "Riga's libraries"
    if end < sent.end and cues.get(doc[end].lower_) == "host_subject":
        return "venue"                             # "Riga hosted the forum"
    if (end < sent.end and doc[end].is_title and doc[end].is_alpha and not doc[end].is_sent_start
            and not any(first == end for first, _ in place_ends.values())):
        return "name_part"                         # "Riga Technical University" not recognised as a name
    if start - 2 >= lo and doc[start - 1].text == "," and start - 2 in names:
        # "to Kola Daisi University, Ibadan": the city of a name is where that name is
        inherited = _name_role(doc, start - 2, lo, context)
        if inherited in KEEP_ROLES:
            return inherited
    if kind in ("country", "region") and start - 2 >= lo and doc[start - 1].text == ",":
        previous = place_ends.get(start - 2)
        if previous is not None and previous[1] == "city":
            return "qualifier"                     # "Tbilisi, Georgia"
    j = start - 1
    while True:                                    # the word governing the place, or its list
        while j >= lo and doc[j].lower_ in determiners:
            j -= 1
        if j - 1 >= lo and doc[j].lower_ in ("of", ",") and cues.get(doc[j - 1].text) == "place_noun":
            j -= 2                                 # "in the city of Kaunas": what governs "the city"
            continue
        if j > lo and cues.get(doc[j].text) == "place_noun":
            j -= 1                                 # "in the capital Ulan Bator"
            continue
        if j >= lo and doc[j].lower_ in list_glue:
            k = _list_member_end(doc, j - 1, lo, list_glue)
            if k >= lo and doc[k].text == ")":    # "in Tallinn (Estonia) and Riga"
                opening = [i for i in range(lo, k) if doc[i].text == "("]
                k = opening[-1] - 1 if opening else k
            if k in place_ends:
                j = place_ends[k][0] - 1
                continue
            if k >= lo and _namelike(doc[k]) and k not in names and k not in people_ends:
                j = k - 1                          # a member the gazetteer does not know: "in Oskarby and Riga"
                continue
        break
    if j < lo:
        return "none"
    role = cues.get(doc[j].lower_)
    if role is None and j in visit_words:
        return "destination"                       # the object of a visit in any language: "visitó Caracas"
    if role in KEEP_ROLES and j - 1 >= lo:
        previous = cues.get(doc[j - 1].lower_)
        if previous in ("topic", "describes_item"):
            return previous                        # "dedicated to Armenia", "published in Turkey"
        if previous == "address":                  # "the library located in Bergen"
            inherited = _name_role(doc, j - 2, lo, context)
            return inherited if inherited in INHERITED_ROLES else "venue"
    if role in KEEP_ROLES and j - 1 in place_ends:
        # a place right before: "the Ambassador of France to Chile", "of Japan in Georgia"
        previous_start, previous_kind = place_ends[j - 1]
        previous = place_role(doc, previous_start, j, previous_kind, context)
        if previous == "qualifier" or (role == "venue" and previous in INHERITED_ROLES):
            return previous
        return role
    if role == "venue":
        inherited = _name_role(doc, j - 1, lo, context)
        if inherited in INHERITED_ROLES:
            return inherited
    return role or "none"


def _list_member_end(doc, k: int, lo: int, list_glue) -> int:
    """The token before the list glue ending at ``k`` (", and": both), or ``k`` when none is there."""
    while k >= lo and doc[k].lower_ in list_glue:
        k -= 1
    return k


def _name_role(doc, k: int, lo: int, context):
    """The role of the word governing the name that ends at token ``k`` ("from" in "from the
    Polish Institute"), or None when no name ends there."""
    place_ends, names, people_ends, cues, (determiners, name_glue, _), _ = context
    if k < lo:
        return None
    i = k
    if cues.get(doc[i].text) == "org_noun" and i - 1 >= lo and (_namelike(doc[i - 1]) or i - 1 in names):
        i -= 1                                     # "the Nordic Culture Institute office in Porto"
    elif not (_namelike(doc[i]) or i in names or i in place_ends):
        return None                                # "held in", "librarians in": no name before
    steps = 0
    while i >= lo and steps < NAME_WALK_MAX:
        steps += 1
        if i in names:
            i = names[i] - 1
        elif i in place_ends:
            i = place_ends[i][0] - 1
        elif _namelike(doc[i]) and i not in people_ends:
            i -= 1
        elif doc[i].lower_ in name_glue and i - 1 >= lo and i + 1 <= k and (
                (_namelike(doc[i - 1]) or i - 1 in names) and i - 1 not in people_ends):
            i -= 1                                 # "Institute of Ancient Manuscripts"
        else:
            break
    while i >= lo and doc[i].lower_ in determiners:
        i -= 1
    if i < lo:
        return None
    return cues.get(doc[i].lower_)


def _namelike(token) -> bool:
    return (token.is_title or token.is_upper) and token.is_alpha and not token.is_sent_start


def without_covered_countries(places: list[Location], models_dir: Optional[str] = None) -> list[Location]:
    """A country is not the event's place when a city or region of it is ("travelled to
    Norway and worked in Bergen" → Bergen)."""
    lexicon = load_lexicon(models_dir).places
    kinds = {id(p): (lexicon.get(p.name) or (None, None))[1] for p in places}
    covered = {p.country for p in places if kinds[id(p)] in ("city", "region") and p.country}
    return [p for p in places if not (kinds[id(p)] == "country" and p.country in covered)]


def sentence_quantities(spans, base: int, s0: int, s1: int, dates: list[DateValue]) -> list[Quantity]:
    out = []
    for span in spans:
        q0, q1 = base + span.start_char, base + span.end_char
        if not (s0 <= q0 and q1 <= s1) or span._.quantity is None:
            continue
        if any(d.char_start < q1 and q0 < d.char_end for d in dates):
            continue  # a number inside a date is not a count
        info = span._.quantity
        out.append(Quantity(value=info["value"], approximate=info["approximate"], what=info["what"],
                            char_start=q0, char_end=q1))
    return out


def confidence(how: str, form: str) -> float:
    value = {"explicit": CONFIDENCE_EXPLICIT_DATE, "carried": CONFIDENCE_CARRIED_DATE}.get(how, CONFIDENCE_NO_DATE)
    if form == "noun":
        value -= NOUN_TRIGGER_PENALTY
    return round(value, 2)


def _inside(record, s0: int, s1: int) -> bool:
    return s0 <= record.char_start and record.char_end <= s1


# ---------------------------------------------------------------- the component


class EventsComponent(RuleComponent):
    """Assembles the document's events from triggers, resolved dates and linked entities, and
    builds the records: ``doc._.events`` (:class:`Event`) and ``doc._.paragraphs``
    (:class:`Paragraph`, one per paragraph, SPEC §2). The paragraphs' working Docs end here."""

    rule_files = (CONTEXT_FILE, PLACE_FILE, FILE_OF_TYPES, ROLES_FILE) + LEXICON_FILES

    def __call__(self, doc: Doc) -> Doc:
        work = work_of(doc)
        if work.dates is None or work.entities is None:
            raise ValueError(f"{self.name} needs coop_date_context and coop_linking before it in the pipeline")
        source = work.source
        events = assemble_events(work.docs, work.blocks, work.dates, work.entities, source.doc_id, source.path,
                                 self.models_dir, work.story_date)
        doc._.events = [e for paragraph in events for e in paragraph]
        work.dates = [with_planned_dates(d, e) for d, e in zip(work.dates, events)]
        doc._.paragraphs = paragraph_records(work, events)
        end_work(doc)
        return doc


def paragraph_records(work, events) -> list[Paragraph]:
    """The SPEC §2 paragraph records of a document's finished analysis."""
    source = work.source
    return [
        Paragraph(
            doc_id=source.doc_id,
            source=Source(path=source.path, page=block.page, paragraph=block.index,
                          char_start=block.char_start, char_end=block.char_end),
            section=block.section,
            text=block.text,
            dates=listed_days(work.dates[i], block.text, block.char_start),
            people=work.entities[i].people,
            institutions=work.entities[i].institutions,
            locations=work.entities[i].locations,
            events=events[i],
        )
        for i, block in enumerate(work.blocks)
    ]


@Language.factory("coop_events", default_config={"models_dir": None},
                  assigns=["doc._.events", "doc._.paragraphs"],
                  requires=["doc._.dates", "doc._.people", "doc._.institutions", "doc._.locations"])
def make_events(nlp: Language, name: str, *, models_dir: Optional[str]):
    return EventsComponent(nlp, name, models_dir=models_dir)

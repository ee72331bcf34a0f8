"""Participants with roles (SPEC 1.1): who visited, who hosted, who gave, who received.

A pure function of the event's type, its trigger and where each person or institution stands
in the sentence, with the role vocabulary of ``models/event_roles.jsonl``: before the trigger
is the subject side, after it the object side, a preposition right before a name decides
("by", "to", "from"), a host trigger or a passive swaps the two sides, and a person's
institution takes the person's role.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

from coopextract.errors import ModelsError
from coopextract.pipeline.events.triggers import LANGUAGE_FORMS_FILE, load_language_forms
from coopextract.pipeline.events.triggers import PASSIVE_AUXILIARIES  # "was visited by": the subject side is the object
from coopextract.pipeline.lexicon import FUNCTION_WORDS_FILE, load_function_words
from coopextract.records import ROLES, EVENT_TYPES, Participant
from coopextract.rules import read_jsonl_rules

ROLES_FILE = "event_roles.jsonl"
_KEYS = {"id", "subject", "object", "prepositions", "people", "institutions", "swap_on_host", "reverse_words",
         "reverse_lemmas", "host_subject", "reverse_before", "reverse_before_lemmas", "postpositions"}
_REQUIRED = {"id", "subject", "object"}
# Abbreviated titles between a preposition and a name ("to Dr. Ana Porto", "by H.E. Mr. Lund").
_TITLES_BEFORE = re.compile(r"(?:\b(?:(?:[A-Z][a-z]{0,3}|[A-Z]\.[A-Z])\.|(?:Dr|Mr|Mrs|Ms|Prof|Sir|Dame|Hon|Rev))\s*)+$")


@dataclass(frozen=True)
class RoleRule:
    subject: str
    object: str
    prepositions: dict = field(default_factory=dict)
    people: str = ""
    institutions: str = ""
    swap_on_host: bool = False
    reverse_words: frozenset = frozenset()
    host_subject: str = ""
    passives: frozenset = PASSIVE_AUXILIARIES   # with the foreign ones of function_words.jsonl
    reverse_before: frozenset = frozenset()
    list_words: frozenset = frozenset()         # function_words.jsonl list_conjunctions
    us_before: frozenset = frozenset()          # function_words.jsonl us_before_verb
    us_glue: frozenset = frozenset()            # function_words.jsonl us_verb_glue
    agents: frozenset = frozenset({"by"})       # function_words.jsonl passive_agents
    genitives: frozenset = frozenset({"of"})    # function_words.jsonl genitive_prepositions
    postpositions: tuple = ()                   # (particle, role or ""), longest first: a case particle right after a name


@lru_cache(maxsize=4)
def load_role_rules(path: str) -> dict:
    """``event_roles.jsonl`` → {event type: RoleRule}; strict."""
    rules = {}
    words = Path(path).with_name(FUNCTION_WORDS_FILE)
    function_words = load_function_words(words) if words.exists() else {}
    passives = PASSIVE_AUXILIARIES | function_words.get("passive_auxiliaries_foreign", frozenset())
    list_words = function_words.get("list_conjunctions", frozenset())
    for n, row in read_jsonl_rules(Path(path), _KEYS, _REQUIRED, what="role file"):
        where = f"{path}:{n}"
        if row["id"] not in EVENT_TYPES:
            raise ModelsError(f"{where}: unknown event type {row['id']!r}")
        named = [row["subject"], row["object"], row.get("people") or row["subject"],
                 row.get("institutions") or row["subject"], row.get("host_subject") or row["subject"],
                 *row.get("prepositions", {}).values(), *(r for r in row.get("postpositions", {}).values() if r)]
        unknown = [r for r in named if r not in ROLES]
        if unknown:
            raise ModelsError(f"{where}: unknown roles {unknown}; SPEC 1.1 roles: {list(ROLES)}")
        rules[row["id"]] = RoleRule(row["subject"], row["object"], dict(row.get("prepositions", {})),
                                    row.get("people", ""), row.get("institutions", ""),
                                    bool(row.get("swap_on_host", False)),
                                    _reverse_words(row, Path(path).with_name(LANGUAGE_FORMS_FILE)),
                                    row.get("host_subject", ""), passives,
                                    _reverse_words(row, Path(path).with_name(LANGUAGE_FORMS_FILE),
                                                   "reverse_before", "reverse_before_lemmas"), list_words,
                                    function_words.get("us_before_verb", frozenset()),
                                    function_words.get("us_verb_glue", frozenset()),
                                    frozenset({"by"}) | function_words.get("passive_agents", frozenset()),
                                    frozenset({GENITIVE}) | function_words.get("genitive_prepositions", frozenset()),
                                    tuple(sorted(row.get("postpositions", {}).items(), key=lambda kv: -len(kv[0]))))
    return rules


def _reverse_words(row: dict, forms_path: Path, key: str = "reverse_words",
                   lemmas_key: str = "reverse_lemmas") -> frozenset:
    """The words that turn the sides round ("received a donation from"): ``reverse_words`` as
    written, and every form of ``reverse_lemmas`` ({language: [lemma]}) the language forms table
    (``lemma_forms_languages.tsv``) lists ("recibió", "recebeu", "a reçu" of recibir, receber,
    recevoir); a lemma the table does not have counts as written. The same for the words of
    ``reverse_before`` / ``reverse_before_lemmas`` (a verb before an event noun: "received a visit")."""
    words = {w.lower() for w in row.get(key, [])}
    lemmas = row.get(lemmas_key, {})
    if not isinstance(lemmas, dict) or not all(isinstance(v, list) for v in lemmas.values()):
        raise ModelsError(f"{forms_path.with_name(ROLES_FILE)}: {row['id']}: {lemmas_key} must be "
                          "{language: [lemma, ...]}")
    wanted = {(language, "predicate", lemma.lower()) for language, words_of in lemmas.items() for lemma in words_of}
    forms = load_language_forms(forms_path, wanted) if lemmas and forms_path.exists() else {}
    for language, words_of in lemmas.items():
        for lemma in words_of:
            words.update(f.lower() for f in forms.get((language, "predicate", lemma.lower()), (lemma,)))
            words.add(lemma.lower())
    return frozenset(words)


# Articles and possessives between a preposition and the name it governs ("by the X", "par la
# X", "por el X", "von der X").
_ARTICLES = frozenset(("the", "a", "an", "its", "their", "his", "her", "la", "le", "les", "l", "el", "los", "las",
                       "o", "os", "as", "un", "une", "una", "uma", "um", "der", "dem", "den"))


def _words_before(text: str, start: int, keep_articles: bool = False) -> tuple[str, list[str]]:
    """The text before offset ``start`` (abbreviated titles at its end taken off) and its
    lower-cased words, an article or possessive right before the name skipped (kept with
    ``keep_articles``)."""
    before = _TITLES_BEFORE.sub("", text[max(0, start - 60):start])
    words = re.findall(r"[^\W\d_]+", before.lower())
    while words and words[-1] in _ARTICLES and not keep_articles:
        words.pop()
    return before, words


# The preposition of a noun's complement. After the event's noun it names a side ("the visit
# of", "a donation of"); after another noun it hangs on that noun's phrase ("to the library of
# the X": the X is on the side of "to"; "the director of the X visited": on the subject's side).
GENITIVE = "of"
# How many words (a head noun and its modifiers) a genitive may hang on before their preposition.
GENITIVE_HEAD_WORDS = 3

# An elided article glued to the name, between a preposition and it: "par l’Ambassade", "dall’Università".
_ELIDED_AT_END = re.compile(r"(?<![^\W\d_])[^\W\d_]{1,4}['’]$")


def _us_before(words: list, rule: RoleRule) -> bool:
    """The words before a trigger end with an object pronoun "us" of ``rule.us_before``, at most two
    auxiliaries or light verbs of ``rule.us_glue`` after it ("nos ha visitado", "nous a rendu visite")."""
    k = len(words) - 1
    while k >= 0 and len(words) - k <= 2 and words[k] in rule.us_glue:
        k -= 1
    return k >= 0 and words[k] in rule.us_before


_PHRASE_BREAK = re.compile(r"[^\w\s'’-]")
_WORD = re.compile(r"[^\W\d_]+")


def _phrase_head(before: str) -> list[str]:
    """The lower-cased words of ``before``'s last phrase (back to its last punctuation) but its
    last word, a genitive: the noun phrase that genitive hangs on ("by the director" of "by the
    director of")."""
    return _WORD.findall(_PHRASE_BREAK.split(before)[-1].lower())[:-1]


def _preposition(text: str, start: int, rule: RoleRule, after_trigger: Optional[int] = None):
    """The role a preposition (one or two words) right before offset ``start`` gives, if any. A
    bare ``GENITIVE`` gives its own role only right after the trigger, which ends at offset
    ``after_trigger`` (None: the name is before the trigger); after another noun, the role of
    the preposition before that noun's phrase, if there is one."""
    before, words = _words_before(text, start)
    if len(words) >= 2 and " ".join(words[-2:]) in rule.prepositions:
        return rule.prepositions[" ".join(words[-2:])]
    tail = _ELIDED_AT_END.sub("", before.rstrip()).rstrip()
    # a genitive of another language ("de", "des", "della": ``rule.genitives``) hangs on the noun
    # before it as "of" does, but names no side of its own right after the trigger
    foreign = bool(words) and words[-1] not in rule.prepositions and words[-1] in rule.genitives - {GENITIVE}
    if not (words and (words[-1] in rule.prepositions or foreign) and tail[-1:].isalpha()):
        return None
    if words[-1] != GENITIVE and not foreign:
        return rule.prepositions[words[-1]]
    if after_trigger is None:
        return None
    between = [w for w in re.findall(r"[^\W\d_]+", text[after_trigger:start].lower()) if w not in _ARTICLES]
    if between == [GENITIVE]:
        return rule.prepositions[GENITIVE]
    if foreign and len(between) == 1:
        return None                                        # right after the trigger
    head = _phrase_head(before)
    for w in reversed(head[-GENITIVE_HEAD_WORDS - 1:]):
        if w in rule.prepositions and w not in rule.genitives:
            return rule.prepositions[w]
    return None


# The word before a trigger that opens its sentence (the paragraph's start, a sentence end).
SENTENCE_OPENERS = frozenset({"", ".", "!", "?", ":", ";", "\n", "\n\n"})


def _agent_before(text: str, start: int, rule: RoleRule) -> bool:
    """Whether the agent of a passive ("by", "par", "por", "dal": ``rule.agents``; an article or
    title between allowed) stands right before offset ``start``, or before the head noun of the
    genitive the name hangs on ("by the director of the X", "por el director de la X")."""
    before, words = _words_before(text, start)
    if not words or (words[-1] not in rule.agents and words[-1] not in rule.genitives):
        return False
    if words[-1] in rule.agents:
        return True
    head = [w for w in _phrase_head(before) if w not in _ARTICLES]
    return any(w in rule.agents for w in head[-GENITIVE_HEAD_WORDS - 1:])


def _passive_host(trigger_words, rule: RoleRule) -> bool:
    """A host trigger in the passive: an English auxiliary among its words ("the delegation was
    received"), or one of another language among the two words before its verb, which ends it
    ("la délégation a été accueillie", "la delegación fue recibida"; not an auxiliary of a tense
    before a verb that opens the trigger: "je primio delegaciju")."""
    return bool(PASSIVE_AUXILIARIES.intersection(trigger_words)) or (
        len(trigger_words) >= 3 and bool(rule.passives.intersection(trigger_words[-3:-1])))


# What may stand between two members of a list besides commas and list conjunctions.
_LIST_GAP = re.compile(r"[^\W\d_]+|[^\w\s,&]")


# Prepositions after a participle set off by a comma that make it a reduced passive ("The
# college, founded in 1971, ..."; an active verb after a comma takes its object: "toured the
# stacks, visited the reading room").
REDUCED_PASSIVE_NEXT = frozenset({"in", "on", "at", "during"})


def _reduced_passive(word_before: str, trigger_words, rule: RoleRule) -> bool:
    """An English past participle right after a comma and followed by a preposition of time or
    place or by the agent's word: a clause set off after the name it tells of, in the passive
    ("The archive, opened in 1990, ...", "the memorandum, signed by both directors, ...")."""
    return (word_before == "," and len(trigger_words) >= 2 and trigger_words[0].endswith("ed")
            and (trigger_words[1] in REDUCED_PASSIVE_NEXT or trigger_words[1] in rule.agents))


def _name_end(text: str, record, base: int) -> int:
    """Where ``record``'s name ends in ``text``: a record of a script whose tokens hold their
    particles ends with its token ("도서관을"), its name before the particle ("도서관")."""
    start = record.char_start - base
    return start + len(record.name) if record.name and text.startswith(record.name, start) else record.char_end - base


def _postposition(text: str, end: int, rule: RoleRule) -> str:
    """The role a case particle written right after a name gives it (Korean "도서관을 방문": the
    place visited; Japanese "協会から": the giver), the longest of ``rule.postpositions`` first;
    "" when none follows or the particle says nothing of the role ("에서": at or from)."""
    for particle, role in rule.postpositions:
        if text.startswith(particle, end):
            return role
    return ""


def _listed_after(text: str, end: int, start: int, rule: RoleRule) -> bool:
    """Whether the name at ``start`` follows the one ending at ``end`` as the next member of a
    list: only a comma or a list conjunction (and articles, abbreviated titles) between them."""
    if not 0 <= end <= start <= len(text):
        return False
    gap = _TITLES_BEFORE.sub("", text[end:start])
    if not gap.strip() or ("," not in gap and not rule.list_words.intersection(gap.lower().split())):
        return False
    return all(w in rule.list_words or w in _ARTICLES for w in _LIST_GAP.findall(gap.lower()))


# Languages whose finite verb stands second: after a fronted date or adverbial its subject
# follows it ("Am 3. Mai besuchte Anna Berg die Stadtbibliothek").
VERB_SECOND = frozenset({"de", "nl", "sv", "nb", "no", "da", "is", "af"})
# Languages whose clause opens with its verb, its subject right after it ("أهدت المكتبة ...": the
# library presented ...): with no name before the verb, the first name after it is its subject.
VERB_FIRST = frozenset({"ar"})


def assign_roles(kind: str, rules: dict, text: str, base: int, trigger: tuple, form: str,
                 people: list, institutions: list, inverted: bool = False,
                 participle: bool = False) -> list[Participant]:
    """Participants of one event. ``text``: the paragraph's text, ``base`` its document offset;
    ``trigger``: (start, end, words before it) in document offsets; ``people``/``institutions``:
    the event's records (document offsets). ``inverted``: the verb stands second after a fronted
    date (see :data:`VERB_SECOND`): of two names after it, the first is its subject.
    ``participle``: the trigger is a passive participle with its year ("fondée en 1971"), so
    the names before it are what it tells of."""
    rule = rules.get(kind)
    if rule is None:
        return []
    t0, t1, word_before, trigger_words = trigger
    # a host trigger or a passive swaps the sides; a host trigger in the passive ("was hosted at
    # the library") swaps them back: its subject is the guest
    # (a host trigger whose guests come first holds its auxiliary: "the delegation was received")
    # (and a foreign one before a verb: "fue visitada por", "a été visitée par")
    # a participle set off after the name it tells of ("The college, founded in 1971, ..."): a
    # passive whose subject stands before it, on the object's side where no swap says so
    reduced = form == "verb" and (participle or _reduced_passive(word_before, trigger_words, rule))
    passive = (word_before in PASSIVE_AUXILIARIES or (form == "verb" and word_before in rule.passives)
               or (form == "host" and _passive_host(trigger_words, rule)) or reduced)
    swapped = rule.swap_on_host and ((form == "host") != passive)
    subject_role, object_role = rule.subject, rule.object
    if swapped:
        subject_role, object_role = (rule.host_subject or rule.object), rule.subject
    if set(trigger_words) & rule.reverse_words:
        subject_role, object_role = object_role, subject_role
    # an event noun after a verb of receiving ("the library received a visit from ...",
    # "menerima kunjungan dari", "recibió la visita de"): its subject is the object's side
    # (a trigger after an article is a noun whatever its rule: "recibió la visita" read as a verb form)
    elif rule.reverse_before and 0 <= t0 - base <= len(text):
        words = _words_before(text, t0 - base, keep_articles=True)[1]
        noun = form == "noun" or (words and words[-1] in _ARTICLES)
        while words and words[-1] in _ARTICLES:
            words.pop()
        if noun and words and words[-1] in rule.reverse_before:
            subject_role, object_role = object_role, subject_role
    # "us" before the verb (Spanish "nos ha visitado el director"): the writer's side is the
    # object, so the names after the verb are its subject
    us_object = rule.us_before and 0 <= t0 - base <= len(text) and _us_before(
        _words_before(text, t0 - base, keep_articles=True)[1], rule)
    # a participle clause opening the sentence ("Presenting the books on Wednesday, the embassy
    # ..."): the clause's subject comes after it, so names after the trigger act unless a
    # preposition says otherwise ("to the library")
    opening = trigger_words[:1] and trigger_words[0].endswith("ing") and word_before in SENTENCE_OPENERS

    # a guest received in the passive ("was welcomed by the director", "were received by"):
    # the name after "by" (or after "the director of" that follows it) receives, so it takes the
    # object's side; a name inside the trigger, between the guests' noun and the verb ("the
    # delegation of the X was welcomed"), is on the guests' side
    received = form == "host" and passive

    # the members of a list take the role of its first ("organised by the X, the Y and the Z",
    # "to the X and the Y"): a name with only commas and "and" between it and the name before
    ordered = sorted([*people, *institutions], key=lambda r: r.char_start)
    listed = {}
    previous = None
    for record in ordered:
        if previous is not None and _listed_after(text, previous.char_end - base, record.char_start - base, rule):
            listed[id(record)] = listed.get(id(previous), previous)
        previous = record
    # an inverted clause: the first of two names (or lists) after the verb is its subject
    heads_after = [r for r in ordered if r.char_start >= t0 and id(r) not in listed] if inverted else []
    inverted_subject = id(heads_after[0]) if len(heads_after) >= 2 else None

    def role_of(record, fixed: str) -> str:
        if fixed:
            return fixed
        local = record.char_start - base
        if received and record.char_start >= t1 and _agent_before(text, local, rule):
            return rule.host_subject or object_role     # "were trained by X", "was hosted by X": X organised it
        if received and t0 <= record.char_start and record.char_end <= t1:
            return subject_role
        before = record.char_end <= t0
        case = _postposition(text, _name_end(text, record, base), rule) if rule.postpositions else ""
        if case:
            return case
        by_word = (_preposition(text, local, rule, None if before else t1 - base)
                   if 0 <= local <= len(text) else None)
        if by_word:
            return by_word
        if before and reduced and not rule.swap_on_host:
            return object_role
        return subject_role if before or opening or us_object or id(record) == inverted_subject else object_role

    def role_in_list(record, fixed: str) -> str:
        first = listed.get(id(record))
        return role_of(record, fixed) if first is None or fixed else role_of(first, fixed)

    out, person_roles = [], {}
    for person in people:
        role = role_in_list(person, rule.people)
        person_roles.setdefault(person.affiliation, role)
        out.append(Participant(role=role, name=person.name, kind="person",
                               char_start=person.char_start, char_end=person.char_end))
    for inst in institutions:
        own = role_in_list(inst, rule.institutions)
        role = rule.institutions or person_roles.get(inst.name) or own
        out.append(Participant(role=role, name=inst.name, kind="institution",
                               char_start=inst.char_start, char_end=inst.char_end))
    return out

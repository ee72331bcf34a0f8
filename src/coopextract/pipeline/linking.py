"""Document-level entity linking: acronyms, merged name variants, roles, affiliations.

``resolve_entities(docs, blocks)`` → one :class:`Entities` per block, with document offsets.

* **Acronyms.** An acronym defined anywhere in the document ("… Academy of Sciences (ANAS)")
  or known (``models/acronyms_known.jsonl``) is an institution wherever it stands alone
  ("ANAS", "the CSL's"); its mention gets the full name and the acronym.
* **Institutions.** Mentions whose content words are the same once acronyms are expanded
  ("Central Scientific Library of ANAS" = "ANAS Central Scientific Library") are one
  institution; a name that another name of the document begins with ("Presidential Library"
  → "Presidential Library of …") is a short form of it. Every mention carries the fullest
  form as ``name``, and the first country any of its mentions gives.
* **People.** Mentions are clustered: a prefix of a longer name ("Karim Rahimi"), the same surname
  with compatible given names or initials ("N. Abenov"), a surname alone after a title
  or when it is a known surname ("Ms. Perez"), and spelling variants
  (rapidfuzz, ``NAME_SIMILARITY``: "Aliyev"/"Aliev"). Every mention carries the fullest
  form. Single words that match no full name are dropped.
* **Affiliations** point to the canonical institution name.
"""

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Optional

from rapidfuzz import fuzz

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from coopextract.pipeline.document import RuleComponent, work_of
from coopextract.pipeline.lexicon import LEXICON_FILES, is_initial, load_lexicon
from coopextract.records import Institution, Location, Person

# Two spellings of one name when their similarity (rapidfuzz ratio, 0–100) reaches this and
# their first letters agree: "Rustam Aliyev"/"Rustam Aliev" score 96; different people with
# one surname ("Ilkin Hasanov"/"Aydan Hasanov") score below 75. Chosen between the two.
NAME_SIMILARITY = 88


@dataclass
class Entities:
    people: list[Person] = field(default_factory=list)
    institutions: list[Institution] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)


@dataclass
class _Mention:
    block: int
    start: int            # document offsets
    end: int
    data: dict


def resolve_entities(docs, blocks, models_dir: Optional[str] = None) -> list[Entities]:
    lex = load_lexicon(models_dir)
    out = [Entities() for _ in blocks]
    inst = _institution_mentions(docs, blocks, lex)
    canon, countries = _canonical_institutions(inst, lex)
    first_named = {}                             # a name → (block, start) of its first mention as written
    for m in inst:
        first_named.setdefault(m.data["name"], (m.block, m.start))
    by_start = {}
    for m in inst:
        name = canon[m.data["name"]]
        own = m.data.get("country")
        if own and countries.get(name) and own != countries[name]:
            name = m.data["name"]                # "National Library in Ankara" is not "… of Azerbaijan"
        full = first_named.get(name)
        if name != m.data["name"] and full and full[0] == m.block and full[1] > m.start:
            name = m.data["name"]                # "X of the National Library visited the National Library of
                                                 # Fiji": a short form before the long one in its paragraph is another
        country = own or countries.get(name)
        by_start[m.start] = name
        out[m.block].institutions.append(Institution(name=name, acronym=m.data.get("acronym"), country=country,
                                                     char_start=m.start, char_end=m.end))
    for m in _people(docs, blocks, lex.function_words["generational_suffixes"]):
        aff = by_start.get(m.data.get("affiliation_start"))
        out[m.block].people.append(Person(name=m.data["name"], title=m.data.get("title"), role=m.data.get("role"),
                                          affiliation=aff, char_start=m.start, char_end=m.end))
    for i, (doc, block) in enumerate(zip(docs, blocks)):
        for span in doc.spans.get("locations", []):
            loc = span._.location or {}
            out[i].locations.append(Location(name=span.text, country=loc.get("country"), geonames_id=loc.get("geonames_id"),
                                             char_start=block.char_start + span.start_char,
                                             char_end=block.char_start + span.end_char))
    for ents in out:
        ents.people.sort(key=lambda p: p.char_start)
        ents.institutions.sort(key=lambda p: p.char_start)
    return out


# ---------------------------------------------------------------- institutions

def _institution_mentions(docs, blocks, lex) -> list[_Mention]:
    mentions, defined = [], {}
    for i, (doc, block) in enumerate(zip(docs, blocks)):
        for span in doc.spans.get("institutions", []):
            data = dict(span._.institution or {"name": span.text})
            if data.get("acronym") and data.get("acronym_from") == "text":
                defined.setdefault(data["acronym"], data["name"])
            # names inside a token (Chinese, Japanese: a clause is one token) have their own characters
            for name, start, end in data.pop("inside", None) or [(data["name"], span.start_char, span.end_char)]:
                mentions.append(_Mention(i, block.char_start + start, block.char_start + end, {**data, "name": name}))
    # acronyms defined in the document, used alone anywhere in it
    if defined:
        defined_ids = {get_string_id(a) for a in defined}
        for i, (doc, block) in enumerate(zip(docs, blocks)):
            spans = doc.spans.get("institutions", [])
            taken = {t for s in spans for t in range(s.start, s.end + (3 if (s._.institution or {}).get("acronym") else 0))}
            for t in (t for t, orth in enumerate(doc.to_array(ORTH).tolist()) if orth in defined_ids):
                tok = doc[t]                     # (a Token object only for the acronyms' words)
                if tok.text in defined and tok.i not in taken and tok.text not in lex.acronyms:
                    mentions.append(_Mention(i, block.char_start + tok.idx, block.char_start + tok.idx + len(tok.text),
                                             {"name": defined[tok.text], "acronym": tok.text, "country": None}))
    for m in mentions:                           # a known acronym defined in the text: its text's name wins
        if m.data.get("acronym_from") == "known" and m.data["acronym"] in defined:
            m.data["name"] = defined[m.data["acronym"]]
    mentions.sort(key=lambda m: m.start)
    return mentions


def _expand(name: str, acronyms: dict) -> list[str]:
    words = []
    for w in name.replace("’s", "").replace("'s", "").split():
        words.extend(acronyms[w].split() if w in acronyms else [w])
    return words


def _key(name: str, acronyms: dict, glue: frozenset) -> frozenset:
    """The content words of a name, acronyms expanded and ``glue`` words left out."""
    return frozenset(w.lower().strip(",") for w in _expand(name, acronyms) if w.lower() not in glue)


def _canonical_institutions(mentions, lex) -> tuple[dict, dict]:
    glue = lex.function_words["name_compare_glue"]
    acronyms = {a: n for a, (n, _) in lex.acronyms.items()}
    acronyms.update({m.data["acronym"]: m.data["name"] for m in mentions
                     if m.data.get("acronym") and m.data.get("acronym_from") == "text"})
    names = list(dict.fromkeys(m.data["name"] for m in mentions))
    # same content words → one institution, the longest spelling
    groups: dict[frozenset, list[str]] = {}
    for n in names:
        groups.setdefault(_key(n, acronyms, glue), []).append(n)
    canon = {}
    for members in groups.values():
        best = max(members, key=lambda n: (len(_expand(n, {})), len(n)))
        for n in members:
            canon[n] = best
    # a short form that a longer name of the document begins with
    fulls = list(dict.fromkeys(canon.values()))
    starting = _at_spaces(fulls, lambda f, at: f[:at])          # n → the fulls that begin with n + " "
    for n in fulls:
        longer = [f for f in starting.get(n, ()) if f != n and f[len(n) + 1:].split()[0] in glue]
        if longer:                           # several: the one the document names first
            target = longer[0]
            for k, v in canon.items():
                if v == n:
                    canon[k] = target
    # a short form whose words all occur in exactly one longer name with the same head word
    fulls = list(dict.fromkeys(canon.values()))
    keys = {f: _key(f, acronyms, glue) for f in fulls}
    ending = _at_spaces(fulls, lambda f, at: f[at + 1:])        # n → the fulls that end with " " + n
    for n in fulls:
        longer = [f for f in ending.get(n, ()) if f != n and keys[n] < keys[f]]
        if len(longer) == 1:
            for k, v in canon.items():
                if v == n:
                    canon[k] = longer[0]
    countries: dict[str, str] = {}
    for m in sorted(mentions, key=lambda m: m.data["name"] != canon[m.data["name"]]):   # the full name's own first
        if m.data.get("country"):
            countries.setdefault(canon[m.data["name"]], m.data["country"])
    return canon, countries


def _at_spaces(names: list, part) -> dict:
    """{part(name, i): [name, …]} for every space ``i`` of each name, each list in the order of
    ``names`` and without repeats: the names that begin (``name[:i]``) or end (``name[i + 1:]``)
    with a given name, found without comparing every pair of names."""
    out: dict[str, list] = {}
    for name in names:
        for key in dict.fromkeys(part(name, i) for i, c in enumerate(name) if c == " "):
            out.setdefault(key, []).append(name)
    return out


# ---------------------------------------------------------------- people

def _people(docs, blocks, generational: frozenset) -> list[_Mention]:
    mentions = []
    for i, (doc, block) in enumerate(zip(docs, blocks)):
        for span in doc.spans.get("people", []):
            data = dict(span._.person or {"name": span.text})
            # names inside a token (Chinese, Japanese: a clause is one token) have their own characters
            for data in [dict(d) for d in data.pop("inside", None) or [data]]:
                if data.get("affiliation") is not None:
                    data["affiliation_start"] = block.char_start + data["affiliation"]
                start, end = data.pop("chars", None) or (span.start_char, span.end_char)
                mentions.append(_Mention(i, block.char_start + start, block.char_start + end, data))
    mentions.sort(key=lambda m: m.start)
    _complete_guessed(mentions)
    _drop_sentence_openers(mentions, generational)
    full = [m for m in mentions if m.data.get("evidence") and len(_words(m.data["name"], generational)) >= 2]
    full_ids = {id(m) for m in full}
    parent = list(range(len(mentions)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    index = {id(m): k for k, m in enumerate(mentions)}
    # one comparison per pair of distinct names, among the names that share a first word, a
    # last word or a length and initial (the only pairs _same_person can accept)
    by_name: dict[tuple, list[int]] = {}
    for m in full:
        by_name.setdefault(tuple(_words(m.data["name"], generational)), []).append(index[id(m)])
    for ks in by_name.values():
        for k in ks[1:]:
            parent[find(k)] = find(ks[0])
    distinct = list(by_name)
    for a, b in _candidate_pairs(distinct):
        x, y = list(distinct[a]), list(distinct[b])
        if _same_person(x, y) or _same_person(y, x):     # either order, as every mention pair was
            parent[find(by_name[distinct[a]][0])] = find(by_name[distinct[b]][0])
    # single words (surnames): the nearest earlier full name with that surname, else the first later
    by_last: dict[str, list[_Mention]] = {}
    by_first_hyphenated: dict[str, list[_Mention]] = {}
    for f in full:                                       # in document order
        fw = _words(f.data["name"], generational)
        by_last.setdefault(fw[-1], []).append(f)
        if f.data["name"].count("-"):                    # "Park Ji-hoon"
            by_first_hyphenated.setdefault(fw[0], []).append(f)
    for k, m in enumerate(mentions):
        words = _words(m.data["name"], generational)
        if len(words) != 1 or id(m) in full_ids:
            continue
        match = by_last.get(words[0]) or by_first_hyphenated.get(words[0])
        if not match:
            continue
        at = bisect_left(match, m.start, key=lambda f: f.start)
        target = match[at - 1] if at > 0 else match[0]
        parent[k] = find(index[id(target)])
    clusters: dict[int, list[_Mention]] = {}
    for k, m in enumerate(mentions):
        clusters.setdefault(find(k), []).append(m)
    kept = []
    for members in clusters.values():
        if not any(id(mm) in full_ids or mm.data.get("title") or mm.data.get("single_name") for mm in members):
            continue
        best = max((mm.data["name"] for mm in members), key=lambda n: (len(_words(n, generational)), len(n), n))
        for mm in members:
            mm.data["name"] = best
            kept.append(mm)
    kept.sort(key=lambda m: m.start)
    return kept


def _complete_guessed(mentions: list) -> None:
    """A Japanese surname cut by its usual length from the stretch before a post
    (people/scripts.py, ``stretch``: "黄義" of "黄義冽慶尚") is the longest other name of the
    document that the stretch begins with ("黄義冽"), when there is one."""
    guessed = [m for m in mentions if m.data.get("stretch")]
    if not guessed:
        return
    names = {m.data["name"] for m in mentions if not m.data.get("stretch")}
    for m in guessed:
        stretch = m.data.pop("stretch")
        longer = [n for n in names if stretch.startswith(n) and len(n) > len(m.data["name"])]
        if longer:
            best = max(longer, key=len)
            m.end += len(best) - len(m.data["name"])
            m.data["name"] = best


def _drop_sentence_openers(mentions: list, generational: frozenset) -> None:
    """'Later Rustam Aliev signed': a sentence-opening word before a name the document gives
    elsewhere without it is not part of the name."""
    names = [_words(m.data["name"], generational) for m in mentions]
    others = list(dict.fromkeys(tuple(w) for w in names if len(w) >= 2))
    blocks = _blocks(others)
    for m, words in zip(mentions, names):
        if m.data.get("sent_start") and len(words) >= 3:
            rest = words[1:]
            candidates = {k for key in _block_keys(rest) for k in blocks.get(key, ())}
            if any(list(others[k]) != words and others[k][0] != words[0] and _same_person(rest, list(others[k]))
                   for k in sorted(candidates)):
                first = m.data["name"].split()[0]
                m.start += len(first) + 1
                m.data["name"] = m.data["name"][len(first) + 1:]


def _block_keys(words) -> tuple:
    """Keys under which two names that _same_person may accept meet: the same first word (one
    begins the other), the same last word (one surname), the same length and first letter
    (spelling variants)."""
    return (("first", words[0]), ("last", words[-1]), ("shape", len(words), words[0][:1]))


def _blocks(names: list) -> dict:
    out: dict = {}
    for k, words in enumerate(names):
        for key in _block_keys(words):
            out.setdefault(key, []).append(k)
    return out


def _candidate_pairs(names: list) -> list[tuple[int, int]]:
    """Index pairs (a < b) of the distinct ``names`` that share a block, each pair once."""
    pairs = set()
    for members in _blocks(names).values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                pairs.add((a, b))
    return sorted(pairs)


def _words(name: str, generational: frozenset) -> list[str]:
    """The words of a name that tell who it is: without a suffix of a generation of
    ``generational`` (``function_words.jsonl``; "Robert T. Lane III", "John Doe, Jr." are compared
    as "Robert T. Lane", "John Doe")."""
    words = [w for w in name.replace("-", " - ").split() if w != "-"]
    if len(words) > 2 and words[-1].lower() in generational:
        words = words[:-1]
        words[-1] = words[-1].rstrip(",")
    return words


def _same_person(a: list[str], b: list[str]) -> bool:
    if len(a) == len(b) and sum(map(is_initial, a)) > sum(map(is_initial, b)):
        a, b = b, a                                        # the form with initials is the short one
    short, long_ = (a, b) if len(a) < len(b) or (len(a) == len(b) and sum(map(is_initial, a)) > 0) else (b, a)
    if long_[: len(short)] == short:                       # "Karim Rahimi" / "Karim Rahimi Tabrizi"
        return True
    if short[-1] == long_[-1] and _given_compatible(short[:-1], long_[:-1]):   # "A. Rakhimjanov"
        return True
    if len(a) == len(b) and a[0][:1] == b[0][:1]:
        return fuzz.ratio(" ".join(a), " ".join(b)) >= NAME_SIMILARITY
    return False


def _given_compatible(short: list[str], long_: list[str]) -> bool:
    """Given names agree: equal words, or initials standing for them ('A.', 'A.R.')."""
    if not short or not long_:
        return True
    if all(is_initial(w) for w in short):
        initials = [c for w in short for c in w.replace(".", "")]
        return [w[:1] for w in long_[: len(initials)]] == initials
    return short[0] == long_[0]


# ---------------------------------------------------------------- the component


class LinkingComponent(RuleComponent):
    """Links the mentions of the whole document: ``doc._.people``, ``doc._.institutions`` and
    ``doc._.locations`` (records with canonical names, acronyms, roles, affiliations)."""

    rule_files = LEXICON_FILES

    def __call__(self, doc: Doc) -> Doc:
        work = work_of(doc)
        work.entities = resolve_entities(work.docs, work.blocks, self.models_dir)
        doc._.people = [p for e in work.entities for p in e.people]
        doc._.institutions = [x for e in work.entities for x in e.institutions]
        doc._.locations = [x for e in work.entities for x in e.locations]
        return doc


@Language.factory("coop_linking", default_config={"models_dir": None},
                  assigns=["doc._.people", "doc._.institutions", "doc._.locations"], requires=["doc.spans"])
def make_linking(nlp: Language, name: str, *, models_dir: Optional[str]):
    return LinkingComponent(nlp, name, models_dir=models_dir)

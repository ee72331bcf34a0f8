"""People written in scripts without capital letters: Chinese, Japanese, Korean and Arabic.

The rules of :mod:`find_people` read capitalised words; these scripts have none, so a name is
taken only beside a post or a title (evidence ``role`` or ``title``), and only by its form:

* **Chinese** (Han, no hiragana in the paragraph). A clause is one token (``build.EXTRA_INFIXES``),
  so names are read inside it, as :func:`find_institutions._cjk_names` reads institutions: a
  post (``cjk_name_roles`` and ``cjk_person_roles``, with a prefix of ``cjk_role_prefixes``)
  followed or preceded by a family name of ``family_names_han.txt`` and one or two characters,
  which a boundary ends (``cjk_name_boundaries``, ``cjk_person_ends``, another post, the end of
  the clause): "馆长周和平率团", "王淑英副总领事". A transliterated name, its parts joined by a
  middle dot, after a post: "馆长朱迪思·纳德勒进行…". A stretch of two characters ending in a
  place or body character (``cjk_not_name_end``: "韩国大使") is none.
* **Japanese** (hiragana in the paragraph: particles end the stretch). The name written before
  its post, up to four Han characters ("寺本康俊図書館長", "秦図書館長"); units written between
  the surname and the post are taken off (an institution of the paragraph, the endings of
  ``institution_suffixes.txt``, ``cjk_person_units``): "熊谷附属図書館事務部長" → 熊谷. When
  more is left than a name, its first JAPANESE_SURNAME_CHARS characters are the surname
  ("松原言語文化部教授" → 松原), and the stretch is kept (``stretch``) so that the document's
  linking can prefer a longer name of the document that the stretch begins with.
* **Korean**: a word of two or three syllables (four with a double family name) beginning with
  a family name of ``family_names_hangul.txt`` right before or after a post of ``roles.txt``
  ("관장 홍길동은", "김철수 교수"); particles (``attached_particles``) taken off; not a listed
  word (``hangul_not_names``), not an institution's name.
* **Arabic**: after a title of ``titles.txt`` ("الدكتور", "د.") or after a post of ``roles.txt``
  (with its article or a glued "و": "ونائب") and its complement (words with the article,
  prepositions and their objects, nouns in construct, "(IFLA)"): a given name, "بن X" pairs
  (``patronymic_particles``), one more word; at most ARABIC_NAME_MAX_WORDS when a boundary
  follows (punctuation, a preposition of ``arabic_name_ends``, a post). Not a body's name
  (``arabic_body_nouns``: "مدير مكتبة الاسكندرية") nor a listed function word
  (``arabic_not_names``).

A name inside a token carries its own characters (``chars``) for the records; the span is the
token (spans are made of tokens, ``Doc.char_span(alignment_mode="expand")``).
"""

import re
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Span

from coopextract.pipeline.document import text_of
from coopextract.pipeline.lexicon import ARABIC_PROCLITICS, HAN, HIRAGANA, Lexicon, word_alternation

# Any character of the four scripts: a paragraph without one is left at once.
_SCRIPTS = re.compile(f"[{HAN}\u3040-\u30ff\uac00-\ud7af\u0600-\u06ff]")
_HAN_ANY = re.compile(f"[{HAN}]")
_HANGUL_WORD = re.compile("^[\uac00-\ud7af]+$")
_ARABIC_WORD = re.compile("^[\u0621-\u064a\u0671-\u06d3\u064b-\u065f]+$")
_HAN_ONLY = re.compile(f"^[{HAN}\u3005]+$")
# The marks of an indefinite ending (tanween: -an, -un, -in), which names in running text do not carry.
_TANWEEN = re.compile("[\u064b-\u064d]")
# Chinese: Han runs, the parts of a transliterated name joined by a middle dot.
_CHINESE_RUN = re.compile(f"[{HAN}]+(?:[·・‧•][{HAN}]+)*")
_DOT_NAME = re.compile(f"[{HAN}]{{1,4}}(?:[·・‧•][{HAN}]{{1,6}})+")
# Japanese: Han, katakana, the long-vowel mark and the iteration mark (佐々木).
_JAPANESE_RUN = re.compile(f"[{HAN}\u30a1-\u30fa\u30fc\u3005]+")

# Longest Japanese name written whole before its post ("寺本康俊図書館長": family and given name).
JAPANESE_NAME_MAX_CHARS = 4
# Characters of a Japanese surname taken when more than a name stands before the units of a
# post ("松原言語文化部教授"): two is the commonest length of a Japanese family name.
JAPANESE_SURNAME_CHARS = 2
# Characters after a Chinese family name: one or two given-name characters.
CHINESE_GIVEN_MAX = 2
# Words a post's complement may run before the name: "الأمين العام للاتحاد الدولي لجمعيات
# ومؤسسات المكتبات (IFLA) شارون ميمس" has 8 (the parenthesis counted as one).
ARABIC_COMPLEMENT_MAX = 10
# Most words of an Arabic name: given name, "بن" + father's name, family name.
ARABIC_NAME_MAX_WORDS = 4
_AR_ARTICLE_FORMS = ("ال", "وال", "بال", "فال", "كال", "لل", "وبال", "ولل")


def has_script_text(text: str) -> bool:
    """The text holds a character of one of the four scripts (ASCII text is answered at once)."""
    return not text.isascii() and _SCRIPTS.search(text) is not None


@lru_cache(maxsize=8)
def _script_words(roles: frozenset, pattern: str) -> frozenset:
    """The words of ``roles`` written in one script."""
    rx = re.compile(pattern)
    return frozenset(w for w in roles if rx.match(w))


class _Found:
    """Script names of one paragraph, one per character range."""

    def __init__(self, doc: Doc):
        self.doc, self.items, self.seen = doc, [], set()

    def add(self, start: int, end: int, name: str, info: dict, inside: bool = True) -> None:
        if (start, end) in self.seen or end <= start:
            return
        span = self.doc.char_span(start, end, label="PERSON", alignment_mode="expand")
        if span is None or not len(span):
            return
        self.seen.add((start, end))
        info = {"name": name, "title": None, "role": None, "affiliation": None, "sent_start": False,
                "words": len(name.split()), **info}
        if len(name.split()) == 1:
            info["single_name"] = True       # a name written without spaces is whole (linking keeps it)
        if inside and (span.start_char, span.end_char) != (start, end):
            info["chars"] = (start, end)     # the name's own characters inside the token
        self.items.append((span, info))


def find_script_people(doc: Doc, lex: Lexicon, inst_tokens: set) -> list[tuple[Span, dict]]:
    """Names in Chinese, Japanese, Korean and Arabic script of a paragraph, as (span, info)."""
    text = text_of(doc)
    if not has_script_text(text):
        return []
    found = _Found(doc)
    if _HAN_ANY.search(text):
        if HIRAGANA.search(text):
            _japanese(doc, text, lex, found)
        else:
            _chinese(text, lex, found)
    _korean(doc, lex, inst_tokens, found)
    _arabic(doc, lex, found)
    return found.items


# ---------------------------------------------------------------- Chinese and Japanese

def _cjk_lists(lex: Lexicon):
    fw = lex.function_words
    ends = fw.get("cjk_person_ends", frozenset())
    posts = (fw.get("cjk_name_roles", frozenset()) | fw.get("cjk_person_roles", frozenset())) - ends
    prefixes = fw.get("cjk_role_prefixes", frozenset())
    return posts, prefixes, ends


def _post_pattern(posts: frozenset, prefixes: frozenset) -> Optional[re.Pattern]:
    """Posts with the prefixes written before them ("副总领事"), as one regex."""
    post, prefix = word_alternation(posts), word_alternation(prefixes)
    if post is None:
        return None
    return re.compile(f"(?:{prefix.pattern})*(?:{post.pattern})" if prefix else post.pattern)


def _chinese(text: str, lex: Lexicon, found: _Found) -> None:
    posts, prefixes, ends = _cjk_lists(lex)
    post_rx = _post_pattern(posts, prefixes)
    if post_rx is None:
        return
    fw = lex.function_words
    stop_rx = word_alternation(fw.get("cjk_name_boundaries", frozenset()) | ends)
    not_end = fw.get("cjk_not_name_end", frozenset())
    for run in _CHINESE_RUN.finditer(text):
        chunk, base = run.group(), run.start()
        post_spans = [m.span() for m in post_rx.finditer(chunk)]
        if not post_spans:
            continue
        post_starts = {a for a, _ in post_spans}
        post_ends = {b for _, b in post_spans}

        def ends_here(at: int) -> bool:        # a name may end right before ``at`` (not past the run)
            if at >= len(chunk):
                return at == len(chunk)
            return (at in post_starts or chunk[at] in "·・‧•"
                    or (stop_rx is not None and stop_rx.match(chunk, at) is not None))

        def starts_here(at: int) -> bool:      # a name may start at ``at``
            if at == 0 or at in post_ends:
                return True
            return stop_rx is not None and any(m.end() == at for m in stop_rx.finditer(chunk, max(0, at - 4), at))

        for a, b in post_spans:
            role = chunk[a:b]
            # after the post: "馆长周和平率团", "馆长朱迪思·纳德勒进行"
            dotted = _DOT_NAME.match(chunk, b)
            if dotted:
                end = _dotted_end(chunk, dotted, ends_here)
                if end:
                    found.add(base + b, base + end, chunk[b:end], {"role": role, "evidence": "role"})
                continue
            for length in _chinese_lengths(chunk, b, lex):
                if ends_here(b + length) and _chinese_name(chunk[b:b + length], lex, not_end):
                    found.add(base + b, base + b + length, chunk[b:b + length], {"role": role, "evidence": "role"})
                    break
            # before the post: "王淑英副总领事", "向赵卫平总领事介绍"
            for length in (2, 3, 4):
                s = a - length
                if s < 0:
                    break
                name = chunk[s:a]
                if (starts_here(s) and _chinese_name(name, lex, not_end) and len(name) in _chinese_lengths(chunk, s, lex)
                        and not _ends_with_word(chunk, s, a, stop_rx)):
                    found.add(base + s, base + a, name, {"role": role, "evidence": "role"})
                    break


def _ends_with_word(chunk: str, s: int, a: int, pattern: Optional[re.Pattern]) -> bool:
    """A word of ``pattern`` ends ``chunk[s:a]`` ("严峰为" before "团长": 为 is "as")."""
    return pattern is not None and any(m.end() == a for m in pattern.finditer(chunk, s + 1, a))


def _dotted_end(chunk: str, dotted: re.Match, ends_here) -> Optional[int]:
    """End of a transliterated name after a post: its last part runs until a boundary."""
    last_dot = max(dotted.group().rfind(d) for d in "·・‧•") + dotted.start()
    for end in range(last_dot + 2, min(dotted.end(), last_dot + 7) + 1):
        if ends_here(end):
            return end
    return None


def _chinese_lengths(chunk: str, at: int, lex: Lexicon) -> tuple:
    """The lengths a Chinese name starting at ``at`` may have, shortest first: a family name
    (one character, or two: "欧阳") and CHINESE_GIVEN_MAX characters or fewer."""
    if chunk[at:at + 2] in lex.surnames_han:
        return tuple(range(3, 3 + CHINESE_GIVEN_MAX))
    if chunk[at:at + 1] in lex.surnames_han:
        return tuple(range(2, 2 + CHINESE_GIVEN_MAX))
    return ()


def _chinese_name(name: str, lex: Lexicon, not_end: frozenset) -> bool:
    return (_HAN_ONLY.match(name) is not None and (name[:1] in lex.surnames_han or name[:2] in lex.surnames_han)
            and not (len(name) == 2 and name[-1] in not_end)
            and not _holds(name, word_alternation(lex.function_words.get("cjk_not_in_name", frozenset()))))


def _holds(name: str, pattern: Optional[re.Pattern]) -> bool:
    return pattern is not None and pattern.search(name) is not None


def _japanese(doc: Doc, text: str, lex: Lexicon, found: _Found) -> None:
    posts, prefixes, _ = _cjk_lists(lex)
    post_rx = _post_pattern(posts, prefixes)
    if post_rx is None:
        return
    fw = lex.function_words
    units = sorted(fw.get("cjk_person_units", frozenset()) | {s for s in lex.suffixes if _HAN_ANY.match(s)},
                   key=len, reverse=True)
    generic = word_alternation(fw.get("cjk_generic_modifiers", frozenset()) | prefixes)
    bodies = _institution_names(doc, text)
    not_end = fw.get("cjk_not_name_end", frozenset())
    not_in_name = word_alternation(fw.get("cjk_not_in_name", frozenset()))
    endings = [u for u in units if len(u) >= 2]
    for run in _JAPANESE_RUN.finditer(text):
        chunk, base = run.group(), run.start()
        lo = 0
        for m in post_rx.finditer(chunk):
            a, b = m.span()
            # a post written into an institution ending is the ending's staff ("各図書館員"): the
            # stretch ends before the ending
            a = next((a - k for u in endings for k in range(1, len(u)) if chunk[a - k:a - k + len(u)] == u
                      and a - k >= lo), a)
            stretch, s = chunk[lo:a], lo
            lo = b
            if not stretch:
                continue
            name, guessed = _japanese_name(chunk, s, a, b, units, bodies, not_end)
            if (not name or not _HAN_ONLY.match(name) or _holds(name, not_in_name)
                    or (generic is not None and generic.sub("", name) == "")):
                continue
            info = {"role": chunk[a:b].lstrip("".join(prefixes)) or chunk[a:b], "evidence": "role"}
            if guessed:
                info["stretch"] = stretch
            found.add(base + s, base + s + len(name), name, info)


def _japanese_name(chunk: str, s: int, a: int, b: int, units: list, bodies: list,
                   not_end: frozenset) -> tuple[Optional[str], bool]:
    """The name at the start of ``chunk[s:a]`` before the post ``chunk[a:b]``, and whether its
    length was guessed."""
    whole = chunk[s:b]
    for body, named_apart in bodies:                     # "黄義冽慶尚大学校図書館長": an institution of the paragraph
        if whole.startswith(body) and named_apart:
            return None, False                           # the stretch is that institution's name
        at = whole.find(body, 1)
        if 0 < at <= JAPANESE_NAME_MAX_CHARS:
            return whole[:at], False
    rest, stripped = chunk[s:a], False
    if rest in units:
        return None, False                               # "図書館職員": the library's staff
    while True:                                          # a surname keeps its two characters ("阿部教授")
        unit = next((u for u in units if rest.endswith(u) and len(rest) - len(u) >= JAPANESE_SURNAME_CHARS), None)
        if unit is None:
            break
        rest, stripped = rest[:-len(unit)], True
    if not stripped:
        return (rest, False) if len(rest) <= JAPANESE_NAME_MAX_CHARS else (None, False)
    if len(rest) <= JAPANESE_SURNAME_CHARS:
        return rest, False
    guess = rest[:JAPANESE_SURNAME_CHARS]
    return (None, False) if guess[-1] in not_end else (guess, True)      # "韓国海洋大学校図書館職員"


def _institution_names(doc: Doc, text: str) -> list[tuple[str, bool]]:
    """Names of the paragraph's institutions written in Han or kana, longest first, each with
    whether the paragraph names it more than once (named apart from a stretch before a post,
    which the institution rules may have read with a surname: "熊谷附属図書館")."""
    names = set()
    for span in doc.spans.get("institutions", []):
        data = span._.institution or {}
        for name, _, _ in data.get("inside") or [(data.get("name") or span.text, 0, 0)]:
            if name and _HAN_ANY.search(name) and len(name) >= 3:
                names.add(name)
    return [(n, text.count(n) > 1) for n in sorted(names, key=len, reverse=True)]


# ---------------------------------------------------------------- Korean

def _korean(doc: Doc, lex: Lexicon, inst_tokens: set, found: _Found) -> None:
    if not any(_HANGUL_WORD.match(t.text) for t in doc):
        return
    roles = _script_words(lex.roles, "[\uac00-\ud7af]")
    fw = lex.function_words
    particles = sorted(fw.get("attached_particles", frozenset()) - fw.get("hangul_verb_endings", frozenset()),
                       key=len, reverse=True)
    not_names = fw.get("hangul_not_names", frozenset())
    suffixes = tuple(s for s in lex.suffixes if _HANGUL_WORD.match(s))

    def core(word: str) -> list[str]:
        """The word, and the word without a glued particle (or 님)."""
        out = [word]
        for p in (*particles, "님"):
            if word.endswith(p) and len(word) > len(p):
                out.insert(0, word[:-len(p)])
        return out

    def is_role(word: str) -> bool:
        return any(c in roles or any(len(r) >= 2 and c.endswith(r) for r in roles) for c in core(word))

    def name_of(i: int, particle_ok: bool) -> Optional[str]:
        word = doc[i].text
        if i in inst_tokens or not _HANGUL_WORD.match(word) or is_role(word):
            return None
        for c in (core(word) if particle_ok else [word]):
            if c in not_names or c.endswith(suffixes):
                continue
            if (c[:2] in lex.surnames_hangul and len(c) == 4) or (c[:1] in lex.surnames_hangul and len(c) in (2, 3)):
                return c
        return None

    for i, tok in enumerate(doc):
        if not _HANGUL_WORD.match(tok.text) or not is_role(tok.text):
            continue
        role = tok.text
        for j, particle_ok in ((i + 1, True), (i - 1, False)):
            if 0 <= j < len(doc) and (tok.whitespace_ if j > i else doc[j].whitespace_):
                name = name_of(j, particle_ok)
                if name:
                    start = doc[j].idx
                    found.add(start, start + len(name), name, {"role": role, "evidence": "role"})


# ---------------------------------------------------------------- Arabic

class _ArabicWords:
    def __init__(self, doc: Doc, lex: Lexicon):
        fw = lex.function_words
        self.texts = [t.text for t in doc]
        self.lex = lex
        self.roles = _script_words(lex.roles, "[\u0600-\u06ff]")
        self.links = fw.get("patronymic_particles", frozenset())
        self.ends = fw.get("arabic_name_ends", frozenset())
        self.not_names = fw.get("arabic_not_names", frozenset())
        self.bodies = fw.get("arabic_body_nouns", frozenset())

    def arabic(self, k: int) -> bool:
        return 0 <= k < len(self.texts) and _ARABIC_WORD.match(self.texts[k]) is not None

    @staticmethod
    def bare(word: str) -> list[str]:
        """The word without a glued conjunction or preposition and without the article."""
        forms = [word]
        if word[:1] in ARABIC_PROCLITICS and len(word) > 3:
            forms.append(word[1:])
        for f in list(forms):
            if f.startswith("ال") and len(f) > 3:
                forms.append(f[2:])
        return forms

    def article(self, k: int) -> bool:
        return self.texts[k].startswith(_AR_ARTICLE_FORMS) and len(self.texts[k]) > 3

    def role(self, k: int) -> bool:
        return self.arabic(k) and any(f in self.roles for f in self.bare(self.texts[k]))

    def title_end(self, k: int) -> int:
        """Tokens of a title ending at ``k`` ("الدكتور"; "د" "."), 0 for none."""
        texts = self.texts
        if k < 0:
            return 0
        if texts[k] == "." and k > 0 and self.arabic(k - 1):
            n = self.lex.title_of(texts[max(0, k - 3):k - 1] + [texts[k - 1] + "."])
            return n + 1 if n else 0
        if not self.arabic(k):
            return 0
        return self.lex.title_of(texts[max(0, k - 2):k + 1]) or 0

    def name_word(self, k: int, first: bool = False, last: bool = False) -> bool:
        if not self.arabic(k):
            return False
        w = self.texts[k]
        if _TANWEEN.search(w):
            return False                                # "شرحًا مفصلًا": an indefinite noun or adverb, never a name
        if any(f in self.not_names or f in self.ends for f in self.bare(w)) or self.role(k) or self.title_end(k):
            return False                                # "وفي": a preposition with its "and"
        if first and (w in self.links or self.article(k) or any(f in self.bodies for f in self.bare(w))):
            return False
        if not first and w[:1] == "و" and len(w) > 3:
            return False                                # "and …" begins another phrase
        if self.article(k) and not (last and w.startswith("ال")):
            return False                                # the article only on the family name, at the end
        return True

    def boundary(self, k: int) -> bool:
        """A name may end before token ``k``."""
        if k >= len(self.texts) or not self.arabic(k):
            return True
        w = self.texts[k]
        return w in self.ends or self.role(k) or (w[:1] == "و" and self.title_end(k) > 0)

    def read_name(self, j: int) -> Optional[int]:
        """End of the name starting at ``j`` (two words or more), or None."""
        if not self.name_word(j, first=True):
            return None
        k = j + 1
        if self.texts[j] in ("عبد", "أبو", "ابو") and self.name_word(k, last=True):
            k += 1                                      # "عبد الله"
        while k + 1 < len(self.texts) and self.texts[k] in self.links and self.name_word(k + 1):
            k += 2                                      # "بن صالح"
        if self.name_word(k, last=True):
            k += 1
        # one word more when a boundary closes it: "محمد أحمد علي،"
        if (k - j < ARABIC_NAME_MAX_WORDS and not self.article(k - 1) and self.name_word(k, last=True)
                and self.boundary(k + 1)):
            k += 1
        return k if k - j >= 2 else None


def _arabic(doc: Doc, lex: Lexicon, found: _Found) -> None:
    ar = _ArabicWords(doc, lex)
    if not any(ar.arabic(k) for k in range(len(doc))):
        return
    n, texts = len(doc), ar.texts

    def add(j: int, e: int, info: dict) -> None:
        name = " ".join(texts[j:e])
        found.add(doc[j].idx, doc[e - 1].idx + len(texts[e - 1]), name, info, inside=False)

    starts = set()
    for i in range(n):
        if ar.title_end(i) and not ar.role(i):
            e = ar.read_name(i + 1)
            if e:
                t = ar.title_end(i)
                add(i + 1, e, {"title": doc[i - t + 1:i + 1].text, "evidence": "title"})
                starts.add(i + 1)
        elif ar.role(i):
            j = _after_complement(ar, i)
            e = ar.read_name(j) if j is not None and j not in starts else None
            if e:
                starts.add(j)
                role = texts[i][1:] if texts[i][:1] == "و" and texts[i] not in ar.roles else texts[i]   # "ونائب"
                add(j, e, {"role": role, "evidence": "role"})


def _after_complement(ar: _ArabicWords, r: int) -> Optional[int]:
    """Where the name after the post at ``r`` begins, past the post's complement; None when no
    name follows it."""
    texts, n = ar.texts, len(ar.texts)
    j = r + 1
    while j < n and j - r <= ARABIC_COMPLEMENT_MAX:
        w = texts[j]
        if w == "(":
            close = next((k for k in range(j + 1, min(n, j + 6)) if texts[k] == ")"), None)
            if close is None:
                return None
            j = close + 1
            continue
        if not ar.arabic(j):
            return None
        if w in ar.ends:                                # "لدى أذربيجان": a preposition and its object
            j += 2
            continue
        if ar.article(j) or ar.role(j) or ar.title_end(j) or (j + 1 < n and ar.title_end(j + 1) == 2):
            j += 1
            continue
        e = ar.read_name(j)
        nxt_article = j + 1 < n and texts[j + 1].startswith("ال")
        if e is not None and (ar.boundary(e) or not nxt_article):
            return j
        # a noun in construct ("مكتبة الملك …"), a word with a glued preposition ("لجمعيات") or
        # conjunction ("ومؤسسات") belongs to the complement; anything else ends the search
        if nxt_article or w[:1] in ("ل", "و", "ب") or any(f in ar.bodies for f in ar.bare(w)):
            j += 1
            continue
        return None
    return None

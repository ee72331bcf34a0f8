"""② SourceText → paragraphs (blank-line blocks) with offsets, pages and sections; the
``coop_segment`` component that sets them on the document Doc.

* A block that starts in lower case after a block without final punctuation continues the
  same sentence across a page break: the two are one paragraph.
* Headings (numbered "1. Discussion", named "References", a short all-capitals line, a
  short title-case line in a plain text or PDF — "International Relations" — or a heading
  the source marks itself: HTML ``<h1>``-``<h6>``, Markdown ``#``, DOCX heading styles) are
  paragraphs of kind ``heading`` and become the ``section`` of the paragraphs below them.
* Blocks of a structured source (HTML, Markdown, DOCX: paragraphs, list items, table rows)
  are never rejoined: no page break cut them.
* Paragraphs under a bibliography heading, and citation lines ("Citation List: …",
  "Cite as: …"), are of kind ``bibliography``: they are kept as records but yield nothing.
  A block that only opens with a citation line and runs far longer than one citation
  (hard-wrapped text without blank lines) is body text, not one bibliography entry.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from coopextract.errors import ModelsError
from coopextract.pipeline import document
from coopextract.pipeline.dates.normalise import MONTHS_FILE, WORDS_FILE as DATE_WORDS_FILE, load_date_words
from coopextract.pipeline.lexicon import read_word_list
from coopextract.pipeline.extensions import ParagraphInfo
from coopextract.read import SourceText
from coopextract.resources import models_path

# A heading is one line of at most this many words; longer lines are prose even when
# they are capitalised. 14 covers the chapter titles seen in reports and book chapters.
HEADING_MAX_WORDS = 14
# A title-case line ("International Relations") is a heading when it has at least
# TITLE_MIN_WORDS and at most TITLE_MAX_WORDS words: two keeps one capitalised word (a
# place or a name on a line of its own) prose; eight covers the section titles of the
# annual reports read, while a sentence-case line that long is rarely all capitalised.
# A headline above a news story is one line of at most this many words: 25 covers the long
# headlines of news agencies; a first paragraph of prose without final punctuation is longer.
HEADLINE_MAX_WORDS = 25
# A headline in title case has no lower-case word ("Visited Libraries in Thailand"): a line of
# at least this many words without a digit (a date line has one) is one too.
TITLE_HEADLINE_MIN_WORDS = 3
TITLE_MIN_WORDS = 2
TITLE_MAX_WORDS = 8
# A paragraph longer than this is processed as several blocks (cut at a sentence end, else
# at a space), so spaCy's max_length (1,000,000) is never hit and each Doc stays small:
# 100,000 characters is ~50 pages of prose, far above any real paragraph.
MAX_BLOCK_CHARS = 100_000
# How far back from the cut a sentence end or space is looked for.
_CUT_WINDOW = 5_000

HEADINGS_FILE = "section_headings.txt"

_BLOCK = re.compile(r"\S(?:.*?\S)?(?=\s*\n[ \t]*\n|\s*$)", re.S)
# "1. Discussion", "2.1 Exchanges", "IV. Results" — a bare number ("12 May 2019") is not one.
# The longest sentence the rules read: a sentence of a report rarely passes 100 tokens, a run of
# 200 without a sentence end is a list or a table dumped as text, cut so that the per-sentence
# passes (places, events) stay linear in its length (see cap_sentences).
MAX_SENTENCE_TOKENS = 200
_NUMBERED = re.compile(r"^(?:\d+(?:\.\d+)+\.?|\d+\.|[IVXLC]+\.)\s+\S")
# Sentence ends of the scripts read: Latin, Han and kana (。！？), Arabic (؟), Devanagari and
# Bengali (।), Burmese (။), Armenian (։), Ethiopic (።).
_FINAL_PUNCT = tuple(".!?:;…\"'”’»)]*。！？؟।။։።")
_CLOSERS = "\"'”’»)]*」』"
_SENTENCE_END = tuple(".!?:;…。！？؟।။։።")
_LOWER_WORD = re.compile(r"[^\W\d_]+")
# Han, kana and Hangul run words together without spaces: two of their characters count as a
# word when a line's length is measured (a 60-character Chinese sentence is 30 words, not one).
_UNSPACED = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")


def _word_count(text: str) -> int:
    """Words of a line: spaced words, plus half the Han, kana and Hangul characters."""
    return len(text.split()) + len(_UNSPACED.findall(text)) // 2
# A block opening with a citation line is one citation when it is at most this long: the
# corpus's citation line is 252 characters, and a reference with many authors and a long
# title stays under 1,000; a longer block is prose that a citation line happens to open.
CITATION_MAX_CHARS = 1_000
_CITATION_LINE = re.compile(r"^(?:citation(?: list)?|cite as|how to cite(?: this \w+)?|to cite this \w+)\s*:", re.I)


@dataclass(frozen=True)
class Block:
    """One paragraph of a document: its span in the document text and its place."""

    index: int
    char_start: int
    char_end: int
    text: str
    page: Optional[int]
    section: Optional[str]
    kind: str  # "body" | "heading" | "bibliography"

    @property
    def yields_events(self) -> bool:
        return self.kind == "body"


@lru_cache(maxsize=None)
def heading_names(path: Optional[str] = None) -> dict[str, str]:
    """``models/section_headings.txt`` as {lower-case heading: kind}."""
    file = Path(path) if path else models_path(HEADINGS_FILE)
    names: dict[str, str] = {}
    for n, line in read_word_list(file, "heading list"):
        name, _, kind = line.partition("\t")
        if kind not in ("section", "bibliography"):
            raise ModelsError(f"{file}:{n}: kind must be 'section' or 'bibliography', got {kind!r}")
        names[name.strip().lower()] = kind
    return names


def heading_kind(text: str, named: Optional[dict] = None, title_case=None) -> Optional[str]:
    """``"section"`` or ``"bibliography"`` when ``text`` is a heading, else None; ``named``:
    the :func:`heading_names` to use (default: the installed ones); ``title_case``: the
    lower-case words of the document when a short title-case line counts (plain text and
    PDF, whose headings are not marked; see :func:`is_title_line`), else None."""
    if "\n" in text.strip() or _word_count(text) > HEADING_MAX_WORDS:
        return None
    key = text.strip().rstrip(":").strip().lower()
    named = heading_names() if named is None else named
    if key in named:
        return named[key]
    bare = re.sub(r"^(?:\d+(?:\.\d+)*\.?|[IVXLC]+\.)\s+", "", key)
    if bare in named:
        return named[bare]
    if text.rstrip().endswith((".", ",", ";")):
        return None
    if _NUMBERED.match(text) and text.split(maxsplit=1)[-1][:1].isupper():
        return "section"
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 4 and all(c.isupper() for c in letters):
        return "section"
    if title_case is not None and is_title_line(text, title_case):
        return "section"
    return None


def lower_words(text: str) -> frozenset:
    """The words a document writes in lower case somewhere (its common words, not names)."""
    return frozenset(w for w in _LOWER_WORD.findall(text) if w.islower())


def is_title_line(text: str, common: frozenset) -> bool:
    """A short line in title case: every word capitalised but the small ones (spaCy's English
    stop words: "of", "and"), no digits, commas or final punctuation, and most capitalised
    words ones the document also writes in lower case (``common``): "International
    Relations" is a heading, a name on its own line ("Huseyn Huseynov") is not."""
    from spacy.lang.en.stop_words import STOP_WORDS

    line = text.strip()
    words = line.split()
    if not TITLE_MIN_WORDS <= len(words) <= TITLE_MAX_WORDS or "\n" in line:
        return False
    if any(c.isdigit() or c in ",;" for c in line) or line.endswith(_FINAL_PUNCT + ("-", "–", "—")):
        return False
    capitalised = known = 0
    for n, word in enumerate(words):
        letters = word.strip("\"'“”‘’«»()[]&/-–—")
        if not letters:
            continue
        if not letters[0].isalpha():
            return False
        if letters[0].isupper():
            capitalised += 1
            known += letters.lower() in common or letters.lower() in STOP_WORDS
        elif n == 0 or letters.lower() not in STOP_WORDS:
            return False
    return capitalised >= TITLE_MIN_WORDS and known * 2 > capitalised


def _is_line(text: str) -> bool:
    """One short line without final punctuation: a headline, a date line, a byline. A closing
    quote or bracket ends a sentence only after a sentence end: "... sign library deal
    (PHOTOS)" and "... opens “China Corner”" are lines, "... he said: “We are glad.”" is not."""
    line = text.strip()
    return ("\n" not in line and _word_count(line) <= HEADLINE_MAX_WORDS
            and not line.rstrip(_CLOSERS).endswith(_SENTENCE_END))


def is_headline(text: str) -> bool:
    """A headline or kicker at the top of a page: one line of at most ``HEADLINE_MAX_WORDS``
    words without final punctuation, with at least one lower-case word of three letters (so a
    date line such as "Bergen, 3 May 2022" is not one): "Library donates rare maps to Porto"."""
    words = _LOWER_WORD.findall(text)
    return _is_line(text) and (any(len(w) >= 3 and w.islower() for w in words)
                               or (len(words) >= TITLE_HEADLINE_MIN_WORDS and not any(c.isdigit() for c in text)))


def _raw_blocks(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _BLOCK.finditer(text)]


def _split_long(text: str, start: int, end: int, limit: Optional[int] = None) -> list[tuple[int, int]]:
    """Cut ``text[start:end]`` into pieces of at most ``limit`` (default ``MAX_BLOCK_CHARS``)
    characters, each cut after a sentence end or a space when one is near."""
    limit = limit or MAX_BLOCK_CHARS
    pieces = []
    while end - start > limit:
        cut = start + limit
        window = text[max(start + 1, cut - _CUT_WINDOW):cut]
        at = max(window.rfind(". "), window.rfind("! "), window.rfind("? "))
        if at >= 0:
            cut = cut - len(window) + at + 1
        else:
            space = max(window.rfind(" "), window.rfind("\n"))
            if space >= 0:
                cut = cut - len(window) + space
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        if piece_end > start:
            pieces.append((start, piece_end))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        pieces.append((start, end))
    return pieces


def _continues(previous: str, current: str) -> bool:
    """A lower-case block continues an unfinished one, unless it is a line with a number: a date
    line whose weekday or month is written in lower case ("giovedì, 7 febbraio 2019")."""
    return (current[:1].islower() and not previous.rstrip().endswith(_FINAL_PUNCT)
            and not (_is_line(current) and any(c.isdigit() for c in current)))


def segment(source: SourceText, models_dir: Optional[str] = None) -> list[Block]:
    """Split a document into paragraphs; pure function of the text (and the heading names
    of ``models_dir``)."""
    text = source.text
    named = heading_names(str(models_path(HEADINGS_FILE, models_dir)))
    marked = set(getattr(source, "headings", ()))
    structured = getattr(source, "structured", False)
    common = None if structured else lower_words(text)
    spans: list[list[int]] = []
    kinds: list[Optional[str]] = []
    for start, end in (piece for s, e in _raw_blocks(text) for piece in _split_long(text, s, e)):
        block = text[start:end]
        if (start, end) in marked:   # the source says so: named kinds still tell a bibliography
            kind = heading_kind(block, named) if heading_kind(block, named) == "bibliography" else "section"
        else:
            kind = heading_kind(block, named, title_case=common)
        if (spans and not structured and kind is None and kinds[-1] is None and end - spans[-1][0] <= MAX_BLOCK_CHARS
                and _continues(text[spans[-1][0]:spans[-1][1]], block)):
            spans[-1][1] = end
            continue
        spans.append([start, end])
        kinds.append(kind)
    for i, (start, end) in enumerate(spans if not structured else ()):  # a news page opens with its headline(s); a structured source marks its own
        if kinds[i] is None and is_headline(text[start:end]):
            kinds[i] = "section"
        elif kinds[i] is None and not _is_line(text[start:end]):
            break                                  # the first paragraph of prose (a date line is passed over)

    blocks: list[Block] = []
    section: Optional[str] = None
    in_bibliography = False
    for index, ((start, end), heading) in enumerate(zip(spans, kinds)):
        block_text = text[start:end]
        if heading:
            section = " ".join(block_text.split())
            in_bibliography = heading == "bibliography"
            kind = "heading"
        elif in_bibliography or (_CITATION_LINE.match(block_text) and end - start <= CITATION_MAX_CHARS):
            kind = "bibliography"
        else:
            kind = "body"
        blocks.append(Block(index, start, end, block_text, source.page_at(start), section, kind))
    return blocks


def _is_day_or_month(token) -> bool:
    return token.text.isdigit() and len(token.text) <= 2


def _is_year(token) -> bool:
    return token.text.isdigit() and len(token.text) == 4


def _numeric_date_from(doc: Doc, i: int) -> bool:
    """``doc[i]`` begins a day, month and year written with full stops and spaces ("22. 5.
    2019")."""
    return (i >= 0 and i + 4 < len(doc) and _is_day_or_month(doc[i]) and doc[i + 1].text == "."
            and _is_day_or_month(doc[i + 2]) and doc[i + 3].text == "." and _is_year(doc[i + 4]))


def join_lower_starts(doc: Doc, months: frozenset = frozenset()) -> Doc:
    """No sentence starts with a lower-case word after a full stop, nor between a day's full
    stop and its month (one of ``months``, lower case, or any word before a year), nor inside a
    day, month and year written with full stops and spaces: the stop ended an ordinal or an
    abbreviation ("15. října 2018", "Am 3. Mai besuchte …", "am 3. 5. 2019", "approx. ten
    books")."""
    flags = doc.to_array([SENT_START]).astype("int64")
    starts = numpy.nonzero(flags[1:] == 1)[0] + 1
    joined = [i for i in starts.tolist() if doc[i - 1].text == "." and (
        doc[i].text[:1].islower()
        or (i >= 2 and _is_day_or_month(doc[i - 2]) and (
            doc[i].lower_ in months
            or (i + 1 < len(doc) and _is_year(doc[i + 1]))
            or _numeric_date_from(doc, i - 2) or _numeric_date_from(doc, i - 4))))]
    if not joined:
        return doc
    flags[joined] = -1
    doc.from_array([SENT_START], flags.astype("uint64").reshape(-1, 1))
    return doc


def cap_sentences(doc: Doc, limit: Optional[int] = None) -> Doc:
    """Sentences of at most ``limit`` tokens (default ``MAX_SENTENCE_TOKENS``): a longer run
    without a sentence end (a list of one-word lines, a table dumped as text) is cut, at a line
    break where one falls in its last quarter, else at the limit, so that what reads a sentence
    at a time stays linear in the text."""
    limit = limit or MAX_SENTENCE_TOKENS
    if len(doc) <= limit:
        return doc
    flags = doc.to_array([SENT_START]).astype("int64")
    last = 0
    i = 1
    while i < len(doc):
        if flags[i] == 1:
            last = i
        elif i - last >= limit:
            cut = next((k for k in range(i, i - limit // 4, -1) if "\n" in doc[k - 1].whitespace_ or doc[k - 1].is_space),
                       i)
            flags[cut] = 1
            flags[cut + 1:i + 1] = numpy.where(flags[cut + 1:i + 1] == 1, 1, -1)
            last = cut
        i += 1
    doc.from_array([SENT_START], flags.astype("uint64").reshape(-1, 1))
    return doc


def windows(blocks: list[Block], max_chars: int) -> list[list[Block]]:
    """Consecutive runs of whole blocks of at most ``max_chars`` characters each (a single
    larger block is a window of its own)."""
    out: list[list[Block]] = [[]]
    size = 0
    for block in blocks:
        length = block.char_end - block.char_start
        if out[-1] and size + length > max_chars:
            out.append([])
            size = 0
        out[-1].append(block)
        size += length
    return out


# ---------------------------------------------------------------- the component


class SegmentComponent(document.RuleComponent):
    """Paragraphs, sections and sentences of the document Doc: ``doc.spans["paragraphs"]``
    with ``Span._.paragraph`` (:class:`~coopextract.pipeline.extensions.ParagraphInfo`),
    sentence starts, and each paragraph's working Doc for the rule components."""

    rule_files = (HEADINGS_FILE, DATE_WORDS_FILE, MONTHS_FILE)

    def load(self) -> None:
        self.sentencizer = Sentencizer()
        # month names of the languages that write a day as an ordinal with a full stop ("3. Mai")
        self.months = frozenset(load_date_words(models_path(DATE_WORDS_FILE, self.models_dir)).get("intl_months_all", ()))

    def __call__(self, doc: Doc) -> Doc:
        source, ref_date, offset, preset = document.reader_facts(doc)
        blocks = preset or segment(source, self.models_dir)
        docs = [cap_sentences(join_lower_starts(
                    self.sentencizer(document.working_doc(self.nlp, document.paragraph_text(b))), self.months))
                for b in blocks]
        for block, pdoc in zip(blocks, docs):
            document.keep_line_breaks(pdoc, block.text)
        if not len(doc) and source.text:   # made by make_document: tokens from the paragraphs'
            end = doc.user_data[document.READER_KEY].get("end", len(source.text))
            built = document.assemble_doc(self.nlp, source.text, offset, end, blocks, docs)
            built.user_data.update(doc.user_data)
            doc = built
        document.start_work(doc, document.Work(source, ref_date, offset, blocks, docs))
        paragraphs, starts = [], set()
        for block, pdoc in zip(blocks, docs):
            base = block.char_start - offset
            span = doc.char_span(base, block.char_end - offset, alignment_mode="expand")
            span._.paragraph = ParagraphInfo(block.index, block.page, block.section, block.kind,
                                             block.char_start, block.char_end)
            paragraphs.append(span)
            starts.update(base + idx for k, (idx, first) in enumerate(pdoc.to_array([IDX, SENT_START]).tolist())
                          if k == 0 or first == 1)         # where pdoc.sents start, without Spans
        doc.spans["paragraphs"] = paragraphs
        # One array write (Token.is_sent_start= checks the whole Doc for a parse at every call).
        flags = numpy.array([1 if i == 0 or idx in starts else -1 for i, idx in enumerate(doc.to_array(IDX).tolist())],
                            dtype="int64")
        flags = flags.astype("uint64").reshape(-1, 1)     # spaCy's attribute arrays are uint64
        if len(doc):
            doc.from_array([SENT_START], flags)
        return doc


@Language.factory("coop_segment", default_config={"models_dir": None},
                  assigns=["doc.spans", "token.is_sent_start", "span._.paragraph"])
def make_segment(nlp: Language, name: str, models_dir: Optional[str]):
    return SegmentComponent(nlp, name, models_dir=models_dir)

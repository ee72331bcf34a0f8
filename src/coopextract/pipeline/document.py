"""One Doc per document, and what the components share while it goes through the pipeline.

The Doc's text is the document's text (or, for a huge document, one window of whole
paragraphs of it), so every span's ``start_char``/``end_char`` plus the window's offset is a
SPEC §2 offset. ``coop_segment`` cuts it into paragraphs and gives each one a working Doc
(the paragraph tokenized alone, line breaks as spaces, sentences split): the rule components
match on those, where a pattern can never run across a paragraph break, and each publishes
its spans to the document Doc's span group of its name. The working Docs are dropped by
``coop_events``; the Doc that ``nlp(...)`` returns holds only plain values.

The reader's facts travel in ``doc.user_data[READER_KEY]`` (see :func:`make_document`):
the :class:`~coopextract.read.SourceText` (path, PDF pages, the page's own date), the
reference date, and for a window its offset and paragraphs. A Doc made from a plain string
(``nlp("...")``) is a text document named ``text``.
"""

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Optional

from spacy.attrs import IDX, LOWER, ORTH, SPACY
from spacy.tokens import Doc

from coopextract.read import SourceText

READER_KEY = "coopextract.reader"
_WORK_KEY = "coopextract.work"
_TEXT_KEY = "coopextract.text"
_WORDS_KEY = "coopextract.words"
_BREAKS_KEY = "coopextract.line_breaks"
# A line at least this long was wrapped, not ended (wrapped news and e-mail text runs 60 to 80).
WRAPPED_LINE_MIN_CHARS = 50
# Whitespace other than " ": re's \s is exactly str.isspace() (both Py_UNICODE_ISSPACE).
_OTHER_SPACE = re.compile(r"[^\S ]")
# Pathological strings make spaCy's tokenizer quadratic (its suffix search rescans a token for
# each character peeled off: 8,000 ")" take 11 s). No word or real punctuation is this long:
# "..." and "?!!" are 3; a URL or chemical name stays under 100.
MAX_PUNCT_RUN = 3
MAX_TOKEN_CHARS = 100
_PUNCT_RUN = re.compile(rf"([^\w\s])\1{{{MAX_PUNCT_RUN},}}")
_LONG_TOKEN = re.compile(rf"\S{{{MAX_TOKEN_CHARS + 1},}}")


@dataclass
class Work:
    """The state of one document between components (private to the pipeline)."""

    source: SourceText
    ref_date: Optional[str]
    offset: int                         # where doc.text starts in source.text
    blocks: list = field(default_factory=list)          # [Block], the paragraphs
    docs: list = field(default_factory=list)            # [Doc], a working Doc per paragraph
    dates: Optional[list] = None        # [[DateValue]] per paragraph, from coop_date_context
    entities: Optional[list] = None     # [Entities] per paragraph, from coop_linking
    story_date: Optional[object] = None  # the date line's DateValue, from coop_date_context


def make_document(nlp, source: SourceText, ref_date: Optional[str] = None, blocks=None) -> Doc:
    """The Doc of a document read by a reader (or of ``blocks``, one window of it), ready for
    ``nlp(doc)``: the reader's facts go along in ``doc.user_data``."""
    start, end = (blocks[0].char_start, blocks[-1].char_end) if blocks else (0, len(source.text))
    if nlp.pipe_names[:1] == ["coop_segment"]:
        doc = Doc(nlp.vocab)            # coop_segment builds its tokens from the paragraphs' (assemble_doc)
    else:
        doc = nlp.make_doc(source.text[start:end])      # a model's components run before ours
    doc.user_data[READER_KEY] = {"source": source, "ref_date": ref_date, "offset": start, "end": end,
                                 "blocks": list(blocks) if blocks else None}
    return doc


# A Chinese or Japanese date written with spaces between its numbers and their marks ("2025 年
# 11 月 4 日至 7 日"): the tokenizer, which splits on spaces first, keeps a mark with the Han text
# glued after it ("日至", "月雙方"). After a number of its kind the mark is a token of its own.
_MARK_NUMBER = {mark: re.compile(number) for mark, number in
                (("年", r"\d{4}"), ("月", r"0?[1-9]|1[0-2]"), ("日", r"0?[1-9]|[12]\d|3[01]"))}
_SPACED_DATE_MARK = re.compile(r"(?<!\S)(?:" + "|".join(f"(?:{n.pattern}) {mark}" for mark, n in _MARK_NUMBER.items())
                               + r")(?=[\u3040-\u30ff\u4e00-\u9fff])")


def working_doc(nlp, text: str) -> Doc:
    """A paragraph's working Doc: ``text`` tokenized, and kept for :func:`text_of`."""
    doc = nlp.make_doc(text)
    if _SPACED_DATE_MARK.search(text):
        doc = _spaced_date_marks_split(doc)
    doc.user_data[_TEXT_KEY] = text
    return doc


def _spaced_date_marks_split(doc: Doc) -> Doc:
    """``doc`` with each date mark glued to the text after it split off where a number of its
    kind and one space stand before it ("11 月雙方" → "11", "月", "雙方")."""
    words, spaces = [], []
    for k, t in enumerate(doc):
        before = doc[k - 1] if k else None
        mark = t.text[:1]
        if (len(t.text) > 1 and mark in _MARK_NUMBER and before is not None and before.whitespace_ == " "
                and _MARK_NUMBER[mark].fullmatch(before.text)):
            words += [mark, t.text[1:]]
            spaces += [False, bool(t.whitespace_)]
        else:
            words.append(t.text)
            spaces.append(bool(t.whitespace_))
    return Doc(doc.vocab, words=words, spaces=spaces)


def words_of(doc: Doc) -> tuple[list, list]:
    """(texts, lower-case texts) of ``doc``'s tokens, as lists: the rule components read them
    token by token, and ``doc[i].text`` makes a Token object at each access. Read from one
    array and kept on a working Doc (whose tokens never change); made afresh for any other."""
    words = doc.user_data.get(_WORDS_KEY)
    if words is None:
        strings = doc.vocab.strings
        rows = doc.to_array([ORTH, LOWER]).tolist() if len(doc) else []
        words = ([strings[o] for o, _ in rows], [strings[low] for _, low in rows])
        if _TEXT_KEY in doc.user_data:
            doc.user_data[_WORDS_KEY] = words
    return words


def not_english_sentences(doc: Doc, markers: tuple):
    """A test of a token index: is its sentence one of another language? One where the
    function words of the other languages (``markers[1]``) outnumber the English ones
    (``markers[0]``): "Le centre met à disposition des notices" (le, à, des, des: 4 to 0), not
    "An agreement was reached on book exchange" (an, was, on: 0 to 3). Each sentence is looked
    at once."""
    english, foreign = markers
    memo: dict[int, bool] = {}
    texts = words_of(doc)[1]

    def test(i: int) -> bool:
        sent = doc[i].sent if doc.has_annotation("SENT_START") else doc[:]
        if sent.start not in memo:
            words = texts[sent.start:sent.end]
            memo[sent.start] = sum(w in foreign for w in words) > sum(w in english for w in words)
        return memo[sent.start]
    return test


def text_of(doc: Doc) -> str:
    """``doc.text``, which spaCy joins from every token at each access: a working Doc's is kept."""
    text = doc.user_data.get(_TEXT_KEY)
    return doc.text if text is None else text


def assemble_doc(nlp, text: str, start: int, end: int, blocks, docs) -> Doc:
    """The document Doc of ``text[start:end]`` built from its paragraphs' working Docs: their
    tokens over the original characters (a line break a paragraph Doc saw as a space is a
    token of its own), the text between paragraphs as whitespace tokens. The text is tokenized
    once, paragraph by paragraph, so what is slow for the tokenizer stays within the limits of
    :func:`paragraph_text`; ``doc.text == text[start:end]``."""
    words, spaces = [], []
    pos = start
    for block, pdoc in zip(blocks, docs):
        if pos < block.char_start:
            words.append(text[pos:block.char_start])
            spaces.append(False)
        tokens = pdoc if len(pdoc) or not block.text.strip() else nlp.make_doc(_OTHER_SPACE.sub(" ", block.text))
        # (start, trailing space) of each token from the arrays, not Token objects: a token
        # ends where the next begins, less its space; the last at the end of the text,
        # which has the block's length (paragraph_text keeps it)
        rows = tokens.to_array([IDX, SPACY]).tolist() if len(tokens) else []
        ends = [idx - space for (idx, _), (_, space) in zip(rows[1:], rows)] + [len(block.text) - rows[-1][1]] if rows else []
        for (idx, space), tok_end in zip(rows, ends):
            a = block.char_start + idx
            b = block.char_start + tok_end
            words.append(text[a:b])
            if space and text[b] == " ":
                spaces.append(True)
            else:
                spaces.append(False)
                if space:
                    words.append(text[b:b + 1])
                    spaces.append(False)
        pos = block.char_end
    if pos < end:
        words.append(text[pos:end])
        spaces.append(False)
    return Doc(nlp.vocab, words=words, spaces=spaces)


def reader_facts(doc: Doc) -> tuple[SourceText, Optional[str], int, Optional[list]]:
    facts = doc.user_data.get(READER_KEY)
    if not facts:
        return SourceText(path="text", text=doc.text, name="text"), None, 0, None
    return facts["source"], facts.get("ref_date"), facts.get("offset", 0), facts.get("blocks")


def keep_line_breaks(pdoc: Doc, text: str) -> None:
    """Note where the paragraph ends a short line (``paragraph_text`` makes line breaks
    spaces): a name does not run on from a line of a signature or a list into the next one
    ("Anna Berg" / "Senior Librarian"). A long line ends where text was wrapped, which may
    split a name ("... met John" / "Smith ..."): not noted."""
    if "\n" not in text and "\r" not in text:
        return
    breaks, line_start = [], 0
    for i, c in enumerate(text):
        if c in "\n\r":
            if i - line_start < WRAPPED_LINE_MIN_CHARS:
                breaks.append(i)
            line_start = i + 1
    if breaks:
        pdoc.user_data[_BREAKS_KEY] = breaks


def after_line_break(pdoc: Doc) -> frozenset:
    """Indices of the tokens of a working Doc that start a new line of the paragraph."""
    breaks = pdoc.user_data.get(_BREAKS_KEY)
    if not breaks:
        return frozenset()
    out = set()
    for i in range(1, len(pdoc)):
        prev_end = pdoc[i - 1].idx + len(pdoc[i - 1])
        k = bisect_left(breaks, prev_end)
        if k < len(breaks) and breaks[k] < pdoc[i].idx:
            out.add(i)
    return frozenset(out)


def paragraph_text(block) -> str:
    """What the rule components see of a paragraph: its text with every whitespace character
    as one space, a run of one punctuation character cut to ``MAX_PUNCT_RUN`` (the rest blank)
    and a space every ``MAX_TOKEN_CHARS`` characters of an unbroken string — all of the same
    length, so offsets stay valid — or nothing, for bibliography entries."""
    if block.kind == "bibliography":
        return ""
    text = _OTHER_SPACE.sub(" ", block.text)
    text = _PUNCT_RUN.sub(lambda m: m.group(0)[:MAX_PUNCT_RUN] + " " * (len(m.group(0)) - MAX_PUNCT_RUN), text)
    return _LONG_TOKEN.sub(lambda m: _broken(m.group(0), MAX_TOKEN_CHARS), text)


def _broken(s: str, n: int) -> str:
    """``s`` with a space at least every ``n`` characters, of the same length: the space takes
    the place of the last punctuation mark in each stretch when there is one in its second
    half (a clause of Chinese or Japanese, written without spaces, keeps its words: "…締結し、
    調印式…" loses the comma), else of its ``n``-th character."""
    chars, start = list(s), 0
    while len(s) - start > n:
        cut = next((j for j in range(start + n - 1, start + n // 2 - 1, -1) if not s[j].isalnum()), start + n - 1)
        chars[cut] = " "
        start = cut + 1
    return "".join(chars)


def start_work(doc: Doc, work: Work) -> None:
    doc.user_data[_WORK_KEY] = work


def work_of(doc: Doc) -> Work:
    """The document's working state; a Doc that ``coop_segment`` has not seen (a rule
    component in a user's own pipeline) is one paragraph, its own working Doc."""
    work = doc.user_data.get(_WORK_KEY)
    if work is None:
        from coopextract.pipeline.segment import Block

        source, ref_date, offset, _ = reader_facts(doc)
        block = Block(0, offset, offset + len(doc.text), doc.text, None, None, "body")
        work = Work(source, ref_date, offset, [block], [doc])
        doc.user_data[_WORK_KEY] = work
    return work


def end_work(doc: Doc) -> Optional[Work]:
    return doc.user_data.pop(_WORK_KEY, None)


def standalone(work: Work, doc: Doc) -> bool:
    return len(work.docs) == 1 and work.docs[0] is doc


def publish(doc: Doc, group: str, attr: Optional[str] = None) -> None:
    """Copy span group ``group`` of every working Doc to the document Doc, with the value of
    ``Span._.<attr>``."""
    work = work_of(doc)
    if standalone(work, doc):
        return
    out = []
    for block, pdoc in zip(work.blocks, work.docs):
        base = block.char_start - work.offset
        for s in pdoc.spans.get(group, ()):
            span = doc.char_span(base + s.start_char, base + s.end_char, label=s.label, alignment_mode="expand")
            if attr:
                setattr(span._, attr, getattr(s._, attr))
            out.append(span)
    doc.spans[group] = out


def spans_before(doc: Doc, group: str) -> list:
    """Each working Doc's ``group`` as (start_char, end_char) pairs, to see later what a
    component ruled out (:func:`mark_vetoed`)."""
    return [{(s.start_char, s.end_char) for s in pdoc.spans.get(group, ())} for pdoc in work_of(doc).docs]


def mark_vetoed(doc: Doc, group: str, before: list, by: str) -> None:
    """Mark with ``Span._.veto = by`` the document spans of ``group`` that a component took out
    of its working Docs' group (the group itself stays its owner's)."""
    work = work_of(doc)
    gone = set()
    for block, pdoc, was in zip(work.blocks, work.docs, before):
        now = {(s.start_char, s.end_char) for s in pdoc.spans.get(group, ())}
        base = block.char_start - work.offset
        gone.update((base + a, base + b) for a, b in was - now)
    if not gone or standalone(work, doc):
        return
    for span in doc.spans.get(group, ()):
        if (span.start_char, span.end_char) in gone and span._.veto is None:
            span._.veto = by


class RuleComponent:
    """Base of our components: rules read from ``models_dir`` (the installed rules when None),
    saved by ``to_disk`` with the pipeline and read back from there by ``from_disk``."""

    rule_files: tuple = ()

    def __init__(self, nlp, name: str, *, models_dir: Optional[str] = None):
        self.name = name
        self.nlp = nlp
        self.vocab = nlp.vocab
        self.models_dir = models_dir
        self.load()

    def load(self) -> None:
        """(Re)read the rules of ``self.models_dir``."""

    def to_disk(self, path, *, exclude=()):
        from coopextract.rules import save_rules

        save_rules(path, self.rule_files, self.models_dir)

    def from_disk(self, path, *, exclude=()):
        self.models_dir = str(path)
        self.load()
        return self


class ParagraphComponent(RuleComponent):
    """A rule component: :meth:`process` runs on each paragraph's working Doc, then the span
    groups in ``publishes`` — ``(group, Span._ attribute)`` — are copied to the document.
    Spans of an earlier component's group in ``vetoes`` that :meth:`process` rules out are
    marked ``Span._.veto = <this component>`` on the document (the group stays its owner's)."""

    publishes: tuple = ()
    vetoes: tuple = ()

    def process(self, doc: Doc) -> None:
        """Set this component's span groups on one working Doc."""
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        before = {group: spans_before(doc, group) for group in self.vetoes}
        for pdoc in work_of(doc).docs:
            self.process(pdoc)
        for group, attr in self.publishes:
            publish(doc, group, attr)
        for group, spans in before.items():
            mark_vetoed(doc, group, spans, self.name)
        return doc

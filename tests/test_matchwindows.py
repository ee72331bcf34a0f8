"""The windowed Matcher finds exactly what the plain Matcher finds: pattern arithmetic on
small tables, then the real trigger, cue and date patterns against ``matcher(doc)`` on
sentences written for these tests."""

from pathlib import Path

import pytest
import spacy
from spacy.matcher import Matcher

from coopextract.pipeline.events.triggers import CUE_FILE, TRIGGER_FILE, load_cue_rules, load_trigger_rules
from coopextract.pipeline.matchwindows import match_windows, pattern_anchors, pattern_length, windowed_matches
from coopextract.pipeline.build import get_pipeline
from coopextract.resources import models_path


@pytest.mark.parametrize("pattern, expected", [
    ([{"LOWER": "met"}], 1),
    ([{"LOWER": "paid"}, {"OP": "{0,2}"}, {"LOWER": "visit"}], 4),
    ([{"LOWER": "a"}, {"LOWER": "b", "OP": "?"}, {"IS_TITLE": True, "OP": "{2}"}], 4),
    ([{"LOWER": "a"}, {"LOWER": "b", "OP": "{1,3}"}], 4),
    ([{"LOWER": "a"}, {"OP": "+"}], None),
    ([{"LOWER": "a"}, {"OP": "*"}], None),
    ([{"LOWER": "a"}, {"OP": "{2,}"}], None),
])
def test_pattern_length(pattern, expected):
    assert pattern_length(pattern) == expected


@pytest.mark.parametrize("patterns, anchored", [
    ([[{"LOWER": {"IN": ["visited", "toured"]}}]], True),
    ([[{"LOWER": {"NOT_IN": ["ties"]}}, {"LOWER": "was"}, {"LOWER": "founded"}]], True),  # anchored on 'was'
    ([[{"ORTH": "Will"}]], True),
    ([[{"LOWER": "the", "OP": "?"}, {"LOWER": "visit"}]], False),      # may start anywhere
    ([[{"IS_TITLE": True}, {"OP": "?"}, {"LOWER": "visit"}]], False),  # no word before a variable gap
    ([[{"LOWER": "visit"}, {"OP": "+"}]], False),                      # unbounded
    ([[{"LOWER": {"REGEX": "^vis"}}]], False),
    ([[{"LOWER": "met"}], [{"IS_DIGIT": True}]], False),              # one unanchored pattern is enough
])
def test_pattern_anchors(patterns, anchored):
    assert (pattern_anchors(patterns) is not None) == anchored


def test_windows_cover_the_anchor_and_merge():
    nlp = spacy.blank("en")
    anchors = pattern_anchors([[{"LOWER": {"NOT_IN": ["x"]}}, {"LOWER": "was"}, {"OP": "{0,1}"}, {"LOWER": "signed"}]])
    doc = nlp("It was then that the treaty was signed and it was over")
    # 'was' at 1, 6 and 10: each window starts one token before it and holds three tokens from
    # it: (0, 4), (5, 9), (9, 12); windows that touch are merged
    assert match_windows(doc, anchors) == [(0, 4), (5, 12)]
    assert match_windows(nlp("No such word here"), anchors) == []


@pytest.mark.parametrize("sentence, expected", [
    ("They went on a long visit", [(2, 6)]),       # "on" + "a": the window holds "on a ... visit"
    ("They went on foot", []),                     # "on" without "a"/"an" cannot start a match
    ("on", []),                                    # the checked word would lie past the end
])
def test_windows_need_the_other_fixed_words(sentence, expected):
    anchors = pattern_anchors([[{"LOWER": "on"}, {"LOWER": {"IN": ["a", "an"]}}, {"OP": "{0,2}"}, {"LOWER": "visit"}]])
    assert match_windows(spacy.blank("en")(sentence), anchors) == expected


def test_a_window_reaching_back_further_extends_the_window_it_overlaps():
    """Regression: one word anchoring two patterns at different offsets ("was" in "was
    published" and in "<word> was founded") must give the window that starts earlier."""
    anchors = pattern_anchors([[{"LOWER": "was"}, {"OP": "?"}, {"LOWER": "published"}],
                               [{"LOWER": {"NOT_IN": ["ties"]}}, {"LOWER": "was"}, {"OP": "?"}, {"LOWER": "founded"}]])
    doc = spacy.blank("en")("The library was founded in 1887")
    assert match_windows(doc, anchors) == [(1, 5)]


SENTENCES = [
    "On 3 May 2021 the director of the National Library of Spain visited Ankara University.",
    "The delegation paid an official visit to the Lisbon City Library and met the director.",
    "An agreement on book exchange was finally signed by the two libraries in Warsaw.",
    "The memorandum, prepared over many months by both sides, was signed on Friday.",
    "Nearly 150 books were donated; the guests were at the Reading Room of the library.",
    "It was decided that the library will plan to hold a joint exhibition next year.",
    "They arrived in Vienna on a three-day working visit and took part in the conference.",
    "Ties were established long ago, while the new branch was set up in 1999.",
    "The library was founded in 1887 and was reorganized twice.",
    "Was signed? Agreement. Visit visit visit, meetings, talks and negotiations!",
    "",
    "visited",
    "A joint digital project was launched, and the sides exchanged more than 300 books.",
]


@pytest.fixture(scope="module")
def nlp():
    return get_pipeline()


def _matcher(vocab, patterns):
    matcher = Matcher(vocab)
    for i, pattern in enumerate(patterns):
        matcher.add(f"r{i}", [pattern])
    return matcher


@pytest.mark.parametrize("rule_file, loader", [(TRIGGER_FILE, load_trigger_rules), (CUE_FILE, load_cue_rules)])
@pytest.mark.parametrize("sentence", SENTENCES)
def test_windowed_matches_equal_plain_matcher(nlp, rule_file, loader, sentence):
    patterns = [rule.pattern for rule in loader(models_path(rule_file))]
    anchors = pattern_anchors(patterns)
    doc = nlp(sentence)
    matcher = _matcher(nlp.vocab, patterns)
    assert sorted(windowed_matches(matcher, doc, anchors)) == sorted(matcher(doc))


def test_trigger_patterns_are_anchored():
    """If a new trigger pattern cannot be anchored, windowing silently switches off: keep it on."""
    assert pattern_anchors(r.pattern for r in load_trigger_rules(models_path(TRIGGER_FILE))) is not None


DATE_TEXTS = SENTENCES + [
    "Between 12 and 15 March 2019, and again on Friday, 3 May, the sides met; next year's plan, UNESCO's 1958 "
    "decision, the 2022 conference and pages 12-14 (vol. 3, no. 2000) were discussed in the early 1990s.",
    "2019 marked a new stage. Since the late twentieth century, in Q3 of fiscal 2020, 3,000 books and "
    "1200–1500 copies; from 26 to 29 April, 08.05.2016, 2016-05-08, '67, the summer of 2020, mid-1990s.",
]


SEED = Path(__file__).resolve().parents[1] / "corpus" / "raw" / "presidential_library_visits.txt"


@pytest.mark.parametrize("text", DATE_TEXTS + SEED.read_text(encoding="utf-8").split("\n\n")[:40])
def test_date_windows_give_the_plain_matcher_matches(nlp, text):
    """The date component's anchored matcher (its patterns' own anchors) finds what one Matcher
    of all date patterns finds, in the same order for matches of the same tokens."""
    from coopextract.pipeline.dates.find_dates import find_date_spans

    dates = nlp.get_pipe("coop_dates")
    assert dates.anchored is not None            # every date pattern is anchored: windowing is on
    doc = nlp.make_doc(text)
    plain = dates.matcher(doc)
    order = {nlp.vocab.strings[key]: i for i, key in enumerate(dates.rules)}
    assert sorted(plain, key=lambda m: (m[1], m[2], order[m[0]])) == dates.anchored(doc)
    same_tokens = {}
    for key, start, end in plain:
        same_tokens.setdefault((start, end), []).append(order[key])
    assert all(keys == sorted(keys) for keys in same_tokens.values())   # one Matcher: in pattern order
    assert (find_date_spans(doc, dates.matcher, dates.rules, anchored=dates.anchored)
            == find_date_spans(doc, dates.matcher, dates.rules))


def test_anchored_matcher_builds_a_group_when_its_windows_come_and_checks_patterns_at_once():
    """A group's Matcher is built on its first window (most groups see none in a page); a bad
    pattern still fails when the AnchoredMatcher is made, with the Matcher's error."""
    from spacy.errors import MatchPatternError

    from coopextract.pipeline.matchwindows import anchored_matcher

    nlp = spacy.blank("en")
    patterns = [("visit", [{"LOWER": "visited"}, {"IS_TITLE": True}]), ("sign", [{"LOWER": "signed"}])]
    matcher = anchored_matcher(nlp.vocab, patterns)
    assert matcher.matchers == [None, None]
    doc = nlp.make_doc("The minister visited Ankara.")
    assert [(nlp.vocab.strings[m], s, e) for m, s, e in matcher(doc)] == [("visit", 2, 4)]
    assert matcher.matchers[0] is not None and matcher.matchers[1] is None
    with pytest.raises(MatchPatternError):
        anchored_matcher(nlp.vocab, patterns + [("bad", [{"LOWER": "met", "COLOUR": "red"}])])


@pytest.mark.parametrize("text", [" ".join(SENTENCES)] + DATE_TEXTS[-2:])
def test_anchored_cue_matcher_on_a_sentence_gives_the_plain_matcher_matches(nlp, text):
    """The cue patterns (one of them a regex, which plain anchors cannot take) run anchored, and
    on a span of the Doc (a sentence) find what one Matcher finds on that span: matches that
    would need a token outside the span are not found, as the Matcher does not see it."""
    from coopextract.pipeline.matchwindows import AnchoredMatcher

    triggers = nlp.get_pipe("coop_triggers")
    assert isinstance(triggers.cue_matcher, AnchoredMatcher)
    rules = list(triggers.cue_rules.values())
    plain = Matcher(nlp.vocab)
    for rule in rules:
        plain.add(rule.id, [rule.pattern])
    order = {nlp.vocab.strings[rule.id]: i for i, rule in enumerate(rules)}
    doc = nlp(text)
    spans = [(s.start, s.end) for s in doc.sents] + [(1, len(doc) - 1), (0, len(doc))]
    for start, end in spans:
        expected = sorted(((m, start + s, start + e) for m, s, e in plain(doc[start:end])),
                          key=lambda m: (m[1], m[2], order[m[0]]))
        assert triggers.cue_matcher(doc, start, end) == expected
    assert any(triggers.cue_matcher(doc, s, e) for s, e in spans)

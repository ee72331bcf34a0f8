"""evaluate scores participants' roles and modality of the matched events where the gold has them."""

from coopextract.records import Event, Participant, Source
from coopextract.review.evaluate import GoldEvent, event_pairs, score_modality, score_roles


def _event(kind, participants=(), modality="asserted"):
    return Event(id="d:p0:e0", doc_id="d", source=Source(path="d.txt", paragraph=0, char_start=0, char_end=10),
                 event_type=kind, evidence="x", confidence=0.5, modality=modality,
                 participants=[Participant(role=r, name=n, kind="institution", char_start=0, char_end=1)
                               for r, n in participants])


def _gold(kind, participants=(), modality="asserted"):
    return GoldEvent(None, None, kind, [], [], [], "x", [{"role": r, "name": n} for r, n in participants], modality)


def test_a_role_counts_when_the_matched_event_has_the_participant_in_that_role():
    gold = [_gold("visit", [("visitor", "National Library of Finland"), ("host", "Bergen Public Library")])]
    predicted = [_event("visit", [("visitor", "National Library of Finland"), ("visitor", "Bergen Public Library")])]
    pairs = event_pairs([(None, 0, "visit")], [(None, 0, "visit")], typed=True)
    score, fps, fns = score_roles(pairs, predicted, gold, aliases={})
    assert (score.tp, score.fp, score.fn) == (1, 1, 1)
    assert fns[0][1] == {"role": "host", "name": "Bergen Public Library"}


def test_aliases_resolve_before_roles_are_compared():
    gold = [_gold("agreement", [("party", "National Library of Finland")])]
    predicted = [_event("agreement", [("party", "NLF")])]
    score, _, _ = score_roles({0: 0}, predicted, gold, aliases={"NLF": "National Library of Finland"})
    assert (score.tp, score.fp, score.fn) == (1, 0, 0)


def test_events_whose_gold_lists_no_participants_are_not_scored_for_roles():
    score, _, _ = score_roles({0: 0}, [_event("visit", [("visitor", "A")])], [_gold("visit")], aliases={})
    assert (score.tp, score.fp, score.fn) == (0, 0, 0)


def test_modality_is_scored_on_the_events_that_are_not_simply_asserted():
    gold = [_gold("agreement", modality="planned"), _gold("visit"), _gold("donation", modality="hypothetical")]
    predicted = [_event("agreement", modality="planned"), _event("visit", modality="planned"), _event("donation")]
    score, fps, fns = score_modality({0: 0, 1: 1, 2: 2}, predicted, gold)
    assert (score.tp, score.fp, score.fn) == (1, 1, 1)

"""The accuracy gate (trafilatura's evaluation gate is the model), per gold set (evaluate.GOLD_SETS:
the bundled corpus, the development set of real pages): the pipeline's micro F1 on a set may not
drop more than ALLOWED_DROP below that set's floors in corpus/floors.json, and a set's gold may
not change without its entry there being rewritten with it. A set whose gold folder is empty is
skipped with the reason.

After an intended change, rewrite a set's entry and commit corpus/floors.json with the change:
    python -m coopextract.review.evaluate --write-floors --set corpus   # floors and hash from the current scores
    python -m coopextract.review.evaluate --update-hash --set dev       # the gold hash only; floors kept
"""

import json
from pathlib import Path

import pytest

from coopextract.review.evaluate import FIELDS, evaluate_corpus, floors_command, gold_hash, gold_sets, has_gold

ROOT = Path(__file__).resolve().parents[1]
FLOORS = ROOT / "corpus" / "floors.json"
SETS = gold_sets(ROOT)

# A drop smaller than this is noise from tie-breaking in one-to-one matching, not a regression:
# 0.01 F1 is about one event or two entities out of the ~140 events and ~250 entities of the corpus.
ALLOWED_DROP = 0.01


def _commit(option: str, set_name: str) -> str:
    return f"run '{floors_command(option, set_name)}' and commit corpus/floors.json"


@pytest.fixture(scope="module")
def floors():
    return json.loads(FLOORS.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scores():
    cache = {}

    def of(gold_set):
        if gold_set.name not in cache:
            cache[gold_set.name] = evaluate_corpus(gold_set.gold, gold_set.raw)[1]
        return cache[gold_set.name]

    return of


def _needs_gold(gold_set):
    if not has_gold(gold_set.gold):
        pytest.skip(f"{gold_set.gold.relative_to(ROOT)} has no gold files yet: the {gold_set.name} gate "
                    f"starts with the first one")


def test_every_set_has_floors_for_every_field(floors):
    assert set(floors) == {s.name for s in SETS}
    for name, entry in floors.items():
        assert set(entry["f1"]) == set(FIELDS), f"{name}: floors must name exactly {FIELDS}"
        assert len(entry["gold_sha256"]) == 64


@pytest.mark.parametrize("gold_set", SETS, ids=lambda s: s.name)
def test_gold_unchanged_since_floors_were_set(floors, gold_set):
    _needs_gold(gold_set)
    assert gold_hash(gold_set.gold, gold_set.raw) == floors[gold_set.name]["gold_sha256"], (
        f"the {gold_set.name} gold (or a raw document it names) changed; if that is intended, "
        + _commit("--update-hash", gold_set.name))


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("gold_set", SETS, ids=lambda s: s.name)
def test_f1_not_below_floor(scores, floors, gold_set, field):
    _needs_gold(gold_set)
    f1, floor = scores(gold_set)[field].f1, floors[gold_set.name]["f1"][field]
    assert f1 >= floor - ALLOWED_DROP, (
        f"{gold_set.name} {field}: F1 {f1:.4f} fell below its floor {floor:.4f}; fix it or "
        + _commit("--write-floors", gold_set.name))

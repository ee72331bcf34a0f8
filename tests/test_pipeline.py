"""The saved config in models/ is the pipeline build_pipeline() builds, and spaCy can load it."""

import spacy

from coopextract.pipeline.build import COMPONENTS, build_pipeline
from coopextract.resources import models_path


def test_saved_config_matches_the_built_pipeline():
    saved = models_path("pipeline.cfg").read_text(encoding="utf-8")
    assert saved == build_pipeline().config.to_str(), (
        "models/pipeline.cfg is stale: run python -c 'from coopextract.pipeline.build import save_config; save_config()'")


def test_spacy_loads_the_saved_config_with_our_components_in_order():
    config = spacy.util.load_config(models_path("pipeline.cfg"))
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    assert nlp.pipe_names == list(COMPONENTS)
    doc = nlp("On 12 March 2012 the delegation visited the National Library of Greece.")
    assert [s.text for s in doc.spans["dates"]] == ["12 March 2012"]


def test_the_saved_config_keeps_our_tokenizer():
    config = spacy.util.load_config(models_path("pipeline.cfg"))
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    assert [t.text for t in nlp.make_doc("the (AK Party)-visited Library(Arabian")] == [
        "the", "(", "AK", "Party", ")", "-", "visited", "Library", "(", "Arabian"]


def test_a_vertical_bar_is_a_token_of_its_own():
    # page furniture glues a bar to the date or word it separates
    from coopextract import extract_text
    nlp = build_pipeline()
    assert [t.text for t in nlp.make_doc("News|30.12.2013 |Home")] == ["News", "|", "30.12.2013", "|", "Home"]
    dates = [d.start for p in extract_text("Gift of books to the library |30 December 2013") for d in p.dates]
    assert dates == ["2013-12-30"]

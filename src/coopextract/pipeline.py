"""③ build_pipeline(): the one place the component order is decided.

A blank English tokenizer (no statistical model) + sentence splitter + our rule components.
Order follows dependency: dates and places first (institution names contain places; people's
roles contain institutions), then people, then event triggers, which read all of them.
"""

from functools import lru_cache
from typing import Optional

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)
from . import extensions  # noqa: F401  (declares the custom attributes)

COMPONENTS = ("coop_dates", "coop_locations", "coop_institutions", "coop_people", "coop_events")


def build_pipeline(models_dir: Optional[str] = None) -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    for name in COMPONENTS:
        config = {"models_dir": models_dir} if models_dir and _takes_models_dir(name) else {}
        nlp.add_pipe(name, config=config)
    return nlp


def _takes_models_dir(factory: str) -> bool:
    meta = Language.get_factory_meta(factory)
    return "models_dir" in (meta.default_config or {})


@lru_cache(maxsize=2)
def get_pipeline(models_dir: Optional[str] = None) -> Language:
    """The pipeline, built once per process."""
    return build_pipeline(models_dir)

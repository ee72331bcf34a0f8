"""④ spaCy components: one ``@Language.factory`` per module, thin shells over pure functions.

Importing this package registers every factory, so ``pipeline.build_pipeline`` and a saved
config can name them.
"""

from . import dates, events, institutions, locations, people  # noqa: F401  (registers factories)

"""Start-up of the command line: spaCy's own command line left unloaded (issue 20).

``import spacy`` imports ``spacy.cli`` for one name, ``spacy.info``, and with it weasel,
requests, httpx, click and the training commands: about a fifth of the CPU time and 17 MB of
``import spacy; spacy.blank("en")``, for nothing ``coopextract`` runs. :func:`defer_spacy_cli`
puts a stand-in for ``spacy.cli.info`` in ``sys.modules``; when spaCy's ``__init__`` takes
``info`` from it, the stand-in gives a function that imports the real one when called, and
leaves ``sys.modules``. From then on everything is as usual: ``import spacy.cli`` (or
``spacy.cli.<name>``, through a module ``__getattr__`` on ``spacy``) imports the real package.
Only the console script calls it: ``import coopextract`` leaves spaCy as it is.

:func:`import_pipeline` imports spaCy and the pipeline's modules with the cyclic garbage
collector paused: they create ~70,000 long-lived objects, and the collections they set off
(one of them full) found almost nothing to free.

:func:`one_blas_thread` keeps numpy's OpenBLAS (imported with spaCy) from starting a thread per
core that nothing of ours uses: on two cores that was ~0.07 CPU-s of a one-page run.
"""

import gc
import importlib
import os
import sys
import types

_INFO = "spacy.cli.info"


def _info(*args, **kwargs):
    """``spacy.info``: the real one, imported when first called."""
    return importlib.import_module(_INFO).info(*args, **kwargs)


def _spacy_getattr(name: str):
    """``spacy.cli`` before anything imported it."""
    if name == "cli":
        return importlib.import_module("spacy.cli")
    raise AttributeError(f"module 'spacy' has no attribute {name!r}")


class _InfoStandIn(types.ModuleType):
    """``spacy.cli.info`` while ``spacy`` is being imported."""

    def __getattr__(self, name: str):
        if name != "info":                 # the import system's questions (__path__ …)
            raise AttributeError(name)
        if sys.modules.get(_INFO) is self:
            del sys.modules[_INFO]         # its one use is over: later imports get the real one
        spacy = sys.modules.get("spacy")
        if spacy is not None and "__getattr__" not in vars(spacy):
            spacy.__getattr__ = _spacy_getattr
        return _info


def defer_spacy_cli() -> None:
    """Let the next ``import spacy`` skip ``spacy.cli``; nothing once spaCy is imported."""
    if "spacy" not in sys.modules and "spacy.cli" not in sys.modules and _INFO not in sys.modules:
        sys.modules[_INFO] = _InfoStandIn(_INFO)


# The thread count numpy's OpenBLAS reads when it is loaded (a user's own setting stays).
_BLAS_THREADS = "OPENBLAS_NUM_THREADS"


def one_blas_thread() -> None:
    """One OpenBLAS thread unless the environment says otherwise: the rules do no linear
    algebra, and spaCy's models (``--model``) multiply with thinc's blis, not OpenBLAS. Only
    the console script calls it, before spaCy (and numpy) are imported."""
    if "numpy" not in sys.modules:
        os.environ.setdefault(_BLAS_THREADS, "1")


def import_pipeline() -> None:
    """Import spaCy and the pipeline's modules (what ``extract`` needs first) with the cyclic
    garbage collector paused, then leave it as it was, and their regular expressions made from
    the prebuilt table (``pipeline/prebuilt.py``). The pipeline itself is built with both too,
    and then frozen (``build.get_pipeline``)."""
    from coopextract.pipeline.prebuilt import stored_regexes

    enabled = gc.isenabled()
    gc.disable()
    try:
        with stored_regexes():     # the modules' regular expressions from their compiled code
            importlib.import_module("coopextract.pipeline.build")
            importlib.import_module("coopextract.extract")
    finally:
        if enabled:
            gc.enable()

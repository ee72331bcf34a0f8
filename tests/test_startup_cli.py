"""The console script leaves spaCy's own command line unloaded (run/startup.py, issue 20),
and every use of it still behaves as without the stand-ins."""

import os
import subprocess
import sys

import pytest

USES = [
    "from spacy.cli.download import download as d; print(spacy.cli.download is d, d.__module__)",
    "print(spacy.cli.download.__module__, spacy.cli.info.__module__)",
    "from spacy.cli import train, info; print(type(train).__name__, info.__module__)",
    "import spacy.cli.info as m; print(type(m).__name__, m.__module__)",
    "import spacy.cli; print(sorted(n for n in dir(spacy.cli) if not n.startswith('_'))[:8])",
    "print(sorted(spacy.info(silent=True))[:3])",
    "print(hasattr(spacy, 'nope'), spacy.__name__, callable(spacy.blank))",
]


def _run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_spacy_cli_not_loaded():
    assert _run("import sys; from coopextract.run.startup import defer_spacy_cli; defer_spacy_cli(); "
                "import spacy; spacy.blank('en'); print('weasel' in sys.modules, 'spacy.cli.download' in sys.modules)"
                ).split() == ["False", "False"]


@pytest.mark.parametrize("use", USES)
def test_spacy_cli_used_as_without_stand_ins(use):
    deferred = _run(f"from coopextract.run.startup import defer_spacy_cli; defer_spacy_cli(); import spacy; {use}")
    assert deferred == _run(f"import spacy; {use}")


def test_console_script_asks_one_blas_thread_unless_told():
    """numpy's OpenBLAS starts a thread per core when loaded; the console script asks for one
    (the rules do no linear algebra) and leaves a user's own setting as it is."""
    probe = ("import os, sys; from coopextract.run.startup import one_blas_thread; one_blas_thread(); "
             "import numpy; print(os.environ.get('OPENBLAS_NUM_THREADS'))")
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    ours = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    users = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                           env={**env, "OPENBLAS_NUM_THREADS": "3"})
    assert (ours.stdout.split(), users.stdout.split()) == (["1"], ["3"])

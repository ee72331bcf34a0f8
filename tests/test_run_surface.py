"""The package surface: ``import coopextract``, ``--version`` and ``--help`` load no spaCy
(the names are imported when first used), ``--version`` prints the version, and every file
coopextract writes goes through the one atomic writer in ``run/resume.py``."""

import json
import os
import subprocess
import sys
from importlib import resources

import pytest
from typer.testing import CliRunner

import coopextract
from coopextract.errors import OutputError
from coopextract.run import resume
from coopextract.run.cli import app

HEAVY = ("spacy", "thinc", "dateparser", "coopextract.extract", "coopextract.records")
PYDANTIC = ("pydantic",)  # typer itself imports it to parse a command's options, not for --version

# What a fresh interpreter has imported after a piece of code: run in a subprocess, because this
# test process has long imported spaCy through the other tests.
PROBE = """
import json, sys
{code}
print(json.dumps(sorted(name for name in {names!r} if name in sys.modules)))
"""

CLI = """
from coopextract.run.cli import main
sys.argv = ["coopextract", *{args!r}]
try:
    main()
except SystemExit:
    pass
"""


def heavy_modules_after(code: str, names: tuple = HEAVY) -> list[str]:
    proc = subprocess.run([sys.executable, "-c", PROBE.format(code=code, names=names)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("code", [
    "import coopextract",
    "import coopextract; coopextract.__version__",
    "from coopextract import __version__",
    "import coopextract.run.cli",
])
def test_import_loads_no_spacy_nor_pydantic(code):
    assert heavy_modules_after(code, HEAVY + PYDANTIC) == []


def test_version_loads_no_spacy_nor_pydantic():
    assert heavy_modules_after(CLI.format(args=["--version"]), HEAVY + PYDANTIC) == []


@pytest.mark.parametrize("args", [["--help"], ["extract", "--help"], ["schema", "--help"]])
def test_help_loads_no_spacy(args):
    assert heavy_modules_after(CLI.format(args=args)) == []


def test_version_option():
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"coopextract {coopextract.__version__}\n"


def test_version_option_from_the_console_script():
    proc = subprocess.run([sys.executable, "-m", "coopextract.run.cli", "--version"],
                          capture_output=True, text=True, timeout=60)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, f"coopextract {coopextract.__version__}\n", "")


def test_version_is_a_plain_string_in_the_package():
    assert "__version__" in vars(coopextract) and isinstance(coopextract.__version__, str)


@pytest.mark.parametrize("name, module", [
    ("extract_file", "coopextract.extract"),
    ("extract_text", "coopextract.extract"),
    ("extract_source", "coopextract.extract"),
    ("Paragraph", "coopextract.records"),
    ("Event", "coopextract.records"),
    ("CoopExtractError", "coopextract.errors"),
    ("InputError", "coopextract.errors"),
])
def test_lazy_names_are_the_real_objects(name, module):
    import importlib

    assert getattr(coopextract, name) is getattr(importlib.import_module(module), name)
    assert name in dir(coopextract) and name in coopextract.__all__


def test_load_is_the_pipeline_builders():
    build = pytest.importorskip("coopextract.pipeline.build")
    if not hasattr(build, "load"):
        pytest.skip("coopextract.pipeline.build.load does not exist yet")
    assert coopextract.load is build.load


def test_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nonexistent'"):
        coopextract.nonexistent  # noqa: B018


def test_py_typed_is_shipped():
    assert resources.files("coopextract").joinpath("py.typed").is_file()


# --- the one atomic writer -------------------------------------------------------------------

def test_write_atomic_gives_the_usual_mode_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "part-00000.jsonl"
    resume.write_atomic(str(target), "{}\n")
    mask = os.umask(0)
    os.umask(mask)
    assert target.read_text() == "{}\n"
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask
    assert os.listdir(tmp_path) == ["part-00000.jsonl"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "out.jsonl"
    target.write_text("old\n")
    with pytest.raises(RuntimeError):
        with resume.AtomicOutput(str(target)) as handle:
            handle.write("new\n")
            raise RuntimeError("boom")
    assert target.read_text() == "old\n"
    assert os.listdir(tmp_path) == ["out.jsonl"]


@pytest.mark.parametrize("interruption", [KeyboardInterrupt, resume.Terminated])
def test_an_interruption_keeps_a_partial_when_asked(tmp_path, interruption):
    target = tmp_path / "out.jsonl"
    sink = resume.AtomicOutput(str(target), keep_partial=True)
    with pytest.raises(interruption):
        with sink as handle:
            handle.write("done\n")
            raise interruption()
    assert sink.partial == str(target) + ".partial"
    assert os.listdir(tmp_path) == ["out.jsonl.partial"]


def test_an_error_on_close_is_raised_not_swallowed(tmp_path):
    target = tmp_path / "out.jsonl"
    with pytest.raises(OSError, match="disk full"):
        with resume.AtomicOutput(str(target)) as handle:
            handle.write("x\n")
            real_close = handle.close

            def close():
                real_close()
                raise OSError("disk full")

            handle.close = close
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("where, message", [
    ("a_directory", "is a directory, not an output file"),
    ("missing/out.jsonl", "does not exist"),
])
def test_a_bad_target_is_an_output_error(tmp_path, where, message):
    (tmp_path / "a_directory").mkdir()
    with pytest.raises(OutputError, match=message):
        with resume.AtomicOutput(str(tmp_path / where)):
            pass


def test_a_missing_output_folder_is_bad_usage(tmp_path):
    result = CliRunner().invoke(app, ["render", str(tmp_path), "-o", str(tmp_path / "missing" / "r.html")])
    assert result.exit_code == 2
    assert "Invalid value for -o" in result.stderr and "Traceback" not in result.stderr

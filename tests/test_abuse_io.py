"""Trust under abuse (issue 19): no silent data loss, bounded reads, clean one-line messages.

Each test pins one case of the issue; every one failed before the fix."""

import errno
import hashlib
import json
import os
import subprocess
import sys
import threading

import pytest

import coopextract.read as read_module
import coopextract.run.batch as batch
import coopextract.run.resume as resume
from builders import invoke, write_corpus
from coopextract.run.cli import app

GOOD = "On 12 May 2019 a delegation from the National Library of Georgia visited the library in Baku.\n"
DOCS = {
    "a_report.txt": GOOD,
    "b_news.md": "# News\n\nIn March 2021 the library held an exhibition of rare books from Ankara.\n",
    "c_log.txt": "2018\n\n15 June – a delegation from the University of Tartu visited the reading rooms.\n",
}
CLI = [sys.executable, "-m", "coopextract.run.cli"]
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture()
def corpus(tmp_path):
    return write_corpus(tmp_path, DOCS)


def run(*args, input=None):
    return invoke(app, args, input, forbidden=("Traceback", "internal error"))


def shell(args, timeout=120, **kw):
    """The command line in its own process, bounded in time (a hang is a failure, not a stall)."""
    result = subprocess.run(CLI + [str(a) for a in args], capture_output=True, timeout=timeout, **kw)
    stderr = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    return result, stderr


# ------------------------------------------------------------------ output


def test_output_naming_an_input_is_bad_usage_and_the_input_is_kept(corpus):
    target = corpus / "a_report.txt"
    for inputs in ([target], [corpus]):      # named, or found inside a folder given
        result = run("extract", *inputs, "-o", target)
        assert result.exit_code == 2
        assert "also an input" in result.stderr
        assert target.read_text(encoding="utf-8") == GOOD


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes (POSIX)")
def test_output_into_a_named_pipe_is_written_straight_into_it_without_manifest(corpus, tmp_path):
    fifo = tmp_path / "records.pipe"
    os.mkfifo(fifo)
    got = {}

    def reader():
        with open(fifo, "rb") as handle:
            got["data"] = handle.read()

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    result, stderr = shell(["extract", corpus / "a_report.txt", "-o", fifo])
    thread.join(30)
    assert result.returncode == 0, stderr
    assert json.loads(got["data"].decode("utf-8").splitlines()[0])["doc_id"] == "a_report"
    assert os.path.exists(fifo) and not os.path.isfile(fifo)       # still the pipe, not replaced
    assert sorted(os.listdir(tmp_path)) == ["in", "records.pipe"]   # no manifest, no temporary


@pytest.mark.skipif(IS_ROOT, reason="as root, a regression here would replace the machine's /dev/null")
def test_output_to_dev_null_keeps_the_device(corpus):
    result = run("extract", corpus / "a_report.txt", "-o", os.devnull)
    assert result.exit_code == 0, result.stderr
    assert not os.path.isfile(os.devnull) and not os.path.exists(os.devnull + ".manifest.json")


@pytest.mark.skipif(not os.path.exists("/dev/full") or IS_ROOT,
                    reason="needs /dev/full (Linux), and as root a regression would replace the device")
def test_a_device_that_refuses_the_records_is_one_line_and_exit_1(corpus):
    result, stderr = shell(["extract", corpus / "a_report.txt", "-o", "/dev/full"])
    assert result.returncode == 1
    assert stderr.strip().splitlines()[-1].startswith("/dev/full: cannot write (")


def _device(path, minor):
    """A character device at ``path`` (Linux: minor 3 is null, 7 is full), or skip."""
    import stat

    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, minor))
        with open(path, "wb"):
            pass
    except (OSError, AttributeError) as exc:
        pytest.skip(f"cannot make a device here ({exc})")
    return path


@pytest.mark.skipif(not IS_ROOT, reason="making a device needs root")
def test_output_to_a_null_device_keeps_the_device_as_root(corpus, tmp_path):
    null = _device(tmp_path / "null", 3)       # a copy of /dev/null: a regression replaces only it
    result = run("extract", corpus / "a_report.txt", "-o", null)
    assert result.exit_code == 0, result.stderr
    assert not os.path.isfile(null) and not os.path.exists(f"{null}.manifest.json")
    assert sorted(os.listdir(tmp_path)) == ["in", "null"]


@pytest.mark.skipif(not IS_ROOT, reason="making a device needs root")
def test_a_full_device_is_one_line_and_exit_1_as_root(corpus, tmp_path):
    full = _device(tmp_path / "full", 7)
    result, stderr = shell(["extract", corpus / "a_report.txt", "-o", full])
    assert result.returncode == 1
    assert stderr.strip().splitlines()[-1] == f"{full}: cannot write (No space left on device)"
    assert not os.path.isfile(full) and sorted(os.listdir(tmp_path)) == ["full", "in"]


class _FailingClose:
    """A file whose last flush fails, like a full disk."""

    def __init__(self, handle):
        self.handle = handle

    def __getattr__(self, name):
        return getattr(self.handle, name)

    def close(self):
        self.handle.close()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_write_error_at_close_fails_the_run_and_writes_no_manifest(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out.jsonl"
    assert run("extract", corpus / "a_report.txt", "-o", out).exit_code == 0
    before, manifest_before = out.read_bytes(), (tmp_path / "out.jsonl.manifest.json").read_bytes()
    real_fdopen = os.fdopen
    monkeypatch.setattr(resume.os, "fdopen", lambda *a, **k: _FailingClose(real_fdopen(*a, **k)))
    result = run("extract", corpus, "-o", out)
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1] == f"{out}: cannot write (No space left on device)"
    assert out.read_bytes() == before                              # the old output, whole
    assert (tmp_path / "out.jsonl.manifest.json").read_bytes() == manifest_before
    assert not [n for n in os.listdir(tmp_path) if n.endswith(".part")]


def test_render_to_a_folder_it_cannot_write_is_one_line(corpus, tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(resume.tempfile, "mkstemp", refuse)
    out = tmp_path / "report.html"
    result = run("render", corpus / "a_report.txt", "-o", out)
    assert result.exit_code == 1
    assert result.stderr.strip() == f"{out}: cannot write (Permission denied)"


@pytest.mark.skipif(IS_ROOT or not hasattr(os, "geteuid"), reason="root writes into read-only folders")
def test_render_into_a_read_only_folder_is_one_line(corpus, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        result = run("render", corpus / "a_report.txt", "-o", locked / "report.html")
    finally:
        locked.chmod(0o755)
    assert result.exit_code == 1 and "cannot write" in result.stderr


def test_stdout_that_is_not_utf8_still_gets_utf8_records(tmp_path):
    doc = tmp_path / "tr.txt"
    doc.write_text("On 12 May 2019 the Türkiye National Library signed an agreement in İzmir.\n", encoding="utf-8")
    result, stderr = shell(["extract", doc], env=dict(os.environ, PYTHONIOENCODING="ascii"))
    assert result.returncode == 0, stderr
    assert "İzmir" in json.loads(result.stdout.decode("utf-8"))["text"]


# ------------------------------------------------------------------ resume and the manifest


def test_resume_reextracts_an_input_whose_records_are_missing(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    assert run("extract", corpus, "-o", out).exit_code == 0
    whole = out.read_bytes()
    kept = [line for line in whole.decode("utf-8").splitlines(keepends=True) if "b_news" not in line]
    out.write_text("".join(kept), encoding="utf-8")       # the manifest still lists b_news.md
    assert run("extract", corpus, "-o", out, "--resume").exit_code == 0
    assert out.read_bytes() == whole


def test_resume_reextracts_an_input_whose_records_were_cut(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    assert run("extract", corpus, "-o", out).exit_code == 0
    whole = out.read_bytes()
    lines = whole.decode("utf-8").splitlines(keepends=True)
    first = json.loads(lines[0])["source"]["path"]
    drop = next(i for i, line in enumerate(lines) if json.loads(line)["source"]["path"] == first)
    out.write_text("".join(lines[:drop] + lines[drop + 1:]), encoding="utf-8")
    manifest = json.loads((tmp_path / "out.jsonl.manifest.json").read_text(encoding="utf-8"))
    assert manifest["inputs"][first]["records"] >= 1
    assert run("extract", corpus, "-o", out, "--resume").exit_code == 0
    assert out.read_bytes() == whole


def test_the_manifest_holds_the_hash_of_the_bytes_read_not_of_a_later_edit(corpus, tmp_path, monkeypatch):
    doc = corpus / "a_report.txt"
    original = doc.read_bytes()
    real_read = batch.read

    def read_then_edit(path):
        source = real_read(path)
        if str(path) == str(doc):
            doc.write_text("Edited while the run was extracting it: a visit in 2024.\n", encoding="utf-8")
        return source

    monkeypatch.setattr(batch, "read", read_then_edit)
    out = tmp_path / "out.jsonl"
    assert run("extract", corpus, "-o", out).exit_code == 0
    monkeypatch.undo()
    manifest = json.loads((tmp_path / "out.jsonl.manifest.json").read_text(encoding="utf-8"))
    assert manifest["inputs"][str(doc)]["sha256"] == hashlib.sha256(original).hexdigest()
    assert run("extract", corpus, "-o", out, "--resume").exit_code == 0
    assert "2024" in out.read_text(encoding="utf-8")          # the edit was extracted on resume


def test_a_manifest_that_is_a_json_list_is_a_clean_refusal(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    assert run("extract", corpus, "-o", out).exit_code == 0
    (tmp_path / "out.jsonl.manifest.json").write_text("[1, 2, 3]\n")
    result = run("extract", corpus, "-o", out, "--resume")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"{tmp_path / 'out.jsonl.manifest.json'}: unreadable manifest; delete it to start afresh"


# ------------------------------------------------------------------ reads


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse names that are not UTF-8")
def test_a_file_name_that_is_not_utf8_is_escaped_and_the_batch_goes_on(corpus, tmp_path):
    odd = os.path.join(os.fsencode(corpus), b"caf\xe9.txt")
    try:
        with open(odd, "wb") as handle:
            handle.write(GOOD.encode())
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    out = tmp_path / "out.jsonl"
    result = run("extract", corpus, "-o", out)
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["doc_id"] for r in records} == {"a_report", "b_news", "c_log", "caf\\xe9"}
    assert run("extract", corpus, "-o", out, "--resume").exit_code == 0


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes (POSIX)")
def test_a_named_pipe_as_input_is_refused_not_waited_on(corpus, tmp_path):
    fifo = corpus / "stream.txt"
    os.mkfifo(fifo)
    result, stderr = shell(["extract", fifo, corpus / "a_report.txt"], timeout=60)
    assert result.returncode == 1
    assert f"{fifo}: not a regular file" in stderr
    assert b"a_report" in result.stdout


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_link_to_dev_zero_is_refused_not_read_for_ever(tmp_path):
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    result, stderr = shell(["extract", link], timeout=60)
    assert result.returncode == 1
    assert stderr.strip().splitlines()[0].startswith(f"{link}: not a regular file")


def test_an_input_larger_than_the_limit_is_one_line(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(read_module, "MAX_INPUT_BYTES", 1000)
    big = corpus / "big.txt"
    big.write_text(GOOD * 100, encoding="utf-8")
    result = run("extract", corpus, "-o", tmp_path / "out.jsonl")
    assert result.exit_code == 1
    assert f"{big}: larger than the input limit" in result.stderr
    assert "MAX_INPUT_BYTES" in result.stderr


def test_standard_input_is_read_under_the_same_limit(monkeypatch):
    monkeypatch.setattr(read_module, "MAX_INPUT_BYTES", 1000)
    result = run("extract", "-", input="\0" * 5000)
    assert result.exit_code == 1
    assert result.stderr.startswith("-: larger than the input limit")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_standard_input_from_dev_zero_ends_with_one_line(tmp_path):
    with open("/dev/zero", "rb") as zero:
        result, stderr = shell(["extract", "-", tmp_path], timeout=120, stdin=zero)
    assert result.returncode == 1
    assert stderr.startswith("-: larger than the input limit")


def test_a_closed_standard_input_is_one_line(tmp_path):
    result = subprocess.run(["sh", "-c", 'exec "$@" <&-', "sh", *CLI, "extract", "-"],
                            capture_output=True, timeout=120)
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 1
    assert stderr.splitlines()[0] == "-: standard input is closed", stderr


# ------------------------------------------------------------------ usage


@pytest.mark.parametrize("value", ["20200101", "2020-W01-1", "2020-1-1", "2020-01-01T00:00"])
def test_a_ref_date_not_in_the_form_yyyy_mm_dd_is_bad_usage(value):
    result = run("extract", "-", "--ref-date", value, input=GOOD)
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr

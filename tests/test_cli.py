"""The command line: exit statuses, atomic output, one stderr line per bad input, determinism,
interruption and --resume."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

import coopextract.run.batch as batch
from builders import invoke, write_corpus
from coopextract.run.cli import app

DOCS = {
    "a_report.txt": "On 12 May 2019 the National Library of Georgia visited the library in Baku.\n\n"
                    "The sides signed an agreement on the exchange of publications.\n",
    "b_news.md": "# News\n\nIn March 2021 the library held an exhibition of rare books from Ankara.\n",
    "c_log.txt": "2018\n\n15 June – a delegation from the University of Tartu visited the reading rooms.\n",
}


@pytest.fixture()
def corpus(tmp_path):
    return write_corpus(tmp_path, DOCS)


def run(*args, input=None):
    return invoke(app, args, input)


def test_all_inputs_done_exit_0(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    result = run("extract", corpus, "-o", out)
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["doc_id"] for r in records} == {"a_report", "b_news", "c_log"}
    assert result.stderr == ""
    assert sorted(os.listdir(tmp_path)) == ["in", "out.jsonl", "out.jsonl.manifest.json"]


def test_without_o_records_go_to_stdout(corpus):
    result = run("extract", corpus / "a_report.txt")
    assert result.exit_code == 0
    assert json.loads(result.stdout.splitlines()[0])["source"]["paragraph"] == 0


def test_stdin_dash(tmp_path):
    result = run("extract", "-", input="A delegation visited the library in 2019.\n")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["doc_id"] == "stdin"


@pytest.mark.parametrize("bad_name, content, reason", [
    ("empty.txt", b"", "empty"),
    ("spaces.txt", b" \n\t\n", "whitespace"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary"),
    ("broken.pdf", b"%PDF-1.4\n1 0 obj <<", "PDF"),
    ("notes.docx", b"PK\x03\x04", "not a readable .docx"),
    ("notes.doc", b"PK\x03\x04", "unsupported"),
])
def test_bad_input_is_named_on_one_line_and_others_are_written(corpus, tmp_path, bad_name, content, reason):
    bad = corpus / bad_name
    bad.write_bytes(content)
    out = tmp_path / "out.jsonl"
    result = run("extract", corpus, bad, "-o", out)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len([l for l in lines if str(bad) in l]) == 1
    assert reason.lower() in next(l for l in lines if str(bad) in l).lower()
    assert {json.loads(l)["doc_id"] for l in out.read_text().splitlines()} == {"a_report", "b_news", "c_log"}


def test_missing_file_exit_1(corpus, tmp_path):
    result = run("extract", corpus / "a_report.txt", tmp_path / "nope.txt")
    assert result.exit_code == 1
    assert "nope.txt: no such file" in result.stderr


@pytest.mark.parametrize("args", [
    ["extract"],
    ["extract", "x.txt", "--level", "sentence"],
    ["extract", "x.txt", "--ref-date", "12/05/2019"],
    ["extract", "x.txt", "--jobs", "0"],
    ["extract", "x.txt", "-o", "/no/such/dir/out.jsonl"],
    ["extract", "x.txt", "--resume"],
    ["extract", "x.txt", "--no-such-option"],
    ["schema", "--level", "document"],
])
def test_bad_usage_exit_2(args):
    result = run(*args)
    assert result.exit_code == 2


def test_failed_run_keeps_the_old_output_and_leaves_no_temporary(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out.jsonl"
    out.write_text("previous complete output\n")

    def explode(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(batch, "_drain", explode)
    result = run("extract", corpus, "-o", out)
    assert result.exit_code == 1
    assert "No space left on device" in result.stderr
    assert out.read_text() == "previous complete output\n"
    assert sorted(os.listdir(tmp_path)) == ["in", "out.jsonl"]


def _interrupt_after(monkeypatch, n, exc):
    real = batch.process
    calls = []

    def process(item, *args, **kwargs):
        calls.append(item)
        if len(calls) > n:
            raise exc
        return real(item, *args, **kwargs)

    monkeypatch.setattr(batch, "process", process)
    return calls


def test_interrupted_run_writes_no_half_file_and_resume_finishes(corpus, tmp_path, monkeypatch):
    fresh = tmp_path / "fresh.jsonl"
    assert run("extract", corpus, "-o", fresh).exit_code == 0
    out = tmp_path / "out.jsonl"
    _interrupt_after(monkeypatch, 1, KeyboardInterrupt())
    result = run("extract", corpus, "-o", out)
    assert result.exit_code == 130
    assert not out.exists()
    assert "interrupted after 1 input(s)" in result.stderr and "--resume" in result.stderr
    partial = tmp_path / "out.jsonl.partial"
    assert {json.loads(l)["doc_id"] for l in partial.read_text().splitlines()} == {"a_report"}

    monkeypatch.undo()
    calls = _interrupt_after(monkeypatch, 99, KeyboardInterrupt())
    result = run("extract", corpus, "-o", out, "--resume")
    assert result.exit_code == 0
    assert [os.path.basename(c) for c in calls] == ["b_news.md", "c_log.txt"]
    assert out.read_bytes() == fresh.read_bytes()
    assert not partial.exists() and not (tmp_path / "out.jsonl.partial.manifest.json").exists()


def test_resume_reextracts_only_changed_and_new_inputs(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out.jsonl"
    assert run("extract", corpus, "-o", out).exit_code == 0
    (corpus / "b_news.md").write_text("# News\n\nIn April 2022 a webinar on digitisation was held.\n")
    (corpus / "d_new.txt").write_text("A new partner library joined the project in 2023.\n")
    calls = _interrupt_after(monkeypatch, 99, KeyboardInterrupt())
    assert run("extract", corpus, "-o", out, "--resume").exit_code == 0
    assert sorted(os.path.basename(c) for c in calls) == ["b_news.md", "d_new.txt"]
    monkeypatch.undo()
    fresh = tmp_path / "fresh.jsonl"
    assert run("extract", corpus, "-o", fresh).exit_code == 0
    assert out.read_bytes() == fresh.read_bytes()


def test_resume_ignores_records_made_with_other_settings(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out.jsonl"
    assert run("extract", corpus, "-o", out).exit_code == 0
    calls = _interrupt_after(monkeypatch, 99, KeyboardInterrupt())
    assert run("extract", corpus, "-o", out, "--resume", "--ref-date", "2020-01-01").exit_code == 0
    assert len(calls) == 3


def test_resume_remakes_records_of_an_older_record_schema(corpus, tmp_path, monkeypatch):
    """Records from before a field was added (``warnings``) are not mixed into a resumed file."""
    out = tmp_path / "out.jsonl"
    assert run("extract", corpus, "-o", out).exit_code == 0
    manifest = json.loads((tmp_path / "out.jsonl.manifest.json").read_text())
    manifest["schema"] = "0" * 16
    (tmp_path / "out.jsonl.manifest.json").write_text(json.dumps(manifest))
    out.write_text("".join(json.dumps({k: v for k, v in json.loads(line).items() if k != "warnings"}) + "\n"
                           for line in out.read_text().splitlines()))
    calls = _interrupt_after(monkeypatch, 99, KeyboardInterrupt())
    assert run("extract", corpus, "-o", out, "--resume").exit_code == 0
    assert len(calls) == 3
    assert all("warnings" in json.loads(line) for line in out.read_text().splitlines())


def test_output_is_identical_whatever_the_jobs_and_the_input_order(corpus, tmp_path):
    files = sorted(corpus.iterdir())
    outputs = []
    for jobs, order in ((1, files), (2, files[::-1]), (3, [files[1], files[2], files[0]]), (1, [corpus])):
        out = tmp_path / f"out{len(outputs)}.jsonl"
        assert run("extract", *order, "--jobs", jobs, "-o", out).exit_code == 0
        outputs.append(out.read_bytes())
    assert len(set(outputs)) == 1


def test_event_level_writes_event_records(corpus, tmp_path):
    out = tmp_path / "ev.jsonl"
    assert run("extract", corpus, "--level", "event", "-o", out).exit_code == 0
    assert all(json.loads(l)["kind"] == "event" for l in out.read_text().splitlines())


def test_schema_command_prints_both_schemas():
    for level, title in (("paragraph", "Paragraph"), ("event", "Event")):
        result = run("schema", "--level", level)
        assert result.exit_code == 0
        assert json.loads(result.stdout)["title"] == title


def _wait_for_reader(fifo, timeout=60):
    """Open the FIFO's write end once the extractor is blocked reading it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:
            time.sleep(0.05)
    raise AssertionError("the extractor never opened the FIFO")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes (POSIX)")
@pytest.mark.parametrize("signum, status, word", [(signal.SIGTERM, 143, "terminated"),
                                                  (signal.SIGINT, 130, "interrupted")])
def test_a_real_signal_mid_batch_leaves_no_half_file(corpus, tmp_path, signum, status, word):
    # The last input (sorted last) is held at a gate, a FIFO outside the inputs (a FIFO given as
    # an input is refused, issue 19), so the first three are done when the signal comes.
    (corpus / "z_stream.txt").write_text("A delegation visited the library in 2020.\n")
    fifo = tmp_path / "gate"
    os.mkfifo(fifo)
    out = tmp_path / "out.jsonl"
    held = f"""
import coopextract.run.batch as batch
from coopextract.run.cli import main
real = batch.read
def read(path):
    if str(path).endswith("z_stream.txt"):
        with open({str(fifo)!r}, "rb") as gate:
            gate.read()
    return real(path)
batch.read = read
main()
"""
    cmd = [sys.executable, "-c", held]
    proc = subprocess.Popen(cmd + ["extract", *sorted(map(str, corpus.iterdir())), "-o", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    writer = _wait_for_reader(fifo)
    try:
        proc.send_signal(signum)
        try:
            _, stderr = proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            # The kernel may deliver the signal to a library's helper thread; Python then runs
            # the handler only when the main thread leaves its blocking read of the FIFO.
            # End of file lets it leave: the handler still runs before that input is done.
            os.close(writer)
            writer = None
            _, stderr = proc.communicate(timeout=60)
    finally:
        if writer is not None:
            os.close(writer)
    assert proc.returncode == status
    assert "Traceback" not in stderr
    assert f"{word} after 3 input(s)" in stderr
    assert not out.exists()
    partial = tmp_path / "out.jsonl.partial"
    assert len({json.loads(l)["doc_id"] for l in partial.read_text().splitlines()}) == 3


def test_output_path_that_is_a_directory_is_bad_usage(corpus, tmp_path):
    assert run("extract", corpus, "-o", tmp_path).exit_code == 2


def test_an_unexpected_error_is_one_line_not_a_traceback(monkeypatch, capsys):
    import coopextract.run.cli as cli

    def broken():
        raise RuntimeError("something\nunforeseen")

    monkeypatch.setattr(cli, "app", broken)
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 1
    assert capsys.readouterr().err == "coopextract: internal error, please report it (RuntimeError: something unforeseen)\n"

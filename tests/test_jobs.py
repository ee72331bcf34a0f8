"""--jobs: worker processes give the same records in the same order; progress and streaming."""

import io
import json

import pytest

from coopextract.run import batch
from coopextract.run.batch import run_batch

DOCUMENTS = [
    ("01_visit", "On 12 May 2023 a delegation of the National Parliamentary Library of Georgia visited the "
                 "National Library in Baku.\n\nThe guests presented books about Georgian history."),
    ("02_agreement", "The National Library of Belarus and Ankara University signed a memorandum of "
                     "understanding on 3 March 2021."),
    ("03_exhibition", "From 5 to 9 October 2019 an exhibition of rare manuscripts was held in Tashkent."),
    ("04_training", "In November 2020 twelve librarians from Kazakhstan took part in an online training "
                    "course organised by the Library of Congress."),
    ("05_donation", "In 2018 the library received 340 books from partner libraries in Turkey and Iran."),
    ("06_meeting", "On 14 June 2017 the director met the Ambassador of Hungary to discuss joint projects."),
]


@pytest.fixture()
def corpus(tmp_path):
    for name, text in DOCUMENTS:
        (tmp_path / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    return tmp_path


def _run(inputs, **kwargs):
    out, errors = io.StringIO(), []
    failed, done = run_batch(inputs, out, on_error=errors.append, **kwargs)
    return out.getvalue(), errors, failed, done


@pytest.mark.parametrize("level", ["paragraph", "event"])
def test_two_jobs_write_what_one_job_writes(corpus, level):
    one = _run([str(corpus)], level=level, jobs=1)
    two = _run([str(corpus)], level=level, jobs=2)
    assert two == one
    assert one[2:] == (0, len(DOCUMENTS))


def test_records_come_in_sorted_input_order_whatever_the_jobs(corpus):
    paths = [str(corpus / f"{name}.txt") for name, _ in reversed(DOCUMENTS)]
    text, _, _, _ = _run(paths, jobs=2)
    doc_ids = [json.loads(line)["doc_id"] for line in text.splitlines()]
    assert list(dict.fromkeys(doc_ids)) == [name for name, _ in DOCUMENTS]


def test_a_bad_input_is_reported_the_same_with_two_jobs(corpus):
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.7 truncated")
    one = _run([str(corpus)], jobs=1)
    two = _run([str(corpus)], jobs=2)
    assert two == one
    assert one[2] == 1 and "broken.pdf" in one[1][0]


@pytest.mark.parametrize("jobs", [1, 2])
def test_progress_reports_documents_and_words_per_second(corpus, capsys, jobs):
    _run([str(corpus)], jobs=jobs, progress=True)
    err = capsys.readouterr().err
    assert f"{len(DOCUMENTS)}/{len(DOCUMENTS)}" in err
    assert "doc/s" in err and "words/s" in err


def test_no_progress_unless_asked(corpus, capsys):
    _run([str(corpus)], jobs=1)
    assert capsys.readouterr().err == ""


def test_records_are_written_as_each_input_finishes():
    """Streaming: the first input's records are in the output before the second is extracted."""
    out = io.StringIO()

    def results():
        yield "a.txt", None, "first\n", None, 3
        assert out.getvalue() == "first\n"
        yield "b.txt", None, "second\n", None, 4

    failed, done = batch._drain(results(), out, print, False, 2, 0, {})
    assert (failed, done, out.getvalue()) == (0, 2, "first\nsecond\n")


@pytest.mark.parametrize("jobs", [1, 2])
def test_lines_past_the_spool_limit_go_through_a_file_and_come_out_the_same(corpus, tmp_path, monkeypatch, jobs):
    import tempfile

    expected = _run([str(corpus)], jobs=jobs)
    spool_dir = tmp_path / "spool"
    spool_dir.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool_dir))
    monkeypatch.setattr(batch, "SPOOL_CHARS", 100)       # every input's lines outgrow it
    made = []
    real = batch.Spooled.__init__

    def noting(self, path):
        made.append(path)
        real(self, path)
    monkeypatch.setattr(batch.Spooled, "__init__", noting)
    done = {}
    out, errors = io.StringIO(), []
    counts = run_batch([str(corpus)], out, on_error=errors.append, jobs=jobs, done=done)
    assert (out.getvalue(), errors, *counts) == expected
    if jobs == 1:                                      # (a worker's files are made in its own process)
        assert len(made) == len(DOCUMENTS)
    assert list(spool_dir.iterdir()) == []             # each file removed once copied
    from coopextract.run.resume import entry
    lines = expected[0].splitlines(keepends=True)
    first = [line for line in lines if '"01_visit"' in line]
    assert done[str(corpus / "01_visit.txt")]["records"] == len(first)
    assert done[str(corpus / "01_visit.txt")]["digest"] == entry("", "".join(first))["digest"]


def test_an_input_failing_after_its_lines_were_spooled_leaves_no_file(corpus, tmp_path, monkeypatch):
    import tempfile

    spool_dir = tmp_path / "spool"
    spool_dir.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool_dir))
    monkeypatch.setattr(batch, "SPOOL_CHARS", 10)
    import coopextract.records as records
    real, calls = records.to_json_line, []

    def failing_second(record):
        calls.append(record)
        if len(calls) == 2:
            raise ValueError("cannot serialise")
        return real(record)
    monkeypatch.setattr(records, "to_json_line", failing_second)
    name, error, text = batch.process(str(corpus / "01_visit.txt"), spool=True)
    assert "internal error" in error and "cannot serialise" in error and text == ""
    assert list(spool_dir.iterdir()) == []

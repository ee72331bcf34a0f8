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

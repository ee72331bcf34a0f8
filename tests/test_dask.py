"""coopextract.run.distributed on a real two-process LocalCluster: its records equal the single-process ones."""

import io

import pytest

from coopextract.run.batch import run_batch
from coopextract.run.distributed import chunks
from coopextract.extract import extract_text
from coopextract.records import to_json_line

DOCUMENTS = {
    "visit_georgia": "On 12 May 2023 a delegation of the National Parliamentary Library of Georgia visited "
                     "the National Library in Baku. The guests presented books about Georgian history.",
    "agreement_minsk": "The National Library of Belarus and Ankara University signed a memorandum of "
                       "understanding on 3 March 2021.\n\nThe sides agreed to exchange publications every year.",
    "exhibition_tashkent": "From 5 to 9 October 2019 an exhibition of rare manuscripts was held at the "
                           "Alisher Navoi National Library of Uzbekistan in Tashkent.",
    "training_online": "In November 2020 twelve librarians from Kazakhstan took part in an online training "
                       "course organised by the Library of Congress.",
    "report_2018": "ANNUAL REPORT 2018\n\nIn 2018 the library received 340 books from partner libraries in "
                   "Turkey and Iran.\n\nOn 14 June the director met the Ambassador of Hungary.",
}


@pytest.mark.parametrize("items, size, expected", [
    ([1, 2, 3, 4, 5], 2, [[1, 2], [3, 4], [5]]),
    ([1, 2, 3], 3, [[1, 2, 3]]),
    ([1, 2], 5, [[1, 2]]),
    ([], 4, []),
])
def test_chunks_keep_order_and_every_item(items, size, expected):
    assert chunks(items, size) == expected


def test_chunk_size_below_one_is_refused():
    with pytest.raises(ValueError, match="at least 1"):
        chunks([1, 2], 0)


@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip("dask.distributed", reason="dask[distributed] is not installed")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    with distributed.Client(cluster) as dask_client:
        yield dask_client
    cluster.close()


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in DOCUMENTS.items():
        (folder / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    (folder / "minutes.docx").write_bytes(b"PK\x03\x04 not a supported document")
    return folder


@pytest.mark.parametrize("level", ["paragraph", "event"])
def test_files_on_the_cluster_equal_the_single_process_output(client, corpus, tmp_path, level):
    from coopextract.run.distributed import extract_to_parts

    inputs = [str(corpus), str(corpus / "minutes.docx")]
    expected = io.StringIO()
    single_errors = []
    run_batch(inputs, expected, level=level, jobs=1, on_error=single_errors.append)

    result = extract_to_parts(inputs, tmp_path / "parts", client, level=level, files_per_part=2)

    joined = "".join(open(part, encoding="utf-8").read() for part in result.parts)
    assert joined == expected.getvalue()
    assert len(result.parts) == 3  # five readable documents and one refused input, two per part
    assert result.done == len(DOCUMENTS)
    assert result.errors == single_errors and len(result.errors) == 1 and "minutes.docx" in result.errors[0]
    assert joined.count('"doc_id":"visit_georgia"') >= 1


def test_texts_on_the_cluster_equal_extract_text(client):
    from coopextract.run.distributed import extract_texts

    parts, errors = extract_texts(DOCUMENTS, client, texts_per_task=2)

    expected = "".join(to_json_line(p) for doc_id, text in DOCUMENTS.items() for p in extract_text(text, doc_id=doc_id))
    assert errors == []
    assert len(parts) == 3
    assert "".join(parts) == expected

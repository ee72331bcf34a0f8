"""Readers: encodings, PDFs (built here with fpdf2), news pages, stdin, directory walking."""

import io
import sys

import pytest

from builders import NEWS_PAGE, make_pdf
from coopextract.errors import UnsupportedInput
from coopextract.read import SUPPORTED_SUFFIXES, expand_inputs, read
from coopextract.read.text import decode, implausibility
from coopextract.pipeline.segment import segment

TURKISH = (
    "Azerbaycan Milli Kütüphanesi ile Türkiye Millî Kütüphanesi arasında imzalanan işbirliği protokolü "
    "çerçevesinde, iki kurum 2019 yılında karşılıklı yayın değişimi başlattı. Ziyaret sırasında müdür, "
    "öğrencilere ve araştırmacılara yönelik ortak çalışmaların önemini vurguladı; şehirdeki üniversite "
    "kütüphaneleri de programa katıldı.\n\nİkinci toplantı Ankara'da yapıldı ve katılımcılar dijital "
    "arşivler üzerine görüş alışverişinde bulundu.\n"
)
RUSSIAN = (
    "Делегация Национальной библиотеки Азербайджана посетила Российскую государственную библиотеку в "
    "Москве в сентябре 2018 года. В ходе встречи стороны обсудили обмен изданиями, совместные выставки и "
    "подготовку специалистов; было подписано соглашение о сотрудничестве сроком на пять лет.\n\n"
    "Следующая встреча состоится в Баку весной будущего года.\n"
)
FRENCH = ("La Bibliothèque nationale a accueilli une délégation étrangère. Les échanges ont porté sur la "
          "numérisation des collections et la formation des bibliothécaires.\n")


@pytest.mark.parametrize("text, encoding", [
    (TURKISH, "cp1254"),
    (TURKISH, "iso8859_9"),
    (RUSSIAN, "cp1251"),
    (RUSSIAN, "koi8_r"),
    (FRENCH, "latin_1"),
    (FRENCH, "cp1252"),
    # One-sentence texts, where charset detection alone confuses code pages:
    ("Kütüphane işbirliği protokolü imzalandı.\n", "cp1254"),
    ("Çağdaş Türk edebiyatı üzerine bir sergi açıldı.\n", "cp1254"),
    ("Библиотека подписала соглашение.\n", "cp1251"),
    ("Café à Genève\n", "cp1252"),
])
def test_legacy_encodings_are_detected_and_decoded(tmp_path, text, encoding):
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode(encoding))
    assert read(path).text == text


def test_utf8_lines_survive_beside_a_legacy_encoded_line():
    data = ("Первая строка — «цитата».\n".encode("utf-8")
            + "Kütüphane işbirliği protokolü imzalandı.\n".encode("cp1254")
            + "Ещё одна строка.\n".encode("utf-8"))
    assert decode(data, "mixed.txt") == ("Первая строка — «цитата».\nKütüphane işbirliği protokolü imzalandı.\n"
                                         "Ещё одна строка.\n")


@pytest.mark.parametrize("original", [
    "Kütüphane işbirliği protokolü imzalandı.",
    "Café society in Genève — a “quoted” word.",
    "Bakı and Gəncə libraries",
])
def test_mojibake_is_repaired(original):
    broken = original.encode("utf-8").decode("latin_1")
    assert decode(broken.encode("utf-8"), "m.txt") == original


@pytest.mark.parametrize("text", ["Plain English text.", "Türkiye", "Москва", "Ελληνικά κείμενα"])
def test_clean_text_is_plausible(text):
    assert implausibility(text) == 0


@pytest.mark.parametrize("data, expected", [
    (b"\xef\xbb\xbfWith a BOM.\r\nSecond line.\r\n", "With a BOM.\nSecond line.\n"),
    ("UTF-16 text, İstanbul.\n".encode("utf-16"), "UTF-16 text, İstanbul.\n"),
    (b"Old Mac\rline endings\r", "Old Mac\nline endings\n"),
    (b"Windows\r\n\r\nparagraphs\r\n", "Windows\n\nparagraphs\n"),
    (b"Stray\x00 NUL\x00 bytes.", "Stray NUL bytes."),
    ("decomposed e\u0301 and s\u0327".encode(), "decomposed \u00e9 and \u015f"),
])
def test_decoding_normalises(data, expected):
    assert decode(data, "x.txt") == expected


LINES_PAGE_1 = [
    ["On 12 March 2019 a delegation of the National Library of Azer-",
     "baijan visited the State Library in Ankara and met its director."],
    ["The two libraries agreed to exchange publications and to hold a joint",
     "exhibition of rare books"],
]
LINES_PAGE_2 = [
    ["in the autumn of the same year, with catalogues printed in both",
     "languages."],
    ["A training seminar for cataloguers followed in November."],
]


@pytest.fixture()
def report_pdf(tmp_path):
    return read(make_pdf(tmp_path / "report.pdf", [LINES_PAGE_1, LINES_PAGE_2]))


def test_pdf_lines_are_joined_and_hyphenation_repaired(report_pdf):
    assert ("On 12 March 2019 a delegation of the National Library of Azerbaijan visited the State "
            "Library in Ankara and met its director.") in report_pdf.text


def test_pdf_running_header_and_page_numbers_are_dropped(report_pdf):
    assert "Annual Report" not in report_pdf.text
    assert not any(line.strip().isdigit() for line in report_pdf.text.splitlines())


def test_pdf_pages_are_numbered_and_cover_the_text(report_pdf):
    numbers = [number for number, _, _ in report_pdf.pages]
    assert numbers == [1, 2]
    (_, s1, e1), (_, s2, e2) = report_pdf.pages
    assert report_pdf.text[s1:e1].startswith("On 12 March")
    assert report_pdf.text[s2:e2].startswith("in the autumn")


def test_pdf_paragraph_broken_by_the_page_is_rejoined(report_pdf):
    blocks = segment(report_pdf)
    texts = [" ".join(b.text.split()) for b in blocks]
    assert ("The two libraries agreed to exchange publications and to hold a joint exhibition of rare books "
            "in the autumn of the same year, with catalogues printed in both languages.") in texts
    assert [b.page for b in blocks] == [1, 1, 2]
    assert all(report_pdf.text[b.char_start:b.char_end] == b.text for b in blocks)


def test_pdf_without_header_keeps_first_line(tmp_path):
    source = read(make_pdf(tmp_path / "plain.pdf", [[["Only one line of text."]]], header=None,
                           page_numbers=False))
    assert source.text.strip() == "Only one line of text."


def test_html_news_page_keeps_only_the_article(tmp_path):
    path = tmp_path / "news.html"
    path.write_text(NEWS_PAGE, encoding="utf-8")
    source = read(path)
    assert "delegation of the National Parliamentary Library of Georgia" in source.text
    assert "joint exhibition next year in Tbilisi" in source.text
    for boilerplate in ("About us", "Contact", "Electronic catalogue", "Opening hours", "All rights reserved",
                        "newsletter"):
        assert boilerplate not in source.text
    assert source.doc_date == "2023-05-14"
    paragraphs = [b.text for b in segment(source)]
    assert any(p.startswith("During the meeting") for p in paragraphs)


def test_stdin_is_read_as_text(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Kütüphane ziyareti.\r\n".encode("cp1254"))))
    source = read("-")
    assert source.text == "Kütüphane ziyareti.\n"
    assert source.doc_id == "stdin"


def test_directories_are_walked_in_sorted_order(tmp_path):
    for name in ("b.txt", "a.md", "sub/c.html", "sub/a.pdf", "notes.doc", ".hidden.txt", "Z.TXT"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = [p[len(str(tmp_path)) + 1:] for p in expand_inputs([tmp_path])]
    assert found == sorted(found)
    assert set(found) == {"b.txt", "a.md", "sub/c.html", "sub/a.pdf", "Z.TXT"}


@pytest.mark.parametrize("name", ["report.doc", "scan.tiff", "README"])
def test_unsupported_types_are_refused_by_name(tmp_path, name):
    path = tmp_path / name
    path.write_text("text")
    with pytest.raises(UnsupportedInput, match=name):
        read(path)
    assert ".txt" in SUPPORTED_SUFFIXES

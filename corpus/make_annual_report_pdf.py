"""Build corpus/raw/navoi_library_annual_report_2021.pdf from the text below (fpdf2, DejaVu).

The report is written for the gold corpus (it is not a real report; people are invented). It
exercises what PDFs add to plain text: a running header and page numbers on every page, a
paragraph broken across a page, and letters outside Latin-1 (ʻ ş ğ ı ł). Run from anywhere:

    python corpus/make_annual_report_pdf.py

The output is deterministic (fixed creation date), so re-running gives the same bytes.
"""

import datetime
from pathlib import Path

from fpdf import FPDF

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
OUT = Path(__file__).resolve().parent / "raw" / "navoi_library_annual_report_2021.pdf"
HEADER = "Alisher Navoi National Library of Uzbekistan — Annual Report 2021"

# (kind, text): "h" heading, "p" paragraph. Blank space before the webinar paragraph pushes it
# across the page break (checked: it starts on page 2 and ends on page 3).
CONTENT = [
    ("h", "Annual Report 2021"),
    ("h", "International Relations and Exchange"),
    ("p", "This chapter describes the international activities of the Alisher Navoi National Library of "
          "Uzbekistan in 2021. Despite the restrictions caused by the pandemic, the library kept working with "
          "64 partner organisations in 27 countries, and several of its plans for the year were carried out "
          "online."),
    ("p", "On 1 February 2021 the library established a Department of International Relations and Exchange, "
          "which took over the exchange of publications with 41 foreign partners."),
    ("p", "On 15 March 2021 the Director General of the library, Dilnoza Rashidova, and the Director of the "
          "National Library of Belarus, Aleksandr Kovalenko, signed a memorandum of understanding in an online "
          "ceremony. The memorandum covers the exchange of electronic copies of rare books and joint "
          "bibliographies of Uzbek and Belarusian publications."),
    ("p", "On 22 April 2021 Mr. Kim Sung-ho, director of the Korea Foundation office in Tashkent, handed over "
          "1,200 books on Korean history, language and culture for the library's Korean Studies Corner."),
    ("p", "From 7 to 11 June 2021, four specialists of the Manuscripts Department worked at the Bavarian State "
          "Library in Munich to study the restoration and digitisation of oriental manuscripts. The visit was "
          "supported by the Goethe-Institut Tashkent."),
    ("p", "On 9 September 2021 a delegation of the National Library of Tajikistan led by its director Farrukh "
          "Rahimov visited the library and toured the Rare Books Reading Room. The guests presented 75 books "
          "by Tajik authors to the library."),
    ("h", "Webinars and conferences"),
    ("p", "Between September and November 2021, the library and the Russian State Library held a series of six "
          "webinars on digital preservation, metadata standards and services for readers with visual "
          "impairments. The webinars were attended by more than 900 librarians from Uzbekistan, Russia, "
          "Kazakhstan and Kyrgyzstan, and the recordings of all sessions were published on the library's "
          "website together with the presentations of the speakers, so that colleagues in regional libraries "
          "who could not take part could use them in their own training courses for staff and readers."),
    ("p", "On 28 October 2021 the international conference \"Libraries of the Silk Road: Heritage and "
          "Digitisation\" was held at the library in Tashkent, organised together with the UNESCO Office in "
          "Tashkent and the Academy of Sciences of the Republic of Uzbekistan. Speakers included Professor "
          "Ayşe Yılmaz of Ankara University and Dr. Jan Michałowski of the Jagiellonian Library in Kraków."),
    ("p", "An exhibition of Uzbek miniature painting and calligraphy, prepared by the library together with the Aga Khan Trust for Culture, opened in "
          "the library's main hall on 3 December 2021."),
    ("h", "Projects and publications"),
    ("p", "In 2021 the library also launched a joint project with the National Library of Korea to digitise 300 "
          "Korean-language books published in Central Asia between 1937 and 1991."),
    ("p", "The second issue of the bulletin \"Kutubxona va jamiyat\", prepared by the library with colleagues "
          "from Oʻzbekiston and Qaraqalpaqstan, was published in November 2021."),
    ("p", "Under exchange agreements, the library sent 2,450 publications to foreign partners and received "
          "1,870 publications in return during the year."),
]


class Report(FPDF):
    def header(self):
        self.set_font("DejaVu", size=8)
        self.cell(0, 8, HEADER, align="C")
        self.ln(12)

    def footer(self):
        self.set_y(-15)
        self.set_font("DejaVu", size=8)
        self.cell(0, 8, f"Page {self.page_no()}", align="C")


def build(out: Path = OUT) -> Path:
    pdf = Report(format=(148, 210))
    pdf.set_creation_date(datetime.datetime(2022, 3, 1, tzinfo=datetime.timezone.utc))
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSerif.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSerif-Bold.ttf"))
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()
    for kind, text in CONTENT:
        if kind == "h":
            pdf.set_font("DejaVu", "B", 12)
            pdf.multi_cell(0, 7, text)
            pdf.ln(4)
        else:
            pdf.set_font("DejaVu", "", 11)
            pdf.multi_cell(0, 6, text)
            pdf.ln(4)
    out.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(out))
    return out


if __name__ == "__main__":
    print(build())

"""Build corpus/raw/mosul_central_library_2019.docx (python-docx) from the text below.

A Word report section on the University of Mosul Central Library's cooperation and donations in
2019. The body paragraphs are copied verbatim from the library's own English news pages (addresses
in corpus/README.md); the five sub-headings are those pages' titles. Only the H1 title, the H2
section names and the rows of the summary table are composed, and each row restates only what the
copied paragraphs say. Sentences the store cut off ("answering all [Read More]") are left out.
It exercises what .docx adds: heading styles (Heading 1/2/3), a table read row by row (cells
joined by " | "), curly apostrophes. Run from anywhere:

    python corpus/make_mosul_central_library_2019_docx.py

The output is deterministic: fixed core properties and fixed zip member timestamps, so re-running
gives the same bytes.
"""

import datetime
import io
import zipfile
from pathlib import Path

import docx
from docx.shared import Pt

OUT = Path(__file__).resolve().parent / "raw" / "mosul_central_library_2019.docx"
FIXED = datetime.datetime(2020, 2, 3, 9, 0, 0)

# (kind, text): "h1" / "h2" / "h3" heading levels, "p" paragraph.
CONTENT = [
    ("h1", "University of Mosul Central Library: Cooperation and Donations in 2019"),
    ("h2", "Visits"),
    ("h3", "Receiving the newly reconstructed Ibn Khaldun Library"),
    ("p", "On Monday, June 17, 2019, a group of engineers from the Department of Construction and Projects of "
          "the University of Mosul visited Ibn Khaldun Central Library to receive it after the reconstruction "
          "and rehabilitation done by the UNDP, funded by Germany and supervised by Iraqi government. The group "
          "is the representative body to follow up the reconstruction of the library to alleviate the suffering "
          "of the users in getting the resources they want in the second campus of the University of Mosul "
          "after the destruction of the library caused by the terrorist ISIS."),
    ("h3", "(UNHCR) Delegation to Central Library"),
    ("p", "On Tuesday, June 25, 2019, A delegation from the United Nations High Commissioner for Refugees (UNHCR) "
          "visited the Central Library to be informed about the sources and references that survived the fires "
          "of the terrorist gang of ISIS. The representatives of the administrative and technical departments of "
          "the library and Mr. Ali Albaroody told the delegation about the help presented by many persons and "
          "academic institutions and international and local organizations to revive the library which was one "
          "of the most important libraries in the Middle East."),
    ("h3", "A Delegation from AMIDEAST, American Organization, Visits the Central Library"),
    ("p", "As part of the approach of the University of Mosul, headed by Prof. Dr. Kossay Al-Ahmady, to the "
          "adoption of the policy of increasing the openness towards all active international and local "
          "institutions and organizations, a delegation from the American Organization of AMIDEAST (Iraq branch) "
          "visited the Central Library on Monday, 18 November 2019. The visitors were received by Mr. Sayf "
          "Al-Ashqar, Secretary-General of the University Libraries, who gave them a detailed explanation of the "
          "Library’s status and aspirations and the level of international and local cooperation established "
          "after the liberation from ISIS terrorist groups. He also briefed them of the importance of the role of "
          "media support in highlighting and introducing the international community to the status of the "
          "Library. After that, Mr. Sayf took them in a tour in the Library divisions and units, explaining the "
          "mechanism of the work there and showing them a video clip entitled (The Library’s Identity). At the "
          "end of the visit, the delegation expressed their admiration for what was accomplished in the library "
          "during a record period despite the big challenges, hoping to set mechanisms to continue communication "
          "and cooperation between the General Secretariat of the University Libraries and AMIDEAST in the fields "
          "of science, knowledge and experience-sharing."),
    ("h2", "Donations"),
    ("h3", "the Central Library at the University of Mosul received a valuable collection of scientific books in "
           "various specialties donated by the University of North Carolina in the United States of America"),
    ("p", "On Sunday, August 4, 2019, the Central Library at the University of Mosul received a valuable "
          "collection of scientific books in various specialties donated by the University of North Carolina in "
          "the United States of America as part of the international efforts to revive the Central Library. Once "
          "books arrived, the technical staff of the library began sorting books and preparing them for "
          "cataloging and classification to be ready for use by the researchers. We appreciate all who contribute "
          "to the rebuilding of our library and providing it with what it lacks as much as possible to accelerate "
          "its return to its great role in disseminating information and scientific and literary cognition to "
          "all students and researchers."),
    ("p", "The consistent efforts of Mr. President, University of Mosul, Prof. Dr. Kossay Al-Ahmady continue to "
          "extend bridges of knowledge communication and cooperation with the society. On Wednesday, September "
          "25, 2019, and by the supervision of the Secretary-General of the libraries, University of Mosul, Mr. "
          "Sayf Al-Ashqar, the Central Library received Dr. Mohammad Fawzy Tabbou’s personal library that "
          "consists of many valuable books. These books will undoubtedly constitute useful addition to the "
          "library shelves to back up the efforts aimed to revive our library to return as a cultural and "
          "scientific resource and as a symbol of the University of Mosul. For his part, the Secretary-General "
          "thanked Dr. Tabbou and his family. He also thanked Eng. Yarub and the cadre who helped move the books"),
    ("h2", "Conferences"),
    ("h3", "Meetings and Initiatives for Joint Cooperation during the UNESCO Conference in Qatar"),
    ("p", "In line with the vision adopted by Prof. Dr. Kossay Al-Ahmady, President of the University of Mosul, "
          "to stress on showing the real situation of the University, reviewing the efforts made by it's members "
          "and opening up to the participations in cooperation programs, Mr. Sayf Al-Ashqar, Secretary-General of "
          "the University libraries, during the conference, presented the University President’s gifts to "
          "UNESCO and to the National Library of Qatar, including shields of the Central Library."),
    ("h2", "Summary of the year"),
]

# The only composed text besides the headings: each row restates a copied paragraph.
TABLE = [
    ("Date", "Partner", "Activity"),
    ("25 June 2019", "United Nations High Commissioner for Refugees (UNHCR)", "Delegation visited the Central Library"),
    ("4 August 2019", "University of North Carolina, United States of America",
     "Donation of a collection of scientific books in various specialties"),
    ("25 September 2019", "Dr. Mohammad Fawzy Tabbou", "Donation of his personal library of valuable books"),
    ("18 November 2019", "AMIDEAST (Iraq branch)", "Delegation visited the Central Library"),
]


def _document() -> docx.Document:
    doc = docx.Document()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    props = doc.core_properties
    props.title = "University of Mosul Central Library: Cooperation and Donations in 2019"
    props.author = "coopextract corpus"
    props.last_modified_by = "coopextract corpus"
    props.created = FIXED
    props.modified = FIXED
    props.revision = 1
    for kind, text in CONTENT:
        if kind == "p":
            doc.add_paragraph(text)
        else:
            doc.add_heading(text, level=int(kind[1]))
    table = doc.add_table(rows=0, cols=3)
    table.style = "Table Grid"
    for i, row in enumerate(TABLE):
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
            if i == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
    return doc


def _fixed_zip(data: bytes) -> bytes:
    """The same package with every member's timestamp fixed (python-docx stamps the save time)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def build(out: Path = OUT) -> Path:
    buffer = io.BytesIO()
    _document().save(buffer)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(_fixed_zip(buffer.getvalue()))
    return out


if __name__ == "__main__":
    print(build())

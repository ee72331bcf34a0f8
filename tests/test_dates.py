"""The date stage on realistic sentences: finding, normalising, resolving in context."""

import json

import pytest

from coopextract.pipeline.dates.find_dates import load_date_patterns
from coopextract.pipeline.dates.normalise import DateNormaliser, load_date_words
from coopextract.errors import ModelsError
from coopextract.extract import extract_text
from coopextract.records import edtf_is_valid
from coopextract.resources import models_path


def dates_of(text, ref_date=None):
    paragraphs = extract_text(text, doc_id="t", ref_date=ref_date)
    out = []
    for p in paragraphs:
        for d in p.dates:
            assert text[d.char_start:d.char_end] == d.text  # offsets cut the span back out
            assert edtf_is_valid(d.edtf)
            out.append(d)
    return out


def edtfs(text, ref_date=None):
    return [d.edtf for d in dates_of(text, ref_date)]


# -- single expressions: (sentence, expected edtf list) -------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    # full dates, every common order and style
    ("On January 24, 2020, the delegation visited the National Library.", ["2020-01-24"]),
    ("The agreement was signed on 24 January 2020 in Baku.", ["2020-01-24"]),
    ("The exhibition opened on 24.01.2020 at the main hall.", ["2020-01-24"]),
    ("The report is dated 2020-01-24 and was published online.", ["2020-01-24"]),
    ("The memorandum was signed on the 5th of May 2019 in Ankara.", ["2019-05-05"]),
    ("Minister spoke on Monday, 12 March 2012, at the opening.", ["2012-03-12"]),
    ("The visit took place on Sept. 3, 2019.", ["2019-09-03"]),
    # a dateline with the year after a slash
    ("Nairobi, March 4/2021 The embassy handed over books to the library.", ["2021-03-04"]),
    # month-year, years, decades, centuries, seasons
    ("In October 2022, a delegation led by the rector arrived.", ["2022-10"]),
    ("In 1929, the library moved to a new building.", ["1929"]),
    ("The year 2019 marked a period when new horizons opened.", ["2019"]),
    ("Although UNESCO's 1958 decision stipulated free exchange, it was not ratified.", ["1958"]),
    ("He worked as Junior Researcher (2005) and Researcher (2007).", ["2005", "2007"]),
    ("In the 1990s the collection grew quickly.", ["199X"]),
    # "the 1800s" and "the 1900s" are centuries; "the 2000s" is a decade
    ("The archive holds letters from the 1800s.", ["18XX"]),
    ("In the 2000s the library went online.", ["200X"]),
    ("The exchange flourished in the 1920s–1930s.", ["192X/193X"]),
    ("By the early 2000s most catalogues were online.", ["200X"]),
    ("Since the early 2000s, joint digital projects have been launched.", ["2000/.."]),
    ("In the early twentieth century the press expanded.", ["19XX"]),
    ("Since the late twentieth century, reforms have changed libraries.", ["1900/.."]),
    ("Manuscripts from the late 19th century were restored.", ["18XX"]),
    ("The 19th and 20th centuries saw rapid growth of public libraries.", ["18XX/19XX"]),
    ("The mid-1990s saw the first online catalogues.", ["199X"]),
    # a decade written with an apostrophe, which the tokenizer cuts off
    ("In the 1960's the library began to exchange journals.", ["196X"]),
    ("Exchanges stopped in the early 1940’s and resumed later.", ["194X"]),
    ("A new reading room opened in spring 2019.", ["2019-21"]),
    ("International cooperation: news from the first quarter of 2023", ["2023-01/2023-03"]),
    ("Visits rose in the second half of 2019 and in Q1 2020.", ["2019-07/2019-12", "2020-01/2020-03"]),
    ("In mid-2022, the board approved a new strategy.", ["2022"]),
    ("During the 1980s and 1990s she led the exchange programme.", ["198X", "199X"]),
    ("Reforms accelerated in the post-1991 era.", ["1991/.."]),
    ("The grant runs through 2024.", ["2024"]),
    # ranges
    ("From 26–29 December 2022, a group of specialists visited Ankara.", ["2022-12-26/2022-12-29"]),
    ("The training was held December 26–29, 2022 in Izmir.", ["2022-12-26/2022-12-29"]),
    ("The training was held 26-29, December 2022 in Izmir.", ["2022-12-26/2022-12-29"]),
    ("An analysis of exchange operations conducted in 1955–1958 shows growth.", ["1955/1958"]),
    ("Between 2015 and 2024, he held several senior posts.", ["2015/2024"]),
    ("The 2022-2023 academic year began with a seminar.", ["2022/2023"]),
    ("The 2020/21 season of lectures was cancelled.", ["2020/2021"]),
    ("The exhibition ran from May 5 to June 7, 2019.", ["2019-05-05/2019-06-07"]),
    # a range whose days are written with their weekdays and each with its month
    ("The congress ran from Monday, 4 March to Friday, 8 March 2024 in Tartu.", ["2024-03-04/2024-03-08"]),
    ("The course ran Tuesday 2 May – Thursday 4 May 2023.", ["2023-05-02/2023-05-04"]),
    # a full date in brackets after a title is a date, not an author-year citation
    ("Bulletin No. 7 (March 12, 1998) reports the visit.", ["1998-03-12"]),
    ("The project ran January–March 2020 with three partners.", ["2020-01/2020-03"]),
    # months joined by "and" or listed, "of" before the year: one span from the first to the last
    ("In October and November of 1998 I stayed in Bergen.", ["1998-10/1998-11"]),
    ("In May, June and July 2003 the reading room was closed.", ["2003-05/2003-07"]),
    # an ordinal suffix written apart from its day
    ("The presentation was made at the library on 25 th December, 2008.", ["2008-12-25"]),
    # open intervals
    ("Especially since 2016, relations between the libraries have deepened.", ["2016/.."]),
    ("From 1935 onward, the branch received foreign journals.", ["1935/.."]),
    ("The department worked independently until 1991.", ["../1991"]),
])
def test_explicit_dates(sentence, expected):
    assert edtfs(sentence) == expected


@pytest.mark.parametrize("sentence, start, end, precision", [
    ("In the 1990s the collection grew.", "1990", "1999", "decade"),
    ("Maps of the 19th century were shown.", "1800", "1899", "century"),
    ("Since 2016, ties have grown.", "2016", None, "year"),
    ("The office existed until 1991.", None, "1991", "year"),
    ("From 26–29 December 2022, specialists met.", "2022-12-26", "2022-12-29", "day"),
    ("In June 2024, an online meeting was held.", "2024-06", "2024-06", "month"),
])
def test_start_end_precision(sentence, start, end, precision):
    (d,) = dates_of(sentence)
    assert (d.start, d.end, d.precision) == (start, end, precision)


# -- not dates ------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "The library celebrated its 100th anniversary with a concert.",
    "Delegates attended the 27th Annual Meeting of the association.",
    "The 61st Library Week was opened by the minister.",
    "The mosque is more than 250 years old.",
    "They have cooperated for over 30 years.",
    "The training lasted a month and the project five years.",
    "See the proceedings, p. 3783–3791, for details.",
    "The article appeared in the journal, pp. 59-75.",
    "The bureau compiled the bibliography (Khalafov, 2007, p. 320).",
    "Records were kept carefully (Archive of the ANAS CSL, 2024).",
    "Funded under projects EIF/GAM-1-2011-2(4)-26/02/1-M-02 and others.",
    "The fund holds 9,275 printed items.",
    "The collection of 2000 books was catalogued.",
    "The library is now currently open to all readers.",
    "Her ORCID is 0000-0002-1825-0097 and phone +994 12 510 5320.",
    "See https://example.org/news/2019/05/visit.html for photos.",
    "The library will receive 1500 books from the partner.",
    "May the new reading room serve readers well.",
    "Revenue grew to 2019 million, up from 1850 million.",
    "The index rose by 2045 points over the period.",
    "The march to the library began at noon.",
    "The team won the match 13/20 in the end.",
])
def test_not_dates(sentence):
    assert edtfs(sentence) == []


# -- context: year-less, relative, deictic, ambiguous numeric -------------------------------
LOG_NEWEST_FIRST = (
    "On March 19, 2018, the former IFLA President visited the library.\n\n"
    "On February 28, a British writer visited the library.\n\n"
    "On April 14, 2017, a delegation from Kazakhstan came.\n\n"
    "On September 26, 2013, the rector signed an agreement.\n\n"
    "On December, 3 a group of students visited the library.\n\n"
    "On November, 5 the ambassador presented books.\n\n"
    "On March 12, 2012, the director met colleagues."
)

LOG_OLDEST_FIRST = (
    "On 12 March 2012 the director met colleagues.\n\n"
    "On 5 November a delegation arrived.\n\n"
    "On 3 February 2013 the agreement was signed."
)


@pytest.mark.parametrize("text, expected", [
    (LOG_NEWEST_FIRST, ["2018-03-19", "2018-02-28", "2017-04-14", "2013-09-26", "2012-12-03", "2012-11-05", "2012-03-12"]),
    (LOG_OLDEST_FIRST, ["2012-03-12", "2012-11-05", "2013-02-03"]),
    ("In 2018 the programme started. Between March and May, staff visited 12 libraries.",
     ["2018", "2018-03/2018-05"]),
    ("In 2019, the library joined the network. In March, a delegation visited; in early June the partners met.",
     ["2019", "2019-03", "2019-06"]),
    ("The exhibition opened on 15 December 2022 and runs until 31 March 2023.\n\n"
     "On 14 March the Library hosted a seminar.\n\nOn 2 February 2023 books were presented.",
     ["2022-12-15", "../2023-03-31", "2023-03-14", "2023-02-02"]),
    ("In 2024, staff were trained in Baku. From 18–23 December, they held sessions in the regions.",
     ["2024", "2024-12-18/2024-12-23"]),
    ("On 19–22 December 2023 a delegation came.\n\nSubsequently, on 26–29 April of the following year, workshops were held.",
     ["2023-12-19/2023-12-22", "2024-04-26/2024-04-29", "2024"]),
])
def test_yearless_dates_take_the_year_that_keeps_the_order(text, expected):
    ds = dates_of(text)
    assert [d.edtf for d in ds] == expected
    assert all(d.inferred == (d.text[-4:].isdigit() is False) for d in ds if d.precision == "day")


@pytest.mark.parametrize("text, expected", [
    ("In 1959, the departments merged. That same year, 240 institutions joined.", ["1959", "1959"]),
    ("The library opened in 2010. The following year, it joined IFLA.", ["2010", "2011"]),
    ("The delegation arrived on 5 May 2019. The next day, it visited the archive.", ["2019-05-05", "2019-05-06"]),
    ("In March 2020 the portal launched; in the same month, 500 users registered.", ["2020-03", "2020-03"]),
    ("The first exchange took place in 1955. Three years later, it covered 40 countries.", ["1955", "1958"]),
    # "over the last five years" is a duration (SPEC §4, issue 16): not a date
    ("Cooperation began in 2019 and over the last five years it has grown.", ["2019"]),
    ("In October 2024 the director said that this year was a success.", ["2024-10", "2024"]),
    ("In 2015 the library joined. Last year it hosted a forum.", ["2015", "2014"]),
])
def test_relative_dates_resolve_against_the_preceding_date(text, expected):
    ds = dates_of(text)
    assert [d.edtf for d in ds] == expected
    assert all(d.inferred for d in ds[1:])


@pytest.mark.parametrize("text, ref_date, expected", [
    ("The delegation arrived yesterday.", "2016-05-08", ["2016-05-07"]),
    ("The director met the ambassador on Tuesday.", "2016-05-08", ["2016-05-03"]),
    ("The exhibition opens this Wednesday.", "2016-05-08", ["2016-05-04"]),
    ("Last week the library hosted a seminar.", "2016-05-08", ["2016-04-25/2016-05-01"]),
    ("Last year the library hosted a seminar.", "2016-05-08", ["2015"]),
    ("The delegation arrived yesterday.", None, []),  # no reference date: left unresolved
    ("The minister opened the reading room on 12 March.", "2016-05-08", ["2016-03-12"]),
    ("The fair will open on 2 January.", "2016-12-20", ["2017-01-02"]),
    ("On Tuesday the director met the ambassador.", None, []),
    # a weekday of a named week
    ("The rector on Monday last week signed the agreement.", "2022-01-14", ["2022-01-03"]),
    ("Last week on Tuesday the rector signed the agreement.", "2022-01-14", ["2022-01-04"]),
    ("The rector will sign the agreement on Monday of next week.", "2022-01-14", ["2022-01-17"]),
])
def test_deictic_dates_use_the_reference_date(text, ref_date, expected):
    assert edtfs(text, ref_date) == expected


@pytest.mark.parametrize("text, expected", [
    ("Monday, 12 March 2012\n\nOn Tuesday the minister visited the library.", ["2012-03-12", "2012-03-06"]),
    ("08-05-2016\n\nYesterday the rector signed the memorandum.", ["2016-05-08", "2016-05-07"]),
    ("No. 198, May 2015\n\nThis year the library opened two branches.", ["2015-05", "2015"]),
    ("Posted on 14 February 2023 by the editor\n\nThe minister visited the library on Wednesday.", ["2023-02-14", "2023-02-08"]),
    # wire-style datelines open the story's first paragraph
    ("Vilnius, 3 June 2022 — On Wednesday the two directors signed the agreement.", ["2022-06-03", "2022-06-01"]),
    ("SEOUL, 9 November 2021 (Yonhap) - Yesterday the National Library of Korea opened an exhibition.",
     ["2021-11-09", "2021-11-08"]),
    # a place and its country, then the date, alone on a line; a semicolon and a colon
    ("Lagos, Nigeria, 3 June 2022\n\nOn Wednesday the two directors signed the agreement.",
     ["2022-06-03", "2022-06-01"]),
    ("Riga; 3 June 2022: On Wednesday the two directors signed the agreement.", ["2022-06-03", "2022-06-01"]),
    # a headline with its day's date at the end
    ("Libraries sign a pact  10.03.2022\n\nOn Tuesday the two directors signed the agreement.",
     ["2022-03-10", "2022-03-08"]),
    # a date line with its clock time is still the date line (the time is no citation page)
    ("April 7, 2020, 9:15 pm\n\nOn Monday the two libraries opened a reading room.", ["2020-04-07", "2020-04-06"]),
    ("Published 12 May 2021, 10 am\n\nYesterday the ambassador visited the library.", ["2021-05-12", "2021-05-11"]),
    # the cue word need not open the line
    ("Press Release Posted On: April 7, 2020\n\nOn Monday the two libraries opened a reading room.",
     ["2020-04-07", "2020-04-06"]),
    # a cued line may carry a byline; "Added:" is a cue like "Posted"
    ("Posted 7 April, 2020 by the Ministry of Culture and Sports in News\n\nOn Monday the library opened a room.",
     ["2020-04-07", "2020-04-06"]),
    ("Added: 2020-04-07 12:41:00\n\nOn Monday the two libraries opened a reading room.", ["2020-04-07", "2020-04-06"]),
    # a store's date marker, then the page's own date line above the story: the page's own counts
    ("date 2020-04-09\n\nBooks donated to Porto\n\n7th Apr 2020 1:54 PM\n\nYesterday the embassy donated books to "
     "the library.", ["2020-04-09", "2020-04-07", "2020-04-06"]),
    # two dates of one line: the first
    ("Posted 7 April 2020 | Updated 9 April 2020\n\nYesterday the embassy donated books to the library.",
     ["2020-04-07", "2020-04-09", "2020-04-06"]),
    # the same in a line of cells longer than a cued line: each cell is one
    ("Published: Wednesday, 4 November 2020, 18:35 | Last updated on Friday, 23 July 2021, 09:22 | "
     "Reading time 3 min\n\nOn 28 October the archive signed an agreement with the library.",
     ["2020-11-04", "2021-07-23", "2020-10-28"]),
    # a page's revision date ("Updated", "Atualizado") is not its story's date while the page
    # has another, and anchors no year-less date of the story
    ("Posted 7 April 2016\n\nUpdated 19 May 2022\n\nOn 2 April the embassy donated books to the library.",
     ["2016-04-07", "2022-05-19", "2016-04-02"]),
    ("Posted 7 April 2016\n\nModified 19 May 2022\n\nYesterday the embassy donated books to the library.",
     ["2016-04-07", "2022-05-19", "2016-04-06"]),
    # a date line that gives only the month: its year serves a year-less day below
    ("Published: 2020-10\n\nOn 20 February the library opened a reading room.", ["2020-10", "2020-02-20"]),
    ("date 2021-04\n\nOn 19 April the library opened a reading room.", ["2021-04", "2021-04-19"]),
    # a byline with its date, and a page title whose last cell is the date
    ("By Ana Rojas 05 June 2020, 5:00PM\n\nYesterday the embassy donated books to the library.",
     ["2020-06-05", "2020-06-04"]),
    ("Embassy donates books to the library | Culture | News and reporting from Bergen and beyond | 02.09.2004\n\n"
     "Yesterday the embassy donated books to the library.", ["2004-09-02", "2004-09-01"]),
    # the month reading does not cut a cued full date short
    ("Updated: 2020-03-09 14:32\n\nYesterday the embassy donated books to the library.", ["2020-03-09", "2020-03-08"]),
    # a wire dateline opening the story wins over the header of the page that reposts it
    ("Friday, June 18, 2021\n\nEmbassy gives books to library\n\n9 June 2021 TARTU — The embassy donated "
     "200 books to the city library on Monday, the ministry said.",
     ["2021-06-18", "2021-06-09", "2021-06-07"]),
    ("Friday, June 18, 2021\n\nEmbassy gives books to library\n\nTartu, 9 June 2021 — The embassy donated "
     "200 books to the city library on Monday, the ministry said.",
     ["2021-06-18", "2021-06-09", "2021-06-07"]),
    # a time stamp opening a line, a byline after it: the story's date
    ("Embassy gives books to library\n\n2021-06-09 10:15:02    Wire service      Editor: anna_b\n\n"
     "The embassy on Monday donated books to the library.", ["2021-06-09", "2021-06-07"]),
])
def test_date_line_is_the_reference_date(text, expected):
    assert edtfs(text) == expected


@pytest.mark.parametrize("text", ["The 2010-11 annual report of the library.", "In the years 2019-20 the library grew."])
def test_a_bare_year_and_two_digits_is_no_month(text):
    assert all(len(value) != 7 for value in edtfs(text))


@pytest.mark.parametrize("text, expected, inferred", [
    # a first field > 12 elsewhere proves day-first
    ("The call closed on 25/04/2019. The meeting was on 03/05/2019.", ["2019-04-25", "2019-05-03"], [False, True]),
    # a second field > 12 proves month-first
    ("The call closed on 04/25/2019. The meeting was on 03/05/2019.", ["2019-04-25", "2019-03-05"], [False, True]),
    # written dates vote when no numeric date decides
    ("On January 24, 2020 the plan was approved; on 03/05/2020 it began.", ["2020-01-24", "2020-03-05"], [False, True]),
    # ranges of numeric dates
    ("On 16.10.2019–18.10.2019 the conference was held in Lublin.", ["2019-10-16/2019-10-18"], [False]),
    ("The school ran 03.05.2019–04.05.2019, after the call of 25.04.2019.", ["2019-05-03/2019-05-04", "2019-04-25"], [True, False]),
    # no evidence: day-first, marked inferred
    ("The seminar took place on 08-05-2016.", ["2016-05-08"], [True]),
    # not ambiguous: never inferred
    ("The seminar took place on 08-08-2016.", ["2016-08-08"], [False]),
])
def test_ambiguous_numeric_dates_follow_the_document(text, expected, inferred):
    ds = dates_of(text)
    assert [d.edtf for d in ds] == expected
    assert [d.inferred for d in ds] == inferred


def test_yearless_date_without_context_is_left_unresolved():
    (d,) = dates_of("On February 28 a writer visited the library.")
    assert (d.edtf, d.start, d.end, d.inferred) == ("XXXX-02-28", None, None, True)


@pytest.mark.parametrize("text, expected", [
    ("The reading room has been closed since November, when the roof leaked.", "XXXX-11"),
    ("The donors were given until mid-March to send the books.", "XXXX-03"),
])
def test_an_open_yearless_month_stays_the_month(text, expected):
    # EDTF has no open interval from a month of an unknown year ("XXXX-11/.." is rejected by
    # the grammar): with no year anywhere the value is the month itself, and the document
    # is read, not stopped by an invalid record.
    assert [d.edtf for d in dates_of(text)] == [expected]


# -- rules as data ----------------------------------------------------------------------------
def test_all_rule_files_load():
    words = load_date_words(models_path("date_words.jsonl"))
    rules = load_date_patterns(models_path("date_patterns.jsonl"), words)
    assert len({r["id"] for r in rules}) == len(rules)
    DateNormaliser(words)


@pytest.mark.parametrize("line, message", [
    ({"id": "x", "label": "DATE", "pattern": [{"LOWER": "in"}], "colour": "red"}, "unknown key"),
    ({"id": "x", "label": "TIME", "pattern": [{"LOWER": "in"}]}, "unknown label"),
    ({"id": "x", "label": "DATE", "pattern": [{"LOWER": {"IN": "@nope"}}]}, "unknown word list"),
    ({"label": "DATE", "pattern": []}, "missing 'id'"),
])
def test_pattern_loader_is_strict(tmp_path, line, message):
    path = tmp_path / "date_patterns.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(ModelsError, match=message) as err:
        load_date_patterns(path, {"months": ["May"]})
    assert str(path) in str(err.value)


def test_word_loader_rejects_unknown_keys(tmp_path):
    path = tmp_path / "date_words.jsonl"
    path.write_text(json.dumps({"id": "months", "words": ["May"], "extra": 1}) + "\n", encoding="utf-8")
    with pytest.raises(ModelsError, match="unknown key"):
        load_date_words(path)


# -- fast paths agree with the libraries they stand in for -----------------------------------
@pytest.mark.parametrize("text", [
    "24 January 2020", "the 5th of May 2019", "January 24, 2020", "Sept. 3, 2019", "May 2015",
    "May of 2015", "December, 3", "18 December", "5th of May", "Feb 29", "31 April 2019",
    "23. August", "31. January 2022",
    # a comma before the year spaced any way, or after the day
    "May 12 , 2010", "22 March ,2018", "21, August 2015", "3 May , 2019",
])
def test_written_dates_fast_path_agrees_with_dateparser(text):
    from coopextract.pipeline.dates.normalise import default_normaliser

    n = default_normaliser()
    month = n._month_re.search(text)
    assert n._written(text) == n._via_dateparser(text, month)


@pytest.mark.parametrize("text", ["May 12 , 2010", "22 March ,2018", "21, August 2015", "3 May , 2019"])
def test_a_spaced_comma_is_read_by_the_fast_path(text):
    """dateparser's first parse costs ~0.3 CPU-s (its timezone and locale expressions): these
    common forms do not need it."""
    from coopextract.pipeline.dates.normalise import default_normaliser

    assert default_normaliser()._written(text) is not None


@pytest.mark.parametrize("text", [
    f"{prep} {qualifier}{month}" for prep in ("by", "By", "since", "SINCE", "until", "till", "during", "throughout")
    for qualifier in ("", "early ", "Late ", "mid-") for month in ("May", "Sept", "DECEMBER", "jan")
])
def test_preposition_month_fast_path_agrees_with_dateparser(text):
    from coopextract.pipeline.dates.normalise import default_normaliser

    n = default_normaliser()
    assert n._preposition_month(text) is not None
    assert (n._preposition_month(text) or None) == n._via_dateparser(text, n._month_re.search(text))


@pytest.mark.parametrize("value", [
    "2019", "2019-05", "2019-05-03", "2020-02-29", "2019-02-30", "2019-13", "199X", "18XX",
    "192X/193X", "2016/..", "../1991", "../..", "2022-12-26/2022-12-29", "2019-05/2020",
    "2000/2003", "2019-21", "XXXX-02-28", "2010/200X",
])
def test_edtf_fast_path_never_accepts_what_edtf_rejects(value):
    from edtf import parse_edtf

    from coopextract.records import _simple_edtf_is_valid

    try:
        parse_edtf(value)
        valid = True
    except Exception:
        valid = False
    if _simple_edtf_is_valid(value):
        assert valid


@pytest.mark.parametrize("text, expected", [
    # the weekday before a year-less day tells its year, near the one the text gives
    ("In 2015 the library was renovated.\n\nOn Saturday, 12 November an exhibition opened.", ["2015", "2016-11-12"]),
    ("In 2015 the library was renovated.\n\nOn Saturday the 12th of November an exhibition opened.",
     ["2015", "2016-11-12"]),
    ("In 2015 the library was renovated.\n\nOn 12 November an exhibition opened.", ["2015", "2015-11-12"]),
])
def test_a_weekday_gives_a_yearless_day_its_year(text, expected):
    assert edtfs(text) == expected


def test_a_bare_weekday_after_a_week_written_as_a_range_is_its_day():
    text = ("Posted 20 July 2025\n\nThe staff week ran from the 23rd-27th June 2025.\n\n"
            "On Monday we visited the college library. On Wednesday we met its director.")
    assert edtfs(text) == ["2025-07-20", "2025-06-23/2025-06-27", "2025-06-23", "2025-06-25"]


def test_without_a_range_a_bare_weekday_is_read_against_the_date_line():
    assert edtfs("Posted 20 July 2025\n\nOn Monday we visited the college library.") == ["2025-07-20", "2025-07-14"]


@pytest.mark.parametrize("text, expected", [
    # a page's layout glues a date to the words around it
    ("Fundraising26 March 2013", "2013-03-26"),
    ("Published:2019-05-14", "2019-05-14"),
    ("Release date:2018-12-12385", "2018-12-12"),
])
def test_a_date_glued_to_the_text_around_it(text, expected):
    assert expected in edtfs(text)


def test_codes_of_letters_and_digits_stay_whole():
    from coopextract.pipeline.build import build_pipeline
    words = [t.text for t in build_pipeline().tokenizer("COVID19, G20, A320, H1N1 and B2B")]
    assert {"COVID19", "G20", "A320", "H1N1", "B2B"} <= set(words)


@pytest.mark.parametrize("text, expected", [
    # two days of different months written with ordinals and "of", one interval
    ("The exhibition ran from the 3rd of May to the 5th of June 2019.", ["2019-05-03/2019-06-05"]),
    # an en dash glued between a month and the next day is cut off
    ("A job-shadowing visit took place on the 30th of March–2nd of April 2022.", ["2022-03-30/2022-04-02"]),
])
def test_ordinal_day_of_month_ranges_across_months(text, expected):
    assert edtfs(text) == expected


@pytest.mark.parametrize("text, days, span", [
    ("The guests visited the library on Thursday 6th and Friday 7th June 2019.", ["2019-06-06", "2019-06-07"], "2019-06-06/2019-06-07"),
    ("The protocols were signed on 6th and 9th June 2019.", ["2019-06-06", "2019-06-09"], "2019-06-06/2019-06-09"),
    ("The seminars were held on 3 and 4 May 2019 in Riga.", ["2019-05-03", "2019-05-04"], "2019-05-03/2019-05-04"),
    # ... and two days of two months
    ("The seminars were held on 30 April and 1 May 2019 in Riga.", ["2019-04-30", "2019-05-01"], "2019-04-30/2019-05-01"),
    ("Les séminaires ont eu lieu les 30 avril et 1er mai 2019 à Lomé.", ["2019-04-30", "2019-05-01"],
     "2019-04-30/2019-05-01"),
    # more days listed with commas before the pair: each a date, the event from the first to the last
    ("The seminars were held on 3, 4 and 5 May 2019 in Riga.", ["2019-05-03", "2019-05-04", "2019-05-05"],
     "2019-05-03/2019-05-05"),
    ("Des séminaires ont été organisés les 8, 9, 10 et 11 juin 2021 à Lomé.",
     ["2021-06-08", "2021-06-09", "2021-06-10", "2021-06-11"], "2021-06-08/2021-06-11"),
])
def test_two_days_joined_by_and_are_two_dates_and_one_event_span(text, days, span):
    # the document's dates list each day (with its own words); the event spans both
    assert edtfs(text) == days
    [event] = [e for p in extract_text(text, doc_id="t") for e in p.events]
    assert event.date.edtf == span


def test_hours_joined_by_and_are_no_days():
    assert edtfs("Between 3 and 4 pm the guests arrived on 5 May 2019.") == ["2019-05-05"]

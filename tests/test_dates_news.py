"""Dates in general news (issue 16): weekdays, "last/next/this X", year-less months by the
clause's tense, quarters, two-digit years, open ends, seasons; durations stay out.
Sentences written for these tests."""

import pytest

from test_dates import dates_of, edtfs
from coopextract.extract import extract_text

# Tuesday 9 March 2021
REF = "2021-03-09"


@pytest.mark.parametrize("text, expected", [
    # a bare weekday: the latest such day on or before the reference date in a past clause …
    ("The council approved the budget on Friday.", ["2021-03-05"]),
    ("The mayor said Monday that the plan was dropped.", ["2021-03-08"]),
    ("Thursday the two ministers signed the treaty.", ["2021-03-04"]),
    # … the first such day on or after it in a future clause
    ("The board will meet again Thursday.", ["2021-03-11"]),
    ("Protesters planned a march through the capital on Saturday.", ["2021-03-13"]),
    # a cue after "and" past the date is the next phrase's: the date's own clause decides
    ("The unions will march on Saturday and were told to stay calm.", ["2021-03-13"]),
    ("The mayor opened the fair on Friday and will open a second one in May.", ["2021-03-05", "2021-05"]),
    # a date a past verb of delay moved something to lies ahead
    ("The court adjourned the hearing until Thursday.", ["2021-03-11"]),
    # a negated participle is an adjective, not a past verb: the modal decides
    ("The delegation might arrive as soon as Thursday, according to unconfirmed reports.", ["2021-03-11"]),
    # today: the reference day; in a present-tense clause or as "today's" it is the present
    ("The two directors signed the agreement today.", ["2021-03-09"]),
    ("What is today a museum was once a royal stable.", []),
    ("Today's readers expect digital services.", []),
    # … but "today" as the subject or after a present verb is the reference day
    ("Today is a day of mourning in the city.", ["2021-03-09"]),
    ("The unions hold their vote today.", ["2021-03-09"]),
    # a holiday without its year is chosen like a weekday; with one it is that year's
    ("The reading room was packed on Thanksgiving Day.", ["2020-11-26"]),
    ("The archive will close early on Christmas Eve.", ["2021-12-24"]),
    ("The ferry stopped running last New Year's Day.", ["2021-01-01"]),
    ("The mural was unveiled on Christmas Day 2019.", ["2019-12-25"]),
    # the weekend: its Saturday and Sunday, chosen like a weekday
    ("The archive was flooded over the weekend.", ["2021-03-06/2021-03-07"]),
    ("The square will host a flower market this weekend.", ["2021-03-13/2021-03-14"]),
    # a weekday written with its date: the date decides
    ("The paper wrote in its editorial on Monday, March 22: the bridge must be saved.", ["2021-03-22"]),
    # ... or in brackets after it: that day's weekday, no date of its own
    ("The museum reopened on March 1, 2021 (Monday), after the repairs.", ["2021-03-01"]),
    ("Le musée a rouvert le 1er mars 2021 (lundi) après les travaux.", ["2021-03-01"]),
    # ... or before it with a dash, as a day's heading: the weekday names that date
    ("Monday – 22 March 2021\n\nThe second day of the congress opened with a keynote.", ["2021-03-22"]),
    ("Friday — March 19, 2021: the delegation arrived.", ["2021-03-19"]),
])
def test_weekdays_and_today_follow_the_tense(text, expected):
    assert edtfs(text, REF) == expected


@pytest.mark.parametrize("text, expected", [
    ("The factory closed late last September.", ["2020-09"]),
    ("Prices fell sharply last spring.", ["2020-21"]),
    ("The festival will return this summer.", ["2021-22"]),
    ("The hall reopens next May.", ["2021-05"]),
    ("The trial began in June last year.", ["2020-06"]),
    ("The company will list its shares in April next year.", ["2022-04"]),
    ("Sales rose earlier this month.", ["2021-03"]),
    ("The mine was sold late last year.", ["2020"]),
    ("Sales in the current fiscal year are expected to rise.", ["2021"]),
    ("Visits fell in the current month.", ["2021-03"]),
    ("Orders dropped last week.", ["2021-03-01/2021-03-07"]),
    # the week of a day: its Monday to Sunday
    ("The hearing may be held the week of March 24.", ["2021-03-22/2021-03-28"]),
    ("The fair took place the week of 14 October 2019.", ["2019-10-14/2019-10-20"]),
    # after a determiner and before "of", the final unit of something: no date of its own
    ("The team played its best match on the last day of the tournament.", []),
    ("Ticket sales doubled in the last week of the fair.", []),
    ("Over its past year of trading the shop grew.", []),
    ("The museum closes in the last week of April 2021.", ["2021-04"]),
    # … but a deictic unit before the "of" of a noun's object stays one
    ("The sale last year of the harbour angered the town.", ["2020"]),
])
def test_last_next_this_with_month_season_week_year(text, expected):
    assert edtfs(text, REF) == expected


def test_seasons_fill_start_and_end_as_months():
    (d,) = dates_of("The bridge was repaired last winter.", REF)
    assert (d.edtf, d.start, d.end, d.precision) == ("2020-24", "2020-12", "2021-02", "month")
    (d,) = dates_of("A new reading room opened in spring 2019.")
    assert (d.start, d.end) == ("2019-03", "2019-05")


@pytest.mark.parametrize("text, ref, expected", [
    # year-less months in a past-tense story take the previous year …
    ("The museum acquired the painting in October.", "2015-02-20", ["2014-10"]),
    # … in a future clause the next one …
    ("The museum will reopen in October.", "2015-02-20", ["2015-10"]),
    ("The library will reopen its reading room by August, untouched by the flood.", "2015-02-20", ["2015-08"]),
    ("The grant would be paid on an unspecified day in January.", "2015-10-20", ["2016-01"]),
    ("The library extended the loan through October.", "2015-02-20", ["2015-10"]),
    # … and one within two months of the story is the story's own, whatever the tense cue
    ("The deadline was moved to March 12.", "2015-02-20", ["2015-03-12"]),
    # a year-less season after a preposition is a season of the year the tense points to
    ("In the summer the library hosted a delegation from Porto.", "2024-02-10", ["2023-22"]),
    ("During the winter the library will host a delegation from Porto.", "2024-10-10", ["2024-24"]),
    # … after "over", "into", "through", "for" as well
    ("Over the winter the archive was closed.", "2024-06-10", ["2023-24"]),
    ("Loans stayed low well into the summer.", "2024-10-10", ["2024-22"]),
    # a month between a determiner and the noun it modifies, or with 's, is a year-less month
    ("Police reopened the file on the October break-in.", "2015-02-20", ["2014-10"]),
    ("The board signed a June agreement with the city.", "2015-10-20", ["2015-06"]),
    ("December's figures were revised upwards.", "2016-01-15", ["2015-12"]),
    # … not a name or a march
    ("Protesters joined the March on Washington.", "2015-02-20", []),
    ("The May government lost its majority.", "2019-06-01", []),
    # "the fall of" is not a season
    ("The rise in the fall of prices was noted.", "2024-10-10", []),
])
def test_yearless_dates_in_a_story_follow_the_tense(text, ref, expected):
    assert edtfs(text, ref) == expected


def test_numeric_date_line_gives_the_year_and_anchors_relative_dates():
    text = "15-09-2016\n\nOn September 15 the mayor opened the new branch. Yesterday the council voted."
    assert edtfs(text) == ["2016-09-15", "2016-09-15", "2016-09-14"]


@pytest.mark.parametrize("text, expected", [
    # a dateline's numeric date with a two-digit year, after its place or opening the line
    ("Tarvo - 26/01/24, the delegation visited the archive.", ["2024-01-26"]),
    ("Tarvo, 05.03.98 – The delegation visited the archive.", ["1998-03-05"]),
    ("26/01/24: The delegation visited the archive.", ["2024-01-26"]),
    # with a full stop after the date, day first when the order is open ("Tarvo, 04.05.19.")
    ("Tarvo, 04.05.19. /Ana Lind - Tarvo News/. The archive opened a reading room.", ["2019-05-04"]),
    ("04.05.19. The archive opened a reading room.", ["2019-05-04"]),
    # alone in its paragraph, a post's date line under its byline; it anchors "this year"
    ("Ana Lind\n\n12.03.19\n\nEste año visité la biblioteca de 2015.", ["2019-03-12", "2019", "2015"]),
    ("Ana Lind\n\n(03/12/19)\n\nThe archive opened a reading room.", ["2019-12-03"]),
    # not inside a sentence, where such a number is no date
    ("Ana Lind\n\nSee 12.03.19 below.\n\nThe archive opened a reading room.", []),
    ("The ratio of the three samples was 3/4/12 in the table.", []),
    ("The delegation visited the archive; see table 2.4.12 below.", []),
])
def test_a_datelines_two_digit_year(text, expected):
    assert edtfs(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a weekday and its day/month in brackets (Indonesian, Malay news); a day back from the
    # paragraph's date stays in its year, a later one goes forward
    ("Tarvo 25 September 2019\n\nRabu (25/9) perpustakaan dibuka. Selasa (24/9) delegasi datang.",
     ["2019-09-25", "2019-09-25", "2019-09-24"]),
    ("Tarvo 30 December 2019\n\nSenin (30/12) perpustakaan dibuka. Kamis (2/1) delegasi datang.",
     ["2019-12-30", "2019-12-30", "2020-01-02"]),
    # a range of days in two months with the dash glued to the first month
    ("The workshop (30 May-1st June 2008) was held in Tarvo.", ["2008-05-30/2008-06-01"]),
    ("The course ran 28 March-2 April 2019 in Tarvo.", ["2019-03-28/2019-04-02"]),
])
def test_day_month_in_brackets_and_glued_ranges(text, expected):
    assert edtfs(text) == expected


@pytest.mark.parametrize("text, ref, expected", [
    ("Profits rose in the third quarter.", "1989-10-27", ["1989-07/1989-09"]),
    ("Third-quarter sales fell.", "1989-10-27", ["1989-07/1989-09"]),
    ("Sales will recover in the first quarter.", "1989-10-27", ["1990-01/1990-03"]),
    ("The Bible was printed in the first half of the 19th century.", "1989-10-27", ["18XX"]),
])
def test_year_less_quarters_take_the_reference_year(text, ref, expected):
    assert edtfs(text, ref) == expected


@pytest.mark.parametrize("text, expected", [
    # a reporting period without its number: the quarter last named …
    ("The brewer's profit doubled in the third quarter. In the quarter, sales of lager rose.",
     ["1989-07/1989-09", "1989-07/1989-09"]),
    ("Orders rose in the second quarter. The latest period also saw lower costs.",
     ["1989-04/1989-06", "1989-04/1989-06"]),
    # … else the last completed quarter (the one being reported); the current one in a future clause
    ("The shipyard lost money in the latest quarter.", ["1989-07/1989-09"]),
    ("The chain will break even this quarter.", ["1989-10/1989-12"]),
    # "the latest quarter" is one already over, not a coming quarter named before it …
    ("The insurer expects a fourth-quarter charge. Claims fell in the latest quarter.",
     ["1989-10/1989-12", "1989-07/1989-09"]),
    ("Rates hardly moved in the third quarter. Fourth-quarter orders look weak, and the latest period "
     "was flat.", ["1989-07/1989-09", "1989-10/1989-12", "1989-07/1989-09"]),
    # … and "the current quarter" the one under way
    ("Sales rose in the third quarter, and the firm said the current quarter began well.",
     ["1989-07/1989-09", "1989-10/1989-12"]),
    # the same period a year back
    ("The miner earned $4 million in the third quarter, against $6 million in the year-ago quarter.",
     ["1989-07/1989-09", "1988-07/1988-09"]),
    ("Net income fell in the third quarter to $3 million from $5 million a year earlier.",
     ["1989-07/1989-09", "1988-07/1988-09"]),
    ("Third-quarter revenue climbed, while year-earlier results were restated.",
     ["1989-07/1989-09", "1988-07/1988-09"]),
    ("For the quarter a year ago the bank reported a small gain.", ["1988-07/1988-09"]),
    # a year back is of a period already over, not of a coming one named in a forecast
    ("Profit rose in the third quarter. Analysts see a gain in the third quarter of 1990. In the year-ago "
     "period, profit was flat.", ["1989-07/1989-09", "1990-07/1990-09", "1988-07/1988-09"]),
    # after a span of several quarters ("the nine months"), a year back is the year before the story's
    ("Net rose in the third quarter. For the nine months, profit was $9 million, against $7 million "
     "a year earlier.", ["1989-07/1989-09", "1988"]),
    ("Net rose in the third quarter. In the first six months, sales topped those of the 1988 period.",
     ["1989-07/1989-09", "1988"]),
    ("In the year-ago third quarter the airline earned $2 million.", ["1988-07/1988-09"]),
    # "year-earlier" with no period before it: the year before the story's
    ("The year-earlier figures included a one-time gain.", ["1988"]),
    # a year's period: its quarter from the one last named; a year named relative to the story's
    ("Losses narrowed in the second quarter; the 1988 quarter had a large write-off.",
     ["1989-04/1989-06", "1988-04/1988-06"]),
    ("Exports for this year's third quarter reached a record.", ["1989-07/1989-09"]),
    # a part of a year before the amount it earned is the period; a comparison of quarters is none
    ("The mill posted a loss for the third quarter of $3.1 million.", ["1989-07/1989-09"]),
    ("The brewer's first half of C$40 million beat forecasts.", ["1989-01/1989-06"]),
    ("The quarter-to-quarter comparison was hurt by a strike.", []),
    ("The spin-off could take effect in next year's first half.", ["1990-01/1990-06"]),
])
def test_reporting_periods_in_financial_news(text, expected):
    assert edtfs(text, "1989-10-27") == expected


@pytest.mark.parametrize("text, ref, expected", [
    # years in words, as transcripts of broadcasts write them
    ("The library first opened in nineteen seventy-two.", "2021-03-09", ["1972"]),
    ("March nineteen eighty-five. A fire broke out in the archive.", "2021-03-09", ["1985-03"]),
    ("The roof leaked all through the winter of nineteen ninety.", "2021-03-09", ["1990-24"]),
    ("The catalogue was to be online by the year two thousand.", "1998-03-09", ["2000"]),
    ("The band first toured Europe in '67.", "2021-03-09", ["1967"]),
    ("The club was founded in '05.", "2021-03-09", ["2005"]),
    ("Vinyl sales peaked in the '90s.", "2021-03-09", ["199X"]),
    ("By the early 2000s most catalogues were online.", None, ["200X"]),
])
def test_two_digit_years_and_decades(text, ref, expected):
    assert edtfs(text, ref) == expected


@pytest.mark.parametrize("text, expected", [
    ("The exhibition runs until 30.01.2022 in the east wing.", ["../2022-01-30"]),
    ("The reading room stays closed until 03.01.2022.", ["../2022-01-03"]),
    ("The archive has been open to the public since 12.03.2020.", ["2020-03-12/.."]),
])
def test_open_intervals_with_numeric_dates(text, expected):
    assert edtfs(text) == expected


@pytest.mark.parametrize("text, expected", [
    # two full dates joined by a range word are one interval
    ("The agreement runs for 14 months beginning October 11, 2018 through December 30, 2019.",
     ["2018-10-11/2019-12-30"]),
    ("The loan lasted from 11 October 2018 to 5 January 2019.", ["2018-10-11/2019-01-05"]),
    # a qualifier does not close an open interval
    ("Since early 1999 the two libraries have exchanged journals.", ["1999/.."]),
    ("Until late 2019 the reading room stayed closed.", ["../2019"]),
    # numeric dates with a full stop and a space after day and month; a dash glued to one day
    ("The stay lasted from 24. 4. 2018 – 27. 4. 2018 in Linz.", ["2018-04-24/2018-04-27"]),
    ("The benchmarking took place on 17- 18th October 2012.", ["2012-10-17/2012-10-18"]),
    ("The benchmarking took place on 17 -18 October 2012.", ["2012-10-17/2012-10-18"]),
    # a day of a year named relative to the reference date
    ("On September 16 of this year the delegation arrived.", ["2021-09-16"]),
    ("On 16 September last year the delegation arrived.", ["2020-09-16"]),
])
def test_full_date_ranges_qualified_open_ends_and_relative_years(text, expected):
    assert edtfs(text, "2021-10-01") == expected


@pytest.mark.parametrize("text, expected", [
    ("A study visit took place from the 18th to the 22nd of May 2025.", ["2025-05-18/2025-05-22"]),
    # each end named with its weekday
    ("The assembly met from Sunday 4th to Thursday 8th October 2026 in Tarvo.", ["2026-10-04/2026-10-08"]),
    ("The school was open Monday 2 - Friday 6 March 2026.", ["2026-03-02/2026-03-06"]),
    ("Mac visited us in July of 2024 and we returned the visit the following year.", ["2024-07", "2025"]),
    ("The delegation came in 2024. This past July, the partners met again.", ["2024", "2024-07"]),
    # a year-less month after a paragraph that named only a year takes that year
    ("Year 2004\n\nIn August, the director visited Singapore.", ["2004", "2004-08"]),
])
def test_written_ranges_and_narrative_months(text, expected):
    assert edtfs(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a year-less month after any preposition of month_alone, a qualifier joined by a hyphen
    ("The reading room has been closed since August.", ["2020-08/.."]),
    ("Membership has grown steadily since early December.", ["2020-12/.."]),
    ("The old catalogue stays online until mid-April.", ["../2021-04"]),
    ("The bindery worked on the atlases throughout January.", ["2021-01"]),
    ("The ministry cut the grant in mid-February.", ["2021-02"]),
    # a part of a year-less month is the month
    ("The curator retired at the beginning of February.", ["2021-02"]),
    ("By the end of January, the boxes had been moved.", ["2021-01"]),
    # a year-less range of months written with a slash, qualifiers on both ends
    ("During late December/early January the stacks were cleaned.", ["2020-12/2021-01"]),
    ("The survey ran in November/December.", ["2020-11/2020-12"]),
    ("A joint catalogue appeared in May/June 2019.", ["2019-05/2019-06"]),
    # years after 'fiscal', 'both', 'into' and 'dating back to'
    ("In fiscal 2019 the press sold fewer titles.", ["2019"]),
    ("The fund paid out in both 2018 and 2019.", ["2018", "2019"]),
    ("The lease was extended into 2022.", ["2022"]),
    ("A friendship dating back to 1958 links the two towns.", ["1958"]),
])
def test_yearless_months_after_prepositions_and_more_year_contexts(text, expected):
    assert edtfs(text, REF) == expected


@pytest.mark.parametrize("text", [
    "Prices have doubled over the past two years.",
    "The library was closed during the last five months.",
    "The castle is 250 years old.",
    "The works lasted a month.",
])
def test_durations_stay_out(text):
    assert edtfs(text, REF) == []


def planned_of(text, ref_date=REF):
    from coopextract import extract_text
    return [(d.text, d.planned) for p in extract_text(text, ref_date=ref_date) for d in p.dates]


@pytest.mark.parametrize("text, expected", [
    # announced: a plan cue before the date, the date not before the reference date
    ("The next meeting of the board will be held on 6 May 2021.", [("6 May 2021", True)]),
    ("The two libraries are going to sign the agreement next Tuesday.", [("next Tuesday", True)]),
    ("The museum plans to open a reading room in June 2022.", [("June 2022", True)]),
    # not announced: the cue after the date belongs to another verb; a normative "shall"; the past
    ("The memorandum signed on 3 March 2021 will help both libraries.", [("3 March 2021", False)]),
    ("The term shall run until 30 December 2022.", [("until 30 December 2022", False)]),
    ("The library opened its new wing on 3 February 2021.", [("3 February 2021", False)]),
    # a future clause about a date already past is no plan
    ("The exhibition will be remembered as the event of 5 June 2019.", [("5 June 2019", False)]),
])
def test_dates_of_announced_events_are_marked_planned(text, expected):
    assert planned_of(text) == expected


def test_a_day_said_past_in_a_story_dated_by_its_month_is_of_that_month():
    # "dernier" puts the day before the page's date; a page dated only by December 2019 may
    # tell of 17 December 2019
    text = "Décembre 2019\n\nLe 17 décembre dernier, la bibliothèque de Tarvo a reçu des livres."
    assert edtfs(text) == ["2019-12", "2019-12-17"]


def test_a_date_line_closing_the_story_dates_its_lead_and_its_relative_dates():
    text = ("Estonian Corner Opens in Riga University\n\n"
            "On Monday, an Estonian corner opened within the university library of Riga, with books on "
            "Estonian history and culture given by the embassy.\n\n"
            "The Embassy of Estonia has already donated over 200 books to the library.\n\n"
            "By Anna Berg\n\n"
            "13 January 2020 12:05")
    paragraphs = extract_text(text, doc_id="t")
    events = [e for p in paragraphs for e in p.events]
    assert [(e.event_type, e.date.edtf if e.date else None) for e in events if e.event_type == "donation"] == \
        [("donation", "2020-01-13")]
    assert [d.edtf for d in paragraphs[1].dates] == ["2020-01-13"]          # "On Monday": the date line's day


def test_the_dated_heading_of_an_older_entry_at_the_end_is_no_closing_date_line():
    text = ("Our library news\n\n"
            "The embassy donated 300 books to the village library. Books will arrive next week, we hope, "
            "after a long voyage from the port.\n\n"
            "Teachers of the village school will help to catalogue them, and the parents have offered to "
            "build the shelves from local timber.\n\n"
            "A training course for the volunteers will follow, given by the university as an outreach "
            "course to the people of the valley.\n\n"
            "Watch this space for more news as it happens!\n\n"
            "Books arrive in the Highlands\n\n"
            "30 June 2014\n\n"
            "With the kind support of a transport company, the books were taken by truck up to the Highlands "
            "within a few days of the ship arriving in the port.")
    paragraphs = extract_text(text, doc_id="t")
    assert all(e.date is None for e in paragraphs[1].events)


@pytest.mark.parametrize("text, expected", [
    # a year between a determiner and the noun it dates
    ("A 1996 law named for the senator tightened the rules.", ["1996"]),
    ("The council condemned its 1990 decision.", ["1990"]),
    ("That 1978 resolution calls for a withdrawal.", ["1978"]),
    # … or the capitalised name it dates
    ("He spoke at the 2019 Summer Conference of the association.", ["2019"]),
    ("The guests admired the 2004 Olympic stadium.", ["2004"]),
    # … a singular noun in -ss, -us or -is is no plural of counted things
    ("The 2018 congress of the union was held in the capital.", ["2018"]),
    ("The 2019 campus plan was adopted.", ["2019"]),
    # a number before a plural or a unit is a count, not a year
    ("The library sent its 1500 volumes by sea.", []),
    ("The 2000 Americans on board were rescued.", []),
    ("The 1500 km road was paved.", []),
])
def test_a_year_between_a_determiner_and_its_noun(text, expected):
    assert edtfs(text, REF) == expected


@pytest.mark.parametrize("text, expected", [
    # "plan" after a determiner and "set" without "to" are a noun and a participle, no future cue
    ("The council announced the plan on November 2.", ["2020-11-02"]),
    ("The stock fell from its record high set on November 26.", ["2020-11-26"]),
    # … but before "to" or "for" they announce
    ("The museum is set to reopen on November 2.", ["2021-11-02"]),
    ("The council has a plan to reopen the hall in November.", ["2021-11"]),
    # "would" is a future of the story: "would be held on 20 November" is still to come
    ("The minister said the summit would be held on November 20.", ["2021-11-20"]),
    ("The minister said the summit was held on November 20.", ["2020-11-20"]),
])
def test_nouns_and_participles_are_no_future_cue_but_would_is(text, expected):
    assert edtfs(text, REF) == expected


@pytest.mark.parametrize("text, expected", [
    # "is to" / "are to" before a verb announce: the weekday is still to come
    ("The museum is to reopen its doors Friday.", ["2021-03-12"]),
    ("The two rectors are to sign the agreement on Friday.", ["2021-03-12"]),
    # the modal "may" is a future cue; the month "May" is not
    ("The board may meet as early as Friday.", ["2021-03-12"]),
    ("A branch of May Bank in Riga on Friday: the first in the Baltics.", ["2021-03-05"]),
    # a reporting verb after a comma governs the quotation, not the date: the quotation's own cue wins
    ("The delegation will leave for Riga on Friday, the minister said.", ["2021-03-12"]),
    ("The delegation left for Riga on Friday, the minister said.", ["2021-03-05"]),
    # … and it still counts when the quotation has no cue of its own
    ("A new reading room on Friday, the minister said.", ["2021-03-05"]),
])
def test_is_to_may_and_reporting_verbs_as_tense_cues(text, expected):
    assert edtfs(text, REF) == expected


@pytest.mark.parametrize("text, expected", [
    # a fraction of a unit back or ahead is no date
    ("The accords were signed just over half a year ago.", []),
    ("A year and a half later the reading room reopened.", []),
    ("A quarter of a century ago the two libraries met.", []),
    # … a whole one is
    ("The reading room reopened a year ago.", ["2020"]),
    ("It closed in 2015 and a year later it reopened.", ["2015", "2016"]),
])
def test_fractions_of_a_year_are_no_dates(text, expected):
    assert edtfs(text, REF) == expected


@pytest.mark.parametrize("text, expected", [
    # "(this) coming" or "upcoming" before a weekday: the one ahead, whatever the verb's tense
    ("The regional book fair is this coming Sunday.", ["2021-03-14"]),
    ("Readers gather for the upcoming Friday.", ["2021-03-12"]),
    # "last"/"next" with a month and its day: that day, not only the month
    ("The old bridge collapsed last Oct. 23 after a storm.", ["2020-10-23"]),
    ("The orchestra plays next April 2 in the new hall.", ["2021-04-02"]),
    # a year-less month after "of" or "for" when its name is no other word …
    ("The strikes of early December closed the port.", ["2020-12"]),
    ("The ferry timetable for November was printed late.", ["2020-11"]),
    # … not "May", a given name
    ("The painter made a portrait for May and her brother.", []),
    # … and a range after "of" stays one range
    ("Over the period of July-September 2020 the mill was shut.", ["2020-07/2020-09"]),
    # a part of a month without a preposition
    ("The late-November storms flooded the valley.", ["2020-11"]),
    # the end of the year: the year of the story (the date before it), or in a future clause the
    # reference date's year
    ("The dam was finished in May 2018. At the end of the year the valley was flooded.", ["2018-05", "2018"]),
    ("The town was founded between 1718 and 1721. The museum will close by year-end.", ["1718/1721", "2021"]),
])
def test_coming_weekdays_named_days_bare_months_and_year_end(text, expected):
    assert edtfs(text, REF) == expected


def test_a_month_after_a_bracket_is_the_days_not_a_month_of_its_own():
    # "of October" after a day's bracketed note belongs to that day ("the 4th (a Sunday) of
    # October"), so it gives no month of its own
    assert "2020-10" not in edtfs("They rested on the 4th (a Sunday) of October.", REF)

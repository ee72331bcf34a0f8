"""Dates written in other languages than English: month and weekday names of
``models/month_names.tsv`` (built from dateparser's data by ``models/build_months.py``), the
foreign orders of ``date_patterns.jsonl`` (``intl_*``, ``cjk_*``) and their resolution.
Sentences written for these tests."""

import pytest
from builders import build_script

from coopextract.extract import extract_text
from coopextract.pipeline.dates.normalise import load_date_words
from coopextract.records import edtf_is_valid
from coopextract.resources import models_dir, models_path


def dates_of(text, ref_date=None):
    out = []
    for p in extract_text(text, doc_id="t", ref_date=ref_date):
        for d in p.dates:
            assert text[d.char_start:d.char_end] == d.text
            assert edtf_is_valid(d.edtf)
            out.append((d.text, d.edtf))
    return out


def edtfs(text, ref_date=None):
    return [edtf for _, edtf in dates_of(text, ref_date)]


# -- full dates: (language, sentence, expected edtf list) -----------------------------------
@pytest.mark.parametrize("lang, sentence, expected", [
    ("pl", "Konferencja odbyła się w dniach 14-16 października 2017 r. w Krakowie.", ["2017-10-14/2017-10-16"]),
    # a day's full stop glued to its month, as dates typeset without spaces write it
    ("lv", "2021.gada 5.martā bibliotēka saņēma grāmatas.", ["2021-03-05"]),
    ("de", "Am 3.Mai 2019 besuchte die Delegation die Bibliothek.", ["2019-05-03"]),
    ("cs", "Dne 15.října 2018 navštívila delegace knihovnu.", ["2018-10-15"]),
    # two days joined by "and": each is a date of the document (the event spans both)
    ("fr", "Les rencontres ont eu lieu les 3 et 4 mai 2019 à Lyon.", ["2019-05-03", "2019-05-04"]),
    ("es", "Las jornadas se celebraron los días 3 y 4 de mayo de 2019.", ["2019-05-03", "2019-05-04"]),
    ("de", "Die Tagung fand am 3. und 4. Mai 2019 statt.", ["2019-05-03", "2019-05-04"]),
    ("es", "El curso fue del 3 al 5 de mayo de 2019.", ["2019-05-03/2019-05-05"]),
    # "between" before the pair keeps it one span of days
    ("es", "Entre el 26 y 28 de noviembre de 2008 se celebró el encuentro.", ["2008-11-26/2008-11-28"]),
    # Bengali and Hindi: their month names and their own digits
    ("bn", "গত ১২ মার্চ ২০১৯ তারিখে লাইব্রেরিতে বই দেওয়া হয়।", ["2019-03-12"]),
    ("hi", "१२ मार्च २०१९ को पुस्तकालय में पुस्तकें दी गईं।", ["2019-03-12"]),
    # Bosnian and Serbian write the month in the genitive
    ("bs", "Direktorica je 7. avgusta 2016. posjetila gradsku biblioteku.", ["2016-08-07"]),
    ("sr", "Споразум је потписан 3. октобар 2018.", ["2018-10-03"]),
    ("pl", "Umowę podpisano 1 września 2019 roku w Warszawie.", ["2019-09-01"]),
    ("pl", "Wystawa trwała od 3 do 5 maja 2021 r.", ["2021-05-03/2021-05-05"]),
    ("pl", "Delegacja przyjechała w listopadzie 2016 r.", ["2016-11"]),
    ("ru", "Соглашение было подписано 12 апреля 2022 г. в Москве.", ["2022-04-12"]),
    ("ru", "Встреча состоялась 3 декабря 2021 года в библиотеке.", ["2021-12-03"]),
    ("uk", "Меморандум підписали 7 березня 2020 року.", ["2020-03-07"]),
    ("cs", "Smlouva byla podepsána 9. června 2018 v Praze.", ["2018-06-09"]),
    ("es", "El convenio se firmó el martes 4 de mayo de 2021 en Madrid.", ["2021-05-04"]),
    ("es", "La feria se celebró del 3 al 6 de noviembre de 2022.", ["2022-11-03/2022-11-06"]),
    ("es", "La biblioteca abrió en marzo de 2015.", ["2015-03"]),
    ("pt", "O acordo foi assinado em 22 de julho de 2024 no Rio de Janeiro.", ["2024-07-22"]),
    ("fr", "La convention a été signée le 14 juin 2016 à Paris.", ["2016-06-14"]),
    ("fr", "Le colloque aura lieu le 2 févr. 2023 à Lyon.", ["2023-02-02"]),
    ("fr", "Le salon a ouvert ses portes en novembre 2016.", ["2016-11"]),
    ("de", "Der Vertrag wurde am 12. Oktober 2017 in Berlin unterzeichnet.", ["2017-10-12"]),
    ("de", "Die Tagung fand vom 5.–7. September 2019 statt.", ["2019-09-05/2019-09-07"]),
    ("de", "Die Ausstellung wurde am 3. April 2018 eröffnet.", ["2018-04-03"]),
    ("it", "L'accordo è stato firmato il 18 gennaio 2020 a Roma.", ["2020-01-18"]),
    ("id", "Perjanjian ditandatangani pada Selasa, 14 Agustus 2018 di Jakarta.", ["2018-08-14"]),
    ("ms", "Majlis itu diadakan pada 9 Julai 2019 di Kuala Lumpur.", ["2019-07-09"]),
    ("tr", "Protokol 21 Kasım 2017 tarihinde Ankara'da imzalandı.", ["2017-11-21"]),
    ("nl", "De overeenkomst werd op 6 maart 2019 getekend.", ["2019-03-06"]),
    ("sv", "Avtalet undertecknades den 11 oktober 2016 i Stockholm.", ["2016-10-11"]),
    ("ro", "Acordul a fost semnat pe 25 februarie 2021 la București.", ["2021-02-25"]),
    ("hu", "A megállapodást 2019. március 15. napján írták alá.", ["2019-03-15"]),
    ("az", "Saziş 18 dekabr 2019-cu ildə imzalanıb.", ["2019-12-18"]),
    ("id", "Minggu, 23 - Desember - 2012, 05:48", ["2012-12-23"]),
    ("de", "Die Tagung fand vom 5.–7. März 2019 statt.", ["2019-03-05/2019-03-07"]),
    ("ko", "두 도서관은 2014년 9월 3일 협약을 체결했다.", ["2014-09-03"]),
    ("ko", "2016년 말 새 건물이 문을 열었다.", ["2016"]),
    ("ja", "両館は2015年10月21日に協定を結んだ。", ["2015-10-21"]),
    ("zh", "两馆于2018年6月签署了合作协议。", ["2018-06"]),
    ("zh", "新馆于2011年末开放。", ["2011"]),
    ("vi", "Trong tháng 3 năm 2018, hai thư viện đã tăng cường hợp tác.", ["2018-03"]),
    ("vi", "Hoạt động hợp tác quốc tế trong tháng 3/2018.", ["2018-03"]),
    ("vi", "Lễ ký kết diễn ra ngày 5 tháng 3 năm 2018 tại Hà Nội.", ["2018-03-05"]),
    ("vi", "Cụ thể, ngày 14/3/2018, Thư viện đã tiếp Đoàn khách.", ["2018-03-14"]),
    ("az", "Memorandum 15 mart 2022-ci il tarixində imzalanıb.", ["2022-03-15"]),
    ("az", "Kitablar 3 aprel 2021-ci ildə hədiyyə edildi.", ["2021-04-03"]),
    ("ja", "締結しました。5月17日に館長らが訪れました。", ["XXXX-05-17"]),
    # Japanese era years: 平成 (1989-2019), 令和 (2019-), 元年 its first year
    ("ja", "平成24年6月14日、両館は協定を締結した。", ["2012-06-14"]),
    ("ja", "令和元年7月に職員が来館した。", ["2019-07"]),
    # ... glued to the word before it, and with the Western year in brackets, half-width or full-width
    ("ja", "両館は令和4年5月12日に協定を締結した。", ["2022-05-12"]),
    # a bare day just after a written day is a later day of its month (a narrative), not the
    # day nearest the reference date
    ("ja", "2002年7月30日に夕食会が開かれた。翌31日から資料調査を行った。", ["2002-07-30", "2002-07-31"]),
    # a year and the same year of the other calendar in brackets before the month, either first
    ("ja", "2011年(平成23年)10月、両館は協定を締結した。", ["2011-10"]),
    ("ja", "両館は2020年（令和2年）2月5日に協定を締結した。", ["2020-02-05"]),
    ("ja", "2019年(令和元年)7月1日に職員が来館した。", ["2019-07-01"]),
    ("ja", "平成23年(2011年)10月、両館は協定を締結した。", ["2011-10"]),
    ("ja", "平成23年（2011年）10月3日に職員が来館した。", ["2011-10-03"]),
    # a Japanese fiscal year of an era runs from April to March
    ("ja", "両館は平成19年度に協定を結んだ。", ["2007-04/2008-03"]),
    # a range of two full dates, with era years or Western ones
    ("ja", "展示は令和4年11月1日から令和4年12月27日まで開かれた。", ["2022-11-01/2022-12-27"]),
    ("zh", "展览于2019年12月30日至2020年1月2日举行。", ["2019-12-30/2020-01-02"]),
    ("ja", "両館は令和4(2022)年5月12日に協定を締結した。", ["2022-05-12"]),
    ("ja", "令和4（2022）年5月に職員が来館した。", ["2022-05"]),
    # day and month glued with their full stops, a space before the year (Czech, Slovak, Polish)
    ("cs", "Dne 27.9. 2005 navštívil ředitel knihovnu.", ["2005-09-27"]),
    # two days with their weekdays in brackets joined by a range mark are one interval
    ("ja", "2019年10月14日(月)より10月20日(日)の日程で訪問した。", ["2019-10-14/2019-10-20"]),
    # a Japanese date with its weekday in brackets, glued to the clause
    ("ja", "2019年6月30日(火)に代表団が来館した。", ["2019-06-30"]),
    # ... and a Korean one, its bracket glued to the day's mark
    ("ko", "도서관은 2019년 6월 28일(금) 대표단을 맞이했다.", ["2019-06-28"]),
    # a date after a label and an ASCII colon, months and days with a leading zero
    ("zh", "发布时间:2019年05月03日 点击数:", ["2019-05-03"]),
    # a Chinese day range, with and without its year
    ("zh", "2013年7月2日至3日,代表团访问了图书馆。", ["2013-07-02/2013-07-03"]),
    # a range between two days of two months ("entre le ... et le ..."), Danish "fra ... til ..."
    ("fr", "Le stage s'est déroulé entre le 28 février et le 6 mars 2026 à Niamey.", ["2026-02-28/2026-03-06"]),
    ("da", "Kurset løb fra 28. februar til 6. marts 2026 i Odense.", ["2026-02-28/2026-03-06"]),
    # a year-first date with a full stop and a space after each number (Hungarian, Korean), and a range of two
    ("hu", "A látogatás időpontja: 2019. 3. 14. A küldöttség megérkezett.", ["2019-03-14"]),
    ("hu", "Erasmus-hét: 2021. 05. 10.- 2021. 05. 14.", ["2021-05-10/2021-05-14"]),
    ("ko", "2022. 9. 6. 대표단이 도서관을 방문했다.", ["2022-09-06"]),
    # a range of days each named with its weekday
    ("fr", "Le colloque s'est tenu du lundi 5 au jeudi 8 octobre 2026 à Lomé.", ["2026-10-05/2026-10-08"]),
    ("es", "El taller se celebró del martes 3 al viernes 6 de marzo de 2026.", ["2026-03-03/2026-03-06"]),
    # a date right after a quoted Han name's closing quotation mark
    ("zh", '"丝路书香"2019年3月在北京启动。', ["2019-03"]),
    # typeset with a space around each number, the last mark glued to the next word
    ("zh", "圖書館於 2019 年 3 月 5 日至 8 日舉辦研討會。", ["2019-03-05/2019-03-08"]),
    ("zh", "兩館於 2018 年 6 月簽署協議, 2018 年 6 月 12 日開幕。", ["2018-06", "2018-06-12"]),
    # the months English shares, in lower case between a day and a year (Dutch, Swedish)
    ("nl", "Op 3 april 2018 bezocht de ambassadeur de bibliotheek.", ["2018-04-03"]),
    ("sv", "Den 12 september 2019 undertecknade biblioteken ett avtal.", ["2019-09-12"]),
    # Lithuanian and Latvian write the year first with its marks; Greek, Croatian day month year
    ("lt", "Sutartis pasirašyta 2020 m. vasario 3 d. Vilniuje.", ["2020-02-03"]),
    ("lt", "Paroda atidaryta 2017 m. spalio 12 d.", ["2017-10-12"]),
    # the month's mark 'mėn.', a range of days, the day's word in its case forms
    ("lt", "2016 m. kovo mėn. 14-16 d. kolegos lankėsi Rygoje.", ["2016-03-14/2016-03-16"]),
    ("lt", "Konferencija vyko 2021 m. birželio 7–9 dienomis.", ["2021-06-07/2021-06-09"]),
    ("lt", "Delegacija atvyko 2015 m. lapkričio 20 dieną.", ["2015-11-20"]),
    ("lv", "2019. gada 15. maijā bibliotēkas parakstīja līgumu.", ["2019-05-15"]),
    ("lv", "Delegācija ieradās 2021. gada 4. novembrī.", ["2021-11-04"]),
    # a month of a year, the year first with its word: "in November of the year 2021"
    ("lv", "Delegācija ieradās 2021. gada novembrī.", ["2021-11"]),
    ("lv", "Izstāde tika atklāta 2019. g. maijā.", ["2019-05"]),
    ("el", "Η συμφωνία υπογράφηκε στις 12 Μαΐου 2019 στην Αθήνα.", ["2019-05-12"]),
    ("hr", "Ugovor je potpisan 19. rujna 2013. godine u Zagrebu.", ["2013-09-19"]),
    ("hr", "Izložba je otvorena 5. svibnja 2019.", ["2019-05-05"]),
    # Mongolian: year first with its word, the month an ordinal before the word "month"
    ("mn", "2018 оны 3 дугаар сарын 14-ний өдөр гэрээ байгуулсан.", ["2018-03-14"]),
    ("mn", "Төлөөлөгчид 2021 оны 10-р сарын 5-нд ирсэн.", ["2021-10-05"]),
    ("mn", "Үзэсгэлэн 2016 оны долдугаар сард нээгдсэн.", ["2016-07"]),
    ("mn", "2015 оны арван хоёрдугаар сарын 2-нд", ["2015-12-02"]),
    # Romanian and Albanian 'the year' of one word, its article suffixed, before the year
    ("ro", "Asociația a fost înființată în anul 1996 la Iași.", ["1996"]),
    ("ro", "Colaborarea durează din anul 2004.", ["2004"]),
    ("sq", "Biblioteka u themelua në vitin 1922.", ["1922"]),
    # Spanish and Catalan "el" before a bare year, Catalan "l'any" (the year) as one token
    ("ca", "El 2013 la biblioteca va signar un conveni amb Tarvo.", ["2013"]),
    ("ca", "L'any 2012 el projecte es va dedicar a Tarvo.", ["2012"]),
    ("es", "El 2015 fue un buen año para la biblioteca.", ["2015"]),
    # Hebrew months with their prefixed preposition ("in November"), from dateparser's data
    ("he", "הכנס התקיים בתאריכים 12–14 בנובמבר 2018 בספרייה.", ["2018-11-12/2018-11-14"]),
    ("he", "הספרייה נפתחה במאי 2016.", ["2016-05"]),
    # ... and a Hebrew preposition or article joined to the day by a hyphen
    ("he", "ב-3 באפריל 2018 ביקרה משלחת בספרייה.", ["2018-04-03"]),
    ("he", "ביום שני, ה-21 לאוקטובר 2019 התקיימה הפגישה.", ["2019-10-21"]),
    # Albanian, Estonian, Finnish, Catalan, Swahili and Filipino months, from dateparser's data
    ("sq", "Marrëveshja u nënshkrua më 15 tetor 2019 në Tiranë.", ["2019-10-15"]),
    ("et", "Delegatsioon saabus Tallinna 3. märts 2020.", ["2020-03-03"]),
    ("fi", "Sopimus allekirjoitettiin 15. lokakuuta 2019 Helsingissä.", ["2019-10-15"]),
    ("ca", "La biblioteca va signar el conveni el 3 de maig de 2018.", ["2018-05-03"]),
    ("sw", "Ujumbe ulitembelea maktaba tarehe 3 Machi 2020.", ["2020-03-03"]),
    ("fil", "Bumisita ang delegasyon noong 3 Hunyo 2021.", ["2021-06-03"]),
    # Armenian's year mark glued to its year, before the month and day or alone
    ("hy", "2019թ. նոյեմբերի 20-ին գրադարանները ստորագրեցին հուշագիր։", ["2019-11-20"]),
    ("hy", "Գրադարանը հիմնադրվել է 1921թ.։", ["1921"]),
    # a bare year between a German auxiliary and its participle
    ("de", "Die Bibliothek wurde 1971 gegründet.", ["1971"]),
    ("de", "Der Vertrag ist 2005 unterzeichnet worden.", ["2005"]),
    # a bare year right after a participle of founding or opening
    ("sv", "Biblioteket invigdes 2000 och öppnades året därpå.", ["2000"]),
    ("cs", "Knihovna byla založena 1348 v Praze.", ["1348"]),
    ("de", "Die Stiftung, gegründet 1971, fördert Bibliotheken.", ["1971"]),
    # a dotted date with a two-digit year after a preposition of time (the century by the pivot)
    ("de", "Die Delegation kam am 12.05.19 nach Berlin.", ["2019-05-12"]),
    ("he", "ב-18.12.14 נפתחה התערוכה בספרייה.", ["2014-12-18"]),
    # two numeric dates joined by another language's word for "to" are one interval
    ("de", "Vom 04.07.2022 bis zum 17.07.2022 war ich dort.", ["2022-07-04/2022-07-17"]),
    ("es", "Del 31/10/2007 al 02/11/2007 se celebró la asamblea.", ["2007-10-31/2007-11-02"]),
    ("pl", "Od 3.5.2019 do 5.5.2019 trwała wizyta.", ["2019-05-03/2019-05-05"]),
    ("de", "Vom 04.07.22 bis zum 17.07.22 war ich dort.", ["2022-07-04/2022-07-17"]),
])
def test_full_dates_in_other_languages(lang, sentence, expected):
    assert edtfs(sentence) == expected


# -- year-less dates, resolved against the reference date -----------------------------------
@pytest.mark.parametrize("lang, sentence, ref_date, expected", [
    ("ru", "9 марта в библиотеке прошла встреча.", "2021-04-02", ["2021-03-09"]),
    ("es", "El pasado 20 de abril se inauguró la sala.", "2019-04-10", ["2018-04-20"]),
    ("es", "El pasado viernes 9 de septiembre se firmó el convenio.", "2016-09-20", ["2016-09-09"]),
    # the weekday names the year: 9 September was a Friday in 2016, not in 2017
    ("es", "El viernes 9 de septiembre se firmó el convenio.", "2017-06-01", ["2016-09-09"]),
    ("pt", "A cerimônia aconteceu nesta quarta-feira (12) em Brasília.", "2025-03-14", ["2025-03-12"]),
    ("de", "Die Delegation kam am 7. Mai nach Leipzig.", "2022-05-20", ["2022-05-07"]),
    ("ko", "지난 15일 두 기관은 협약을 맺었다.", "2013-07-03", ["2013-06-15"]),
    ("ko", "도서관은 4월 2일 문을 열었다.", "2013-04-20", ["2013-04-02"]),
    # 'last' before a month: the latest such month before the reference date
    ("ko", "지난 12월 두 도서관은 협약을 맺었다.", "2018-11-09", ["2017-12"]),
    # ... and a day of it, with a particle glued to the day
    ("ko", "지난 12월 3일에는 두 도서관이 협약을 맺었다.", "2018-11-09", ["2017-12-03"]),
    # ... in Romance languages and Indonesian, the word for 'last' before or after the month
    ("es", "El convenio se firmó el pasado mes de diciembre.", "2018-11-09", ["2017-12"]),
    ("pt", "O acordo foi assinado em dezembro passado.", "2018-11-09", ["2017-12"]),
    ("fr", "L'accord a été signé en décembre dernier.", "2018-11-09", ["2017-12"]),
    ("it", "L'accordo è stato firmato lo scorso dicembre.", "2018-11-09", ["2017-12"]),
    ("id", "Perjanjian ditandatangani pada Desember lalu.", "2018-11-09", ["2017-12"]),
    # ... or after a day and month: French "dernier", Dutch "jl." (jongstleden), Italian "scorso"
    ("fr", "Le 15 juillet dernier, le consul a remis des livres.", "2013-04-02", ["2012-07-15"]),
    ("nl", "Op 14 maart jl. overhandigde de consul boeken.", "2013-02-02", ["2012-03-14"]),
    ("it", "Il 15 luglio scorso la biblioteca ha ricevuto libri.", "2013-04-02", ["2012-07-15"]),
    ("ko", "도서관은 4월 2일에는 문을 열었다.", "2013-04-20", ["2013-04-02"]),
    ("ja", "交流協定を締結しました。5月17日に館長らが晋州市を訪れました。", "2011-06-14", ["2011-05-17"]),
    # "this year", "last year" of Danish, Norwegian and Swedish
    ("da", "I år gik turen fra 3. til 9. maj rundt i Jylland.", "2016-10-01", ["2016", "2016-05-03/2016-05-09"]),
    ("nb", "Biblioteket fikk i fjor en gave fra ambassaden.", "2016-10-01", ["2015"]),
    # a day range whose first day has no mark of its own
    ("zh", "本館於8月4~6日舉辦研習營。", "2016-10-01", ["2016-08-04/2016-08-06"]),
    # a past clause takes the latest such day before the reference date, however far: a Spanish
    # preterite, a Portuguese one, a German past auxiliary
    ("es", "La sala fue inaugurada el 20 de febrero.", "2020-10-01", ["2020-02-20"]),
    ("es", "El embajador inauguró la sala el 20 de febrero.", "2020-10-01", ["2020-02-20"]),
    ("pt", "O diretor assinou o acordo em 20 de fevereiro.", "2020-10-01", ["2020-02-20"]),
    ("de", "Die Bibliothek wurde am 20. Februar eröffnet.", "2020-10-01", ["2020-02-20"]),
    ("ru", "Делегация посетила библиотеку 20 февраля.", "2020-10-01", ["2020-02-20"]),
])
def test_yearless_dates_in_other_languages(lang, sentence, ref_date, expected):
    assert edtfs(sentence, ref_date) == expected


# -- short abbreviations are read only before a year or with their dot -----------------------
@pytest.mark.parametrize("sentence, expected", [
    ("Spotkanie 3 sty. 2019 w Krakowie.", ["2019-01-03"]),  # a guarded form with its dot
    ("Spotkanie 12 lis 2018 w Krakowie.", ["2018-11-12"]),   # a guarded form before a year
    ("Spotkanie 12 lis w Krakowie.", []),                    # ... never alone
    ("The team of 5 set up the stand.", []),                 # Portuguese 'set' (September)
    ("He counted 3 mar the surface.", []),                   # Spanish 'mar' (March)
    ("We met 10 ago and left.", []),                         # Spanish 'ago' (August)
    ("The data set 2019 was released.", []),                 # a guarded form with a year, no day
])
def test_guarded_abbreviations(sentence, expected):
    assert edtfs(sentence) == expected


def test_guarded_forms_are_short_abbreviations_or_english_words():
    words = load_date_words(models_path("date_words.jsonl"))
    guarded = set(words["intl_months_guarded"])
    assert {"set", "ago", "sty", "lis", "gen"} <= guarded
    assert not guarded & {"мая", "listopada", "octubre", "märz", "juni"}
    assert all(len(form) <= 3 for form in guarded)
    # no English month name or abbreviation is re-read by the foreign patterns
    assert not set(words["intl_month_numbers"]) & set(words["month_numbers"])


# -- English is read as before ---------------------------------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("The agreement was signed on 24 January 2020 in Baku.", ["2020-01-24"]),
    ("On May 5, 2019 the libraries met.", ["2019-05-05"]),
    ("Mars 2020 landed on the planet.", []),                 # French 'mars' needs a day
    ("Le 3 mars 2020, la convention fut signée.", ["2020-03-03"]),
])
def test_english_dates_unchanged(sentence, expected):
    assert edtfs(sentence) == expected


# -- the committed table is what the build script writes --------------------------------------
def test_month_table_is_what_build_months_writes():
    pytest.importorskip("dateparser")
    pytest.importorskip("spacy_lookups_data")
    if not (models_dir() / "build_months.py").exists():
        pytest.skip("models/ without its build scripts (installed package)")
    build = build_script("build_months")
    committed = (models_dir() / "month_names.tsv").read_text(encoding="utf-8")
    assert committed == build.render(build.build(build.english_words()))


@pytest.mark.parametrize("lang, month, forms", [
    ("pl", 11, ["listopada", "listopad"]),
    ("ru", 6, ["июня"]),
    ("es", 10, ["octubre"]),
    ("pt", 2, ["fevereiro"]),
    ("tr", 3, ["mart"]),
    ("id", 5, ["mei"]),
    ("lt", 5, ["gegužės"]),
    ("el", 5, ["μαΐου"]),
    ("hr", 9, ["rujna"]),
])
def test_month_table_agrees_with_dateparser(lang, month, forms):
    dateparser_data = pytest.importorskip(f"dateparser.data.date_translation_data.{lang}")
    names = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
             "october", "november", "december")
    table = load_date_words(models_path("date_words.jsonl"))["intl_month_numbers"]
    for form in forms:
        assert form in [f.lower() for f in dateparser_data.info[names[month - 1]]]
        assert table[form] == month


def test_yielding_languages_keep_the_other_languages_months():
    """Croatian "listopad" is October, Polish and Czech "listopad" November: the Polish and Czech
    reading stays, and Croatian forms no other language has are read."""
    table = load_date_words(models_path("date_words.jsonl"))["intl_month_numbers"]
    assert table["listopada"] == 11 and table["listopad"] == 11
    assert table["rujna"] == 9 and table["svibnja"] == 5


def test_latvian_case_forms_come_from_the_nominatives():
    table = load_date_words(models_path("date_words.jsonl"))["intl_month_numbers"]
    assert (table["maijs"], table["maija"], table["maijā"]) == (5, 5, 5)
    assert (table["septembris"], table["septembrī"]) == (9, 9)


# -- a wire dateline with its agency between slashes is the reference date --------------------
@pytest.mark.parametrize("text, expected", [
    ("МОСКВА, 14.03.2017 /ТАСС/. Встреча состоялась 2 марта в библиотеке.", ["2017-03-14", "2017-03-02"]),
    ("OTTAWA, April 16, 2018 /CNW/ - The first meeting took place on March 20 in Barcelona.",
     ["2018-04-16", "2018-03-20"]),
])
def test_dateline_with_agency_between_slashes(text, expected):
    assert edtfs(text) == expected


# -- a dateline whose cells the slashes part: agency, place, date -------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Agence/Dakar/18-02-2025\n\nLa rencontre s'est tenue du 16 au 18 février à Riyad.",
     ["2025-02-18", "2025-02-16/2025-02-18"]),
    ("News/Lima/03-05-2021\n\nThe library opened a reading room on 2 May.", ["2021-05-03", "2021-05-02"]),
])
def test_dateline_in_cells_parted_by_slashes(text, expected):
    assert edtfs(text) == expected


# -- unspaced Chinese and Japanese: the tokenizer cuts the date out ----------------------------
def test_cjk_dates_are_cut_out_of_unspaced_text():
    assert dates_of("图书馆于2019年3月5日与大学签署协议。") == [("2019年3月5日", "2019-03-05")]


# -- a bare month/year is left alone: only a month word makes it one ----------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("Score 3/2018 points.", []),
    ("tháng 13/2018", []),
    # a Mongolian month number without its ordinal ending or a year counts months
    ("Тэд 3 сар суралцсан.", []),
])
def test_numbered_months_need_their_word(sentence, expected):
    assert edtfs(sentence) == expected


@pytest.mark.parametrize("text, start", [
    # a day's full stop before its month is no sentence end: the event keeps its date
    ("Dne 15. října 2018 navštívil velvyslanec Národní knihovnu.", "2018-10-15"),
    ("Am 3. Mai 2019 besuchte der Botschafter die Staatsbibliothek.", "2019-05-03"),
])
def test_an_ordinal_day_does_not_end_the_sentence(text, start):
    [paragraph] = extract_text(text)
    [event] = paragraph.events
    assert event.date.start == start and event.evidence == text


@pytest.mark.parametrize("sentence, expected", [
    # two days of different months, the year written once at the end: one interval
    ("W dniach od 26 kwietnia do 6 maja 2018 r. trwał wyjazd.", ["2018-04-26/2018-05-06"]),
    ("С 26 апреля по 6 мая 2018 года прошла поездка.", ["2018-04-26/2018-05-06"]),
    ("Vom 26. April bis 6. Mai 2018 fand die Reise statt.", ["2018-04-26/2018-05-06"]),
    # an article after the connector; a range of days before one dotted date; a glued year mark
    ("Vom 3. bis zum 9. Oktober 2023 waren wir in Graz.", ["2023-10-03/2023-10-09"]),
    ("Del 3 hasta el 5 de mayo de 2019 se celebró el curso.", ["2019-05-03/2019-05-05"]),
    ("W dniach 05-09.09.2022r. byłyśmy w Gdańsku.", ["2022-09-05/2022-09-09"]),
    ("W 2019r. byłyśmy w Gdańsku.", ["2019"]),
    # "between" two years in other languages
    ("Entre el año 2008 y 2009 viajaron a Bergen.", ["2008/2009"]),
    ("Zwischen 2008 und 2009 reisten sie nach Bergen.", ["2008/2009"]),
    ("Tra il 2008 e il 2009 viaggiarono a Bergen.", ["2008/2009"]),
    # the turn of two years
    ("Na przełomie 2008 i 2009 r. pojechali do Bergen.", ["2008/2009"]),
    ("Na přelomu 2008 a 2009 odjeli do Bergenu.", ["2008/2009"]),
    ("На рубеже 2008 и 2009 годов они ездили в Берген.", ["2008/2009"]),
    # "since the year" with its year word; ranges of days with spaced or glued full stops; ranges
    # of months each with its year
    ("Knihovna je budována od roku 2006.", ["2006/.."]),
    ("Cesta do Brna od 30. 4. do 4. 5. 2017 byla krátká.", ["2017-04-30/2017-05-04"]),
    ("Die Reise vom 30.4. bis 4.5.2017 war kurz.", ["2017-04-30/2017-05-04"]),
    # an article after the connector, and Italian "dal ... al"
    ("Die Reise vom 30.4. bis zum 4.5.2017 war kurz.", ["2017-04-30/2017-05-04"]),
    ("Il viaggio dal 30.4. al 4.5.2017 fu breve.", ["2017-04-30/2017-05-04"]),
    ("La collecte s'est déroulée de septembre 2016 à mars 2017.", ["2016-09/2017-03"]),
    ("Projekt trwał od maja 2015 r. do czerwca 2016 r.", ["2015-05/2016-06"]),
    ("Del 26 de abril al 6 de mayo de 2018 se realizó el viaje.", ["2018-04-26/2018-05-06"]),
    ("Du 28 décembre au 3 janvier 2019 le voyage a eu lieu.", ["2018-12-28/2019-01-03"]),
    # a range of days before a slashed date, or glued to a dotted one; Hungarian, year first
    ("Hội thảo diễn ra từ ngày 4-6/10/2015 tại Huế.", ["2015-10-04/2015-10-06"]),
    ("Die Tagung fand 04.-06.10.2015 in Graz statt.", ["2015-10-04/2015-10-06"]),
    # two days joined by a slash, or a range word between a day and a dotted date
    ("Die Tagung fand am 14./15.11.2016 in Linz statt.", ["2016-11-14/2016-11-15"]),
    ("Die Gäste blieben vom 3. bis 5.6.2015 in Linz.", ["2015-06-03/2015-06-05"]),
    # the same with the date spaced, as Central European forms write it
    ("Kurz probíhal ve dnech 8. a 9. 3. 2017 v Brně.", ["2017-03-08/2017-03-09"]),
    ("Hostia zostali od 3. do 5. 6. 2015 v Nitre.", ["2015-06-03/2015-06-05"]),
    ("Wizyta trwała od 8 do 10.3.2017 r.", ["2017-03-08/2017-03-10"]),
    ("A konferencia 2015. október 4–6. között volt.", ["2015-10-04/2015-10-06"]),
    ("A konferencia 2015. október 4 - 6. között volt.", ["2015-10-04/2015-10-06"]),
    # a connector word between two dotted days before a month spelled as in English
    ("Die Gruppe war vom 18. bis 21. September 2013 in Graz.", ["2013-09-18/2013-09-21"]),
    # the first day glued to its dash, a space after it; Arabic "to" between two days
    ("Graz, 04.- 06. Oktober 2015", ["2015-10-04/2015-10-06"]),
    ("عقد المؤتمر في الفترة من 4- 6 أكتوبر 2015 في عمان.", ["2015-10-04/2015-10-06"]),
    ("عقد المؤتمر في الفترة من 4 إلى 6 أكتوبر 2015 في عمان.", ["2015-10-04/2015-10-06"]),
    # a month in Roman numerals between its day and year, dotted, spaced or glued; a year's word
    # glued to the year's full stop
    ("Sporazum je potpisan 14.IX 2019.godine u Tarvu.", ["2019-09-14"]),
    ("Smlouva byla podepsána 14. IX. 2019 v Tarvu.", ["2019-09-14"]),
    ("Umowę podpisano 14 IX 2019 r. w Tarwie.", ["2019-09-14"]),
    ("Umowę podpisano 14.IX.2019 w Tarwie.", ["2019-09-14"]),
    ("Sporazum je potpisan 2019.godine u Tarvu.", ["2019"]),
    ("Knjiga o kralju Henriku V 1415. godine.", ["1415"]),      # a king's numeral, no day: no month
    ("The date 31 II 2019 does not exist.", []),
    # a range of months with its year
    ("Proiectul s-a derulat în perioada mai – noiembrie 2023.", ["2023-05/2023-11"]),
    ("Projekt trwał od maja do listopada 2023 r.", ["2023-05/2023-11"]),
])
def test_ranges_across_months_in_other_languages(sentence, expected):
    assert edtfs(sentence, "2024-01-10") == expected


@pytest.mark.parametrize("sentence, expected", [
    # a century or two written with a Roman or Arabic numeral, before or after the word
    ("La colección reúne mapas del siglo XVII.", ["16XX"]),
    ("A coleção reúne mapas dos séculos XVI e XVII.", ["15XX/16XX"]),
    ("Le fonds réunit des cartes du XVe au XVIIe siècle.", ["14XX/16XX"]),
    ("Zbiór obejmuje mapy z XVI-XVII wieku.", ["15XX/16XX"]),
    ("Die Sammlung enthält Karten aus dem 16. Jahrhundert.", ["15XX"]),
    ("Colecția cuprinde hărți din secolul al XVI-lea.", ["15XX"]),
    # a Roman numeral without a century word is no date
    ("La XV Reunión de directores se celebró en Quito.", []),
])
def test_centuries_in_other_languages(sentence, expected):
    assert edtfs(sentence, "2024-01-10") == expected


@pytest.mark.parametrize("sentence, expected", [
    # a count of years back from the reference date, "ago" after or before it
    ("La biblioteca nacque 30 anni fa a Pinerolo.", ["1994"]),
    ("La biblioteca fue fundada hace 30 años en Quito.", ["1994"]),
    ("La bibliothèque a été fondée il y a 30 ans.", ["1994"]),
    ("Die Bibliothek wurde vor 30 Jahren gegründet.", ["1994"]),
    ("Biblioteka powstała 30 lat temu.", ["1994"]),
    ("Библиотека открылась 30 лет назад.", ["1994"]),
    # an age is no date
    ("Ha 30 anni e lavora in biblioteca.", []),
    ("Il a 30 ans et travaille ici.", []),
])
def test_years_ago_in_other_languages(sentence, expected):
    assert edtfs(sentence, "2024-01-10") == expected


@pytest.mark.parametrize("sentence, expected", [
    # Spanish writes an article between the preposition and the year
    ("El programa fue fundado en el 2003 en Quito.", ["2003"]),
    # Azerbaijani: the year first with its word, the month in the genitive, the day's case ending
    ("2012-ci ilin mayın 10-da Bakıda protokol imzalanıb.", ["2012-05-10"]),
    ("2019-cu il oktyabrın 5-də kitabxanada görüş olub.", ["2019-10-05"]),
    # Uzbek (Latin and Cyrillic) and Kazakh: the year first with its word, the day before the
    # month (joined by a hyphen in Uzbek), the month maybe in the locative; a range of days
    ("2021-yil 9-mart kuni kutubxonada uchrashuv boʻldi.", ["2021-03-09"]),
    ("2021 йил 9 мартда кутубхонада учрашув бўлди.", ["2021-03-09"]),
    ("Делегация 2021 йил 9-11 март кунлари Самарқандда бўлди.", ["2021-03-09/2021-03-11"]),
    ("9-mart, 2021-yil kuni kitoblar topshirildi.", ["2021-03-09"]),
    ("2021 жылғы 9 наурызда кітапханада кездесу өтті.", ["2021-03-09"]),
    ("2021 ж. 9 наурыз күні кітапханада кездесу өтті.", ["2021-03-09"]),     # the year's word abbreviated
    # without a year, the reference date's
    ("9-mart kuni kutubxonada uchrashuv boʻldi.", ["2024-03-09"]),
])
def test_year_forms_with_articles_and_case_endings(sentence, expected):
    assert edtfs(sentence, "2024-01-10") == expected


@pytest.mark.parametrize("sentence, expected", [
    # "since" before a year opens an interval to the present, in other languages too
    ("Seit 2003 enthalten die Bibliotheken ein Regal mit Büchern.", ["2003/.."]),
    ("Desde 2009 la biblioteca colabora con la universidad.", ["2009/.."]),
    ("С 2009 года библиотеки сотрудничают.", ["2009/.."]),
    ("Từ năm 2009 đến nay, hai bên đã trao tặng sách.", ["2009/.."]),
    # Vietnamese: a day/month after the day's word, and the year its sentence names after it
    ("Sáng 22/6, tại thư viện diễn ra lễ trao tặng sách năm 2017.", ["2017-06-22", "2017"]),
])
def test_since_a_year_and_vietnamese_day_month(sentence, expected):
    assert edtfs(sentence, None) == expected


@pytest.mark.parametrize("sentence, expected", [
    # Thai: its month names and a year of the Buddhist era (2565 BE = 2022)
    ("วันที่ 28 มีนาคม 2565 เวลา 13.00 น. ผู้อำนวยการ", ["2022-03-28"]),
    # Japanese and Chinese typeset with spaces around the numbers
    ("高雄市は 11 月 15 日、本の贈呈式を行いました。", ["2021-11-15"]),
    ("高雄市は 2014 年、本を贈られていました。", ["2014"]),
    # Korean: a year "from" alone is an open interval; with a year "until" after it, a span
    ("지난 2007년부터 자료를 지원해오고 있었다.", ["2007/.."]),
    ("오는 2021년부터 2025년까지 지원한다.", ["2021/2025"]),
])
def test_thai_spaced_cjk_and_korean_spans(sentence, expected):
    assert edtfs(sentence, "2021-11-20") == expected


@pytest.mark.parametrize("sentence, expected", [
    # Russian and Ukrainian months after "в"/"у" (prepositional and locative case)
    ("В декабре 2022 г. состоялось подписание соглашения.", ["2022-12"]),
    ("У грудні 2022 року відбулася зустріч.", ["2022-12"]),
    # Slovak, Slovene and Hungarian months in the locative ("in December")
    ("Knihovníci mestskej knižnice navštívili Brno v novembri 2021.", ["2021-11"]),
    ("Ravnateljica je v novembru 2021 obiskala mestno knjižnico.", ["2021-11"]),
    ("A könyvtár igazgatója 2021 novemberben Prágába utazott.", ["2021-11"]),
    # Hungarian, year first: a month alone, and a month English spells the same before its day
    ("A könyvtár 2021. márciusában vendégül látta a delegációt.", ["2021-03"]),
    ("2021. november 5-én aláírták az együttműködési megállapodást.", ["2021-11-05"]),
    # "since" before a whole date opens an interval; the beginning or end of a year is the year
    ("Die Partnerschaft besteht seit dem 9. Juli 2001.", ["2001-07-09/.."]),
    ("La biblioteca funciona desde el 9 de julio de 2001.", ["2001-07-09/.."]),
    ("Ende 2008 kam die Delegation nach Tarvo.", ["2008"]),
    ("Fin 2008, la délégation est venue à Tarvo.", ["2008"]),
    ("A finales de 2008 llegó la delegación.", ["2008"]),
    ("В конце 2008 года делегация приехала в Тарву.", ["2008"]),
    # a year after the name of the occasion it dates
    ("Die Bibliothek war Gast der Tarvoer Buchmesse 2009.", ["2009"]),
    ("She attended the World Library Congress (WLC) 2017 in Tarvo.", ["2017"]),
    # … written in lower case inside a name, as other languages do
    ("Mezinárodní kongres 2018 se konal v Tarvu.", ["2018"]),
    ("Le congrès 2017 des bibliothécaires a eu lieu à Tarvo.", ["2017"]),
    # … but not before a count
    ("The fair 2000 visitors came to the stands.", []),
    # two days of different months with full stops, the year once after them
    ("W dniach 30.09-04.10 2012 r. odbyła się konferencja.", ["2012-09-30/2012-10-04"]),
    ("Konferencja odbyła się 30.09 - 04.10.2012 r. w Tokaju.", ["2012-09-30/2012-10-04"]),
])
def test_case_forms_of_months_and_dotted_ranges(sentence, expected):
    assert edtfs(sentence, None) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a bare year after a preposition of another language, or after its word for "year"
    ("Otra donación de libros se celebró en 2007.", ["2007"]),
    ("È l'istituto scelto dal ministero nel 2018 per la donazione.", ["2018"]),
    ("A biblioteca foi criada em 1962.", ["1962"]),
    ("Το Ίδρυμα ιδρύθηκε το 1962.", ["1962"]),
    ("Die Lesung fand im Jahr 2017 statt.", ["2017"]),
    ("Perpustakaan didirikan pada tahun 1962.", ["1962"]),
    ("Abriu no ano de 2010.", ["2010"]),
    # Slovenian "leta" (of the year) before a year, and after "od" an interval to the present
    ("Knjižnici sta leta 2012 začeli skupni projekt.", ["2012"]),
    ("Knjižnici sodelujeta od leta 2001.", ["2001/.."]),
    ("Библиотека основана в 1962 году.", ["1962"]),
    # a one-letter preposition needs the year's mark: a count is no year
    ("W 1500 egzemplarzach wydano książkę.", []),
    # "per" makes an amount only before a unit
    ("Growth was 2019 per cent.", []),
])
def test_bare_years_in_other_languages(sentence, expected):
    assert edtfs(sentence, None) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a month alone after its preposition, its year from the reference date and the tense
    ("La visita se realizó en mayo, según el director.", ["2018-05"]),
    ("V květnu proběhla návštěva knihovny.", ["2019-05"]),
    # with a year after it, it is a month and year
    ("Wizyta odbyła się w maju 2018 r.", ["2018-05"]),
])
def test_a_month_alone_after_a_preposition_in_other_languages(sentence, expected):
    assert edtfs(sentence, "2019-02-01") == expected


@pytest.mark.parametrize("text, expected", [
    # a bare weekday of another language after its preposition or article, read against the date line
    ("date 2025-11-30\n\nV piatok navštívili Starú Pazovu.", ["2025-11-30", "2025-11-28"]),
    ("date 2020-03-14\n\nEl viernes la embajada donó libros a la biblioteca.", ["2020-03-14", "2020-03-13"]),
    ("date 2020-03-14\n\nВ пятницу делегация посетила библиотеку.", ["2020-03-14", "2020-03-13"]),
    ("date 2020-03-14\n\nA cerimônia aconteceu na sexta-feira em Brasília.", ["2020-03-14", "2020-03-13"]),
    # French, Italian and Dutch news write the weekday bare after the verb
    ("date 2020-03-14\n\nLes deux bibliothèques ont signé jeudi à Rabat un accord.", ["2020-03-14", "2020-03-12"]),
    ("date 2020-03-14\n\nIl console ha consegnato giovedì cento libri alla biblioteca.", ["2020-03-14", "2020-03-12"]),
    ("date 2020-03-14\n\nDe ambassadeur heeft donderdag de bibliotheek bezocht.", ["2020-03-14", "2020-03-12"]),
    # a word after it fixes the direction
    ("date 2020-03-14\n\nLa délégation visitera la bibliothèque jeudi prochain.", ["2020-03-14", "2020-03-19"]),
    ("date 2020-03-14\n\nIl ministro ha visitato la biblioteca lunedì scorso.", ["2020-03-14", "2020-03-09"]),
    # before a day number the weekday belongs to the date
    ("date 2020-03-14\n\nLa délégation est venue le jeudi 5 mars.", ["2020-03-14", "2020-03-05"]),
])
def test_a_bare_weekday_in_other_languages(text, expected):
    assert edtfs(text, None) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a Turkish case ending after a year's apostrophe
    ("Edi Rama’nın Ocak 2021’de Türkiye’ye yaptığı ziyaret.", ["2021-01"]),
    ("Kütüphane 1962’de kuruldu.", ["1962"]),
    # a Chinese year and "after" opens an interval
    ("但2018年后,受疫情影响,交流中断。", ["2018/.."]),
    # a range of days before an English month in lower case
    ("The library visited the Bookfair from 17-25 july 2019 in Somaliland.", ["2019-07-17/2019-07-25"]),
])
def test_year_case_endings_cjk_after_and_lower_case_ranges(sentence, expected):
    assert edtfs(sentence, None) == expected


@pytest.mark.parametrize("text, expected", [
    # "last year", "this year", "next year" of other languages, read against the date line
    ("date 2020-03-14\n\nEl año pasado la embajada donó libros.", ["2020-03-14", "2019"]),
    ("date 2020-03-14\n\nВ прошлом году делегация посетила библиотеку.", ["2020-03-14", "2019"]),
    ("date 2020-03-14\n\nTahun lalu perpustakaan menerima buku.", ["2020-03-14", "2019"]),
    ("date 2020-03-14\n\n去年,图书馆捐赠了图书。", ["2020-03-14", "2019"]),
])
def test_relative_years_in_other_languages(text, expected):
    assert edtfs(text, None) == expected


@pytest.mark.parametrize("text, expected", [
    # "last month", "this month", "next month" of other languages, read against the date line
    ("date 2020-03-14\n\nEl mes pasado la embajada donó libros.", ["2020-03-14", "2020-02"]),
    ("date 2020-03-14\n\nLe mois dernier, la délégation a visité la bibliothèque.", ["2020-03-14", "2020-02"]),
    ("date 2020-03-14\n\nВ прошлом месяце делегация посетила библиотеку.", ["2020-03-14", "2020-02"]),
    ("date 2020-03-14\n\n先月、図書館が開館した。", ["2020-03-14", "2020-02"]),
    ("date 2020-03-14\n\n上个月,新图书馆开放。", ["2020-03-14", "2020-02"]),
    ("date 2020-12-14\n\nBulan depan perpustakaan akan menerima buku.", ["2020-12-14", "2021-01"]),
    # ... and yesterday in Chinese and Japanese, as a word of its own
    ("date 2020-03-14\n\n昨天,代表团访问了图书馆。", ["2020-03-14", "2020-03-13"]),
    ("date 2020-03-14\n\n昨日、館長が来館した。", ["2020-03-14", "2020-03-13"]),
])
def test_relative_months_in_other_languages(text, expected):
    assert edtfs(text, None) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a Latvian range of days ends in the month's dative ("augustam", "septembrim")
    ("Seminārs notika 26. līdz 30. augustam.", ["XXXX-08-26/XXXX-08-30"]),
    ("Izstāde bija atvērta 2. līdz 9. septembrim.", ["XXXX-09-02/XXXX-09-09"]),
])
def test_latvian_day_ranges_end_in_the_dative(sentence, expected):
    assert edtfs(sentence) == expected


@pytest.mark.parametrize("text", [
    # a Japanese or Chinese sentence with "D.C." or "U.S." in it is no web address: its dates are read
    "2018-04-24\n\n図書館の職員が3月20日から24日にアメリカ・ワシントンD.C.で開催された会議に参加しました。",
    "2018-04-24\n\n图书馆代表团3月20日至24日访问了美国华盛顿D.C.的国会图书馆。",
])
def test_a_cjk_sentence_with_an_abbreviation_is_no_web_address(text):
    assert edtfs(text, None) == ["2018-04-24", "2018-03-20/2018-03-24"]


@pytest.mark.parametrize("table", ["intl_relative_years", "intl_relative_months"])
def test_every_relative_year_and_month_phrase_has_its_pattern(table):
    # date_patterns.jsonl holds one token pattern per phrase of intl_relative_years and intl_relative_months
    import json
    from coopextract.resources import models_dir
    rows = [json.loads(line) for line in open(models_dir() / "date_words.jsonl", encoding="utf-8")
            if line.startswith(f'{{"id": "{table}"')]
    missing = [phrase for phrase in rows[0]["map"]
               if not any(found.lower() == phrase for found, _ in dates_of(f"date 2020-03-14\n\n{phrase} ."))]
    assert missing == []


@pytest.mark.parametrize("sentence, expected", [
    # the first of the month written as an ordinal in French, Spanish and Portuguese
    ("Le colloque a eu lieu le 1er octobre 2019 à Tarvo.", ["2019-10-01"]),
    ("Les journées ont lieu du 1er au 5 octobre 2019.", ["2019-10-01/2019-10-05"]),
    ("La biblioteca abrió el 1º de mayo de 2019.", ["2019-05-01"]),
    # ... glued to the second day of a range
    ("Jours 1-2 : 1er-2 novembre 2023 à Tarvo.", ["2023-11-01/2023-11-02"]),
])
def test_an_ordinal_first_of_the_month(sentence, expected):
    assert edtfs(sentence) == expected


def test_georgian_year_first_dates():
    # "2015 წლის 16 ნოემბერს": year, "of the year", day, month in the dative
    assert edtfs("2015 წლის 16 ნოემბერს ცენტრს სტუმრები ეწვივნენ.") == ["2015-11-16"]
    assert edtfs("2019 წლის 3 აგვისტოს ხელშეკრულება გაფორმდა.") == ["2019-08-03"]


@pytest.mark.parametrize("text, expected", [
    # a day of the month alone in Chinese, Japanese and Korean news: the nearest such day to the date line
    ("2026年1月24日\n\n市图书馆22日宣布与大学签署协议。", ["2026-01-24", "2026-01-22"]),
    ("2024-05-30\n\n시립도서관이 28일 오전 10시 업무협약을 맺었다.", ["2024-05-30", "2024-05-28"]),
    # a span of days of one month
    ("2017-07-11\n\n시립도서관 방문단은 지난 5일부터 8일까지 도서관을 방문했다.", ["2017-07-11", "2017-07-05/2017-07-08"]),
    ("2011年11月30日\n\n職員が21日から25日まで図書館を訪問しました。", ["2011-11-30", "2011-11-21/2011-11-25"]),
    # … with its month and year as separate Korean words, into the next month or year too
    ("시립도서관 직원은 2018년 10월 3일부터 9일까지 대학을 방문했다.", ["2018-10-03/2018-10-09"]),
    ("시립도서관 직원은 2018년 10월 29일부터 11월 2일까지 대학을 방문했다.", ["2018-10-29/2018-11-02"]),
    ("시립도서관 직원은 2018년 12월 30일부터 1월 3일까지 대학을 방문했다.", ["2018-12-30/2019-01-03"]),
    ("시립도서관 직원은 2018년 10월 3일 ~ 9일 대학을 방문했다.", ["2018-10-03/2018-10-09"]),
    ("2018-11-20\n\n시립도서관 직원은 10월 3일부터 9일까지 대학을 방문했다.", ["2018-11-20", "2018-10-03/2018-10-09"]),
    # counts of days are no dates
    ("2011年11月30日\n\n4泊5日の研修が3日間行われた。", ["2011-11-30"]),
    ("2019年5月24日\n\n为期3日的研讨会在图书馆举行。", ["2019-05-24"]),
    # a month of a year named relative to the date line; a bracketed year is the year itself
    ("2022年11月1日\n\n市立図書館は昨年12月、大学と協定を締結した。", ["2022-11-01", "2021-12"]),
    ("2022-11-01\n\n시립도서관은 지난해 12월 대학과 협약을 체결했다.", ["2022-11-01", "2021-12"]),
    ("2022年11月1日\n\n市立図書館は昨年(2020年)12月、大学と協定を締結した。", ["2022-11-01", "2020-12"]),
])
def test_a_day_alone_in_cjk_news_is_the_nearest_such_day(text, expected):
    assert edtfs(text) == expected


# -- a bare year marked by the language around it ---------------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    # an article, numeral or determiner opening the clause after the year is not a counted noun
    ("En 2014 los archiveros visitaron Lima.", ["2014"]),
    ("Em 2017 dois bibliotecários viajaram a Lisboa.", ["2017"]),
    ("En 2012 des bibliothécaires ont visité Dakar.", ["2012"]),
    # ... but a counted noun still is
    ("La biblioteca recibió en 2000 ejemplares nuevos.", []),
    # a year after Romance 'de'/'del', not after a word of amount
    ("La colección de manuscritos data de 1612, según el catálogo.", ["1612"]),
    ("La donación incluía más de 1800 volúmenes.", []),
    ("Le fonds compte près de 1900 cartes.", []),
    # the year's own word in South Slavic, Baltic, Kazakh and Mongolian, a dotted ordinal year
    ("Sporazum o saradnji potpisan je 2015. godine u Novom Sadu.", ["2015"]),
    ("Delegacija je boravila u Zagrebu juna 2018. godine.", ["2018-06"]),
    ("Бібліотеката е основана во 1999 година.", ["1999"]),
    ("Biblioteka įkurta 1870 m. Vilniuje.", ["1870"]),
    ("Kitaphana 1996 jyly ashyldy.", ["1996"]),
    ("Сан 2001 онд байгуулагдсан.", ["2001"]),
    ("A könyvtár 2011-ben költözött.", ["2011"]),
    # a sentence that ends with a year is not a dotted year before its word
    ("La bibliothèque coopère avec Rabat depuis 2006. Il a rappelé les accords.", ["2006/.."]),
    # 'since' written after the year
    ("Kitapkhana 2013 жылдан бері жұмыс істейді.", ["2013/.."]),
    ("A két könyvtár 1994 óta működik együtt.", ["1994/.."]),
    ("Kütüphane 2008'den beri bağış alıyor.", ["2008/.."]),
    ("Kitabxana 2017-ci ildən əməkdaşlıq edir.", ["2017/.."]),
])
def test_years_marked_by_their_language(sentence, expected):
    assert edtfs(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # seasons of other languages with their year: months, as in English (test_dates_news)
    ("Im Herbst 2016 besuchte eine Delegation die Bibliothek.", ["2016-23"]),
    ("Under våren 2014 kom bibliotekarier från Riga.", ["2014-21"]),
    ("En invierno de 2019 llegaron los libros.", ["2019-24"]),
    ("Зимой 2012 года библиотека получила книги.", ["2012-24"]),
])
def test_seasons_of_other_languages(sentence, expected):
    assert edtfs(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # the year of an occasion named at length or by its acronym
    ("El país fue invitado de honor en la Feria Internacional del Libro de Bogotá 2018.", ["2018"]),
    ("The library sent two staff to the Festival of Pacific Arts Honiara 2024.", ["2024"]),
    ("Three librarians presented posters at WLIC 2016 in Columbus.", ["2016"]),
    # not an amount or a reference after a capitalised code
    ("The grant of USD 2000 paid for shelving.", []),
    ("See ISSN 1998 for the series.", []),
])
def test_the_year_of_a_named_occasion(sentence, expected):
    assert edtfs(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a year-less month after a word for its beginning, middle or end (the year from the
    # reference date), as "late June"
    ("Die Delegation kam Ende März nach Graz.", ["2021-03"]),
    ("La delegación llegó a finales de marzo a Quito.", ["2021-03"]),
    ("La délégation est arrivée début février à Dakar.", ["2021-02"]),
    ("Knihy odovzdal koncom marca veľvyslanec.", ["2021-03"]),
    # with its year it stays the month and year
    ("La delegación llegó a principios de marzo de 2019.", ["2019-03"]),
    # Lithuanian days without a year, the day word written, and a date line of spaced numbers
    ("Bibliotekininkai balandžio 12-14 dienomis lankėsi Rygoje.", ["2021-04-12/2021-04-14"]),
    ("2021 04 20\nBibliotekininkai lankėsi Rygoje.", ["2021-04-20"]),
    # a Slovak month's whole name of three letters is read before its year
    ("Správa z knižnice, jún 2020.", ["2020-06"]),
])
def test_qualified_months_lithuanian_days_and_spaced_date_lines(sentence, expected):
    assert edtfs(sentence, ref_date="2021-05-10") == expected


@pytest.mark.parametrize("sentence, expected", [
    # a range of two years opened by a word of its language is one interval
    ("Le fonds couvre les archives de 1962 à 2004.", ["1962/2004"]),
    ("Das Projekt lief von 2008 bis 2012.", ["2008/2012"]),
    ("El convenio estuvo vigente desde el 2010 hasta el 2015.", ["2010/2015"]),
    ("Il progetto è durato dal 2003 al 2007.", ["2003/2007"]),
    ("Współpraca trwała od 1999 r. do 2005 r.", ["1999/2005"]),
    ("Обмен продолжался с 1994 по 1998 год.", ["1994/1998"]),
    # the two ends in the wrong order are no range
    ("Le fonds couvre les archives de 2004 à 1962.", []),
])
def test_ranges_of_years_in_other_languages(sentence, expected):
    assert edtfs(sentence) == expected


# -- Han numerals, a "since" glued to its date, decades (Chinese, Japanese, Korean) ----------------
@pytest.mark.parametrize("text, expected", [
    ("两馆于一九七九年十月二十日签订了交换协议。", ["1979-10-20"]),
    ("二〇一八年五月，代表团访问了东京。", ["2018-05"]),
    ("平成二十五年十一月、図書館は協定を結んだ。", ["2013-11"]),
    # a year of four numerals only: "三年" (three years) and "二三年" (two or three years) are durations
    ("三年来，两馆交换图书一万册。", []),
    ("双方合作了二三年。", []),
    # "since" glued to the date; a range's "from … to" is not "since"
    ("两馆的书刊交换始于一九六二年。", ["1962/.."]),
    ("自2017年3月起，两馆互派馆员。", ["2017-03/.."]),
    ("计划从2015年至2018年每年捐赠图书。", ["2015", "2018"]),
    ("这些图书来自2015年的展览。", ["2015"]),
    # a decade
    ("1970年代から両館は交流している。", ["197X"]),
    ("1980년대에 도서관은 교류를 시작했다.", ["198X"]),
])
def test_han_numerals_glued_since_and_decades(text, expected):
    assert edtfs(text, "2020-06-01") == expected


@pytest.mark.parametrize("text, expected", [
    # a bracketed weekday glued to a day in Han numerals, as to one in digits; the year from the
    # document (no reference date)
    ("一九九五年三月、研修団が出発した。\n\n三月六日(月)  大学図書館を見学した。", ["1995-03", "1995-03-06"]),
    ("1995年3月、研修団が出発した。\n\n3月6日(月)  大学図書館を見学した。", ["1995-03", "1995-03-06"]),
    # a range whose days have their weekdays in brackets, the second with its month or not
    ("2018년 4월 12일(목)~4월 14일(토)의 일정으로 연수단이 도서관을 방문했다.", ["2018-04-12/2018-04-14"]),
    ("2018년 4월 12일(목)부터 14일(토)까지 연수를 진행했다.", ["2018-04-12/2018-04-14"]),
    ("研修は2018年4月12日(木)～4月14日(土)に行われた。", ["2018-04-12/2018-04-14"]),
    # a day of the stay counted in Korean is no day of the month
    ("2018년 4월 12일(목)~14일(토) 연수. 1일 차에는 도착했고 2일 차에 도서관을 방문했다.", ["2018-04-12/2018-04-14"]),
])
def test_bracketed_weekday_after_a_day(text, expected):
    assert edtfs(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a month alone is read after a preposition of its own language …
    ("La biblioteca ha aperto la sala a marzo.", ["2020-03"]),
    ("Biblioteka otworzyła czytelnię w marcu.", ["2020-03"]),
    # … not after one of another language: Polish "marca" after the "a" of Romanian "pentru a marca" (to mark)
    ("Au primit o carte pentru a marca aniversarea bibliotecii.", []),
    # a guarded abbreviation ("des", Indonesian December) is no month before a bare ordinal
    ("Die Feier steht im Kontext des 20. Jahrestags der Partnerschaft.", []),
    # … but opening a line with its day it is a blog's date stamp
    ("Biblioteka otworzyła czytelnię.\n\ncze 10", ["2020-06-10"]),
])
def test_month_words_need_a_preposition_of_their_language(text, expected):
    assert edtfs(text, "2020-06-01") == expected


@pytest.mark.parametrize("text, expected", [
    # "yesterday" and "tomorrow" of other languages, from the page's date line
    ("15 sep 2007\n\nBiblioteca județeană a primit ieri o donație de carte.", ["2007-09-15", "2007-09-14"]),
    ("12.05.2021\n\nDelegacja odwiedzi bibliotekę jutro.", ["2021-05-12", "2021-05-13"]),
    ("3 März 2019\n\nDie Delegation besuchte gestern die Bibliothek.", ["2019-03-03", "2019-03-02"]),
    ("07.06.2018.\n\nЈучер су директори потписали споразум о сарадњи.", ["2018-06-07", "2018-06-06"]),
    ("15/09/2007\n\nAyer la delegación visitó la biblioteca municipal.", ["2007-09-15", "2007-09-14"]),
    ("2017년 3월 7일\n\n어제 오후 대표단이 도서관을 방문했습니다.", ["2017-03-07", "2017-03-06"]),
    # the idiom "yesterday, today and tomorrow" names no day
    ("3 März 2019\n\nDie Ausstellung „Freiheit gestern, heute, morgen“ wurde eröffnet.", ["2019-03-03"]),
    ("3 March 2019\n\nThe talk “Libraries yesterday, today and tomorrow” was given.", ["2019-03-03"]),
    # not a word that also means something else: German "hier" is "here"
    ("3 März 2019\n\nDie Delegation besuchte hier die Bibliothek.", ["2019-03-03"]),
])
def test_yesterday_and_tomorrow_in_other_languages(text, expected):
    assert edtfs(text) == expected


def test_every_deictic_day_word_has_its_pattern():
    # date_patterns.jsonl's rel_deictic_day reads every word of deictic_days but 'today'
    import json
    from coopextract.resources import models_dir
    words = [json.loads(line) for line in open(models_dir() / "date_words.jsonl", encoding="utf-8")
             if line.startswith('{"id": "deictic_days"')][0]["map"]
    rule = [json.loads(line) for line in open(models_dir() / "date_patterns.jsonl", encoding="utf-8")
            if line.startswith('{"id": "rel_deictic_day"')][0]
    assert set(rule["pattern"][0]["LOWER"]["IN"]) == set(words) - {"today"}


@pytest.mark.parametrize("text, expected", [
    # Croatian "listopad" is October, Polish and Czech "listopad" November: the year word decides
    ("U listopadu 2024. godine posjetila sam knjižnicu u Solunu.", ["2024-10"]),
    ("Sporazum je potpisan 15. listopada 2024. godine.", ["2024-10-15"]),
    ("Umowę podpisano 15 listopada 2024 r.", ["2024-11-15"]),
    ("Smlouva byla podepsána v listopadu 2024.", ["2024-11"]),
])
def test_a_month_form_of_two_languages_is_read_by_the_year_word(text, expected):
    assert edtfs(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the future auxiliaries of other languages point a bare weekday forward from the date line
    ("måndag 29 augusti 2016\n\nPå onsdag kommer gruppen att besöka stadsbiblioteket.", ["2016-08-29", "2016-08-31"]),
    ("Montag, 29. August 2016\n\nAm Mittwoch wird die Delegation die Bibliothek besuchen.", ["2016-08-29", "2016-08-31"]),
    # … a past verb backward
    ("Montag, 29. August 2016\n\nAm Mittwoch besuchte die Delegation die Bibliothek.", ["2016-08-29", "2016-08-24"]),
    # Swedish "kommer" alone is "comes", not "will"
    ("måndag 29 augusti 2016\n\nPå onsdag kommer gruppen till biblioteket.", ["2016-08-29", "2016-08-24"]),
    # the synthetic futures of Spanish, Portuguese and Italian point it forward too
    ("lunes, 29 de agosto de 2016\n\nLa delegación visitará la biblioteca el miércoles.", ["2016-08-29", "2016-08-31"]),
    ("29/08/2016\n\nOs diretores assinarão o acordo na quarta-feira.", ["2016-08-29", "2016-08-31"]),
    ("29/08/2016\n\nLa delegazione visiterà la biblioteca mercoledì.", ["2016-08-29", "2016-08-31"]),
    # … and their preterites backward
    ("lunes, 29 de agosto de 2016\n\nLa delegación visitó la biblioteca el miércoles.", ["2016-08-29", "2016-08-24"]),
])
def test_future_auxiliaries_of_other_languages(text, expected):
    assert edtfs(text) == expected


def _model_row(file: str, row_id: str) -> dict:
    """The row of a models/ JSON-lines file with this id."""
    import json
    with open(models_dir() / file, encoding="utf-8") as f:
        return next(json.loads(line) for line in f if line.startswith(f'{{"id": "{row_id}"'))


def test_foreign_future_cues_of_dates_are_those_of_events():
    # the future auxiliaries of other languages that point a date forward (date_words tense_future)
    # are future cues of the event stage too (event_cues planned.future_auxiliary): one class, kept equal
    tense = _model_row("date_words.jsonl", "tense_future")["words"]
    cues = _model_row("event_cues.jsonl", "planned.future_auxiliary")["pattern"][0]["LOWER"]["IN"]
    foreign = [w for w in tense if (not w.isascii() and "ll" not in w)
               or w in ("wird", "werden", "zal", "zullen", "ska", "skall", "sera", "seront")]
    assert foreign and [w for w in foreign if w not in cues] == []


def test_synthetic_futures_are_future_cues_of_dates_and_of_events_alike():
    # date_words re_future_verb (tense) and event_cues planned.romance_synthetic_future: one class
    tense = _model_row("date_words.jsonl", "re_future_verb")["regex"]
    cue = _model_row("event_cues.jsonl", "planned.romance_synthetic_future")["pattern"][0]["LOWER"]["REGEX"]
    assert tense == cue
    events = [e for p in extract_text("La delegación visitará la Biblioteca Nacional el 12.05.2019.") for e in p.events]
    assert [(e.event_type, e.modality) for e in events] == [("visit", "planned")]


def test_macedonian_months_where_no_other_language_reads_them_otherwise():
    assert edtfs("Договорот е потпишан на 11 јуни 1996 година во Скопје.") == ["1996-06-11"]


@pytest.mark.parametrize("sentence, expected", [
    ("Le 3  juin 2019, la délégation a visité la bibliothèque.", [("3  juin 2019", "2019-06-03")]),
    ("The staff visited the library from 3 May  to 5 May 2019.", [("from 3 May  to 5 May 2019", "2019-05-03/2019-05-05")]),
    ("Posjet je trajao od 2. ožujka  do 6. ožujka 2020. godine.", [("od 2. ožujka  do 6. ožujka 2020. godine", "2020-03-02/2020-03-06")]),
])
def test_a_run_of_spaces_inside_a_date_is_read_as_one_space(sentence, expected):
    assert dates_of(sentence, ref_date="2021-01-01") == expected


@pytest.mark.parametrize("sentence, expected", [
    ("会議は2022年9月12日～14日に東京で開催された。", ["2022-09-12/2022-09-14"]),   # a wave dash between the days
    ("報告書（2019年6月3日~5日）を公開した。", ["2019-06-03/2019-06-05"]),         # ... and full-width brackets
    ("会議は2019年6月3日〜2019年6月5日に開催。", ["2019-06-03/2019-06-05"]),
    ("도서관신문(2015.03.12) 보도에 따르면 협약을 맺었다.", ["2015-03-12"]),         # a bracket glued to a word
    ("Raamatukogu sai Soomest raamatuid(1995).", ["1995"]),
    ("昨年(2022年)5月、協定を締結した。", ["2022-05"]),                              # unchanged: a relative year
    ("令和4(2022)年6月1日、協定を締結した。", ["2022-06-01"]),                        # ... and an era year
])
def test_cjk_day_ranges_and_dates_glued_to_brackets(sentence, expected):
    assert edtfs(sentence, ref_date="2024-01-01") == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Dans les années 1980, la bibliothèque a reçu des dons.", ["198X"]),
    ("Depuis les années 2010, les deux villes échangent des livres.", ["201X"]),
    ("En la década de los 70 la biblioteca abrió una sala.", ["197X"]),
    ("Na década de 1960 a biblioteca recebeu livros.", ["196X"]),
    ("Negli anni '80 la biblioteca ha ricevuto libri.", ["198X"]),
    ("In de jaren 2000 groeide de collectie.", ["200X"]),
    ("W latach 70. biblioteka otrzymała książki.", ["197X"]),
    ("In den 1960er Jahren erhielt die Bibliothek Bücher.", ["196X"]),
    ("In den 70er-Jahren erhielt die Bibliothek Bücher.", ["197X"]),
    ("В 1970-е годы библиотека получила книги.", ["197X"]),
    ("Biblioteket fick böcker på 1980-talet.", ["198X"]),
    ("Biblioteket fikk bøker på slutten av 1700-tallet.", ["17XX"]),   # the 1700s: a century, as in English
    ("Biblioteket fik bøger i 1960’erne.", ["196X"]),
    ("A könyvtár az 1980-as években kapott könyveket.", ["198X"]),
])
def test_decades_in_other_languages(sentence, expected):
    assert edtfs(sentence, ref_date="2024-01-01") == expected


@pytest.mark.parametrize("sentence, expected", [
    ("W latach 2011–2014 biblioteka otrzymała książki.", ["2011/2014"]),   # years, not a decade
    ("A 2016-os konferencián a könyvtár is részt vett.", ["2016"]),        # of that year
    ("Dans les années 20, la ville a grandi.", []),                         # the 1920s or the 2020s
])
def test_what_is_no_decade_in_other_languages(sentence, expected):
    assert edtfs(sentence, ref_date="2024-01-01") == expected


@pytest.mark.parametrize("sentence", [
    "Die Version 2.10.15 ist da.",
    "Wir waren bis 12.30 Uhr dort.",
])
def test_a_number_of_three_short_parts_without_a_preposition_of_time_is_no_date(sentence):
    assert edtfs(sentence) == []

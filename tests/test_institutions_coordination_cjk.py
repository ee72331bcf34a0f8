"""Institutions: coordinated names that share one plural head, and Chinese and Japanese names
found inside a clause (no spaces). Sentences written for these tests."""

import time

import pytest

from coopextract import extract_text
from coopextract.pipeline.lexicon import english_plural, load_lexicon


def institutions(text):
    return [i for par in extract_text(text, doc_id="t") for i in par.institutions]


def names(text):
    return sorted({i.name for i in institutions(text)})


@pytest.mark.parametrize("sentence, expected", [
    # a plural head, "of" and a coordinated list: one institution per conjunct, head in the singular
    ("The fair will feature the Embassies of Tarvonia, Peru and South Africa.",
     ["Embassy of Peru", "Embassy of South Africa", "Embassy of Tarvonia"]),
    ("She lectured at the Universities of Leeds and York last spring.", ["University of Leeds", "University of York"]),
    ("A memorandum was signed with the National Libraries of Chile and Peru.",
     ["National Library of Chile", "National Library of Peru"]),
    # a head in lower case, found once per place ("Embassy" is a located head)
    ("Gifts came from the embassies of Japan, India and Ghana.",
     ["Embassy of Ghana", "Embassy of India", "Embassy of Japan"]),
    # coordinated modifiers and a plural head
    ("Staff of Tartu, Narva and Pärnu Universities met in May.", ["Narva University", "Pärnu University", "Tartu University"]),
    ("Books were given by the French and German embassies.", ["French embassy", "German embassy"]),
    # the shared words are the head and the generic words and heads right before it
    ("Books were collected by Leeds and Bradford Council libraries.", ["Bradford Council library", "Leeds Council library"]),
    # a comma before something that is no conjunct ends the list
    ("Apart from the Library, Orvo, Keltia and Upper Marran Universities received books.",
     ["Keltia University", "Orvo University", "Upper Marran University"]),
])
def test_coordinated_names(sentence, expected):
    assert names(sentence) == expected


@pytest.mark.parametrize("sentence, unexpected", [
    # lower-case conjuncts, a generic plural, no head, people, whole names joined by "and"
    ("The universities of the region met in Tartu.", "University of the region"),
    ("They study the French and German languages.", "French language"),
    ("Books went to Tarvo and Keltia libraries in Latvia.", "Tarvo library"),
    ("Turkish and Azerbaijani Libraries share their catalogues.", "Turkish Library"),
    ("Head of the National Library and Archives of Tarvonia Ivan Petrov and Anar Karimov met.", "Archive of Tarvonia Ivan Petrov"),
    ("Guests toured the Tarvo City Library and Keltia International School Libraries.", "Tarvo City Library International School Library"),
    # an initial before "and": the "and" may be inside a name
    ("Librarians from Orvo A. and M. Keltiai and Marran District Municipality public libraries came.",
     "Keltiai District Municipality public library"),
])
def test_not_coordinated(sentence, unexpected):
    assert unexpected not in names(sentence)


def test_lower_case_head_and_general_list_give_nothing():
    assert names("They study the French and German languages.") == []
    assert names("The libraries of Japan and Korea lend books to each other.") == []


def test_conjunct_spans_do_not_overlap_and_cover_their_words():
    text = "The week will feature the Embassies of Japan, India and South Africa."
    found = institutions(text)
    assert [(i.name, text[i.char_start:i.char_end]) for i in found] == [
        ("Embassy of Japan", "Embassies of Japan"), ("Embassy of India", "India"),
        ("Embassy of South Africa", "South Africa")]
    text = "Staff of Tartu, Narva and Pärnu Universities met."
    assert [text[i.char_start:i.char_end] for i in institutions(text)] == ["Tartu", "Narva", "Pärnu Universities"]


@pytest.mark.parametrize("word, plural", [
    ("Library", "Libraries"), ("Embassy", "Embassies"), ("Museum", "Museums"), ("Church", "Churches"),
    ("Academy", "Academies"), ("Survey", "Surveys"),
])
def test_english_plural(word, plural):
    assert english_plural(word) == plural


def test_head_singular_from_the_heads():
    single = load_lexicon().head_singular
    assert single["Universities"] == "University"
    assert single["embassies"] == "embassy"
    assert single["Councils"] == "Council"


@pytest.mark.parametrize("sentence, expected", [
    # Japanese: hiragana particles end a name; two names in one clause
    ("東山大学と西都師範大学が図書館間の協定を締結しました。", ["東山大学", "西都師範大学"]),
    ("東山大学附属図書館と南海大学校図書館が交流協定を締結しました。", ["南海大学校図書館", "東山大学附属図書館"]),
    ("海外拠点として、東山大学北京研究センターを設置しています。", ["東山大学北京研究センター"]),
    # Chinese: function words and verbs end the text before a name; a post after it ends it
    ("代表团并参观了青河大学图书馆。", ["青河大学图书馆"]),
    ("青河国家图书馆馆长李明出席了会议。", ["青河国家图书馆"]),
    ("他们与南山大学图书馆签署了协议。", ["南山大学图书馆"]),
    # a title after a person's name, and the verbs of a post held or of a visit, end it too
    ("王丽博士来青河大学图书馆参观。", ["青河大学图书馆"]),
    ("王丽女士任南山大学图书馆副馆长多年。", ["南山大学图书馆"]),
    ("他曾亲自主持南山大学图书馆的建设。", ["南山大学图书馆"]),
    # the same words in traditional characters, and verbs of promoting, coming from, honouring with a visit
    ("代表團與青河大學圖書館簽署協議。", ["青河大學圖書館"]),
    ("來自南山大學圖書館的館員出席。", ["南山大學圖書館"]),
    ("会议推动青河大学图书馆与南山大学合作。", ["南山大学", "青河大学图书馆"]),
    ("李明一行莅临南山大学图书馆。", ["南山大学图书馆"]),
    # the unit of a date before a name belongs to the date
    ("2024年青河大学图书馆举办了论坛。", ["青河大学图书馆"]),
    # more endings: a learned society, a city government, a publishing group, a daily
    ("青河市政府与青河图书馆学会签署协议。", ["青河图书馆学会", "青河市政府"]),
    ("青河出版集团向南山大学赠书。", ["南山大学", "青河出版集团"]),
    # Chinese verbs of visiting, including and strengthening end the text before a name
    ("代表团参访青河市立图书馆。", ["青河市立图书馆"]),
    ("合作单位包括青河大学图书馆。", ["青河大学图书馆"]),
    ("代表团介绍青河大学图书馆的情况。", ["青河大学图书馆"]),
    ("双方透过青河市立图书馆交换图书。", ["青河市立图书馆"]),
    # a generic opening does not make a name generic that runs on to a later ending
    ("会议由国际学校图书馆事业学会主办。", ["国际学校图书馆事业学会"]),
    # Korean: a verb or modifier before a name, or a word that stands apart before it, is no part of it
    ("지난 5일 2019년 개관한 청하시립도서관을 방문했다.", ["청하시립도서관"]),
    ("연수에 참가하기 위해 남산대학교를 방문했다.", ["남산대학교"]),
    ("총영사관은 3일 오후 청하도서관에서 기증식을 가졌다.", ["청하도서관"]),
    # ... but a word of two syllables ending so opens the name ("주한", stationed in Korea)
    ("지난 5일 주한 청하대사관이 도서를 기증했다.", ["주한 청하대사관"]),
])
def test_cjk_names(sentence, expected):
    assert names(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "大学図書館の職員が来ました。",          # a university library: generic
    "図書館間の協定を締結しました。",        # no characters of its own before the ending
    "东方图书馆界加强交流。",               # the library sector, not a library
    "出席了2013年青河图书馆协会年会。",       # an event named after its organiser
    "秦図書館長の講演が開催されました。",      # a post made of an ending: 図書館長 is no 図書館
    "笹田東山大学附属図書館長が出席しました。",  # the person before an institution and post
    "代表团参观了我校图书馆。",               # our own university's library: generic
    "会议推动中俄图书馆合作。",               # Chinese and Russian libraries: generic
    "加强两国图书馆的交流。",                 # the libraries of the two countries
    "日方出版社代表出席了仪式。",              # the Japanese side's publishers
    "两市签署姊妹图书馆协议。",               # sister libraries
    "市立図書館の職員が来ました。",            # a municipal library: generic
    "该校与国内大学图书馆合作。",               # domestic university libraries: generic before each ending
    "会议讨论了数字图书馆的建设。",             # digital libraries
    "国立図書館の職員が来ました。",            # a national library, unnamed
    "这些图书馆都参加了会议。",                 # these libraries
])
def test_cjk_not_names(sentence):
    assert names(sentence) == []


def test_cjk_name_keeps_its_own_characters():
    text = "東山大学と西都師範大学が協定を締結しました。"
    found = institutions(text)
    assert [(i.name, text[i.char_start:i.char_end]) for i in found] == [("東山大学", "東山大学"), ("西都師範大学", "西都師範大学")]


def test_no_particle_inside_a_japanese_name_but_chinese_and_is_a_boundary():
    # 和 ends a name in Chinese ("和" = and), not in Japanese, where particles are hiragana
    assert names("和歌浦大学と協定を結びました。") == ["和歌浦大学"]
    assert names("青河大学和南山大学签署了协议。") == ["南山大学", "青河大学"]


def test_english_text_takes_no_cjk_work():
    from coopextract.pipeline.institutions import find_institutions as module
    called = []
    original = module._cjk_names
    module._cjk_names = lambda *a: called.append(1) or original(*a)
    try:
        names("The National Library of Tarvonia signed an agreement.")
    finally:
        module._cjk_names = original
    assert called == []

"""People written in Chinese, Japanese, Korean and Arabic script: names beside a post or a
title (pipeline/people/scripts.py). Sentences written for these tests."""

import time

import pytest

from coopextract import extract_text
from coopextract.pipeline.people.scripts import has_script_text


def people(text):
    return [p for par in extract_text(text, doc_id="t") for p in par.people]


def names(text):
    return sorted({p.name for p in people(text)})


@pytest.mark.parametrize("sentence, expected", [
    # Chinese: a post before the name, ended by a verb, a function word or punctuation
    ("国家图书馆馆长李明华会见了来访的代表团。", ["李明华"]),
    ("驻上海总领事孙立平会见代表团,陈红副总领事陪同。", ["孙立平", "陈红"]),
    ("省图书馆副馆长何建以及馆员杨小玲参加了培训。", ["何建", "杨小玲"]),
    # Chinese: a post after the name; a double family name
    ("张晓东教授在大学图书馆作了报告。", ["张晓东"]),
    ("欧阳明远副馆长陪同参观。", ["欧阳明远"]),
    # a name before a post ending in a function word is cut before it ("为" = "as")
    ("以省图书馆馆长吴刚为团长的代表团抵达。", ["吴刚"]),
    # a transliterated name after a post, its parts joined by a middle dot
    ("市图书馆馆长玛丽·史密斯进行了介绍。", ["玛丽·史密斯"]),
    # a Latin name glued to the Han or kana around it: its honorific after it, a post before it
    ("法国国家图书馆馆长Anne Dupont女士签署了协议。", ["Anne Dupont"]),
    ("図書館長John Smith氏が講演を行いました。", ["John Smith"]),
    # Japanese: the name before its post; units between surname and post taken off
    ("調印式には山本和夫図書館長が出席しました。", ["山本和夫"]),
    ("本学から森附属図書館長が出席しました。", ["森"]),
    ("大野附属図書館事務部長と村井文学部教授が出席しました。", ["大野", "村井"]),
    ("佐々木教授が講演を行いました。", ["佐々木"]),
    # Korean: a name of two to four syllables before or after a post, particles taken off
    ("국립중앙도서관 관장 홍길동은 협약에 서명했다.", ["홍길동"]),
    ("김민서 교수가 강연했다.", ["김민서"]),
    ("서울대학교 총장 남궁민수와 협약을 맺었다.", ["남궁민수"]),
    ("행사에는 주한 중국 대사 왕위가 참석했다.", ["왕위"]),
    # Arabic: after a title, or after a post and its complement; بن pairs and an ال- family name
    ("وقال الدكتور سالم الحربي إن التعاون مهم.", ["سالم الحربي"]),
    ("وحضر السيد أحمد علي حسن، وزير الثقافة.", ["أحمد علي حسن"]),
    ("التقى سفير الدولة لدى المغرب محمد بن راشد الكعبي ونائب مدير المكتبة.", ["محمد بن راشد الكعبي"]),
    ("واستقبل مدير مكتبة الجامعة الوطنية سمير بن علي الزهراني.", ["سمير بن علي الزهراني"]),
    ("وخلال اللقاء مع رئيس الجمعية العربية نادر خليل تم بحث التعاون.", ["نادر خليل"]),
    ("حضر الأمين العام للمنظمة الدولية (ABC) جون سميث، ورئيس الاتحاد ماري لي، الاجتماع.",
     ["جون سميث", "ماري لي"]),
])
def test_names_in_scripts_without_capitals(sentence, expected):
    assert names(sentence) == expected


@pytest.mark.parametrize("sentence", [
    # place names, institutions and posts alone are no people
    "韩国总领事出席了开幕式。",
    "北京馆长会议在芝加哥举行。",
    "馆长高度评价了双方的合作。",
    "总领事表示欢迎。",
    "同図書館長が出席しました。",
    "国立国会図書館長が来館しました。",
    "双方の図書館職員が交流しました。",
    "신임 관장은 한국 대사와 만났다.",
    "김철수의 강연 후 교수 강연했다.",
    # an Arabic title or post followed by an institution, a function word or a thing
    "استقبل مدير المكتبة الوطنية الوفد.",
    "وقدم مدير مكتبة الاسكندرية، هدايا للوفد.",
    "وأشاد الوزير بهذه المبادرة.",
    "وقدم مدير المكتبة هدايا للضيفين من إصدارات المكتبة.",
])
def test_no_person_without_a_name(sentence):
    assert names(sentence) == []


def test_names_of_one_clause_keep_their_own_characters():
    text = "副馆长丁一以及馆员周小平参加。"
    found = {p.name: (p.char_start, p.char_end) for p in people(text)}
    assert set(found) == {"丁一", "周小平"}
    for name, (a, b) in found.items():
        assert text[a:b] == name


def test_role_and_title_are_kept():
    (p,) = people("وقال الدكتور سالم الحربي إن التعاون مهم.")
    assert p.title == "الدكتور"
    (q,) = people("国家图书馆馆长李明华会见了来访的代表团。")
    assert q.role == "馆长"


def test_guessed_surname_yields_to_a_longer_name_of_the_document():
    """A surname cut by its length from the stretch before a post ("黄明" of "黄明浩大韓大学校")
    is the document's longer name the stretch begins with."""
    text = ("大韓大学校図書館と協定を締結しました。黄明浩大韓大学校図書館長が出席しました。\n\n"
            "黄明浩大韓大学校長と会談しました。")
    assert names(text) == ["黄明浩"]


def test_text_without_these_scripts_is_left_at_once():
    assert not has_script_text("Director Anna Berg visited the library. Zażółć gęślą jaźń.")
    assert has_script_text("馆长") and has_script_text("관장") and has_script_text("مدير")
    latin = "Director Anna Berg visited the National Library of Estonia. " * 2000
    start = time.perf_counter()
    for _ in range(50):
        has_script_text(latin)
    assert time.perf_counter() - start < 0.05


def test_an_arabic_word_with_an_indefinite_ending_is_no_name():
    # after a post, an adverbial accusative ("in detail") stands where a name could
    assert names("وقدم مدير المكتبة شرحًا مفصلًا عن تاريخ المكتبة.") == []


def test_a_chinese_post_near_the_end_of_a_run_of_han_is_read_without_error():
    # a post ("馆长") two characters before the run of Han ends (a date follows): the name
    # lengths tried after it run past the run, which must end no name and raise nothing
    from coopextract import extract_text
    assert [x.name for p in extract_text("两馆馆长于2018年签署了协议。") for x in p.people] == []

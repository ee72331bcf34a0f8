"""③ build_pipeline(): the one place the component order is decided.

A blank English tokenizer (no statistical model) + sentence splitter + our rule components.
Order follows dependency: dates and places first (institution names contain places; people's
roles contain institutions), then people, then event triggers, which read all of them.
"""

import gc
import os
import re
from contextlib import contextmanager
from functools import lru_cache
from typing import Optional

import spacy
from spacy.lang.tokenizer_exceptions import URL_PATTERN
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from coopextract.pipeline import ents, extensions, linking, segment  # noqa: F401  (factories, attributes)
from coopextract.pipeline.dates import find_dates, resolve  # noqa: F401
from coopextract.pipeline.dates.normalise import CJK_WEEKDAYS, HAN_DIGITS
from coopextract.pipeline.events import assemble, triggers  # noqa: F401
from coopextract.pipeline.institutions import find_institutions  # noqa: F401
from coopextract.pipeline.people import find_people  # noqa: F401
from coopextract.pipeline.places import find_places  # noqa: F401
from coopextract.pipeline.prebuilt import stored_regexes

# The one place component order is decided. Dates and places first (institution names contain
# places; people's roles contain institutions), then people and event triggers, which read them
# all; then the document-level stages: dates in context, entity linking, events, doc.ents.
COMPONENTS = ("coop_segment", "coop_dates", "coop_locations", "coop_institutions", "coop_people", "coop_triggers",
              "coop_date_context", "coop_linking", "coop_events", "coop_ents")
# The longest text one Doc holds: a longer document is cut into windows of whole paragraphs
# (extract.WINDOW_CHARS), so memory stays bounded: one window of 2M characters (~330 k words) raises
# the peak by ~370 MB, and a longer document by no more (benchmarks/RESULTS.md).
MAX_DOC_CHARS = 2_000_000

# Brackets glued to words, which spaCy's English infixes leave in one token: a hyphen after a
# closing bracket ("(AK Party)-visited" → "Party", ")", "-", "visited") and an opening bracket
# between two words ("Library(Arabian" → "Library", "(", "Arabian"; two letters each side, so
# "book(s)" stays as it is).
# Chinese and Japanese write no spaces: a date is cut out of its sentence where a number starts
# after a Han or kana character or their full stop ("于2018年" → "于", "2018年"; "。5月") and where a date's last mark (月, 日,
# or 年 not followed by a month) meets another such character ("6月签署" → "6月", "签署").
# Their clause marks (the ideographic comma and enumeration comma, full-width comma, semicolon
# and colon) are tokens of their own: the words of a clause are found as substrings by the rule
# components (event triggers, ``triggers.within_word_matches``) and a span widens to whole
# tokens, so the triggers of two clauses ("晋州市を訪れ、協定書の調印式を行いました": a visit and a
# signing) get tokens of their own. Words stay whole (cutting every character apart, as spaCy's
# Chinese "char" segmentation does, took "中国国家图书馆" from the institution rules). Text without
# these scripts tokenizes as before.
_CJK = "\u3040-\u30ff\u4e00-\u9fff"
_CJK_PUNCT = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20"
# Han numerals of written dates: the digits of a year ("一九五四年", "二〇一九年": HAN_DIGITS) and a
# month ("三月", "十二月"); see normalise.han_numerals.
_HAN_MONTH = "(?:十[一二]?|[一二三四五六七八九])"
# Amharic glues a preposition to the number after it ("በ2010", in 2010) and writes its comma
# between a day and its year ("ጥቅምት 5፣2013"): the number is a token of its own.
# A day's full stop before its month glued to it, as dates typeset without spaces write it
# ("2021.gada 5.martā", "am 3.Mai", "15.října"): "5", ".", "martā", as with a space (and the
# string no web address: NOT_URL).
# A year's full stop before a word glued to it, as Serbian, Croatian and Bosnian text often
# writes "2021.godine" (the year of ...): "2021", ".", "godine", so the year is a token (and
# the string no web address: NOT_URL).
# A string that holds Japanese or Chinese script or Hangul is no web address either: spaCy's
# address pattern takes any letters after a dot for a domain, so a sentence written without
# spaces around "D.C." or "U.S." ("…ワシントンD.C.で開催された…") was one token (and its dates unread).
NOT_URL = (r"(?!(?:1\d{3}|20\d{2})\.[^\W\d_]{2,}$)(?![0-3]?\d\.[^\W\d_]{3,}$)"
           rf"(?!\S*[{_CJK}\uac00-\ud7af])")
EXTRA_INFIXES = (r"[|¦]", r"(?<=[\u1200-\u137f])(?=\d)", r"(?<=\d)፣(?=\d)", rf"(?<=\b(?:1\d{{3}}|20\d{{2}}))\.(?=[^\W\d_]{{2}})",
                 r"(?<=(?<![\w.])[1-9])\.(?=[^\W\d_]{3})", r"(?<=(?<![\w.])[0-3]\d)\.(?=[^\W\d_]{3})", r"(?<=[^\W\d_])[)\]](?=[-–—][^\W\d_])", r"(?<=[)\]])[-–—](?=[^\W\d_])",
                 r"(?<=[^\W\d_]{2})\((?=[^\W\d_]{2})",
                 rf"(?<=[{_CJK}{_CJK_PUNCT}])(?<![年月日])(?=\d)", rf"(?<=\d[年月日])(?=[{_CJK}\u3000-\u303f])(?![日月代度])",
                 # ... and after a Western closing quotation mark that ends a Han name
                 # ('"中拉联盟"2016年5月成立' → '中拉联盟"', '2016年5月', '成立')
                 rf"(?<=[{_CJK}][\"”’])(?=\d)",
                 rf"(?<=\d年度)(?=[{_CJK}\u3000-\u303f])",   # a (fiscal) year: "平成19年度に"
                 rf"(?<=\d年代)(?=[{_CJK}\u3000-\u303f])",   # a decade: "1990年代" ("the 1990s")
                 rf"(?<=[{_CJK}\d])[、，；：](?=[{_CJK}\d])",
                 # the same for a date written in Han numerals ("于一九五四年三月十五日签订" →
                 # "于", "一九五四年三月十五日", "签订"): before a year of four numerals or a month
                 # after a character that is no numeral, after its last mark
                 rf"(?<=[{_CJK}{_CJK_PUNCT}])(?<![{HAN_DIGITS}十年])(?=[{HAN_DIGITS}]{{4}}年|{_HAN_MONTH}月)",
                 rf"(?<=[{HAN_DIGITS}]{{4}}年)(?=[{_CJK}{_CJK_PUNCT}])(?![{HAN_DIGITS}十])",
                 rf"(?<=[{HAN_DIGITS}十][月日])(?=[{_CJK}{_CJK_PUNCT}])(?![{HAN_DIGITS}十日])",
                 # a year named relative to today before its month, glued to the word before it
                 # ("図書館は昨年12月" → "図書館は", "昨年12月"; "去年", "今年", "来年", "明年")
                 rf"(?<=[{_CJK}])(?<![前去今来明本昨])(?=(?:昨年|去年|今年|来年|明年|本年)[(（]?\d)",
                 # a Japanese era year glued to the word or bracket before it ("両館は令和4年5月" → "両館は",
                 # "令和", "4年5月"; "!(令和4年")
                 rf"(?<=[^\s\d])(?=(?:令和|平成|昭和|大正|明治)(?:\d|元|[{HAN_DIGITS}十]))",
                 # a Latin word glued to Han or kana, either way ("Bruno Racine先生" → "Racine", "先生";
                 # "馆长Bruno" → "馆长", "Bruno")
                 rf"(?<=[A-Za-zÀ-ÖØ-öø-ÿ])(?=[{_CJK}])", rf"(?<=[{_CJK}])(?=[A-Za-zÀ-ÖØ-öø-ÿ])",
                 # an ASCII colon after a Han or kana label ("发布时间:2007年07月25日")
                 rf"(?<=[{_CJK}]):(?=[{_CJK}\d])",
                 # a bracket after a written date ("2019年6月30日(火)に", "21日（月）", Korean "10일(금)"),
                 # its numbers in digits or in Han numerals ("三月五日(水)")
                 r"(?<=\d[年月日년월일])(?=[(（])", rf"(?<=[{HAN_DIGITS}十][月日])(?=[(（])",
                 # ... a closing bracket after its month or day, an opening bracket glued before one, and the
                 # wave dash or tilde between a written day and the day or date that ends its
                 # range ("研修会（2019年6月3日～5日）報告", "6月3日~5日" → "6月3日",
                 # "~", "5日"; "9月2~3日", whose first day has no mark, stays one token)
                 r"(?<=\d[月日월일])[)）](?=\S)", r"(?<=[^\s(（])[(（](?=\d{4}[年년]\d{1,2}[月월])",
                 # an opening bracket glued to a word before a number ("Tartu(1995)",
                 # "도서관신문(2015.03.12)"), but not after a year named relative to today, whose
                 # bracket holds that year ("昨年(2022年)5月", "지난해(2022년)")
                 r"(?<=[^\W\d_]{2})(?<![昨去前今来明本]年)(?<!지난해)(?<![작올내]년)[(（](?=\d)",
                 r"(?<=\d[日일])[~～〜](?=\d)",
                 # ... and a weekday in brackets before a range's wave dash or tilde
                 # ("5月3日(金)~5月5日" → "5月3日", "(金)", "~", "5月5日"; Korean "3일(금)~5월 5일")
                 rf"(?<=[(（][{CJK_WEEKDAYS}][)）])(?=[~～〜])", r"(?<=[)）])[~～〜](?=\d)",
                 # a date glued by a page's layout to the text around it: a day after a
                 # lower-case word ("Fundraising26 March 2013"), a year after an ordinal day
                 # ("Sunday 16th2015"), a counter after an ISO date ("Released:2018-12-12174")
                 r"(?<=[a-zß-öø-ÿ]{3})(?=[0-3]?\d$)", r"(?<=\d[snrt][tdh])(?=(?:1[89]|20)\d\d$)",
                 r"(?<=\d{4}-[01]\d-[0-3]\d)(?=\d)",
                 # Polish "r." (roku, "of the year") glued to its year ("12.05.2022r.", "2019r.")
                 r"(?<=(?:1[5-9]|20)\d\d)(?=r$)",
                 # a date line's ".-" glued to the first word after it ("de 2021.-La biblioteca")
                 r"(?<=\d)\.-(?=[^\W\d_])",
                 # a colon between a label and a number ("Published:2018-12-12", "Date:12.05.2019"),
                 # a slash between a word and a number ("Agency/Lima/18-02-2025": a dateline's cells)
                 r"(?<=[^\W\d_]{2}):(?=\d)", r"(?<=[^\W\d_]{2})/(?=\d)",
                 # an en or em dash between a word and a number, a range's two ends ("the 2nd of
                 # May–4th of June 2020", "pages–12"); a hyphen stays in codes like "COVID-19"
                 r"(?<=[^\W\d_]{3})[–—](?=\d)",
                 # an elided article or preposition of French or Italian glued to a capitalised
                 # word ("l’Université de Parakou", "Bibliothèque nationale d’Espagne",
                 # "dell’Università"): the name starts after the apostrophe
                 r"(?<=[lLd]['’])(?=[A-ZÀ-ÖØ-Þ])",
                 # a Hebrew preposition or article and its hyphen before a number ("ב-3 באפריל",
                 # "ה-21 לאוקטובר", "מ-2015": "ב", "-", "3")
                 r"(?<=(?<![\u05d0-\u05ea])[\u05d1\u05d4\u05dc\u05de\u05d5\u05e9\u05db])[-\u05be](?=\d)")
# spaCy's rules write digits as ``0-9``: Eastern Arabic (U+0660–0669) and Persian (U+06F0–06F9)
# digits are digits there too ("١٨/٥/٢٠١٦." → "١٨/٥/٢٠١٦", "."; "٢٠١٩م" → "٢٠١٩", "م"; a hyphen
# between them is cut as between 0–9), and Persian ones are no longer letters (spaCy's letters
# run to U+06FF: "۱۳۹۷/۱۱/۲۹" was cut at its slashes). Text without them tokenizes as before.
_DIGITS = "0-9"
_ALL_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
_ARABIC_LETTERS_TAIL, _WITHOUT_PERSIAN_DIGITS = "\\u06E5-\\u06FF", "\\u06E5-\\u06EF\\u06FA-\\u06FF"


def _with_eastern_digits(rules) -> list:
    return [rule.replace(_ARABIC_LETTERS_TAIL, _WITHOUT_PERSIAN_DIGITS).replace(_DIGITS, _ALL_DIGITS)
            if isinstance(rule, str) else rule for rule in rules or ()]


@spacy.registry.tokenizers("coopextract.tokenizer.v1")
def _formal_exceptions(exceptions: dict) -> dict:
    """spaCy's English special cases without the contractions written with no apostrophe
    ("im" → "i", "m"; "wed" → "we", "d"; "dont"): informal English, while in the documents read
    these are words of other languages (German "im Jahr", Polish "im." of a library's
    namesake), abbreviations ("Wed, 12 May") or names ("Ive"). "cannot" stays two words."""
    kept = {key: value for key, value in exceptions.items()
            if not (len(value) > 1 and key.isalpha() and key.lower() != "cannot")}
    # Polish "im." (imienia, "named after"), Russian "им." (имени) and Ukrainian "ім." (імені)
    # are abbreviations, not sentence ends.
    kept.update({form: [{ORTH: form}] for form in ("im.", "Im.", "им.", "Им.", "ім.", "Ім.")})
    return kept


# The full stops of scripts spaCy's English suffixes do not know: Armenian (։), Ethiopic (።);
# and the hyphen of the Spanish and Portuguese ".-" that closes a press release's date line
# ("Lima, 4 de mayo de 2021.- La biblioteca …"), which would keep the year from its date; and
# Armenian's year mark glued to its year ("2020թ. փետրվարի 11-ին": "2020", "թ."), as spaCy's
# unit suffixes already cut Russian "2019г.".
EXTRA_SUFFIXES = (r"[։።]", r"(?<=\.)-", r"(?<=\d{4})թ\.?", r"[|¦]")
# A vertical bar, which page furniture glues to what it separates ("News|30 December 2013",
# "Home |Library"): a token of its own, as other punctuation is.
EXTRA_PREFIXES = (r"[|¦]",)


# Letters that no infix or suffix rule cuts: every rule of spaCy's English infixes and suffixes
# and of EXTRA_INFIXES and EXTRA_SUFFIXES needs a character that is none of these (a digit, a
# punctuation mark or symbol, a Han, kana, Hebrew, Armenian or Ethiopic character) in the
# string it cuts. A word of these letters only, most words of a page, is not searched
# (tests/test_startup_lazy.py checks the rules on random strings of them). Cyrillic's
# thousands sign (U+0482) is a symbol spaCy's rules cut at.
AFFIX_FREE = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ſЀ-ҁҊ-ӿ]+")


class GatedAffixes:
    """``regex.finditer`` (:meth:`finditer`, the tokenizer's infixes) or ``regex.search``
    (:meth:`search`, its suffixes), skipped on a string of :data:`AFFIX_FREE` letters only:
    the same matches (none there), found ~30× faster on a plain word (an alternation of ~60
    rules is tried at every character). ``pattern`` and ``flags`` are the regex's, as spaCy's
    tokenizer serialisation reads them."""

    __slots__ = ("regex", "pattern", "flags")

    def __init__(self, regex: re.Pattern):
        self.regex, self.pattern, self.flags = regex, regex.pattern, regex.flags

    def finditer(self, text: str):
        if AFFIX_FREE.fullmatch(text):
            return iter(())
        return self.regex.finditer(text)

    def search(self, text: str):
        if AFFIX_FREE.fullmatch(text):
            return None
        return self.regex.search(text)


def create_tokenizer():
    """spaCy's English tokenizer plus ``EXTRA_INFIXES``, ``EXTRA_PREFIXES`` and ``EXTRA_SUFFIXES``; named in the config, so a pipeline
    loaded from ``models/pipeline.cfg`` tokenizes exactly as :func:`build_pipeline`'s does."""
    from spacy.tokenizer import Tokenizer

    def make(nlp: Language) -> Tokenizer:
        # As spacy.Tokenizer.v1 builds it, with the infixes given at construction: setting
        # ``infix_finditer`` afterwards reloads every special case (the tokenizer built twice).
        defaults = nlp.Defaults
        return Tokenizer(
            nlp.vocab,
            rules=_formal_exceptions(defaults.tokenizer_exceptions),
            prefix_search=compile_prefix_regex(_with_eastern_digits(defaults.prefixes) + list(EXTRA_PREFIXES)).search if defaults.prefixes else None,
            suffix_search=GatedAffixes(compile_suffix_regex(_with_eastern_digits(defaults.suffixes) + list(EXTRA_SUFFIXES))).search if defaults.suffixes else None,
            infix_finditer=GatedAffixes(compile_infix_regex(_with_eastern_digits(defaults.infixes) + list(EXTRA_INFIXES))).finditer,
            token_match=defaults.token_match,
            url_match=re.compile("(?u)" + NOT_URL + URL_PATTERN).match if defaults.url_match else None,
        )

    return make


def build_pipeline(models_dir: Optional[str] = None, model: Optional[str] = None) -> Language:
    """The whole extraction as one spaCy pipeline (see :func:`load`). Its regular expressions
    (the tokenizer's affixes, the rules' word alternations) are made from their compiled code
    where the prebuilt table has it (:func:`~coopextract.pipeline.prebuilt.stored_regexes`)."""
    with stored_regexes():
        nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "coopextract.tokenizer.v1"}}})
        for name in COMPONENTS:
            config = {"models_dir": models_dir} if models_dir and _takes_models_dir(name) else {}
            nlp.add_pipe(name, config=config)
            if name == "coop_segment" and model:
                add_model_ner(nlp, model)
    nlp.max_length = MAX_DOC_CHARS
    return nlp


def add_model_ner(nlp: Language, model: str) -> None:
    """Source the ``ner`` of the installed spaCy pipeline ``model`` (a package name or a path)
    after ``coop_segment``, with the components it listens to, followed by
    ``coop_model_ents`` (see :mod:`coopextract.pipeline.model_ents`). Raises
    :class:`~coopextract.errors.ModelsError` when ``model`` cannot be loaded or has no NER."""
    import warnings

    from coopextract.errors import ModelsError
    from coopextract.pipeline import model_ents  # noqa: F401  (factory)

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")           # "trained with spaCy v3.x": it still runs
            source = spacy.load(model)
    except (OSError, ValueError, ImportError) as exc:
        raise ModelsError(f"--model {model}: not an installed spaCy pipeline ({str(exc).splitlines()[0][:160]})") from None
    if "ner" not in source.pipe_names:
        raise ModelsError(f"--model {model}: the pipeline has no 'ner' component")
    for name in source.pipe_names:               # a shared tok2vec the ner listens to comes first
        listeners = getattr(source.get_pipe(name), "listening_components", [])
        if "ner" in listeners:
            nlp.add_pipe(name, name=f"model_{name}", source=source)
    nlp.add_pipe("ner", name="model_ner", source=source)
    nlp.add_pipe("coop_model_ents")


def default_model() -> Optional[str]:
    """The model named by ``COOPEXTRACT_MODEL`` (what ``--model`` sets for every worker), if any."""
    return os.environ.get("COOPEXTRACT_MODEL") or None


def load(model: Optional[str] = None, models_dir: Optional[str] = None) -> Language:
    """The whole extraction as one spaCy pipeline, as ``medspacy.load()`` gives medspaCy's:
    ``doc = coopextract.load()(text)`` has ``doc._.events``, ``doc._.paragraphs``, the span
    groups of every component, and ``doc.ents``. ``models_dir``: a folder of rules to use
    instead of the installed ones. ``model``: an installed spaCy pipeline (name or path)
    whose ``ner`` runs after ``coop_segment`` and gives the rules evidence (:func:`add_model_ner`). ``nlp.to_disk(path)`` saves the rules with it; ``spacy.load(path)``
    reads them back from there."""
    return build_pipeline(models_dir, model)


def _takes_models_dir(factory: str) -> bool:
    meta = Language.get_factory_meta(factory)
    return "models_dir" in (meta.default_config or {})


def save_config(path=None) -> str:
    """Write the pipeline's spaCy config to ``models/pipeline.cfg`` (or ``path``); return it.

    The saved config is what spaCy tooling reads (``spacy.util.load_model_from_config``);
    ``tests/test_pipeline.py`` checks it stays equal to what :func:`build_pipeline` builds.
    """
    from coopextract.resources import models_dir

    text = build_pipeline().config.to_str()
    target = path or models_dir() / "pipeline.cfg"
    with open(target, "w", encoding="utf-8") as handle:
        handle.write(text)
    return text


def get_pipeline(models_dir: Optional[str] = None, model: Optional[str] = None) -> Language:
    """The pipeline, built once per process (``model``: default ``COOPEXTRACT_MODEL``)."""
    return _cached_pipeline(models_dir, model or default_model())


@lru_cache(maxsize=2)
def _cached_pipeline(models_dir: Optional[str], model: Optional[str]) -> Language:
    """Built with the cyclic garbage collector paused, then frozen (:func:`gc.freeze`): the
    build allocates ~30,000 objects that all live as long as the process (word lists, the
    gazetteer, matchers), and each full collection of the ~100,000 objects after spaCy's
    import took ~75 ms of a one-page run's start-up; frozen, no later collection walks them
    again. Only the pipeline cached for the process is frozen (:func:`build_pipeline` is not)."""
    with _collector_paused():
        nlp = build_pipeline(models_dir, model)
        gc.freeze()   # before the collector is back: its first collection would walk them all
    return nlp


@contextmanager
def _collector_paused():
    """The cyclic garbage collector off inside, back as it was after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()

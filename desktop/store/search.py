"""Search keys for the full-text index, and turning what a user types into a query.

FTS5's trigram tokenizer cannot match two-character Chinese names (张三) or two-letter
pinyin initials (zs), so the store writes its own keys into a unicode61 index:
- NAME:  every substring of the name (王小明 → 王, 小明, 王小明, …), full pinyin and
         initials for each reading (wangxiaoming, wxm) and for the given name alone
         (xiaoming, xm), so `zhangs`, `zs` and `小明` all hit;
- EXACT: the value itself (ID numbers, phones), matched by prefix, plus its last six
         characters, so the tail of an ID number finds it too;
- TEXT:  ASCII words, and CJK single characters and bigrams (queries become phrases).
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Sequence
from typing import Any

from desktop.store.schema.registry import Search

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"[0-9a-z]+")
#: Names longer than this are indexed by their pieces only (keys grow quadratically).
_MAX_SUBSTRING_NAME = 12


_SPACE = re.compile(r"\s+")
_SPACE_OR_DASH = re.compile(r"[\s\-]")


def normalize(text: str) -> str:
    """Fold full-width forms, case and padding (roster names come as 王　芳)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return _SPACE.sub("", text) if _CJK.search(text) else text.strip()


def _substrings(s: str) -> list[str]:
    n = len(s)
    return [s[i:j] for i in range(n) for j in range(i + 1, n + 1)]


@functools.cache
def _pypinyin() -> tuple[Callable[[str], list[list[str]]], Collection[str]]:
    """pypinyin's every-reading lookup and its phrase dictionary, loaded on first use:
    its dictionaries take some 55 MB, which a session that only reads never needs."""
    from pypinyin import Style, pinyin  # noqa: PLC0415 - see above
    from pypinyin.constants import PHRASES_DICT  # noqa: PLC0415

    def readings(chars: str) -> Any:
        return pinyin(chars, style=Style.NORMAL, heteronym=True, errors="ignore")

    return readings, PHRASES_DICT


@functools.lru_cache(maxsize=8192)
def _char_readings(char: str) -> tuple[str, ...]:
    found = _pypinyin()[0](char)
    return tuple(found[0]) if found else ()


def _pinyin(chars: str) -> Sequence[Sequence[str]]:
    """Every reading of each character, as pypinyin gives them for `chars`.

    pypinyin reads a run character by character unless part of it is one of its phrases;
    only then is the whole run worth its time (a 100k-member import asks for 100k names,
    made of a few thousand characters).
    """
    readings, phrases = _pypinyin()
    n = len(chars)
    if any(chars[i:j] in phrases for i in range(n - 1) for j in range(i + 2, n + 1)):
        return readings(chars)
    return [found for char in chars if (found := _char_readings(char))]


#: Surnames whose reading differs from the character's everyday one, as people type them
#: (曾 is zeng, not ceng; 单 shan, not dan). Two-character surnames first.
_SURNAME_READINGS: dict[str, tuple[tuple[str, ...], ...]] = {
    "长孙": (("zhang", "sun"),),
    "万俟": (("mo", "qi"),),
    "尉迟": (("yu", "chi"),),
    "单于": (("chan", "yu"),),
    "澹台": (("tan", "tai"),),
    "曾": (("zeng",),),
    "单": (("shan",),),
    "解": (("xie",),),
    "仇": (("qiu",),),
    "朴": (("piao",),),
    "区": (("ou",),),
    "查": (("zha",),),
    "盖": (("ge",),),
    "乐": (("yue",), ("le",)),
    "尉": (("yu",), ("wei",)),
    "覃": (("qin",), ("tan",)),
    "缪": (("miao",),),
    "折": (("she",),),
    "秘": (("bi",),),
    "种": (("chong",),),
    "重": (("chong",),),
    "翟": (("zhai",), ("di",)),
    "召": (("shao",),),
    "句": (("gou",),),
    "宓": (("mi",),),
    "员": (("yun",),),
    "繁": (("po",),),
    "阚": (("kan",),),
    "能": (("nai",),),
    "黑": (("he",),),
    "隗": (("wei",),),
    "贲": (("ben",),),
    "沈": (("shen",),),
    "燕": (("yan",),),
    "华": (("hua",),),
    "任": (("ren",),),
    "纪": (("ji",),),
    "哈": (("ha",),),
}


#: Characters common in given names that are read two ways in them (长 chang or zhang,
#: 乐 le or yue). Only these get a second reading: pypinyin's lists run on into rare
#: readings (俊 jun, shun, dun) that make short initials match nearly anyone.
_GIVEN_NAME_READINGS: dict[str, tuple[str, ...]] = {
    "长": ("chang", "zhang"),
    "乐": ("le", "yue"),
    "还": ("huan", "hai"),
    "朝": ("zhao", "chao"),
    "行": ("xing", "hang"),
    "重": ("zhong", "chong"),
    "会": ("hui", "kuai"),
    "茜": ("qian", "xi"),
    "柏": ("bai", "bo"),
    "藏": ("zang", "cang"),
    "单": ("dan", "shan"),
    "曾": ("zeng", "ceng"),
    "传": ("chuan", "zhuan"),
    "少": ("shao",),
    "都": ("du", "dou"),
    "和": ("he",),
    "蔚": ("wei", "yu"),
    "莘": ("shen", "xin"),
    "佳": ("jia",),
    "薄": ("bo", "bao"),
    "宿": ("su", "xiu"),
    "率": ("shuai", "lv"),
    "省": ("sheng", "xing"),
    "翟": ("zhai", "di"),
    "祭": ("ji", "zhai"),
}
#: Most readings of one name to index.
_MAX_READINGS = 8


def _readings(chars: str) -> list[list[str]]:
    """How people would type a name: each character's everyday reading (phrase-aware), and
    where it starts with a surname read otherwise, that reading too. Rare readings are
    left out on purpose: indexing every heteronym made `zs` find 丁俊 (zheng shun)."""
    per_char = _pinyin(chars)
    if not per_char:
        return []
    default = [found[0] for found in per_char]
    if len(per_char) != len(chars):  # a character pypinyin does not know: keep it simple
        return [default]
    if (
        chars[:1] not in _SURNAME_READINGS
        and chars[:2] not in _SURNAME_READINGS
        and not any(c in _GIVEN_NAME_READINGS for c in chars)
    ):
        # Most names: one reading, the everyday one (what the general case below gives
        # too, for a good deal more work; a first pull asks for 100k names).
        return [default]
    surname = 0
    heads: list[list[str]] = [[]]
    for size in (2, 1):
        variants = _SURNAME_READINGS.get(chars[:size])
        if variants and len(chars) > size:
            surname = size
            heads = [default[:size], *(list(v) for v in variants if list(v) != default[:size])]
            break
    options = [
        _GIVEN_NAME_READINGS.get(c, (d,))
        for c, d in zip(chars[surname:], default[surname:], strict=True)
    ]
    tails = [list(t) for t in itertools.islice(itertools.product(*options), _MAX_READINGS)]
    readings = [head + tail for head in heads for tail in tails]
    return readings


@functools.lru_cache(maxsize=65536)
def name_keys(value: str) -> frozenset[str]:
    """Cached: a roster repeats names (a 100k-member import has far fewer distinct ones)."""
    keys: set[str] = set()
    text = normalize(value)
    for run in _CJK.findall(text):
        if len(run) <= _MAX_SUBSTRING_NAME:
            keys.update(_substrings(run))
        else:
            keys.update(run)
        for syllables in _readings(run):
            # Every tail of the reading, in full and as initials (`s[:1]`: an empty
            # syllable adds nothing).
            initials = [s[:1] for s in syllables]
            ends = range(len(syllables))
            keys.update(["".join(syllables[start:]) for start in ends])
            keys.update(["".join(initials[start:]) for start in ends])
    keys.update(_WORD.findall(text))
    return frozenset(keys)


def exact_keys(value: str) -> set[str]:
    if value.isascii():
        # Most IDs and phones are plain letters and digits: what the general way below
        # gives them (NFKC and casefold leave ASCII as lower case), without its regexes.
        plain = value.lower()
        if plain.isalnum():
            return {plain, plain[-6:]} if len(plain) > 6 else {plain}
    text = _SPACE_OR_DASH.sub("", normalize(value))
    words = _WORD.findall(text)
    keys = set(words)
    joined = "".join(words)
    if joined:
        keys.add(joined)
        if len(joined) > 6:
            keys.add(joined[-6:])
    return keys


def text_keys(value: str) -> set[str]:
    text = normalize(value)
    keys = set(_WORD.findall(text))
    for run in _CJK.findall(text):
        keys.update(run)
        keys.update(run[i : i + 2] for i in range(len(run) - 1))
    return keys


_KEYS: dict[Search, Callable[[str], Collection[str]]] = {
    Search.NAME: name_keys,
    Search.EXACT: exact_keys,
    Search.TEXT: text_keys,
}


def _bigram_chain(value: str) -> list[str]:
    """A text's CJK bigrams in reading order, for phrase queries of three or more
    characters (党支部 → "党支" + "支部" must be adjacent in the index)."""
    chain: list[str] = []
    for run in _CJK.findall(normalize(value)):
        chain += [run[i : i + 2] for i in range(len(run) - 1)]
    return chain


def document(values: Iterable[tuple[Search, str | None]]) -> str:
    """The index text for one row: its keys separated by spaces, then the bigram chains
    of its free-text fields."""
    keys: set[str] = set()
    chains: list[str] = []
    for kind, value in values:
        if value:
            keys.update(_KEYS[kind](value))
            if kind is Search.TEXT:
                chains += _bigram_chain(value)
    return " ".join([*sorted(keys), *chains])


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH expression for what the user typed, or None when nothing is left.

    Each word must match (AND). A CJK word matches as a name substring or, when longer
    than two characters, as a phrase of bigrams; an ASCII word matches any key by prefix.
    """
    text = unicodedata.normalize("NFKC", query).casefold()
    parts: list[str] = []
    for word in text.split():
        alternatives: list[str] = []
        for run in _CJK.findall(word):
            alt = _quote(run)
            if len(run) > 2:
                bigrams = " + ".join(_quote(run[i : i + 2]) for i in range(len(run) - 1))
                alt = f"({alt} OR ({bigrams}))"
            alternatives.append(alt)
        ascii_words = _WORD.findall(re.sub(r"[\s\-]", "", word))
        alternatives += [_quote(w) + "*" for w in ascii_words]
        if alternatives:
            parts.append(" AND ".join(alternatives))
    if not parts:
        return None
    return " AND ".join(f"({p})" for p in parts)

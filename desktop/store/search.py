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
from collections.abc import Callable, Collection, Iterable
from typing import Any

from desktop.store.schema.registry import Search

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"[0-9a-z]+")
#: Names longer than this are indexed by their pieces only (keys grow quadratically).
_MAX_SUBSTRING_NAME = 12
#: Most readings of a name with heteronyms (曾, 单, 解 …) to index.
_MAX_READINGS = 4


def normalize(text: str) -> str:
    """Fold full-width forms, case and padding (roster names come as 王　芳)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"\s+", "", text) if _CJK.search(text) else text.strip()


def _substrings(s: str) -> Iterable[str]:
    n = len(s)
    for i in range(n):
        for j in range(i + 1, n + 1):
            yield s[i:j]


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


def _pinyin(chars: str) -> list[list[str]]:
    """Every reading of each character, as pypinyin gives them for `chars`.

    pypinyin reads a run character by character unless part of it is one of its phrases;
    only then is the whole run worth its time (a 100k-member import asks for 100k names,
    made of a few thousand characters).
    """
    readings, phrases = _pypinyin()
    n = len(chars)
    if any(chars[i:j] in phrases for i in range(n - 1) for j in range(i + 2, n + 1)):
        return readings(chars)
    return [list(found) for char in chars if (found := _char_readings(char))]


def _readings(chars: str) -> list[list[str]]:
    per_char = _pinyin(chars)
    if not per_char:
        return []
    # Every reading of the first character, the surname: pypinyin rarely lists a
    # surname's reading first (曾 ceng/zeng, 单 dan/shan, 解 jie/xie), and capping the
    # whole product would drop it whenever the given name has heteronyms too.
    rest = list(itertools.islice(itertools.product(*per_char[1:]), _MAX_READINGS))
    return [[first, *others] for first in per_char[0] for others in rest]


def name_keys(value: str) -> set[str]:
    keys: set[str] = set()
    text = normalize(value)
    for run in _CJK.findall(text):
        if len(run) <= _MAX_SUBSTRING_NAME:
            keys.update(_substrings(run))
        else:
            keys.update(run)
        for syllables in _readings(run):
            for start in range(len(syllables)):
                tail = syllables[start:]
                keys.add("".join(tail))
                keys.add("".join(s[0] for s in tail if s))
    keys.update(_WORD.findall(text))
    return keys


def exact_keys(value: str) -> set[str]:
    text = re.sub(r"[\s\-]", "", normalize(value))
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


_KEYS = {Search.NAME: name_keys, Search.EXACT: exact_keys, Search.TEXT: text_keys}


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
            keys |= _KEYS[kind](value)
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

"""Roster cells as they come from real spreadsheets, turned into member values: the
columns an import knows (Chinese and English titles), and one parser per kind of value
(names, dates in every form officers type, ID numbers Excel may have mangled, phones,
genders, categories, standings). A parser never guesses: what it cannot read exactly is
a problem naming the column, the cell and its text."""

from __future__ import annotations

import enum
import functools
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from desktop.domain import idnumber
from desktop.domain.duplicates import normalize_name
from desktop.store.i18n import QT_TRANSLATE_NOOP as _N

CONTEXT = "RosterImport"


class Severity(enum.StrEnum):
    ERROR = "error"  # the row is not imported
    WARNING = "warning"  # imported, but the officer should look


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a row or the file: an English template marked for
    translation (context RosterImport) and its parameters; `detail` is a message of
    another module (an ID number problem, a duplicate reason) as (context, text)."""

    severity: Severity
    template: str
    params: Mapping[str, Any] = field(default_factory=dict)
    detail: tuple[str, str] | None = None

    @property
    def message(self) -> str:
        detail = self.detail[1] if self.detail else ""
        return self.template.format(detail=detail, **self.params)


class Kind(enum.Enum):
    TEXT = "text"
    NAME = "name"
    DATE = "date"
    GENDER = "gender"
    CATEGORY = "category"
    STATUS = "status"
    ID_KIND = "id_kind"
    ID_NUMBER = "id_number"
    PHONE = "phone"
    GROUP = "group"  # a group (党小组) by name
    BOOL = "bool"  # 是 / 否
    FLOATING = "floating"  # 流出 / 流入
    IGNORED = "ignored"  # a column the import knows and leaves alone (序号)


@dataclass(frozen=True)
class Field:
    """A column the import knows: the member field it fills, its kind, and its titles
    (the first Chinese and the first English one are what an export writes)."""

    key: str
    kind: Kind
    zh: tuple[str, ...]
    en: tuple[str, ...]
    max_length: int | None = None


FIELDS: tuple[Field, ...] = (
    Field("name", Kind.NAME, ("姓名", "名字", "党员姓名"), ("Name", "Full name"), 64),
    Field("former_names", Kind.TEXT, ("曾用名",), ("Former names", "Former name"), 200),
    Field("gender", Kind.GENDER, ("性别",), ("Gender", "Sex")),
    Field("ethnicity", Kind.TEXT, ("民族",), ("Ethnicity", "Ethnic group"), 32),
    Field(
        "birth_date",
        Kind.DATE,
        ("出生日期", "出生年月", "出生年月日", "生日"),
        ("Date of birth", "Birth date", "Birthday"),
    ),
    Field("id_kind", Kind.ID_KIND, ("证件类型",), ("ID type", "Document type")),
    Field(
        "id_number",
        Kind.ID_NUMBER,
        ("身份证号", "身份证号码", "公民身份号码", "身份证", "证件号码", "证件号"),
        ("ID number", "ID no.", "ID no", "Resident ID number", "Passport number"),
    ),
    Field("nationality", Kind.TEXT, ("国籍",), ("Nationality",), 64),
    Field("native_place", Kind.TEXT, ("籍贯",), ("Native place",), 100),
    Field("education", Kind.TEXT, ("学历", "文化程度", "最高学历"), ("Education",), 32),
    Field("work_unit", Kind.TEXT, ("工作单位", "单位"), ("Work unit", "Employer"), 200),
    Field("post", Kind.TEXT, ("职务", "岗位", "职务/岗位"), ("Post", "Position", "Job title"), 100),
    Field(
        "phone",
        Kind.PHONE,
        ("联系电话", "手机", "手机号", "手机号码", "电话", "联系方式"),
        ("Phone", "Mobile", "Telephone", "Phone number"),
    ),
    Field(
        "applied_date",
        Kind.DATE,
        ("申请入党时间", "申请入党日期", "入党申请时间"),
        ("Date applied", "Applied"),
    ),
    Field(
        "joined_date",
        Kind.DATE,
        ("入党时间", "入党日期", "加入党组织日期", "加入党组织时间"),
        ("Date joined", "Joined"),
    ),
    Field(
        "full_date",
        Kind.DATE,
        ("转正时间", "转正日期"),
        ("Full member since", "Date of full membership", "Converted"),
    ),
    Field("category", Kind.CATEGORY, ("人员类别", "党员类别", "类别"), ("Category",)),
    Field("status", Kind.STATUS, ("党员状态", "状态"), ("Status", "Standing")),
    Field(
        "status_date",
        Kind.DATE,
        ("状态日期", "状态变更日期", "失联日期"),
        ("Status since", "Status date"),
    ),
    Field("floating", Kind.FLOATING, ("流动党员", "流动情况"), ("Floating",)),
    Field("hardship", Kind.BOOL, ("生活困难", "困难党员"), ("Hardship",)),
    Field("party_post", Kind.TEXT, ("党内职务",), ("Party post",), 64),
    Field("group", Kind.GROUP, ("所在党小组", "党小组"), ("Group", "Party group")),
    Field(
        "formal_unit",
        Kind.TEXT,
        ("组织关系所在单位", "组织关系所在党组织"),
        ("Formal relation at", "Formal unit"),
        200,
    ),
    Field("row_number", Kind.IGNORED, ("序号", "编号", "序"), ("No.", "No", "#")),
)

_BRACKETED = re.compile(r"[(\[【〔<].*?[)\]】〕>]")


def title_key(text: str) -> str:
    """A column title as compared: half-width, no spaces, lower case, without a
    bracketed hint ("出生年月（年.月）") or the marks of a required column ("*姓名")."""
    key = "".join(unicodedata.normalize("NFKC", text).split()).lower()
    return _BRACKETED.sub("", key).strip("*:：")


TITLES: dict[str, Field] = {title_key(t): f for f in FIELDS for t in (*f.zh, *f.en)}


def cell_text(value: Any) -> str:
    """A cell as the officer sees it, for messages."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, float) and abs(value) >= 1e11:
        return f"{value:.6G}"  # as Excel's General format shows it: 1.10105E+17
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def clean_text(value: Any) -> str:
    """Text of a cell: full-width letters and digits made half-width, outer spaces
    dropped, and the apostrophe an export puts before "=" (formula injection) removed."""
    text = unicodedata.normalize("NFKC", cell_text(value)).strip()
    if len(text) > 1 and text[0] == "'" and text[1] in "=+-@\t\r":
        text = text[1:]
    return text


# --- choices ---------------------------------------------------------------------------

GENDER_WORDS = {"男": "male", "男性": "male", "m": "male", "male": "male"} | {
    "女": "female",
    "女性": "female",
    "f": "female",
    "female": "female",
}
CATEGORY_WORDS = {
    "正式": "full",
    "正式党员": "full",
    "full": "full",
    "fullmember": "full",
    "预备": "probationary",
    "预备党员": "probationary",
    "probationary": "probationary",
    "probationarymember": "probationary",
}
STATUS_WORDS = {
    "正常": "normal",
    "normal": "normal",
    "停止党籍": "suspended",
    "suspended": "suspended",
    "membershipsuspended": "suspended",
    "失联": "lost_contact",
    "失去联系": "lost_contact",
    "lostcontact": "lost_contact",
    "出党": "left",
    "left": "left",
    "lefttheparty": "left",
}
ID_KIND_WORDS = {
    "身份证": "resident",
    "居民身份证": "resident",
    "resident": "resident",
    "residentidcard": "resident",
    "idcard": "resident",
    "护照": "passport",
    "passport": "passport",
}
BOOL_WORDS = {"是": True, "yes": True, "y": True, "√": True, "否": False, "no": False, "n": False}
FLOATING_WORDS = {"流出": "out", "out": "out", "流入": "in", "in": "in"}
_CHOICE_WORDS: dict[Kind, Mapping[str, Any]] = {
    Kind.BOOL: BOOL_WORDS,
    Kind.FLOATING: FLOATING_WORDS,
    Kind.GENDER: GENDER_WORDS,
    Kind.CATEGORY: CATEGORY_WORDS,
    Kind.STATUS: STATUS_WORDS,
    Kind.ID_KIND: ID_KIND_WORDS,
}
_CHOICE_HINTS = {
    Kind.BOOL: "是 / 否",
    Kind.FLOATING: "流出 / 流入",
    Kind.GENDER: "男 / 女",
    Kind.CATEGORY: "正式党员 / 预备党员",
    Kind.STATUS: "正常 / 停止党籍 / 失联 / 出党",
    Kind.ID_KIND: "居民身份证 / 护照",
}


def choice_key(text: str) -> str:
    return "".join(text.split()).lower()


# --- messages --------------------------------------------------------------------------

NOT_A_CHOICE = _N("RosterImport", '{column} ({cell}): "{text}" is not one of {choices}.')
TOO_LONG = _N("RosterImport", "{column} ({cell}) is longer than {limit} characters.")
NOT_A_DATE = _N(
    "RosterImport",
    '{column} ({cell}): "{text}" is not a date. Write it as 1988-07-01, 1988.07 or 1988年7月.',
)
AMBIGUOUS_MONTH = _N(
    "RosterImport",
    '{column} ({cell}): Excel stored "{text}" as a number, so 1988.1 and 1988.10 look the '
    "same. Format the column as text in Excel and type the date again.",
)
YEAR_ONLY = _N(
    "RosterImport", '{column} ({cell}): "{text}" gives only a year; give the month as well.'
)
FUTURE_DATE = _N("RosterImport", '{column} ({cell}): "{text}" is in the future.')
DIGITS_LOST = _N(
    "RosterImport",
    '{column} ({cell}): Excel stored the ID number as a number ("{text}") and lost its last '
    "digits. Format the column as text in Excel and type the number again.",
)
BAD_ID = _N("RosterImport", '{column} ({cell}): "{text}": {detail}.')
BAD_PHONE = _N(
    "RosterImport",
    '{column} ({cell}): "{text}" is not a phone number (one number, digits with an optional '
    "+ and country code).",
)

_DATE_YM = re.compile(r"^(\d{4})[.\-/年](\d{1,2})月?$")
_DATE_YMD = re.compile(r"^(\d{4})[.\-/年](\d{1,2})[.\-/月](\d{1,2})日?(?:[ T]0?0:00(?::00)?)?$")
_DATE_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})?$")
_EXCEL_EPOCH = date(1899, 12, 30)
#: Excel serial numbers of 1900-01-01 and 2100-12-31: a plain number in a date column
#: within this range is a date cell that lost its format.
_SERIAL_RANGE = (2, 73415)
_PHONE = re.compile(r"^\+?\d{5,20}$")
_PHONE_NOISE = str.maketrans("", "", " -()./\u00a0")


class CellError(Exception):
    """A cell that cannot be read; carries the problem's template and detail."""

    def __init__(self, template: str, detail: tuple[str, str] | None = None) -> None:
        super().__init__(template)
        self.template = template
        self.detail = detail


def _iso(year: int, month: int, day: int | None) -> str | None:
    if not idnumber.EARLIEST_BIRTH_YEAR <= year <= 2100 or not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


@functools.lru_cache(maxsize=32768)
def _date_from_text(text: str) -> str | None:
    """An ISO date ("YYYY-MM-DD", or "YYYY-MM" when only the month is given) from the
    forms rosters use; None when the text is none of them. Cached: dates repeat."""
    for pattern in (_DATE_YMD, _DATE_YM, _DATE_COMPACT):
        match = pattern.match(text)
        if match:
            year, month, *rest = match.groups()
            day = rest[0] if rest else None
            return _iso(int(year), int(month), int(day) if day else None)
    return None


def parse_date(value: Any, today: date) -> str:
    """A date cell as ISO text. Raises CellError when it cannot be read exactly."""
    if isinstance(value, datetime):
        found = value.date()
    elif isinstance(value, date):
        found = value
    elif isinstance(value, bool):
        raise CellError(NOT_A_DATE)
    elif isinstance(value, int | float):
        iso = _date_from_number(value)
        if iso is None:
            raise CellError(NOT_A_DATE)
        return _not_future(iso, today)
    else:
        text = clean_text(value).replace(" ", "")
        iso = _date_from_text(text)
        if iso is None:
            raise CellError(YEAR_ONLY if re.fullmatch(r"\d{4}年?", text) else NOT_A_DATE)
        return _not_future(iso, today)
    if not idnumber.EARLIEST_BIRTH_YEAR <= found.year <= 2100:
        raise CellError(NOT_A_DATE)
    return _not_future(found.isoformat(), today)


def _date_from_number(value: float) -> str | None:
    """A date Excel keeps as a number: 198807 and 19880701 as typed, 1988.07 (a typed
    "1988.07" Excel turned into a number), or a serial day number without its format."""
    if isinstance(value, float) and not value.is_integer():
        whole, _, fraction = repr(value).partition(".")
        if len(whole) == 4 and len(fraction) <= 2:
            if fraction == "1":  # 1988.1 or 1988.10: the number no longer says which
                raise CellError(AMBIGUOUS_MONTH)
            return _iso(int(whole), int(fraction), None)
        return None
    number = int(value)
    digits = str(number)
    if len(digits) == 4:
        raise CellError(YEAR_ONLY)
    if len(digits) in (6, 8):
        return _date_from_text(digits)
    if _SERIAL_RANGE[0] <= number <= _SERIAL_RANGE[1]:
        return (_EXCEL_EPOCH + timedelta(days=number)).isoformat()
    return None


def _not_future(iso: str, today: date) -> str:
    if iso > today.isoformat()[: len(iso)]:
        raise CellError(FUTURE_DATE)
    return iso


def parse_choice(kind: Kind, value: Any) -> Any:
    found = _CHOICE_WORDS[kind].get(choice_key(clean_text(value)))
    if found is None:
        raise CellError(NOT_A_CHOICE)
    return found


def choice_hint(kind: Kind) -> str:
    return _CHOICE_HINTS[kind]


def parse_name(value: Any) -> str:
    return normalize_name(clean_text(value))


def parse_phone(value: Any) -> str:
    """ "+86 138-0013-8000" → "+8613800138000"; "0086…" → "+86…"."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = clean_text(value).translate(_PHONE_NOISE)
    if text.startswith("00"):
        text = "+" + text[2:]
    if not _PHONE.match(text):
        raise CellError(BAD_PHONE)
    return text


_EXPONENT = re.compile(r"^\d(?:\.\d+)?e\+?\d+$", re.IGNORECASE)


def parse_id_number(value: Any, kind: str | None, today: date) -> tuple[str, str]:
    """An ID number and its kind ("resident" or "passport"). Numbers Excel stored as
    numbers have lost digits beyond the 15th: that is reported, never repaired."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise CellError(DIGITS_LOST)
    number = idnumber.normalize(cell_text(value))
    if _EXPONENT.match(number):
        raise CellError(DIGITS_LOST)
    if kind == "passport":
        wrong = idnumber.passport_problems(number)
        if wrong:
            raise CellError(BAD_ID, ("IdNumber", wrong[0].message))
        return number, "passport"
    wrong = idnumber.problems(number, today=today)
    if wrong:
        if idnumber.Problem.CHECK_DIGIT in wrong and number.endswith("000"):
            # 18 digits ending in 000 that fail the check: the digits Excel cut, then
            # turned back into text.
            raise CellError(DIGITS_LOST)
        raise CellError(BAD_ID, ("IdNumber", wrong[0].message))
    return number, "resident"

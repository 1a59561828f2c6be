"""Identity document numbers: Chinese resident ID numbers (GB 11643-1999: check digit,
birth date, region code, gender) and foreign passports, and the cross-check of a number
against the gender and birth date entered beside it."""

from __future__ import annotations

import enum
import re
import unicodedata
from datetime import date

from desktop.store.i18n import QT_TRANSLATE_NOOP as _N

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_SHAPE = re.compile(r"^\d{17}[\dX]$")
#: Passport numbers: letters and digits, 5 to 20 of them (ICAO 9303 allows up to 9 in the
#: machine-readable zone; some countries print longer ones on the data page).
_PASSPORT = re.compile(r"^[A-Z0-9]{5,20}$")
#: GB/T 2260 province-level codes (the first two digits). A finer check (the six-digit
#: county code) would need the code table of every year since 1980: counties are merged
#: and renamed, and a number keeps the code it was issued under.
PROVINCES = frozenset(
    {
        "11", "12", "13", "14", "15",  # 北京 天津 河北 山西 内蒙古
        "21", "22", "23",  # 辽宁 吉林 黑龙江
        "31", "32", "33", "34", "35", "36", "37",  # 上海 江苏 浙江 安徽 福建 江西 山东
        "41", "42", "43", "44", "45", "46",  # 河南 湖北 湖南 广东 广西 海南
        "50", "51", "52", "53", "54",  # 重庆 四川 贵州 云南 西藏
        "61", "62", "63", "64", "65",  # 陕西 甘肃 青海 宁夏 新疆
        "71", "81", "82", "83",  # 台湾 香港 澳门; 83: residence permits for Taiwan residents
    }
)  # fmt: skip
#: Before this a birth year is a typing slip (the standard's own example is 1880).
EARLIEST_BIRTH_YEAR = 1850


class Problem(enum.Enum):
    """What is wrong with a number; the value is the message shown to the officer."""

    SHAPE = _N("IdNumber", "an ID number has 17 digits and a last digit or X")
    CHECK_DIGIT = _N("IdNumber", "the check digit does not match (a digit is mistyped)")
    BIRTH_DATE = _N("IdNumber", "the birth date in the number does not exist")
    FUTURE_BIRTH = _N("IdNumber", "the birth date in the number is in the future")
    REGION = _N("IdNumber", "the region code (first two digits) is not a province")
    PASSPORT = _N("IdNumber", "a passport number has 5 to 20 letters and digits")
    GENDER_MISMATCH = _N("IdNumber", "the gender entered differs from the ID number's")
    BIRTH_MISMATCH = _N("IdNumber", "the birth date entered differs from the ID number's")

    @property
    def message(self) -> str:
        return str(self.value)


def check_digit(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK[total % 11]


def normalize(text: str) -> str:
    """As typed or pasted: full-width digits and letters made half-width, spaces (also
    full-width ones) dropped, a lower-case check digit x made upper case."""
    return "".join(unicodedata.normalize("NFKC", text).split()).upper()


def problems(number: str, *, today: date | None = None) -> list[Problem]:
    """Everything wrong with a resident ID number (empty: it is valid)."""
    number = normalize(number)
    if not _SHAPE.match(number):
        return [Problem.SHAPE]
    found = []
    if check_digit(number[:17]) != number[17]:
        found.append(Problem.CHECK_DIGIT)
    born = birth_date(number)
    if born is None or born.year < EARLIEST_BIRTH_YEAR:
        found.append(Problem.BIRTH_DATE)
    elif born > (today or date.today()):
        found.append(Problem.FUTURE_BIRTH)
    if number[:2] not in PROVINCES:
        found.append(Problem.REGION)
    return found


def is_valid(number: str) -> bool:
    return not problems(number)


def passport_problems(number: str) -> list[Problem]:
    return [] if _PASSPORT.match(normalize(number)) else [Problem.PASSPORT]


def birth_date(number: str) -> date | None:
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def gender(number: str) -> str:
    """'male' or 'female', from the sequence code's parity."""
    return "male" if int(number[16]) % 2 else "female"


def cross_check(
    number: str, *, gender_entered: str | None, born_entered: str | None
) -> list[Problem]:
    """Where a valid resident ID number disagrees with the gender and birth date entered
    beside it (ISO date; a "YYYY-MM" date is compared by month)."""
    number = normalize(number)
    if not _SHAPE.match(number):
        return []
    found = []
    if gender_entered and gender_entered != gender(number):
        found.append(Problem.GENDER_MISMATCH)
    born = birth_date(number)
    if born_entered and born is not None and not born.isoformat().startswith(born_entered):
        found.append(Problem.BIRTH_MISMATCH)
    return found


def make(region: str, born: date, sequence: int) -> str:
    """An ID number with a valid check digit (demo data and tests)."""
    first17 = f"{region}{born:%Y%m%d}{sequence:03d}"
    return first17 + check_digit(first17)


def masked(number: str) -> str:
    """For logs and lists that need not show it whole: 110105********002X."""
    return number[:6] + "*" * max(0, len(number) - 10) + number[-4:] if len(number) > 10 else "****"

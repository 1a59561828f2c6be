"""Chinese resident ID numbers (GB 11643-1999): check digit, birth date, gender."""

from __future__ import annotations

import re
from datetime import date

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_SHAPE = re.compile(r"^\d{17}[\dX]$")


def check_digit(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK[total % 11]


def normalize(text: str) -> str:
    return text.strip().upper()


def is_valid(number: str) -> bool:
    number = normalize(number)
    if not _SHAPE.match(number) or check_digit(number[:17]) != number[17]:
        return False
    return birth_date(number) is not None


def birth_date(number: str) -> date | None:
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def gender(number: str) -> str:
    """'male' or 'female', from the sequence code's parity."""
    return "male" if int(number[16]) % 2 else "female"


def make(region: str, born: date, sequence: int) -> str:
    """An ID number with a valid check digit (demo data and tests)."""
    first17 = f"{region}{born:%Y%m%d}{sequence:03d}"
    return first17 + check_digit(first17)


def masked(number: str) -> str:
    """For logs and lists that need not show it whole: 110105********002X."""
    return number[:6] + "*" * max(0, len(number) - 10) + number[-4:] if len(number) > 10 else "****"

"""Resident ID numbers (GB 11643-1999) as an officer types them from a card: the check
digit catches a mistyped digit, the birth date and gender come out of the number."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain import idnumber


def test_published_examples_are_valid() -> None:
    assert idnumber.check_digit("11010519491231002") == "X"
    assert idnumber.is_valid("11010519491231002X")
    assert idnumber.is_valid("440524188001010014")


@pytest.mark.parametrize(
    ("number", "why"),
    [
        ("110105194912310021", "wrong check digit"),
        ("11010519491231003X", "one digit mistyped"),
        ("11010519491321002X", "one digit mistyped"),
        ("110105194902300021", "30 February does not exist"),
        ("11010519491231002", "17 digits"),
        ("1101051949123100200", "19 digits"),
        ("1101051949123100 X", "a space inside"),
        ("", "empty"),
    ],
)
def test_invalid_numbers_are_refused(number: str, why: str) -> None:
    assert not idnumber.is_valid(number), why


def test_a_lower_case_x_and_padding_are_accepted() -> None:
    assert idnumber.is_valid(" 11010519491231002x ")
    assert idnumber.normalize(" 11010519491231002x ") == "11010519491231002X"


def test_swapping_two_digits_is_caught() -> None:
    # The weighted check digit exists to catch transpositions, the commonest typing slip.
    number = "440524188001010014"
    swapped = number[:8] + number[9] + number[8] + number[10:]
    assert swapped != number
    assert not idnumber.is_valid(swapped)


def test_birth_date_and_gender_come_from_the_number() -> None:
    assert idnumber.birth_date("11010519491231002X") == date(1949, 12, 31)
    assert idnumber.gender("11010519491231002X") == "female"  # 17th digit 2: even
    assert idnumber.gender("440524188001010014") == "male"  # 17th digit 1: odd
    assert idnumber.birth_date("110105194902300021") is None


@given(
    region=st.sampled_from(["110105", "310104", "420106", "440305", "510107", "610113"]),
    born=st.dates(min_value=date(1920, 1, 1), max_value=date(2010, 12, 31)),
    sequence=st.integers(min_value=0, max_value=999),
)
def test_made_numbers_are_valid_and_say_what_went_in(
    region: str, born: date, sequence: int
) -> None:
    number = idnumber.make(region, born, sequence)
    assert len(number) == 18
    assert number.startswith(region)
    assert idnumber.is_valid(number)
    assert idnumber.birth_date(number) == born
    assert idnumber.gender(number) == ("male" if sequence % 2 else "female")


def test_masked_keeps_only_the_region_and_the_tail() -> None:
    assert idnumber.masked("11010519491231002X") == "110105********002X"
    assert "19491231" not in idnumber.masked("11010519491231002X")
    assert idnumber.masked("E1234") == "****"

"""Membership transfers (组织关系转接): three-part letters and their receipts, and
floating members (流动党员). A receipt that reaches HQ with its letter moves the member
to the receiving unit (HandOver)."""

from __future__ import annotations

from desktop.store.schema.members import CATEGORIES, FLOATING, GENDERS, ID_KINDS
from desktop.store.schema.registry import Column, ColumnType, HandOver, Scope, Search, Table

#: "system": both units use Lianxin (the letter travels through HQ);
#: "paper": the other side is outside it (the letter is printed and carried).
ROUTES = ("system", "paper")
DIRECTIONS = ("out", "in")
LETTER_STATES = ("issued", "received", "cancelled")

TRANSFER_LETTERS = Table(
    "transfer_letters",
    (
        Column("serial", required=True, max_length=32, search=Search.EXACT, indexed=True),
        Column("direction", required=True, choices=DIRECTIONS),
        Column("route", required=True, choices=ROUTES),
        Column("member_id", indexed=True),
        # The member as the letter states them (kept: the sender's history entry).
        Column("name", required=True, max_length=64, search=Search.NAME),
        Column("gender", choices=GENDERS),
        Column("birth_date", ColumnType.DATE),
        Column("ethnicity", max_length=32),
        Column("category", choices=CATEGORIES),
        Column("id_kind", choices=ID_KINDS),
        Column("id_number", max_length=32),
        Column("from_org"),
        Column("from_unit", required=True, max_length=200),
        Column("to_org", indexed=True),
        Column("to_unit", required=True, max_length=200),
        Column("paid_up_to", ColumnType.DATE),  # dues paid up to (YYYY-MM)
        Column("issued_date", ColumnType.DATE, required=True),
        Column("valid_until", ColumnType.DATE, required=True),
        Column("state", required=True, choices=LETTER_STATES),
        Column("note", max_length=2000),
    ),
    Scope.ORG,
    doc="Transfer letters (stub, letter, receipt); the audience is the receiving unit.",
)

TRANSFER_RECEIPTS = Table(
    "transfer_receipts",
    (
        Column("letter_id", required=True, indexed=True),
        Column("serial", required=True, max_length=32),
        Column("received_date", ColumnType.DATE, required=True),
        Column("received_by", max_length=64),
        Column("receiving_unit", max_length=200),
        Column("note", max_length=2000),
    ),
    Scope.ORG,
    doc="Receipts (回执) returned for transfer letters; the audience is the sender.",
    hand_over=HandOver(
        letter_table="transfer_letters",
        letter_column="letter_id",
        member_column="member_id",
        to_column="to_org",
        void_column="state",
        void_values=("cancelled",),
    ),
)

FLOATING_RECORDS = Table(
    "floating_records",
    (
        Column("member_id", indexed=True),
        Column("name", required=True, max_length=64, search=Search.NAME),
        Column("direction", required=True, choices=FLOATING),
        # Out: where the member went; in: where they came from (unit holding the relation).
        Column("place", required=True, max_length=200),
        Column("unit", max_length=200),
        Column("contact", max_length=200),
        Column("start_date", ColumnType.DATE, required=True),
        Column("end_date", ColumnType.DATE),
        Column("note", max_length=2000),
    ),
    Scope.ORG,
    doc="Floating members (流动党员), out-flow and in-flow, with place and contact.",
)

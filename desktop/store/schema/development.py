"""Member development (发展党员): a case per person, from the written application to
conversion, and the dated steps of its five stages."""

from __future__ import annotations

from desktop.store.schema.members import GENDERS
from desktop.store.schema.registry import Column, ColumnType, Scope, Search, Table

CASE_STATES = ("open", "admitted", "converted", "closed")

DEVELOPMENT_CASES = Table(
    "development_cases",
    (
        Column("name", required=True, max_length=64, search=Search.NAME, indexed=True),
        Column("gender", choices=GENDERS),
        Column("birth_date", ColumnType.DATE),
        Column("ethnicity", max_length=32),
        Column("id_number", max_length=32, search=Search.EXACT),
        Column("education", max_length=32),
        Column("work_unit", max_length=200),
        Column("phone", max_length=32),
        Column("group_id"),
        Column("stage", ColumnType.INTEGER, required=True),  # 1..5
        Column("state", required=True, choices=CASE_STATES),
        # The member record made at admission (stage 4).
        Column("member_id", indexed=True),
        Column("closed_reason", max_length=500),
    ),
    Scope.ORG,
    doc="Development cases: applicants, activists, targets, probationary members.",
)

DEVELOPMENT_STEPS = Table(
    "development_steps",
    (
        Column("case_id", required=True, indexed=True),
        Column("step", ColumnType.INTEGER, required=True),  # 1..25
        Column("done_date", ColumnType.DATE, required=True),
        # [{"role": "contact"|"introducer"|..., "name": ..., "member_id": ...}]
        Column("people", ColumnType.JSON),
        # A vote's or review's result where the step has one ("passed", "extended").
        Column("outcome", max_length=64),
        Column("note", max_length=2000),
    ),
    Scope.ORG,
    doc="The dated steps of a development case; scans are attachments of a step.",
)

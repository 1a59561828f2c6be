"""The org tree (HQ → committees → general branches → branches → groups) and its
committees: terms of office, elections (换届) and who held which post."""

from __future__ import annotations

from desktop.store.schema.registry import Column, ColumnType, Scope, Search, Table

LEVELS = ("hq", "committee", "general_branch", "branch", "group")

ORG_UNITS = Table(
    "org_units",
    (
        Column("name", required=True, max_length=200, search=Search.TEXT),
        Column("level", required=True, choices=LEVELS),
        Column("parent_id", indexed=True),
        # A temporary branch (临时党支部) manages members whose formal relation is elsewhere.
        Column("temporary", ColumnType.BOOL),
        Column("code", max_length=64),
        Column("established", ColumnType.DATE),
        # A temporary branch closes with its project; a closed unit keeps its history.
        Column("closed", ColumnType.DATE),
        # Country and site (a project abroad), or the office's address.
        Column("place", max_length=200),
    ),
    Scope.TREE,
    doc="Org units; every device holds its unit's ancestors and descendants.",
)

#: A branch of 7 or more full members elects a committee; a smaller one a secretary.
BODIES = ("committee", "secretary")

COMMITTEE_TERMS = Table(
    "committee_terms",
    (
        Column("org_id", required=True, indexed=True),
        Column("body", required=True, choices=BODIES),
        Column("elected_date", ColumnType.DATE),  # the election (换届) that began the term
        Column("start_date", ColumnType.DATE, required=True),
        Column("end_date", ColumnType.DATE, required=True),  # when the term is due to end
        Column("closed_date", ColumnType.DATE),  # when the next election replaced it
        Column("note", max_length=2000),
    ),
    Scope.ORG,
    doc="Terms of office of a unit's committee (or secretary).",
)

POSTS = (
    "secretary",  # 书记
    "deputy_secretary",  # 副书记
    "organiser",  # 组织委员
    "publicity",  # 宣传委员
    "discipline",  # 纪检委员
    "youth",  # 青年委员
    "women",  # 妇女委员
    "member",  # 委员
)

COMMITTEE_MEMBERS = Table(
    "committee_members",
    (
        Column("term_id", required=True, indexed=True),
        Column("member_id", indexed=True),
        Column("name", required=True, max_length=64, search=Search.NAME),
        Column("post", required=True, choices=POSTS),
        Column("start_date", ColumnType.DATE),
        Column("end_date", ColumnType.DATE),
    ),
    Scope.ORG,
    doc="Who held which post in a committee term.",
)

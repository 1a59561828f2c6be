"""The member archive: the roster's basic fields, the standing history, the extended
sets (education, work, rewards and penalties, family, training) and roster imports."""

from __future__ import annotations

from desktop.store.schema.registry import Column, ColumnType, Scope, Search, Table

GENDERS = ("male", "female")
CATEGORIES = ("full", "probationary")  # 正式 / 预备
STATUSES = ("normal", "suspended", "lost_contact", "left")  # 正常 / 停止党籍 / 失联 / 出党
ID_KINDS = ("resident", "passport")
FLOATING = ("out", "in")  # 流动党员: out-flow (from here) or in-flow (managed here)

MEMBERS = Table(
    "members",
    (
        Column("name", required=True, max_length=64, search=Search.NAME, indexed=True),
        Column("former_names", max_length=200, search=Search.NAME),
        Column("gender", choices=GENDERS),
        Column("ethnicity", max_length=32),
        Column("birth_date", ColumnType.DATE),
        Column("id_kind", choices=ID_KINDS),
        Column("id_number", max_length=32, search=Search.EXACT, indexed=True),
        Column("native_place", max_length=100),
        Column("education", max_length=32),
        Column("work_unit", max_length=200),
        Column("post", max_length=100),
        Column("phone", max_length=32, search=Search.EXACT),
        Column("applied_date", ColumnType.DATE),
        Column("joined_date", ColumnType.DATE),  # admitted as probationary member
        Column("full_date", ColumnType.DATE),  # converted to full member; 党龄 counts from here
        Column("category", choices=CATEGORIES),
        Column("status", choices=STATUSES),
        Column("status_date", ColumnType.DATE),
        Column("party_post", max_length=64),
        Column("group_id"),  # 党小组 (an org unit of level "group")
        # Managed here with the formal relation (组织关系) elsewhere: the unit holding it.
        Column("formal_unit", max_length=200),
        Column("hardship", ColumnType.BOOL),
        # For a passport: the issuing country (ISO 3166 alpha-3, or its name).
        Column("nationality", max_length=64),
        Column("floating", choices=FLOATING),
        # The member's photo: a row of `attachments` (the file itself is encrypted).
        Column("photo_id"),
        # The roster import that created this record (undone as a unit).
        Column("import_id", indexed=True),
    ),
    Scope.PERSONAL,
    member_column="id",
    doc="Members of a branch.",
)

EVENT_KINDS = (
    "applied",  # 递交入党申请
    "admitted",  # 接收为预备党员
    "converted",  # 转为正式党员
    "probation_extended",  # 延长预备期
    "status",  # standing changed (正常, 停止党籍, 失联, 出党)
    "category",
    "transfer_out",
    "transfer_in",
    "floating_out",
    "floating_in",
    "floating_back",
    "imported",
    "other",
)

MEMBER_EVENTS = Table(
    "member_events",
    (
        Column("member_id", required=True, indexed=True),
        Column("date", ColumnType.DATE, required=True),
        Column("kind", required=True, choices=EVENT_KINDS),
        Column("old_value", max_length=200),
        Column("new_value", max_length=200),
        Column("note", max_length=2000),
        # The record the event came from (a transfer letter, a development case).
        Column("ref_id"),
    ),
    Scope.PERSONAL,
    member_column="member_id",
    doc="A member's standing over time: admission, conversion, status, transfers.",
)

ENTRY_KINDS = ("education", "work", "reward", "penalty", "family", "training")

MEMBER_ENTRIES = Table(
    "member_entries",
    (
        Column("member_id", required=True, indexed=True),
        Column("kind", required=True, choices=ENTRY_KINDS),
        Column("start_date", ColumnType.DATE),
        Column("end_date", ColumnType.DATE),
        # Degree, post, reward or penalty, relation and name, course: what the entry is.
        Column("title", required=True, max_length=200),
        # School, employer, issuing body, a relative's work unit, training provider.
        Column("organisation", max_length=200),
        # Where (overseas postings: the country).
        Column("country", max_length=64),
        Column("detail", max_length=2000),
    ),
    Scope.PERSONAL,
    member_column="member_id",
    doc="A member's extended archive: education, work, rewards, family, training.",
)

ROSTER_IMPORTS = Table(
    "roster_imports",
    (
        Column("file_name", required=True, max_length=255),
        Column("imported_at", required=True, max_length=32),  # ISO date and time
        Column("rows", ColumnType.INTEGER, required=True),
        Column("skipped", ColumnType.INTEGER),
        Column("by_name", max_length=64),
        Column("undone_at", max_length=32),
    ),
    Scope.ORG,
    doc="Roster imports, each undone as a unit.",
)

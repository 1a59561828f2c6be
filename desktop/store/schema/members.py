"""The member roster (the archive's core fields; the members feature extends it)."""

from __future__ import annotations

from desktop.store.schema.registry import Column, ColumnType, Scope, Search, Table

GENDERS = ("male", "female")
CATEGORIES = ("full", "probationary")  # 正式 / 预备
STATUSES = ("normal", "suspended", "lost_contact", "left")  # 正常 / 停止党籍 / 失联 / 出党
ID_KINDS = ("resident", "passport")

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
    ),
    Scope.PERSONAL,
    member_column="id",
    doc="Members of a branch.",
)

"""The schema registry: a bad declaration fails when the module is imported, not when a
user first saves a record; values are checked against the declaration."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from desktop.store.errors import InvalidValue, UnknownTable
from desktop.store.migrations import MIGRATIONS
from desktop.store.schema import (
    DATA_FORMAT,
    REGISTRY,
    SCHEMA_VERSION,
    SYSTEM_COLUMNS,
    Column,
    ColumnType,
    Registry,
    Scope,
    Search,
    Table,
    table_ddl,
)


def test_schema_version_counts_the_migrations() -> None:
    assert len(MIGRATIONS) == SCHEMA_VERSION
    assert [m.number for m in MIGRATIONS] == list(range(1, SCHEMA_VERSION + 1))


#: What syncs, for each data format (`synced_shape`). A change to a synced table (a
#: column added, a type or a limit changed, a table added) must bump DATA_FORMAT and add
#: its shape here; a change to a device's own storage (indexes, search) must not.
SYNCED_SHAPES = {3: "1f40cfa5"}


def synced_shape(registry: Registry) -> str:
    """A short digest of everything HQ and a device must agree on: each synced table's
    name, scope and hand-over, and its synced columns as HQ validates them."""
    shape = [
        [
            t.name,
            t.scope.value,
            t.member_column,
            repr(t.hand_over),
            [
                [c.name, c.type.value, c.required, c.max_length, c.choices]
                for c in t.columns
                if c.synced
            ],
        ]
        for t in sorted(registry, key=lambda t: t.name)
        if t.synced
    ]
    return hashlib.sha256(json.dumps(shape).encode()).hexdigest()[:8]


def test_what_syncs_changes_only_with_the_data_format() -> None:
    assert synced_shape(REGISTRY) == SYNCED_SHAPES[DATA_FORMAT], (
        "the synced tables changed: bump DATA_FORMAT (HQ and devices must then update "
        "together) and record the new shape in SYNCED_SHAPES"
    )


def test_a_synced_column_changes_the_shape_a_search_setting_does_not() -> None:
    members = REGISTRY["members"]
    grown = replace(members, columns=(*members.columns, Column("shoe_size", ColumnType.INTEGER)))
    unsearched = replace(
        members, columns=tuple(replace(c, search=None, indexed=False) for c in members.columns)
    )

    def with_members(table: Table) -> Registry:
        registry = Registry()
        for t in REGISTRY:
            registry.register(table if t.name == "members" else t)
        return registry

    assert synced_shape(with_members(grown)) != synced_shape(REGISTRY)
    assert synced_shape(with_members(unsearched)) == synced_shape(REGISTRY)


def test_the_spine_tables_are_registered() -> None:
    assert {"org_units", "members", "users"} <= set(REGISTRY.names())
    assert REGISTRY["users"].scope is Scope.LOCAL
    assert not REGISTRY["users"].synced
    assert REGISTRY["members"].synced
    assert {c.name for c in REGISTRY["members"].searchable} >= {"name", "id_number"}


def test_unknown_table_is_a_typed_error() -> None:
    with pytest.raises(UnknownTable):
        REGISTRY["nope"]
    assert "nope" not in REGISTRY


@pytest.mark.parametrize(
    "name",
    ["Name", "1st", "_hidden", "first name", "name;drop", "名字", "x" * 64, ""],
)
def test_bad_column_names_are_rejected(name: str) -> None:
    with pytest.raises(ValueError, match="column name"):
        Column(name)


@pytest.mark.parametrize("name", ["Members", "my-table", "_x", "t" * 64])
def test_bad_table_names_are_rejected(name: str) -> None:
    with pytest.raises(ValueError, match="table name"):
        Table(name, (Column("a"),), Scope.ORG)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Column("n", ColumnType.INTEGER, search=Search.EXACT), "searchable"),
        (lambda: Column("n", ColumnType.INTEGER, choices=("1", "2")), "choices"),
        (lambda: Table("t", (Column("a"), Column("a")), Scope.ORG), "duplicate"),
        (lambda: Table("t", (Column("owner_org"),), Scope.ORG), "system column"),
        (lambda: Table("t", (Column("audience"),), Scope.ORG), "system column"),
        (lambda: Table("t", (Column("a"),), Scope.PERSONAL), "member_column"),
        (
            lambda: Table("t", (Column("a"),), Scope.PERSONAL, member_column="nope"),
            "member_column",
        ),
    ],
)
def test_bad_declarations_are_rejected(make: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make()


def test_a_table_cannot_be_registered_twice() -> None:
    registry = Registry()
    table = Table("t", (Column("a"),), Scope.ORG)
    registry.register(table)
    with pytest.raises(ValueError, match="twice"):
        registry.register(Table("t", (Column("b"),), Scope.ORG))


def test_declarations_never_use_system_column_names() -> None:
    for table in REGISTRY:
        assert not {c.name for c in table.columns} & set(SYSTEM_COLUMNS)


def test_every_declared_table_has_valid_ddl() -> None:
    for table in REGISTRY:
        ddl = table_ddl(table)
        assert ddl[0].startswith(f"CREATE TABLE {table.name} (")
        assert any("USING fts5" in s for s in ddl) == bool(table.searchable)


def test_unknown_field_is_a_typed_error() -> None:
    with pytest.raises(InvalidValue):
        REGISTRY["members"].column("colour")
    assert REGISTRY["members"].has_column("owner_org")
    assert not REGISTRY["members"].has_column("_deleted")


@pytest.mark.parametrize(
    ("column", "value", "stored"),
    [
        (Column("d", ColumnType.DATE), date(2024, 2, 29), "2024-02-29"),
        (Column("d", ColumnType.DATE), "2024-02", "2024-02"),  # month known, day not
        (Column("b", ColumnType.BOOL), True, 1),
        (Column("r", ColumnType.REAL), 3, 3.0),
        (Column("j", ColumnType.JSON), {"b": 1, "a": "甲"}, '{"a":"甲","b":1}'),
        (Column("t", max_length=2), "张三", "张三"),
        (Column("t"), "", None),
    ],
)
def test_values_are_stored_canonically(column: Column, value: Any, stored: Any) -> None:
    assert column.to_db(value) == stored


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -float("inf")])
def test_a_number_field_refuses_what_is_not_a_number(value: float) -> None:
    # Nothing could carry it to HQ (JSON has no NaN): refused when it is typed in.
    with pytest.raises(InvalidValue):
        Column("r", ColumnType.REAL).to_db(value)


def test_length_limit_counts_characters_not_bytes() -> None:
    column = Column("t", max_length=3)
    assert column.to_db("欧阳修") == "欧阳修"  # 9 bytes in UTF-8
    with pytest.raises(InvalidValue):
        column.to_db("欧阳修文")


def test_text_without_a_limit_still_has_one() -> None:
    with pytest.raises(InvalidValue):
        Column("t").to_db("x" * 20_001)
    with pytest.raises(InvalidValue):
        Column("j", ColumnType.JSON).to_db(["x" * 20_001])

"""A change against the schema registry: the field exists, is synced, and its value has
the type, size and form the store keeps."""

from __future__ import annotations

import binascii
import json
import math
from dataclasses import replace
from datetime import date

from desktop.store.schema import (
    REGISTRY,
    ROW_CREATED,
    ColumnType,
    Registry,
    Scope,
    canonical_json,
    expand_change,
)
from desktop.store.schema.registry import DEFAULT_MAX_TEXT
from desktop.sync.protocol.messages import Change
from desktop.sync.protocol.wire import (
    AUDIENCE,
    DATE_PATTERN,
    DELETED,
    INT64,
    MAX_INLINE_BLOB,
    OWNER,
    InvalidChange,
    Value,
    is_valid_id,
    wire_value,
)

#: Largest created row (its JSON text): every field within its own limit fits well below.
MAX_CREATED_ROW = 1024 * 1024


def _check_audience(value: Value) -> str:
    if not isinstance(value, str):
        raise InvalidChange("audience must be a JSON list as text")
    try:
        parsed = json.loads(value)
    except (json.JSONDecodeError, RecursionError):
        raise InvalidChange("audience is not JSON") from None
    if not isinstance(parsed, list) or not all(is_valid_id(x) for x in parsed):
        raise InvalidChange("audience must be a list of org unit or member ids")
    if len(parsed) > 1_000 or canonical_json(parsed) != value:
        raise InvalidChange("audience must be canonical JSON of at most 1000 ids")
    return value


def _is_date(text: str) -> bool:
    if not DATE_PATTERN.match(text):
        return False
    parts = [int(p) for p in text.split("-")]
    try:
        date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1)
    except ValueError:
        return False
    return True


def check_value(registry: Registry, tbl: str, col: str, value: Value) -> Value:
    """The value a change may carry for this field, in the store's form; InvalidChange
    names what is wrong. Booleans are normalised to 0/1."""
    if tbl not in registry:
        raise InvalidChange(f"unknown table {tbl!r}")
    table = registry[tbl]
    if table.scope is Scope.LOCAL:
        raise InvalidChange(f"{tbl} is kept on each computer and never synced")
    if col == DELETED:
        if value not in (1, True) or isinstance(value, float):
            raise InvalidChange(f"{tbl}.{col}: a delete must carry 1")
        return 1
    if col == OWNER:
        if not is_valid_id(value):
            raise InvalidChange(f"{tbl}.{col}: not an org unit id")
        return value
    if col == AUDIENCE:
        return _check_audience(value)
    if not table.has_column(col):
        raise InvalidChange(f"{tbl}.{col}: no such field")
    column = table.column(col)
    if not column.synced:
        raise InvalidChange(f"{tbl}.{col}: this field is never synced")
    where = f"{tbl}.{col}"
    if value is None:
        if column.required:
            raise InvalidChange(f"{where}: required")
        return None
    kind = column.type
    if kind in (ColumnType.TEXT, ColumnType.DATE, ColumnType.JSON):
        if not isinstance(value, str):
            raise InvalidChange(f"{where}: must be text")
        if len(value) > (column.max_length or DEFAULT_MAX_TEXT):
            raise InvalidChange(f"{where}: longer than the limit")
        if kind is ColumnType.TEXT and column.choices is not None and value not in column.choices:
            raise InvalidChange(f"{where}: not one of the choices")
        if kind is ColumnType.DATE and not _is_date(value):
            raise InvalidChange(f"{where}: must be a date")
        if kind is ColumnType.JSON:
            try:
                canonical = canonical_json(json.loads(value))
            except (json.JSONDecodeError, RecursionError, ValueError):
                raise InvalidChange(f"{where}: not JSON") from None
            if canonical != value:
                raise InvalidChange(f"{where}: JSON must be canonical")
        return value
    if kind is ColumnType.BOOL:
        if value in (0, 1) and not isinstance(value, float):
            return int(value)
        raise InvalidChange(f"{where}: must be 0 or 1")
    if kind is ColumnType.INTEGER:
        if isinstance(value, bool) or not isinstance(value, int) or not -INT64 <= value < INT64:
            raise InvalidChange(f"{where}: must be a whole number")
        return value
    if kind is ColumnType.REAL:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise InvalidChange(f"{where}: must be a number")
        if not math.isfinite(value):
            raise InvalidChange(f"{where}: must be a finite number")
        return float(value)
    if not isinstance(value, bytes):
        raise InvalidChange(f"{where}: must be binary data")
    if len(value) > MAX_INLINE_BLOB:
        raise InvalidChange(f"{where}: binary value larger than {MAX_INLINE_BLOB} bytes")
    return value


def created_fields(change: Change, registry: Registry = REGISTRY) -> list[tuple[str, Value]]:
    """The fields a row-creation change (`col` ROW_CREATED) sets, each checked and
    normalised; InvalidChange if any does not fit. It must name the row's owner and
    every required field, and nothing the store manages itself."""
    where = f"{change.tbl} {change.row_id}"
    if change.base_hlc is not None:
        raise InvalidChange(f"{where}: a created row has no base version")
    if not isinstance(change.value, str) or len(change.value) > MAX_CREATED_ROW:
        raise InvalidChange(f"{where}: a created row must be a JSON object of its fields")
    try:
        pairs = expand_change(ROW_CREATED, change.value)
    except (ValueError, TypeError, KeyError, RecursionError, binascii.Error):
        raise InvalidChange(f"{where}: a created row must be a JSON object of its fields") from None
    fields: list[tuple[str, Value]] = []
    for col, value in pairs:
        if col in (ROW_CREATED, DELETED):
            raise InvalidChange(f"{where}: a created row cannot set {col}")
        fields.append((col, check_value(registry, change.tbl, col, value)))
    named = {col for col, value in fields if value is not None}
    if OWNER not in named:
        raise InvalidChange(f"{where}: a created row must name its owner")
    missing = [c.name for c in registry[change.tbl].columns if c.required and c.name not in named]
    if missing:
        raise InvalidChange(f"{change.tbl}.{missing[0]}: required")
    return fields


def change_fields(change: Change, registry: Registry = REGISTRY) -> list[tuple[str, Value]]:
    """The (column, value) pairs a change sets: one field, or a created row's fields."""
    if change.col == ROW_CREATED:
        return created_fields(change, registry)
    return [(change.col, check_value(registry, change.tbl, change.col, change.value))]


def check_change(change: Change, registry: Registry = REGISTRY) -> Change:
    """The change with its value normalised; InvalidChange if it does not fit."""
    if change.col == ROW_CREATED:
        created_fields(change, registry)
        return change
    value = check_value(registry, change.tbl, change.col, change.value)
    if change.base_hlc is not None and change.base_hlc >= change.hlc:
        raise InvalidChange(f"{change.tbl}.{change.col}: stamp is not later than its base")
    return change if value is change.value else replace(change, value=value)


#: json, not the messages' encoder: HQ compares stored texts, so they keep json's form
#: (a float as repr writes it) whatever encodes the messages.
_VALUE_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode


def value_json(value: Value) -> str:
    """The canonical text of a value, as HQ stores and compares it."""
    return _VALUE_JSON(wire_value(value))

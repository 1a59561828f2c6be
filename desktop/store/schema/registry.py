"""The schema registry: every table declares itself once.

A declaration names the table's columns, their types, which are synced, which are
searchable, and its scope rule. Record access, sync, search, export and the migration
check are all generic over these declarations, so a feature adds a table by declaring
it here, never by touching store or sync code.
"""

from __future__ import annotations

import base64
import enum
import functools
import json
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import orjson

from desktop.store.errors import InvalidValue, UnknownTable
from desktop.store.i18n import QT_TRANSLATE_NOOP as _N

_IDENT = re.compile(r"^[a-z][a-z0-9_]{0,62}$")
#: Longest text a column takes unless it says otherwise (minutes, notes fit; files do not).
DEFAULT_MAX_TEXT = 20_000


class ColumnType(enum.StrEnum):
    TEXT = "text"
    INTEGER = "integer"
    REAL = "real"
    BOOL = "bool"
    DATE = "date"  # ISO "YYYY-MM-DD", or "YYYY-MM" where only the month is known
    JSON = "json"  # lists and objects, stored as canonical JSON text
    BLOB = "blob"


class Search(enum.StrEnum):
    """How a searchable column is indexed (see desktop.store.search)."""

    NAME = "name"  # personal names: every substring, full pinyin and initials
    EXACT = "exact"  # identifiers (ID numbers, phones): whole value and prefixes
    TEXT = "text"  # free text: CJK bigrams and words


class Scope(enum.StrEnum):
    """Which devices hold a table's rows (HQ computes it from the device's identity).

    LOCAL   never leaves this device (local user accounts).
    TREE    the org tree: every device holds its unit's ancestors and descendants.
    ORG     officer devices of the owning unit and its ancestors, plus the audience.
    PUBLIC  as ORG, plus member devices of the owning unit.
    PERSONAL as ORG, plus the member device of the member the row is about.
    """

    LOCAL = "local"
    TREE = "tree"
    ORG = "org"
    PUBLIC = "public"
    PERSONAL = "personal"


_SQL_TYPES = {
    ColumnType.TEXT: "TEXT",
    ColumnType.INTEGER: "INTEGER",
    ColumnType.REAL: "REAL",
    ColumnType.BOOL: "INTEGER",
    ColumnType.DATE: "TEXT",
    ColumnType.JSON: "TEXT",
    ColumnType.BLOB: "BLOB",
}

_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType = ColumnType.TEXT
    synced: bool = True
    search: Search | None = None
    required: bool = False
    max_length: int | None = None
    choices: tuple[str, ...] | None = None
    indexed: bool = False

    def __post_init__(self) -> None:
        if not _IDENT.match(self.name):
            raise ValueError(f"bad column name {self.name!r}")
        if self.search and self.type is not ColumnType.TEXT:
            raise ValueError(f"{self.name}: only text columns are searchable")
        if self.choices is not None and self.type is not ColumnType.TEXT:
            # to_db checks choices for text only; elsewhere they would be silently ignored.
            raise ValueError(f"{self.name}: only text columns take choices")

    @property
    def sql_type(self) -> str:
        return _SQL_TYPES[self.type]

    def to_db(self, value: Any) -> Any:
        """Validate a Python value and convert it to what the database stores."""
        if value is None or value == "":
            if self.required:
                raise InvalidValue(column=self.name, problem=_N("Errors", "required"))
            return None
        t = self.type
        if t is ColumnType.TEXT:
            if not isinstance(value, str):
                raise InvalidValue(column=self.name, problem=_N("Errors", "must be text"))
            limit = self.max_length or DEFAULT_MAX_TEXT
            if len(value) > limit:
                raise InvalidValue(column=self.name, problem=_N("Errors", "longer than the limit"))
            if self.choices is not None and value not in self.choices:
                raise InvalidValue(column=self.name, problem=_N("Errors", "not one of the choices"))
            return value
        if t is ColumnType.BOOL:
            if not isinstance(value, bool):
                raise InvalidValue(column=self.name, problem=_N("Errors", "must be yes or no"))
            return int(value)
        if t is ColumnType.INTEGER:
            if isinstance(value, bool) or not isinstance(value, int):
                raise InvalidValue(column=self.name, problem=_N("Errors", "must be a whole number"))
            if not -(2**63) <= value < 2**63:
                raise InvalidValue(column=self.name, problem=_N("Errors", "number out of range"))
            return value
        if t is ColumnType.REAL:
            # NaN and infinity are not numbers a record holds (nor can JSON carry them).
            if (
                isinstance(value, bool)
                or not isinstance(value, int | float)
                or not math.isfinite(value)
            ):
                raise InvalidValue(column=self.name, problem=_N("Errors", "must be a number"))
            return float(value)
        if t is ColumnType.DATE:
            if isinstance(value, date):
                return value.isoformat()
            if not isinstance(value, str) or not _is_date(value):
                raise InvalidValue(column=self.name, problem=_N("Errors", "must be a date"))
            return value
        if t is ColumnType.JSON:
            if not isinstance(value, list | dict):
                raise InvalidValue(column=self.name, problem=_N("Errors", "must be a list"))
            text = canonical_json(value)
            if len(text) > (self.max_length or DEFAULT_MAX_TEXT):
                raise InvalidValue(column=self.name, problem=_N("Errors", "longer than the limit"))
            return text
        if not isinstance(value, bytes):
            raise InvalidValue(column=self.name, problem=_N("Errors", "must be binary data"))
        return value

    def from_db(self, value: Any) -> Any:
        if value is None:
            return None
        if self.type is ColumnType.BOOL:
            return bool(value)
        if self.type is ColumnType.JSON:
            return json.loads(value)
        return value


@functools.lru_cache(maxsize=16384)
def _is_date(text: str) -> bool:
    """An ISO date (or year and month) that exists. Cached: a roster's dates repeat, and
    an import checks four of them per member."""
    return bool(_DATE.match(text)) and _valid_date(text)


def _valid_date(text: str) -> bool:
    parts = [int(p) for p in text.split("-")]
    try:
        date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1)
    except ValueError:
        return False
    return True


def canonical_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


#: The column a change names when it creates a row. Its value is a JSON object of every
#: field the row was created with (owner and audience included); all of them share the
#: change's stamp and have no base version. Per-field merge treats it exactly as that many
#: field changes (`expand_change`); logging a creation once instead of once per field
#: keeps an import's change log, and a device's first sync, about 18 times smaller.
ROW_CREATED = "*"
_BLOB_KEY = "$b"


def _encode_value(value: Any) -> Any:
    if isinstance(value, bytes):
        return {_BLOB_KEY: base64.b64encode(value).decode()}
    raise TypeError(f"cannot encode {type(value).__name__}")


def compact_json(value: Any, default: Callable[[Any], Any]) -> bytes:
    """Compact UTF-8 JSON for texts made in bulk and never compared (sync bodies, created
    rows): orjson, three times faster than json. For an integer past 64 bits, which
    orjson cannot write, json writes it: none of ours is one, but a value must still say
    what it was for the check that refuses it."""
    try:
        return orjson.dumps(value, default=default)
    except TypeError:
        return json.dumps(
            value, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=default
        ).encode("utf-8")


def encode_row(fields: dict[str, Any]) -> str:
    """The value of a ROW_CREATED change: database values of the fields, blobs as
    {"$b": base64} (a first pull logs 100,000 created rows)."""
    return compact_json(fields, _encode_value).decode("utf-8")


def expand_change(col: str, value: Any) -> list[tuple[str, Any]]:
    """The (column, database value) pairs a change sets: one, or a created row's fields."""
    if col != ROW_CREATED:
        return [(col, value)]
    fields = json.loads(value)
    if not isinstance(fields, dict):
        raise ValueError("a row-created change carries an object")
    return [
        (k, base64.b64decode(v[_BLOB_KEY]) if isinstance(v, dict) else v) for k, v in fields.items()
    ]


#: Columns every record table has, managed by the store (never declared by features).
#: `owner_org` and `audience` are synced like any other field (a transfer moves a row).
SYSTEM_COLUMNS = ("_rowid", "id", "owner_org", "audience", "_deleted", "_created", "_hlc", "_v")
OWNER = Column("owner_org", ColumnType.TEXT, indexed=True)
AUDIENCE = Column("audience", ColumnType.JSON)
DELETED = "_deleted"


@dataclass(frozen=True)
class HandOver:
    """Declares that a row of this table, with the letter it answers, moves a member
    between org units at HQ (a transfer receipt): when HQ holds both, every row about
    the member is re-owned from the letter's sender to its addressee.

    letter_table   the table of the letters (rows owned by the sending unit)
    letter_column  this table's column naming the letter
    member_column  the letter's column naming the member
    to_column      the letter's column naming the receiving org unit
    void_column    the letter's column that can void it, with `void_values`: a receipt
                   for a letter its sender cancelled moves nothing
    """

    letter_table: str
    letter_column: str
    member_column: str
    to_column: str
    void_column: str | None = None
    void_values: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    scope: Scope
    #: For Scope.PERSONAL: the column holding the member id the row is about.
    member_column: str | None = None
    #: Short description for developers and the export sheet name.
    doc: str = ""
    #: Set on a receipt table whose rows move a member to the receiving unit at HQ.
    hand_over: HandOver | None = None
    _by_name: dict[str, Column] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not _IDENT.match(self.name):
            raise ValueError(f"bad table name {self.name!r}")
        names = [c.name for c in self.columns]
        if len(set(names)) != len(names):
            raise ValueError(f"{self.name}: duplicate column")
        if set(names) & set(SYSTEM_COLUMNS):
            raise ValueError(f"{self.name}: declares a system column")
        if self.scope is Scope.PERSONAL and self.member_column not in [*names, "id"]:
            raise ValueError(f"{self.name}: PERSONAL scope needs member_column")
        by_name = {c.name: c for c in self.columns}
        by_name["owner_org"] = OWNER
        by_name["audience"] = AUDIENCE
        object.__setattr__(self, "_by_name", by_name)

    @property
    def synced(self) -> bool:
        return self.scope is not Scope.LOCAL

    def column(self, name: str) -> Column:
        try:
            return self._by_name[name]
        except KeyError:
            raise InvalidValue(column=name, problem=_N("Errors", "no such field")) from None

    def has_column(self, name: str) -> bool:
        return name in self._by_name

    @property
    def data_columns(self) -> tuple[Column, ...]:
        """Declared columns plus owner and audience: every field a change can carry."""
        return (*self.columns, OWNER, AUDIENCE)

    @property
    def searchable(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.search)

    @property
    def fts_table(self) -> str:
        return f"fts_{self.name}"


class Registry:
    def __init__(self) -> None:
        self._tables: dict[str, Table] = {}

    def register(self, table: Table) -> Table:
        if table.name in self._tables:
            raise ValueError(f"table {table.name} declared twice")
        self._tables[table.name] = table
        return table

    def __getitem__(self, name: str) -> Table:
        try:
            return self._tables[name]
        except KeyError:
            raise UnknownTable(table=name) from None

    def __contains__(self, name: object) -> bool:
        return name in self._tables

    def __iter__(self) -> Iterator[Table]:
        return iter(self._tables.values())

    def names(self) -> list[str]:
        return list(self._tables)


def table_ddl(table: Table) -> list[str]:
    """The CREATE statements for a declared table, as a migration should write them."""
    cols = [
        "_rowid INTEGER PRIMARY KEY",
        "id TEXT NOT NULL UNIQUE",
        "owner_org TEXT NOT NULL",
        "audience TEXT NOT NULL DEFAULT '[]'",
        "_deleted INTEGER NOT NULL DEFAULT 0",
        "_created TEXT NOT NULL",
        "_hlc TEXT NOT NULL",
        "_v TEXT NOT NULL DEFAULT '{}'",
    ]
    cols += [f"{c.name} {c.sql_type}" for c in table.columns]
    stmts = [f"CREATE TABLE {table.name} (\n    " + ",\n    ".join(cols) + "\n)"]
    stmts.append(f"CREATE INDEX {table.name}_owner ON {table.name}(owner_org)")
    stmts += [
        f"CREATE INDEX {table.name}_{c.name} ON {table.name}({c.name})"
        for c in table.columns
        if c.indexed
    ]
    if table.searchable:
        stmts.append(search_ddl(table))
    return stmts


def search_ddl(table: Table) -> str:
    # Contentless: the index holds tokens only, rows are read from the table itself.
    # unicode61 keeps a run of CJK characters as one token, so the store feeds it the
    # substrings and pinyin keys it wants matched (desktop.store.search). No prefix
    # indexes: they made writing the index twice as slow (a first pull indexes 100,000
    # rows), and a prefix query reads the term range well within the search budget.
    return (
        f"CREATE VIRTUAL TABLE {table.fts_table} USING fts5("
        "terms, content='', contentless_delete=1, "
        'tokenize="unicode61 remove_diacritics 0")'
    )

"""Possible duplicate members: the same ID number, or the same name and birth date.

Checked on entry (before a member is added), on import (against the vault and within the
file) and in a batch report over the whole roster. Names compare after normalising the
full-width spaces rosters pad them with ("王　芳" is "王芳").
"""

from __future__ import annotations

import enum
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from desktop.domain.idnumber import normalize as normalize_id
from desktop.store.i18n import QT_TRANSLATE_NOOP as _N
from desktop.store.workspace import Workspace

TABLE = "members"
#: SQLite's limit on bound parameters is 32,766; stay well below it.
_CHUNK = 900


class Reason(enum.Enum):
    SAME_ID = _N("Duplicates", "same ID number")
    SAME_NAME_BIRTH = _N("Duplicates", "same name and birth date")

    @property
    def message(self) -> str:
        return str(self.value)


@dataclass(frozen=True)
class Match:
    """A member already in the roster that a candidate may duplicate."""

    member_id: str
    name: str
    birth_date: str | None
    reason: Reason


@dataclass(frozen=True)
class DuplicateGroup:
    """Members of the roster that look like one person (the batch report)."""

    reason: Reason
    key: str  # the shared ID number, or "name birth-date"
    member_ids: tuple[str, ...]
    names: tuple[str, ...]


def normalize_name(name: str) -> str:
    """A name as compared: full-width letters made half-width, every space dropped."""
    return "".join(unicodedata.normalize("NFKC", name).split())


def _key(row: Mapping[str, Any]) -> tuple[str | None, tuple[str, str] | None]:
    number = row.get("id_number")
    id_key = normalize_id(str(number)) if number else None
    name, born = row.get("name"), row.get("birth_date")
    name_key = (normalize_name(str(name)), str(born)) if name and born else None
    return id_key, name_key


def _chunks(values: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def existing_matches(
    ws: Workspace, candidates: Sequence[Mapping[str, Any]], *, exclude: str | None = None
) -> list[list[Match]]:
    """For each candidate (name, birth_date, id_number as entered), the members already in
    the roster it may duplicate; `exclude` is the member being edited. Two queries per
    900 candidates, so an import of thousands of rows checks in well under a second."""
    keys = [_key(c) for c in candidates]
    numbers = sorted({k[0] for k in keys if k[0]})
    names = sorted({k[1][0] for k in keys if k[1]})
    by_id: dict[str, list[dict[str, Any]]] = defaultdict(list)
    by_name: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    columns = "id, name, birth_date, id_number"
    for chunk in _chunks(numbers):
        marks = ", ".join("?" * len(chunk))
        for row in ws.db.query(
            f"SELECT {columns} FROM {TABLE} WHERE _deleted = 0 AND id_number IN ({marks})",
            tuple(chunk),
        ):
            by_id[row[3]].append({"id": row[0], "name": row[1], "birth_date": row[2]})
    for chunk in _chunks(names):
        marks = ", ".join("?" * len(chunk))
        # Stored names are already normalised on entry; compare the stored form too.
        for row in ws.db.query(
            f"SELECT {columns} FROM {TABLE} WHERE _deleted = 0 AND name IN ({marks})",
            tuple(chunk),
        ):
            if row[2]:
                key = (normalize_name(row[1]), row[2])
                by_name[key].append({"id": row[0], "name": row[1], "birth_date": row[2]})
    found: list[list[Match]] = []
    for id_key, name_key in keys:
        matches: dict[str, Match] = {}
        for row in by_id.get(id_key or "", []):
            matches.setdefault(
                row["id"], Match(row["id"], row["name"], row["birth_date"], Reason.SAME_ID)
            )
        if name_key:
            for row in by_name.get(name_key, []):
                matches.setdefault(
                    row["id"],
                    Match(row["id"], row["name"], row["birth_date"], Reason.SAME_NAME_BIRTH),
                )
        found.append([m for k, m in matches.items() if k != exclude])
    return found


def within(candidates: Sequence[Mapping[str, Any]]) -> list[list[tuple[int, Reason]]]:
    """For each candidate, the earlier candidates of the same batch (an import file) it
    may duplicate, by index."""
    seen_id: dict[str, int] = {}
    seen_name: dict[tuple[str, str], int] = {}
    found: list[list[tuple[int, Reason]]] = []
    for n, candidate in enumerate(candidates):
        id_key, name_key = _key(candidate)
        matches: list[tuple[int, Reason]] = []
        if id_key is not None:
            if id_key in seen_id:
                matches.append((seen_id[id_key], Reason.SAME_ID))
            else:
                seen_id[id_key] = n
        if name_key is not None:
            if name_key in seen_name:
                if all(i != seen_name[name_key] for i, _ in matches):
                    matches.append((seen_name[name_key], Reason.SAME_NAME_BIRTH))
            else:
                seen_name[name_key] = n
        found.append(matches)
    return found


def report(ws: Workspace) -> list[DuplicateGroup]:
    """Every group of roster members sharing an ID number, or a name and birth date."""
    groups: list[DuplicateGroup] = []
    for number, ids, names in ws.db.query(
        f"SELECT id_number, group_concat(id, char(31)), group_concat(name, char(31)) "
        f"FROM {TABLE} WHERE _deleted = 0 AND id_number IS NOT NULL AND id_number != '' "
        "GROUP BY id_number HAVING count(*) > 1 ORDER BY id_number"
    ):
        groups.append(
            DuplicateGroup(
                Reason.SAME_ID, number, tuple(ids.split("\x1f")), tuple(names.split("\x1f"))
            )
        )
    for name, born, ids, names in ws.db.query(
        f"SELECT name, birth_date, group_concat(id, char(31)), group_concat(name, char(31)) "
        f"FROM {TABLE} WHERE _deleted = 0 AND birth_date IS NOT NULL "
        "GROUP BY name, birth_date HAVING count(*) > 1 ORDER BY name, birth_date"
    ):
        groups.append(
            DuplicateGroup(
                Reason.SAME_NAME_BIRTH,
                f"{name} {born}",
                tuple(ids.split("\x1f")),
                tuple(names.split("\x1f")),
            )
        )
    return groups

"""Shared fixtures: a data folder made once per session and copied for each test.

Creating a vault costs one Argon2id derivation at the floor (m=64 MiB, t=3, p=4); tests
never use weaker parameters, so they copy one template folder instead of making their own.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.store.vault import KdfParams
from desktop.store.workspace import Setup, Workspace


@dataclass(frozen=True)
class Template:
    """The session's template data folder and what opens it."""

    folder: Path
    org_name: str
    branch_name: str
    admin: str
    password: str
    recovery_code: str


@pytest.fixture(scope="session")
def workspace_template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    folder = tmp_path_factory.mktemp("template") / "data"
    setup = Setup("海外项目党委", "第一党支部", "书记", "correct horse 连心")
    ws, code = Workspace.create(folder, setup, kdf=KdfParams())
    ws.close()
    assert code is not None
    return Template(
        folder, setup.org_name, setup.branch_name, setup.admin_name, setup.password, code
    )


@pytest.fixture
def workspace(tmp_path: Path, workspace_template: Template) -> Iterator[Callable[..., Workspace]]:
    """Factory: `workspace()` copies the template to `tmp_path/data` and unlocks it as the
    secretary; `workspace("other")` makes a second, independent copy. Slots written by the
    test use the KDF floor. Every workspace still open is closed at teardown."""
    opened: list[Workspace] = []

    def make(name: str = "data") -> Workspace:
        folder = tmp_path / name
        shutil.copytree(workspace_template.folder, folder)
        ws = Workspace.unlock(folder, workspace_template.admin, workspace_template.password)
        ws.kdf = KdfParams()
        opened.append(ws)
        return ws

    yield make
    for ws in opened:
        if ws.is_open:
            ws.close()

"""The member archive as an officer meets it: what entering a member checks and fixes,
the standing history, party standing, the extended sets, and the photo kept encrypted."""

from __future__ import annotations

import dataclasses
import io
import json
import shutil
import struct
import sys
import zlib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desktop import cli
from desktop.domain import idnumber, member_archive
from desktop.domain.duplicates import report
from desktop.domain.member_archive import (
    add_entry,
    change_category,
    change_status,
    delete_entry,
    edit_entry,
    entries,
    history,
    party_standing,
)
from desktop.domain.members import (
    DuplicateMember,
    add_member,
    edit_member,
    find_members,
    get_member,
    normalize_phone,
    photo_bytes,
    remove_photo,
    set_photo,
)
from desktop.store.errors import InvalidInput, PermissionDenied, RecordNotFound
from desktop.store.workspace import Workspace

TODAY = date(2025, 6, 1)
#: A valid resident number: a woman born 1949-12-31.
WOMAN_1949 = "11010519491231002X"
MAN_1990 = idnumber.make("370102", date(1990, 1, 1), 11)


@pytest.fixture
def ws(workspace: Callable[..., Workspace]) -> Workspace:
    return workspace()


def _as_member(ws: Workspace, member_id: str | None) -> None:
    ws.user = dataclasses.replace(ws.user, role="member", member_id=member_id)


def _png(width: int = 2, height: int = 2) -> bytes:
    """A real, tiny PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + b"\xcc\x33\x33" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


# --- entering a member ----------------------------------------------------------------


def test_names_and_phones_are_normalised(ws: Workspace) -> None:
    member = add_member(
        ws, {"name": " 王　芳 ", "phone": "+971 50-123 4567", "former_names": " 王  小芳 "}
    )
    row = get_member(ws, member)
    assert row["name"] == "王芳"
    assert row["phone"] == "+971501234567"
    assert row["former_names"] == "王 小芳"
    assert normalize_phone("１３８ ００１３ ８０００") == "13800138000"
    assert normalize_phone("(010) 6512-3456") == "01065123456"


def test_every_basic_field_is_kept(ws: Workspace) -> None:
    values = {
        "name": "阿依古丽",
        "former_names": "古丽",
        "gender": "female",
        "ethnicity": "维吾尔族",
        "birth_date": "1988-03-02",
        "native_place": "新疆维吾尔自治区喀什市",
        "education": "大学本科",
        "work_unit": "中建八局中东公司迪拜项目部",
        "post": "法语翻译",
        "phone": "13800138000",
        "applied_date": "2008-05-04",
        "joined_date": "2010-07-01",
        "full_date": "2011-07-01",
        "category": "full",
        "status": "normal",
        "party_post": "宣传委员",
        "formal_unit": "中建八局第一建设有限公司党委",
        "floating": "in",
        "hardship": True,
    }
    member = add_member(ws, values, today=TODAY)
    row = get_member(ws, member)
    assert {k: row[k] for k in values} == values


@pytest.mark.parametrize(
    ("number", "says"),
    [
        ("1101051949123100", "17 digits"),
        ("110105194912310021", "check digit"),
        (idnumber.make("110105", date(1949, 12, 31), 2)[:17] + "0", "check digit"),
        ("110105" + "19490231" + "002" + "X", "does not exist"),
        (idnumber.make("990105", date(1990, 1, 1), 2), "region code"),
        (idnumber.make("110105", date(2030, 1, 1), 2), "future"),
    ],
)
def test_each_id_problem_is_named(ws: Workspace, number: str, says: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        add_member(ws, {"name": "李四", "id_number": number}, today=TODAY)
    assert says in str(caught.value)
    assert number not in str(caught.value), "never the whole number"
    assert ws.records.count("members") == 0


def test_the_id_number_fills_gender_and_birth_date_left_empty(ws: Workspace) -> None:
    member = add_member(ws, {"name": "张三", "id_number": "11010519491231002x"})
    row = get_member(ws, member)
    assert (row["id_number"], row["gender"], row["birth_date"], row["id_kind"]) == (
        WOMAN_1949,
        "female",
        "1949-12-31",
        "resident",
    )


def test_a_mismatch_with_gender_or_birth_date_is_refused(ws: Workspace) -> None:
    with pytest.raises(InvalidInput, match="gender entered differs"):
        add_member(ws, {"name": "张三", "id_number": WOMAN_1949, "gender": "male"})
    with pytest.raises(InvalidInput, match="birth date entered differs"):
        add_member(ws, {"name": "张三", "id_number": WOMAN_1949, "birth_date": "1949-12-30"})
    member = add_member(ws, {"name": "张三", "gender": "male", "birth_date": "1990-01-01"})
    with pytest.raises(InvalidInput, match="gender entered differs"):
        edit_member(ws, member, {"id_number": WOMAN_1949})
    edit_member(ws, member, {"id_number": MAN_1990})
    assert get_member(ws, member)["id_number"] == MAN_1990


def test_a_passport_needs_a_nationality_and_a_plausible_number(ws: Workspace) -> None:
    passport = {"name": "Ahmed Benali", "id_kind": "passport", "id_number": "ab 123 4567"}
    with pytest.raises(InvalidInput, match="nationality"):
        add_member(ws, passport)
    with pytest.raises(InvalidInput, match="passport number has 5 to 20"):
        add_member(ws, {**passport, "id_number": "A-1", "nationality": "DZA"})
    member = add_member(ws, {**passport, "nationality": "DZA", "gender": "male"})
    row = get_member(ws, member)
    assert (row["id_number"], row["nationality"]) == ("AB1234567", "DZA")


def test_dates_must_follow_each_other(ws: Workspace) -> None:
    with pytest.raises(InvalidInput, match="before the date joined"):
        add_member(
            ws, {"name": "甲", "joined_date": "2020-01-01", "full_date": "2019-01-01"}, today=TODAY
        )
    with pytest.raises(InvalidInput, match="in the future"):
        add_member(ws, {"name": "甲", "applied_date": "2026-01-01"}, today=TODAY)
    with pytest.raises(InvalidInput, match="probationary member has no date of full"):
        add_member(ws, {"name": "甲", "category": "probationary", "full_date": "2020-01-01"})


def test_possible_duplicates_are_caught_on_entry(ws: Workspace) -> None:
    first = add_member(ws, {"name": "王芳", "id_number": WOMAN_1949})
    with pytest.raises(DuplicateMember) as caught:
        add_member(ws, {"name": "王　芳", "birth_date": "1949-12-31"})
    assert [m.member_id for m in caught.value.matches] == [first]
    assert "王芳" in str(caught.value)
    with pytest.raises(DuplicateMember):
        add_member(ws, {"name": "另一个名字", "id_number": WOMAN_1949.lower()})
    assert ws.records.count("members") == 1, "nothing written"
    second = add_member(ws, {"name": "王芳", "birth_date": "1949-12-31"}, allow_duplicate=True)
    assert ws.records.count("members") == 2
    assert {frozenset(g.member_ids) for g in report(ws)} == {frozenset((first, second))}
    # Editing into a duplicate is caught too; an edit that keeps the same person is not.
    third = add_member(ws, {"name": "李明", "birth_date": "1980-02-02"})
    with pytest.raises(DuplicateMember):
        edit_member(ws, third, {"name": "王芳", "birth_date": "1949-12-31"})
    edit_member(ws, first, {"phone": "13800138000"})


def test_find_members_by_id_number_record_id_or_name(ws: Workspace) -> None:
    one = add_member(ws, {"name": "王芳", "id_number": WOMAN_1949})
    add_member(ws, {"name": "王芳芳"})
    assert [r["id"] for r in find_members(ws, one)] == [one]
    assert [r["id"] for r in find_members(ws, WOMAN_1949.lower())] == [one]
    assert [r["id"] for r in find_members(ws, "王 芳")] == [one]
    assert len(find_members(ws, "王")) == 2


def test_only_officers_edit_and_a_member_sees_only_their_own_record(ws: Workspace) -> None:
    mine = add_member(ws, {"name": "本人"})
    other = add_member(ws, {"name": "别人"})
    add_entry(ws, other, "education", {"title": "学士"})
    _as_member(ws, mine)
    assert get_member(ws, mine)["name"] == "本人"
    with pytest.raises(PermissionDenied):
        get_member(ws, other)
    with pytest.raises(PermissionDenied):
        entries(ws, other)
    with pytest.raises(PermissionDenied):
        edit_member(ws, mine, {"phone": "13800138000"})
    with pytest.raises(PermissionDenied):
        change_status(ws, mine, "left", TODAY)


# --- standing ---------------------------------------------------------------------------


def test_status_changes_are_kept_as_a_dated_history(ws: Workspace) -> None:
    member = add_member(ws, {"name": "赵六", "joined_date": "2010-07-01"})
    change_status(ws, member, "lost_contact", "2023-03-01", "电话停机", today=TODAY)
    change_status(ws, member, "normal", date(2024, 5, 6), today=TODAY)
    row = get_member(ws, member)
    assert (row["status"], row["status_date"]) == ("normal", "2024-05-06")
    lines = history(ws, member)
    assert [(e["date"], e["old_value"], e["new_value"]) for e in lines] == [
        ("2024-05-06", "lost_contact", "normal"),
        ("2023-03-01", "normal", "lost_contact"),
    ]
    assert lines[1]["note"] == "电话停机"
    with pytest.raises(InvalidInput, match="already has this status"):
        change_status(ws, member, "normal", TODAY, today=TODAY)
    with pytest.raises(InvalidInput, match="before the date joined"):
        change_status(ws, member, "left", "2009-01-01", today=TODAY)
    with pytest.raises(InvalidInput, match="in the future"):
        change_status(ws, member, "left", "2025-07-01", today=TODAY)
    assert len(history(ws, member)) == 2


def test_conversion_sets_the_full_date_and_party_standing_counts_from_it(ws: Workspace) -> None:
    member = add_member(
        ws, {"name": "钱七", "category": "probationary", "joined_date": "2020-06-30"}
    )
    assert member_archive.member_archive(ws, member, today=TODAY).standing_years is None
    change_category(ws, member, "full", "2021-07-01", today=TODAY)
    row = get_member(ws, member)
    assert (row["category"], row["full_date"]) == ("full", "2021-07-01")
    assert history(ws, member)[0]["kind"] == "converted"
    assert party_standing("2021-07-01", date(2025, 6, 30)) == 3
    assert party_standing("2021-07-01", date(2025, 7, 1)) == 4
    assert party_standing("2021-07", date(2025, 7, 1)) == 4
    assert party_standing(None) is None
    archive = member_archive.member_archive(ws, member, today=TODAY)
    assert archive.standing_years == 3


def test_editing_status_or_category_writes_history(ws: Workspace) -> None:
    member = add_member(ws, {"name": "孙八", "category": "full"})
    edit_member(ws, member, {"status": "suspended", "status_date": "2024-01-02"}, today=TODAY)
    assert [(e["kind"], e["date"], e["new_value"]) for e in history(ws, member)] == [
        ("status", "2024-01-02", "suspended")
    ]


# --- extended sets -------------------------------------------------------------------------


def test_extended_entries_are_added_edited_and_deleted(ws: Workspace) -> None:
    member = add_member(ws, {"name": "周九"})
    posting = add_entry(
        ws,
        member,
        "work",
        {
            "title": "施工员",
            "organisation": "中建八局阿尔及利亚分公司",
            "country": "阿尔及利亚",
            "start_date": "2019-03-01",
            "end_date": "2022-10-31",
        },
        today=TODAY,
    )
    add_entry(ws, member, "work", {"title": "技术员", "start_date": "2015-07-01"}, today=TODAY)
    add_entry(ws, member, "family", {"title": "配偶 李红", "organisation": "济南市第一中学"})
    work = entries(ws, member, "work")
    assert [e["title"] for e in work] == ["技术员", "施工员"], "in date order"
    assert work[1]["country"] == "阿尔及利亚"
    with pytest.raises(InvalidInput, match="before the start date"):
        edit_entry(ws, posting, {"end_date": "2018-01-01"}, today=TODAY)
    with pytest.raises(InvalidInput, match="needs a title"):
        add_entry(ws, member, "reward", {"title": "  "})
    with pytest.raises(InvalidInput, match="not a date"):
        add_entry(ws, member, "training", {"title": "培训", "start_date": "2020-13-01"})
    edit_entry(ws, posting, {"country": "阿联酋"}, today=TODAY)
    assert entries(ws, member, "work")[1]["country"] == "阿联酋"
    delete_entry(ws, posting)
    assert [e["title"] for e in entries(ws, member, "work")] == ["技术员"]
    archive = member_archive.member_archive(ws, member)
    assert [e["title"] for e in archive.entries["family"]] == ["配偶 李红"]
    assert archive.entries["education"] == []


# --- the photo ---------------------------------------------------------------------------


def test_the_photo_is_stored_encrypted_and_read_in_memory(ws: Workspace, tmp_path: Path) -> None:
    member = add_member(ws, {"name": "吴十"})
    image = _png()
    path = tmp_path / "photo.png"
    path.write_bytes(image)
    first = set_photo(ws, member, path)
    assert photo_bytes(ws, member) == image
    sha = ws.records.require("attachments", first)["sha256"]
    on_disk = ws.blob_store().path(sha).read_bytes()
    assert b"\x89PNG" not in on_disk and b"IHDR" not in on_disk
    jpeg = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4
    path.write_bytes(jpeg)
    second = set_photo(ws, member, path)
    assert photo_bytes(ws, member) == jpeg
    assert ws.records.get("attachments", first) is None, "the old photo is removed"
    sha2 = ws.records.require("attachments", second)["sha256"]
    assert b"\xff\xd8\xff" not in ws.blob_store().path(sha2).read_bytes()[:64]
    assert member_archive.member_archive(ws, member).files == [], "the photo is not a file"
    remove_photo(ws, member)
    assert photo_bytes(ws, member) is None
    with pytest.raises(RecordNotFound):
        ws.records.require("attachments", second)


def test_a_file_that_is_not_an_image_is_not_a_photo(ws: Workspace, tmp_path: Path) -> None:
    member = add_member(ws, {"name": "郑十一"})
    path = tmp_path / "notes.png"
    path.write_text("not a picture")
    with pytest.raises(InvalidInput, match="not a photo"):
        set_photo(ws, member, path)
    assert get_member(ws, member)["photo_id"] is None


def test_demo_archive_is_bounded(ws: Workspace) -> None:
    from desktop.domain.demo import fill_demo

    fill_demo(ws, 60, seed=3, today=TODAY)
    before = ws.records.count("member_entries") + ws.records.count("member_events")
    written = member_archive.seed_demo(ws, TODAY)
    assert 12 <= written <= 60
    total = ws.records.count("member_entries") + ws.records.count("member_events")
    assert total - before == written
    assert ws.records.count("member_entries", "kind = 'work' AND country IS NOT NULL") >= 1


# --- the command line ---------------------------------------------------------------------


@pytest.fixture
def cli_run(
    tmp_path: Path,
    workspace_template: Any,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> Callable[..., tuple[int, str, str]]:
    """`cli_run(args…)` on a copy of the template folder as its secretary."""
    folder = tmp_path / "cli-data"
    shutil.copytree(workspace_template.folder, folder)
    monkeypatch.setenv(cli.ENV_PASSWORD, workspace_template.password)
    monkeypatch.setenv("LIANXIN_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setattr(sys, "stdin", io.StringIO())

    def run(*argv: str) -> tuple[int, str, str]:
        code = cli.main(["--data-dir", str(folder), *argv])
        captured = capfd.readouterr()
        return code, captured.out, captured.err

    return run


def test_cli_add_show_status_and_duplicates(cli_run: Callable[..., tuple[int, str, str]]) -> None:
    code, out, err = cli_run(
        "members", "add", "--name", "王　芳", "--id-number", WOMAN_1949, "--ethnicity", "回族",
        "--phone", "+971 50 123 4567", "--joined", "1975-07-01", "--full", "1976-07-01",
        "--category", "full", "--work-unit", "迪拜项目部", "--floating", "in", "--hardship",
    )  # fmt: skip
    assert code == 0, err
    assert "Added 王芳" in out
    code, out, err = cli_run("members", "add", "--name", "王芳", "--birth-date", "1949-12-31")
    assert code == 2 and "already on the roster" in err and "--allow-duplicate" in err
    code, out, err = cli_run(
        "members", "add", "--name", "王芳", "--birth-date", "1949-12-31", "--allow-duplicate"
    )
    assert code == 0, err
    code, out, err = cli_run("members", "duplicates", "--json")
    groups = json.loads(out)
    assert [(g["reason"], len(g["members"])) for g in groups] == [("same_name_birth", 2)]
    code, out, err = cli_run("members", "show", "王芳")
    assert code == 2 and "2 members match" in err
    code, out, err = cli_run(
        "members", "status", WOMAN_1949, "--to", "lost_contact", "--date", "2024-02-03",
        "--note", "电话停机",
    )  # fmt: skip
    assert code == 0, err
    code, out, err = cli_run("members", "show", WOMAN_1949.lower(), "--json")
    shown = json.loads(out)
    assert (shown["name"], shown["ethnicity"], shown["phone"], shown["hardship"]) == (
        "王芳",
        "回族",
        "+971501234567",
        True,
    )
    assert shown["status"] == "lost_contact" and shown["party_standing_years"] >= 48
    assert [(h["kind"], h["new_value"], h["note"]) for h in shown["history"]] == [
        ("status", "lost_contact", "电话停机")
    ]
    code, out, err = cli_run("members", "show", shown["id"])
    assert code == 0 and "Party standing:" in out and "lost_contact" in out
    assert "Education:" in out and "(none)" in out

"""The translations are complete, and never change a placeholder: a `{name}`, `%1` or `%n`
that differs from the source would show the wrong value or raise at run time."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop.ui.resources import translations_dir

REPO = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%L?n|%L?\d+")
TS_FILES = sorted(translations_dir().glob("*.ts"))


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def messages(path: Path):
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message


def test_there_is_a_chinese_translation() -> None:
    assert translations_dir() / "lianxin_zh_CN.ts" in TS_FILES


@pytest.mark.parametrize("path", TS_FILES, ids=lambda p: p.name)
def test_every_translation_is_finished_and_keeps_its_placeholders(path: Path) -> None:
    problems = []
    for context, message in messages(path):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        where = f"{context}: {source!r}"
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{where} is {translation.get('type')}")
            continue
        forms = (
            [f.text or "" for f in translation.iter("numerusform")]
            if message.get("numerus") == "yes"
            else [translation.text or ""]
        )
        for form in forms:
            if not form.strip():
                problems.append(f"{where} has an empty translation")
            elif placeholders(form) != placeholders(source):
                problems.append(f"{where}: placeholders of {form!r} differ")
    assert not problems, "\n".join(problems)


def test_placeholder_check_catches_a_changed_placeholder() -> None:
    assert placeholders("{user} is the last secretary") != placeholders("{name} 是唯一的书记")
    assert placeholders("%n member(s)") != placeholders("成员")
    assert placeholders("Wait {wait:.0f} s") == placeholders("请等待 {wait:.0f} 秒")


def test_every_string_in_the_source_is_translated(tmp_path: Path) -> None:
    """lupdate over desktop/ finds nothing the Chinese file does not already translate."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists() or shutil.which("git") is None:
        pytest.skip("pyside6-lupdate or git is not available")
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "desktop/*.py"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    sources = [str(REPO / f) for f in listed if (REPO / f).exists()]
    copy = tmp_path / "lianxin_zh_CN.ts"
    shutil.copy(translations_dir() / "lianxin_zh_CN.ts", copy)
    subprocess.run(
        [str(lupdate), "-tr-function-alias", "QT_TRANSLATE_NOOP+=_N", *sources, "-ts", str(copy)],
        capture_output=True,
        check=True,
    )
    missing = [
        f"{context}: {message.findtext('source')!r}"
        for context, message in messages(copy)
        if message.find("translation").get("type") == "unfinished"
    ]
    assert not missing, "strings without a Chinese translation:\n" + "\n".join(missing)

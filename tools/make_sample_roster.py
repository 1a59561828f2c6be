"""Writes resources/rosters/sample-roster-messy.xlsx: a roster as branches really send
them, with every kind of mess the import must cope with, for trying the import (`make
run`, then Import & export → Import roster…) and for the UI tests.

    .venv/bin/python tools/make_sample_roster.py [--out FILE]

The output is deterministic (fixed ID numbers, fixed file dates), so it is committed.
Its groups are the demo branch's (desktop/domain/demo.py), so the rows match the demo.
"""

from __future__ import annotations

import argparse
import io
import logging
import re
import sys
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.domain import idnumber  # noqa: E402 - after the path is set
from desktop.store.files import write_atomic  # noqa: E402

log = logging.getLogger(__name__)

OUT = ROOT / "resources" / "rosters" / "sample-roster-messy.xlsx"
GROUP_1 = "第一党小组（工程部）"
GROUP_2 = "第二党小组（技术部）"
FILE_DATE = datetime(2025, 3, 1, 9, 0, 0)


def _id(region: str, born: date, sequence: int) -> str:
    return idnumber.make(region, born, sequence)


def _lower_x_id() -> str:
    """A valid number whose check digit is X, typed in lower case."""
    for sequence in range(1, 999, 2):
        number = _id("370102", date(1985, 6, 9), sequence)
        if number.endswith("X"):
            return number.lower()
    raise AssertionError("no check digit X in range")


def _full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


#: (row values…) under the header; comments give the mess each row shows.
def _rows() -> list[list[Any]]:
    wang = _id("110105", date(1990, 3, 15), 2)
    return [
        # 王　芳: a padded name, a real Excel date, +86 phone, 2015.07 and 2016年7月
        [1, "王　芳", "女", datetime(1990, 3, 15), wang, "汉族", "+86 138 0013 8000",
         "2015.07", "2016年7月", "正式党员", GROUP_1, "读书"],
        [],  # a blank row
        # lower-case x, full-width phone digits, 1985/6, 2010/7/1, 20110701
        [2, "李强", "男", "1985/6", _lower_x_id(), "汉族", _full_width("13912345678"),
         "2010/7/1", "20110701", "正式", GROUP_1, None],
        # the ID number Excel stored as a number: its last digits are lost
        [3, "张伟", "男", "1988-07-01", float(_id("110105", date(1988, 7, 1), 11)), "汉族",
         None, "198807", None, "预备党员", GROUP_2],
        # a serial day number, 0086, 1988年7月1日 form, 2012.07 kept as a number by Excel
        [4, "赵敏", "女", 32874, _id("420106", date(1990, 1, 1), 4), "回族",
         "0086-139-1234-5678", 2012.07, "2013年7月1日", "正式党员", GROUP_2],
        # the same person as the first row again
        [5, "王芳", "女", "1990-03", wang, "汉族"],
        # a full-width ID number; the gender entered differs from the number's
        [6, "孙涛", "女", "1987-11", _full_width(_id("510107", date(1987, 11, 2), 5)), "汉族",
         "13700001111", "2012-7", "2013-07", "正式党员", GROUP_1],
        # a date nobody can read, and a group the branch does not have
        [7, "刘洋", "男", "去年", _id("410105", date(1992, 5, 6), 9), "汉族", "13600002222",
         None, None, "预备", "第九党小组"],
        # a name with a middle dot, a foreign phone number with spaces
        [8, "阿里·买买提", "男", "1991-02-03", _id("650102", date(1991, 2, 3), 13), "维吾尔族",
         "+213 551 234 567", "2016年5月", "2017年5月", "正式党员", GROUP_2],
        ["合计", "8人"],  # the summary row
        [None] * 11 + [8],  # a number left under the table
    ]  # fmt: skip


HEADER_UPPER = [
    "序号", "姓名", "性别", "出生年月", "身份证号码", "民族", "联系电话", "入党情况", None,
    "人员类别", "所在党小组", "爱好",
]  # fmt: skip
HEADER_LOWER = [None] * 7 + ["入党时间", "转正时间"]


def build() -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "花名册"
    sheet.append(["阿尔及利亚嘉玛大清真寺项目临时党支部党员花名册"])
    sheet.merge_cells("A1:L1")
    sheet["A1"].font = Font(bold=True, size=16)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append(["填报单位：项目临时党支部", None, None, None, None, None, None, None, None,
                  "填报日期：2025年3月"])  # fmt: skip
    sheet.append(HEADER_UPPER)
    sheet.append(HEADER_LOWER)
    sheet.merge_cells("H3:I3")
    for letter in "ABCDEFGJKL":
        sheet.merge_cells(f"{letter}3:{letter}4")
    for row in sheet.iter_rows(min_row=3, max_row=4):
        for cell in row:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center", vertical="center")
    for row in _rows():
        sheet.append(row)
    for letter, width in zip(
        "ABCDEFGHIJKL", (6, 14, 6, 12, 22, 8, 20, 10, 12, 10, 20, 8), strict=True
    ):
        sheet.column_dimensions[letter].width = width
    book.properties.created = FILE_DATE
    book.properties.modified = FILE_DATE
    buffer = io.BytesIO()
    book.save(buffer)
    return _fixed_zip_dates(buffer.getvalue())


def _fixed_zip_dates(data: bytes) -> bytes:
    """The workbook's zip entries stamped with FILE_DATE, so that running the script
    again writes the same bytes (the output is committed)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            entry = zipfile.ZipInfo(item.filename, FILE_DATE.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            content = source.read(item.filename)
            if item.filename == "docProps/core.xml":
                # openpyxl stamps the save time as "modified", whatever was set.
                stamp = FILE_DATE.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, content)
            target.writestr(entry, content)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    write_atomic(args.out, build())
    log.info("wrote %s", args.out)
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    raise SystemExit(main())

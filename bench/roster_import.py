"""import_5000_s: a 5,000-row messy roster (.xlsx: title rows, a two-row merged header,
names padded with full-width spaces, dates in several forms, blank and 合计 rows) read,
previewed row by row and imported into a fresh vault, as `members import FILE` does."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

from bench import report
from desktop.domain import demo
from desktop.domain.roster_export import export_roster
from desktop.domain.roster_import import RowStatus, import_plan, preview
from desktop.store.vault import KdfParams
from desktop.store.workspace import Setup, Workspace

FIGURES = ("import_5000_s",)
GOAL_S = 10.0
ROWS = 5_000
TODAY = date(2025, 3, 14)
#: Not a secret: the vaults hold made-up people and are deleted afterwards.
PASSWORD = "bench-roster-import"


def _messy(value: Any, title: str, n: int) -> Any:
    """Cells as officers type them: the same facts in the forms real rosters mix."""
    if value in (None, ""):
        return None
    if title == "姓名" and len(value) == 2 and n % 3 == 0:
        return f"{value[0]}　{value[1]}"
    if title in ("出生日期", "入党时间", "转正时间", "申请入党时间") and len(value) == 10:
        year, month, day = value.split("-")
        forms = (
            datetime(int(year), int(month), int(day)),
            f"{year}.{month}",
            f"{year}年{int(month)}月",
            f"{year}{month}{day}",
            f"{year}/{int(month)}/{int(day)}",
        )
        return forms[n % len(forms)]
    if title == "身份证号" and n % 7 == 0:
        return value.lower()
    return value


def make_roster(folder: Path, path: Path) -> None:
    """An export of demo members, made messy."""
    ws, _code = Workspace.create(
        folder, Setup(demo.ORG_NAME, demo.BRANCH_NAME, demo.SECRETARY, PASSWORD), kdf=KdfParams()
    )
    try:
        demo.fill_demo(ws, ROWS, seed=5, today=TODAY)
        clean = path.with_name("clean.xlsx")
        export_roster(ws, clean)
    finally:
        ws.close()
    rows = list(load_workbook(clean, read_only=True).active.iter_rows(values_only=True))
    titles = list(rows[0])
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append([f"{demo.BRANCH_NAME}党员花名册"])
    sheet.append(["填报日期：2025年3月"])
    # Two-row header: 入党情况 over 入党时间 | 转正时间.
    sheet.append(["入党情况" if t in ("入党时间", "转正时间") else t for t in titles])
    sheet.append([t if t in ("入党时间", "转正时间") else None for t in titles])
    for n, row in enumerate(rows[1:]):
        sheet.append([_messy(v, str(t), n) for v, t in zip(row, titles, strict=True)])
        if n % 1000 == 999:
            sheet.append([])
    sheet.append(["合计", f"{ROWS}人"])
    book.save(path)


def run() -> None:
    work = Path(tempfile.mkdtemp(prefix="lianxin-bench-roster-"))
    try:
        roster = work / "花名册.xlsx"
        make_roster(work / "source", roster)
        ws, _code = Workspace.create(
            work / "target",
            Setup(demo.ORG_NAME, demo.BRANCH_NAME, demo.SECRETARY, PASSWORD),
            kdf=KdfParams(),
        )
        try:
            # The groups the roster names, as the branch that imports it has them.
            with ws.records.transaction():
                ws.records.insert_many(
                    "org_units",
                    [{"name": g, "level": "group", "parent_id": ws.org_id} for g in demo._GROUPS],
                    owner_org=ws.org_id,
                )
            load = os.getloadavg()[0]
            start, cpu = time.perf_counter(), time.process_time()
            plan = preview(ws, roster, today=TODAY)
            previewed = time.perf_counter() - start
            result = import_plan(ws, plan, today=TODAY)
            took, cpu = time.perf_counter() - start, time.process_time() - cpu
        finally:
            ws.close()
        report.figure("import_5000_s", took, "s", goal=GOAL_S)
        report.info(
            f"preview {previewed:.2f} s, import {took - previewed:.2f} s; "
            f"{result.imported} imported, {plan.count(RowStatus.WARNING)} warnings, "
            f"{plan.count(RowStatus.ERROR)} errors, {plan.count(RowStatus.SKIPPED)} skipped; "
            f"CPU {cpu:.1f} s (load average {load:.1f} before, on {os.cpu_count()} CPUs)"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    run()

"""The printable member card: photo, every basic field and the standing history on an
A4 PDF, written only where the officer chose to save it."""

from __future__ import annotations

import base64
from datetime import date
from pathlib import Path

from desktop.domain.member_archive import MemberArchive
from desktop.domain.members import BASIC_FIELDS
from desktop.ui.pages.member_detail_tabs import HISTORY_COLUMNS, history_cell
from desktop.ui.pages.member_dialog import field_label, value_label
from desktop.ui.printing import escape, html_to_pdf
from desktop.ui.qt import QCoreApplication

#: The photo's size on the card, in the document's pixels (a 2-inch ID photo's shape).
PHOTO_WIDTH, PHOTO_HEIGHT = 150, 200


def _photo_cell(photo: bytes | None) -> str:
    if not photo:
        text = escape(QCoreApplication.translate("MemberCard", "No photo"))
        return (
            f'<td rowspan="8" width="{PHOTO_WIDTH}" align="center" valign="middle" '
            f'style="border: 1px solid #999; color: #777">{text}</td>'
        )
    mime = "image/png" if photo.startswith(b"\x89PNG") else "image/jpeg"
    # Inline: the card is laid out in memory, the decrypted photo never touches the disk.
    data = base64.b64encode(photo).decode()
    return (
        f'<td rowspan="8" width="{PHOTO_WIDTH}" align="center" valign="top">'
        f'<img src="data:{mime};base64,{data}" width="{PHOTO_WIDTH}" '
        f'height="{PHOTO_HEIGHT}"></td>'
    )


def card_html(archive: MemberArchive, photo: bytes | None, today: date | None = None) -> str:
    member = archive.member
    title = QCoreApplication.translate("MemberCard", "Member record")
    rows: list[str] = []
    values = []
    for field in BASIC_FIELDS:
        value = archive.group_name if field == "group_id" else member.get(field)
        values.append((field_label(field), value_label(field, value)))
    standing = archive.standing_years
    values.append(
        (
            QCoreApplication.translate("MemberCard", "Party standing (years)"),
            "" if standing is None else str(standing),
        )
    )
    photo_cell = _photo_cell(photo)
    for n, (label, value) in enumerate(values):
        rows.append(
            f'<tr><td width="170" style="color:#555">{escape(label)}</td>'
            f"<td>{escape(value)}</td>{photo_cell if n == 0 else ''}</tr>"
        )
    history_rows = "".join(
        "<tr>"
        + "".join(f"<td>{escape(history_cell(event, key))}</td>" for key, _ in HISTORY_COLUMNS)
        + "</tr>"
        for event in archive.history
    )
    headers = "".join(
        f"<th align='left'>{escape(QCoreApplication.translate('MemberTables', h))}</th>"
        for _key, h in HISTORY_COLUMNS
    )
    printed = QCoreApplication.translate("MemberCard", "Printed on {date}").format(
        date=(today or date.today()).isoformat()
    )
    no_history = QCoreApplication.translate("MemberCard", "No changes recorded.")
    history_title = QCoreApplication.translate("MemberCard", "History")
    history = (
        f"<table width='100%' cellspacing='0' cellpadding='4' border='1'>"
        f"<tr>{headers}</tr>{history_rows}</table>"
        if history_rows
        else f"<p>{escape(no_history)}</p>"
    )
    return (
        f"<h2 align='center'>{escape(title)}</h2>"
        f"<h3>{escape(member['name'])}</h3>"
        f"<table width='100%' cellspacing='0' cellpadding='3'>{''.join(rows)}</table>"
        f"<h3>{escape(history_title)}</h3>{history}"
        f"<p style='color:#777'>{escape(printed)}</p>"
    )


def write_card(path: Path, archive: MemberArchive, photo: bytes | None) -> None:
    """Write the member's card as a PDF to `path` (the officer chose it)."""
    title = QCoreApplication.translate("MemberCard", "Member record")
    html_to_pdf(card_html(archive, photo), path, f"{title}: {archive.member['name']}")

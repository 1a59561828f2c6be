"""Printable documents: HTML laid out by QTextDocument into an A4 PDF with its Chinese
font embedded, written atomically where the user chose (an export is the user's act;
nothing is written anywhere before it, the PDF is made in memory)."""

from __future__ import annotations

import html
import logging
from pathlib import Path

from desktop.store.files import write_atomic
from desktop.ui.qt import (
    QBuffer,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QIODevice,
    QMarginsF,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QSizeF,
    QTextDocument,
)

log = logging.getLogger(__name__)

#: Serif CJK faces first (official letters are set in a Song face), then sans; the first
#: installed one is used and embedded (Qt embeds the glyphs a PDF uses).
CJK_FAMILIES = (
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "SimSun",
    "Songti SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
)
MARGIN_MM = 18.0
RESOLUTION_DPI = 300
BODY_POINTS = 10.5


def document_font() -> QFont:
    """A font that has Chinese glyphs, or the application's when none is installed."""
    installed = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in installed:
            font = QFont(family)
            font.setPointSizeF(BODY_POINTS)
            return font
    log.warning("no Chinese font found for printing; Chinese text may show as boxes")
    font = QFont()
    font.setPointSizeF(BODY_POINTS)
    return font


def escape(text: object) -> str:
    """Text for HTML (names, units: anything a user typed)."""
    return html.escape("" if text is None else str(text))


def pdf_bytes(body: str, title: str) -> bytes:
    """The PDF of `body` (HTML) on A4 pages, as bytes."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("Lianxin")
    writer.setResolution(RESOLUTION_DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    document.setDefaultFont(document_font())
    # The page's printable area as the document's page: laid out to the margins above,
    # without the extra margin and page numbers QTextDocument adds to an unsized one.
    # QTextDocument lays out at the screen's logical resolution; print_ scales that page
    # to the writer's, so the page is given in those units for fonts to keep their size.
    screen = QGuiApplication.primaryScreen()
    dpi = screen.logicalDotsPerInch() if screen is not None else 96.0
    inches = writer.pageLayout().paintRect(QPageLayout.Unit.Inch).size()
    document.setPageSize(QSizeF(inches.width() * dpi, inches.height() * dpi))
    document.setDocumentMargin(0)
    document.setHtml(body)
    document.print_(writer)
    del writer  # finishes the file in the buffer
    buffer.close()
    return bytes(buffer.data().data())


def html_to_pdf(html_text: str, path: Path, title: str) -> None:
    """Write `html_text` as an A4 PDF to `path`, replacing it atomically."""
    data = pdf_bytes(html_text, title)
    write_atomic(path, data)
    log.info("PDF written (%d bytes)", len(data))

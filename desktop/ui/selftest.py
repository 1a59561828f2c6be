"""The Qt half of `lianxin --self-test`: translations and the Qt modules a build must carry.

A packaged build that lost a plugin or a library still starts, and fails only when a
user opens a report or plays a lesson; these checks find that at build time. They need
no display (QT_QPA_PLATFORM=offscreen) and write nothing but a temporary PDF.
"""

from __future__ import annotations

import logging
import sys
import tempfile
from pathlib import Path

from desktop.store.selftest import Check, CheckFailed, run_check
from desktop.ui.qt import (
    PYSIDE_VERSION,
    QApplication,
    QCoreApplication,
    QIcon,
    QLibraryInfo,
    QPageSize,
    QPainter,
    QPdfWriter,
    QtCharts,
    QtMultimedia,
    QtPdf,
    QTranslator,
    qVersion,
)
from desktop.ui.resources import resources_dir, translations_dir

log = logging.getLogger(__name__)

#: A string every Chinese build must translate, and a word its translation contains.
KNOWN_CONTEXT, KNOWN_SOURCE, KNOWN_WORD = "AboutDialog", "About Lianxin", "连心"
#: A string of Qt's own (dialog buttons come from qtbase_<lang>.qm).
QT_CONTEXT, QT_SOURCE = "QPlatformTheme", "Cancel"


def _qt() -> str:
    return f"Qt {qVersion()}, PySide6 {PYSIDE_VERSION}, platform {QApplication.platformName()}"


def _our_translation() -> str:
    translator = QTranslator()
    qm = translations_dir() / "lianxin_zh_CN.qm"
    if not translator.load(qm.name, str(qm.parent)):
        raise CheckFailed(f"cannot load {qm}")
    text = translator.translate(KNOWN_CONTEXT, KNOWN_SOURCE) or ""
    if KNOWN_WORD not in text:
        raise CheckFailed(f"{KNOWN_SOURCE!r} is translated as {text!r}")
    return f"{qm.name}: {KNOWN_SOURCE!r} → {text!r}"


def _qt_translation() -> str:
    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load("qtbase_zh_CN", folder):
        raise CheckFailed(f"no qtbase_zh_CN.qm in {folder}")
    text = translator.translate(QT_CONTEXT, QT_SOURCE) or ""
    if not text or text == QT_SOURCE:
        raise CheckFailed(f"{QT_SOURCE!r} is not translated")
    return f"qtbase_zh_CN.qm: {QT_SOURCE!r} → {text!r}"


def _icons() -> str:
    """The app's SVG icons render (Qt's SVG icon engine plugin and resources/ shipped)."""
    path = resources_dir() / "icons" / "lianxin.svg"
    if not path.exists():
        raise CheckFailed(f"{path} is missing")
    image = QIcon(str(path)).pixmap(64, 64).toImage()
    if image.isNull() or image.pixelColor(32, 32).alpha() == 0:
        raise CheckFailed("the SVG icon renders empty: no SVG icon engine")
    return f"{path.name} renders ({image.width()}×{image.height()})"


def _pdf(folder: Path) -> str:
    """Write a one-page PDF with QtGui, then open it with QtPdf (pdfium)."""
    path = folder / "selftest.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    painter.drawText(100, 100, "连心 self-test")
    painter.end()
    document = QtPdf.QPdfDocument()
    error = document.load(str(path))
    try:
        if error != QtPdf.QPdfDocument.Error.None_:
            raise CheckFailed(f"QPdfDocument cannot read a PDF: {error}")
        pages = document.pageCount()
        if pages != 1:
            raise CheckFailed(f"a one-page PDF has {pages} pages")
        size = document.pagePointSize(0)
    finally:
        document.close()
    return f"wrote and read back a PDF page ({size.width():.0f}×{size.height():.0f} pt)"


def _charts() -> str:
    series = QtCharts.QLineSeries()
    for x, y in ((0, 1), (1, 3), (2, 2)):
        series.append(x, y)
    chart = QtCharts.QChart()
    chart.addSeries(series)
    chart.createDefaultAxes()
    view = QtCharts.QChartView(chart)
    view.resize(320, 200)
    image = view.grab().toImage()
    view.deleteLater()
    if image.isNull():
        raise CheckFailed("a chart view did not render")
    return f"rendered a line chart ({image.width()}×{image.height()})"


def _multimedia() -> str:
    # The formats come from the media backend plugin (FFmpeg): none means no plugin.
    formats = QtMultimedia.QMediaFormat().supportedFileFormats(
        QtMultimedia.QMediaFormat.ConversionMode.Decode
    )
    if not formats:
        raise CheckFailed("no media backend: no file format can be decoded")
    player = QtMultimedia.QMediaPlayer()
    player.deleteLater()
    return f"media backend decodes {len(formats)} file formats"


def run_qt_checks() -> list[Check]:
    """Every Qt check, in the running QApplication or in one made for them (set
    QT_QPA_PLATFORM=offscreen first where there is no display)."""
    existing = QCoreApplication.instance()
    if existing is not None and not isinstance(existing, QApplication):
        raise RuntimeError("the Qt self-test needs a QApplication, not a QCoreApplication")
    app = existing or QApplication([sys.argv[0]])  # kept alive until the checks are done
    log.debug("Qt self-test on %s", app.platformName())
    with tempfile.TemporaryDirectory(prefix="lianxin-selftest-qt-") as tmp:
        return [
            run_check("Qt", _qt),
            run_check("translation zh_CN", _our_translation),
            run_check("Qt's own translation zh_CN", _qt_translation),
            run_check("SVG icons", _icons),
            run_check("QtPdf", lambda: _pdf(Path(tmp))),
            run_check("QtCharts", _charts),
            run_check("QtMultimedia", _multimedia),
        ]

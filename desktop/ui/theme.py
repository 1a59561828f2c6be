"""The look: Qt's Fusion style on every platform, a light palette and one accent colour."""

from __future__ import annotations

from desktop.ui.qt import QApplication, QColor, QPalette, QStyleFactory

ACCENT = "#b71c1c"
ACCENT_DARK = "#8e1515"
TEXT = "#1f2328"
MUTED = "#5f6670"
BORDER = "#d9dce1"
SURFACE = "#ffffff"
BACKGROUND = "#f4f5f7"

STYLESHEET = f"""
QMainWindow, QWizard, #unlockScreen {{ background: {BACKGROUND}; }}
#pageStack > QWidget {{ background: {BACKGROUND}; }}
#sidebar {{
    background: #2b2f36; color: #e8eaed; border: none; padding-top: 12px; outline: 0;
}}
#sidebar::item {{ padding: 6px 14px; border-left: 4px solid transparent; }}
#sidebar::item:selected {{ background: #3a3f47; color: white; border-left: 4px solid {ACCENT}; }}
#sidebar::item:hover:!selected {{ background: #33373f; }}
#pageTitle {{ font-size: 22px; font-weight: 600; color: {TEXT}; }}
#unlockTitle {{ font-size: 26px; font-weight: 600; color: {TEXT}; }}
#pageSubtitle {{ color: {MUTED}; font-size: 14px; }}
#hint {{ color: {MUTED}; }}
#countLabel {{ color: {MUTED}; }}
#errorText {{ color: {ACCENT}; font-weight: 600; }}
#figureCard, #unlockCard {{
    background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 8px;
}}
#figureNumber {{ font-size: 34px; font-weight: 600; color: {TEXT}; }}
#figureCaption {{ color: {MUTED}; font-size: 14px; }}
#recoveryCodeDisplay {{
    background: {SURFACE}; border: 1px dashed {MUTED}; border-radius: 6px; padding: 16px;
}}
#primaryButton {{
    background: {ACCENT}; color: white; border: none; border-radius: 4px; padding: 6px 20px;
}}
#primaryButton:hover {{ background: {ACCENT_DARK}; }}
#primaryButton:disabled {{ background: #d8a4a4; }}
#linkButton {{ color: {ACCENT}; border: none; text-decoration: underline; padding: 0; }}
#linkButton:disabled {{ color: {MUTED}; }}
QTableView {{
    background: {SURFACE}; alternate-background-color: #f8f9fa; border: 1px solid {BORDER};
    gridline-color: #eceef1; selection-background-color: #f3d9d9; selection-color: {TEXT};
}}
QHeaderView::section {{
    background: #eef0f3; color: {TEXT}; border: none; border-right: 1px solid {BORDER};
    border-bottom: 1px solid {BORDER}; padding: 6px 8px; font-weight: 600;
}}
#searchBox {{ padding: 6px; font-size: 14px; }}
QStatusBar {{ background: #eceef1; color: {TEXT}; border-top: 1px solid {BORDER}; }}
QStatusBar QLabel {{ padding: 0 10px; }}
#statusBranch {{ font-weight: 600; }}
QProgressBar {{ border: none; background: #e4e6ea; border-radius: 3px; }}
QProgressBar::chunk {{ border-radius: 3px; background: #9aa0a6; }}
QProgressBar[strength="weak"]::chunk {{ background: #d9822b; }}
QProgressBar[strength="fair"]::chunk {{ background: #c9a227; }}
QProgressBar[strength="strong"]::chunk {{ background: #2e7d32; }}
"""


def apply_theme(app: QApplication) -> None:
    style = QStyleFactory.create("Fusion")
    if style is not None:
        app.setStyle(style)
    palette = app.style().standardPalette()
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.Link, QColor(ACCENT))
    app.setPalette(palette)
    app.setStyleSheet(STYLESHEET)

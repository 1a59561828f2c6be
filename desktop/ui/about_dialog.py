"""About Lianxin: which build this is and what it is built on (for support calls)."""

from __future__ import annotations

import platform

from desktop.build_info import SOURCE_TREE, build_info
from desktop.store.workspace import Workspace
from desktop.ui.operations import Operations
from desktop.ui.qt import (
    PYSIDE_VERSION,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    Qt,
    QVBoxLayout,
    QWidget,
    qVersion,
)
from desktop.ui.resources import icon


def cipher_version(ws: Workspace) -> str:
    return ws.db.cipher_version()


def _selectable(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class AboutDialog(QDialog):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Lianxin"))
        self.setMinimumWidth(440)
        logo = QLabel()
        logo.setPixmap(icon("lianxin").pixmap(64, 64))
        name = QLabel(self.tr("Lianxin"))
        name.setObjectName("pageTitle")
        tagline = QLabel(
            self.tr(
                "Records and study for Party branches at overseas project sites. "
                "Works offline; everything on this computer is encrypted."
            )
        )
        tagline.setWordWrap(True)
        header = QHBoxLayout()
        header.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.addWidget(name)
        texts.addWidget(tagline)
        header.addLayout(texts, 1)

        info = build_info()
        self.sqlcipher = _selectable("…")
        self.sqlcipher.setObjectName("aboutSqlcipher")
        self.version = _selectable(info.version)
        self.version.setObjectName("aboutVersion")
        built = self.tr("source tree") if info.date == SOURCE_TREE else info.display_date
        self.build_date = _selectable(built)
        self.build_date.setObjectName("aboutBuildDate")
        self.commit = _selectable(info.commit)
        self.commit.setObjectName("aboutCommit")
        form = QFormLayout()
        form.addRow(self.tr("Version"), self.version)
        form.addRow(self.tr("Build date"), self.build_date)
        form.addRow(self.tr("Commit"), self.commit)
        form.addRow(self.tr("SQLCipher"), self.sqlcipher)
        form.addRow(self.tr("Qt"), _selectable(f"{qVersion()} (PySide6 {PYSIDE_VERSION})"))
        form.addRow(self.tr("Python"), _selectable(platform.python_version()))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(buttons)
        ops.query(cipher_version, self.sqlcipher.setText, parent=self)

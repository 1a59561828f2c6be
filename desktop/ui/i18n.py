"""Languages: installing translators, and the labels of stored values (roles, genders …).

Source strings are English; Simplified Chinese is the default whatever the system
locale. Qt's own strings (dialog buttons) come from Qt's `qtbase_<lang>.qm`.
"""

from __future__ import annotations

import logging

from desktop.domain.access import ROLE_LABELS, Role
from desktop.settings import LANGUAGES
from desktop.store.i18n import QT_TRANSLATE_NOOP
from desktop.ui.qt import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from desktop.ui.resources import translations_dir

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "zh_CN"
#: Each language named in itself, so that someone who cannot read the current one finds theirs.
LANGUAGE_NAMES = {"zh_CN": "简体中文", "en": "English"}
assert set(LANGUAGE_NAMES) == set(LANGUAGES)

LABELS = "Labels"
GENDERS = {
    "male": QT_TRANSLATE_NOOP("Labels", "Male"),
    "female": QT_TRANSLATE_NOOP("Labels", "Female"),
}
CATEGORIES = {
    "full": QT_TRANSLATE_NOOP("Labels", "Full member"),
    "probationary": QT_TRANSLATE_NOOP("Labels", "Probationary member"),
}
STATUSES = {
    "normal": QT_TRANSLATE_NOOP("Labels", "Normal"),
    "suspended": QT_TRANSLATE_NOOP("Labels", "Membership suspended"),
    "lost_contact": QT_TRANSLATE_NOOP("Labels", "Lost contact"),
    "left": QT_TRANSLATE_NOOP("Labels", "Left the Party"),
}


def label(labels: dict[str, str], value: str | None) -> str:
    """The translated label of a stored value; unknown values are shown as stored."""
    if not value:
        return ""
    source = labels.get(value)
    return QCoreApplication.translate(LABELS, source) if source else value


def role_label(role: str) -> str:
    try:
        return QCoreApplication.translate("Roles", ROLE_LABELS[Role(role)])
    except ValueError:
        return role


class Translators:
    """The translators installed for one language; `remove()` undoes `install()`."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = DEFAULT_LANGUAGE

    def install(self, language: str) -> None:
        self.remove()
        if language not in LANGUAGES:
            log.warning("unknown language %r; using %s", language, DEFAULT_LANGUAGE)
            language = DEFAULT_LANGUAGE
        self.language = language
        QLocale.setDefault(QLocale(language))
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("create the application before installing translators")
        ours = translations_dir() / f"lianxin_{language}.qm"
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in (
            (f"lianxin_{language}", str(ours.parent)),
            (f"qtbase_{language}", qt_dir),
        ):
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                self._installed.append(translator)
            elif language != "en":
                log.warning("no translation file %s.qm in %s", name, folder)

    def remove(self) -> None:
        app = QCoreApplication.instance()
        for translator in self._installed:
            if app is not None:
                app.removeTranslator(translator)
            translator.deleteLater()
        self._installed.clear()

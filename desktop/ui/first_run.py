"""The first-run wizard: the organisation, the branch, the first user (the secretary), and
the recovery code shown once."""

from __future__ import annotations

from pathlib import Path

from desktop.store.vault import KdfParams
from desktop.store.workspace import Setup, User, Workspace
from desktop.ui.errors import show_error
from desktop.ui.operations import Operations
from desktop.ui.password_fields import PasswordFields
from desktop.ui.qt import (
    QCheckBox,
    QFontDatabase,
    QFormLayout,
    QLabel,
    QLineEdit,
    Qt,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
    Signal,
)
from desktop.ui.resources import icon


def _create(
    folder: Path, setup: Setup, kdf: KdfParams | None
) -> tuple[Workspace, tuple[User, str | None]]:
    ws, code = Workspace.create(folder, setup, kdf=kdf)
    return ws, (ws.user, code)


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName("hint")
    return label


class BranchPage(QWizardPage):
    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welcome to Lianxin"))
        self.setSubTitle(
            self.tr(
                "Lianxin keeps your branch's records and study material on this computer, "
                "encrypted, and works without a network. First, name your organisation and branch."
            )
        )
        self.org_name = QLineEdit()
        self.org_name.setObjectName("orgName")
        self.org_name.setMaxLength(200)
        self.org_name.setPlaceholderText(self.tr("e.g. Party Committee of the Overseas Division"))
        self.branch_name = QLineEdit()
        self.branch_name.setObjectName("branchName")
        self.branch_name.setMaxLength(200)
        self.branch_name.setPlaceholderText(self.tr("e.g. Temporary Branch of the Port Project"))
        form = QFormLayout()
        form.addRow(self.tr("Organisation"), self.org_name)
        form.addRow(self.tr("Branch"), self.branch_name)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(12)
        layout.addWidget(_note(self.tr("The data will be kept in: {folder}").format(folder=folder)))
        layout.addStretch(1)
        self.registerField("org_name*", self.org_name)
        self.registerField("branch_name*", self.branch_name)


class AccountPage(QWizardPage):
    """The first user; leaving this page creates the encrypted data folder."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your user"))
        self.setSubTitle(
            self.tr(
                "You will be the branch secretary on this computer, and can add other users "
                "later. Your password protects all the branch's records: choose it well."
            )
        )
        self.admin_name = QLineEdit()
        self.admin_name.setObjectName("adminName")
        self.admin_name.setMaxLength(32)
        self.passwords = PasswordFields()
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.passwords.form.insertRow(0, self.tr("Your name"), self.admin_name)
        layout = QVBoxLayout(self)
        layout.addWidget(self.passwords)
        layout.addStretch(1)
        layout.addWidget(self.status)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create"))
        self.admin_name.textChanged.connect(self.completeChanged)
        self.passwords.changed.connect(self.completeChanged)
        self.creating = False
        self.created = False

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return (
            not self.creating and bool(self.admin_name.text().strip()) and self.passwords.acceptable
        )

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        wizard = self.wizard()
        if self.created:
            return True
        if not self.creating and isinstance(wizard, FirstRunWizard):
            wizard.create_data_folder()
        return False

    def set_creating(self, creating: bool) -> None:
        self.creating = creating
        self.status.setText(
            self.tr("Creating the encrypted database… this takes a few seconds.")
            if creating
            else ""
        )
        self.admin_name.setEnabled(not creating)
        self.passwords.setEnabled(not creating)
        self.completeChanged.emit()


class RecoveryCodePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Write down the recovery code"))
        self.setSubTitle(
            self.tr(
                "If every password is forgotten, this code is the only way to open the "
                "records again. It is shown only now and is not stored anywhere."
            )
        )
        self.code = QLabel()
        self.code.setObjectName("recoveryCodeDisplay")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.code.setFont(font)
        self.code.setWordWrap(True)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.confirm = QCheckBox(self.tr("I have written it down and will keep it somewhere safe"))
        self.confirm.setObjectName("confirmWritten")
        self.confirm.toggled.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addSpacing(12)
        layout.addWidget(self.code)
        layout.addSpacing(12)
        layout.addWidget(
            _note(
                self.tr(
                    "Write it on paper and keep it locked away from this computer, for "
                    "example in the branch's safe. Anyone with the code can open the records."
                )
            )
        )
        layout.addStretch(1)
        layout.addWidget(self.confirm)

    def set_code(self, code: str) -> None:
        # Groups of four, four groups to a line: easy to copy by hand without mistakes.
        groups = code.split("-")
        lines = ["  ".join(groups[i : i + 4]) for i in range(0, len(groups), 4)]
        self.code.setText("\n".join(lines))

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self.confirm.isChecked()


class FirstRunWizard(QWizard):
    #: Set up and unlocked: the signed-in secretary.
    finished_setup = Signal(object)  # User

    def __init__(
        self,
        ops: Operations,
        folder: Path,
        *,
        kdf: KdfParams | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.folder = folder
        self.kdf = kdf
        self.user: User | None = None
        self.setWindowTitle(self.tr("Set up Lianxin"))
        self.setWindowIcon(icon("lianxin"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, icon("lianxin").pixmap(48, 48))
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setMinimumSize(720, 520)
        self.branch_page = BranchPage(folder)
        self.account_page = AccountPage()
        self.recovery_page = RecoveryCodePage()
        self.addPage(self.branch_page)
        self.addPage(self.account_page)
        self.addPage(self.recovery_page)

    def create_data_folder(self) -> None:
        """Create the data folder on the database thread; the wizard moves on when done."""
        setup = Setup(
            org_name=self.branch_page.org_name.text().strip(),
            branch_name=self.branch_page.branch_name.text().strip(),
            admin_name=self.account_page.admin_name.text().strip(),
            password=self.account_page.passwords.text(),
        )
        folder, kdf = self.folder, self.kdf
        self.account_page.set_creating(True)
        self.ops.open(lambda: _create(folder, setup, kdf), self._created, on_error=self._failed)

    def _created(self, answer: tuple[User, str | None]) -> None:
        self.user, code = answer
        page = self.account_page
        page.created = True
        page.set_creating(False)
        page.passwords.clear()
        self.recovery_page.set_code(code or "")
        self.next()

    def _failed(self, exc: Exception) -> None:
        self.account_page.set_creating(False)
        show_error(self, exc)

    def accept(self) -> None:
        self.recovery_page.code.clear()
        super().accept()
        if self.user is not None:
            self.finished_setup.emit(self.user)

    def reject(self) -> None:
        # Once the data exists, leaving without the code written down is not an option.
        if self.account_page.created or self.account_page.creating:
            return
        super().reject()

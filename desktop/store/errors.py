"""Every error a user can meet, typed in one place.

Each error carries a message template and advice (what to do next), both in English and
marked for translation; `params` fill their `{placeholders}`. The UI shows every error
through one function (`desktop.ui.errors.show_error`), translated; the CLI prints the
English text on one line and exits 2.
"""

from __future__ import annotations

from typing import Any

from desktop.store.i18n import QT_TRANSLATE_NOOP as _N

CONTEXT = "Errors"


class LianxinError(Exception):
    """Base of every error meant for the user (never a programming error)."""

    #: Exit code the CLI uses for this error.
    exit_code = 2
    template = _N("Errors", "Something went wrong.")
    advice = ""

    def __init__(self, template: str | None = None, *, advice: str | None = None, **params: Any):
        if template is not None:
            self.template = template
        if advice is not None:
            self.advice = advice
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return self.template.format(**self.params)

    @property
    def advice_text(self) -> str:
        return self.advice.format(**self.params)

    def __str__(self) -> str:
        return f"{self.message} {self.advice_text}".strip()


# --- store and vault -------------------------------------------------------------------


class CipherUnavailable(LianxinError):
    template = _N(
        "Errors", "This copy of Lianxin cannot encrypt its database, so it will not open it."
    )
    advice = _N("Errors", "Reinstall Lianxin from the official package.")


class WrongKey(LianxinError):
    template = _N("Errors", "The database could not be decrypted with this key.")
    advice = _N(
        "Errors",
        "If the password was accepted, the data file may be damaged: restore it from a backup "
        "or ask HQ to resend your branch's data.",
    )


class DatabaseDamaged(LianxinError):
    template = _N("Errors", "The database is damaged: {detail}")
    advice = _N("Errors", "Restore it from a backup, or ask HQ to resend your branch's data.")


class VaultNotFound(LianxinError):
    template = _N("Errors", "No Lianxin data was found in {path}.")
    advice = _N("Errors", "Run the first-run setup, or choose the right data folder.")


class VaultExists(LianxinError):
    template = _N("Errors", "Lianxin data already exists in {path}.")
    advice = _N("Errors", "Open it instead, or choose an empty folder.")


class VaultTooNew(LianxinError):
    template = _N(
        "Errors",
        "This data was written by a newer version of Lianxin (format {found}; this version "
        "understands up to {supported}). Nothing was changed.",
    )
    advice = _N("Errors", "Update Lianxin to open it.")


class VaultDamaged(LianxinError):
    template = _N("Errors", "The key file of this data folder is damaged or was altered: {detail}")
    advice = _N("Errors", "Restore the folder from a backup, or ask HQ for recovery.")


class WrongPassword(LianxinError):
    template = _N("Errors", "Wrong user name or password ({failures} failed attempts).")
    advice = _N("Errors", "Wait {wait:.0f} seconds before the next try.")

    def __init__(self, *, failures: int, wait: float) -> None:
        # The first failures carry no wait: then there is nothing to advise.
        super().__init__(advice=None if wait >= 1 else "", failures=failures, wait=wait)


class UnlockThrottled(LianxinError):
    template = _N("Errors", "Too many failed attempts for {user}.")
    advice = _N("Errors", "Try again in {wait:.0f} seconds.")


class SlotLocked(LianxinError):
    template = _N("Errors", "The account {user} is locked after {failures} wrong passwords.")
    advice = _N(
        "Errors", "Ask the branch secretary to reset the password, or use the recovery code."
    )


class UnknownUser(LianxinError):
    template = _N("Errors", "There is no user called {user} on this computer.")
    advice = _N("Errors", "Check the spelling, or ask the branch secretary to add you.")


class UserExists(LianxinError):
    template = _N("Errors", "A user called {user} already exists.")
    advice = _N("Errors", "Choose another name.")


class LastSecretary(LianxinError):
    template = _N("Errors", "{user} is the last secretary on this computer.")
    advice = _N("Errors", "Make another user secretary first.")


class WeakPassword(LianxinError):
    template = _N("Errors", "The password is too short: use at least {minimum} characters.")


class InvalidUserName(LianxinError):
    template = _N("Errors", "A user name needs 1 to 32 characters without spaces at either end.")


class RecoveryFailed(LianxinError):
    template = _N("Errors", "The recovery code does not open this data.")
    advice = _N("Errors", "Check the code (letters and digits; dashes are optional) or ask HQ.")


class VaultLocked(LianxinError):
    template = _N("Errors", "Lianxin is locked.")
    advice = _N("Errors", "Unlock it with your password.")


# --- records ---------------------------------------------------------------------------


class UnknownTable(LianxinError):
    template = _N("Errors", "Unknown kind of record: {table}.")


class InvalidValue(LianxinError):
    template = _N("Errors", "{column}: {problem}")


class RecordNotFound(LianxinError):
    template = _N("Errors", "The record {row_id} does not exist or was deleted.")


# --- domain ----------------------------------------------------------------------------


class PermissionDenied(LianxinError):
    template = _N("Errors", "Your role ({role}) does not allow this: {action}.")
    advice = _N("Errors", "Ask the branch secretary if you need it.")


class InvalidInput(LianxinError):
    """Bad input from a form or a command line; the template says what is wrong."""

    template = _N("Errors", "Invalid input: {detail}")

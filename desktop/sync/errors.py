"""What can go wrong with sync, in words for a branch officer, with what to do next."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.store.errors import LianxinError
from desktop.store.i18n import QT_TRANSLATE_NOOP as _N

if TYPE_CHECKING:
    from desktop.sync.protocol import ErrorBody


class SyncError(LianxinError):
    template = _N("Errors", "Sync did not finish.")
    advice = _N("Errors", "Nothing was lost. Lianxin will try again.")


class NotEnrolled(SyncError):
    template = _N("Errors", "This computer is not yet connected to HQ.")
    advice = _N("Errors", "Ask HQ for an enrolment code, then enter it under Sync → Connect to HQ.")


class AlreadyEnrolled(SyncError):
    template = _N("Errors", "This computer is already connected to HQ ({server}).")
    advice = _N("Errors", "Nothing needs to be done; use Sync now to exchange changes.")


class HqUnreachable(SyncError):
    """No answer: link down, cut mid-transfer, or stalled."""

    template = _N("Errors", "HQ could not be reached: {detail}")
    advice = _N(
        "Errors",
        "Nothing was lost; changes wait on this computer. Lianxin tries again when the link "
        "returns.",
    )


class HqRefused(SyncError):
    template = _N("Errors", "HQ refused the request: {reason}")
    advice = _N("Errors", "Nothing was lost. If this keeps happening, tell HQ what it says.")

    def __init__(
        self, *, status: int, code: str, reason: str, body: ErrorBody | None = None
    ) -> None:
        super().__init__(reason=reason)
        self.status = status
        self.code = code
        #: HQ's whole answer: the changes it refused, a wipe order, its clock.
        self.body = body

    @property
    def server_time_ms(self) -> int | None:
        return None if self.body is None else self.body.server_time_ms


class UpdateNeeded(HqRefused):
    template = _N("Errors", "HQ and this computer use different versions of Lianxin: {reason}")
    advice = _N("Errors", "Update Lianxin (or ask HQ to), then sync again. Nothing was lost.")


class DeviceRevoked(HqRefused):
    template = _N("Errors", "HQ no longer accepts this computer: {reason}")
    advice = _N(
        "Errors",
        "Ask HQ whether it was revoked on purpose; to sync again it must be enrolled anew.",
    )


class EnrolmentFailed(SyncError):
    template = _N("Errors", "The enrolment code was not accepted: {reason}")
    advice = _N(
        "Errors",
        "Check the code (it is valid for 24 hours and works once) or ask HQ for a new one.",
    )


class CertificateRejected(SyncError):
    template = _N("Errors", "HQ's certificate could not be verified: {detail}")
    advice = _N(
        "Errors",
        "Someone may be intercepting the link, or HQ changed its certificate. Do not sync; "
        "call HQ to check.",
    )


class BundleRefused(SyncError):
    template = _N("Errors", "This sync file cannot be used: {reason}")
    advice = _N(
        "Errors",
        "Make sure the file was made for this computer (or for HQ) and copied whole, then try "
        "again.",
    )


class SyncCancelled(SyncError):
    template = _N("Errors", "Sync was cancelled.")
    advice = _N("Errors", "What was already exchanged is kept; the rest goes next time.")

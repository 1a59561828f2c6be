"""HQ's errors: operator mistakes (the CLI prints them on one line and exits 2) and the
refusals a device gets, each with its HTTP status, a code for programs and a reason for
people."""

from __future__ import annotations

from desktop.sync.protocol import Rejected


class HqError(Exception):
    """A mistake an operator can fix (wrong argument, missing passphrase, unknown id)."""


class Refusal(Exception):
    """A request HQ refuses; becomes an ErrorBody with `status`."""

    def __init__(
        self,
        status: int,
        code: str,
        reason: str,
        *,
        rejected: tuple[Rejected, ...] = (),
        wipe: dict[str, str] | None = None,
    ) -> None:
        super().__init__(reason)
        self.status = status
        self.code = code
        self.reason = reason
        self.rejected = rejected
        self.wipe = wipe

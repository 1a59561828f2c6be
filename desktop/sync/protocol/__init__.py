"""The sync/v1 protocol, shared by the desktop client and HQ.

What crosses the wire and how: the messages (push, pull, enrolment, errors), their
encoding (compact JSON compressed with zstd, decoded within size limits), the request
signature (Ed25519 over method, path, body digest, time and nonce), the check of a change
against the schema registry, and HQ's signed wipe orders. Offline bundles carry these same
messages in a file. Imports only the standard library, cryptography, zstandard and the
store's schema.

Values travel in the form the store keeps them: text, integers (booleans as 0/1), floats,
null, JSON columns as canonical JSON text, blobs as {"$b": base64}.

    wire.py      constants, errors, encoding and decoding
    messages.py  the messages and their wire forms
    signing.py   request signatures, public keys, wipe orders
    changes.py   a change checked against the schema registry
    bundle.py    offline bundles: the file format, its encryption and signature, and
                 what a device's bundle and HQ's reply carry
"""

from __future__ import annotations

from desktop.sync.protocol.bundle import (
    BundleError,
    BundleHeader,
    DeviceBundle,
    ReplyBundle,
    SealedBundle,
)
from desktop.sync.protocol.changes import (
    change_fields,
    check_change,
    check_value,
    created_fields,
    value_json,
)
from desktop.sync.protocol.messages import (
    Change,
    ConflictRecord,
    EncodedRows,
    EnrollRequest,
    EnrollResponse,
    ErrorBody,
    PulledField,
    PulledRow,
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
    Rejected,
    RowRef,
    Stamped,
    Version,
)
from desktop.sync.protocol.signing import (
    SignedHeaders,
    WipeOrder,
    encode_public_key,
    load_recovery_public_key,
    load_signing_public_key,
    sign_request,
    signing_text,
)
from desktop.sync.protocol.wire import (
    AUDIENCE,
    CLOCK_WINDOW_MS,
    CONTENT_TYPE,
    DEFAULT_PULL_LIMIT,
    DELETED,
    ENROLL_PATH,
    HEADER_DEVICE,
    HEADER_NONCE,
    HEADER_SIGNATURE,
    HEADER_TIME,
    MAX_BODY_BYTES,
    MAX_DECODED_BYTES,
    MAX_INLINE_BLOB,
    MAX_PULL_LIMIT,
    MAX_PUSH_CHANGES,
    OWNER,
    PROTOCOL,
    PULL_PATH,
    PUSH_PATH,
    V1_PULL_LIMIT,
    AuthFailure,
    BodyTooLarge,
    InvalidChange,
    ProtocolError,
    Value,
    decode_body,
    dumps,
    encode_body,
    is_valid_hlc,
    is_valid_id,
    now_ms,
    read_value,
    wire_value,
)

__all__ = [
    "AUDIENCE",
    "CLOCK_WINDOW_MS",
    "CONTENT_TYPE",
    "DEFAULT_PULL_LIMIT",
    "DELETED",
    "ENROLL_PATH",
    "HEADER_DEVICE",
    "HEADER_NONCE",
    "HEADER_SIGNATURE",
    "HEADER_TIME",
    "MAX_BODY_BYTES",
    "MAX_DECODED_BYTES",
    "MAX_INLINE_BLOB",
    "MAX_PULL_LIMIT",
    "MAX_PUSH_CHANGES",
    "OWNER",
    "PROTOCOL",
    "PULL_PATH",
    "PUSH_PATH",
    "V1_PULL_LIMIT",
    "AuthFailure",
    "BodyTooLarge",
    "BundleError",
    "BundleHeader",
    "Change",
    "ConflictRecord",
    "DeviceBundle",
    "EncodedRows",
    "EnrollRequest",
    "EnrollResponse",
    "ErrorBody",
    "InvalidChange",
    "ProtocolError",
    "PullRequest",
    "PullResponse",
    "PulledField",
    "PulledRow",
    "PushRequest",
    "PushResponse",
    "Rejected",
    "ReplyBundle",
    "RowRef",
    "SealedBundle",
    "SignedHeaders",
    "Stamped",
    "Value",
    "Version",
    "WipeOrder",
    "change_fields",
    "check_change",
    "check_value",
    "created_fields",
    "decode_body",
    "dumps",
    "encode_body",
    "encode_public_key",
    "is_valid_hlc",
    "is_valid_id",
    "load_recovery_public_key",
    "load_signing_public_key",
    "now_ms",
    "read_value",
    "sign_request",
    "signing_text",
    "value_json",
    "wire_value",
]

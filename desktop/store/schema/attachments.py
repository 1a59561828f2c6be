"""Files attached to records: scans in a member's archive, meeting minutes, study audio.

A row names the record it belongs to and the file's content by its SHA-256; the content
itself is stored encrypted beside the database (desktop.store.blobs) and moves between
devices through the blob endpoints, never inside a change. A feature attaches files to
its records by writing rows here; nothing else is needed for them to sync.
"""

from __future__ import annotations

from desktop.store.schema.registry import Column, ColumnType, Scope, Search, Table

#: "media" (audio, video) is fetched on demand; the rest is fetched after the records.
KINDS = ("document", "image", "media")

ATTACHMENTS = Table(
    "attachments",
    (
        Column("record_table", required=True, max_length=63),
        Column("record_id", required=True, max_length=64, indexed=True),
        Column("name", required=True, max_length=255, search=Search.TEXT),
        Column("mime", max_length=127),
        Column("kind", required=True, choices=KINDS),
        Column("sha256", required=True, max_length=64, indexed=True),
        Column("size", ColumnType.INTEGER, required=True),
    ),
    Scope.ORG,
    doc="Files attached to records; content is addressed by SHA-256.",
)

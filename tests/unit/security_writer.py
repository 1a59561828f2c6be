"""Child process for test_security.py: writes personal data through the store, then
holds the database open until told to close it, so the parent can scan every file while
the WAL is live and again after closing.

    python security_writer.py DATA_DIR USER   (password in LIANXIN_PASSWORD, markers as a
                                               JSON object in LIANXIN_MARKERS)

Run with TMPDIR/SQLITE_TMPDIR pointing at a folder the parent scans. Control markers are
written to the log and to a temp file on purpose: the parent must find them, which shows
that its scan reaches those places and decodes those encodings.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop.settings import AUTO_LOCK_MINUTES, LANGUAGE, Settings  # noqa: E402
from desktop.store.workspace import Workspace  # noqa: E402

log = logging.getLogger("security_writer")


def main() -> None:
    folder, user = Path(sys.argv[1]), sys.argv[2]
    markers = json.loads(os.environ["LIANXIN_MARKERS"])
    logs = folder / "logs"
    logs.mkdir(exist_ok=True)
    handler = logging.FileHandler(logs / "lianxin.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.DEBUG, handlers=[handler])

    ws = Workspace.unlock(folder, user, os.environ["LIANXIN_PASSWORD"])
    settings = Settings.for_data_dir(folder)
    settings.set(LANGUAGE, "en")
    settings.set(AUTO_LOCK_MINUTES, 15)

    r = ws.records
    with r.transaction():
        member = r.insert(
            "members",
            {
                "name": markers["name"],
                "former_names": markers["former_name"],
                "id_number": markers["id_number"],
                "phone": markers["phone"],
                "work_unit": markers["free_text"],
            },
            owner_org=ws.org_id,
        )
        # Filler, so that sorting and the index have real work to do.
        r.insert_many(
            "members",
            [{"name": f"成员{n}", "work_unit": f"单位{n % 97}"} for n in range(3000)],
            owner_org=ws.org_id,
        )
    with r.transaction():
        r.update("members", member, {"post": markers["free_text_cjk"]})
        gone = r.insert("members", {"name": markers["deleted_name"]}, owner_org=ws.org_id)
    with r.transaction():
        r.delete("members", gone)
        r.insert(
            "org_units",
            {"name": markers["org_name"], "level": "group", "parent_id": ws.org_id},
            owner_org=ws.org_id,
        )
    # Work that would spill to temp files if temp_store were not MEMORY.
    ws.db.query("SELECT * FROM members ORDER BY work_unit DESC, post, name")
    ws.db.execute("CREATE TEMP TABLE scratch AS SELECT * FROM members")
    ws.db.query("SELECT DISTINCT name, work_unit FROM temp.scratch ORDER BY 2, 1")
    assert r.search_rowids("members", markers["name"])
    assert r.search_rowids("members", markers["id_number"])

    # Controls the parent must find (they are not personal data).
    log.info("control marker %s", markers["control"])
    with tempfile.NamedTemporaryFile("wb", delete=False, suffix=".control") as f:
        f.write(markers["control"].encode("utf-16-le"))

    print("ready", flush=True)
    sys.stdin.readline()
    ws.close()
    logging.shutdown()
    print("closed", flush=True)


if __name__ == "__main__":
    main()

"""Child process for test_crash.py: writes to a data folder in a loop until killed.

    python crash_writer.py DATA_DIR USER SEED   (password in LIANXIN_PASSWORD)

(The test forks and calls `run` instead, to skip the interpreter's start-up each round.)

Each iteration is one committed transaction: an insert, an update, or a mix of inserts,
updates and a delete. Only after the commit returns does it print, flushed,
`committed N {json of the writes}`; the parent kills it with SIGKILL at random moments and
checks that every write reported committed survived.
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop.store.workspace import Workspace  # noqa: E402


def run(folder: Path, user: str, password: str, seed: int) -> None:
    rng = random.Random(seed)
    ws = Workspace.unlock(folder, user, password)
    r = ws.records
    live = [row["id"] for row in r.query("members")]
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        tag = f"{seed}-{n}"
        writes: list[dict[str, Any]] = []
        kind = rng.random()
        with r.transaction():
            if kind < 0.45 or len(live) < 3:
                values = {"name": f"成员{tag}", "work_unit": f"单位{tag}"}
                row_id = r.insert("members", values, owner_org=ws.org_id)
                writes.append({"op": "insert", "id": row_id, "values": values})
            elif kind < 0.85:
                row_id = rng.choice(live)
                values = {"post": f"岗位{tag}", "phone": f"1{seed % 100:02d}{n:08d}"}
                r.update("members", row_id, values)
                writes.append({"op": "update", "id": row_id, "values": values})
            else:
                rows = [{"name": f"批量{tag}-{i}", "ethnicity": "汉族"} for i in range(3)]
                ids = r.insert_many("members", rows, owner_org=ws.org_id)
                writes += [
                    {"op": "insert", "id": i, "values": v} for i, v in zip(ids, rows, strict=True)
                ]
                target = rng.choice(live)
                values = {"name": f"改名{tag}"}
                r.update("members", target, values)
                writes.append({"op": "update", "id": target, "values": values})
                victim = rng.choice([x for x in live if x != target])
                r.delete("members", victim)
                writes.append({"op": "delete", "id": victim})
        for w in writes:
            if w["op"] == "insert":
                live.append(w["id"])
            elif w["op"] == "delete":
                live.remove(w["id"])
        print(f"committed {n} {json.dumps(writes, ensure_ascii=False)}", flush=True)


if __name__ == "__main__":
    run(Path(sys.argv[1]), sys.argv[2], os.environ["LIANXIN_PASSWORD"], int(sys.argv[3]))

"""The HQ sync service (FastAPI over SQLAlchemy Core, on PostgreSQL or SQLite) and its
admin CLI `lianxin-hq`.

    app.py      the FastAPI app: enroll, push, pull, /health, /metrics
    auth.py     signed requests, the replay cache, revoked devices and wipe orders
    merge.py    per-field merge of pushed changes, conflict records
    pull.py     pull pages for a device's scope
    scope.py    what a device may read and write, from its identity
    orgs.py     the org tree (and its synced table)
    devices.py  enrolment codes, devices, revocation
    keys.py     HQ's key pairs, sealed under the operator's passphrase
    tables.py   the database tables; db.py the engine and transactions
    cli.py      `lianxin-hq`
"""

"""The pages of the main window. A feature adds its page to `default_registry()`."""

from __future__ import annotations

from desktop.ui.navigation import PageRegistry
from desktop.ui.pages import (
    conflicts_page,
    development_page,
    members_page,
    org_page,
    overview_page,
    roster_page,
    sync_page,
    transfers_page,
    users_page,
)


def default_registry() -> PageRegistry:
    registry = PageRegistry()
    for spec in (
        overview_page.PAGE,
        members_page.PAGE,
        roster_page.PAGE,
        org_page.PAGE,
        development_page.PAGE,
        transfers_page.PAGE,
        sync_page.PAGE,
        conflicts_page.PAGE,
        users_page.PAGE,
    ):
        registry.register(spec)
    return registry

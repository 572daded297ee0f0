"""Who is looking at a page, and the page's frame (navigation, account links, CSRF token).

A :class:`Visit` is built for every page from the request pipeline's dependencies
(:mod:`careermap.api.deps`): the store, the signed-in user (the local user in local mode),
the CSRF token for the page's forms, and whether the server runs with accounts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from careermap.store import Store
    from careermap.store.records import User

__all__ = ["Chrome", "Visit"]

#: (key, path, label) of the main navigation
_LINKS: tuple[tuple[str, str, str], ...] = (
    ("start", "/", "Start"),
    ("quiz", "/quiz", "Quiz"),
    ("plans", "/plans", "My plans"),
    ("roles", "/roles", "Roles"),
    ("skills", "/skills", "Skills"),
    ("salary", "/salary", "Pay"),
)


@dataclass(frozen=True)
class Chrome:
    """What the frame of every page shows."""

    accounts: bool
    user: User | None
    csrf: str
    active: str
    links: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Visit:
    """One request to a page: the store, the person (None when signed out), the CSRF token."""

    store: Store
    accounts: bool
    user: User | None
    csrf: str

    @property
    def signed_in(self) -> bool:
        return self.user is not None

    @property
    def is_advisor(self) -> bool:
        return self.user is not None and self.user.role in ("advisor", "admin")

    def chrome(self, active: str) -> Chrome:
        links = list(_LINKS)
        if self.accounts and self.user is None:
            links = [link for link in links if link[0] != "plans"]
        if self.accounts and self.user is not None:
            if self.is_advisor:
                links.append(("cohorts", "/cohorts", "Cohorts"))
            else:
                links.append(("sharing", "/sharing", "Sharing"))
        return Chrome(self.accounts, self.user, self.csrf, active, links)

    def context(self, active: str, **values: Any) -> dict[str, Any]:
        """A page's template context: the frame and the page's own values."""
        return {"chrome": self.chrome(active), "visit": self, **values}

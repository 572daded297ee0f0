"""What a course costs a learner, under stated assumptions.

- ``free``: 0.
- ``subscription``: a monthly price times the whole months the course takes at the
  learner's pace, studying it alone (hours / (hours per week x 52 / 12), rounded up, at
  least one month). The monthly price is the course's ``price_usd`` when the catalogue
  gives one, otherwise :data:`SUBSCRIPTION_USD_PER_MONTH`, an assumption (a typical
  monthly price of the large course platforms, not a quoted figure). Courses on one
  platform can share a subscription, so a plan's total is an upper bound.
- ``paid``: the course's ``price_usd``; when the catalogue states none,
  :data:`PAID_DEFAULT_USD`, an assumption.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from careermap.knowledge.schemas import Course

__all__ = ["PAID_DEFAULT_USD", "SUBSCRIPTION_USD_PER_MONTH", "WEEKS_PER_MONTH", "CostModel"]

SUBSCRIPTION_USD_PER_MONTH = 49.0
PAID_DEFAULT_USD = 100.0
WEEKS_PER_MONTH = 52 / 12


@dataclass(frozen=True)
class CostModel:
    hours_per_week: float
    subscription_usd_per_month: float = SUBSCRIPTION_USD_PER_MONTH
    paid_default_usd: float = PAID_DEFAULT_USD

    def months(self, course: Course) -> int:
        per_month = self.hours_per_week * WEEKS_PER_MONTH
        return max(1, math.ceil(course.hours / per_month - 1e-9))

    def cost(self, course: Course) -> float:
        return self.price(course)[0]

    def price(self, course: Course) -> tuple[float, str]:
        """The estimated cost in USD and one line saying how it was reached."""
        if course.cost == "free":
            return 0.0, "free"
        if course.cost == "paid":
            if course.price_usd is not None:
                return round(course.price_usd, 2), f"USD {course.price_usd:g} (catalogue price)"
            return self.paid_default_usd, (
                f"price not stated; assumed USD {self.paid_default_usd:g}"
            )
        monthly = course.price_usd
        said = "catalogue price"
        if monthly is None:
            monthly, said = self.subscription_usd_per_month, "assumed price"
        n = self.months(course)
        return round(monthly * n, 2), (
            f"subscription: {n} month{'s' if n > 1 else ''} x USD {monthly:g} ({said}) "
            f"at {self.hours_per_week:g} h/week"
        )

    def basis(self) -> str:
        return (
            "Free courses cost 0. Subscriptions: USD "
            f"{self.subscription_usd_per_month:g}/month unless the catalogue states a price "
            f"(an assumption), times the whole months a course takes at "
            f"{self.hours_per_week:g} h/week; courses on one platform can share a "
            "subscription, so this is an upper bound. Paid courses: the catalogue price, or "
            f"an assumed USD {self.paid_default_usd:g} when none is stated."
        )

"""Listing pages that stay fast at any table size.

A listing page never counts the whole table: each page fetches one row more than it
shows to know whether another page follows. Page numbers stop at MAX_PAGES, so the
deepest offset a reader can ask for is fixed (older articles stay reachable through
search, tags, authors and the sitemaps) and never grows with the table.
"""

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db.models import Count, Window
from django.db.models.expressions import RowRange
from django.utils.functional import cached_property

MAX_PAGES = 100


def page_number(paginator: Paginator, number) -> int:
    """The asked-for page as a number from 1, before anything is read (404 otherwise)."""
    try:
        number = int(number)
    except (TypeError, ValueError):
        raise PageNotAnInteger(paginator.error_messages["invalid_page"]) from None
    if number < 1:
        raise EmptyPage(paginator.error_messages["min_page"])
    return number


class ListingPage(Page):
    def __init__(self, object_list, number, paginator, *, has_next: bool):
        super().__init__(object_list, number, paginator)
        self._has_next = has_next

    def has_next(self) -> bool:
        return self._has_next

    def end_index(self) -> int:
        return self.start_index() + len(self.object_list) - 1


class ListingPaginator(Paginator):
    """A paginator that neither counts nor reaches past MAX_PAGES pages."""

    def validate_number(self, number):
        number = page_number(self, number)
        if number > MAX_PAGES:
            raise EmptyPage(self.error_messages["no_results"])
        return number

    def page(self, number):
        number = self.validate_number(number)
        start = (number - 1) * self.per_page
        rows = list(self.object_list[start : start + self.per_page + 1])
        if not rows and number > 1:
            raise EmptyPage(self.error_messages["no_results"])
        has_next = len(rows) > self.per_page and number < MAX_PAGES
        return ListingPage(rows[: self.per_page], number, self, has_next=has_next)

    @cached_property
    def count(self) -> int:
        # Only `?page=last` asks; the listing templates never show a total.
        return min(super().count, MAX_PAGES * self.per_page)


class CountInPagePaginator(Paginator):
    """Counts the matches ("12 results") in the page's own query, as COUNT(*) OVER ().

    Search must read every match to rank them anyway, so the count costs nothing more
    there, and the page needs one query instead of two (count, then page).
    """

    def page(self, number):
        number = page_number(self, number)
        start = (number - 1) * self.per_page
        # The window counts every row in the page's own order: PostgreSQL then works out the
        # order's key (search's rank) before the window, which keeps narrow rows; otherwise
        # what the key reads (the search vectors) went through it, spilling to disk.
        window = Window(
            Count("pk"), order_by=list(self.object_list.query.order_by), frame=RowRange()
        )
        counted = self.object_list.annotate(total_matches=window)
        rows = list(counted[start : start + self.per_page])
        if rows:
            self.__dict__["count"] = rows[0].total_matches  # the count property, known now
        elif number > 1:
            raise EmptyPage(self.error_messages["no_results"])
        else:
            self.__dict__["count"] = 0
        return self._get_page(rows, number, self)

"""Every page family of the site, in planning order.

Order decides who keeps a contested path: listings first, then files (feeds,
exports, stylesheet), then entity pages, then hand-written pages. To add a page
type: write its class in a module here and list it below, and write its template.
"""

from __future__ import annotations

from generator.site.pages.archive import ArticlesListing, DatesListing, MonthPage, QuotesListing, QuotesMonthPage
from generator.site.pages.article import ArticlePage
from generator.site.pages.entities import OutletPage, PersonPage, RatingPage, TopicPage
from generator.site.pages.exports import DataExports
from generator.site.pages.files import Feeds, Stylesheet
from generator.site.pages.listings import (
    HomeListing,
    OutletsListing,
    PeopleListing,
    RatingsListing,
    TopicsListing,
    VerdictsListing,
)
from generator.site.pages.verdict import VerdictPage
from generator.site.pagetype import PageType

PAGE_TYPES: tuple[PageType, ...] = (
    HomeListing(),
    VerdictsListing(),
    RatingsListing(),
    TopicsListing(),
    OutletsListing(),
    PeopleListing(),
    ArticlesListing(),
    DatesListing(),
    QuotesListing(),
    Stylesheet(),
    Feeds(),
    DataExports(),
    VerdictPage(),
    ArticlePage(),
    PersonPage(),
    OutletPage(),
    RatingPage(),
    TopicPage(),
    MonthPage(),
    QuotesMonthPage(),
)

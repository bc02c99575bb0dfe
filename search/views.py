"""The reader's search page, /search/?q=…"""

import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import F
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.utils.timezone import template_localtime
from django.views.decorators.http import require_safe
from modelsearch.query import And, Or, Phrase, PlainText
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, Site
from wagtail.search.utils import normalise_query_string

from core.listing import page_range_with_gaps, paginate
from feeds.items import publish_time
from search.backends.common import phrase_alternatives, phrase_text
from search.filters import content_type_choices, existing_models, parse_filters, section_choices
from search.segmentation import MAX_QUERY_LENGTH, highlight_words, query_terms
from search.snippets import highlight, searchable_text, snippet
from sitecache import cache as site_cache
from sitecache.cache import current_version
from sitecache.pages import private_q

RESULTS_PER_PAGE = 10
MAX_PROMOTIONS = 5
# Shown on the empty search page and when nothing matches.
SUGGESTED_QUERIES = ["劳模", "五一劳动奖章", "职工维权", "12351", "困难职工帮扶", "技能竞赛"]
SEARCH_CACHE_SECONDS = 60
# Kept per site version (a publication anywhere replaces it, in every server process)
# and per minute: a display date passing is not a publish event.
FUTURE_IDS_CACHE_SECONDS = 60
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
# Chinese input methods type “…” (or 「…」) for quotes; all of them mark a phrase.
QUOTES = re.compile(r"[\"“”＂「」『』]")


@dataclass
class ReaderQuery:
    """What the reader typed: quoted phrases, which must appear as typed, and loose words."""

    words: str
    phrases: list

    @classmethod
    def parse(cls, text):
        # Quotes alternate open/close; an unclosed quote runs to the end.
        pieces = QUOTES.split(text)
        phrases = [phrase_text(piece) for piece in pieces[1::2]]
        return cls(
            words=" ".join(" ".join(pieces[0::2]).split()),
            phrases=list(dict.fromkeys(phrase for phrase in phrases if phrase_alternatives(phrase))),
        )

    @property
    def unit_count(self):
        return len(query_terms(self.words)) + len(self.phrases)

    def search_query(self, operator):
        if not self.phrases:
            return PlainText(self.words, operator=operator)
        parts = [Phrase(phrase) for phrase in self.phrases]
        if query_terms(self.words):
            parts.insert(0, PlainText(self.words, operator=operator))
        if len(parts) == 1:
            return parts[0]
        return Or(parts) if operator == "or" else And(parts)

    def highlight_words(self):
        # A phrase is marked whole; loose words as before (each word and its parts).
        return sorted({*self.phrases, *highlight_words(self.words)}, key=len, reverse=True)

    def without_quotes(self):
        return " ".join([self.words, *self.phrases]).strip()


@dataclass(frozen=True)
class HitCard:
    """What the result list shows of a page, whatever question finds it: kept per page and site
    until the site changes (a page's title, address, date and text change only when it is published
    again). Dates as the template's `date` filter writes them (`c` and `Y-m-d`, the site's time zone)."""

    title: str
    url: str
    kind: str
    date_iso: str
    date_text: str
    text: str


@dataclass
class Result:
    title: str
    snippet: str
    kind: str
    url: str
    date_iso: str
    date_text: str


def future_article_ids():
    """Live articles whose display date is still ahead: hidden from listings until then, so from search too."""
    key = f"search:future-article-ids:{current_version()}:{int(time.time() // FUTURE_IDS_CACHE_SECONDS)}"
    ids = cache.get(key)
    if ids is None:
        ids = [
            page_id
            for model in existing_models(["news.ArticlePage"])
            for page_id in model.objects.filter(display_date__gt=timezone.now())
            .order_by()
            .values_list("pk", flat=True)[:1000]
        ]
        cache.set(key, ids, FUTURE_IDS_CACHE_SECONDS)
    return ids


def public_pages(site):
    """What a reader may find: live, public pages of this site (never drafts or private pages)."""
    queryset = Page.objects.live().exclude(private_q())  # `.public()`, from the site cache
    if site is not None:
        queryset = queryset.descendant_of(site.root_page, inclusive=False)
    future = future_article_ids()
    if future:
        queryset = queryset.exclude(id__in=future)
    return queryset


KIND_LABELS = {
    "ArticlePage": "新闻",
    "WorkerPage": "劳模",
    "CampaignPage": "专题",
    "NewsSectionPage": "栏目",
}


def kind_label(page):
    return KIND_LABELS.get(getattr(page.specific_class, "__name__", ""), "页面")


def hit_card(page, request):
    # The date a reader sees on the page itself (an article's display date), as the feeds give it.
    date = publish_time(page)
    local = template_localtime(date) if date else None
    return HitCard(
        title=page.title,
        # With the request, Wagtail reads the sites' root paths once for all the pages built together.
        url=page.get_url(request=request),
        kind=kind_label(page),
        date_iso=dateformat.format(local, "c") if local else "",
        date_text=dateformat.format(local, "Y-m-d") if local else "",
        text=searchable_text(page),
    )


def hit_cards(pks, request, site):
    """{pk: HitCard} of the pages `pks`, in one cache round trip; pages not kept yet are loaded
    together. A page deleted since it was ranked is left out."""
    site_pk = getattr(site, "pk", None)
    names = {f"search-hit:{site_pk}:{pk}": pk for pk in pks}

    def build(missing):
        found = Page.objects.filter(pk__in=[names[name] for name in missing]).specific()
        return {f"search-hit:{site_pk}:{page.pk}": hit_card(page, request) for page in found}

    return {names[name]: card for name, card in site_cache.remember_many(list(names), build).items()}


def hit_pks(results):
    """The primary keys of a page of search results, best first. The ranked window knows them
    without loading the pages (`ranked_pks`); other backends' results are loaded for them."""
    ranked_pks = getattr(results, "ranked_pks", None)
    pks = ranked_pks() if ranked_pks is not None else None
    return pks if pks is not None else [page.pk for page in results]


def build_results(pks, words, request, site):
    """What the list shows of each hit: its kept card, with the reader's words marked."""
    cards = hit_cards(pks, request, site)
    return [
        Result(
            title=highlight(card.title, words),
            snippet=snippet(card.text, words),
            kind=card.kind,
            url=card.url,
            date_iso=card.date_iso,
            date_text=card.date_text,
        )
        for card in (cards.get(pk) for pk in pks)
        if card is not None
    ]


def promotions_for(query, visible_pages, site):
    # Editors pin results for words, so “五一劳动奖章” gets what 五一劳动奖章 gets.
    normalised = normalise_query_string(QUOTES.sub(" ", query))
    if not normalised:
        return []
    # Every page of results and every filter of a question shows the same picks: looked up once per
    # minute and site version (a pick, or a page it names, changing replaces the version).
    return site_cache.remember(
        f"search-promotions:{getattr(site, 'pk', None)}:{normalised}:{site_cache.current_minute()}",
        lambda: _visible_promotions(normalised, visible_pages),
    )


def _visible_promotions(normalised, visible_pages):
    picks = (
        SearchPromotion.objects.filter(query__query_string=normalised)
        .select_related("page")
        .order_by(F("sort_order").asc(nulls_last=True), "pk")[:MAX_PROMOTIONS]
    )
    allowed = set(
        visible_pages.filter(id__in=[p.page_id for p in picks if p.page_id]).values_list("pk", flat=True)
    )
    return [pick for pick in picks if pick.external_link_url or pick.page_id in allowed]


def search_context(request, raw_query, query):
    """What the results part of the search page shows for this request."""
    notes = []
    if len(raw_query) > MAX_QUERY_LENGTH:
        notes.append(f"检索词过长，只按前 {MAX_QUERY_LENGTH} 个字检索。")
    site = Site.find_for_request(request)
    visible_pages = public_pages(site)
    sections = section_choices(site.root_page if site else None)
    filters = parse_filters(request, sections)
    notes.extend(filters.notes)

    reader_query = ReaderQuery.parse(query)
    searchable = reader_query.unit_count > 0
    if query and not searchable:
        notes.append("检索词里没有可以检索的文字或数字，请换个说法试试。")

    context = {
        # For `{% sitefragment %}` alone: the content is kept and shown to every reader who asks the
        # same question, so nothing in it may depend on this reader's request.
        "request": request,
        "search_query": query,
        "filters": filters,
        "type_choices": content_type_choices(),
        # The filter controls depend on the site's sections and the filters chosen, not the question.
        "filters_fragment_key": f"{getattr(site, 'pk', None)}:{urlencode(filters.as_query_params())}",
        "sections": sections,
        "notes": notes,
        "suggested_queries": SUGGESTED_QUERIES,
        "promotions": promotions_for(query, visible_pages, site) if query else [],
        "listing": None,
        "results": [],
        "partial_match": False,
    }
    if searchable:
        # What the list shows of a hit comes from its kept card (`hit_cards`): the pages only rank.
        pages = filters.apply(visible_pages).only("id")
        results = pages.search(reader_query.search_query("and"))
        listing = paginate(request, results, RESULTS_PER_PAGE)
        if listing.paginator.count == 0 and reader_query.unit_count > 1:
            # Nothing has every word: offer what has some of them, and say so.
            # A quoted phrase stays whole: it is one of the "words" here.
            results = pages.search(reader_query.search_query("or"))
            listing = paginate(request, results, RESULTS_PER_PAGE)
            context["partial_match"] = listing.paginator.count > 0
        if listing.paginator.count == 0 and reader_query.phrases:
            # The reader may not know that quotes ask for the exact phrase.
            params = {"q": reader_query.without_quotes(), **filters.as_query_params()}
            context["unquoted_url"] = f"{reverse('search')}?{urlencode(params)}"
        if getattr(getattr(results, "query_compiler", None), "truncated", False):
            notes.append(
                "匹配的内容很多，只在最近的一批匹配中按相关程度排列；再加一个词或使用筛选可以找得更准。"
            )
        words = reader_query.highlight_words()
        context.update(
            listing=listing,
            page_numbers=page_range_with_gaps(listing),
            results=build_results(hit_pks(listing.object_list), words, request, site),
            query_prefix=urlencode({"q": query, **filters.as_query_params()}),
        )

    return context


@require_safe
def search(request):
    # Control characters (NUL above all, which PostgreSQL refuses) are never part of a query.
    raw_query = CONTROL_CHARACTERS.sub(" ", request.GET.get("q", ""))
    query = " ".join(raw_query[:MAX_QUERY_LENGTH].split())
    # The same question gets the same answer until the site changes: popular searches (五一, a
    # campaign's name) are worked out once per minute (articles dated in the future join on their
    # minute). Keyed by the site (its pages, its addresses) and everything the reader sent, so each
    # note about their input stays theirs.
    # A bad page number raises 404 before anything is kept.
    asked = urlencode(sorted((key, values) for key, values in request.GET.lists()), doseq=True)
    site = Site.find_for_request(request)
    content = site_cache.remember(
        f"search-results:{getattr(site, 'pk', None)}:{asked}:{site_cache.current_minute()}",
        lambda: render_to_string("components/search/content.html", search_context(request, raw_query, query)),
    )
    context = {"search_query": query, "content": content}
    response = render(request, "search/search.html", context)
    if request.user.is_authenticated:
        patch_cache_control(response, private=True, no_cache=True)
    else:
        cache_seconds = min(
            SEARCH_CACHE_SECONDS, getattr(settings, "PAGE_CACHE_SECONDS", SEARCH_CACHE_SECONDS)
        )
        patch_cache_control(response, public=True, max_age=cache_seconds, s_maxage=cache_seconds)
    return response

"""找工会 for readers: /zhaogonghui/ (filters, search, nearest first) and one page per organisation.

Plain views rather than a Wagtail page type: the directory is data kept by administrators
(imported in bulk), not editorial content, and the list answers query strings that carry the
reader's location, which must not be cached publicly or sent anywhere but to this server.
"""

from django.conf import settings
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from core.listing import page_range_with_gaps, paginate

from .finder import DirectoryQuery, region_map, with_distances
from .models import UnionOrganisation

PER_PAGE = 20


def _cache(response, private):
    if private:
        patch_cache_control(response, private=True, no_store=True)
    else:
        patch_cache_control(response, public=True, max_age=60, s_maxage=settings.PAGE_CACHE_SECONDS)
    return response


@require_safe
def directory_index(request):
    query = DirectoryQuery.from_request(request)
    listing = paginate(request, query.results(), PER_PAGE)
    organisations = with_distances(list(listing.object_list), query.location)
    facets = query.facets()
    context = {
        "query": query,
        "facets": facets,
        "region_map": region_map(query, facets),
        "listing": listing,
        "organisations": organisations,
        "page_numbers": page_range_with_gaps(listing),
        "query_prefix": query.params(),
        "default_order_url": "?" + query.params(lat="", lng=""),
        "is_filtered": bool(query.active or query.text),
    }
    response = render(request, "directory/index.html", context)
    return _cache(response, private=bool(query.location) or request.user.is_authenticated)


@require_safe
def organisation_detail(request, code):
    organisation = get_object_or_404(
        UnionOrganisation.objects.public().select_related("parent"), code__iexact=code[:40]
    )
    join_url = None
    if organisation.accepts_online:
        join_url = request.build_absolute_uri(reverse("joining:apply") + f"?zuzhi={organisation.code}")
    children = list(organisation.children.public().order_by("name")[:100])
    context = {
        "organisation": organisation,
        "ancestors": organisation.ancestors(),
        "children": children,
        "join_url": join_url,
    }
    return _cache(
        render(request, "directory/organisation.html", context), private=request.user.is_authenticated
    )

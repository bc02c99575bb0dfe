"""The home page's block of current campaigns: a plain query, named in `settings.HOME_PAGE_SECTIONS`."""

from .models import CampaignIndexPage, CampaignPage
from .status import running_filter

HOME_SECTION_LIMIT = 4


def current_campaigns(home_page):
    """Campaigns running today. Cached for at most a minute: campaigns start and end by date."""
    campaigns = list(
        CampaignPage.objects.live()
        .public()
        .descendant_of(home_page)
        .filter(running_filter())
        .select_related("hero_image")
        .defer_streamfields()
        .order_by("-start_date", "-pk")[:HOME_SECTION_LIMIT]
    )
    if not campaigns:
        return None
    # Ordered by id, not path: the database starts from the one-row index table (see workers.home_sections).
    index_page = CampaignIndexPage.objects.live().public().descendant_of(home_page).order_by("pk").first()
    return {
        "template": "components/home/campaigns_current.html",
        "items": campaigns,
        "index_page": index_page,
    }

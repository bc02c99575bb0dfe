"""Campaign models, split by job: the campaign pages and the sign-up forms."""

from .campaign import CampaignEvent, CampaignIndexPage, CampaignPage, CampaignRelatedArticle, CampaignWorker
from .signup import VIEW_SIGNUPS_PERMISSION, CampaignFormField, CampaignFormPage

__all__ = [
    "VIEW_SIGNUPS_PERMISSION",
    "CampaignEvent",
    "CampaignFormField",
    "CampaignFormPage",
    "CampaignIndexPage",
    "CampaignPage",
    "CampaignRelatedArticle",
    "CampaignWorker",
]

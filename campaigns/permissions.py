"""The permission of the 报名信息管理员 group (declared on CampaignFormPage's Meta): only
its holders read or export sign-up data."""

VIEW_SIGNUPS_PERMISSION = "campaigns.view_signups"

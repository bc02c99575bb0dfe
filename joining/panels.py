"""Dashboard: the officer's applications past their first-contact deadline."""

from django.urls import reverse
from django.utils import timezone

from editorial.panels import PANEL_LIMIT, EditorialPanel

from .scoping import applications_for


class OverdueApplicationsPanel(EditorialPanel):
    name = "joining_overdue"
    order = 80
    heading = "超期未联系的入会申请"
    empty_text = "没有超过首次联系期限的入会申请。"

    def get_rows(self, user):
        overdue = applications_for(user).overdue().order_by("first_contact_due")
        total = overdue.count()
        rows = [
            {
                "title": application.receipt_display,
                "url": reverse("joining_admin:detail", args=[application.pk]),
                "note": f"期限 {timezone.localtime(application.first_contact_due):%Y-%m-%d}"
                + (
                    f" · {application.organisation.name}"
                    if application.organisation
                    else f" · 待匹配（{application.prefecture}）"
                ),
                "when": application.created_at,
            }
            for application in overdue.select_related("organisation")[:PANEL_LIMIT]
        ]
        if total > PANEL_LIMIT:
            rows.append(
                {
                    "title": f"共 {total} 份，查看全部",
                    "url": reverse("joining_admin:queue") + "?status=overdue",
                    "note": "",
                    "when": None,
                }
            )
        return rows

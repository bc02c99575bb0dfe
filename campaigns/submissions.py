"""Who may read sign-up data, and the submissions list view that records every reading.

Submissions are personal data. Only users with `campaigns.view_signups`
(the 报名信息管理员 group) reach them; each list view and each export is
written to Wagtail's audit log with the user, the format and the filters.
"""

import datetime

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from wagtail.contrib.forms.views import SubmissionsListView
from wagtail.log_actions import log

from .permissions import VIEW_SIGNUPS_PERMISSION

SIGNUPS_VIEWED = "campaigns.signups_viewed"
SIGNUPS_EXPORTED = "campaigns.signups_exported"
SIGNUPS_PURGED = "campaigns.signups_purged"
SIGNUPS_DELETED = "campaigns.signups_deleted"

# Spreadsheet programs run cells starting with these as formulas (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def require_signup_permission(user):
    if not user.has_perm(VIEW_SIGNUPS_PERMISSION):
        raise PermissionDenied("只有报名信息管理员可以查看或导出报名信息。")


def spreadsheet_safe(value):
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def local_datetime_text(value):
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.strftime("%Y-%m-%d %H:%M:%S")


def yes_no(value):
    return "是" if value else "否"


class CampaignSubmissionsListView(SubmissionsListView):
    """Wagtail's submissions list and CSV/XLSX export, with our permission and audit log."""

    forms_index_url_name = "campaigns_signup_forms"
    custom_value_preprocess = {
        **SubmissionsListView.custom_value_preprocess,
        bool: {SubmissionsListView.FORMAT_CSV: yes_no, SubmissionsListView.FORMAT_XLSX: yes_no},
        datetime.datetime: {
            **SubmissionsListView.custom_value_preprocess[datetime.datetime],
            SubmissionsListView.FORMAT_CSV: local_datetime_text,
        },
    }

    def dispatch(self, request, *args, **kwargs):
        require_signup_permission(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        self.record_access(request)
        return response

    def record_access(self, request):
        export_format = request.GET.get("export") if self.is_export else ""
        filters = {key: value[:100] for key, value in request.GET.items() if key not in {"export"}}
        log(
            instance=self.form_page,
            action=SIGNUPS_EXPORTED if export_format else SIGNUPS_VIEWED,
            user=request.user,
            data={"format": export_format or "html", "filters": filters},
        )

    # CSV that opens with correct Chinese text in Excel and WPS -----------------

    def stream_csv(self, queryset):
        # Excel only reads a CSV file as UTF-8 when it starts with a byte-order mark.
        yield "\ufeff"
        yield from super().stream_csv(queryset)

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response

    def write_csv_row(self, writer, row_dict):
        return super().write_csv_row(
            writer, {key: spreadsheet_safe(value) for key, value in row_dict.items()}
        )

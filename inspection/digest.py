"""The weekly digest to the 站点管理员."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from .indicators import COLOUR_LABELS, alert_new_vetoes, scorecard_data
from .models import InspectionRun
from .notifications import send_to_site_admins


def digest_text(rows, last_run):
    lines = [f"站点巡查周报（{timezone.localdate():%Y-%m-%d}）", ""]
    if last_run:
        lines.append(f"最近一次完整巡查：{timezone.localtime(last_run.finished_at):%Y-%m-%d %H:%M}")
    else:
        lines.append("尚未完成过完整巡查。")
    lines.append("")
    for row in rows:
        kind = "单项否决" if row["veto"] else "扣分项"
        line = f"[{COLOUR_LABELS[row['colour']]}] {row['label']}（{kind}）：{row['figure']}"
        if row["detail"]:
            line += f"。{row['detail']}"
        if row["red_on"] and row["colour"] != "red":
            line += f"。如无更新，{row['red_on']} 变红"
        lines.append(line)
    lines += ["", f"详情：{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{reverse('inspection_scorecard')}"]
    return "\n".join(lines)


def send_digest(now=None):
    last = InspectionRun.objects.filter(state=InspectionRun.DONE).first()
    rows = scorecard_data(now=now, run=last)
    alert_new_vetoes(rows, now=now)
    red = sum(1 for r in rows if r["colour"] == "red")
    subject = f"【站点巡查】周报：{red} 项红色指标" if red else "【站点巡查】周报：各项指标正常"
    return send_to_site_admins(subject, digest_text(rows, last))

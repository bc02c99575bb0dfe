"""Wagtail's `publish_scheduled`, refusing revisions that did not pass 三审, under a lock.

A revision gets a go-live time (`approved_go_live_at`) only from a publish action: the workflow's
last approval, or something that went around it (a script, the shell, data from before the
side-door guard). Before Wagtail's scheduler runs, every due page revision under the workflow that
the workflow did not approve loses its schedule, is logged in the page's history and reported here;
everything else is published as Wagtail does.

The lock (editorial/scheduler_lock.py) makes schedulers on several servers publish each due
revision exactly once. The command keeps Wagtail's name, so cron lines and systemd timers written
for Wagtail keep working.
"""

from django.utils import timezone
from wagtail.management.commands.publish_scheduled import Command as WagtailCommand
from wagtail.models import Page, Revision

from editorial.scheduler_lock import scheduler_lock
from editorial.side_doors import SCHEDULE_REFUSED, approved_by_workflow, log_refusal, under_workflow


def unreviewed_due_revisions():
    due = Revision.page_revisions.filter(approved_go_live_at__lt=timezone.now()).order_by(
        "approved_go_live_at"
    )
    pages = Page.objects.in_bulk({int(revision.object_id) for revision in due})
    for revision in due:
        page = pages.get(int(revision.object_id))
        if page is not None and under_workflow(page) and not approved_by_workflow(revision):
            yield revision, page


class Command(WagtailCommand):
    help = "定时发布/下线到期的页面；未经“三审”通过的版本不发布；多台服务器同时运行时只有一台执行。"

    def handle(self, *args, **options):
        if options.get("dryrun"):
            for _revision, page in unreviewed_due_revisions():
                self.stderr.write(SCHEDULE_REFUSED.format(title=page.get_admin_display_title()))
            return super().handle(*args, **options)
        with scheduler_lock() as acquired:
            if not acquired:
                if options.get("verbosity", 1) > 1:
                    self.stdout.write("另一个定时发布进程正在执行，本次跳过。")
                return
            for revision, page in unreviewed_due_revisions():
                self.stderr.write(SCHEDULE_REFUSED.format(title=page.get_admin_display_title()))
                revision.approved_go_live_at = None
                revision.save(update_fields=["approved_go_live_at"])
                log_refusal(page, None, "定时发布未经三审通过的版本")
            return super().handle(*args, **options)

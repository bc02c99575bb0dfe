"""The admin strings editors meet read in Chinese, and the compiled catalogue matches the source."""

import gettext
import re
from pathlib import Path

from django.conf import settings
from django.utils import translation

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "zh_Hans" / "LC_MESSAGES"


def test_project_catalogue_fills_wagtail_gaps():
    with translation.override("zh-hans"):
        assert translation.gettext("Your pages and snippets in a workflow") == "我提交审核中的页面和片段"
        assert translation.gettext("Schedule to publish") == "定时发布"
        subject = translation.gettext('The page "%(title)s" has been submitted to workflow "%(workflow)s"')
        assert subject % {"title": "稿件", "workflow": "三审"} == "页面“稿件”已提交到工作流“三审”"


def test_compiled_catalogue_is_up_to_date():
    source = (CATALOGUE / "django.po").read_text(encoding="utf-8")
    source_ids = len(re.findall(r"^msgid \"(?!\")", source, re.M))
    with open(CATALOGUE / "django.mo", "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    # The catalogue's header entry ("") is not counted in the source ids.
    assert len(compiled._catalog) - 1 >= source_ids, (
        "run: manage.py compilemessages -l zh_Hans --ignore=.venv"
    )

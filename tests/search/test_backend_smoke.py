import pytest
from wagtail.models import Page

from home.models import StandardPage


@pytest.fixture
def pages(site_root):
    titles = ["切实保持和增强工会工作的政治性先进性群众性", "百万职工高原建功立业工程启动", "关于我们"]
    made = []
    for index, title in enumerate(titles):
        page = site_root.add_child(instance=StandardPage(title=title, slug=f"p{index}"))
        page.save_revision().publish()
        made.append(page)
    return made


@pytest.mark.django_db
def test_smoke(pages):
    for q in ["工会", "建功立业", "百万职工高原建功立业工程", "高原", "NEAR( AND", '"', "*", '工会 "建功"']:
        print(q, list(Page.objects.live().search(q)), list(Page.objects.autocomplete(q)))
    assert [p.title for p in Page.objects.live().search("工会")] == [pages[0].title]

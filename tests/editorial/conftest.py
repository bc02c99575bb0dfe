import pytest
from django.contrib.auth import get_user_model

from editorial.glossary_data import load_starter_glossary
from editorial.roles import FINAL_REVIEW, FIRST_REVIEW, SECOND_REVIEW, SITE_ADMIN, WRITER, setup_editorial
from news.models import ArticlePage
from tests.factories import ArticleFactory, NewsIndexFactory, NewsSectionFactory

from .helpers import approve_all

CLEAN_BODY = ("全省各级工会组织深入推进百万职工高原建功立业工程，职工技能水平稳步提升。",)


@pytest.fixture
def editorial(site_root):
    """Sections, the groups and the 三审 workflow, as `setup_editorial` leaves them."""
    index = NewsIndexFactory(parent=site_root)
    section = NewsSectionFactory(parent=index, title="工会要闻")
    load_starter_glossary()
    groups, workflow, _ = setup_editorial()
    return {"groups": groups, "workflow": workflow, "section": section, "index": index}


@pytest.fixture
def make_user(editorial):
    def make(username, *group_names, name=""):
        user = get_user_model().objects.create_user(
            username, f"{username}@example.com", "pw-" + username, first_name=name or username
        )
        for group_name in group_names:
            user.groups.add(editorial["groups"][group_name])
        return user

    return make


@pytest.fixture
def staff(make_user):
    return {
        "writer": make_user("zhuangao", WRITER, name="李文清"),
        "first": make_user("chushen", FIRST_REVIEW, name="赵海燕"),
        "second": make_user("fushen", SECOND_REVIEW, name="马志成"),
        "final": make_user("zhongshen", FINAL_REVIEW, name="韩玉珍"),
        "site_admin": make_user("zhandian", SITE_ADMIN, name="祁永强"),
    }


@pytest.fixture
def draft_article(editorial, staff):
    """An unpublished article by the writer that passes the house-style check."""

    def make(title="全省职工技能大赛圆满落幕", paragraphs=CLEAN_BODY, **fields):
        fields.setdefault("source_name", "青海省总工会")
        fields.setdefault("summary", "比赛设六个项目，获奖选手将推荐参加全国比赛。")
        return ArticleFactory(
            parent=editorial["section"],
            title=title,
            paragraphs=paragraphs,
            live=False,
            owner=staff["writer"],
            user=staff["writer"],
            **fields,
        )

    return make


@pytest.fixture
def submit(editorial):
    def do(page, user):
        page.get_workflow().start(page, user)
        return type(page).objects.get(pk=page.pk)

    return do


@pytest.fixture
def live_article(editorial, staff, draft_article, submit, client):
    """The writer's article after 三审: live."""
    article = submit(draft_article(), staff["writer"])
    approve_all(client, staff, article)
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.live
    return article


@pytest.fixture
def people(staff):
    """The editorial staff and a superuser (boss)."""
    people = dict(staff)
    people["superuser"] = get_user_model().objects.create_superuser("boss", "boss@example.com", "pw-boss")
    return people


@pytest.fixture
def scheduled_article(staff, draft_article, submit, client):
    """The writer's article to go live at `go_live`, through 三审: approved, not live yet."""

    def make(go_live, **fields):
        article = draft_article(go_live_at=go_live, **fields)
        article.save_revision(user=staff["writer"])
        article = submit(article, staff["writer"])
        approve_all(client, staff, article)
        return article

    return make

"""Create news pages in code: shared by demo content, bulk generation and tests."""

from django.utils import timezone
from wagtail.rich_text import RichText

from .models import ArticlePage, NewsIndexPage, NewsSectionPage


def publish(page, user=None):
    page.save_revision(user=user, log_action=False).publish(user=user, log_action=False)
    return type(page).objects.get(pk=page.pk)


def make_news_index(home, title="新闻中心", slug="news", **fields):
    existing = NewsIndexPage.objects.child_of(home).first()
    if existing:
        return existing
    index = NewsIndexPage(title=title, slug=slug, **fields)
    home.add_child(instance=index)
    return publish(index)


def make_section(parent, title, slug=None, intro="", show_in_menus=True, **fields):
    existing = NewsSectionPage.objects.child_of(parent).filter(title=title).first()
    if existing:
        return existing
    section = NewsSectionPage(title=title, intro=intro, show_in_menus=show_in_menus, **fields)
    if slug:
        section.slug = slug
    parent.add_child(instance=section)
    return publish(section)


def paragraph_body(*paragraphs):
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in paragraphs]


def make_article(
    section, title, display_date=None, tags=(), paragraphs=(), live=True, with_revision=False, **fields
):
    """An article in `section`; published unless `live=False`.

    Published articles dated in the past get a publication record matching
    their date, as if they had been published then (demo, imports, tests).
    `with_revision` publishes through a revision as the admin does (slower;
    the demo uses it so the admin shows a history); otherwise the page is
    created live directly, which is what bulk content and tests need.
    """
    now = timezone.now()
    article = ArticlePage(title=title, display_date=display_date, live=live and not with_revision, **fields)
    if paragraphs:
        article.body = paragraph_body(*paragraphs)
    if article.live:
        article.first_published_at = article.last_published_at = min(display_date or now, now)
    article.tags.add(*tags)
    section.add_child(instance=article)
    if with_revision and live:
        article = publish(article)
        if display_date and display_date <= now:
            ArticlePage.objects.filter(pk=article.pk).update(
                first_published_at=display_date, last_published_at=display_date
            )
            article.first_published_at = article.last_published_at = display_date
    elif not live:
        article.save_revision(log_action=False)
    return ArticlePage.objects.get(pk=article.pk)

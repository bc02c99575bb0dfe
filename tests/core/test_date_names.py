from news.models import ArticlePage


def test_displayed_date_is_not_called_publication_time():
    field = ArticlePage._meta.get_field("display_date")
    assert field.verbose_name == "显示日期"
    assert "定时发布" in field.help_text

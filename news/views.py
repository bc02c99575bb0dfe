"""The view-count endpoint: the only place a reader's visit writes to the database."""

from django.http import Http404, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.client import client_key

from .models import ArticleDailyViews, ArticlePage
from .stats import should_count, total_views


# No CSRF token: article pages are cached publicly and carry none. A forged
# request can do no more than a reader's visit does, and it is rate limited.
@csrf_exempt
@never_cache
@require_POST
def count_view(request, page_id):
    if not ArticlePage.objects.published().filter(pk=page_id).exists():
        raise Http404("没有这篇文章。")
    # IPv6 by /64: one subscriber holds a whole /64 and could pick a new address per view.
    counted = should_count(client_key(request), page_id)
    if counted:
        ArticleDailyViews.objects.record(page_id)
    daily_views = ArticleDailyViews.objects.filter(article_id=page_id)
    return JsonResponse({"views": total_views(page_id, daily_views), "counted": counted})

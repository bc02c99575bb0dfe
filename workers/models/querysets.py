"""Queries on model-worker profiles that the index, its filters, the home page and
template tags share."""

from django.db.models import F, Prefetch
from wagtail.images import get_image_model
from wagtail.models import PageManager, PageQuerySet

from sitecache.pages import CachedPrivatePagesMixin

from .honours import WorkerHonour


class WorkerPageQuerySet(CachedPrivatePagesMixin, PageQuerySet):
    def ordered(self, sort):
        """Newest honour first (then by name), or by name in pinyin order (`sort="name"`)."""
        if sort == "name":
            return self.order_by("pinyin_key", "pk")
        return self.order_by(F("latest_honour_year").desc(nulls_last=True), "pinyin_key", "pk")

    def with_card_data(self):
        """What a portrait card needs, in a fixed number of queries for any page size."""
        image_model = get_image_model()
        return (
            self.defer_streamfields()
            .select_related("industry", "region")
            .prefetch_related(
                Prefetch("portrait", queryset=image_model.objects.prefetch_renditions()),
                Prefetch(
                    "honours", queryset=WorkerHonour.objects.select_related("title").order_by("sort_order")
                ),
            )
        )


WorkerPageManager = PageManager.from_queryset(WorkerPageQuerySet)

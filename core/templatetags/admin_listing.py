"""What an admin listing template needs beyond Wagtail's tags (templates/components/admin/listing.html)."""

from django import template

register = template.Library()


@register.filter
def columns(headings):
    """ "受理编号|标题|状态" → the column headings of a listing, so a template names them in one line."""
    return headings.split("|")

"""The one place that relies on how Wagtail (django-treebeard) encodes a page's position.

treebeard's materialised path gives every page `steplen` characters of `alphabet` per
level, the sibling number written in base `len(alphabet)`; a page's descendants share
its path as a prefix. `tests/core/test_tree.py` checks this against Wagtail's own
`descendant_of()` on a tree with many siblings, so an upgrade that changes the encoding
fails there rather than on a listing.
"""

from django.db.models import Q
from wagtail.models import Page


def _step_to_int(step):
    base = len(Page.alphabet)
    value = 0
    for char in step:
        value = value * base + Page.alphabet.index(char)
    return value


def _int_to_step(value):
    base = len(Page.alphabet)
    chars = []
    for _ in range(Page.steplen):
        value, digit = divmod(value, base)
        chars.append(Page.alphabet[digit])
    return "".join(reversed(chars))


def below_path_q(path):
    """Pages strictly below the tree node at `path`, as a range on the indexed path column.

    Wagtail's `descendant_of()` uses `path LIKE 'prefix%'`, which SQLite cannot
    answer from the index (its LIKE is case-insensitive), so every listing would
    scan the whole page table. The range "after `path`, before the next sibling's
    path" selects the same pages through the index on any database.
    """
    step = path[-Page.steplen :]
    if not step:
        return Q(path__startswith=path) & ~Q(path=path)
    following = _step_to_int(step) + 1
    if following >= len(Page.alphabet) ** Page.steplen:
        return Q(path__startswith=path) & ~Q(path=path)
    return Q(path__gt=path, path__lt=path[: -Page.steplen] + _int_to_step(following))

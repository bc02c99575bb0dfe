"""`core.tree` relies on how treebeard encodes tree paths: these fail when Wagtail changes it."""

import pytest
from wagtail.models import Page

from core.tree import below_path_q

pytestmark = pytest.mark.django_db


def test_below_path_q_selects_exactly_what_descendant_of_does_among_many_siblings():
    root = Page.get_first_root_node()
    parent = root.add_child(instance=Page(title="父节点", slug="tree-parent"))
    # More siblings than the path alphabet has digits, so a step carries into the next digit.
    children = [parent.add_child(instance=Page(title=f"子{n}", slug=f"tree-child-{n}")) for n in range(40)]
    for n in sorted(set(range(0, 40, 7)) | {34, 35, 36, 37}):
        child = Page.objects.get(pk=children[n].pk)
        child.add_child(instance=Page(title=f"孙{child.pk}", slug=f"tree-grandchild-{child.pk}"))
    root.add_child(instance=Page(title="后一个", slug="tree-after"))

    for node in [root, parent, *Page.objects.descendant_of(parent)]:
        node.refresh_from_db()
        expected = set(Page.objects.descendant_of(node).values_list("pk", flat=True))
        assert set(Page.objects.filter(below_path_q(node.path)).values_list("pk", flat=True)) == expected


def test_below_path_q_of_the_last_possible_sibling_falls_back_to_a_prefix():
    last = Page.alphabet[-1] * Page.steplen
    condition = below_path_q(last)
    assert "startswith" in str(condition)

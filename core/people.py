"""People's names as the admin shows them.

A Chinese name is one word, family name first (李文清). Django's User has first_name and last_name
and Django and Wagtail show `get_full_name()`, "first last". The site keeps the whole name in
first_name with last_name empty (the account form has one 姓名 field, accounts/forms.py), so every
list that shows a person reads 李文清; `person_name` also reads accounts saved the other way
(姓 in last_name, 名 in first_name) in the right order.
"""

import re

HAN = re.compile(r"[\u3400-\u9fff]")


def person_name(user):
    """The name to show for `user`: 李文清 (family name first, no space), else the username."""
    if user is None:
        return ""
    first, last = (user.first_name or "").strip(), (user.last_name or "").strip()
    if HAN.search(first + last):
        return f"{last}{first}"
    return user.get_full_name().strip() or user.get_username()

"""The union directory's demo organisations (demo/data/union_directory.json), all named （演示）:
a step of the demo loader, and the `load_union_directory` command for a site without other demo content.
"""

import json
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from directory.models import UnionOrganisation, parse_worker_groups

DEMO_FILE = Path(__file__).resolve().parent / "data" / "union_directory.json"


@transaction.atomic
def load_union_directory(path=DEMO_FILE):
    """Create or update the organisations of the file by 编码; returns (created, updated, unchanged)."""
    with open(path, encoding="utf-8") as handle:
        rows = json.load(handle)["organisations"]
    created = updated = unchanged = 0
    by_code = {}
    for row in rows:
        row = dict(row)
        parent_code = row.pop("parent", "")
        values = {
            **row,
            "worker_groups": ",".join(parse_worker_groups(row.get("worker_groups", ""))),
            "parent": by_code.get(parent_code)
            or (UnionOrganisation.objects.get(code=parent_code) if parent_code else None),
            "latitude": None
            if row.get("latitude") is None
            else Decimal(str(row["latitude"])).quantize(Decimal("0.000001")),
            "longitude": None
            if row.get("longitude") is None
            else Decimal(str(row["longitude"])).quantize(Decimal("0.000001")),
        }
        organisation = UnionOrganisation.objects.filter(code=row["code"]).first()
        if organisation is None:
            organisation = UnionOrganisation(**values)
            organisation.full_clean()
            organisation.save()
            created += 1
        else:
            changed = [name for name, value in values.items() if getattr(organisation, name) != value]
            if changed:
                for name in changed:
                    setattr(organisation, name, values[name])
                organisation.full_clean()
                organisation.save()
                updated += 1
            else:
                unchanged += 1
        by_code[organisation.code] = organisation
    return created, updated, unchanged

"""The directory's XLSX format loads openpyxl when a spreadsheet is read or written.

django-import-export decides at import which tablib formats can be offered
(`base_formats.DEFAULT_FORMATS`, `BINARY_FORMATS`) by loading each format's class, and
tablib's XLSX class imports openpyxl at the top of its module. The Django admin imports
import-export at start-up (directory/admin.py), so every server process held openpyxl
(~180 modules, ~5 MB resident, bench/stack.md) although only a superuser's bulk import or
export at /django-admin/ ever uses it.

`defer_spreadsheet_libraries()` (called from `DirectoryConfig.ready()`, before the admin is
loaded) registers that format with tablib as a `DeferredFormat`: its name and file extensions
at once, tablib's own class — and with it openpyxl — on first use. What import-export and
tablib then do with the format is unchanged. (tablib's YAML format is left as it is: Django
REST framework, which Wagtail's admin API loads at start-up, imports PyYAML anyway.)
"""

from importlib import import_module
from importlib.util import find_spec

from tablib.formats import registry

# key: (tablib's class, the library it imports, its title and extensions as tablib's class has them)
DEFERRED = {
    "xlsx": ("tablib.formats._xlsx.XLSXFormat", "openpyxl", ("xlsx",)),
}


class DeferredFormat:
    """A tablib format whose class is imported on the first use of anything but its name."""

    def __init__(self, key, path, extensions):
        self.title = key
        self.extensions = extensions
        self.path = path

    def __getattr__(self, name):  # export_set, import_set, export_book, import_book, detect
        module, class_name = self.path.rsplit(".", 1)
        return getattr(getattr(import_module(module), class_name), name)

    def __repr__(self):
        return f"<DeferredFormat {self.path}>"


def defer_spreadsheet_libraries():
    for key, (path, library, extensions) in DEFERRED.items():
        # tablib registers a format only when its library is installed; so does this.
        if find_spec(library):
            registry.register(key, DeferredFormat(key, path, extensions))

"""Start-up check: attachments must not sit where the public media URL serves files."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, register


@register()
def private_root_outside_public_space(app_configs, **kwargs):
    private = Path(settings.INTERACTION_PRIVATE_ROOT).resolve()
    errors = []
    for name in ("MEDIA_ROOT", "STATIC_ROOT"):
        public = Path(getattr(settings, name)).resolve()
        if private == public or public in private.parents:
            errors.append(
                Error(
                    f"INTERACTION_PRIVATE_ROOT（{private}）位于 {name} 之内，留言附件会被公开访问。",
                    hint="把 INTERACTION_PRIVATE_ROOT 设到网站不对外提供的目录。",
                    id="interaction.E001",
                )
            )
    return errors

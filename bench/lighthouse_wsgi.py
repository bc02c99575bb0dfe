"""The production WSGI app plus uploaded images, for the Lighthouse benchmark only.

`make serve` leaves /media/ to the web server in front (nginx); the benchmark has none, so WhiteNoise
serves MEDIA_ROOT here the way that web server would (with caching headers), and Lighthouse measures
pages with their real images.
"""

from django.conf import settings
from whitenoise import WhiteNoise

from unionsite.wsgi import application as django_application

application = WhiteNoise(django_application, autorefresh=True, max_age=30 * 24 * 3600)
application.add_files(str(settings.MEDIA_ROOT), prefix=settings.MEDIA_URL)

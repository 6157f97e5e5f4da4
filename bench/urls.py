"""Bench-only URLconf: the real URLs, plus the two references (bare and minimal views).

``reengage.urls`` uses i18n_patterns, which only a root URLconf may hold, so its patterns are
taken as they are rather than through include().
"""

from django.urls import path

from reengage import urls as real

from . import views

urlpatterns = [
    path("bench/bare", views.bare, name="bench-bare"),
    path("bench/minimal/", views.minimal, name="bench-minimal"),
    path("bench/floor/", views.floor, name="bench-floor"),
    *real.urlpatterns,
]

handler400 = real.handler400
handler403 = real.handler403
handler404 = real.handler404
handler500 = real.handler500

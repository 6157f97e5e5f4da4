from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from intake import dashboard, keep_work, landing, two_factor, views

admin.site.site_header = "Reengage"
admin.site.site_title = "Reengage"
admin.site.index_title = "Intake"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("sms/inbound", views.sms_inbound, name="sms-inbound"),
    path("inbound/email", views.email_inbound, name="email-inbound"),
    path(
        f"{settings.ADMIN_URL}dashboard/",
        admin.site.admin_view(dashboard.dashboard_view),
        name="intake-dashboard",
    ),
    path(
        f"{settings.ADMIN_URL}keep-alive/",
        admin.site.admin_view(keep_work.keep_alive),
        name="intake-keep-alive",
    ),
    path(f"{settings.ADMIN_URL}2fa/setup/", two_factor.setup, name="intake-2fa-setup"),
    path(f"{settings.ADMIN_URL}2fa/verify/", two_factor.verify, name="intake-2fa-verify"),
    path(f"{settings.ADMIN_URL}2fa/enrol/<str:token>/", two_factor.enrol, name="intake-2fa-enrol"),
    # Django admin's own sign-in page, landing each role on its page (intake.landing).
    path(f"{settings.ADMIN_URL}login/", landing.sign_in),
    path(
        f"{settings.ADMIN_URL}start/",
        admin.site.admin_view(landing.landing),
        name="intake-landing",
    ),
    path(settings.ADMIN_URL, admin.site.urls),
    path("pt/", RedirectView.as_view(url="/pt-br/", permanent=False)),
    path("favicon.ico", RedirectView.as_view(url="/static/img/favicon.svg", permanent=True)),
]
urlpatterns += i18n_patterns(path("", include("intake.urls")), prefix_default_language=False)

handler400 = "intake.views.bad_request"
handler403 = "intake.views.permission_denied"
handler404 = "intake.views.page_not_found"
handler500 = "intake.views.server_error"

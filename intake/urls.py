from django.urls import path

from . import views

app_name = "intake"

urlpatterns = [
    path("", views.comeback, name="comeback"),
    path("thanks/", views.thanks, name="thanks"),
]

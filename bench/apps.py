from django.apps import AppConfig


class BenchConfig(AppConfig):
    """The bench-only app: the minimal reference form's table, views and timing middleware."""

    name = "bench"
    label = "bench"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Benchmark references"

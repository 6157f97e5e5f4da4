"""One tiny table for the minimal reference form: the floor any form POST pays."""

from django.db import models


class MinimalSignup(models.Model):
    name = models.CharField(max_length=80)
    email = models.EmailField()
    message = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return str(self.pk)

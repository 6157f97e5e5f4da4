"""Further messages through the form move into the conversation; their old table goes.

Its own migration (a transaction of its own on PostgreSQL): rows written here may not share a
transaction with the column changes of the one before.
"""

from django.db import migrations


def follow_ups_into_conversation(apps, schema_editor):
    """Each further message through the form becomes a message in its inquiry's conversation
    (decrypted and encrypted again by the fields themselves), and the events that named it
    name the conversation's row instead."""
    FollowUp = apps.get_model("intake", "InquiryFollowUp")
    Inbound = apps.get_model("intake", "InboundMessage")
    Event = apps.get_model("intake", "InquiryEvent")
    moved = {}
    for follow_up in FollowUp.objects.select_related("inquiry").iterator():
        inquiry = follow_up.inquiry
        token = follow_up.submission_token
        inbound = Inbound.objects.create(
            inquiry=inquiry,
            queue_id=inquiry.queue_id,
            state="attached",
            channel="form",
            source="form",
            external_id=f"form:{token}" if token else None,
            sender_hash=inquiry.contact_hash,
            body=follow_up.message,
            language=follow_up.language,
            kind=follow_up.kind,
            site_id=follow_up.site_id,
            received_at=follow_up.created_at,
        )
        moved[follow_up.pk] = inbound.pk
    for event in Event.objects.filter(kind="follow_up_added").iterator():
        data = dict(event.data or {})
        if data.get("follow_up") in moved:
            data["inbound"] = moved[data.pop("follow_up")]
            Event.objects.filter(pk=event.pk).update(data=data)


def follow_ups_back(apps, schema_editor):
    FollowUp = apps.get_model("intake", "InquiryFollowUp")
    Inbound = apps.get_model("intake", "InboundMessage")
    Event = apps.get_model("intake", "InquiryEvent")
    moved = {}
    for inbound in Inbound.objects.filter(channel="form").iterator():
        external = inbound.external_id or ""
        follow_up = FollowUp.objects.create(
            inquiry_id=inbound.inquiry_id,
            message=inbound.body,
            language=inbound.language or "en",
            kind=inbound.kind,
            site_id=inbound.site_id,
            submission_token=external.removeprefix("form:") or None,
        )
        FollowUp.objects.filter(pk=follow_up.pk).update(created_at=inbound.received_at)
        moved[inbound.pk] = follow_up.pk
    for event in Event.objects.filter(kind="follow_up_added").iterator():
        data = dict(event.data or {})
        if data.get("inbound") in moved:
            data["follow_up"] = moved[data.pop("inbound")]
            Event.objects.filter(pk=event.pk).update(data=data)
    Inbound.objects.filter(channel="form").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0111_form_messages_in_conversation"),
    ]

    operations = [
        migrations.RunPython(follow_ups_into_conversation, follow_ups_back),
        migrations.DeleteModel(
            name="InquiryFollowUp",
        ),
    ]

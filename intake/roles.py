"""The staff roles and the permissions each one has. Used by the data migrations."""

COORDINATOR = "Intake coordinator"
CLINICIAN = "Clinician"
REVIEWER = "Clinical reviewer"
PROGRAM_ADMIN = "Program admin"
# For a program that truly needs someone who reads every inquiry across queues (a clinical
# director, a compliance review). Not given by default; every page they open is audited.
SUPERVISOR = "Program supervisor"

# Roles that work across every queue (coordinators see only their own queues' inquiries).
EVERY_QUEUE_ROLES = (PROGRAM_ADMIN, CLINICIAN, REVIEWER, SUPERVISOR)

# (app_label, codename) pairs per role.
ROLE_PERMISSIONS: dict[str, list[tuple[str, str]]] = {
    COORDINATOR: [
        ("intake", "view_inquiry"),
        ("intake", "view_dashboard"),
        ("intake", "change_inquiry"),
        ("intake", "view_inquiryevent"),
        ("intake", "view_outboundmessage"),
        ("intake", "view_site"),
        ("intake", "view_coordinatorqueue"),
    ],
    CLINICIAN: [
        ("intake", "view_inquiry"),
        ("intake", "view_inquiryevent"),
        ("intake", "view_site"),
        ("intake", "view_reassessmentnote"),
        ("intake", "add_reassessmentnote"),
        ("intake", "change_reassessmentnote"),
    ],
    REVIEWER: [
        ("intake", "view_inquiry"),
        ("intake", "view_inquiryevent"),
        ("intake", "view_site"),
        ("intake", "view_reassessmentnote"),
        ("intake", "sign_reassessmentnote"),
    ],
    # Minimum necessary: figures, settings and the audit log, never an inquiry's content,
    # its contact details or its notes.
    PROGRAM_ADMIN: [
        ("intake", "view_dashboard"),
        ("intake", "view_outboundmessage"),
        *[
            ("intake", f"{action}_{model}")
            for model in (
                "site",
                "coordinatorqueue",
                "queueholiday",
                "routingrule",
                "coordinatorprofile",
                "replytemplate",
            )
            for action in ("add", "change", "delete", "view")
        ],
        ("auth", "view_user"),
        # Sending a staff member the one-time link that lets them set up two-step sign-in.
        ("intake", "add_enrolmentlink"),
        ("intake", "view_auditevent"),
    ],
    SUPERVISOR: [
        ("intake", "view_inquiry"),
        ("intake", "view_inquiryevent"),
        ("intake", "view_outboundmessage"),
        ("intake", "view_reassessmentnote"),
        ("intake", "view_site"),
        ("intake", "view_dashboard"),
    ],
}


def sync_roles(Group, Permission) -> None:
    """Create each role group and give it exactly the permissions listed above."""
    for role, perms in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        wanted = [
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in perms
        ]
        group.permissions.set(wanted)

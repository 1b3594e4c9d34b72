"""What the extractor needs of the vocabulary files: the label kinds it has an answer
reader for, and the named groups it reads from each heading.  The vocabulary loader
checks the files against this when they are validated; it imports nothing, so the
loader does not import the extractor."""

# a label's `kind:` must be one of these: each has a reader in .readers (READERS)
LABEL_KINDS = frozenset({
    "text", "body", "report_to", "date", "bare_date", "decision_due", "meeting_ref",
    "paragraphs",
    "wards", "money", "restriction", "urgency", "exempt", "wards_q", "special_q",
    "general_q", "urgency_q", "bool", "key_type", "flag", "plan_ref",
})

# the named groups read from each heading of headings.yaml
HEADING_GROUPS = {"meeting": {"v"}, "report_to": {"pre", "v"}, "council_name": {"c"},
                  "body_date": {"b", "d"}, "list_item": {"d", "t", "status"},
                  "meeting_page": {"b", "d"}, "body_name": {"b"},
                  "resolved_by": {"b"}, "minutes_approved_by": {"b"}, "summons": {"b"},
                  "agenda_footer": {"d"}, "body_acted": {"b"},
                  "consideration_by": {"b"}, "attendance_link": {"b", "d"},
                  "regulation_notice": {"reg", "who", "key", "private"},
                  "urgent_decision_columns": {"t", "m", "d"}, "urgent_public_business": {"b"},
                  "considered_at_meeting": {"b", "d"}, "called_in_decision": {"b", "d", "t"},
                  "call_in_subject": {"b", "d", "t"}, "plan_title_reference": {"ref"},
                  "welcome_to_meeting": {"b"}}

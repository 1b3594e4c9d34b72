"""Rule message and fix templates (govcheck.engine.evaluate.render_template)."""


def test_a_fix_without_placeholders_is_one_shared_string_across_findings():
    from govcheck.engine.evaluate import render_template
    from govcheck.model import FieldValue, Record

    a = Record(kind="report", fields={}, path="a.txt")
    b = Record(kind="report", fields={"title": FieldValue("Budget", 3)}, path="b.txt")
    plain = "Add the   forward plan\n reference."
    assert render_template(plain, a) == "Add the forward plan reference."
    assert render_template(plain, a) is render_template(plain, b)
    assert render_template("Report {title} to council.", b) == "Report Budget to council."
    assert render_template("Report {title} to council.", a) == "Report (title not found) to council."

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("jmsc_certification_assessor_results", {
    url: "/odoo/action-jmsc_certification.jmsc_cert_event_action",
    steps: () => [
        {
            content: "Open the test assessment",
            trigger: ".o_data_row:has(td[name='venue_id']:contains(TUK Test A)) td[name='name']",
            run: "click",
        },
        {
            content: "Open the result grid",
            trigger: ".o_form_view button[name='action_view_results']",
            run: "click",
        },
        {
            content: "Unit 1 is competent",
            trigger: ".o_data_row:eq(0) button[name='action_set_competent']",
            run: "click",
        },
        {
            content: "Unit 1 is recorded",
            trigger: ".o_data_row.text-success:eq(0)",
        },
        {
            content: "Unit 2 is competent",
            trigger: ".o_data_row:eq(1) button[name='action_set_competent']",
            run: "click",
        },
        {
            content: "Unit 2 is recorded",
            trigger: ".o_data_row.text-success:eq(1)",
        },
        {
            content: "Unit 3 is competent",
            trigger: ".o_data_row:eq(2) button[name='action_set_competent']",
            run: "click",
        },
        {
            content: "Every unit is recorded",
            trigger: ".o_data_row.text-success:eq(2)",
        },
    ],
});

registry.category("web_tour.tours").add("jmsc_certification_manager_issue", {
    url: "/odoo/action-jmsc_certification.jmsc_cert_event_action",
    steps: () => [
        {
            content: "Open the test assessment",
            trigger: ".o_data_row:has(td[name='venue_id']:contains(TUK Test A)) td[name='name']",
            run: "click",
        },
        {
            content: "Close the assessment",
            trigger: ".o_form_view button[name='action_done']",
            run: "click",
        },
        {
            content: "Issue the certificates",
            trigger: ".o_form_view button[name='action_issue_certificates']",
            run: "click",
        },
        {
            content: "The issued certificate is listed",
            trigger: ".o_list_view .o_data_row td[name='name']:contains(TCG/)",
        },
    ],
});

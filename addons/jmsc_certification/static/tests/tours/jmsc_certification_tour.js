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

// The assessor, from their landing page (their assessments): K on two units, BK on one.
registry.category("web_tour.tours").add("jmsc_certification_assessor_k_bk", {
    steps: () => [
        {
            content: "Open the assessment at TUK Test A",
            trigger: ".o_data_row:has(td[name='venue_id']:contains(TUK Test A)) td[name='name']",
            run: "click",
        },
        {
            content: "Open the result grid",
            trigger: ".o_form_view button[name='action_view_results']",
            run: "click",
        },
        {
            content: "U1: K",
            trigger: ".o_data_row:has(td[name='unit_id']:contains(U1)) button[name='action_set_competent']",
            run: "click",
        },
        {
            content: "U1 is recorded K",
            trigger: ".o_data_row.text-success:has(td[name='unit_id']:contains(U1))",
        },
        {
            content: "U2: BK",
            trigger: ".o_data_row:has(td[name='unit_id']:contains(U2)) button[name='action_set_not_competent']",
            run: "click",
        },
        {
            content: "U2 is recorded BK",
            trigger: ".o_data_row.text-danger:has(td[name='unit_id']:contains(U2))",
        },
        {
            content: "U3: K",
            trigger: ".o_data_row:has(td[name='unit_id']:contains(U3)) button[name='action_set_competent']",
            run: "click",
        },
        {
            content: "U3 is recorded K",
            trigger: ".o_data_row.text-success:has(td[name='unit_id']:contains(U3))",
        },
    ],
});

// LSP staff, from their landing page (applications): open the certified candidate's certificate and print it.
registry.category("web_tour.tours").add("jmsc_certification_lsp_staff_print", {
    steps: () => [
        {
            content: "The applications of the LSP are listed; open the certified one",
            trigger: ".o_list_view .o_data_row:contains(Siti Rahayu) td[name='name']",
            run: "click",
        },
        {
            content: "Open its certificate",
            trigger: ".o_form_view button[name='action_view_certificates']",
            run: "click",
        },
        {
            content: "Open the certificate",
            trigger: ".o_list_view .o_data_row td[name='name']:contains(TCG/)",
            run: "click",
        },
        {
            content: "Print the certificate PDF",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_print_certificate']",
            run: "click",
        },
        {
            content: "No error after printing",
            trigger: ".o_form_view:not(:has(.o_error_dialog))",
        },
    ],
});

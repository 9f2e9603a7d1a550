import { registry } from "@web/core/registry";

// ltsa.officer.indramayu from the landing page (My Desk): a walk-in is called, identified by NIK, gets a
// request, is sent for a missing document through the wizard, comes back through the new queue and is
// finished; the receipt is printed from its button.
registry.category("web_tour.tours").add("jmsc_ltsa_walkin_tour", {
    steps: () => [
        {
            content: "Open my desk (Loket 1)",
            trigger: ".o_data_row td:contains('Loket 1')",
            run: "click",
        },
        {
            content: "Call the next visitor",
            trigger: "button[name=action_call_next]",
            run: "click",
        },
        {
            content: "A walk-in ticket is called",
            trigger: ".o_jmsc_ltsa_unidentified",
        },
        {
            content: "Identify the visitor",
            trigger: "button[name=action_identify_visitor]",
            run: "click",
        },
        {
            content: "Type the NIK from the KTP",
            trigger: ".modal .o_field_widget[name=nik] input",
            run: "edit 3212014404010008",
        },
        {
            content: "Find by NIK",
            trigger: ".modal button[name=action_search]",
            run: "click",
        },
        {
            content: "The registry card is shown",
            trigger: ".modal .o_jmsc_ltsa_card_found:contains('W.')",
        },
        {
            content: "Link to the ticket",
            trigger: ".modal button[name=action_link]",
            run: "click",
        },
        {
            content: "Start a request",
            trigger: ".o_form_view:not(:has(.modal)) button[name=action_start_request]",
            run: "click",
        },
        {
            content: "Choose the SKCK service",
            trigger: ".modal .o_field_widget[name=service_ids] input",
            run: "edit SKCK",
        },
        {
            content: "Pick it",
            trigger: ".o-autocomplete--dropdown-item:contains('SKCK')",
            run: "click",
        },
        {
            content: "Start the request",
            trigger: ".modal button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The family card is missing",
            trigger: ".o_field_widget[name=current_missing_doc_ids] .badge",
        },
        {
            content: "Needs Documents",
            trigger: ".o_form_view:not(:has(.modal)) button[name=action_needs_documents]",
            run: "click",
        },
        {
            content: "The missing document is proposed",
            trigger: ".modal .o_field_widget[name=missing_doc_ids] .badge",
        },
        {
            content: "Send the visitor to the registration queue",
            trigger: ".modal .o_field_widget[name=category_id] input",
            run: "edit Tour",
        },
        {
            content: "Pick the queue",
            trigger: ".o-autocomplete--dropdown-item:contains('Tour queue')",
            run: "click",
        },
        {
            content: "Add a note",
            trigger: ".modal .o_field_widget[name=note] textarea",
            run: "edit Legalisir KK di Dukcapil",
        },
        {
            content: "Close the ticket",
            trigger: ".modal button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The officer is told the new ticket number",
            trigger: ".o_notification:contains('TQ-001')",
        },
        {
            content: "Call the next visitor: the same visitor, in the new queue",
            trigger: ".o_form_view:not(:has(.modal)) button[name=action_call_next]",
            run: "click",
        },
        {
            content: "The new ticket is called",
            trigger: ".o_field_widget[name=current_ticket_id]:contains('TQ-001')",
        },
        {
            content: "Start the service",
            trigger: "button[name=action_start]",
            run: "click",
        },
        {
            content: "Finish (Selesai)",
            trigger: "button[name=action_finish]",
            run: "click",
        },
        {
            content: "The desk is free again, the last ticket kept for its receipt",
            trigger: ".o_field_widget[name=last_ticket_id]:contains('TQ-001')",
        },
        {
            content: "Print the ticket receipt",
            trigger: "button[name=action_print_ticket]",
            run: "click",
        },
        {
            content: "The print has started",
            trigger: "button[name=action_call_next]",
        },
    ],
});

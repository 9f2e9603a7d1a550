import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("jmsc_ltsa_desk_tour", {
    url: "/odoo/action-jmsc_ltsa.jmsc_ltsa_desk_action_screen",
    steps: () => [
        {
            content: "Open my desk",
            trigger: ".o_data_row td:contains('T Desk 1')",
            run: "click",
        },
        {
            content: "Call the next visitor",
            trigger: "button[name=action_call_next]",
            run: "click",
        },
        {
            content: "The first ticket is called",
            trigger: ".o_field_widget[name=current_ticket_id]:contains('TA-001')",
        },
        {
            content: "Start serving",
            trigger: "button[name=action_start]",
            run: "click",
        },
        {
            content: "Finish the service",
            trigger: "button[name=action_finish]",
            run: "click",
        },
        {
            content: "Call the next visitor",
            trigger: "button[name=action_call_next]",
            run: "click",
        },
        {
            content: "The second ticket is called",
            trigger: ".o_field_widget[name=current_ticket_id]:contains('TA-002')",
        },
    ],
});

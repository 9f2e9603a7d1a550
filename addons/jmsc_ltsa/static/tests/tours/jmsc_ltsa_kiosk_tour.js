import { registry } from "@web/core/registry";

// A visitor takes a ticket at the public kiosk (started on the kiosk URL by the test).
registry.category("web_tour.tours").add("jmsc_ltsa_kiosk_tour", {
    steps: () => [
        {
            content: "The kiosk shows the local time (WIB)",
            trigger: ".o_ltsa_clock:contains('WIB')",
        },
        {
            content: "Choose the registration service",
            trigger: ".o_ltsa_kiosk_category:contains('TA')",
            run: "click",
        },
        {
            content: "The queue number is shown",
            trigger: ".o_ltsa_ticket_code:contains('TA-001')",
        },
        {
            content: "with the time it was taken, in WIB",
            trigger: ".o_ltsa_ticket_time:contains('WIB')",
        },
    ],
});

// The lobby board shows the ticket called at the desk.
registry.category("web_tour.tours").add("jmsc_ltsa_board_tour", {
    steps: () => [
        {
            content: "The board shows the called ticket at its desk",
            trigger: ".o_ltsa_board tr:contains('T Desk 1') td.ticket:contains('TA-001')",
        },
        {
            content: "and no literal doctype",
            trigger: "body:not(:contains('<!DOCTYPE'))",
        },
    ],
});

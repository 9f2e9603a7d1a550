import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("jmsc_cooperative_teller", {
    url: "/odoo/action-jmsc_cooperative.jmsc_coop_teller_action",
    steps: () => [
        {
            content: "Find the member by name",
            trigger: ".o_field_widget[name=search_term] input",
            run: "edit Tour Teller Member",
        },
        {
            content: "Type the amount to deposit",
            trigger: ".o_field_widget[name=amount] input",
            run: "edit 150000",
        },
        {
            content: "The member's voluntary savings account is chosen",
            trigger: ".o_field_widget[name=account_id] input:value(/-SS$/)",
        },
        {
            content: "Post the deposit",
            trigger: "button[name=action_deposit]",
            run: "click",
        },
        {
            content: "The deposit is posted",
            trigger: ".o_field_widget[name=last_transaction_id] a:contains(TRX)",
        },
        {
            content: "Type the amount to withdraw",
            trigger: ".o_field_widget[name=amount] input",
            run: "edit 50000",
        },
        {
            content: "Post the withdrawal",
            trigger: "button[name=action_withdraw]",
            run: "click",
        },
        {
            content: "The withdrawal is posted and the amount cleared",
            trigger: ".o_field_widget[name=amount] input:value(/^0[.,]00$/)",
        },
        {
            content: "Print the statement",
            trigger: "button[name=action_print_statement]",
            run: "click",
        },
        {
            content: "The statement report opens",
            trigger: "iframe[src*='/report/html/jmsc_cooperative.report_statement']",
        },
    ],
});

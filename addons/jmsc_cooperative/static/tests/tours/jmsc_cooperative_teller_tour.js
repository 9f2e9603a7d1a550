import { registry } from "@web/core/registry";
import { download } from "@web/core/network/download";

// Click a print button of the teller screen, then check that the web client downloaded that report (its
// type and URL, then ``check(download)``) and showed no error.
function printStatement(content, button, type, path, check = () => {}) {
    return [
        { content, trigger: `button[name=${button}]`, run: "click" },
        {
            content: `The ${type} file was downloaded from ${path} and no error was shown`,
            trigger: `body.${type === "xlsx" ? "o_coop_got_xlsx" : "o_coop_got_pdf"}:not(:has(.o_error_dialog))`,
            run() {
                const file = (window.__coopDownloads || []).find((d) => d.type === type);
                if (!file || !file.url.includes(path)) {
                    throw new Error(`no ${type} download of ${path}: ${JSON.stringify(window.__coopDownloads)}`);
                }
                check(file);
            },
        },
    ];
}

// The teller's day: from the landing page (the teller screen) find a member, take a deposit, read
// the confirmation, print the statement as PDF and export it as Excel, as the person clicks.
registry.category("web_tour.tours").add("jmsc_cooperative_teller", {
    url: "/odoo/action-jmsc_cooperative.jmsc_coop_teller_action",
    steps: () => [
        {
            content: "Record the report downloads the web client makes (they still reach the server)",
            trigger: ".o_field_widget[name=search_term] input",
            run() {
                window.__coopDownloads = [];
                const original = download._download;
                download._download = async (options) => {
                    const [url, type] = JSON.parse(options.data.data);
                    const entry = { url, type, done: false };
                    window.__coopDownloads.push(entry);
                    const result = await original(options);
                    entry.done = true;
                    document.body.classList.add(type === "xlsx" ? "o_coop_got_xlsx" : "o_coop_got_pdf");
                    return result;
                };
            },
        },
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
            content: "A notification confirms the deposit in rupiah, with the new balance and the number",
            trigger: ".o_notification:contains(Rp 150.000):contains(/TRX/)",
        },
        {
            content: "The confirmation stays on the teller screen",
            trigger: ".o_coop_teller_confirmation:contains(Rp 150.000)",
        },
        {
            content: "The breadcrumb names the screen, not the technical record",
            trigger: ".o_breadcrumb:not(:contains(jmsc.coop.teller))",
        },
        {
            content: "The amount was cleared for the next customer",
            trigger: ".o_field_widget[name=amount] input:value(/^(Rp\\s*)?0([.,]00)?$/)",
        },
        ...printStatement(
            "Print the statement as PDF",
            "action_print_statement",
            "qweb-pdf",
            "/report/pdf/jmsc_cooperative.report_statement",
            (pdf) => {
                if (!decodeURIComponent(pdf.url).includes('"account_ids":[')) {
                    throw new Error(`the PDF URL carries no account: ${pdf.url}`);
                }
            }
        ),
        ...printStatement(
            "Export the statement as Excel",
            "action_print_statement_xlsx",
            "xlsx",
            "/report/xlsx/jmsc_cooperative.statement_xlsx"
        ),
    ],
});

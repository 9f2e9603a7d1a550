/** @odoo-module **/
// Progress bar of a migrant import that reloads the record every few seconds while its jobs run,
// so the officer sees the chunks land without pressing Refresh.
import { onMounted, onWillUnmount } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { ProgressBarField, progressBarField } from "@web/views/fields/progress_bar/progress_bar_field";

const REFRESH_MS = 3000;

export class ImportProgressField extends ProgressBarField {
    setup() {
        super.setup();
        let timer = null;
        onMounted(() => {
            timer = setInterval(() => {
                const record = this.props.record;
                if (record.data.state === "running" && !record.dirty && !record.isNew) {
                    record.load();
                }
            }, REFRESH_MS);
        });
        onWillUnmount(() => clearInterval(timer));
    }
}

registry.category("fields").add("jmsc_import_progress", {
    ...progressBarField,
    component: ImportProgressField,
});

from . import migrant_registry_xlsx
from . import migrant_statistics_xlsx
from . import kantong_pmi_xlsx
from . import access_log_xlsx
from . import retention_dry_run_xlsx

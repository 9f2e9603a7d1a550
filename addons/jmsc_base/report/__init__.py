from . import xlsx_style
from . import migrant_registry_xlsx
from . import migrant_statistics_xlsx
from . import kantong_pmi_xlsx
from . import expiry_list_xlsx
from . import data_about_me
from . import access_log_xlsx
from . import retention_dry_run_xlsx

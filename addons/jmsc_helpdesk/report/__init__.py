from . import case_statistics_xlsx
from . import case_summary

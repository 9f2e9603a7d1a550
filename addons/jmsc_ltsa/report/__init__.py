from . import jmsc_ltsa_daily_xlsx
from . import jmsc_ltsa_sla_xlsx

from . import jmsc_coop_teller
from . import jmsc_coop_shu_wizard
from . import jmsc_coop_shu_wizard_line
from . import jmsc_coop_statement_wizard
from . import jmsc_coop_monthly_report_wizard
from . import jmsc_coop_member_register

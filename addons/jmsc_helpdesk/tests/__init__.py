from . import test_sla
from . import test_security
from . import test_case
from . import test_referral
from . import test_complaint
from . import test_reports
from . import test_tour

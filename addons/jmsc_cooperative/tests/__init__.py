from . import test_posting
from . import test_immutability
from . import test_security
from . import test_dues_shu
from . import test_reports
from . import test_property
from . import test_portal_tour
from . import test_teller

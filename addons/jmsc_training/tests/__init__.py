from . import test_enrolment
from . import test_schedule
from . import test_assessment
from . import test_security
from . import test_reports
from . import test_performance
from . import test_tour
from . import test_views

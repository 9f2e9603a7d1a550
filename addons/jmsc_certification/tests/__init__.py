from . import test_application
from . import test_certificate
from . import test_security
from . import test_public_route
from . import test_reports
from . import test_tour
from . import test_guards
from . import test_access_matrix

from . import test_access
from . import test_journey_sla
from . import test_public_pages
from . import test_reports
from . import test_ticket_queue
from . import test_tour_desk
from . import test_security
from . import test_walkin

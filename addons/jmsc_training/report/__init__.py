from . import jmsc_training_certificate
from . import jmsc_training_attendance_xlsx
from . import jmsc_training_statistics_xlsx

from . import jmsc_training_score_entry
from . import jmsc_training_enrol_wizard

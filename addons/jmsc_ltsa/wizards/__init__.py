from . import jmsc_ltsa_report_wizard

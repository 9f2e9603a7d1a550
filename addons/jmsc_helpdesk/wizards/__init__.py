from . import jmsc_helpdesk_sensitivity_wizard

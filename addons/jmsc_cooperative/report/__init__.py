from . import report_statement
from . import statement_xlsx
from . import monthly_xlsx
from . import arrears_xlsx
from . import statement_pdf
from . import ir_actions_report

"""Pure engines: validated models in, frozen result objects out. No I/O, no printing,
no clock, no formatting.

Result objects are frozen dataclasses with their `repr`, so that a debugger and a failing
test show them. Small value records (totals, outcomes) compare by value; the records that
hold models and other outcomes (a line, a settlement, a staffing outcome) are read, not
compared (`eq=False`). A command imports the engine it needs when it needs it (the absence
sweep only when there are consultants to count).
"""

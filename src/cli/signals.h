/* Stopping cleanly on INT, TERM and HUP (internal to cli/).
 *
 * The commands that write an output folder install a handler that only
 * records the signal.  The simulation polls the flag at each block of
 * trials (sim_plan_cancel_on); the command then removes its staging
 * folder, leaves the output folder as it was, and exits with 128 + the
 * signal's number (130, 143, 129). */
#ifndef EDTCO_CLI_SIGNALS_H
#define EDTCO_CLI_SIGNALS_H

#include <stdatomic.h>

/* Installs the handler for SIGINT, SIGTERM and SIGHUP, except for those
 * ignored when edtco started (nohup). */
void cli_catch_signals(void);

/* The flag the handler sets (the signal's number), for
 * sim_plan_cancel_on. */
const atomic_int *cli_cancel_flag(void);

/* The number of the signal received, or 0. */
int cli_cancelled(void);

/* Says on stderr that the command stopped and left dir as it was;
 * returns the exit status, 128 + the signal's number. */
int cli_cancel_exit(const char *dir);

#endif

/* Stopping cleanly on INT, TERM and HUP (see signals.h). */
#include "cli/signals.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

static atomic_int caught;

static void on_signal(int sig)
{
	/* Lock-free on every platform we build for, so safe here. */
	atomic_store(&caught, sig);
}

void cli_catch_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART; /* writes go on; the flag is polled */
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
	for (int i = 0; i < 3; i++) {
		/* A signal ignored when edtco started stays ignored (nohup,
		 * background jobs of a shell without job control). */
		struct sigaction old;
		if (sigaction(sigs[i], NULL, &old) == 0 &&
		    old.sa_handler == SIG_IGN)
			continue;
		sigaction(sigs[i], &sa, NULL);
	}
}

const atomic_int *cli_cancel_flag(void)
{
	return &caught;
}

int cli_cancelled(void)
{
	return atomic_load(&caught);
}

int cli_cancel_exit(const char *dir)
{
	int sig = atomic_load(&caught);
	const char *name = sig == SIGINT    ? "SIGINT"
			   : sig == SIGTERM ? "SIGTERM"
			   : sig == SIGHUP  ? "SIGHUP"
					    : "a signal";
	fprintf(stderr, "edtco: stopped by %s; '%s' was left as it was\n",
		name, dir);
	return 128 + sig;
}

/* Finding the example models by name (see example.h). */
#define _XOPEN_SOURCE 700 /* realpath */
#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/common.h"
#include "cli/example.h"
#include "util/mem.h"
#include "util/strbuf.h"
#include "util/suggest.h"

/* The folder of the running program, or NULL (not Linux, or unreadable). */
static char *program_folder(void)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	char *slash = strrchr(buf, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	return xstrdup(buf);
}

/* The model folders to search, in order (see example.h); returns their
 * number, each malloc'd in dirs[]. */
static size_t model_folders(char *dirs[4])
{
	size_t n = 0;
	const char *env = getenv("EDTCO_DATADIR");
	struct strbuf b = STRBUF_INIT;
	if (env && *env) {
		strbuf_printf(&b, "%s/models", env);
		dirs[n++] = strbuf_take(&b);
	}
	char *bin = program_folder();
	if (bin) {
		strbuf_printf(&b, "%s/../share/edtco/models", bin);
		dirs[n++] = strbuf_take(&b);
		strbuf_printf(&b, "%s/../models", bin);
		dirs[n++] = strbuf_take(&b);
		strbuf_printf(&b, "%s/../../models", bin);
		dirs[n++] = strbuf_take(&b);
		free(bin);
	}
	return n;
}

static int is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The example names in dir (its *.csv files, sorted); returns how many. */
static size_t list_examples(const char *dir, char ***out)
{
	*out = NULL;
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len <= 4 || e->d_name[0] == '.' ||
		    strcmp(e->d_name + len - 4, ".csv") != 0)
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 8;
			*out = xreallocarray(*out, cap, sizeof(char *));
		}
		(*out)[n] = xstrdup(e->d_name);
		(*out)[n++][len - 4] = '\0';
	}
	closedir(d);
	if (n)
		qsort(*out, n, sizeof(char *), cmp_names);
	return n;
}

/* A name is a plain file stem: no path, no hidden file. */
static int valid_name(const char *name)
{
	return *name && *name != '.' && !strchr(name, '/');
}

char *cli_find_example(const char *cmd, const char *name)
{
	char *dirs[4];
	size_t ndirs = model_folders(dirs);
	char *found = NULL;
	char **names = NULL;
	size_t nnames = 0;
	struct strbuf b = STRBUF_INIT;
	for (size_t i = 0; i < ndirs; i++) {
		if (!found && valid_name(name)) {
			strbuf_printf(&b, "%s/%s.csv", dirs[i], name);
			if (is_file(strbuf_str(&b)))
				found = realpath(strbuf_str(&b), NULL);
			strbuf_free(&b);
		}
		if (!found && !nnames)
			nnames = list_examples(dirs[i], &names);
	}
	if (!found) {
		const char *near = suggest_nearest(
			name, (const char *const *)names, nnames);
		for (size_t i = 0; i < nnames; i++)
			strbuf_printf(&b, "%s%s", i ? ", " : "", names[i]);
		if (!nnames)
			cli_usage_error(cmd, "no example models found (looked "
					"in %s; set EDTCO_DATADIR to the "
					"folder that holds models/)",
					ndirs ? dirs[0] : "no folder");
		else if (near)
			cli_usage_error(cmd, "unknown example '%s': did you "
					"mean '%s'? (examples: %s)", name,
					near, strbuf_str(&b));
		else
			cli_usage_error(cmd, "unknown example '%s' "
					"(examples: %s)", name,
					strbuf_str(&b));
	}
	for (size_t i = 0; i < nnames; i++)
		free(names[i]);
	free(names);
	for (size_t i = 0; i < ndirs; i++)
		free(dirs[i]);
	strbuf_free(&b);
	return found;
}

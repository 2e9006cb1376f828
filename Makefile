# edtco: multi-year cost of student-data services, with Monte Carlo ranges.
#
#   make          build build/edtco
#   make run      simulate the example scenario, write results and charts
#   make check    unit and command-line tests, then the same under ASan+UBSan
#   make bench    time one million trials of the example scenario
#   make fuzz     build the libFuzzer harnesses (clang) and run each for
#                 FUZZ_SECONDS (default 60)
#   make charts   regenerate the gallery in charts/
#   make install  (PREFIX, DESTDIR honoured)
#
# Missing Debian packages are installed with apt-get when run as root;
# otherwise the exact apt-get line is printed.

PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
MANDIR   ?= $(PREFIX)/share/man
# The example models and data (edtco run --example NAME finds them here,
# relative to BINDIR: keep BINDIR and DATADIR under one PREFIX).
DATADIR  ?= $(PREFIX)/share/edtco
DESTDIR  ?=
BUILD    ?= build
PKG_CONFIG ?= pkg-config
CC       ?= cc
CFLAGS   ?= -O2 -g
EXAMPLE  ?= models/ny-district.csv

VERSION := $(shell cat VERSION 2>/dev/null || echo 0.0.0)

WARN = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
       -Wmissing-prototypes -Wpointer-arith -Wwrite-strings -Wformat=2 \
       -Wvla -Wcast-qual
# Recursive on purpose: pkg-config runs only after the packages are present.
DEP_CFLAGS = $(shell $(PKG_CONFIG) --cflags gsl cairo freetype2 nettle libpng)
DEP_LIBS   = $(shell $(PKG_CONFIG) --libs gsl cairo freetype2 nettle libpng) -lcsv \
             -lpthread -lm
# -ffp-contract=off: the same arithmetic with and without FMA instructions.
# -fno-math-errno: sqrt and friends need not set errno (nothing reads it), so
# the compiler can use the instruction alone; no result changes.
ALL_CFLAGS = -std=c17 -D_POSIX_C_SOURCE=200809L -ffp-contract=off \
             -fno-math-errno $(WARN) \
             -Isrc -DEDTCO_VERSION='"$(VERSION)"' $(SAN_FLAGS) $(DEP_CFLAGS) \
             $(CPPFLAGS) $(CFLAGS)
ALL_LDFLAGS = $(SAN_FLAGS) $(LDFLAGS)

ifeq ($(SANITIZE),1)
SAN_FLAGS = -fsanitize=address,undefined,pointer-overflow \
            -fno-sanitize-recover=all \
            -fno-omit-frame-pointer
endif
# The fuzzing build (make fuzz): clang, libFuzzer's coverage, ASan, UBSan.
ifeq ($(SANITIZE),fuzz)
SAN_FLAGS = -fsanitize=fuzzer-no-link,address,undefined,pointer-overflow \
            -fno-sanitize-recover=all -fno-omit-frame-pointer
endif

# Debian packages: to build, and to run the tests (PDF tools, GNU parallel,
# script(1) for the pseudo-terminal test, groff and man(1) for the manual).
BUILD_PKGS = gcc make pkg-config libgsl-dev libcsv-dev libcairo2-dev \
             libcmocka-dev librandom123-dev nettle-dev libpng-dev \
             libfreetype-dev fonts-dejavu-core
CHECK_PKGS = poppler-utils qpdf parallel bsdutils time groff-base man-db
# Only for make fuzz (make check needs no clang).
FUZZ_PKGS  = clang-14 libclang-rt-14-dev
PKGS_STAMP = $(BUILD)/.pkgs-ok

LIB_SRCS  := $(sort $(wildcard src/*/*.c))
LIB_OBJS  := $(LIB_SRCS:%.c=$(BUILD)/obj/%.o)
MAIN_OBJ  := $(BUILD)/obj/src/main.o
UNIT_SRCS := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)
LIB       := $(BUILD)/libedtco.a
PROG      := $(BUILD)/edtco
# The LD_PRELOAD library of the fault-injection test (tests only; never
# built with the sanitizers, under which it cannot load).
FAULT_SO  := $(BUILD)/faultinject.so

# libFuzzer harnesses, one per reader (tests/fuzz/fuzz_NAME.c); make check
# replays each one's regression corpus (tests/fuzz/regress/NAME/) through
# the same entry point with the normal build.
FUZZ_NAMES   := csvin number model sweep chart exhibits merge
FUZZ_CC      ?= clang-14
FUZZ_SECONDS ?= 60
FUZZ_SRCS    := tests/fuzz/fuzz_util.c
FUZZ_DEPS    := $(FUZZ_SRCS) tests/fuzz/fuzz.h
REPLAY_BINS  := $(FUZZ_NAMES:%=$(BUILD)/tests/replay_%)
FUZZ_BINS    := $(FUZZ_NAMES:%=$(BUILD)/fuzz_%)

ifeq ($(V),1)
Q =
else
Q = @
endif

.PHONY: all run check test check-unit check-cli check-sanitize bench charts \
        install uninstall clean deps check-layers check-fuzz fuzz fuzz-run \
        check-install FORCE
.DELETE_ON_ERROR:

all: $(PROG)

deps: $(PKGS_STAMP)

$(PKGS_STAMP):
	$(Q)mkdir -p $(@D)
	$(Q)sh tests/tools/ensure-packages.sh $(BUILD_PKGS) $(CHECK_PKGS)
	$(Q)touch $@

# The flags this build folder was built with: when they change (make
# CFLAGS=..., a new VERSION, an edit of this file), everything is rebuilt.
FLAGS_STAMP = $(BUILD)/.flags

$(FLAGS_STAMP): FORCE | $(PKGS_STAMP)
	$(Q)mkdir -p $(@D)
	$(file >$@.new,$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS))
	$(Q)if cmp -s $@.new $@; then rm -f $@.new; else mv -f $@.new $@; fi

FORCE:

$(BUILD)/obj/%.o: %.c $(FLAGS_STAMP) | $(PKGS_STAMP)
	$(Q)mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(LIB): $(LIB_OBJS)
	$(Q)rm -f $@
	$(Q)ar rcs $@ $^

$(PROG): $(MAIN_OBJ) $(LIB) $(FLAGS_STAMP)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $(MAIN_OBJ) $(LIB) $(DEP_LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(LIB) \
                  $(FLAGS_STAMP) | $(PKGS_STAMP)
	$(Q)mkdir -p $(@D)
	@$(if $(Q),echo "  TEST    $@")
	$(Q)$(CC) $(ALL_CFLAGS) $(shell $(PKG_CONFIG) --cflags cmocka) \
	    -Itests/unit -DSOURCE_ROOT="\"$(CURDIR)\"" -o $@ $< $(LIB) \
	    $(ALL_LDFLAGS) \
	    $(shell $(PKG_CONFIG) --libs cmocka) $(DEP_LIBS)

$(FAULT_SO): tests/tools/faultinject.c | $(PKGS_STAMP)
	$(Q)mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) -std=c17 -O2 -g -Wall -Wextra -shared -fPIC -o $@ $< -ldl

run: $(PROG)
	$(PROG) run $(EXAMPLE)

check: check-unit check-cli check-fuzz check-layers check-install
	$(Q)$(MAKE) --no-print-directory BUILD=$(BUILD)/sanitize SANITIZE=1 \
	    check-unit check-cli check-fuzz
	@echo "make check: all tests passed (plain and ASan+UBSan builds)"

test: check

check-unit: $(UNIT_BINS)
	$(Q)sh tests/tools/run-units.sh $(UNIT_BINS)

check-cli: $(PROG) $(FAULT_SO)
	$(Q)sh tests/cli/run.sh $(PROG)

check-layers:
	$(Q)sh tests/tools/check-layers.sh

$(BUILD)/tests/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(FUZZ_DEPS) \
                         $(LIB) $(FLAGS_STAMP) | $(PKGS_STAMP)
	$(Q)mkdir -p $(@D)
	@$(if $(Q),echo "  REPLAY  $@")
	$(Q)$(CC) $(ALL_CFLAGS) -Itests/fuzz -DSOURCE_ROOT="\"$(CURDIR)\"" \
	    -o $@ $< tests/fuzz/replay.c $(FUZZ_SRCS) $(LIB) $(ALL_LDFLAGS) \
	    $(DEP_LIBS)

check-fuzz: $(REPLAY_BINS)
	$(Q)sh tests/fuzz/replay.sh $(BUILD)/tests $(FUZZ_NAMES)

$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_DEPS) $(LIB) $(FLAGS_STAMP)
	@$(if $(Q),echo "  FUZZER  $@")
	$(Q)$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -Itests/fuzz \
	    -DSOURCE_ROOT="\"$(CURDIR)\"" -o $@ $< $(FUZZ_SRCS) $(LIB) \
	    $(ALL_LDFLAGS) $(DEP_LIBS)

# make fuzz: the harnesses built with clang into $(BUILD)/fuzz, then each
# run for FUZZ_SECONDS (FUZZ=NAME for one); see tests/fuzz/run.sh.
fuzz:
	$(Q)sh tests/tools/ensure-packages.sh $(FUZZ_PKGS)
	$(Q)$(MAKE) --no-print-directory BUILD=$(BUILD)/fuzz CC=$(FUZZ_CC) \
	    SANITIZE=fuzz fuzz-run

fuzz-run: $(FUZZ_BINS)
	$(Q)sh tests/fuzz/run.sh $(BUILD) $(FUZZ_SECONDS) \
	    $(or $(FUZZ),$(FUZZ_NAMES))

check-install: $(PROG)
	$(Q)sh tests/tools/check-install.sh $(BUILD)

bench: $(PROG)
	$(Q)sh tests/tools/bench.sh $(PROG) $(EXAMPLE)

charts: $(PROG)
	$(Q)sh tests/tools/gallery.sh $(PROG) $(EXAMPLE)

# The manual (src/cli/man/) and the examples (models/, data/).
MAN1      := $(wildcard src/cli/man/*.1)
MAN5      := $(wildcard src/cli/man/*.5)
EX_MODELS := $(wildcard models/*.csv)
EX_DATA   := $(wildcard data/*.csv) data/README.md
EX_SWEEPS := $(wildcard data/sweeps/*.csv)

install: $(PROG)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(DATADIR)/models \
	    $(DESTDIR)$(DATADIR)/data/sweeps
	install -m 755 $(PROG) $(DESTDIR)$(BINDIR)/edtco
	install -m 644 $(MAN1) $(DESTDIR)$(MANDIR)/man1
	install -m 644 $(MAN5) $(DESTDIR)$(MANDIR)/man5
	install -m 644 $(EX_MODELS) $(DESTDIR)$(DATADIR)/models
	install -m 644 $(EX_DATA) $(DESTDIR)$(DATADIR)/data
	install -m 644 $(EX_SWEEPS) $(DESTDIR)$(DATADIR)/data/sweeps

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/edtco
	rm -f $(addprefix $(DESTDIR)$(MANDIR)/man1/,$(notdir $(MAN1)))
	rm -f $(addprefix $(DESTDIR)$(MANDIR)/man5/,$(notdir $(MAN5)))
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf $(BUILD) out

-include $(LIB_OBJS:.o=.d) $(MAIN_OBJ:.o=.d)

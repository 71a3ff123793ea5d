/*
 * profitdll_sim.h — exports of the ProfitDLL SIMULATOR that the vendor DLL does not have.
 *
 * The simulator (libprofitdll-sim.so) is a test double of Nelogica's ProfitDLL: it exports the functions
 * of ../profitdll.h with the same ABI and replays canonical replay files (docs/replay-format.md). These
 * extra functions configure it; a client detects the simulator by looking up "SimSetOption".
 * Options are documented in native/sim/README.md.
 */
#ifndef BLACKBOX_PROFITDLL_SIM_H
#define BLACKBOX_PROFITDLL_SIM_H

#include "../profitdll.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Sets one option (UTF-8 key and value). Returns NL_OK, or NL_INVALID_ARGS with SimLastError() naming
   the key and value (and, for replay files, the file, line, field and value). Options take effect at the
   next DLLInitialize*, except where README.md says otherwise. Not to be called from a callback. */
PDLL_EXPORT NResult SimSetOption(const char *key, const char *value);

/* Restores every option to its default and unloads replay files. Only while not initialized. */
PDLL_EXPORT NResult SimResetOptions(void);

/* The last error message of SimSetOption/DLLInitialize* on this process (UTF-8, static storage). */
PDLL_EXPORT const char *SimLastError(void);

/* With replay.start=manual: starts the tape now. NL_NOT_INITIALIZED before initialization. */
PDLL_EXPORT NResult SimStartReplay(void);

/* replay.speed=max only: runs the tape up to and including every event with ts_nanos <= the argument (UTC epoch
   ns), starting it if needed, then pauses it there; the server clock shows ts_nanos. Returns when those events
   and their callbacks have run, so a request made afterwards sees exactly that tape position (deterministic
   tests). SimStartReplay lets the tape run freely again. NL_NOT_INITIALIZED, NL_INVALID_ARGS (another speed),
   NL_INTERNAL_ERROR (called from a callback). */
PDLL_EXPORT NResult SimAdvanceReplay(int64_t ts_nanos);

#ifdef __cplusplus
}
#endif

#endif

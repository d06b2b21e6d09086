#include "CBuildInfo.h"

/* Package.swift defines CMLENS_GIT_COMMIT from SwiftPM's view of the checkout. A C define is the one
   build setting that carries a string into the binary: Swift's -D only sets flags. */
#ifndef CMLENS_GIT_COMMIT
#define CMLENS_GIT_COMMIT ""
#endif

const char *cmlens_git_commit(void) { return CMLENS_GIT_COMMIT; }

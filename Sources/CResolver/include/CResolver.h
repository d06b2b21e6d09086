#ifndef CMLENS_CRESOLVER_H
#define CMLENS_CRESOLVER_H
#include <stddef.h>

/// One thread's DNS client: glibc's resolver state (res_ninit) with, optionally, a single server
/// replacing the system's list. A handle must be used by one thread at a time.
typedef struct cresolver cresolver;

/// How a query ended; the resolver library's h_errno and errno folded into what a caller acts on.
enum cresolver_outcome {
    CRESOLVER_ANSWER = 0,        /* records of the asked type were returned */
    CRESOLVER_NOT_FOUND = 1,     /* NXDOMAIN: no such name */
    CRESOLVER_NO_DATA = 2,       /* the name exists, without records of this type */
    CRESOLVER_TIMED_OUT = 3,     /* no server answered in time */
    CRESOLVER_SERVER_FAILED = 4, /* SERVFAIL, REFUSED, unreachable server, or a malformed answer */
};

/// `server` is a numeric IPv4 or IPv6 address, or NULL for the system's configuration;
/// `port` 0 means 53. `timeout_seconds` bounds one query (glibc counts whole seconds; no retries).
/// Returns NULL and a message in `error` when the resolver cannot be set up.
cresolver *cresolver_open(const char *server, int port, int timeout_seconds, char *error, size_t error_size);
void cresolver_close(cresolver *resolver);

/// Queries the absolute name `name` for `type` (1 = A, 28 = AAAA, 12 = PTR) with res_nquery.
/// On CRESOLVER_ANSWER, the records of that type are written to `out` as text (an address, or a
/// domain name without its final dot), each followed by '\n', and `*count` is their number.
int cresolver_query(cresolver *resolver, const char *name, int type, char *out, size_t out_size, int *count);

/// The configured search domains (resolv.conf `search`/`domain`, or LOCALDOMAIN), index from 0;
/// NULL past the last one, or when the configuration turns searching off.
const char *cresolver_search_domain(const cresolver *resolver, int index);
/// resolv.conf's `ndots`: names with at least this many dots are tried as they are first.
int cresolver_ndots(const cresolver *resolver);

#endif

#define _GNU_SOURCE 1
#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <resolv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "CResolver.h"

struct cresolver {
    struct __res_state state;
    unsigned char answer[65536];
};

cresolver *cresolver_open(const char *server, int port, int timeout_seconds, char *error, size_t error_size) {
    cresolver *r = calloc(1, sizeof *r);
    if (r == NULL) {
        snprintf(error, error_size, "out of memory");
        return NULL;
    }
    if (res_ninit(&r->state) != 0) {
        snprintf(error, error_size, "cannot read the resolver configuration (/etc/resolv.conf)");
        free(r);
        return NULL;
    }
    // One attempt per server, each bounded by the timeout: a per-query limit rather than glibc's
    // doubling retries.
    r->state.retrans = timeout_seconds < 1 ? 1 : timeout_seconds;
    r->state.retry = 1;
    r->state.options &= ~(unsigned long)RES_ROTATE;
    // Keep the socket between queries: a worker asks thousands of them.
    r->state.options |= RES_STAYOPEN;
    // With a pfcode set, res_send hands back SERVFAIL and REFUSED answers instead of swallowing
    // them; that is what tells a failing server from one that never answered.
    r->state.pfcode = RES_PRF_HEAD1;
    if (server != NULL) {
        in_port_t net_port = htons((in_port_t)(port > 0 ? port : NAMESERVER_PORT));
        struct in_addr v4;
        // Drop every configured server, IPv6 ones included (glibc keeps those in _u._ext).
        for (int i = 0; i < MAXNS; i++) {
#if defined(__GLIBC__)
            if (r->state._u._ext.nsaddrs[i] != NULL) {
                free(r->state._u._ext.nsaddrs[i]);
                r->state._u._ext.nsaddrs[i] = NULL;
            }
#endif
            memset(&r->state.nsaddr_list[i], 0, sizeof r->state.nsaddr_list[i]);
        }
        if (inet_pton(AF_INET, server, &v4) == 1) {
            r->state.nsaddr_list[0].sin_family = AF_INET;
            r->state.nsaddr_list[0].sin_port = net_port;
            r->state.nsaddr_list[0].sin_addr = v4;
        } else {
#if defined(__GLIBC__)
            struct in6_addr v6;
            if (inet_pton(AF_INET6, server, &v6) != 1) {
                snprintf(error, error_size, "'%s' is not a numeric IPv4 or IPv6 address", server);
                res_nclose(&r->state);
                free(r);
                return NULL;
            }
            struct sockaddr_in6 *a = calloc(1, sizeof *a);
            if (a == NULL) {
                snprintf(error, error_size, "out of memory");
                res_nclose(&r->state);
                free(r);
                return NULL;
            }
            a->sin6_family = AF_INET6;
            a->sin6_port = net_port;
            a->sin6_addr = v6;
            r->state._u._ext.nsaddrs[0] = a;
#else
            snprintf(error, error_size, "'%s': give an IPv4 address (IPv6 servers need glibc)", server);
            res_nclose(&r->state);
            free(r);
            return NULL;
#endif
        }
        r->state.nscount = 1;
    }
    return r;
}

void cresolver_close(cresolver *r) {
    if (r == NULL) return;
    res_nclose(&r->state);
    free(r);
}

static int outcome_of_failure(const cresolver *r, int saved_errno) {
    switch (r->state.res_h_errno) {
    case HOST_NOT_FOUND: return CRESOLVER_NOT_FOUND;
    case NO_DATA: return CRESOLVER_NO_DATA;
    case TRY_AGAIN: {
        // TRY_AGAIN is both "no answer" (res_send left ETIMEDOUT, the answer buffer untouched) and
        // a SERVFAIL answer (kept in the buffer thanks to pfcode).
        int rcode = r->answer[3] & 0x0F;
        return saved_errno == ETIMEDOUT && rcode != ns_r_servfail ? CRESOLVER_TIMED_OUT : CRESOLVER_SERVER_FAILED;
    }
    default: return CRESOLVER_SERVER_FAILED;
    }
}

const char *cresolver_search_domain(const cresolver *r, int index) {
    if (index < 0 || index >= MAXDNSRCH) return NULL;
    if ((r->state.options & RES_DNSRCH) == 0 && (r->state.options & RES_DEFNAMES) == 0) return NULL;
    return r->state.dnsrch[index];
}

int cresolver_ndots(const cresolver *r) { return (int)r->state.ndots; }

int cresolver_query(cresolver *r, const char *name, int type, char *out, size_t out_size, int *count) {
    *count = 0;
    if (out_size > 0) out[0] = '\0';
    memset(r->answer, 0, NS_HFIXEDSZ);
    errno = 0;
    int length = res_nquery(&r->state, name, ns_c_in, type, r->answer, sizeof r->answer);
    int saved_errno = errno;
    if (length < 0) return outcome_of_failure(r, saved_errno);
    if (length > (int)sizeof r->answer) length = (int)sizeof r->answer;

    ns_msg message;
    if (ns_initparse(r->answer, length, &message) != 0) return CRESOLVER_SERVER_FAILED;
    size_t used = 0;
    int records = ns_msg_count(message, ns_s_an);
    for (int i = 0; i < records; i++) {
        ns_rr rr;
        if (ns_parserr(&message, ns_s_an, i, &rr) != 0) return CRESOLVER_SERVER_FAILED;
        if (ns_rr_class(rr) != ns_c_in || (int)ns_rr_type(rr) != type) continue;  // CNAMEs on the way
        char text[NS_MAXDNAME + 1];
        if (type == ns_t_a && ns_rr_rdlen(rr) == 4) {
            if (inet_ntop(AF_INET, ns_rr_rdata(rr), text, sizeof text) == NULL) continue;
        } else if (type == ns_t_aaaa && ns_rr_rdlen(rr) == 16) {
            if (inet_ntop(AF_INET6, ns_rr_rdata(rr), text, sizeof text) == NULL) continue;
        } else if (type == ns_t_ptr) {
            if (ns_name_uncompress(ns_msg_base(message), ns_msg_end(message), ns_rr_rdata(rr), text, sizeof text) < 0)
                return CRESOLVER_SERVER_FAILED;
        } else {
            continue;
        }
        size_t n = strlen(text);
        if (n > 1 && text[n - 1] == '.') text[--n] = '\0';
        if (used + n + 2 > out_size) break;  // the caller's buffer holds every realistic answer
        memcpy(out + used, text, n);
        used += n;
        out[used++] = '\n';
        out[used] = '\0';
        (*count)++;
    }
    return *count > 0 ? CRESOLVER_ANSWER : CRESOLVER_NO_DATA;
}

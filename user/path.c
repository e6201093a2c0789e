/*
 * path.c - guest absolute paths looked up under the -L prefix first.
 *
 * A dynamically linked guest program needs its own dynamic loader and
 * libraries (/lib/ld-linux-aarch64.so.1, /lib/aarch64-linux-gnu/libc.so.6),
 * which live in a sysroot on the host (-L /usr/aarch64-linux-gnu, or a tree
 * of extracted Debian arm64 packages).  As qemu-user does, a guest absolute
 * path names the file under the prefix when it exists there, and the
 * host's file otherwise (so /etc/passwd, /tmp/x, the user's files work).
 *
 * The rules (user/README.md):
 * - only absolute paths, only in the calls that look a file up without
 *   creating or changing a name: open/openat (any flags: a file that
 *   exists under the prefix is that file), stat/statx, access, readlink,
 *   statfs, execve and the PT_INTERP interpreter; mkdir, unlink, rename,
 *   link, symlink, chmod, chown, utimes, truncate, chdir work on the host
 *   path, so that the guest never modifies the sysroot by accident;
 * - /proc, /dev and /sys (and "/" itself) are always the host's;
 * - the path is resolved inside the prefix as a chroot would: a symbolic
 *   link with an absolute target (Debian's packages hold many, such as
 *   /lib/ld-linux-aarch64.so.1 -> /lib/aarch64-linux-gnu/ld-linux-...)
 *   restarts at the prefix, ".." stops at it; a component that does not
 *   exist under the prefix makes the whole lookup the host's;
 * - the last component's link is not followed when the call does not
 *   follow it (lstat, readlink, O_NOFOLLOW), so the guest sees the link.
 */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "user/user-internal.h"

/* Symbolic links followed in one lookup before giving up (the kernel's 40). */
#define MAX_LINKS 40

static const char *const host_only[] = { "/proc", "/dev", "/sys" };

static bool host_only_path(const char *p)
{
    for (size_t i = 0; i < sizeof(host_only) / sizeof(host_only[0]); i++) {
        size_t n = strlen(host_only[i]);
        if (!strncmp(p, host_only[i], n) && (p[n] == 0 || p[n] == '/'))
            return true;
    }
    return false;
}

/*
 * Resolve the guest absolute path under prefix into out (prefix + the
 * resolved guest path, every component but maybe the last one a real
 * directory).  Returns true when every component exists there.
 */
static bool resolve_under(const char *prefix, const char *path, bool follow_last,
                          char *out, size_t outlen)
{
    char rest[PATH_MAX], link[PATH_MAX], tmp[PATH_MAX];
    size_t plen = strlen(prefix), len;
    int links = 0;

    while (plen > 1 && prefix[plen - 1] == '/')
        plen--;
    if (plen + 2 > outlen || strlen(path) >= sizeof(rest))
        return false;
    memcpy(out, prefix, plen);
    len = plen;
    out[len] = 0;
    snprintf(rest, sizeof(rest), "%s", path);

    char *r = rest;
    for (;;) {
        while (*r == '/')
            r++;
        if (!*r)
            return true;
        char *slash = strchr(r, '/');
        size_t clen = slash ? (size_t)(slash - r) : strlen(r);
        bool last = true;
        for (const char *q = r + clen; *q; q++)
            if (*q != '/') {
                last = false;
                break;
            }
        if (clen == 1 && r[0] == '.') {
            r += clen;
            continue;
        }
        if (clen == 2 && r[0] == '.' && r[1] == '.') {
            /* Up one component, never above the prefix. */
            while (len > plen && out[len - 1] != '/')
                len--;
            if (len > plen)
                len--;
            out[len] = 0;
            r += clen;
            continue;
        }
        if (len + 1 + clen + 1 > outlen)
            return false;
        out[len] = '/';
        memcpy(out + len + 1, r, clen);
        size_t newlen = len + 1 + clen;
        out[newlen] = 0;
        r += clen;

        struct stat st;
        if (lstat(out, &st) < 0)
            return false;
        if (S_ISLNK(st.st_mode) && (!last || follow_last)) {
            ssize_t n = readlink(out, link, sizeof(link) - 1);
            if (n <= 0 || ++links > MAX_LINKS)
                return false;
            link[n] = 0;
            /* The target, then what is left of the path. */
            if (snprintf(tmp, sizeof(tmp), "%s/%s", link, r) >= (int)sizeof(tmp))
                return false;
            memcpy(rest, tmp, strlen(tmp) + 1);
            r = rest;
            if (link[0] == '/')
                len = plen;         /* absolute: from the prefix's root */
            out[len] = 0;           /* relative: from the link's directory */
            continue;
        }
        if (!last && !S_ISDIR(st.st_mode))
            return false;
        len = newlen;
    }
}

const char *user_prefix_path(const char *path, bool follow_last, char *buf, size_t buflen)
{
    const char *prefix = user_proc.ld_prefix;

    if (!path || path[0] != '/' || !prefix || !*prefix || host_only_path(path))
        return path;
    if (path[strspn(path, "/")] == 0)
        return path;
    if (resolve_under(prefix, path, follow_last, buf, buflen))
        return buf;
    return path;
}

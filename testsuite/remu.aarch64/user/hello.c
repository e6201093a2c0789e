/* hello.c - a C program with the C library: static (glibc), and dynamic
 * (for the missing-interpreter test). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    char *p = malloc(100);

    snprintf(p, 100, "hello %d %s", argc, argc > 1 ? argv[1] : "-");
    puts(p);
    free(p);
    return (int)strlen(argv[0]) > 0 ? 3 : 4;
}

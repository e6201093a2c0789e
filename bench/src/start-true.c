/* start-true: does nothing; run statically and dynamically linked, it
 * measures process start-up (ELF loading, the dynamic loader, libc init). */
int main(void)
{
    return 0;
}

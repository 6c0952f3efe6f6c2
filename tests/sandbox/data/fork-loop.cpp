// Forks in a loop; every child sleeps.
#include <cstdio>
#include <unistd.h>

int main()
{
    int started = 0;
    for (int i = 0; i < 100000; ++i) {
        const pid_t child = fork();
        if (child == 0) {
            sleep(600);
            _exit(0);
        }
        started += child > 0 ? 1 : 0;
    }
    std::printf("started %d\n", started);
}

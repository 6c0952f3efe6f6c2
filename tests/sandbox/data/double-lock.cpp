// Locks a mutex it already holds: std::mutex is not recursive, so the thread waits for itself.
#include <cstdio>
#include <mutex>

int main()
{
    std::mutex mutex;
    mutex.lock();
    std::printf("locked once\n");
    std::fflush(stdout);
    mutex.lock();
    std::printf("never printed\n");
}

// Keeps allocating and touching memory under ThreadSanitizer: 4 GiB if nothing stops it.
#include <cstdio>
#include <cstring>
#include <vector>

int main()
{
    std::vector<char *> kept;
    for (int i = 0; i < 64; ++i) {
        char *chunk = new char[64 << 20];
        std::memset(chunk, i + 1, 64 << 20);
        kept.push_back(chunk);
        std::printf("holding %d MiB\n", (i + 1) * 64);
        std::fflush(stdout);
    }
    return int(kept.size()) - 64;
}

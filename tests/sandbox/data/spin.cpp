// Counts for ever on every core it can get, printing nothing.
#include <atomic>
#include <thread>
#include <vector>

int main()
{
    std::atomic<unsigned long> spins{0};
    std::vector<std::thread> spinners;
    for (int i = 0; i < 2; ++i) {
        spinners.emplace_back([&spins] {
            for (;;) {
                spins.fetch_add(1, std::memory_order_relaxed);
            }
        });
    }
    for (std::thread &spinner : spinners) {
        spinner.join();
    }
}

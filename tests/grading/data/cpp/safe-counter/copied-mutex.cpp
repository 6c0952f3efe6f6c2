#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

class SafeCounter
{
public:
    SafeCounter() = default;

    // std::mutex can't be copied, so give the copy a fresh one
    SafeCounter(const SafeCounter &other) : count(other.count) {}

    void Inc()
    {
        std::lock_guard<std::mutex> lock(m);
        count++;
    }

    int Value()
    {
        std::lock_guard<std::mutex> lock(m);
        return count;
    }

private:
    std::mutex m;
    int count = 0;
};

void work(SafeCounter c)
{
    for (int j = 0; j < 100; j++) {
        c.Inc();
    }
}

int main()
{
    SafeCounter c;
    std::vector<std::thread> threads;
    for (int i = 0; i < 100; i++) {
        threads.emplace_back(work, c);
    }
    for (auto &t : threads) {
        t.join();
    }
    std::cout << c.Value() << std::endl;
}

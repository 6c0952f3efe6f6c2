#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

class SafeCounter
{
public:
    void Inc()
    {
        std::lock_guard<std::mutex> lock(m);
        count++
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

int main()
{
    SafeCounter c;
    std::vector<std::thread> threads;
    for (int i = 0; i < 100; i++) {
        threads.emplace_back([&c] {
            for (int j = 0; j < 100; j++) {
                c.Inc();
            }
        });
    }
    for (auto &t : threads) {
        t.join();
    }
    std::cout << c.Value() << std::endl;
}

#include <chrono>
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

// Two locks taken in opposite orders: Inc takes the count's lock and then the log's, Value the
// log's and then the count's. A thread in each at the same moment waits for the other forever.
class SafeCounter {
public:
    void Inc()
    {
        std::lock_guard<std::mutex> count(countMutex_);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        std::lock_guard<std::mutex> log(logMutex_);
        ++count_;
        ++log_;
    }
    int Value()
    {
        std::lock_guard<std::mutex> log(logMutex_);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        std::lock_guard<std::mutex> count(countMutex_);
        return count_;
    }

private:
    std::mutex countMutex_;
    std::mutex logMutex_;
    int count_ = 0;
    int log_ = 0;
};

int main()
{
    SafeCounter counter;
    std::vector<std::thread> workers;
    for (int i = 0; i < 100; ++i) {
        workers.emplace_back([&counter] {
            for (int j = 0; j < 100; ++j) {
                counter.Inc();
            }
        });
    }
    // Watches the progress while the workers count.
    std::thread watcher([&counter] {
        for (int k = 0; k < 100; ++k) {
            std::cout << "so far " << counter.Value() << '\n';
        }
    });
    for (auto &worker : workers) {
        worker.join();
    }
    watcher.join();
    std::cout << counter.Value() << '\n';
}

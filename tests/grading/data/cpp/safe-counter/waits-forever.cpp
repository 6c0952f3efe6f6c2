#include <condition_variable>
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

class SafeCounter {
public:
    void Inc()
    {
        std::lock_guard<std::mutex> lock(mutex_);
        ++count_;
    }
    int Value()
    {
        std::lock_guard<std::mutex> lock(mutex_);
        return count_;
    }

private:
    std::mutex mutex_;
    int count_ = 0;
};

int main()
{
    SafeCounter counter;
    std::mutex mutex;
    std::condition_variable allDone;
    int finished = 0;
    std::vector<std::thread> workers;
    for (int i = 0; i < 100; ++i) {
        workers.emplace_back([&] {
            for (int j = 0; j < 100; ++j) {
                counter.Inc();
            }
            std::lock_guard<std::mutex> lock(mutex);
            ++finished; // but nobody calls allDone.notify_one()
        });
    }
    for (auto &worker : workers) {
        worker.detach();
    }
    // Waits for a notification that never comes: the predicate is checked only when woken.
    std::unique_lock<std::mutex> lock(mutex);
    allDone.wait(lock);
    std::cout << counter.Value() << '\n';
}

// Safe counter: reference solution.

#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

constexpr int kWorkers = 100;
constexpr int kIncsPerWorker = 100;

// A counter that many threads may update at the same time. m_mutex guards
// m_count. The mutex member also makes the class impossible to copy, which is
// what we want: a copy would have a mutex of its own and protect nothing.
class SafeCounter
{
public:
    void Inc()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        ++m_count;
    }

    int Value()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_count;
    }

private:
    std::mutex m_mutex;
    int m_count = 0;
};

int main()
{
    SafeCounter counter;
    {
        std::vector<std::jthread> workers;
        workers.reserve(kWorkers);
        for (int i = 0; i < kWorkers; ++i) {
            workers.emplace_back([&counter] {
                for (int j = 0; j < kIncsPerWorker; ++j) {
                    counter.Inc();
                }
            });
        }
    } // every std::jthread joins its thread here, before the value is read

    std::cout << counter.Value() << '\n';
    return 0;
}

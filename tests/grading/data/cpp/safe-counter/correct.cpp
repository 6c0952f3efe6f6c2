#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

class SafeCounter
{
public:
    void Inc()
    {
        std::scoped_lock guard(mtx_);
        ++n_;
    }

    int Value() const
    {
        std::scoped_lock guard(mtx_);
        return n_;
    }

private:
    mutable std::mutex mtx_;
    int n_ = 0;
};

int main()
{
    SafeCounter counter;
    std::vector<std::thread> pool;
    for (int t = 0; t < 100; ++t) {
        pool.emplace_back([&counter] {
            for (int k = 0; k < 100; ++k) {
                counter.Inc();
            }
        });
    }
    for (auto &th : pool) {
        th.join();
    }
    std::cout << "count = " << counter.Value() << std::endl;
    std::cout << counter.Value() << std::endl;
    return 0;
}

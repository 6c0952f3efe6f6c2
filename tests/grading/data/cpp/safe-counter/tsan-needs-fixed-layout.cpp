// A correct counter that imitates ThreadSanitizer on a kernel with high ASLR entropy: while
// address randomisation is on it prints TSan's fatal mapping error and stops, as TSan itself
// does there. The grader must rerun it with randomisation off and say so.
#include <sys/personality.h>

#include <cstdio>
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

class SafeCounter {
public:
    void Inc() {
        std::lock_guard<std::mutex> lock(mu_);
        ++count_;
    }
    int Value() {
        std::lock_guard<std::mutex> lock(mu_);
        return count_;
    }

private:
    std::mutex mu_;
    int count_ = 0;
};

int main() {
    if ((personality(0xffffffff) & ADDR_NO_RANDOMIZE) == 0) {
        std::fprintf(stderr, "FATAL: ThreadSanitizer: unexpected memory mapping 0x5e1a2c400000-0x5e1a2c420000\n");
        return 66;
    }
    SafeCounter counter;
    std::vector<std::thread> workers;
    for (int i = 0; i < 100; ++i) {
        workers.emplace_back([&counter] {
            for (int j = 0; j < 100; ++j) {
                counter.Inc();
            }
        });
    }
    for (auto &worker : workers) {
        worker.join();
    }
    std::cout << counter.Value() << '\n';
}

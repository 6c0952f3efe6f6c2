#include <iostream>
#include <mutex>
#include <thread>

class SafeCounter
{
public:
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

int finished = 0;

int main()
{
    SafeCounter c;
    for (int i = 0; i < 100; i++) {
        std::thread t([&c] {
            for (int j = 0; j < 100; j++) {
                c.Inc();
            }
            finished++;
        });
        t.detach(); // no need to keep the thread objects around
    }
    while (finished < 100) {
        std::this_thread::yield();
    }
    std::cout << c.Value() << std::endl;
}

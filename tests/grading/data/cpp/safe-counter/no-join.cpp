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

SafeCounter counter;

int main()
{
    for (int i = 0; i < 100; i++) {
        std::thread([] {
            for (int j = 0; j < 100; j++) {
                counter.Inc();
            }
        }).detach();
    }
    std::cout << counter.Value() << std::endl;
    return 0;
}

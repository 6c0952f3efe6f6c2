#include <iostream>
#include <thread>
#include <vector>

class SafeCounter
{
public:
    void Inc() { count++; }
    int Value() { return count; }

private:
    int count = 0;
};

int main()
{
    SafeCounter c;
    std::vector<std::thread> threads;
    for (int i = 0; i < 100; i++) {
        threads.push_back(std::thread([&c]() {
            for (int j = 0; j < 100; j++) {
                c.Inc();
            }
        }));
    }
    for (auto &t : threads) {
        t.join();
    }
    std::cout << c.Value() << std::endl;
}

#include <chrono>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

struct Settings
{
    std::string databaseUrl;
    int maxConns;
};

class Config
{
public:
    Settings *Load()
    {
        if (!initialized) {
            initialized = true;
            std::cout << "initializing config" << std::endl;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
            settings = new Settings{"postgres://db/app", 5};
        }
        return settings;
    }

private:
    bool initialized = false;
    Settings *settings = nullptr;
};

int main()
{
    Config c;
    std::vector<Settings *> got(10);
    std::vector<std::thread> threads;
    for (int i = 0; i < 10; i++) {
        threads.emplace_back([&c, &got, i] { got[i] = c.Load(); });
    }
    for (auto &t : threads) {
        t.join();
    }
    bool same = true;
    for (auto *s : got) {
        if (s != got[0]) {
            same = false;
        }
    }
    std::cout << "all the same: " << same << std::endl;
}

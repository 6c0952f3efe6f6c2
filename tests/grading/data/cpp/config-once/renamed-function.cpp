#include <iostream>
#include <memory>
#include <mutex>
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
    Settings *Get()
    {
        std::call_once(flag, [this] {
            std::cout << "initializing config" << std::endl;
            settings = std::make_unique<Settings>(Settings{"postgres://db/app", 5});
        });
        return settings.get();
    }

private:
    std::once_flag flag;
    std::unique_ptr<Settings> settings;
};

int main()
{
    Config c;
    std::vector<Settings *> got(10);
    std::vector<std::thread> threads;
    for (int i = 0; i < 10; i++) {
        threads.emplace_back([&c, &got, i] { got[i] = c.Get(); });
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

#include <iostream>
#include <string>
#include <thread>
#include <vector>

struct Settings
{
    std::string host;
    int port;
    bool verbose;
};

class Config
{
public:
    // C++11 guarantees a function-local static is initialised exactly once,
    // even when several threads get here at the same time.
    Settings *Load()
    {
        static Settings settings = readSettings();
        return &settings;
    }

private:
    static Settings readSettings()
    {
        std::cout << "initializing config (reading app.ini)" << std::endl;
        return Settings{"localhost", 5432, false};
    }
};

int main()
{
    Config config;
    Settings *seen[10] = {};
    std::vector<std::thread> threads;
    for (int i = 0; i < 10; ++i) {
        threads.emplace_back([&config, &seen, i] { seen[i] = config.Load(); });
    }
    for (auto &t : threads) {
        t.join();
    }
    bool same = true;
    for (Settings *s : seen) {
        if (s != seen[0]) {
            same = false;
        }
    }
    std::cout << (same ? "everyone got the same settings" : "different settings!") << std::endl;
    std::cout << seen[0]->host << ":" << seen[0]->port << std::endl;
}

// Config once: reference solution.

#include <chrono>
#include <iostream>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

constexpr int kCallers = 10;

// What the program reads from its configuration.
struct Settings
{
    std::string databaseUrl;
    int maxConnections = 0;
    bool debug = false;
};

// Builds the Settings the first time they are needed and hands out a pointer
// to that one Settings object to every caller after that.
class Config
{
public:
    // std::call_once runs the lambda in exactly one caller; the others wait
    // until it has finished, and then see everything it wrote.
    const Settings *Load()
    {
        std::call_once(m_once, [this] {
            std::cout << "initializing config" << std::endl;
            std::this_thread::sleep_for(std::chrono::milliseconds(20)); // pretend to read a file
            m_settings =
                std::make_unique<Settings>(Settings{"postgres://localhost:5432/shop", 20, false});
        });
        return m_settings.get();
    }

private:
    std::once_flag m_once;
    std::unique_ptr<Settings> m_settings; // written only inside call_once
};

int main()
{
    Config config;
    std::vector<const Settings *> got(kCallers, nullptr);
    {
        std::vector<std::jthread> callers;
        for (int i = 0; i < kCallers; ++i) {
            // Each thread writes only its own element of got.
            callers.emplace_back([&config, &got, i] { got[i] = config.Load(); });
        }
    } // the jthreads join here

    bool same = true;
    for (const Settings *s : got) {
        same = same && s != nullptr && s == got.front();
    }
    std::cout << "all " << kCallers << " callers got the same Settings*: " << std::boolalpha << same
              << '\n';
    std::cout << "settings: " << got.front()->databaseUrl << " max " << got.front()->maxConnections
              << '\n';
    return 0;
}

// Config once: starter file.
//
// Fill in the TODOs. Keep the names Config, Load and Settings exactly as they
// are: the grader calls them. Build and run with ThreadSanitizer:
//
//     g++ -std=c++20 -g -fsanitize=thread -pthread main.cpp -o config && ./config

#include <iostream>
#include <string>

// TODO: include what you use (<mutex>, <thread>, <vector>, ...).

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
    // The first call builds the settings and prints a line containing
    // "initializing config"; every later call returns the same pointer without
    // printing anything. Many threads may call Load() at the same time.
    const Settings *Load()
    {
        // TODO: build the settings only once. Pretend to read them from a
        // file: print "initializing config", then keep these hardcoded values:
        //     Settings{"postgres://localhost:5432/shop", 20, false}
        return nullptr;
    }

private:
    // TODO: what Load() needs to build the settings exactly once and to keep
    // them.
};

int main()
{
    Config config;

    // TODO: start 10 threads that all call config.Load() at the same time,
    // keep the pointer each one gets, wait for all of them, then report
    // whether they all got the same pointer.

    const Settings *settings = config.Load();
    std::cout << "all callers got the same Settings*: false\n";
    if (settings != nullptr) {
        std::cout << "settings: " << settings->databaseUrl << " max " << settings->maxConnections
                  << '\n';
    }
    return 0;
}

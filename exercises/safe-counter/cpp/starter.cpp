// Safe counter: starter file.
//
// Fill in the TODOs. Keep the names SafeCounter, Inc and Value exactly as they
// are: the grader calls them. Build and run with ThreadSanitizer:
//
//     g++ -std=c++20 -g -fsanitize=thread -pthread main.cpp -o counter && ./counter

#include <iostream>

// TODO: include what you use (<mutex>, <thread>, <vector>, ...).

class SafeCounter
{
public:
    // Adds one to the count. Many threads call this at the same time.
    void Inc()
    {
        // TODO
    }

    // Returns the current count. Other threads may still be calling Inc().
    int Value()
    {
        // TODO
        return 0;
    }

private:
    // TODO: the count itself, and something that protects it.
};

int main()
{
    SafeCounter counter;

    // TODO: start 100 threads that each call counter.Inc() 100 times, then wait
    // until every one of them has finished before reading the value.

    std::cout << counter.Value() << '\n'; // should print 10000
    return 0;
}

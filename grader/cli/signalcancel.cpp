#include "signalcancel.h"

#include <csignal>

namespace RaceGrade {

namespace {

std::atomic_bool cancelled{false};
std::atomic_int received{0};
static_assert(std::atomic_bool::is_always_lock_free && std::atomic_int::is_always_lock_free,
              "a signal handler may only touch lock-free atomics");

constexpr int handledSignals[] = {SIGINT, SIGTERM, SIGHUP};
struct sigaction previous[std::size(handledSignals)];

void onSignal(int number)
{
    received.store(number);
    cancelled.store(true);
}

} // namespace

SignalCancel::SignalCancel()
{
    cancelled.store(false);
    received.store(0);
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    for (size_t i = 0; i < std::size(handledSignals); ++i) {
        sigaction(handledSignals[i], &action, &previous[i]);
    }
}

SignalCancel::~SignalCancel()
{
    for (size_t i = 0; i < std::size(handledSignals); ++i) {
        sigaction(handledSignals[i], &previous[i], nullptr);
    }
}

const std::atomic_bool *SignalCancel::flag() const
{
    return &cancelled;
}

int SignalCancel::signal() const
{
    return received.load();
}

} // namespace RaceGrade

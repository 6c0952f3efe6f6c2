#pragma once

#include <QString>
#include <optional>
#include <utility>

namespace RaceGrade {

/// A value or the reason there is none. The engine returns this instead of throwing.
template <typename T>
class Expected
{
public:
    Expected(T value)
        : m_value(std::move(value))
    {}

    static Expected failure(QString reason)
    {
        Expected result;
        result.m_error = std::move(reason);
        return result;
    }

    bool hasValue() const { return m_value.has_value(); }
    explicit operator bool() const { return hasValue(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    /// Why there is no value; empty when there is one.
    const QString &error() const { return m_error; }

private:
    Expected() = default;

    std::optional<T> m_value;
    QString m_error;
};

} // namespace RaceGrade

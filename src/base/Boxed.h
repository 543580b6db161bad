#pragma once
// An optional value held on the heap, the size of a pointer when absent. For members that are
// large and rare: a candidate's lineage (150 bytes) concerns a few merged units among millions
// of people, and every candidate would otherwise carry the space for it.

#include <memory>
#include <optional>

namespace thidua {

template <typename T>
class Boxed {
public:
    Boxed() = default;
    Boxed(std::optional<T> value) {  // NOLINT(google-explicit-constructor): used like optional
        if (value) m_value = std::make_unique<T>(std::move(*value));
    }
    Boxed(const Boxed& other)
        : m_value(other.m_value ? std::make_unique<T>(*other.m_value) : nullptr) {}
    Boxed(Boxed&&) noexcept = default;
    Boxed& operator=(const Boxed& other) {
        if (this != &other) m_value = other.m_value ? std::make_unique<T>(*other.m_value) : nullptr;
        return *this;
    }
    Boxed& operator=(Boxed&&) noexcept = default;
    ~Boxed() = default;

    explicit operator bool() const { return m_value != nullptr; }
    bool has_value() const { return m_value != nullptr; }
    T& operator*() { return *m_value; }
    const T& operator*() const { return *m_value; }
    T* operator->() { return m_value.get(); }
    const T* operator->() const { return m_value.get(); }

private:
    std::unique_ptr<T> m_value;
};

}  // namespace thidua

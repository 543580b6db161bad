#pragma once
// A vector held on the heap, the size of one pointer while empty. For per-candidate lists that
// are empty for almost everyone: an untraced evaluation of millions of people keeps no criteria,
// no missing facts and no ranking keys for the ineligible, and three std::vectors would make up
// more than half of each outcome's bytes (memory the evaluation writes, moves and frees).
//
// Reads look like a std::vector's (iteration, size, [], at, ==); writes go through edit(),
// which makes the vector on first use, or through assignment from a std::vector.

#include <memory>
#include <vector>

namespace thidua {

template <typename T>
class BoxedVector {
public:
    using value_type = T;
    using const_iterator = typename std::vector<T>::const_iterator;

    BoxedVector() = default;
    BoxedVector(std::vector<T> values) {  // NOLINT(google-explicit-constructor): like a vector
        *this = std::move(values);
    }
    BoxedVector(const BoxedVector& other)
        : m_values(other.m_values ? std::make_unique<std::vector<T>>(*other.m_values) : nullptr) {}
    BoxedVector(BoxedVector&&) noexcept = default;
    BoxedVector& operator=(const BoxedVector& other) {
        if (this != &other)
            m_values = other.m_values ? std::make_unique<std::vector<T>>(*other.m_values) : nullptr;
        return *this;
    }
    BoxedVector& operator=(BoxedVector&&) noexcept = default;
    BoxedVector& operator=(std::vector<T> values) {
        if (values.empty())
            m_values.reset();
        else
            m_values = std::make_unique<std::vector<T>>(std::move(values));
        return *this;
    }
    ~BoxedVector() = default;

    const std::vector<T>& values() const { return m_values ? *m_values : empty_vector(); }
    operator const std::vector<T>&() const { return values(); }  // NOLINT: reads as a vector
    std::vector<T>& edit() {
        if (!m_values) m_values = std::make_unique<std::vector<T>>();
        return *m_values;
    }
    void clear() { m_values.reset(); }

    bool empty() const { return !m_values || m_values->empty(); }
    size_t size() const { return m_values ? m_values->size() : 0; }
    const_iterator begin() const { return values().begin(); }
    const_iterator end() const { return values().end(); }
    const T& operator[](size_t i) const { return (*m_values)[i]; }
    const T& at(size_t i) const { return values().at(i); }
    const T& front() const { return m_values->front(); }
    const T& back() const { return m_values->back(); }

    friend bool operator==(const BoxedVector& a, const BoxedVector& b) {
        return a.values() == b.values();
    }

private:
    static const std::vector<T>& empty_vector() {
        static const std::vector<T> kEmpty;
        return kEmpty;
    }

    std::unique_ptr<std::vector<T>> m_values;
};

}  // namespace thidua

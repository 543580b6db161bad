#pragma once
// Static types of the criterion language. The compiler checks them so that a plan with
// `rating >= tot` on a person (whose scale is htxs/htt/ht/kht) fails `thidua check`, not a review.

#include <string>
#include <vector>

namespace thidua::expr {

// An ordered set of labels, best first: a rating column's values or a plan's own bands.
struct ScaleDef {
    std::string name;
    std::vector<std::string> ids;
    std::vector<std::string> labels_vi;
    int code_of(std::string_view id) const {
        for (size_t i = 0; i < ids.size(); ++i)
            if (ids[i] == id) return static_cast<int>(i);
        return -1;
    }
};

enum class TypeKind : uint8_t { Error, Bool, Number, Rating, Unit, Person };

struct Type {
    TypeKind kind = TypeKind::Error;
    const ScaleDef* scale = nullptr;  // Rating only

    bool is_subject() const { return kind == TypeKind::Unit || kind == TypeKind::Person; }
    bool operator==(const Type& o) const { return kind == o.kind && scale == o.scale; }
};

std::string type_name_vi(const Type& t);  // "đúng/sai", "số", "xếp loại (xuat-sac, tot, ...)"

}  // namespace thidua::expr

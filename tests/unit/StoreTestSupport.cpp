#include "StoreTestSupport.h"

#include "DatasetCompare.h"

namespace thidua::testing_support {
void expect_same_dataset(const Dataset& a, const Dataset& b) {
    EXPECT_EQ(dataset_difference(a, b), "");
}

}  // namespace thidua::testing_support

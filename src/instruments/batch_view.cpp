// SPDX-License-Identifier: Apache-2.0
// `batch_view`: checking the columns of a view.
#include <theracore/instruments/batch_view.hpp>

#include <string>
#include <utility>

THERACORE_NAMESPACE_BEGIN
namespace instruments {

batch_view::batch_view(std::size_t rows, std::vector<column_view> columns,
                       std::optional<std::int64_t> integer_missing)
    : rows_(rows), columns_(std::move(columns)), integer_missing_(integer_missing) {
    problem_list p;
    for (std::size_t j = 0; j < columns_.size(); ++j) {
        if (rows_ > 0 && columns_[j].data == nullptr) {
            p.push_back({"columns[" + std::to_string(j) + "]", "no data"});
        }
    }
    throw_if_invalid(p, "invalid batch_view");
}

}  // namespace instruments
THERACORE_NAMESPACE_END

// SPDX-License-Identifier: Apache-2.0
/// @file
/// A catalog of instruments: lookup by id, listing, and filtering by licence.
#pragma once

#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <theracore/config.hpp>
#include <theracore/error.hpp>
#include <theracore/instruments/instrument.hpp>

THERACORE_NAMESPACE_BEGIN
namespace instruments {

/// An immutable set of instruments with unique ids, in the order given. Safe to read from
/// several threads at once.
class catalog {
  public:
    catalog() = default;

    /// @throws validation_error when two instruments share an id or one is empty.
    THERACORE_API explicit catalog(std::vector<instrument> instruments);

    /// The instrument with this id, or nullptr.
    [[nodiscard]] THERACORE_API const instrument* find(std::string_view id) const noexcept;

    /// The instrument with this id.
    /// @throws not_found naming the id.
    [[nodiscard]] THERACORE_API const instrument& at(std::string_view id) const;

    [[nodiscard]] const std::vector<instrument>& instruments() const noexcept {
        return instruments_;
    }
    [[nodiscard]] THERACORE_API std::vector<std::string> ids() const;
    [[nodiscard]] std::size_t size() const noexcept { return instruments_.size(); }
    [[nodiscard]] bool empty() const noexcept { return instruments_.empty(); }

    /// The instruments for which `keep` is true.
    [[nodiscard]] THERACORE_API catalog
    filter(const std::function<bool(const instrument&)>& keep) const;

    /// The instruments under one of `terms`.
    [[nodiscard]] THERACORE_API catalog
    with_licences(std::initializer_list<licence_terms> terms) const;

    /// The instruments under none of `terms`: `without_licences({licence_terms::non_commercial})`
    /// is the catalog of a commercial product (drops AUDIT, AUDIT-C, DAST-10, WHO-5).
    [[nodiscard]] THERACORE_API catalog
    without_licences(std::initializer_list<licence_terms> terms) const;

  private:
    std::vector<instrument> instruments_;
};

}  // namespace instruments
THERACORE_NAMESPACE_END

// SPDX-License-Identifier: Apache-2.0
/// @file
/// A catalog of instruments: lookup by id, listing, and filtering by licence.
#pragma once

#include <algorithm>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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
    explicit catalog(std::vector<instrument> instruments) : instruments_(std::move(instruments)) {
        problem_list p;
        for (std::size_t i = 0; i < instruments_.size(); ++i) {
            const auto path = "[" + std::to_string(i) + "]";
            if (instruments_[i].id().empty()) {
                p.push_back({path, "an empty instrument"});
            }
            for (std::size_t j = 0; j < i; ++j) {
                if (instruments_[j].id() == instruments_[i].id()) {
                    p.push_back({path, "duplicate instrument id \"" + instruments_[i].id() + "\""});
                }
            }
        }
        throw_if_invalid(p, "invalid catalog");
    }

    /// The instrument with this id, or nullptr.
    [[nodiscard]] const instrument* find(std::string_view id) const noexcept {
        for (const auto& i : instruments_) {
            if (i.id() == id) {
                return &i;
            }
        }
        return nullptr;
    }

    /// The instrument with this id.
    /// @throws not_found naming the id.
    [[nodiscard]] const instrument& at(std::string_view id) const {
        if (const auto* i = find(id)) {
            return *i;
        }
        throw not_found("no instrument \"" + std::string(id) + "\" in the catalog");
    }

    [[nodiscard]] const std::vector<instrument>& instruments() const noexcept {
        return instruments_;
    }
    [[nodiscard]] std::vector<std::string> ids() const {
        std::vector<std::string> out;
        out.reserve(instruments_.size());
        for (const auto& i : instruments_) {
            out.push_back(i.id());
        }
        return out;
    }
    [[nodiscard]] std::size_t size() const noexcept { return instruments_.size(); }
    [[nodiscard]] bool empty() const noexcept { return instruments_.empty(); }

    /// The instruments for which `keep` is true.
    [[nodiscard]] catalog filter(const std::function<bool(const instrument&)>& keep) const {
        catalog out;
        std::copy_if(instruments_.begin(), instruments_.end(), std::back_inserter(out.instruments_),
                     keep);
        return out;
    }

    /// The instruments under one of `terms`.
    [[nodiscard]] catalog with_licences(std::initializer_list<licence_terms> terms) const {
        return filter([&](const instrument& i) {
            return std::find(terms.begin(), terms.end(), i.licence()) != terms.end();
        });
    }

    /// The instruments under none of `terms`: `without_licences({licence_terms::non_commercial})`
    /// is the catalog of a commercial product (drops AUDIT, AUDIT-C, DAST-10, WHO-5).
    [[nodiscard]] catalog without_licences(std::initializer_list<licence_terms> terms) const {
        return filter([&](const instrument& i) {
            return std::find(terms.begin(), terms.end(), i.licence()) == terms.end();
        });
    }

  private:
    std::vector<instrument> instruments_;
};

}  // namespace instruments
THERACORE_NAMESPACE_END
